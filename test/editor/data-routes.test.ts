// The editor server's data routes (editor/server/data.ts): a data mapping with an event file read as
// `yardstick run` reads it, its `data inspect` as data, and the CLI's outputs — XLSX that is
// formula-safe, statements — built on this machine, behind the token.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';
import type { MappingInspect } from '../../editor/app/lib/data-inspect.js';
import { diagnostic, readTable, type Diagnostic, type EmployeeRecord, type RecordsResult } from '../../engine/index.js';
import { EXIT, ExitError } from '../../node/cli/errors.js';
import { ONE_RATING_POLICY } from '../builders.js';

const TOKEN = 't0ken';
const HOST = '127.0.0.1:5178';
const FIXTURES = 'test/events/fixtures';
const MAPPING = 'examples/m/month.data.yaml';
let root: string;
let policy: string;
let app: ReturnType<typeof createEditorApp>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yardstick-data-routes-'));
  mkdirSync(join(root, 'policies'));
  mkdirSync(join(root, 'examples', 'm'), { recursive: true });
  policy = readFileSync(`${FIXTURES}/policy.yaml`, 'utf8');
  writeFileSync(join(root, 'policies', 'events-demo.yaml'), policy);
  for (const f of ['roster.csv', 'reviews.csv', 'videos.csv'])
    cpSync(`${FIXTURES}/${f}`, join(root, 'examples', 'm', f));
  cpSync(`${FIXTURES}/month.yaml`, join(root, 'examples', 'm', 'month.data.yaml'));
  writeFileSync(join(root, 'secret.csv'), '工号,姓名\nX,salaries\n');
  app = createEditorApp({
    root,
    token: TOKEN,
    staticDir: root,
    templatesDir: 'editor/templates',
    hosts: new Set([HOST]),
  });
});

function post(route: string, body: unknown, token: string | null = TOKEN) {
  const headers = new Headers({ host: HOST, 'content-type': 'application/json' });
  if (token !== null) headers.set('x-yardstick-token', token);
  return app.request(`http://${HOST}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function rows(res: Response | Uint8Array, sheet: string): Promise<string[][]> {
  const bytes = res instanceof Uint8Array ? res : new Uint8Array(await res.arrayBuffer());
  const t = await readTable(bytes, 'out.xlsx', { sheet });
  if (!t.ok) throw new Error(t.diagnostics[0]!.message);
  return [t.table.header, ...t.table.rows];
}

describe('a data mapping as the dataset', () => {
  it('is listed with the data files', async () => {
    const res = await app.request(`http://${HOST}/api/datasets`, {
      headers: { host: HOST, 'x-yardstick-token': TOKEN },
    });
    expect(((await res.json()) as { path: string }[]).map((d) => d.path)).toEqual([
      'examples/m/month.data.yaml',
      'examples/m/reviews.csv',
      'examples/m/roster.csv',
      'examples/m/videos.csv',
    ]);
  });

  it('gives the records `yardstick run` scores: videos aggregated per account in the month, Asia/Shanghai', async () => {
    const res = await post('/api/data/mapping', { path: MAPPING, policy, lang: 'zh' });
    expect(res.status).toBe(200);
    const { read } = (await res.json()) as { read: RecordsResult };
    const metrics = Object.fromEntries(read.records.map((r: EmployeeRecord) => [r.employee_id, r.metrics]));
    // acc_a in October (Shanghai): 10-01 00:00, 10-01 10:00, 10-05 (deleted); 10-31T17:00Z is November there
    expect(metrics).toEqual({
      E1: {
        videos: 2,
        plays: 120000 + 15000 + 2000,
        viral_rate: 1 / 3,
        completion: (0.4 + 0.3 + 0.2) / 3,
        cooperation: 90,
      },
      // acc_b: 10万 and 50 plays (10-31T15:59:59Z is still October 31 there)
      E2: { videos: 2, plays: 100050, viral_rate: 0.5, completion: (0.5 + 0.3) / 2, cooperation: 80 },
    });
    expect(read.excluded.map((x) => [x.employee_id, x.reasons.map((d: Diagnostic) => d.code)])).toEqual([
      ['E3', ['data_missing_metric']],
    ]);
  });

  it('shows what `data inspect` shows, in the interface language', async () => {
    const res = await post('/api/data/mapping', { path: MAPPING, policy, lang: 'zh' });
    const { inspect } = (await res.json()) as { inspect: MappingInspect };
    expect(inspect.records).toBe(2);
    expect(inspect.period).toBe('2026-10');
    expect(inspect.files.map((f) => [f.file, f.rows])).toEqual([
      ['roster.csv', 3],
      ['reviews.csv', 3],
    ]);
    expect(inspect.files[0]!.columns.find((c) => c.header === '抖音账号')?.meaning).toEqual({ kind: 'key' });
    expect(inspect.files[1]!.columns.find((c) => c.header === '配合度评分')?.meaning).toEqual({
      kind: 'metric',
      id: 'cooperation',
      label: '配合度评分',
      unit: 'score',
    });
    const events = inspect.events[0]!;
    expect(events.file).toBe('videos.csv');
    expect(events.aggregates.find((a) => a.key === 'acc_a')).toEqual({
      key: 'acc_a',
      employee: 'E1',
      rows: 3,
      values: [
        { metric: '发布视频数', text: '发布视频数 = 2（计数，videos.csv 中本月 2 行）' },
        { metric: '播放量', text: '播放量 = 137000（合计，videos.csv 中本月 3 行）' },
        { metric: '爆款率', text: '爆款率 = 1 / 3 行 = 0.3333（videos.csv）' },
        { metric: '平均完播率', text: '平均完播率 = 0.3（平均，videos.csv 中本月 3 行）' },
      ],
    });
    // the two rows of an account nobody on the roster has: listed, and said as a note
    expect(events.aggregates.find((a) => a.key === 'ghost')).toMatchObject({ rows: 2 });
    expect(events.aggregates.find((a) => a.key === 'ghost')?.employee).toBeUndefined();
    expect(inspect.problems.map((d) => [d.code, d.file])).toEqual([['data_event_unmatched', 'videos.csv']]);
    // E3 published nothing: 平均完播率 has no value and no default, so E3 is left out — and a default
    // (爆款率's 0) is listed only for the records scored, as `data inspect` lists them
    expect(inspect.defaults).toEqual([]);
    expect(inspect.excluded.map((x) => [x.employee_id, x.reasons[0]!.message])).toEqual([
      ['E3', '岗位 `编导` 缺少 `平均完播率`（completion）'],
    ]);
  });

  it('says a mapping problem with its file, line and column', async () => {
    writeFileSync(
      join(root, 'examples', 'm', 'bad.data.yaml'),
      'roster: { file: roster.csv }\nsources:\n  - file: reviews.csv\n    missing_rows: sometimes\n',
    );
    const res = await post('/api/data/mapping', { path: 'examples/m/bad.data.yaml', policy, lang: 'en' });
    const { read } = (await res.json()) as { read: RecordsResult };
    expect(read.diagnostics.map((d) => [d.code, d.file, d.span])).toEqual([
      ['data_mapping_shape', 'examples/m/bad.data.yaml', { line: 4, column: 19 }],
    ]);
  });

  it('refuses a mapping that names a file outside its data folder', async () => {
    writeFileSync(join(root, 'examples', 'm', 'out.data.yaml'), 'roster: { file: ../../secret.csv }\nsources: []\n');
    const res = await post('/api/data/mapping', { path: 'examples/m/out.data.yaml', policy, lang: 'en' });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).not.toContain('salaries');
    expect((JSON.parse(text) as { error: string }).error).toBe('`../../secret.csv` is outside the folder');
  });

  it('refuses a mapping that names a file outside its data folder by an absolute path', async () => {
    const secret = join(root, 'secret.csv');
    writeFileSync(join(root, 'examples', 'm', 'abs.data.yaml'), `roster: { file: ${secret} }\nsources: []\n`);
    const res = await post('/api/data/mapping', { path: 'examples/m/abs.data.yaml', policy, lang: 'en' });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).not.toContain('salaries');
    expect((JSON.parse(text) as { error: string }).error).toBe(`\`${secret}\` is outside the folder`);
  });

  it('refuses a path that is not a data mapping, and a request without the policy', async () => {
    const csv = await post('/api/data/mapping', { path: 'examples/m/roster.csv', policy, lang: 'en' });
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as { error: string }).error).toBe(
      'a data mapping is a .data.yaml file under examples/ or data/',
    );
    const bare = await post('/api/data/mapping', { path: MAPPING });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: string }).error).toBe(
      'send { "path": "examples/….data.yaml", "policy": "…" } as JSON',
    );
  });

  it('needs the token', async () => {
    expect((await post('/api/data/mapping', { path: MAPPING, policy }, null)).status).toBe(401);
    expect((await post('/api/data/results.xlsx', { path: MAPPING, policy }, 'guess')).status).toBe(401);
  });

  it('refuses a policy that does not load, with its problems', async () => {
    const res = await post('/api/data/mapping', { path: MAPPING, policy: 'policy: [', lang: 'en' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { diagnostics: Diagnostic[] }).diagnostics[0]!.code).toBe('cli_policy_invalid');
  });
});

describe('outputs', () => {
  it('the preview as the CLI workbook; a name that starts a formula stays text', async () => {
    const roster = join(root, 'examples', 'm', 'roster.csv');
    writeFileSync(roster, readFileSync(roster, 'utf8').replace('E2,乙', 'E2,=1+2'));
    const res = await post('/api/data/results.xlsx', { path: MAPPING, policy, lang: 'zh' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''month-results.xlsx");
    // E1: 20 + 13.33 + 15 + 18 = 66.33 → B, 1000 × 66.33% = 663.30; E2: 20 + 20 + 20 + 16 = 76 → 760.00
    expect((await rows(res, '结果')).slice(1)).toEqual([
      ['E1', '甲', '短视频一组', '编导', '初创期', '66.33', '66.33', 'B', '', '663.3', '可发', '', ''],
      ['E2', "'=1+2", '短视频一组', '编导', '初创期', '76', '76', 'B', '', '760', '可发', '', ''],
    ]);
  });

  it('the impact of an edit as a workbook: the pay base from 1000 to 1200', async () => {
    const edited = policy.replace('pay_base: 1000', 'pay_base: 1200');
    const res = await post('/api/data/impact.xlsx', { path: MAPPING, policy: edited, base: policy, lang: 'zh' });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // 1200 × 76% = 912 (+152); 1200 × 66.33% = 795.96 (+132.66): the larger change first
    expect((await rows(bytes, '变化')).slice(1)).toEqual([
      ['E2', '乙', '短视频一组', '编导', '76', '76', 'B', 'B', '760', '912', '152', '应发'],
      ['E1', '甲', '短视频一组', '编导', '66.33', '66.33', 'B', 'B', '663.3', '795.96', '132.66', '应发'],
    ]);
    const summary = await rows(bytes, '汇总');
    // 663.30 + 760 = 1423.30; 795.96 + 912 = 1707.96; 132.66 + 152 = 284.66 (the sheet is three columns wide)
    expect(summary.slice(0, 5)).toEqual([
      ['两版都能计算的人数', '2', ''],
      ['结果有变化', '2', ''],
      ['修改前应发合计', '1423.3', ''],
      ['修改后应发合计', '1707.96', ''],
      ['变化', '284.66', ''],
    ]);
  });

  it("one employee's statement, and all of them zipped with the index", async () => {
    const one = await post('/api/data/statement', { path: MAPPING, policy, lang: 'zh', employee: 'E1' });
    const html = await one.text();
    expect(html).toContain('甲');
    expect(html).toContain('¥663.30');
    // the aggregate behind 爆款率, as `yardstick statements` prints it
    expect(html).toContain('爆款率 = 1 / 3 行 = 0.3333（videos.csv）');
    expect(html).not.toContain(root);
    const missing = await post('/api/data/statement', { path: MAPPING, policy, lang: 'zh', employee: 'E9' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe(
      'no one with the employee id `E9` is scored on `examples/m/month.data.yaml`',
    );
    const zip = await post('/api/data/statements.zip', { path: MAPPING, policy, lang: 'zh' });
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['E1.html', 'E2.html', 'index.html']);
    expect(strFromU8(files['E2.html']!)).toContain('¥760.00');
  });
});

describe('all statements zipped', () => {
  const SIMPLE = ONE_RATING_POLICY;
  it('refuses ids whose statements would be one file on Windows or macOS, as `yardstick statements` does', async () => {
    writeFileSync(
      join(root, 'examples', 'clash.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\ne1,乙,员工,一组,常规,2026-10,90\n',
    );
    const zip = await post('/api/data/statements.zip', { path: 'examples/clash.csv', policy: SIMPLE, lang: 'en' });
    expect(zip.status).toBe(422);
    expect(((await zip.json()) as { error: string }).error).toContain('`E1` and `e1`');
  });
});

describe('a refusal the CLI throws while it reads', () => {
  it('is the user’s input (422, the diagnostic as the CLI says it), not an internal error', async () => {
    // an event file saved between the aggregation and its hash stops the CLI with
    // io_changed_while_read (node/cli/events/file-hash.ts); any route reading as the CLI can meet it
    app.post('/api/test-refusal', () => {
      throw new ExitError(
        EXIT.input,
        diagnostic('io_changed_while_read', { file: 'videos.csv' }, { file: 'videos.csv' }),
      );
    });
    const res = await post('/api/test-refusal', {});
    expect(res.status).toBe(422);
    const body = (await res.json()) as { diagnostics: Diagnostic[] };
    expect(body.diagnostics.map((d) => [d.code, d.file])).toEqual([['io_changed_while_read', 'videos.csv']]);
  });

  it('a crash is still an internal error (500), with nothing of it shown', async () => {
    app.post('/api/test-crash', () => {
      throw new ExitError(EXIT.internal, diagnostic('io_changed_while_read', { file: 'videos.csv' }));
    });
    const res = await post('/api/test-crash', {});
    expect(res.status).toBe(500);
    expect(((await res.json()) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.code)).toEqual([
      'cli_server_internal',
    ]);
  });
});
