// A JSON export whose 工号 is a number written with an exponent (`2.02311E+11`): the id was lost to a
// number on the way. Its figure in decimals, 202311000000, is another employee's id; the rows are
// kept as written and match nobody, as a per-employee file's id is refused (docs/policy-language.md,
// employee ids and join keys).

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const COUNT = 'events:\n  - file: v.json\n    time: 发布时间\n    metrics:\n      n: { agg: count }\n';
const ROSTER = '工号,姓名,岗位,团队,阶段\n202311000000,甲,编导,一组,startup\n1000,乙,编导,一组,startup\n';

describe('an event key JSON wrote with an exponent', () => {
  it('`2.02311E+11` and `1.0e3` count for nobody, not for 202311000000 and 1000', async () => {
    const body = JSON.stringify([
      { 工号: 'X', 发布时间: '2026-10-02 10:00' },
      { 工号: 'Y', 发布时间: '2026-10-03 10:00' },
      { 工号: 202311000000, 发布时间: '2026-10-04 10:00' },
    ])
      .replace('"X"', '2.02311E+11')
      .replace('"Y"', '1.0e3');
    const r = await aggregate(folder({ 'v.json': body }), COUNT, { roster: ROSTER });
    expect(byKey(r)).toEqual({ '202311000000': { n: '1' }, '1000': { n: '0' } });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'data_event_unmatched',
        'warning',
        '2 row(s) of the month match no employee in the roster (`1.0e3` ×1, `2.02311E+11` ×1)',
      ],
    ]);
  });
});
