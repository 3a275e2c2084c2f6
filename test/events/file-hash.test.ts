// The SHA-256 an event source records is of the bytes DuckDB read. It is computed when something
// reads it (the statements, `data inspect`, a JSON result's or the ledger's provenance), or, asked
// for (`data sql --explain`), while DuckDB reads: a file of 8 MiB or more on a thread of its own, a
// smaller one on the main thread. Each gives the file's SHA-256. A file written to while it is read
// (between the state taken before and the last statement) is refused, and so is a hash asked for
// once the file has changed since: its rows and its hash might not belong together.

import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitError } from '../../node/cli/errors.js';
import { aggregateEvents } from '../../node/cli/events/aggregate.js';
import { dataInputs } from '../../node/cli/provenance.js';
import { byKey, eventsOf, folder, ROSTER, rosterTable } from './build.js';

const COUNT = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      orders: { agg: count }
`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function run(dir: string, step?: (name: string) => void, hashWhileReading?: boolean) {
  return aggregateEvents({
    here: dir,
    mappingFile: join(dir, 'm.yaml'),
    events: eventsOf(COUNT),
    period: '2026-10',
    roster: { file: 'roster.csv', table: rosterTable() },
    step,
    hashWhileReading,
  });
}

/** The refusal a command stops with: its code and the file it names. */
function refusal(f: () => unknown): [string, string | undefined] | 'no refusal' {
  try {
    f();
  } catch (error) {
    if (error instanceof ExitError) return [error.diagnostics[0]!.code, error.diagnostics[0]!.file];
    throw error;
  }
  return 'no refusal';
}

describe("an event file's SHA-256", () => {
  it('of a small file: the SHA-256 of its bytes', async () => {
    const text = '工号,下单时间\nE1,2026-10-05 10:00\nE1,2026-10-06 10:00\n';
    const r = await run(folder({ 'orders.csv': text }));
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.sha256).toBe(sha256(text));
    expect(byKey(r).E1).toEqual({ orders: '2' });
  });

  // 400,000 rows of 24 bytes after the 21-byte header (工号 and 下单时间 are 3 bytes a character): 9,600,021 bytes, 9.2 MiB
  const large = '工号,下单时间\r\n' + 'E2,2026-10-07 10:00:00\r\n'.repeat(400_000);

  it('of a file of 8 MiB or more, hashed while DuckDB reads (on its own thread): the SHA-256 of its bytes', async () => {
    expect(Buffer.byteLength(large)).toBe(9_600_021);
    const steps: string[] = [];
    const r = await run(folder({ 'orders.csv': large }), (s) => steps.push(s), true);
    expect(r.diagnostics).toEqual([]);
    expect(steps).toContain('SHA-256 of orders.csv');
    expect(r.reports[0]!.sha256).toBe(sha256(large));
    expect(byKey(r).E2).toEqual({ orders: '400000' });
  });

  it('of the same file, not asked for while DuckDB reads: computed when first read, the same SHA-256', async () => {
    const steps: string[] = [];
    const r = await run(folder({ 'orders.csv': large }), (s) => steps.push(s));
    expect(r.diagnostics).toEqual([]);
    expect(steps.filter((s) => s.startsWith('SHA-256'))).toEqual([]);
    expect(r.reports[0]!.sha256).toBe(sha256(large));
    expect(byKey(r).E2).toEqual({ orders: '400000' });
  });

  it('asked for once the file has changed since its rows were read: the command stops, no hash of other bytes', async () => {
    const dir = folder({ 'orders.csv': '工号,下单时间\nE1,2026-10-05 10:00\n' });
    const r = await run(dir);
    expect(byKey(r).E1).toEqual({ orders: '1' });
    appendFileSync(join(dir, 'orders.csv'), 'E1,2026-10-06 10:00\n');
    expect(refusal(() => r.reports[0]!.sha256)).toEqual(['io_changed_while_read', join(dir, 'orders.csv')]);
  });

  it("in a JSON result's or the ledger's provenance (dataInputs): the aggregation's, refused once the file has changed", async () => {
    const text = '工号,下单时间\nE1,2026-10-05 10:00\n';
    const dir = folder({
      'orders.csv': text,
      'roster.csv': ROSTER,
      'm.yaml': `roster: { file: roster.csv }\n${COUNT}`,
    });
    const r = await run(dir);
    expect(r.diagnostics).toEqual([]);
    const parts = () => dataInputs(join(dir, 'm.yaml')).map((f) => [f.file, f.hash]);
    expect(parts()[2]).toEqual([join(dir, 'orders.csv'), sha256(text).slice(0, 16)]);
    // the file written to after the run read its rows: the provenance no longer vouches for them
    writeFileSync(join(dir, 'orders.csv'), text.replace('10:00', '11:00'));
    expect(refusal(parts)).toEqual(['io_changed_while_read', join(dir, 'orders.csv')]);
    expect(refusal(() => r.reports[0]!.sha256)).toEqual(['io_changed_while_read', join(dir, 'orders.csv')]);
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
