// A back-office export (per video, per session, per order) often ends with a totals row: 合计 or
// 总计 in its first column, the sums beside it, no time. It was warned about as a time that is not a
// time (`` in `发布时间` is not a time), or, with a time, as a key matching nobody. Now it is named
// for what it is, as a per-employee export's totals row is (`data_totals_row`): skipped, counted
// for nobody, one note at its row.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const SUM =
  'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      plays: { agg: sum, column: 播放量 }\n      videos: { agg: count }\n';
const HEAD = '工号,发布时间,播放量\nE1,2026-10-02 10:00,10\nE2,2026-10-03 10:00,20\n';
const TOTALS = 'row 4 is a totals row (`合计`), not an employee, and is skipped';

const read = async (body: string) => {
  const r = await aggregate(folder({ 'v.csv': body }), SUM);
  return {
    values: byKey(r),
    diagnostics: r.diagnostics.map((d) => [d.code, d.severity, d.message, d.cell?.row, d.cell?.column, d.cell?.value]),
    excluded: [...r.exclusions.keys()],
  };
};

const counted = { E1: { plays: '10', videos: '1' }, E2: { plays: '20', videos: '1' }, E3: { plays: '0', videos: '0' } };

describe('a totals row at the bottom of an event export', () => {
  it('`合计` in the key column, the time empty: a totals row, not a bad time', async () => {
    expect(await read(`${HEAD}合计,,30\n`)).toEqual({
      values: counted,
      diagnostics: [['data_totals_row', 'warning', TOTALS, 4, '工号', '合计']],
      excluded: [],
    });
  });

  it('`总计` in the key column, `-` as the time', async () => {
    expect((await read(`${HEAD}总计,-,30\n`)).diagnostics).toEqual([
      [
        'data_totals_row',
        'warning',
        'row 4 is a totals row (`总计`), not an employee, and is skipped',
        4,
        '工号',
        '总计',
      ],
    ]);
  });

  it('the key empty and `合计` in the time column (the export put the word in another column)', async () => {
    expect((await read(`${HEAD},合计,30\n`)).diagnostics).toEqual([
      ['data_totals_row', 'warning', TOTALS, 4, '发布时间', '合计'],
    ]);
  });

  it('`合计：` with a time of the month: still a totals row, not an unmatched key, and summed for nobody', async () => {
    expect(await read(`${HEAD}合计：,2026-10-03 10:00,30\n`)).toEqual({
      values: counted,
      diagnostics: [
        [
          'data_totals_row',
          'warning',
          'row 4 is a totals row (`合计：`), not an employee, and is skipped',
          4,
          '工号',
          '合计：',
        ],
      ],
      excluded: [],
    });
  });

  it('a key that only contains the word (`合计1`) is a key like any other', async () => {
    expect((await read(`${HEAD}合计1,2026-10-03 10:00,30\n`)).diagnostics).toEqual([
      [
        'data_event_unmatched',
        'warning',
        '1 row(s) of the month match no employee in the roster (`合计1` ×1)',
        undefined,
        undefined,
        undefined,
      ],
    ]);
  });
});
