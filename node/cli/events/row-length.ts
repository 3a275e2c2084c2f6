// What DuckDB reads from an event CSV or TSV without a word, found by reading the file once in
// blocks (a month of orders is millions of lines: nothing is decoded but the rows reported):
// - the rows with more cells than the header. DuckDB reads a row with one cell past the header into
//   a column no metric reads, and drops it when it is empty; the row's cells have shifted (an
//   unquoted `30,000` is two cells, `30` and `000`), and its figures would be read from the wrong
//   columns. A data file refuses such a row (`data_row_length`, engine/data/table.ts); so does an
//   event file now;
// - the cells holding an Excel error (`#N/A`) in the columns a condition or a distinct count reads
//   as text: `#N/A` is not `已退款`, so `not_in: [已退款]` kept a row whose status a lookup never found.

import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { EXCEL_ERRORS } from '../../../engine/index.js';

/** A record the scan reports: where it is, and its cells. */
export interface LongRow {
  /** the file's line its record starts on (1 = the first line), as a spreadsheet numbers rows */
  line: number;
  /** the record's place after the header (1 = the first record below it; blank lines count) */
  index: number;
  /** its cells, split as the file is (quotes honoured) */
  cells: string[];
}

/** A cell holding an Excel error in a column read as text. */
export interface ErrorCell extends LongRow {
  /** the column's index in the header */
  col: number;
  /** the cell as written */
  value: string;
}

export interface Scan {
  header: string[];
  /** the records with more cells than the header, the first `limit` */
  rows: LongRow[];
  /** how many more there are */
  more: number;
  /** the Excel errors in the columns asked about, the first `limit` */
  errors: ErrorCell[];
}

const QUOTE = 0x22;
const HASH = 0x23;
const LF = 0x0a;
const CR = 0x0d;

/** Excel's error texts (engine/data/values.ts), upper-cased. */
const ERRORS = new Set(Object.keys(EXCEL_ERRORS).map((e) => e.toUpperCase()));

/**
 * Scans a UTF-8 text file whose header is after `skip` lines: the header's cells, the records with
 * more cells than it and the Excel errors in the columns `textColumns` (indexes in the header).
 */
export function scanRows(
  path: string,
  delimiter: ',' | '\t',
  skip: number,
  limit: number,
  textColumns: readonly number[] = [],
): Scan {
  const sep = delimiter.charCodeAt(0);
  // the bytes that matter; every other byte costs one comparison
  const special = new Uint8Array(256);
  special[QUOTE] = special[LF] = special[sep] = 1;
  if (textColumns.length) special[HASH] = 1;
  const watched = new Uint8Array(Math.max(0, ...textColumns) + 1);
  for (const c of textColumns) watched[c] = 1;
  const fd = openSync(path, 'r');
  const block = Buffer.allocUnsafeSlow(1 << 20);
  const long: { start: number; end: number; line: number; index: number }[] = [];
  const hashed: { start: number; end: number; line: number; index: number; col: number }[] = [];
  let index = 0;
  let more = 0;
  let headerRange: { start: number; end: number } | undefined;
  let headerCells = -1;
  let quoted = false;
  let cells = 1;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  // the current record's cell that starts with `#`, in a watched column (-1: none)
  let hashCell = -1;
  let offset = 0;
  const endRecord = (end: number) => {
    if (recordLine > skip) {
      if (headerCells < 0) {
        headerCells = cells;
        headerRange = { start: recordStart, end };
      } else {
        index++;
        if (cells > headerCells) {
          if (long.length < limit) long.push({ start: recordStart, end, line: recordLine, index });
          else more++;
        }
        if (hashCell >= 0 && hashed.length < 10 * limit)
          hashed.push({ start: recordStart, end, line: recordLine, index, col: hashCell });
      }
    }
  };
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, offset);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const c = block[i]!;
        if (special[c] === 0) continue;
        if (c === QUOTE) quoted = !quoted;
        else if (c === HASH) {
          // a `#` in a watched cell (`#N/A`, `\t#N/A`, `"#N/A"`): the record is read again after the scan
          if (hashCell < 0 && cells <= watched.length && watched[cells - 1] === 1) hashCell = cells - 1;
        } else if (quoted) {
          if (c === LF) line++;
        } else if (c === LF) {
          line++;
          endRecord(offset + i);
          cells = 1;
          hashCell = -1;
          recordStart = offset + i + 1;
          recordLine = line;
        } else cells++;
      }
      offset += n;
    }
    // the last record, without a line break after it
    if (offset > recordStart) endRecord(offset);
    const text = (r: { start: number; end: number }) => {
      const bytes = Buffer.allocUnsafe(r.end - r.start);
      readSync(fd, bytes, 0, bytes.length, r.start);
      let t = bytes.toString('utf8');
      if (t.charCodeAt(t.length - 1) === CR) t = t.slice(0, -1);
      return t.replace(/^\uFEFF/, '');
    };
    const split = (t: string) => Papa.parse<string[]>(t, { delimiter, quoteChar: '"' }).data[0] ?? [''];
    return {
      header: headerRange ? split(text(headerRange)) : [],
      rows: long.map((r) => ({ line: r.line, index: r.index, cells: split(text(r)) })),
      more,
      errors: hashed.flatMap((r) => {
        const cells = split(text(r));
        const value = cells[r.col] ?? '';
        return ERRORS.has(value.trim().toUpperCase())
          ? [{ line: r.line, index: r.index, cells, col: r.col, value }]
          : [];
      }),
    };
  } finally {
    closeSync(fd);
  }
}
