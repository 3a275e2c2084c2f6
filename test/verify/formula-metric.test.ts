// A declared "more GMV never pays less" on a metric that no indicator scores and no rule compares,
// read only by the payout formula, was passed on no employee: "holds · searched 0 cases" (the
// metric had no values to try), or "holds · proved" when the metric is a derived `gmv - refunds`
// (verify could not move it, and took not trying for a proof).
//
// The policy (test/builders.ts minimalPolicy, pay base 1,000, rated 0–100): performance pay
//   pay_base × score / 100 + min(G, 200000) × 0.01 − max(0, G − 300000) × 0.02
// pays 1% of GMV up to ¥200,000, and takes 2 % of every yuan above ¥300,000: at the typical rating 80,
//   G = 300,000: 800 + 2,000 − 0            = ¥2,800.00
//   G = 300,001: 800 + 2,000 − 1 × 0.02     = ¥2,799.98   — more GMV, less pay.

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, verifyPolicyText } from '../../engine/index.js';
import { compiledPolicy, policy } from '../builders.js';

/** The policy with GMV (and refunds) and the formula over `g`, the metric the property names. */
const text = (g: string, derived?: string) => {
  const b = policy()
    .metric('gmv', { label: 'GMV', unit: 'money', default: 0 })
    .metric('refunds', { label: '退款', unit: 'money', default: 0 })
    .payout({
      performance_pay: `pay_base * score / 100 + min(${g}, 200000) * 0.01 - max(0, ${g} - 300000) * 0.02`,
    })
    .set('properties', { gmv_monotone: { title: 'GMV 越高应发不减', monotone: { metric: g } } });
  if (derived) b.set('derived', { [g]: { expr: derived, label: '净GMV', unit: 'money' } });
  return b.yaml();
};

function verdict(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.find((v) => v.property === 'properties.gmv_monotone')!;
}

/** Each counterexample case's GMV and the pay the engine gives it, in yuan. */
function paid(yaml: string, cases: { record: Parameters<typeof evaluateRecordSync>[1] }[]) {
  return cases.map((c) => {
    const e = evaluateRecordSync(compiledPolicy(yaml, 'p.yaml'), c.record);
    if (!e.ok) throw new Error('the counterexample does not evaluate');
    return [c.record.metrics.gmv, e.scorecard.payout.totalFen / 100];
  });
}

describe('a monotone property on a metric only the payout formula reads', () => {
  // GMV itself, and a derived `gmv - refunds` moved through GMV with refunds at 0 (it was "proved")
  it.each([
    ['gmv', undefined],
    ['net', 'gmv - refunds'],
  ])(
    'fails on `%s` where the formula starts taking pay away: ¥2,800.00 at GMV ¥300,000, ¥2,799.98 at ¥300,001',
    (g, derived) => {
      const yaml = text(g, derived);
      const v = verdict(yaml);
      expect(v.holds).toBe(false);
      expect(v.diagnostic!.message).toBe(
        `property \`gmv_monotone\` (GMV 越高应发不减) does not hold: the pay falls from ¥2,800.00 to ¥2,799.98 when \`${g}\` goes from ¥300,000.00 to ¥300,001.00`,
      );
      expect(paid(yaml, v.counterexample!)).toEqual([
        [300000, 2800],
        [300001, 2799.98],
      ]);
      expect(v.confirmed).toBe(true);
    },
  );

  it('is undecided, never proved, on a derived metric verify cannot move (`gmv * 2 - refunds`)', () => {
    const v = verdict(text('net', 'gmv * 2 - refunds'));
    expect(v).toMatchObject({ holds: undefined, basis: 'searched', cases: 0 });
    expect(v.diagnostic!.severity).toBe('warning');
    expect(v.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) was checked on no employee: nothing in the roles and stages it applies to could be varied',
    );
  });

  it('holds where the formula only adds: 1 % of GMV up to ¥200,000', () => {
    const yaml = text('gmv').replace(' - max(0, gmv - 300000) * 0.02', '');
    expect(verdict(yaml)).toMatchObject({ holds: true });
  });
});
