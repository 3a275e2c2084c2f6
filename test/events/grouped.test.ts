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
import { averageOf, fewDistinct, settleAverages } from '../../node/cli/events/fast.js';
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
  it('is used for distinct counts, grains, growth and averages of the month; an average per grain or with growth reads rows', () => {
    const calendar = monthCalendar('2026-10', 'Asia/Shanghai');
    if (!calendar.ok) throw new Error('calendar');
    const plan = (yaml: string, own: boolean, exactAverages = true, fewDistinct = true) =>
      planSource(eventsOf(yaml)[0]!, '工号', calendar.calendar, "read_csv('orders.csv')", undefined, own, {
        exactAverages,
        fewDistinct,
      });
    expect(plan(MAPPING, true).sql).toContain('keyed AS');
    expect(plan(MAPPING, true).sql).not.toMatch(/^ev AS \(/m);
    // what `yardstick data sql` prints does not change: every row read on its own
    expect(plan(MAPPING, false).sql).not.toContain('keyed AS');
    // a distinct count of a column with many distinct cells (order numbers) keeps the rows
    expect(plan(MAPPING, true, true, false).sql).not.toContain('keyed AS');
    const monthAverage = MAPPING.replace(
      'orders_mom: { agg: count, growth: month }',
      'avg_gmv: { agg: avg, column: 实付金额 }',
    );
    expect(plan(monthAverage, true).sql).toContain('keyed AS');
    expect(plan(monthAverage, true).shape.averages).toEqual([7]);
    expect(plan(monthAverage, false).shape.averages).toBeUndefined();
    // where DuckDB's division is not known (not x64), an average keeps the rows
    expect(plan(monthAverage, true, false).sql).not.toContain('keyed AS');
    const grainAverage = MAPPING.replace(
      'orders_mom: { agg: count, growth: month }',
      'avg_week: { agg: avg, column: 实付金额, per: week, across: max }',
    );
    expect(plan(grainAverage, true).sql).not.toContain('keyed AS');
    // a growth of averages is worked out by yardstick from the two periods' sums and counts
    const growthAverage = MAPPING.replace('orders_mom: { agg: count', 'orders_mom: { agg: avg, column: 实付金额');
    expect(plan(growthAverage, true).sql).toContain('keyed AS');
    expect(plan(growthAverage, true).shape).toMatchObject({ averageGrowth: [7] });
    expect(plan(growthAverage, true).shape.averages).toBeUndefined();
  });

  it("groups by a distinct count's column only when its first 2,000 cells hold at most 200 distinct ones", async () => {
    const dir = folder({});
    const path = join(dir, 'orders.csv');
    // 2,500 rows: 2,500 order numbers, 3 statuses; 201 distinct shops, then 200
    const lines = ['订单号,订单状态,店铺,门店'];
    for (let i = 0; i < 2500; i++) lines.push(`O${i},${['已完成', '已退款', '已发货'][i % 3]},S${i % 201},T${i % 200}`);
    writeFileSync(path, lines.join('\n') + '\n');
    const engine = await EventEngine.open();
    try {
      const from = readerSql(path, 'csv');
      expect(await fewDistinct(engine, from, ['订单号'])).toBe(false);
      expect(await fewDistinct(engine, from, ['订单状态'])).toBe(true);
      expect(await fewDistinct(engine, from, ['店铺'])).toBe(false);
      expect(await fewDistinct(engine, from, ['门店'])).toBe(true);
      expect(await fewDistinct(engine, from, ['订单状态', '订单号'])).toBe(false);
      expect(await fewDistinct(engine, from, [])).toBe(true);
    } finally {
      engine.close();
    }
  });

  it('averages of the month by hand: refunds and numbers left out by `where`, an empty cell no number', async () => {
    const orders = [
      '工号,下单时间,实付金额,订单状态',
      'E1,2026-10-01 10:00,100,已完成',
      '" E1",2026-10-02 10:00,1.2万,"已完成 "', // padded: E1's, 12,000
      'E1,2026-10-03 10:00,,已完成', // empty: no number, not averaged
      'E1,2026-10-04 10:00,50,已退款', // refunded
      'E1,2026-10-05 10:00,25,已完成',
      'E1,2026-09-30 10:00,9999,已完成', // September
      'E2,2026-10-06 10:00,80,已退款',
    ].join('\n');
    const r = await aggregate(
      folder({ 'orders.csv': orders }),
      `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      avg_all: { agg: avg, column: 实付金额 }
      avg_kept: { agg: avg, column: 实付金额, ${NOT_REFUNDED} }
      avg_small: { agg: avg, column: 实付金额, where: [ { column: 实付金额, op: "<", value: 1000 }, { column: 订单状态, op: "!=", value: 已退款 } ] }
`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r)).toEqual({
      // 100 + 12,000 + 50 + 25 over 4; without the refund 12,125 / 3; under 1,000 and kept: 125 / 2
      E1: { avg_all: '3043.75', avg_kept: String(12125 / 3), avg_small: '62.5' },
      // E2's only number is refunded: it has an average of all, none of the kept
      E2: { avg_all: '80', avg_kept: '', avg_small: '' },
      E3: { avg_all: '', avg_kept: '', avg_small: '' },
    });
  });

  it('a growth of averages by hand: the last full week against the week before, October against September', async () => {
    const orders = [
      '工号,下单时间,实付金额,订单状态',
      'E1,2026-10-12 10:00,10,已完成', // the week before: 10 and 20, average 15
      'E1,2026-10-18 23:59:59,20,已完成',
      'E1,2026-10-19 00:00:00,30,已完成', // the last full week: 30 and 15, average 22.5
      'E1,2026-10-25 12:00,15,已完成',
      'E1,2026-10-20 12:00,999,已退款', // refunded
      'E1,2026-09-10 12:00,50,已完成', // September: 50, average 50
      'E2,2026-10-20 12:00,40,已完成', // no row the week before: no growth
      'E2,2026-09-10 12:00,0,已完成', // September's average is 0: no growth
    ].join('\n');
    const r = await aggregate(
      folder({ 'orders.csv': orders }),
      `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      avg_wow: { agg: avg, column: 实付金额, growth: week, ${NOT_REFUNDED} }
      avg_mom: { agg: avg, column: 实付金额, growth: month, ${NOT_REFUNDED} }
`,
    );
    expect(r.diagnostics).toEqual([]);
    // E1: (22.5 − 15) / 15 = 0.5; October's average (10 + 20 + 30 + 15) / 4 = 18.75 against 50 → −0.625
    expect(byKey(r)).toEqual({
      E1: { avg_wow: '0.5', avg_mom: '-0.625' },
      E2: { avg_wow: '', avg_mom: '' },
      E3: { avg_wow: '', avg_mom: '' },
    });
    const e1 = r.reports[0]!.aggregates.find((a) => a.key === 'E1')!;
    expect(e1.values.avg_wow).toMatchObject({ current: '22.5', previous: '15' });
    expect(e1.values.avg_mom).toMatchObject({ current: '18.75', previous: '50' });
    const e2 = r.reports[0]!.aggregates.find((a) => a.key === 'E2')!;
    expect(e2.values.avg_wow).toMatchObject({ current: '40', previous: '' });
    expect(e2.values.avg_mom).toMatchObject({ current: '40', previous: '0' });
  });

  it('an average whose sum reaches 2^63 millionths is read row by row: 10 × 999,999,999,999 averages 999,999,999,999', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `E1,2026-10-0${i}T10:00:00Z,999999999999`).map((r) =>
      r.replace('2026-10-00T', '2026-10-10T'),
    );
    const r = await aggregate(
      folder({ 'orders.csv': ['工号,下单时间,实付金额', ...rows].join('\n') }),
      'events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      avg: { agg: avg, column: 实付金额 }\n',
    );
    expect(r.reports[0]!.typedRead).toEqual({
      columns: ['实付金额'],
      used: false,
      fallback: 'an average too large to divide as DuckDB does: the rows are read one by one',
    });
    expect(byKey(r).E1).toEqual({ avg: '999999999999' });
  });

  it("divides as DuckDB's AVG divides, twice rounded: 7,923.521749 / 4 is 1980.8804372499999, not 1980.88043725", async () => {
    // the exact quotient 1980.88043725 lies just off a double's halfway point: DuckDB's long double
    // rounds it onto the halfway point, and the double below is taken (ties to even)
    expect(averageOf('7923.521749/4')).toBe(1980.8804372499999);
    expect(averageOf('-7923.521749/4')).toBe(-1980.8804372499999);
    // 8,005.443804 / 4 is 2,001.360951 exactly, a number no double holds: DuckDB's two roundings give the double above
    expect(averageOf('8005.443804/4')).toBe(2001.3609510000001);
    expect(averageOf('2001.360951/1')).toBe(2001.3609510000001);
    expect(averageOf('0.000000/7')).toBe(0);
    // 2^63 millionths and more: not read this way (the rows are read one by one)
    expect(averageOf('9223372036854.775808/2')).toBeUndefined();
    const engine = await EventEngine.open();
    try {
      const [[a, b]] = (await engine.rows(
        `SELECT AVG(x), AVG(y) FROM (VALUES (1980.880437, 2001.360951), (1980.880437, 2001.360951), (1980.880437, 2001.360951), (1980.880438, 2001.360951)) AS t (x, y)`.replace(
          /(\d+\.\d{6})/g,
          'CAST($1 AS DECIMAL(18, 6))',
        ),
      )) as [[number, number]];
      expect([a, b]).toEqual([1980.8804372499999, 2001.3609510000001]);
    } finally {
      engine.close();
    }
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
  // averages of the month, beside the others
  `
      avg_all: { agg: avg, column: 实付金额, negatives: allow }
      avg_kept: { agg: avg, column: 实付金额, ${NOT_REFUNDED} }
      avg_mixed: { agg: avg, column: 实付金额, where: [ { column: 订单状态, op: in, value: [ 已完成, 已发货 ] }, { column: 实付金额, op: "<", value: 400 } ] }
      n: { agg: count }
      gmv: { agg: sum, column: 实付金额, ${NOT_REFUNDED} }
      avg_wow: { agg: avg, column: 实付金额, growth: week, negatives: allow }
      avg_mom: { agg: avg, column: 实付金额, growth: month, ${NOT_REFUNDED} }`,
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
          const plan = planSource(source, '工号', calendar.calendar, from, undefined, true);
          expect(plan.sql).toContain('keyed AS');
          // an average arrives as its sum and count, and is divided as DuckDB divides
          const own = settleAverages(plan.shape, await engine.rows(plan.sql));
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
