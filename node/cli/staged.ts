// The policies staged for a commit, as staged: `check --staged` (the pre-commit hook) checks what
// the commit will hold, not the working tree, so a policy fixed on disk but not added still fails.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { diagnostic } from '../../engine/index.js';
import { git } from '../git.js';
import { EXIT, ExitError } from './errors.js';

export interface Staged {
  /** Policy files (not tests) whose policy or test file is staged, and that the index holds. */
  policies: string[];
  /** A temporary folder holding the index's files at their repository paths. */
  dir: string;
  /** Whether HEAD exists (there is a commit to compare versions with). */
  head: boolean;
  dispose: () => void;
}

const isPolicy = (f: string) => /^policies\/[^/]+\.ya?ml$/.test(f);

export function stagedPolicies(): Staged {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new ExitError(EXIT.input, diagnostic('cli_staged_needs_git', { dir: resolve('.') }));
  }
  const prefix = git(['rev-parse', '--show-prefix']).trim();
  if (prefix !== '') throw new ExitError(EXIT.input, diagnostic('cli_staged_needs_git', { dir: resolve('.') }));
  const changed = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '--', 'policies'])
    .split('\n')
    .filter(isPolicy);
  const inIndex = new Set(git(['ls-files', '--', 'policies']).split('\n').filter(isPolicy));
  const policies = [...new Set(changed.map((f) => f.replace(/\.test\.(ya?ml)$/, '.$1')))]
    .filter((f) => inIndex.has(f))
    .sort();
  let head = true;
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    head = false;
  }
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-staged-'));
  if (policies.length) git(['checkout-index', '--all', `--prefix=${dir}/`], { cwd: top });
  return { policies, dir, head, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
