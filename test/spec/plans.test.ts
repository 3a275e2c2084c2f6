// docs/policy-language.md, "triggers" and "History facts", as a specification: an improvement plan's
// window in months of 30 days (`days: 31` is two months), closed early, escalated at the window's
// end, a new plan after a missing month; previous_grade, consecutive_grade and rolling_average over
// a file of several months, each month with the file's earlier months as its history.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = `policy: spec-plans
title: 改进计划
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  after_c: { title: 上月C, when: { fact: previous_grade, operator: equal, value: C }, points: -5 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
triggers:
  pip:
    title: 绩效改进计划
    when: { fact: grade, operator: equal, value: C }
    action:
      type: improvement_plan
      days: 31
      close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.8 } ] }
      extensions: 0
  two_c:
    title: 连续两月C
    when: { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 }
    action: { type: exit_review }
  low_avg:
    title: 三月均分低
    when: { fact: rolling_average, params: { of: score, periods: 3 }, operator: lessThan, value: 60 }
    action: { type: notify }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const DATA = `工号,姓名,岗位,团队,阶段,月份,评分
E1,甲,staff,一组,s,2026-08,50
E1,甲,staff,一组,s,2026-09,70
E1,甲,staff,一组,s,2026-10,70
E1,甲,staff,一组,s,2026-11,50
E2,乙,staff,一组,s,2026-08,50
E2,乙,staff,一组,s,2026-09,50
E2,乙,staff,一组,s,2026-10,90
E3,丙,staff,一组,s,2026-08,50
E3,丙,staff,一组,s,2026-10,50
`;

it('plans and history facts over four months, worked out by hand', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-spec-plans-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'd.csv'), DATA);
  const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--format', 'json');
  expect(r.code).toBe(0);
  const cards = JSON.parse(r.stdout).scorecards as {
    employee_id: string;
    period: string;
    score: number;
    grade: string;
    triggers: { id: string }[];
    plan?: { status: string; opened: string; window_ends: string };
  }[];
  const seen = Object.fromEntries(
    cards.map((c) => [
      `${c.employee_id} ${c.period}`,
      [
        c.score,
        c.grade,
        c.triggers.map((t) => t.id),
        c.plan && `${c.plan.status} ${c.plan.opened}–${c.plan.window_ends}`,
      ],
    ]),
  );
  expect(seen).toEqual({
    // August: C opens a plan; days 31 is two months of 30 days: window_ends 2026-10. Average of one
    // month (no history): 50 < 60.
    'E1 2026-08': [50, 'C', ['pip', 'low_avg'], 'open 2026-08–2026-10'],
    // September: 70 − 5 (last month C) = 65, B; attainment 0.65 < 0.8 keeps the plan open; average
    // (50 + 65) / 2 = 57.5 < 60
    'E1 2026-09': [65, 'B', ['low_avg'], 'open 2026-08–2026-10'],
    // October, the window's last month: 70 (B), 0.7 < 0.8, no extension left: escalated, with the
    // exit review `pip_escalated`; average (50 + 65 + 70) / 3 = 61.67, not below 60
    'E1 2026-10': [70, 'B', ['pip_escalated'], 'escalated 2026-08–2026-10'],
    // November: C again opens a new plan, never the old one; one C in a row; (65 + 70 + 50) / 3 = 61.67
    'E1 2026-11': [50, 'C', ['pip'], 'open 2026-11–2027-01'],
    'E2 2026-08': [50, 'C', ['pip', 'low_avg'], 'open 2026-08–2026-10'],
    // September: 50 − 5 = 45, C again: two C in a row; the plan stays open (the trigger fires, no new plan)
    'E2 2026-09': [45, 'C', ['pip', 'two_c', 'low_avg'], 'open 2026-08–2026-10'],
    // October: 90 − 5 = 85, attainment 0.85 ≥ 0.8: closed; average (50 + 45 + 85) / 3 = 60, not below
    'E2 2026-10': [85, 'A', [], 'closed 2026-08–2026-10'],
    'E3 2026-08': [50, 'C', ['pip', 'low_avg'], 'open 2026-08–2026-10'],
    // October after a September nobody has: no history (no −5, no plan carried), a new plan
    'E3 2026-10': [50, 'C', ['pip', 'low_avg'], 'open 2026-10–2026-12'],
  });
});
