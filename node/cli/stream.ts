// `yardstick run --format csv --out FILE` on a CSV file: the month read, evaluated and written as a
// stream. Memory holds the policy, a few 128 KiB chunks in flight (two per worker), the ids seen
// (to find duplicate rows) and the records left out, never the whole file or every scorecard. With
// `--workers N` the chunks are evaluated by N worker threads and written in the order they were read.
//
// What cannot stream falls back to the whole-file run (the caller decides, see `streamable`):
// several months in one file (each month is scored seeing the ones before it), calibration
// (forced distribution ranks a whole month), the reference executor and UTF-16 files (cut as
// bytes they would split characters). A file found mid-way to hold a second month throws
// `NotStreamable`, and nothing has been written.

import { closeSync, createReadStream, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import { formatDiagnostic, type CompiledPolicy, type Diagnostic, type Lang, recordReader, titleAboveHeader, type RatioNotation, type Encoding, type ExcludedRecord, type RunSummary, type HistorySource, beforeEffectiveFrom, RunTotals } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import { csvHead } from './format/results.js';
import { checkInputFile, outputTarget } from './io.js';
import { BatchEvaluator, type BatchResult, type ByteChunk, type WorkerSetup } from './stream-batch.js';

export class NotStreamable extends Error {}

export interface StreamOptions {
  policy: CompiledPolicy;
  policyFile: string;
  data: string;
  out: string;
  lang: Lang;
  period?: string;
  encoding?: Encoding;
  workers: number;
  /** Earlier periods from the results ledger, opened once the month is known. */
  history?: (period: string) => Promise<HistorySource | undefined>;
  /** The ledger file, for workers to open themselves. */
  ledger?: string;
  stderr: (s: string) => void;
}

export interface StreamResult {
  employees: number;
  summary: RunSummary;
  excluded: ExcludedRecord[];
  warnings: Diagnostic[];
  /** Written to a temporary file beside `out`; `commit` renames it into place, `discard` removes it. */
  commit(): void;
  discard(): void;
}

/**
 * Data that can stream to a CSV file: a CSV, a policy without calibration, and the compiled
 * executor (a batch with a repeated employee is evaluated again, synchronously, on the reading
 * thread; json-rules-engine evaluates asynchronously).
 */
export function streamable(policy: CompiledPolicy, data: string, executor: 'compiled' | 'reference' | undefined): boolean {
  return /\.csv$/i.test(data) && !policy.doc.calibration && policy.compiled !== undefined && executor !== 'reference';
}

const FLUSH_BYTES = 1 << 20;

/**
 * The worker threads worth starting: no more than the machine's cores, nor than the chunks the file
 * is cut into. A note says when fewer than asked are used.
 */
export function workersFor(requested: number, data: string, stderr: (s: string) => void): number {
  if (requested <= 1) return requested;
  checkInputFile(data, 'data');
  const chunks = Math.max(1, Math.ceil(statSync(data).size / CHUNK_BYTES));
  const cores = availableParallelism();
  const n = Math.min(requested, cores, chunks);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (n < requested) stderr(`note: using ${plural(n, 'worker thread')} instead of ${requested}: ${chunks <= cores ? `the file is read in ${plural(chunks, 'chunk')} of ${CHUNK_BYTES / 1024} KiB` : `this machine has ${plural(cores, 'core')}`}`);
  return n;
}

export async function streamRun(o: StreamOptions): Promise<StreamResult> {
  // a folder, a pipe or a device is refused before anything is written; a link is written through
  const target = outputTarget(o.out);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (error) {
    throw new ExitError(EXIT.input, `cannot write \`${o.out}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const discard = () => rmSync(tmp, { force: true });
  try {
    const encoding = await firstEncoding(o.data, o.encoding ?? 'auto');
    let result: Omit<StreamResult, 'commit' | 'discard'>;
    try {
      result = await pass(o, fd, encoding);
    } catch (error) {
      // no BOM and not UTF-8 after all: a Chinese export is then GBK, which GB18030 contains
      if (!(error instanceof NotUtf8) || (o.encoding ?? 'auto') !== 'auto') throw error;
      closeSync(fd);
      fd = openSync(tmp, 'w');
      result = await pass(o, fd, { ...encoding, name: 'gb18030' });
    }
    closeSync(fd);
    const commit = () => {
      try {
        renameSync(tmp, target);
      } catch (error) {
        discard();
        throw new ExitError(EXIT.input, `cannot write \`${o.out}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    };
    return { ...result, commit, discard };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    discard();
    throw error;
  }
}

class NotUtf8 extends Error {}

interface EncodingChoice {
  name: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Bytes of byte-order mark to skip. */
  skip: number;
}

/** The encoding from a byte-order mark or the user's choice; without either, UTF-8 is tried first. */
async function firstEncoding(file: string, encoding: Encoding): Promise<EncodingChoice> {
  const head = Buffer.alloc(3);
  // a pipe would block the open below; a device would never end
  checkInputFile(file, 'data');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExitError(EXIT.input, `cannot read data \`${file}\`: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}`);
  }
  const n = readSync(fd, head, 0, 3, 0);
  closeSync(fd);
  const utf8Bom = n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (encoding === 'auto') {
    if (utf8Bom) return { name: 'utf-8', skip: 3 };
    if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', skip: 2 };
    if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', skip: 2 };
    return { name: 'utf-8', skip: 0 };
  }
  if (encoding === 'utf-8') return { name: 'utf-8', skip: utf8Bom ? 3 : 0 };
  return { name: 'gb18030', skip: 0 };
}

async function pass(o: StreamOptions, fd: number, encoding: EncodingChoice): Promise<Omit<StreamResult, 'commit' | 'discard'>> {
  const file = o.data;
  const totals = new RunTotals(o.policy);
  const excluded: ExcludedRecord[] = [];
  // batches arrive as UTF-8 bytes; they are written a megabyte at a time
  let pending: Uint8Array[] = [new TextEncoder().encode(csvHead(o.lang))];
  let pendingBytes = 0;
  const write = (bytes: Uint8Array, force = false) => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (force || pendingBytes >= FLUSH_BYTES) {
      try {
        writeSync(fd, Buffer.concat(pending));
      } catch (error) {
        throw new ExitError(EXIT.input, `cannot write \`${o.out}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      pending = [];
      pendingBytes = 0;
    }
  };
  const fatal = (diagnostics: Diagnostic[]): never => {
    for (const d of diagnostics) o.stderr(formatDiagnostic(d));
    throw new ExitError(EXIT.input, `${file}: the data cannot be read, or does not fit the policy`);
  };

  // UTF-16 puts NUL bytes beside every line break and quote: only byte-wise encodings split here
  if (encoding.name !== 'utf-8' && encoding.name !== 'gb18030') throw new NotStreamable('UTF-16 data is read whole');
  const input = createReadStream(file, { start: encoding.skip, highWaterMark: CHUNK_BYTES });
  let splitter: RecordSplitter | undefined;
  let start: StreamStart | undefined;
  let run: Dispatch | undefined;
  let teamWarnings = (): Diagnostic[] => [];
  const pool = o.workers > 1 ? new Pool(o.workers) : undefined;
  try {
    for await (const piece of input as AsyncIterable<Buffer>) {
      // the delimiter papaparse would guess for the whole file, guessed from its beginning
      splitter ??= new RecordSplitter(Papa.parse<string[]>(new TextDecoder(encoding.name).decode(piece), { preview: 10 }).meta.delimiter || ',');
      const chunk = splitter.push(piece);
      if (chunk) run = await dispatch(chunk);
    }
    const last = splitter?.end();
    if (last) run = await dispatch(last);
    if (!start) fatal([{ code: 'data_empty', severity: 'error', message: 'the file has no header row', help: 'the first row must name the columns, e.g. 工号,姓名,岗位,团队,阶段,月份,…', file, cell: { row: 1 } }]);
    await run?.drain();
  } finally {
    input.destroy();
    await pool?.close();
  }
  write(new Uint8Array(0), true);
  excluded.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0));
  return { employees: totals.employees, summary: totals.summary(excluded.length), excluded, warnings: [...(start?.warnings ?? []), ...(start?.notes ?? []), ...teamWarnings(), ...beforeEffectiveFrom(o.policy, start?.period ? [start.period] : [])] };

  /** The first chunk sets the run up (header, delimiter, period, workers); every chunk is then evaluated in order. */
  async function dispatch(chunk: ByteChunk): Promise<Dispatch> {
    if (!start) {
      start = begin(chunk, o, encoding, fatal);
      if (!start.rest) return (run = await startEvaluation(start));
      run = await startEvaluation(start);
      chunk = start.rest;
    }
    await run!.submit(chunk);
    return run!;
  }

  async function startEvaluation(s: StreamStart): Promise<Dispatch> {
    const history = o.history && s.period ? await o.history(s.period) : undefined;
    const setup: WorkerSetup = { policyFile: o.policyFile, header: s.header, file, period: o.period, lang: o.lang, ledger: history ? o.ledger : undefined, beforePeriod: s.period, delimiter: s.delimiter, newline: s.newline, encoding: encoding.name as 'utf-8' | 'gb18030' };
    const reader = recordReader(s.header, o.policy.contract, { file, period: o.period });
    // warnings about rows (ids that differ only by case) come from the duplicate check on this thread
    s.notes = reader.notes;
    teamWarnings = () => reader.teamDiagnostics();
    const local = new BatchEvaluator(o.policy, setup, history);
    if (pool) await pool.start(setup);
    const roles = new Set<string>();
    // the first rows writing each ratio column one way and the other, over the chunks in file order
    const notation: RatioNotation = new Map();
    const started = Date.now();
    let reported = 0;
    const take = (chunk: ByteChunk, r: BatchResult) => {
      if (r.undecodable) throw undecodable(o, encoding);
      if (r.quoteErrors.length) fatal(r.quoteErrors);
      for (const role of r.roles) {
        if (roles.has(role)) continue;
        roles.add(role);
        const missing = reader.missingColumns(new Set([role]));
        if (missing.length) fatal(missing);
      }
      for (const p of r.periodsSeen) if (p !== s.period) throw new NotStreamable(`${file} holds more than one period (${s.period}, ${p})`);
      if (r.ratios.length) {
        for (const seen of r.ratios) {
          let entry = notation.get(seen.col);
          if (!entry) notation.set(seen.col, (entry = {}));
          entry[seen.kind] ??= seen;
        }
        const mixed = reader.mixedNotation(notation);
        if (mixed.length) fatal(mixed);
      }
      s.warnings.push(...r.notes);
      // duplicates are found here, where every row passes in order; the rare batch that has one is
      // evaluated again on this thread knowing which rows they are
      let duplicates: Map<number, { row: number; spelling?: string }> | undefined;
      const { rows, period } = r.keys;
      const ids = rows.length ? r.keys.ids.split('\0') : [];
      const periods = r.keys.periods?.split('\0');
      const raws = r.keys.raws ? new Map(r.keys.raws) : undefined;
      for (let i = 0; i < rows.length; i++) {
        const p = periods ? periods[i] : period;
        const first = reader.seen(ids[i], p, rows[i], raws?.get(i));
        if (first !== undefined) (duplicates ??= new Map()).set(rows[i], { row: first, spelling: reader.spelling(ids[i], p) });
      }
      for (const [team, row] of r.teams) reader.noteTeam(team, row);
      const final = duplicates ? local.evaluateChunk(chunk, duplicates) : r;
      write(final.csv);
      totals.merge(final.totals);
      excluded.push(...final.excluded);
      if (totals.employees + excluded.length - reported >= 100_000) {
        reported = totals.employees + excluded.length;
        o.stderr(`evaluated ${reported} records (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    };
    if (pool) return { submit: (chunk) => pool.submit(chunk, (r) => take(chunk, r)), drain: () => pool.drain() };
    return { submit: async (chunk) => take(chunk, local.evaluateChunk(chunk)), drain: async () => {} };
  }
}

const CHUNK_BYTES = 1 << 17;

interface Dispatch {
  submit(chunk: ByteChunk): Promise<void>;
  drain(): Promise<void>;
}

interface StreamStart {
  header: string[];
  delimiter: string;
  newline: '\n' | '\r\n';
  period: string;
  warnings: Diagnostic[];
  /** Warnings about rows, found while the file is read. */
  notes?: Diagnostic[];
  /** The first chunk's records after the header. */
  rest?: ByteChunk;
}

/** Bytes that are not text in the run's encoding: UTF-8 that was a guess is retried as GBK. */
function undecodable(o: StreamOptions, encoding: EncodingChoice): Error {
  if (encoding.name === 'utf-8' && (o.encoding ?? 'auto') === 'auto') return new NotUtf8();
  return new ExitError(EXIT.input, `data \`${o.data}\`: the file is not valid ${encoding.name === 'gb18030' ? 'GBK/GB18030' : 'UTF-8'} text\n  help: save it from Excel as "CSV UTF-8", or name the encoding with --encoding utf-8|gbk|gb18030`);
}

/** Reads the header (and the delimiter, line break and month) from the first chunk. */
function begin(chunk: ByteChunk, o: StreamOptions, encoding: EncodingChoice, fatal: (d: Diagnostic[]) => never): StreamStart {
  let text: string;
  try {
    text = new TextDecoder(encoding.name, { fatal: true }).decode(chunk.bytes);
  } catch {
    throw undecodable(o, encoding);
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const newline = parsed.meta.linebreak === '\r\n' ? '\r\n' : parsed.meta.linebreak === '\n' ? '\n' : undefined;
  if (!newline) throw new NotStreamable('lines end in a bare carriage return');
  const rows = parsed.data;
  let h = 0;
  while (h < rows.length && rows[h].every((c) => c.trim() === '')) h++;
  if (h === rows.length) throw new NotStreamable('no header in the first chunk');
  const header = rows[h].map((c) => c.trim());
  const reader = recordReader(header, o.policy.contract, { file: o.data, period: o.period });
  const errors = reader.diagnostics.filter((d) => d.severity === 'error');
  const below = titleAboveHeader(reader.diagnostics, rows.slice(h + 1), rows.slice(h + 1).map((_, i) => h + 2 + i), o.policy.contract, o.data);
  if (errors.length) fatal(below ? [below, ...errors] : errors);
  let period = '';
  for (let r = h + 1; r < rows.length && !period; r++) period = reader.periodOf(rows[r]);
  // the records after the header: the first chunk cut again after h + 1 records
  const head = new RecordSplitter(parsed.meta.delimiter, 0, h + 1).push(chunk.bytes);
  const at = head ? head.bytes.length : chunk.bytes.length;
  const rest = at < chunk.bytes.length ? { bytes: chunk.bytes.slice(at), firstRow: chunk.firstRow + h + 1, records: chunk.records - h - 1 } : undefined;
  return { header, delimiter: parsed.meta.delimiter, newline, period: period || o.period || '', warnings: reader.diagnostics.filter((d) => d.severity === 'warning'), rest };
}

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
  constructor(delimiter: string, private readonly minChunk = CHUNK_BYTES / 2, private readonly stopAfter = Infinity) {
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
    const chunk = { bytes: this.buffer.slice(0, this.length), firstRow: this.nextRow, records: this.records + (this.length > this.lastBreak + 1 ? 1 : 0) };
    this.buffer = new Uint8Array(0);
    this.length = 0;
    this.owned = false;
    return chunk;
  }
}

/**
 * N worker threads, each with the policy compiled once. Batches go round-robin and come back in
 * any order; results are handed on strictly in the order the batches were submitted. At most two
 * batches per worker are in flight, so memory stays bounded however large the file.
 */
class Pool {
  private workers: Worker[] = [];
  private next = 0;
  private submitted = 0;
  private delivered = 0;
  private done = new Map<number, BatchResult>();
  private waiting: { seq: number; take: (r: BatchResult) => void }[] = [];
  private room: (() => void)[] = [];
  private failure: unknown;
  private drained: (() => void)[] = [];

  private readonly loaded: Promise<unknown>[];

  /** Starts the threads at once: loading the engine takes them a while, the file's header need not wait. */
  constructor(private readonly size: number) {
    const url = new URL('./stream-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url));
    this.loaded = this.workers.map((w) => nextMessage(w));
    // a thread that fails before it is used is reported by start(), not as an unhandled rejection
    for (const l of this.loaded) l.catch(() => {});
  }

  /** Hands every thread the run's setup and waits until each has compiled the policy. */
  async start(setup: WorkerSetup): Promise<void> {
    await Promise.all(this.loaded);
    await Promise.all(
      this.workers.map(async (w) => {
        const ready = nextMessage(w);
        w.postMessage({ setup });
        const m = (await ready) as { ready?: boolean; error?: string };
        if (!m.ready) throw new Error(m.error);
      }),
    );
    for (const w of this.workers) {
      w.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => this.receive(m));
      w.on('error', (e) => this.fail(e));
    }
  }

  /** Resolves once the batch is queued and there is room for another. */
  async submit(chunk: ByteChunk, take: (r: BatchResult) => void): Promise<void> {
    if (this.failure) throw this.failure;
    const seq = this.submitted++;
    this.waiting.push({ seq, take });
    this.workers[this.next++ % this.workers.length].postMessage({ seq, chunk });
    while (this.submitted - this.delivered >= this.size * 2 && !this.failure) await new Promise<void>((r) => this.room.push(r));
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    while (this.delivered < this.submitted && !this.failure) await new Promise<void>((r) => this.drained.push(r));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private receive(m: { seq: number; result?: BatchResult; error?: string }): void {
    if (m.error !== undefined) return this.fail(new Error(m.error));
    this.done.set(m.seq, m.result!);
    // hand results on in submission order
    while (this.waiting.length && this.done.has(this.waiting[0].seq)) {
      const { seq, take } = this.waiting.shift()!;
      const result = this.done.get(seq)!;
      this.done.delete(seq);
      try {
        take(result);
      } catch (error) {
        return this.fail(error);
      }
      this.delivered++;
    }
    this.wake();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    for (const r of this.room.splice(0)) r();
    for (const r of this.drained.splice(0)) r();
  }
}

/** The next message a thread sends, or its error. */
function nextMessage(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      w.off('error', onError);
      resolve(m);
    };
    const onError = (e: Error) => {
      w.off('message', onMessage);
      reject(e);
    };
    w.once('message', onMessage);
    w.once('error', onError);
  });
}
