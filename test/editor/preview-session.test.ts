// The preview's evaluation, as its worker runs it: explanations are skipped for the table and
// built for one employee when the page opens a scorecard — the same lines a full run writes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readRecords, runPolicy } from '../../engine/index.js';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';
import { moneyPolicy, monthsCsv } from '../money/month.js';
import { TWO_STAGE_GMV_POLICY } from '../builders.js';

const clock = () => 0;

describe.each([
  ['policies/short-video-team.yaml', 'examples/sample-2026-10.csv'],
  // calibrated: the explanation ends with the forced-distribution line
  ['policies/livestream-team.yaml', 'examples/livestream-2026-10.csv'],
])('%s on %s', (policyFile, dataFile) => {
  const text = readFileSync(policyFile, 'utf8');

  it('explains any employee on demand exactly as a full run does', async () => {
    const session = new PreviewSession();
    expect(await session.setData(new Uint8Array(readFileSync(dataFile)), dataFile)).toBeNull();
    const evaluated = await session.evaluate(7, text, text, 'zh', clock);
    if (!evaluated.ok) throw new Error('the policy should load');
    // the page gets table rows; explanations are made only when asked for (and, with forced
    // distribution, the calibrated grade of someone ranked: LS0001 is, in a team of 14)
    const calibrated = policyFile.includes('livestream');
    expect(Object.keys(evaluated.result.rows[0])).toEqual([
      'employee_id',
      'name',
      'team',
      'role_title',
      'score',
      'grade',
      'payout',
      'triggers',
      ...(calibrated ? ['calibrated'] : []),
    ]);

    const policy = loadPolicy(text, 'policy.yaml');
    if (!policy.ok) throw new Error('load');
    const read = readRecords(readFileSync(dataFile, 'utf8'), 'csv', policy.policy.contract, { file: dataFile });
    const full = await runPolicy(policy.policy, { records: read.records, excluded: read.excluded }, { lang: 'zh' });
    for (const card of full.scorecards)
      expect(session.explain(7, card.employee_id)?.explanation).toEqual(card.explanation);
  });
});

describe('the preview session', () => {
  const text = readFileSync('policies/short-video-team.yaml', 'utf8');

  it('keeps the data it has when a file cannot be read: the preview shows the previous month, not zeros', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    const problems = await session.setData(new TextEncoder().encode('not a spreadsheet'), 'bad.xlsx');
    expect(problems?.map((d) => d.code)).toEqual(['data_xlsx_unreadable']);
    expect(session.dataFile).toBe('examples/sample-2026-10.csv');
    const r = await session.evaluate(1, text, undefined, 'zh', clock);
    // the sample month: 200 records, SV0013 and SV0055 left out on purpose
    expect(r.ok && [r.result.summary.employees, r.result.summary.excluded]).toEqual([198, 2]);
  });

  it('compares an edit with the saved version and names the rule change', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    const edited = text.replace(
      '- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1000 }',
      '- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1500 }',
    );
    const r = await session.evaluate(1, edited, text, 'zh', clock);
    if (!r.ok) throw new Error('the edit should load');
    expect(r.changes).toEqual(['档位 银牌 奖金 ¥1,000.00 → ¥1,500.00']);
    // every silver employee gains exactly the 500 yuan (50000 fen) of the award
    const silver = r.result.rows.filter((c) => c.payout.tier?.id === 'silver').length;
    expect(silver).toBeGreaterThan(0);
    expect(r.comparison!.changes.length).toBe(silver);
    expect(r.comparison!.changes.every((c) => c.deltaFen === 50000)).toBe(true);
  });

  it('reads the data again when an edit changes what the columns mean', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    const first = await session.evaluate(1, text, undefined, 'zh', clock);
    expect(first.ok && first.dataProblems).toEqual([]);
    // the sample's 完播率 column no longer matches the renamed metric: directors cannot be scored
    const renamed = text.replace(
      'completion_rate: { label: 完播率, unit: ratio }',
      'completion_rate: { label: 完播率（新）, unit: ratio }',
    );
    const second = await session.evaluate(2, renamed, undefined, 'zh', clock);
    if (!second.ok) throw new Error('the renamed policy should load');
    expect(second.dataProblems.map((d) => d.message)).toContain(
      'the file has no column for `完播率（新）` (completion_rate), which 编导 need',
    );
    // and back: the data is read as before
    const third = await session.evaluate(3, text, undefined, 'zh', clock);
    expect(third.ok && third.dataProblems).toEqual([]);
  });

  it('forgets evaluations older than the last three: their employees are no longer explained', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    for (const id of [1, 2, 3, 4]) await session.evaluate(id, text, undefined, 'zh', clock);
    expect(session.explain(1, 'SV0004')).toBeNull();
    expect(session.explain(2, 'SV0004')?.explanation[0]).toBe('魏轩琪（SV0004）· 编导 · 短视频一组 · 初创期');
    expect(session.explain(4, 'nobody')).toBeNull();
  });
});

describe('an edit that makes records unscorable', () => {
  const text = readFileSync('policies/short-video-team.yaml', 'utf8');
  // 爆款数 is filled only for the ops manager O1; X1's 发布视频数 cannot be read under either version
  const DATA = `工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,完播率,创意采纳率,单条最高播放,粉丝增长率,爆款数,主页访问量,引流线索数,24小时交付率,剪辑质量评分,热点匹配度,违规次数
D1,编导甲,编导,一组,初创期,2026-10,32,100000,3000,42%,50%,50000,,,,,,,,0
O1,运营乙,运营经理,二组,成熟期,2026-10,20,100000,3000,,,50000,15%,2,2000,100,,,,0
E1,<b>剪辑丙</b>,剪辑师,二组,成熟期,2026-10,,100000,3000,,,50000,,,,,95%,90,60%,0
X1,编导丁,编导,一组,初创期,2026-10,12..5,100000,3000,42%,50%,50000,,,,,,,,0
`;
  // an award on 爆款数, a metric without a default
  const edited = text.replace(
    /^adjustments:\n/m,
    'adjustments:\n  viral_count_award:\n    title: 爆款数奖励\n    when: { all: [ { fact: viral_videos, operator: greaterThanInclusive, value: 2 } ] }\n    award: 300\n',
  );

  it('lists them apart from pay changes, with the data diagnostic, and keeps them out of the money', async () => {
    const session = new PreviewSession();
    await session.setData(new TextEncoder().encode(DATA), 'month.csv');
    const r = await session.evaluate(1, edited, text, 'zh', clock);
    if (!r.ok) throw new Error('the edit should load');
    // the preview: only O1 is scored; X1 (both versions), D1 and E1 (this edit) are excluded, each with why
    expect(r.result.rows.map((c) => c.employee_id)).toEqual(['O1']);
    expect(
      r.result.excluded.map((x) => [
        x.employee_id,
        x.name,
        x.reasons.map((d) => [d.code, d.cell?.row, d.cell?.column, d.cell?.value]),
      ]),
    ).toEqual([
      ['D1', '编导甲', [['data_missing_metric', 2, '爆款数', '']]],
      ['E1', '<b>剪辑丙</b>', [['data_missing_metric', 4, '爆款数', '']]],
      // every problem of the row, not only the first: X1 lacks 爆款数 too
      [
        'X1',
        '编导丁',
        [
          ['data_not_a_number', 5, '发布视频数', '12..5'],
          ['data_missing_metric', 5, '爆款数', ''],
        ],
      ],
    ]);
    const c = r.comparison!;
    // O1, the only one both versions score: 8920 (110, gold: 6600 + 1320 + 1000) + the 300 award = 9220 yuan; in fen:
    expect(c.employees).toBe(1);
    expect([c.total_before_fen, c.total_after_fen, c.delta_fen]).toEqual([892000, 922000, 30000]);
    expect(c.changes.map((x) => [x.employee_id, x.deltaFen, x.kinds])).toEqual([['O1', 30000, ['pay']]]);
    // D1 (5876.80, A+) and E1 (4456, A) the saved version paid: listed with the reason, not as −¥10,332.80
    expect(
      c.unscorable.map((u) => [u.employee_id, u.became, u.before?.totalFen, u.reasons.map((d) => d.message)]),
    ).toEqual([
      ['D1', 'unscorable', 587680, ['missing `爆款数` (viral_videos) for role `编导`']],
      ['E1', 'unscorable', 445600, ['missing `爆款数` (viral_videos) for role `剪辑师`']],
    ]);
    // X1 is excluded by both versions: not a change
    expect(c.unscorable.some((u) => u.employee_id === 'X1')).toBe(false);
  });

  it('going back to the saved version makes them scorable again, still apart from the money', async () => {
    const session = new PreviewSession();
    await session.setData(new TextEncoder().encode(DATA), 'month.csv');
    const r = await session.evaluate(1, text, edited, 'zh', clock);
    if (!r.ok) throw new Error('the policy should load');
    expect([r.comparison!.total_before_fen, r.comparison!.total_after_fen, r.comparison!.delta_fen]).toEqual([
      922000, 892000, -30000,
    ]);
    expect(r.comparison!.unscorable.map((u) => [u.employee_id, u.became, u.after?.totalFen])).toEqual([
      ['D1', 'scorable', 587680],
      ['E1', 'scorable', 445600],
    ]);
  });
});

// A dataset of two months, a person the edit scores in neither (a formula below 0: eval_negative_pay,
// each row left out with its own amount). The impact gave each month's line the reasons of both
// months' rows, as `diff` did before it placed each card at its row.
//   edit: pay = ¥10,000 × (rating − 65) / 100
//   E1 10月 rating 60: 10,000 × −5 / 100 = −¥500.00 (row 2)    E1 11月 rating 50: −¥1,500.00 (row 4)
//   E2 10月 rating 90: ¥2,500.00                               E2 11月 rating 80: ¥1,500.00
describe('an edit that makes a person unscorable in two months of one dataset', () => {
  it('gives each month the reason of that month’s row alone', async () => {
    const saved = moneyPolicy('');
    const edit = saved.replace('pay_base * score / 100', 'pay_base * (score - 65) / 100');
    const data = monthsCsv([
      ['E1', '2026-10', 60],
      ['E2', '2026-10', 90],
      ['E1', '2026-11', 50],
      ['E2', '2026-11', 80],
    ]);
    const session = new PreviewSession();
    expect(await session.setData(new TextEncoder().encode(data), 'two-months.csv')).toBeNull();
    const r = await session.evaluate(1, edit, saved, 'en', clock);
    if (!r.ok) throw new Error('the edit should load');
    expect(
      r.comparison!.unscorable.map((u) => [
        u.employee_id,
        u.period,
        u.reasons.map((d) => [d.cell?.row, /is (-¥[\d,.]+) for/.exec(d.message)?.[1]]),
      ]),
    ).toEqual([
      ['E1', '2026-10', [[2, '-¥500.00']]],
      ['E1', '2026-11', [[4, '-¥1,500.00']]],
    ]);
  });
});

// The preview reuses the records it read while the data contract is the same. Setting an indicator's
// weight to 0 in a stage changes what that stage's records must carry (GMV no longer required of
// startup), though every role still requires it in some stage: the records must be read again, or
// the edit's preview keeps excluding the startup host whose GMV cell is empty.
describe('an edit that weights an indicator 0 in a stage', () => {
  it('reads the records again: the startup host with an empty GMV cell becomes scorable', async () => {
    // saved: startup 上级评分 80 %, GMV 20 %; the edit: 100 % and 0 % (TWO_STAGE_GMV_POLICY)
    const saved = TWO_STAGE_GMV_POLICY.replace(
      'weight: { startup: 100, mature: 60 }',
      'weight: { startup: 80, mature: 60 }',
    ).replace('weight: { startup: 0, mature: 40 }', 'weight: { startup: 20, mature: 40 }');
    const session = new PreviewSession();
    const csv = '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV\nS2,乙,主播,一组,初创期,2026-10,70,\n';
    await session.setData(new TextEncoder().encode(csv), 'm.csv');
    // the saved version first, as the page opens it: its reading leaves S2 out (data_missing_metric)
    const before = await session.evaluate(1, saved, undefined, 'zh', clock);
    expect(before.ok && before.result.excluded.map((x) => x.reasons.map((d) => d.code))).toEqual([
      ['data_missing_metric'],
    ]);
    const r = await session.evaluate(2, TWO_STAGE_GMV_POLICY, saved, 'zh', clock);
    if (!r.ok) throw new Error('the edit should load');
    // S2: 70 × 100 % = 70 → B, ¥7,000.00; the saved version could not score them (GMV missing)
    expect(r.result.rows.map((c) => [c.employee_id, c.score, c.grade])).toEqual([['S2', 70, 'B']]);
    expect(r.comparison!.unscorable.map((u) => [u.employee_id, u.became, u.after?.totalFen])).toEqual([
      ['S2', 'scorable', 700000],
    ]);
  });
});

describe('a calibration minimum no team can be given', () => {
  // B min 30 % and C min 30 % under round_up: the only member of 一组 (95) goes to C (minima from
  // the worst grade up), and B's one person cannot be found: the editor shows the run's warning
  // among the policy's problems, at the quota's `min`, as `yardstick run` prints it
  const policy = `policy: one-team
title: 一人团队
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  s: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas:
    B: { min: 0.3 }
    C: { min: 0.3 }
  small_teams: round_up
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

  it('is among the problems, at line 17, column 15', async () => {
    const session = new PreviewSession();
    const csv = '工号,姓名,岗位,团队,阶段,月份,评分\nS1,甲,员工,一组,常规,2026-10,95\n';
    expect(await session.setData(new TextEncoder().encode(csv), 'month.csv')).toBeNull();
    const r = await session.evaluate(1, policy, undefined, 'en', clock);
    if (!r.ok) throw new Error('the policy should load');
    expect(r.result.rows.map((row) => [row.employee_id, row.grade, row.calibrated])).toEqual([['S1', 'A', 'C']]);
    // `    B: { min: ` is 14 characters: `0.3` at column 15 of line 17 (`    B: { min: 0.3 }`)
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.column])).toEqual([
      ['eval_calibration_min_unmet', 'warning', 17, 15],
    ]);
  });
});
