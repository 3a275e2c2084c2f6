// The one-pass reading of the common cells (`quickNumber`) gives the double the regular
// expressions and `Number` give, and leaves every other cell to them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickNumber } from '../../engine/data/values.js';

/** What the reader did before the one-pass reading: the three regular expressions, then `Number`. */
function byRegex(raw: string, ratio: boolean): number | undefined {
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  const scaled = /^(-?\d+(?:\.\d+)?)([万wW亿kK%])$/.exec(raw);
  if (scaled && (scaled[2] !== '%' || ratio)) {
    const exponent = { 万: 4, w: 4, W: 4, 亿: 8, k: 3, K: 3, '%': -2 }[scaled[2] as '万'];
    return Number(`${scaled[1]}e${exponent}`);
  }
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) return Number(raw.replaceAll(',', ''));
  return undefined;
}

describe('quickNumber', () => {
  it.each([
    ['40', false, 40],
    ['-12', false, -12],
    ['007', false, 7],
    ['0.103', false, 0.103],
    ['154.1万', false, 1541000],
    ['3.4w', false, 34000],
    ['3.4W', false, 34000],
    ['1.2亿', false, 120000000],
    ['2.5k', false, 2500],
    ['9.3%', true, 0.093],
    ['-4.5%', true, -0.045],
    ['2,266,926', false, 2266926],
    ['1,234.5', false, 1234.5],
    ['999,999,999,999,999', false, 999999999999999],
  ])('reads %s (ratio: %s) as %d', (raw, ratio, value) => {
    expect(quickNumber(raw, ratio)).toBe(value);
  });

  it('reads minus zero as minus zero, as Number does', () => {
    expect(Object.is(quickNumber('-0', false), -0)).toBe(true);
    expect(Object.is(quickNumber('-0.0万', false), -0)).toBe(true);
  });

  it.each([
    ['', false],
    ['-', false],
    ['.5', false],
    ['5.', false],
    ['+5', false],
    [' 5', false],
    ['5 ', false],
    ['9.3%', false], // a percentage only in a ratio column: the general reader refuses it elsewhere
    ['1,2345', false],
    ['12,345,67', false],
    ['1234,567', false],
    ['1,234万', false],
    ['1.2万万', false],
    ['1.2.3', false],
    ['１２', false],
    ['1e5', false],
    ['1234567890123456', false], // sixteen digits: left to Number through the regular expressions
    ['1,234,567,890,123,456', false],
  ])('leaves %j (ratio: %s) to the general reader', (raw, ratio) => {
    expect(quickNumber(raw, ratio)).toBeUndefined();
  });

  it('gives the same double as the regular expressions for any cell made of digits, signs, points, commas and suffixes', () => {
    const cell = fc
      .array(fc.constantFrom(...'0123456789', '0123', '999', '.', ',', '-', '万', 'w', 'W', '亿', 'k', 'K', '%', ' '), {
        maxLength: 24,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(cell, fc.boolean(), (raw, ratio) => {
        const quick = quickNumber(raw, ratio);
        if (quick !== undefined) expect(Object.is(quick, byRegex(raw, ratio))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same double as Number for decimals of up to fifteen digits, scaled every way', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,8}$/), fc.option(fc.stringMatching(/^\d{1,7}$/)))
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, fc.constantFrom('', '万', 'w', '亿', 'k', '%'), (text, suffix) => {
        const raw = text + suffix;
        expect(Object.is(quickNumber(raw, true), byRegex(raw, true))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
  });
});
