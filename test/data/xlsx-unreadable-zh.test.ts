// A file named .xlsx that is no workbook is refused with the reader's reason; in Chinese (the
// default) that reason was the workbook library's English sentence inside the Chinese one
// (「无法读取工作簿（You passed a legacy `.xls` file. Only `.xlsx` files are supported）」). It is said in
// Chinese; English keeps the library's words.

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';

async function first(bytes: Uint8Array, lang: 'zh' | 'en'): Promise<string | undefined> {
  const t = await readTable(bytes, 'm.xlsx');
  return t.ok ? undefined : formatDiagnostic(t.diagnostics[0]!, lang).split('\n')[0];
}

const LEGACY_XLS = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('a file named .xlsx that is no workbook, in Chinese', () => {
  it('an old .xls (an OLE file) renamed .xlsx', async () => {
    expect(await first(LEGACY_XLS, 'zh')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: 无法读取工作簿：这是旧版 .xls 文件，只能读取 .xlsx',
    );
  });

  it('text, or bytes that are no zip archive', async () => {
    expect(await first(strToU8('工号,姓名\nE1,张三\n'), 'zh')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: 无法读取工作簿：文件不是 .xlsx 工作簿（不是 zip 格式，或已损坏）',
    );
  });

  it('a zip archive without a workbook’s parts (a .docx or any zip renamed)', async () => {
    expect(await first(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'zh')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: 无法读取工作簿：工作簿缺少其组成部分 `xl/_rels/workbook.xml.rels`（已损坏，或不是 Excel 保存的 .xlsx）',
    );
  });

  it('in English the reader’s own words stay', async () => {
    expect(await first(LEGACY_XLS, 'en')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: cannot read the workbook: You passed a legacy `.xls` file. Only `.xlsx` files are supported',
    );
  });
});
