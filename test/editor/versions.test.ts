// The editor's versions and publishing routes (editor/server/versions.ts): the history from git or
// from saved copies, two versions compared in words and money, and publishing — refused while
// check fails, while other files are uncommitted, or before the author is known; otherwise a
// commit, or a review branch with the report beside the policy, the working files left alone.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';
import { etagOf } from '../../editor/server/files.js';
import { localise, type Diagnostic } from '../../engine/index.js';

const TOKEN = 't0ken';
const HOST = '127.0.0.1:5178';
const NAME = 'short-video-team.yaml';
const ORIGINAL = readFileSync(`policies/${NAME}`, 'utf8');
/** A rule change the policy's tests do not pin: the fake-traffic hold from 100,000 plays up to 120,000. */
const HOLD_RAISED = ORIGINAL.replace(
  '- { fact: plays, operator: greaterThan, value: 100000 }',
  '- { fact: plays, operator: greaterThan, value: 120000 }',
);
let root: string;
let app: ReturnType<typeof createEditorApp>;
let savedGlobal: string | undefined;

// no identity from this machine's own git settings: the editor must ask for one
beforeAll(() => {
  savedGlobal = process.env.GIT_CONFIG_GLOBAL;
  const empty = join(mkdtempSync(join(tmpdir(), 'yardstick-gitconfig-')), 'config');
  writeFileSync(empty, '');
  process.env.GIT_CONFIG_GLOBAL = empty;
});
afterAll(() => {
  if (savedGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = savedGlobal;
});

const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });

function scratch(withGit: boolean) {
  root = mkdtempSync(join(tmpdir(), 'yardstick-versions-'));
  mkdirSync(join(root, 'policies'));
  cpSync(`policies/${NAME}`, join(root, 'policies', NAME));
  cpSync('policies/short-video-team.test.yaml', join(root, 'policies', 'short-video-team.test.yaml'));
  mkdirSync(join(root, 'examples'));
  cpSync('examples/sample-2026-10.csv', join(root, 'examples', 'sample-2026-10.csv'));
  if (withGit) {
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('-c', 'user.name=李明', '-c', 'user.email=liming@example.com', 'commit', '-qm', 'short-video-team 1.2.0');
  }
  app = createEditorApp({
    root,
    token: TOKEN,
    staticDir: root,
    templatesDir: 'editor/templates',
    hosts: new Set([HOST]),
  });
}

function call(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const headers = new Headers({ host: HOST, 'x-yardstick-token': TOKEN, 'content-type': 'application/json' });
  return app.request(`http://${HOST}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function refused(res: Response) {
  const body = (await res.json()) as { diagnostics: Diagnostic[]; failures?: string[] };
  return {
    codes: body.diagnostics.map((d) => d.code),
    en: body.diagnostics.map((d) => localise(d, 'en').message),
    zh: body.diagnostics.map((d) => localise(d, 'zh').message),
    failures: body.failures,
  };
}

const publishBody = (o: Partial<Record<string, unknown>> = {}) => ({
  text: HOLD_RAISED,
  bump: 'minor',
  effective_from: '2026-12',
  note: '疑似刷量的播放量门槛从 10 万提高到 12 万',
  mode: 'commit',
  etag: etagOf(ORIGINAL),
  ...o,
});

describe('with git', () => {
  beforeEach(() => scratch(true));

  it('lists the commits that changed the policy, with the version each one holds', async () => {
    const res = await call(`/api/versions/${NAME}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { source: string; versions: Record<string, string>[]; author: unknown };
    expect(body.source).toBe('git');
    expect(body.author).toBeNull();
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({
      version: '1.2.0',
      effective_from: '2026-10',
      author: '李明',
      message: 'short-video-team 1.2.0',
    });
    expect(body.versions[0]!.id).toBe(git('rev-parse', 'HEAD').trim());
  });

  it('compares a version with the unsaved text: the rule in words, the money on the chosen month', async () => {
    const id = git('rev-parse', 'HEAD').trim();
    // the viral-hit award 2000 → 2500: only SV0042 (1,200,000 plays at most) reaches 1,000,000
    const text = ORIGINAL.replace('    award: 2000\n', '    award: 2500\n');
    const res = await call(`/api/versions/${NAME}/compare`, {
      before: id,
      after: 'unsaved',
      text,
      data: 'examples/sample-2026-10.csv',
      lang: 'zh',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      changes: { text: string }[];
      suggestion: { bump: string };
      impact: Record<string, unknown>;
      markdown: string;
    };
    expect(body.changes.map((c) => c.text)).toEqual(['爆款奖励(单条播放≥100万) · 奖金 ¥2,000.00 → ¥2,500.00']);
    expect(body.suggestion.bump).toBe('minor');
    expect(body.impact).toMatchObject({ data: 'examples/sample-2026-10.csv', changed: 1, unscorable: 0, delta: 500 });
    expect((body.impact.total_after as number) - (body.impact.total_before as number)).toBeCloseTo(500, 2);
    expect(body.markdown).toContain('爆款奖励(单条播放≥100万)');
  });

  it('asks who publishes first, and keeps the answer in the repository’s own git settings', async () => {
    const before = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(before.status).toBe(409);
    expect((await refused(before)).zh).toEqual(['发布前请先设置一次发布人（姓名和邮箱）']);
    const set = await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    expect(set.status).toBe(200);
    expect(git('config', '--local', 'user.name').trim()).toBe('王芳');
    expect(git('config', '--local', 'user.email').trim()).toBe('wangfang@example.com');
  });

  it('publishes a minor version: bumped, effective from the month chosen, checked, committed alone', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { version: string; commit: string; text: string };
    expect(body.version).toBe('1.3.0');
    const onDisk = readFileSync(join(root, 'policies', NAME), 'utf8');
    expect(onDisk).toBe(body.text);
    expect(onDisk).toContain('\nversion: 1.3.0\n');
    expect(onDisk).toContain('\neffective_from: 2026-12\n');
    // 1.2.0's reason for correcting 2026-10 does not carry over to a version from 2026-12
    expect(onDisk).not.toContain('retroactive');
    expect(onDisk).toContain('value: 120000');
    expect(git('log', '-1', '--format=%an <%ae>|%s|%b').trim()).toBe(
      '王芳 <wangfang@example.com>|short-video-team 1.3.0 (effective_from 2026-12): 疑似刷量的播放量门槛从 10 万提高到 12 万|疑似刷量的播放量门槛从 10 万提高到 12 万',
    );
    expect(git('show', `HEAD:policies/${NAME}`)).toBe(onDisk);
    expect(git('status', '--porcelain', '--untracked-files=no')).toBe('');
    const history = (await (await call(`/api/versions/${NAME}`)).json()) as { versions: { version: string }[] };
    expect(history.versions.map((v) => v.version)).toEqual(['1.3.0', '1.2.0']);
  });

  it('refuses to publish while check fails, with check’s findings, and changes nothing', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    // 完播率 target 40% → 45%: the test case "SV0068 exactly on the target" no longer holds
    const text = ORIGINAL.replace('target: 0.40 # domain', 'target: 0.45 # domain');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody({ text, lang: 'en' }));
    expect(res.status).toBe(422);
    const r = await refused(res);
    expect(r.en).toEqual([
      '`policies/short-video-team.yaml` does not pass `yardstick check` (1 problem(s)); nothing was published',
    ]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures![0]).toMatch(/^policies\/short-video-team\.yaml: tests fail \(1 of 10 case\(s\)\)/);
    expect(r.failures![0]).toContain('样本 SV0068 完播率恰好等于目标');
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toBe(ORIGINAL);
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(readdirSync(join(root, 'policies')).sort()).toEqual(['short-video-team.test.yaml', NAME]);
  });

  it('does not carry the published version’s retroactive reason over: a month already covered is refused by check', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    // 1.2.0 is effective from 2026-10 with a reason for correcting it; 1.3.0 from 2026-09 would need its own
    const res = await call(`/api/versions/${NAME}/publish`, publishBody({ effective_from: '2026-09', lang: 'en' }));
    expect(res.status).toBe(422);
    expect((await refused(res)).failures).toEqual([
      'policies/short-video-team.yaml: changed since HEAD but its effective_from 2026-09 is not later than 2026-10 of version 1.2.0, so it would change periods already paid (set a later `effective_from:`, or, for a deliberate correction, add `retroactive: { reason: … }`)',
    ]);
    // check's findings are in the interface's language: Chinese by default
    const zh = await call(`/api/versions/${NAME}/publish`, publishBody({ effective_from: '2026-09' }));
    expect((await refused(zh)).failures).toEqual([
      'policies/short-video-team.yaml: 自 HEAD 以来有改动，但 effective_from 2026-09 不晚于版本 1.2.0 的 2026-10，会改变已发放的月份（请设置更晚的 `effective_from:`；如确为更正，请加 `retroactive: { reason: … }`）',
    ]);
    // with a reason of its own, the correction is published and keeps it
    const own = HOLD_RAISED.replace(
      /retroactive: \{ reason: [^}]*\}/,
      'retroactive: { reason: 刷量门槛自 2026-09 起按 12 万计 }',
    );
    const ok = await call(`/api/versions/${NAME}/publish`, publishBody({ text: own, effective_from: '2026-09' }));
    expect(ok.status).toBe(201);
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toContain(
      'retroactive: { reason: 刷量门槛自 2026-09 起按 12 万计 }',
    );
  });

  it('refuses to commit while another file has uncommitted changes, and says what to do', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    writeFileSync(
      join(root, 'examples', 'sample-2026-10.csv'),
      `${readFileSync(join(root, 'examples', 'sample-2026-10.csv'), 'utf8')}\n`,
    );
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(409);
    const body = (await res.json()) as { diagnostics: Diagnostic[] };
    const zh = localise(body.diagnostics[0]!, 'zh');
    expect(zh.message).toBe('其他文件有尚未提交的修改（`examples/sample-2026-10.csv`）；发布只提交这一份政策');
    expect(zh.help).toBe('请先提交这些修改或暂存起来（`git stash`），或者改选「审阅分支」，它不会动你的文件');
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toBe(ORIGINAL);
  });

  it('leaves the file as it was when git cannot make the commit, so the same publish can be tried again', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    // another git command holds the branch (its lock file): the commit cannot move it
    writeFileSync(join(root, '.git', 'refs', 'heads', 'main.lock'), '');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(409);
    const r = await refused(res);
    expect(r.codes).toEqual(['cli_server_publish']);
    expect(r.zh[0]).toMatch(
      /^git 无法完成提交，因此没有发布任何内容，文件保持原样：git update-ref failed: .*main\.lock': File exists/,
    );
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toBe(ORIGINAL);
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(git('status', '--porcelain', '--untracked-files=no')).toBe('');
    // the editor's ETag still names the file on disk: once git is free, the same request publishes
    rmSync(join(root, '.git', 'refs', 'heads', 'main.lock'));
    const again = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(again.status).toBe(201);
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toContain('\nversion: 1.3.0\n');
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('2');
  });

  it('refuses to write over a file changed on disk since the editor opened it', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody({ etag: etagOf('something else') }));
    expect(res.status).toBe(409);
    expect((await refused(res)).codes).toEqual(['cli_server_publish']);
  });

  it('creates a review branch with the change and the report beside it, the working files untouched', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    // other uncommitted work does not stop a review branch: it is made beside the working tree
    writeFileSync(
      join(root, 'examples', 'sample-2026-10.csv'),
      `${readFileSync(join(root, 'examples', 'sample-2026-10.csv'), 'utf8')}\n`,
    );
    const res = await call(
      `/api/versions/${NAME}/publish`,
      publishBody({ mode: 'branch', data: 'examples/sample-2026-10.csv' }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { branch: string; report: string };
    expect(body).toMatchObject({
      branch: 'policy/short-video-team-1.3.0',
      report: 'policies/short-video-team.review.md',
    });
    expect(git('branch', '--show-current').trim()).toBe('main');
    expect(git('rev-list', '--count', 'main').trim()).toBe('1');
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toBe(ORIGINAL);
    expect(git('show', `${body.branch}:policies/${NAME}`)).toContain('\nversion: 1.3.0\n');
    expect(git('show', '--name-only', '--format=%an|%s', body.branch).trim().split('\n')).toEqual([
      '王芳|short-video-team 1.3.0 (effective_from 2026-12): 疑似刷量的播放量门槛从 10 万提高到 12 万',
      '',
      'policies/short-video-team.review.md',
      'policies/short-video-team.yaml',
    ]);
    const report = git('show', `${body.branch}:policies/short-video-team.review.md`);
    expect(report).toContain('v1.2.0 → v1.3.0');
    expect(report).toContain('疑似刷量');
    expect(report).toContain('examples/sample-2026-10.csv');
    // the same version again: the branch exists
    const again = await call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch' }));
    expect(again.status).toBe(409);
    expect((await refused(again)).zh).toEqual([
      '已有名为 `policy/short-video-team-1.3.0` 的分支：请先合并或删除它，或发布另一个版本',
    ]);
  });

  it('measures a comparison and a review branch on a data mapping picked as the month, and keeps the mapping inside its folder', async () => {
    // the 数据 view's datasets include mappings: two people of the sample month, roster and metrics in two files
    mkdirSync(join(root, 'examples', 'm'));
    writeFileSync(
      join(root, 'examples', 'm', '花名册.csv'),
      '工号,姓名,岗位,团队,阶段\nSV0001,许桐芳,运营经理,短视频一组,初创期\nSV0042,宋涛芳,剪辑师,短视频二组,初创期\n',
    );
    writeFileSync(
      join(root, 'examples', 'm', '指标.csv'),
      [
        '工号,发布视频数,播放量,点赞量,完播率,粉丝增长率,爆款数,单条最高播放,主页访问量,引流线索数,创意采纳率,24小时交付率,剪辑质量评分,热点匹配度,出镜表现评分,配合度评分,粉丝互动率,违规次数',
        'SV0001,40,154.1万,49174,,9.3%,3,"422,224",3.4w,569,,,,,,,,0',
        'SV0042,,420万,12.6万,,,,"1,200,000",,,,88.8%,92,0.746,,,,',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'examples', 'm', 'month.data.yaml'),
      'period: 2026-10\nroster: { file: 花名册.csv }\nsources:\n  - file: 指标.csv\n    key: { column: 工号 }\n',
    );
    // the viral-hit award 2000 → 2500: of the two, only SV0042 (1,200,000 plays at most) reaches 1,000,000
    const text = ORIGINAL.replace('    award: 2000\n', '    award: 2500\n');
    const id = git('rev-parse', 'HEAD').trim();
    const data = 'examples/m/month.data.yaml';
    const res = await call(`/api/versions/${NAME}/compare`, { before: id, after: 'unsaved', text, data, lang: 'zh' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { impact: Record<string, unknown> };
    expect(body.impact).toMatchObject({ data, employees: 2, changed: 1, unscorable: 0, delta: 500 });
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const branch = await call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch', data }));
    expect(branch.status).toBe(201);
    expect(git('show', 'policy/short-video-team-1.3.0:policies/short-video-team.review.md')).toContain(data);
    // a mapping that reads a file outside its data folder is refused, as in the 数据 view
    writeFileSync(join(root, 'secret.csv'), '工号,薪资\nSV0001,30000\n');
    writeFileSync(
      join(root, 'examples', 'm', 'out.data.yaml'),
      'period: 2026-10\nroster: { file: ../../secret.csv }\nsources:\n  - file: 指标.csv\n',
    );
    const out = await call(`/api/versions/${NAME}/compare`, {
      before: id,
      after: 'unsaved',
      text,
      data: 'examples/m/out.data.yaml',
    });
    expect(out.status).toBe(403);
    expect((await refused(out)).codes).toEqual(['cli_server_file']);
  });

  it('makes one review branch of two requests at once, and refuses the other as a branch that exists', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const both = await Promise.all([
      call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch' })),
      call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch' })),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const second = both.find((r) => r.status === 409)!;
    expect((await refused(second)).zh).toEqual([
      '已有名为 `policy/short-video-team-1.3.0` 的分支：请先合并或删除它，或发布另一个版本',
    ]);
    expect(git('branch', '--list', 'policy/*').trim()).toBe('policy/short-video-team-1.3.0');
  });

  it('refuses to commit on a detached HEAD, where the published version would be on no branch; a review branch still works', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const head = git('rev-parse', 'HEAD').trim();
    git('checkout', '-q', '--detach');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(409);
    expect((await refused(res)).en).toEqual([
      'no branch is checked out (a detached HEAD): a version committed here would be on no branch; check out a branch first (`git switch <branch>`), or choose “review branch”',
    ]);
    expect(git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(readFileSync(join(root, 'policies', NAME), 'utf8')).toBe(ORIGINAL);
    const branch = await call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch' }));
    expect(branch.status).toBe(201);
    expect(git('rev-parse', 'policy/short-video-team-1.3.0^').trim()).toBe(head);
  });

  it('refuses a month that is not YYYY-MM and an empty note', async () => {
    const bad = await call(`/api/versions/${NAME}/publish`, publishBody({ effective_from: '2026-13' }));
    expect(bad.status).toBe(422);
    expect((await refused(bad)).en).toEqual(['`2026-13` is not a period: write the month as YYYY-MM']);
    const empty = await call(`/api/versions/${NAME}/publish`, publishBody({ note: '  ' }));
    expect((await refused(empty)).codes).toEqual(['cli_server_publish']);
  });
});

describe('in a repository without a commit yet', () => {
  it('publishes the first commit', async () => {
    scratch(false);
    git('init', '-q', '-b', 'main');
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const history = (await (await call(`/api/versions/${NAME}`)).json()) as { source: string; versions: unknown[] };
    expect(history).toMatchObject({ source: 'git', versions: [] });
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(201);
    // nothing published before: the version is bumped from the file's own 1.2.0
    expect(git('log', '--format=%s').trim()).toBe(
      'short-video-team 1.3.0 (effective_from 2026-12): 疑似刷量的播放量门槛从 10 万提高到 12 万',
    );
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('policies/short-video-team.yaml');
  });
});

describe('without git', () => {
  beforeEach(() => scratch(false));

  it('keeps saved copies under .yardstick/versions, which ignores itself, and lists them as the history', async () => {
    expect(((await (await call(`/api/versions/${NAME}`)).json()) as { source: string }).source).toBe('copies');
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    expect(JSON.parse(readFileSync(join(root, '.yardstick', 'settings.json'), 'utf8'))).toEqual({
      author: { name: '王芳', email: 'wangfang@example.com' },
    });
    const res = await call(`/api/versions/${NAME}/publish`, publishBody());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; version: string };
    expect(body.version).toBe('1.3.0');
    expect(readFileSync(join(root, '.yardstick', '.gitignore'), 'utf8')).toContain('\n*\n');
    const copy = join(root, '.yardstick', 'versions', 'short-video-team', `${body.id}.yaml`);
    expect(existsSync(copy)).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(root, 'policies', NAME), 'utf8'));
    const history = (await (await call(`/api/versions/${NAME}`)).json()) as { versions: Record<string, string>[] };
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]).toMatchObject({ version: '1.3.0', effective_from: '2026-12', author: '王芳' });
    const text = (await (await call(`/api/versions/${NAME}/text?id=${body.id}`)).json()) as { text: string };
    expect(text.text).toContain('\nversion: 1.3.0\n');
  });

  it('keeps both copies of two versions published within the same second', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    // the copies are named by the second: two publishes in one second must not share a name
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T04:29:00.100Z'));
    try {
      const first = await call(`/api/versions/${NAME}/publish`, publishBody());
      expect(first.status).toBe(201);
      const one = (await first.json()) as { id: string; etag: string; text: string };
      expect(one.id).toBe('2026-12-01T042900Z');
      vi.setSystemTime(new Date('2026-12-01T04:29:00.900Z'));
      const second = await call(
        `/api/versions/${NAME}/publish`,
        publishBody({
          text: one.text.replace(
            '- { fact: plays, operator: greaterThan, value: 120000 }',
            '- { fact: plays, operator: greaterThan, value: 130000 }',
          ),
          etag: one.etag,
          effective_from: '2027-01',
        }),
      );
      expect(second.status).toBe(201);
      const two = (await second.json()) as { id: string };
      expect(two.id).not.toBe(one.id);
      const history = (await (await call(`/api/versions/${NAME}`)).json()) as { versions: Record<string, string>[] };
      expect(history.versions.map((v) => [v.version, v.effective_from])).toEqual([
        ['1.4.0', '2027-01'],
        ['1.3.0', '2026-12'],
      ]);
      const text = async (id: string) =>
        ((await (await call(`/api/versions/${NAME}/text?id=${id}`)).json()) as { text: string }).text;
      expect(await text(one.id)).toContain('\nversion: 1.3.0\n');
      expect(await text(two.id)).toContain('\nversion: 1.4.0\n');
    } finally {
      vi.useRealTimers();
    }
  });

  it('has no review branch to offer', async () => {
    await call('/api/versions-author', { name: '王芳', email: 'wangfang@example.com' }, 'PUT');
    const res = await call(`/api/versions/${NAME}/publish`, publishBody({ mode: 'branch' }));
    expect(res.status).toBe(409);
    expect((await refused(res)).en).toEqual([
      'the policies folder is not in a git repository, so there is no branch to review: publish instead (a saved copy is kept)',
    ]);
  });
});

it('needs the token', async () => {
  scratch(false);
  const res = await app.request(`http://${HOST}/api/versions/${NAME}`, { headers: { host: HOST } });
  expect(res.status).toBe(401);
});
