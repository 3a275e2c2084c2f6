// How an explanation writes numbers (engine/explanation/number-text.ts): from integers where that
// gives the same text as String, toPrecision, toFixed and toLocaleString, and through them where it
// does not. Every expectation is worked out by hand from those rules (noted beside the case).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText, groupThousands, percentText, plainNumber } from '../../engine/explanation/number-text.js';

describe('plainNumber', () => {
  it('writes whole numbers as they are, and -0 as 0', () => {
    expect(plainNumber(0)).toBe('0');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(120)).toBe('120');
    expect(plainNumber(-12)).toBe('-12');
    expect(plainNumber(999_999_999_999)).toBe('999999999999');
  });

  it('writes decimals with up to six places without trailing zeros', () => {
    expect(plainNumber(84.5)).toBe('84.5');
    expect(plainNumber(30.88)).toBe('30.88');
    expect(plainNumber(-0.05)).toBe('-0.05');
    expect(plainNumber(0.000001)).toBe('0.000001');
    expect(plainNumber(1.005)).toBe('1.005');
    expect(plainNumber(123456.789012)).toBe('123456.789012');
    expect(plainNumber(-999999.999999)).toBe('-999999.999999');
  });

  it('drops binary noise beyond twelve significant digits', () => {
    // 0.1 + 0.2 = 0.30000000000000004: 17 digits, rounded to twelve → 0.3
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(77.25000000000001)).toBe('77.25');
    // 1234567890123 has 13 digits: to twelve significant digits → 1234567890120
    expect(plainNumber(1_234_567_890_123)).toBe('1234567890120');
    // 0.1234567 has seven places, 7 significant digits: String as it is
    expect(plainNumber(0.1234567)).toBe('0.1234567');
  });

  it('keeps exponent notation where JavaScript writes it', () => {
    expect(plainNumber(1.5e-7)).toBe('1.5e-7');
    expect(plainNumber(1e21)).toBe('1e+21');
  });
});

describe('percentText', () => {
  it('writes a percentage with at most one decimal with exactly one', () => {
    expect(percentText(0.15)).toBe('15.0%');
    expect(percentText(0.093)).toBe('9.3%');
    expect(percentText(0.5)).toBe('50.0%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(-0.15)).toBe('-15.0%');
    expect(percentText(-0.093)).toBe('-9.3%');
  });

  it('writes 0 and -0 as 0.0%', () => {
    // 0 × 100 to twelve digits is 0, a whole number of tenths: toFixed(1)
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(-0)).toBe('0.0%');
  });

  it('rounds any other percentage to two decimals and drops trailing zeros', () => {
    // 569 / 34000 = 0.0167352941… → 1.67352941…% → 1.67%
    expect(percentText(569 / 34000)).toBe('1.67%');
    expect(percentText(1.0998)).toBe('109.98%');
    // 9.301% → 9.30 → 9.3 (not 9.3 from one decimal: 9.301 is no whole number of tenths)
    expect(percentText(0.09301)).toBe('9.3%');
    // 9.001% → 9.00 → 9
    expect(percentText(0.09001)).toBe('9%');
    // 12345.6789% → 12345.68%
    expect(percentText(123.456789)).toBe('12345.68%');
  });

  it('rounds a half hundredth up after the twelve-digit cleaning', () => {
    // 0.00125 × 100 is 0.125 after cleaning (1/8, exact in binary): toFixed(2) takes the larger of
    // 0.12 and 0.13 on a tie
    expect(percentText(0.00125)).toBe('0.13%');
    expect(percentText(-0.00125)).toBe('-0.13%');
    // 10.125 (10 + 1/8) → 10.13
    expect(percentText(0.10125)).toBe('10.13%');
  });

  it('writes a percentage below half a hundredth as 0%, whatever its sign', () => {
    // 0.0049% → toFixed(2) 0.00 → 0; -0.0049% → -0.00 → -0 → 0
    expect(percentText(0.000049)).toBe('0%');
    expect(percentText(-0.000049)).toBe('0%');
  });

  it('writes very large percentages through the general routine', () => {
    // 10^6 → 10^8 %: a whole number, one decimal
    expect(percentText(1e6)).toBe('100000000.0%');
    expect(percentText(12_345_678.9123)).toBe('1234567891.23%');
  });
});

describe('groupThousands', () => {
  it('puts a comma every three digits from the right', () => {
    expect(groupThousands('1')).toBe('1');
    expect(groupThousands('123')).toBe('123');
    expect(groupThousands('1234')).toBe('1,234');
    expect(groupThousands('123456')).toBe('123,456');
    expect(groupThousands('1234567')).toBe('1,234,567');
  });
});

describe('countText', () => {
  it('groups whole numbers by thousands as en-US does', () => {
    expect(countText(0)).toBe('0');
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('1,000');
    expect(countText(150_000)).toBe('150,000');
    expect(countText(-1234)).toBe('-1,234');
    expect(countText(9_007_199_254_740_991)).toBe('9,007,199,254,740,991');
  });

  it('keeps -0 apart from 0, as toLocaleString does', () => {
    expect(countText(-0)).toBe('-0');
  });

  it('writes every digit of a whole number beyond 2^53 and of 10^21', () => {
    expect(countText(2 ** 53 + 2)).toBe('9,007,199,254,740,994');
    expect(countText(1e21)).toBe('1,000,000,000,000,000,000,000');
  });

  it('writes a count that is not whole as a plain number', () => {
    expect(countText(1234.5)).toBe('1234.5');
  });
});

describe('the fast paths against the general routines they stand for', () => {
  // the routines explanations used before number-text.ts, as they were written
  const before = {
    plain: (x: number) => {
      const s = String(x);
      const digits = s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
      return /e|N|I/.test(s) || digits > 12 ? String(Number(x.toPrecision(12))) : s;
    },
    percent: (value: number) => {
      const pct = Number((value * 100).toPrecision(12));
      return `${Number.isInteger(pct * 10) ? pct.toFixed(1) : String(Number(pct.toFixed(2)))}%`;
    },
    count: (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : before.plain(x)),
  };
  const numbers = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000),
    fc.integer({ min: -1e7, max: 1e7 }).map((k) => k / 100_000),
    fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 2000),
    fc.integer({ min: -20_000, max: 20_000 }).map((k) => k / 10_000 + 0.00005),
  );

  it('write every number as before', () => {
    fc.assert(
      fc.property(numbers, (x) => {
        expect(plainNumber(x)).toBe(before.plain(x));
        expect(percentText(x)).toBe(before.percent(x));
        expect(countText(x)).toBe(before.count(x));
      }),
      { numRuns: 20_000, seed: 20261201 },
    );
  });
});
