// A font can hide a value as well as a number format can: white text on a white cell, red on a red
// fill, a 1-point font. Excel shows an empty cell (or a dot); the value is in the file and every
// reader gets it, so a 播放量 written in white would be paid on unseen. A cell whose font hides its
// value, in a column that is read, refuses the sheet at that cell; white text on a dark fill, and a
// column that is not read, are read as they are.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { records, text, workbook } from './one-director-workbook.js';

const num = (value: number, style: Record<string, unknown> = {}) => ({ value, type: Number, ...style });

/** The workbook with its styles' text replaced (`from` must be there). */
function restyled(bytes: Uint8Array, from: string, to: string, sheetFrom?: string, sheetTo?: string): Uint8Array {
  const parts = unzipSync(bytes);
  const styles = strFromU8(parts['xl/styles.xml'] as Uint8Array);
  if (!styles.includes(from)) throw new Error(`the styles have no ${from}: ${styles}`);
  parts['xl/styles.xml'] = strToU8(styles.replace(from, to));
  if (sheetFrom !== undefined) {
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(sheetFrom, sheetTo ?? ''));
  }
  return zipSync(parts);
}

const WHITE = { textColor: '#ffffff' };

describe('a workbook cell whose text is the colour of its background', () => {
  it('1200 plays in white on a white cell refuse the sheet at the cell, naming both colours', async () => {
    const r = await records(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200, WHITE), num(2)],
        ['E3', num(1300, WHITE), num(3)],
      ]),
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:3: error[data_xlsx_unreadable]: 2 cell(s) hold data that Excel does not show: the text colour #FFFFFF cannot be told from the background #FFFFFF, but the value would be read\n' +
        '  at sheet `Sheet1`, row 3, column `播放量`, value `1200`\n' +
        '  help: give the cells a font colour that stands out from their fill (Home → Font Color → Automatic), check them, and save: a value nobody sees would feed the results',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:3: error[data_xlsx_unreadable]: 有 2 个单元格含有数据，但 Excel 中看不到：文字颜色 #FFFFFF 与背景色 #FFFFFF 无法区分，但值会被读取',
    );
  });

  it('red text on a red fill is refused; white text on a dark blue fill is read', async () => {
    const red = await records(
      await workbook([['E1', num(900, { textColor: '#ff0000', backgroundColor: '#ff0000' }), num(1)]]),
    );
    expect(red.diagnostics.map((d) => [d.code, d.args?.colour, d.args?.fill, d.cell?.value])).toEqual([
      ['data_xlsx_unreadable', '#FF0000', '#FF0000', '900'],
    ]);
    const blue = await records(
      await workbook([['E1', num(900, { textColor: '#ffffff', backgroundColor: '#1f4e79' }), num(1)]]),
    );
    expect(blue.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(blue.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('a colour within 16 of the background in each of red, green and blue is the same (#F2F2F2 on white); #D9D9D9 is not', async () => {
    const faint = await records(await workbook([['E1', num(900, { textColor: '#f2f2f2' }), num(1)]]));
    expect(faint.diagnostics.map((d) => [d.args?.colour, d.args?.fill])).toEqual([['#F2F2F2', '#FFFFFF']]);
    const grey = await records(await workbook([['E1', num(900, { textColor: '#d9d9d9' }), num(1)]]));
    expect(grey.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('a column that is not read (辅助) may hide its values, and an empty white cell hides nothing: the sheet is read', async () => {
    const r = await records(
      await workbook([
        ['E1', num(900), num(7, WHITE)],
        ['E2', num(950), { value: null, type: Number, ...WHITE }],
      ]),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 900 }, { plays: 950 }]);
  });

  it('a theme colour is read from the theme: `theme="0"` is the background (white), `theme="1"` with tint 0.95 is #F2F2F2, tint 0.5 #808080', async () => {
    const base = await workbook([['E1', num(900, WHITE), num(1)]]);
    const theme0 = await records(restyled(base, '<color rgb="FFFFFFFF"/>', '<color theme="0"/>'));
    expect(theme0.diagnostics.map((d) => [d.args?.colour, d.args?.fill])).toEqual([['#FFFFFF', '#FFFFFF']]);
    const light = await records(restyled(base, '<color rgb="FFFFFFFF"/>', '<color theme="1" tint="0.95"/>'));
    expect(light.diagnostics.map((d) => [d.args?.colour, d.args?.fill])).toEqual([['#F2F2F2', '#FFFFFF']]);
    const mid = await records(restyled(base, '<color rgb="FFFFFFFF"/>', '<color theme="1" tint="0.5"/>'));
    expect(mid.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('an indexed colour is read from Excel’s palette: 9 is white, 10 red', async () => {
    const base = await workbook([['E1', num(900, WHITE), num(1)]]);
    const white = await records(restyled(base, '<color rgb="FFFFFFFF"/>', '<color indexed="9"/>'));
    expect(white.diagnostics.map((d) => [d.args?.colour, d.args?.fill])).toEqual([['#FFFFFF', '#FFFFFF']]);
    const red = await records(restyled(base, '<color rgb="FFFFFFFF"/>', '<color indexed="10"/>'));
    expect(red.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('a conditional format that sets white text over 播放量 refuses the sheet at a cell it covers that holds a value', async () => {
    const bytes = restyled(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200), num(2)],
      ]),
      '</styleSheet>',
      '<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs></styleSheet>',
      '</sheetData>',
      '</sheetData><conditionalFormatting sqref="G3:G9"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule></conditionalFormatting>',
    );
    const r = await records(bytes);
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['data_xlsx_unreadable', { sheet: 'Sheet1', row: 3, column: '播放量', value: '1200' }],
    ]);
  });

  it('a conditional format that sets a red fill under red text hides it; one that sets a fill and white text over it does not', async () => {
    const rows: [string, unknown, unknown][] = [['E1', num(900, { textColor: '#ff0000' }), num(1)]];
    const rule =
      '</sheetData><conditionalFormatting sqref="G2"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>';
    const hidden = await records(
      restyled(
        await workbook(rows),
        '</styleSheet>',
        '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs></styleSheet>',
        '</sheetData>',
        rule,
      ),
    );
    expect(hidden.diagnostics.map((d) => [d.args?.colour, d.args?.fill])).toEqual([['#FF0000', '#FF0000']]);
    const shown = await records(
      restyled(
        await workbook(rows),
        '</styleSheet>',
        '<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs></styleSheet>',
        '</sheetData>',
        rule,
      ),
    );
    expect(shown.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });
});

describe('a workbook cell whose font is too small to read', () => {
  it('a 1-point 播放量 refuses the sheet at the cell, naming the size', async () => {
    const r = await records(await workbook([['E1', num(900, { fontSize: 1 }), num(1)]]));
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: 1 cell(s) hold data that Excel does not show readably: the font is 1 pt, but the value would be read\n' +
        '  at sheet `Sheet1`, row 2, column `播放量`, value `900`\n' +
        '  help: give the cells a readable font size (Home → Font Size, 11 pt), check them, and save: a value nobody sees would feed the results',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:2: error[data_xlsx_unreadable]: 有 1 个单元格含有数据，但 Excel 中无法看清：字号为 1 磅，但值会被读取',
    );
  });

  it('a 4-point font is read, small as it is', async () => {
    const r = await records(await workbook([['E1', num(900, { fontSize: 4 }), num(1)]]));
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });
});

// Rich text: a cell's text in runs, each with a font of its own (Excel's partial formatting,
// xlsxwriter's write_rich_string). A `2` in a white run showed an empty cell and was read.
describe('a workbook cell whose text is written in runs of their own fonts', () => {
  const rows: [string, unknown, unknown][] = [
    ['E1', text('1200'), num(1)],
    ['E2', num(900), num(2)],
  ];

  it('a shared text in a white run refuses the sheet at the cell', async () => {
    const parts = unzipSync(await workbook(rows));
    const sst = strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array);
    if (!sst.includes('<si><t>1200</t></si>')) throw new Error(sst);
    parts['xl/sharedStrings.xml'] = strToU8(
      sst.replace('<si><t>1200</t></si>', '<si><r><rPr><color rgb="FFFFFFFF"/></rPr><t>1200</t></r></si>'),
    );
    const r = await records(zipSync(parts));
    expect(r.diagnostics.map((d) => [d.args?.colour, d.args?.fill, d.cell])).toEqual([
      ['#FFFFFF', '#FFFFFF', { sheet: 'Sheet1', row: 2, column: '播放量', value: '1200' }],
    ]);
  });

  it('a cell’s own text in a 1-point run is refused; a white run of spaces beside a black one is not', async () => {
    const parts = unzipSync(await workbook(rows));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    const cell = /<c r="G2"[^>]*>[\s\S]*?<\/c>/.exec(sheet)![0];
    const tiny = sheet.replace(cell, '<c r="G2" t="inlineStr"><is><r><rPr><sz val="1"/></rPr><t>1200</t></r></is></c>');
    parts['xl/worksheets/sheet1.xml'] = strToU8(tiny);
    const small = await records(zipSync(parts));
    expect(small.diagnostics.map((d) => [d.args?.size, d.cell?.row])).toEqual([[1, 2]]);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      sheet.replace(
        cell,
        '<c r="G2" t="inlineStr"><is><r><t>1200</t></r><r><rPr><color rgb="FFFFFFFF"/></rPr><t xml:space="preserve">  </t></r></is></c>',
      ),
    );
    const shown = await records(zipSync(parts));
    expect(shown.records.map((x) => x.metrics)).toEqual([{ plays: 1200 }, { plays: 900 }]);
  });
});
