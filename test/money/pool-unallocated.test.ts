// Why a pool's rest is unallocated, in the warning (docs/policy-language.md, "pools"): everyone at
// the maximum share, nobody taking part, or — when the policy pays whole yuan — a part below one
// yuan. A fixed ¥1,000.50 shared in whole yuan leaves ¥0.50, and the warning used to say that
// everyone was at the maximum share (and to raise `max_share`) for a pool without one.

import { describe, expect, it } from 'vitest';
import { monthCsv, moneyPolicy, poolShares, runMoney } from './month.js';

const YUAN = '{ to: 1, mode: half_up }';
const pool = (fund: number, maxShare?: number) =>
  [
    'pools:',
    '  team_bonus:',
    '    title: 团队奖金池',
    '    per: all',
    `    fund: { fixed: ${fund} }`,
    '    weight: score',
    ...(maxShare === undefined ? [] : [`    max_share: ${maxShare}`]),
  ].join('\n');
// three people rated 85: equal weights
const month = monthCsv([
  ['H1', '一组', 85, 0],
  ['H2', '一组', 85, 0],
  ['H3', '一组', 85, 0],
]);

async function warnings(policy: string) {
  const r = await runMoney(policy, month, 'en');
  return { r, messages: r.warnings.map((w) => `${w.code}: ${w.message} · ${w.help}`) };
}

describe('the warning says why a pool is not shared out in full', () => {
  it('¥1,000.50 in whole yuan, no max_share: 334 + 333 + 333 = ¥1,000, ¥0.50 below one yuan', async () => {
    const { r, messages } = await warnings(moneyPolicy(pool(1000.5), { rounding: YUAN }));
    expect(poolShares(r, 'team_bonus')).toEqual({ H1: 33400, H2: 33300, H3: 33300 });
    expect(messages).toEqual([
      'eval_pool_unallocated: pool `团队奖金池` (all, ¥1,000.50): ¥0.50 is left unallocated, less than one rounding unit of ¥1.00 (`payout.rounding.to`) · fund the pool in whole units of ¥1.00, or pay to the fen (`to: 0.01`)',
    ]);
  });

  it('¥1,000 with max_share 300: 3 × 300 = ¥900 shared, ¥100 left because everyone is at the maximum', async () => {
    const { r, messages } = await warnings(moneyPolicy(pool(1000, 300), { rounding: YUAN }));
    expect(poolShares(r, 'team_bonus')).toEqual({ H1: 30000, H2: 30000, H3: 30000 });
    expect(messages).toEqual([
      'eval_pool_unallocated: pool `团队奖金池` (all, ¥1,000.00): ¥100.00 is left unallocated, everyone eligible is at the maximum share · raise `max_share`, or fund the pool with less',
    ]);
  });

  it('max_share 300.50 in whole yuan is lowered to ¥300: everyone at it, ¥100 left, the maximum named', async () => {
    const { r, messages } = await warnings(moneyPolicy(pool(1000, 300.5), { rounding: YUAN }));
    expect(poolShares(r, 'team_bonus')).toEqual({ H1: 30000, H2: 30000, H3: 30000 });
    expect(messages[0]).toContain('¥100.00 is left unallocated, everyone eligible is at the maximum share');
  });
});
