// One employee's key written two ways in an event export (`acc_a` and `ACC_A`, `E1` and `Ｅ１`):
// both match the roster's key (keys are compared with case, full-width forms and spaces set aside)
// and DuckDB aggregates each spelling apart. The employee was excluded by the join as "`ACC_A` /
// `acc_a` has two rows in `v.csv (per employee)` (rows 2 and 3)": rows of the aggregated table, not
// of the file, and no word of spellings. Now the event source says it, at the file's row where the
// second spelling starts, with each spelling's rows of the month; the employee is still excluded
// (an average or a share of two groups cannot be put back together), the others are scored.

import { join } from 'node:path';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, folder } from './build.js';

const M =
  'events:\n  - file: o.csv\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额 }\n      orders: { agg: count }\n';
const H = '工号,订单号,下单时间,实付金额\n';

describe('one employee’s key written two ways in an event export', () => {
  it('`E1` and `Ｅ１`: excluded at the row where the second spelling starts, the others scored', async () => {
    const body =
      H +
      'E1,A1,2026-10-02 10:00,1\n' + // row 2
      'E2,A2,2026-10-02 10:00,8\n' + // row 3
      'Ｅ１,A3,2026-10-03 10:00,2\n' + // row 4: the second spelling starts here
      'Ｅ１,A4,2026-10-04 10:00,4\n'; // row 5
    const r = await aggregate(folder({ 'o.csv': body }), M);
    expect(
      [...r.exclusions].map(([who, ds]) => [
        who,
        ds.map((d) => [d.code, d.message, d.cell?.row, d.cell?.column, d.cell?.value]),
      ]),
    ).toEqual([
      [
        'E1',
        [
          [
            'data_event_key_spellings',
            // E1 ×1 (row 2), Ｅ１ ×2 (rows 4 and 5)
            'the key of E1 is written 2 ways in `工号` (rows of the month: `E1` ×1, `Ｅ１` ×2), and each is aggregated apart',
            4,
            '工号',
            'Ｅ１',
          ],
        ],
      ],
    ]);
    // one row per employee in the table the join reads: the roster's own spelling kept for E1
    expect(byKey(r)).toEqual({
      E1: { gmv: '1', orders: '1' },
      E2: { gmv: '8', orders: '1' },
      E3: { gmv: '0', orders: '0' },
    });
  });

  it('one spelling other than the roster’s is no problem: `e2` alone is E2', async () => {
    const r = await aggregate(folder({ 'o.csv': `${H}e2,A1,2026-10-02 10:00,3\ne2,A2,2026-10-02 11:00,4\n` }), M);
    expect(r.exclusions.size).toBe(0);
    // 3 + 4 = 7 over 2 rows
    expect(byKey(r).e2).toEqual({ gmv: '7', orders: '2' });
  });

  it('a key the roster writes otherwise is at the file row where it starts, for the join’s warning (not its place in the table)', async () => {
    // E1 on row 2; `e2` starts on row 3 (rows 3 and 4); `Ｅ３` on row 5
    const body = `${H}E1,A1,2026-10-02 10:00,1\ne2,A2,2026-10-02 10:00,3\ne2,A3,2026-10-02 11:00,4\nＥ３,A4,2026-10-02 12:00,5\n`;
    const r = await aggregate(folder({ 'o.csv': body }), M);
    const t = r.sources[0]!.table;
    expect(t.rows.map((row, i) => [row[0], t.rowNumbers![i]])).toEqual([
      ['E1', 2],
      ['e2', 3],
      ['Ｅ３', 5],
    ]);
  });

  it('through yardstick run: the spellings are named, not "two rows in v.csv (per employee)"', async () => {
    const dir = folder({
      'v.csv':
        '账号名称,发布时间,播放量,完播率,状态\n' +
        'acc_a,2026-10-02 10:00,120000,40%,正常\n' +
        'ACC_A,2026-10-03 10:00,1000,30%,正常\n' +
        'acc_b,2026-10-03 10:00,1000,30%,正常\n',
      'm.yaml':
        "period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: reviews.csv\nevents:\n  - file: v.csv\n    key: { column: 账号名称, roster: 抖音账号 }\n    time: 发布时间\n    metrics:\n      发布视频数: { agg: count }\n      播放量: { agg: sum, column: 播放量 }\n      爆款率: { agg: share, when: { column: 播放量, op: '>=', value: 100000 } }\n      平均完播率: { agg: avg, column: 完播率 }\n",
    });
    for (const f of ['roster.csv', 'reviews.csv', 'policy.yaml'])
      copyFileSync(`test/events/fixtures/${f}`, join(dir, f));
    const r = await yardstick(
      'run',
      join(dir, 'policy.yaml'),
      '--data',
      join(dir, 'm.yaml'),
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'v.csv:3: error[data_event_key_spellings]: the key of E1 is written 2 ways in `账号名称` (rows of the month: `acc_a` ×1, `ACC_A` ×1), and each is aggregated apart',
    );
    expect(r.stderr).not.toContain('data_duplicate_row');
    expect(r.stderr).not.toContain('data_key_normalised');
    // E1 is left out; E2 is scored
    expect(
      r.stdout
        .split(/\r?\n/)
        .filter((l) => /^E\d/.test(l))
        .map((l) => l.split(',')[0]),
    ).toEqual(['E2']);
  });
});
