// min_share and max_share that cannot both hold once taken to the policy's unit. At
// `payout.rounding.to: 1` a minimum of ¥5.01 is raised to ¥6 (a minimum is honoured) and a maximum
// of ¥5.99 lowered to ¥5 (a maximum never exceeded): no whole yuan lies between them. The check
// compares the written 5.01 ≤ 5.99 and accepts the policy; a ¥13 pool for two people then paid
// each ¥5, below the ¥6 minimum, and said only that ¥3 was left at the maximum. A run now keeps the
// maximum and says the minimum is not applied, and why (eval_pool_min_dropped).
//
// The refusal belongs to the policy check (engine/language/check/money.ts, not this branch's): an
// it.fails until it refuses the pool at `min_share` with policy_pool_bounds.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { monthCsv, moneyPolicy, poolShares, runMoney } from '../money/month.js';

const POOL = `pools:
  p:
    title: 奖金池
    per: all
    fund: { fixed: 13 }
    weight: score
    min_share: 5.01
    max_share: 5.99`;

const YUAN = { rounding: '{ to: 1, mode: half_up }' };

describe('share bounds with no whole unit between them', () => {
  it.fails('are refused: ¥5.01 is ¥6 and ¥5.99 is ¥5 in whole yuan', () => {
    const loaded = loadPolicy(moneyPolicy(POOL, YUAN), 'policy.yaml');
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.code)).toContain('policy_pool_bounds');
  });

  it('keep the maximum and drop the minimum, saying why: two people get ¥5 each of ¥13', async () => {
    // at the unit: min 600 fen, max 500 fen; 2 × 500 ≤ 1,300 → everyone at the maximum, ¥3 unallocated
    const r = await runMoney(
      moneyPolicy(POOL, YUAN),
      monthCsv([
        ['E1', '一组', 90, 0],
        ['E2', '一组', 60, 0],
      ]),
      'en',
    );
    expect(poolShares(r, 'p')).toEqual({ E1: 500, E2: 500 });
    expect(r.pools!.map((p) => [p.poolFen, p.allocatedFen, p.unallocatedFen, p.min_dropped])).toEqual([
      [1300, 1000, 300, true],
    ]);
    expect(r.warnings.filter((w) => w.code.startsWith('eval_pool')).map((w) => w.message)).toEqual([
      "pool `奖金池` (all, ¥13.00): the minimum share ¥6.00 is above the maximum ¥5.00 once both are taken to the policy's unit of ¥1.00: the minimum is not applied to this pool",
      'pool `奖金池` (all, ¥13.00): ¥3.00 is left unallocated, everyone eligible is at the maximum share',
    ]);
  });
});
