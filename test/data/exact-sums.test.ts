// A duration written with decimals (`2.05分`, `0:01:59.9999999999999`) and the middle of a range
// (`ranges: middle`) are worked out in decimal arithmetic, never in doubles cleaned to 15 digits:
// cleaned, 119.9999999999999 seconds became 120 and reached a threshold of 2 minutes, and the middle
// of `0.8999999999999999~0.9` became 0.9. A result a double does not hold is refused, naming the
// exact number and the one it would have been read as.

import { describe, expect, it } from 'vitest';
import { readValue, type ValueOptions } from '../../engine/data/values.js';

const en = (raw: string, unit: 'seconds' | 'ratio' | 'count' | 'money', options: ValueOptions = {}) => {
  const v = readValue(raw, unit, options);
  return v.ok ? v.value : [v.why.reason, v.why.detail.en];
};

describe('a duration', () => {
  it('adds its hours, minutes and seconds as decimals: 2.05 minutes is 123 s, 1.1 minutes 66 s', () => {
    // in doubles 2.05 × 60 is 122.99999999999999 and 1.1 × 60 is 66.00000000000001
    expect(en('2.05分', 'seconds')).toBe(123);
    expect(en('1.1分', 'seconds')).toBe(66);
    expect(en('1小时0.5分', 'seconds')).toBe(3630);
    expect(en('0.01h', 'seconds')).toBe(36);
  });

  it('keeps 119.9999999999999 s below two minutes (it was cleaned to 120)', () => {
    expect(en('0:01:59.9999999999999', 'seconds')).toBe(119.9999999999999);
    expect(en('1分59.9999999999999秒', 'seconds')).toBe(119.9999999999999);
    expect((en('0:01:59.9999999999999', 'seconds') as number) < 120).toBe(true);
  });

  it('is refused when the double is another number than the seconds worked out', () => {
    // 1 h + 0.00000000000000001 s: no double is 3600.00000000000000001
    expect(en('1小时0.00000000000000001秒', 'seconds')).toEqual([
      'value_inexact_duration',
      '`1小时0.00000000000000001秒` is 3600.00000000000000001 seconds, more digits than a number keeps: it would be read as 3600',
    ]);
    const zh = readValue('1小时0.00000000000000001秒', 'seconds');
    expect(zh.ok ? undefined : zh.why.detail.zh).toBe(
      '`1小时0.00000000000000001秒` 是 3600.00000000000000001 秒，位数超过数字能精确保存的位数：会被读作 3600',
    );
  });
});

describe('the middle of a range (ranges: middle)', () => {
  it('is the exact middle: 7.5w~10w is 87,500; 0.1~0.2 is 0.15; ¥1,000~¥1,001 is 1,000.5', () => {
    expect(en('7.5w~10w', 'count', { ranges: 'middle' })).toBe(87500);
    // (0.1 + 0.2) / 2 in doubles is 0.15000000000000002
    expect(en('0.1~0.2', 'ratio', { ranges: 'middle' })).toBe(0.15);
    expect(en('¥1,000~¥1,001', 'money', { ranges: 'middle' })).toBe(1000.5);
    expect(en('10%~20%', 'ratio', { ranges: 'middle' })).toBe(0.15);
  });

  it('is refused when no double is the middle: 0.8999999999999999~0.9 was read as 0.9', () => {
    expect(en('0.8999999999999999~0.9', 'ratio', { ranges: 'middle' })).toEqual([
      'value_inexact_middle',
      'the middle of `0.8999999999999999~0.9` is 0.89999999999999995, more digits than a number keeps: it would be read as 0.8999999999999999',
    ]);
    // the ends alone are read as written
    expect(en('0.8999999999999999~0.9', 'ratio', { ranges: 'low' })).toBe(0.8999999999999999);
    expect(en('0.8999999999999999~0.9', 'ratio', { ranges: 'high' })).toBe(0.9);
  });

  it('an end of more digits than a number keeps is refused as such, naming the end', () => {
    expect(en('0.89999999999999999~1', 'ratio', { ranges: 'middle' })).toEqual([
      'value_inexact',
      '`0.89999999999999999` has more digits than a number keeps: it would be read as 0.9',
    ]);
    expect(en('0.5~abc', 'ratio', { ranges: 'middle' })).toEqual([
      'value_bad_range',
      '`0.5~abc` is not a readable range',
    ]);
  });
});
