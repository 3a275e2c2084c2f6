// The SHA-256 of an event file, which statements and `data sql --explain` name in full.
//
// A large file is hashed on a worker thread started before DuckDB opens: on the main thread the
// hash's updates shared the event loop with DuckDB's loading (a synchronous `dlopen` of its native
// library) and, not finished by then, competed with DuckDB's two scan threads for the machine's
// cores (10 million orders: the hash of the 514 MiB file ended about 1.2 s into the statement). On
// its own thread it runs beside the loading, the header and the sample, which keep one core
// busy, and is mostly done when the parallel scan starts. The same bytes, the same digest: only
// where the work runs changed.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** How much of the file each read hashes: one buffer, reused (a fifth less CPU than a stream's fresh 1 MiB chunks). */
const HASH_CHUNK = 4 << 20;

/** Files at least this large are hashed on a worker thread; a thread costs more than hashing a small file. */
export const WORKER_HASH_BYTES = 32 << 20;

/** The file's SHA-256 (hex), read HASH_CHUNK at a time on this thread. */
export async function fileHash(path: string): Promise<string> {
  const h = createHash('sha256');
  const buffer = Buffer.allocUnsafe(HASH_CHUNK);
  const file = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, HASH_CHUNK, null);
      if (bytesRead === 0) break;
      // update() has consumed the bytes when it returns, so the buffer can be read into again
      h.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return h.digest('hex');
}

// The worker's module: Node's own modules only, so it needs no loader (tsx in a checkout) and no
// file of its own beside the bundle. A fixed text, never built from input: the path arrives as
// workerData.
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
const h = createHash('sha256');
const buffer = Buffer.allocUnsafe(${HASH_CHUNK});
const fd = openSync(workerData, 'r');
try {
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    h.update(buffer.subarray(0, n));
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage(h.digest('hex'));
`;

/** On a worker thread (`worker`: true), as `fileHash` does on this one. */
export function workerFileHash(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`), {
      workerData: path,
      // not the parent's `--import tsx`: the module above is plain JavaScript
      execArgv: [],
    });
    let digest: string | undefined;
    worker.once('message', (m: string) => {
      digest = m;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (digest !== undefined) resolve(digest);
      else reject(new Error(`the hash thread stopped (exit code ${code}) before hashing ${path}`));
    });
  });
}

/** The file's SHA-256: on a worker thread for a large file, on this thread otherwise (or should no thread start). */
export function eventFileHash(path: string): Promise<string> {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // a file that cannot be read: fileHash rejects, and the caller reports the file
  }
  if (size < WORKER_HASH_BYTES) return fileHash(path);
  return workerFileHash(path).catch(() => fileHash(path));
}
