// A tier on a metric that no indicator scores (a GMV tier for a role rated by its manager): verify
// never moved GMV, so the band was "not reached in N searched cases" and a declared cliff at it was
// reported as holding — "searched" — without one employee on either side of the band.
//
// The policy (test/builders.ts minimalPolicy): pay = 1,000 × rating / 100; GMV (money, default 0)
// is no indicator; silver from GMV ¥200,000: × 1.1 and a ¥50 award.
//   rating 100, GMV ¥199,999: ¥1,000.00, no tier
//   rating 100, GMV ¥200,000: 1,000 × 1.1 + 50 = ¥1,150.00 — a jump of ¥150.00, the largest there is
//   (at rating r the jump is 10r × 0.1 + 50, at most ¥150.00 for r = 100).

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, verifyPolicyText } from '../../engine/index.js';
import { compiledPolicy, policy, positionOf } from '../builders.js';

const text = (max: number) =>
  policy()
    .metric('gmv', { label: 'GMV', unit: 'money', default: 0 })
    .payout({
      tiers: { basis: 'gmv', bands: [{ tier: 'silver', title: '银牌', min: 200000, multiplier: 1.1, award: 50 }] },
    })
    .set('properties', { silver_cliff: { title: '银牌分界跳变', cliff: { tier: 'silver', max } } })
    .yaml();

function verdicts(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts;
}

describe('a tier on a metric no indicator scores', () => {
  it('is reached by an example employee', () => {
    const v = verdicts(text(150)).find(
      (x) => x.property === 'reachable' && x.subject.join('.') === 'payout.tiers.bands.0',
    );
    expect(v).toMatchObject({ holds: true, basis: 'example' });
  });

  it('fails a cliff of at most ¥149.99: ¥1,000.00 at GMV ¥199,999, ¥1,150.00 at ¥200,000', () => {
    const yaml = text(149.99);
    const v = verdicts(yaml).find((x) => x.property === 'properties.silver_cliff')!;
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.message).toBe(
      'property `silver_cliff` (银牌分界跳变) does not hold: pay jumps by ¥150.00 (from ¥1,000.00 to ¥1,150.00) at the lower bound of tier silver, more than ¥149.99',
    );
    // at the property's `cliff:` key, where the builder writes it
    expect(v.diagnostic!.span).toMatchObject(positionOf(yaml, ['properties', 'silver_cliff', 'cliff']));
    const paid = v.counterexample!.map((c) => {
      const e = evaluateRecordSync(compiledPolicy(yaml, 'p.yaml'), c.record);
      if (!e.ok) throw new Error('the counterexample does not evaluate');
      return [c.record.metrics.gmv, e.scorecard.payout.tier?.id ?? null, e.scorecard.payout.totalFen / 100];
    });
    expect(paid).toEqual([
      [199999, null, 1000],
      [200000, 'silver', 1150],
    ]);
    expect(v.confirmed).toBe(true);
  });

  it('holds a cliff of at most ¥150.00', () => {
    const v = verdicts(text(150)).find((x) => x.property === 'properties.silver_cliff')!;
    expect(v).toMatchObject({ holds: true, basis: 'searched' });
  });
});
