// A pool and a budget that do not divide evenly, in a team written two ways (直播一组 and its alias
// 直播1组, the full-width Ｅ３ among them): ¥1,000 among three equal weights, then a budget that
// leaves variable pay × 9,000 / 11,100. Each odd fen goes where the largest-remainder rule sends
// it, and every total is the sum of its lines to the fen (docs/policy-language.md, pools, budget).

import { describe, expect, it } from 'vitest';
import { byId, lines, runMonth } from '../run.js';

const POLICY = `policy: odd-fen
title: 奖金池与预算
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
stages:
  s: { title: 常规 }
teams:
  live_1: { title: 直播一组, aliases: [ 直播1组 ] }
roles:
  staff:
    title: 员工
    pay_base: 3000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, cap: 100, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 75 }
  - { grade: C, min: 0 }
pools:
  team_bonus:
    title: 团队奖金池
    per: team
    fund: { fixed: 1000 }
    weight: score * pay_base
    min_grade: B
budget:
  total: 10000
  fit: scale_variable
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,GMV
E1,甲,员工,直播一组,常规,2026-10,200000
E2,乙,员工,直播1组,常规,2026-10,200000
Ｅ３,丙,员工,直播一组 ,常规,2026-10,250000
E4,丁,员工,直播1组,常规,2026-10,125000
`;

describe('a pool and a budget that do not divide evenly', () => {
  it('gives each odd fen by the largest remainder, ties to the smaller id', async () => {
    const r = await runMonth(POLICY, CSV);
    const c = byId(r);
    // Scores: E1, E2 at target → 100; E3 250,000 → 60 + 40 × 150,000 / 100,000 = 120, the
    //   indicator's cap 100 → 100 (A);
    //   E4 125,000 → 60 + 40 × 25,000 / 100,000 = 70 → C, below min_grade B: no share.
    // Performance pay 3,000 × 100 % = 3,000.00 (E1–E3); E4 3,000 × 70 % = 2,100.00. Variable 11,100.00.
    // One team (直播1组 is 直播一组's alias): pool 1,000.00 over weights 300,000 × 3 → 333.333… each;
    //   down to the fen 333.33 × 3 = 999.99, 1 fen left, remainders equal → the smallest id, E1: 333.34.
    // Budget 10,000.00 less pool shares 1,000.00 = 9,000.00 of room for 11,100.00 of variable pay:
    //   E1–E3 3,000 × 9,000 / 11,100 = 2,432.4324… → 2,432.43 (remainder 0.24 fen)
    //   E4    2,100 × 9,000 / 11,100 = 1,702.7027… → 1,702.70 (remainder 0.70 fen)
    //   2,432.43 × 3 + 1,702.70 = 8,999.99: the 1 fen left goes to the largest remainder, E4 → 1,702.71.
    //   Cuts: 2,432.43 − 3,000 = −567.57; 1,702.71 − 2,100 = −397.29.
    expect(Object.keys(c)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect([c.E1!.score, c.E2!.score, c.E3!.score, c.E4!.score]).toEqual([100, 100, 100, 70]);
    const sorted = (id: string) => lines(c[id]!).sort();
    expect(sorted('E1')).toEqual([
      ['budget_scale', -56757],
      ['performance_pay', 300000],
      ['pool_share', 33334],
    ]);
    expect(sorted('E2')).toEqual([
      ['budget_scale', -56757],
      ['performance_pay', 300000],
      ['pool_share', 33333],
    ]);
    expect(sorted('E3')).toEqual([
      ['budget_scale', -56757],
      ['performance_pay', 300000],
      ['pool_share', 33333],
    ]);
    expect(sorted('E4')).toEqual([
      ['budget_scale', -39729],
      ['performance_pay', 210000],
    ]);
  });

  it('pays exactly the budget, each total the sum of its lines', async () => {
    const r = await runMonth(POLICY, CSV);
    const totals = r.scorecards.map((s) => s.payout.totalFen);
    // E1 2,432.43 + 333.34 = 2,765.77; E2, E3 2,432.43 + 333.33 = 2,765.76; E4 1,702.71
    expect(totals).toEqual([276577, 276576, 276576, 170271]);
    for (const s of r.scorecards)
      expect(s.payout.totalFen).toBe(s.payout.lines.reduce((sum, l) => sum + l.amountFen, 0));
    // 2,765.77 + 2,765.76 × 2 + 1,702.71 = 10,000.00
    expect(totals.reduce((a, b) => a + b, 0)).toBe(1000000);
  });
});
