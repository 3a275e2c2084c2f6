// The editor's roll-up preview with a month still held: the quarter of test/rollup/held.test.ts
// (a team of 4, 优秀 for at most ⌈25 %⌉, E4's August flagged as 刷量 and held) scored from its
// history files as the page scores them. The calibrated column showed E4's grade, 优秀, as if
// forced distribution had kept it; E4 is not ranked, and the column says why.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { rollupOver, scoreHistory, type HistoryFile } from '../../editor/app/lib/rollup-preview.js';
import { HELD_MONTHLY, HELD_QUARTERLY } from '../rollup/held-policies.js';

const file = (month: string, rows: Record<string, readonly [number, number]>): HistoryFile => {
  const lines = Object.entries(rows).map(([id, [r, f]]) => `${id},员工${id},员工,一组,常规,${month},${r},${f}`);
  const text = `工号,姓名,岗位,团队,阶段,月份,评分,刷量标记\n${lines.join('\n')}\n`;
  return { month, path: `history/${month}.csv`, bytes: new TextEncoder().encode(text) };
};

describe('the roll-up preview with a month still held', () => {
  it('leaves the person out of forced distribution and says which month is held', async () => {
    const files = [
      file('2026-07', { E1: [95, 0], E2: [91, 0], E3: [80, 0], E4: [98, 0] }),
      file('2026-08', { E1: [92, 0], E2: [90, 0], E3: [85, 0], E4: [100, 1] }),
      file('2026-09', { E1: [93, 0], E2: [92, 0], E3: [70, 0], E4: [97, 0] }),
    ];
    const scored = await scoreHistory(HELD_MONTHLY, 'monthly.yaml', files);
    if (!scored.ok) throw new Error('the monthly policy loads');
    const monthly = loadPolicy(HELD_MONTHLY, 'monthly.yaml');
    if (!monthly.ok) throw new Error('the monthly policy loads');
    const r = rollupOver(HELD_QUARTERLY, monthly.policy.doc, scored.months, files, [], 'zh');
    if (!r.ok) throw new Error(`not previewed: ${r.kind}`);
    // as the CLI: E1 93.33 keeps the one 优秀 of a team of 3 (¥2,000), E2 moves down; E4 98.33 not ranked
    expect(r.preview.rows.map((x) => [x.employee_id, x.score, x.grade, x.calibrated, x.held, x.payoutFen])).toEqual([
      ['E1', 93.33, '优秀', '优秀', undefined, 200000],
      ['E2', 91, '优秀', '合格', undefined, 0],
      ['E3', 78.33, '合格', '合格', undefined, 0],
      ['E4', 98.33, '优秀', undefined, ['2026-08'], 0],
    ]);
    expect(r.preview.byCalibratedGrade).toEqual({ 优秀: 1, 合格: 2 });
  });
});
