// One person's improvement plan extended once and then escalated, over five recorded months, from
// docs/policy-language.md ("Improvement-plan lifecycle", "After a plan ends", history facts) alone;
// every month worked out by hand.

import { expect, it } from 'vitest';
import { months, ratings } from './months.js';

const POLICY = `policy: spec-extended
title: 改进计划延长
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
      days: 30
      close_when: { all: [ { fact: score, operator: greaterThanInclusive, value: 70 } ] }
      extensions: 1
  after_escalation:
    title: 升级后回访
    when: { fact: previous_plan, operator: equal, value: escalated }
    action: { type: notify }
  low_average:
    title: 三月均分低
    when: { fact: rolling_average, params: { of: score, periods: 3 }, operator: lessThan, value: 60 }
    action: { type: notify }
  third_month:
    title: 在岗满三月
    when: { fact: periods_in_role, operator: greaterThanInclusive, value: 3 }
    action: { type: notify }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

it('a 30-day plan extended once, then escalated; the month after; a new plan later', async () => {
  const m = months(POLICY);
  const month = async (period: string, rating: number) =>
    (await m.record(period, ratings(period, [['E1', '一组', rating]]))).E1;

  // August 50: C, a plan opens; days 30 is one month: window_ends 2026-09. Average of one month 50 < 60.
  expect(await month('2026-08', 50)).toEqual({
    score: 50,
    grade: 'C',
    triggers: ['pip', 'low_average'],
    plan: 'open 2026-08–2026-09',
    pay: 500,
  });
  // September 55: unmet (55 < 70) in window_ends, one extension left: extended by another window of
  // one month, window_ends 2026-10; C again fires the trigger, no new plan. (50 + 55) / 2 = 52.5 < 60.
  expect(await month('2026-09', 55)).toEqual({
    score: 55,
    grade: 'C',
    triggers: ['pip', 'low_average'],
    plan: 'extended 2026-08–2026-10',
    pay: 550,
  });
  // October 65 (B): unmet (65 < 70) at the end of the extended window, no extension left: escalated,
  // with the exit review pip_escalated. (50 + 55 + 65) / 3 = 56.67 < 60; third month in the role.
  expect(await month('2026-10', 65)).toEqual({
    score: 65,
    grade: 'B',
    triggers: ['low_average', 'third_month', 'pip_escalated'],
    plan: 'escalated 2026-08–2026-10',
    pay: 650,
  });
  // November 80 (A): the plan is gone; previous_plan is escalated. (55 + 65 + 80) / 3 = 66.67, not below 60.
  expect(await month('2026-11', 80)).toEqual({
    score: 80,
    grade: 'A',
    triggers: ['after_escalation', 'third_month'],
    pay: 800,
  });
  // December 40: a new plan (opened 2026-12, never the old one); previous_plan absent (November
  // recorded none). (65 + 80 + 40) / 3 = 61.67, not below 60.
  expect(await month('2026-12', 40)).toEqual({
    score: 40,
    grade: 'C',
    triggers: ['pip', 'third_month'],
    plan: 'open 2026-12–2027-01',
    pay: 400,
  });
});
