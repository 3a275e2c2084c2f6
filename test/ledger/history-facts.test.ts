// History facts served from the ledger: periods in role, rolling averages, an open plan. Missing
// history is explicit: a new employee has been in the role one period and averages their own value.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodsInRole, rollingAverage, type PastPeriod } from '../../engine/evaluation/history.js';
import { main } from '../../node/cli/main.js';

const past = (period: string, role: string, score: number, values: Record<string, number> = {}): PastPeriod => ({
  period,
  role,
  grade: 'B',
  score,
  values,
});

describe('history helpers', () => {
  it('periods in role count this period and the earlier ones in a row in the same role', () => {
    expect(periodsInRole('host', [])).toBe(1);
    expect(periodsInRole('host', [past('2026-09', 'host', 80), past('2026-08', 'host', 70)])).toBe(3);
    expect(
      periodsInRole('host', [past('2026-09', 'host', 80), past('2026-08', 'ops', 70), past('2026-07', 'host', 70)]),
    ).toBe(2);
  });

  it('rolling averages include this period and use what history there is', () => {
    const earlier = [
      past('2026-09', 'host', 70, { gmv: 100 }),
      past('2026-08', 'host', 60, { gmv: 200 }),
      past('2026-07', 'host', 50, { gmv: 300 }),
    ];
    expect(rollingAverage(62, earlier, 'score', 3)).toBe(64); // (62 + 70 + 60) / 3
    expect(rollingAverage(50, earlier, 'gmv', 2)).toBe(75); // (50 + 100) / 2
    expect(rollingAverage(80, [], 'score', 3)).toBe(80); // a new employee: their own value
    expect(rollingAverage(undefined, [], 'gmv', 3)).toBeUndefined();
  });
});

const POLICY = `policy: hist
title: 历史
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
  lead: { title: 组长, pay_base: 2000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  pip:
    title: 改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action: { type: improvement_plan, days: 30, close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] } }
  slump:
    title: 三个月平均偏低
    when: { all: [ { fact: rolling_average, params: { of: score, periods: 3 }, operator: lessThan, value: 65 } ] }
    action: { type: notify }
  veteran:
    title: 本岗位满三期
    when: { all: [ { fact: periods_in_role, operator: greaterThanInclusive, value: 3 } ] }
    action: { type: notify }
  on_plan:
    title: 仍在改进期
    when: { all: [ { fact: open_plan, operator: equal, value: true } ] }
    action: { type: notify }
`;

// K (staff): 60, 70, 62. M: staff 85, staff 85, then lead 85.
const MONTHS: [string, string][] = [
  ['2026-09', 'K,甲,员工,一组,常规,2026-09,60\nM,乙,员工,一组,常规,2026-09,85'],
  ['2026-10', 'K,甲,员工,一组,常规,2026-10,70\nM,乙,员工,一组,常规,2026-10,85'],
  ['2026-11', 'K,甲,员工,一组,常规,2026-11,62\nM,乙,组长,一组,常规,2026-11,85'],
];
const triggers: Record<string, Record<string, string[]>> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hfacts-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  for (const [period, rows] of MONTHS) {
    writeFileSync(join(dir, `${period}.csv`), `工号,姓名,岗位,团队,阶段,月份,评分\n${rows}\n`);
    let out = '';
    expect(
      await main(
        [
          'run',
          join(dir, 'p.yaml'),
          '--data',
          join(dir, `${period}.csv`),
          '--record',
          '--format',
          'json',
          '--ledger',
          join(dir, 'l.db'),
        ],
        { stdout: (s) => (out += s), stderr: () => {} },
      ),
    ).toBe(0);
    triggers[period] = Object.fromEntries(
      JSON.parse(out).scorecards.map((c: { employee_id: string; triggers: { id: string }[] }) => [
        c.employee_id,
        c.triggers.map((t) => t.id),
      ]),
    );
  }
});

describe('history facts from recorded periods', () => {
  it('first period: no history, so a C opens a plan and averages are the month itself (60 < 65)', () => {
    expect(triggers['2026-09']).toEqual({ K: ['pip', 'slump'], M: [] });
  });

  it('second period: K is still on the plan opened last month, whose 30-day window ends unmet now (70 < 90): escalated; (70 + 60) / 2 = 65 is not below 65', () => {
    expect(triggers['2026-10']).toEqual({ K: ['on_plan', 'pip_escalated'], M: [] });
  });

  it('third period: (62 + 70 + 60) / 3 = 64, three periods in role for K; M changed role and starts again; the escalated plan is no longer open', () => {
    expect(triggers['2026-11']).toEqual({ K: ['slump', 'veteran'], M: [] });
  });
});
