// docs/policy-language.md, "pools" and "budget", as finance reads them: small months worked out by
// hand to the fen, and the hostile ones — a pool of one fen among three, a pool below its minimum
// shares, a budget below the awards and pools alone — checked against what the reference promises.
// Every total is checked against the sum of its lines, every pool against its shares.

import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../engine/index.js';
import { byId, each, lines, runMonth } from '../run.js';

/** 员工 paid ¥1,000 × rating / 100, ¥200 for GMV above ¥5,000; `extra` adds pools, budget… */
const policy = (extra: string) => `policy: spec-money
title: 奖金池与预算
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
adjustments:
  big:
    title: 大单奖
    when: { all: [ { fact: gmv, operator: greaterThan, value: 5000 } ] }
    award: 200
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
${extra}
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/** Rows of id, team, rating, GMV. */
const month = (...rows: [string, string, number, number][]) =>
  `工号,姓名,岗位,团队,阶段,月份,评分,GMV\n${rows
    .map(([id, team, rating, gmv]) => `${id},某,staff,${team},s,2026-10,${rating},${gmv}`)
    .join('\n')}\n`;

/** Every total equals its lines, every pool its shares plus what stays unallocated. */
function consistent(r: RunResult): void {
  for (const c of r.scorecards) expect(c.payout.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(c.payout.totalFen);
  for (const p of r.pools ?? []) {
    const shares = r.scorecards
      .flatMap((c) => c.pools ?? [])
      .filter((s) => s.pool === p.pool && s.group === p.group && !s.excluded)
      .reduce((s, x) => s + x.shareFen, 0);
    expect(shares + p.unallocatedFen).toBe(p.poolFen);
  }
}

const pool = (fund: string, more = '') =>
  `pools:\n  pot:\n    title: 团队奖金池\n    per: team\n    fund: ${fund}\n    weight: score${more}`;

describe('a pool of ¥0.01 split among three equals', () => {
  it('gives the one fen to the smallest id, the others nothing', async () => {
    // weights 90 each: 1 fen × 90 / 270 = 0.333 fen each, floors 0; the fen left goes to the largest
    // remainder, all equal, so to the smallest id: A1. Pay ¥900 each, A1 ¥900.01.
    const r = await runMonth(
      policy(pool('{ fixed: 0.01 }')),
      month(['A2', '一组', 90, 0], ['A1', '一组', 90, 0], ['A3', '一组', 90, 0]),
    );
    consistent(r);
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ A2: 90_000, A1: 90_001, A3: 90_000 });
    expect(r.pools?.map((p) => [p.poolFen, p.allocatedFen, p.unallocatedFen])).toEqual([[1, 1, 0]]);
  });
});

describe('a pool smaller than its minimum shares', () => {
  it('drops the minimum for that pool, splits by weight, and warns', async () => {
    // ¥1,000 with min_share ¥500 for three: 3 × 500 = 1,500 > 1,000, so no minimum.
    // weights 90, 60, 50 (sum 200): 100,000 fen × 90/200 = 45,000; × 60/200 = 30,000; × 50/200 = 25,000
    const r = await runMonth(
      policy(pool('{ fixed: 1000 }', '\n    min_share: 500')),
      month(['E1', '一组', 90, 0], ['E2', '一组', 60, 0], ['E3', '一组', 50, 0]),
    );
    consistent(r);
    expect(each(r, (c) => lines(c).find(([k]) => k === 'pool_share')?.[1])).toEqual({
      E1: 45_000,
      E2: 30_000,
      E3: 25_000,
    });
    expect(r.warnings.map((w) => w.code)).toContain('eval_pool_min_dropped');
  });
});

describe('a budget with fit: scale_variable', () => {
  it('scales variable pay by one ratio to the fen, the award untouched, the result the budget exactly', async () => {
    // E1: ¥900 + ¥200 award = ¥1,100; E2: ¥700; E3: ¥500; total ¥2,300, budget ¥1,500: ¥800 over.
    // fixed (the award) ¥200; variable ¥2,100; room 2,100 − 800 = ¥1,300; ratio 13/21.
    // E1 90,000 × 13/21 = 55,714.29 fen, E2 70,000 × 13/21 = 43,333.33, E3 50,000 × 13/21 = 30,952.38:
    // floors 55,714 + 43,333 + 30,952 = 129,999, the fen left to the largest remainder (E3, .38)
    // → E1 ¥557.14 + ¥200 = ¥757.14, E2 ¥433.33, E3 ¥309.53; 757.14 + 433.33 + 309.53 = ¥1,500.00
    const r = await runMonth(
      policy('budget:\n  total: 1500\n  fit: scale_variable'),
      month(['E1', '一组', 90, 6000], ['E2', '一组', 70, 0], ['E3', '一组', 50, 0]),
    );
    consistent(r);
    const c = byId(r);
    expect(lines(c.E1!)).toEqual([
      ['performance_pay', 90_000],
      ['award', 20_000],
      ['budget_scale', -34_286], // 55,714 − 90,000
    ]);
    expect(lines(c.E2!)).toEqual([
      ['performance_pay', 70_000],
      ['budget_scale', -26_667],
    ]);
    expect(lines(c.E3!)).toEqual([
      ['performance_pay', 50_000],
      ['budget_scale', -19_047],
    ]);
    expect(r.budget?.lines.map((l) => [l.scope, l.budgetFen, l.beforeFen, l.resultFen, l.overFen])).toEqual([
      ['total', 150_000, 230_000, 150_000, 0],
    ]);
  });

  it('scales nothing when the awards and pool shares alone are over the budget, and warns', async () => {
    // awards ¥200 × 2 + a pool of ¥100 = ¥500 of fixed pay > a budget of ¥300: nothing to cut to fit
    // E1 ¥900 + ¥200 + pool 100 × 90/160 = ¥56.25; E2 ¥700 + ¥200 + ¥43.75; total ¥2,100.00
    const r = await runMonth(
      policy(`${pool('{ fixed: 100 }')}\nbudget:\n  total: 300\n  fit: scale_variable`),
      month(['E1', '一组', 90, 6000], ['E2', '一组', 70, 6000]),
    );
    consistent(r);
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ E1: 115_625, E2: 94_375 });
    expect(r.budget?.lines.map((l) => [l.resultFen, l.overFen, l.cannot_fit])).toEqual([[210_000, 180_000, true]]);
    expect(r.warnings.map((w) => w.code)).toContain('eval_budget_cannot_fit');
  });

  it('fits a team first, then the total, each team line saying what its people are paid in the end', async () => {
    // 一组: E1 ¥900, E2 ¥700 = ¥1,600 over its ¥1,200; variable ¥1,600, room ¥1,200, ratio 3/4:
    //   E1 ¥675.00, E2 ¥525.00. 二组: E3 ¥500, under its budget of nobody — no team budget, untouched.
    // total: 675 + 525 + 500 = ¥1,700 over ¥1,530; room 1,700 − 170 = ¥1,530, ratio 153/170 = 0.9:
    //   E1 67,500 × 0.9 = 60,750, E2 52,500 × 0.9 = 47,250, E3 50,000 × 0.9 = 45,000 (exact)
    // 一组's line: 60,750 + 47,250 = ¥1,080.00, ¥120.00 under its ¥1,200
    const r = await runMonth(
      policy('budget:\n  total: 1530\n  teams: { 一组: 1200 }\n  fit: scale_variable'),
      month(['E1', '一组', 90, 0], ['E2', '一组', 70, 0], ['E3', '二组', 50, 0]),
    );
    consistent(r);
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ E1: 60_750, E2: 47_250, E3: 45_000 });
    expect(r.budget?.lines.map((l) => [l.scope, l.team, l.budgetFen, l.resultFen, l.overFen])).toEqual([
      ['team', '一组', 120_000, 108_000, -12_000],
      ['total', undefined, 153_000, 153_000, 0],
    ]);
  });
});

describe('a pool weight that cannot be computed', () => {
  // weight score / GMV, and A2 has no GMV: a division by 0, not a weight of 0
  const text = policy(pool('{ fixed: 1000 }').replace('weight: score', 'weight: score / gmv'));
  const csv = month(['A1', '一组', 90, 100], ['A2', '一组', 90, 0]);

  // Everywhere else a formula that cannot be computed for a record makes the record unscorable
  // (`eval_undefined`, docs/policy-language.md, per-unit awards and payout formulas): never paid as
  // if it were 0. A2 was paid ¥900.00 with no share, and A1 took the whole pool, with a warning.
  it('makes that person unscorable, at their row, and the pool is shared by the others', async () => {
    // A1 alone in the pool: ¥900 + ¥1,000 = ¥1,900.00
    const r = await runMonth(text, csv);
    consistent(r);
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ A1: 190_000 });
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => d.code)])).toEqual([
      ['A2', 3, ['eval_pool_weight_undefined']], // the header is row 1, A2 row 3
    ]);
    expect(r.excluded[0]!.reasons[0]!.message).toBe(
      'pool `团队奖金池` (一组): the weight `score / gmv` of A2 cannot be computed (a value is missing or a divisor is 0), so A2 cannot be scored: a weight of 0 would hand their share to the others',
    );
  });
});

describe('a pool weight that cannot be computed for someone the pool leaves out anyway', () => {
  // min_grade A: B1 (70, grade B) takes no share whatever their weight, so its 0 GMV asks nothing
  it('leaves them scored, with no share', async () => {
    const text = policy(pool('{ fixed: 1000 }', '\n    min_grade: A').replace('weight: score', 'weight: score / gmv'));
    const r = await runMonth(text, month(['A1', '一组', 90, 100], ['B1', '一组', 70, 0]));
    consistent(r);
    // A1 ¥900 + the whole ¥1,000 pool; B1 1000 × 70 / 100 = ¥700, below A
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ A1: 190_000, B1: 70_000 });
    expect(r.excluded).toEqual([]);
  });
});

describe('the money limit of one person (¥100,000,000) and pool shares', () => {
  // docs/policy-language.md, "Numbers and money limits": "a payout line or the total outside 0 …
  // ¥100,000,000 makes the record unscorable". Pool shares are added after that check
  // (engine/evaluation/run.ts → pool.ts), so a share takes a total past the limit without a word: a
  // fixed pool of ¥200,000,000 (the schema allows ¥100,000,000,000) for one person pays
  // ¥200,000,900.00. And a share of GMV is not bounded at all: ¥90,071,992,547,412.02 of GMV at
  // rate 1 funded a pool of ¥90,071,992,547,412.00 — two fen lost past 2^53 fen — and paid three
  // people about ¥30 trillion each. The check belongs after the pools (run.ts, exec14's file):
  // refuse the record or the pool, never pay it.
  it('refuses a pool share that takes a total past ¥100,000,000', async () => {
    const r = await runMonth(policy(pool('{ fixed: 200000000 }')), month(['E1', '一组', 90, 0]));
    expect(r.scorecards.filter((c) => c.payout.totalFen > 10_000_000_000)).toEqual([]);
    // E1: ¥900.00 of performance pay + the whole ¥200,000,000 pool = ¥200,000,900.00
    expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.message)])).toEqual([
      ['E1', ['the total with pool shares is ¥200,000,900.00 for `E1`: above the limit of ¥100,000,000.00 per person']],
    ]);
  });

  it('splits the pool again among the others, so the shares paid are the shares reported', async () => {
    // ¥150,000,000 by score: E1 90 and E2 10 of 100 → E1 ¥135,000,000 (over the limit with their
    // ¥900.00), E2 ¥15,000,000. E1 is refused and E2, alone, takes the pool: ¥100.00 + ¥150,000,000
    // = ¥150,000,100.00, over the limit too: nobody is paid, and no pool share is reported paid
    const r = await runMonth(policy(pool('{ fixed: 150000000 }')), month(['E1', '一组', 90, 0], ['E2', '一组', 10, 0]));
    expect(r.scorecards).toEqual([]);
    expect(r.excluded.map((x) => x.employee_id)).toEqual(['E1', 'E2']);
    // ¥60,000,000 by score: E1 ¥54,000,000 + ¥900.00, E2 ¥6,000,000 + ¥100.00: both within it
    const fits = await runMonth(
      policy(pool('{ fixed: 60000000 }')),
      month(['E1', '一组', 90, 0], ['E2', '一组', 10, 0]),
    );
    consistent(fits);
    expect(each(fits, (c) => c.payout.totalFen)).toEqual({ E1: 5_400_090_000, E2: 600_010_000 });
  });
});
