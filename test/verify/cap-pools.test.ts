// "Nobody is paid above the cap" with a bonus pool in play. A pool share is a payout line added
// after the caps (`cap` does not cut it, or the shares would not add up to the pool), so a policy
// that caps pay at the pay base and funds a pool pays its best people above the cap. Verify said
// the promise was proved ("the engine caps every total") and HR heard it before anyone was paid.
//
// The month of test/money/month.ts: pay base ¥10,000, points = the manager's rating (0–100),
// performance pay = pay_base × score / 100, here capped at `pay_base` (¥10,000). A pool of ¥1,000
// per team, split by score × pay base:
//   rating 100 → score 100 → ¥10,000.00, at the cap; alone in the team the whole ¥1,000.00 is
//   theirs → ¥11,000.00, ¥1,000.00 above it.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { moneyPolicy } from '../money/month.js';

const CAPPED = (pools: string) =>
  moneyPolicy(pools).replace(
    '  performance_pay: pay_base * score / 100\n',
    '  performance_pay: pay_base * score / 100\n  cap: pay_base\n',
  );

const POOL = (extra = '') => `pools:
  team:
    title: 团队奖金池
    per: team
    fund: { fixed: 1000 }
    weight: score * pay_base${extra}`;

function boundedPay(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.filter((v) => v.property === 'bounded_pay');
}

describe('bounded_pay with a bonus pool', () => {
  it('is proved without the pool: the engine caps every total at ¥10,000', () => {
    expect(boundedPay(CAPPED(''))).toMatchObject([{ holds: true, basis: 'proved' }]);
  });

  it('fails with the pool: ¥10,000.00 at the cap plus the whole ¥1,000.00 pool is ¥11,000.00', () => {
    const [v] = boundedPay(CAPPED(POOL()));
    expect(v).toMatchObject({ property: 'bounded_pay', subject: ['payout', 'cap'], holds: false });
    expect(v!.diagnostic!.severity).toBe('error');
    expect(v!.diagnostic!.message).toBe(
      '主播 (常规) is paid ¥11,000.00, above the cap ¥10,000.00: ¥10,000.00 before the pool, then ¥1,000.00 from the pool `团队奖金池`, which the cap does not cut',
    );
  });

  it('fails by the share a max_share allows: ¥10,000.00 + ¥0.01', () => {
    // max_share ¥0.01: alone in the team, the share is one fen and ¥999.99 stays unallocated
    const [v] = boundedPay(CAPPED(POOL('\n    max_share: 0.01')));
    expect(v!.holds).toBe(false);
    expect(v!.diagnostic!.message).toBe(
      '主播 (常规) is paid ¥10,000.01, above the cap ¥10,000.00: ¥10,000.00 before the pool, then ¥0.01 from the pool `团队奖金池`, which the cap does not cut',
    );
  });

  it('is proved when the pool is funded ¥0: it pays nobody anything', () => {
    const [v] = boundedPay(CAPPED(POOL().replace('fixed: 1000', 'fixed: 0')));
    expect(v).toMatchObject({ holds: true, basis: 'proved' });
  });

  it('is undecided for a pool on a share of GMV that no swept employee holds: the month decides', () => {
    // verify's employees have no GMV (no indicator scores it, its default is 0), so 1 % of it funds ¥0
    const [v] = boundedPay(CAPPED(POOL().replace('fixed: 1000', 'share_of: { metric: gmv, rate: 0.01 }')));
    expect(v).toMatchObject({ holds: undefined, basis: 'searched' });
    expect(v!.diagnostic!.severity).toBe('warning');
    expect(v!.diagnostic!.message).toBe(
      'pool shares are paid after the cap, and no employee verify tried passed it: whether a share of `团队奖金池` takes someone above the cap depends on the month',
    );
  });
});
