// Money is rounded once per payout line into integer fen, as the policy's rounding rule says.

import { describe, expect, it } from 'vitest';
import { formatMoney, roundScore, toFen } from '../../engine/money.js';

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
