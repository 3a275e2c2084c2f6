// Money is rounded once per payout line into integer fen, as the policy's rounding rule says.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carefulRound, formatMoney, roundHalfUp, roundScore, roundUnits, toFen } from '../../engine/model/money.js';

describe('toFen rounds a yuan amount to the policy unit', () => {
  it.each([
    // amount, to, mode, fen
    [1234.565, 0.01, 'half_up', 123457],
    [1234.565, 0.01, 'half_even', 123456],
    [1234.575, 0.01, 'half_even', 123458],
    [1234.565, 0.01, 'down', 123456],
    [1234.561, 0.01, 'up', 123457],
    [1234.56, 0.01, 'up', 123456],
    [1234.55, 0.1, 'half_up', 123460],
    [1234.45, 0.1, 'half_even', 123440],
    [1234.5, 1, 'half_up', 123500],
    [1234.99, 1, 'down', 123400],
    [0.1 + 0.2, 0.01, 'up', 30],
    [-2.345, 0.01, 'half_up', -235],
  ] as const)('%d to %d %s → %d fen', (amount, to, mode, fen) => {
    expect(toFen(amount, to, mode)).toBe(fen);
  });

  it('a product with binary noise still rounds as a person would: 4000 × 89.575 / 100 = 3583 exactly', () => {
    expect(toFen((4000 * 89.575) / 100, 0.01, 'half_up')).toBe(358300);
  });

  it('1.005 is a half and rounds up under half_up', () => {
    expect(toFen(1.005, 0.01, 'half_up')).toBe(101);
  });
});

describe('roundScore', () => {
  it('rounds half away from zero at the given decimals', () => {
    expect(roundScore(84.125, 2)).toBe(84.13);
    expect(roundScore(84.124, 2)).toBe(84.12);
    expect(roundScore(72.45, 1)).toBe(72.5);
    expect(roundScore(66.666666, 0)).toBe(67);
  });
});

describe('formatMoney', () => {
  it('writes yuan with a ¥ sign, thousands separators and two decimals', () => {
    expect(formatMoney(1234.5)).toBe('¥1,234.50');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(1234567.89)).toBe('¥1,234,567.89');
    expect(formatMoney(-12)).toBe('-¥12.00');
  });
});

describe('the fast rounding paths decide exactly as the careful one', () => {
  const modes = ['down', 'up', 'half_up', 'half_even'] as const;
  // values on and next to the points where modes decide, with the noise arithmetic leaves behind
  const nearDecision = fc
    .tuple(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constantFrom(0, 0.5, 0.25, 0.999),
      fc.integer({ min: -4, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([whole, part, ulps, scale]) => {
      let x = (whole + part) / 10 ** scale;
      for (let i = 0; i < Math.abs(ulps); i++)
        x = ulps > 0 ? x + Number.EPSILON * Math.abs(x) : x - Number.EPSILON * Math.abs(x);
      return x * 10 ** scale;
    });
  // noise of up to sixty ulps (arithmetic over several steps), on both sides of half the step of
  // 15 significant digits, where cleaning starts to give a value other than the whole or the half
  const noisier = fc
    .tuple(
      fc.integer({ min: -1e13, max: 1e13 }),
      fc.constantFrom(0, 0.5),
      fc.integer({ min: -60, max: 60 }),
      fc.integer({ min: 0, max: 12 }),
    )
    .map(([whole, part, ulps, digits]) => {
      const x = (whole % 10 ** (digits + 1)) + part;
      return x + ulps * Number.EPSILON * Math.abs(x);
    });
  const anywhere = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    nearDecision,
    noisier,
  );

  it.each(modes)('%s', (mode) => {
    fc.assert(
      fc.property(anywhere, (units) => Object.is(roundUnits(units, mode), carefulRound(units, mode))),
      { numRuns: 40_000, seed: 7 },
    );
  });

  it("roundHalfUp (scores, and payouts rounded half up) is roundUnits(·, 'half_up') on every value", () => {
    fc.assert(
      fc.property(anywhere, (units) => Object.is(roundHalfUp(units), carefulRound(units, 'half_up'))),
      { numRuns: 40_000, seed: 9 },
    );
  });

  it('roundHalfUp on the decimals as written: x.xx5 is a half, a hair of noise either side does not count', () => {
    // 1.005 × 100 is 100.49999999999999, 4.015 × 100 is 401.49999999999994, 0.285 × 100 is 28.499999999999996;
    // 8.345 × 100 lands above the half (834.5000000000001), 2.675 × 100 on it
    expect([1.005 * 100, 4.015 * 100, 0.285 * 100, 8.345 * 100, 2.675 * 100]).toEqual([
      100.49999999999999, 401.49999999999994, 28.499999999999996, 834.5000000000001, 267.5,
    ]);
    expect([1.005, 4.015, 0.285, 8.345, 2.675].map((x) => roundHalfUp(x * 100))).toEqual([101, 402, 29, 835, 268]);
    expect([roundScore(1.005, 2), roundScore(4.015, 2), roundScore(-1.005, 2), roundScore(0.285, 2)]).toEqual([
      1.01, 4.02, -1.01, 0.29,
    ]);
    // half away from zero, on both signs; no −0
    expect([roundHalfUp(3466.5), roundHalfUp(-3466.5), roundHalfUp(2.5), roundHalfUp(-2.5)]).toEqual([
      3467, -3467, 3, -3,
    ]);
    expect([
      Object.is(roundHalfUp(-0.4), 0),
      Object.is(roundHalfUp(-0), 0),
      Object.is(roundScore(-0.004, 2), 0),
    ]).toEqual([true, true, true]);
    // 1e-9 of noise is a real difference, not binary noise: 84.125000001 rounds up, 84.124999999 down
    expect([roundScore(84.125 + 1e-9, 2), roundScore(84.125 - 1e-9, 2), roundScore(84.115 - 1e-9, 2)]).toEqual([
      84.13, 84.12, 84.11,
    ]);
    // far from a half: the nearest whole number
    expect([roundHalfUp(8957.000000000002), roundHalfUp(159.99999999999943), roundHalfUp(-6719.999999999997)]).toEqual([
      8957, 160, -6720,
    ]);
    // beyond 10^15, and values that are not finite, as roundUnits gives them
    for (const units of [1e15 + 2, -4_503_599_627_370_495.5, 1e300, Number.NaN, Number.POSITIVE_INFINITY])
      expect(Object.is(roundHalfUp(units), roundUnits(units, 'half_up'))).toBe(true);
  });

  it('hand-picked values: products that land a hair off a whole or a half', () => {
    expect(roundUnits(8957.000000000002, 'up')).toBe(8957);
    expect(roundUnits(100.49999999999999, 'half_up')).toBe(101);
    // 0.57 points at weight 50 is 0.285 weighted, 28.5 hundredths, computed a hair below the half:
    // decided as the half it is
    expect(((0.57 * 50) / 100) * 100).toBe(28.499999999999996);
    expect([roundUnits(28.499999999999996, 'half_up'), roundUnits(28.499999999999996, 'half_even')]).toEqual([29, 28]);
    expect([roundUnits(-28.499999999999996, 'half_up'), roundUnits(3.5000000000000004, 'half_even')]).toEqual([-29, 4]);
    // 159.99999999999943 is 15 significant digits' 159.999999999999, not 160: `down` keeps 159
    expect([roundUnits(159.99999999999943, 'down'), roundUnits(159.99999999999943, 'half_up')]).toEqual([159, 160]);
    expect([roundUnits(6719.999999999997, 'down'), roundUnits(-6719.999999999997, 'up')]).toEqual([6720, -6720]);
    expect(roundUnits(-2.5, 'half_even')).toBe(-2);
    expect(roundUnits(-0.3, 'down')).toBe(0);
    expect(Object.is(roundUnits(-0.3, 'down'), 0)).toBe(true);
  });

  it('exact halves (a score of 34.665 is 3466.5 hundredths) go by the mode, as the careful path does', () => {
    expect([roundUnits(3466.5, 'half_up'), roundUnits(3466.5, 'half_even'), roundUnits(3467.5, 'half_even')]).toEqual([
      3467, 3466, 3468,
    ]);
    expect([roundUnits(3466.5, 'down'), roundUnits(3466.5, 'up'), roundUnits(-3466.5, 'half_up')]).toEqual([
      3466, 3467, -3467,
    ]);
    expect(Object.is(roundUnits(-0.5, 'half_even'), 0)).toBe(true);
    // at and beyond 10^14 a half is left to the careful path (15 significant digits may not hold it)
    for (const units of [99_999_999_999_999.5, 100_000_000_000_000.5, 123_456_789_012.5, -4_503_599_627_370.5])
      for (const mode of modes) expect(Object.is(roundUnits(units, mode), carefulRound(units, mode))).toBe(true);
  });
});
