// One batch of CSV rows → records → scorecards → output (CSV lines, JSON or NDJSON scorecards) and
// partial totals. The streaming run does this on its own thread, or each worker thread does it for
// the batches it is sent.

import { Buffer } from 'node:buffer';
import Papa from 'papaparse';
import {
  csvQuoteProblems,
  evaluateRecordSync,
  isBlankRow,
  type CompiledPolicy,
  type Diagnostic,
  type Lang,
  excludedRecord,
  type ExcludedRecord,
  decimalCommaSource,
  recordReader,
  type NotationSeen,
  type RatioNotation,
  type RecordReader,
  type HistorySource,
  RunTotals,
  type Scorecard,
} from '../../engine/index.js';
import { csvRows } from './csv-rows.js';
import { csvLine } from './format/results.js';
import { JSON_CARD_WRAP, compactJsonCard, wrappedJsonCard } from './format/json-stream.js';
import { writeCompactJsonCard, writeJsonCard } from './format/json-card-bytes.js';

/** A CSV file's bytes holding whole records, and where they sit in the file. */
export interface ByteChunk {
  bytes: Uint8Array;
  /** Spreadsheet row number of the chunk's first record. */
  firstRow: number;
  /** Records the chunk holds (blank lines included, as papaparse counts them). */
  records: number;
}

export interface BatchResult {
  /** The chunk is not text in the run's encoding: nothing else is filled in. */
  undecodable?: boolean;
  /**
   * The chunk's output as UTF-8 bytes (encoded here, so the writing thread only writes them): CSV
   * lines, NDJSON lines, or JSON array elements each led by `,` (the writer drops the first).
   */
  out: Uint8Array;
  totals: Pick<
    RunTotals,
    'byGrade' | 'triggers' | 'byCalibrated' | 'byTeam' | 'employees' | 'totalFen' | 'heldFen' | 'holds'
  >;
  excluded: ExcludedRecord[];
  /**
   * Each non-blank row's employee id, period and row number, for the duplicate check: ids and
   * periods joined by NUL (one string clones faster than thousands), `period` when all are one;
   * `raws`: index → the id cell as written, for the few rows where that differs from the id.
   */
  keys: { ids: string; periods: string | null; period: string; rows: Int32Array; raws?: [number, string][] };
  /** Role ids and periods the chunk's rows name. */
  roles: string[];
  periodsSeen: string[];
  /** Team spellings this thread met for the first time, with their row, for the team warnings. */
  teams: [string, number][];
  quoteErrors: Diagnostic[];
  /** Totals rows (合计, 小计, …) skipped, as the whole-file run notes them. */
  notes: Diagnostic[];
  /** The chunk's first rows writing each ratio column as a fraction and as percent points. */
  ratios: NotationSeen[];
  /** Set by WorkerPool: the worker that evaluated the chunk, to which `out`'s buffer goes back once written. */
  worker?: number;
}

/** What a worker needs to evaluate rows as the main thread would. */
export interface WorkerSetup {
  policyFile: string;
  /**
   * The policy's text as the reading thread loaded and checked it: a worker compiles this very text,
   * without the schema check (see loadPolicy's `schemaChecked`), never the file again, which may have changed.
   */
  policyText: string;
  header: string[];
  file: string;
  period?: string;
  lang: Lang;
  /** The results ledger to take history from, when the run uses one. */
  ledger?: string;
  beforePeriod: string;
  delimiter: string;
  newline: '\n' | '\r\n';
  encoding: 'utf-8' | 'gb18030';
  /** What each scorecard becomes: a CSV line, or its JSON (with its explanation) for a JSON document or NDJSON. */
  output: StreamFormat;
}

export type StreamFormat = 'csv' | 'json' | 'ndjson';

/** Evaluates chunks with the compiled executor, synchronously (see `streamable`). */
export class BatchEvaluator {
  private readonly reader: RecordReader;
  private readonly decoder: TextDecoder;
  private readonly options: { lang: Lang; history: HistorySource | undefined; explain: boolean; summary: boolean };
  /** A card as a CSV line. */
  private readonly line: (card: Scorecard) => string;
  /** A card as JSON or NDJSON, written into the chunk's bytes. */
  private readonly write: (card: Scorecard, bytes: Utf8Bytes) => void;
  /** The output's bytes for a byte of the CSV read, as large as seen so far (with a margin). */
  private outPerIn = 16;
  /** The same for CSV lines. */
  private csvOutPerIn = 1;
  /** Buffers whose bytes were written, to write the next chunks into (see `recycle`). */
  private readonly spare: ArrayBuffer[] = [];

  /**
   * The buffer under an `out` this thread has written and will not read again, for a later chunk
   * of JSON or NDJSON: megabytes a chunk that the system would otherwise hand over afresh, page
   * by page, and that count towards V8's full garbage collections.
   */
  recycle(out: Uint8Array): void {
    const b = out.buffer;
    if (this.setup.output !== 'csv' && this.spare.length < SPARE && b instanceof ArrayBuffer && b.byteLength >= 1 << 20)
      this.spare.push(b);
  }

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly setup: WorkerSetup,
    history: HistorySource | undefined,
  ) {
    if (!policy.compilable) throw new Error('internal: a streaming run needs the compiled executor');
    this.reader = recordReader(
      setup.header,
      policy.contract,
      { file: setup.file, period: setup.period },
      decimalCommaSource(setup),
    );
    this.decoder = new TextDecoder(setup.encoding, { fatal: true });
    // CSV shows no explanation; JSON carries each card's
    // a CSV line shows the totals and a few columns: a summary card has them all (no indicator
    // results, condition values or explanation); JSON and NDJSON show the whole card
    const csv = setup.output === 'csv';
    this.options = { lang: setup.lang, history, explain: !csv, summary: csv };
    const lang = setup.lang;
    this.line = (card) => csvLine(card, lang);
    // a JSON card is led by `,` (the writing thread drops the first): written as a byte, not joined
    // to the card's text, which would copy the text once more before it is encoded
    // NDJSON's line break is written as a byte, too: `text + '\n'` would be flattened into a copy to be encoded
    this.write =
      setup.output === 'ndjson'
        ? (card, bytes) => {
            // the card as compact JSON from pieces made once, as JSON cards are; any other as JSON.stringify writes it
            if (!writeCompactJsonCard(card, bytes)) bytes.add(compactJsonCard(card));
            bytes.byte(0x0a);
          }
        : (card, bytes) => {
            bytes.byte(0x2c);
            // the shapes the executor makes are written from pieces made once (json-card-bytes.ts);
            // any other card as JSON.stringify writes it
            if (!writeJsonCard(card, bytes))
              bytes.addWithin(wrappedJsonCard(card), JSON_CARD_WRAP.head, JSON_CARD_WRAP.tail);
          };
  }

  /**
   * A chunk's rows read, evaluated and written as CSV. The rows' employees are assumed not to repeat
   * earlier ones: the reading thread checks the returned ids, and a file where one does is read
   * whole instead (a person on two rows leaves out both rows).
   */
  evaluateChunk(chunk: ByteChunk): BatchResult {
    const { setup, reader } = this;
    let text: string;
    try {
      text = this.decoder.decode(chunk.bytes);
    } catch {
      return {
        undecodable: true,
        out: new Uint8Array(0),
        totals: { ...new RunTotals(this.policy) },
        excluded: [],
        keys: { ids: '', periods: null, period: '', rows: new Int32Array(0) },
        roles: [],
        periodsSeen: [],
        teams: [],
        quoteErrors: [],
        notes: [],
        ratios: [],
      };
    }
    // papaparse only for a chunk the quick reader leaves (unusual quoting): it names the problems
    const quick = csvRows(text, setup.delimiter, setup.newline, chunk.records);
    const parsed = quick
      ? { data: quick, errors: [] }
      : Papa.parse<string[]>(text, {
          delimiter: setup.delimiter,
          newline: setup.newline,
          skipEmptyLines: false,
        });
    const totals = new RunTotals(this.policy);
    const excluded: ExcludedRecord[] = [];
    const ids: string[] = [];
    const periods: string[] = [];
    const rows: number[] = [];
    let raws: [number, string][] | undefined;
    const roles = new Set<string>();
    const periodsSeen = new Set<string>();
    const quoteErrors = csvQuoteProblems(parsed.errors, setup.file, chunk.firstRow);
    // CSV lines written into bytes as they come (no chunk-long string to flatten and encode at the end)
    const lines = setup.output === 'csv' ? new Utf8Lines(Math.ceil(chunk.bytes.length * this.csvOutPerIn)) : undefined;
    // a JSON or NDJSON card is kilobytes: each is encoded as it is made, so no chunk-sized string
    // is joined (a copy, too large for the young generation) and the card's text dies young
    // sized from the chunks before (a JSON card is about 28 times its CSV row): a buffer that grows
    // is copied, and a fresh one is memory the system has to hand over page by page
    const bytes =
      setup.output === 'csv' ? undefined : new Utf8Bytes(Math.ceil(chunk.bytes.length * this.outPerIn), this.spare);
    const notes: Diagnostic[] = [];
    const notation: RatioNotation = new Map();
    // a chunk that ends on a line break parses to one more, empty, row: not a record
    const count = Math.min(parsed.data.length, chunk.records);
    for (let i = 0; i < count; i++) {
      const cells = parsed.data[i];
      // a row is let go once read: a JSON card's kilobytes of garbage bring a young-generation
      // collection every few hundred rows, and each copies (then promotes) every row still held
      parsed.data[i] = RELEASED;
      if (isBlankRow(cells)) continue;
      const row = chunk.firstRow + i;
      const totalsRow = reader.totalsRow(cells, row, row);
      if (totalsRow) {
        notes.push(totalsRow);
        continue;
      }
      reader.ratioNotation(cells, row, row, notation);
      const id = reader.idOf(cells);
      const period = reader.periodOf(cells);
      const raw = reader.rawIdOf(cells);
      if (raw !== id) (raws ??= []).push([ids.length, raw]);
      ids.push(id);
      periods.push(period);
      rows.push(row);
      const role = reader.roleOf(cells);
      if (role !== undefined) roles.add(role);
      if (period) periodsSeen.add(period);
      const read = reader.read(cells, row, row, UNIQUE);
      if ('excluded' in read) {
        excluded.push(read.excluded);
        continue;
      }
      const record = read.record;
      const result = evaluateRecordSync(this.policy, record, this.options);
      if (!result.ok) {
        excluded.push(excludedRecord(record, result.reasons));
        continue;
      }
      totals.add(result.scorecard);
      if (bytes) this.write(result.scorecard, bytes);
      else lines!.add(this.line(result.scorecard));
    }
    const same = periods.every((p) => p === periods[0]);
    const keys = {
      ids: ids.join('\0'),
      periods: same ? null : periods.join('\0'),
      period: periods[0] ?? '',
      rows: Int32Array.from(rows),
      ...(raws ? { raws } : {}),
    };
    const ratios = [...notation.values()].flatMap((e) =>
      [e.fraction, e.percent].filter((x): x is NotationSeen => x !== undefined),
    );
    const out = bytes ? bytes.take() : lines!.take();
    if (lines && chunk.bytes.length > 0)
      this.csvOutPerIn = Math.max(this.csvOutPerIn, (out.length / chunk.bytes.length) * 1.05);
    if (bytes && chunk.bytes.length > 0)
      this.outPerIn = Math.max(this.outPerIn, (out.length / chunk.bytes.length) * 1.05);
    return {
      out,
      totals: { ...totals },
      excluded,
      keys,
      roles: [...roles],
      periodsSeen: [...periodsSeen],
      teams: reader.takeTeams(),
      quoteErrors,
      notes,
      ratios,
    };
  }
}

const utf8 = new TextEncoder();
/**
 * Written buffers a thread keeps for its next chunks. Up to the write-behind queue's 16 MiB (four
 * JSON chunks) are written while a thread evaluates on, so as many come back at once: with two
 * kept the rest were dropped and a third of the chunks took fresh memory again (2026-12-02).
 */
const SPARE = 6;
/** What `read` is told of a row whose employee is not a duplicate (one object, not one per row). */
const UNIQUE = { duplicateOf: undefined } as const;
/** What a chunk's row is replaced by once read. */
const RELEASED: string[] = [];

/**
 * CSV lines as UTF-8, each written into one growing buffer as it comes (Buffer's own UTF-8 writer:
 * about half the CPU of adding the lines to one string and encoding that, 2026-12-01). The buffer
 * is the chunk's own, not a slice of Node's shared pool: a worker hands it over (transfers it).
 */
export class Utf8Lines {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(capacity, 1 << 12));
  }

  add(text: string): void {
    // a UTF-16 code unit is at most three bytes of UTF-8
    if (this.used + text.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.used + text.length * 3, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** The bytes written: a view when they fill most of the buffer, else a copy of them alone. */
  take(): Uint8Array {
    const written = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.used);
    return this.used * 4 >= this.buffer.length * 3 ? written : written.slice();
  }
}

/**
 * UTF-8 bytes written a string at a time into one growing buffer. `buffer`, `used` and `grow` are
 * open so that a writer of bytes can fill the buffer directly (bench/json-bytes.ts, measured against
 * JSON.stringify in bench/json-cards.ts).
 */
export class Utf8Bytes {
  buffer: Uint8Array;
  used = 0;

  /**
   * `spare`: buffers free to use (the smallest large enough is taken from the list) rather than a
   * new one. A new buffer of a mebibyte or more is made a whole number of 256 KiB: the chunks'
   * sizes differ by a few kilobytes, and a buffer made to the byte for one chunk was too small for
   * half the next ones, so that half the chunks of a JSON run took fresh memory (43 of 88 at
   * 100,000 cards, 2026-12-02), which the system hands over page by page. Not whole mebibytes:
   * an NDJSON chunk of 2.35 MB fills under three quarters of 3 MiB, and `take` copies such bytes.
   */
  constructor(capacity: number, spare?: ArrayBuffer[]) {
    const size = Math.max(capacity, 1 << 12);
    let at = -1;
    if (spare)
      for (let i = 0; i < spare.length; i++)
        if (spare[i]!.byteLength >= size && (at < 0 || spare[i]!.byteLength < spare[at]!.byteLength)) at = i;
    this.buffer = at >= 0 ? new Uint8Array(spare!.splice(at, 1)[0]!) : new Uint8Array(roundedSize(size));
  }

  add(text: string): void {
    // a UTF-16 code unit is at most three bytes of UTF-8
    if (this.used + text.length * 3 > this.buffer.length) this.grow(text.length * 3);
    this.used += utf8.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  /** One byte (ASCII). */
  byte(b: number): void {
    if (this.used === this.buffer.length) this.grow(1);
    this.buffer[this.used++] = b;
  }

  /**
   * `text` but its first `head` and last `tail` characters, which must be ASCII (one byte each):
   * the whole text encoded, then those bytes dropped — no shorter copy of the string is made.
   */
  addWithin(text: string, head: number, tail: number): void {
    const at = this.used;
    this.add(text);
    this.buffer.copyWithin(at, at + head, this.used - tail);
    this.used -= head + tail;
  }

  /** Room for `more` bytes after `used`: a larger buffer, the bytes written copied into it. */
  grow(more: number): void {
    const bigger = new Uint8Array(roundedSize(Math.max(this.used + more, this.buffer.length * 2)));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }

  /** The bytes written: a view when they fill most of the buffer, else a copy (the buffer is sent to the writing thread). */
  take(): Uint8Array {
    return this.used * 4 >= this.buffer.length * 3
      ? this.buffer.subarray(0, this.used)
      : this.buffer.slice(0, this.used);
  }
}

/** Buffers of a mebibyte or more are made in whole steps of 256 KiB (see Utf8Bytes), smaller ones to the byte. */
const SIZE_STEP = 1 << 18;
export function roundedSize(size: number): number {
  return size < 1 << 20 ? size : Math.ceil(size / SIZE_STEP) * SIZE_STEP;
}
