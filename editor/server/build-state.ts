// Whether the editor's page (dist/editor, built by vite) is older than what it is built from. In a
// checkout, `npm start` builds the page on its first start; a `git pull` or an edit since then
// would otherwise be served as the old page, whose preview then runs the old engine and can
// disagree with `yardstick run` on the same policy and month (the CLI rebuilds its own bundle for
// the same reason: scripts/cli-bundle.mjs).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the page is built from: its code, the engine its preview runs, the policy schema, the build's settings and the locked libraries. */
export const EDITOR_SOURCES = ['editor/app', 'engine', 'schemas', 'vite.config.ts', 'package-lock.json'] as const;

/** True when there is no built page, or a file of EDITOR_SOURCES was changed after it was built. */
export function editorBuildStale(project: string): boolean {
  let built: number;
  try {
    built = statSync(join(project, 'dist', 'editor', 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return EDITOR_SOURCES.some((source) => changedSince(join(project, source), built));
}

function changedSince(path: string, time: number): boolean {
  let s: ReturnType<typeof statSync>;
  try {
    s = statSync(path);
  } catch {
    return false; // not in this copy (an installed package has no sources)
  }
  if (!s.isDirectory()) return s.mtimeMs > time;
  return readdirSync(path).some((name) => changedSince(join(path, name), time));
}
