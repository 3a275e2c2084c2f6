// Period-over-period growth, by hand. October 2026's full weeks start on Mondays 10-05, 10-12 and
// 10-19 (10-26 runs into November), so week over week compares 10-19..10-25 with 10-12..10-18;
// month over month compares October with September. Growth = (current − previous) / previous.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const SESSIONS = [
  '工号,开播时间,观看人数',
  'E1,2026-10-12 20:00,1000', // week of 10-12 (previous)
  'E1,2026-10-18 23:59:59,500', // Sunday 10-18: still the previous week
  'E1,2026-10-19 00:00:00,1200', // Monday 10-19: the last full week
  'E1,2026-10-25 21:00,450',
  'E1,2026-10-26 10:00,2850', // week of 10-26: in October, in neither compared week
  'E1,2026-09-20 20:00,2000', // September
  'E1,2026-09-30T15:00:00Z,1000', // 23:00 on 09-30 in Shanghai: September
  'E1,2026-08-31 20:00,7777', // August: in no compared period
  'E2,2026-10-13 20:00,0', // the previous week sums to 0
  'E2,2026-10-20 20:00,300',
  'E3,2026-09-15 20:00,100', // September only
].join('\n');

const events = (metrics: string) => `events:\n  - file: sessions.csv\n    time: 开播时间\n    metrics:\n${metrics}`;

describe('growth', () => {
  it('week over week: the last full week against the week before; none when the earlier week is 0', async () => {
    const r = await aggregate(
      folder({ 'sessions.csv': SESSIONS }),
      events(
        [
          '      viewers_wow: { agg: sum, column: 观看人数, growth: week }',
          '      sessions_wow: { agg: count, growth: week }',
        ].join('\n'),
      ),
    );
    expect(r.diagnostics).toEqual([]);
    // E1: 1200 + 450 = 1650 against 1000 + 500 = 1500 → 150 / 1500 = 0.1; sessions 2 against 2 → 0
    // E2: 300 against 0 → no value; its sessions 1 against 1 → 0
    // E3: no row in October → no value
    expect(byKey(r)).toEqual({
      E1: { viewers_wow: '0.1', sessions_wow: '0' },
      E2: { viewers_wow: '', sessions_wow: '0' },
      E3: { viewers_wow: '', sessions_wow: '' },
    });
    const e1 = r.reports[0]!.aggregates.find((a) => a.key === 'E1')!;
    expect(e1.values.viewers_wow).toEqual({ value: '0.1', rows: 5, current: '1650', previous: '1500' });
  });

  it('month over month: October against September, rows of the month before read too', async () => {
    const r = await aggregate(
      folder({ 'sessions.csv': SESSIONS }),
      events(
        [
          '      viewers_mom: { agg: sum, column: 观看人数, growth: month }',
          '      sessions_mom: { agg: count, growth: month }',
          '      sessions: { agg: count }',
          '      best: { agg: max, column: 观看人数 }',
        ].join('\n'),
      ),
    );
    expect(r.diagnostics).toEqual([]);
    // E1: October 1000 + 500 + 1200 + 450 + 2850 = 6000 against September 2000 + 1000 = 3000 → 1;
    //     sessions 5 against 2 → 1.5
    // E2: September has nothing → no value
    // E3: October 0 against 100 → −1, sessions 0 against 1 → −1; no session in October: count 0, no max
    expect(byKey(r)).toEqual({
      E1: { viewers_mom: '1', sessions_mom: '1.5', sessions: '5', best: '2850' },
      E2: { viewers_mom: '', sessions_mom: '', sessions: '2', best: '300' },
      E3: { viewers_mom: '-1', sessions_mom: '-1', sessions: '0', best: '' },
    });
  });

  it('growth with per, or an unknown period, is refused at its line in both languages', async () => {
    await expect(
      aggregate(
        folder({ 'sessions.csv': SESSIONS }),
        events('      x: { agg: count, per: week, across: min, growth: week }'),
      ),
    ).rejects.toThrow('`growth` compares two periods of its own and does not go with `per`');
    await expect(
      aggregate(folder({ 'sessions.csv': SESSIONS }), events('      x: { agg: count, growth: year }')),
    ).rejects.toThrow(
      '`events[0].metrics.x.growth` must be `week` (week over week) or `month` (month over month), not `year`',
    );
  });
});
