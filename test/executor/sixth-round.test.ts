// What the compiled executor's sixth round changed, held to what it did before: arithmetic on facts
// compiled as one closure per operator (the operands of `a / b` and `a * 3` read from their slots),
// a plan's close condition checked only for the plan recorded last period, consecutive_grade's
// comparison decided once while this period's grade is not the one counted (its condition value
// still reported), and team names kept as property keys for the run's totals.

import { describe, expect, it } from 'vitest';
import {
  evaluateRecord,
  evaluateRecordSync,
  loadPolicy,
  type CompiledPolicy,
  type EmployeeRecord,
  type HistorySource,
  type Scorecard,
} from '../../engine/index.js';
import { compileExpression, compileSlotExpression, parseExpression } from '../../engine/language/expression.js';
import { internalized } from '../../engine/data/records.js';

const expr = (text: string) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expr;
};

describe('arithmetic on facts in their slots', () => {
  // slots: a 0, b 1, c 2 (c never set: missing); `z` is in no slot
  const slotOf = (name: string) => ({ a: 0, b: 1, c: 2 })[name];
  const run = (text: string, values: unknown[]) => compileSlotExpression(expr(text), slotOf)(values);
  const named = (text: string, scope: Record<string, unknown>) => compileExpression(expr(text))(scope);

  it('gives what the same formula gives on named facts, operand by operand', () => {
    // [formula, a, b, the value worked out by hand]
    const cases: [string, number, number, number | undefined][] = [
      ['a / b', 3, 4, 0.75],
      ['a / b', 3, 0, undefined], // by zero: no value
      ['a * b', 2.5, 4, 10],
      ['a + b', 0.5, 0.25, 0.75],
      ['a - b', 1, 4, -3],
      ['a * 3', 6000, 0, 18_000],
      ['a / 100', 7500, 0, 75],
      ['a - 2.5', 10, 0, 7.5],
      ['a + 1', -1, 0, 0],
      ['min(a, 120)', 130, 0, 120],
      ['max(a, b)', 2, 5, 5],
      ['a * min(b, 120) / 100', 6000, 89, 5340],
      ['a / (b - b)', 1, 7, undefined], // a divisor that is 0 only when computed
    ];
    for (const [text, a, b, want] of cases) {
      expect([text, run(text, [a, b, undefined])]).toEqual([text, want]);
      expect([text, named(text, { a, b })]).toEqual([text, want]);
    }
  });

  it('has no value when an operand has none, on either side, or names a fact the table lacks', () => {
    for (const text of ['a / c', 'c / a', 'c * 3', 'a + c', 'min(c, 120)', 'min(a, c)', 'max(c, a)', 'z * 2', 'a - z'])
      expect([text, run(text, [5, 2, undefined])]).toEqual([text, undefined]);
  });
});

const POLICY = `policy: sixth
title: 第六轮
version: 1.0.0
metrics:
  rate: { label: 完成率, unit: ratio }
  hours: { label: 工时, unit: count }
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
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  low_rate:
    title: 完成率低
    when: { fact: grade, operator: equal, value: C }
    action: { type: improvement_plan, days: 60, close_when: { fact: rate, operator: greaterThanInclusive, value: 0.7 } }
  few_hours:
    title: 工时少
    when: { fact: hours, operator: lessThan, value: 10 }
    action: { type: improvement_plan, days: 60, close_when: { fact: hours, operator: greaterThanInclusive, value: 20 } }
  not_two_c:
    title: 不是连续两期 C
    when: { not: { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 } }
    action: { type: notify }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'sixth.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy;
}
const policy = load(POLICY);

const record = (metrics: Record<string, number>): EmployeeRecord => ({
  employee_id: 'E1',
  name: '甲',
  role: 'staff',
  team: '一组',
  stage: 'only',
  period: '2026-11',
  metrics,
});

/** October recorded E1 as C with the plan `trigger` open until December. */
const history = (trigger: string): HistorySource => ({
  grades: () => ['C'],
  plan: () => ({
    trigger,
    status: 'open',
    opened: '2026-10',
    window_ends: '2026-12',
    extensions_used: 0,
    reason: '',
  }),
});

async function bothExecutors(r: EmployeeRecord, h: HistorySource | undefined): Promise<Scorecard> {
  const out: Scorecard[] = [];
  for (const executor of ['compiled', 'reference'] as const) {
    const e = await evaluateRecord(policy, r, { executor, explain: false, ...(h ? { history: h } : {}) });
    if (!e.ok) throw new Error('evaluates');
    out.push(e.scorecard);
  }
  expect(out[0]).toEqual(out[1]);
  return out[0]!;
}

describe("a plan's close condition", () => {
  it("closes the plan recorded last period when that plan's own condition holds", async () => {
    // rate 0.75 (75 points, B) meets low_rate's close (rate ≥ 0.7); hours 5 would not meet few_hours'
    const card = await bothExecutors(record({ rate: 0.75, hours: 5 }), history('low_rate'));
    expect([card.grade, card.plan?.trigger, card.plan?.status]).toEqual(['B', 'low_rate', 'closed']);
  });

  it("does not close it when only another trigger's close condition holds", async () => {
    // hours 25 meets few_hours' close (hours ≥ 20), the recorded plan is low_rate's: rate 0.5 does not meet it
    const card = await bothExecutors(record({ rate: 0.5, hours: 25 }), history('low_rate'));
    expect([card.grade, card.plan?.trigger, card.plan?.status]).toEqual(['C', 'low_rate', 'open']);
  });

  it('is never among the triggers, with or without a recorded plan', async () => {
    for (const h of [undefined, history('few_hours')]) {
      const card = await bothExecutors(record({ rate: 0.9, hours: 25 }), h);
      expect(card.triggers.map((t) => t.id)).toEqual(['not_two_c']);
    }
  });
});

describe("consecutive_grade's comparison while this period is not the grade counted", () => {
  it('reports the value 0 the full computation would, with its params, in both executors', async () => {
    // rate 0.9: A, so consecutive_grade of C is 0 whatever the history says; `not (0 ≥ 2)` fires
    const card = await bothExecutors(record({ rate: 0.9, hours: 25 }), history('low_rate'));
    expect(card.triggers).toEqual([
      {
        id: 'not_two_c',
        title: '不是连续两期 C',
        action: { type: 'notify' },
        conditions: [
          {
            fact: 'consecutive_grade',
            operator: 'greaterThanInclusive',
            value: 2,
            params: { grade: 'C' },
            actual: 0,
            result: false,
          },
        ],
      },
    ]);
  });

  it('counts the months in a row when this period is the grade counted (October C, November C: 2)', async () => {
    const card = await bothExecutors(record({ rate: 0.5, hours: 25 }), history('low_rate'));
    expect(card.grade).toBe('C');
    // C fires low_rate; 2 ≥ 2, so `not` does not fire
    expect(card.triggers.map((t) => t.id)).toEqual(['low_rate']);
  });

  it('gives each card its own condition value (a change to one is not seen in the next)', () => {
    const first = evaluateRecordSync(policy, record({ rate: 0.9, hours: 25 }), { explain: false });
    if (!first.ok) throw new Error('evaluates');
    const condition = first.scorecard.triggers[0]!.conditions[0]!;
    condition.actual = 99;
    const second = evaluateRecordSync(policy, record({ rate: 0.9, hours: 25 }), { explain: false });
    if (!second.ok) throw new Error('evaluates');
    expect(second.scorecard.triggers[0]!.conditions[0]!.actual).toBe(0);
  });
});

describe('team names as property keys', () => {
  it('are the same text, whatever text it is', () => {
    const built = ['销售', '一组'].join(''); // made at run time, as a trimmed cell is
    for (const text of [built, '__proto__', 'toString', '123', '', ' 空格 '])
      expect([text, internalized(text)]).toEqual([text, text]);
  });
});
