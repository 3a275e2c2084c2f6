// What one evaluation returns for one employee, and what a run returns for a whole month.
// Money computed by the engine (payout lines, totals) is integer fen, in fields named `…Fen` /
// `…_fen`; yuan appear only at the edges. schemas/result.schema.json describes the JSON form of
// RunResult (yuan amounts), made by result-json.ts; tests hold the two together.

import type { ActionType } from './policy.js';
import type { ExcludedRecord } from './record.js';
import type { Diagnostic } from './diagnostic.js';

/** One leaf condition of a rule, with the value the fact had when the rule was evaluated. */
export interface ConditionResult {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
  path?: string;
  /** The fact's value for this employee (json-rules-engine's factResult). */
  actual: unknown;
  result: boolean;
}

export interface IndicatorResult {
  id: string;
  /** Dotted path from the role, e.g. `content.originality`. */
  path: string;
  title: string;
  /** Present on leaf indicators. */
  metric?: string;
  scoring?: 'linear' | 'steps' | 'pass_fail' | 'rating';
  better?: 'higher' | 'lower';
  actual?: number;
  threshold?: number;
  target?: number;
  challenge?: number;
  /** Points out of 100 (up to the cap), rounded to the policy's decimals. */
  points: number;
  /** Weight in percent for the employee's stage. */
  weight: number;
  /** points × weight / 100, rounded; a level's weighted points add up to its parent's points. */
  weighted_points: number;
  /** How the points were reached, in the run's language. */
  reason: string;
  /** Present on groups. */
  children?: IndicatorResult[];
}

/** How a per-unit effect was counted: `units` × `amount`, limited to `max`. */
export interface PerUnitResult {
  /** What was counted: the metric or derived id, or the expression, as the policy writes it. */
  per: string;
  /** The label to show for it (the metric's label, or the expression). */
  label: string;
  units: number;
  amount: number;
  max?: number;
  /** units × amount before `max` (points rounded to the score's decimals; yuan as computed). */
  raw: number;
  /** Whether `max` limited it. */
  capped: boolean;
}

export interface AdjustmentResult {
  id: string;
  title: string;
  /** Points this rule adds (a per-unit rule: units × amount, limited to its max). */
  points?: number;
  /**
   * Yuan, as the policy writes it (a per-unit rule: units × amount rounded as the policy says, limited
   * to its max); the payout line it makes carries the rounded fen.
   */
  award?: number;
  /** Present when `points` or `award` is per unit: how it was counted. */
  per_unit?: { points?: PerUnitResult; award?: PerUnitResult };
  score_cap?: number;
  grade_cap?: string;
  conditions: ConditionResult[];
}

export type PayoutLineKind =
  | 'performance_pay'
  | 'tier_multiplier'
  | 'tier_award'
  | 'award'
  | 'awards_cap'
  | 'total_cap'
  /** A share of a bonus pool (engine/evaluation/pool.ts); added after the caps, which do not cut it. */
  | 'pool_share'
  /** Variable pay scaled down to fit the budget (engine/evaluation/budget.ts): a negative line. */
  | 'budget_scale';

export interface PayoutLine {
  kind: PayoutLineKind;
  /** Rule or tier id the line comes from, when there is one. */
  source?: string;
  label: string;
  /** Integer fen, already rounded as the policy says (the JSON result shows it as yuan `amount`). */
  amountFen: number;
}

export interface Payout {
  /** Yuan, as the data gives it: an input to the payout formula, not a computed amount. */
  pay_base: number;
  tier?: { id: string; title?: string; basis: number; benefit?: string };
  lines: PayoutLine[];
  /** Sum of the lines, integer fen (the JSON result shows it as yuan `total`). */
  totalFen: number;
  /** `held` when a hold fired: the amount is computed but must not be paid yet. */
  status: 'payable' | 'held';
}

export interface HoldResult {
  id: string;
  title: string;
  reason?: string;
  conditions: ConditionResult[];
}

export interface TriggerResult {
  id: string;
  title: string;
  action: {
    type: ActionType;
    days?: number;
    training?: boolean;
    note?: string;
    close_when?: unknown;
    extensions?: number;
  };
  conditions: ConditionResult[];
}

export interface Scorecard {
  employee_id: string;
  name: string;
  role: string;
  role_title: string;
  team: string;
  stage: string;
  stage_title: string;
  period: string;
  /** Sum of the indicators' weighted points, before adjustments. */
  base_score: number;
  /** Final score: base score plus adjustment points, capped, never below 0. */
  score: number;
  /** Grade from the table before any grade cap. */
  raw_grade: string;
  grade: string;
  /** Points still needed for the next better grade; absent at the top or when a cap blocks it. */
  next_grade?: { grade: string; points_needed: number };
  indicators: IndicatorResult[];
  adjustments: AdjustmentResult[];
  payout: Payout;
  holds: HoldResult[];
  triggers: TriggerResult[];
  /** The reasoning, one line per step, in the run's language. */
  explanation: string[];
  /** The improvement plan this employee is on, if any, derived from the recorded history. */
  plan?: import('../evaluation/plan.js').PlanState;
  /** Forced distribution, when the policy calibrates: rank in the cohort and the calibrated grade. */
  calibration?: import('../evaluation/calibrate.js').CalibrationResult;
  /** This employee's place in each bonus pool of the policy (a share, or why none). */
  pools?: import('../evaluation/pool.js').PoolShare[];
  /** How the budget scaled this employee's variable pay, when it did. */
  budget_scale?: import('../evaluation/budget.js').BudgetScaleLine;
}

export interface RunSummary {
  employees: number;
  excluded: number;
  by_grade: Record<string, number>;
  /** Sum of every scorecard's payout total (payable + held), integer fen. */
  payout_total_fen: number;
  payable_total_fen: number;
  held_total_fen: number;
  holds: number;
  triggers: Record<string, number>;
  /** Calibrated grades, when the policy calibrates. */
  by_calibrated_grade?: Record<string, number>;
  by_team: Record<string, { employees: number; payout_total_fen: number }>;
}

export interface RunResult {
  policy: { id: string; version: string; title: string };
  period: string;
  scorecards: Scorecard[];
  excluded: ExcludedRecord[];
  summary: RunSummary;
  /** Warnings about the data that did not exclude anyone. */
  warnings: Diagnostic[];
  /** Every bonus pool of the period, when the policy has pools. */
  pools?: import('../evaluation/pool.js').PoolAllocation[];
  /** The result against the policy's budget, when it states one. */
  budget?: import('../evaluation/budget.js').BudgetReport;
}
