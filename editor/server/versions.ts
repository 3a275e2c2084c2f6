// The editor's versions and publishing (docs/editor.md, "Versions and publishing"): the history of
// a policy, two versions compared in words and in money on a chosen month, and publishing — the
// version bumped, `effective_from` set, `yardstick check` run in-process, then a commit, or a
// review branch with the Markdown report beside the policy. git runs only through node/git.ts.
//
// Without git the history is the editor's saved copies, kept under `.yardstick/versions/` in the
// editor's root (a folder that ignores itself for git), with who published them in
// `.yardstick/settings.json`.

import type { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import {
  bumpVersion,
  deleteAt,
  diagnostic,
  diffPolicies,
  loadPolicy,
  setValue,
  suggestBump,
  type Bump,
  type Diagnostic,
  type Lang,
  type PolicyChange,
} from '../../engine/index.js';
import { policyFailures, versionFailures } from '../../node/cli/commands/check.js';
import { reviewPair } from '../../node/cli/commands/diff.js';
import { testFileFor, reviewDataFor } from '../../node/cli/commands/test.js';
import { reviewMarkdown } from '../../node/cli/format/review.js';
import { ExitError } from '../../node/cli/errors.js';
import { writeFileAtomic } from '../../node/files.js';
import {
  branchExists,
  commitFiles,
  configValue,
  detachedHead,
  fileLog,
  headCommit,
  repositoryOf,
  setLocalConfig,
  textAtCommit,
  uncommittedFiles,
} from '../../node/git.js';
import { datasetFile } from './data.js';
import { FileError, TABLE_FILE, dataPath, etagOf, policyPath, readText, refusal, serialisable } from './files.js';

export interface Author {
  name: string;
  email: string;
}

/** One version in the history: a commit that changed the policy, or a saved copy. */
export interface VersionEntry {
  /** The commit id, or the saved copy's id (`20261201T024000Z`). */
  id: string;
  version: string;
  effective_from: string;
  /** ISO 8601. */
  date: string;
  author: string;
  message: string;
}

const DATA_FOLDERS = ['examples', 'data'];
const BUMPS: Bump[] = ['major', 'minor', 'patch'];
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** Where the editor keeps its own files under the root; it tells git to ignore it. */
function editorDir(root: string): string {
  const dir = join(root, '.yardstick');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore))
    writeFileAtomic(ignore, "# the editor's saved copies and settings: not part of the policies\n*\n");
  return dir;
}

const copiesDir = (root: string, name: string) => join(editorDir(root), 'versions', name.replace(/\.ya?ml$/, ''));

/** The version and effective period a policy text names ('' when it names none or does not parse). */
function stamp(text: string): { version: string; effective_from: string } {
  try {
    const js = parseDocument(text).toJS() as { version?: unknown; effective_from?: unknown } | null;
    const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    return { version: s(js?.version), effective_from: s(js?.effective_from) };
  } catch {
    return { version: '', effective_from: '' };
  }
}

interface Place {
  root: string;
  name: string;
  /** The policy file, absolute. */
  path: string;
  /** The repository holding it, and the path in it; undefined without git. */
  repo?: string;
  inRepo?: string;
}

function place(root: string, name: string): Place {
  const path = policyPath(join(root, 'policies'), name);
  const repo = repositoryOf(dirname(path));
  return repo ? { root, name, path, repo, inRepo: relative(repo, path).split(sep).join('/') } : { root, name, path };
}

/** The history of a policy, newest first: from git, or from the saved copies. */
export function history(p: Place): { source: 'git' | 'copies'; versions: VersionEntry[] } {
  if (p.repo && p.inRepo) {
    const versions = fileLog(p.repo, p.inRepo).map((c) => ({
      id: c.commit,
      ...stamp(textAtCommit(p.repo!, c.commit, c.path) ?? ''),
      date: c.date,
      author: c.author,
      message: c.message,
    }));
    return { source: 'git', versions };
  }
  const dir = copiesDir(p.root, p.name);
  if (!existsSync(dir)) return { source: 'copies', versions: [] };
  const versions = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VersionEntry)
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  return { source: 'copies', versions };
}

/** The text of one version of the history (with git, from the file as that commit names it: an older name before a rename). */
export function versionText(p: Place, id: string): string {
  const text =
    p.repo && p.inRepo
      ? textAtCommit(p.repo, id, fileLog(p.repo, p.inRepo).find((c) => c.commit === id)?.path ?? p.inRepo)
      : /^[0-9TZ-]+$/.test(id) && existsSync(join(copiesDir(p.root, p.name), `${id}.yaml`))
        ? readFileSync(join(copiesDir(p.root, p.name), `${id}.yaml`), 'utf8')
        : undefined;
  if (text === undefined) throw new FileError(404, diagnostic('cli_server_versions', { id, name: p.name }));
  return text;
}

/** The version publishing starts from: the committed one with git, the last saved copy without (none for a new policy). */
function published(p: Place): { text: string; label: string } | undefined {
  if (p.repo && p.inRepo) {
    const text = textAtCommit(p.repo, headCommit(p.repo) ?? '', p.inRepo);
    return text === undefined ? undefined : { text, label: `HEAD:${p.inRepo}` };
  }
  const last = history(p).versions[0];
  return last ? { text: versionText(p, last.id), label: `${last.version} (${last.id})` } : undefined;
}

/** Who publishes: the repository's git identity with git, else the editor's settings file. */
export function authorOf(p: Place): Author | undefined {
  if (p.repo) {
    const name = configValue(p.repo, 'user.name');
    const email = configValue(p.repo, 'user.email');
    return name && email ? { name, email } : undefined;
  }
  const file = join(editorDir(p.root), 'settings.json');
  if (!existsSync(file)) return undefined;
  const a = (JSON.parse(readFileSync(file, 'utf8')) as { author?: Author }).author;
  return a?.name && a.email ? a : undefined;
}

function setAuthor(root: string, a: Author): void {
  const repo = repositoryOf(join(root, 'policies'));
  if (repo) {
    setLocalConfig(repo, 'user.name', a.name);
    setLocalConfig(repo, 'user.email', a.email);
    return;
  }
  const file = join(editorDir(root), 'settings.json');
  const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileAtomic(file, `${JSON.stringify({ ...settings, author: a }, null, 2)}\n`);
}

/** A quiet Io for the CLI's functions: a side that does not validate is refused with its diagnostic instead. */
function quietIo(lang: Lang) {
  return { io: { stdout: () => {}, stderr: () => {}, lang } };
}

/** The data a comparison is measured on: a dataset the editor lists, none (null), or the policy's own review data. */
function dataFor(root: string, rel: unknown, policyFile: string): string | undefined {
  if (rel === null) return undefined; // the rule changes alone
  if (typeof rel === 'string' && rel !== '') {
    // a data mapping the editor lists reads as `yardstick diff --data` reads it, its files kept inside its folder
    if (/\.data\.ya?ml$/i.test(rel)) return datasetFile(root, rel);
    const folder = DATA_FOLDERS.find((f) => rel.startsWith(`${f}/`));
    if (!folder || !TABLE_FILE.test(rel)) throw new FileError(400, diagnostic('cli_server_file.dataset', {}));
    return dataPath(root, folder, rel.slice(folder.length + 1));
  }
  const named = reviewDataFor(policyFile);
  return named && existsSync(named) ? named : undefined;
}

export interface Comparison {
  changes: PolicyChange[];
  suggestion?: { bump: Bump; because: string[] };
  markdown: string;
  impact?: {
    data: string;
    employees: number;
    changed: number;
    unscorable: number;
    total_before: number;
    total_after: number;
    delta: number;
  };
}

/** Two texts of a policy compared as `yardstick diff OLD NEW --data FILE --format md` compares them. */
async function compare(
  p: Place,
  before: { text: string; label: string },
  after: { text: string; label: string },
  data: string | undefined,
  lang: Lang,
): Promise<Comparison> {
  const { io } = quietIo(lang);
  const file = p.inRepo ?? `policies/${p.name}`;
  let review: Awaited<ReturnType<typeof reviewPair>>;
  try {
    review = await reviewPair(
      before.text,
      before.label,
      after.text,
      after.label,
      file,
      {
        data,
        format: 'md',
        lang,
        quiet: true,
      },
      io,
    );
  } catch (error) {
    if (error instanceof ExitError)
      throw new FileError(422, ...(error.diagnostics.map(serialisable) as [Diagnostic, ...Diagnostic[]]));
    throw error;
  }
  const suggestion = suggestBump(review.changes);
  const c = review.impact?.comparison;
  return {
    changes: review.changes,
    ...(suggestion ? { suggestion: { bump: suggestion.bump, because: suggestion.because.map((x) => x.text) } } : {}),
    markdown: reviewMarkdown([review], lang),
    ...(c && review.impact
      ? {
          impact: {
            data: relative(realpathSync(p.root), review.impact.data).split(sep).join('/'),
            employees: c.employees,
            changed: c.changes.length,
            unscorable: c.unscorable.length,
            total_before: c.total_before_fen / 100,
            total_after: c.total_after_fen / 100,
            delta: c.delta_fen / 100,
          },
        }
      : {}),
  };
}

export interface PublishRequest {
  text: string;
  bump: Bump;
  effective_from: string;
  note: string;
  mode: 'commit' | 'branch';
  /** The ETag of the file the edit started from (commit mode writes the file). */
  etag?: string;
  data?: string;
  lang?: Lang;
}

function readPublish(body: unknown): PublishRequest {
  const b = body as Partial<PublishRequest> | null;
  if (
    !b ||
    typeof b.text !== 'string' ||
    !BUMPS.includes(b.bump as Bump) ||
    typeof b.effective_from !== 'string' ||
    (b.mode !== 'commit' && b.mode !== 'branch')
  )
    throw new FileError(400, diagnostic('cli_server_publish', {}));
  if (!PERIOD.test(b.effective_from))
    throw new FileError(422, diagnostic('cli_server_publish.period', { period: b.effective_from }));
  if (typeof b.note !== 'string' || b.note.trim() === '')
    throw new FileError(422, diagnostic('cli_server_publish.note', {}));
  return b as PublishRequest;
}

/**
 * The text to publish: the version bumped from the published one, `effective_from` set, and the
 * published version's own `retroactive` dropped — its reason explains why that version corrected
 * paid months, not this one. A correction by this version needs a reason of its own (check asks
 * for it when the month is not later than the published one's).
 */
export function candidateText(text: string, fromVersion: string, r: PublishRequest, previousText?: string): string {
  const next = bumpVersion(fromVersion, r.bump);
  if (!next) throw new FileError(422, diagnostic('cli_server_publish.version', { version: fromVersion }));
  const steps: ((t: string) => ReturnType<typeof setValue>)[] = [
    (t) => setValue(t, ['version'], next),
    (t) => setValue(t, ['effective_from'], r.effective_from),
  ];
  const retroactive = (t: string | undefined) => {
    try {
      const js = t === undefined ? undefined : (parseDocument(t).toJS() as { retroactive?: unknown } | null);
      return js?.retroactive === undefined ? undefined : JSON.stringify(js.retroactive);
    } catch {
      return undefined;
    }
  };
  const carried = retroactive(text);
  if (carried !== undefined && carried === retroactive(previousText)) steps.push((t) => deleteAt(t, ['retroactive']));
  let out = text;
  for (const step of steps) {
    const r2 = step(out);
    if (!r2.ok) throw new FileError(422, diagnostic('cli_server_file.unreadable', { name: 'policy' }));
    out = r2.text;
  }
  return out;
}

/** `yardstick check` on the candidate, in-process, beside the real file so its tests read the same data. */
async function checkCandidate(
  p: Place,
  candidate: string,
  previous: { text: string; label: string } | undefined,
  lang: Lang,
) {
  const file = `policies/${p.name}`;
  const tag = randomBytes(6).toString('hex');
  const dir = dirname(p.path);
  const at = join(dir, `.publish-${tag}-${p.name}`);
  const tests = testFileFor(p.path);
  try {
    writeFileAtomic(at, candidate);
    if (existsSync(tests)) copyFileSync(tests, testFileFor(at));
    const failures = (await policyFailures(file, at, lang)).map((f) => f.split(at).join(file));
    const base = p.repo ? 'HEAD' : lang === 'zh' ? '上次发布的副本' : 'the last published copy';
    failures.push(...versionFailures(file, base, candidate, previous?.text, lang));
    const loaded = loadPolicy(candidate, file);
    const diagnostics: Diagnostic[] = loaded.ok ? [] : loaded.diagnostics.filter((d) => d.severity === 'error');
    return { failures, diagnostics };
  } finally {
    rmSync(at, { force: true });
    rmSync(testFileFor(at), { force: true });
  }
}

/** git refused the commit (a lock held by another git command, a full disk): the user's conflict, said in words, not a crash. */
function gitFailed(error: unknown): unknown {
  if (!(error instanceof Error) || !error.message.startsWith('git ')) return error;
  const detail = error.message.replace(/\s+/g, ' ').slice(0, 400);
  return new FileError(409, diagnostic('cli_server_publish.git_failed', { detail }));
}

const subject = (policy: string, version: string, from: string, note: string) =>
  `${policy} ${version} (effective_from ${from}): ${note.trim().split('\n')[0]}`;

export async function publish(p: Place, r: PublishRequest) {
  const lang = r.lang === 'en' ? 'en' : 'zh';
  const author = authorOf(p);
  if (!author) throw new FileError(409, diagnostic('cli_server_publish.author', {}));
  if (r.mode === 'branch' && !p.repo) throw new FileError(409, diagnostic('cli_server_publish.no_git', {}));
  const previous = published(p);
  const prev = stamp(previous?.text ?? r.text);
  const candidate = candidateText(r.text, prev.version || stamp(r.text).version, r, previous?.text);
  const version = stamp(candidate).version;
  if (previous) {
    const [a, b] = [loadPolicy(previous.text, 'before'), loadPolicy(candidate, 'after')];
    if (a.ok && b.ok && !suggestBump(diffPolicies(a.policy.doc, b.policy.doc, lang)))
      throw new FileError(409, diagnostic('cli_server_publish.unchanged', { name: p.name, version: prev.version }));
  }
  const checked = await checkCandidate(p, candidate, previous, lang);
  const problems = checked.failures.length;
  if (problems)
    return {
      status: 422 as const,
      body: {
        ...refusal([diagnostic('cli_server_publish.check', { name: `policies/${p.name}`, count: problems })]),
        failures: checked.failures,
        problems: checked.diagnostics.map(serialisable),
      },
    };
  const policyId = String((parseDocument(candidate).toJS() as { policy?: unknown }).policy ?? p.name);
  const message = `${subject(policyId, version, r.effective_from, r.note)}\n\n${r.note.trim()}\n`;
  const index = join(tmpdir(), `yardstick-index-${randomBytes(6).toString('hex')}`);
  try {
    if (r.mode === 'branch') {
      const branch = `policy/${p.name.replace(/\.ya?ml$/, '')}-${version}`;
      if (branchExists(p.repo!, branch))
        throw new FileError(409, diagnostic('cli_server_publish.branch_exists', { rev: branch }));
      const reportPath = p.inRepo!.replace(/\.ya?ml$/, '.review.md');
      const report = (
        await compare(
          p,
          previous ?? { text: candidate, label: 'new' },
          { text: candidate, label: `${branch}:${p.inRepo}` },
          dataFor(p.root, r.data, p.path),
          lang,
        )
      ).markdown;
      // again after the wait: another publish may have made the branch meanwhile (from here on nothing waits)
      if (branchExists(p.repo!, branch))
        throw new FileError(409, diagnostic('cli_server_publish.branch_exists', { rev: branch }));
      let commit: string;
      try {
        commit = commitFiles(p.repo!, { [p.inRepo!]: candidate, [reportPath]: report }, message, {
          author,
          indexFile: index,
          branch,
        });
      } catch (error) {
        throw gitFailed(error);
      }
      return { status: 201 as const, body: { mode: 'branch', version, branch, commit, report: reportPath } };
    }
    // commit mode writes the file: only over the version the edit started from, and only this policy is committed
    const disk = readText(p.path);
    if (r.etag !== etagOf(disk)) throw new FileError(409, diagnostic('cli_server_publish.stale', {}));
    if (p.repo) {
      if (detachedHead(p.repo)) throw new FileError(409, diagnostic('cli_server_publish.detached', {}));
      const others = uncommittedFiles(p.repo).filter((f) => f !== p.inRepo);
      if (others.length)
        throw new FileError(
          409,
          diagnostic('cli_server_publish.dirty', {
            files: others
              .slice(0, 5)
              .map((f) => `\`${f}\``)
              .join(', '),
          }),
        );
      writeFileAtomic(p.path, candidate);
      let commit: string;
      try {
        commit = commitFiles(p.repo, { [p.inRepo!]: candidate }, message, { author, indexFile: index });
      } catch (error) {
        // no commit, no change: the file goes back to the version the edit started from (its ETag still holds)
        writeFileAtomic(p.path, disk);
        throw gitFailed(error);
      }
      return {
        status: 201 as const,
        body: { mode: 'commit', version, commit, text: candidate, etag: etagOf(candidate) },
      };
    }
    writeFileAtomic(p.path, candidate);
    const second = new Date()
      .toISOString()
      .replace(/[:.]/g, '')
      .replace(/\d{3}Z$/, 'Z');
    const dir = copiesDir(p.root, p.name);
    mkdirSync(dir, { recursive: true });
    // a second publish within the same second gets `…Z-2` (later in the newest-first order), never the first's name
    let id = second;
    for (let n = 2; existsSync(join(dir, `${id}.json`)); n++) id = `${second}-${n}`;
    writeFileAtomic(join(dir, `${id}.yaml`), candidate);
    const entry: VersionEntry = {
      id,
      version,
      effective_from: r.effective_from,
      date: new Date().toISOString(),
      author: author.name,
      message: subject(policyId, version, r.effective_from, r.note),
    };
    writeFileAtomic(join(dir, `${id}.json`), `${JSON.stringify({ ...entry, note: r.note.trim() }, null, 2)}\n`);
    return { status: 201 as const, body: { mode: 'copy', version, id, text: candidate, etag: etagOf(candidate) } };
  } finally {
    rmSync(index, { force: true });
  }
}

/** Registers the versions routes on the editor's app (behind its token and Host/Origin checks). */
export function versionRoutes(app: Hono, root: string): void {
  const json = async (c: { req: { json: () => Promise<unknown> } }) =>
    c.req.json().catch(() => {
      throw new FileError(400, diagnostic('cli_server_file.body', {}));
    });

  app.get('/api/versions/:name', (c) => {
    const p = place(root, c.req.param('name'));
    readText(p.path);
    return c.json({ ...history(p), author: authorOf(p) ?? null });
  });

  app.get('/api/versions/:name/text', (c) => {
    const p = place(root, c.req.param('name'));
    return c.json({ text: versionText(p, c.req.query('id') ?? '') });
  });

  // { before, after }: a version id, or "unsaved" for `text`; `data`: a dataset path for the money impact
  app.post('/api/versions/:name/compare', async (c) => {
    const p = place(root, c.req.param('name'));
    const b = (await json(c)) as { before?: unknown; after?: unknown; text?: unknown; data?: unknown; lang?: unknown };
    const side = (id: unknown) => {
      if (id === 'unsaved' && typeof b.text === 'string') return { text: b.text, label: 'unsaved' };
      if (typeof id !== 'string')
        throw new FileError(400, diagnostic('cli_server_versions', { id: String(id), name: p.name }));
      const text = versionText(p, id);
      return { text, label: `${stamp(text).version} (${id.slice(0, 7)})` };
    };
    const lang: Lang = b.lang === 'en' ? 'en' : 'zh';
    return c.json(await compare(p, side(b.before), side(b.after), dataFor(root, b.data, p.path), lang));
  });

  app.put('/api/versions-author', async (c) => {
    const b = (await json(c)) as Partial<Author> | null;
    const ok = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '' && !/[\n<>]/.test(s);
    if (!ok(b?.name) || !ok(b?.email) || !/^[^\s@]+@[^\s@]+$/.test(b.email.trim()))
      throw new FileError(400, diagnostic('cli_server_versions.author', {}));
    setAuthor(root, { name: b.name.trim(), email: b.email.trim() });
    return c.json({ name: b.name.trim(), email: b.email.trim() });
  });

  app.post('/api/versions/:name/publish', async (c) => {
    const p = place(root, c.req.param('name'));
    const r = readPublish(await json(c));
    const out = await publish(p, r);
    return c.json(out.body, out.status);
  });
}
