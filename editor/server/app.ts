// The editor's local API and static files. Every /api call needs the per-start token; Host and
// Origin must be this server's own address (DNS rebinding); request bodies are size-limited.

import { Hono, type Context, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { diagnostic, isRollupDocument, LIMITS, readYaml, type Diagnostic } from '../../engine/index.js';
import { writeFileAtomic } from '../../node/files.js';
import {
  FileError,
  dataPath,
  etagOf,
  fileSystemRefusal,
  gitHeadText,
  inside,
  listDatasets,
  listPolicies,
  onFile,
  policyPath,
  readText,
  refusal,
  serialisable,
  TABLE_FILE,
} from './files.js';
import { EXIT, ExitError } from '../../node/cli/errors.js';
import { simulatorRoutes } from './simulator.js';
import { versionRoutes } from './versions.js';
import { registerDataRoutes } from './data.js';
import { rollupHistoryRoutes } from './rollup-history.js';

export interface EditorOptions {
  /** Folder holding policies/, examples/ and data/. */
  root: string;
  token: string;
  /** The built app (index.html and assets). */
  staticDir: string;
  templatesDir: string;
  /** Filled in once the server listens: the allowed Host values. */
  hosts: Set<string>;
}

const DATA_FOLDERS = ['examples', 'data'];
const MAX_BODY = 2 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Whether a request's token is the server's, compared in constant time: how long a wrong guess takes
 * to refuse says nothing of how many of its first characters were right.
 */
function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createEditorApp(o: EditorOptions): Hono {
  const app = new Hono();
  const policies = join(o.root, 'policies');

  app.use('*', async (c: Context, next: Next) => {
    const host = c.req.header('host') ?? '';
    if (!o.hosts.has(host)) return c.json(refusal([diagnostic('cli_server_host', { host })]), 403);
    const origin = c.req.header('origin');
    if (origin && ![...o.hosts].some((h) => origin === `http://${h}`))
      return c.json(refusal([diagnostic('cli_server_origin', {})]), 403);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    await next();
  });

  app.use('/api/*', async (c: Context, next: Next) => {
    if (!sameToken(c.req.header('x-yardstick-token'), o.token))
      return c.json(refusal([diagnostic('cli_server_token', {})]), 401);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json(refusal([diagnostic('cli_server_too_large', {})]), 413) }),
  );

  app.onError((error, c) => {
    if (error instanceof FileError) return c.json(refusal(error.diagnostics), error.status);
    // a refusal of the CLI's own reading (a file changed while it was read, …) is the user's input,
    // said as the CLI says it, never "internal error"
    if (error instanceof ExitError && error.code === EXIT.input) return c.json(refusal(error.diagnostics), 422);
    // the project's files as the file system left them (the policies folder moved away, no
    // permission, a full disk): said with the path and what to do, never "internal error"
    const fs = fileSystemRefusal(o.root, error);
    if (fs) return c.json(refusal(fs.diagnostics), fs.status);
    console.error(error);
    return c.json(refusal([diagnostic('cli_server_internal', {})]), 500);
  });

  // one unreadable file (a link out, an alias bomb) is marked, never hides the others
  app.get('/api/policies', (c) => c.json(listPolicies(policies).map((name) => policySummary(o.root, policies, name))));

  app.get('/api/policies/:name', async (c) => {
    const path = policyPath(policies, c.req.param('name'));
    const text = readText(path);
    const head = await gitHeadText(o.root, path);
    c.header('ETag', etagOf(text));
    return c.json({
      name: c.req.param('name'),
      text,
      etag: etagOf(text),
      base: head !== undefined ? { source: 'git', text: head } : { source: 'disk', text },
    });
  });

  app.put('/api/policies/:name', async (c) => {
    const path = policyPath(policies, c.req.param('name'));
    const name = c.req.param('name');
    const body = (await c.req.json().catch(() => {
      throw new FileError(400, diagnostic('cli_server_file.body', {}));
    })) as { text?: unknown } | null;
    if (typeof body?.text !== 'string') throw new FileError(400, diagnostic('cli_server_file.body', {}));
    const unreadable = yamlProblem(body.text, name);
    if (unreadable) throw new FileError(422, diagnostic('cli_server_file.unreadable', { name }), unreadable);
    const ifMatch = c.req.header('if-match');
    const ifNoneMatch = c.req.header('if-none-match');
    const exists = existsSync(path);
    if (ifNoneMatch === '*') {
      if (exists) throw new FileError(409, diagnostic('cli_server_file.exists', { name }));
    } else {
      if (!exists) throw new FileError(404, diagnostic('cli_server_file.not_created', { name }));
      // the file as it is now (one that is not UTF-8 is refused, never written over)
      const current = readText(path);
      if (!ifMatch) throw new FileError(400, diagnostic('cli_server_file.if_match', {}));
      if (ifMatch !== etagOf(current))
        return c.json({ ...refusal([diagnostic('cli_server_conflict', {})]), current, etag: etagOf(current) }, 409);
    }
    const text = body.text;
    onFile(path, () => writeFileAtomic(path, text));
    return c.json({ name: c.req.param('name'), etag: etagOf(body.text) }, exists ? 200 : 201);
  });

  registerDataRoutes(app, o.root);
  rollupHistoryRoutes(app, o.root);

  app.get('/api/datasets', (c) => c.json(listDatasets(o.root, DATA_FOLDERS)));

  app.get('/api/dataset', (c) => {
    const rel = c.req.query('path') ?? '';
    const folder = DATA_FOLDERS.find((f) => rel.startsWith(`${f}/`));
    if (!folder || !TABLE_FILE.test(rel)) throw new FileError(400, diagnostic('cli_server_file.dataset', {}));
    const path = dataPath(o.root, folder, rel.slice(folder.length + 1));
    // raw bytes: the page decodes them (UTF-8, GBK, Excel) exactly as the CLI does
    c.header('Content-Type', 'application/octet-stream');
    return c.body(readFileSync(path));
  });

  // each template with its title and, when the root has it, the bundled sample month it scores
  app.get('/api/templates', (c) => c.json(listPolicies(o.templatesDir).map((name) => templateSummary(o, name))));
  app.get('/api/templates/:name', (c) => c.text(readText(policyPath(o.templatesDir, c.req.param('name')))));
  versionRoutes(app, o.root);

  simulatorRoutes(app, policies);

  app.get('*', (c) => {
    const url = new URL(c.req.url);
    let rel: string;
    try {
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      return c.text('bad request: the address has a malformed % escape', 400);
    }
    let path: string;
    try {
      path = inside(o.staticDir, rel);
    } catch {
      return c.text('not found', 404);
    }
    if (!existsSync(path)) return c.text('not found', 404);
    c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    if (rel.startsWith('assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(readFileSync(path));
  });

  return app;
}

/**
 * Why the text cannot be a policy file, with the CLI's limits (size, line length, aliases, depth:
 * docs/limits.md), so the editor never saves a file that `yardstick validate` would refuse to read.
 */
function yamlProblem(text: string, name: string): Diagnostic | undefined {
  if (Buffer.byteLength(text) > LIMITS.yamlBytes)
    return diagnostic('io_too_large', { file: name, size: `${LIMITS.yamlBytes / 1024 / 1024} MiB` }, { file: name });
  const read = readYaml(text, 'policy');
  if (read.ok) return undefined;
  return { ...serialisable(read.diagnostics[0]!), file: name };
}

/** A template for "new policy": its title, and the sample data made for it when that file is under the root. */
function templateSummary(o: EditorOptions, name: string): { name: string; title: string; sample?: string } {
  const js = parseDocument(readText(policyPath(o.templatesDir, name))).toJS() as { title?: unknown } | null;
  const samples = join(o.templatesDir, 'samples.json');
  const sample = existsSync(samples)
    ? (JSON.parse(readFileSync(samples, 'utf8')) as Record<string, string | undefined>)[name]
    : undefined;
  const present = sample !== undefined && listDatasets(o.root, DATA_FOLDERS).some((d) => d.path === sample);
  return { name, title: typeof js?.title === 'string' ? js.title : name, ...(present ? { sample } : {}) };
}

/**
 * A policy's entry in the picker: its title and version, or the problem that keeps it from being
 * read; for a roll-up policy (a top-level `rollup:`), the period it rolls up (`year`, `half_year`, `quarter`).
 */
function policySummary(
  root: string,
  dir: string,
  name: string,
): { name: string; title: string; version: string; rollup?: string; problem?: Diagnostic } {
  try {
    const source = readText(policyPath(dir, name));
    const problem = yamlProblem(source, name);
    if (problem) return { name, title: name, version: '', problem: serialisable(problem) };
    const js = parseDocument(source).toJS() as { title?: unknown; version?: unknown } | null;
    const shown = (v: unknown, fallback: string) =>
      typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
    const period = isRollupDocument(js) ? (js as { rollup?: { period?: unknown } }).rollup?.period : undefined;
    return {
      name,
      title: shown(js?.title, name),
      version: shown(js?.version, ''),
      ...(isRollupDocument(js) ? { rollup: typeof period === 'string' ? period : '' } : {}),
    };
  } catch (error) {
    // one file the file system refuses (no permission to read it, a folder by that name) is marked too
    const refused = error instanceof FileError ? error : fileSystemRefusal(root, error);
    if (refused) return { name, title: name, version: '', problem: serialisable(refused.diagnostics[0]) };
    throw error;
  }
}
