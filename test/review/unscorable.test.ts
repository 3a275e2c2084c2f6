// A policy change that can no longer score people is not a pay cut: `diff` lists them apart with
// the reason, leaves them out of the money, and exits 1 unless told otherwise; `check --data`
// fails on it. Data that fits nobody is an error, not "0 people, ¥0".

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const project = resolve('.');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const POLICY = 'policies/short-video-team.yaml';

// only the ops manager O1 has 引流线索数; the director D1 and the editor E1 leave it empty
const DATA = `工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,完播率,创意采纳率,单条最高播放,粉丝增长率,爆款数,主页访问量,引流线索数,24小时交付率,剪辑质量评分,热点匹配度,违规次数
D1,编导甲,编导,一组,初创期,2026-10,32,100000,3000,42%,50%,50000,,,,,,,,0
O1,运营乙,运营经理,二组,成熟期,2026-10,20,100000,3000,,,50000,15%,2,2000,100,,,,0
E1,剪辑丙,剪辑师,二组,成熟期,2026-10,,100000,3000,,,50000,,,,,95%,90,60%,0
`;

// an award on 引流线索数, a metric without a default: the director and the editor now need it
const AWARD = `adjustments:
  lead_award:
    title: 引流奖
    when: { all: [ { fact: leads, operator: greaterThan, value: 50 } ] }
    award: 100
`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-unscorable-'));
  mkdirSync(join(repo, 'policies'));
  cpSync(join(project, POLICY), join(repo, POLICY));
  // one case that both versions pass (the award moves neither score nor grade), so that `check`
  // fails on the data alone
  writeFileSync(
    join(repo, 'policies/short-video-team.test.yaml'),
    'cases:\n  - name: 运营经理 初创期\n    record:\n      employee_id: T1\n      role: ops_manager\n      stage: startup\n' +
      '      metrics: { follower_growth_rate: 0.2, viral_videos: 3, videos_published: 20, leads: 60, profile_visits: 2000, plays: 500000, likes: 10000, max_video_plays: 300000 }\n' +
      '    # 110 × 40% + 110 × 35% + 100 × 25% = 107.5 → A+\n    expect: { score: 107.5, grade: A+ }\n',
  );
  cpSync(join(project, 'policies/livestream-team.yaml'), join(repo, 'livestream-team.yaml'));
  mkdirSync(join(repo, 'examples'));
  cpSync(join(project, 'examples/sample-2026-10.csv'), join(repo, 'examples/sample-2026-10.csv'));
  writeFileSync(join(repo, 'month.csv'), DATA);
  // everyone has 引流线索数 here: the change scores all three
  writeFileSync(
    join(repo, 'all-leads.csv'),
    DATA.replace('50000,,,,,,,,0\n', '50000,,,,10,,,,0\n').replace('50000,,,,,95%', '50000,,,,10,95%'),
  );
  writeFileSync(
    join(repo, 'livestream-v2.yaml'),
    readFileSync(join(project, 'policies/livestream-team.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 9.0.0'),
  );
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy v1.0.0');
  const text = readFileSync(join(repo, POLICY), 'utf8')
    .replace(/^adjustments:\n/m, AWARD)
    .replace(/^version: .*$/m, 'version: 2.0.0')
    .replace(/^effective_from: .*$/m, 'effective_from: 2026-11');
  writeFileSync(join(repo, POLICY), text);
  git('commit', '-qam', 'an award on leads, v2.0.0');
  process.chdir(repo);
});

afterAll(() => process.chdir(project));

describe('diff: people a version cannot score are listed apart, never as pay changes', () => {
  it('json: the money covers only people both versions score; the others carry the data diagnostic', async () => {
    const r = await yardstick(
      'diff',
      `HEAD~1:${POLICY}`,
      POLICY,
      '--data',
      'month.csv',
      '--format',
      'json',
      '--allow-unscorable',
    );
    expect(r.code).toBe(0);
    const impact = JSON.parse(r.stdout)[0].impact;
    // O1 (scored by both): 110, gold, 6600 + 1320 + 1000 = 8920; with 引流线索数 100 > 50 the award adds 100 → 9020
    expect(impact.employees).toBe(1);
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([8920, 9020, 100]);
    expect(impact.by_grade_before).toEqual({ 'A+': 1, A: 0, B: 0, C: 0 });
    expect(impact.by_grade_after).toEqual({ 'A+': 1, A: 0, B: 0, C: 0 });
    expect(impact.by_team).toEqual([{ team: '二组', before: 8920, after: 9020 }]);
    expect(
      impact.changes.map((c: { employee_id: string; delta: number; kinds: string[] }) => [
        c.employee_id,
        c.delta,
        c.kinds,
      ]),
    ).toEqual([['O1', 100, ['pay']]]);
    // D1 was 5876.80 (A+) and E1 4456 (A): listed with the old pay, the row, the column and the raw (empty) cell
    expect(
      impact.unscorable.map(
        (u: { employee_id: string; became: string; before: { grade: string; total: number }; after?: unknown }) => [
          u.employee_id,
          u.became,
          u.before.grade,
          u.before.total,
          u.after,
        ],
      ),
    ).toEqual([
      ['D1', 'unscorable', 'A+', 5876.8, undefined],
      ['E1', 'unscorable', 'A', 4456, undefined],
    ]);
    expect(impact.unscorable[0].reasons).toEqual([
      {
        code: 'data_missing_metric',
        severity: 'error',
        message: 'missing `引流线索数` (leads) for role `编导`',
        help: 'fill in 引流线索数, or give the metric a `default` in the policy',
        file: 'month.csv',
        cell: { row: 2, column: '引流线索数', value: '' },
      },
    ]);
    expect(impact.unscorable[1].reasons[0].cell).toEqual({ row: 4, column: '引流线索数', value: '' });
  });

  it('exits 1 and says why when the new version cannot score people the old one scored', async () => {
    const r = await yardstick('diff', `HEAD~1:${POLICY}`, POLICY, '--data', 'month.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: `policies/short-video-team.yaml` can no longer score 2 record(s) the old version scored; their pay is not in the impact totals\n' +
        '  help: the report lists them with the reason; give the metric a `default` or fix the rule, or run again with --allow-unscorable to accept it',
    );
    // in Chinese with --lang zh (it was English whatever the language)
    const zh = await yardstick('diff', `HEAD~1:${POLICY}`, POLICY, '--data', 'month.csv', '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe(
      'error: `policies/short-video-team.yaml` 有 2 条旧版本能评分的记录新版本无法评分：他们的应发不计入影响合计\n' +
        '  提示：报告列出了他们和原因：请给指标设 `default` 或修正规则，或加 --allow-unscorable 重新运行以接受',
    );
    // the table report: the warning section before the money, then the money of the one person both score
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('    + 新增 调整 「引流奖」：当 引流线索数 > 50 时，奖励 ¥100.00') + 1;
    expect(lines.slice(at, at + 3)).toEqual([
      '  ⚠ 新版本无法评分 2 人（旧版本可以评分）：他们不计入下面的应发合计和差额:',
      // the reason in the report's language, as `run` gives it (the help line left out)
      '    D1 编导甲 一组: 原应发 ¥5,876.80 — month.csv:2: error[data_missing_metric]: 岗位 `编导` 缺少 `引流线索数`（leads） — 位置：第 2 行，列 `引流线索数`，值 ``',
      '    E1 剪辑丙 二组: 原应发 ¥4,456.00 — month.csv:4: error[data_missing_metric]: 岗位 `剪辑师` 缺少 `引流线索数`（leads） — 位置：第 4 行，列 `引流线索数`，值 ``',
    ]);
    expect(lines[at + 3]).toBe('  对数据的影响 month.csv (两个版本都能评分的 1 人):');
    expect(lines[at + 4]).toBe('    应发合计 ¥8,920.00 → ¥9,020.00 (+¥100.00)');
    expect(r.stdout).not.toContain('→ —');
  });

  it('markdown: a warning section with a table of who and why', async () => {
    const r = await yardstick(
      'diff',
      `HEAD~1:${POLICY}`,
      POLICY,
      '--data',
      'month.csv',
      '--format',
      'md',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '> [!WARNING]\n> **⚠ The new version cannot score 2 employee(s) the old version scored: they are not in the payout totals or the change below**\n\n' +
        '| ID | Name | Team | was paid | Reason |\n|---|---|---|---:|---|\n' +
        // the reason as text: a quoted cell could otherwise close its code span (markdown-text.test.ts)
        '| D1 | 编导甲 | 一组 | ¥5,876.80 | month.csv:2: error\\[data\\_missing\\_metric\\]: missing \\`引流线索数\\` (leads) for role \\`编导\\` — at row 2, column \\`引流线索数\\`, value \\`\\` |\n',
    );
    expect(r.stdout).toContain('**Impact on the data** `month.csv` (1 employees scored by both versions)');
    expect(r.stdout).toContain('| Payout total | ¥8,920.00 | ¥9,020.00 | **+¥100.00** |');
  });

  it('people who become scorable are listed apart too, and do not fail the diff', async () => {
    const r = await yardstick('diff', POLICY, `HEAD~1:${POLICY}`, '--data', 'month.csv', '--format', 'json');
    expect(r.code).toBe(0);
    const impact = JSON.parse(r.stdout)[0].impact;
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([9020, 8920, -100]);
    expect(
      impact.unscorable.map((u: { employee_id: string; became: string; after: { total: number } }) => [
        u.employee_id,
        u.became,
        u.after.total,
      ]),
    ).toEqual([
      ['D1', 'scorable', 5876.8],
      ['E1', 'scorable', 4456],
    ]);
  });
});

describe('check --base --data', () => {
  it('fails when a changed policy cannot score records the base version scored', async () => {
    const r = await yardstick('check', '--base', 'HEAD~1', '--data', 'month.csv');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '✗ policies/short-video-team.yaml: cannot score 2 record(s) of `month.csv` that HEAD~1 scored (run `yardstick diff --base HEAD~1 --data month.csv` for who and why)\n',
    );
  });

  it('says nothing about scoring when every record stays scorable', async () => {
    const r = await yardstick('check', '--base', 'HEAD~1', '--data', 'all-leads.csv');
    expect(r.stdout).toBe('✓ 1 policies: valid, formatted, tested, versions bumped since HEAD~1\n');
    expect(r.code).toBe(0);
  });

  it("data that fits the changed policy nobody is that policy's failure, and the check goes on", async () => {
    writeFileSync('hosts.csv', '工号,姓名,岗位,团队,阶段,月份\nH1,主播甲,主播,一组,初创期,2026-10\n');
    const r = await yardstick('check', '--base', 'HEAD~1', '--data', 'hosts.csv');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✗ policies/short-video-team.yaml: no record in `hosts.csv` fits the policy `short-video-team`\n  help: 1 record(s) excluded (data_unknown_role × 1); roles found: `主播`; ',
    );
  });

  it('--data without --base is a usage error', async () => {
    const r = await yardstick('check', '--data', 'month.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --data month.csv measures a change: give --base REF with it');
  });
});

describe('data that fits nobody is an error, not ¥0', () => {
  const message =
    'error: no record in `month.csv` fits the policy `livestream-team`\n' +
    '  help: 3 record(s) excluded (data_unknown_role × 3, data_unknown_team × 3); roles found: `编导`, `运营经理`, `剪辑师`; roles the policy knows: 主播 (host), 直播运营 (live_ops), 客服 (customer_service), 美工/策划 (designer); check that the data file and the policy belong together';

  it('diff', async () => {
    const r = await yardstick('diff', 'livestream-team.yaml', 'livestream-v2.yaml', '--data', 'month.csv');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
  });

  it('run, even with --exclude-invalid, whole-file and streaming', async () => {
    for (const extra of [[], ['--format', 'csv', '--out', 'out.csv']]) {
      const r = await yardstick('run', 'livestream-team.yaml', '--data', 'month.csv', '--exclude-invalid', ...extra);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith(message)).toBe(true);
    }
    expect(() => readFileSync('out.csv')).toThrow();
  });

  it('statements', async () => {
    const r = await yardstick(
      'statements',
      'livestream-team.yaml',
      '--data',
      'month.csv',
      '--out',
      'st',
      '--exclude-invalid',
    );
    expect(r.code).toBe(1);
    expect(r.stderr.endsWith(message)).toBe(true);
  });
});
