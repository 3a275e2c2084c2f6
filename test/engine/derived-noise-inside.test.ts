// A formula is the number it means, not the binary double next to it (docs/policy-language.md,
// "Exact at a bound"), inside the formula as well as at its end: "per full 1 % over 40 %" written
// `floor((rate - 0.4) * 100)` is 7 at 47 %, and `a + b >= 0.8` holds for 0.7 and 0.1. Before, only
// the final value was cleaned, so floor, ceil, % and comparisons saw the noise:
// (0.47 − 0.4) × 100 is 6.999999999999995 in binary, whose floor is 6; in a payout formula,
// floor(attainment * 100) at 29 points is 28 (0.29 × 100 is 28.999999999999996).

import { describe, expect, it } from 'vitest';
import { withoutNoise } from '../../engine/language/compile.js';
import { evaluateExpression, parseExpression } from '../../engine/language/expression.js';
import { compiledPolicy, policy, staffScorecard, when } from '../builders.js';

const perFullPercent = compiledPolicy(
  policy()
    .metric('rate', { label: '转化率', unit: 'ratio' })
    .metric('a', { label: '甲率', unit: 'ratio' })
    .metric('b', { label: '乙率', unit: 'ratio' })
    .set('derived', {
      full_points: 'floor((rate - 0.4) * 100)',
      both: 'a + b >= 0.8 ? 1 : 0',
    })
    .adjustment('over', {
      title: '超额奖',
      when: when('rate', 'greaterThan', 0.4),
      award: { per: 'floor((rate - 0.4) * 100)', amount: 100 },
    })
    .adjustment('both_hit', { title: '双达标', when: when('both', 'equal', 1), award: 7 })
    .yaml(),
  'p.yaml',
);

/** A formula's value on a scope, as the compiled executor computes it. */
const value = (text: string, scope: Record<string, number>) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(text);
  return evaluateExpression(parsed.expr, scope);
};

const evaluate = (metrics: Record<string, number>) =>
  staffScorecard(perFullPercent, { rating: 50, a: 0, b: 0, ...metrics });

describe('floor and comparisons inside a formula see the decimal the formula means', () => {
  // engine/language/expression.ts: floor takes a whole number within 10^−9 above as the floor
  it.each([
    // rate, full percent points over 40 %, award ¥100 each
    [0.41, 1, 100_00], //  (0.41 − 0.4) × 100 = 1  (binary: 0.9999999999999953 → floor 0, no award)
    [0.47, 7, 700_00], //  (0.47 − 0.4) × 100 = 7  (binary: 6.999999999999995 → 6, ¥600)
    [0.7, 30, 3000_00], // (0.70 − 0.4) × 100 = 30 (binary: 29.999999999999993 → 29, ¥2,900)
  ])('rate %d: %d full points over 40 %, an award of %d fen', (rate, points, awardFen) => {
    const card = evaluate({ rate });
    expect(card.adjustments.map((a) => a.id)).toEqual(['over']);
    expect(card.payout.lines.find((l) => l.kind === 'award')?.amountFen).toBe(awardFen);
    // performance pay 1000 × 50 / 100 = 500.00, plus the award
    expect(card.payout.totalFen).toBe(500_00 + awardFen);
    expect(points).toBe(awardFen / 100_00);
  });

  it('0.7 + 0.1 >= 0.8 holds (binary: 0.7999999999999999 < 0.8)', () => {
    const card = evaluate({ rate: 0.3, a: 0.7, b: 0.1 });
    expect(card.adjustments.map((a) => [a.id, a.award])).toEqual([['both_hit', 7]]);
  });

  it.each([
    // score, attainment × 100 floored, pay 1000 × that / 100
    [29, 29, 290_00], // binary 28.999999999999996 → 28: ¥280.00 paid
    [57, 57, 570_00], // binary 56.99999999999999 → 56: ¥560.00 paid
  ])('a payout formula: floor(attainment * 100) at score %d is %d, pay %d fen', (rating, _floored, fen) => {
    const perWholePoint = compiledPolicy(
      policy().payout({ performance_pay: 'pay_base * floor(attainment * 100) / 100' }).yaml(),
      'p.yaml',
    );
    expect(staffScorecard(perWholePoint, { rating }).payout.totalFen).toBe(fen);
  });
});

describe('ceil, % and == inside a formula, on the decimals the numbers mean', () => {
  it.each([
    // 0.1 × 3 × 10 is 3 (binary 3.0000000000000004, whose ceil is 4)
    ['ceil(a * 3 * 10)', { a: 0.1 }, 3],
    // 0.8 % 0.1 is 0 (binary 0.09999999999999995)
    ['b % 0.1', { b: 0.8 }, 0],
    // 0.75 % 0.1 is 0.05
    ['b % 0.1', { b: 0.75 }, 0.05],
    // 7 % 3 is 1, −7 % 3 is −1 (the sign of the left side, as before)
    ['b % 3', { b: 7 }, 1],
    ['b % 3', { b: -7 }, -1],
    // 0.1 + 0.2 == 0.3 (binary 0.30000000000000004)
    ['a + 0.2 == 0.3', { a: 0.1 }, 1],
    ['a + 0.2 != 0.3', { a: 0.1 }, 0],
    // floor of a genuine fraction stays: 6.9999 is 6
    ['floor(b)', { b: 6.9999 }, 6],
    ['floor(b)', { b: -0.5 }, -1],
  ])('%s with %o is %d', (text, scope, expected) => {
    expect(value(text, scope)).toBe(expected);
  });
});

// Without floor: (0.47 − 0.4) × 100 is 6.99999999999999467 in binary, whose 15 significant digits are
// 6.99999999999999 (the noise of a subtraction is relative to its operands, not to its result), so
// the cleaning kept it: a step `min: 7` gave 50 points instead of 100, a hold `< 7` fired, `>= 7`
// inside a formula was 0, and an award per unit paid 6.999… units (breaker 127).
describe('(rate − 0.4) × 100 is 7 at 47 % wherever it is read', () => {
  it.each([
    ['(r - 0.4) * 100 >= 7', { r: 0.47 }, 1],
    ['(r - 0.4) * 100 == 7', { r: 0.47 }, 1],
    ['(r - 0.4) * 100 < 7', { r: 0.47 }, 0],
    ['(r - 0.4) * 100 >= 1', { r: 0.41 }, 1],
    ['(r - 0.28) * 100 == 7', { r: 0.35 }, 1],
    // a genuine difference stays one: 6.9999 is below 7
    ['r * 100 >= 7', { r: 0.069999 }, 0],
  ])('%s with %o is %d', (text, scope, expected) => {
    expect(value(text, scope)).toBe(expected);
  });

  const overPoints = compiledPolicy(
    policy()
      .metric('rate', { label: '转化率', unit: 'ratio' })
      .set('derived', { over_pts: '(rate - 0.4) * 100' })
      .adjustment('seven', {
        title: '七点奖',
        when: when('over_pts', 'greaterThanInclusive', 7),
        award: { per: 'over_pts', amount: 100.5 },
      })
      .payout({ performance_pay: 'pay_base * score / 100', rounding: { to: 0.01, mode: 'down' } })
      .yaml(),
    'p.yaml',
  );

  it('a derived metric of it is 7: the condition `>= 7` holds, and 7 units of ¥100.50 are ¥703.50, not ¥703.49', () => {
    // rating 50: performance pay 1000 × 50 / 100 = ¥500.00; the award 7 × 100.5 = ¥703.50 (rounded down, exact)
    const card = staffScorecard(overPoints, { rating: 50, rate: 0.47 });
    expect(card.adjustments.map((a) => [a.id, a.per_unit?.award?.units])).toEqual([['seven', 7]]);
    expect(card.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 500_00],
      ['award', 703_50],
    ]);
    expect(card.payout.totalFen).toBe(1203_50);
  });
});

// Subtracting close numbers leaves noise relative to the operands: (0.282 − 0.281) × 100 is
// 0.09999999999999454 and 100000.03 − 100000 is 0.029999999998835847, which 13 digits of the
// result do not clean. A lift of 0.1 points failed a pass/fail target of 0.1, and an award per
// half yuan of GMV growth paid ¥0.01 for 0.015 units (breaker 132).
describe('a difference of close numbers is the decimal the operands mean', () => {
  it.each([
    ['(a - b) * 100', { a: 0.282, b: 0.281 }, 0.1],
    ['(a - b) * 100', { a: 0.2558, b: 0.2563 }, -0.05],
    ['a - b', { a: 100000.03, b: 100000 }, 0.03],
    ['a - b', { a: 12345678.91, b: 12345678.9 }, 0.01],
    ['a - b', { a: 1234.565, b: 1234.575 }, -0.01],
    ['(a - b) / b', { a: 100000.03, b: 100000 }, 3e-7],
    ['(a - b) * 100 >= 0.1', { a: 0.282, b: 0.281 }, 1],
    ['round((a - b) * 50, 2)', { a: 0.2563, b: 0.2558 }, 0.03],
    ['(a - b) * 0.5', { a: 100000.03, b: 100000 }, 0.015],
    // a genuine small difference stays what it is; a sum without cancellation is left as computed (its
    // noise is cleaned with the formula's value, compile.ts withoutNoise)
    ['a - b', { a: 0.5, b: 0.4999 }, 0.0001],
    ['a + b', { a: 0.1, b: 0.2 }, 0.30000000000000004],
  ])('%s with %o is %d', (text, scope, expected) => {
    expect(value(text, scope)).toBe(expected);
  });
});

// Rounding every cancelling difference, or cleaning every value to 13 digits, moved meant digits
// (breaker 133): 30100 / 30000 × 100 − 100 is a third whose digits are all meant (× 3 is 1, which
// an award `>= 1` pays), and 7,036,060.59 × 0.0333 × 0.85 is 199,155.69499995 exactly, ¥199,155.69
// under half_up, not a noisy 199,155.695.
describe('digits that are meant are kept', () => {
  it('a quotient minus a whole number keeps its digits: (30100 / 30000 × 100 − 100) × 3 >= 1 holds', () => {
    expect(value('(a / b * 100 - 100) * 3 >= 1', { a: 30100, b: 30000 })).toBe(1);
    expect(value('(a / b * 100 - 100) * 3 >= 1', { a: 60200, b: 60000 })).toBe(1);
  });

  it('a product of data and policy numbers with 14 significant digits is its own value', () => {
    const commission = 7036060.59 * 0.0333 * 0.85;
    expect(withoutNoise(commission)).toBe(commission);
    expect(withoutNoise(13285.81 * 1.08641 * 0.95)).toBe(13285.81 * 1.08641 * 0.95);
  });
});
