// The worker threads of a streaming run (stream-worker.ts): batches out to the least busy thread,
// results back in the order the batches were submitted.

import { Worker } from 'node:worker_threads';
import { takeEarlyWorker } from './early-worker.js';
import { CHUNK_BYTES } from './record-splitter.js';
import type { BatchResult, ByteChunk, WorkerSetup } from './stream-batch.js';
import { streamWorkerUrl } from './stream-worker-url.js';

/** Batches a worker may hold (one it works on, the rest queued): enough that it never waits for the reading thread. */
const IN_HAND = 4;
/**
 * This thread's own results that may wait for a worker's earlier batch. This thread also writes
 * every result and checks every id, so at two (2026-12-01) it caught up with a worker and then
 * waited idle for it: a third of a 100,000-card JSON run (`--cpu-prof`, 3.0 s of 14). With more
 * it evaluates on, and the share each thread takes follows its speed.
 */
const AHEAD = 8;

/**
 * N worker threads, each with the policy compiled once, beside the calling thread, which evaluates
 * too (`local`): a batch goes to the worker with the fewest in hand, or is evaluated there and then
 * when every worker holds IN_HAND (or none is ready yet). `--workers N` thus starts N − 1 threads,
 * and no thread waits idle beside busy ones: loading the engine takes a thread most of a second, in
 * which the calling thread has already evaluated the first batches. Batches come back in any
 * order; results are handed on strictly in the order the batches were submitted. At most IN_HAND
 * batches per worker (and AHEAD of this thread's) are in flight, so memory stays bounded however
 * large the file.
 */
export class WorkerPool {
  /** Each worker, once its code is found (see streamWorkerUrl). */
  private readonly workers: (Worker | undefined)[];
  /** Batches each worker holds. */
  private readonly inHand: number[];
  /** Whether each worker has compiled the policy and takes batches. */
  private readonly ready: boolean[];
  private submitted = 0;
  private delivered = 0;
  private done = new Map<number, BatchResult>();
  private waiting: { seq: number; take: (r: BatchResult) => void }[] = [];
  private room: (() => void)[] = [];
  private failure: unknown;
  private drained: (() => void)[] = [];
  private local: ((chunk: ByteChunk) => BatchResult) | undefined;
  private setup: WorkerSetup | undefined;
  /** Workers that said they loaded before the setup was known. */
  private loaded = new Set<number>();

  /** Worker threads running in this process, all pools together (a test checks none is left behind). */
  static running = 0;
  /** Pools made in this process, and when the last one's threads were started or skipped (a test checks a refused run leaves none). */
  static made = 0;
  static lastSpawned: Promise<void> | undefined;
  private closed = false;
  private readonly spawned: Promise<void>;

  /** Starts the threads as soon as their code is found: loading the engine takes them a while, the file's header need not wait. */
  constructor(readonly size: number) {
    WorkerPool.made++;
    this.workers = Array.from({ length: size }, () => undefined);
    this.inHand = this.workers.map(() => 0);
    this.ready = this.workers.map(() => false);
    this.spawned = streamWorkerUrl().then(
      (url) => {
        if (this.closed) return;
        for (let i = 0; i < size; i++) {
          const early = i === 0 ? takeEarlyWorker(url) : undefined;
          const w = early?.worker ?? new Worker(url);
          WorkerPool.running++;
          w.once('exit', () => WorkerPool.running--);
          w.on('message', (m: WorkerMessage) => this.message(i, m));
          w.on('error', (e) => this.fail(e));
          this.workers[i] = w;
          // its first message (loaded) came before this pool listened
          if (early?.loaded) this.message(i, { loaded: true });
        }
      },
      (error) => this.fail(error),
    );
    WorkerPool.lastSpawned = this.spawned;
  }

  /**
   * The run's setup, for each thread once it has loaded, and this thread's own evaluator. Batches
   * are evaluated here until a worker is ready: nothing need wait for the returned promise, which
   * resolves once every worker is (tests wait for it, so that small files exercise the workers).
   */
  start(setup: WorkerSetup, local: (chunk: ByteChunk) => BatchResult): Promise<void> {
    this.setup = setup;
    this.local = local;
    for (const i of this.loaded) this.workers[i]!.postMessage({ setup });
    this.loaded.clear();
    const allReady = new Promise<void>((resolve, reject) => {
      this.started = () => {
        if (this.failure) reject(this.failure);
        else if (this.ready.every(Boolean)) resolve();
      };
    });
    this.started();
    return allReady;
  }
  /** Settles start()'s promise once every worker is ready or one has failed. */
  private started = () => {};

  /**
   * Resolves once the batch is queued and there is room for another. `after`: the bytes of the file
   * after this chunk. Near its end a worker is given no more batches to hold than about half of what
   * is left (one for the last chunks): this thread then evaluates more of the end itself, rather than
   * waiting idle at the end while a worker works through the four batches it holds (about 0.2 s of
   * this thread's samples in a 100,000-card JSON run, `--cpu-prof`, 2026-12-02).
   */
  async submit(chunk: ByteChunk, take: (r: BatchResult) => void, after = Infinity): Promise<void> {
    if (this.failure) throw this.failure;
    const seq = this.submitted++;
    this.waiting.push({ seq, take });
    const hold = Math.min(IN_HAND, Math.max(1, Math.ceil(after / CHUNK_BYTES / 2)));
    let w = -1;
    for (let i = 0; i < this.size; i++)
      if (this.ready[i] && this.inHand[i]! < hold && (w < 0 || this.inHand[i]! < this.inHand[w]!)) w = i;
    if (w < 0) {
      let result: BatchResult;
      try {
        result = this.local!(chunk);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      this.receive({ seq, result });
    } else {
      this.inHand[w]!++;
      this.workers[w]!.postMessage({ seq, chunk });
    }
    // this thread's batches wait for the workers' earlier ones: room for AHEAD more
    const limit = this.size * IN_HAND + AHEAD;
    while (this.submitted - this.delivered >= limit && !this.failure) await new Promise<void>((r) => this.room.push(r));
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    while (this.delivered < this.submitted && !this.failure) await new Promise<void>((r) => this.drained.push(r));
    if (this.failure) throw this.failure;
  }

  /**
   * A worker's output, written: its buffer goes back to that worker (transferred, not copied) for a
   * later chunk, rather than the worker taking fresh memory for every chunk and this thread
   * freeing it (megabytes a JSON chunk, which count towards both threads' full collections).
   */
  recycle(worker: number, out: Uint8Array): void {
    const b = out.buffer;
    const w = this.workers[worker];
    if (!w || this.closed || this.failure || !(b instanceof ArrayBuffer) || b.byteLength < 1 << 20) return;
    w.postMessage({ spare: b }, [b]);
  }

  /** Stops the threads; a second call does nothing more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.spawned;
    await Promise.all(this.workers.map((w) => w?.terminate()));
  }

  private message(i: number, m: WorkerMessage): void {
    if ('loaded' in m) {
      if (this.setup) this.workers[i]!.postMessage({ setup: this.setup });
      else this.loaded.add(i);
    } else if ('ready' in m) {
      if (m.ready) this.ready[i] = true;
      else this.fail(new Error(m.error));
      this.started();
    } else {
      this.inHand[i]!--;
      if (m.result) m.result.worker = i;
      this.receive(m);
    }
  }

  private receive(m: { seq: number; result?: BatchResult; error?: string }): void {
    // after a failure no result is taken (the refusal that stopped the run is printed once)
    if (this.failure) return;
    if (m.error !== undefined) return this.fail(new Error(m.error));
    this.done.set(m.seq, m.result!);
    // hand results on in submission order
    while (this.waiting.length && this.done.has(this.waiting[0]!.seq)) {
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
    this.started();
    this.wake();
  }

  private wake(): void {
    for (const r of this.room.splice(0)) r();
    for (const r of this.drained.splice(0)) r();
  }
}

type WorkerMessage =
  | { loaded: true }
  | { ready: boolean; error?: string }
  | { seq: number; result?: BatchResult; error?: string };
