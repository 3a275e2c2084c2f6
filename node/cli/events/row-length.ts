// The rows of an event CSV or TSV with more cells than its header. DuckDB reads such a row without
// a word: a row longer than those it samples gets columns of its own (`column7`), which no metric
// reads, and one ending in an empty cell is read with that cell dropped. Either way the row's cells
// have shifted (an unquoted `30,000` is two cells, `30` and `000`) and its figures are read from the
// wrong columns. A data file refuses such a row (`data_row_length`, engine/data/table.ts); an event
// file now does too, found here by counting each record's cells outside quotes, the file read once
// in blocks (a month of orders is millions of lines: no text is decoded but the rows refused).

import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';

/** A record with more cells than the header: where it is, and its text. */
export interface LongRow {
  /** the file's line its record starts on (1 = the first line), as a spreadsheet numbers rows */
  line: number;
  /** the record as written, without its line break */
  text: string;
  /** its cells, split as the file is (quotes honoured) */
  cells: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;
const QUOTES = 0x22222222;
const LFS = 0x0a0a0a0a;

/**
 * The header's cells and the records with more cells than it, of a UTF-8 text file whose header is
 * after `skip` lines; at most `limit` records are kept, and `more` counts the rest.
 */
export function longRows(
  path: string,
  delimiter: ',' | '\t',
  skip: number,
  limit = 100,
): { header: string[]; rows: LongRow[]; more: number } {
  const sep = delimiter.charCodeAt(0);
  const special = new Uint8Array(256);
  special[QUOTE] = special[LF] = special[sep] = 1;
  const fd = openSync(path, 'r');
  // a block of its own (not from Node's pool), so the words below start at its first byte
  const block = Buffer.allocUnsafeSlow(1 << 20);
  const words = new Uint32Array(block.buffer, block.byteOffset, block.length >>> 2);
  const seps = Math.imul(sep, ONES);
  const ranges: { start: number; end: number; line: number }[] = [];
  let more = 0;
  let headerRange: { start: number; end: number } | undefined;
  let headerCells = -1;
  let quoted = false;
  let cells = 1;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let offset = 0;
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, offset);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        // four bytes at a time while none of them is a quote, a line feed or the separator (a word
        // holds a byte b when (w ^ bbbb) has a zero byte: the test below, exact, on 32-bit words)
        if ((i & 3) === 0 && i + 4 <= n) {
          const w = words[i >>> 2]!;
          const q = w ^ QUOTES;
          const l = w ^ LFS;
          const d = w ^ seps;
          if (((((q - ONES) & ~q) | ((l - ONES) & ~l) | ((d - ONES) & ~d)) & HIGHS) === 0) {
            i += 3;
            continue;
          }
        }
        const c = block[i]!;
        // most bytes are none of the three: one comparison each (`special` is 0 for them)
        if (special[c] === 0) continue;
        if (c === QUOTE) quoted = !quoted;
        else if (c === LF) {
          line++;
          if (quoted) continue;
          const end = offset + i;
          if (recordLine > skip) {
            if (headerCells < 0) {
              headerCells = cells;
              headerRange = { start: recordStart, end };
            } else if (cells > headerCells) {
              if (ranges.length < limit) ranges.push({ start: recordStart, end, line: recordLine });
              else more++;
            }
          }
          cells = 1;
          recordStart = end + 1;
          recordLine = line;
        } else if (c === sep && !quoted) cells++;
      }
      offset += n;
    }
    // the last record, without a line break after it
    if (offset > recordStart && recordLine > skip) {
      if (headerCells < 0) headerRange = { start: recordStart, end: offset };
      else if (cells > headerCells) {
        if (ranges.length < limit) ranges.push({ start: recordStart, end: offset, line: recordLine });
        else more++;
      }
    }
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
      rows: ranges.map((r) => {
        const t = text(r);
        return { line: r.line, text: t, cells: split(t) };
      }),
      more,
    };
  } finally {
    closeSync(fd);
  }
}
