// The impact of a policy change broken down the ways finance reads it: per role, stage and grade
// (the old grade) with the % change, held and improvement-plan counts, excluded records, and the
// people whose single change is above the outlier threshold. Over the people both versions score.

import type { RunResult, Scorecard } from '../model/scorecard.js';
import { fenToYuan } from '../model/money.js';
import { cardKey, type EmployeeChange, type RunComparison } from './compare.js';

/** `--outlier` default: one employee's change of ¥1,000 or more either way is flagged. */
export const DEFAULT_OUTLIER_FEN = 100_000;

export interface BreakdownRow {
  key: string;
  people: number;
  before_fen: number;
  after_fen: number;
}

export interface ImpactBreakdown {
  by_role: BreakdownRow[];
  by_stage: BreakdownRow[];
  /** By the grade the old version gave. */
  by_grade: BreakdownRow[];
  held: { before: number; after: number };
  improvement_plan: { before: number; after: number };
  excluded: { before: number; after: number };
  outlier_threshold_fen: number;
  outliers: EmployeeChange[];
}

/** Percent change, one decimal; null when there was nothing before. */
export function percentChange(beforeFen: number, afterFen: number): number | null {
  if (beforeFen === 0) return null;
  return Math.round(((afterFen - beforeFen) * 1000) / beforeFen) / 10;
}

function rows(pairs: [Scorecard, Scorecard][], keyOf: (c: Scorecard) => string): BreakdownRow[] {
  const out = new Map<string, BreakdownRow>();
  for (const [b, a] of pairs) {
    const key = keyOf(b);
    const row = out.get(key) ?? { key, people: 0, before_fen: 0, after_fen: 0 };
    row.people++;
    row.before_fen += b.payout.totalFen;
    row.after_fen += a.payout.totalFen;
    out.set(key, row);
  }
  return [...out.values()];
}

const onPlan = (c: Scorecard) => c.triggers.some((t) => t.action.type === 'improvement_plan');

export function breakdownImpact(
  before: RunResult,
  after: RunResult,
  comparison: RunComparison,
  outlierFen = DEFAULT_OUTLIER_FEN,
): ImpactBreakdown {
  // a person in a month with the same person in the same month (a file may hold several months)
  const now = new Map(after.scorecards.map((c) => [cardKey(c), c]));
  const pairs = before.scorecards.flatMap((b): [Scorecard, Scorecard][] =>
    now.has(cardKey(b)) ? [[b, now.get(cardKey(b))!]] : [],
  );
  const count = (pred: (c: Scorecard) => boolean) => ({
    before: pairs.filter(([b]) => pred(b)).length,
    after: pairs.filter(([, a]) => pred(a)).length,
  });
  const gradeOrder = Object.keys(before.summary.by_grade);
  return {
    by_role: rows(pairs, (c) => c.role_title),
    by_stage: rows(pairs, (c) => c.stage_title),
    by_grade: rows(pairs, (c) => c.grade).sort((x, y) => gradeOrder.indexOf(x.key) - gradeOrder.indexOf(y.key)),
    held: count((c) => c.payout.status === 'held'),
    improvement_plan: count(onPlan),
    excluded: { before: before.excluded.length, after: after.excluded.length },
    outlier_threshold_fen: outlierFen,
    outliers: comparison.changes.filter((c) => Math.abs(c.deltaFen) >= outlierFen),
  };
}

export function breakdownToJson(b: ImpactBreakdown) {
  const row = (r: BreakdownRow) => ({
    key: r.key,
    people: r.people,
    before: fenToYuan(r.before_fen),
    after: fenToYuan(r.after_fen),
    delta: fenToYuan(r.after_fen - r.before_fen),
    percent: percentChange(r.before_fen, r.after_fen),
  });
  return {
    by_role: b.by_role.map(row),
    by_stage: b.by_stage.map(row),
    by_grade: b.by_grade.map(row),
    held: b.held,
    improvement_plan: b.improvement_plan,
    excluded: b.excluded,
    outlier_threshold: fenToYuan(b.outlier_threshold_fen),
    outliers: b.outliers.map((c) => ({ employee_id: c.employee_id, name: c.name, delta: fenToYuan(c.deltaFen) })),
  };
}
