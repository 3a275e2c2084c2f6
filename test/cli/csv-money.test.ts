// The payout cell of a CSV line, written from the integer fen: the text toFixed(2) writes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuanText } from '../../node/cli/format/results.js';

describe('yuanText', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [123456, '1234.56'],
    [10_000_000_000, '100000000.00'],
    // a negative amount keeps the CSV's guard against formulas: a leading minus is quoted with '
    [-5, "'-0.05"],
  ])('writes %d fen as %s', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });

  it('writes every whole number of fen up to 10^12 as (fen / 100).toFixed(2) does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (fen) => {
        expect(yuanText(fen)).toBe((fen / 100).toFixed(2));
      }),
      { numRuns: 50_000 },
    );
  });
});
