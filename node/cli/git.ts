// Reading policies from git (node/git.ts runs it): `REV:path` specs and the policies changed since
// a base revision, with the CLI's messages.

import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git, gitIn } from '../git.js';
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
  let kind: string;
  try {
    kind = git(['cat-file', '-t', `${rev}:${path}`]).trim();
  } catch {
    throw new ExitError(EXIT.input, diagnostic('cli_git_path', { path, rev }));
  }
  // `git show` of a folder prints its listing, which would be read as a (broken) policy
  if (kind !== 'blob') throw new ExitError(EXIT.input, diagnostic('io_is_folder', { file: `${rev}:${path}` }));
  return git(['show', `${rev}:${path}`]);
}

export function pathExistsAt(rev: string, path: string): boolean {
  try {
    git(['cat-file', '-e', `${rev}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the policy `file` was at `rev`: its own path, or the one git sees it renamed from since then
 * (`git mv`, or a plain `mv`; policyChangesSince), so a command given the policy's new name compares
 * it with its old file; its own path when neither (showAt then says it is not there).
 */
export function policyPathAt(rev: string, file: string): string {
  if (!revisionExists(rev) || pathExistsAt(rev, file)) return file;
  let changes: PolicyChangeEntry[];
  try {
    changes = policyChangesSince(rev);
  } catch {
    // no policies/ folder here or at the base: no rename to find
    return file;
  }
  const here = resolve(file);
  for (const c of changes) if (c.status === 'renamed' && resolve(c.file) === here) return c.old;
  return file;
}

/** A policy file changed since a base revision: its path now, and its path at the base when git saw it renamed. */
export type PolicyChangeEntry =
  | { status: 'changed'; file: string }
  | { status: 'renamed'; file: string; old: string }
  | { status: 'deleted'; file: string };

const isPolicyFile = (f: string) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml');

/**
 * Every policy file (not their tests) that differs between `base` and the working tree, as git sees
 * it with rename detection (`git diff -M`): changed or added (untracked files included), renamed
 * (with `git mv`, `git add`, or a plain `mv` git has not been told of: the old path is the one to
 * compare with) and deleted (at the base, gone from the working tree). Sorted by path.
 */
export function policyChangesSince(base: string): PolicyChangeEntry[] {
  const named = policiesHere(base);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--', 'policies'])
    .split('\0')
    .filter(isPolicyFile);
  const fields = withUntrackedSeen(untracked, (env) =>
    gitIn(process.cwd(), ['diff', '--relative', '--name-status', '-z', '-M', base, '--', 'policies'], { env }),
  ).split('\0');
  const out = new Map<string, PolicyChangeEntry>();
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    if (status.startsWith('R')) {
      const [old, file] = [named(fields[i++]!), named(fields[i++]!)];
      if (isPolicyFile(file) && isPolicyFile(old)) out.set(file, { status: 'renamed', file, old });
      else {
        // a policy renamed to a name that is not a policy's (or the other way): gone, or new
        if (isPolicyFile(old)) out.set(old, { status: 'deleted', file: old });
        if (isPolicyFile(file)) out.set(file, { status: 'changed', file });
      }
      continue;
    }
    const file = named(fields[i++]!);
    if (isPolicyFile(file)) out.set(file, existsSync(file) ? { status: 'changed', file } : { status: 'deleted', file });
  }
  for (const file of untracked.map(named))
    if (!out.has(file) && existsSync(file)) out.set(file, { status: 'changed', file });
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Runs `diff` with the untracked policy files seen by git as files about to be added (`git add -N`),
 * so a policy moved with a plain `mv` (the old file gone, the new one untracked) is a rename, as it
 * is after `git mv`: its rename detection compares only files it knows. The intent is recorded in a
 * copy of the index, in a temporary folder; the repository's own index is never written.
 */
function withUntrackedSeen(untracked: string[], diff: (env?: Record<string, string>) => string): string {
  if (untracked.length === 0) return diff();
  const index = resolve(git(['rev-parse', '--git-path', 'index']).trim());
  // no index yet (nothing ever staged): every file at the base would read as deleted against a new one
  if (!existsSync(index)) return diff();
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-index-'));
  try {
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    copyFileSync(index, env.GIT_INDEX_FILE);
    gitIn(process.cwd(), ['add', '--intent-to-add', '--', ...untracked], { env });
    return diff(env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The `policies/` folder `--base` compares is the current folder's, as every command reads it; git
 * names paths from the repository's top folder, so below it (a repository holding several teams'
 * folders) its paths are taken relative to here (`--relative`) and named `./policies/…`, which both
 * the file system and `git show REV:./…` read from the current folder. A current folder with no
 * `policies/`, now or at `base`, is refused: comparing nothing would say nothing changed. Returns how
 * a path git printed is named.
 */
function policiesHere(base: string): (path: string) => string {
  if (!revisionExists(base)) throw new ExitError(EXIT.input, diagnostic('cli_git_revision', { rev: base }));
  const below = git(['rev-parse', '--show-prefix']).trim() !== '';
  const named = below ? (p: string) => (p === '' ? p : `./${p}`) : (p: string) => p;
  if (!existsSync('policies') && !pathExistsAt(base, named('policies')))
    throw new ExitError(EXIT.input, diagnostic('io_not_found', { file: 'policies/' }));
  return named;
}
