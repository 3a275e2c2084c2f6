// docs/policy-language.md, "score", "adjustments" and "grades", as a specification: a per-unit
// deduction rounded half away from zero, a score taken below 0, `score.max`, a score cap and a grade
// cap, and grades at exactly their `min`. Every figure by hand.

import { describe, expect, it } from 'vitest';
import { byId, each, runMonth, staffCsv } from './run.js';

// decimals 1, max 110. 迟到扣分: −0.35 points per late arrival, at most 50 deducted; 违规否决: any
// violation caps the score at 60 and the grade at C; 加分: +10 per bonus item, no limit of its own.
const POLICY = `policy: spec-score
title: 总分与等级
version: 1.0.0
score:
  decimals: 1
  max: 110
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  late: { label: 迟到次数, unit: count }
  viol: { label: 违规次数, unit: count }
  bonus: { label: 加分项, unit: count }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  late_pen:
    title: 迟到扣分
    when: { fact: late, operator: greaterThan, value: 0 }
    points: { per: late, amount: -0.35, max: 50 }
  veto:
    title: 违规否决
    when: { fact: viol, operator: greaterThan, value: 0 }
    score_cap: 60
    grade_cap: C
  extra:
    title: 加分
    when: { fact: bonus, operator: greaterThan, value: 0 }
    points: { per: bonus, amount: 10 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const csv = (...rows: string[]) =>
  staffCsv(
    '评分,迟到次数,违规次数,加分项',
    rows.map((r) => r.split(',')),
  );

describe('the score: base + adjustments, limited by score.max, then every fired score_cap, never below 0, rounded', () => {
  it('works each case out as the reference says', async () => {
    const r = await runMonth(
      POLICY,
      csv(
        'A1,80,1,0,0', // 80 − 0.35 → −0.4 at 1 decimal (halves away from zero): 79.6, grade B
        'A2,80.04,0,0,0', // points 80.04 → 80.0 at 1 decimal: exactly 80, grade A
        'A3,79.95,0,0,0', // points 79.95 → 80.0 (half up): grade A
        'A4,79.94,0,0,0', // points 79.94 → 79.9: grade B
        'A5,90,0,1,0', // 90, capped at 60: B by the table, C by the grade cap
        'A6,50,0,1,0', // 50 is under the cap of 60: the cap changes nothing, the grade cap C holds
        'A7,10,40,0,0', // 40 × −0.35 = −14: 10 − 14 = −4 → 0, grade C
        'A8,100,0,0,2', // 100 + 2 × 10 = 120 → score.max 110
        'A9,100,0,1,2', // 120 → 110 → the veto's cap 60
        'B1,60,0,0,0', // exactly 60: B
        'B2,59.95,0,0,0', // 59.95 → 60.0 (half up): B
      ),
    );
    expect(each(r, (c) => [c.score, c.raw_grade, c.grade])).toEqual({
      A1: [79.6, 'B', 'B'],
      A2: [80, 'A', 'A'],
      A3: [80, 'A', 'A'],
      A4: [79.9, 'B', 'B'],
      A5: [60, 'B', 'C'],
      A6: [50, 'C', 'C'],
      A7: [0, 'C', 'C'],
      A8: [110, 'A', 'A'],
      A9: [60, 'B', 'C'],
      B1: [60, 'B', 'B'],
      B2: [60, 'B', 'B'],
    });
    // pay follows the final score, in fen: 1000 × 79.6 / 100 = ¥796; 0; 1000 × 110 / 100 = ¥1,100; ¥600
    expect(each(r, (c) => c.payout.totalFen)).toMatchObject({ A1: 79600, A7: 0, A8: 110000, A9: 60000 });
  });

  it('limits a per-unit deduction by its max, in absolute value', async () => {
    // 200 × −0.35 = −70, at most 50 deducted: 100 − 50 = 50
    const c = byId(await runMonth(POLICY, csv('M1,100,200,0,0'))).M1!;
    expect([c.score, c.adjustments.map((a) => [a.id, a.points])]).toEqual([50, [['late_pen', -50]]]);
  });
});

describe('points still needed for the next grade', () => {
  it('79.6 needs 0.4 more for A; 60 (capped to C) is told nothing', async () => {
    const r = byId(await runMonth(POLICY, csv('A1,80,1,0,0', 'A5,90,0,1,0')));
    expect(r.A1!.next_grade).toEqual({ grade: 'A', points_needed: 0.4 });
    expect(r.A5!.next_grade).toBeUndefined();
  });
});
