// An improvement plan's window is counted in months of 30 days, rounded up (docs/policy-language.md,
// improvement-plan lifecycle): `days: 30` is one month, `days: 31` two. A plan opened in August is
// decided in the month `window_ends` names: September for 30 days, October for 31.

import { describe, expect, it } from 'vitest';
import { loadPolicy, runPolicy } from '../../engine/index.js';
import type { EmployeeRecord } from '../../engine/index.js';

const policy = (days: number) => `policy: plan-window
title: 改进期
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  pip:
    title: 改进计划
    when: { fact: grade, operator: equal, value: C }
    action: { type: improvement_plan, days: ${days}, close_when: { fact: score, operator: greaterThanInclusive, value: 80 }, extensions: 0 }
`;

// E1 is C (50) in August and September: never met
const record = (period: string, rating = 50): EmployeeRecord => ({
  employee_id: 'E1',
  name: '甲',
  role: 'staff',
  team: '一组',
  stage: 'only',
  period,
  metrics: { rating },
});

async function plans(days: number, records = [record('2026-08'), record('2026-09')]) {
  const loaded = loadPolicy(policy(days), 'p.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const result = await runPolicy(loaded.policy, { records, excluded: [], warnings: [] });
  return result.scorecards.map((c) => [c.period, c.plan?.status, c.plan?.window_ends]);
}

describe('the window of an improvement plan', () => {
  it('days: 30 is one month: opened in 2026-08, decided (escalated, unmet) in 2026-09', async () => {
    expect(await plans(30)).toEqual([
      ['2026-08', 'open', '2026-09'],
      ['2026-09', 'escalated', '2026-09'],
    ]);
  });

  it('days: 31 is two months: still open in 2026-09, decided in 2026-10', async () => {
    expect(await plans(31)).toEqual([
      ['2026-08', 'open', '2026-10'],
      ['2026-09', 'open', '2026-10'],
    ]);
  });

  it('days: 60 is two months, days: 61 three', async () => {
    expect((await plans(60))[0]).toEqual(['2026-08', 'open', '2026-10']);
    expect((await plans(61))[0]).toEqual(['2026-08', 'open', '2026-11']);
  });

  it('a plan met before its window ends closes that month: the window does not keep it open', async () => {
    // days: 90 is three months: opened in 2026-08 (50, C), window_ends 2026-11; in 2026-09 E1 scores
    // 85 ≥ 80, so close_when holds and the plan closes there, two months early (window_ends stays as
    // recorded); in 2026-10 it is gone, even though E1 falls back to 50 — that is a new C, which
    // opens a new plan with a new window (2026-10 + 3 = 2027-01), not the old one again
    expect(await plans(90, [record('2026-08'), record('2026-09', 85), record('2026-10')])).toEqual([
      ['2026-08', 'open', '2026-11'],
      ['2026-09', 'closed', '2026-11'],
      ['2026-10', 'open', '2027-01'],
    ]);
  });
});
