// Four corners of history and improvement plans, decided and documented in
// docs/policy-language.md: grades in a row across a missing month, a plan in the months after it
// closed, the id of the exit review an unmet plan adds, and the default closing condition.
// Months are run as one multi-month dataset, which follows the ledger's rules.

import { describe, expect, it } from 'vitest';
import { loadPolicy, runPolicy, type CompiledPolicy, type EmployeeRecord, type Scorecard } from '../../engine/index.js';

const POLICY = `policy: corners
title: 历史规则
version: 1.0.0
metrics:
  rate: { label: 完成率, unit: ratio }
stages:
  only: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      rate: { metric: rate, target: 1, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  two_c:
    title: 连续两期 C
    when: { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 }
    action: { type: notify }
  pip:
    title: 绩效改进计划
    when: { fact: grade, operator: equal, value: C }
    action: { type: improvement_plan, days: 30 }
  after_close:
    title: 计划关闭后回访
    when: { fact: previous_plan, operator: equal, value: closed }
    action: { type: notify }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'corners.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy;
}

const policy = load(POLICY);

/** One employee's months: rate 0.5 scores 50 (C), rate 0.9 scores 90 (A). */
async function months(rates: Record<string, number>): Promise<Map<string, Scorecard>> {
  const records: EmployeeRecord[] = Object.entries(rates).map(([period, rate]) => ({
    employee_id: 'E1',
    name: '甲',
    role: 'staff',
    team: '一组',
    stage: 'only',
    period,
    metrics: { rate },
  }));
  const result = await runPolicy(policy, { records });
  return new Map(result.scorecards.map((c) => [c.period, c]));
}

const C = 0.5;
const A = 0.9;
const triggered = (card: Scorecard | undefined) => card?.triggers.map((t) => t.id);

describe('grades in a row across a missing month', () => {
  it('count only consecutive calendar months: October C, no November, December C is one C in a row', async () => {
    const cards = await months({ '2026-10': C, '2026-12': C });
    expect(triggered(cards.get('2026-12'))).toEqual(['pip']);
  });

  it('with November recorded as C, December is the third C in a row', async () => {
    const cards = await months({ '2026-10': C, '2026-11': C, '2026-12': C });
    expect(triggered(cards.get('2026-11'))?.[0]).toBe('two_c');
    expect(cards.get('2026-12')?.triggers[0]?.conditions[0]?.actual).toBe(3);
  });
});

describe('a plan after it closed', () => {
  it('is not on the scorecards of later months; the month after says it closed, and a new C opens a new plan', async () => {
    // October C opens the plan (window until November); November A: the opening condition no longer
    // holds (the default close_when), so it closes; December reads November's closed plan
    const cards = await months({ '2026-10': C, '2026-11': A, '2026-12': A, '2027-01': C });
    expect(cards.get('2026-10')?.plan).toMatchObject({ status: 'open', opened: '2026-10', window_ends: '2026-11' });
    expect(cards.get('2026-11')?.plan).toMatchObject({ status: 'closed', opened: '2026-10' });
    const december = cards.get('2026-12');
    expect(december?.plan).toBeUndefined();
    expect(triggered(december)).toEqual(['after_close']);
    expect(december?.explanation.at(-1)).toBe('触发：计划关闭后回访 → 通知（上期改进计划 closed = closed）');
    // January: December recorded no plan, so previous_plan is absent; the C opens a new plan
    const january = cards.get('2027-01');
    expect(triggered(january)).toEqual(['pip']);
    expect(january?.plan).toMatchObject({ status: 'open', opened: '2027-01', window_ends: '2027-02' });
  });
});

describe('the exit review an unmet plan adds', () => {
  it('has the id `<trigger>_escalated` and the title `<title>未达标`', async () => {
    // October C opens (window until November); November C: not met, window over, no extension → escalated
    const cards = await months({ '2026-10': C, '2026-11': C });
    const november = cards.get('2026-11');
    expect(november?.plan?.status).toBe('escalated');
    expect(november?.triggers.map((t) => [t.id, t.title, t.action.type])).toEqual([
      ['two_c', '连续两期 C', 'notify'],
      ['pip', '绩效改进计划', 'improvement_plan'],
      ['pip_escalated', '绩效改进计划未达标', 'exit_review'],
    ]);
  });

  it('is an id no trigger of the policy may have', () => {
    const r = loadPolicy(
      POLICY.replace(
        '  after_close:',
        '  pip_escalated:\n    title: 另一条\n    when: { fact: grade, operator: equal, value: A }\n    action: { type: notify }\n  after_close:',
      ),
      'corners.yaml',
    );
    expect(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.message, d.span?.line, d.span?.column]),
    ).toEqual([
      [
        'policy_duplicate_id',
        'trigger `pip_escalated` has the id the escalation of improvement plan `pip` adds to a scorecard',
        29,
        3,
      ],
    ]);
  });
});

describe('the default closing condition', () => {
  it('is `not` the opening condition, judged with the triggers, and validate warns that it is relied on', () => {
    expect(policy.rules.triggers.filter((r) => r.id === 'pip')).toEqual([
      { kind: 'trigger', id: 'pip', when: { fact: 'grade', operator: 'equal', value: 'C' } },
      { kind: 'plan_close', id: 'pip', when: { not: { fact: 'grade', operator: 'equal', value: 'C' } } },
    ]);
    const r = loadPolicy(POLICY, 'corners.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span?.line])).toEqual([
      ['policy_plan_without_close_when', 'warning', 28],
    ]);
  });
});
