// The month's totals start their sums in fen from a number V8 keeps as a double (then set to 0), so
// that a sum beyond 2³¹ fen does not change the object's layout mid-month (engine/evaluation/run.ts,
// docs/benchmarks.md "Executor, thirteenth round"). What that must not change: an empty month totals
// exactly 0, a copy of new totals (what a worker starts from) holds 0, and sums far beyond 2³¹ fen
// (¥21,474,836.48) are exact.

import { describe, expect, it } from 'vitest';
import { RunTotals } from '../../engine/index.js';
import { compiledPolicy, policy as draft, staffScorecard } from '../builders.js';

// the minimal policy (points = the rating, pay_base × score / 100) paying ¥30,000,000 at 100 points,
// a hold below 60
const policy = compiledPolicy(
  draft()
    .role('staff', { pay_base: 30_000_000 })
    .set('holds', {
      low: {
        title: '待复核',
        reason: '评分过低',
        when: { all: [{ fact: 'rating', operator: 'lessThan', value: 60 }] },
      },
    })
    .yaml(),
  'thirteenth.yaml',
);

describe("a month's totals in fen", () => {
  it('are exactly 0 for a month with nobody in it', () => {
    const s = new RunTotals(policy).summary(0);
    expect(s.payout_total_fen).toBe(0);
    expect(s.payable_total_fen).toBe(0);
    expect(s.held_total_fen).toBe(0);
    expect(s.employees).toBe(0);
    expect(s.holds).toBe(0);
  });

  it('are 0 in a copy of new totals, which a worker starts from, and the copy has the data fields only', () => {
    const copy = { ...new RunTotals(policy) };
    expect(copy.totalFen).toBe(0);
    expect(copy.heldFen).toBe(0);
    expect(Object.keys(copy)).toEqual([
      'byGrade',
      'triggers',
      'byCalibrated',
      'byTeam',
      'employees',
      'totalFen',
      'heldFen',
      'holds',
    ]);
  });

  it('add up exactly far beyond 2³¹ fen, paid and held apart', () => {
    // rating 100: ¥30,000,000.00 = 3,000,000,000 fen each; rating 50: ¥15,000,000.00 = 1,500,000,000
    // fen, held (50 < 60)
    const totals = new RunTotals(policy);
    for (const rating of [100, 100, 50]) totals.add(staffScorecard(policy, { rating }));
    expect(totals.totalFen).toBe(7_500_000_000);
    expect(totals.heldFen).toBe(1_500_000_000);
    const s = totals.summary(0);
    expect(s.payout_total_fen).toBe(7_500_000_000);
    expect(s.payable_total_fen).toBe(6_000_000_000);
    expect(s.held_total_fen).toBe(1_500_000_000);
    expect(s.holds).toBe(1);
    expect(s.by_team).toEqual({ 一组: { employees: 3, payout_total_fen: 7_500_000_000 } });
  });
});
