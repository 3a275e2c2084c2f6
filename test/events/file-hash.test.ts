// The SHA-256 an event source records is of the bytes DuckDB read. A file of 8 MiB or more is hashed
// on a thread of its own, a smaller one on the main thread: both give the file's SHA-256. A file
// written to while it is read (between the hash's start and the last statement) is refused: its
// rows and its hash might not belong together.

import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateEvents } from '../../node/cli/events/aggregate.js';
import { byKey, eventsOf, folder, rosterTable } from './build.js';

const COUNT = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      orders: { agg: count }
`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function run(dir: string, step?: (name: string) => void) {
  return aggregateEvents({
    here: dir,
    mappingFile: 'm.yaml',
    events: eventsOf(COUNT),
    period: '2026-10',
    roster: { file: 'roster.csv', table: rosterTable() },
    step,
  });
}

describe("an event file's SHA-256", () => {
  it('of a small file: the SHA-256 of its bytes', async () => {
    const text = '工号,下单时间\nE1,2026-10-05 10:00\nE1,2026-10-06 10:00\n';
    const r = await run(folder({ 'orders.csv': text }));
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.sha256).toBe(sha256(text));
    expect(byKey(r).E1).toEqual({ orders: '2' });
  });

  it('of a file of 8 MiB or more (hashed on its own thread): the SHA-256 of its bytes', async () => {
    // 400,000 rows of 24 bytes after the 21-byte header (工号 and 下单时间 are 3 bytes a character): 9,600,021 bytes, 9.2 MiB
    const row = 'E2,2026-10-07 10:00:00\r\n';
    const text = '工号,下单时间\r\n' + row.repeat(400_000);
    expect(Buffer.byteLength(text)).toBe(9_600_021);
    const r = await run(folder({ 'orders.csv': text }));
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.sha256).toBe(sha256(text));
    expect(byKey(r).E2).toEqual({ orders: '400000' });
  });

  it('of a file written to while it is read: none, the file is refused', async () => {
    const dir = folder({ 'orders.csv': '工号,下单时间\nE1,2026-10-05 10:00\n' });
    // another program appends a row once DuckDB has started, before the statement runs
    const r = await run(dir, (step) => {
      if (step === 'DuckDB connected') appendFileSync(join(dir, 'orders.csv'), 'E1,2026-10-06 10:00\n');
    });
    expect(r.reports).toEqual([]);
    expect(r.sources).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.cell?.row, d.message])).toEqual([
      [
        'data_event_read',
        'orders.csv',
        1,
        'the event file cannot be read: it changed while it was being read (its size or modification time is not what it was when the reading started), so its rows and its SHA-256 may not match: run again once the file is no longer being written',
      ],
    ]);
  });

  it('of a file rewritten with the same bytes while it is read: refused too (it was written to)', async () => {
    const text = '工号,下单时间\nE1,2026-10-05 10:00\n';
    const dir = folder({ 'orders.csv': text });
    const r = await run(dir, (step) => {
      if (step === 'DuckDB connected') writeFileSync(join(dir, 'orders.csv'), text);
    });
    expect(r.reports).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_event_read']);
  });
});
