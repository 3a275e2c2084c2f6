// Roll-up periods: one spelling each (`2026`, `2026-H2`, `2026-Q3`), calendar months; anything that
// could mean two things (`2026年下半年`: a calendar half, or the company's own review half) refused.

import { describe, expect, it } from 'vitest';
import { readRollupPeriod } from '../../engine/index.js';

const months = (raw: string) => {
  const r = readRollupPeriod(raw);
  return r.ok ? [r.value.period, r.value.kind, r.value.months[0], r.value.months.at(-1), r.value.months.length] : r;
};

describe('a roll-up period', () => {
  it('is a calendar year, half or quarter', () => {
    expect(months('2026')).toEqual(['2026', 'year', '2026-01', '2026-12', 12]);
    expect(months('2026-H1')).toEqual(['2026-H1', 'half_year', '2026-01', '2026-06', 6]);
    expect(months('2026-H2')).toEqual(['2026-H2', 'half_year', '2026-07', '2026-12', 6]);
    expect(months('2026-Q1')).toEqual(['2026-Q1', 'quarter', '2026-01', '2026-03', 3]);
    expect(months('2026-Q3')).toEqual(['2026-Q3', 'quarter', '2026-07', '2026-09', 3]);
    expect(months('2026-Q4')).toEqual(['2026-Q4', 'quarter', '2026-10', '2026-12', 3]);
  });

  it('reads a lowercase letter, full-width characters and spaces around it as the one spelling', () => {
    expect(months('2026-h2')).toEqual(['2026-H2', 'half_year', '2026-07', '2026-12', 6]);
    expect(months('２０２６－Ｑ３')).toEqual(['2026-Q3', 'quarter', '2026-07', '2026-09', 3]);
    expect(months(' 2026 ')).toEqual(['2026', 'year', '2026-01', '2026-12', 12]);
  });

  it('refuses Chinese spellings, naming the calendar form to write', () => {
    expect(readRollupPeriod('2026年下半年')).toEqual({
      ok: false,
      text: '2026年下半年',
      reason: 'chinese',
      suggestion: '2026-H2',
    });
    expect(readRollupPeriod('2026年上半年')).toMatchObject({ reason: 'chinese', suggestion: '2026-H1' });
    expect(readRollupPeriod('2026年第三季度')).toMatchObject({ reason: 'chinese', suggestion: '2026-Q3' });
    expect(readRollupPeriod('2026年Q2季度')).toMatchObject({ reason: 'chinese' });
    expect(readRollupPeriod('2026年度')).toMatchObject({ reason: 'chinese', suggestion: '2026' });
    expect(readRollupPeriod('下半年')).toEqual({ ok: false, text: '下半年', reason: 'chinese' });
  });

  it('refuses near misses, with the spelling when there is one', () => {
    expect(readRollupPeriod('2026H2')).toEqual({ ok: false, text: '2026H2', reason: 'near', suggestion: '2026-H2' });
    expect(readRollupPeriod('H2 2026')).toMatchObject({ reason: 'near', suggestion: '2026-H2' });
    expect(readRollupPeriod('2026 Q3')).toMatchObject({ reason: 'near', suggestion: '2026-Q3' });
    expect(readRollupPeriod('2026-H3')).toEqual({ ok: false, text: '2026-H3', reason: 'near' });
    expect(readRollupPeriod('2026-Q5')).toEqual({ ok: false, text: '2026-Q5', reason: 'unknown' });
  });

  it('counts from the month a policy says its year starts, naming the period by the year it starts in', () => {
    const from = (raw: string, starts: number) => {
      const r = readRollupPeriod(raw, starts);
      return r.ok ? [r.value.months[0], r.value.months.at(-1), r.value.months.length] : r;
    };
    // a fiscal year from April: 2026 = April 2026 to March 2027; its second half and last quarter are in 2027
    expect(from('2026', 4)).toEqual(['2026-04', '2027-03', 12]);
    expect(from('2026-H2', 4)).toEqual(['2026-10', '2027-03', 6]);
    expect(from('2026-Q4', 4)).toEqual(['2027-01', '2027-03', 3]);
    // ByteDance's halves from March: March–August (reviewed in September), September–February (reviewed in March)
    expect(from('2026-H1', 3)).toEqual(['2026-03', '2026-08', 6]);
    expect(from('2026-H2', 3)).toEqual(['2026-09', '2027-02', 6]);
    const h2 = readRollupPeriod('2026-H2', 3);
    expect(h2.ok && h2.value.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
    // from December: the second quarter is March to May
    expect(from('2026-Q2', 12)).toEqual(['2027-03', '2027-05', 3]);
    // 1 is the calendar
    expect(from('2026-H2', 1)).toEqual(['2026-07', '2026-12', 6]);
  });

  it('refuses a year outside 2000–2099 and anything else', () => {
    expect(readRollupPeriod('1999')).toEqual({ ok: false, text: '1999', reason: 'year' });
    expect(readRollupPeriod('2026-10')).toEqual({ ok: false, text: '2026-10', reason: 'unknown' });
    expect(readRollupPeriod('')).toEqual({ ok: false, text: '', reason: 'unknown' });
  });
});
