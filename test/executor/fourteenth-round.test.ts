// A derived value that is already the double of a short decimal (0.075 = 3 / 40, the common case of
// a rate of two counts) is returned by `withoutNoise` without its two texts (`toPrecision`), after one
// division shows it is that decimal's double (engine/language/compile.ts, docs/benchmarks.md
// "Executor, fourteenth round"). What must not change: every value comes out as the definition by
// texts gives it, clean decimals as they are, their noisy neighbours cleaned.

import { describe, expect, it } from 'vitest';
import { withoutNoise } from '../../engine/language/compile.js';

/** The definition: 15 significant digits, kept when they are a number of at most 12 (the texts). */
function byTexts(v: number): number {
  if (Number.isInteger(v)) return v;
  const clean = Number(v.toPrecision(15));
  return clean !== v && Number(clean.toPrecision(12)) === clean ? clean : v;
}

/** The next double above / below a positive finite x. */
function step(x: number, by: 1n | -1n): number {
  const b = new Float64Array([x]);
  const bits = new BigInt64Array(b.buffer);
  bits[0] = bits[0]! + by;
  return b[0]!;
}

describe('a derived value that is already a short decimal', () => {
  it('is kept as it is, and its noisy neighbours are cleaned to it, as worked out by hand', () => {
    // 3 / 40 is 0.075 exactly as the literal reads: kept
    expect(withoutNoise(3 / 40)).toBe(0.075);
    expect(withoutNoise(-3 / 40)).toBe(-0.075);
    // 0.1 + 0.2 is 0.30000000000000004, one unit in the last place above 0.3: cleaned to 0.3
    expect(withoutNoise(0.1 + 0.2)).toBe(0.3);
    // 0.7 + 0.1 is 0.7999999999999999: cleaned to 0.8
    expect(withoutNoise(0.7 + 0.1)).toBe(0.8);
    // 1.15 × 100 is 114.99999999999999: cleaned to 115
    expect(withoutNoise(1.15 * 100)).toBe(115);
    // a decimal of 12 significant digits, and one of 13 (its 13th digit is not noise: kept)
    expect(withoutNoise(0.123456789012)).toBe(0.123456789012);
    expect(withoutNoise(0.1234567890123)).toBe(0.1234567890123);
    // below 1e-9 and from 1e15 up nothing is scaled, the texts decide: 1.5e-10 is its own 15
    // digits (kept); 1,500,000,000,000,000.5 has 17, its 15 are 1.5e15, a number of 2 (cleaned)
    expect(withoutNoise(1.5e-10)).toBe(1.5e-10);
    expect(withoutNoise(1.5e15 + 0.5)).toBe(1.5e15);
  });

  it('gives what the texts give for decimals of 1 to 15 digits at every scale and for their neighbours', () => {
    const values: number[] = [];
    let seed = 14;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 30_000; i++) {
      const digits = 1 + (i % 15);
      const exponent = (Math.floor(i / 15) % 26) - 11; // 10^-11 … 10^14
      const mantissa = Math.floor(next() * 10 ** digits) + 1;
      const v = Number(`${mantissa}e${exponent - digits + 1}`);
      values.push(v, -v, step(v, 1n), step(v, -1n), step(step(v, 1n), 1n));
    }
    // sums, products and ratios of short decimals, as formulas make them
    for (let a = 1; a <= 120; a++)
      for (const b of [3, 7, 10, 40, 100, 250, 1000]) values.push(a / b, a / b + 0.1, (a / b) * 1.1, a * 0.01 * b);
    for (const v of values) expect(Object.is(withoutNoise(v), byTexts(v)), `value ${v}`).toBe(true);
  });
});
