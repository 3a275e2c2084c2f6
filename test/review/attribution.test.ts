// The per-change amounts add up to the total even when an intermediate policy cannot score someone
// (they keep the previous step's pay) or cannot read the data at all (its step joins the next one).

import { describe, expect, it } from 'vitest';
import {
  attributeRuns,
  type AttributionPlan,
  type PolicyChange,
  type RunComparison,
  type RunResult,
} from '../../engine/index.js';

const change = (text: string): PolicyChange => ({ path: [text], kind: 'changed', text });

/** A run with only what attribution reads: who, grade, payout in fen and tier. */
function run(people: [id: string, grade: string, fen: number, tier?: string][]): RunResult {
  return {
    scorecards: people.map(([employee_id, grade, totalFen, tier]) => ({
      employee_id,
      grade,
      payout: { totalFen, ...(tier ? { tier: { id: tier } } : {}) },
    })),
  } as unknown as RunResult;
}

const plan = { steps: [[change('一')], [change('二')], [change('三')]], policies: [] } as unknown as AttributionPlan;
// old: P1 100 A, P2 200 A, P3 300 B = 600 fen; new: P1 150 B, P2 250 A, P3 280 B = 680 fen
const before = run([
  ['P1', 'A', 100],
  ['P2', 'A', 200],
  ['P3', 'B', 300],
]);
const after = run([
  ['P1', 'B', 150],
  ['P2', 'A', 250, 'silver'],
  ['P3', 'B', 280],
]);

describe('attributeRuns', () => {
  it('carries someone an intermediate policy cannot score, and merges a step whose run is missing', () => {
    // step 1 cannot score P2 (keeps 200) and pays P1 150: +50, 1 person
    const step1 = run([
      ['P1', 'A', 150],
      ['P3', 'B', 300],
    ]);
    const steps = attributeRuns(plan, [before, step1, undefined, after], { delta_fen: 80 } as RunComparison);
    expect(steps.map((s) => [s.changes.map((c) => c.text), s.deltaFen, s.people])).toEqual([
      [['一'], 50, 1],
      // 二 + 三: P1 0 (A → B), P2 +50 (— → silver), P3 −20: +30, 2 people
      [['二', '三'], 30, 2],
    ]);
    expect(steps[1]!.grade_moves).toEqual([{ from: 'A', to: 'B', count: 1 }]);
    expect(steps[1]!.tier_moves).toEqual([{ from: '—', to: 'silver', count: 1 }]);
  });

  it('refuses amounts that do not add up to the total', () => {
    expect(() => attributeRuns(plan, [before, before, before, after], { delta_fen: 81 } as RunComparison)).toThrow(
      'attribution adds up to 80 fen, the total change is 81 fen',
    );
  });
});
