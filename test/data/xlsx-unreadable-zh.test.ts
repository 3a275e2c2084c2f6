// A file named .xlsx that is no workbook is refused with the reader's reason; in Chinese (the
// default) that reason was the workbook library's English sentence inside the Chinese one
// (「无法读取工作簿（You passed a legacy `.xls` file. Only `.xlsx` files are supported）」). It is said in
// Chinese; English keeps the library's words.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { workbookWith, xlsxText } from '../builders.js';

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

describe('a workbook cell no spreadsheet program writes (a damaged file, a faulty exporter)', () => {
  it('is named at its row and column, in words in both languages, not as `<c/> at row 2, col 2: VALUE_INVALID` at row 1', async () => {
    // B2 points at shared text 999 of a workbook that holds four
    const bytes = await workbookWith(
      [
        ['工号', '姓名'],
        ['E1', '张三'],
      ].map((r) => r.map(xlsxText)),
      { sheet: (xml) => xml.replace(/<c r="B2" t="s"><v>\d+<\/v>/, '<c r="B2" t="s"><v>999</v>') },
    );
    const t = await readTable(bytes, 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'm.xlsx:2: error[data_xlsx_unreadable]: cannot read the workbook: the cell B2 of a sheet holds a value its type cannot have (a shared text the workbook does not hold, a true/false that is not 0 or 1)\n' +
        '  at row 2, column `B`\n' +
        '  help: save it from Excel as .xlsx (Excel Workbook), or export CSV',
    ]);
    expect(formatDiagnostic(t.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:2: error[data_xlsx_unreadable]: 无法读取工作簿：某个工作表的单元格 B2 含有其类型不可能有的值（工作簿中没有的共享文本，或不是 0/1 的真假值）',
    );
  });
});

describe('a workbook whose cells a program wrote in a way no spreadsheet program does', () => {
  const sheet = (edit: (xml: string) => string) =>
    workbookWith(
      [
        ['工号', '姓名'],
        ['E1', '张三'],
        ['E2', '李四'],
      ].map((r) => r.map(xlsxText)),
      { sheet: edit },
    );

  it('a cell without its reference (`<c>` with no `r`) is named by its row and place, not by a TypeError', async () => {
    const bytes = await sheet((xml) => xml.replace('<c r="A3"', '<c'));
    const t = await readTable(bytes, 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.diagnostics.map((d) => [formatDiagnostic(d, 'en').split('\n')[0], d.cell])).toEqual([
      [
        'm.xlsx:3: error[data_xlsx_unreadable]: cannot read the workbook: cell 1 of row 3 of the sheet `Sheet1` has no reference (such as `A3`) naming its column, as Excel and WPS write for every cell',
        { sheet: 'Sheet1', row: 3 },
      ],
    ]);
    expect(formatDiagnostic(t.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:3: error[data_xlsx_unreadable]: 无法读取工作簿：工作表 `Sheet1` 第 3 行的第 1 个单元格没有标明其列的引用（如 `A3`），而 Excel 和 WPS 会为每个单元格写出引用',
    );
  });

  it('rows out of order are named at the cell that comes too late, not in the reader’s English at row 1', async () => {
    const bytes = await sheet((xml) => {
      const row = (n: number) => new RegExp(`<row r="${n}"[\\s\\S]*?</row>`).exec(xml)![0];
      const [two, three] = [row(2), row(3)];
      return xml.replace(two, '@').replace(three, two).replace('@', three);
    });
    const t = await readTable(bytes, 'm.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.diagnostics.map((d) => [formatDiagnostic(d, 'en').split('\n')[0], d.cell])).toEqual([
      [
        'm.xlsx:2: error[data_xlsx_unreadable]: cannot read the workbook: the cell A2 of a sheet comes after the cell B3: its rows or cells are out of order, as no spreadsheet program writes them',
        { row: 2, column: 'A' },
      ],
    ]);
    expect(formatDiagnostic(t.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:2: error[data_xlsx_unreadable]: 无法读取工作簿：某个工作表的单元格 A2 排在单元格 B3 之后：行或单元格的顺序是乱的，电子表格程序不会这样写',
    );
  });
});

describe('workbooks no spreadsheet program writes, or that need a password', () => {
  it('an .xlsx saved with a password to open it is said to be encrypted, not called a legacy .xls', async () => {
    // an OLE container, as Office keeps an encrypted package in, with its `EncryptedPackage` stream
    const name = new Uint8Array(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat());
    const bytes = new Uint8Array(2048);
    bytes.set(LEGACY_XLS.subarray(0, 8));
    bytes.set(name, 1024);
    expect(await first(bytes, 'en')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: the workbook is protected by a password (encrypted), and cannot be read without it',
    );
    expect(await first(bytes, 'zh')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: 工作簿设置了打开密码（已加密），没有密码无法读取',
    );
  });

  it('a workbook that lists no sheet is said to have none, not a TypeError', async () => {
    const bytes = await workbookWith([[xlsxText('工号')]], {
      workbook: (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>'),
    });
    expect(await first(bytes, 'en')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: cannot read the workbook: the workbook has no sheet',
    );
  });

  it('two parts of one name (the checks would read one, the reader the other) are refused', async () => {
    const parts = unzipSync(
      await workbookWith([
        [xlsxText('工号'), xlsxText('姓名')],
        [xlsxText('E1'), xlsxText('张三')],
      ]),
    );
    parts['xl/worksheets/sheetX.xml'] = parts['xl/worksheets/sheet1.xml']!;
    // the name written twice: `sheetX` renamed in the archive's bytes, where names are stored as written
    const zip = zipSync(parts);
    const text = strFromU8(zip, true).replaceAll('sheetX.xml', 'sheet1.xml');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(await first(bytes, 'en')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: cannot read the workbook: the archive holds two parts named `xl/worksheets/sheet1.xml`, which no spreadsheet program writes',
    );
  });

  it('a value written as CDATA (`<v><![CDATA[1]]></v>`), which the reader would read as empty, is refused', async () => {
    const bytes = await workbookWith(
      [
        [xlsxText('工号'), xlsxText('违规次数')],
        [xlsxText('E1'), { value: 1, type: Number }],
      ],
      { sheet: (xml) => xml.replace(/<v>1<\/v>/, '<v><![CDATA[1]]></v>') },
    );
    expect(await first(bytes, 'en')).toBe(
      'm.xlsx:1: error[data_xlsx_unreadable]: cannot read the workbook: the sheet `Sheet1` writes values as CDATA (`<![CDATA[…]]>`), which no spreadsheet program does, and they would be read as empty',
    );
  });
});
