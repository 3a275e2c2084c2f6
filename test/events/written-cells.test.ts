// Keys, statuses and times as exports write them: padded with spaces (U+0020 or the ideographic
// U+3000), times in every shape. The statement groups the rows by the cells as written and trims
// them on the groups, and reads the common time shapes without trimming them (node/cli/events/
// sql.ts); whatever the shape, a cell counts as its trimmed text does.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const IDEOGRAPHIC_SPACE = '\u3000';

const METRICS = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      orders: { agg: count, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      gmv: { agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      smallest: { agg: min, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      largest: { agg: max, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      refunds: { agg: share, when: { column: 订单状态, op: '=', value: 已退款 } }
`;

describe('cells as written, in Asia/Shanghai (UTC+08:00)', () => {
  const lines = [
    '工号,下单时间,实付金额,订单状态',
    'E1,2026-10-02 10:00:00,100,已完成',
    '" E1 ",2026-10-03 10:00:00,50,已完成', // the key padded: E1's
    `E1${IDEOGRAPHIC_SPACE},2026-10-04T10:00:00+08:00,30,已完成`, // the zone's own offset
    'E1,2026-10-31T20:00:00Z,1000,已完成', // 2026-11-01 04:00 in Shanghai: November
    'E1,2026-09-30T16:30:00Z,7,已完成', // 2026-10-01 00:30 in Shanghai: October
    'E1,2026-10-01T00:30:00+09:00,9,已完成', // 2026-09-30 23:30 in Shanghai: September
    'E1,2026-10-5 8:31,20," 已退款 "', // a short time, a padded refund
    'E1," 2026-10-06 09:00:00",5,已完成', // a space before the time
    `E1,2026-10-07 09:00:00${IDEOGRAPHIC_SPACE},6,已完成`, // an ideographic space after it
    'E1,2026-10-08 09:00:00.123456789,4,已完成', // nanoseconds
    `E1,2026-10-09T09:00:00+08:00${IDEOGRAPHIC_SPACE},3,已完成`, // the own offset, then a space
    'E1,2026-10-31T23:59:59+08:00,2,已完成', // the month's last second
    'E1,2026-11-01T00:00:00+08:00,1000,已完成', // the next month's first
    'E2,2026-10-10 10:00:00,40,已退款',
    'E2,2026-10-11T02:00:00Z,60,"已完成 "', // 10:00 in Shanghai; the status padded
  ];

  it('counts each row as its trimmed cells say: E1 10 rows of October, 1 refunded; E2 2, 1 refunded', async () => {
    const r = await aggregate(folder({ 'orders.csv': `${lines.join('\n')}\n` }), METRICS);
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.typedRead?.used).toBe(true);
    // E1 in October: 100, 50, 30, 7, 20 (refunded), 5, 6, 4, 3, 2; the nine not refunded sum to 207
    expect(byKey(r)).toEqual({
      E1: { orders: '9', gmv: '207', smallest: '2', largest: '100', refunds: '0.1' },
      E2: { orders: '1', gmv: '60', smallest: '60', largest: '60', refunds: '0.5' },
      // no rows: counts and sums are 0; a minimum, maximum or share is missing
      E3: { orders: '0', gmv: '0', smallest: '', largest: '', refunds: '' },
    });
  });

  it('gives the same numbers on the text path (an amount written 1,000 further down is no plain number)', async () => {
    // 1,000 on a November row: read by the text path, outside the month
    const text = [...lines.slice(0, 13), 'E1,2026-11-01T00:00:00+08:00,"1,000",已完成', ...lines.slice(14)];
    const r = await aggregate(folder({ 'orders.csv': `${text.join('\n')}\n` }), METRICS);
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r).E1).toEqual({ orders: '9', gmv: '207', smallest: '2', largest: '100', refunds: '0.1' });
    expect(byKey(r).E2).toEqual({ orders: '1', gmv: '60', smallest: '60', largest: '60', refunds: '0.5' });
  });

  it('names a time that is no time by its row, column and raw value', async () => {
    const bad = [...lines, 'E2,2026-10-32 10:00:00+08:00,5,已完成'];
    const r = await aggregate(folder({ 'orders.csv': `${bad.join('\n')}\n` }), METRICS);
    expect([...r.exclusions.keys()]).toEqual(['E2']);
    expect(r.exclusions.get('E2')![0]).toMatchObject({
      code: 'data_event_cell',
      cell: { row: 17, column: '下单时间', value: '2026-10-32 10:00:00+08:00' },
    });
  });
});

describe("the zone's own offset, on the fast read and on the text path", () => {
  // yardstick's fast read casts a cell ending with +08:00 whole (node/cli/events/sql.ts, `own`);
  // the text path casts the text before the offset. Both must give each cell the same local time.
  const csv = [
    '工号,下单时间,实付金额,订单状态',
    'E1,2026-10-12T10:00+08:00,8,已完成', // no seconds: the cast refuses it with its offset, not without
    'E1,"  2026-10-13T10:00:00+08:00",4,已完成', // spaces before it
    'E1,2026-10-31T23:59+08:00,2,已完成', // October's last minute
    'E1,2026-10-01T00:00:00.5+08:00,1,已完成', // half a second into October
    'E1,2026-11-01T00:00+08:00,1000,已完成', // November
    'E2,2026-09-30T23:59:59+08:00,50,已完成', // September
  ];
  const expected = {
    // E1 in October: 8, 4, 2 and 1, none refunded
    E1: { orders: '4', gmv: '15', smallest: '1', largest: '8', refunds: '0' },
    // E2 and E3 have no row in October
    E2: { orders: '0', gmv: '0', smallest: '', largest: '', refunds: '' },
    E3: { orders: '0', gmv: '0', smallest: '', largest: '', refunds: '' },
  };

  it('reads each as local time on the fast read', async () => {
    const r = await aggregate(folder({ 'orders.csv': `${csv.join('\n')}\n` }), METRICS);
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.typedRead?.used).toBe(true);
    expect(byKey(r)).toEqual(expected);
  });

  it('and the same on the text path (an amount written 1,000 on the November row)', async () => {
    const text = [...csv.slice(0, 5), 'E1,2026-11-01T00:00+08:00,"1,000",已完成', ...csv.slice(6)];
    const r = await aggregate(folder({ 'orders.csv': `${text.join('\n')}\n` }), METRICS);
    expect(r.diagnostics).toEqual([]);
    // 1,000 among the first rows: the amount is not read typed, the text path alone runs
    expect(r.reports[0]!.typedRead).toBeUndefined();
    expect(byKey(r)).toEqual(expected);
  });
});

describe('cells as written, in America/Bogota (UTC−05:00, no daylight saving)', () => {
  it('reads the own offset -05:00 as local time and converts the others', async () => {
    const csv = [
      '工号,下单时间,实付金额,订单状态',
      'E1,2026-10-31T22:00:00-05:00,1,已完成', // October 31, 22:00 local
      'E1,2026-10-31T22:00:00-04:00,2,已完成', // 02:00 UTC on November 1: October 31, 21:00 local
      'E1,2026-10-31T23:30:00-06:00,4,已完成', // 05:30 UTC on November 1: November 1, 00:30 local
      'E1,2026-09-30T23:30:00-05:00,8,已完成', // September
      'E1,2026-10-01T04:30:00Z,16,已完成', // 04:30 UTC on October 1: September 30, 23:30 local
      'E1,2026-10-01T05:00:00Z,32,已完成', // October 1, 00:00 local
    ].join('\n');
    const r = await aggregate(folder({ 'orders.csv': `${csv}\n` }), METRICS, { timeZone: 'America/Bogota' });
    expect(r.diagnostics).toEqual([]);
    // October: 1 + 2 + 32
    expect(byKey(r).E1).toMatchObject({ orders: '3', gmv: '35', smallest: '1', largest: '32' });
  });
});

describe('a negative cell in the grouped statement', () => {
  it('is refused only in a row the sum reads, whatever the padding of the status that decides it', async () => {
    const csv = [
      '工号,下单时间,实付金额,订单状态',
      'E1,2026-10-02 10:00,100,已完成',
      'E1,2026-10-03 10:00,-40," 已退款"', // a refund: the sum does not read it
      'E2,2026-10-04 10:00,-5,"已完成 "', // kept by the sum's where: refused
    ].join('\n');
    const r = await aggregate(
      folder({ 'orders.csv': `${csv}\n` }),
      `events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }\n`,
    );
    expect([...r.exclusions.keys()]).toEqual(['E2']);
    expect(r.exclusions.get('E2')![0]).toMatchObject({
      code: 'data_event_cell',
      cell: { row: 4, column: '实付金额', value: '-5' },
    });
    expect(byKey(r).E1).toEqual({ gmv: '100' });
  });
});
