// More GMV (a better rating) never pays less — broken by a bonus pool whose weight falls as the
// metric improves. A pool share is the pool × the employee's weight / everyone's weights, so it
// moves with the weight only once someone else shares the pool; verify evaluated one employee at a
// time and called the promise proved. It now compares the two employees of each step beside the
// same colleague (the first of the two, in the same team), the pools shared exactly as a run does.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { policy } from '../builders.js';

function verdicts(yaml: string, property: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.filter((v) => v.property === property);
}

/** The builders' 员工: pay base ¥1,000, score = the manager's rating (0–100); a ¥`fund` pool per team split by `weight`. */
const rated = (weight: string, fund = 100_000) =>
  policy()
    .payout({ performance_pay: 'pay_base * score / 100' })
    .set('pools', { p: { title: '团队奖金池', per: 'team', fund: { fixed: fund }, weight } })
    .yaml();

/** 1 % of GMV, with a declared "more GMV never pays less", and a pool per team split by `weight`. */
const onGmv = (weight: string, fund: number) =>
  policy()
    .metric('gmv', { label: 'GMV', unit: 'money' })
    .payout({ performance_pay: 'gmv * 0.01' })
    .set('pools', { p: { title: '团队奖金池', per: 'team', fund: { fixed: fund }, weight } })
    .set('properties', { gmv_monotone: { title: 'GMV 越高应发不减', monotone: { metric: 'gmv' } } })
    .yaml();

describe('a pool weight that falls as the score rises', () => {
  it('fails the built-in monotone: rating 0 → ¥50,000.00, rating 80 → ¥17,466.67', () => {
    // weight max(0, 100 − score), ¥100,000, the colleague rated 0 (weight 100):
    //   rating 0: pay 0; weights 100 and 100 → ¥50,000.00 each → ¥50,000.00
    //   rating 80: pay 1,000 × 80 / 100 = ¥800; weights 20 and 100 → 100,000 × 20 / 120 =
    //   ¥16,666.666… → 1,666,666 fen and 8,333,333 fen, the fen left to the larger remainder
    //   (0.67 against 0.33) → ¥16,666.67; ¥800 + ¥16,666.67 = ¥17,466.67
    const [v] = verdicts(rated('max(0, 100 - score)'), 'monotone');
    expect(v).toMatchObject({ subject: ['roles', 'staff', 'indicators', 'rating', 'only'], holds: false });
    expect(v!.counterexample).toBeUndefined();
    expect(v!.diagnostic!.message).toBe(
      'the pay of 员工 (常规) beside a colleague in the pool `团队奖金池` falls from ¥50,000.00 to ¥17,466.67 when `评分` improves from 0 to 80: the pool share goes from ¥50,000.00 to ¥16,666.67',
    );
  });

  it('is still proved for a weight that rises with the score (score × pay base)', () => {
    expect(verdicts(rated('score * pay_base'), 'monotone')).toMatchObject([{ holds: true, basis: 'proved' }]);
  });
});

describe('a declared "more GMV never pays less" with a pool weight falling in GMV', () => {
  it('fails by one fen: ¥0.01 → ¥50,000.00, ¥0.10 → ¥49,999.99 beside a colleague', () => {
    // weight max(0, 200,000 − gmv), ¥100,000; pay 1 % of GMV, both under half a fen → ¥0.00
    //   gmv ¥0.01: weights 199,999.99 twice → ¥50,000.00 each
    //   gmv ¥0.10: 100,000 × 199,999.90 / 399,999.89 = ¥49,999.98625…: 4,999,998 fen, the
    //   colleague 5,000,001 (remainders 0.625 and 0.375), the fen left to this one → ¥49,999.99
    const [v] = verdicts(onGmv('max(0, 200000 - gmv)', 100_000), 'properties.gmv_monotone');
    expect(v!.holds).toBe(false);
    expect(v!.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) does not hold: beside a colleague in the pool `团队奖金池`, the pay falls from ¥50,000.00 to ¥49,999.99 when `gmv` goes from ¥0.01 to ¥0.10 (the pool share from ¥50,000.00 to ¥49,999.99)',
    );
  });

  it('is proved for a weight that rises with GMV (gmv + 1)', () => {
    expect(verdicts(onGmv('gmv + 1', 100_000), 'properties.gmv_monotone')).toMatchObject([
      { holds: true, basis: 'proved' },
    ]);
  });

  it('fails when a hold that fires on more GMV takes the share away: ¥51,000.00 → ¥1,000.01', () => {
    // weight gmv + 1, ¥100,000; held (kept out of the pool) above ¥100,000 of GMV
    //   gmv ¥100,000: pay ¥1,000.00, not held; weights 100,001 twice → ¥50,000.00 → ¥51,000.00
    //   gmv ¥100,001: pay ¥1,000.01, held: no share → ¥1,000.01 (held, still its pay)
    // with exclude_held: false the held keep their share and more GMV never pays less: proved
    const yaml = (excludeHeld?: boolean) =>
      policy()
        .metric('gmv', { label: 'GMV', unit: 'money' })
        .payout({ performance_pay: 'gmv * 0.01' })
        .set('holds', {
          big: { title: 'GMV 核查', when: { all: [{ fact: 'gmv', operator: 'greaterThan', value: 100000 }] } },
        })
        .set('pools', {
          p: {
            title: '团队奖金池',
            per: 'team',
            fund: { fixed: 100_000 },
            weight: 'gmv + 1',
            ...(excludeHeld === false ? { exclude_held: false } : {}),
          },
        })
        .set('properties', { gmv_monotone: { title: 'GMV 越高应发不减', monotone: { metric: 'gmv' } } })
        .yaml();
    const [v] = verdicts(yaml(), 'properties.gmv_monotone');
    expect(v!.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) does not hold: beside a colleague in the pool `团队奖金池`, the pay falls from ¥51,000.00 to ¥1,000.01 when `gmv` goes from ¥100,000.00 to ¥100,001.00 (the pool share from ¥50,000.00 to ¥0.00)',
    );
    expect(verdicts(yaml(false), 'properties.gmv_monotone')).toMatchObject([{ holds: true, basis: 'proved' }]);
  });

  it('fails when more GMV costs the grade a pool asks for (min_grade: A): ¥1,500.00 → ¥1,000.00', () => {
    // pay = the pay base, ¥1,000, whatever the score; −30 points above ¥100,000 of GMV; a ¥1,000 pool
    // for grade A (80 points and up) split by pay base. Where the 30 points take an A to B:
    //   gmv ¥100,000: grade A, in the pool beside a colleague of grade A → ¥500.00 → ¥1,500.00
    //   gmv ¥100,001: grade B, out of it → ¥1,000.00. The pay formula, a constant, was all the proof read
    const yaml = policy()
      .metric('gmv', { label: 'GMV', unit: 'money' })
      .payout({ performance_pay: 'pay_base' })
      .set('adjustments', {
        over: {
          title: '超额扣分',
          when: { all: [{ fact: 'gmv', operator: 'greaterThan', value: 100000 }] },
          points: -30,
        },
      })
      .set('pools', {
        p: { title: '优秀奖金池', per: 'team', fund: { fixed: 1000 }, weight: 'pay_base', min_grade: 'A' },
      })
      .set('properties', { gmv_monotone: { title: 'GMV 越高应发不减', monotone: { metric: 'gmv' } } })
      .yaml();
    const [v] = verdicts(yaml, 'properties.gmv_monotone');
    expect(v!.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) does not hold: beside a colleague in the pool `优秀奖金池`, the pay falls from ¥1,500.00 to ¥1,000.00 when `gmv` goes from ¥100,000.00 to ¥100,001.00 (the pool share from ¥500.00 to ¥0.00)',
    );
  });
});
