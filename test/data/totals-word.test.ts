// Which id or name cells make a row a totals row (合计, Total, …): the quick answer for ids with
// digits and names of ideographs agrees with the normalised comparison.

import { describe, expect, it } from 'vitest';
import { isTotalsWord } from '../../engine/data/records.js';

describe('isTotalsWord', () => {
  it.each([
    '合计',
    '小计',
    '總計',
    '汇总',
    '彙總',
    '合 计',
    '合计：',
    'Total',
    'TOTAL:',
    'Grand Total',
    'ＴＯＴＡＬ',
    'sum',
  ])('reads %j as a totals word', (text) => {
    expect(isTotalsWord(text)).toBe(true);
  });

  it.each(['', 'SV0001', 'total1', '合计1', '许桐芳', '合计金额', 'totals of 2026', '合'])(
    'reads %j as no totals word',
    (text) => {
      expect(isTotalsWord(text)).toBe(false);
    },
  );
});
