// A team budget and a total budget, both with `fit: scale_variable`: the team is fitted first, then
// the total cuts everyone, that team included. The team's line must say what its people are paid in
// the end; it said the amount before the total's cut ("payout ¥16,000.00, exactly on it") while the
// team totals beside it showed ¥12,800.00. Computed by hand (test/money/month.ts: pay = 10,000 ×
// rating / 100; E1 also a ¥1,000 award at rating ≥ 90).

import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../engine/index.js';
import { monthCsv, moneyPolicy, runMoney } from './month.js';

const ROWS: [string, string, number, number][] = [
  ['E1', '一组', 90, 0], // ¥9,000 + ¥1,000 award
  ['E2', '一组', 70, 0], // ¥7,000
  ['E3', '二组', 50, 0], // ¥5,000
];

describe('a team fitted to its budget, then cut again by the total', () => {
  // 一组: ¥17,000 against ¥16,000: variable 9,000 + 7,000 = ¥16,000, fixed ¥1,000, room ¥15,000,
  //   ratio 15/16: E1 9,000 → 8,437.50, E2 7,000 → 6,562.50 (¥15,000; the team at ¥16,000).
  // total: 16,000 + 5,000 = ¥21,000 against ¥18,000: variable 8,437.50 + 6,562.50 + 5,000 = ¥20,000,
  //   fixed ¥1,000, room ¥17,000, ratio 0.85: E1 7,171.875, E2 5,578.125, E3 4,250;
  //   floors 7,171.87 + 5,578.12 + 4,250.00 = 16,999.99, the fen left to the larger remainder
  //   (.5 fen each for E1 and E2, tie to the smaller id): E1 7,171.88.
  // Totals: E1 7,171.88 + 1,000 = 8,171.88; E2 5,578.12; E3 4,250.00; all ¥18,000.00.
  // 一组 in the end: 8,171.88 + 5,578.12 = ¥13,750.00, ¥2,250.00 under its ¥16,000.
  const run = () =>
    runMoney(
      moneyPolicy(`budget:\n  total: 18000\n  teams: { 一组: 16000 }\n  fit: scale_variable`, { award: true }),
      monthCsv(ROWS),
    );

  it('pays each person the hand-computed amount, to the fen', async () => {
    const r = await run();
    const totals = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    expect(totals).toEqual({ E1: 817_188, E2: 557_812, E3: 425_000 });
    expect(r.summary.payout_total_fen).toBe(1_800_000);
  });

  it("says the team's payout after the total's cut: ¥13,750.00, ¥2,250.00 under", async () => {
    const r = await run();
    expect(r.budget!.lines).toEqual([
      {
        scope: 'team',
        team: '一组',
        period: '2026-10',
        budgetFen: 1_600_000,
        beforeFen: 1_700_000,
        resultFen: 1_375_000,
        overFen: -225_000,
        scaled: { variableFen: 1_600_000, toFen: 1_500_000 },
      },
      {
        scope: 'total',
        period: '2026-10',
        budgetFen: 1_800_000,
        beforeFen: 2_100_000,
        resultFen: 1_800_000,
        overFen: 0,
        scaled: { variableFen: 2_000_000, toFen: 1_700_000 },
      },
    ]);
    expect(budgetLines(r, 'en')).toEqual([
      'team 一组 budget ¥16,000.00: payout ¥13,750.00, ¥2,250.00 under; variable pay scaled from ¥16,000.00 to ¥15,000.00, ¥17,000.00 before',
      'budget ¥18,000.00: payout ¥18,000.00, exactly on it; variable pay scaled from ¥20,000.00 to ¥17,000.00, ¥21,000.00 before',
    ]);
  });

  it('leaves a team line as it was when the total is not over', async () => {
    // total ¥30,000 ≥ ¥21,000: nothing more is cut, 一组 stays at ¥16,000.00, exactly on it
    const r = await runMoney(
      moneyPolicy(`budget:\n  total: 30000\n  teams: { 一组: 16000 }\n  fit: scale_variable`, { award: true }),
      monthCsv(ROWS),
    );
    expect(r.budget!.lines[0]).toMatchObject({ resultFen: 1_600_000, overFen: 0 });
  });
});
