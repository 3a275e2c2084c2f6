// The facts a condition may name besides the policy's own metrics, and when each is known.
// History facts are served by a HistorySource the caller passes in (none in a plain dry run:
// then every employee has no earlier periods, which is explicit, not an error).

import { addMonths } from '../evaluation/plan.js';

export type Phase = 'rules' | 'triggers';

export interface FactInfo {
  label: { zh: string; en: string };
  type: 'number' | 'string' | 'boolean';
  /** Earliest phase that knows it: `rules` facts are also known to triggers. */
  phase: Phase;
  params?: string[];
}

/**
 * Evaluation order: holds and adjustments run on the record (`rules`), triggers after grading.
 * Null-prototype: a condition's `fact: toString` is an unknown fact, not Object.prototype's.
 */
export const BUILTIN_FACTS: Record<string, FactInfo> = Object.assign(Object.create(null) as Record<string, FactInfo>, {
  employee_id: { label: { zh: '工号', en: 'employee id' }, type: 'string', phase: 'rules' },
  role: { label: { zh: '岗位', en: 'role' }, type: 'string', phase: 'rules' },
  team: { label: { zh: '团队', en: 'team' }, type: 'string', phase: 'rules' },
  stage: { label: { zh: '阶段', en: 'stage' }, type: 'string', phase: 'rules' },
  pay_base: { label: { zh: '绩效基数', en: 'pay base' }, type: 'number', phase: 'rules' },
  base_score: { label: { zh: '基础得分', en: 'base score' }, type: 'number', phase: 'rules' },
  previous_grade: { label: { zh: '上期等级', en: 'previous grade' }, type: 'string', phase: 'rules' },
  score: { label: { zh: '总分', en: 'score' }, type: 'number', phase: 'triggers' },
  raw_grade: { label: { zh: '封顶前等级', en: 'grade before caps' }, type: 'string', phase: 'triggers' },
  grade: { label: { zh: '等级', en: 'grade' }, type: 'string', phase: 'triggers' },
  tier: { label: { zh: '档位', en: 'tier' }, type: 'string', phase: 'triggers' },
  attainment: { label: { zh: '达成率', en: 'attainment' }, type: 'number', phase: 'triggers' },
  held: { label: { zh: '暂扣', en: 'held' }, type: 'boolean', phase: 'triggers' },
  consecutive_grade: {
    label: { zh: '连续同等级期数', en: 'consecutive periods with grade' },
    type: 'number',
    phase: 'triggers',
    params: ['grade'],
  },
  periods_in_role: { label: { zh: '本岗位连续期数', en: 'periods in role' }, type: 'number', phase: 'rules' },
  open_plan: { label: { zh: '有进行中的改进计划', en: 'improvement plan open' }, type: 'boolean', phase: 'rules' },
  rolling_average: {
    label: { zh: '近期平均', en: 'rolling average' },
    type: 'number',
    phase: 'triggers',
    params: ['of', 'periods'],
  },
} satisfies Record<string, FactInfo>);

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
  plan?(employeeId: string): import('../evaluation/plan.js').PlanState | undefined;
}

export const NO_HISTORY: HistorySource = { grades: () => [] };

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

export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

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
export function rollingAverage(current: number | undefined, earlier: readonly PastPeriod[], of: string, periods: number): number | undefined {
  const values = [current, ...earlier.slice(0, Math.max(0, periods - 1)).map((p) => (of === 'score' ? p.score : p.values[of]))].filter((v): v is number => typeof v === 'number');
  return values.length ? Number((values.reduce((a, b) => a + b, 0) / values.length).toPrecision(12)) : undefined;
}

/** What a recorded scorecard says about its period, for later periods' history. */
export function pastPeriodOf(card: import('../model/scorecard.js').Scorecard): PastPeriod {
  const values: Record<string, number> = {};
  const walk = (items: import('../model/scorecard.js').IndicatorResult[]) => {
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
export function stackHistory(earlierInRun: readonly import('../model/scorecard.js').Scorecard[][], outside: HistorySource, period: string, first: string): HistorySource {
  const byEmployee = new Map<string, import('../model/scorecard.js').Scorecard[]>();
  for (const cards of [...earlierInRun].reverse()) for (const c of cards) byEmployee.set(c.employee_id, [...(byEmployee.get(c.employee_id) ?? []), c]);
  const chains = new Map<string, { cards: import('../model/scorecard.js').Scorecard[]; outside: boolean }>();
  const chain = (id: string) => {
    let found = chains.get(id);
    if (!found) {
      const cards: import('../model/scorecard.js').Scorecard[] = [];
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
      return c.cards.length ? c.cards[0].plan : c.outside ? outside.plan?.(id) : undefined;
    },
  };
}
