// Cells as Douyin and Excel exports write them, read exactly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValue } from '../../engine/data/values.js';
import type { Unit } from '../../engine/model/policy.js';

const read = (raw: string, unit: Unit = 'count') => parseValue(raw, unit);

describe('parseValue', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1.2万', 12000],
    ['0.07万', 700],
    ['12.34万', 123400],
    ['3.5w', 35000],
    ['3.5W', 35000],
    ['1.2亿', 120000000],
    ['2k', 2000],
    ['１２３４', 1234], // full-width digits
    [' 42 ', 42],
    ['-12', -12],
    ['0', 0],
  ])('reads the count %s as %d', (raw, value) => {
    expect(read(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['45.3%', 0.453],
    ['45.30%', 0.453],
    ['0.453', 0.453],
    ['100%', 1],
    ['0.5%', 0.005],
    ['150%', 1.5],
    ['４５．３％', 0.453],
  ])('reads the ratio %s as %d', (raw, value) => {
    expect(read(raw, 'ratio')).toEqual({ ok: true, value });
  });

  it.each([
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['1234.5元', 1234.5],
    ['RMB 20', 20],
    ['1.5万', 15000],
  ])('reads the amount %s as %d', (raw, value) => {
    expect(read(raw, 'money')).toEqual({ ok: true, value });
  });

  it.each([
    ['1小时21分5秒', 4865],
    ['21分5秒', 1265],
    ['3分钟', 180],
    ['45秒', 45],
    ['01:21:05', 4865],
    ['21:05', 1265],
    ['180', 180],
    // minutes and hours with decimals, without binary noise: 2.05 × 60 is 122.99999999999999 in
    // doubles, which a threshold of 123 s did not reach
    ['2.05分', 123],
    ['2.05分钟', 123],
    ['0.1小时', 360],
    ['1.15min', 69],
  ])('reads the duration %s as %d seconds', (raw, value) => {
    expect(read(raw, 'seconds')).toEqual({ ok: true, value });
  });

  it.each(['', '-', '--', '—', 'N/A', '  '])('reads %j as missing', (raw) => {
    expect(read(raw)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['abc', 'count', '`abc` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['12..5', 'count', '`12..5` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['1.2.3万', 'count', '`1.2.3万` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['12,34', 'count', '`12,34` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['45%', 'count', '`45%` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['(12)', 'count', '`(12)` is not a number', 'write a number such as 1234, 1,234, 1.2万 or 3.5w'],
    ['-(12)', 'money', '`-(12)` is not a number', 'write an amount such as 1234.50, ¥1,234.50 or 1.2万'],
    ['abc%', 'ratio', '`abc%` is not a number', 'write a ratio such as 45.3% or 0.453'],
    [
      '三分钟',
      'seconds',
      '`三分钟` is not a duration',
      'write a duration such as 1小时21分5秒, 21分5秒, 01:21:05 or a number of seconds',
    ],
    [
      '01:75',
      'seconds',
      '`01:75` is not a duration',
      'write a duration such as 1小时21分5秒, 21分5秒, 01:21:05 or a number of seconds',
    ],
  ] as const)('rejects %s as a %s', (raw, unit, message, help) => {
    expect(read(raw, unit)).toEqual({ ok: false, message, help });
  });

  it.each([
    ['¥-1,234', -1234],
    ['-¥1,234', -1234],
    ['¥ -1,234.50', -1234.5],
    ['￥-0.01', -0.01],
    ['RMB -20', -20],
    ['(1,234)', -1234],
    ['(1,234.50)', -1234.5],
    ['¥(1,234.00)', -1234],
    ['(¥1,234.00)', -1234],
    ['（１，２３４）', -1234],
    ['(0)', 0],
  ])(
    'reads the negative amount %s, a minus sign with the currency or Excel accounting parentheses, as %d',
    (raw, value) => {
      expect(read(raw, 'money')).toEqual({ ok: true, value });
    },
  );

  it('refuses a negative amount with currency in a column of fen as yuan, naming the cell as written', () => {
    expect(parseValue('¥-123.45', 'money', { moneyIn: 'fen' })).toEqual({
      ok: false,
      message: '`¥-123.45` is written in yuan, but the column is in fen (`money_in: fen`)',
      help: 'write the cell in fen as the rest of the column (12345 for ¥123.45), or drop `money_in: fen` if the export is in yuan',
    });
    expect(parseValue('(12345)', 'money', { moneyIn: 'fen' })).toEqual({ ok: true, value: -123.45 });
    expect(parseValue('¥-1,234~2,000', 'money', { ranges: 'low' })).toEqual({
      ok: false,
      message: '`¥-1,234~2,000` is not a readable range',
      help: expect.any(String),
    });
  });

  it.each([
    ["'40", 'count', 40],
    ["' 1234", 'count', 1234],
    ['="40"', 'count', 40],
    ['="1,234.50"', 'money', 1234.5],
    ["'45.3%", 'ratio', 0.453],
    ['="¥-1,234"', 'money', -1234],
    ['＝"40"', 'count', 40],
    ['=""', 'count', undefined],
  ] as const)('reads %j, marked as text for Excel, as the cell inside it', (raw, unit, value) => {
    expect(read(raw, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ["''40", 'count', "`''40` is not a number"],
    ['=SUM(A1:A3)', 'count', '`=SUM(A1:A3)` is not a number'],
    ['="12..5"', 'count', '`="12..5"` is not a number'],
    ['="1.2万+"', 'count', '`="1.2万+"` is a bound (more than or less than a figure), not a value'],
  ] as const)('refuses %j naming the cell as written', (raw, unit, message) => {
    const r = read(raw, unit);
    expect(r.ok ? undefined : r.message).toBe(message);
  });

  it('reads minutes above 59 written out in Chinese as they add up: 1小时70分 is 7800 seconds', () => {
    expect(read('1小时70分', 'seconds')).toEqual({ ok: true, value: 7800 });
  });
});

describe('a date in a number column', () => {
  it('is refused as a date, not as a range, even where the metric reads ranges', () => {
    for (const text of ['2026-10-01', '2026/10/1', '2026.10.01', '2026年10月1日', '2026-10-01 08:30:00']) {
      for (const ranges of [undefined, 'middle'] as const)
        expect(parseValue(text, 'count', { ranges })).toEqual({
          ok: false,
          message: `\`${text}\` is a date, not a number`,
          help: 'the cell holds a date: check that this is the right column, or format the cells as numbers in Excel',
        });
    }
  });

  it('a range of counts with a dash is still a range', () => {
    expect(parseValue('10-12', 'count', { ranges: 'middle' })).toEqual({ ok: true, value: 11 });
  });
});

describe('ranges and money in fen, as the metric declares', () => {
  it('rejects a range unless the metric says how to read it', () => {
    expect(parseValue('7.5w~10w', 'count')).toEqual({
      ok: false,
      message: '`7.5w~10w` is a range, not one value',
      help: 'give one value, or set `ranges: low | middle | high` on the metric in the policy',
    });
  });

  it.each([
    ['low', 75000],
    ['middle', 87500], // (75000 + 100000) / 2
    ['high', 100000],
  ] as const)('takes the %s end of 7.5w~10w: %d', (ranges, value) => {
    expect(parseValue('7.5w~10w', 'count', { ranges })).toEqual({ ok: true, value });
  });

  it('reads other range separators and refuses a backwards range', () => {
    expect(parseValue('1万-2万', 'count', { ranges: 'middle' })).toEqual({ ok: true, value: 15000 });
    expect(parseValue('10%～20%', 'ratio', { ranges: 'low' })).toEqual({ ok: true, value: 0.1 });
    expect(parseValue('10w~7.5w', 'count', { ranges: 'low' })).toEqual({
      ok: false,
      message: '`10w~7.5w` is not a readable range',
      help: 'write a range as low~high, e.g. 7.5w~10w',
    });
  });

  it('a negative number and a clock time are not ranges', () => {
    expect(parseValue('-12', 'count', { ranges: 'low' })).toEqual({ ok: true, value: -12 });
    expect(parseValue('01:21:05', 'seconds', { ranges: 'low' })).toEqual({ ok: true, value: 4865 });
  });

  it('money exported in fen is divided by 100 exactly', () => {
    expect(parseValue('123456', 'money', { moneyIn: 'fen' })).toEqual({ ok: true, value: 1234.56 });
    expect(parseValue('1.2万', 'money', { moneyIn: 'fen' })).toEqual({ ok: true, value: 120 });
    expect(parseValue('123456', 'money')).toEqual({ ok: true, value: 123456 });
  });

  it('a cell of a fen column written in yuan, or with a fraction of a fen, is refused, never divided by 100', () => {
    // on main `¥123.45` was read as 123.45 fen = ¥1.2345 and `12345.6` as ¥123.456
    const yuan = {
      ok: false,
      message: '`¥123.45` is written in yuan, but the column is in fen (`money_in: fen`)',
      help: 'write the cell in fen as the rest of the column (12345 for ¥123.45), or drop `money_in: fen` if the export is in yuan',
    };
    expect(parseValue('¥123.45', 'money', { moneyIn: 'fen' })).toEqual(yuan);
    expect(parseValue('123.45元', 'money', { moneyIn: 'fen' })).toEqual({
      ...yuan,
      message: '`123.45元` is written in yuan, but the column is in fen (`money_in: fen`)',
    });
    expect(parseValue('12345.6', 'money', { moneyIn: 'fen' })).toEqual({
      ok: false,
      message: '`12345.6` has a fraction of a fen, but the column is in fen (`money_in: fen`)',
      help: 'write whole fen (12345 for ¥123.45), or drop `money_in: fen` if the export is in yuan',
    });
    // whole fen however written: 50,050 fen is ¥500.50, 1.2万 fen is ¥120
    expect(parseValue('50,050', 'money', { moneyIn: 'fen' })).toEqual({ ok: true, value: 500.5 });
    expect(parseValue('1.2万', 'money', { moneyIn: 'fen' })).toEqual({ ok: true, value: 120 });
    // in yuan the marks are read as ever
    expect(parseValue('¥123.45', 'money')).toEqual({ ok: true, value: 123.45 });
  });
});

describe('ratios in percent points, as the metric declares', () => {
  const points = (raw: string) => parseValue(raw, 'ratio', { ratioFormat: 'percent_points' });
  it.each([
    ['45.3', 0.453],
    ['45.3%', 0.453],
    ['12.5', 0.125],
    ['０.８', 0.008],
    ['100', 1],
    ['-3.4', -0.034],
    ['', undefined],
  ])('%s is %s', (raw, value) => {
    expect(points(raw)).toEqual({ ok: true, value });
  });

  it('a fraction column reads the same cells as written', () => {
    expect(parseValue('45.3', 'ratio')).toEqual({ ok: true, value: 45.3 });
    expect(parseValue('45.3', 'ratio', { ratioFormat: 'fraction' })).toEqual({ ok: true, value: 45.3 });
    expect(parseValue('45.3%', 'ratio', { ratioFormat: 'fraction' })).toEqual({ ok: true, value: 0.453 });
  });

  it('a range of percent points reads both ends in percent points', () => {
    expect(parseValue('40~50', 'ratio', { ratioFormat: 'percent_points', ranges: 'middle' })).toEqual({
      ok: true,
      value: 0.45,
    });
  });
});

describe('the fast paths for common cells read exactly as the general path', () => {
  // a leading space skips the fast paths (they match the raw cell), the general path trims it
  const digits = fc.tuple(
    fc.boolean(),
    fc.nat({ max: 99_999_999 }),
    fc.option(fc.nat({ max: 9999 }), { nil: undefined }),
  );
  const cell = fc.oneof(
    digits.map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac === undefined ? '' : `.${frac}`}`),
    fc
      .tuple(digits, fc.constantFrom('万', 'w', 'W', '亿', 'k', 'K', '%'))
      .map(([[neg, whole, frac], s]) => `${neg ? '-' : ''}${whole}${frac === undefined ? '' : `.${frac}`}${s}`),
    fc
      .tuple(fc.boolean(), fc.nat({ max: 999_999_999 }))
      .map(([neg, n]) => `${neg ? '-' : ''}${n.toLocaleString('en-US')}`),
  );
  const units: Unit[] = ['count', 'ratio', 'money', 'score', 'seconds'];

  it.each(units)('%s', (unit) => {
    fc.assert(
      fc.property(cell, (raw) => {
        const fast = parseValue(raw, unit);
        const general = parseValue(` ${raw}`, unit);
        // errors quote the raw cell, space included: compare what was read, not the wording
        expect(fast.ok ? fast : { ok: false }).toEqual(general.ok ? general : { ok: false });
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
