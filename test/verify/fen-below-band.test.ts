// More GMV never pays less — broken by one fen where a band starts. A 1 % commission on GMV with a
// bronze band from ¥100,000 that multiplies by 0.99999 (a typo for 1.09999, say):
//   GMV ¥99,999.99: 99,999.99 × 0.01 = 999.9999 → ¥1,000.00 (half up), no band
//   GMV ¥100,000.00: 100,000 × 0.01 = ¥1,000.00; uplift 1,000 × (0.99999 − 1) = −0.01 → ¥999.99
// Pay falls by ¥0.01 between the two. Verify stepped ¥1 below the band (¥99,999: 999.99, no band,
// the same ¥999.99 as at ¥100,000) and reported "holds, searched". With bronze at × 1.2 the same
// policy keeps its promise: ¥1,000.00 → ¥1,200.00.

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, verifyPolicyText } from '../../engine/index.js';
import { compiledPolicy, policy, positionOf } from '../builders.js';

/** A host paid 1 % of GMV, rated by the manager (80 points), with one band on GMV. */
const text = (multiplier: number, gmvIndicator = false) => {
  const b = policy()
    .metric('gmv', { label: 'GMV', unit: 'money' })
    .payout({
      performance_pay: 'gmv * 0.01',
      tiers: { basis: 'gmv', bands: [{ tier: 'bronze', title: '铜牌', min: 100000, multiplier }] },
    })
    .set('properties', { gmv_monotone: { title: 'GMV 越高应发不减', monotone: { metric: 'gmv' } } });
  if (gmvIndicator)
    b.indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 50 }).indicator('staff', 'gmv', {
      metric: 'gmv',
      threshold: 50000,
      target: 150000,
      weight: 50,
    });
  return b.yaml();
};

function verdict(yaml: string, property: string, subject?: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const v = r.report.verdicts.find((x) => x.property === property && (!subject || x.subject.join('.') === subject));
  if (!v) throw new Error(`no verdict ${property}`);
  return v;
}

/** GMV, tier and pay of each counterexample record, as the engine evaluates it. */
function paid(yaml: string, v: ReturnType<typeof verdict>) {
  return v.counterexample!.map((c) => {
    const e = evaluateRecordSync(compiledPolicy(yaml, 'p.yaml'), c.record);
    if (!e.ok) throw new Error('the counterexample does not evaluate');
    return [c.record.metrics.gmv, e.scorecard.payout.tier?.id ?? null, e.scorecard.payout.totalFen / 100];
  });
}

describe('a band that pays a fen less than no band', () => {
  it('fails the declared monotone at the property, between ¥99,999.99 (¥1,000.00) and ¥100,000 (¥999.99)', () => {
    const yaml = text(0.99999);
    const v = verdict(yaml, 'properties.gmv_monotone');
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) does not hold: the pay falls from ¥1,000.00 to ¥999.99 when `gmv` goes from ¥99,999.99 to ¥100,000.00',
    );
    expect(v.diagnostic!.span).toMatchObject(positionOf(yaml, ['properties', 'gmv_monotone', 'monotone']));
    expect(paid(yaml, v)).toEqual([
      [99999.99, null, 1000],
      [100000, 'bronze', 999.99],
    ]);
    expect(v.confirmed).toBe(true);
  });

  it('fails the built-in monotone of a GMV indicator, at the indicator', () => {
    const yaml = text(0.99999, true);
    const v = verdict(yaml, 'monotone', 'roles.staff.indicators.gmv.only');
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.message).toBe(
      'the pay of 员工 (常规) falls from ¥1,000.00 to ¥999.99 when `GMV` improves from ¥99,999.99 to ¥100,000.00',
    );
    expect(v.diagnostic!.span).toMatchObject(positionOf(yaml, ['roles', 'staff', 'indicators', 'gmv']));
    expect(paid(yaml, v)).toEqual([
      [99999.99, null, 1000],
      [100000, 'bronze', 999.99],
    ]);
  });

  it('holds with bronze at × 1.2 (¥1,000.00 at ¥99,999.99, ¥1,200.00 at ¥100,000): proved, no band pays less', () => {
    expect(verdict(text(1.2), 'properties.gmv_monotone')).toMatchObject({ holds: true, basis: 'proved' });
    expect(verdict(text(1.2, true), 'monotone', 'roles.staff.indicators.gmv.only').holds).toBe(true);
  });
});

// The same on attainment (score / 100): pay = 100 × score / 100, silver from 90 points × 0.9998.
//   89.99 points: ¥89.99, no band; 90 points: 90 × 0.9998 = 89.982 → ¥89.98: a fen less.
// Verify stepped to the band on the metric's own step (a rating's 0.1: 89.9 → ¥89.90, below ¥89.98)
// and never tried 89.99. It now goes on to a tenth and a hundredth of the step, until the score
// outside the band is one score step from it.
describe('a band on attainment that pays a fen less than one score step below it', () => {
  const text = (indicator: Record<string, unknown>, metric: Record<string, unknown>) =>
    policy()
      .role('staff', { pay_base: 100 })
      .metric('returns', metric)
      .indicator('staff', 'rating', indicator)
      .payout({
        tiers: { basis: 'attainment', bands: [{ tier: 'silver', title: '银牌', min: 0.9, multiplier: 0.9998 }] },
      })
      .yaml();

  it('a rating: ¥89.99 at 89.99, ¥89.98 at 90', () => {
    const yaml = text(
      { metric: 'rating', scoring: 'rating', weight: 100 },
      { label: '退货率', unit: 'ratio', default: 0 },
    );
    const v = verdict(yaml, 'monotone', 'roles.staff.indicators.rating.only');
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.message).toBe(
      'the pay of 员工 (常规) falls from ¥89.99 to ¥89.98 when `评分` improves from 89.99 to 90',
    );
    expect(v.confirmed).toBe(true);
  });

  it('a return rate, lower is better: ¥89.99 at 11.251 %, ¥89.98 at 11.25 %, the two numbers written out', () => {
    // threshold 15 % (60 points), target 10 % (100): 11.251 % → 60 + 40 × 3.749 / 5 = 89.992 → 89.99;
    // 11.25 % → 60 + 40 × 3.75 / 5 = 90 → silver
    const yaml = text(
      { metric: 'returns', better: 'lower', threshold: 0.15, target: 0.1, challenge: 0.05, weight: 100 },
      { label: '退货率', unit: 'ratio' },
    );
    const v = verdict(yaml, 'monotone', 'roles.staff.indicators.rating.only');
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.message).toBe(
      'the pay of 员工 (常规) falls from ¥89.99 to ¥89.98 when `退货率` improves from 0.11251 to 0.1125',
    );
    expect(v.counterexample!.map((c) => c.record.metrics.returns)).toEqual([0.11251, 0.1125]);
  });
});
