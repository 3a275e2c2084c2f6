// A workbook written by a program (openpyxl, a back-office's exporter) may store a formula without
// its result. Such a cell is not empty: a metric's `default` must never fill it. The workbook is
// refused at the first such cell; the same formula with the result Excel stores beside it is read.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { videosAndViolationsContract } from '../builders.js';

const contract = videosAndViolationsContract();

const text = (value: string) => ({ value, type: String });

/**
 * A one-row workbook whose 违规次数 cell (F2) is written as `cell`, the sheet XML edited as Excel or a
 * program stores it; `calcPr` in place of the workbook's own calculation properties, when given.
 */
async function workbook(cell: string, calcPr?: string): Promise<Uint8Array> {
  const rows = [
    ['工号', '姓名', '岗位', '团队', '阶段', '违规次数', '发布视频数'].map(text),
    [...['E1', '张三', '编导', '一组', '初创期'].map(text), { value: 0, type: Number }, { value: 30, type: Number }],
  ];
  const bytes = await (writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> })(rows).toBuffer();
  const parts = unzipSync(new Uint8Array(bytes));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(parts[name] as Uint8Array);
  const edited = xml.replace(/<c r="F2"[^>]*>[\s\S]*?<\/c>/, cell);
  expect(edited).not.toBe(xml);
  parts[name] = strToU8(edited);
  if (calcPr !== undefined) {
    const book = strFromU8(parts['xl/workbook.xml'] as Uint8Array).replace(/<calcPr[^>]*\/>/, '');
    parts['xl/workbook.xml'] = strToU8(book.replace('</workbook>', `${calcPr}</workbook>`));
  }
  return zipSync(parts);
}

describe('formula cells of a workbook', () => {
  it('a formula stored without its result refuses the workbook at its cell, never read as empty', async () => {
    const table = await readTable(await workbook('<c r="F2"><f>SUM(B9:B12)</f></c>'), 'm.xlsx');
    expect(table.ok).toBe(false);
    if (table.ok) return;
    expect(table.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: the cell holds the formula `=SUM(B9:B12)` without its result: the workbook was written by a program and never calculated\n' +
        '  at sheet `Sheet1`, row 2, column `违规次数`, value `=SUM(B9:B12)`\n' +
        '  help: open the workbook in Excel or WPS and save it, so that every formula keeps its result; or type the values',
    ]);
  });

  it('an empty result of a number formula (openpyxl writes `<v></v>`) is no result either', async () => {
    const table = await readTable(await workbook('<c r="F2"><f>A1*0</f><v></v></c>'), 'm.xlsx');
    expect(table.ok ? [] : table.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['data_xlsx_unreadable', { sheet: 'Sheet1', row: 2, column: '违规次数', value: '=A1*0' }],
    ]);
  });

  it('a cell of a shared formula, which does not repeat the formula, is shown as `=…`', async () => {
    const table = await readTable(await workbook('<c r="F2"><f t="shared" si="0"/></c>'), 'm.xlsx');
    expect(table.ok ? [] : table.diagnostics.map((d) => [d.message, d.cell])).toEqual([
      [
        'the cell holds the formula `=…` without its result: the workbook was written by a program and never calculated',
        { sheet: 'Sheet1', row: 2, column: '违规次数', value: '=…' },
      ],
    ]);
  });

  // XlsxWriter (and pandas through it) stores 0 beside every formula and asks Excel to calculate
  // the workbook when it is opened: Excel shows 2 violations, the cell stores 0. Read as 0, the
  // violation veto never fired
  const read = async (cell: string, calcPr: string) => {
    const table = await readTable(await workbook(cell, calcPr), 'm.xlsx');
    if (!table.ok) throw new Error('unreadable');
    return toRecords(table.table, contract, { file: 'm.xlsx', period: '2026-10' });
  };

  it.each(['<calcPr fullCalcOnLoad="1"/>', '<calcPr calcId="124519" fullCalcOnLoad="true"/>'])(
    'a formula of a workbook that asks to be calculated when opened (%s), stored with 0, is refused where it is read: a placeholder',
    async (calcPr) => {
      const r = await read('<c r="F2"><f>1+1</f><v>0</v></c>', calcPr);
      expect(r.records).toEqual([]);
      expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
        'm.xlsx:2: error[data_xlsx_unreadable]: the cell holds the formula `=1+1`, and the workbook asks to be calculated when it is opened: the result stored beside the formula is a placeholder a program wrote (XlsxWriter and pandas store 0), not what Excel shows\n' +
          '  at sheet `Sheet1`, row 2, column `违规次数`, value `=1+1`\n' +
          '  help: open the workbook in Excel or WPS and save it, so that every formula keeps its result; or type the values',
      ]);
    },
  );

  it('such a formula stored with another result (the program was given it: 2) is read as that result', async () => {
    const r = await read('<c r="F2"><f>1+1</f><v>2</v></c>', '<calcPr fullCalcOnLoad="1"/>');
    expect(r.records.map((x) => x.metrics.violations)).toEqual([2]);
  });

  it('such a placeholder in a column nobody reads (备注) leaves the workbook readable', async () => {
    const rows = [
      ['工号', '姓名', '岗位', '团队', '阶段', '违规次数', '发布视频数', '备注'].map(text),
      [
        ...['E1', '张三', '编导', '一组', '初创期'].map(text),
        { value: 1, type: Number },
        { value: 30, type: Number },
        text('x'),
      ],
    ];
    const bytes = await (writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> })(
      rows,
    ).toBuffer();
    const parts = unzipSync(new Uint8Array(bytes));
    const name = 'xl/worksheets/sheet1.xml';
    parts[name] = strToU8(
      strFromU8(parts[name] as Uint8Array).replace(/<c r="H2"[^>]*>[\s\S]*?<\/c>/, '<c r="H2"><f>A1</f><v>0</v></c>'),
    );
    const book = strFromU8(parts['xl/workbook.xml'] as Uint8Array).replace(/<calcPr[^>]*\/>/, '');
    parts['xl/workbook.xml'] = strToU8(book.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>'));
    const table = await readTable(zipSync(parts), 'm.xlsx');
    if (!table.ok) throw new Error(table.diagnostics.map((d) => d.message).join('\n'));
    expect(table.table.placeholderFormulas).toEqual([{ row: 2, col: 7, value: '=A1' }]);
    const r = toRecords(table.table, contract, { file: 'm.xlsx', period: '2026-10' });
    expect(r.records.map((x) => x.metrics.violations)).toEqual([1]);
  });

  it('a workbook that asks to be calculated when opened and holds no formula is read (openpyxl asks so of every workbook)', async () => {
    const table = await readTable(await workbook('<c r="F2"><v>2</v></c>', '<calcPr fullCalcOnLoad="1"/>'), 'm.xlsx');
    if (!table.ok) throw new Error('unreadable');
    expect(toRecords(table.table, contract, { file: 'm.xlsx', period: '2026-10' }).records[0]?.metrics.violations).toBe(
      2,
    );
  });

  it('the formula with the result Excel stores (2 violations) is read as 2; a text formula whose result is empty is an empty cell', async () => {
    const calculated = await readTable(await workbook('<c r="F2"><f>SUM(B9:B12)</f><v>2</v></c>'), 'm.xlsx');
    if (!calculated.ok) throw new Error('unreadable');
    expect(
      toRecords(calculated.table, contract, { file: 'm.xlsx', period: '2026-10' }).records[0]?.metrics.violations,
    ).toBe(2);
    const emptyText = await readTable(await workbook('<c r="F2" t="str"><f>IF(A1="","",A1)</f><v></v></c>'), 'm.xlsx');
    if (!emptyText.ok) throw new Error('unreadable');
    // the empty cell takes the metric's default, 0
    const r = toRecords(emptyText.table, contract, { file: 'm.xlsx', period: '2026-10' });
    expect((r.defaults ?? []).map((d) => [d.metric, d.value, d.row, d.why])).toEqual([
      ['violations', 0, 2, 'empty cell'],
    ]);
  });
});
