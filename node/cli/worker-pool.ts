// The worker threads of a streaming run (stream-worker.ts): batches out round-robin, results back
// in the order the batches were submitted.

import { Worker } from 'node:worker_threads';
import type { BatchResult, ByteChunk, WorkerSetup } from './stream-batch.js';

/**
 * N worker threads, each with the policy compiled once. Batches go round-robin and come back in
 * any order; results are handed on strictly in the order the batches were submitted. At most two
 * batches per worker are in flight, so memory stays bounded however large the file.
 *
 * With `local` (the calling thread's own evaluator), the calling thread is one of the evaluating
 * threads: a batch that finds every worker with two batches in hand is evaluated there and then.
 * `--workers N` thus starts N − 1 threads, and no thread waits idle beside busy ones: loading the
 * engine in a thread costs about a second of CPU, and the reading thread is otherwise mostly idle.
 */
export class WorkerPool {
  private workers: Worker[] = [];
  /** Batches each worker holds. */
  private inHand: number[];
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
  private local: ((chunk: ByteChunk) => BatchResult) | undefined;

  constructor(private readonly size: number) {
    const url = new URL('./stream-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url));
    this.inHand = this.workers.map(() => 0);
    this.loaded = this.workers.map((w) => nextMessage(w));
    // a thread that fails before it is used is reported by start(), not as an unhandled rejection
    for (const l of this.loaded) l.catch(() => {});
  }

  /** Hands every thread the run's setup and waits until each has compiled the policy. */
  async start(setup: WorkerSetup, local?: (chunk: ByteChunk) => BatchResult): Promise<void> {
    this.local = local;
    await Promise.all(this.loaded);
    await Promise.all(
      this.workers.map(async (w) => {
        const ready = nextMessage(w);
        w.postMessage({ setup });
        const m = (await ready) as { ready?: boolean; error?: string };
        if (!m.ready) throw new Error(m.error);
      }),
    );
    for (const [i, w] of this.workers.entries()) {
      w.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => {
        this.inHand[i]--;
        this.receive(m);
      });
      w.on('error', (e) => this.fail(e));
    }
  }

  /** Resolves once the batch is queued and there is room for another. */
  async submit(chunk: ByteChunk, take: (r: BatchResult) => void): Promise<void> {
    if (this.failure) throw this.failure;
    const seq = this.submitted++;
    this.waiting.push({ seq, take });
    // round-robin; with a local evaluator, the least busy worker, or this thread when each has two
    const w = this.local ? this.inHand.indexOf(Math.min(...this.inHand)) : this.next++ % this.workers.length;
    if (this.local && this.inHand[w] >= 2) {
      let result: BatchResult;
      try {
        result = this.local(chunk);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      this.receive({ seq, result });
    } else {
      this.inHand[w]++;
      this.workers[w].postMessage({ seq, chunk });
    }
    // this thread's batches wait for the workers' earlier ones: room for two more
    const limit = this.size * 2 + (this.local ? 2 : 0);
    while (this.submitted - this.delivered >= limit && !this.failure) await new Promise<void>((r) => this.room.push(r));
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
    // after a failure no result is taken (the refusal that stopped the run is printed once)
    if (this.failure) return;
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
