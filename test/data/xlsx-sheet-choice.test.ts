// Which sheet of a workbook is read. Without a sheet named, the first sheet Excel shows a tab for: a
// hidden sheet before it (last month's figures kept for a lookup, a 说明 sheet hidden away) was read
// instead, silently, and paid on. A sheet named with `--sheet` (or a mapping's `sheet:`) is read even
// when hidden; a name that differs only by surrounding spaces or full-width forms (a tab renamed
// `Sheet1 `) is that sheet when no other sheet matches so.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';

const text = (value: string) => ({ value, type: String });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

/** A workbook of these sheets, each holding a header and one row whose 工号 is the sheet's name; `state` marks sheets hidden. */
async function workbook(names: string[], state: Record<string, 'hidden' | 'veryHidden'> = {}): Promise<Uint8Array> {
  const sheets = names.map((sheet) => ({
    sheet,
    data: [
      [text('工号'), text('姓名')],
      [text(`${sheet}的人`), text('张三')],
    ],
  }));
  const parts = unzipSync(new Uint8Array(await write(sheets).toBuffer()));
  let xml = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
  for (const [name, s] of Object.entries(state)) {
    const edited = xml.replace(`name="${name}"`, `name="${name}" state="${s}"`);
    expect(edited).not.toBe(xml);
    xml = edited;
  }
  parts['xl/workbook.xml'] = strToU8(xml);
  return zipSync(parts);
}

async function sheetRead(bytes: Uint8Array, sheet?: string) {
  const t = await readTable(bytes, 'm.xlsx', sheet === undefined ? {} : { sheet });
  if (!t.ok) return t.diagnostics.map((d) => formatDiagnostic(d));
  return [t.table.sheet, t.table.rows[0]?.[0]];
}

describe('the sheet a workbook is read from', () => {
  it('without --sheet, a hidden first sheet is passed over for the first one with a tab', async () => {
    expect(await sheetRead(await workbook(['上月', '本月'], { 上月: 'hidden' }))).toEqual(['本月', '本月的人']);
    expect(await sheetRead(await workbook(['宏', '说明', '本月'], { 宏: 'veryHidden', 说明: 'hidden' }))).toEqual([
      '本月',
      '本月的人',
    ]);
  });

  it('without --sheet and nothing hidden, the first sheet, as before', async () => {
    expect(await sheetRead(await workbook(['上月', '本月']))).toEqual(['上月', '上月的人']);
  });

  it('a hidden sheet named with --sheet is read', async () => {
    expect(await sheetRead(await workbook(['上月', '本月'], { 上月: 'hidden' }), '上月')).toEqual(['上月', '上月的人']);
  });

  it('--sheet Sheet1 reads the tab named `Sheet1 ` (a space after it), and `１０月` reads `10月`', async () => {
    expect(await sheetRead(await workbook(['说明', 'Sheet1 ']), 'Sheet1')).toEqual(['Sheet1 ', 'Sheet1 的人']);
    expect(await sheetRead(await workbook(['10月']), '１０月')).toEqual(['10月', '10月的人']);
  });

  it('the sheet of the exact name wins over one that matches only without spaces', async () => {
    expect(await sheetRead(await workbook(['Sheet1 ', 'Sheet1']), 'Sheet1')).toEqual(['Sheet1', 'Sheet1的人']);
  });

  it('two sheets that match only without spaces are refused, naming every sheet', async () => {
    expect(await sheetRead(await workbook([' 10月', '10月 ']), '10月')).toEqual([
      'm.xlsx:1: error[data_xlsx_unreadable]: the workbook has no sheet `10月`\n' +
        '  help: its sheets: ` 10月`, `10月 `',
    ]);
  });
});
