// The simulator's save: one confirmed case appended to the policy's `NAME.test.yaml` beside it.
// The file's text is kept as it is (comments, cases, layout): the case is inserted after the last
// item of `cases:`, and a file that does not exist yet is created. The write is atomic
// (node/files.ts); a change to the file since the page read it is refused with its new ETag, like
// the policy PUT; a case name the file already has is refused.

import type { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { diagnostic, LIMITS, readYaml } from '../../engine/index.js';
import { writeFileAtomic } from '../../node/files.js';
import { FileError, etagOf, inside, onFile, policyPath, readText, refusal, serialisable } from './files.js';

/** A case as the simulator saves it: a written-out record and only the expected values the user confirmed. */
export interface SavedCase {
  name: string;
  record: {
    employee_id: string;
    name: string;
    role: string;
    team: string;
    stage: string;
    period: string;
    pay_base?: number;
    metrics: Record<string, number>;
  };
  history?: string[];
  expect: {
    score?: number;
    grade?: string;
    tier?: string | null;
    payout?: number;
    status?: 'payable' | 'held';
    holds?: string[];
    triggers?: string[];
  };
}

/** The test file of a policy file name: `short-video-team.yaml` → `short-video-team.test.yaml`. */
export const testFileName = (policy: string) => policy.replace(/\.yaml$/, '.test.yaml');

/** Words YAML reads as the same plain string: a letter first, then letters, digits, spaces and `.+%-`, no space last. */
const PLAIN = /^[A-Za-z_\u4e00-\u9fff](?:[\w\u4e00-\u9fff.+%\- ]*[\w\u4e00-\u9fff.+%-])?$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A YAML scalar: numbers as they are, plain words bare, anything else double-quoted (JSON escapes are valid YAML). */
function scalar(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return PLAIN.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v);
}

function flow(entries: [string, string | number | null | string[]][]): string {
  const parts = entries.map(
    ([k, v]) => `${scalar(k)}: ${Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v)}`,
  );
  return `{ ${parts.join(', ')} }`;
}

const EXPECT_ORDER = ['score', 'grade', 'tier', 'payout', 'status', 'holds', 'triggers'] as const;

/** The case as an item of `cases:`, its dash at column `indent`. */
export function caseYaml(c: SavedCase, indent: number): string {
  const pad = ' '.repeat(indent);
  const r = c.record;
  const lines = [
    `${pad}- name: ${scalar(c.name)}`,
    `${pad}  record:`,
    `${pad}    employee_id: ${scalar(r.employee_id)}`,
    `${pad}    name: ${scalar(r.name)}`,
    `${pad}    role: ${scalar(r.role)}`,
    `${pad}    team: ${scalar(r.team)}`,
    `${pad}    stage: ${scalar(r.stage)}`,
    `${pad}    period: ${scalar(r.period)}`,
    ...(r.pay_base !== undefined ? [`${pad}    pay_base: ${scalar(r.pay_base)}`] : []),
    `${pad}    metrics: ${flow(Object.entries(r.metrics))}`,
    ...(c.history?.length ? [`${pad}  history: [${c.history.map(scalar).join(', ')}]`] : []),
    `${pad}  # saved from the editor's simulator; each expected value was confirmed there`,
    `${pad}  expect: ${flow(EXPECT_ORDER.filter((k) => c.expect[k] !== undefined).map((k) => [k, c.expect[k]!]))}`,
  ];
  return lines.join('\n');
}

export type Appended = { ok: true; text: string } | { ok: false; why: 'unreadable' | 'shape' | 'duplicate' };

/**
 * The test file's text with the case added after its last case; `text` undefined: the file is new.
 * Nothing else in the text changes.
 */
export function appendCase(text: string | undefined, c: SavedCase, policy: string): Appended {
  if (text === undefined || text.trim() === '')
    return {
      ok: true,
      text: `# Policy tests for ${policy}: \`yardstick test policies/${policy}\`.\ncases:\n${caseYaml(c, 2)}\n`,
    };
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, why: 'unreadable' };
  const cases = doc.get('cases', true);
  if (!isSeq(cases) || !cases.range) return { ok: false, why: 'shape' };
  const names = cases.items.map((item) => (isMap(item) ? item.get('name') : undefined));
  if (names.some((n) => typeof n === 'string' && n.trim() === c.name.trim())) return { ok: false, why: 'duplicate' };
  const [start, end] = cases.range;
  if (cases.flow) {
    // `cases: []`: the list becomes a block list holding the case; a flow list with cases is left alone
    if (cases.items.length) return { ok: false, why: 'shape' };
    const before = text.slice(0, start).replace(/[ \t]+$/, '');
    const after = text.slice(end).replace(/^[ \t]*\n?/, '');
    return { ok: true, text: `${before}\n${caseYaml(c, 2)}\n${after}` };
  }
  const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
  const glue = text[end - 1] === '\n' ? '' : '\n';
  return { ok: true, text: `${text.slice(0, end)}${glue}\n${caseYaml(c, indent)}\n${text.slice(end)}` };
}

const isText = (v: unknown, empty = false): v is string =>
  typeof v === 'string' && (empty || v.trim() !== '') && !/[\r\n]/.test(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => isText(x));

/** The request body's case, checked field by field; undefined when anything is not as SavedCase says. */
export function readSavedCase(body: unknown): SavedCase | undefined {
  const c = (body as { case?: unknown } | null)?.case as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object') return undefined;
  const r = c.record as Record<string, unknown> | undefined;
  const e = c.expect as Record<string, unknown> | undefined;
  if (!isText(c.name) || !r || typeof r !== 'object' || !e || typeof e !== 'object' || Array.isArray(e))
    return undefined;
  for (const k of ['employee_id', 'name', 'role', 'team', 'stage', 'period'])
    if (!isText(r[k], k === 'team')) return undefined;
  if (r.pay_base !== undefined && !isNumber(r.pay_base)) return undefined;
  const metrics = r.metrics as Record<string, unknown> | undefined;
  if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) return undefined;
  if (!Object.entries(metrics).every(([k, v]) => isText(k) && isNumber(v))) return undefined;
  if (c.history !== undefined && !isTexts(c.history)) return undefined;
  const keys = Object.keys(e);
  if (!keys.length || keys.some((k) => !(EXPECT_ORDER as readonly string[]).includes(k))) return undefined;
  if (e.score !== undefined && !isNumber(e.score)) return undefined;
  if (e.payout !== undefined && !isNumber(e.payout)) return undefined;
  if (e.grade !== undefined && !isText(e.grade)) return undefined;
  if (e.tier !== undefined && e.tier !== null && !isText(e.tier)) return undefined;
  if (e.status !== undefined && e.status !== 'payable' && e.status !== 'held') return undefined;
  if (e.holds !== undefined && !isTexts(e.holds)) return undefined;
  if (e.triggers !== undefined && !isTexts(e.triggers)) return undefined;
  return {
    name: c.name,
    record: {
      employee_id: r.employee_id as string,
      name: r.name as string,
      role: r.role as string,
      team: r.team as string,
      stage: r.stage as string,
      period: r.period as string,
      ...(r.pay_base !== undefined ? { pay_base: r.pay_base as number } : {}),
      metrics: metrics as Record<string, number>,
    },
    ...(c.history !== undefined && (c.history as string[]).length ? { history: c.history as string[] } : {}),
    expect: Object.fromEntries(EXPECT_ORDER.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])),
  };
}

/** GET and POST /api/simulator/:name/tests on the app (behind its token, Host and Origin checks). */
export function simulatorRoutes(app: Hono, policies: string): void {
  const testPath = (name: string) => {
    // the policy must exist; its test file is reached by the same rules (plain name, inside the folder)
    const policy = policyPath(policies, name);
    if (!existsSync(policy)) throw new FileError(404, diagnostic('cli_server_file.missing', { name }));
    return inside(policies, testFileName(name));
  };

  app.get('/api/simulator/:name/tests', (c) => {
    const path = testPath(c.req.param('name'));
    if (!existsSync(path)) return c.json({ file: testFileName(c.req.param('name')), exists: false, etag: null });
    const text = readText(path, 'policy_tests');
    return c.json({ file: testFileName(c.req.param('name')), exists: true, etag: etagOf(text) });
  });

  app.post('/api/simulator/:name/tests', async (c) => {
    const name = c.req.param('name');
    const file = testFileName(name);
    const path = testPath(name);
    const saved = readSavedCase(await c.req.json().catch(() => undefined));
    if (!saved) throw new FileError(400, diagnostic('cli_server_case.body', {}));
    const exists = existsSync(path);
    // a tests file saved as GBK is refused, never appended to (decoded anyway, its Chinese became `�`)
    const current = exists ? readText(path, 'policy_tests') : undefined;
    // the page read the file as it is now (If-Match), or read that there was none (If-None-Match: *)
    const ifMatch = c.req.header('if-match');
    const fresh = current === undefined ? c.req.header('if-none-match') === '*' : ifMatch === etagOf(current);
    if (!fresh)
      return c.json(
        { ...refusal([diagnostic('cli_server_conflict', {})]), etag: current === undefined ? null : etagOf(current) },
        409,
      );
    const appended = appendCase(current, saved, name);
    if (!appended.ok) {
      if (appended.why === 'duplicate')
        throw new FileError(409, diagnostic('cli_server_case.duplicate', { name: saved.name, file }));
      throw new FileError(
        422,
        appended.why === 'shape'
          ? diagnostic('cli_server_case.shape', { file })
          : diagnostic('cli_server_case.unreadable', { file }),
      );
    }
    // what `yardstick test` would refuse to read (a line too long, a file too large) is not written
    const read =
      Buffer.byteLength(appended.text) > LIMITS.yamlBytes
        ? {
            ok: false as const,
            diagnostics: [diagnostic('io_too_large.policy_tests', { file, size: '1 MiB' }, { file })],
          }
        : readYaml(appended.text, file);
    if (!read.ok)
      throw new FileError(422, diagnostic('cli_server_case.limits', { file }), ...read.diagnostics.map(serialisable));
    onFile(path, () => writeFileAtomic(path, appended.text));
    return c.json({ file, etag: etagOf(appended.text) }, exists ? 200 : 201);
  });
}
