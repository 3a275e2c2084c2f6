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

/**
 * git's stdout in `cwd`, with `input` on its stdin and extra environment variables (a temporary
 * index for a commit made without touching the working tree, an author). Arguments are an array:
 * no shell ever sees them. Throws when git fails, with git's stderr in the message.
 */
export function gitIn(cwd: string, args: string[], o: { input?: string; env?: Record<string, string> } = {}): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    input: o.input,
    env: o.env ? { ...process.env, ...o.env } : process.env,
    maxBuffer: MAX_OUTPUT,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** The top folder of the git repository holding `dir`, or undefined when it is in none (or there is no git). */
export function repositoryOf(dir: string): string | undefined {
  try {
    return gitIn(dir, ['rev-parse', '--show-toplevel']).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface FileCommit {
  commit: string;
  /** Author date, ISO 8601 with the offset. */
  date: string;
  author: string;
  email: string;
  /** The subject line. */
  message: string;
  /** The file's path in that commit (relative to the repository, with `/`): an older name before a rename. */
  path: string;
}

/**
 * The commits that changed `path` (relative to the repository at `repo`, with `/`), newest first,
 * following it through renames (`git log --follow`): a policy renamed with `git mv` keeps the
 * versions it had under its old name, each with the path it had then.
 */
export function fileLog(repo: string, path: string, max = 200): FileCommit[] {
  let out: string;
  try {
    out = gitIn(repo, [
      '-c',
      'core.quotePath=false',
      'log',
      '--follow',
      `--max-count=${max}`,
      '--name-only',
      '--format=%x1e%H%x1f%aI%x1f%an%x1f%ae%x1f%s',
      '--',
      path,
    ]);
  } catch {
    return []; // a repository without commits yet
  }
  return out
    .split('\x1e')
    .filter((r) => r.includes('\x1f'))
    .map((r) => {
      // the fields on the first line, then (after a blank line) the file's name in that commit
      const [fields = '', ...names] = r.split('\n');
      const [commit, date, author, email, message] = fields.split('\x1f');
      const named = names.filter((n) => n !== '').pop();
      return {
        commit: commit!,
        date: date!,
        author: author!,
        email: email!,
        message: message ?? '',
        path: named ?? path,
      };
    });
}

/** A file's text at a commit, or undefined when the file is not in it (the commit is a full 40-hex id). */
export function textAtCommit(repo: string, commit: string, path: string): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(commit)) return undefined;
  try {
    return gitIn(repo, ['show', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/** Tracked files (relative to the repository) with changes, staged or not, that are not committed. */
export function uncommittedFiles(repo: string): string[] {
  return gitIn(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=no'])
    .split('\0')
    .filter((e) => e.length > 3)
    .map((e) => e.slice(3));
}

/** A configuration value of the repository (its own settings, then the user's), or undefined when unset. */
export function configValue(repo: string, key: string): string | undefined {
  try {
    return gitIn(repo, ['config', '--get', key]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Sets a value in the repository's own configuration (.git/config), never the user's global one. */
export function setLocalConfig(repo: string, key: string, value: string): void {
  gitIn(repo, ['config', '--local', key, value]);
}

/** Whether no branch is checked out (a detached HEAD): a commit made there is on no branch. */
export function detachedHead(repo: string): boolean {
  return gitStatus(['symbolic-ref', '-q', 'HEAD'], { cwd: repo }).status !== 0;
}

/** Whether `refs/heads/<branch>` exists. */
export function branchExists(repo: string, branch: string): boolean {
  try {
    gitIn(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A commit on top of HEAD with `files` (path relative to the repository → text) as they are
 * given, made in a temporary index: the working tree, the index and HEAD are left alone. With
 * `branch`, the commit becomes that new branch (refused when it exists: git says so); without,
 * the current branch moves to it and the files are staged as committed. Returns the commit id.
 */
export function commitFiles(
  repo: string,
  files: Record<string, string>,
  message: string,
  o: { author: { name: string; email: string }; indexFile: string; branch?: string },
): string {
  const env = {
    GIT_INDEX_FILE: o.indexFile,
    GIT_AUTHOR_NAME: o.author.name,
    GIT_AUTHOR_EMAIL: o.author.email,
    GIT_COMMITTER_NAME: o.author.name,
    GIT_COMMITTER_EMAIL: o.author.email,
  };
  // a repository without a commit yet: the first commit, on an empty index
  const head = headCommit(repo);
  if (head) gitIn(repo, ['read-tree', head], { env });
  else gitIn(repo, ['read-tree', '--empty'], { env });
  for (const [path, text] of Object.entries(files)) {
    const blob = gitIn(repo, ['hash-object', '-w', '--stdin'], { input: text }).trim();
    gitIn(repo, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
  }
  const tree = gitIn(repo, ['write-tree'], { env }).trim();
  const commit = gitIn(repo, ['commit-tree', tree, ...(head ? ['-p', head] : []), '-F', '-'], {
    env,
    input: message,
  }).trim();
  if (o.branch) gitIn(repo, ['branch', o.branch, commit]);
  else {
    // the branch moves only if nobody moved it meanwhile
    gitIn(repo, ['update-ref', '-m', 'yardstick publish', 'HEAD', commit, head ?? '']);
    gitIn(repo, ['reset', '-q', '--', ...Object.keys(files)]);
  }
  return commit;
}
