// `sweep --budget` on an amount the policy holds to the fen (a pool's fund, a share bound, a
// budget) bisects to the fen. It bisected to a hundredth of the step with two more decimals than
// the range writes: with a step of ¥0.10 its midpoints were ¥1,000.175 and the like, which the
// policy refuses (policy_money_fraction_of_fen), so the sweep stopped with an error instead of
// answering.
//
// The pool month of test/money/fixtures (see cli.test.ts): ¥42,000 of pay and a pool per team,
// so the total is 42,000 + 2 × pool. A budget of ¥44,000.30 fits a pool of at most ¥1,000.15.

import { describe, expect, it } from 'vitest';
import { isFenPath } from '../../engine/review/sweep.js';
import { yardstick } from '../yardstick.js';

describe('sweep --budget on a pool amount', () => {
  it('bisects to the fen: a pool of ¥1,000.15 for ¥44,000.30', async () => {
    // grid: 1,000.0 → 44,000.00, 1,000.1 → 44,000.20 (fits), 1,000.2 → 44,000.40, 1,000.3 → 44,000.60.
    // Bisection between 1,000.10 and 1,000.20, to the fen:
    //   1. 1,000.15 → 42,000 + 2,000.30 = 44,000.30 fits
    //   2. (1,000.15 + 1,000.20) / 2 = 1,000.175 → to the fen 1,000.17 → 44,000.34, over
    //   3. (1,000.15 + 1,000.17) / 2 = 1,000.16 → 44,000.32, over; 1,000.16 − 1,000.15 is one fen: done
    const { code, stdout, stderr } = await yardstick(
      'sweep',
      'test/money/fixtures/pool-policy.yaml',
      '--data',
      'test/money/fixtures/month.csv',
      '--set',
      'pools.team.fund.fixed=1000..1000.3/0.1',
      '--budget',
      '¥44,000.30',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows.map((r: { value: number; payout_total: number }) => [r.value, r.payout_total])).toEqual([
      [1000, 44000],
      [1000.1, 44000.2],
      [1000.2, 44000.4],
      [1000.3, 44000.6],
    ]);
    expect(out.fit).toEqual({ kind: 'fits', value: 1000.15, payout_total: 44000.3, grid_value: 1000.1, bisections: 3 });
  });

  it('knows the amounts held to the fen', () => {
    expect(
      [
        'pools.team.fund.fixed',
        'pools.team.min_share',
        'pools.team.max_share',
        'budget.total',
        'budget.teams.一组',
        'roles.host.indicators.rating.weight',
        'pools.team.fund.share_of.rate',
      ].map((p) => isFenPath(p.split('.'))),
    ).toEqual([true, true, true, true, true, false, false]);
  });
});
