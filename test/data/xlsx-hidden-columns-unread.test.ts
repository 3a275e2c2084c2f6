// A workbook with a hidden column the policy never reads (a 身份证号 or 手机号 HR hides before
// sending the sheet round, last month's figures kept beside this month's) was refused all the
// same: "1 hidden column(s) hold data", whether or not the column fed anything. A hidden column is
// refused only when it is read: a field (工号, 姓名, 岗位, 团队, 阶段, 月份, 绩效基数), a metric of the
// policy, or in a data mapping a join key or a column the mapping maps. One the policy does not read
// is left unread, as any column that matches nothing is.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { readDataFile } from '../../node/cli/pipeline.js';
import { compiledPolicy, ONE_RATING_POLICY, workbookWith, xlsxText as text } from '../builders.js';

const num = (value: number) => ({ value, type: Number });
const policy = () => compiledPolicy(ONE_RATING_POLICY, 'p.yaml');

/** `rows` as a workbook whose columns `min`–`max` (1-based, as Excel's `<col>` counts) are hidden. */
const hiding = (rows: unknown[][], min: number, max = min) =>
  workbookWith(rows, {
    sheet: (xml) =>
      xml.replace(
        '<sheetData>',
        `<cols><col min="${min}" max="${max}" width="0" hidden="1" customWidth="1"/></cols><sheetData>`,
      ),
  });

/** Two 员工 rated 80 and 60, with a 身份证号 in column H. */
const staff = [
  ['工号', '姓名', '岗位', '团队', '阶段', '月份', '评分', '身份证号'].map(text),
  [...['E1', '张三', '员工', '一组', '常规', '2026-10'].map(text), num(80), text('110101199001011234')],
  [...['E2', '李四', '员工', '一组', '常规', '2026-10'].map(text), num(60), text('110101199202022345')],
];

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hidden-col-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

describe('a hidden column in a data file', () => {
  it('a hidden 身份证号 the policy does not read is left unread: both employees are read', async () => {
    const dir = folder({ 'm.xlsx': await hiding(staff, 8) });
    const read = await readDataFile(join(dir, 'm.xlsx'), policy());
    expect(read.records.map((r) => [r.employee_id, r.metrics.rating])).toEqual([
      ['E1', 80],
      ['E2', 60],
    ]);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a hidden 评分, which the policy reads, refuses the file at its first cell as before', async () => {
    const dir = folder({ 'm.xlsx': await hiding(staff, 7) });
    const read = await readDataFile(join(dir, 'm.xlsx'), policy());
    expect(read.records).toEqual([]);
    expect(read.diagnostics.map((d) => formatDiagnostic(d).replace(dir, 'DIR'))).toEqual([
      'DIR/m.xlsx:2: error[data_xlsx_unreadable]: 1 hidden column(s) hold data: G `评分`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read\n' +
        '  at sheet `Sheet1`, row 2, column `评分`, value `80`\n' +
        '  help: show every column (Unhide columns), delete the columns that are not to be read, and save: a column nobody sees would feed the results',
    ]);
  });

  it('of hidden 评分 and 身份证号 (G:H), only the one read is named', async () => {
    const dir = folder({ 'm.xlsx': await hiding(staff, 7, 8) });
    const read = await readDataFile(join(dir, 'm.xlsx'), policy());
    expect(formatDiagnostic(read.diagnostics[0]!).split('\n')[0]!.replace(dir, 'DIR')).toBe(
      'DIR/m.xlsx:2: error[data_xlsx_unreadable]: 1 hidden column(s) hold data: G `评分`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
    );
  });

  it('a hidden 团队 (a field) is read, so it refuses the file', async () => {
    const dir = folder({ 'm.xlsx': await hiding(staff, 4) });
    const read = await readDataFile(join(dir, 'm.xlsx'), policy());
    expect(read.diagnostics.map((d) => [d.code, d.cell?.column, d.cell?.value])).toEqual([
      ['data_xlsx_unreadable', '团队', '一组'],
    ]);
  });
});

describe('a hidden column in a data mapping’s roster or export', () => {
  const roster = [
    ['工号', '姓名', '岗位', '团队', '阶段', '抖音账号', '手机号'].map(text),
    [...['E1', '张三', '员工', '一组', '常规', '@zhang', '13800000001'].map(text)],
    [...['E2', '李四', '员工', '一组', '常规', '@li', '13800000002'].map(text)],
  ];
  const exported = [
    ['账号名称', '作品评分', '粉丝数'].map(text),
    [text('@zhang'), num(80), num(1200)],
    [text('@li'), num(60), num(900)],
  ];
  const mapping = `period: 2026-10
roster: { file: 花名册.xlsx }
sources:
  - file: 后台.xlsx
    key: { column: 账号名称, roster: 抖音账号 }
    columns: { 作品评分: 评分 }
`;

  /** The month as the mapping reads it, the roster's column `rosterCol` and the export's `exportCol` hidden. */
  const month = async (rosterCol: number, exportCol: number) => {
    const dir = folder({
      '花名册.xlsx': await hiding(roster, rosterCol),
      '后台.xlsx': await hiding(exported, exportCol),
      'month.data.yaml': mapping,
    });
    return readDataFile(join(dir, 'month.data.yaml'), policy());
  };

  it('a hidden 手机号 in the roster and a hidden 粉丝数 in the export, neither read, stop nothing', async () => {
    const read = await month(7, 3);
    expect(read.records.map((r) => [r.employee_id, r.metrics.rating])).toEqual([
      ['E1', 80],
      ['E2', 60],
    ]);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a hidden 抖音账号, the roster column the export joins on, refuses the roster', async () => {
    const read = await month(6, 3);
    expect(read.records).toEqual([]);
    expect(read.diagnostics.map((d) => [d.code, d.file, d.cell?.column, d.cell?.value])).toEqual([
      ['data_xlsx_unreadable', '花名册.xlsx', '抖音账号', '@zhang'],
    ]);
  });

  it('a hidden 作品评分, which the mapping maps to 评分, and a hidden key 账号名称 refuse the export', async () => {
    for (const [col, name, value] of [
      [2, '作品评分', '80'],
      [1, '账号名称', '@zhang'],
    ] as const) {
      const read = await month(7, col);
      expect(read.records).toEqual([]);
      expect(read.diagnostics.map((d) => [d.code, d.file, d.cell?.column, d.cell?.value])).toEqual([
        ['data_xlsx_unreadable', '后台.xlsx', name, value],
      ]);
    }
  });
});
