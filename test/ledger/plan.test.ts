// Improvement plans across recorded months: one that closes when met, one extended and then
// escalated to an exit review, one still in its window. The state comes from the ledger only.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';

// one indicator scored as the reviewer's rating, so score = rating and attainment = rating / 100
const POLICY = `policy: plans
title: 改进计划
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
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
    when: { all: [ { fact: grade, operator: equal, value: C }, { fact: team, operator: notEqual, value: 长期组 } ] }
    action:
      type: improvement_plan
      days: 30
      close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }
      extensions: 1
  pip_long:
    title: 长期改进计划
    when: { all: [ { fact: grade, operator: equal, value: C }, { fact: team, operator: equal, value: 长期组 } ] }
    action: { type: improvement_plan, days: 60, close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] } }
`;

// K closes: C (50) in July, 92 in August ≥ 90%. X: C in July, 70 in August (window over, extended
// to September), 75 in September (window over, no extension left) → escalated. L: 60-day plan
// (the second trigger, team 长期组) opened in July runs until September: still open in August.
const RATINGS: Record<string, Record<string, number>> = {
  '2026-07': { K: 50, X: 50, L: 50 },
  '2026-08': { K: 92, X: 70, L: 70 },
  '2026-09': { K: 95, X: 75, L: 93 },
};

let dir: string;
const results: Record<
  string,
  {
    employee_id: string;
    plan?: { status: string; window_ends: string; reason: string; trigger: string };
    triggers: { id: string; action: { type: string } }[];
  }[]
> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-plan-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  for (const [period, r] of Object.entries(RATINGS)) {
    const csv = `工号,姓名,岗位,团队,阶段,月份,评分\nK,甲,员工,一组,常规,${period},${r.K}\nX,乙,员工,一组,常规,${period},${r.X}\nL,丙,员工,长期组,常规,${period},${r.L}\n`;
    writeFileSync(join(dir, `${period}.csv`), csv);
    let out = '';
    const code = await main(
      [
        'run',
        join(dir, 'p.yaml'),
        '--data',
        join(dir, `${period}.csv`),
        '--record',
        '--format',
        'json',
        '--ledger',
        join(dir, 'ledger.db'),
      ],
      { stdout: (s) => (out += s), stderr: () => {} },
    );
    expect(code).toBe(0);
    results[period] = JSON.parse(out).scorecards;
  }
});

const plan = (period: string, id: string) => {
  const c = results[period].find((x) => x.employee_id === id)!;
  return c.plan && [c.plan.trigger, c.plan.status, c.plan.window_ends, c.plan.reason];
};

describe('improvement plans over recorded months', () => {
  it('a C opens a plan with its window', () => {
    expect(plan('2026-07', 'K')).toEqual(['pip', 'open', '2026-08', '开始改进计划，期限至 2026-08']);
  });

  it('a plan closes when its condition is met in the window', () => {
    expect(plan('2026-08', 'K')).toEqual(['pip', 'closed', '2026-08', '达到改进目标，计划关闭']);
    expect(plan('2026-09', 'K')).toBeUndefined();
  });

  it('a plan whose window ends unmet is extended once, then escalated to an exit review', () => {
    expect(plan('2026-08', 'X')).toEqual(['pip', 'extended', '2026-09', '期满未达标，第 1 次延长至 2026-09']);
    expect(plan('2026-09', 'X')).toEqual(['pip', 'escalated', '2026-09', '期满未达标且不能再延长，转调岗或退出评估']);
    const x = results['2026-09'].find((c) => c.employee_id === 'X')!;
    expect(x.triggers.map((t) => [t.id, t.action.type])).toEqual([['pip_escalated', 'exit_review']]);
  });

  it('a 60-day plan is still open in its first month, and closes when met', () => {
    // 60 days from July: the window runs to September, so August (70, unmet) is still in progress
    expect(plan('2026-07', 'L')).toEqual(['pip_long', 'open', '2026-09', '开始改进计划，期限至 2026-09']);
    expect(plan('2026-08', 'L')).toEqual(['pip_long', 'open', '2026-09', '改进中，期限至 2026-09']);
    expect(plan('2026-09', 'L')).toEqual(['pip_long', 'closed', '2026-09', '达到改进目标，计划关闭']);
  });
});
