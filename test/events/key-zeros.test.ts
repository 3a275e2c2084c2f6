// An export's key `001` when the roster has `1` (Excel dropped the zeros of a number-like id on
// one side), or `E001` against `E1`: the rows matched nobody with a bare warning, and the employee
// counted 0. A per-employee export's unmatched row says why (docs/policy-language.md, employee ids
// and join keys); now the event warning says it too, naming the roster's key. Not joined: which of
// the two is the person cannot be known from the cell.

import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { aggregate, byKey, folder } from './build.js';

const COUNT =
  'events:\n  - file: v.csv\n    key: { column: 账号, roster: 抖音账号 }\n    time: 发布时间\n    metrics:\n      n: { agg: count }\n';
const ROSTER =
  '工号,姓名,岗位,团队,阶段,抖音账号\nE1,甲,编导,一组,startup,1\nE2,乙,编导,一组,startup,E0042\nE3,丙,编导,一组,startup,acc_c\n';

describe('an event key that differs from a roster key only by leading zeros', () => {
  it('`001` against the roster’s `1`, `E42` against `E0042`: warned about with the roster’s key, not joined', async () => {
    const body =
      '账号,发布时间\n001,2026-10-02 10:00\n001,2026-10-03 10:00\nE42,2026-10-03 10:00\nX9,2026-10-03 10:00\n';
    const r = await aggregate(folder({ 'v.csv': body }), COUNT, { roster: ROSTER });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'data_event_unmatched',
        'warning',
        '4 row(s) of the month match no employee in the roster (`001` ×2, which differs from the roster’s `1` only by leading zeros, `E42` ×1, which differs from the roster’s `E0042` only by leading zeros, `X9` ×1)',
      ],
    ]);
    expect(byKey(r)).toEqual({ '1': { n: '0' }, E0042: { n: '0' }, acc_c: { n: '0' } });
    expect(localise(r.diagnostics[0]!, 'zh').message).toBe(
      '本月有 4 行在花名册中找不到对应员工（`001` ×2，与花名册中的 `1` 只差前导零；`E42` ×1，与花名册中的 `E0042` 只差前导零；`X9` ×1）',
    );
  });
});
