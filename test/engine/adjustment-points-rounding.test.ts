// Adjustment points are rounded to `score.decimals` like every other point count, halves away
// from zero: "a deduction of −0.35 at 1 decimal is −0.4" (docs/policy-language.md, `score`).
// Per-unit points are rounded so (test/engine/per-unit.test.ts), and so is a fixed `points: -0.35`.

import { describe, expect, it } from 'vitest';
import { compiledPolicy, policy, staffScorecard, when } from '../builders.js';

const deduction = compiledPolicy(
  policy()
    .set('score', { decimals: 1 })
    .metric('violations', { label: '违规次数', unit: 'count' })
    .adjustment('violation', { title: '违规扣分', when: when('violations', 'greaterThan', 0), points: -0.35 })
    .yaml(),
  'deduction.yaml',
);

const card = (rating: number) => staffScorecard(deduction, { rating, violations: 1 });

describe('a fixed adjustment of −0.35 points at score.decimals 1', () => {
  // the points are rounded before they are added (engine/evaluation/evaluate.ts, afterRules): 60.4 − 0.4;
  // added as written, 60.4 − 0.35 = 60.05 would round to 60.1
  it('deducts −0.4 from 60.4: the score is 60.0, not 60.1', () => {
    const c = card(60.4);
    expect(c.adjustments.map((a) => [a.id, a.points])).toEqual([['violation', -0.4]]);
    expect(c.score).toBe(60); // 60.4 − 0.4
    expect(c.payout.totalFen).toBe(60000); // 1000 × 60.0 / 100 = 600.00
  });
});
