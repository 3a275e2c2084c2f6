// An event cell is read with six decimal places (DECIMAL(18, 6), docs/events.md). A cell with a
// digit other than 0 past the sixth place, or past the fourth before a `%`, is refused at its cell,
// never rounded: `0.8999999` rounded is 0.9, and paid the tier that starts at 0.9.

import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { aggregate, byKey, folder } from './build.js';

const MAX = `events:
  - file: v.csv
    time: 发布时间
    metrics:
      best: { agg: max, column: 完播率 }
      gmv: { agg: sum, column: 金额 }
`;

const cellsOf = (r: Awaited<ReturnType<typeof aggregate>>, key: string) =>
  (r.exclusions.get(key) ?? []).map((d) => [d.cell?.row, d.cell?.column, d.cell?.value, d.message]);

const inexact = (value: string, column: string) =>
  `\`${value}\` in \`${column}\` has more decimal places than an event cell is read with (six; four before a \`%\`): it would be rounded, and a rounded number can cross a threshold`;

describe('an event cell with more than six decimal places', () => {
  it('is refused at its row, column and value as written, in every form a number is written in', async () => {
    const csv = [
      '工号,发布时间,完播率,金额',
      'E1,2026-10-02 10:00,0.8999999,10',
      'E1,2026-10-03 10:00,0.5,999999.9999999',
      'E2,2026-10-04 10:00,45.12345%,¥12.3456789',
      'E2,2026-10-05 10:00,0.1,1.2345678万',
      'E3,2026-10-06 10:00,0.9000000,"1,234.5000000"',
      'E3,2026-10-07 10:00,45.1234%,1.234567万',
    ].join('\n');
    const r = await aggregate(folder({ 'v.csv': csv }), MAX);
    expect([...r.exclusions.keys()].sort()).toEqual(['E1', 'E2']);
    expect(cellsOf(r, 'E1')).toEqual([
      [2, '完播率', '0.8999999', inexact('0.8999999', '完播率')],
      [3, '金额', '999999.9999999', inexact('999999.9999999', '金额')],
    ]);
    expect(cellsOf(r, 'E2')).toEqual([
      [4, '完播率', '45.12345%', inexact('45.12345%', '完播率')],
      [4, '金额', '¥12.3456789', inexact('¥12.3456789', '金额')],
      [5, '金额', '1.2345678万', inexact('1.2345678万', '金额')],
    ]);
    expect(localise(r.exclusions.get('E1')![0]!, 'zh').message).toBe(
      '`完播率` 列的 `0.8999999` 小数位数超过事件单元格的读取精度（六位；带 `%` 时四位）：读取时会被四舍五入，而四舍五入后的数值可能跨过门槛',
    );
    // zeros past the sixth place change nothing: 0.9; 45.1234% is 0.451234; 1,234.5 + 12,345.67
    expect(byKey(r).E3).toEqual({ best: '0.9', gmv: '13580.17' });
  });

  // the fast read casts a plain number column whole: a cell with seven characters after its `.`
  // stops it, and the text path says whether the cell would be rounded
  it('stops the fast read of a plain number column in the middle of the file, and is refused there', async () => {
    const lines = ['工号,发布时间,完播率,金额'];
    for (let i = 0; i < 2500; i++) lines.push(`E1,2026-10-05 10:00,0.5,${i === 2400 ? '10.0000001' : '10'}`);
    lines.push('E2,2026-10-05 10:00,0.5,10.0000000');
    const r = await aggregate(folder({ 'v.csv': `${lines.join('\n')}\n` }), MAX);
    expect(r.reports[0]!.typedRead).toMatchObject({ used: false, fallback: 'Invalid Input Error: not a plain number' });
    expect(cellsOf(r, 'E1')).toEqual([[2402, '金额', '10.0000001', inexact('10.0000001', '金额')]]);
    expect(byKey(r).E2).toEqual({ best: '0.5', gmv: '10' });
  });

  it('in a Parquet file: a DOUBLE or DECIMAL that six places would change is refused; a double’s own noise is not', async () => {
    const dir = folder({});
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(
      `COPY (SELECT * FROM (VALUES
        ('E1', TIMESTAMP '2026-10-02 10:00:00', 0.8999999::DOUBLE, 1.5::DECIMAL(18, 8)),
        ('E2', TIMESTAMP '2026-10-03 10:00:00', 0.5::DOUBLE, 0.89999999::DECIMAL(18, 8)),
        ('E3', TIMESTAMP '2026-10-04 10:00:00', 0.1::DOUBLE + 0.2::DOUBLE, 2.25000000::DECIMAL(18, 8)),
        ('E3', TIMESTAMP '2026-10-05 10:00:00', 0.8999999999999999::DOUBLE, 0.00000100::DECIMAL(18, 8))
      ) AS t (工号, 发布时间, 完播率, 金额)) TO '${join(dir, 'v.parquet')}' (FORMAT PARQUET)`,
    );
    const r = await aggregate(dir, MAX.replace('v.csv', 'v.parquet'));
    expect(cellsOf(r, 'E1')).toEqual([[2, '完播率', '0.8999999', inexact('0.8999999', '完播率')]]);
    expect(cellsOf(r, 'E2')).toEqual([[3, '金额', '0.89999999', inexact('0.89999999', '金额')]]);
    // 0.1 + 0.2 is 0.30000000000000004 and 0.8999999999999999 is 0.9 to fifteen digits, as an XLSX cell is read
    expect(byKey(r).E3).toEqual({ best: '0.9', gmv: '2.250001' });
  });
});
