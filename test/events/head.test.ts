// A text event file's columns and first rows come from one statement (EventEngine.head): the
// names are DuckDB's own for the file, the ones `DESCRIBE` gives and the printed statement's
// `columns = {…}` lists — trimmed, a duplicate name suffixed `_1` (case aside), an empty one
// `column` and its position — and the rows choose the fast read's typed columns.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEngine } from '../../node/cli/events/duckdb.js';
import { readerSql } from '../../node/cli/events/sql.js';
import { aggregate, byKey, folder } from './build.js';

const GMV = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      gmv: { agg: sum, column: 实付金额 }
`;

let engine: EventEngine;
beforeAll(async () => {
  engine = await EventEngine.open();
});
afterAll(() => engine.close());

const HEADERS: [string, string, string[]][] = [
  ['spaces around names', ' 工号 ,下单时间 , 实付金额\nE1,2026-10-05 10:00,5\n', ['工号', '下单时间', '实付金额']],
  ['a byte order mark', '\uFEFF工号,下单时间\nE1,2026-10-05 10:00\n', ['工号', '下单时间']],
  ['duplicate names', '工号,金额,金额,Amount,amount\nE1,1,2,3,4\n', ['工号', '金额', '金额_1', 'Amount', 'amount_1']],
  ['empty names', '工号,,下单时间,\nE1,x,2026-10-05 10:00,y\n', ['工号', 'column1', '下单时间', 'column3']],
  ['quoted names', '"工号","实付,金额","说""明"\nE1,5,x\n', ['工号', '实付,金额', '说"明']],
  ['a header alone', '工号,下单时间\n', ['工号', '下单时间']],
];

describe("a text file's header and first rows, in one statement", () => {
  for (const [what, text, names] of HEADERS)
    it(`${what}: ${names.map((n) => `\`${n}\``).join(', ')}, as DESCRIBE names them`, async () => {
      const path = join(folder({ 'e.csv': text }), 'e.csv');
      const from = readerSql(path, 'csv');
      const head = await engine.head(from, 2000);
      expect(head.names).toEqual(names);
      expect(await engine.columns(from)).toEqual(names);
    });

  it('gives the first rows as text, 2,000 at most', async () => {
    const lines = ['工号,实付金额', ...Array.from({ length: 2500 }, (_, i) => `E${i + 1},${i}.50`)];
    const path = join(folder({ 'e.csv': lines.join('\n') + '\n' }), 'e.csv');
    const head = await engine.head(readerSql(path, 'csv'), 2000);
    expect(head.rows.length).toBe(2000);
    expect(head.rows[0]).toEqual(['E1', '0.50']);
    expect(head.rows[1999]).toEqual(['E2000', '1999.50']);
  });

  it('a BOM, quoted names with spaces: the amount still read typed, the sums the same', async () => {
    const text =
      '\uFEFF" 工号 ","下单时间","实付金额"\nE1,2026-10-05 10:00,12.50\nE1,2026-10-06 10:00,7.25\nE2,2026-10-07 10:00,3\n';
    const r = await aggregate(folder({ 'orders.csv': text }), GMV);
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.typedRead).toEqual({ columns: ['实付金额'], used: true });
    expect(byKey(r)).toEqual({ E1: { gmv: '19.75' }, E2: { gmv: '3' }, E3: { gmv: '0' } });
  });
});
