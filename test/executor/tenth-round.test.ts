// What the compiled executor's tenth round changed, held to what it did before: a record's metric
// keys are matched to their slots by comparing each with the key at its place in the last record of
// the role, and those places now start filled (with `''`, slot −1) instead of empty. Whatever keys
// a record holds, in whatever order, only the metrics the policy declares are read, each from its
// own key: a key called `''`, keys the policy does not declare, more keys than it declares.

import { describe, expect, it } from 'vitest';
import { evaluateRecord, type EmployeeRecord } from '../../engine/index.js';
import { compiledPolicy, policy as draft } from '../builders.js';

// the minimal policy (points = the rating, ¥1000 × score / 100) and a count `hours` (not scored)
const policy = compiledPolicy(draft().metric('hours', { label: '工时', unit: 'count' }).yaml(), 'tenth.yaml');

/** E-numbered staff of 一组 in November 2026, with `metrics` as given. */
const record = (employee_id: string, metrics: Record<string, number>): EmployeeRecord => {
  const staff = { name: '甲', role: 'staff', team: '一组', stage: 'only', period: '2026-11' };
  return { employee_id, ...staff, metrics };
};

describe("a record's metrics, matched by the key at each place", () => {
  it('reads each declared metric from its own key, one record after another, in both executors', async () => {
    // one after another through the same role: each record's keys at places the last one's held
    const records = [
      record('E1', { '': 5, rating: 80 }),
      record('E2', { rating: 70 }),
      record('E3', { hours: 160, rating: 90 }),
      record('E4', { '': 1, x: 2, y: 3, hours: 20, z: 4, rating: 65 }),
      record('E5', { rating: 40, '': 99 }),
      record('E6', { '': 0, rating: 0 }),
    ];
    for (const executor of ['compiled', 'reference'] as const) {
      const scores: [number, number][] = [];
      for (const r of records) {
        const e = await evaluateRecord(policy, r, { executor, explain: false });
        if (!e.ok) throw new Error(`${r.employee_id} evaluates`);
        scores.push([e.scorecard.score, e.scorecard.payout.totalFen]);
      }
      // score = the rating; ¥1000 × score / 100
      expect(scores).toEqual([
        [80, 80_000],
        [70, 70_000],
        [90, 90_000],
        [65, 65_000],
        [40, 40_000],
        [0, 0],
      ]);
    }
  });
});
