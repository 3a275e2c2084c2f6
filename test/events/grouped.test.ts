// yardstick's own statement groups the rows by their cells as written (node/cli/events/sql.ts) for
// every source without an average: distinct counts, grains (`per: day | week`) and growth too.
// Computed by hand in Asia/Shanghai (the default zone). October 2026 begins on a Thursday: its
// weeks start on Mondays 09-28, 10-05, 10-12, 10-19 and 10-26; the full ones are 10-05, 10-12 and
// 10-19, so week over week compares 10-19..10-25 with 10-12..10-18.
//
// Then the same results, row for row, from the statement `yardstick data sql` prints (which reads
// every row on its own) for every kind of metric, on a file with padded, refunded, unreadable and
// out-of-month cells, in a fixed-offset zone and in one with daylight saving.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthCalendar } from '../../node/cli/events/calendar.js';
import { EventEngine } from '../../node/cli/events/duckdb.js';
import { planSource, readerSql } from '../../node/cli/events/sql.js';
import { aggregate, byKey, eventsOf, folder } from './build.js';

const ORDERS = [
  '工号,下单时间,实付金额,订单状态,订单号',
  'E1,2026-10-04T16:00:00Z,100,已完成,A1', // 10-05 00:00 in Shanghai: Monday, the week of 10-05
  'E1,2026-10-04T15:59:59Z,50,已完成,A2', // 10-04 23:59:59: Sunday, still the week of 09-28
  '" E1 ",2026-10-12 10:00,30,"已完成 ",A3', // padded key and status: E1's, not refunded
  'E1,2026-10-13 10:00,70,已退款,A4', // refunded: left out by every `where`
  'E1,2026-10-19 09:00,200,已完成,A5',
  'E1,2026-10-25 23:59:59,20,已完成," A1"', // A1 again, padded: one distinct order
  'E1,2026-09-15 10:00,320,已完成,A9', // September
  'E2,2026-10-20 10:00,80,已退款,B1', // E2's only October row is refunded
  'E2,2026-09-20 10:00,60,已完成,B2',
  'ghost,2026-10-06 10:00,5,已完成,G1', // nobody in the roster
].join('\n');

const NOT_REFUNDED = `where: { column: 订单状态, op: "!=", value: 已退款 }`;

const MAPPING = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      orders: { agg: count, ${NOT_REFUNDED} }
      distinct_orders: { agg: count_distinct, column: 订单号, ${NOT_REFUNDED} }
      best_day: { agg: sum, column: 实付金额, per: day, across: max, ${NOT_REFUNDED} }
      least_week: { agg: count, per: week, across: min, ${NOT_REFUNDED} }
      full_week_gmv: { agg: sum, column: 实付金额, per: week, across: avg, weeks: full, ${NOT_REFUNDED} }
      gmv_wow: { agg: sum, column: 实付金额, growth: week, ${NOT_REFUNDED} }
      gmv_mom: { agg: sum, column: 实付金额, growth: month, ${NOT_REFUNDED} }
      orders_mom: { agg: count, growth: month }
`;

describe("yardstick's own statement, grouped as written", () => {
  it('is used for distinct counts, grains and growth; a source with an average reads rows', () => {
    const calendar = monthCalendar('2026-10', 'Asia/Shanghai');
    if (!calendar.ok) throw new Error('calendar');
    const plan = (yaml: string, own: boolean) =>
      planSource(eventsOf(yaml)[0]!, '工号', calendar.calendar, "read_csv('orders.csv')", undefined, own).sql;
    expect(plan(MAPPING, true)).toContain('keyed AS');
    expect(plan(MAPPING, true)).not.toMatch(/^ev AS \(/m);
    // what `yardstick data sql` prints does not change: every row read on its own
    expect(plan(MAPPING, false)).not.toContain('keyed AS');
    const average = MAPPING.replace('orders_mom: { agg: count', 'orders_mom: { agg: avg, column: 实付金额');
    expect(plan(average, true)).not.toContain('keyed AS');
  });

  it('distinct counts, days, weeks and growth by hand: refunds left out, an employee with no events, an event of nobody', async () => {
    const r = await aggregate(folder({ 'orders.csv': ORDERS }), MAPPING);
    expect(r.diagnostics).toMatchObject([
      { code: 'data_event_unmatched', severity: 'warning', message: expect.stringContaining('`ghost` ×1') },
    ]);
    expect(byKey(r)).toEqual({
      E1: {
        // October, not refunded: 100, 50, 30, 200, 20 (A4's 70 refunded)
        orders: '5',
        // A1, A2, A3, A5 and " A1" again
        distinct_orders: '4',
        // days: 10-04 50, 10-05 100, 10-12 30, 10-19 200, 10-25 20
        best_day: '200',
        // weeks 09-28: 1, 10-05: 1, 10-12: 1, 10-19: 2, 10-26: 0
        least_week: '0',
        // full weeks 10-05: 100, 10-12: 30, 10-19: 220 → 350 / 3
        full_week_gmv: String(350 / 3),
        // 10-19..10-25: 220 against 10-12..10-18: 30 → 190 / 30
        gmv_wow: String(190 / 30),
        // October 400 against September 320 → 80 / 320
        gmv_mom: '0.25',
        // every October row (6) against September's (1) → 5
        orders_mom: '5',
      },
      // E2's October row is refunded: 0 orders, empty days and weeks; its previous week is 0 → no growth
      E2: {
        orders: '0',
        distinct_orders: '0',
        best_day: '0',
        least_week: '0',
        full_week_gmv: '0',
        gmv_wow: '',
        // October 0 against September 60
        gmv_mom: '-1',
        orders_mom: '0',
      },
      // no events: counts, sums and their grains 0; growth has no value
      E3: {
        orders: '0',
        distinct_orders: '0',
        best_day: '0',
        least_week: '0',
        full_week_gmv: '0',
        gmv_wow: '',
        gmv_mom: '',
        orders_mom: '',
      },
    });
    const e1 = r.reports[0]!.aggregates.find((a) => a.key === 'E1')!;
    expect(e1.rows).toBe(6);
    expect(e1.values.gmv_wow).toEqual({ value: String(190 / 30), rows: 5, current: '220', previous: '30' });
    expect(e1.values.gmv_mom).toMatchObject({ current: '400', previous: '320' });
    // the padded key is E1's: one row of aggregates for it, none for " E1 "
    expect(r.reports[0]!.aggregates.map((a) => a.key)).toEqual(['E1', 'E2', 'ghost']);
  });
});

/** 3,000 rows: keys, times, amounts, statuses and order numbers in every shape the reader meets, some of them wrong. */
function messyOrders(): string {
  const keys = ['E1', 'E2', ' E1', 'E3 ', 'ghost', '', 'e2'];
  const statuses = ['已完成', '已退款', ' 已完成', '已发货', '', '已退款 '];
  const amounts = ['100', '12.5', '1.2万', '', '-5', '暂无', '3,000', 'abc', '0', '45%'];
  const lines = ['工号,下单时间,实付金额,订单状态,订单号'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    const day = 1 + next(61); // 2026-09-01 .. 2026-10-31 and a few of November
    const month = day > 30 ? 10 : 9;
    const d = day > 30 ? day - 30 : day;
    const dd = String(Math.min(d, 31)).padStart(2, '0');
    const hh = String(next(24)).padStart(2, '0');
    const mm = String(next(60)).padStart(2, '0');
    const shape = next(12);
    const time =
      shape === 0
        ? `2026-${month}-${dd}T${hh}:${mm}:00Z`
        : shape === 1
          ? `2026-${month}-${dd}T${hh}:${mm}:00+08:00`
          : shape === 2
            ? ` 2026-${month}-${dd} ${hh}:${mm} `
            : shape === 3 && next(10) === 0
              ? 'not a time'
              : shape === 4
                ? `2026-11-0${1 + next(3)} ${hh}:${mm}`
                : `2026-${month}-${dd} ${hh}:${mm}:00`;
    const amount = next(8) === 0 ? amounts[next(amounts.length)]! : String(next(500));
    lines.push(
      [keys[next(keys.length)], time, `"${amount}"`, statuses[next(statuses.length)], `O${next(400)}`].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

const METRIC_SETS = [
  // every metric of the month that is no average
  `
      n: { agg: count }
      kept: { agg: count, ${NOT_REFUNDED} }
      gmv: { agg: sum, column: 实付金额, negatives: allow }
      kept_gmv: { agg: sum, column: 实付金额, where: [ { column: 订单状态, op: not_in, value: [ 已退款 ] }, { column: 实付金额, op: "<", value: 300 } ] }
      least: { agg: min, column: 实付金额, negatives: allow }
      most: { agg: max, column: 实付金额, negatives: allow }
      distinct: { agg: count_distinct, column: 订单号 }
      kept_distinct: { agg: count_distinct, column: 订单号, where: [ { column: 订单状态, op: in, value: [ 已完成, 已发货 ] }, { column: 实付金额, op: ">=", value: 100 } ] }
      big: { agg: share, when: { column: 实付金额, op: ">=", value: 200 }, ${NOT_REFUNDED} }`,
  // grains
  `
      per_day: { agg: count, per: day, across: max }
      per_week_min: { agg: sum, column: 实付金额, per: week, across: min, ${NOT_REFUNDED} }
      per_week_avg: { agg: count, per: week, across: avg, weeks: full }
      day_distinct: { agg: count_distinct, column: 订单号, per: day, across: avg, ${NOT_REFUNDED} }
      week_share: { agg: share, when: { column: 订单状态, op: "=", value: 已退款 }, per: week, across: max }
      week_most: { agg: max, column: 实付金额, per: week, across: avg, negatives: allow }`,
  // growth, with a grain beside it
  `
      wow: { agg: sum, column: 实付金额, growth: week, ${NOT_REFUNDED} }
      wow_n: { agg: count, growth: week }
      mom: { agg: sum, column: 实付金额, growth: month, ${NOT_REFUNDED} }
      mom_distinct: { agg: count_distinct, column: 订单号, growth: month }
      mom_share: { agg: share, when: { column: 订单状态, op: "=", value: 已退款 }, growth: month }
      mom_min: { agg: min, column: 实付金额, growth: month, negatives: allow }
      per_day: { agg: sum, column: 实付金额, per: day, across: max, negatives: allow }`,
];

describe('the same rows as the printed statement', () => {
  for (const zone of ['Asia/Shanghai', 'Europe/Berlin'])
    METRIC_SETS.forEach((metrics, i) => {
      it(`metric set ${i + 1} in ${zone}: every column of every key, the unreadable-row count too`, async () => {
        const dir = folder({});
        const path = join(dir, 'orders.csv');
        writeFileSync(path, messyOrders());
        const source = eventsOf(`events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:${metrics}\n`)[0]!;
        const calendar = monthCalendar('2026-10', zone);
        if (!calendar.ok) throw new Error('calendar');
        const engine = await EventEngine.open();
        try {
          const header = await engine.columns(readerSql(path, 'csv'));
          const from = readerSql(path, 'csv', 0, header);
          const printed = await engine.rows(planSource(source, '工号', calendar.calendar, from).sql);
          const own = await engine.rows(planSource(source, '工号', calendar.calendar, from, undefined, true).sql);
          // the file has keys of the month, unreadable rows and rows of other months
          expect(printed.length).toBeGreaterThan(4);
          expect(printed.some((r) => Number(r[r.length - 1]) > 0)).toBe(true);
          expect(own).toEqual(printed);
        } finally {
          engine.close();
        }
      });
    });
});
