// Hand-computed boundaries an HR analyst checks before publishing a policy, one employee at a time
// (the minimal policy of test/builders.ts: pay = pay_base × score / 100, grades A ≥ 80, B below).
// Scores are rounded half up to 2 decimals level by level (docs/policy-language.md, `score`), money
// as `payout.rounding` says.

import { describe, expect, it } from 'vitest';
import { renderStatement } from '../../engine/index.js';
import { compiledPolicy, policy, staffScorecard, when } from '../builders.js';

/** Score, grade, tier, each payout line in yuan and the total of E1 with these metrics. */
function result(text: string, metrics: Record<string, number>) {
  const c = staffScorecard(compiledPolicy(text, 'p.yaml'), metrics);
  return {
    score: c.score,
    grade: c.grade,
    tier: c.payout.tier?.id ?? null,
    lines: c.payout.lines.map((l) => `${l.kind} ${l.amountFen / 100}`),
    total: c.payout.totalFen / 100,
  };
}

describe('a grade boundary reached by rounding', () => {
  // two ratings weighted 50/50, pay base 8000: each weighted half is rounded to 2 decimals, half up
  const text = policy()
    .role('staff', { pay_base: 8000 })
    .metric('other', { label: '评分二', unit: 'score', range: [0, 100] })
    .indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 50 })
    .indicator('staff', 'other', { metric: 'other', scoring: 'rating', weight: 50 })
    .grades([
      { grade: 'A', min: 80 },
      { grade: 'B', min: 60 },
      { grade: 'C', min: 0 },
    ])
    .yaml();

  it('79.99 and 79.99: each half 39.995 rounds up to 40.00, so 80.00 is an A', () => {
    // 79.99 × 50 / 100 = 39.995 → 40.00; 40.00 + 40.00 = 80.00 ≥ 80 → A; 8000 × 80 / 100 = 6400.00
    expect(result(text, { rating: 79.99, other: 79.99 })).toEqual({
      score: 80,
      grade: 'A',
      tier: null,
      lines: ['performance_pay 6400'],
      total: 6400,
    });
  });

  it('59.99 and 60: 29.995 rounds up to 30.00, so 60.00 is a B, not a C', () => {
    // 29.995 → 30.00; 30.00 + 30.00 = 60.00 ≥ 60 → B; 8000 × 60 / 100 = 4800.00
    expect(result(text, { rating: 59.99, other: 60 })).toMatchObject({ score: 60, grade: 'B', total: 4800 });
  });

  it('79.98 and 79.99: 39.99 + 40.00 = 79.99 stays a B', () => {
    // 79.98 × 0.5 = 39.99; 79.99 × 0.5 = 39.995 → 40.00; 79.99 < 80 → B; 8000 × 79.99 / 100 = 6399.20
    expect(result(text, { rating: 79.98, other: 79.99 })).toMatchObject({ score: 79.99, grade: 'B', total: 6399.2 });
  });
});

describe('a tier band at exactly its threshold, on a metric', () => {
  // bands on GMV: gold from ¥200,000 (× 1.2 and ¥1,000), bronze from ¥100,000 (× 1.1); half_even to the fen
  const text = policy()
    .role('staff', { pay_base: 8000 })
    .metric('gmv', { label: 'GMV', unit: 'money' })
    .payout({
      rounding: { to: 0.01, mode: 'half_even' },
      tiers: {
        basis: 'gmv',
        bands: [
          { tier: 'gold', min: 200000, multiplier: 1.2, award: 1000 },
          { tier: 'bronze', min: 100000, multiplier: 1.1 },
        ],
      },
    })
    .yaml();

  it('GMV ¥100,000.00 exactly reaches bronze (at or above the band’s min)', () => {
    // 8000 × 85 / 100 = 6800.00; uplift 6800 × 0.1 = 680.00; 6800 + 680 = 7480.00
    expect(result(text, { rating: 85, gmv: 100000 })).toEqual({
      score: 85,
      grade: 'A',
      tier: 'bronze',
      lines: ['performance_pay 6800', 'tier_multiplier 680'],
      total: 7480,
    });
  });

  it('GMV ¥99,999.99 reaches no band: performance pay alone', () => {
    expect(result(text, { rating: 85, gmv: 99999.99 })).toMatchObject({ tier: null, total: 6800 });
  });

  it('GMV ¥200,000.00 exactly reaches gold: uplift and award', () => {
    // 8000 × 85.5 / 100 = 6840.00; uplift 6840 × 0.2 = 1368.00; award 1000.00; 6840 + 1368 + 1000 = 9208.00
    expect(result(text, { rating: 85.5, gmv: 200000 })).toMatchObject({
      tier: 'gold',
      lines: ['performance_pay 6840', 'tier_multiplier 1368', 'tier_award 1000'],
      total: 9208,
    });
  });
});

describe('deductions that would take the score below zero, and a veto with a deduction', () => {
  // −30 points a violation; two or more: score capped at 60 and grade capped at C
  const text = policy()
    .role('staff', { pay_base: 8000 })
    .metric('violations', { label: '违规次数', unit: 'count' })
    .grades([
      { grade: 'A', min: 80 },
      { grade: 'B', min: 60 },
      { grade: 'C', min: 0 },
    ])
    .adjustment('per_violation', {
      title: '违规扣分',
      when: when('violations', 'greaterThan', 0),
      points: { per: 'violations', amount: -30 },
    })
    .adjustment('veto', {
      title: '严重违规一票否决',
      when: when('violations', 'greaterThanInclusive', 2),
      score_cap: 60,
      grade_cap: 'C',
    })
    .yaml();

  it('one violation: 90 − 30 = 60, a B', () => {
    // 8000 × 60 / 100 = 4800.00
    expect(result(text, { rating: 90, violations: 1 })).toMatchObject({ score: 60, grade: 'B', total: 4800 });
  });

  it('two violations: 95 − 60 = 35, below the veto’s cap of 60, and graded C', () => {
    // 8000 × 35 / 100 = 2800.00
    expect(result(text, { rating: 95, violations: 2 })).toMatchObject({ score: 35, grade: 'C', total: 2800 });
  });

  it('four violations: 90 − 120 = −30 is a score of 0 and pay of ¥0.00, never negative', () => {
    expect(result(text, { rating: 90, violations: 4 })).toEqual({
      score: 0,
      grade: 'C',
      tier: null,
      lines: ['performance_pay 0'],
      total: 0,
    });
  });
});

describe('a floor and a cap together, paid in whole yuan, half to even', () => {
  // pay = max(50 % of the base, base × score / 100), at most base × 1.05 = ¥8,400; a star (rating ≥ 95)
  // gets 20 points and an award of ¥700.50
  const text = policy()
    .role('staff', { pay_base: 8000 })
    .payout({
      performance_pay: 'max(pay_base * 0.5, pay_base * score / 100)',
      cap: 'pay_base * 1.05',
      rounding: { to: 1, mode: 'half_even' },
    })
    .adjustment('star', {
      title: '明星奖',
      when: when('rating', 'greaterThanInclusive', 95),
      points: 20,
      award: 700.5,
    })
    .yaml();

  it('the floor: 30 points pay max(4000, 2400) = ¥4,000', () => {
    expect(result(text, { rating: 30 })).toMatchObject({ lines: ['performance_pay 4000'], total: 4000 });
  });

  it('the cap: 95 + 20 = 115 points pay 9200 + 700 (700.5 to the even yuan) = 9900, cut to ¥8,400', () => {
    expect(result(text, { rating: 95 })).toEqual({
      score: 115,
      grade: 'A',
      tier: null,
      lines: ['performance_pay 9200', 'award 700', 'total_cap -1500'],
      total: 8400,
    });
  });

  // the explanation said 「奖励 ¥700.50」 of an award paid ¥700: it says both
  it('the explanation says the award as written and as paid: ¥700.50 ≈ ¥700.00', () => {
    const c = staffScorecard(compiledPolicy(text, 'p.yaml'), { rating: 95 });
    expect(c.explanation.filter((l) => l.startsWith('明星奖'))).toEqual([
      '明星奖：评分 95 ≥ 95 → 加 20 分，奖励 ¥700.50 ≈ ¥700.00',
    ]);
    expect(c.explanation).toContain('  明星奖 ¥700.00');
    // the printable statement says it the same way
    const html = renderStatement(compiledPolicy(text, 'p.yaml'), c, {
      policy: { file: 'p.yaml', id: 'p', version: '1.0.0', hash: 'abc' },
      data: [],
      engine: '1.0.0',
    });
    expect(html).toContain('+20 分，奖励 ¥700.50 ≈ ¥700.00');
  });

  it('between them: 62.5625 is 62.56 points, 8000 × 62.56 / 100 = 5004.80 → ¥5,005', () => {
    expect(result(text, { rating: 62.5625 })).toMatchObject({ score: 62.56, total: 5005 });
  });
});
