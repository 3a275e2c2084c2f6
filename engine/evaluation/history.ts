// The history facts (consecutive_grade, periods_in_role, open_plan, rolling_average): one table of
// how each is computed, which both executors run. History is served by a HistorySource the caller
// passes in (none in a plain dry run: then every employee has no earlier periods, which is
// explicit, not an error).

import type { Scorecard, IndicatorResult } from '../model/scorecard.js';
import { addMonths, type PlanState } from './plan.js';
import { withoutNoise } from '../language/compile.js';

/** One earlier period of one employee, as recorded. */
export interface PastPeriod {
  period: string;
  role: string;
  grade: string;
  score: number;
  /** Indicator metrics' actual values that period. */
  values: Record<string, number>;
}

/**
 * Earlier periods of one employee, most recent first. A later issue serves this from the results
 * ledger; evaluation only ever asks through this interface.
 */
export interface HistorySource {
  grades(employeeId: string): readonly string[];
  /** Earlier periods, most recent first (for periods_in_role and rolling_average). */
  periods?(employeeId: string): readonly PastPeriod[];
  /** The improvement plan as recorded in the latest earlier period, if any. */
  plan?(employeeId: string): PlanState | undefined;
  /**
   * An id with a history written the same but for letter case and leading zeros (`Ls0001` for
   * `lS0001`, `LS0006` for `ls06`), when `employeeId` has none: for a warning, never joined.
   */
  alike?(employeeId: string): string | undefined;
}

/** No earlier grades: one shared, frozen list (asked for on every record of a plain dry run). */
const NO_GRADES: readonly string[] = Object.freeze([]);

export const NO_HISTORY: HistorySource = { grades: () => NO_GRADES };

/** Periods in a row, ending with the current one, whose grade is `grade`. */
export function consecutiveGrade(current: string, earlier: readonly string[], grade: string): number {
  if (current !== grade) return 0;
  let n = 1;
  for (const g of earlier) {
    if (g !== grade) break;
    n++;
  }
  return n;
}

/** Periods in a row, this one included, in the same role. */
export function periodsInRole(role: string, earlier: readonly PastPeriod[]): number {
  let n = 1;
  for (const p of earlier) {
    if (p.role !== role) break;
    n++;
  }
  return n;
}

/**
 * Average of `of` (the score or a scored metric) over the last `periods` periods, this one included.
 * With less history, the average of what there is: a new employee's average is this period's value.
 */
export function rollingAverage(
  current: number | undefined,
  earlier: readonly PastPeriod[],
  of: string,
  periods: number,
): number | undefined {
  const values = [
    current,
    ...earlier.slice(0, Math.max(0, periods - 1)).map((p) => (of === 'score' ? p.score : p.values[of])),
  ].filter((v): v is number => typeof v === 'number');
  return values.length ? withoutNoise(values.reduce((a, b) => a + b, 0) / values.length) : undefined;
}

/** What a recorded scorecard says about its period, for later periods' history. */
export function pastPeriodOf(card: Scorecard): PastPeriod {
  const values: Record<string, number> = {};
  const walk = (items: IndicatorResult[]) => {
    for (const i of items) {
      if (i.children) walk(i.children);
      else if (i.metric !== undefined && i.actual !== undefined) values[i.metric] = i.actual;
    }
  };
  walk(card.indicators);
  return { period: card.period, role: card.role, grade: card.grade, score: card.score, values };
}

/**
 * Earlier periods of this run in front of an outside history (the ledger's, which ends before
 * `first`, the run's first period), most recent first, for the run's `period`. In calendar months:
 * a month missing before `period` ends the history there.
 */
export function stackHistory(
  earlierInRun: readonly Scorecard[][],
  outside: HistorySource,
  period: string,
  first: string,
): HistorySource {
  const byEmployee = new Map<string, Scorecard[]>();
  for (const cards of [...earlierInRun].reverse())
    for (const c of cards) byEmployee.set(c.employee_id, [...(byEmployee.get(c.employee_id) ?? []), c]);
  const chains = new Map<string, { cards: Scorecard[]; outside: boolean }>();
  const chain = (id: string) => {
    let found = chains.get(id);
    if (!found) {
      const cards: Scorecard[] = [];
      let expected = addMonths(period, -1);
      for (const c of byEmployee.get(id) ?? []) {
        if (c.period !== expected) break;
        cards.push(c);
        expected = addMonths(expected, -1);
      }
      // the outside history goes on from the month before the run's first: only when the run reached back to it
      found = { cards, outside: expected === addMonths(first, -1) };
      chains.set(id, found);
    }
    return found;
  };
  return {
    grades: (id) => {
      const c = chain(id);
      return [...c.cards.map((x) => x.grade), ...(c.outside ? outside.grades(id) : [])];
    },
    periods: (id) => {
      const c = chain(id);
      return [...c.cards.map(pastPeriodOf), ...(c.outside ? (outside.periods?.(id) ?? []) : [])];
    },
    plan: (id) => {
      const c = chain(id);
      const first = c.cards[0];
      return first ? first.plan : c.outside ? outside.plan?.(id) : undefined;
    },
  };
}

/** The facts a rule phase has set, by name (`$history` is the HistorySource). */
export type FactTable = Record<string, unknown>;

/** How one history fact is computed from the other facts. */
export interface HistoryFact {
  /** The facts `value` reads, for an executor that must fetch them first (json-rules-engine's almanac). */
  reads(params: Record<string, unknown> | undefined): string[];
  value(params: Record<string, unknown> | undefined, facts: FactTable): unknown;
  /**
   * A shortcut an executor may take: while the fact `fact` is not `equals`, `value` is `result`,
   * whatever the other facts hold (consecutive_grade of C is 0 for a record not graded C), so
   * nothing else need be read.
   */
  shortcut?(params: Record<string, unknown> | undefined): { fact: string; equals: unknown; result: unknown };
}

const historyOf = (facts: FactTable) => (facts.$history as HistorySource | undefined) ?? NO_HISTORY;
const earlier = (facts: FactTable) => historyOf(facts).periods?.(facts.employee_id as string) ?? [];

/** The one table of history facts (their names, types and phases are BUILTIN_FACTS'). */
export const HISTORY_FACTS: ReadonlyMap<string, HistoryFact> = new Map<string, HistoryFact>([
  [
    'consecutive_grade',
    {
      reads: () => ['$history', 'employee_id', 'grade'],
      value: (params, facts) =>
        consecutiveGrade(
          facts.grade as string,
          historyOf(facts).grades(facts.employee_id as string),
          String(params?.grade),
        ),
      // consecutiveGrade is 0 when this period's grade is not the one counted
      shortcut: (params) => ({ fact: 'grade', equals: String(params?.grade), result: 0 }),
    },
  ],
  [
    'periods_in_role',
    {
      reads: () => ['$history', 'employee_id', 'role'],
      value: (_params, facts) => periodsInRole(facts.role as string, earlier(facts)),
    },
  ],
  [
    'open_plan',
    {
      reads: () => ['$history', 'employee_id'],
      value: (_params, facts) => {
        const plan = historyOf(facts).plan?.(facts.employee_id as string);
        return plan?.status === 'open' || plan?.status === 'extended';
      },
    },
  ],
  [
    'rolling_average',
    {
      reads: (params) => ['$history', 'employee_id', String(params?.of)],
      value: (params, facts) => {
        const of = String(params?.of);
        return rollingAverage(facts[of] as number | undefined, earlier(facts), of, Number(params?.periods));
      },
    },
  ],
]);
