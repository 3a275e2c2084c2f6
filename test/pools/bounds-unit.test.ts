// min_share and max_share that cannot both hold once taken to the policy's unit. At
// `payout.rounding.to: 1` a minimum of ¥5.01 is raised to ¥6 (a minimum is honoured) and a maximum
// of ¥5.99 lowered to ¥5 (a maximum never exceeded): no whole yuan lies between them. The check
// compared the written 5.01 ≤ 5.99 and accepted the policy; a ¥13 pool for two people then paid
// each ¥5, below the ¥6 minimum, and said only that ¥3 was left at the maximum. The policy is now
// refused at `min_share` (policy_pool_bounds.unit), before anyone is paid.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { moneyPolicy } from '../money/month.js';

const POOL = `pools:
  p:
    title: 奖金池
    per: all
    fund: { fixed: 13 }
    weight: score
    min_share: 5.01
    max_share: 5.99`;

const YUAN = { rounding: '{ to: 1, mode: half_up }' };

// moneyPolicy writes 21 lines before the pool; `min_share` is the pool's seventh line, its value at column 16
const LINE_OF_MIN = 28;

describe('share bounds with no whole unit between them', () => {
  it('are refused at min_share: ¥5.01 is ¥6 and ¥5.99 is ¥5 in whole yuan', () => {
    const loaded = loadPolicy(moneyPolicy(POOL, YUAN), 'policy.yaml');
    expect(loaded.ok).toBe(false);
    const found = loaded.ok ? [] : loaded.diagnostics;
    expect(found.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      [
        'policy_pool_bounds',
        LINE_OF_MIN,
        16,
        "pool `p`: `min_share: 5.01` is ¥6.00 and `max_share: 5.99` is ¥5.00 in the policy's unit of ¥1.00 (a minimum is raised to it, a maximum lowered): no share can honour both",
      ],
    ]);
  });

  it('are accepted when a whole unit lies between them: ¥5.01 and ¥6.99 are ¥6 and ¥6', () => {
    const loaded = loadPolicy(moneyPolicy(POOL.replace('max_share: 5.99', 'max_share: 6.99'), YUAN), 'policy.yaml');
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('are accepted to the fen when the policy pays to the fen', () => {
    const loaded = loadPolicy(moneyPolicy(POOL), 'policy.yaml');
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.code)).toEqual([]);
  });
});
