// Talks to the preview worker: the latest request wins, older replies are dropped.

import type { PreviewReply, PreviewRequest } from '../preview.worker.js';
import PreviewWorker from '../preview.worker.ts?worker';
import type { ScorecardView } from './scorecard-view.js';
import type { RecordsResult } from '../../../engine/index.js';

export type EvaluateReply = Extract<PreviewReply, { type: 'result' }>;
export type SweepReply = Extract<PreviewReply, { type: 'sweep' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type SimulatorRequest = WithoutId<Extract<PreviewRequest, { type: 'sim-shape' | 'sim-record' | 'simulate' }>>;

export class PreviewClient {
  private worker = new PreviewWorker();
  private nextId = 1;
  private latest = 0;
  private latestSweep = 0;
  private waiting = new Map<number, (reply: PreviewReply) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<PreviewReply>) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data);
    };
  }

  /** Hands the worker a data file's bytes (CSV in any encoding, JSON or XLSX); resolves with its problems, if any. */
  setData(bytes: ArrayBuffer, file: string): Promise<string | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) =>
        resolve(reply.type === 'data' && !reply.ok ? reply.diagnostics.map((d) => d.message).join('; ') : null),
      );
      this.worker.postMessage({ type: 'data', id, bytes, file } satisfies PreviewRequest, [bytes]);
    });
  }

  /** Hands the worker a data mapping's records, read by the server for the policy text `policy`. */
  setRecords(file: string, policy: string, read: RecordsResult): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, () => resolve());
      this.worker.postMessage({ type: 'records', id, file, policy, read } satisfies PreviewRequest);
    });
  }

  /** One employee's scorecard from the evaluation whose reply had id `of`; null if it is gone. */
  explain(of: number, employeeId: string): Promise<ScorecardView | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(reply.type === 'explanation' ? reply.card : null));
      this.worker.postMessage({ type: 'explain', id, of, employee_id: employeeId } satisfies PreviewRequest);
    });
  }

  private latestVerify = 0;
  /** The counterexample records of the latest verify reply, by the index of its diagnostic. */
  counterexamples: (import('../../../engine/index.js').EmployeeRecord[] | null)[] = [];

  /** The findings of `yardstick verify` on this policy text, or null when a newer request superseded it. */
  verify(
    policy: string,
    lang: 'zh' | 'en',
  ): Promise<Extract<PreviewReply, { type: 'verified' }>['diagnostics'] | null> {
    const id = this.nextId++;
    this.latestVerify = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => {
        if (id === this.latestVerify && reply.type === 'verified') this.counterexamples = reply.counterexamples ?? [];
        resolve(id === this.latestVerify && reply.type === 'verified' ? reply.diagnostics : null);
      });
      this.worker.postMessage({ type: 'verify', id, policy, lang } satisfies PreviewRequest);
    });
  }

  /** A simulator request (lib/simulator-engine.ts in the worker); each is answered, none superseded. */
  simulator(request: SimulatorRequest): Promise<PreviewReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } as PreviewRequest);
    });
  }

  /** Resolves with the reply, or with null when a newer request superseded this one. */
  evaluate(
    policy: string,
    base: string | undefined,
    lang: 'zh' | 'en',
    monthly?: string,
  ): Promise<EvaluateReply | null> {
    const id = this.nextId++;
    this.latest = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(id === this.latest && reply.type === 'result' ? reply : null));
      this.worker.postMessage({ type: 'evaluate', id, policy, base, lang, monthly } satisfies PreviewRequest);
    });
  }

  private latestRollup = 0;
  /** A roll-up policy previewed on history months (lib/rollup-preview.ts); null when a newer one superseded it. */
  rollup(request: Omit<Extract<PreviewRequest, { type: 'rollup-preview' }>, 'id' | 'type'>) {
    const id = this.nextId++;
    this.latestRollup = id;
    return new Promise<Extract<PreviewReply, { type: 'rollup-preview' }> | null>((resolve) => {
      this.waiting.set(id, (r) => resolve(id === this.latestRollup && r.type === 'rollup-preview' ? r : null));
      this.worker.postMessage({ type: 'rollup-preview', id, ...request } satisfies PreviewRequest);
    });
  }

  /** The engine's sweep in the worker (the budget panel); null when a newer sweep superseded it. */
  sweep(policy: string, set: string, budgetFen: number | undefined, lang: 'zh' | 'en'): Promise<SweepReply | null> {
    const id = this.nextId++;
    this.latestSweep = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(id === this.latestSweep && reply.type === 'sweep' ? reply : null));
      this.worker.postMessage({ type: 'sweep', id, policy, set, budgetFen, lang } satisfies PreviewRequest);
    });
  }
}
