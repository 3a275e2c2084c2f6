// The budget: how far a run is over or under it, and variable pay scaled down pro rata to fit,
// exact to the fen. Computed by hand.

import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../engine/index.js';
import { monthCsv, moneyPolicy, runMoney } from './month.js';

const ROWS: [string, string, number, number][] = [
  ['E1', '一组', 90, 0], // pay 10,000 × 90 % = ¥9,000, + ¥1,000 award (rating ≥ 90)
  ['E2', '一组', 70, 0], // ¥7,000
  ['E3', '二组', 50, 0], // ¥5,000
];

describe('a budget that is only reported', () => {
  it('says how far the total and each team are over or under', async () => {
    // total 9,000 + 1,000 + 7,000 + 5,000 = ¥22,000 against ¥20,000: ¥2,000 over;
    // 一组 ¥17,000 against ¥18,000: ¥1,000 under; 二组 ¥5,000 against ¥5,000: exactly on it
    const r = await runMoney(
      moneyPolicy(
        `budget:
  total: 20000
  teams: { 一组: 18000, 二组: 5000 }`,
        { award: true },
      ),
      monthCsv(ROWS),
    );
    expect(r.budget).toEqual({
      fit: 'report',
      lines: [
        {
          scope: 'team',
          team: '一组',
          period: '2026-10',
          budgetFen: 1_800_000,
          beforeFen: 1_700_000,
          resultFen: 1_700_000,
          overFen: -100_000,
        },
        {
          scope: 'team',
          team: '二组',
          period: '2026-10',
          budgetFen: 500_000,
          beforeFen: 500_000,
          resultFen: 500_000,
          overFen: 0,
        },
        {
          scope: 'total',
          period: '2026-10',
          budgetFen: 2_000_000,
          beforeFen: 2_200_000,
          resultFen: 2_200_000,
          overFen: 200_000,
        },
      ],
    });
    expect(r.summary.payout_total_fen).toBe(2_200_000);
  });
});

describe('a team budget without `teams:` in the policy', () => {
  it('covers the team as the run counts it: A组 and a组 are two teams there, so two for the budget', async () => {
    // Without declared teams, names that differ in letter case are two teams (the run warns that they
    // look alike). The budget of A组 is E1's ¥9,000 against ¥20,000: ¥11,000 under — not E1 + E2
    // (a组, ¥7,000) = ¥16,000, as matching the budget's key case-insensitively gave.
    const r = await runMoney(
      moneyPolicy(`budget:
  teams: { A组: 20000 }`),
      monthCsv([
        ['E1', 'A组', 90, 0],
        ['E2', 'a组', 70, 0],
      ]),
    );
    expect(r.budget!.lines.map((l) => [l.team, l.beforeFen, l.overFen])).toEqual([['A组', 900_000, -1_100_000]]);
  });
});

describe('a team budget that covers nobody', () => {
  it('warns, naming the teams the run has, when the data spells the team another way (一组 budgeted, 1组 in the data)', async () => {
    // E1 is in 1组 and paid ¥9,000 + ¥1,000 = ¥10,000, far over the ¥3,000 meant for 一组; the budget
    // line alone would say 一组 is ¥3,000 under, and scaling would cut nobody
    const r = await runMoney(
      moneyPolicy(
        `budget:
  teams: { 一组: 3000 }
  fit: scale_variable`,
        { award: true },
      ),
      monthCsv([['E1', '1组', 90, 0]]),
      'en',
    );
    expect(r.budget!.lines.map((l) => [l.team, l.beforeFen, l.overFen])).toEqual([['一组', 0, -300_000]]);
    expect(r.summary.payout_total_fen).toBe(1_000_000);
    expect(r.warnings.filter((w) => w.code === 'eval_budget_team_empty').map((w) => [w.message, w.help])).toEqual([
      [
        'the budget of ¥3,000.00 for team `一组` covers nobody: no one in the run is in that team',
        "write the team as the data's 团队 column does (teams in the run: 1组), or declare the team with its aliases under `teams:`",
      ],
    ]);
  });
});

describe('variable pay scaled to fit', () => {
  it('cuts performance pay by one ratio, leaves the award alone and lands on the budget to the fen', async () => {
    // total ¥22,000, budget ¥20,000.01; the award (¥1,000) is fixed, variable pay 9,000 + 7,000 + 5,000 = ¥21,000.
    // Room for variable pay: 2,000,001 − 100,000 = 1,900,001 fen, ratio 1,900,001 / 2,100,000.
    // E1 900,000 × ratio = 814,286.14…, E2 700,000 × ratio = 633,333.66…, E3 500,000 × ratio = 452,381.19…
    // floors 814,286 + 633,333 + 452,381 = 1,900,000; 1 fen left → largest remainder .66… (E2)
    const r = await runMoney(
      moneyPolicy(
        `budget:
  total: 20000.01
  fit: scale_variable`,
        { award: true },
      ),
      monthCsv(ROWS),
    );
    const totals = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    expect(totals).toEqual({ E1: 814_286 + 100_000, E2: 633_334, E3: 452_381 });
    expect(r.summary.payout_total_fen).toBe(2_000_001);
    const e1 = r.scorecards[0]!;
    expect(e1.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 900_000],
      ['award', 100_000],
      ['budget_scale', 814_286 - 900_000],
    ]);
    expect(e1.payout.lines[2]!.label).toBe('预算缩减');
    expect(r.budget!.lines).toEqual([
      {
        scope: 'total',
        period: '2026-10',
        budgetFen: 2_000_001,
        beforeFen: 2_200_000,
        resultFen: 2_000_001,
        overFen: 0,
        scaled: { variableFen: 2_100_000, toFen: 1_900_001 },
      },
    ]);
  });

  it('never scales up a result under its budget', async () => {
    const r = await runMoney(moneyPolicy(`budget:\n  total: 50000\n  fit: scale_variable`), monthCsv(ROWS));
    expect(r.summary.payout_total_fen).toBe(2_100_000);
    expect(r.budget!.lines[0]!.overFen).toBe(-2_900_000);
    expect(r.scorecards.every((c) => c.payout.lines.every((l) => l.kind !== 'budget_scale'))).toBe(true);
  });

  it('scales nothing and warns when the awards alone are over the budget', async () => {
    // awards ¥1,000 > budget ¥500
    const r = await runMoney(
      moneyPolicy(`budget:\n  total: 500\n  fit: scale_variable`, { award: true }),
      monthCsv(ROWS),
    );
    expect(r.summary.payout_total_fen).toBe(2_200_000);
    expect(r.budget!.lines[0]).toMatchObject({ cannot_fit: true, overFen: 2_150_000 });
    expect(r.warnings.map((w) => w.message)).toEqual([
      'the budget of ¥500.00 cannot be met by scaling variable pay: awards and pool shares alone are ¥1,000.00',
    ]);
  });

  it('scales a team to its budget, then the total to its own', async () => {
    // 二组 ¥5,000 against ¥4,000: E3 → ¥4,000. Then the total: 9,000 + 7,000 + 4,000 = ¥20,000 against
    // ¥16,000: ratio 16,000 / 20,000 = 0.8 → 7,200, 5,600, 3,200
    const r = await runMoney(
      moneyPolicy(`budget:\n  total: 16000\n  teams: { 二组: 4000 }\n  fit: scale_variable`),
      monthCsv(ROWS),
    );
    const totals = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    expect(totals).toEqual({ E1: 720_000, E2: 560_000, E3: 320_000 });
    // each budget's own ratio is kept beside the product: 二组's 4,000 / 5,000, then the total's
    expect(r.scorecards[2]!.budget_scale).toEqual({
      variableFen: 500_000,
      scaledFen: 320_000,
      ratio: 0.8 * 0.8,
      steps: [
        { scope: 'team', team: '二组', ratio: 0.8 },
        { scope: 'total', ratio: 0.8, after_teams: true },
      ],
    });
    expect(r.scorecards[2]!.payout.lines.filter((l) => l.kind === 'budget_scale')).toHaveLength(1);
  });

  it('keeps whole yuan when the policy rounds to yuan, and leaves the part below a yuan unspent', async () => {
    // rounding to ¥1. Budget ¥20,000.50; awards ¥1,000 fixed; variable pay ¥21,000 in all.
    // Room 20,000.50 − 1,000 = ¥19,000.50, taken down to whole yuan: ¥19,000 (the 50 fen stay unspent).
    // Ratio 19,000 / 21,000 = 19/21: E1 9,000 × 19/21 = 8,142.857…, E2 7,000 × 19/21 = 6,333.333…,
    // E3 5,000 × 19/21 = 4,523.809…; floors 8,142 + 6,333 + 4,523 = 18,998 → 2 yuan left, one each to the
    // largest remainders .857 (E1) and .809 (E3): 8,143, 6,333, 4,524 = 19,000.
    const r = await runMoney(
      moneyPolicy(`budget:\n  total: 20000.50\n  fit: scale_variable`, {
        award: true,
        rounding: '{ to: 1, mode: half_up }',
      }),
      monthCsv(ROWS),
    );
    const totals = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    expect(totals).toEqual({ E1: 914_300, E2: 633_300, E3: 452_400 });
    expect(r.scorecards[0]!.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 900_000],
      ['award', 100_000],
      ['budget_scale', -85_700],
    ]);
    for (const c of r.scorecards) {
      expect(c.payout.totalFen).toBe(c.payout.lines.reduce((s, l) => s + l.amountFen, 0));
      expect(c.payout.totalFen % 100).toBe(0);
    }
    expect(r.summary.payout_total_fen).toBe(2_000_000);
    expect(r.budget!.lines).toEqual([
      {
        scope: 'total',
        period: '2026-10',
        budgetFen: 2_000_050,
        beforeFen: 2_200_000,
        resultFen: 2_000_000,
        overFen: -50,
        scaled: { variableFen: 2_100_000, toFen: 1_900_000 },
      },
    ]);
    expect(budgetLines(r, 'en')).toEqual([
      'budget ¥20,000.50: payout ¥20,000.00, ¥0.50 under; variable pay scaled from ¥21,000.00 to ¥19,000.00, ¥22,000.00 before',
    ]);
  });

  it('keeps whole jiao when the policy rounds to jiao, landing on a budget that is whole jiao', async () => {
    // rounding to ¥0.1. Budget ¥20,000; room ¥19,000 = 190,000 jiao; ratio 19/21:
    // E1 90,000 jiao × 19/21 = 81,428.571…, E2 70,000 × 19/21 = 63,333.333…, E3 50,000 × 19/21 = 45,238.095…;
    // floors 81,428 + 63,333 + 45,238 = 189,999 → 1 jiao to the largest remainder, E1: ¥8,142.90, ¥6,333.30, ¥4,523.80
    const r = await runMoney(
      moneyPolicy(`budget:\n  total: 20000\n  fit: scale_variable`, {
        award: true,
        rounding: '{ to: 0.1, mode: half_up }',
      }),
      monthCsv(ROWS),
    );
    const totals = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    expect(totals).toEqual({ E1: 814_290 + 100_000, E2: 633_330, E3: 452_380 });
    expect(r.summary.payout_total_fen).toBe(2_000_000);
    expect(r.budget!.lines[0]).toMatchObject({ resultFen: 2_000_000, overFen: 0 });
  });
});
