// Calls to the local server. The token comes from the address the server printed.

import { localise, type Diagnostic, type Lang } from '../../../engine/index.js';
import type { PolicyServer } from './document.js';
import { words } from './i18n.js';

const token = new URLSearchParams(location.search).get('token') ?? '';

/** A refusal from the server: its catalogue diagnostics, said in the interface's language by `said`. */
export class ApiError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.diagnostics = Array.isArray(body.diagnostics) ? (body.diagnostics as Diagnostic[]) : [];
  }
}

/** A request that reached no server (stopped, or restarted elsewhere): fetch's own words are "Failed to fetch". */
export class ServerUnreachable extends Error {}

/** What went wrong, in the interface's language: a server refusal from its diagnostics, anything else as it is. */
export function said(error: unknown, lang: Lang): string {
  if (error instanceof ServerUnreachable) return words[lang].serverDown;
  if (error instanceof ApiError && error.diagnostics.length) return problemText(error.diagnostics, lang);
  return error instanceof Error ? error.message : String(error);
}

/** Diagnostics as one sentence in `lang`: each message (after its line and column), joined, then the first help. */
export function problemText(diagnostics: Diagnostic[], lang: Lang): string {
  const where = (d: Diagnostic) =>
    !d.span
      ? ''
      : lang === 'zh'
        ? `第 ${d.span.line} 行第 ${d.span.column} 列：`
        : `line ${d.span.line}, column ${d.span.column}: `;
  const shown = diagnostics.map((d) => ({ where: where(d), ...localise(d, lang) }));
  const help = shown.find((s) => s.help)?.help;
  return (
    shown.map((s) => s.where + s.message).join(lang === 'zh' ? '：' : ': ') +
    (help ? (lang === 'zh' ? `（${help}）` : ` (${help})`) : '')
  );
}

/**
 * Every request the page makes to its server (this module's calls, the versions view's, the data
 * outputs', the simulator's): the token added; no answer at all (the server stopped) throws
 * ServerUnreachable, which `said` puts in the interface's language; a refusal throws `Refusal` (an
 * ApiError, or a kind of one) with the server's reply. Returns the answer to read.
 */
export async function request(
  path: string,
  init: RequestInit = {},
  Refusal: new (status: number, message: string, body: Record<string, unknown>) => ApiError = ApiError,
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), 'x-yardstick-token': token } });
  } catch (error) {
    // fetch rejects only when no answer came (the server stopped); a refusal is an answer, below
    throw new ServerUnreachable(error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    throw new Refusal(res.status, String(body.error ?? res.statusText), body);
  }
  return res;
}

export async function call<T>(
  path: string,
  init: RequestInit = {},
  as: 'json' | 'text' | 'bytes' = 'json',
): Promise<T> {
  const res = await request(path, init);
  return (as === 'json' ? res.json() : as === 'text' ? res.text() : res.arrayBuffer()) as Promise<T>;
}

/** A policy in the picker; `problem` when the file cannot be read (the others still can). */
export interface PolicySummary {
  name: string;
  title: string;
  version: string;
  /** A roll-up policy: the period it rolls up (`year`, `half_year`, `quarter`; empty when it names none). */
  rollup?: string;
  problem?: Diagnostic;
}

/** A template for a new policy, with the bundled sample month it scores (when there is one). */
export interface TemplateSummary {
  name: string;
  title: string;
  sample?: string;
}

export interface PolicyFile {
  name: string;
  text: string;
  etag: string;
  base: { source: 'git' | 'disk'; text: string };
}

export const api = {
  hasToken: token !== '',
  policies: () => call<PolicySummary[]>('/api/policies'),
  policy: (name: string) => call<PolicyFile>(`/api/policies/${encodeURIComponent(name)}`),
  save: (name: string, text: string, etag: string) =>
    call<{ etag: string }>(`/api/policies/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text }),
    }),
  create: (name: string, text: string) =>
    call<{ etag: string }>(`/api/policies/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({ text }),
    }),
  datasets: () => call<{ path: string; size: number }[]>('/api/datasets'),
  dataset: (path: string) => call<ArrayBuffer>(`/api/dataset?path=${encodeURIComponent(path)}`, {}, 'bytes'),
  templates: () => call<TemplateSummary[]>('/api/templates'),
  template: (name: string) => call<string>(`/api/templates/${encodeURIComponent(name)}`, {}, 'text'),
};

/**
 * The policies whose file ends its lines with CRLF (saved on Windows, or checked out with git's
 * autocrlf). The page edits LF text — the YAML editor writes its lines so, and a CRLF text put in
 * it came back as LF, a change of every line that nobody made (the file showed 未保存 on opening, and
 * a save rewrote every line) — so such a file reaches the page with LF and is written back with CRLF.
 */
const crlfPolicies = new Set<string>();
const withLf = (text: string) => text.replace(/\r\n/g, '\n');

/**
 * The server as the edited document uses it: a save refused for a newer file (409) is a reply, not
 * an error; a file's CRLF line ends kept (its first line's end says which it uses).
 */
export const policyServer: PolicyServer = {
  async policy(name) {
    const file = await api.policy(name);
    if (/^[^\n]*\r\n/.test(file.text)) crlfPolicies.add(name);
    else crlfPolicies.delete(name);
    return { ...file, text: withLf(file.text), base: { ...file.base, text: withLf(file.base.text) } };
  },
  async save(name, text, etag) {
    const written = crlfPolicies.has(name) ? withLf(text).replace(/\n/g, '\r\n') : text;
    try {
      return { ok: true, etag: (await api.save(name, written, etag)).etag };
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && typeof error.body.current === 'string')
        return { ok: false, current: withLf(error.body.current), etag: String(error.body.etag) };
      // the file is gone from disk (a git checkout of a branch without it, a `git rm`): the edit is
      // written as the file again, only if nobody has created it meanwhile (If-None-Match: *)
      if (error instanceof ApiError && error.status === 404)
        return { ok: true, etag: (await api.create(name, written)).etag, recreated: true };
      throw error;
    }
  },
  create: api.create,
  template: api.template,
};
