// A number format can show nothing: `;;;` (a trick to hide a cell's value without hiding its column)
// shows an empty cell, yet the value is in the file and every reader gets it. A 违规次数 of 2 so
// formatted vetoed a director's bonus while the sheet showed nothing. A cell whose format hides its
// value, in a column that is read, refuses the sheet; a zero shown as nothing (`0;-0;;@`, Excel's way
// to hide zeros) is read as the 0 it is.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatHides } from '../../engine/data/xlsx-limits.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { records, workbook } from './one-director-workbook.js';

const num = (value: number, format?: string) => ({ value, type: Number, ...(format ? { format } : {}) });

describe('a workbook cell whose number format shows nothing', () => {
  it('1200 plays formatted `;;;` refuse the sheet at the cell, naming the format', async () => {
    const r = await records(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200, ';;;'), num(2)],
        ['E3', num(1300, ';;;'), num(3)],
      ]),
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:3: error[data_xlsx_unreadable]: 2 cell(s) hold data that Excel does not show: the number format `;;;` shows nothing, or something else, in place of the value, but the value would be read\n' +
        '  at sheet `Sheet1`, row 3, column `播放量`, value `1200`\n' +
        '  help: give the cells a number format that shows their value (Format Cells → General), check them, and save: a value nobody sees would feed the results',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:3: error[data_xlsx_unreadable]: 有 2 个单元格含有数据，但 Excel 不显示其值：数字格式 `;;;` 显示为空或其他内容，但值会被读取',
    );
  });

  it('a negative figure under `0;;` (no negative section) is refused too', async () => {
    const r = await records(await workbook([['E1', num(-5, '0;;'), num(1)]]));
    expect(r.diagnostics.map((d) => [d.code, d.cell?.value])).toEqual([['data_xlsx_unreadable', '-5']]);
  });

  it('a column that is not read (辅助) may hide its values: the sheet is read', async () => {
    const r = await records(await workbook([['E1', num(900), num(7, ';;;')]]));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('a zero shown as nothing (`0;-0;;@`) is read as 0; a positive figure under it shows, and is read', async () => {
    const r = await records(
      await workbook([
        ['E1', num(0, '0;-0;;@'), num(1)],
        ['E2', num(5, '0;-0;;@'), num(1)],
      ]),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 0 }, { plays: 5 }]);
  });
});

describe('formatHides: the section a value falls in shows no value', () => {
  it('reads the sections outside quotes, brackets and escapes: positive, negative, zero, text', () => {
    expect([5, -5, 'text' as const].map((v) => formatHides(';;;', v))).toEqual([true, true, true]);
    expect(formatHides('[Red];[Blue];', 5)).toBe(true);
    expect(formatHides('0;-0;;@', 5)).toBe(false);
    expect(formatHides('0;-0;;@', 'text')).toBe(false);
    expect(formatHides('0;-0;0;', 'text')).toBe(true);
    // one section serves the negative numbers too; a text shows when there is no fourth section
    expect(formatHides('0.0', -5)).toBe(false);
    expect(formatHides('0;', -5)).toBe(true);
    expect(formatHides('0;;', 'text')).toBe(false);
    // a `;` quoted, escaped or in brackets divides nothing
    expect(formatHides('"a;b";0', 5)).toBe(true);
    expect(formatHides('0\\;;0', 5)).toBe(false);
  });

  it('a literal instead of the value hides it: `""`, `" "`, `"-"`, padding `_-`, fill `* `, an escaped space', () => {
    for (const code of ['"";"";""', '" "', '"-"', '_-;_-;_-', '* ', '\\ ;\\ ;\\ ', '[White]"";;'])
      expect([code, formatHides(code, 1)]).toEqual([code, true]);
    expect(formatHides('0.0%;""', -0.05)).toBe(true);
  });

  it('a format showing the value with text around it does not hide it: `"SV"0000`, `0"万"`, `#,##0_-`, dates, General', () => {
    for (const code of ['"SV"0000', '0"万"', '#,##0_-;-#,##0_-', 'yyyy"年"m"月"', 'General', '[DBNum1][$-804]General'])
      expect([code, formatHides(code, 12)]).toEqual([code, false]);
  });

  it('the Chinese General (`G/通用格式`, `[DBNum1]G/通用格式"条"`) shows the value', () => {
    for (const code of ['G/通用格式', '[DBNum1][$-804]G/通用格式', 'G/通用格式"条"'])
      expect([code, formatHides(code, 40)]).toEqual([code, false]);
  });

  it('white (`[White]0`, `[Color2]0`) and commas that divide by 1,000 (`0,` shows 1 as 0, `#,` as nothing) hide it', () => {
    for (const code of ['[White]0', '[Color2]0', '[White]General', '0,', '0,,', '#,', '#,##0,'])
      expect([code, formatHides(code, 1)]).toEqual([code, true]);
    // a thousands separator divides nothing; a format naming the scale it takes off shows the figure
    for (const code of ['#,##0', '#,##0.00', '0!.0,"万"', '[>=10000]0!.0,"万";0', '#,##0,"K"'])
      expect([code, formatHides(code, 154123)]).toEqual([code, false]);
  });

  it('a zero is read as the 0 it is, however it is shown (`0;-0;;@`, an accounting dash)', () => {
    expect(formatHides('0;-0;;@', 0)).toBe(false);
    expect(formatHides('_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', 0)).toBe(false);
  });

  it('conditions choose the section: `[>0]"";0` hides 5 and shows -5; `[>100]0;[<0]"";0` hides -5', () => {
    expect(formatHides('[>0]"";0', 5)).toBe(true);
    expect(formatHides('[>0]"";0', -5)).toBe(false);
    expect(formatHides('[>100]0;[<0]"";0', -5)).toBe(true);
    expect(formatHides('[>100]0;[<0]"";0', 50)).toBe(false);
  });
});

describe('a conditional format that gives a cell a format hiding its value', () => {
  it('a rule setting `;;;` over 播放量 refuses the sheet at a cell it covers that holds a value', async () => {
    const parts = unzipSync(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200), num(2)],
      ]),
    );
    const styles = strFromU8(parts['xl/styles.xml'] as Uint8Array);
    parts['xl/styles.xml'] = strToU8(
      styles.replace(
        '</styleSheet>',
        '<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode=";;;"/></dxf></dxfs></styleSheet>',
      ),
    );
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      sheet.replace(
        '</sheetData>',
        '</sheetData><conditionalFormatting sqref="G3:G9"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule></conditionalFormatting>',
      ),
    );
    const r = await records(zipSync(parts));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['data_xlsx_unreadable', { sheet: 'Sheet1', row: 3, column: '播放量', value: '1200' }],
    ]);
  });

  it('so does Excel 2010’s form of it, in the sheet’s extensions, with its own format and its cells in `xm:sqref`', async () => {
    const parts = unzipSync(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200), num(2)],
      ]),
    );
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      sheet.replace(
        '</sheetData>',
        '</sheetData><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings>' +
          '<x14:conditionalFormatting><x14:cfRule type="expression" priority="1" id="{0}"><xm:f>TRUE</xm:f>' +
          '<x14:dxf><numFmt numFmtId="200" formatCode=";;;"/></x14:dxf></x14:cfRule><xm:sqref>G2:G3</xm:sqref>' +
          '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
      ),
    );
    const r = await records(zipSync(parts));
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['data_xlsx_unreadable', { sheet: 'Sheet1', row: 2, column: '播放量', value: '900' }],
    ]);
  });
});
