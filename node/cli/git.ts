// Reading policies from git (node/git.ts runs it): `REV:path` specs and the policies changed since
// a base revision, with the CLI's messages.

import { existsSync } from 'node:fs';
import { git } from '../git.js';
import { diagnostic } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';

export function isRevisionSpec(spec: string): boolean {
  return !existsSync(spec) && /^[^:]+:.+/.test(spec);
}

export function revisionExists(rev: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The text of `path` at `rev`, or a clear input error. */
export function showAt(rev: string, path: string): string {
  if (!revisionExists(rev)) throw new ExitError(EXIT.input, diagnostic('cli_git_revision.spec', { rev }));
  try {
    return git(['show', `${rev}:${path}`]);
  } catch {
    throw new ExitError(EXIT.input, diagnostic('cli_git_path', { path, rev }));
  }
}

export function pathExistsAt(rev: string, path: string): boolean {
  try {
    git(['cat-file', '-e', `${rev}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** Policy files (not their tests) that differ between `base` and the working tree. */
export function changedPolicies(base: string): string[] {
  if (!revisionExists(base)) throw new ExitError(EXIT.input, diagnostic('cli_git_revision', { rev: base }));
  const tracked = git(['diff', '--name-only', base, '--', 'policies']).split('\n');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--', 'policies']).split('\n');
  return [...new Set([...tracked, ...untracked])]
    .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml') && existsSync(f))
    .sort();
}
