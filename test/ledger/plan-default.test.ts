// An improvement plan without `close_when` closes as soon as the condition that opened it no longer
// holds (docs/policy-language.md, "Improvement-plan lifecycle"): an employee who recovers is not
// sent to an exit review. `validate` warns that the policy relies on this default.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';
import { loadPolicy } from '../../engine/index.js';

// score = rating; C below 61; the plan is opened by grade C and says nothing about closing
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
  - { grade: A+, min: 95 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  pip:
    title: 改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action: { type: improvement_plan, days: 30 }
`;

// R: C (50) in August, 100 (A+) in September → the plan closes, no exit review.
// S: C in August, C (40) again in September → the 30-day window (until 2026-09) ends unmet with no
//    extension → escalated, with the exit review the escalation adds.
// T: B (70) in August, then 65 in September: never a plan.
const RATINGS: Record<string, Record<string, number>> = {
  '2026-08': { R: 50, S: 50, T: 70 },
  '2026-09': { R: 100, S: 40, T: 65 },
};

const results: Record<
  string,
  { employee_id: string; grade: string; plan?: { status: string; reason: string }; triggers: { id: string }[] }[]
> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-plan-default-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  for (const [period, r] of Object.entries(RATINGS)) {
    const csv = `工号,姓名,岗位,团队,阶段,月份,评分\n${Object.entries(r)
      .map(([id, v]) => `${id},${id},员工,一组,常规,${period},${v}`)
      .join('\n')}\n`;
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

const card = (period: string, id: string) => results[period].find((c) => c.employee_id === id)!;

describe('an improvement plan without close_when', () => {
  it('opens on a C', () => {
    expect(card('2026-08', 'R').plan?.status).toBe('open');
    expect(card('2026-08', 'R').triggers.map((t) => t.id)).toEqual(['pip']);
  });

  it('closes when the employee recovers: C then 100 (A+) is closed, not an exit review', () => {
    const r = card('2026-09', 'R');
    expect(r.grade).toBe('A+');
    expect(r.plan).toMatchObject({ status: 'closed', reason: '达到改进目标，计划关闭' });
    expect(r.triggers.map((t) => t.id)).toEqual([]);
  });

  it('still escalates when the employee is C again at the end of the window', () => {
    const s = card('2026-09', 'S');
    expect(s.plan?.status).toBe('escalated');
    expect(s.triggers.map((t) => t.id)).toEqual(['pip', 'pip_escalated']);
  });

  it('never concerns an employee who was never C', () => {
    expect(card('2026-08', 'T').plan).toBeUndefined();
    expect(card('2026-09', 'T').plan).toBeUndefined();
  });
});

describe('validate warns when an improvement plan relies on the default', () => {
  it('points at `action:` and shows what to write', () => {
    const r = loadPolicy(POLICY, 'p.yaml');
    expect(r.ok).toBe(true);
    expect(
      r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        line: d.span?.line,
        column: d.span?.column,
        message: d.message,
        help: d.help,
      })),
    ).toEqual([
      {
        code: 'policy_plan_without_close_when',
        severity: 'warning',
        line: 21,
        column: 5,
        message: 'improvement plan `pip` has no `close_when`: it closes as soon as its `when` no longer holds',
        help: 'say when the plan is met, e.g. `close_when: { not: { all: [ { fact: grade, operator: equal, value: C } ] } }` (the default) or `close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }`',
      },
    ]);
  });

  it('says nothing when close_when is written', () => {
    const explicit = POLICY.replace(
      'action: { type: improvement_plan, days: 30 }',
      'action: { type: improvement_plan, days: 30, close_when: { all: [ { fact: grade, operator: notEqual, value: C } ] } }',
    );
    const r = loadPolicy(explicit, 'p.yaml');
    expect(r.ok && r.diagnostics).toEqual([]);
  });
});
