// Bonus pools on a run: pools per team funded by a fixed amount or a share of GMV, split by
// score × pay base, with grades and holds excluded. Computed by hand; in every test the shares add
// up to the pool exactly.

import { describe, expect, it } from 'vitest';
import { loadPolicy, type RunResult } from '../../engine/index.js';
import { monthCsv, moneyPolicy, poolShares, runMoney } from './month.js';

function sumOf(shares: Record<string, number>): number {
  return Object.values(shares).reduce((s, f) => s + f, 0);
}

function addsUp(r: RunResult, pool: string) {
  for (const p of r.pools!.filter((x) => x.pool === pool)) {
    const members = r.scorecards.filter((c) => c.pools?.some((s) => s.pool === pool && s.group === p.group));
    const shares = members.reduce(
      (s, c) => s + (c.payout.lines.find((l) => l.kind === 'pool_share' && l.source === pool)?.amountFen ?? 0),
      0,
    );
    expect(shares + p.unallocatedFen).toBe(p.poolFen);
    expect(p.allocatedFen).toBe(shares);
  }
}

const TEAM_POOL = `pools:
  team:
    title: 团队奖金池
    per: team
    fund: { fixed: 1000 }
    weight: score * pay_base
    min_grade: B`;

describe('a fixed pool per team', () => {
  it('splits each team its own ¥1,000 by score × pay base, leaving grade C out', async () => {
    // 一组: E1 rating 90, E2 rating 60, E3 rating 50 (C: no share). Weights 900,000 and 600,000 of
    //   1,500,000 → 60,000 and 40,000 fen.
    // 二组: E4 rating 70, E5 70, E6 70: 100,000 / 3 = 33,333.33… each; 1 fen left to the smallest id E4.
    const r = await runMoney(
      moneyPolicy(TEAM_POOL),
      monthCsv([
        ['E1', '一组', 90, 0],
        ['E2', '一组', 60, 0],
        ['E3', '一组', 50, 0],
        ['E4', '二组', 70, 0],
        ['E5', '二组', 70, 0],
        ['E6', '二组', 70, 0],
      ]),
    );
    expect(poolShares(r, 'team')).toEqual({ E1: 60_000, E2: 40_000, E4: 33_334, E5: 33_333, E6: 33_333 });
    expect(sumOf(poolShares(r, 'team'))).toBe(200_000);
    addsUp(r, 'team');
    const e3 = r.scorecards.find((c) => c.employee_id === 'E3')!;
    expect(e3.pools).toMatchObject([{ pool: 'team', excluded: 'below_grade', shareFen: 0 }]);
    // the share is a payout line: E1's total = 10,000 × 90 / 100 = ¥9,000 + ¥600 = ¥9,600
    const e1 = r.scorecards.find((c) => c.employee_id === 'E1')!;
    expect(e1.payout.totalFen).toBe(960_000);
    expect(r.pools!.map((p) => [p.group, p.poolFen, p.eligible, p.excluded])).toEqual([
      ['一组', 100_000, 2, 1],
      ['二组', 100_000, 3, 0],
    ]);
    // the run's total includes the pools: pay 9,000 + 6,000 + 5,000 + 3 × 7,000 = 41,000, + 2 × 1,000
    expect(r.summary.payout_total_fen).toBe(4_300_000);
  });

  it('puts the share in the explanation, whose total is the card’s (explain and the ledger reprint it)', async () => {
    // 二组: E4, E5, E6 rating 70 → ¥7,000 each; the ¥1,000 pool / 3 = 333.33… → E4 (smallest id) ¥333.34.
    // The explanation was written before the pools were split: it said 合计 ¥7,000.00, not ¥7,333.34.
    const r = await runMoney(
      moneyPolicy(TEAM_POOL),
      monthCsv([
        ['E4', '二组', 70, 0],
        ['E5', '二组', 70, 0],
        ['E6', '二组', 70, 0],
      ]),
    );
    const e4 = r.scorecards[0]!;
    expect(e4.payout.totalFen).toBe(733_334);
    expect(e4.explanation).toContain('  团队奖金池 ¥333.34');
    expect(e4.explanation.at(-1)).toBe('合计 ¥7,333.34');
  });

  it('leaves held people out and gives their share to the others', async () => {
    // hold when GMV < 1: E2 (GMV 0) is held; E1 and E3 share ¥1,000 by 80 : 60 → 57,142.857… and
    // 42,857.142…; floors 57,142 + 42,857 = 99,999, the fen to the larger remainder (.857, E1)
    const r = await runMoney(
      moneyPolicy(TEAM_POOL, { holdBelow: 1 }),
      monthCsv([
        ['E1', '一组', 80, 5],
        ['E2', '一组', 95, 0],
        ['E3', '一组', 60, 5],
      ]),
    );
    expect(poolShares(r, 'team')).toEqual({ E1: 57_143, E3: 42_857 });
    expect(r.scorecards[1]!.pools![0]!.excluded).toBe('held');
    addsUp(r, 'team');
  });
});

describe('a pool funded by a share of the team’s GMV', () => {
  it('is 2 % of the team’s GMV, split by score', async () => {
    // GMV 123,456.78 + 100,000 = 223,456.78; 2 % = 4,469.1356 → ¥4,469.13 (never more than the share)
    // = 446,913 fen, split 100 : 50 (weight = score): 297,942 and 148,971
    const r = await runMoney(
      moneyPolicy(`pools:
  gmv:
    title: GMV 提成池
    per: all
    fund: { share_of: { metric: gmv, rate: 0.02 } }
    weight: score`),
      monthCsv([
        ['E1', '一组', 100, 123_456.78],
        ['E2', '二组', 50, 100_000],
      ]),
    );
    expect(r.pools![0]).toMatchObject({ poolFen: 446_913, fund: { metric: 'gmv', rate: 0.02 } });
    expect(poolShares(r, 'gmv')).toEqual({ E1: 297_942, E2: 148_971 });
    addsUp(r, 'gmv');
  });

  it('holds ¥0, never a negative amount, when the team’s GMV adds up to less than 0 (refunds)', async () => {
    // 一组: GMV −1,000 − 5,000 + 100 = −5,900; 10 % of it would be −¥590: the pool holds ¥0, pays nobody
    //   anything and warns of no minimum (there is none). 二组: 10 % of 2,000 = ¥200, all to E4.
    const r = await runMoney(
      moneyPolicy(`pools:
  gmv:
    title: GMV 提成池
    per: team
    fund: { share_of: { metric: gmv, rate: 0.1 } }
    weight: score`),
      monthCsv([
        ['E1', '一组', 90, -1_000],
        ['E2', '一组', 60, -5_000],
        ['E3', '一组', 50, 100],
        ['E4', '二组', 70, 2_000],
      ]),
    );
    expect(r.pools!.map((p) => [p.group, p.poolFen, p.allocatedFen, p.unallocatedFen, p.min_dropped])).toEqual([
      ['一组', 0, 0, 0, false],
      ['二组', 20_000, 20_000, 0, false],
    ]);
    expect(r.pools![0]!.fund).toEqual({ metric: 'gmv', rate: 0.1, sum: -5_900 });
    expect(poolShares(r, 'gmv')).toEqual({ E1: 0, E2: 0, E3: 0, E4: 20_000 });
    expect(r.scorecards.map((c) => c.payout.totalFen)).toEqual([900_000, 600_000, 500_000, 720_000]);
    expect(r.warnings).toEqual([]);
    addsUp(r, 'gmv');
  });
});

describe('bounds on a run', () => {
  it('raises a share to the minimum and caps another at the maximum', async () => {
    // ¥1,000 pool, min ¥150, max ¥400; weights (score) 100, 60, 30, 10 (sum 200) → 500, 300, 150, 50.
    // E1 → ¥400 (max), E4 → ¥150 (min); ¥450 left for 60 : 30 → ¥300 and ¥150
    const r = await runMoney(
      moneyPolicy(`pools:
  team:
    title: 团队奖金池
    per: all
    fund: { fixed: 1000 }
    weight: score
    min_share: 150
    max_share: 400`),
      monthCsv([
        ['E1', '一组', 100, 0],
        ['E2', '一组', 60, 0],
        ['E3', '一组', 30, 0],
        ['E4', '一组', 10, 0],
      ]),
    );
    expect(poolShares(r, 'team')).toEqual({ E1: 40_000, E2: 30_000, E3: 15_000, E4: 15_000 });
    const [e1, e2] = r.scorecards;
    expect(e1!.pools![0]).toMatchObject({ bound: 'max', shareFen: 40_000 });
    // what the weight alone would give, for the statement's 「按权重应为」: ¥1,000 × 100 / 200 = ¥500 for
    // E1 and ¥1,000 × 10 / 200 = ¥50 for E4 (it showed the bound itself: ¥400, ¥150)
    expect(r.scorecards.map((c) => c.pools![0]!.exact_fen)).toEqual([50_000, 30_000, 15_000, 5_000]);
    expect(e2!.pools![0]).toMatchObject({ free_fen: 45_000, free_weight: 90, weight: 60, shareFen: 30_000 });
    addsUp(r, 'team');
  });

  it('warns and drops the minimum when the pool is too small for it', async () => {
    const r = await runMoney(
      moneyPolicy(`pools:
  team:
    title: 团队奖金池
    per: all
    fund: { fixed: 100 }
    weight: score
    min_share: 60`),
      monthCsv([
        ['E1', '一组', 75, 0],
        ['E2', '一组', 25, 0],
      ]),
    );
    // 2 × ¥60 > ¥100: no minimum; 75 : 25 → ¥75 and ¥25
    expect(poolShares(r, 'team')).toEqual({ E1: 7_500, E2: 2_500 });
    expect(r.warnings.map((w) => w.message)).toEqual([
      'pool `团队奖金池` (all, ¥100.00) cannot give each of its 2 people the minimum share of ¥60.00: the minimum is not applied to this pool',
    ]);
    addsUp(r, 'team');
  });
});

describe('the checks of a pool', () => {
  it('names an unknown grade, metric, role and weight variable, and min above max', () => {
    const loaded = loadPolicy(
      moneyPolicy(`pools:
  p:
    title: 池
    per: team
    fund: { share_of: { metric: sales, rate: 0.02 } }
    weight: score * salary
    min_grade: S
    min_share: 500
    max_share: 100
    roles: [host, anchor]`),
      'p.yaml',
    );
    expect(loaded.ok).toBe(false);
    // line 26 is `    fund: { share_of: { metric: sales, … } }`: `sales` starts at column 33
    expect(loaded.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code}`)).toEqual([
      '26:33 policy_pool_unknown_metric',
      '27:13 policy_pool_unknown_variable',
      '28:16 policy_pool_unknown_grade',
      '29:16 policy_pool_bounds',
      '31:19 policy_pool_unknown_role',
    ]);
  });

  it('refuses a rate written as percent points (2 for 2 %)', () => {
    const loaded = loadPolicy(
      moneyPolicy(`pools:
  p:
    title: 池
    per: team
    fund: { share_of: { metric: gmv, rate: 2 } }
    weight: score`),
      'p.yaml',
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics[0]!.code).toBe('schema_range');
  });
});

describe('the checks of a budget', () => {
  it('names a team budget for a team the policy does not declare, at its key', () => {
    const text = moneyPolicy(`budget:
  teams: { 一组: 1000, 三组: 500 }`).replace(
      'stages:\n',
      'teams:\n  g1: { title: 一组 }\n  g2: { title: 二组 }\nstages:\n',
    );
    const loaded = loadPolicy(text, 'p.yaml');
    expect(loaded.ok).toBe(false);
    // line 26 (after 3 header, 3 metrics, 3 teams, 2 stages, 6 roles, 4 grades and 3 payout lines, then
    // `budget:`) is `  teams: { 一组: 1000, 三组: 500 }`: `三组` starts at column 22 (characters)
    expect(loaded.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['policy_budget_unknown_team', 26, 22, 'budget: `三组` is not a team of this policy'],
    ]);
  });

  it('refuses one team budgeted twice, by its id and its title or by two spellings, at the second key', () => {
    // g1's title is 一组: `g1: 17000` and `一组: 16000` are two budgets for the same people (the run
    // scaled them to one, then to the other). Line 26 is `  teams: { g1: 17000, 一组: 16000 }`: `一组`
    // starts at column 23.
    const declared = moneyPolicy(`budget:
  teams: { g1: 17000, 一组: 16000 }`).replace(
      'stages:\n',
      'teams:\n  g1: { title: 一组 }\n  g2: { title: 二组 }\nstages:\n',
    );
    const a = loadPolicy(declared, 'p.yaml');
    expect(a.ok).toBe(false);
    expect(a.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['policy_budget_team_twice', 26, 23, 'budget: `一组` is the same team as `g1`, budgeted twice'],
    ]);
    // Without `teams:`, a team is its name as the run counts it (width aside: Ａ组 is A组; a组 would be
    // another team). Line 23 is `  teams: { A组: 1, Ａ组: 2 }`: the second key starts at column 19.
    const b = loadPolicy(
      moneyPolicy(`budget:
  teams: { A组: 1, Ａ组: 2 }`),
      'p.yaml',
    );
    expect(b.ok).toBe(false);
    expect(b.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['policy_budget_team_twice', 23, 19, 'budget: `Ａ组` is the same team as `A组`, budgeted twice'],
    ]);
  });

  it('refuses an amount in a fraction of a fen, which could be read as either neighbouring fen', () => {
    // ¥1,000.005 was read as ¥1,000.00 without a word. Line 22 is `budget:`, 23 `  total: 40000.5` (fine:
    // 50 fen), 24 `  teams: { 一组: 17000.001 }` (value at column 16); line 29 is
    // `    fund: { fixed: 1000.005 }` (value at column 20), 31 `    min_share: 0.125` (column 16).
    const loaded = loadPolicy(
      moneyPolicy(`budget:
  total: 40000.5
  teams: { 一组: 17000.001 }
pools:
  p:
    title: 池
    per: team
    fund: { fixed: 1000.005 }
    weight: score
    min_share: 0.125`),
      'p.yaml',
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['policy_money_fraction_of_fen', 24, 16, '`budget.teams.一组`: 17000.001 yuan is not a whole number of fen'],
      ['policy_money_fraction_of_fen', 29, 20, '`pools.p.fund.fixed`: 1000.005 yuan is not a whole number of fen'],
      ['policy_money_fraction_of_fen', 31, 16, '`pools.p.min_share`: 0.125 yuan is not a whole number of fen'],
    ]);
  });

  it('refuses a budget or a share bound too large to count in fen exactly, at its value', () => {
    // 9,007,199,254,740,991 yuan is 2^53 − 1: fine as a number, but ×100 fen it is no longer exact
    // (it printed as ¥9,007,199,254,740,989.44). A budget is at most ¥100,000,000,000 a period, like a
    // pool's fixed amount; a share at most ¥100,000,000, the limit of a person's pay.
    // Line 22 is `budget:`; 23 `  total: …` (value at column 10); 24 `  teams: { 一组: … }` (column 16).
    const loaded = loadPolicy(
      moneyPolicy(`budget:
  total: 9007199254740991
  teams: { 一组: 100000000001 }
pools:
  p:
    title: 池
    per: team
    fund: { fixed: 1000 }
    weight: score
    min_share: 100000001
    max_share: 9007199254740991`),
      'p.yaml',
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['schema_range', 23, 10, '`budget.total` must be <= 100000000000, got `9007199254740991`'],
      ['schema_range', 24, 16, '`budget.teams.一组` must be <= 100000000000, got `100000000001`'],
      ['schema_range', 31, 16, '`pools.p.min_share` must be <= 100000000, got `100000001`'],
      ['schema_range', 32, 16, '`pools.p.max_share` must be <= 100000000, got `9007199254740991`'],
    ]);
  });
});

describe('a pool when the policy rounds to whole yuan', () => {
  it('pays whole-yuan shares and leaves the 50 fen below a yuan unallocated', async () => {
    // rounding to ¥1; fixed ¥1,000.50 for 二组; E4, E5, E6 rating 70, equal weights.
    // ¥1,000 of it is whole yuan: 1,000 / 3 = 333.33… each; floors 999, 1 yuan to the smallest id E4.
    const r = await runMoney(
      moneyPolicy(TEAM_POOL.replace('fixed: 1000', 'fixed: 1000.50'), { rounding: '{ to: 1, mode: half_up }' }),
      monthCsv([
        ['E4', '二组', 70, 0],
        ['E5', '二组', 70, 0],
        ['E6', '二组', 70, 0],
      ]),
    );
    expect(poolShares(r, 'team')).toEqual({ E4: 33_400, E5: 33_300, E6: 33_300 });
    expect(r.pools!.map((p) => [p.poolFen, p.allocatedFen, p.unallocatedFen])).toEqual([[100_050, 100_000, 50]]);
    addsUp(r, 'team');
    // E4: performance pay 10,000 × 70 / 100 = ¥7,000 + ¥334
    expect(r.scorecards[0]!.payout.totalFen).toBe(733_400);
  });
});
