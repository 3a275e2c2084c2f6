// Event times in a time zone with daylight saving (America/Los_Angeles): a time written with `Z` or
// an offset becomes local time with the offset in force at that instant, so days, weeks, the month
// and the month before are the company's local ones across the change. Computed by hand.

import { describe, expect, it } from 'vitest';
import { monthCalendar } from '../../node/cli/events/calendar.js';
import { aggregate, byKey, folder } from './build.js';

describe("the month's calendar in a zone with daylight saving", () => {
  it('lists each change of offset to the minute, from a day before the month before to a day after the month', () => {
    // 2026: Los Angeles leaves daylight saving on Sunday 1 November at 02:00 PDT (09:00 UTC), −7 h → −8 h
    const nov = monthCalendar('2026-11', 'America/Los_Angeles');
    expect(nov.ok && [nov.calendar.offsetMinutes, nov.calendar.changes]).toEqual([
      -420,
      [{ at: '2026-11-01 09:00:00', minutes: -480 }],
    ]);
    // …and enters it on Sunday 8 March at 02:00 PST (10:00 UTC), −8 h → −7 h
    const mar = monthCalendar('2026-03', 'America/Los_Angeles');
    expect(mar.ok && [mar.calendar.offsetMinutes, mar.calendar.changes]).toEqual([
      -480,
      [{ at: '2026-03-08 10:00:00', minutes: -420 }],
    ]);
    // Shanghai has one offset
    const sh = monthCalendar('2026-11', 'Asia/Shanghai');
    expect(sh.ok && [sh.calendar.offsetMinutes, sh.calendar.changes]).toEqual([480, []]);
  });
});

const VIDEOS = [
  '账号名称,发布时间',
  'acc_a,2026-10-01T06:30:00Z', // 2026-09-30 23:30 PDT: September, in neither month
  'acc_a,2026-10-15 12:00', // local: October
  'acc_a,2026-11-01T06:30:00Z', // 2026-10-31 23:30 PDT: October
  'acc_a,2026-11-01T07:30:00Z', // 2026-11-01 00:30 PDT: 1 November (a Sunday: week of 26 October)
  'acc_a,2026-11-01T08:30:00Z', // 01:30 PDT, the first 01:30 of 1 November
  'acc_a,2026-11-01T09:30:00Z', // 01:30 PST, the second
  'acc_a,2026-11-02T07:30:00Z', // 2026-11-01 23:30 PST: still 1 November (at −7 h it would be 2 November)
  'acc_a,2026-11-03T12:00:00-08:00', // 3 November 12:00 local (week of 2 November)
  'acc_a,2026-11-09T07:30:00Z', // 2026-11-08 23:30 PST: Sunday, week of 2 November (at −7 h: week of 9 November)
  'acc_a,2026-11-15 12:00', // local, Sunday: week of 9 November
  'acc_a,2026-12-01T07:30:00Z', // 2026-11-30 23:30 PST: November (at −7 h: December)
  '',
].join('\n');

describe('aggregates across the end of daylight saving in Los Angeles (November 2026)', () => {
  it('counts the month, its days and its weeks in local time', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      `events:
  - file: videos.csv
    key: { column: 账号名称, roster: 抖音账号 }
    time: 发布时间
    metrics:
      n: { agg: count }
      max_day: { agg: count, per: day, across: max }
      max_week: { agg: count, per: week, across: max }
      avg_full_week: { agg: count, per: week, across: avg, weeks: full }
      mom: { agg: count, growth: month }
`,
      { period: '2026-11', timeZone: 'America/Los_Angeles' },
    );
    expect(r.diagnostics).toEqual([]);
    // November: the 8 rows from 00:30 PDT on 1 November to 23:30 PST on 30 November.
    // 1 November holds 4 of them (00:30 PDT, 01:30 PDT, 01:30 PST, 23:30 PST): the busiest day and
    // the week of 26 October. Full weeks 2, 9, 16, 23 November: 2 (3rd, 8th), 1 (15th), 0, 0 → 0.75.
    // October: 15 October and 31 October 23:30 PDT = 2 (1 October 06:30 UTC is still September):
    // growth (8 − 2) / 2 = 3.
    expect(byKey(r).acc_a).toEqual({ n: '8', max_day: '4', max_week: '4', avg_full_week: '0.75', mom: '3' });
  });
});
