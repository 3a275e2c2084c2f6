// A back-office shows a count it rounds away as a bound: Douyin writes `10万+` for any play count
// above 100,000. Such a cell is no figure: it is refused at its cell with a reason that says so.
// Before, `10万+` was refused as "`10万+` is not a number", with the help "write a number such as
// 1234, 1,234, 1.2万 or 3.5w" — which HR had written.

import { describe, expect, it } from 'vitest';
import { readValue } from '../../engine/data/values.js';

describe('a bound in a number cell', () => {
  it.each([
    ['10万+', 'count'],
    ['10w+', 'count'],
    ['1000以上', 'count'],
    ['100多', 'count'],
    ['>5000', 'count'],
    ['≥ 1.2万', 'count'],
    ['＞５０００', 'count'], // full width
    ['超过5000', 'count'],
    ['不足100', 'count'],
    ['¥1,000以上', 'money'],
    ['45%+', 'ratio'],
  ] as const)('%s (%s) is a bound, not a value', (raw, unit) => {
    const v = readValue(raw, unit);
    expect(v.ok ? v : v.why).toEqual({
      reason: 'value_open_ended',
      detail: {
        en: `\`${raw}\` is a bound (more than or less than a figure), not a value`,
        zh: `\`${raw}\` 只是一个界限（多于或少于某个数），不是具体数值`,
      },
      advice: {
        en: 'write the exact figure from the back-office: Douyin shows `10万+` for any count above 100,000',
        zh: '请填写后台的准确数值：抖音对超过 10万 的数都显示为 `10万+`',
      },
    });
  });

  it.each([
    ['+10', 10],
    ['-5', -5],
  ])('a sign in front is a sign: %s is %d', (raw, value) => {
    expect(readValue(raw, 'count')).toEqual({ ok: true, value });
  });

  it('text that is no figure with a `+` stays not a number', () => {
    const v = readValue('abc+', 'count');
    expect(v.ok ? undefined : v.why.reason).toBe('value_not_a_number');
  });
});
