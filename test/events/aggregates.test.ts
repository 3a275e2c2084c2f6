// Every aggregate and grain, computed by hand on small event files and compared with DuckDB's.
// October 2026 begins on a Thursday: its weeks start on Mondays 09-28, 10-05, 10-12, 10-19, 10-26.

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { aggregate, byKey, folder } from './build.js';

const VIDEOS = [
  '账号名称,发布时间,播放量,完播率,状态,话题',
  'acc_a,2026-09-30 23:59:59,500000,50%,正常,x', // September in Shanghai: not counted
  'acc_a,2026-10-01 00:00:00,120000,40%,正常,x', // first second of October (week of 09-28)
  'acc_a,2026-10-01T10:00:00+08:00,1.5万,30%,正常,y',
  'acc_a,2026-10-05 09:00,"2,000",20%,已退款,y', // Monday: week of 10-05
  'acc_a,2026-10-31T17:00:00Z,900000,90%,正常,z', // 2026-11-01 01:00 in Shanghai: November
  'acc_b,2026/10/12 12:00,10万,0.5,正常,x',
  'acc_b,2026-10-31T15:59:59Z,50,0.3,正常,x', // 23:59:59 on 10-31 in Shanghai: October (week of 10-26)
  'ghost,2026-10-12 12:00,7,,正常,x',
  'ghost,2026-10-13 12:00,8,,正常,x',
].join('\n');

const events = (metrics: string) =>
  `events:\n  - file: videos.csv\n    key: { column: 账号名称, roster: 抖音账号 }\n    time: 发布时间\n    metrics:\n${metrics}`;

describe('aggregates over the month, in the company time zone', () => {
  it('count, sum, avg, min, max, count_distinct and share, by hand', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      events(
        [
          '      n: { agg: count }',
          '      plays: { agg: sum, column: 播放量 }',
          '      avg_completion: { agg: avg, column: 完播率 }',
          '      least: { agg: min, column: 播放量 }',
          '      most: { agg: max, column: 播放量 }',
          '      topics: { agg: count_distinct, column: 话题 }',
          "      viral: { agg: share, when: { column: 播放量, op: '>=', value: 100000 } }",
        ].join('\n'),
      ),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_event_unmatched']);
    // acc_a in October: 120000 (40%), 15000 (30%), 2000 (20%); acc_b: 100000 (0.5), 50 (0.3)
    expect(byKey(r)).toEqual({
      acc_a: {
        n: '3',
        plays: '137000',
        avg_completion: '0.3',
        least: '2000',
        most: '120000',
        topics: '2',
        viral: String(1 / 3),
      },
      acc_b: { n: '2', plays: '100050', avg_completion: '0.4', least: '50', most: '100000', topics: '1', viral: '0.5' },
      // no events: counts and sums are 0; an average, minimum, maximum or share is missing
      acc_c: { n: '0', plays: '0', avg_completion: '', least: '', most: '', topics: '0', viral: '' },
    });
  });

  it('where: refunds excluded (not_in), numbers compared as numbers, text as text', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      events(
        [
          '      kept: { agg: count, where: { column: 状态, op: not_in, value: [ 已退款 ] } }',
          '      kept_plays: { agg: sum, column: 播放量, where: [ { column: 状态, op: "!=", value: 已退款 }, { column: 播放量, op: "<", value: 100000 } ] }',
          '      refunded: { agg: count, where: { column: 状态, op: "=", value: 已退款 } }',
        ].join('\n'),
      ),
    );
    expect(byKey(r).acc_a).toEqual({ kept: '2', kept_plays: '15000', refunded: '1' });
    expect(byKey(r).acc_b).toEqual({ kept: '2', kept_plays: '50', refunded: '0' });
  });

  it('per week: empty weeks count 0, the week of 09-28 holds October 1-4 only; weeks: full drops it', async () => {
    const r = await aggregate(
      folder({ 'videos.csv': VIDEOS }),
      events(
        [
          '      min_week: { agg: count, per: week, across: min }',
          '      max_week: { agg: count, per: week, across: max }',
          '      avg_week: { agg: count, per: week, across: avg }',
          '      avg_full_week: { agg: count, per: week, across: avg, weeks: full }',
          '      max_day_plays: { agg: sum, column: 播放量, per: day, across: max }',
          '      best_week_avg: { agg: avg, column: 完播率, per: week, across: max }',
        ].join('\n'),
      ),
    );
    // acc_a: week 09-28 → 2, week 10-05 → 1, others 0 (5 weeks); the full weeks are 10-05, 10-12, 10-19 (10-26 runs into November) → 1 in 3
    expect(byKey(r).acc_a).toEqual({
      min_week: '0',
      max_week: '2',
      avg_week: String(3 / 5),
      avg_full_week: String(1 / 3),
      max_day_plays: '135000',
      best_week_avg: '0.35',
    });
    expect(byKey(r).acc_b).toEqual({
      min_week: '0',
      max_week: '1',
      avg_week: String(2 / 5),
      avg_full_week: String(1 / 3),
      max_day_plays: '100000',
      best_week_avg: '0.5',
    });
    expect(byKey(r).acc_c).toEqual({
      min_week: '0',
      max_week: '0',
      avg_week: '0',
      avg_full_week: '0',
      max_day_plays: '0',
      best_week_avg: '',
    });
  });

  it('another time zone moves the month: in UTC, 2026-10-31T17:00Z is October and 10-01 00:00+08:00 is September', async () => {
    const r = await aggregate(folder({ 'videos.csv': VIDEOS }), events('      n: { agg: count }'), { timeZone: 'UTC' });
    // naive times are local (now UTC): 10-01 00:00 and 10-05 count, 10-01T10:00+08:00 = 02:00Z counts, 17:00Z counts
    expect(byKey(r).acc_a.n).toBe('4');
  });

  it('an event matching no employee is a warning with its row count; an employee with no events gets 0', async () => {
    const r = await aggregate(folder({ 'videos.csv': VIDEOS }), events('      n: { agg: count }'));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'data_event_unmatched',
      severity: 'warning',
      file: 'videos.csv',
      message: '2 row(s) of the month match no employee in the roster (`ghost` ×2)',
    });
    expect(byKey(r).acc_c.n).toBe('0');
  });

  it('unreadable numbers and times: file, row, column and raw value; the employee is excluded', async () => {
    const csv = [
      '工号,时间,金额',
      'E1,2026-10-02 10:00,12..5',
      'E1,2026-10-03 10:00,5',
      'E2,昨天,5',
      'E9,2026-10-03 10:00,abc',
      'E3,2026-09-03 10:00,abc',
    ].join('\n');
    const r = await aggregate(
      folder({ 'orders.csv': csv }),
      'events:\n  - file: orders.csv\n    time: 时间\n    metrics:\n      gmv: { agg: sum, column: 金额 }\n',
    );
    expect([...r.exclusions.keys()]).toEqual(['E1', 'E2']);
    expect(r.exclusions.get('E1')![0]).toMatchObject({
      code: 'data_event_cell',
      severity: 'error',
      file: 'orders.csv',
      cell: { row: 2, column: '金额', value: '12..5' },
      message: '`12..5` in `金额` is not a number',
    });
    expect(r.exclusions.get('E2')![0]).toMatchObject({ cell: { row: 4, column: '时间', value: '昨天' } });
    // E9 is nobody: a warning; E3's bad number lies in September and does not count
    expect(r.diagnostics.filter((d) => d.code === 'data_event_cell')).toMatchObject([
      { severity: 'warning', cell: { row: 5, column: '金额', value: 'abc' } },
    ]);
  });

  it('a GBK export is transcoded before DuckDB reads it', async () => {
    const gbk = iconv.encode(
      '工号,下单时间,实付金额,订单状态\nE1,2026-10-02 10:00,"1,200.50",已完成\nE1,2026-10-03 10:00,99.5,已退款\nE2,2026-10-04 10:00,10,已完成\n',
      'gbk',
    );
    const r = await aggregate(
      folder({ 'orders.csv': gbk }),
      "events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }\n      refund_rate: { agg: share, when: { column: 订单状态, op: '=', value: 已退款 } }\n",
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0].encoding).toBe('gb18030');
    expect(byKey(r)).toEqual({
      E1: { gmv: '1200.5', refund_rate: '0.5' },
      E2: { gmv: '10', refund_rate: '0' },
      E3: { gmv: '0', refund_rate: '' },
    });
  });

  it('hostile column names and values do not break the SQL', async () => {
    const col = `a"b'c; DROP TABLE x; --\\`;
    const value = `x' OR '1'='1`;
    const csv = `工号,时间,"${col.replace(/"/g, '""')}"\nE1,2026-10-02,"${value}"\nE1,2026-10-02,y\n`;
    const yaml = `events:\n  - file: "it's.csv"\n    time: 时间\n    metrics:\n      "m\\"'; --": { agg: count, where: { column: ${JSON.stringify(col)}, op: '=', value: ${JSON.stringify(value)} } }\n`;
    const r = await aggregate(folder({ "it's.csv": csv }), yaml);
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r).E1).toEqual({ 'm"\'; --': '1' });
  });

  it('no period is refused; a zone with daylight saving in the month is counted in local time (time-zones.test.ts)', async () => {
    const dir = folder({ 'videos.csv': VIDEOS });
    const none = await aggregate(dir, events('      n: { agg: count }'), { period: '' });
    expect(none.diagnostics[0].code).toBe('data_event_shape');
    const dst = await aggregate(dir, events('      n: { agg: count }'), { timeZone: 'Europe/Berlin' });
    // nothing about the zone: only the rows of `ghost`, who is in no roster, as in Shanghai
    expect(dst.diagnostics.map((d) => d.code)).toEqual(['data_event_unmatched']);
  });
});

describe('keys', () => {
  it('two spellings of one key in the export are one employee aggregated apart: excluded, the spellings named', async () => {
    const { yardstick } = await import('../yardstick.js');
    const { join } = await import('node:path');
    const dir = folder({
      'roster.csv': '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\nE2,乙,编导,一组,startup\n',
      'v.csv': '工号,t\nE1,2026-10-01\ne1,2026-10-02\nE2,2026-10-02\n',
      'm.yaml':
        'period: 2026-10\nroster: { file: roster.csv }\nevents:\n  - file: v.csv\n    time: t\n    metrics:\n      videos: { agg: count }\n',
      'p.yaml':
        'policy: p\ntitle: t\nversion: 1.0.0\nmetrics:\n  videos: { label: videos, unit: count }\nstages:\n  startup: { title: startup }\nroles:\n  director:\n    title: 编导\n    pay_base: 100\n    indicators:\n      videos: { metric: videos, target: 1, weight: 100 }\ngrades:\n  - { grade: A, min: 0 }\npayout:\n  performance_pay: pay_base\n  rounding: { to: 0.01, mode: half_up }\n',
    });
    const r = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'm.yaml'),
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('E1,');
    expect(r.stdout).toContain('E2,');
    // named by the event source at the file's row 3 where `e1` starts (the join's "two rows in
    // `v.csv (per employee)`" named rows of the aggregated table): test/events/key-spellings.test.ts
    expect(r.stderr).toContain(
      'v.csv:3: error[data_event_key_spellings]: the key of E1 is written 2 ways in `工号` (rows of the month: `E1` ×1, `e1` ×1), and each is aggregated apart',
    );
    expect(r.stderr).not.toContain('data_duplicate_row');
  });
});
