// File reading and writing for the CLI. Outputs go to a temporary file beside the target and are
// renamed into place, so an interrupted run never leaves a half-written file. Inputs and outputs
// are regular files only (docs/limits.md): a pipe or a device is refused, never read or replaced,
// and an output is never written over one of the run's inputs.

import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
  write,
  writeSync,
} from 'node:fs';
import type { Writable } from 'node:stream';
import { isatty } from 'node:tty';
import { createHash } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { writeFileAtomic, type AtomicOptions } from '../files.js';
import { EXIT, ExitError } from './errors.js';
import type { StreamSink } from './stream.js';
import { stdoutPosition, stdoutSeeker } from './stdout-seek.js';
import {
  decodeBytes,
  diagnostic,
  type Diagnostic,
  type Encoding,
  formatDiagnostic,
  type Lang,
  LIMITS,
} from '../../engine/index.js';

/** What an input is, as messages name it; each has its phrasing in the catalogue. */
export type InputKind = 'policy' | 'data' | 'data mapping' | 'policy tests';

const VARIANT = {
  policy: '',
  data: '.data',
  'data mapping': '.data_mapping',
  'policy tests': '.policy_tests',
} as const;
type Variant<K extends InputKind> = (typeof VARIANT)[K];
const phrasing = <C extends string, K extends InputKind>(code: C, what: K) =>
  `${code}${VARIANT[what]}` as `${C}${Variant<K>}`;

/** What a path is when it is not a regular file, for messages. */
function kindOf(stat: Stats): { en: string; zh: string } {
  if (stat.isDirectory()) return { en: 'a folder', zh: '文件夹' };
  if (stat.isFIFO()) return { en: 'a named pipe (FIFO)', zh: '命名管道（FIFO）' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { en: 'a device', zh: '设备' };
  if (stat.isSocket()) return { en: 'a socket', zh: '套接字' };
  return { en: 'not a regular file', zh: '其他类型' };
}

const mib = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

/** The most a file read whole may hold, by what it is. */
const sizeLimit = (what: InputKind): number => (what === 'data' ? LIMITS.dataBytes : LIMITS.yamlBytes);

/** Why an input cannot be opened, from the system's error code. */
export function openError(file: string, what: InputKind, error: unknown): ExitError {
  const code = (error as NodeJS.ErrnoException).code;
  const place = { file };
  if (code === 'ENOENT') return new ExitError(EXIT.input, diagnostic(phrasing('io_not_found', what), { file }, place));
  if (code === 'EISDIR') return new ExitError(EXIT.input, diagnostic(phrasing('io_is_folder', what), { file }, place));
  if (code === 'EACCES') return new ExitError(EXIT.input, diagnostic(phrasing('io_permission', what), { file }, place));
  return new ExitError(EXIT.input, diagnostic(phrasing('io_read_failed', what), { file, reason: String(code) }, place));
}

/**
 * Opens an input without blocking (a FIFO would wait for a writer) and refuses anything but a
 * regular file, after following links. The caller closes the descriptor.
 */
function openInput(file: string, what: InputKind): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(file, what, error);
  }
  const stat = fstatSync(fd);
  if (stat.isFile()) return { fd, size: stat.size };
  closeSync(fd);
  if (stat.isDirectory())
    throw new ExitError(EXIT.input, diagnostic(phrasing('io_is_folder', what), { file }, { file }));
  throw new ExitError(EXIT.input, diagnostic(phrasing('io_not_a_file', what), { file, kind: kindOf(stat) }, { file }));
}

/** Checks that an input is a regular file, for readers that stream it themselves. */
export function checkInputFile(file: string, what: InputKind): void {
  closeSync(openInput(file, what).fd);
}

/**
 * What each input held when this command first read it (the SHA-256 of its bytes, by absolute
 * path), while `main` runs a command. A file read again — the policy and data files hashed for the
 * provenance a JSON result, a statement or the ledger records, after scoring — must hold the same
 * bytes, or it was saved while the command ran: the result was computed from other bytes than the
 * file now holds, and the command stops (`io_changed_while_read`) before writing or recording.
 */
const readHashes = new Map<string, string>();
let rememberingReads = false;

/** From now on, the bytes of every input read are remembered and a second read must find them again. */
export function rememberReads(): void {
  readHashes.clear();
  rememberingReads = true;
}

/** `bytes`, just read from `file`: the same as the first read of it in this command, or a refusal. */
function sameAsFirstRead(file: string, bytes: Buffer): void {
  if (rememberingReads) sameHashAsFirstRead(file, createHash('sha256').update(bytes).digest('hex'));
}

/** The SHA-256 of what `file` holds now: the same as at the first read of it in this command, or a refusal. */
function sameHashAsFirstRead(file: string, hash: string): void {
  if (!rememberingReads) return;
  const key = resolve(file);
  const first = readHashes.get(key);
  if (first === undefined) readHashes.set(key, hash);
  else if (first !== hash) throw new ExitError(EXIT.input, diagnostic('io_changed_while_read', { file }, { file }));
}

/**
 * A file's SHA-256 (hex), read a mebibyte at a time: what provenance records of an input, which
 * needs its hash, never its bytes. No size limit applies (an order export of millions of rows,
 * aggregated by DuckDB, is larger than any file read whole), and nothing is held in memory. The
 * first read's hash is remembered, and checked, as `readBytes` does.
 */
export function fileSha256(file: string, what: InputKind): string {
  const { fd } = openInput(file, what);
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    const hex = hash.digest('hex');
    sameHashAsFirstRead(file, hex);
    return hex;
  } finally {
    closeSync(fd);
  }
}

export function readBytes(file: string, what: InputKind): Buffer {
  const bytes = readWhole(file, what);
  sameAsFirstRead(file, bytes);
  return bytes;
}

function readWhole(file: string, what: InputKind): Buffer {
  const { fd, size } = openInput(file, what);
  try {
    const limit = sizeLimit(what);
    const tooLarge = () =>
      new ExitError(EXIT.input, diagnostic(phrasing('io_too_large', what), { file, size: mib(limit) }, { file }));
    if (size > limit) throw tooLarge();
    // read what is there, up to one byte past the limit (the file may grow while it is read)
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 64 * 1024), limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw openError(file, what, error);
  } finally {
    closeSync(fd);
  }
}

/** Policies are UTF-8; data files may be UTF-8 (with or without BOM), GBK or GB18030. */
export function readText(
  file: string,
  what: InputKind,
  encoding: Encoding = what === 'data' ? 'auto' : 'utf-8',
): string {
  const decoded = decodeBytes(readBytes(file, what), encoding);
  if (!decoded.ok && decoded.nul && what === 'data')
    throw new ExitError(EXIT.input, diagnostic('data_encoding.nul', {}, { file, cell: { row: 1 } }));
  if (!decoded.ok)
    throw new ExitError(
      EXIT.input,
      // a data file's help names --encoding; a policy, a mapping and a test file are UTF-8 only (the catalogue's help)
      diagnostic(
        phrasing('io_not_text', what),
        // a policy, mapping or test file is read as UTF-8, whatever its NUL bytes suggest
        { file, encoding: decoded.nul ? 'UTF-8' : decoded.encoding },
        { file },
      ),
    );
  return decoded.text.replace(/^\uFEFF/, '');
}

/** One of a run's inputs, and how to name it when an output would overwrite it. */
export interface RunInput {
  path: string;
  /** e.g. "the policy `p.yaml`" and 「政策 `p.yaml`」 */
  label: { en: string; zh: string };
}

/**
 * Why `file` could not be written, in words for the common causes (a missing folder, no
 * permission, a full or read-only disk) and with the system's code otherwise.
 */
export function writeFailure(file: string, error: unknown): ExitError {
  const code = (error as NodeJS.ErrnoException).code;
  const place = { file };
  // the nearest folder of the path that exists says which: none yet, a file in the way, or a folder
  // that exists but creates nothing (/proc), where "does not exist" would be wrong
  const near = code === 'ENOENT' || code === 'ENOTDIR' ? nearestExisting(dirname(file)) : undefined;
  const dir = dirname(file);
  const d =
    near && (near.path !== dir || !near.folder)
      ? near.folder
        ? diagnostic('io_write_failed.no_folder', { file, dir: dirname(file) }, place)
        : diagnostic('io_write_failed.parent_is_file', { file, dir: near.path }, place)
      : near
        ? diagnostic('io_write_failed.no_new_files', { file, dir: dirname(file) }, place)
        : code === 'EACCES' || code === 'EPERM'
          ? diagnostic('io_write_failed.denied', { file }, place)
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? diagnostic('io_write_failed.full', { file }, place)
            : code === 'EROFS'
              ? diagnostic('io_write_failed.read_only', { file }, place)
              : diagnostic('io_write_failed', { file, reason: code ?? (error as Error).message }, place);
  return new ExitError(EXIT.input, d);
}

/** The path itself or its nearest ancestor that exists, and whether that is a folder. */
function nearestExisting(path: string): { path: string; folder: boolean } | undefined {
  for (let at = path; ; at = dirname(at)) {
    try {
      return { path: at, folder: statSync(at).isDirectory() };
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

/**
 * Where an output file is really written: the path itself when it is new, the target when it is a
 * link to a regular file. A folder, a pipe, a device or a broken link is refused.
 */
export function outputTarget(file: string): string {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw writeFailure(file, error);
    let link = false;
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      // a new path
    }
    if (link) throw new ExitError(EXIT.input, diagnostic('io_output_broken_link', { file }, { file }));
    return file;
  }
  if (stat.isDirectory()) throw new ExitError(EXIT.input, diagnostic('io_output_folder', { file }, { file }));
  if (!stat.isFile())
    throw new ExitError(EXIT.input, diagnostic('io_output_not_a_file', { file, kind: kindOf(stat) }, { file }));
  return realpathSync(file);
}

/** Refuses an output that is one of the inputs (compared as files: links, `./` and hard links included), or not a file. */
export function checkOutput(file: string, inputs: readonly RunInput[]): void {
  outputTarget(file);
  let out: Stats;
  try {
    out = statSync(file);
  } catch {
    // a new path is none of the inputs that exist, but may be one the run creates (a new ledger)
    const at = newPath(file);
    const input = inputs.find((i) => !existsSync(i.path) && newPath(i.path) === at);
    if (input)
      throw new ExitError(EXIT.input, diagnostic('io_output_is_input', { file, input: input.label }, { file }));
    return;
  }
  for (const input of inputs) {
    let stat: Stats;
    try {
      stat = statSync(input.path);
    } catch {
      continue;
    }
    if (stat.dev === out.dev && stat.ino === out.ino)
      throw new ExitError(EXIT.input, diagnostic('io_output_is_input', { file, input: input.label }, { file }));
  }
}

/** A path that does not exist yet, as one spelling: its folder's real path and its name. */
function newPath(file: string): string {
  try {
    return resolve(realpathSync(dirname(file)), basename(file));
  } catch {
    return resolve(file);
  }
}

/** A folder to write into (statements): an existing folder or a new path, never a file. */
export function checkOutputFolder(dir: string): void {
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch {
    return;
  }
  if (!stat.isDirectory())
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'io_output_not_a_folder',
        { dir, kind: stat.isFile() ? { en: 'a file', zh: '文件' } : kindOf(stat) },
        { file: dir },
      ),
    );
}

/**
 * Writes `file` whole or not at all (node/files.ts), through a link to its target. `durable` (the
 * ledger) also flushes the file and its folder to disk.
 */
export function writeAtomic(file: string, content: string | Uint8Array, o: AtomicOptions = {}): void {
  const target = outputTarget(file);
  // what this command writes, it reads back as it wrote it (`fmt`, the ledger)
  readHashes.delete(resolve(file));
  readHashes.delete(resolve(target));
  try {
    writeFileAtomic(target, content, o);
  } catch (error) {
    throw writeFailure(file, error);
  }
}

/** Where a command writes: the process's stdout and stderr, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  /**
   * UTF-8 bytes to stdout as they are (a streamed run's file, printed once the month is known good):
   * without it they are decoded and given to `stdout` as text.
   */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /**
   * A file's bytes to stdout: the process's stdout waits for a pipe to drain (printFileToStdout).
   * Settles once they are all handed over (true), or stdout has failed (false: said on stderr).
   * Without it the file is given to `stdoutBytes` (or `stdout`) a mebibyte at a time.
   */
  stdoutFile?: (file: string) => Promise<boolean>;
  /**
   * Whether stdout is /dev/null (stdoutIsNull): a streamed run then writes to it as it goes rather
   * than through a temporary file printed at the end (nothing can be seen there either way).
   */
  stdoutNull?: () => boolean;
  /**
   * stdout as a sink a streamed run writes into as it goes, when it is a regular file it can take
   * back (stdoutFileSink); undefined otherwise (the run then goes through a temporary file).
   */
  stdoutFileSink?: () => StdoutFileSink | undefined;
  stderr: (line: string) => void;
  /** The language of errors when the command line names none (Chinese); tests written in English set `en`. */
  errorLang?: 'zh' | 'en';
  /**
   * The language of the diagnostics a command prints along the way (warnings, left-out records):
   * `--lang` when the command line gives it, else `errorLang`, else Chinese. Set by `main`.
   */
  lang?: 'zh' | 'en';
}

let stdoutError: string | undefined;
let stdoutWatched = false;

/** process.stdout, its failures reported once on stderr (and the run's exit code made 1), not thrown. */
function watchedStdout(): NodeJS.WriteStream {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (stdoutError) return;
      stdoutError = error.code ?? error.message;
      process.stderr.write(`error: cannot write to stdout: ${stdoutError}\n`);
      process.exitCode = EXIT.input;
    });
  }
  return process.stdout;
}

/** A write to stdout that failed at once: the run stops with `io_stdout`. */
function stdoutFailure(error: unknown): ExitError {
  stdoutError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ExitError(EXIT.input, diagnostic('io_stdout', { reason: stdoutError }));
}

/** The process's stdout for `main`: a closed pipe or a full disk is an input error with a message, not a crash. */
export function writeStdout(text: string | Uint8Array): void {
  if (stdoutError) return;
  const stdout = watchedStdout();
  try {
    stdout.write(text);
  } catch (error) {
    throw stdoutFailure(error);
  }
}

/** Bytes read from a file and printed a mebibyte at a time. */
const PRINT_BYTES = 1 << 20;

/**
 * A file's bytes to the process's stdout (a streamed run's output, printed once the month is known
 * good), with memory flat whatever stdout is. Into a file or a device such as /dev/null, written
 * straight to descriptor 1 from one buffer read into again and again (Node writes such a stdout
 * synchronously anyway). Into a pipe, a terminal or a socket, through process.stdout, whose writes
 * are queued while the reader is behind: the next mebibyte is read only once the queue has drained,
 * so a slow reader holds the run back instead of the whole file piling up in memory (407–477 MB for
 * a 317 MB JSON document before, 2026-12-02). A reader that closes the pipe ends the printing with
 * `error: cannot write to stdout: EPIPE` and false (the run then ends with exit 1), as every write
 * to stdout does; a failure to write a file or device stops the run with `io_stdout`.
 */
export async function printFileToStdout(file: string): Promise<boolean> {
  if (stdoutError) return false;
  const fd = openSync(file, 'r');
  try {
    let direct: boolean;
    try {
      const out = fstatSync(1);
      direct = out.isFile() || (out.isCharacterDevice() && !isatty(1));
    } catch (error) {
      throw stdoutFailure(error);
    }
    if (direct) printDirect(fd);
    else await printDrained(fd, watchedStdout(), () => stdoutError !== undefined);
    return stdoutError === undefined;
  } finally {
    closeSync(fd);
  }
}

/** `fd`'s bytes written to descriptor 1 (a file or a device), from one buffer. */
function printDirect(fd: number): void {
  // nothing written before can still wait in process.stdout: Node writes a file or device at once
  const chunk = Buffer.allocUnsafeSlow(PRINT_BYTES);
  for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
    try {
      for (let at = 0; at < n; ) at += writeSync(1, chunk, at, n - at);
    } catch (error) {
      throw stdoutFailure(error);
    }
  }
}

/**
 * `fd`'s bytes into `stream` (process.stdout), a mebibyte at a time, each read once the stream has
 * drained what it held; stops when the stream is destroyed or `failed()` (its error is reported by
 * whoever listens for it).
 */
export async function printDrained(fd: number, stream: Writable, failed: () => boolean = () => false): Promise<void> {
  for (;;) {
    // a fresh buffer each time: the stream may still hold the last one
    const chunk = Buffer.allocUnsafeSlow(PRINT_BYTES);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0 || failed() || stream.destroyed) return;
    let queued: boolean;
    try {
      queued = stream.write(chunk.subarray(0, n));
    } catch (error) {
      throw stdoutFailure(error);
    }
    if (!queued) await drained(stream);
  }
}

/** Once `stream` has drained, failed or closed. */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/**
 * Whether descriptor 1 is /dev/null (the same character device; not a terminal, a pipe, a file or
 * any other device). A streamed run writes into it as it goes, straight to descriptor 1: a month
 * refused at its end has then printed nothing anyone can see, as through the temporary file, and
 * the 317 MB of a 100,000-record JSON document are not written into the page cache, read back and
 * removed first (docs/benchmarks.md, "Output formats, fourteenth round").
 */
export function stdoutIsNull(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    const nul = statSync('/dev/null');
    return nul.isCharacterDevice() && out.rdev === nul.rdev;
  } catch {
    return false; // no /dev/null (Windows), or no descriptor 1: the temporary file
  }
}

/** Bytes written straight to descriptor 1 (stdout when it is /dev/null): nothing to commit or take back. */
export const nullStdoutSink = {
  async writeAsync(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at, bytes.length - at);
  },
  restart(): void {},
  commit(): void {},
  discard(): void {},
};

/** stdout's file written straight (stdoutFileSink), and taken back when the run is stopped by a signal. */
export interface StdoutFileSink extends StreamSink {
  /**
   * Stops writing and takes the month back, for a signal's handler: a promise when a write is under
   * way, settled once it has landed and the file has been cut back again; the process may die then.
   */
  interrupt(): Promise<void> | undefined;
}

/**
 * stdout when it is a regular file written at its end and not appended to (`yardstick run … >
 * result.json`, or a `{ …; } > file` group): the month is written straight into it as it comes,
 * rather than into a temporary file read back and copied once the month is known good, which cost a
 * 100,000-record JSON document (317 MB) 1.5–1.8 s of system time (docs/benchmarks.md). A month
 * refused, interrupted (Ctrl-C, SIGTERM, SIGHUP) or started again in another encoding is taken
 * back: the file is cut back to the size it had and descriptor 1's offset put back where it was
 * (stdout-seek.ts), so what the shell writes next follows what was there before. Undefined, and the
 * temporary file used, where that cannot be done: stdout not a regular file, opened with `>>`
 * (another writer may append meanwhile, and cutting back would cut theirs), not at its end, or no
 * /proc or WASI to find and move the offset. Only a run killed outright (SIGKILL, out of memory)
 * can leave part of a month there; `--out` never does.
 */
export function stdoutFileSink(): StdoutFileSink | undefined {
  let size: number;
  try {
    const out = fstatSync(1);
    if (!out.isFile()) return undefined;
    size = out.size;
  } catch {
    return undefined;
  }
  const at = stdoutPosition();
  if (!at || at.append || at.pos !== size) return undefined;
  const seek = stdoutSeeker();
  // the offset moved to where it is, and read back there: the way back works before anything is written
  if (!seek?.(size) || stdoutPosition()?.pos !== size) return undefined;
  let written = false;
  let committed = false;
  /** Taken back on a signal: nothing more is written or committed. */
  let stopped = false;
  /** The write under way on Node's thread pool, if any. */
  let writing: Promise<number> | undefined;
  const takeBack = (always = false) => {
    if (committed || (!written && !always)) return;
    written = false;
    try {
      ftruncateSync(1, size);
    } catch (error) {
      throw stdoutFailure(error);
    }
    if (!seek(size)) throw new Error(`internal: stdout's offset could not be put back to ${size}`);
  };
  return {
    // on the thread pool, as AtomicFile.writeAsync, so that this thread evaluates on meanwhile (the
    // writes of a 100,000-card JSON month took 0.5 s of this thread's time when made here)
    async writeAsync(bytes: Uint8Array): Promise<void> {
      for (let at = 0; at < bytes.length && !stopped; ) {
        written = true;
        writing = new Promise<number>((done, fail) =>
          write(1, bytes, at, bytes.length - at, null, (error, n) => (error ? fail(error) : done(n))),
        );
        try {
          at += await writing;
        } catch (error) {
          throw stdoutFailure(error);
        } finally {
          writing = undefined;
        }
      }
    },
    restart: () => takeBack(),
    commit(): void {
      if (stopped) throw new Error('internal: a month taken back on a signal cannot be committed');
      committed = true;
    },
    discard: () => takeBack(),
    interrupt(): Promise<void> | undefined {
      stopped = true;
      takeBack();
      const under = writing;
      if (!under) return undefined;
      // the write under way may land after the cut, at the offset it started from: cut again once it has
      return under.then(
        () => takeBack(true),
        () => takeBack(true),
      );
    },
  };
}

export const defaultIo: Io = {
  stdout: writeStdout,
  stdoutBytes: writeStdout,
  stdoutFile: printFileToStdout,
  stdoutNull: stdoutIsNull,
  stdoutFileSink,
  stderr: (line) => process.stderr.write(line + '\n'),
};

/** Whether writing to stdout failed (the run then ends with exit 1 whatever it returned). */
export function stdoutFailed(): boolean {
  return stdoutError !== undefined;
}

/**
 * The diagnostics a command meets on its way (a data file's refused cells, warnings), kept for the
 * one JSON document `--error-format json` prints at the end, instead of text lines before it; set by
 * `main` for each command (undefined: printed as text, the human format).
 */
let kept: Diagnostic[] | undefined;

/** `main`, as a command starts: keep the diagnostics for JSON, or print them as text. */
export function keepDiagnostics(json: boolean): void {
  kept = json ? [] : undefined;
}

/** The diagnostics kept since the command started (none in the human format), and forget them. */
export function keptDiagnostics(): Diagnostic[] {
  const out = kept ?? [];
  if (kept) kept = [];
  return out;
}

/** Whether diagnostics go into the JSON document rather than to stderr as text. */
export function diagnosticsKept(): boolean {
  return kept !== undefined;
}

/** A diagnostic met on the way: as text on stderr, or kept for `--error-format json`. */
export function sayDiagnostic(stderr: (line: string) => void, d: Diagnostic, lang: Lang): void {
  if (kept) kept.push(d);
  else stderr(formatDiagnostic(d, lang));
}
