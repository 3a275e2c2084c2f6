// A worker thread started by node/cli/bin.mjs before the command's own code is loaded.
//
// A `run` that streams a CSV file of 4 MiB or more as JSON or NDJSON, or any run given `--workers N`
// (N ≥ 2), evaluates in a worker thread beside the reading one (commands/run.ts: defaultWorkers,
// startWorkersEarly). Loading the worker's code takes it a few tenths of a second; started by bin.mjs
// before that thread loads dist/cli/main.mjs (about 0.2 s), it is ready that much sooner:
// 2.61 → 2.44 s for 100,000 cards as JSON (median of five, 2026-12-04). bin.mjs only guesses from the
// arguments as written (`wantsWorkerEarly`): the run's WorkerPool takes the thread when it uses one
// (`takeEarlyWorker`), and one left untaken, unreferenced, ends with the process. A wrong guess
// costs time, never a result. Bundled by scripts/build-cli.mjs as dist/cli/early-worker.mjs.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { formatOf } from '../../engine/index.js';
import { formatOfOut } from './out-format.js';

/** A worker started early: its code's URL, and whether it said it loaded (its first message) or failed. */
export interface EarlyWorker {
  url: string;
  worker: Worker;
  loaded: boolean;
  failed: boolean;
}

const EARLY_WORKER = Symbol.for('yardstick.earlyWorker');
type Holder = { [EARLY_WORKER]?: EarlyWorker };

/** The value of an option as `run`'s parser takes it (`--name value` or `--name=value`, the last one given). */
function optionValue(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === name) value = args[i + 1];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  }
  return value;
}

/** 4 MiB: commands/run.ts AUTO_WORKERS_BYTES (a test holds the two equal; run.ts is not loaded this early). */
export const EARLY_WORKER_BYTES = 4 << 20;

/**
 * Whether `yardstick ARGS` (ARGS[0] the command) looks like a run that will evaluate in a worker
 * thread: `run` of a CSV, TSV or TXT file without --record, --amend, --sheet or the reference
 * executor, and either `--workers N` (N ≥ 2) or, without --workers, JSON or NDJSON from a file of
 * 4 MiB or more, on a machine of two cores or more. `sizeOf`: the file's size, undefined when there is none.
 */
export function wantsWorkerEarly(
  args: readonly string[],
  sizeOf: (file: string) => number | undefined = (f) => statSync(f, { throwIfNoEntry: false })?.size,
  cores: number = availableParallelism(),
): boolean {
  if (args[0] !== 'run' || cores < 2) return false;
  if (['--record', '--amend', '--sheet', '--help', '-h'].some((o) => args.includes(o))) return false;
  if (optionValue(args, '--executor') === 'reference') return false;
  const data = optionValue(args, '--data');
  if (data === undefined || formatOf(data) !== 'csv') return false;
  const workers = optionValue(args, '--workers');
  if (workers !== undefined) return /^\d+$/.test(workers) && Number(workers) >= 2;
  const format = optionValue(args, '--format') ?? formatOfOut(optionValue(args, '--out'));
  return (format === 'json' || format === 'ndjson') && (sizeOf(data) ?? 0) >= EARLY_WORKER_BYTES;
}

/** Starts the worker of `url` for the run of `args` when it looks like it will use one (wantsWorkerEarly). */
export function startWorkerEarly(args: readonly string[], url: URL): void {
  if (!wantsWorkerEarly(args)) return;
  const early: EarlyWorker = { url: url.href, worker: new Worker(url), loaded: false, failed: false };
  // a run that does not take it ends all the same
  early.worker.unref();
  early.worker.once('message', () => {
    early.loaded = true;
  });
  early.worker.once('error', () => {
    early.failed = true;
  });
  (globalThis as Holder)[EARLY_WORKER] = early;
}

/**
 * The worker started early, taken once: when it runs `url` and has not failed (else it is stopped
 * and undefined is returned, and the caller starts its own). It is referenced again: the taker
 * stops it when done.
 */
export function takeEarlyWorker(url: URL): EarlyWorker | undefined {
  const holder = globalThis as Holder;
  const early = holder[EARLY_WORKER];
  if (!early) return undefined;
  delete holder[EARLY_WORKER];
  if (early.url !== url.href || early.failed) {
    void early.worker.terminate();
    return undefined;
  }
  early.worker.ref();
  return early;
}
