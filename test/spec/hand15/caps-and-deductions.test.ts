// Deductions per unit at 0 decimals, two score caps and two grade caps at once, score.max, a
// rating indicator with a cap of 150, written from docs/policy-language.md ("adjustments", "score").

import { expect, it } from 'vitest';
import { explainScorecard, loadPolicy } from '../../../engine/index.js';
import { byId, each, runMonth } from '../run.js';

const POLICY = `policy: caps2
title: 多重封顶
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  late: { label: 迟到次数, unit: count }
  complaints: { label: 投诉数, unit: count }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 2000
    indicators:
      r: { metric: rating, scoring: rating, cap: 150, weight: 100 }
score:
  decimals: 0
  max: 120
adjustments:
  late_pen:
    title: 迟到扣分
    when: { fact: late, operator: greaterThan, value: 0 }
    points: { per: late, amount: -12.5, max: 40 }
  comp1:
    title: 投诉封顶
    when: { fact: complaints, operator: greaterThanInclusive, value: 1 }
    score_cap: 85
    grade_cap: B
  comp3:
    title: 多次投诉
    when: { fact: complaints, operator: greaterThanInclusive, value: 3 }
    score_cap: 70
    grade_cap: A
grades:
  - { grade: S, min: 95 }
  - { grade: A, min: 85 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,评分,迟到次数,投诉数
E1,a,员工,一组,常规,2026-10,100,1,0
E2,b,员工,一组,常规,2026-10,100,5,0
E3,c,员工,一组,常规,2026-10,30,3,0
E4,d,员工,一组,常规,2026-10,100,0,1
E5,e,员工,一组,常规,2026-10,100,0,3
`;

it('deducts, caps and grades as worked out by hand', async () => {
  const r = await runMonth(POLICY, CSV);
  // E1: 100 − (1 × 12.5 = 12.5 → 13 at 0 decimals, halves away from zero) = 87 → A; 2000 × 0.87 = ¥1,740
  // E2: 5 × 12.5 = 62.5 → 63, at most 40 → 100 − 40 = 60 → B; ¥1,200
  // E3: 30 − (3 × 12.5 = 37.5 → 38) = −8 → never below 0 → 0, C; ¥0
  // E4: one complaint: score at most 85 (it is 100) → 85, A by score, capped at B; ¥1,700
  // E5: both rules: the score at most min(85, 70) = 70 → B; the grade at most the tighter of B and A: B; ¥1,400
  expect(each(r, (c) => c.score)).toEqual({ E1: 87, E2: 60, E3: 0, E4: 85, E5: 70 });
  expect(each(r, (c) => [c.raw_grade, c.grade])).toEqual({
    E1: ['A', 'A'],
    E2: ['B', 'B'],
    E3: ['C', 'C'],
    E4: ['A', 'B'],
    E5: ['B', 'B'],
  });
  expect(each(r, (c) => c.payout.totalFen)).toEqual({ E1: 174000, E2: 120000, E3: 0, E4: 170000, E5: 140000 });
  expect(r.summary.payout_total_fen).toBe(174000 + 120000 + 0 + 170000 + 140000);
});

it('says a deduction it rounded was rounded, not that 1 × -12.5 is -13', async () => {
  const loaded = loadPolicy(POLICY, 'spec.yaml');
  if (!loaded.ok) throw new Error('the policy loads');
  const c = byId(await runMonth(POLICY, CSV));
  expect(explainScorecard(loaded.policy, c.E1!, 'zh')[3]).toBe(
    '迟到扣分：迟到次数 1 > 0 → 扣 13 分（迟到次数 1 × -12.5 分 = -12.5 分 ≈ -13 分）',
  );
  expect(explainScorecard(loaded.policy, c.E2!, 'en')[3]).toBe(
    '迟到扣分: 迟到次数 5 > 0 → -40 points (迟到次数 5 × -12.5 points = -62.5 points ≈ -63 points, capped at 40 points)',
  );
});
