// What the compiled executor's twelfth round moved out of the code every record runs, held to what
// it did before: the lookup of a role other than the last record's, and the problems a record may
// end with (an unknown role or stage, an awards cap or a payout cap without a usable value, a
// performance pay or a payout line above the money limit). They are functions of their own now, so
// that the evaluation's steps are shorter and V8 optimises them sooner in a run's first records;
// each is asked here of both executors, with the message a user reads.

import { describe, expect, it } from 'vitest';
import { evaluateRecord, type EmployeeRecord } from '../../engine/index.js';
import { compiledPolicy, policy as draft, when } from '../builders.js';

/** A record of the minimal policy built by hand (role `staff`, stage `only`), rated `rating`. */
const record = (employee_id: string, rating: number, role = 'staff', stage = 'only'): EmployeeRecord => ({
  employee_id,
  name: employee_id,
  role,
  team: '一组',
  stage,
  period: '2026-11',
  metrics: { rating },
});

/** Each record's outcome by both executors: `score ¥pay` when scored, else its problems' codes and messages. */
async function outcomes(policyText: string, records: EmployeeRecord[]): Promise<string[][]> {
  const compiled = compiledPolicy(policyText, 'twelfth.yaml');
  const out: string[][] = [];
  for (const executor of ['compiled', 'reference'] as const) {
    const each: string[] = [];
    for (const r of records) {
      const e = await evaluateRecord(compiled, r, { executor, explain: false, lang: 'en' });
      each.push(
        e.ok
          ? `${e.scorecard.score} ${e.scorecard.payout.totalFen}`
          : e.reasons.map((d) => `${d.code}: ${d.message}`).join('; '),
      );
    }
    out.push(each);
  }
  return out;
}

describe('a role or stage the policy does not have', () => {
  it('ends that record only: the records before and after it, of a known role, are scored', async () => {
    // E1 rated 80: 1000 × 80 / 100 = ¥800.00; E3 rated 90: ¥900.00, on the same role as E1
    const got = await outcomes(draft().yaml(), [
      record('E1', 80),
      record('E2', 85, 'nobody'),
      record('E3', 90),
      record('E4', 70, 'staff', 'later'),
      record('E5', 60),
    ]);
    const expected = [
      '80 80000',
      'eval_unknown_role_or_stage: role `nobody` or stage `only` is not in the policy',
      '90 90000',
      'eval_unknown_role_or_stage: role `staff` or stage `later` is not in the policy',
      '60 60000',
    ];
    expect(got).toEqual([expected, expected]);
  });
});

describe('the caps without a usable value', () => {
  // one award of ¥500 to every record (rating ≥ 0), so the awards cap is computed
  const withAward = (payout: Record<string, unknown>) =>
    draft()
      .adjustment('bonus', { title: '奖励', when: when('rating', 'greaterThanInclusive', 0), award: 500 })
      .payout({ performance_pay: 'pay_base * score / 100', rounding: { to: 0.01, mode: 'half_up' }, ...payout })
      .yaml();

  // the payout's keys are written after `rounding`, on line 33 of the policy the builder writes:
  // `  awards_cap: …` (its value from column 15) or `  cap: …` (column 8)
  it('an awards cap of 0 − 1 is below 0: the record is not paid', async () => {
    const got = await outcomes(withAward({ awards_cap: 'pay_base * 0 - 1' }), [record('E1', 80)]);
    const expected = [
      'eval_negative_pay: the awards cap `pay_base * 0 - 1` is -¥1.00 for `E1` (twelfth.yaml:33:15): it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
    ];
    expect(got).toEqual([expected, expected]);
  });

  it('a payout cap below 0 likewise, and a cap that is usable caps the total', async () => {
    const negative = await outcomes(withAward({ cap: 'pay_base - 2000' }), [record('E1', 80)]);
    const expected = [
      'eval_negative_pay: the payout cap `pay_base - 2000` is -¥1,000.00 for `E1` (twelfth.yaml:33:8): it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
    ];
    expect(negative).toEqual([expected, expected]);
    // ¥800.00 + the award ¥500.00 = ¥1,300.00, capped at the pay base ¥1,000.00
    const capped = await outcomes(withAward({ cap: 'pay_base' }), [record('E1', 80)]);
    expect(capped).toEqual([['80 100000'], ['80 100000']]);
  });
});

describe('amounts above the money limit', () => {
  it('a performance pay of ¥2,000,000,000 is refused (the limit is ¥100,000,000)', async () => {
    // 1000 × 2,000,000; `performance_pay` is on line 29, its value from column 20
    const got = await outcomes(
      draft()
        .payout({ performance_pay: 'pay_base * 2000000', rounding: { to: 0.01, mode: 'half_up' } })
        .yaml(),
      [record('E1', 80)],
    );
    const expected = [
      'eval_money_out_of_range: performance pay `pay_base * 2000000` is ¥2,000,000,000.00 for `E1` (twelfth.yaml:29:20): above the limit of ¥100,000,000.00 per person',
    ];
    expect(got).toEqual([expected, expected]);
  });
});
