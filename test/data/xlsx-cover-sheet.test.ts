// A workbook whose first sheet is a 说明 (notes) or cover sheet, and the month on the next tab: the
// first sheet with a tab is read, as documented, and has no 工号 column. The reader said only "no
// `工号` column, no `姓名` column, …", one line a field, never which sheet it had read nor that
// another sheet holds the table. It now says so first, naming both sheets and the option; the other
// sheet is not read in its place (which sheet holds this month cannot be told).

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { videosAndViolationsContract, xlsxText as t } from '../builders.js';

const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };
const HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(t);
const ROW = ['E1', '张三', '编导', '一组', '初创期', '2026-10', '30', '0'].map(t);
const NOTES = [[t('本表为10月绩效数据，请勿修改表头')], [t('导出时间 2026-11-01')]];

async function problems(sheets: { sheet: string; data: unknown[][] }[], sheet?: string) {
  const bytes = new Uint8Array(await write(sheets).toBuffer());
  const read = await readTable(bytes, 'm.xlsx', sheet === undefined ? {} : { sheet });
  if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message).join('\n'));
  const r = toRecords(read.table, videosAndViolationsContract(), { file: 'm.xlsx' });
  return r.diagnostics.map((d) => [d.code, d.message, d.help]);
}

describe('a workbook with a notes sheet before the data', () => {
  it('names the sheet read and the sheet with the header, first, with the option to name it', async () => {
    const found = await problems([
      { sheet: '说明', data: NOTES },
      { sheet: '数据', data: [HEADER, ROW] },
    ]);
    expect(found[0]).toEqual([
      'data_xlsx_other_sheet',
      'the sheet `说明` was read, and it has no header of this data; the sheet `数据` has one',
      'name the sheet to read: `--sheet 数据` (in a data mapping, `sheet: 数据`), or move it first',
    ]);
    // the lines of before follow: the notes' one cell as an unknown column, then each field
    expect(found.slice(1).map((p) => p[0])).toEqual(['data_unknown_column', ...Array(6).fill('data_missing_column')]);
  });

  it('finds a header under a title row of the other sheet too, and lists every sheet that has one', async () => {
    const found = await problems([
      { sheet: '封面', data: NOTES },
      { sheet: '9月', data: [HEADER, ROW] },
      { sheet: '10月', data: [[t('10月绩效')], HEADER, ROW] },
    ]);
    expect(found[0]?.slice(0, 2)).toEqual([
      'data_xlsx_other_sheet',
      'the sheet `封面` was read, and it has no header of this data; the sheets `9月`, `10月` have one',
    ]);
  });

  it('says nothing more when no other sheet has a header, or when the sheet read is the data', async () => {
    const none = await problems([
      { sheet: '说明', data: NOTES },
      { sheet: '备注', data: NOTES },
    ]);
    expect(none.map((p) => p[0])).toEqual(['data_unknown_column', ...Array(6).fill('data_missing_column')]);
    const named = await problems(
      [
        { sheet: '说明', data: NOTES },
        { sheet: '数据', data: [HEADER, ROW] },
      ],
      '数据',
    );
    expect(named).toEqual([]);
  });
});
