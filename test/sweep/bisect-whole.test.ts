// `sweep --budget` on a number the policy takes whole only (`score.decimals`, a trigger's `days`):
// the bisection between two grid values one apart tried 0.5, which the policy refuses
// (`score.decimals` must be a whole number), and the whole sweep stopped with that error instead
// of answering with the grid value that fits. Such a number is bisected in whole steps.

import { describe, expect, it } from 'vitest';
import { SweepError, sweepAll, type RunResult, type SweepSpec } from '../../engine/index.js';
import { isWholePath } from '../../engine/review/sweep.js';
import { diagnostic } from '../../engine/model/diagnostic.js';

/** A month whose total is `yuan` at each value: nobody in it, only the total matters to the fit. */
const month = (yuan: number) =>
  ({ scorecards: [], summary: { payout_total_fen: yuan * 100, by_grade: {} } }) as unknown as RunResult;

/** The policy refuses a value that is not whole, as the schema does for `score.decimals: 0.5`. */
const run = (totals: Record<number, number>) => async (value: number) => {
  if (!Number.isInteger(value))
    throw new SweepError(diagnostic('cli_sweep_invalid', { path: 'score.decimals', value, detail: 'not whole' }));
  return month(totals[value]!);
};

describe('bisecting a whole number', () => {
  it('answers with the grid value when its neighbour is one step away: decimals 1 fits ¥250', async () => {
    // decimals 0 → ¥300, 1 → ¥200, 2 → ¥100: the total falls; ¥250 is first met at 1, and between
    // 0 and 1 there is no whole number to try
    const spec: SweepSpec = { path: ['score', 'decimals'], values: [0, 1, 2], current: 2, decimals: 0 };
    const totals = { 0: 300, 1: 200, 2: 100 };
    const { fit } = await sweepAll(spec, run(totals), month(100), 25_000);
    expect(fit).toMatchObject({ kind: 'fits', value: 1, payoutFen: 20_000, bisections: 0 });
  });

  it('bisects in whole steps between grid values further apart: days 0..8/4, ¥240 first met at 5', async () => {
    // days 0 → ¥300, 2 → ¥275, 4 → ¥250 … total = 300 − 12.5 × days; grid 0 (¥300), 4 (¥250), 8 (¥200).
    // ¥240: 8 fits, 4 does not; midpoint 6 (¥225) fits, then 5 (¥237.50) fits; 5 − 4 = 1: done
    const totals: Record<number, number> = {};
    for (let d = 0; d <= 8; d++) totals[d] = 300 - 12.5 * d;
    const spec: SweepSpec = { path: ['triggers', 'pip', 'action', 'days'], values: [0, 4, 8], current: 4, decimals: 0 };
    const { fit } = await sweepAll(spec, run(totals), month(250), 24_000);
    expect(fit).toMatchObject({ kind: 'fits', value: 5, payoutFen: 23_750, bisections: 2 });
  });

  it('knows the numbers the policy takes whole', () => {
    expect(
      [
        'score.decimals',
        'triggers.pip.action.days',
        'triggers.pip.action.extensions',
        'rollup.decimals',
        'rollup.min_months',
        'rollup.year_starts',
        'roles.host.indicators.gmv.target',
        'pools.team.fund.fixed',
      ].map((p) => isWholePath(p.split('.'))),
    ).toEqual([true, true, true, true, true, true, false, false]);
  });
});
