// Facts about the indicator results of the record being evaluated (indicator_points,
// indicator_attainment, indicator_reached, indicators_reached, indicators_reached_share,
// indicators_missed, lowest_indicator_points): one table of how each is computed, run by both
// executors like the history facts. They read `$indicators`, set by the evaluation once the
// indicators are scored and before holds and adjustments run.

import type { IndicatorResult } from '../model/scorecard.js';
import type { FactTable, HistoryFact } from './history.js';
import { withoutNoise } from '../language/compile.js';

/** A reference point an indicator can reach, with the points the linear scale gives it. */
export const LEVELS = { threshold: 60, target: 100, challenge: 120 } as const;
export type Level = keyof typeof LEVELS;

/** What the indicator facts know about one indicator (a leaf or a group). */
export interface IndicatorFacts {
  path: string;
  points: number;
  /** actual / target (target / actual when lower is better); absent without a target or with a divisor of 0. */
  attainment?: number;
  /** Whether it reached each reference point; absent on groups. */
  reached?: Record<Level, boolean>;
  /** A scored indicator whose weight in the employee's stage is above 0: the counts go over these. */
  counted: boolean;
}

export interface IndicatorTable {
  byPath: Map<string, IndicatorFacts>;
  /** The counted scored indicators, in the role's order. */
  counted: IndicatorFacts[];
}

/**
 * Whether a scored indicator reached a level: by its actual value against the reference point its
 * scoring declares (linear: threshold, target, challenge; pass_fail: target), else by its points
 * against the points that level gives on the linear scale (60, 100, 120).
 */
export function reachedLevel(i: IndicatorResult, level: Level): boolean {
  const declared =
    i.scoring === 'linear' ? i[level] : i.scoring === 'pass_fail' && level === 'target' ? i.target : undefined;
  if (declared !== undefined && i.actual !== undefined)
    return i.better === 'lower' ? i.actual <= declared : i.actual >= declared;
  return i.points >= LEVELS[level];
}

function attainmentOf(i: IndicatorResult): number | undefined {
  if (i.target === undefined || i.actual === undefined) return undefined;
  const [num, den] = i.better === 'lower' ? [i.target, i.actual] : [i.actual, i.target];
  if (den === 0) return undefined;
  // noise cleaned as a formula's value is; a value of 13 or 14 digits (0.9999999999996) is kept
  return withoutNoise(num / den);
}

/** The indicator facts of one scorecard's indicators. */
export function indicatorTable(indicators: IndicatorResult[]): IndicatorTable {
  const byPath = new Map<string, IndicatorFacts>();
  const counted: IndicatorFacts[] = [];
  const walk = (items: IndicatorResult[], weighted: boolean) => {
    for (const i of items) {
      const inForce = weighted && i.weight > 0;
      if (i.children) {
        byPath.set(i.path, { path: i.path, points: i.points, counted: false });
        walk(i.children, inForce);
        continue;
      }
      const facts: IndicatorFacts = {
        path: i.path,
        points: i.points,
        reached: {
          threshold: reachedLevel(i, 'threshold'),
          target: reachedLevel(i, 'target'),
          challenge: reachedLevel(i, 'challenge'),
        },
        counted: inForce,
      };
      const attainment = attainmentOf(i);
      if (attainment !== undefined) facts.attainment = attainment;
      byPath.set(i.path, facts);
      if (inForce) counted.push(facts);
    }
  };
  walk(indicators, true);
  return { byPath, counted };
}

const tableOf = (facts: FactTable) => facts.$indicators as IndicatorTable | undefined;

/** The counted indicators a count goes over: all of them, or those `params.indicators` names (a group: those in it). */
function selected(params: Record<string, unknown> | undefined, facts: FactTable): IndicatorFacts[] | undefined {
  const table = tableOf(facts);
  if (!table) return undefined;
  const only = params?.indicators;
  if (!Array.isArray(only)) return table.counted;
  // a group stands for the indicators inside it
  const names = only.map(String);
  return table.counted.filter((f) => names.some((n) => f.path === n || f.path.startsWith(`${n}.`)));
}

const level = (params: Record<string, unknown> | undefined) => String(params?.level) as Level;
const one = (params: Record<string, unknown> | undefined, facts: FactTable) =>
  tableOf(facts)?.byPath.get(String(params?.indicator));

/** The one table of indicator facts (their names, types and phases are BUILTIN_FACTS'). */
export const INDICATOR_FACTS: ReadonlyMap<string, HistoryFact> = new Map<string, HistoryFact>([
  ['indicator_points', { reads: () => ['$indicators'], value: (params, facts) => one(params, facts)?.points }],
  ['indicator_attainment', { reads: () => ['$indicators'], value: (params, facts) => one(params, facts)?.attainment }],
  [
    'indicator_reached',
    { reads: () => ['$indicators'], value: (params, facts) => one(params, facts)?.reached?.[level(params)] },
  ],
  [
    'indicators_reached',
    {
      reads: () => ['$indicators'],
      value: (params, facts) => selected(params, facts)?.filter((f) => f.reached?.[level(params)]).length,
    },
  ],
  [
    'indicators_missed',
    {
      reads: () => ['$indicators'],
      value: (params, facts) => selected(params, facts)?.filter((f) => !f.reached?.[level(params)]).length,
    },
  ],
  [
    'indicators_reached_share',
    {
      reads: () => ['$indicators'],
      value: (params, facts) => {
        const list = selected(params, facts);
        if (!list || list.length === 0) return undefined;
        return list.filter((f) => f.reached?.[level(params)]).length / list.length;
      },
    },
  ],
  [
    'lowest_indicator_points',
    {
      reads: () => ['$indicators'],
      value: (params, facts) => {
        const list = selected(params, facts);
        if (!list || list.length === 0) return undefined;
        let low = Infinity;
        for (const f of list) low = Math.min(low, f.points);
        return low;
      },
    },
  ],
]);
