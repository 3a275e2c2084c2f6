// The statement's line that says why a tier was reached writes the basis and the band's lower bound
// as the policy's reader writes them: attainment and a ratio metric as percents, money in yuan.

import { describe, expect, it } from 'vitest';
import { payoutCalculation } from '../../engine/explanation/statement.js';
import { compiledPolicy, policy, staffScorecard } from '../builders.js';

describe("a statement's tier line", () => {
  it('writes attainment (score / 100) and the lower bound as percents', () => {
    // rating 92 → 92 points: attainment 92.0 %, silver from 90 %
    const compiled = compiledPolicy(
      policy()
        .tier({ tier: 'gold', title: '金牌', min: 1.1, award: 500 })
        .tier({ tier: 'silver', title: '银牌', min: 0.9, award: 200 })
        .yaml(),
      'p.yaml',
    );
    const lines = payoutCalculation(compiled, staffScorecard(compiled, { rating: 92 }), new Map(), 'zh');
    expect(lines).toContain('档位 银牌：达成率（总分 / 100） 92.0% ≥ 90.0%（银牌 的门槛）');
  });

  it('writes a money basis in yuan, in English too', () => {
    // pay_base × 1 with the tier on the employee's GMV of ¥520,000, gold from ¥500,000
    const b = policy().metric('gmv', { label: 'GMV', unit: 'money' });
    b.draft.payout.tiers = { basis: 'gmv', bands: [{ tier: 'gold', title: 'Gold', min: 500000, award: 300 }] };
    const compiled = compiledPolicy(b.yaml(), 'p.yaml');
    const lines = payoutCalculation(compiled, staffScorecard(compiled, { rating: 80, gmv: 520000 }), new Map(), 'en');
    expect(lines.find((l) => l.includes('Gold'))).toMatch(/GMV ¥520,000\.00 ≥ ¥500,000\.00/);
  });
});
