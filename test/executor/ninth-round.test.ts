// What the compiled executor's ninth round changed, held to what it did before: a record's base
// score, score and attainment are kept in its fact array only (not in fields of the evaluation in
// progress as well), the tier basis is read from there, and "no tier" is a small integer, not
// Infinity. Both executors must still see the same facts in phase `triggers`, decide the same tier
// on either basis, and write the same card; the values below are worked out by hand.

import { describe, expect, it } from 'vitest';
import { evaluateRecord, type Scorecard } from '../../engine/index.js';
import { compiledPolicy, policy as draft, staffScorecard, when } from '../builders.js';

/** The minimal policy (points = the rating, ¥1000 × score / 100) with hours, a bonus, a veto and triggers on the score's facts. */
const withTriggers = () =>
  draft()
    .metric('hours', { label: '工时', unit: 'count' })
    .adjustment('overtime', { title: '加班奖励', when: when('hours', 'greaterThan', 100), points: 10 })
    .adjustment('veto', { title: '一票否决', when: when('hours', 'lessThan', 1), score_cap: 60 })
    .trigger('high_score', {
      title: '高分',
      when: when('score', 'greaterThanInclusive', 90),
      action: { type: 'notify' },
    })
    .trigger('base_high', {
      title: '基础分高',
      when: when('base_score', 'greaterThanInclusive', 85),
      action: { type: 'notify' },
    })
    .trigger('attained', {
      title: '达成',
      when: when('attainment', 'greaterThanInclusive', 0.95),
      action: { type: 'notify' },
    })
    .trigger('no_tier', {
      title: '无档位',
      when: { all: [{ fact: 'tier', operator: 'absent' }] },
      action: { type: 'notify' },
    });

const onAttainment = compiledPolicy(
  withTriggers().tier({ tier: 'gold', min: 0.95, award: 100 }).tier({ tier: 'silver', min: 0.8, award: 50 }).yaml(),
  'ninth-attainment.yaml',
);

const onHours = compiledPolicy(
  withTriggers()
    .payout({ tiers: { basis: 'hours', bands: [{ tier: 'busy', min: 150, award: 30 }] } })
    .yaml(),
  'ninth-hours.yaml',
);

/** E1 as `staffScorecard` writes the record. */
const E1 = { employee_id: 'E1', name: '甲', role: 'staff', team: '一组', stage: 'only', period: '2026-10' };

/** E1's card for this rating and these hours from the compiled executor and from json-rules-engine, held equal. */
async function card(policy: typeof onAttainment, rating: number, hours: number): Promise<Scorecard> {
  const compiled = staffScorecard(policy, { rating, hours });
  const reference = await evaluateRecord(policy, { ...E1, metrics: { rating, hours } }, { executor: 'reference' });
  if (!reference.ok) throw new Error('evaluates');
  expect(compiled).toEqual(reference.scorecard);
  return compiled;
}

const values = (c: Scorecard, id: string) => c.triggers.find((t) => t.id === id)?.conditions.map((v) => v.actual);

describe('the score, the base score and the attainment, kept in the fact array only', () => {
  it('reach phase triggers as decided: base 85, +10 overtime points, score 95, attainment 0.95', async () => {
    const c = await card(onAttainment, 85, 120);
    expect([c.base_score, c.score]).toEqual([85, 95]);
    expect(c.triggers.map((t) => t.id)).toEqual(['high_score', 'base_high', 'attained']);
    expect([values(c, 'high_score'), values(c, 'base_high'), values(c, 'attained')]).toEqual([[95], [85], [0.95]]);
    // gold at 0.95: ¥950 performance pay and the ¥100 award
    expect(c.payout.tier).toEqual({ id: 'gold', basis: 0.95 });
    expect(c.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 95_000],
      ['tier_award', 10_000],
    ]);
    expect(c.payout.totalFen).toBe(105_000);
  });

  it('a score capped by an adjustment is the score the triggers, the tier and the pay see: 60, not the base 88', async () => {
    const c = await card(onAttainment, 88, 0);
    expect([c.base_score, c.score]).toEqual([88, 60]);
    // 0.6 is below every band: no tier, so `tier absent` holds
    expect(c.payout.tier).toBeUndefined();
    expect(c.triggers.map((t) => t.id)).toEqual(['base_high', 'no_tier']);
    expect(c.payout.totalFen).toBe(60_000);
  });

  it('no band reached is no tier on the card, in the tier fact and in the lines (not a band past the last)', async () => {
    const c = await card(onAttainment, 70, 50);
    expect(c.score).toBe(70);
    expect(c.payout.tier).toBeUndefined();
    expect(c.payout.lines.map((l) => l.kind)).toEqual(['performance_pay']);
    expect(c.triggers.map((t) => t.id)).toEqual(['no_tier']);
  });

  it('a tier basis on a metric is read from its slot, not from the attainment', async () => {
    // 160 hours reach `busy` at any score; 120 hours do not, however high the score
    const busy = await card(onHours, 50, 160);
    expect(busy.score).toBe(60);
    expect(busy.payout.tier).toEqual({ id: 'busy', basis: 160 });
    expect(busy.payout.totalFen).toBe(60_000 + 3_000);
    const idle = await card(onHours, 95, 120);
    expect(idle.score).toBe(105);
    expect(idle.payout.tier).toBeUndefined();
    expect(idle.triggers.map((t) => t.id)).toEqual(['high_score', 'base_high', 'attained', 'no_tier']);
  });
});
