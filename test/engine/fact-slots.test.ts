// Fact slots: a record's facts live in an array, each at the index the policy's slot table gives
// it when the policy is compiled; the evaluation's expressions and conditions read those indexes.
// The named-scope expressions (statements, verify, the editor) come from the same compiler.

import { describe, expect, it } from 'vitest';
import { compiledPolicy, policy, when } from '../builders.js';
import { evaluateRecordSync } from '../../engine/index.js';
import {
  compileExpression,
  compileSlotExpression,
  parseExpression,
  type Expr,
} from '../../engine/language/expression.js';

const expr = (text: string): Expr => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expr;
};

// `b2` is declared before `a2` but reads it: a2 is computed (and slotted) first
const text = policy()
  .metric('hours', { label: '工时', unit: 'count', default: 0 })
  .set('derived', { b2: 'a2 * 2', a2: 'rating + 1' })
  .adjustment('doubled', { title: '翻倍奖', when: when('b2', 'greaterThanInclusive', 100), points: 5 })
  .yaml();
const compiled = compiledPolicy(text, 'slots.yaml');

describe('the slot table', () => {
  it('holds the metrics in declared order, the derived metrics in dependency order, then the built-in facts', () => {
    expect(compiled.slots.names).toEqual([
      'rating',
      'hours',
      'a2',
      'b2',
      'employee_id',
      'role',
      'team',
      'stage',
      'pay_base',
      'base_score',
      'previous_grade',
      'previous_plan',
      '$history',
      '$indicators',
      'score',
      'attainment',
      'grade',
      'raw_grade',
      'grade_cap',
      'tier',
      'held',
    ]);
    expect(compiled.slots.index.get('b2')).toBe(3);
    expect(compiled.slots.builtin.score).toBe(14);
    expect(compiled.slots.builtin.held).toBe(20);
    expect(compiled.derived.map((d) => [d.id, d.slot])).toEqual([
      ['a2', 2],
      ['b2', 3],
    ]);
    expect(compiled.metricDefaults).toEqual([{ id: 'hours', slot: 1, default: 0 }]);
    expect(compiled.metricSlots).toEqual([
      { id: 'rating', slot: 0 },
      { id: 'hours', slot: 1 },
    ]);
    expect(compiled.slots.empty).toHaveLength(21);
  });

  it('a rule on a derived metric reads its slot: rating 49 makes b2 = (49 + 1) × 2 = 100 and earns 5 points', () => {
    const record = (rating: number) => ({
      employee_id: 'E1',
      name: '甲',
      role: 'staff',
      team: 't',
      stage: 'only',
      period: '2026-10',
      metrics: { rating },
    });
    const fired = evaluateRecordSync(compiled, record(49), { explain: false });
    if (!fired.ok) throw new Error('evaluates');
    expect(fired.scorecard.adjustments.map((a) => a.id)).toEqual(['doubled']);
    expect(fired.scorecard.adjustments[0]?.conditions).toEqual([
      { fact: 'b2', operator: 'greaterThanInclusive', value: 100, actual: 100, result: true },
    ]);
    expect(fired.scorecard.score).toBe(54);
    expect(fired.scorecard.payout.totalFen).toBe(54_000); // 1000 × 54 / 100 = 540 yuan
    // 48 → b2 = 98: no points, 480 yuan
    const not = evaluateRecordSync(compiled, record(48), { explain: false });
    if (!not.ok) throw new Error('evaluates');
    expect(not.scorecard.adjustments).toEqual([]);
    expect(not.scorecard.score).toBe(48);
    expect(not.scorecard.payout.totalFen).toBe(48_000);
  });
});

describe("a record's metrics", () => {
  const record = (metrics: Record<string, number>) => ({
    employee_id: 'E1',
    name: '甲',
    role: 'staff',
    team: 't',
    stage: 'only',
    period: '2026-10',
    metrics,
  });

  it('only the declared ones are read: an undeclared one, even NaN or named like a fact, changes nothing', () => {
    // rating 60 → 60 base points; `score` in the data is not the fact of that name
    const r = evaluateRecordSync(compiled, record({ rating: 60, extra: Number.NaN, score: 99, b2: 500 }), {
      explain: false,
    });
    if (!r.ok) throw new Error('evaluates');
    expect(r.scorecard.base_score).toBe(60);
    // b2 is derived: (60 + 1) × 2 = 122 ≥ 100, +5 points, whatever the data says: 65, 650 yuan
    expect(r.scorecard.score).toBe(65);
    expect(r.scorecard.payout.totalFen).toBe(65_000);
    expect(r.scorecard.adjustments.map((a) => [a.id, a.conditions[0]?.actual])).toEqual([['doubled', 122]]);
  });

  it('a declared one that is not a finite number is refused, naming it', () => {
    const r = evaluateRecordSync(compiled, record({ rating: 60, hours: Number.POSITIVE_INFINITY }), { explain: false });
    expect(r.ok ? [] : r.reasons.map((d) => [d.code, d.args?.id, d.args?.value])).toEqual([
      ['eval_not_a_usable_number', 'hours', 'Infinity'],
    ]);
  });
});

describe('one expression compiler, two ways of reading a variable', () => {
  const slotOf = (name: string) => ({ a: 0, b: 1, c: 2 })[name];
  const both = (source: string, a: number | undefined, b: number | undefined, c: number | undefined) => {
    const e = expr(source);
    return [compileExpression(e)({ a, b, c }), compileSlotExpression(e, slotOf)([a, b, c])];
  };

  it('gives the same value by name and by slot', () => {
    // round(1 / 3, 2) = 0.33, min(5, 3) = 3
    expect(both('round(a / b, 2) + min(c, 3)', 1, 3, 5)).toEqual([3.33, 3.33]);
    // max folds any number of arguments: max(2, 7, 4) = 7
    expect(both('max(a, b, c)', 2, 7, 4)).toEqual([7, 7]);
    expect(both('c > 4 ? abs(a - b) : floor(c)', 2, 7, 4.5)).toEqual([5, 5]);
  });

  it('reads a missing value, a name outside the table and a division by zero as undefined', () => {
    expect(both('min(a, b)', 1, undefined, 0)).toEqual([undefined, undefined]);
    expect(both('a / c', 1, 2, 0)).toEqual([undefined, undefined]);
    const e = expr('a + nowhere');
    expect(compileSlotExpression(e, slotOf)([1, 2, 3])).toBeUndefined();
    expect(compileExpression(e)({ a: 1 })).toBeUndefined();
  });
});
