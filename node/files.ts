// Files written whole or not at all, for the CLI and the editor's server: a temporary file beside
// the target, renamed into place, so an interrupted run or request never leaves half a file.
// Callers decide where the target is (a link followed, a folder refused) and word the errors.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicOptions {
  durable?: boolean;
  beforeRename?: () => void;
}

/**
 * A file being written: pieces go to a temporary file beside `target` until `commit` renames it into
 * place. A run stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP meanwhile removes the temporary file
 * and then dies of that signal, so an interrupted run leaves neither the target nor a stray
 * `.name.pid.tmp` behind.
 */
export class AtomicFile {
  readonly temp: string;
  private fd: number | undefined;
  /** Stops removing the temporary file on a signal (once it is renamed or removed). */
  private forgetSignals: () => void = () => {};

  /** Creates the temporary file; throws the file system's error when it cannot. */
  constructor(readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    this.fd = openSync(this.temp, 'w');
    this.forgetSignals = cleanUpOnSignal(() => this.discard());
  }

  write(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd!, bytes, at);
  }

  /**
   * `write` done on Node's thread pool, so that this thread works on meanwhile: settles once every
   * byte is written. The caller waits for one to settle before the next, and before `restart`,
   * `commit` or `discard`.
   */
  async writeAsync(bytes: Uint8Array): Promise<void> {
    const fd = this.fd!;
    for (let at = 0; at < bytes.length; )
      at += await new Promise<number>((resolve, reject) =>
        write(fd, bytes, at, bytes.length - at, null, (error, n) => (error ? reject(error) : resolve(n))),
      );
  }

  /** Drops what was written so far and starts the file again, empty. */
  restart(): void {
    this.close();
    this.fd = openSync(this.temp, 'w');
  }

  /**
   * Renames the file into place. `durable` also flushes the file and then its folder to disk, so
   * a power cut after the rename cannot leave an empty file behind. On failure the temporary file
   * is removed and the error thrown. `beforeRename` runs once the file is complete and closed, just
   * before it replaces the target (tests stop a process there).
   */
  commit(o: AtomicOptions = {}): void {
    try {
      if (o.durable) fsyncSync(this.fd!);
      this.close();
      o.beforeRename?.();
      renameSync(this.temp, this.target);
    } catch (error) {
      this.discard();
      throw error;
    }
    this.forgetSignals();
    if (o.durable) flushFolder(dirname(this.target));
  }

  /** Removes the temporary file; the target is left as it was. */
  discard(): void {
    this.forgetSignals();
    try {
      this.close();
    } catch {
      // already closed
    }
    rmSync(this.temp, { force: true });
  }

  private close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}

/** Writes `target` whole or not at all (see AtomicFile); throws the file system's error. */
export function writeFileAtomic(target: string, content: string | Uint8Array, o: AtomicOptions = {}): void {
  const file = new AtomicFile(target);
  try {
    file.write(typeof content === 'string' ? Buffer.from(content) : content);
  } catch (error) {
    file.discard();
    throw error;
  }
  file.commit(o);
}

function flushFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot flush a folder; the rename is done
  }
}

/**
 * `mkdirSync(dir, { recursive: true })`, one folder at a time from the nearest that exists: Node's
 * recursive mkdir never returns under a folder that exists but refuses new entries with ENOENT
 * (`/proc/st`), where this throws that error at once.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanup` if the process is stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP before the
 * returned function is called, then dies of the same signal, as it would have without it (once
 * the promise `cleanup` returns, if any, has settled).
 */
export function cleanUpOnSignal(cleanup: () => void | Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    done();
    // a cleanup that must wait (a write under way on the thread pool) dies once it has finished;
    // a second Ctrl-C meanwhile stops the process at once, as Node does without a handler
    const after = cleanup();
    if (after instanceof Promise) after.finally(() => process.kill(process.pid, signal));
    else process.kill(process.pid, signal);
  };
  const done = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  return done;
}
