// Scratch policies repositories for the tests of test/repo/: commands run as a user runs them,
// in a folder of their own, with git isolated from the machine's and the caller's settings.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT = resolve('.');

/** git and npm without the settings of the machine or of a hook that runs the tests. */
export const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'HR',
    GIT_AUTHOR_EMAIL: 'hr@example.com',
    GIT_COMMITTER_NAME: 'HR',
    GIT_COMMITTER_EMAIL: 'hr@example.com',
    NO_COLOR: '1',
  }).filter(([k]) => !/^GIT_(DIR|WORK_TREE|INDEX_FILE|PREFIX)$/.test(k)),
);

export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `yardstick-${name}-`));
}

/** Runs a command in `cwd`; its exit code, stdout and stderr (never throws on a failing exit). */
export function sh(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = ENV,
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Replaces `from` by `to` once in a file's text, failing loudly when it is not there. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
}
