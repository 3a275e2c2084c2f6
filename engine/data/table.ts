// A data file's text → a table of raw strings with spreadsheet row numbers (the header is row 1).
// CSV through papaparse; JSON as an array of objects or { records: [...] }.

import Papa from 'papaparse';
import type { Diagnostic } from '../diagnostic.js';

export interface Table {
  header: string[];
  rows: string[][];
  /** Spreadsheet row number of rows[i]; blank lines are skipped but still counted. */
  rowNumbers: number[];
  /** The workbook sheet the table came from. */
  sheet?: string;
  /** How to read a column's values when its source file says so (money in fen, ranges). */
  columnOptions?: Record<number, { moneyIn?: 'yuan' | 'fen'; ranges?: 'low' | 'middle' | 'high' | 'reject'; ratioFormat?: 'fraction' | 'percent_points' }>;
  /** For a table joined from several files: where a cell came from, for messages. */
  origin?: (rowIndex: number, column: number) => { file: string; sheet?: string; row: number; column: string } | undefined;
  /** For a joined table: the source a cell would come from when the employee has no row in it. */
  absent?: (rowIndex: number, column: number) => { file: string; default: boolean } | undefined;
}

export type TableResult = { ok: true; table: Table } | { ok: false; diagnostics: Diagnostic[] };

export function readCsv(text: string, file?: string): TableResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const fatal = parsed.errors.filter((e) => e.type === 'Quotes');
  if (fatal.length) {
    return {
      ok: false,
      diagnostics: fatal.map((e) => ({
        code: 'data_csv_malformed',
        severity: 'error' as const,
        message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed' : e.message.charAt(0).toLowerCase() + e.message.slice(1),
        help: 'check the quotes in this row: a cell that starts with " must end with "',
        file,
        cell: { row: (e.row ?? 0) + 1 },
      })),
    };
  }
  const lines = parsed.data;
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (i === lines.length) {
    return { ok: false, diagnostics: [{ code: 'data_empty', severity: 'error', message: 'the file has no header row', help: 'the first row must name the columns, e.g. 工号,姓名,岗位,团队,阶段,月份,…', file, cell: { row: 1 } }] };
  }
  const header = lines[i].map((h) => h.trim());
  const rows: string[][] = [];
  // numbered by record, as a spreadsheet numbers rows (a quoted cell may span lines)
  const rowNumbers: number[] = [];
  for (let r = i + 1; r < lines.length; r++) {
    if (isBlank(lines[r])) continue;
    rows.push(lines[r]);
    rowNumbers.push(r + 1);
  }
  return { ok: true, table: { header, rows, rowNumbers } };
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

export function readJsonRecords(text: string, file?: string): TableResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, diagnostics: [{ code: 'data_json_malformed', severity: 'error', message: `not valid JSON: ${(error as Error).message}`, help: 'the file must be a JSON array of objects, or { "records": [ … ] }', file, cell: { row: 1 } }] };
  }
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records) ? (value as { records: unknown[] }).records : undefined;
  if (!list || list.some((x) => !x || typeof x !== 'object' || Array.isArray(x))) {
    return { ok: false, diagnostics: [{ code: 'data_json_malformed', severity: 'error', message: 'expected an array of objects, one per employee', help: 'the file must be a JSON array of objects, or { "records": [ … ] }', file, cell: { row: 1 } }] };
  }
  const header: string[] = [];
  for (const obj of list as Record<string, unknown>[]) for (const k of Object.keys(obj)) if (!header.includes(k)) header.push(k);
  const rows = (list as Record<string, unknown>[]).map((obj) => header.map((k) => (obj[k] === undefined || obj[k] === null ? '' : String(obj[k]))));
  // a JSON record's "row" is its position counted like a sheet: the first record is row 2
  return { ok: true, table: { header, rows, rowNumbers: rows.map((_, i) => i + 2) } };
}
