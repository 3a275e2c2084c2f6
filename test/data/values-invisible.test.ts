// A number cell with a character that shows nothing (a zero-width space pasted from a web page, a
// BOM as a character, a soft hyphen) is the number it shows, as ids, periods and column names
// already were. Before, `85<U+200B>` was refused as "`85​` is not a number", the invisible
// character unnamed. Direction overrides, which change what a cell shows, stay refused.

import { describe, expect, it } from 'vitest';
import { parseValue } from '../../engine/data/values.js';

describe('invisible characters in a number cell', () => {
  it.each([
    ['85\u200B', 'count', 85], // zero-width space after
    ['\u200B85', 'count', 85], // and before
    ['1\u200C2', 'count', 12], // zero-width non-joiner between the digits
    ['\uFEFF1,234', 'count', 1234], // a BOM as a character
    ['1\u00AD000', 'count', 1000], // soft hyphen
    ['43.7%\u2060', 'ratio', 0.437], // word joiner
    ['1.2\u200D万', 'count', 12000], // zero-width joiner
    ['¥1,234.50\u200B', 'money', 1234.5],
  ] as const)('reads %j (%s) as %d', (raw, unit, value) => {
    expect(parseValue(raw, unit)).toEqual({ ok: true, value });
  });

  it('a cell of only invisible characters is empty, as an empty cell', () => {
    expect(parseValue('\u200B\uFEFF', 'count')).toEqual({ ok: true, value: undefined });
  });

  it.each(['\u202E12', '12\u200F'])(
    'a direction mark or override (%j) is refused: it changes what the cell shows',
    (raw) => {
      expect(parseValue(raw, 'count').ok).toBe(false);
    },
  );
});
