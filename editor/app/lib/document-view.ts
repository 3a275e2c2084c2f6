// The policy document view's link to its worker (document.worker.ts), started when the view is
// first opened: the latest request wins, older replies are dropped. And the names of the files
// it offers for download.

import type { DocumentReply, DocumentRequest } from '../document.worker.js';
import DocumentWorker from '../document.worker.ts?worker';

export type { DocumentReply };

export class DocumentClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private latest = 0;
  private waiting = new Map<number, (reply: DocumentReply) => void>();

  /** The document of this text, or null when a newer request superseded it. */
  render(request: Omit<DocumentRequest, 'id'>): Promise<DocumentReply | null> {
    if (!this.worker) {
      this.worker = new DocumentWorker();
      this.worker.onmessage = (e: MessageEvent<DocumentReply>) => {
        const done = this.waiting.get(e.data.id);
        this.waiting.delete(e.data.id);
        done?.(e.data);
      };
    }
    const id = this.nextId++;
    this.latest = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(id === this.latest ? reply : null));
      this.worker!.postMessage({ ...request, id } satisfies DocumentRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.waiting.clear();
  }
}

/** `short-video-team.yaml` → `short-video-team-考核方案.html` (or `-plan.md` in English). */
export function downloadName(file: string, suffix: string, ext: 'html' | 'md'): string {
  return `${file.replace(/\.ya?ml$/i, '')}-${suffix}.${ext}`;
}

/** Offers text as a file download in the browser. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
