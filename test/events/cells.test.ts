// Cells as exports write them: negative amounts (refund rows), `10万+`, `暂无`; and the shape
// problems of an event source, in Chinese as in English.

import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { localise } from '../../engine/index.js';
import { parseValue } from '../../engine/data/index.js';
import { checkEvents } from '../../node/cli/events/spec.js';
import { aggregate, byKey, folder } from './build.js';

const ORDERS = [
  '工号,下单时间,实付金额,订单状态',
  'E1,2026-10-02 10:00,100,已完成',
  'E1,2026-10-03 10:00,-40,已退款', // a refund booked as a minus amount
  'E2,2026-10-04 10:00,25.5,已完成',
  'E3,2026-09-04 10:00,-5,已退款', // September: not read
].join('\n');

const orders = (metric: string) =>
  `events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      gmv: ${metric}\n`;

describe('negative numbers', () => {
  it('are refused in a sum by default, with file, row, column and raw value; the employee is excluded', async () => {
    const r = await aggregate(folder({ 'orders.csv': ORDERS }), orders('{ agg: sum, column: 实付金额 }'));
    expect([...r.exclusions.keys()]).toEqual(['E1']);
    const d = r.exclusions.get('E1')![0]!;
    expect(d).toMatchObject({
      code: 'data_event_cell',
      severity: 'error',
      file: 'orders.csv',
      cell: { row: 3, column: '实付金额', value: '-40' },
      message: '`-40` in `实付金额` is negative',
    });
    expect(localise(d, 'zh').message).toBe('`实付金额` 列的 `-40` 是负数');
  });

  it('are no problem once refund rows are filtered out by where', async () => {
    const r = await aggregate(
      folder({ 'orders.csv': ORDERS }),
      orders('{ agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }'),
    );
    // the -40 row is a refund, which this sum does not read
    expect(r.exclusions.size).toBe(0);
    expect(byKey(r)).toEqual({ E1: { gmv: '100' }, E2: { gmv: '25.5' }, E3: { gmv: '0' } });
  });

  it('net out with negatives: allow (100 − 40 = 60)', async () => {
    const r = await aggregate(
      folder({ 'orders.csv': ORDERS }),
      orders('{ agg: sum, column: 实付金额, negatives: allow }'),
    );
    expect(r.exclusions.size).toBe(0);
    expect(byKey(r)).toEqual({ E1: { gmv: '60' }, E2: { gmv: '25.5' }, E3: { gmv: '0' } });
  });
});

const VIDEOS = [
  '工号,发布时间,播放量',
  'E1,2026-10-02 10:00,10万+',
  'E1,2026-10-03 10:00,5000',
  'E2,2026-10-04 10:00,暂无',
  'E2,2026-10-05 10:00,120000',
].join('\n');

const videos = (metrics: string) => `events:\n  - file: videos.csv\n    time: 发布时间\n    metrics:\n${metrics}`;

describe('10万+ and 暂无', () => {
  it('10万+ counts where its least value decides (>= 100000, < 50000); 暂无 is an empty cell', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      videos(
        [
          "      viral: { agg: count, where: { column: 播放量, op: '>=', value: 100000 } }",
          "      small: { agg: count, where: { column: 播放量, op: '<', value: 50000 } }",
          "      viral_share: { agg: share, when: { column: 播放量, op: '>', value: 99999 } }",
          '      plays_avg: { agg: avg, column: 播放量 }',
        ].join('\n'),
      ),
    );
    // E1 has 10万+ in an average: refused (below); E2: 暂无 is no value, 120000 the only play count
    expect(byKey(r).E2).toEqual({ viral: '1', small: '0', viral_share: '0.5', plays_avg: '120000' });
    expect([...r.exclusions.keys()]).toEqual(['E1']);
    expect(r.exclusions.get('E1')![0]).toMatchObject({
      code: 'data_event_cell',
      cell: { row: 2, column: '播放量', value: '10万+' },
      message: '`10万+` in `播放量` says only that the number is at least 10万',
    });
  });

  it('10万+ in conditions only: counted as at least 100000', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      videos(
        [
          "      viral: { agg: count, where: { column: 播放量, op: '>=', value: 100000 } }",
          "      small: { agg: count, where: { column: 播放量, op: '<', value: 50000 } }",
        ].join('\n'),
      ),
    );
    expect(r.exclusions.size).toBe(0);
    expect(byKey(r)).toEqual({
      E1: { viral: '1', small: '1' },
      E2: { viral: '1', small: '0' },
      E3: { viral: '0', small: '0' },
    });
  });

  it('10万+ against a bar above 10万 cannot be decided and is refused', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      videos("      big: { agg: count, where: { column: 播放量, op: '>=', value: 1000000 } }"),
    );
    expect([...r.exclusions.keys()]).toEqual(['E1']);
    expect(r.exclusions.get('E1')![0]).toMatchObject({
      cell: { row: 2, column: '播放量', value: '10万+' },
      message: '`10万+` in `播放量` says only that the number is at least 10万',
    });
  });
});

describe('暂无 in a per-employee file', () => {
  it('is missing there too: one reader for both', () => {
    expect(parseValue('暂无', 'count')).toEqual({ ok: true, value: undefined });
    expect(parseValue(' 暂无 ', 'money')).toEqual({ ok: true, value: undefined });
    expect(parseValue('10万+', 'count')).toMatchObject({ ok: false });
  });
});

describe('shape problems', () => {
  it('are written in Chinese for the Chinese interface', () => {
    const yaml =
      'events:\n  - file: v.csv\n    time: t\n    metrics:\n      n: { agg: median }\n      s: { agg: share }\n';
    const lines = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: lines });
    const problems = checkEvents(doc.toJS().events, doc, lines, 'm.yaml');
    expect(problems.map((p) => localise(p, 'zh').message)).toEqual([
      '事件数据源写法有误：`events[0].metrics.n.agg` 应为 `count`、`sum`、`avg`、`min`、`max`、`count_distinct`、`share` 之一，而不是`median`',
      '事件数据源写法有误：`events[0].metrics.s` 是 `share`（占比），需要 `when:` 写明计入分子的条件',
    ]);
    expect(problems.map((p) => p.span)).toEqual([
      { line: 5, column: 17 },
      { line: 6, column: 10 },
    ]);
  });
});
