// A workbook's number cell is read as the number Excel shows: a rate of 0.00000012 was String()'d to
// `1.2e-7` and refused as "not a number"; it is 0.00000012. A number beyond 2^53 − 1 (1E+21) is
// refused as too large, at its cell. A formula's result is read to the 15 significant digits Excel keeps and
// shows: 40.00000000000001 (a sum of counts with binary noise) is 40, not a count with a fraction. A
// whole number of 16 digits or more is read as Excel shows it (`1.23456789012345E+17`): an id typed
// as a number lost its last digits, and is refused, never read as 123456789012345000.

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { dataContract } from '../builders.js';

const contract = dataContract({
  metrics: { rate: { label: '转化率', unit: 'ratio' }, plays: { label: '播放量', unit: 'count' } },
  roles: { host: '主播' },
  stages: { startup: '初创期' },
});
const text = (value: string) => ({ value, type: String });
const num = (value: number) => ({ value, type: Number });

async function workbook(rows: unknown[][]) {
  const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '转化率', '播放量'].map(text);
  const bytes = await (writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> })([
    header,
    ...rows,
  ]).toBuffer();
  const table = await readTable(new Uint8Array(bytes), 'm.xlsx');
  if (!table.ok) throw new Error('unreadable');
  return toRecords(table.table, contract, { file: 'm.xlsx' });
}
const who = (id: string) => [id, '张三', '主播', '一组', '初创期', '2026-10'].map(text);

describe('number cells of a workbook', () => {
  it('0.00000012 is read as 0.00000012, not refused as `1.2e-7`', async () => {
    const r = await workbook([[...who('E1'), num(0.00000012), num(5)]]);
    expect(r.excluded).toEqual([]);
    expect(r.records[0]?.metrics).toEqual({ rate: 0.00000012, plays: 5 });
  });

  it('1E+21 is refused as too large, at its cell', async () => {
    const r = await workbook([[...who('E2'), num(0.5), num(1e21)]]);
    expect(r.excluded[0]?.reasons.map((d) => [d.message, d.cell?.row, d.cell?.column])).toEqual([
      ['`1E+21` is too large to be a figure (at most 9007199254740991)', 2, '播放量'],
    ]);
  });

  it('a formula’s result is read to the 15 significant digits Excel shows: 40.00000000000001 videos are 40, not a fraction of a count', async () => {
    const r = await workbook([
      [...who('E3'), num(0.30000000000000004), num(40.00000000000001)],
      [...who('E4'), num(0.1 + 0.7), num(12)],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => x.metrics)).toEqual([
      { rate: 0.3, plays: 40 },
      { rate: 0.8, plays: 12 },
    ]);
  });

  it('an id typed as a number of 16 digits or more, whose last digits Excel dropped, is refused as an id in scientific notation', async () => {
    // 123456789012345678 typed into a General cell: Excel keeps 15 digits and stores 123456789012345000
    const r = await workbook([
      [num(123456789012345000), ...who('x').slice(1), num(0.5), num(5)],
      [num(202311000001), ...who('x').slice(1), num(0.5), num(6)],
    ]);
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => [d.code, d.message, d.cell?.value])])).toEqual([
      [
        2,
        [
          [
            'data_bad_id',
            '`1.23456789012345E+17` is not an employee id but a number in scientific notation',
            '1.23456789012345E+17',
          ],
        ],
      ],
    ]);
    // 12 digits are within Excel's 15: the id as typed
    expect(r.records.map((x) => x.employee_id)).toEqual(['202311000001']);
  });
});
