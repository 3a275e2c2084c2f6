// An event file's SHA-256, computed when something shows or records it, and what says the file is
// still the one its rows were read from.
//
// The aggregation never needs the hash: only what shows or records where the numbers came from
// does (`data sql --explain`, `data inspect`, the statements, a JSON result's provenance, the
// ledger). `yardstick run --format csv|table|xlsx` without `--record` shows none, and hashing a
// 514 MiB file costs about 0.45 s of CPU. So the aggregation takes the file's state (size, times,
// inode) before it reads and checks it after (a file written to meanwhile is refused on every
// path), and the hash is computed the first time a report's `sha256` is read, or by `dataInputs`
// for the provenance, once per read: then the file must still be in the state the rows were read
// in, or the command stops (`io_changed_while_read`) rather than record a hash of other bytes.
// `data sql --explain`, which always prints it, asks for it while DuckDB reads (`hashWhileReading`).

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { fileSha256 } from '../io.js';

/**
 * The SHA-256 of a file, read and hashed 256 KiB at a time (the bytes still in the core's cache when
 * they are hashed: a tenth less CPU than 4 MiB at a time) on a thread of its own: the event loop
 * stays free for DuckDB's calls while the file is read (on the main thread every 4 MiB's hashing
 * held up their replies, and the first statements took about twice as long beside it). A file
 * under 8 MiB is hashed in one read on the main thread: a thread takes longer to start.
 */
const HASH_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(256 << 10);
const fd = openSync(workerData, 'r');
try {
  // update() has consumed the bytes when it returns, so the buffer can be read into again
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

export async function fileHash(path: string): Promise<string> {
  if (statSync(path).size < 8 << 20) return createHash('sha256').update(readFileSync(path)).digest('hex');
  return new Promise((done, fail) => {
    const thread = new Worker(HASH_THREAD, { eval: true, workerData: path });
    thread.once('message', done);
    thread.once('error', fail);
    // after the message this changes nothing; without one (the thread stopped), the hash fails
    thread.once('exit', (code) => fail(new Error(`the SHA-256 thread of ${path} stopped (exit code ${code})`)));
  });
}

/** What says a file is the one the reading started on: a write changes its size, its ctime or both. */
export interface FileState {
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
}

export function fileState(path: string): FileState | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return { size: Number(s.size), mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino };
  } catch {
    // a file that cannot be read is reported by the checks that read it
    return undefined;
  }
}

export const sameState = (a: FileState | undefined, b: FileState | undefined) =>
  !!a && !!b && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;

/** One aggregation's reading of an event file: the state its rows were read in, and its hash once known. */
export interface EventFileRead {
  path: string;
  /** The file as the mapping's folder names it (`examples/m/orders.csv`), for the refusal. */
  shown: string;
  before: FileState;
  sha256?: string;
}

/** The last reading of each event file in this process, by absolute path (for `dataInputs`). */
const lastReads = new Map<string, EventFileRead>();

/** Called by the aggregation once a file's rows were read and its state checked after them. */
export function readEventFile(path: string, shown: string, before: FileState, sha256?: string): EventFileRead {
  const read: EventFileRead = { path, shown, before, ...(sha256 === undefined ? {} : { sha256 }) };
  lastReads.set(resolve(path), read);
  return read;
}

/**
 * The SHA-256 of the bytes `read`'s rows came from: computed now if it was not while DuckDB read (a
 * mebibyte at a time, on this thread: nothing else runs by then), and the file still in the state
 * they were read in, or the command stops: a hash of other bytes is never shown or recorded.
 */
export function sha256Of(read: EventFileRead): string {
  const sha256 = read.sha256 ?? fileSha256(read.path, 'data');
  if (!sameState(read.before, fileState(read.path)))
    throw new ExitError(EXIT.input, diagnostic('io_changed_while_read', { file: read.shown }, { file: read.shown }));
  read.sha256 = sha256;
  return sha256;
}

/** The SHA-256 of an event file this process aggregated (its last reading, sha256Of); undefined for any other file. */
export function eventFileSha256(path: string): string | undefined {
  const read = lastReads.get(resolve(path));
  return read && sha256Of(read);
}
