// A cell written with an exponent and a 万 (`1.2e-3万`, as a formula's tiny result pasted with its
// unit) is no number, as `1e3` is (docs/policy-language.md, Data files). It was refused as「a range,
// not one value」with the help to set `ranges:` on the metric; set so, it was refused again as「not a
// readable range」. A real range is still a range.

import { describe, expect, it } from 'vitest';
import { parseValue } from '../../../engine/data/index.js';

describe('a number with an exponent and a unit', () => {
  it('is no number, whatever the metric says of ranges', () => {
    for (const ranges of [undefined, 'middle'] as const) {
      expect(parseValue('1.2e-3万', 'count', { ranges })).toEqual({
        ok: false,
        message: '`1.2e-3万` is not a number',
        help: 'write a number such as 1234, 1,234, 1.2万 or 3.5w',
      });
      expect(parseValue('1.2E-3w', 'count', { ranges })).toMatchObject({
        ok: false,
        message: '`1.2E-3w` is not a number',
      });
    }
  });

  it('leaves a range written with a dash a range', () => {
    // 1.2万 to 1.5万: the middle is (12,000 + 15,000) / 2 = 13,500
    expect(parseValue('1.2万-1.5万', 'count', { ranges: 'middle' })).toEqual({ ok: true, value: 13500 });
    expect(parseValue('1.2万-1.5万', 'count')).toMatchObject({
      ok: false,
      message: '`1.2万-1.5万` is a range, not one value',
    });
  });
});
