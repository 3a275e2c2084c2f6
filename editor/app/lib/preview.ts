// Talks to the preview worker: the latest request wins, older replies are dropped.

import type { PreviewReply, PreviewRequest } from '../preview.worker.js';
import PreviewWorker from '../preview.worker.ts?worker';

export type EvaluateReply = Extract<PreviewReply, { type: 'result' }>;

export class PreviewClient {
  private worker = new PreviewWorker();
  private nextId = 1;
  private latest = 0;
  private waiting = new Map<number, (reply: PreviewReply) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<PreviewReply>) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data);
    };
  }

  setData(text: string, format: 'csv' | 'json', file: string): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, () => resolve());
      this.worker.postMessage({ type: 'data', id, text, format, file } satisfies PreviewRequest);
    });
  }

  /** Resolves with the reply, or with null when a newer request superseded this one. */
  evaluate(policy: string, base: string | undefined, lang: 'zh' | 'en'): Promise<EvaluateReply | null> {
    const id = this.nextId++;
    this.latest = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(id === this.latest && reply.type === 'result' ? reply : null));
      this.worker.postMessage({ type: 'evaluate', id, policy, base, lang } satisfies PreviewRequest);
    });
  }
}
