// A data file's bytes → a table, by its kind: CSV (any of the encodings Chinese exports use),
// JSON or an Excel workbook. Pure: the caller reads the bytes.

import { diagnostic } from '../model/diagnostic.js';
import { decodeBytes, type Encoding } from './decode.js';
import { readCsv, readJsonRecords, type TableResult } from './table.js';
import { readXlsx } from './xlsx.js';

export type DataFormat = 'csv' | 'json' | 'xlsx';

export function formatOf(name: string): DataFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : ext === 'xlsx' ? 'xlsx' : undefined;
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
  const decoded = decodeBytes(bytes, options.encoding);
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
