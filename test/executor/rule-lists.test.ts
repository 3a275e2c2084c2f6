// A compiled policy holds its rules once, one list per phase in declaration order; both executors
// are built from those lists (and the one history-fact table) when first asked for.

import { describe, expect, it } from 'vitest';
import { Engine } from 'json-rules-engine';
import { evaluateRecord, loadPolicy, type CompiledPolicy } from '../../engine/index.js';
import { HISTORY_FACTS, type HistorySource } from '../../engine/evaluation/history.js';
import type { EmployeeRecord } from '../../engine/model/record.js';

const POLICY = `policy: lists
title: 规则表
version: 1.0.0
metrics:
  videos: { label: 发布视频数, unit: count }
stages:
  mature: { title: 成熟期 }
roles:
  editor:
    title: 剪辑师
    pay_base: 2000
    indicators:
      output: { metric: videos, threshold: 10, target: 20, weight: 100 }
adjustments:
  many: { title: 多产, when: { fact: videos, operator: greaterThan, value: 30 }, points: 5 }
holds:
  none: { title: 无产出, reason: 没有视频, when: { all: [ { fact: videos, operator: equal, value: 0 } ] } }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * attainment
  tiers: { basis: attainment, bands: [ { tier: gold, min: 1, award: 100 } ] }
  rounding: { to: 0.01, mode: half_up }
triggers:
  low:
    title: 连续两期 B
    when: { all: [ { fact: consecutive_grade, params: { grade: B }, operator: greaterThanInclusive, value: 2 } ] }
    action: { type: improvement_plan, days: 30, close_when: { all: [ { fact: grade, operator: equal, value: A } ] } }
  note: { title: 提醒, when: { all: [ { fact: held, operator: equal, value: true } ] }, action: { type: notify } }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'lists.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.policy;
}

const record = (videos: number): EmployeeRecord => ({
  employee_id: 'E1',
  name: '甲',
  role: 'editor',
  team: 't',
  stage: 'mature',
  period: '2026-10',
  metrics: { videos },
});

describe('the rule lists', () => {
  const policy = load(POLICY);

  it('hold the rules of each phase once, holds before adjustments, grades before tiers, a trigger before its plan close', () => {
    expect(policy.rules.rules.map((r) => `${r.kind}:${r.id}`)).toEqual(['hold:none', 'adjustment:many']);
    expect(policy.rules.grades).toEqual([
      { kind: 'grade', id: '0', when: { fact: 'score', operator: 'greaterThanInclusive', value: 90 } },
      { kind: 'grade', id: '1', when: { fact: 'score', operator: 'greaterThanInclusive', value: 0 } },
      { kind: 'tier', id: '0', when: { fact: 'tier_basis', operator: 'greaterThanInclusive', value: 1 } },
    ]);
    expect(policy.rules.triggers.map((r) => `${r.kind}:${r.id}`)).toEqual([
      'trigger:low',
      'plan_close:low',
      'trigger:note',
    ]);
    expect(policy.rules.triggers[1].when).toEqual({ all: [{ fact: 'grade', operator: 'equal', value: 'A' }] });
  });

  it('are all compiling builds: no json-rules-engine Engine until the reference executor is asked for', () => {
    expect(Object.values(policy).some((v) => v instanceof Engine)).toBe(false);
    expect(policy.compilable).toBe(true);
  });

  it('a condition with a `path` is refused at its key: no fact of a policy is an object, and json-rules-engine read `$.x` of a number as the number', () => {
    const text = POLICY.replace(
      '{ fact: held, operator: equal, value: true }',
      '{ fact: held, path: $.x, operator: equal, value: true }',
    );
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('path: $.x'));
    const column = text.split('\n')[line]!.indexOf('path') + 1;
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column])).toEqual([
      ['schema_unknown_key', 'unknown key `path` in `triggers.note.when.all[0]`', line + 1, column],
    ]);
  });
});

describe('a fact compared with another fact', () => {
  it('is `{ fact: name }` and nothing else: a `path` (or any other key) in the value is refused at its key', () => {
    const text = POLICY.replace(
      '{ fact: held, operator: equal, value: true }',
      '{ fact: held, operator: equal, value: { fact: held, path: $.x } }',
    );
    const r = loadPolicy(text, 'p.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('path: $.x'));
    const column = text.split('\n')[line]!.indexOf('path') + 1;
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column])).toEqual([
      ['schema_unknown_key', 'unknown key `path` in `triggers.note.when.all[0].value`', line + 1, column],
    ]);
  });
});

describe('both executors run the same lists', () => {
  const policy = load(POLICY);
  /** Graded B last period, so a second B in a row opens the plan. */
  const history: HistorySource = { grades: () => ['B'] };

  it.each(['compiled', 'reference'] as const)(
    '%s: a hold, the grade, and the history trigger with its condition values',
    async (executor) => {
      const r = await evaluateRecord(policy, record(0), { history, executor, explain: false });
      if (!r.ok) throw new Error('not scored');
      const card = r.scorecard;
      // videos 0 is below the threshold 10: 0 points, grade B, nothing paid out of pay_base × 0
      expect([card.score, card.grade, card.payout.totalFen, card.payout.status]).toEqual([0, 'B', 0, 'held']);
      expect(card.holds.map((h) => h.id)).toEqual(['none']);
      expect(card.triggers.map((t) => [t.id, t.conditions])).toEqual([
        [
          'low',
          [
            {
              fact: 'consecutive_grade',
              operator: 'greaterThanInclusive',
              value: 2,
              params: { grade: 'B' },
              actual: 2,
              result: true,
            },
          ],
        ],
        ['note', [{ fact: 'held', operator: 'equal', value: true, actual: true, result: true }]],
      ]);
      expect(card.plan?.status).toBe('open');
    },
  );
});

describe('the history-fact table', () => {
  const facts = (extra: Record<string, unknown>) => ({
    employee_id: 'E1',
    $history: {
      grades: () => ['C', 'C', 'B'],
      periods: () => [{ period: '2026-09', role: 'editor', grade: 'C', score: 50, values: { videos: 10 } }],
    },
    ...extra,
  });

  it('computes each history fact from the facts it says it reads', () => {
    expect(HISTORY_FACTS.get('consecutive_grade')!.reads({ grade: 'C' })).toEqual(['$history', 'employee_id', 'grade']);
    expect(HISTORY_FACTS.get('consecutive_grade')!.value({ grade: 'C' }, facts({ grade: 'C' }))).toBe(3); // this period and two earlier
    expect(HISTORY_FACTS.get('periods_in_role')!.value(undefined, facts({ role: 'editor' }))).toBe(2);
    expect(HISTORY_FACTS.get('rolling_average')!.reads({ of: 'videos', periods: 2 })).toEqual([
      '$history',
      'employee_id',
      'videos',
    ]);
    expect(HISTORY_FACTS.get('rolling_average')!.value({ of: 'videos', periods: 2 }, facts({ videos: 20 }))).toBe(15); // (20 + 10) / 2
    expect(HISTORY_FACTS.get('open_plan')!.value(undefined, facts({}))).toBe(false);
  });

  it('serves every built-in history fact, and nothing else', () => {
    expect([...HISTORY_FACTS.keys()]).toEqual(['consecutive_grade', 'periods_in_role', 'open_plan', 'rolling_average']);
  });
});
