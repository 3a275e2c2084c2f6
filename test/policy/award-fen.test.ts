// A fixed award and a tier's award with a fraction of a fen. `pay_base: 8000.005` is refused
// (policy_money_fraction_of_fen) and so is a roll-up's award, but `award: 100.004` on an adjustment
// or a tier band was accepted and paid as ¥100.00 without a word. Money a policy pays as written is
// to the fen; a per-unit award's `amount` is a rate (¥0.333 a unit) and stays free, but its `max`
// is an amount: `max: 0.004` was accepted and paid nothing, without a word.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { isFenPath } from '../../engine/review/sweep.js';
import { policy, positionOf, when } from '../builders.js';

/** The policy is refused for the award at `path` alone, at its value (after `award: `, or `max: `). */
const expectRefusedAt = (text: string, path: (string | number)[], value: string) => {
  const key = `${path[path.length - 1]}: `;
  const r = loadPolicy(text, 'p.yaml');
  expect(r.ok).toBe(false);
  const found = r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column]);
  const at = positionOf(text, path);
  expect(found).toEqual([
    [
      'policy_money_fraction_of_fen',
      `\`${path.join('.')}\`: ${value} yuan is not a whole number of fen`,
      at.line,
      at.column + key.length,
    ],
  ]);
};

describe('an award is to the fen', () => {
  it("refuses an adjustment's fixed award of 100.004 at its value", () => {
    const text = policy()
      .adjustment('viral', { title: '爆款奖励', when: when('rating', 'greaterThan', 90), award: 100.004 })
      .yaml();
    expectRefusedAt(text, ['adjustments', 'viral', 'award'], '100.004');
  });

  it("refuses a tier band's award of 500.125 at its value", () => {
    const text = policy()
      .tier({ tier: 'gold', min: 0.9, multiplier: 1, award: 500.125 })
      .tier({ tier: 'none', min: 0, multiplier: 1 })
      .yaml();
    expectRefusedAt(text, ['payout', 'tiers', 'bands', 0, 'award'], '500.125');
  });

  it("refuses a per-unit award's max of 0.004 and of 100.005 at the value", () => {
    for (const [max, value] of [
      [0.004, '0.004'],
      [100.005, '100.005'],
    ] as const) {
      const text = policy()
        .adjustment('viral', {
          title: '爆款奖励',
          when: when('rating', 'greaterThan', 90),
          award: { per: 'rating', amount: 0.333, max },
        })
        .yaml();
      expectRefusedAt(text, ['adjustments', 'viral', 'award', 'max'], value);
    }
  });

  it('accepts 100.01 and 500.5, and a per-unit rate of ¥0.333 a unit at most ¥0.01', () => {
    const fixed = policy().adjustment('viral', {
      title: '爆款奖励',
      when: when('rating', 'greaterThan', 90),
      award: 100.01,
    });
    expect(loadPolicy(fixed.yaml(), 'p.yaml').ok).toBe(true);
    const tier = policy()
      .tier({ tier: 'gold', min: 0.9, multiplier: 1, award: 500.5 })
      .tier({ tier: 'none', min: 0, multiplier: 1 });
    expect(loadPolicy(tier.yaml(), 'p.yaml').ok).toBe(true);
    const rate = policy().adjustment('viral', {
      title: '爆款奖励',
      when: when('rating', 'greaterThan', 90),
      award: { per: 'rating', amount: 0.333, max: 0.01 },
    });
    expect(loadPolicy(rate.yaml(), 'p.yaml').ok).toBe(true);
  });

  it('a sweep of either bisects to the fen, as for the other amounts held to the fen', () => {
    expect(isFenPath(['adjustments', 'viral', 'award'])).toBe(true);
    expect(isFenPath(['payout', 'tiers', 'bands', '0', 'award'])).toBe(true);
    expect(isFenPath(['adjustments', 'viral', 'award', 'amount'])).toBe(false);
  });

  // a sweep of a per-unit award's max stepped to a fraction of a fen (¥1,000.035), which the policy
  // now refuses, and the sweep stopped with that error
  it("a sweep of a per-unit award's max bisects to the fen too", () => {
    expect(isFenPath(['adjustments', 'viral', 'award', 'max'])).toBe(true);
  });
});
