// Roll-up policies (quarter, half-year, year): the document as written, the recorded months a
// roll-up reads, and what it returns per employee. Schema: `$defs/rollupPolicy` in
// schemas/policy.schema.json; docs/policy-language.md "Roll-up policies".

import type { CalibrationDef, ConditionDef, GradeDef } from './policy.js';
import type { ConditionResult } from './scorecard.js';

export type RollupPeriodKind = 'quarter' | 'half_year' | 'year';

/** What a value fact reads from each month: the score, the month's pay (yuan), or a metric. */
export type RollupValueFact =
  | { average: string; title?: string }
  | { sum: string; title?: string }
  | { min: string; title?: string }
  | { max: string; title?: string };

export type RollupCountFact = { count: { grade?: string | string[]; tier?: string | string[] }; title?: string };

export type RollupFactDef = RollupValueFact | RollupCountFact;

export interface RollupAwardDef {
  title?: string;
  when: ConditionDef;
  /** Yuan. */
  award: number;
  note?: string;
}

export interface RollupDoc {
  policy: string;
  title: string;
  description?: string;
  version: string;
  effective_from?: string;
  retroactive?: { reason: string };
  currency?: 'CNY';
  rollup: {
    of: string;
    period: RollupPeriodKind;
    min_months: number;
    decimals?: number;
    /** The month (1–12) the roll-up's year starts; its halves and quarters count from it. Default 1. */
    year_starts?: number;
  };
  facts: Record<string, RollupFactDef>;
  score: string;
  grades: GradeDef[];
  calibration?: CalibrationDef;
  payout?: { awards: Record<string, RollupAwardDef> };
}

/** One recorded month of one employee, as the roll-up reads it (the CLI takes it from the ledger). */
export interface RollupMonth {
  employee_id: string;
  name: string;
  role: string;
  team: string;
  stage: string;
  /** `YYYY-MM`. */
  period: string;
  score: number;
  /** The month's grade before calibration. */
  grade: string;
  tier?: string;
  payoutFen: number;
  /** The indicator metrics' actual values that month. */
  values: Record<string, number>;
  /**
   * The month's pay was held when it was recorded (a hold fired: suspected fake traffic, data that
   * cannot be right): its result is not final until the month is amended with the hold cleared.
   */
  held?: true;
}

/** One computed fact of one employee. `value` is absent when no month present has the metric. */
export interface RollupFactResult {
  id: string;
  title?: string;
  kind: 'average' | 'sum' | 'min' | 'max' | 'count' | 'months';
  /** What it reads: `score`, `payout`, a metric id; for `count`, the grades or tiers counted. */
  of: string;
  value?: number;
  /** The months that gave a value (for `count`: the months counted), in order. */
  months: { period: string; value?: number }[];
}

export interface RollupAwardResult {
  id: string;
  title: string;
  amountFen: number;
  conditions: ConditionResult[];
}

/** One employee's roll-up result: recorded in the ledger like a month's scorecard. */
export interface RollupCard {
  kind: 'rollup';
  policy: string;
  version: string;
  /** `2026`, `2026-H2` or `2026-Q3`. */
  period: string;
  employee_id: string;
  name: string;
  /** Role, team and stage of the latest month present. */
  role: string;
  team: string;
  stage: string;
  months_in_period: number;
  /** The months used, in order, and the months of the period missing for this employee. */
  months: { period: string; score: number; grade: string; tier?: string; payoutFen: number; held?: true }[];
  missing: string[];
  /**
   * The months of the period still held for this employee: while there is one, they are left out
   * of the period's forced distribution (not ranked, not in the cohort's size, no quota place, no
   * calibrated grade) and `calibrated_grade` has no value for the awards.
   */
  held_months?: string[];
  facts: RollupFactResult[];
  score: number;
  grade: string;
  calibration?: import('../evaluation/calibrate.js').CalibrationResult;
  awards: RollupAwardResult[];
  payoutFen: number;
  /** The reasoning, one line per step, in the run's language. */
  explanation: string[];
}

/** An employee the roll-up leaves out, with the reason. */
export interface RollupExcluded {
  employee_id: string;
  name: string;
  reason: 'too_few_months' | 'no_score';
  present: string[];
  /** For `no_score`: the score fact that has no value. */
  fact?: string;
}

export interface RollupResult {
  policy: { id: string; version: string; title: string };
  period: string;
  months: string[];
  cards: RollupCard[];
  excluded: RollupExcluded[];
  by_grade: Record<string, number>;
  by_calibrated_grade?: Record<string, number>;
  payout_total_fen: number;
}
