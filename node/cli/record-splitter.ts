// A CSV file's bytes cut into chunks of whole records, before decoding, for the streaming run
// (stream.ts) to hand to its threads.

import type { ByteChunk } from './stream-batch.js';

/** The size of the pieces a streamed file is read in; a chunk holds at least half of one. */
export const CHUNK_BYTES = 1 << 17;

/**
 * Cuts the file's bytes into chunks that end on a record boundary, and numbers them: the
 * spreadsheet row of each chunk's first record and how many records it holds. A record ends at a
 * line break outside quotes; as in papaparse, a quote opens a quoted cell only at the start of a
 * cell, and `""` inside one is a quote. Line breaks, quotes and delimiters are single bytes that
 * never occur inside another character in UTF-8 or GBK, so bytes can be cut before decoding; each
 * chunk is decoded where it is evaluated. The state carries over from one piece to the next.
 */
export class RecordSplitter {
  /** The bytes not yet handed out are `buffer[0, length)`; the buffer grows by doubling, so a record longer than many pieces costs linear, not quadratic, copying. */
  private buffer: Uint8Array = new Uint8Array(0);
  private length = 0;
  /** Whether `buffer` is ours to write into (else a view of the caller's piece). */
  private owned = false;
  /** Bytes copied into the carry-over buffer so far (what keeps a long record linear; checked by a test). */
  copied = 0;
  private state: 'start' | 'plain' | 'quoted' | 'quote_in_quoted' = 'start';
  private scanned = 0;
  private records = 0;
  private lastBreak = -1;
  private recordsAtBreak = 0;
  private nextRow = 1;
  private readonly delimiter: number;

  /** `stopAfter`: cut after that many records, whatever the size (to find where a header ends). */
  constructor(
    delimiter: string,
    private readonly minChunk = CHUNK_BYTES / 2,
    private readonly stopAfter = Infinity,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(bytes: Uint8Array): ByteChunk | undefined {
    // a plain view (a Buffer's slice would not copy)
    const piece = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    if (this.length === 0) {
      this.buffer = piece;
      this.length = piece.length;
      this.owned = false;
    } else {
      const needed = this.length + piece.length;
      if (!this.owned || needed > this.buffer.length) {
        const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
        grown.set(this.buffer.subarray(0, this.length));
        this.copied += this.length;
        this.buffer = grown;
        this.owned = true;
      }
      this.buffer.set(piece, this.length);
      this.copied += piece.length;
      this.length = needed;
    }
    const s = this.buffer.subarray(0, this.length);
    const n = s.length;
    const delimiter = this.delimiter;
    let state = this.state;
    let i = this.scanned;
    let nextQuote = -1;
    // jumps from quote to quote and line break to line break (indexOf), not byte by byte
    scan: while (i < n) {
      if (state === 'quoted') {
        const q = s.indexOf(34, i);
        if (q < 0) {
          i = n;
          break;
        }
        state = 'quote_in_quoted';
        i = q + 1;
        continue;
      }
      if (state === 'quote_in_quoted') {
        if (s[i] === 34) {
          state = 'quoted'; // "" is a quote inside the cell
          i++;
          continue;
        }
        state = 'plain'; // that was the closing quote
      }
      if (nextQuote < i) {
        nextQuote = s.indexOf(34, i);
        if (nextQuote < 0) nextQuote = n;
      }
      for (let nl = s.indexOf(10, i); nl >= 0 && nl < nextQuote; nl = s.indexOf(10, nl + 1)) {
        this.records++;
        this.lastBreak = nl;
        this.recordsAtBreak = this.records;
        if (this.records >= this.stopAfter) {
          state = 'start';
          i = nl + 1;
          break scan;
        }
      }
      if (nextQuote === n) {
        // no quote up to the end: what follows starts a cell after a line break or a delimiter
        const last = s[n - 1];
        state = last === 10 || last === delimiter ? 'start' : 'plain';
        i = n;
        break;
      }
      const q = nextQuote;
      const atCellStart = q > i ? s[q - 1] === 10 || s[q - 1] === delimiter : state === 'start';
      state = atCellStart ? 'quoted' : 'plain'; // a quote inside a plain cell is just a character
      i = q + 1;
    }
    this.state = state;
    this.scanned = i;
    if (this.lastBreak < 0 || (n < this.minChunk && this.records < this.stopAfter)) return undefined;
    // a copy of exactly the chunk's bytes: it is handed to another thread
    const chunk = { bytes: s.slice(0, this.lastBreak + 1), firstRow: this.nextRow, records: this.recordsAtBreak };
    if (this.owned) {
      // the unfinished record moves to the front; the buffer keeps its size for the next pieces
      this.buffer.copyWithin(0, this.lastBreak + 1, n);
      this.copied += n - (this.lastBreak + 1);
    } else this.buffer = s.subarray(this.lastBreak + 1);
    this.length = n - (this.lastBreak + 1);
    this.scanned = i - (this.lastBreak + 1);
    this.records -= this.recordsAtBreak;
    this.nextRow += this.recordsAtBreak;
    this.lastBreak = -1;
    this.recordsAtBreak = 0;
    return chunk;
  }

  end(): ByteChunk | undefined {
    if (this.length === 0) return undefined;
    // a last record without a line break still counts
    const chunk = {
      bytes: this.buffer.slice(0, this.length),
      firstRow: this.nextRow,
      records: this.records + (this.length > this.lastBreak + 1 ? 1 : 0),
    };
    this.buffer = new Uint8Array(0);
    this.length = 0;
    this.owned = false;
    return chunk;
  }
}
