// The ledger's lock: one `run --record` at a time changes a ledger. The lock is a file beside the
// ledger's target, `<ledger>.lock`, created with O_EXCL and holding its owner (pid, host, start
// time, a random token). It is held for the whole read-modify-write: from before the run reads
// the ledger's history to after the new file is renamed into place. See docs/ledger.md.
//
// A lock is stale, and taken over with a message, when its pid no longer runs on this host, or
// when it is older than STALE_AFTER_MINUTES on any host (a record takes seconds). A run that finds
// a live lock waits for it, up to YARDSTICK_LEDGER_WAIT_SECONDS (30), then fails naming the owner.
// The lock is released on every path: return, error, process.exit, SIGINT, SIGTERM, SIGHUP; a run
// killed with -9 leaves it behind, and its dead pid makes it stale.

import { makeFolders } from '../files.js';
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import type { Lang } from '../../engine/index.js';
import { diagnostic } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import { ledgerTarget } from './ledger-file.js';

export const STALE_AFTER_MINUTES = 10;
export const DEFAULT_WAIT_SECONDS = 30;
/** A lock file that cannot be read (its owner died between creating and filling it) is stale after this. */
const UNREADABLE_STALE_SECONDS = 10;

interface Owner {
  pid: number;
  host: string;
  started: string;
  token: string;
}

export interface LedgerLock {
  readonly file: string;
  /** False when another run has taken the lock over since (this one was too slow): do not save. */
  stillHeld(): boolean;
  release(): void;
}

function readOwner(file: string): Owner | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const o = JSON.parse(text) as Owner;
    return typeof o.pid === 'number' &&
      typeof o.host === 'string' &&
      typeof o.started === 'string' &&
      typeof o.token === 'string'
      ? o
      : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why a lock is stale, in the run's language, or undefined while its owner may still be working. */
function staleness(lock: string, owner: Owner | undefined, lang: Lang, now: number): string | undefined {
  if (!owner) {
    let age = 0;
    try {
      age = now - statSync(lock).mtimeMs;
    } catch {
      return undefined;
    }
    if (age < UNREADABLE_STALE_SECONDS * 1000) return undefined;
    return lang === 'zh'
      ? `接管过期的账本锁 ${lock}：它的内容无法读取，且已超过 ${UNREADABLE_STALE_SECONDS} 秒`
      : `took over a stale lock \`${lock}\`: it cannot be read and is older than ${UNREADABLE_STALE_SECONDS} s`;
  }
  if (owner.host === hostname() && !alive(owner.pid)) {
    return lang === 'zh'
      ? `接管过期的账本锁 ${lock}：持有它的进程 ${owner.pid}（本机）已不在运行`
      : `took over a stale lock \`${lock}\`: its owner, pid ${owner.pid} on this host, is no longer running`;
  }
  const started = Date.parse(owner.started);
  if (!Number.isFinite(started) || now - started > STALE_AFTER_MINUTES * 60_000) {
    return lang === 'zh'
      ? `接管过期的账本锁 ${lock}：进程 ${owner.pid}（主机 ${owner.host}）自 ${owner.started} 持有，超过了一次运行最多 ${STALE_AFTER_MINUTES} 分钟的期限`
      : `took over a stale lock \`${lock}\`: pid ${owner.pid} on host ${owner.host} took it at ${owner.started}, longer ago than the ${STALE_AFTER_MINUTES} minutes a run may hold it`;
  }
  return undefined;
}

/**
 * Removes a stale lock, unless someone else is doing so or it changed since it was judged: the
 * removal itself is guarded by `<lock>.takeover` (O_EXCL), and the lock is read again under it.
 */
function removeStale(lock: string, judged: Owner | undefined): boolean {
  const guard = `${lock}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    // another run is taking it over; a guard left by a run killed right here is old: remove it
    try {
      if (Date.now() - statSync(guard).mtimeMs > UNREADABLE_STALE_SECONDS * 1000) unlinkSync(guard);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    const now = readOwner(lock);
    const same = now === 'gone' ? false : judged ? now?.token === judged.token : now === undefined;
    if (same) unlinkSync(lock);
    return same;
  } finally {
    closeSync(fd);
    unlinkSync(guard);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function waitSeconds(): number {
  const env = process.env.YARDSTICK_LEDGER_WAIT_SECONDS;
  const n = env === undefined || env === '' ? DEFAULT_WAIT_SECONDS : Number(env);
  if (!Number.isFinite(n) || n < 0)
    throw new ExitError(EXIT.usage, diagnostic('cli_ledger_wait', { value: String(env) }));
  return n;
}

/**
 * Takes the lock of the ledger `shown` (as the user named it; the lock sits beside the file it
 * stands for), waiting for a live owner. `beforeTakeover` runs between judging a lock stale and
 * removing it, where runs race (a test widens that gap with it).
 */
export async function lockLedger(
  shown: string,
  say: (line: string) => void,
  lang: Lang,
  o: { beforeTakeover?: () => Promise<void> } = {},
): Promise<LedgerLock> {
  const target = ledgerTarget(shown);
  const file = `${target}.lock`;
  // a typo in --ledger must not start an empty ledger somewhere else (and lose every earlier period
  // from history facts): only the ledger's own `.yardstick` folder is created
  if (!existsSync(dirname(target)) && basename(dirname(target)) !== '.yardstick') {
    throw new ExitError(EXIT.input, diagnostic('io_ledger_folder_missing', { ledger: shown }, { file: shown }));
  }
  try {
    makeFolders(dirname(target));
  } catch (error) {
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'io_ledger_folder_failed',
        { ledger: shown, reason: String((error as NodeJS.ErrnoException).code) },
        { file: shown },
      ),
    );
  }
  const wait = waitSeconds();
  const deadline = Date.now() + wait * 1000;
  const me: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
  let announced = false;
  let lastOwner: Owner | undefined;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ExitError(
          EXIT.input,
          diagnostic(
            'io_ledger_lock_failed',
            { ledger: shown, lock: file, reason: String((error as NodeJS.ErrnoException).code) },
            { file: shown },
          ),
        );
      }
    }
    if (fd !== undefined) {
      me.started = new Date().toISOString();
      try {
        writeSync(fd, JSON.stringify(me) + '\n');
      } catch (error) {
        closeSync(fd);
        unlinkSync(file);
        throw new ExitError(
          EXIT.input,
          diagnostic(
            'io_ledger_lock_failed.write',
            { ledger: shown, lock: file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
            { file: shown },
          ),
        );
      }
      closeSync(fd);
      return held(file, me);
    }
    const owner = readOwner(file);
    if (owner === 'gone') continue;
    const stale = staleness(file, owner, lang, Date.now());
    if (stale) {
      await o.beforeTakeover?.();
      if (removeStale(file, owner)) say(stale);
      // else another run is removing it: give it a moment
      else await sleep(20);
      continue;
    }
    if (owner) lastOwner = owner;
    if (Date.now() >= deadline) {
      const who = lastOwner
        ? `pid ${lastOwner.pid} on host ${lastOwner.host} took it at ${lastOwner.started}`
        : 'its owner cannot be read from it';
      throw new ExitError(
        EXIT.input,
        diagnostic('io_ledger_locked', { ledger: shown, wait, owner: who, lock: file }, { file: shown }),
      );
    }
    if (!announced && owner) {
      announced = true;
      say(
        lang === 'zh'
          ? `账本 ${shown} 正被另一次运行使用（进程 ${owner.pid}，主机 ${owner.host}，自 ${owner.started}），最多等待 ${wait} 秒`
          : `the results ledger \`${shown}\` is in use by another run (pid ${owner.pid} on host ${owner.host} since ${owner.started}): waiting up to ${wait} s`,
      );
    }
    await sleep(Math.min(Math.max(0, deadline - Date.now()), 50 + Math.floor(Math.random() * 100)));
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function held(file: string, me: Owner): LedgerLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    for (const s of SIGNALS) process.off(s, onSignal);
    const now = readOwner(file);
    // never remove a lock another run has taken over
    if (now !== 'gone' && now?.token === me.token) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  function onSignal(signal: NodeJS.Signals) {
    release();
    // die of the same signal, as without the handler
    process.kill(process.pid, signal);
  }
  process.on('exit', release);
  for (const s of SIGNALS) process.once(s, onSignal);
  return {
    file,
    stillHeld: () => {
      const now = readOwner(file);
      return now !== 'gone' && now?.token === me.token;
    },
    release,
  };
}
