// What the compiled executor's fifth round changed, held to what it did before: a record's metrics
// are walked by the record's own keys (problems still in the declared order), consecutive_grade is
// decided by this period's grade alone when that is not the grade counted, and a plan's window end
// is remembered for the month it was last worked out for.

import { describe, expect, it } from 'vitest';
import {
  evaluateRecordSync,
  loadPolicy,
  runPolicy,
  type CompiledPolicy,
  type EmployeeRecord,
} from '../../engine/index.js';
import { addMonths } from '../../engine/evaluation/plan.js';

const POLICY = `policy: fifth
title: 第五轮
version: 1.0.0
metrics:
  rate: { label: 完成率, unit: ratio }
  hours: { label: 工时, unit: count }
  visits: { label: 到访, unit: count, default: 0 }
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
  no_c_streak:
    title: 不在C连续期
    when: { fact: consecutive_grade, params: { grade: C }, operator: lessThan, value: 1 }
    action: { type: notify }
  two_c:
    title: 连续两期 C
    when: { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 }
    action: { type: notify }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'fifth.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy;
}
const policy = load(POLICY);

const record = (period: string, metrics: Record<string, number>): EmployeeRecord => ({
  employee_id: 'E1',
  name: '甲',
  role: 'staff',
  team: '一组',
  stage: 'only',
  period,
  metrics,
});

describe("a record's metrics, walked by the record's own keys", () => {
  it('reports values that are not usable numbers in the order the policy declares them, whatever order the record has', () => {
    // the record lists visits, hours, rate: the policy declares rate, hours, visits
    const r = evaluateRecordSync(
      policy,
      record('2026-10', { visits: Number.NaN, hours: Number.NEGATIVE_INFINITY, rate: 0.5 }),
      {
        explain: false,
      },
    );
    expect(r.ok ? [] : r.reasons.map((d) => [d.code, d.args?.id, d.args?.value])).toEqual([
      ['eval_not_a_usable_number', 'hours', '-Infinity'],
      ['eval_not_a_usable_number', 'visits', 'NaN'],
    ]);
  });

  it('scores the same whichever order the record lists them in: rate 0.9 is 90 points, ¥900.00', () => {
    for (const metrics of [
      { rate: 0.9, hours: 10, visits: 3 },
      { visits: 3, hours: 10, rate: 0.9 },
    ]) {
      const r = evaluateRecordSync(policy, record('2026-10', metrics), { explain: false });
      if (!r.ok) throw new Error('evaluates');
      expect([r.scorecard.score, r.scorecard.grade, r.scorecard.payout.totalFen]).toEqual([90, 'A', 90_000]);
    }
  });
});

describe('consecutive_grade when this period is not the grade counted', () => {
  it('is 0 without reading the history (the rule sees 0), and counts the months in a row when it is', async () => {
    // October C (1 in a row), November A (0), December C (1), January C (2): both executors agree
    const rates = { '2026-10': 0.5, '2026-11': 0.9, '2026-12': 0.5, '2027-01': 0.5 };
    const records = Object.entries(rates).map(([period, rate]) => record(period, { rate, hours: 1 }));
    for (const executor of ['compiled', 'reference'] as const) {
      const result = await runPolicy(policy, { records }, { executor, explain: false });
      expect(
        result.scorecards.map((c) => [c.period, c.grade, c.triggers.map((t) => `${t.id}=${t.conditions[0]?.actual}`)]),
      ).toEqual([
        ['2026-10', 'C', []],
        ['2026-11', 'A', ['no_c_streak=0']],
        ['2026-12', 'C', []],
        ['2027-01', 'C', ['two_c=2']],
      ]);
    }
  });
});

describe("a plan window's end, remembered for the last month asked", () => {
  it('is worked out again for another month or another number of months', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-12', 2)).toBe('2027-02');
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });
});
