// `yardstick run --format csv|json|ndjson --out FILE` on a CSV file: the month read, evaluated and
// written as a stream. Memory holds the policy, a bounded number of 128 KiB chunks in flight (four
// per worker and eight of this thread's, see WorkerPool) with their output, up to 16 MiB of output
// waiting to be written (see WriteBehind), the ids seen (to find duplicate rows) and the records left
// out, never the whole file or every scorecard. With `--workers N` the chunks are evaluated by N
// threads (this one and N − 1 workers) and written in the order they were read, off this thread.
//
// What cannot stream falls back to the whole-file run (the caller decides, see `streamable`):
// several months in one file (each month is scored seeing the ones before it), calibration
// (forced distribution ranks a whole month), the reference executor and UTF-16 files (cut as
// bytes they would split characters). A file found mid-way to hold a second month, or a person
// on two rows (both rows are left out, and the first may be written already), throws
// `NotStreamable`, and nothing has been written.

import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import Papa from 'papaparse';
import {
  beforeEffectiveFrom,
  csvDelimiter,
  decodingOf,
  hasNulBytes,
  isBlankRow,
  noHeaderRow,
  notText,
  decimalCommaSource,
  recordReader,
  RunTotals,
  titleAboveHeader,
  type CompiledPolicy,
  type Diagnostic,
  type Encoding,
  type ExcludedRecord,
  type HistorySource,
  type Lang,
  type RatioNotation,
  type RunSummary,
  diagnostic,
  formatOf,
} from '../../engine/index.js';
import { AtomicFile } from '../files.js';
import { EXIT, ExitError } from './errors.js';
import { csvHead } from './format/results.js';
import { jsonHead, jsonTail } from './format/json-stream.js';
import { checkInputFile, openError, outputTarget, sayDiagnostic, writeFailure } from './io.js';
import { zerosLostAt } from './pipeline.js';
import { CHUNK_BYTES, RecordSplitter } from './record-splitter.js';
import {
  BatchEvaluator,
  type BatchResult,
  type ByteChunk,
  type StreamFormat,
  type WorkerSetup,
} from './stream-batch.js';
import { WorkerPool } from './worker-pool.js';

/** Why a file cannot stream after all, in English (the message) and Chinese, for the note `--workers` gives. */
export class NotStreamable extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

export interface StreamOptions {
  policy: CompiledPolicy;
  policyFile: string;
  /** The text `policy` was loaded from (workers compile it again). */
  policyText: string;
  data: string;
  out: string;
  lang: Lang;
  period?: string;
  encoding?: Encoding;
  workers: number;
  /** The language of the diagnostics printed (see Io.lang); the output's language otherwise. */
  diagnosticLang?: Lang;
  /** No progress lines on stderr. */
  quiet?: boolean;
  /** What is written: CSV lines, the run's JSON document, or NDJSON scorecards (default CSV). */
  format?: StreamFormat;
  /**
   * For JSON: the keys written after `warnings` (the run's provenance), in order, given the SHA-256
   * (its first 16 hex digits, as provenance writes hashes) of the data's bytes as this run read them.
   */
  jsonAfter?: (dataHash: string) => Record<string, unknown>;
  /** Earlier periods from the results ledger, opened once the month is known. */
  history?: (period: string) => Promise<HistorySource | undefined>;
  /** The ledger file, for workers to open themselves. */
  ledger?: string;
  /** Worker threads already loading (startWorkersEarly), used if there are `workers − 1` of them; closed by the run. */
  pool?: WorkerPool;
  /**
   * Where the bytes go instead of a temporary file beside `out` (then only the name in messages):
   * stdout when it is /dev/null (run.ts), which a refused month leaves as empty as ever.
   */
  sink?: StreamSink;
  stderr: (s: string) => void;
}

/** What a streamed run writes into: a file renamed into place (AtomicFile), or a sink of the caller's. */
export interface StreamSink {
  writeAsync(bytes: Uint8Array): Promise<void>;
  /** Drops what was written so far (a second pass in another encoding starts again). */
  restart(): void;
  commit(): void;
  discard(): void;
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
 * A text table (`.csv`, `.tsv`, `.txt`), which a run can read in chunks: the whole-file reader reads
 * the three alike (engine/data/file.ts, formatOf; the separator is the header line's), and so does
 * the stream (streamDelimiter). A `.tsv` was read whole, its memory growing with the file.
 */
export function isTextTable(data: string): boolean {
  return formatOf(data) === 'csv';
}

/**
 * Data that can stream to a CSV file: a text table (isTextTable), a policy without calibration, and the compiled
 * executor (a batch with a repeated employee is evaluated again, synchronously, on the reading
 * thread; json-rules-engine evaluates asynchronously).
 */
export function streamable(
  policy: CompiledPolicy,
  data: string,
  executor: 'compiled' | 'reference' | undefined,
): boolean {
  return (
    isTextTable(data) &&
    !policy.doc.calibration &&
    // pools and budgets need every card of the period, as calibration does
    !policy.doc.pools &&
    !policy.doc.budget &&
    policy.compilable &&
    executor !== 'reference'
  );
}

const FLUSH_BYTES = 1 << 20;

/**
 * The worker threads worth starting: no more than the machine's cores, nor than the chunks the file
 * is cut into. A note says when fewer than asked are used.
 */
export function workersFor(requested: number, data: string, stderr: (s: string) => void, lang: Lang = 'zh'): number {
  if (requested <= 1) return requested;
  checkInputFile(data, 'data');
  const { n, note } = workerCount(requested, data, lang);
  if (note) stderr(note);
  return n;
}

function workerCount(requested: number, data: string, lang: Lang = 'zh'): { n: number; note?: string } {
  const chunks = Math.max(1, Math.ceil(statSync(data).size / CHUNK_BYTES));
  const cores = availableParallelism();
  const n = Math.min(requested, cores, chunks);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (n === requested) return { n };
  const kib = CHUNK_BYTES / 1024;
  return {
    n,
    note:
      lang === 'zh'
        ? `注意：使用 ${n} 个工作线程，而不是 ${requested} 个：${chunks <= cores ? `文件按每块 ${kib} KiB 读取，共 ${chunks} 块` : `这台机器有 ${cores} 个核心`}`
        : `note: using ${plural(n, 'worker thread')} instead of ${requested}: ${chunks <= cores ? `the file is read in ${plural(chunks, 'chunk')} of ${kib} KiB` : `this machine has ${plural(cores, 'core')}`}`,
  };
}

/**
 * The worker threads a streaming run of `data` with `--workers requested` will use, started before
 * the policy is loaded so that they load on another core meanwhile (StreamOptions.pool); undefined
 * when there would be none, or the file cannot be read (the run reports that in its turn). The
 * caller closes them (a second close does nothing).
 */
export function startWorkersEarly(requested: number, data: string): WorkerPool | undefined {
  if (requested <= 1) return undefined;
  try {
    checkInputFile(data, 'data');
    const { n } = workerCount(requested, data);
    return n > 1 ? new WorkerPool(n - 1) : undefined;
  } catch {
    return undefined;
  }
}

export async function streamRun(o: StreamOptions): Promise<StreamResult> {
  // a folder, a pipe or a device is refused before anything is written; a link is written through
  const target = o.sink ? undefined : outputTarget(o.out);
  const cannotWrite = (error: unknown) => writeFailure(o.out, error);
  let out: StreamSink;
  try {
    out = o.sink ?? new AtomicFile(target!);
  } catch (error) {
    throw cannotWrite(error);
  }
  try {
    const decoding = firstDecoding(o.data, o.encoding ?? 'auto');
    let result: Omit<StreamResult, 'commit' | 'discard'>;
    // the threads started early serve the first pass; a second one starts its own
    const early = o.pool?.size === o.workers - 1 ? o.pool : undefined;
    try {
      result = await pass(o, out, decoding, early);
    } catch (error) {
      // no BOM and not UTF-8 after all: a Chinese export is then GBK, which GB18030 contains
      if (!(error instanceof NotUtf8) || !decoding.otherwise) throw error;
      out.restart();
      try {
        result = await pass(o, out, { encoding: decoding.otherwise, skip: decoding.skip });
      } catch (retried) {
        // neither UTF-8 nor GBK throughout (a GBK cell pasted into a UTF-8 export): the whole-file
        // reader finds the cell and names its row, column and what it says in GBK
        if (retried instanceof ExitError && retried.diagnostics[0]?.code === 'io_not_text')
          throw new NotStreamable(
            'a cell is not in the encoding of the rest of the file',
            '有单元格的编码与文件其余部分不同',
          );
        throw retried;
      }
    }
    const commit = () => {
      try {
        out.commit();
      } catch (error) {
        throw cannotWrite(error);
      }
    };
    return { ...result, commit, discard: () => out.discard() };
  } catch (error) {
    out.discard();
    throw error;
  } finally {
    await o.pool?.close();
  }
}

class NotUtf8 extends Error {}

/** How the data is decoded (the data layer's rule), from its first bytes and the user's choice. */
type Decoding = ReturnType<typeof decodingOf>;

function firstDecoding(file: string, encoding: Encoding): Decoding {
  const head = Buffer.alloc(3);
  // a pipe would block the open below; a device would never end
  checkInputFile(file, 'data');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw openError(file, 'data', error);
  }
  const n = readSync(fd, head, 0, 3, 0);
  closeSync(fd);
  return decodingOf(head.subarray(0, n), encoding);
}

/** Bytes written to a file in order, off this thread (AtomicFile.writeAsync), while this one evaluates on. */
export class WriteBehind {
  private chain: Promise<void> = Promise.resolve();
  /** Bytes handed over and not yet written. */
  private queued = 0;
  private failure: { error: unknown } | undefined;
  /** Told after each write (or failure): `room`'s waits, each checking whether the queue is back under its bound. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly out: StreamSink,
    private readonly name: string,
  ) {}

  /** Queues `bytes` (not to be changed after; `written` is told once they are); throws when an earlier write failed. */
  write(bytes: Uint8Array, written?: (bytes: Uint8Array) => void): void {
    this.check();
    // counted now: `written` may hand the buffer to another thread, which leaves `bytes` empty here
    const length = bytes.length;
    this.queued += length;
    this.chain = this.chain.then(async () => {
      try {
        if (!this.failure) {
          await this.out.writeAsync(bytes);
          written?.(bytes);
        }
      } catch (error) {
        this.failure = { error };
      } finally {
        this.queued -= length;
        const waiting = this.waiting;
        this.waiting = [];
        for (const told of waiting) told();
      }
    });
  }

  /**
   * Waits while more than `max` bytes are queued, so that memory stays bounded when the disk is
   * slower: until enough of the queue is written, not all of it (waiting for every queued write
   * left this thread idle while the last ones were written, 2026-12-01).
   */
  async room(max: number): Promise<void> {
    while (this.queued > max && !this.failure) await new Promise<void>((told) => this.waiting.push(told));
    this.check();
  }

  /** Every queued byte written (or the first failure thrown). */
  async finish(): Promise<void> {
    await this.chain;
    this.check();
  }

  /** Waits for the writes under way, whatever became of them. */
  settled(): Promise<void> {
    return this.chain;
  }

  private check(): void {
    if (this.failure) throw writeFailure(this.name, this.failure.error);
  }
}

/** At most this many bytes of output wait to be written. */
const WRITE_BEHIND_BYTES = 16 << 20;

async function pass(
  o: StreamOptions,
  out: StreamSink,
  decoding: Decoding,
  early?: WorkerPool,
): Promise<Omit<StreamResult, 'commit' | 'discard'>> {
  const behind = new WriteBehind(out, o.out);
  try {
    const result = await passWith(o, behind, decoding, early);
    await behind.finish();
    return result;
  } finally {
    // nothing is written to the file once the pass has ended: a second pass restarts it, or it is discarded
    await behind.settled();
  }
}

async function passWith(
  o: StreamOptions,
  out: WriteBehind,
  decoding: Decoding,
  early?: WorkerPool,
): Promise<Omit<StreamResult, 'commit' | 'discard'>> {
  const file = o.data;
  const totals = new RunTotals(o.policy);
  const excluded: ExcludedRecord[] = [];
  const format = o.format ?? 'csv';
  const utf8 = new TextEncoder();
  // batches arrive as UTF-8 bytes; they are written a megabyte at a time, off this thread
  let pending: Uint8Array[] = format === 'csv' ? [utf8.encode(csvHead(o.lang))] : [];
  let pendingBytes = 0;
  // JSON: every card comes led by `,`, which the first one written drops
  let firstCard = format === 'json';
  /** Takes back a chunk's bytes once written (the thread that evaluated it fills them again). */
  let recycle: ((bytes: Uint8Array, worker?: number) => void) | undefined;
  const write = (bytes: Uint8Array, force = false, worker?: number) => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (force || pendingBytes >= FLUSH_BYTES) {
      // a JSON chunk is megabytes: written as it is, not copied into one buffer with nothing else,
      // and its buffer then filled again with a later chunk
      if (pending.length === 1) out.write(pending[0]!, recycle && ((b) => recycle!(b, worker)));
      else out.write(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    }
  };
  const fatal = (diagnostics: Diagnostic[]): never => {
    for (const d of diagnostics) sayDiagnostic(o.stderr, d, o.diagnosticLang ?? o.lang);
    throw new ExitError(EXIT.input, diagnostic('cli_data_unfit', { file }, { file }));
  };

  // UTF-16 puts NUL bytes beside every line break and quote: only byte-wise encodings split here
  if (decoding.encoding !== 'utf-8' && decoding.encoding !== 'gb18030')
    throw new NotStreamable('the file is UTF-16 text', '文件是 UTF-16 文本');
  // the file as it was when the run began: one saved meanwhile is refused at the end, as the
  // whole-file run refuses it (io_changed_while_read); a JSON result's provenance hashes the very
  // bytes read (the byte order mark skipped below included), not the file read again
  const before = statSync(file);
  const hash = format === 'json' ? createHash('sha256') : undefined;
  if (hash && decoding.skip) {
    const fd = openSync(file, 'r');
    try {
      const mark = Buffer.alloc(decoding.skip);
      readSync(fd, mark, 0, decoding.skip, 0);
      hash.update(mark);
    } finally {
      closeSync(fd);
    }
  }
  const input = createReadStream(file, { start: decoding.skip, highWaterMark: CHUNK_BYTES });
  /** The file's bytes handed out to be evaluated (and a byte order mark; the header's are not counted). */
  let dispatched = decoding.skip;
  let splitter: RecordSplitter | undefined;
  let start: StreamStart | undefined;
  let run: Dispatch | undefined;
  let teamWarnings = (): Diagnostic[] => [];
  // this thread evaluates too (see WorkerPool): N threads are this one and N − 1 workers
  const pool = o.workers > 1 ? (early ?? new WorkerPool(o.workers - 1)) : undefined;
  try {
    for await (const piece of input as AsyncIterable<Buffer>) {
      hash?.update(piece);
      // the separator the whole-file reading takes (csvDelimiter: its header line's), else papaparse's
      // guess from the file's beginning
      splitter ??= new RecordSplitter(streamDelimiter(new TextDecoder(decoding.encoding).decode(piece)));
      const chunk = splitter.push(piece);
      if (chunk) run = await dispatch(chunk);
    }
    const last = splitter?.end();
    if (last) run = await dispatch(last);
    if (!start) fatal([noHeaderRow(file)]);
    await run?.drain();
  } finally {
    input.destroy();
    await pool?.close();
  }
  const after = statSync(file);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino)
    throw new ExitError(EXIT.input, diagnostic('io_changed_while_read', { file }, { file }));
  excluded.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0));
  const summary = totals.summary(excluded.length);
  const warnings = [
    ...(start?.warnings ?? []),
    ...(start?.notes ?? []),
    ...teamWarnings(),
    ...beforeEffectiveFrom(o.policy, start?.period ? [start.period] : []),
  ];
  if (format === 'json')
    write(
      utf8.encode(
        jsonTail(totals.employees, {
          excluded,
          summary,
          warnings,
          ...o.jsonAfter?.(hash!.digest('hex').slice(0, 16)),
        }),
      ),
    );
  write(new Uint8Array(0), true);
  return { employees: totals.employees, summary, excluded, warnings };

  /** The first chunk sets the run up (header, delimiter, period, workers); every chunk is then evaluated in order. */
  async function dispatch(chunk: ByteChunk): Promise<Dispatch> {
    if (!start) {
      start = begin(chunk, o, decoding, fatal);
      if (!start.rest) return (run = await startEvaluation(start));
      run = await startEvaluation(start);
      chunk = start.rest;
    }
    dispatched += chunk.bytes.length;
    await run!.submit(chunk, before.size - dispatched);
    await out.room(WRITE_BEHIND_BYTES);
    return run!;
  }

  async function startEvaluation(s: StreamStart): Promise<Dispatch> {
    const history = o.history && s.period ? await o.history(s.period) : undefined;
    const setup: WorkerSetup = {
      policyFile: o.policyFile,
      policyText: o.policyText,
      header: s.header,
      file,
      period: o.period,
      lang: o.lang,
      ledger: history ? o.ledger : undefined,
      beforePeriod: s.period,
      delimiter: s.delimiter,
      newline: s.newline,
      encoding: decoding.encoding as 'utf-8' | 'gb18030',
      output: format,
    };
    if (format === 'json') {
      const d = o.policy.doc;
      write(utf8.encode(jsonHead({ policy: { id: d.policy, version: d.version, title: d.title }, period: s.period })));
    }
    const reader = recordReader(s.header, o.policy.contract, { file, period: o.period }, decimalCommaSource(s));
    // warnings about rows (ids that differ only by case) come from the duplicate check on this thread
    s.notes = reader.notes;
    teamWarnings = () => reader.teamDiagnostics();
    const local = new BatchEvaluator(o.policy, setup, history);
    recycle = (bytes, worker) => (worker === undefined ? local.recycle(bytes) : pool?.recycle(worker, bytes));
    const ready = pool?.start(setup, (chunk) => local.evaluateChunk(chunk));
    // this thread evaluates the first chunks while the workers load (most of a second); tests wait
    // for them instead, so that their small files go through the workers too
    if (process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS === '1') await ready;
    else ready?.catch(() => {}); // a worker's failure stops the run at the next chunk (WorkerPool.submit)
    const roles = new Set<string>();
    // the first rows writing each ratio column one way and the other, over the chunks in file order
    const notation: RatioNotation = new Map();
    const started = Date.now();
    let reported = 0;
    const take = (r: BatchResult) => {
      if (r.undecodable) throw undecodable(o, decoding);
      if (r.quoteErrors.length) fatal(r.quoteErrors);
      for (const role of r.roles) {
        if (roles.has(role)) continue;
        roles.add(role);
        const missing = reader.missingColumns(new Set([role]));
        if (missing.length) fatal(missing);
      }
      for (const p of r.periodsSeen)
        if (p !== s.period) throw new NotStreamable('the file holds several months', '文件中有多个月份');
      if (r.ratios.length) {
        for (const seen of r.ratios) {
          let entry = notation.get(seen.col);
          if (!entry) notation.set(seen.col, (entry = {}));
          entry[seen.kind] ??= seen;
        }
        const mixed = reader.mixedNotation(notation);
        if (mixed.length) fatal(mixed);
      }
      // a header again in another column order (a second export pasted below) refuses the file, as
      // the whole-file run refuses it; a totals row or the header printed again is a note
      const refusing = r.notes.filter((d) => d.severity === 'error');
      if (refusing.length) fatal(refusing);
      s.warnings.push(...r.notes);
      // duplicates are found here, where every row passes in order. A person on two rows leaves out
      // the first row too (engine/data/records.ts, toRecords), which may be written already: the
      // whole-file run reads such a file (nothing has been written)
      const { rows, period } = r.keys;
      const ids = rows.length ? r.keys.ids.split('\0') : [];
      const periods = r.keys.periods?.split('\0');
      const raws = r.keys.raws ? new Map(r.keys.raws) : undefined;
      for (let i = 0; i < rows.length; i++) {
        if (reader.seen(ids[i], periods ? periods[i] : period, rows[i], raws?.get(i)) !== undefined)
          throw new NotStreamable('an employee is on two rows', '同一员工出现在两行');
      }
      for (const [team, row] of r.teams) reader.noteTeam(team, row);
      const final = r;
      // an id whose leading zeros Excel dropped or added since the recorded months, as the whole-file run warns
      if (history && o.ledger) {
        const left = final.excluded.length ? new Set(final.excluded.map((x) => x.row)) : undefined;
        for (let i = 0; i < rows.length; i++) {
          const d = left?.has(rows[i]) ? undefined : zerosLostAt(ids[i]!, file, rows[i]!, history, o.ledger);
          if (d) s.warnings.push(d);
        }
      }
      if (firstCard && final.out.length) {
        write(final.out.subarray(1), false, final.worker);
        firstCard = false;
      } else write(final.out, false, final.worker);
      totals.merge(final.totals);
      excluded.push(...final.excluded);
      if (!o.quiet && totals.employees + excluded.length - reported >= 100_000) {
        reported = totals.employees + excluded.length;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        o.stderr(
          (o.diagnosticLang ?? o.lang) === 'zh'
            ? `已计算 ${reported} 条记录（${seconds} 秒）`
            : `evaluated ${reported} records (${seconds} s)`,
        );
      }
    };
    if (pool)
      return {
        submit: (chunk, after) => pool.submit(chunk, (r) => take(r), after),
        drain: () => pool.drain(),
      };
    return { submit: async (chunk) => take(local.evaluateChunk(chunk)), drain: async () => {} };
  }
}

interface Dispatch {
  /** `after`: the file's bytes after this chunk. */
  submit(chunk: ByteChunk, after: number): Promise<void>;
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
function undecodable(o: StreamOptions, decoding: Decoding): Error {
  if (decoding.otherwise) return new NotUtf8();
  const why = notText(decoding.encoding);
  return new ExitError(
    EXIT.input,
    diagnostic('io_not_text.data', { file: o.data, encoding: why.encoding }, { file: o.data }),
  );
}

/** A CSV's separator as the whole-file reading takes it (readCsv), so both read a file alike. */
function streamDelimiter(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  return csvDelimiter(body) ?? (Papa.parse<string[]>(body, { preview: 10 }).meta.delimiter || ',');
}

/** Reads the header (and the delimiter, line break and month) from the first chunk. */
function begin(chunk: ByteChunk, o: StreamOptions, decoding: Decoding, fatal: (d: Diagnostic[]) => never): StreamStart {
  // an Excel workbook named .csv (a zip, or an old .xls): refused as the whole-file reader refuses it
  const b = chunk.bytes;
  const zip = b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  if (zip || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0))
    fatal([
      diagnostic(
        zip ? 'data_is_workbook' : 'data_is_workbook.xls',
        { file: o.data, format: 'CSV' },
        {
          file: o.data,
          cell: { row: 1 },
        },
      ),
    ]);
  // UTF-16 without its byte-order mark: refused as the whole-file reader refuses it
  if (hasNulBytes(chunk.bytes, decoding.encoding))
    fatal([diagnostic('data_encoding.nul', {}, { file: o.data, cell: { row: 1 } })]);
  let text: string;
  try {
    text = new TextDecoder(decoding.encoding, { fatal: true }).decode(chunk.bytes);
  } catch {
    throw undecodable(o, decoding);
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: streamDelimiter(text) });
  const newline = parsed.meta.linebreak === '\r\n' ? '\r\n' : parsed.meta.linebreak === '\n' ? '\n' : undefined;
  if (!newline) throw new NotStreamable("the file's lines end in a bare carriage return", '文件的行以单独的回车符结尾');
  const rows = parsed.data;
  let h = 0;
  while (h < rows.length && isBlankRow(rows[h])) h++;
  if (h === rows.length)
    throw new NotStreamable(
      `no header row in the file's first ${CHUNK_BYTES / 1024} KiB`,
      `文件的前 ${CHUNK_BYTES / 1024} KiB 中没有表头行`,
    );
  const header = rows[h].map((c) => c.trim());
  const reader = recordReader(
    header,
    o.policy.contract,
    { file: o.data, period: o.period },
    decimalCommaSource({ delimiter: parsed.meta.delimiter, header }),
  );
  const errors = reader.diagnostics.filter((d) => d.severity === 'error');
  const below = titleAboveHeader(
    reader.diagnostics,
    rows.slice(h + 1),
    rows.slice(h + 1).map((_, i) => h + 2 + i),
    o.policy.contract,
    o.data,
  );
  // the header is on a later row: the first row's missing columns are not the file's
  if (below) fatal([below]);
  if (errors.length) fatal(errors);
  let period = '';
  for (let r = h + 1; r < rows.length && !period; r++) period = reader.periodOf(rows[r]);
  // the records after the header: the first chunk cut again after h + 1 records
  const head = new RecordSplitter(parsed.meta.delimiter, 0, h + 1).push(chunk.bytes);
  const at = head ? head.bytes.length : chunk.bytes.length;
  const rest =
    at < chunk.bytes.length
      ? { bytes: chunk.bytes.slice(at), firstRow: chunk.firstRow + h + 1, records: chunk.records - h - 1 }
      : undefined;
  return {
    header,
    delimiter: parsed.meta.delimiter,
    newline,
    period: period || o.period || '',
    warnings: reader.diagnostics.filter((d) => d.severity === 'warning'),
    rest,
  };
}
