// git, for the CLI and the editor's server: the one place that starts it. Callers say what a
// failure means for them.

import { execFile, execFileSync, spawnSync } from 'node:child_process';

const MAX_OUTPUT = 64 * 1024 * 1024;

/** git's stdout; throws when git fails or is not installed. */
export function git(args: string[], o: { cwd?: string } = {}): string {
  return execFileSync('git', args, {
    cwd: o.cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: MAX_OUTPUT,
  });
}

/** git's exit status and stdout, for the commands whose status is an answer (`merge-file`: the number of conflicts). */
export function gitStatus(args: string[], o: { cwd?: string } = {}): { status: number; stdout: string } {
  const r = spawnSync('git', args, { cwd: o.cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout };
}

/** The commit checked out in `cwd`, or undefined outside a repository (or without git). */
export function headCommit(cwd?: string): string | undefined {
  try {
    return git(['rev-parse', 'HEAD'], { cwd }).trim();
  } catch {
    return undefined;
  }
}

/**
 * A file's text at HEAD of the repository at `root` (`path` relative to it, with `/`), or
 * undefined when it is not tracked or there is no git. Asynchronous: the editor's server keeps
 * answering while git runs.
 */
export function textAtHead(root: string, path: string, maxBytes = MAX_OUTPUT): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', ['-C', root, 'show', `HEAD:${path}`], { maxBuffer: maxBytes }, (error, stdout) =>
      done(error ? undefined : stdout),
    );
  });
}
