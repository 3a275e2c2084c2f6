// A data file's bytes → a table, by its kind: CSV (any of the encodings Chinese exports use),
// JSON or an Excel workbook. Pure: the caller reads the bytes.

import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { decodeBytes, type Encoding } from './decode.js';
import { readCsv, readJsonRecords, type TableResult } from './table.js';
import { readXlsx } from './xlsx.js';

export type DataFormat = 'csv' | 'json' | 'xlsx';

/**
 * A data file's kind by its name. `.tsv` and `.txt` are text tables read as a `.csv` is (Excel's
 * "Unicode text" and many exports save tab-separated text as `.txt`): the separator is the header
 * line's, the encoding detected, so one reader holds for the three names.
 */
export function formatOf(name: string): DataFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'tsv' || ext === 'txt'
    ? 'csv'
    : ext === 'json'
      ? 'json'
      : ext === 'xlsx'
        ? 'xlsx'
        : undefined;
}

export async function readTable(
  bytes: Uint8Array,
  name: string,
  options: { encoding?: Encoding; sheet?: string } = {},
): Promise<TableResult> {
  const format = formatOf(name);
  if (format === 'xlsx') return readXlsx(bytes, { sheet: options.sheet, file: name });
  // a sheet asked of a CSV or JSON file is a mistake (the wrong file, or the wrong option), not ignored
  if (format && options.sheet !== undefined)
    return {
      ok: false,
      diagnostics: [
        diagnostic('data_sheet_not_workbook', { file: name, sheet: options.sheet }, { file: name, cell: { row: 1 } }),
      ],
    };
  if (!format) {
    return {
      ok: false,
      diagnostics: [diagnostic('data_unknown_format', { file: name }, { file: name, cell: { row: 1 } })],
    };
  }
  const workbook = workbookBytes(bytes);
  if (workbook)
    return {
      ok: false,
      diagnostics: [
        diagnostic(workbook, { file: name, format: format.toUpperCase() }, { file: name, cell: { row: 1 } }),
      ],
    };
  const decoded = decodeBytes(bytes, options.encoding);
  // a file cut short inside its last character: not UTF-8 (read as GBK, or as nothing) only for that
  const cut = decoded.ok && decoded.encoding !== 'gb18030' ? undefined : cutInCharacter(bytes, options.encoding);
  if (cut)
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'data_encoding.cut',
          { encoding: cut.encoding, row: cut.row },
          { file: name, cell: { row: cut.row } },
        ),
      ],
    };
  // not UTF-8 as a whole, read as GBK or not at all: perhaps UTF-8 with one cell pasted in GBK
  const fellBack = !decoded.ok || decoded.encoding === 'gb18030';
  const mixed =
    fellBack && (options.encoding ?? 'auto') === 'auto' && format === 'csv' ? gbkCellInUtf8(bytes, name) : undefined;
  if (mixed) return { ok: false, diagnostics: [mixed] };
  if (!decoded.ok)
    return {
      ok: false,
      diagnostics: [
        decoded.nul
          ? diagnostic('data_encoding.nul', {}, { file: name, cell: { row: 1 } })
          : diagnostic('data_encoding', { encoding: decoded.encoding }, { file: name, cell: { row: 1 } }),
      ],
    };
  return format === 'json' ? readJsonRecords(decoded.text, name) : readCsv(decoded.text, name);
}

/**
 * A text file that ends inside a character (a download, a copy or an export that did not finish):
 * every byte is text in its encoding but the last one to three, which begin a character they do not
 * complete. Without it, UTF-8 cut so was read as GBK (a cell of nonsense) or said to be "not valid
 * GBK" with no row. The encoding (`UTF-8` or `GBK/GB18030`), and the line the cut falls on.
 */
function cutInCharacter(bytes: Uint8Array, encoding: Encoding = 'auto'): { encoding: string; row: number } | undefined {
  const n = bytes.length;
  const whole = (b: Uint8Array, e: string) => {
    try {
      new TextDecoder(e, { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };
  const tries: [string, string, (b: number) => boolean][] = [];
  // UTF-8: a lead byte of a 2-, 3- or 4-byte character; GBK/GB18030: a first byte 0x81–0xFE
  if (encoding === 'auto' || encoding === 'utf-8') tries.push(['utf-8', 'UTF-8', (b) => b >= 0xc2 && b <= 0xf4]);
  if (encoding !== 'utf-8') tries.push(['gb18030', 'GBK/GB18030', (b) => b >= 0x81 && b <= 0xfe]);
  for (const [e, shown, lead] of tries)
    for (let k = 1; k <= 3 && k < n; k++) {
      if (!lead(bytes[n - k] ?? 0)) continue;
      const head = bytes.subarray(0, n - k);
      if (whole(head, e) && !whole(bytes, e)) {
        let row = 1;
        for (const b of head) if (b === 10) row++;
        return { encoding: shown, row };
      }
    }
  return undefined;
}

/** An Excel workbook under a .csv or .json name: a zip (.xlsx) or an OLE2 file (.xls). */
function workbookBytes(b: Uint8Array): 'data_is_workbook' | 'data_is_workbook.xls' | undefined {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'data_is_workbook';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'data_is_workbook.xls';
  return undefined;
}

/**
 * A CSV file in UTF-8 (no BOM) with a cell in GBK: a value pasted from another export. Read whole
 * as UTF-8 it fails; read as GBK every other Chinese character turns to nonsense (or fails too).
 * Told apart from a GBK file by its bytes: more whole UTF-8 Chinese characters (three bytes,
 * E3–E9 lead) than bytes that belong to no UTF-8 character. A GBK file fails that within its
 * first few Chinese characters, so the scan stops early; a valid UTF-8 file never comes here
 * here at all. The first cell that is not UTF-8 is named,
 * with what it reads as in GBK.
 */
function gbkCellInUtf8(bytes: Uint8Array, file: string): Diagnostic | undefined {
  let chinese = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      if (b >= 0xe3 && b <= 0xe9) chinese++;
      i += need + 1;
    } else {
      bad++;
      i++;
      // a GBK file: bad bytes from the start, few whole UTF-8 characters
      if (bad > 16 && bad > chinese) return undefined;
    }
  }
  if (bad === 0 || bad > chinese) return undefined;
  const asUtf8 = readCsv(new TextDecoder('utf-8').decode(bytes), file);
  const asGbk = readCsv(new TextDecoder('gb18030').decode(bytes), file);
  if (!asUtf8.ok) return undefined;
  const t = asUtf8.table;
  const cells = [t.header, ...t.rows];
  for (let r = 0; r < cells.length; r++) {
    const c = cells[r]!.findIndex((v) => v.includes('\uFFFD'));
    if (c < 0) continue;
    const gbkCells = asGbk.ok ? [asGbk.table.header, ...asGbk.table.rows] : [];
    const gbk = (gbkCells[r]?.[c] ?? '').trim();
    return diagnostic(
      'data_encoding.mixed',
      { gbk },
      {
        file,
        cell: {
          row: r === 0 ? 1 : t.rowNumbers[r - 1]!,
          ...(r === 0 ? {} : { column: t.header[c] ?? String(c + 1) }),
          value: cells[r]![c]!,
        },
      },
    );
  }
  return undefined;
}
