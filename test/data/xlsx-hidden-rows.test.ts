// An analyst filters last month's sheet to one team (or hides the people who left) and hands the
// file over. Excel shows only the rows left, but the rows the filter hides are still in the file,
// and were read and paid on without a word. Which hidden rows were meant to be left out cannot be
// told from the file, so a sheet with hidden rows holding data is refused, naming the rows; an
// empty hidden row is no problem.

import { describe, expect, it } from 'vitest';
import { readTable, toRecords } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { videosAndViolationsContract, workbookWith, xlsxText as text } from '../builders.js';

const num = (value: number) => ({ value, type: Number });

/** Four 编导 on rows 2–5 and an empty row 6, with the rows given hidden (`<row r="3" hidden="1">`). */
async function workbook(hidden: number[], how = 'hidden="1"'): Promise<Uint8Array> {
  const person = (id: string, team: string) => [
    ...[id, '张三', '编导', team, '初创期', '2026-10'].map(text),
    num(30),
    num(0),
  ];
  const rows = [
    ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
    person('E1', '一组'),
    person('E2', '二组'),
    person('E3', '一组'),
    person('E4', '二组'),
    [text('')],
    person('E5', '一组'),
  ];
  return workbookWith(rows, {
    sheet: (xml) => hidden.reduce((x, r) => x.replace(`<row r="${r}">`, `<row r="${r}" ${how}>`), xml),
  });
}

describe('rows hidden in a workbook', () => {
  it('an autofilter that hides the 二组 rows refuses the sheet, naming every hidden row and the first one’s cell', async () => {
    const t = await readTable(await workbook([3, 5]), 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:3: error[data_xlsx_unreadable]: 2 hidden row(s) hold data: rows 3, 5; Excel does not show them (a filter, Hide, or a height too small to show them), but they would be read\n' +
        '  at sheet `Sheet1`, row 3, column `工号`, value `E2`\n' +
        '  help: show every row (Data → Clear the filter, or Unhide rows), delete the rows that are not to be read, and save: which hidden rows were meant to be left out cannot be told',
    ]);
  });

  it('in Chinese, with hidden="true" as some writers spell it', async () => {
    const t = await readTable(await workbook([7], 'hidden="true"'), 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(formatDiagnostic(t.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:7: error[data_xlsx_unreadable]: 有 1 个隐藏行含有数据：第 7 行；Excel 中看不到它们（筛选、隐藏或行高太小而看不到），但它们会被读取',
    );
  });

  it('a row of no height (`ht="0" customHeight="1"`, no `hidden`) is as hidden, and refused so', async () => {
    const t = await readTable(await workbook([4], 'ht="0" customHeight="1"'), 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.diagnostics.map((d) => [d.message, d.cell])).toEqual([
      [
        '1 hidden row(s) hold data: rows 4; Excel does not show them (a filter, Hide, or a height too small to show them), but they would be read',
        { sheet: 'Sheet1', row: 4, column: '工号', value: 'E3' },
      ],
    ]);
  });

  it('a row 4.5 points high is refused; one 5 points or more high, or of a height that is no number, is read', async () => {
    const low = await readTable(await workbook([3], 'ht="4.5" customHeight="1"'), 'm.xlsx');
    expect(low.ok).toBe(false);
    for (const how of ['ht="5" customHeight="1"', 'ht="13.5"', 'ht="abc"']) {
      const t = await readTable(await workbook([3], how), 'm.xlsx');
      expect(t.ok).toBe(true);
      if (t.ok) expect(t.table.rowNumbers).toEqual([2, 3, 4, 5, 7]);
    }
  });

  it('`hidden` written before `r` (`<row hidden="1" r="4">`) is as hidden', async () => {
    const bytes = await workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(0)],
        [...['E2', '李四', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(0)],
      ],
      { sheet: (xml) => xml.replace('<row r="3">', '<row hidden="1" r="3">') },
    );
    const t = await readTable(bytes, 'm.xlsx');
    expect(t.ok ? [] : t.diagnostics.map((d) => d.cell)).toEqual([
      { sheet: 'Sheet1', row: 3, column: '工号', value: 'E2' },
    ]);
  });

  it('under the sheet’s `zeroHeight` (Excel’s and xlsxwriter’s “hide the unused rows”) every row written in the file shows, and is read', async () => {
    const bytes = await workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(0)],
        [...['E2', '李四', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(0)],
      ],
      {
        sheet: (xml) => xml.replace('<sheetData>', '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><sheetData>'),
      },
    );
    const t = await readTable(bytes, 'm.xlsx');
    expect(t.ok ? t.table.rows.map((r) => r[0]) : t.diagnostics).toEqual(['E1', 'E2']);
  });

  it('`hidden="TRUE"`, and a `>` inside another attribute’s value before `hidden`, still hide the row', async () => {
    for (const how of ['hidden="TRUE"', 'x:note="a>b" hidden="1"']) {
      const t = await readTable(await workbook([4], how), 'm.xlsx');
      expect([how, t.ok ? [] : t.diagnostics.map((d) => d.cell?.row)]).toEqual([how, [4]]);
    }
  });

  it('a hidden empty row, or hidden="0", is read as the sheet shows it', async () => {
    for (const bytes of [await workbook([6]), await workbook([3], 'hidden="0"')]) {
      const t = await readTable(bytes, 'm.xlsx');
      expect(t.ok).toBe(true);
      if (!t.ok) return;
      expect(t.table.rows.map((r) => r[0])).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
      expect(t.table.rowNumbers).toEqual([2, 3, 4, 5, 7]);
    }
  });
});

// A column hidden by hand (a 违规次数 the team lead did not want to show, last month's 绩效基数 kept
// for a lookup) was read without a word: its cells fed the scores while the analyst saw none of them.
// Decided as for rows: a hidden column holding data that the reader reads (a field or a metric of
// the policy) refuses the sheet, naming the columns; one it does not read is left unread
// (xlsx-hidden-columns-unread.test.ts).
describe('columns hidden in a workbook', () => {
  /** The rows of `workbook` with `<cols>` before the sheet's data: these ranges (1-based) hidden. */
  const hiding = (...ranges: [number, number][]) =>
    workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数', ''].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(2), text('')],
        [...['E2', '李四', '编导', '二组', '初创期', '2026-10'].map(text), num(28), num(0), text('')],
      ],
      {
        sheet: (xml) =>
          xml.replace(
            '<sheetData>',
            `<cols>${ranges.map(([min, max]) => `<col min="${min}" max="${max}" width="0" hidden="1" customWidth="1"/>`).join('')}</cols><sheetData>`,
          ),
      },
    );

  /** The records of the sheet for a 编导 on 发布视频数 and 违规次数 (both read). */
  const records = async (bytes: Uint8Array) => {
    const t = await readTable(bytes, 'm.xlsx');
    if (!t.ok) throw new Error('the table itself is read');
    return toRecords(t.table, videosAndViolationsContract(), { file: 'm.xlsx' });
  };

  it('a hidden 违规次数 column refuses the sheet at its first cell holding data', async () => {
    const t = await records(await hiding([8, 8]));
    expect(t.records).toEqual([]);
    expect(t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: 1 hidden column(s) hold data: H `违规次数`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read\n' +
        '  at sheet `Sheet1`, row 2, column `违规次数`, value `2`\n' +
        '  help: show every column (Unhide columns), delete the columns that are not to be read, and save: a column nobody sees would feed the results',
    ]);
    expect(formatDiagnostic(t.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:2: error[data_xlsx_unreadable]: 有 1 个隐藏列含有数据：H `违规次数`；Excel 中看不到它们（隐藏、折叠的分组或列宽太小而看不到），但它们会被读取',
    );
  });

  it('a column of no width (`width="0" customWidth="1"`, no `hidden`) is as hidden, and refused so', async () => {
    const zero = await workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(2)],
      ],
      {
        sheet: (xml) =>
          xml.replace('<sheetData>', '<cols><col min="8" max="8" width="0" customWidth="1"/></cols><sheetData>'),
      },
    );
    const t = await records(zero);
    expect(t.records).toEqual([]);
    expect(t.diagnostics.map((d) => [d.message, d.cell])).toEqual([
      [
        '1 hidden column(s) hold data: H `违规次数`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
        { sheet: 'Sheet1', row: 2, column: '违规次数', value: '2' },
      ],
    ]);
    const width = async (w: string) =>
      workbookWith(
        [
          ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
          [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(2)],
        ],
        {
          sheet: (xml) =>
            xml.replace('<sheetData>', `<cols><col min="8" max="8" width="${w}" customWidth="1"/></cols><sheetData>`),
        },
      );
    // narrower than one character: a sliver, or `#`; one character shows a digit
    expect((await records(await width('0.9'))).diagnostics.map((d) => d.code)).toEqual(['data_xlsx_unreadable']);
    expect((await records(await width('1'))).diagnostics).toEqual([]);
  });

  it('`width` written first, as openpyxl and pandas write it (`<col width="0.1" customWidth="1" min max>`), is as narrow', async () => {
    const narrow = await workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(2)],
      ],
      {
        sheet: (xml) =>
          xml.replace('<sheetData>', '<cols><col width="0.1" customWidth="1" min="8" max="8"/></cols><sheetData>'),
      },
    );
    expect((await records(narrow)).diagnostics.map((d) => d.cell)).toEqual([
      { sheet: 'Sheet1', row: 2, column: '违规次数', value: '2' },
    ]);
  });

  it('under a default column width of 0 a column without a width of its own is hidden', async () => {
    const bytes = await workbookWith(
      [
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '违规次数'].map(text),
        [...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text), num(30), num(2)],
      ],
      {
        sheet: (xml) =>
          xml.replace(
            '<sheetData>',
            '<sheetFormatPr defaultColWidth="0" defaultRowHeight="15"/><cols><col min="1" max="7" width="10" customWidth="1"/></cols><sheetData>',
          ),
      },
    );
    expect((await records(bytes)).diagnostics.map((d) => d.message)).toEqual([
      '1 hidden column(s) hold data: H `违规次数`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
    ]);
  });

  it('a range of hidden columns names each one that holds data', async () => {
    const t = await records(await hiding([2, 3], [7, 9]));
    expect(t.records).toEqual([]);
    expect(formatDiagnostic(t.diagnostics[0]!).split('\n').slice(0, 2)).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: 4 hidden column(s) hold data: B `姓名`, C `岗位`, G `发布视频数`, H `违规次数`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
      '  at sheet `Sheet1`, row 2, column `姓名`, value `张三`',
    ]);
  });

  it('a hidden empty column is read as the sheet shows it', async () => {
    const t = await readTable(await hiding([9, 12]), 'm.xlsx');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.table.rows.map((r) => r[7])).toEqual(['2', '0']);
  });
});
