// `yardstick run POLICY --data FILE`: the month's dry run, as a table, JSON, CSV or Markdown.

import {
  beforeEffectiveFrom,
  runResultToJson,
  type Lang,
  type CompiledPolicy,
  fitsNobody,
  diagnostic,
} from '../../../engine/index.js';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpOnSignal } from '../../files.js';
import { EXIT, ExitError } from '../errors.js';
import { formatXlsx } from '../format/xlsx.js';
import { EXTENSION, formatOfOut, unwrittenExtension, type RunFormat } from '../out-format.js';
import { recordRun } from './record.js';
import {
  checkOutput,
  nullStdoutSink,
  readBytes,
  sayDiagnostic,
  writeAtomic,
  writeFailure,
  type RunInput,
  type Io,
} from '../io.js';
import { dryRun, gapNote, loadPolicyAndText, refuseExcluded, reportExcluded } from '../pipeline.js';
import {
  isTextTable,
  NotStreamable,
  startWorkersEarly,
  streamable,
  streamRun,
  workersFor,
  type StreamSink,
} from '../stream.js';
import type { WorkerPool } from '../worker-pool.js';
import { Ledger } from '../ledger.js';
import { lockLedger, type LedgerLock } from '../ledger-lock.js';
import { formatCsv, formatMarkdown, formatTableBytes } from '../format/results.js';
import { ndjsonCard } from '../format/json-stream.js';
import { dataInputs, mappingParts, sha } from '../provenance.js';

export interface RunCommandOptions {
  data: string;
  /** No progress on stderr. */
  quiet?: boolean;
  format: RunFormat;
  out?: string;
  lang: Lang;
  period?: string;
  excludeInvalid?: boolean;
  record?: boolean;
  amend?: boolean;
  /** Record or amend a period earlier than a recorded one (whose history then is stale). */
  outOfOrder?: boolean;
  ledger: string;
  executor?: 'compiled' | 'reference';
  encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
  sheet?: string;
  /**
   * Worker threads for a streaming CSV run. Not given: two for JSON or NDJSON from a CSV file of
   * AUTO_WORKERS_BYTES or more on a machine of two cores or more, else one (defaultWorkers).
   */
  workers?: number | string;
}

/**
 * A CSV file this large, run as JSON or NDJSON, is evaluated in two threads unless `--workers`
 * says otherwise: each scorecard's explanation and text cost more than its evaluation, and a
 * second thread pays for them, to a file or to stdout alike (docs/benchmarks.md, "Two threads by
 * default for JSON and NDJSON" and "Output formats, twelfth round").
 * CSV gains little from a second thread and keeps one; so does a smaller file, where starting a
 * thread costs about as much as it saves.
 */
export const AUTO_WORKERS_BYTES = 4 << 20;

/** The threads a run uses when `--workers` is not given (see AUTO_WORKERS_BYTES). */
export function defaultWorkers(o: RunCommandOptions, shape: boolean): number {
  if (!shape || (o.format !== 'json' && o.format !== 'ndjson')) return 1;
  if (o.sheet !== undefined || o.executor === 'reference' || !isTextTable(o.data)) return 1;
  let size: number;
  try {
    size = statSync(o.data).size;
  } catch {
    return 1; // the run says what is wrong with the file in its turn
  }
  return size >= AUTO_WORKERS_BYTES ? Math.min(2, availableParallelism()) : 1;
}

/**
 * The run's format: --format, else what --out's extension says, else the table. A --format the
 * extension contradicts (`--out results.xlsx --format csv`) is refused before any work.
 */
function runFormat(o: { format?: RunFormat; out?: string }): RunFormat {
  const unwritten = o.out === undefined ? undefined : unwrittenExtension(o.out, []);
  if (unwritten !== undefined)
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_out_format.unwritten', {
        file: o.out!,
        ext: unwritten,
        command: 'run',
        choices: '`.csv`, `.xlsx`, `.json`, `.ndjson`, `.md`, or `.txt` for the table',
        choices_zh: '`.csv`、`.xlsx`、`.json`、`.ndjson`、`.md`，或 `.txt`（表格）',
      }),
    );
  const named = formatOfOut(o.out);
  if (o.format === undefined) return named ?? 'table';
  if (named !== undefined && named !== o.format) {
    const ext = /\.([^./\\]+)$/.exec(o.out!)![1]!;
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_out_format', {
        file: o.out!,
        ext,
        format: o.format,
        suggest: o.out!.slice(0, -ext.length) + EXTENSION[o.format],
      }),
    );
  }
  return o.format;
}

export async function runCommand(
  policyFile: string,
  options: Omit<RunCommandOptions, 'format'> & { format?: RunFormat },
  io: Io,
): Promise<number> {
  const o: RunCommandOptions = { ...options, format: runFormat(options) };
  // digits only, as --runs: `1e1`, `0x2`, `2.0` are no whole number as written
  const asked = o.workers !== undefined;
  const given = typeof o.workers === 'string' && !/^\d+$/.test(o.workers) ? Number.NaN : Number(o.workers ?? 1);
  if (!Number.isInteger(given) || given < 1 || given > 64)
    throw new ExitError(EXIT.usage, diagnostic('cli_workers', { value: String(o.workers) }));
  // before any work: an output that is not a file, or is one of the inputs, is refused
  if (o.out) checkOutput(o.out, runInputs(policyFile, o));
  // CSV, JSON and NDJSON stream to a file, and to stdout through a temporary file (printed once
  // the month is read and checked: nothing is printed for a month that is refused)
  const shape = !o.record && !o.amend && isStreamFormat(o.format);
  const workers = asked ? given : defaultWorkers(o, shape);
  // a run that looks like streaming starts its worker threads now: they load (most of a second of
  // CPU each) on another core while this one loads the policy; a run that does not stream closes them
  const early =
    shape && o.sheet === undefined && isTextTable(o.data) && o.executor !== 'reference'
      ? startWorkersEarly(workers, o.data)
      : undefined;
  try {
    return await runLoaded(policyFile, o, io, workers, asked, shape, early);
  } finally {
    await early?.close();
  }
}

async function runLoaded(
  policyFile: string,
  o: RunCommandOptions,
  io: Io,
  workers: number,
  /** `--workers` was given: a run that cannot use the threads says so (a default says nothing). */
  asked: boolean,
  shape: boolean,
  early: WorkerPool | undefined,
): Promise<number> {
  // loaded once: its warnings are printed once, whichever way the data is read
  const { policy, text: policyText } = loadPolicyAndText(policyFile, io.stderr, io.lang ?? o.lang);
  // a --sheet is for a workbook: the whole-file reader refuses it with a CSV, so it never streams
  let notStreamed: NotStreamable | undefined;
  if (shape && o.sheet === undefined && streamable(policy, o.data, o.executor)) {
    const streamed = await streamCsv(
      policy,
      policyFile,
      policyText,
      o,
      workersFor(workers, o.data, io.stderr, io.lang ?? o.lang),
      io,
      early,
    );
    if (typeof streamed === 'number') return streamed;
    notStreamed = streamed;
  }
  await early?.close();
  // threads evaluate only a streaming run: say so, and why, rather than ignore the option
  if (workers > 1 && asked) {
    // [English, Chinese]
    const [why, whyZh] = !shape
      ? [
          'only a CSV file run as CSV, JSON or NDJSON (--format csv|json|ndjson) without --record is evaluated in worker threads',
          '只有 CSV 文件以 CSV、JSON 或 NDJSON 输出（--format csv|json|ndjson）且不带 --record 时才用工作线程计算',
        ]
      : policy.doc.pools || policy.doc.budget
        ? [
            'the policy has bonus pools or a budget, which need every record of the period',
            '政策有奖金池或预算，需要本期的全部记录',
          ]
        : policy.doc.calibration
          ? [
              'the policy has forced distribution (calibration), which needs every record of the period',
              '政策有强制分布（校准），需要本期的全部记录',
            ]
          : !isTextTable(o.data)
            ? [
                'only a CSV, TSV or TXT file is evaluated in worker threads',
                '只有 CSV、TSV 或 TXT 文件才用工作线程计算',
              ]
            : notStreamed
              ? [notStreamed.message, notStreamed.zh]
              : ['the policy is evaluated by the reference executor', '政策由参考执行器计算'];
    io.stderr(
      (io.lang ?? o.lang) === 'zh'
        ? `注意：未使用 --workers ${workers}：${whyZh}；本次运行整体读取数据`
        : `note: --workers ${workers} is not used: ${why}; this run reads the data whole`,
    );
  }
  if (!o.record && !o.amend) return runWhole(policy, policyFile, o, io);
  // a recording run holds the ledger's lock from reading its history to saving it
  const lock = await lockLedger(o.ledger, io.stderr, o.lang);
  try {
    return await runWhole(policy, policyFile, o, io, lock);
  } finally {
    lock.release();
  }
}

/** The run with every record in memory; with `lock`, the period is recorded too. */
async function runWhole(
  policy: CompiledPolicy,
  policyFile: string,
  o: RunCommandOptions,
  io: Io,
  lock?: LedgerLock,
): Promise<number> {
  const { result } = await dryRun({
    policy: policyFile,
    loaded: policy,
    data: o.data,
    period: o.period,
    lang: o.lang,
    diagnosticLang: io.lang,
    encoding: o.encoding,
    sheet: o.sheet,
    ledger: o.ledger,
    executor: o.executor,
    explain: o.format === 'json' || o.format === 'ndjson' || o.format === 'md' || Boolean(o.record || o.amend),
    recording: Boolean(o.record || o.amend),
    stderr: io.stderr,
    quiet: o.quiet,
  });
  for (const w of result.warnings) sayDiagnostic(io.stderr, w, io.lang ?? o.lang);
  if (o.record || o.amend) {
    // an official result is only recorded under the version in force for the period
    const early = beforeEffectiveFrom(policy, result.period ? result.period.split(',') : []);
    if (early.length)
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_before_effective', { detail: early.map((d) => d.message).join('; ') }),
      );
  }
  refuseExcluded(result, o.excludeInvalid, io.stderr, o.lang, io.lang);
  if (o.format === 'xlsx' && !o.out) throw new ExitError(EXIT.usage, diagnostic('cli_xlsx_needs_out', {}));
  const text =
    o.format === 'xlsx'
      ? await formatXlsx(result, o.lang)
      : // JSON carries what it was computed from: the policy's hash and every data input's
        o.format === 'json'
        ? JSON.stringify({ ...runResultToJson(result), provenance: provenance(policyFile, o.data) }, null, 2) + '\n'
        : o.format === 'ndjson'
          ? result.scorecards.map(ndjsonCard).join('')
          : o.format === 'csv'
            ? formatCsv(result, o.lang)
            : o.format === 'md'
              ? formatMarkdown(result, o.lang)
              : // the table as bytes: a month's rows are encoded as they are laid out
                formatTableBytes(result, o.lang);
  // checked before any output: a period that cannot be recorded writes nothing
  const saveRecord = lock
    ? await recordRun(policyFile, o.data, o.ledger, result, Boolean(o.amend), io, o.lang, lock, Boolean(o.outOfOrder))
    : undefined;
  if (o.out) {
    writeAtomic(o.out, text);
    io.stderr(
      o.lang === 'zh'
        ? `已写入 ${o.out}（${result.scorecards.length} 人）`
        : `wrote ${o.out} (${result.scorecards.length} employees)`,
    );
  } else if (typeof text === 'string') io.stdout(text);
  else if (io.stdoutBytes) io.stdoutBytes(text);
  else io.stdout(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
  reportExcluded(result, io.stderr, o.lang, io.lang);
  saveRecord?.();
  return EXIT.ok;
}

/**
 * A file's UTF-8 text to stdout: by the Io's own printing where it has one (the process's stdout,
 * which waits for a pipe to drain), else a mebibyte at a time as bytes where the Io takes them (a
 * fresh buffer each time, as the Io may keep the last), else decoded (a character cut between two
 * reads is kept for the next). False when stdout failed on the way (a closed pipe, already said
 * on stderr).
 */
async function printFile(file: string, io: Io): Promise<boolean> {
  if (io.stdoutFile) return io.stdoutFile(file);
  const fd = openSync(file, 'r');
  try {
    const bytes = io.stdoutBytes;
    const decoder = bytes ? undefined : new TextDecoder('utf-8', { ignoreBOM: true }); // a CSV's BOM is output
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      if (bytes) bytes(chunk.subarray(0, n));
      else {
        const text = decoder!.decode(chunk.subarray(0, n), { stream: true });
        if (text) io.stdout(text);
      }
    }
    const rest = decoder?.decode();
    if (rest) io.stdout(rest);
    return true;
  } finally {
    closeSync(fd);
  }
}

/** What a JSON result was computed from: the policy's hash and every data input's. */
function provenance(policyFile: string, data?: string) {
  return {
    policy: { file: policyFile, hash: sha(readBytes(policyFile, 'policy')) },
    ...(data === undefined ? {} : { data: dataInputs(data) }),
  };
}

function isStreamFormat(format: RunCommandOptions['format']): format is 'csv' | 'json' | 'ndjson' {
  return format === 'csv' || format === 'json' || format === 'ndjson';
}

/** The files a run reads, which its output must not overwrite. */
export function runInputs(policyFile: string, o: Pick<RunCommandOptions, 'data' | 'ledger'>): RunInput[] {
  const data = /\.ya?ml$/i.test(o.data) ? [o.data, ...mappingParts(o.data).map((p) => p.file)] : [o.data];
  return [
    { path: policyFile, label: { en: `the policy \`${policyFile}\``, zh: `政策 \`${policyFile}\`` } },
    ...data.map((d) => ({
      path: d,
      label:
        d === o.data && data.length > 1
          ? { en: `the data mapping \`${d}\``, zh: `数据映射 \`${d}\`` }
          : { en: `the data file \`${d}\``, zh: `数据文件 \`${d}\`` },
    })),
    { path: o.ledger, label: { en: `the results ledger \`${o.ledger}\``, zh: `结果账本 \`${o.ledger}\`` } },
  ];
}

/**
 * CSV in; CSV, JSON or NDJSON out: read, evaluate and write as a stream (node/cli/stream.ts). When the
 * file turns out not to stream (it holds several months, a cell in another encoding, …), why: the
 * whole-file run then reads it (and scores several months month by month).
 */
async function streamCsv(
  policy: CompiledPolicy,
  policyFile: string,
  policyText: string,
  o: RunCommandOptions,
  workers: number,
  io: Io,
  pool: WorkerPool | undefined,
): Promise<number | NotStreamable> {
  // stdout: into /dev/null (where nothing is seen, refused or not) straight as it comes; into a
  // regular file straight as it comes too, cut back if the month is refused (io.ts, stdoutFileSink);
  // else (a pipe, a terminal) to a temporary file of its own, printed when the run is known good
  const toNull = !o.out && io.stdoutNull?.() === true;
  const direct = o.out || toNull ? undefined : io.stdoutFileSink?.();
  const scratch = o.out || toNull || direct ? undefined : temporaryFolder();
  const remove = () => scratch && rmSync(scratch, { recursive: true, force: true });
  // the month's names and pay are not left in the temporary folder, nor half a month in stdout's
  // file, by a Ctrl-C either
  const interrupted = scratch
    ? cleanUpOnSignal(() => void remove())
    : direct
      ? cleanUpOnSignal(() => direct.interrupt())
      : undefined;
  try {
    return await streamTo(
      scratch ? join(scratch, `result.${o.format}`) : toNull ? '/dev/null' : direct ? '/dev/stdout' : o.out!,
      policy,
      policyFile,
      policyText,
      o,
      workers,
      io,
      pool,
      toNull ? nullStdoutSink : direct,
    );
  } finally {
    interrupted?.();
    remove();
    // a month not committed (refused, or the run failed on the way) is taken back; once committed, nothing
    direct?.discard();
  }
}

/**
 * A new folder under the system's temporary folder (TMPDIR) for a streamed run printed to stdout;
 * one that cannot be made (TMPDIR missing, a file, read-only) is said as a file that cannot be
 * written, not as an internal error.
 */
function temporaryFolder(): string {
  const prefix = join(tmpdir(), 'yardstick-run-');
  try {
    return mkdtempSync(prefix);
  } catch (error) {
    throw writeFailure(`${prefix}XXXXXX`, error);
  }
}

async function streamTo(
  out: string,
  policy: CompiledPolicy,
  policyFile: string,
  policyText: string,
  o: RunCommandOptions,
  workers: number,
  io: Io,
  pool: WorkerPool | undefined,
  /** stdout being /dev/null: written there as it comes, nothing to print at the end */
  sink?: StreamSink,
): Promise<number | NotStreamable> {
  let streamed: Awaited<ReturnType<typeof streamRun>>;
  try {
    streamed = await streamRun({
      policy,
      policyFile,
      policyText,
      data: o.data,
      out,
      lang: o.lang,
      diagnosticLang: io.lang,
      period: o.period,
      encoding: o.encoding,
      workers,
      pool,
      sink,
      format: o.format as 'csv' | 'json' | 'ndjson',
      quiet: o.quiet,
      // the data's hash is that of the bytes the stream read (a CSV file is never read whole for it)
      jsonAfter:
        o.format === 'json'
          ? (dataHash) => ({ provenance: { ...provenance(policyFile), data: [{ file: o.data, hash: dataHash }] } })
          : undefined,
      ledger: o.ledger,
      history: async (period) => {
        if (!o.ledger || !Ledger.exists(o.ledger)) return undefined;
        const ledger = await Ledger.open(o.ledger);
        const gap = gapNote(ledger, o.ledger, policy.doc.policy, period, io.lang ?? o.lang);
        if (gap) io.stderr(gap);
        return ledger.history(policy.doc.policy, period);
      },
      stderr: io.stderr,
    });
  } catch (error) {
    if (error instanceof NotStreamable) return error;
    throw error;
  }
  for (const w of streamed.warnings) sayDiagnostic(io.stderr, w, io.lang ?? o.lang);
  const asResult = { excluded: streamed.excluded };
  const nobody =
    streamed.employees === 0 ? fitsNobody(policy, { scorecards: [], excluded: streamed.excluded }, o.data) : undefined;
  if (nobody) {
    streamed.discard();
    reportExcluded(asResult, io.stderr, o.lang, io.lang, true);
    throw new ExitError(EXIT.input, nobody);
  }
  if (streamed.excluded.length && !o.excludeInvalid) {
    streamed.discard();
    refuseExcluded(asResult, false, io.stderr, o.lang, io.lang);
  }
  streamed.commit();
  let printed = true;
  if (o.out)
    io.stderr(
      o.lang === 'zh'
        ? `已写入 ${o.out}（${streamed.employees} 人）`
        : `wrote ${o.out} (${streamed.employees} employees)`,
    );
  else if (!sink) printed = await printFile(out, io);
  reportExcluded(asResult, io.stderr, o.lang, io.lang);
  // a reader that closed the pipe has not had the whole month: exit 1 (the failure is said on stderr)
  return printed ? EXIT.ok : EXIT.input;
}
