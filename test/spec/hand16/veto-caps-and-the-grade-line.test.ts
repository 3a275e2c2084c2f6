// A veto together with a bonus and a total cap, pay rounded to the yuan, and two ratings just
// under the B line: 59.999 and 59.99 points are rounded with the weighted points (score.decimals 2,
// half up), so both land on 60 and are B, as docs/policy-language.md says of every score figure.

import { describe, expect, it } from 'vitest';
import { byId, lines, runMonth } from '../run.js';

const POLICY = `policy: veto-caps
title: 一票否决与封顶
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  conv: { label: 转化率, unit: ratio }
  violations: { label: 违规次数, unit: count }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 3333
    indicators:
      r: { metric: rating, scoring: rating, weight: 50 }
      c: { metric: conv, threshold: 0.3, target: 0.5, weight: 50 }
adjustments:
  bonus:
    title: 加分
    when: { fact: rating, operator: greaterThanInclusive, value: 95 }
    points: 10
  veto:
    title: 违规一票否决
    when: { fact: violations, operator: greaterThan, value: 0 }
    score_cap: 60
    grade_cap: C
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  cap: pay_base * 1.05
  rounding: { to: 1, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,评分,转化率,违规次数
E1,甲,staff,一组,s,2026-10,59.999,0.3,0
E2,乙,staff,一组,s,2026-10,59.99,0.3,0
E3,丙,staff,一组,s,2026-10,100,0.5,1
E4,丁,staff,一组,s,2026-10,100,0.6,0
`;

describe('a veto, a bonus and a total cap, paid to the yuan', () => {
  it('scores and grades each person as the rules say', async () => {
    const c = byId(await runMonth(POLICY, CSV));
    // E1: 评分 59.999 × 50 % = 29.9995 → 30.00; 转化率 0.3 = threshold → 60 × 50 % = 30; 60 → B
    // E2: 评分 59.99 × 50 % = 29.995 → 30.00 (half up); 30; 60 → B
    // E3: 100 × 50 % + 100 × 50 % = 100; bonus +10 → 110; veto: score at most 60 → 60, which is B,
    //     but the grade at most C → C
    // E4: 50 + (0.6: 60 + 40 × 0.3 / 0.2 = 120, the slope past target with no challenge) × 50 % = 60 → 110;
    //     bonus +10 → 120 → A
    expect([c.E1, c.E2, c.E3, c.E4].map((s) => [s!.base_score, s!.score, s!.grade])).toEqual([
      [60, 60, 'B'],
      [60, 60, 'B'],
      [100, 60, 'C'],
      [110, 120, 'A'],
    ]);
  });

  it('rounds each line to the yuan and takes the cap down to the yuan', async () => {
    const c = byId(await runMonth(POLICY, CSV));
    // E1–E3: 3,333 × 60 % = 1,999.80 → ¥2,000 (half up to the yuan); under the cap
    // E4: 3,333 × 120 % = 3,999.60 → ¥4,000; cap 3,333 × 1.05 = 3,499.65, taken down to ¥3,499 (a cap is
    //     never exceeded, whatever the mode) → total_cap 3,499 − 4,000 = −¥501; total ¥3,499
    expect(lines(c.E1!)).toEqual([['performance_pay', 200000]]);
    expect(lines(c.E3!)).toEqual([['performance_pay', 200000]]);
    expect(lines(c.E4!)).toEqual([
      ['performance_pay', 400000],
      ['total_cap', -50100],
    ]);
    expect(c.E4!.payout.totalFen).toBe(349900);
  });
});
