// The editor server's file access: policies by plain name only, inside the policies folder, never
// through a symlink that leads out; the git HEAD version as the "saved" baseline. Writes are
// atomic (node/files.ts).

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { textAtHead } from '../../node/git.js';

import { diagnostic, isPolicyName, type Diagnostic } from '../../engine/index.js';

/**
 * A request the server refuses, as catalogue diagnostics (the first says what was refused; a
 * second may say why, e.g. the YAML problem), so the editor shows it in the interface's language.
 */
export class FileError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 507,
    ...diagnostics: [Diagnostic, ...Diagnostic[]]
  ) {
    super(diagnostics.map((d) => d.message).join(': '));
    this.diagnostics = diagnostics;
  }
}

/**
 * The JSON body of a refusal: `error` in English for logs, `diagnostics` with their catalogue
 * arguments (which JSON would otherwise drop) for the page to say them in its language.
 */
export function refusal(diagnostics: Diagnostic[]): { error: string; diagnostics: Diagnostic[] } {
  return { error: diagnostics.map((d) => d.message).join(': '), diagnostics: diagnostics.map(serialisable) };
}

/** A diagnostic with its catalogue arguments as a plain property, so they survive JSON. */
export function serialisable(d: Diagnostic): Diagnostic {
  return d.args ? { ...d, args: d.args } : { ...d };
}

/** The file system's errors on the project's files that the user can fix, with the status each is answered with. */
type FsRefusal =
  | 'cli_server_fs'
  | 'cli_server_fs.denied'
  | 'cli_server_fs.full'
  | 'cli_server_fs.read_only'
  | 'cli_server_fs.not_folder'
  | 'cli_server_fs.is_folder';
const FS_REFUSALS: Record<string, { id: FsRefusal; status: FileError['status'] }> = {
  ENOENT: { id: 'cli_server_fs', status: 404 },
  EACCES: { id: 'cli_server_fs.denied', status: 403 },
  EPERM: { id: 'cli_server_fs.denied', status: 403 },
  ENOSPC: { id: 'cli_server_fs.full', status: 507 },
  EDQUOT: { id: 'cli_server_fs.full', status: 507 },
  EROFS: { id: 'cli_server_fs.read_only', status: 403 },
  ENOTDIR: { id: 'cli_server_fs.not_folder', status: 409 },
  EISDIR: { id: 'cli_server_fs.is_folder', status: 409 },
};

/**
 * A file system error on a file or folder under `root` (the policies folder moved away, no
 * permission, a full or read-only disk) as a refusal naming the path from the root and what to do;
 * undefined for anything else (a bug, or a path outside the root), which stays an internal error.
 */
export function fileSystemRefusal(root: string, error: unknown): FileError | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const known = code !== undefined ? FS_REFUSALS[code] : undefined;
  if (!known || typeof path !== 'string') return undefined;
  const shown = projectPath(root, path, code!, syscall);
  if (shown === undefined) return undefined;
  // every phrasing takes the same one argument
  return new FileError(known.status, diagnostic(known.id as 'cli_server_fs', { project_path: shown }));
}

/**
 * `path` as the user knows it: relative to the root, with `/`. For a missing path or a file in the
 * way, the first part of it that is missing (or is not a folder); a temporary file of an atomic
 * write is named as its target, or, when it could not be made for want of permission, its folder.
 * Undefined when the path is not under the root.
 */
function projectPath(root: string, path: string, code: string, syscall?: string): string | undefined {
  let bases = [resolve(root)];
  try {
    bases = [...new Set([resolve(root), realpathSync(root)])];
  } catch {
    // the root itself is gone: it is named below as it was given
  }
  const base = bases.find((b) => path === b || path.startsWith(b + sep));
  if (base === undefined) return undefined;
  const parts = relative(base, path)
    .split(sep)
    .filter((p) => p !== '');
  const temp = /^\.(.+)\.\d+\.tmp$/.exec(parts.at(-1) ?? '');
  // the temporary file could not be made: the folder refuses new files (its permission, `chattr +i`),
  // whatever the file being saved allows, so the folder is named
  if (temp && syscall === 'open' && (code === 'EACCES' || code === 'EPERM')) parts.pop();
  else if (temp) parts[parts.length - 1] = temp[1]!;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    if (!existsSync(base)) return base;
    for (let i = 0; i < parts.length - 1; i++) {
      const at = join(base, ...parts.slice(0, i + 1));
      if (!existsSync(at) || !statSync(at).isDirectory()) return parts.slice(0, i + 1).join('/');
    }
  }
  return parts.length ? parts.join('/') : base;
}

/**
 * Runs `use` on the file at `path`, giving an error of the file system that names no path (a read of
 * a folder, a write that fills the disk: the system says only `read` or `write`) this one, so that
 * `fileSystemRefusal` can say which file.
 */
export function onFile<T>(path: string, use: () => T): T {
  try {
    return use();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e instanceof Error && typeof e.code === 'string' && e.path === undefined) e.path = path;
    throw error;
  }
}

export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
}

/**
 * Resolves a file name inside `dir`, refusing anything that would leave it: `..`, absolute paths,
 * and a link anywhere on the way (the file itself or a folder above it) whose target is outside.
 */
export function inside(dir: string, name: string): string {
  const base = realpathSync(dir);
  // the folder replaced by a file: said as the file system says it when a path goes through a file
  if (!statSync(base).isDirectory())
    throw Object.assign(new Error(`ENOTDIR: not a directory, '${base}'`), { code: 'ENOTDIR', path: base });
  const path = resolve(base, name);
  if (relative(base, path).startsWith('..') || !path.startsWith(base + sep))
    throw new FileError(403, diagnostic('cli_server_file.outside', { name }));
  // the nearest part of the path that exists, followed through every link, must still be inside
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  const real = realpathSync(existing);
  if (real !== base && !real.startsWith(base + sep))
    throw new FileError(403, diagnostic('cli_server_file.link', { name }));
  return path;
}

/** A data file in `folder` under `root`, reached without any link: data folders hold pay data, and a link could lead anywhere. */
export function dataPath(root: string, folder: string, name: string): string {
  const dir = join(realpathSync(root), folder);
  if (!existsSync(dir) || realpathSync(dir) !== dir)
    throw new FileError(403, diagnostic('cli_server_file.data_folder', { folder }));
  const path = inside(dir, name);
  if (!existsSync(path)) throw new FileError(404, diagnostic('cli_server_file.missing', { name: `${folder}/${name}` }));
  if (realpathSync(path) !== path)
    throw new FileError(403, diagnostic('cli_server_file.data_link', { name: `${folder}/${name}` }));
  return path;
}

export function policyPath(policiesDir: string, name: string): string {
  if (!isPolicyName(name)) throw new FileError(400, diagnostic('cli_server_file.name', { name }));
  return inside(policiesDir, name);
}

/** Policy file names in the folder (not the `*.test.yaml` beside them). */
export function listPolicies(policiesDir: string): string[] {
  return readdirSync(policiesDir)
    .filter((n) => isPolicyName(n) && !n.endsWith('.test.yaml'))
    .sort();
}

/** A policy's text is UTF-8; a byte-order mark is kept, as the page keeps it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A policy file's (or its tests') text. One that is not UTF-8 (saved as GBK or UTF-16) is refused, as `validate`
 * refuses it: decoded anyway, its Chinese came back as `�`, which the page showed, and a save wrote
 * over the file's own bytes.
 */
export function readText(path: string, what: 'policy' | 'policy_tests' = 'policy'): string {
  if (!existsSync(path)) throw new FileError(404, diagnostic('cli_server_file.missing', { name: basename(path) }));
  const bytes = onFile(path, () => readFileSync(path));
  try {
    return utf8.decode(bytes);
  } catch {
    const code = what === 'policy' ? 'io_not_text' : 'io_not_text.policy_tests';
    throw new FileError(422, diagnostic(code, { file: basename(path), encoding: 'UTF-8' }));
  }
}

/** The file's text at git HEAD, or undefined when it is not tracked (or there is no git). */
export function gitHeadText(root: string, path: string): Promise<string | undefined> {
  return textAtHead(root, relative(root, path).split(sep).join('/'), 8 * 1024 * 1024);
}

/**
 * A data table the editor reads as the CLI's `--data` does (engine/data/file.ts `formatOf`): CSV, and
 * `.tsv` / `.txt` read as a CSV is (the separator the header line's), JSON, XLSX.
 */
export const TABLE_FILE = /\.(csv|tsv|txt|json|xlsx)$/i;

/** Data tables (TABLE_FILE) and data mappings (`*.data.yaml`) under the data folders, as paths relative to the root. */
export function listDatasets(root: string, folders: string[]): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) walk(p);
      else if ((TABLE_FILE.test(name) || /\.data\.ya?ml$/i.test(name)) && !/^bench-/.test(name))
        out.push({ path: relative(root, p).split(sep).join('/'), size: statSync(p).size });
    }
  };
  for (const f of folders) walk(join(root, f));
  return out;
}
