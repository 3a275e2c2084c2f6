// HR sheets merge a 团队 cell over its members, or a 违规次数 over the people it concerns. Excel shows
// the value across the rows, but only the first cell of the range holds it: the rows below were read
// as empty, a team missing (refused for the wrong reason) or a metric's `default` standing in for the
// value Excel shows (2 violations read as 2, 0, 0). Cells merged down several rows of the table are
// refused at the range; a merge along one row (a totals row's label over five columns) is not.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { videosAndViolationsContract } from '../builders.js';

const contract = videosAndViolationsContract();

const text = (value: string) => ({ value, type: String });
const num = (value: number) => ({ value, type: Number });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

/** Three 编导 (rows 2–4) and the rows given, with these ranges merged (`D2:D4`). */
async function workbook(merges: string[], more: unknown[][] = []): Promise<Uint8Array> {
  const person = (id: string, team: string, violations: number | '') => [
    ...[id, '张三', '编导', team, '初创期', '2026-10'].map(text),
    num(30),
    violations === '' ? text('') : num(violations),
  ];
  const rows = [
    ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
    person('E1', '一组', 2),
    person('E2', '', ''),
    person('E3', '', ''),
    ...more,
  ];
  const parts = unzipSync(new Uint8Array(await write(rows).toBuffer()));
  const name = 'xl/worksheets/sheet1.xml';
  const cells = merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  parts[name] = strToU8(
    strFromU8(parts[name] as Uint8Array).replace(
      '</sheetData>',
      `</sheetData><mergeCells count="${merges.length}">${cells}</mergeCells>`,
    ),
  );
  return zipSync(parts);
}

async function records(bytes: Uint8Array) {
  const table = await readTable(bytes, 'm.xlsx');
  if (!table.ok) throw new Error('unreadable');
  return toRecords(table.table, contract, { file: 'm.xlsx' });
}

describe('cells merged down several rows of a workbook', () => {
  it('a 团队 merged over three people refuses the file at the range, with the value Excel shows', async () => {
    const r = await records(await workbook(['D2:D4', 'H2:H4']));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: the cells D2:D4 are merged: Excel shows `一组` on rows 2 to 4, but only row 2 holds it\n' +
        '  at sheet `Sheet1`, row 2, column `团队`, value `一组`\n' +
        '  help: unmerge the cells and write the value in every row it is meant for (Excel: Merge & Center off, then fill down with Ctrl+D): a row below would be read as empty',
    ]);
  });

  it('a 违规次数 of 2 merged over three people is refused, never read as 2, 0 and 0 through the default', async () => {
    const r = await records(await workbook(['H2:H4']));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_xlsx_unreadable',
        'the cells H2:H4 are merged: Excel shows `2` on rows 2 to 4, but only row 2 holds it',
        { sheet: 'Sheet1', row: 2, column: '违规次数', value: '2' },
      ],
    ]);
  });

  it('in Chinese', async () => {
    const r = await records(await workbook(['D2:D3']));
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:2: error[data_xlsx_unreadable]: 单元格 D2:D3 是合并单元格：Excel 在第 2 到 3 行显示 `一组`，但只有第 2 行有这个值',
    );
  });

  it('a merge along one row (a totals row’s label) or of empty cells is no problem', async () => {
    const totals = [text('合计'), text(''), text(''), text(''), text(''), text(''), num(90), num(2)];
    const r = await records(await workbook(['A5:F5', 'D3:D4'], [totals]));
    // the merge D3:D4 holds nothing: E2 and E3 have no team, as the sheet shows
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_totals_row']);
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => d.code)])).toEqual([
      [3, ['data_missing_field']],
      [4, ['data_missing_field']],
    ]);
  });

  it('a value under a merge along a row (G2:H2 shows only G2) is refused when its column is read: Excel shows none of it', async () => {
    const r = await records(await workbook(['G2:H2']));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: 1 cell(s) under merged cells hold data: the merge G2:H2 shows only its first cell, but the cells it covers would be read\n' +
        '  at sheet `Sheet1`, row 2, column `违规次数`, value `2`\n' +
        '  help: unmerge the cells (Merge & Center off), check the values that appear, delete those not to be read, and save',
    ]);
  });

  it('so is a value under a merge whose first cell is empty: H5:H6 shows nothing, H6 holds 1', async () => {
    const person = (id: string, violations: unknown) => [
      ...[id, '张三', '编导', '一组', '初创期', '2026-10'].map(text),
      num(30),
      violations,
    ];
    const r = await records(await workbook(['H5:H6'], [person('E4', text('')), person('E5', num(1))]));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.message, d.cell])).toEqual([
      [
        '1 cell(s) under merged cells hold data: the merge H5:H6 shows only its first cell, but the cells it covers would be read',
        { sheet: 'Sheet1', row: 6, column: '违规次数', value: '1' },
      ],
    ]);
  });

  it('a note merged down several rows in a column that is not read (备注) is no problem: nothing is read from it', async () => {
    const person = (id: string, note: string) => [
      ...[id, '张三', '编导', '一组', '初创期', '2026-10'].map(text),
      num(30),
      num(0),
      text(note),
    ];
    const rows = [
      ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数', '备注'].map(text),
      person('E1', '10月15日起调岗'),
      person('E2', ''),
      person('E3', ''),
    ];
    const parts = unzipSync(new Uint8Array(await write(rows).toBuffer()));
    const name = 'xl/worksheets/sheet1.xml';
    parts[name] = strToU8(
      strFromU8(parts[name] as Uint8Array).replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="I2:I4"/></mergeCells>',
      ),
    );
    const r = await records(zipSync(parts));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1', 'E2', 'E3']);
  });
});
