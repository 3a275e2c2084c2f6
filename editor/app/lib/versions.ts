// The versions view's calls to the server (editor/server/versions.ts) and the small choices it
// needs. The bump suggestion, the rule changes and the money impact come from the server, which
// runs the CLI's own diff; the month a new version starts from by default is in versions-dates.ts.

import { ApiError, request } from './api';
import type { Bump, Lang } from '../../../engine/index.js';
import type { Comparison } from '../../server/versions.js';

export interface VersionEntry {
  id: string;
  version: string;
  effective_from: string;
  date: string;
  author: string;
  message: string;
}

export interface Author {
  name: string;
  email: string;
}

export interface History {
  source: 'git' | 'copies';
  versions: VersionEntry[];
  author: Author | null;
}

/** What the server's comparison of two texts returns (the type only: the browser never loads the server's code). */
export type { Comparison };

export type Published =
  | { mode: 'commit'; version: string; commit: string; text: string; etag: string }
  | { mode: 'copy'; version: string; id: string; text: string; etag: string }
  | { mode: 'branch'; version: string; branch: string; commit: string; report: string };

/** What the server said when it refused to publish: its diagnostics, and check's findings when check failed. */
export class PublishRefused extends ApiError {}

async function call<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await request(
    path,
    {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    PublishRefused,
  );
  return (await res.json().catch(() => ({}))) as T;
}

const at = (name: string) => `/api/versions/${encodeURIComponent(name)}`;

export const versionsApi = {
  history: (name: string) => call<History>(at(name)),
  text: (name: string, id: string) => call<{ text: string }>(`${at(name)}/text?id=${encodeURIComponent(id)}`),
  /** `before` / `after`: a version id, or 'unsaved' for `text`. */
  compare: (name: string, o: { before: string; after: string; text: string; data?: string | null; lang: Lang }) =>
    call<Comparison>(`${at(name)}/compare`, o),
  setAuthor: (a: Author) => call<Author>('/api/versions-author', a, 'PUT'),
  publish: (
    name: string,
    o: {
      text: string;
      bump: Bump;
      effective_from: string;
      note: string;
      mode: 'commit' | 'branch';
      etag: string;
      data?: string;
      lang: Lang;
    },
  ) => call<Published>(`${at(name)}/publish`, o),
};
