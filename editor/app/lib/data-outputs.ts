// The 数据 view's calls to the local server: a data mapping read there as the CLI reads it (records
// for the preview, `data inspect` for the view), and the CLI's outputs — XLSX, statements — built
// there and saved by the browser. Nothing leaves this machine: the server is 127.0.0.1.

import type { RecordsResult } from '../../../engine/index.js';
import { request } from './api';
import type { MappingInspect } from './data-inspect';
import type { PreviewClient } from './preview';

/** A data mapping (`*.data.yaml`): the server reads it, the browser never sees its files. */
export const isMapping = (path: string) => /\.data\.ya?ml$/i.test(path);

function post(route: string, body: unknown): Promise<Response> {
  return request(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

interface MappingReply {
  read: RecordsResult;
  inspect: MappingInspect;
}

/**
 * A mapping's readings, one per policy text and language (the server does the work; a text whose
 * data contract is unchanged is not read again by the preview, see PreviewSession.setRecords).
 */
export class MappingData {
  private replies = new Map<string, Promise<MappingReply>>();
  /** Texts the server refused for a mapping: asked again only after another mapping or text. */
  private refused = new Set<string>();

  constructor(private preview: PreviewClient) {}

  private read(path: string, policy: string, lang: string): Promise<MappingReply> {
    const key = `${path}\u0000${lang}\u0000${policy}`;
    let reply = this.replies.get(key);
    if (!reply) {
      reply = post('/api/data/mapping', { path, policy, lang }).then((r) => r.json() as Promise<MappingReply>);
      reply.catch(() => this.replies.delete(key));
      this.replies.set(key, reply);
      while (this.replies.size > 8) this.replies.delete(this.replies.keys().next().value!);
    }
    return reply;
  }

  /**
   * Hands the preview the mapping's records for each policy text it asked for; false when there is
   * nothing new to hand (each was refused before), so the page does not ask in a loop. A refusal throws.
   */
  async supply(path: string, texts: string[], lang: string): Promise<boolean> {
    let supplied = false;
    for (const text of texts) {
      const key = `${path}\u0000${text}`;
      if (this.refused.has(key)) continue;
      try {
        const reply = await this.read(path, text, lang);
        await this.preview.setRecords(path, text, reply.read);
        supplied = true;
      } catch (error) {
        this.refused.add(key);
        throw error;
      }
    }
    return supplied;
  }

  /** Forget the refusals: the files may have been fixed since (choosing the mapping again reads it again). */
  retry(): void {
    this.refused.clear();
    this.replies.clear();
  }

  inspect(path: string, policy: string, lang: string): Promise<MappingInspect> {
    return this.read(path, policy, lang).then((r) => r.inspect);
  }
}

/** The file name the server gave (Content-Disposition `filename*`), or `fallback`. */
function fileName(res: Response, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
  return m ? decodeURIComponent(m[1]!) : fallback;
}

/** Saves what the server built through the browser's download. */
export async function download(route: string, body: unknown, fallback: string): Promise<string> {
  const res = await post(route, body);
  const name = fileName(res, fallback);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** One employee's statement in a new window, ready to print (the browser's print dialog opens on it). */
export async function printStatement(body: unknown): Promise<void> {
  // the window opens on the click, before the wait, so that no popup blocker stops it
  const win = window.open('', '_blank');
  let html: string;
  try {
    html = await (await post('/api/data/statement', body)).text();
  } catch (error) {
    win?.close();
    throw error;
  }
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (!win) {
    location.assign(url);
    return;
  }
  win.location.href = url;
  // print once the statement (not the blank page before it) has loaded
  const ready = setInterval(() => {
    try {
      if (win.closed) clearInterval(ready);
      else if (win.location.href === url && win.document.readyState === 'complete') {
        clearInterval(ready);
        win.print();
      }
    } catch {
      clearInterval(ready);
    }
  }, 100);
}
