// What the compiled executor's seventh round changed, held to what it did before: a fired rule's
// condition values written into a list of their exact length (one entry per comparison, in the
// order the condition lists them, however deeply nested), a payout tier made by one literal per
// shape, and the run's totals finding a team's entry without a lookup while its people come one
// after another.

import { describe, expect, it } from 'vitest';
import { evaluateRecord, RunTotals, type EmployeeRecord, type Scorecard } from '../../engine/index.js';
import { table } from '../../engine/evaluation/run.js';
import { compiledPolicy, policy as draft } from '../builders.js';

// the minimal policy (points = the rating, ¥1000 × score / 100), with hours, a hold nested three
// deep and four tier bands on attainment, with and without a title and a benefit
const policy = compiledPolicy(
  draft()
    .metric('hours', { label: '工时', unit: 'count' })
    .set('holds', {
      odd_month: {
        title: '数据存疑',
        reason: '评分低而工时异常',
        when: {
          all: [
            { fact: 'rating', operator: 'lessThan', value: 60 },
            {
              any: [
                { fact: 'hours', operator: 'lessThan', value: 10 },
                { not: { fact: 'hours', operator: 'greaterThan', value: 100 } },
              ],
            },
          ],
        },
      },
    })
    .tier({ tier: 'gold', title: '金牌', min: 0.95, award: 100, benefit: '培训名额' })
    .tier({ tier: 'silver', min: 0.85, award: 50, benefit: '弹性假' })
    .tier({ tier: 'bronze', title: '铜牌', min: 0.75, award: 20 })
    .tier({ tier: 'iron', min: 0.7, award: 10 })
    .yaml(),
  'seventh.yaml',
);

const record = (id: string, team: string, rating: number, hours: number): EmployeeRecord => ({
  employee_id: id,
  name: '甲',
  role: 'staff',
  team,
  stage: 'only',
  period: '2026-11',
  metrics: { rating, hours },
});

/** The card of both executors, held equal. */
async function card(r: EmployeeRecord): Promise<Scorecard> {
  const out: Scorecard[] = [];
  for (const executor of ['compiled', 'reference'] as const) {
    const e = await evaluateRecord(policy, r, { executor, explain: false });
    if (!e.ok) throw new Error('evaluates');
    out.push(e.scorecard);
  }
  expect(out[0]).toEqual(out[1]);
  return out[0]!;
}

describe("a fired rule's condition values", () => {
  it('are one per comparison, in the order the condition lists them, nested in all, any and not', async () => {
    // rating 50 < 60; hours 50: not < 10, not > 100 (so `not` holds): the hold fires
    const c = await card(record('E1', '一组', 50, 50));
    expect(c.holds).toHaveLength(1);
    expect(c.holds[0]!.conditions).toEqual([
      { fact: 'rating', operator: 'lessThan', value: 60, actual: 50, result: true },
      { fact: 'hours', operator: 'lessThan', value: 10, actual: 50, result: false },
      { fact: 'hours', operator: 'greaterThan', value: 100, actual: 50, result: false },
    ]);
    expect(c.holds[0]!.conditions.length).toBe(3);
  });

  it('include the comparisons that did not decide the outcome', async () => {
    // hours 5 < 10 already makes `any` hold; the `not` inside it is still reported
    const c = await card(record('E1', '一组', 40, 5));
    expect(c.holds[0]!.conditions.map((v) => [v.fact, v.actual, v.result])).toEqual([
      ['rating', 40, true],
      ['hours', 5, true],
      ['hours', 5, false],
    ]);
  });
});

describe("a payout's tier", () => {
  it('has its title and benefit when the band has them, its keys in the documented order', async () => {
    // [rating, the tier worked out by hand]: attainment is the score / 100
    const cases: [number, Record<string, unknown>][] = [
      [96, { id: 'gold', title: '金牌', basis: 0.96, benefit: '培训名额' }],
      [90, { id: 'silver', basis: 0.9, benefit: '弹性假' }],
      [80, { id: 'bronze', title: '铜牌', basis: 0.8 }],
      [72, { id: 'iron', basis: 0.72 }],
    ];
    for (const [rating, want] of cases) {
      const tier = (await card(record('E1', '一组', rating, 200))).payout.tier;
      expect(JSON.stringify(tier)).toBe(JSON.stringify(want));
    }
    expect((await card(record('E1', '一组', 50, 200))).payout.tier).toBeUndefined();
  });
});

describe("the run's totals by team", () => {
  it('count each team whatever order its people come in', async () => {
    // rating 90: 90 points, ¥900 + silver's ¥50 = 95,000 fen; rating 50: ¥500 = 50,000 fen
    const totals = new RunTotals(policy);
    for (const [id, team, rating] of [
      ['E1', '一组', 90],
      ['E2', '一组', 50],
      ['E3', '二组', 50],
      ['E4', '一组', 90],
    ] as const)
      totals.add(await card(record(id, team, rating, 200)));
    expect(JSON.parse(JSON.stringify(totals.byTeam))).toEqual({
      一组: { employees: 3, fen: 240_000 },
      二组: { employees: 1, fen: 50_000 },
    });
    expect(totals.totalFen).toBe(290_000);
  });

  it('count into the table that is there when the team comes again, not one replaced', async () => {
    const totals = new RunTotals(policy);
    totals.add(await card(record('E1', '一组', 90, 200)));
    const first = totals.byTeam;
    totals.byTeam = table();
    totals.add(await card(record('E2', '一组', 50, 200)));
    expect(JSON.parse(JSON.stringify(first))).toEqual({ 一组: { employees: 1, fen: 95_000 } });
    expect(JSON.parse(JSON.stringify(totals.byTeam))).toEqual({ 一组: { employees: 1, fen: 50_000 } });
  });
});
