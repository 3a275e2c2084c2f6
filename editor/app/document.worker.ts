// The 考核方案 (policy document) of the editor's preview tab, rendered by the engine — the same
// buildDocument / renderHtml / renderMarkdown as `yardstick doc` — off the main thread, from the
// text in the editor (saved or not), with the change summary against the committed version.

import {
  buildDocument,
  loadPolicy,
  localise,
  renderHtml,
  renderMarkdown,
  type Lang,
  type PolicyDoc,
} from '../../engine/index.js';

export interface DocumentRequest {
  id: number;
  /** The policy text in the editor. */
  policy: string;
  /** The committed (git HEAD) text of the same file, for the change summary; none for a new file. */
  base?: string;
  /** The policy's file name, for messages. */
  file: string;
  lang: Lang;
}

export type DocumentReply =
  | { id: number; ok: true; html: string; markdown: string; title: string; compared: boolean }
  /** The text does not load: the first problems, in the interface's language. */
  | { id: number; ok: false; problems: string[] };

const reply = (m: DocumentReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<DocumentRequest>) => {
  const m = event.data;
  const loaded = loadPolicy(m.policy, m.file);
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').slice(0, 3);
    reply({ id: m.id, ok: false, problems: errors.map((d) => localise(d, m.lang).message) });
    return;
  }
  // a committed version that no longer loads (an older schema) leaves the change summary out
  let base: PolicyDoc | undefined;
  if (m.base !== undefined) {
    const then = loadPolicy(m.base, `HEAD:${m.file}`);
    if (then.ok) base = then.policy.doc;
  }
  const doc = buildDocument(loaded.policy, { lang: m.lang, ...(base ? { base, baseName: 'HEAD' } : {}) });
  reply({
    id: m.id,
    ok: true,
    html: renderHtml(doc),
    markdown: renderMarkdown(doc),
    title: doc.title,
    compared: !!base,
  });
};
