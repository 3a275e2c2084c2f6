// "No cliff at grade A" with a bonus pool for grade A and above. Reaching A at 80 points moves the
// employee's own pay by one score step (¥0.10 at a ¥1,000 pay base), but it also lets them into a
// pool they were kept out of: beside a colleague who is not in it, the whole pool. Verify measured
// the employee's own lines only and said the promise held.
//
// The builders' 员工: pay base ¥1,000, score = the manager's rating, grades A from 80, B below;
// performance pay = pay base × score / 100; a ¥1,000 pool per team split by score × pay base.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { policy } from '../builders.js';

function cliff(minGrade?: string) {
  const yaml = policy()
    .payout({ performance_pay: 'pay_base * score / 100' })
    .set('pools', {
      p: {
        title: '优秀奖金池',
        per: 'team',
        fund: { fixed: 1000 },
        weight: 'score * pay_base',
        ...(minGrade ? { min_grade: minGrade } : {}),
      },
    })
    .set('properties', { a_cliff: { title: 'A 级分界处应发跳变不超过 ¥100', cliff: { grade: 'A', max: 100 } } })
    .yaml();
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.find((v) => v.property === 'properties.a_cliff')!;
}

describe('a cliff at a grade that opens a pool', () => {
  it('fails by the whole pool: ¥799.90 at 79.99 points, ¥1,800.00 at 80', () => {
    // 79.99 points: grade B, ¥799.90, kept out of the pool, as the colleague (the same employee) is
    // 80 points: grade A, ¥800.00, the only one in the pool → ¥1,000.00; the jump ¥1,000.10 > ¥100
    const v = cliff('A');
    expect(v.holds).toBe(false);
    expect(v.counterexample).toBeUndefined();
    expect(v.diagnostic!.message).toBe(
      'property `a_cliff` (A 级分界处应发跳变不超过 ¥100) does not hold: beside a colleague in the pool `优秀奖金池`, pay jumps by ¥1,000.10 (from ¥799.90 to ¥1,800.00) at the lower bound of grade A, more than ¥100.00 (the pool share from ¥0.00 to ¥1,000.00)',
    );
  });

  it('holds when everyone shares the pool: one score step moves the share by a few fen', () => {
    // 79.99 beside 79.99: ¥500.00 each; 80 beside 79.99: 1,000 × 80,000 / 159,990 = ¥500.03;
    // the jump is ¥0.10 + ¥0.03
    expect(cliff()).toMatchObject({ holds: true, basis: 'searched' });
  });
});
