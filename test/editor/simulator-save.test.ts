// The simulator's save: a confirmed case appended to the policy's *.test.yaml as exact text,
// comments and earlier cases untouched; the route behind the token refuses a duplicate name, a
// concurrent change and a case with nothing confirmed; and `yardstick test` passes on what it wrote.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';
import { etagOf } from '../../editor/server/files.js';
import { appendCase, caseYaml, readSavedCase, type SavedCase } from '../../editor/server/simulator.js';
import { localise, type Diagnostic } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

/**
 * 编导 in a startup team: 28 videos → step ≥ 24 → 80 × 40% = 32; completion 43.7% between target
 * 40% and challenge 50% → 100 + 20 × 0.037 / 0.1 = 107.4 × 40% = 42.96; adoption 45% between
 * threshold 20% and target 50% → 60 + 40 × 0.25 / 0.3 = 93.33 × 20% = 18.67 → 93.63 → A; silver
 * (attainment 93.63% ≥ 90%): 4000 × 93.63% = 3745.20, × 1.2 uplift +749.04, award 1000 → 5494.24.
 */
const CASE: SavedCase = {
  name: '编导 完播率 43.7%',
  record: {
    employee_id: 'SV0001',
    name: '林小雨',
    role: 'director',
    team: '短视频一组',
    stage: 'startup',
    period: '2026-10',
    metrics: {
      videos_published: 28,
      plays: 12000,
      likes: 300,
      completion_rate: 0.437,
      max_video_plays: 5000,
      creative_adoption_rate: 0.45,
    },
  },
  expect: { score: 93.63, grade: 'A', tier: 'silver', payout: 5494.24 },
};

const ITEM = [
  '  - name: 编导 完播率 43.7%',
  '    record:',
  '      employee_id: SV0001',
  '      name: 林小雨',
  '      role: director',
  '      team: 短视频一组',
  '      stage: startup',
  '      period: "2026-10"',
  '      metrics: { videos_published: 28, plays: 12000, likes: 300, completion_rate: 0.437, max_video_plays: 5000, creative_adoption_rate: 0.45 }',
  "    # saved from the editor's simulator; each expected value was confirmed there",
  '    expect: { score: 93.63, grade: A, tier: silver, payout: 5494.24 }',
].join('\n');

describe('the case as YAML', () => {
  it('writes the record out, quotes what YAML would read otherwise, and lists only the confirmed values', () => {
    expect(caseYaml(CASE, 2)).toBe(ITEM);
    const odd: SavedCase = {
      ...CASE,
      name: 'yes: a name with a colon',
      record: { ...CASE.record, employee_id: '007', pay_base: 5500, team: '' },
      history: ['A+', 'B'],
      expect: { tier: null, status: 'held', holds: ['suspected_fake_traffic'], triggers: [] },
    };
    expect(caseYaml(odd, 0).split('\n')).toEqual([
      '- name: "yes: a name with a colon"',
      '  record:',
      '    employee_id: "007"',
      '    name: 林小雨',
      '    role: director',
      '    team: ""',
      '    stage: startup',
      '    period: "2026-10"',
      '    pay_base: 5500',
      '    metrics: { videos_published: 28, plays: 12000, likes: 300, completion_rate: 0.437, max_video_plays: 5000, creative_adoption_rate: 0.45 }',
      '  history: [A+, B]',
      "  # saved from the editor's simulator; each expected value was confirmed there",
      '  expect: { tier: null, status: held, holds: [suspected_fake_traffic], triggers: [] }',
    ]);
  });
});

describe('appending to a test file', () => {
  it('creates the file when there is none', () => {
    expect(appendCase(undefined, CASE, 'short-video-team.yaml')).toEqual({
      ok: true,
      text: `# Policy tests for short-video-team.yaml: \`yardstick test policies/short-video-team.yaml\`.\ncases:\n${ITEM}\n`,
    });
  });

  it('adds the case after the last one, keeping every comment and the text before and after', () => {
    const before = [
      '# hand-computed cases',
      'cases:',
      '  - name: first',
      '    # 100 × 40% = 40',
      '    expect: { score: 40 }',
      '',
      '  # a note after the cases',
      '',
    ].join('\n');
    const r = appendCase(before, CASE, 'p.yaml');
    expect(r).toEqual({
      ok: true,
      text: [
        '# hand-computed cases',
        'cases:',
        '  - name: first',
        '    # 100 × 40% = 40',
        '    expect: { score: 40 }',
        '',
        ITEM,
        '',
        '  # a note after the cases',
        '',
      ].join('\n'),
    });
  });

  it('follows the file’s indentation and keeps a key written after the cases', () => {
    const before = 'cases:\n- name: first\n  expect: { score: 40 }\nreview_data: ../examples/sample-2026-10.csv\n';
    const r = appendCase(before, CASE, 'p.yaml');
    const unindented = ITEM.split('\n')
      .map((l) => l.slice(2))
      .join('\n');
    expect(r).toEqual({
      ok: true,
      text: `cases:\n- name: first\n  expect: { score: 40 }\n\n${unindented}\nreview_data: ../examples/sample-2026-10.csv\n`,
    });
  });

  it('adds a line break when the file does not end with one', () => {
    const r = appendCase('cases:\n  - name: first\n    expect: { score: 40 }', CASE, 'p.yaml');
    expect(r).toEqual({ ok: true, text: `cases:\n  - name: first\n    expect: { score: 40 }\n\n${ITEM}\n` });
  });

  it('turns an empty `cases: []` into a list holding the case', () => {
    expect(appendCase('# none yet\ncases: []\n', CASE, 'p.yaml')).toEqual({
      ok: true,
      text: `# none yet\ncases:\n${ITEM}\n`,
    });
  });

  it('refuses a name the file already has, a flow list with cases, no `cases:` and broken YAML', () => {
    const has = `cases:\n  - name: " ${CASE.name} "\n    expect: { score: 1 }\n`;
    expect(appendCase(has, CASE, 'p.yaml')).toEqual({ ok: false, why: 'duplicate' });
    expect(appendCase('cases: [{ name: a, expect: { score: 1 } }]\n', CASE, 'p.yaml')).toEqual({
      ok: false,
      why: 'shape',
    });
    expect(appendCase('review_data: a.csv\n', CASE, 'p.yaml')).toEqual({ ok: false, why: 'shape' });
    expect(appendCase('cases:\n  - name: [a\n', CASE, 'p.yaml')).toEqual({ ok: false, why: 'unreadable' });
  });
});

describe('reading the request', () => {
  it('keeps a well-formed case and drops an empty history', () => {
    expect(readSavedCase({ case: { ...CASE, history: [] } })).toEqual(CASE);
  });

  it('refuses a case with nothing confirmed, an unknown expectation, text for a number or a line break in a name', () => {
    expect(readSavedCase({ case: { ...CASE, expect: {} } })).toBeUndefined();
    expect(readSavedCase({ case: { ...CASE, expect: { bonus: 1 } } })).toBeUndefined();
    expect(readSavedCase({ case: { ...CASE, expect: { score: '93.63' } } })).toBeUndefined();
    expect(
      readSavedCase({ case: { ...CASE, record: { ...CASE.record, metrics: { plays: '1.2万' } } } }),
    ).toBeUndefined();
    expect(readSavedCase({ case: { ...CASE, name: 'a\nb' } })).toBeUndefined();
    expect(readSavedCase(null)).toBeUndefined();
  });
});

describe('POST /api/simulator/:name/tests', () => {
  const TOKEN = 't0ken';
  const HOST = '127.0.0.1:5178';
  let root: string;
  let app: ReturnType<typeof createEditorApp>;
  const testFile = () => join(root, 'policies', 'short-video-team.test.yaml');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'yardstick-sim-'));
    mkdirSync(join(root, 'policies'));
    cpSync('policies/short-video-team.yaml', join(root, 'policies', 'short-video-team.yaml'));
    mkdirSync(join(root, 'static'));
    app = createEditorApp({
      root,
      token: TOKEN,
      staticDir: join(root, 'static'),
      templatesDir: 'editor/templates',
      hosts: new Set([HOST]),
    });
  });

  const post = (body: unknown, headers: Record<string, string>, token = TOKEN) =>
    app.request(`http://${HOST}/api/simulator/short-video-team.yaml/tests`, {
      method: 'POST',
      headers: { host: HOST, 'x-yardstick-token': token, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const refused = async (res: Response) => {
    const body = (await res.json()) as { diagnostics: Diagnostic[]; etag?: string | null };
    return { codes: body.diagnostics.map((d) => d.code), zh: body.diagnostics.map((d) => localise(d, 'zh').message) };
  };

  it('needs the token', async () => {
    expect((await post({ case: CASE }, { 'if-none-match': '*' }, 'guess')).status).toBe(401);
    expect(existsSync(testFile())).toBe(false);
  });

  it('creates the test file, then `yardstick test` passes on the case', async () => {
    const read = await app.request(`http://${HOST}/api/simulator/short-video-team.yaml/tests`, {
      headers: { host: HOST, 'x-yardstick-token': TOKEN },
    });
    expect(await read.json()).toEqual({ file: 'short-video-team.test.yaml', exists: false, etag: null });
    const res = await post({ case: CASE }, { 'if-none-match': '*' });
    expect(res.status).toBe(201);
    const text = readFileSync(testFile(), 'utf8');
    expect(await res.json()).toEqual({ file: 'short-video-team.test.yaml', etag: etagOf(text) });
    expect(text).toBe(
      `# Policy tests for short-video-team.yaml: \`yardstick test policies/short-video-team.yaml\`.\ncases:\n${ITEM}\n`,
    );
    const run = await yardstick('test', join(root, 'policies', 'short-video-team.yaml'));
    expect(run.stdout).toContain('short-video-team.yaml: 1 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('refuses a file changed since the page read it, and a file created meanwhile', async () => {
    writeFileSync(testFile(), 'cases:\n  - name: first\n    expect: { score: 40 }\n');
    const stale = await post({ case: CASE }, { 'if-match': etagOf('cases: []\n') });
    expect(stale.status).toBe(409);
    expect(await refused(stale)).toEqual({ codes: ['cli_server_conflict'], zh: ['打开之后，文件在磁盘上被修改过'] });
    expect((await post({ case: CASE }, { 'if-none-match': '*' })).status).toBe(409);
    expect(readFileSync(testFile(), 'utf8')).toBe('cases:\n  - name: first\n    expect: { score: 40 }\n');
  });

  it('refuses to add a case to a tests file saved as GBK, which keeps its bytes', async () => {
    // 「首例」 in GBK: CA D7 C0 FD, not UTF-8 (read as UTF-8 it became `�`, and the case was appended to that)
    const gbk = Buffer.concat([
      Buffer.from('cases:\n  - name: '),
      Buffer.from([0xca, 0xd7, 0xc0, 0xfd]),
      Buffer.from('\n    expect: { score: 40 }\n'),
    ]);
    writeFileSync(testFile(), gbk);
    const res = await post(
      { case: CASE },
      { 'if-match': etagOf('cases:\n  - name: \uFFFD\uFFFD\n    expect: { score: 40 }\n') },
    );
    expect(res.status).toBe(422);
    expect(await refused(res)).toEqual({
      codes: ['io_not_text'],
      zh: ['政策测试 `short-video-team.test.yaml` 不是有效的 UTF-8 文本'],
    });
    expect(readFileSync(testFile())).toEqual(gbk);
  });

  it('refuses a case that would make a line longer than `yardstick test` reads, and saves one at the limit', async () => {
    // `  - name: ` is 10 characters: a 3,991-character name makes line 3 (after the heading comment
    // and `cases:`) 4,001 long, one more than the 4,000 of docs/limits.md; 3,990 fits exactly
    const long = await post({ case: { ...CASE, name: 'x'.repeat(3991) } }, { 'if-none-match': '*' });
    expect(long.status).toBe(422);
    const body = (await long.json()) as { diagnostics: Diagnostic[] };
    expect(body.diagnostics.map((d) => localise(d, 'en').message)).toEqual([
      'with this case `short-video-team.test.yaml` would break a limit of `yardstick test` (docs/limits.md); shorten the case name or its text',
      'line 3 has 4001 characters, more than the 4000 a line may have',
    ]);
    expect(existsSync(testFile())).toBe(false);
    const fits = await post({ case: { ...CASE, name: 'x'.repeat(3990) } }, { 'if-none-match': '*' });
    expect(fits.status).toBe(201);
    const run = await yardstick('test', join(root, 'policies', 'short-video-team.yaml'));
    expect(run.stdout).toContain('short-video-team.yaml: 1 passed, 0 failed');
  });

  it('refuses a case name the file already has, and a case with nothing confirmed', async () => {
    const text = `cases:\n${ITEM}\n`;
    writeFileSync(testFile(), text);
    const twice = await post({ case: CASE }, { 'if-match': etagOf(text) });
    expect(twice.status).toBe(409);
    expect(await refused(twice)).toEqual({
      codes: ['cli_server_case'],
      zh: ['`short-video-team.test.yaml` 中已有名为 `编导 完播率 43.7%` 的用例；请换一个名称'],
    });
    const nothing = await post({ case: { ...CASE, name: 'other', expect: {} } }, { 'if-match': etagOf(text) });
    expect(nothing.status).toBe(400);
    expect((await refused(nothing)).codes).toEqual(['cli_server_case']);
    expect(readFileSync(testFile(), 'utf8')).toBe(text);
  });
});
