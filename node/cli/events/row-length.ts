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
  /** how many more there are */
  moreErrors: number;
}

const QUOTE = 0x22;
const HASH = 0x23;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
/** A line of nothing but separators, quotes and spaces. */
const BLANK = /^[\s,;"\u3000\uFEFF]*$/;

/** Excel's error texts (engine/data/values.ts), upper-cased. */
const ERRORS = new Set(Object.keys(EXCEL_ERRORS).map((e) => e.toUpperCase()));

/** Records with a `#` in a watched cell are read again in batches of this many (memory stays bounded). */
const BATCH = 4096;

/**
 * Scans a UTF-8 text file whose header is after `skip` lines: the header's cells, the records with
 * more cells than it and the Excel errors in the columns `textColumns` (indexes in the header). The
 * file is split as DuckDB splits it: a quote opens a quoted cell only at the cell's start (`6"平板`
 * is text), `""` in a quoted cell is a quote, and a line ends at LF, CRLF or CR alone (Excel for
 * Mac's CSV).
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
  special[QUOTE] = special[LF] = special[CR] = special[sep] = 1;
  if (textColumns.length) special[HASH] = 1;
  const watched = new Uint8Array(Math.max(0, ...textColumns) + 1);
  for (const c of textColumns) watched[c] = 1;
  const fd = openSync(path, 'r');
  const text = (r: { start: number; end: number }) => {
    const bytes = Buffer.allocUnsafe(r.end - r.start);
    readSync(fd, bytes, 0, bytes.length, r.start);
    let t = bytes.toString('utf8');
    if (t.charCodeAt(t.length - 1) === CR) t = t.slice(0, -1);
    return t.replace(/^\uFEFF/, '');
  };
  const split = (t: string) => Papa.parse<string[]>(t, { delimiter, quoteChar: '"' }).data[0] ?? [''];
  const block = Buffer.allocUnsafeSlow(1 << 20);
  const long: { start: number; end: number; line: number; index: number }[] = [];
  const errors: ErrorCell[] = [];
  let moreErrors = 0;
  let candidates: { start: number; end: number; line: number; index: number }[] = [];
  /** the records with a `#` in a watched cell, read again: their watched cells holding an error */
  const resolve = () => {
    for (const r of candidates) {
      const cells = split(text(r));
      for (const col of textColumns) {
        const value = cells[col] ?? '';
        if (!ERRORS.has(value.trim().toUpperCase())) continue;
        if (errors.length < limit) errors.push({ line: r.line, index: r.index, cells, col, value });
        else moreErrors++;
      }
    }
    candidates = [];
  };
  let more = 0;
  let index = 0;
  let headerRange: { start: number; end: number } | undefined;
  let headerCells = -1;
  let quoted = false;
  let cells = 1;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  // where the current cell starts, the quote that last closed a quoted cell, the last carriage return
  let cellStart = 0;
  let closedAt = -2;
  let crAt = -2;
  // whether a watched cell of the current record holds a `#`
  let hashed = false;
  let offset = 0;
  const endRecord = (end: number) => {
    if (recordLine > skip) {
      if (headerCells < 0) {
        // blank lines (or separators and spaces only) above the header are no header: DuckDB skips them
        if (!BLANK.test(text({ start: recordStart, end }))) {
          headerCells = cells;
          headerRange = { start: recordStart, end };
        }
      } else {
        index++;
        if (cells > headerCells) {
          if (long.length < limit) long.push({ start: recordStart, end, line: recordLine, index });
          else more++;
        }
        if (hashed) {
          candidates.push({ start: recordStart, end, line: recordLine, index });
          if (candidates.length >= BATCH) resolve();
        }
      }
    }
    cells = 1;
    hashed = false;
    recordStart = cellStart = end + 1;
    recordLine = line;
  };
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, offset);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const c = block[i]!;
        if (special[c] === 0) continue;
        const at = offset + i;
        if (c === QUOTE) {
          if (quoted) {
            quoted = false;
            closedAt = at;
          } else if (
            at === cellStart ||
            at === closedAt + 1 ||
            (at === cellStart + 1 && i > 0 && block[i - 1] === SPACE)
          )
            // at the cell's start, as `""` in a quoted cell, or after one space (` "1,000"`: DuckDB's quoting)
            quoted = true;
          // any other quote is a character of an unquoted cell, as DuckDB reads it
        } else if (c === HASH) {
          // a `#` in a watched cell (`#N/A`, `\t#N/A`, `"#N/A"`): the record is read again below
          if (!hashed && cells <= watched.length && watched[cells - 1] === 1) hashed = true;
        } else if (c === CR) {
          line++;
          crAt = at;
          if (!quoted) endRecord(at);
        } else if (c === LF) {
          // the LF of a CRLF: the CR counted the line, and ended the record
          if (at === crAt + 1) {
            if (!quoted) recordStart = cellStart = at + 1;
            continue;
          }
          line++;
          if (!quoted) endRecord(at);
        } else if (!quoted) {
          cells++;
          cellStart = at + 1;
        }
      }
      offset += n;
    }
    // the last record, without a line break after it
    if (offset > recordStart) endRecord(offset);
    resolve();
    return {
      header: headerRange ? split(text(headerRange)) : [],
      rows: long.map((r) => ({ line: r.line, index: r.index, cells: split(text(r)) })),
      more,
      errors,
      moreErrors,
    };
  } finally {
    closeSync(fd);
  }
}
