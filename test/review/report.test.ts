// The review report finance approves: a git branch with four changes (a target raise, a weight
// shift, a tier band change, a new award rule) on eight people, every number worked out by hand.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { outlierFen } from '../../node/cli/commands/diff.js';
import { ExitError } from '../../node/cli/errors.js';

const project = resolve('.');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const POLICY = 'policies/sales.yaml';

// 销售额 scores 60 + 40 × (v − 40)/(target − 40) up to the target, then 100 + 20 × (v − target)/(160 − target);
// 拜访数 60 + 4 × (v − 10) up to 20, then 100 + 2 × (v − 20). Pay 1000 × score / 100 plus the tier award.
const base = `policy: sales
title: 销售月度绩效
version: 1.0.0
effective_from: 2026-09
metrics:
  sales: { label: 销售额, unit: count }
  visits: { label: 拜访数, unit: count }
  leads: { label: 线索数, unit: count }
stages:
  only: { title: 常规 }
roles:
  rep:
    title: 销售
    pay_base: 1000
    indicators:
      sales: { metric: sales, threshold: 40, target: 100, challenge: 160, weight: 60 }
      visits: { metric: visits, threshold: 10, target: 20, challenge: 30, weight: 40 }
holds:
  few_visits:
    title: 拜访过少
    when: { all: [ { fact: visits, operator: lessThan, value: 12 } ] }
triggers:
  pip:
    title: 绩效改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action: { type: improvement_plan, days: 30 }
grades:
  - { grade: A, min: 100 }
  - { grade: B, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: attainment
    bands:
      - { tier: gold, title: 金牌, min: 1.10, award: 300 }
      - { tier: silver, title: 银牌, min: 1.00, award: 100 }
  rounding: { to: 0.01, mode: half_up }
`;

const branch = base
  .replace('version: 1.0.0', 'version: 1.1.0')
  .replace('effective_from: 2026-09', 'effective_from: 2026-10')
  .replace(
    'sales: { metric: sales, threshold: 40, target: 100, challenge: 160, weight: 60 }',
    'sales: { metric: sales, threshold: 40, target: 120, challenge: 160, weight: 70 }',
  )
  .replace(
    'visits: { metric: visits, threshold: 10, target: 20, challenge: 30, weight: 40 }',
    'visits: { metric: visits, threshold: 10, target: 20, challenge: 30, weight: 30 }',
  )
  .replace(
    '{ tier: silver, title: 银牌, min: 1.00, award: 100 }',
    '{ tier: silver, title: 银牌, min: 0.90, award: 100 }',
  )
  .replace(
    'holds:\n',
    'adjustments:\n  lead_award:\n    title: 线索奖励\n    when: { all: [ { fact: leads, operator: greaterThanInclusive, value: 5 } ] }\n    award: 200\nholds:\n',
  );

const DATA = `工号,姓名,岗位,团队,阶段,月份,销售额,拜访数,线索数
P1,甲,销售,一组,常规,2026-10,100,20,5
P2,乙,销售,一组,常规,2026-10,160,30,0
P3,丙,销售,一组,常规,2026-10,130,20,8
P4,丁,销售,一组,常规,2026-10,70,15,2
P5,戊,销售,二组,常规,2026-10,118,25,6
P6,己,销售,二组,常规,2026-10,40,10,0
P7,庚,销售,二组,常规,2026-10,100,22,1
P8,辛,销售,二组,常规,2026-10,142,18,5
`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-report-'));
  mkdirSync(join(repo, 'policies'));
  writeFileSync(join(repo, POLICY), base);
  writeFileSync(join(repo, 'month.csv'), DATA);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'sales policy v1.0.0');
  git('checkout', '-qb', 'change');
  writeFileSync(join(repo, POLICY), branch);
  git('commit', '-qam', 'four changes');
  process.chdir(repo);
});

afterAll(() => process.chdir(project));

// Old version (0.6 × 销售额 + 0.4 × 拜访数):
//   P1 100+100 → 100 A silver 1000+100 = 1100      P5 106+110 → 107.6 A silver 1076+100 = 1176
//   P2 120+120 → 120 A gold 1200+300 = 1500        P6 60+60 → 60 C, held, PIP        600
//   P3 110+100 → 106 A silver 1060+100 = 1160      P7 100+104 → 101.6 A silver 1016+100 = 1116
//   P4 80+80 → 80 B 800                            P8 114+92 → 105.2 A silver 1052+100 = 1152
//   total 8604; 一组 4560, 二组 4044
// Step 1, target 120: 销售额 P1 90, P3 105, P4 75, P5 99, P7 90, P8 111
//   P1 94 B 940 (−160), P3 103 1130 (−30), P4 77 C 770 (−30), P5 103.4 1134 (−42), P7 95.6 B 956 (−160),
//   P8 103.4 1134 (−18): −440, 6 people, A → B × 2 (P1, P7), B → C × 1 (P4), silver → none × 2
// Step 2, weights 70/30: P1 93 930 (−10), P3 103.5 1135 (+5), P4 76.5 765 (−5), P5 102.3 1123 (−11),
//   P7 94.2 942 (−14), P8 105.3 1153 (+19): −16, 6 people
// Step 3, silver from 0.90: P1 (0.93) and P7 (0.942) reach silver: +200, 2 people
// Step 4, ¥200 for 线索数 ≥ 5: P1, P3, P5, P8: +800, 4 people
// New version: P1 1230 (+130) P3 1335 (+175) P4 765 (−35) P5 1323 (+147) P7 1042 (−74) P8 1353 (+201)
//   total 9148 = 8604 + 544 = −440 − 16 + 200 + 800; 一组 4830 (+270), 二组 4318 (+274)
describe('the review report of a branch with four changes', () => {
  it('writes the Markdown report with each change costed, crossings first, breakdowns and outliers', async () => {
    const r = await yardstick('diff', '--base', 'main', '--data', 'month.csv', '--format', 'md', '--outlier', '¥200');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '### 销售月度绩效 — `policies/sales.yaml` v1.0.0 → v1.1.0',
      '',
      '**规则变化**',
      '',
      '- 版本 1.0.0 → 1.1.0',
      '- 生效期 2026-09 → 2026-10',
      '- 销售 · 销售额 目标 100 → 120',
      '- 销售 · 权重 销售额 60 → 70',
      '- 销售 · 权重 拜访数 40 → 30',
      '- 档位 银牌 最低 1 → 0.9',
      '- 新增 调整 「线索奖励」：当 线索数 ≥ 5 时，奖励 ¥200.00',
      '',
      '**对数据的影响** `month.csv` (两个版本都能评分的 8 人)',
      '',
      '| | 修改前 | 修改后 | 差额 |',
      '|---|---:|---:|---:|',
      '| 应发合计 | ¥8,604.00 | ¥9,148.00 | **+¥544.00** |',
      '| 等级 A | 6 | 4 | -2 |',
      '| 等级 B | 1 | 2 | +1 |',
      '| 等级 C | 1 | 2 | +1 |',
      '',
      '| 团队 | 修改前 | 修改后 | 差额 |',
      '|---|---:|---:|---:|',
      '| 一组 | ¥4,560.00 | ¥4,830.00 | +¥270.00 |',
      '| 二组 | ¥4,044.00 | ¥4,318.00 | +¥274.00 |',
      '',
      '**按变更归因**',
      '',
      '_逐条应用上面的变更（按列出的顺序，权重调整等必须一起生效的变更合为一步），每步之后重算本月；各步之和等于总差额。相互影响的变更，顺序不同归因也不同。_',
      '',
      '| # | 变更 | 差额 | 人数 | 等级变动 | 档位变动 |',
      '|---:|---|---:|---:|---|---|',
      '| 1 | 销售 · 销售额 目标 100 → 120 | -¥440.00 | 6 | A → B × 2, B → C × 1 | silver → — × 2 |',
      '| 2 | 销售 · 权重 销售额 60 → 70<br>销售 · 权重 拜访数 40 → 30 | -¥16.00 | 6 |  |  |',
      '| 3 | 档位 银牌 最低 1 → 0.9 | +¥200.00 | 2 |  | — → silver × 2 |',
      '| 4 | 新增 调整 「线索奖励」：当 线索数 ≥ 5 时，奖励 ¥200.00 | +¥800.00 | 4 |  |  |',
      '| | 合计 | **+¥544.00** | | | |',
      '',
      '| 岗位 | 人数 | 修改前 | 修改后 | 差额 | 变化率 |',
      '|---|---:|---:|---:|---:|---:|',
      // 544 / 8604 = 6.32%
      '| 销售 | 8 | ¥8,604.00 | ¥9,148.00 | +¥544.00 | +6.3% |',
      '',
      '| 阶段 | 人数 | 修改前 | 修改后 | 差额 | 变化率 |',
      '|---|---:|---:|---:|---:|---:|',
      '| 常规 | 8 | ¥8,604.00 | ¥9,148.00 | +¥544.00 | +6.3% |',
      '',
      '| 原等级 | 人数 | 修改前 | 修改后 | 差额 | 变化率 |',
      '|---|---:|---:|---:|---:|---:|',
      // A: 1100+1500+1160+1176+1116+1152 = 7204 → 1230+1500+1335+1323+1042+1353 = 7783, 579/7204 = 8.04%
      '| A | 6 | ¥7,204.00 | ¥7,783.00 | +¥579.00 | +8.0% |',
      // B: P4 800 → 765, −35/800 = −4.375%
      '| B | 1 | ¥800.00 | ¥765.00 | -¥35.00 | -4.4% |',
      '| C | 1 | ¥600.00 | ¥600.00 | ¥0.00 | 0.0% |',
      '',
      '| 人数统计 | 修改前 | 修改后 |',
      '|---|---:|---:|',
      '| 暂扣 | 1 | 1 |',
      '| 绩效改进计划 | 1 | 2 |',
      '| 排除的记录 | 0 | 0 |',
      '',
      '**⚑ 单人变化 ≥ ¥200.00 的员工 1 人**: P8 辛 +¥201.00',
      '',
      '**受影响的员工** (6)',
      '',
      '**跨越等级或档位的员工** (3)',
      '',
      '| 工号 | 姓名 | 团队 | 等级 | 应发 | 差额 |',
      '|---|---|---|---|---:|---:|',
      '| P1 | 甲 | 一组 | A → B | ¥1,100.00 → ¥1,230.00 | +¥130.00 |',
      '| P7 | 庚 | 二组 | A → B | ¥1,116.00 → ¥1,042.00 | -¥74.00 |',
      '| P4 | 丁 | 一组 | B → C | ¥800.00 → ¥765.00；触发 — → 绩效改进计划 | -¥35.00 |',
      '',
      '**其余应发变化最大的员工** (3)',
      '',
      '| 工号 | 姓名 | 团队 | 等级 | 应发 | 差额 |',
      '|---|---|---|---|---:|---:|',
      '| P8 | 辛 | 二组 | A → A | ¥1,152.00 → ¥1,353.00 | +¥201.00 ⚑ |',
      '| P3 | 丙 | 一组 | A → A | ¥1,160.00 → ¥1,335.00 | +¥175.00 |',
      '| P5 | 戊 | 二组 | A → A | ¥1,176.00 → ¥1,323.00 | +¥147.00 |',
      '',
    ]);
  });

  it('gives the per-change amounts, breakdowns and outliers in yuan in json, and the new rule in English with --lang en', async () => {
    const r = await yardstick('diff', '--base', 'main', '--data', 'month.csv', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const impact = JSON.parse(r.stdout)[0].impact;
    expect(
      impact.per_change.map((s: { changes: string[]; delta: number; people: number }) => [
        s.changes.length,
        s.delta,
        s.people,
      ]),
    ).toEqual([
      [1, -440, 6],
      [2, -16, 6],
      [1, 200, 2],
      [1, 800, 4],
    ]);
    expect(impact.per_change[3].changes).toEqual(['added adjustment 「线索奖励」: when 线索数 ≥ 5, award ¥200.00']);
    expect(impact.per_change[0].grade_moves).toEqual([
      { from: 'A', to: 'B', count: 2 },
      { from: 'B', to: 'C', count: 1 },
    ]);
    // the default threshold is ¥1,000: nobody here moves that much
    expect(impact.breakdown.outlier_threshold).toBe(1000);
    expect(impact.breakdown.outliers).toEqual([]);
    expect(impact.breakdown.by_grade[1]).toEqual({
      key: 'B',
      people: 1,
      before: 800,
      after: 765,
      delta: -35,
      percent: -4.4,
    });
    expect(impact.breakdown.improvement_plan).toEqual({ before: 1, after: 2 });
    // crossings first: P1, P7, P4, then P8, P3, P5
    expect(impact.changes.map((c: { employee_id: string }) => c.employee_id)).toEqual([
      'P1',
      'P7',
      'P4',
      'P8',
      'P3',
      'P5',
    ]);
  });

  it('reads --outlier as sweep --budget reads an amount: ¥, thousands commas, 万, to the fen', () => {
    expect(outlierFen(undefined)).toBe(100_000); // ¥1,000.00
    expect(outlierFen('¥2,000')).toBe(200_000);
    expect(outlierFen('2000.5')).toBe(200_050);
    expect(outlierFen('1万')).toBe(1_000_000); // ¥10,000.00
    expect(outlierFen('0')).toBe(0);
    // each of these could mean two things, or nothing
    for (const text of ['0x10', '1e3', '1,2,3', '¥', '', '-5', '2000.005', 'lots'])
      expect(() => outlierFen(text), text).toThrow(ExitError);
  });

  it('refuses an --outlier that is not an amount', async () => {
    const r = await yardstick('diff', '--base', 'main', '--data', 'month.csv', '--outlier', 'lots');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--outlier `lots` is not an amount of yuan');
  });
});
