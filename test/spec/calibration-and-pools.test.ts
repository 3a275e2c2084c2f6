// docs/policy-language.md, "calibration" and "pools", as a specification: ties in forced
// distribution ordered by employee id (code unit by code unit), head counts under `small_teams`,
// and a pool funded by a share of GMV, split to the fen by the largest remainders.

import { describe, expect, it } from 'vitest';
import { each, runMonth, staffCsv } from './run.js';

const POLICY = (quotas: string, smallTeams: string) => `policy: spec-calibration
title: 强制分布
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  gmv: { label: GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
calibration:
  within: all
  quotas: ${quotas}
  small_teams: ${smallTeams}
pools:
  pot:
    title: 奖金池
    per: all
    fund: { share_of: { metric: gmv, rate: 0.01 } }
    weight: score
    min_grade: B
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const csv = (...rows: [string, number, string][]) => staffCsv('评分,GMV', rows);

// Five people: E9 and E10 tie at 90 (A), E2 and e1 tie at 70, E3 has 65 (B).
const FIVE = csv(['E9', 90, '1000.99'], ['E10', 90, '0'], ['E2', 70, '0'], ['e1', 70, '0'], ['E3', 65, '0']);

describe('forced distribution', () => {
  it('orders equal scores by id, code unit by code unit: E10 before E9, E2 before e1', async () => {
    // A max 20 % of 5 = 1 person: E10 (rank 1) keeps A, E9 (rank 2) moves to B.
    // C min 20 % of 5 = 1 person: the lowest-ranked above C, E3, moves down into it.
    const r = await runMonth(POLICY('{ A: { max: 0.2 }, C: { min: 0.2 } }', 'round_down'), FIVE);
    expect(each(r, (c) => [c.calibration?.rank, c.calibration?.calibrated])).toEqual({
      E9: [2, 'B'],
      E10: [1, 'A'],
      E2: [3, 'B'],
      e1: [4, 'B'],
      E3: [5, 'C'],
    });
    // calibration changes no grade that pay or triggers read
    expect(each(r, (c) => c.grade)).toEqual({ E9: 'A', E10: 'A', E2: 'B', e1: 'B', E3: 'B' });
  });

  it('rounds head counts as small_teams says: 10 % of 5 is nobody (round_down), one person (round, round_up)', async () => {
    const moved = async (smallTeams: string) =>
      each(await runMonth(POLICY('{ A: { max: 0.1 } }', smallTeams), FIVE), (c) => c.calibration?.calibrated);
    // round_down: 0.5 → 0 people may hold A, so both A move down to B
    expect(await moved('round_down')).toMatchObject({ E10: 'B', E9: 'B' });
    // round (half up: 0.5 of a person is one) and round_up: one A, E10 by the tie rule
    expect(await moved('round')).toMatchObject({ E10: 'A', E9: 'B' });
    expect(await moved('round_up')).toMatchObject({ E10: 'A', E9: 'B' });
  });
});

describe('a pool of 1 % of GMV', () => {
  it('is funded down to the fen and shared out to the fen, ties of remainders to the smaller id', async () => {
    const r = await runMonth(POLICY('{ A: { max: 0.2 } }', 'round_down'), FIVE);
    // fund: 0.01 × 1000.99 = 10.0099 → down → ¥10.00. Weights (score): 90 + 90 + 70 + 70 + 65 = 385.
    // 1000 fen × 90 / 385 = 233.766 → 233 (rem .766) twice; × 70 / 385 = 181.818 → 181 (rem .818)
    // twice; × 65 / 385 = 168.831 → 168 (rem .831). 233 + 233 + 181 + 181 + 168 = 996: 4 fen left,
    // one each by remainder: E3 (.831), E2 and e1 (.818; tie, E2 first but both get one), then of
    // E10 and E9 (.766) the smaller id: E10 ("E1…" < "E9").
    expect(r.pools?.map((p) => [p.poolFen, p.allocatedFen, p.unallocatedFen])).toEqual([[1000, 1000, 0]]);
    expect(each(r, (c) => c.payout.lines.find((l) => l.kind === 'pool_share')?.amountFen)).toEqual({
      E9: 233,
      E10: 234,
      E2: 182,
      e1: 182,
      E3: 169,
    });
  });
});
