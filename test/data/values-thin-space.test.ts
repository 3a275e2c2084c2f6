// A thousands separator written as a thin space (U+2009: `1 234`, as SI-style number formats and
// some tools' exports write it) was refused as no number, while the same figure with a no-break
// space (U+00A0) or a narrow no-break space (U+202F) was 1234. One rule for every space between
// groups of three digits: each is a thousands separator.

import { describe, expect, it } from 'vitest';
import { parseValue } from '../../engine/data/index.js';

describe('a thin space between groups of three digits', () => {
  it('`1\\u2009234` is 1234, as `1\\u00a0234` and `1\\u202f234` are', () => {
    for (const space of ['\u2009', '\u00a0', '\u202f'])
      expect(parseValue(`1${space}234`, 'count')).toEqual({ ok: true, value: 1234 });
  });

  it('`¥12\\u2009345\\u2009678.50` is 12345678.50 yuan', () => {
    expect(parseValue('¥12\u2009345\u2009678.50', 'money')).toEqual({ ok: true, value: 12345678.5 });
  });

  it('digits split by a thin space any other way are still no number: `30\\u200930`', () => {
    expect(parseValue('30\u200930', 'count')).toMatchObject({ ok: false, message: '`30\u200930` is not a number' });
  });
});
