// The policy model as the schema defines it (schemas/policy.schema.json is the source of truth;
// these types mirror it for the compiler). Produced by load.ts only after schema validation.

export type Unit = 'count' | 'ratio' | 'money' | 'score' | 'seconds';
export type Scoring = 'linear' | 'steps' | 'pass_fail' | 'rating';
export type Better = 'higher' | 'lower';
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';

export interface MetricDef {
  label: string;
  unit: Unit;
  aliases?: string[];
  default?: number;
  range?: [number, number];
  description?: string;
  /** How a range such as `7.5w~10w` is read; reject by default. */
  ranges?: 'low' | 'middle' | 'high' | 'reject';
  /** Money exported in fen (分) is divided by 100. */
  money_in?: 'yuan' | 'fen';
  /** How the data writes a ratio without `%`: `0.453` (fraction, default) or `45.3` (percent points). */
  ratio_format?: 'fraction' | 'percent_points';
  /** A file without this metric's column (a required one) takes `default` instead of being refused. */
  default_when_missing_column?: boolean;
}

export type DerivedDef =
  | string
  | { expr: string; label?: string; unit?: Unit; default?: number; range?: [number, number] };

export interface TeamDef {
  title: string;
  aliases?: string[];
}

export interface StageDef {
  title: string;
  note?: string;
}

export type Weight = number | Record<string, number>;

export interface Step {
  min?: number;
  max?: number;
  points: number;
}

export interface LeafIndicatorDef {
  title?: string;
  metric: string;
  weight: Weight;
  scoring?: Scoring;
  better?: Better;
  threshold?: number;
  target?: number;
  challenge?: number;
  cap?: number;
  steps?: Step[];
  pass_points?: number;
  fail_points?: number;
}

export interface GroupIndicatorDef {
  title?: string;
  weight: Weight;
  indicators: Record<string, IndicatorDef>;
}

export type IndicatorDef = LeafIndicatorDef | GroupIndicatorDef;

export function isGroup(def: IndicatorDef): def is GroupIndicatorDef {
  return (def as GroupIndicatorDef).indicators !== undefined;
}

export interface RoleDef {
  title: string;
  pay_base: number;
  indicators: Record<string, IndicatorDef>;
}

/** A json-rules-engine condition as written in YAML. */
export type ConditionDef =
  | { all: ConditionDef[] }
  | { any: ConditionDef[] }
  | { not: ConditionDef }
  | { fact: string; operator: string; value?: unknown; params?: Record<string, unknown>; path?: string };

/**
 * A per-unit amount (按件计): `amount` for each unit `per` counts (a metric, derived id or
 * expression), never more than `max` (in absolute value) in total.
 */
export interface PerUnitDef {
  per: string;
  amount: number;
  max?: number;
}

export function isPerUnit(v: unknown): v is PerUnitDef {
  return typeof v === 'object' && v !== null && 'per' in v;
}

export interface AdjustmentDef {
  title: string;
  when: ConditionDef;
  /** Points, or points per unit. */
  points?: number | PerUnitDef;
  /** Yuan, or yuan per unit. */
  award?: number | PerUnitDef;
  score_cap?: number;
  grade_cap?: string;
  note?: string;
}

export interface HoldDef {
  title: string;
  when: ConditionDef;
  reason?: string;
}

export interface GradeDef {
  grade: string;
  min: number;
  title?: string;
}

export interface TierBandDef {
  tier: string;
  title?: string;
  min: number;
  multiplier?: number;
  award?: number;
  benefit?: string;
}

export type MoneyExpr = number | string;

export interface PayoutDef {
  performance_pay: string;
  tiers?: { basis: string; bands: TierBandDef[] };
  awards_cap?: MoneyExpr;
  cap?: MoneyExpr;
  rounding: { to: 0.01 | 0.1 | 1; mode: RoundingMode };
}

export type ActionType =
  | 'improvement_plan'
  | 'exit_review'
  | 'promotion_review'
  | 'bonus_review'
  | 'training'
  | 'resource_support'
  | 'notify';

export interface TriggerDef {
  title: string;
  when: ConditionDef;
  action: {
    type: ActionType;
    days?: number;
    training?: boolean;
    note?: string;
    close_when?: ConditionDef;
    extensions?: number;
  };
}

export interface CalibrationDef {
  scale?: string[];
  map?: Record<string, string>;
  within: 'team' | 'role' | 'stage' | 'all';
  quotas: Record<string, { max?: number; min?: number }>;
  small_teams?: 'round_down' | 'round' | 'round_up';
}

/** A property `yardstick verify` checks (engine/review/verify/): one of monotone, cliff, always. */
export interface PropertyDef {
  title: string;
  where?: ConditionDef;
  monotone?: { metric: string; of?: 'payout' | 'score'; direction?: 'up' | 'down' };
  cliff?: { max: number; tier?: string; grade?: string; metric?: string };
  always?: ConditionDef;
}

export interface PolicyDoc {
  policy: string;
  title: string;
  description?: string;
  version: string;
  effective_from?: string;
  /** Says that this version deliberately applies from a period earlier versions already covered. */
  retroactive?: { reason: string };
  currency?: 'CNY';
  period?: 'month' | 'quarter';
  score?: { decimals?: number; max?: number };
  metrics: Record<string, MetricDef>;
  derived?: Record<string, DerivedDef>;
  stages: Record<string, StageDef>;
  teams?: Record<string, TeamDef>;
  roles: Record<string, RoleDef>;
  adjustments?: Record<string, AdjustmentDef>;
  holds?: Record<string, HoldDef>;
  grades: GradeDef[];
  payout: PayoutDef;
  triggers?: Record<string, TriggerDef>;
  calibration?: CalibrationDef;
  /** Bonus pools split by performance (engine/evaluation/pool.ts). */
  pools?: Record<string, PoolDef>;
  /** The period's budget and what to do when the result is over it (engine/evaluation/budget.ts). */
  budget?: BudgetDef;
  /** Properties HR and finance declare about the policy, checked by `yardstick verify`. */
  properties?: Record<string, PropertyDef>;
}

// ── bonus pools and budgets ──────────────────────────────────────────────────────────────────────

/** Where a pool's money comes from, per pool instance (one per team, stage or role, or one in all). */
export type PoolFundDef = { fixed: number } | { share_of: { metric: string; rate: number } };

export interface PoolDef {
  title: string;
  /** One pool per distinct team, stage or role of the scored people, or one for everyone (`all`). */
  per: 'team' | 'stage' | 'role' | 'all';
  fund: PoolFundDef;
  /** Expression of the share weight (`score * pay_base`); variables: score, base_score, pay_base, attainment, metrics. */
  weight: string;
  /** People below this grade take no share. */
  min_grade?: string;
  /** People whose pay is held take no share (default true). */
  exclude_held?: boolean;
  /** Yuan. */
  min_share?: number;
  /** Yuan. */
  max_share?: number;
  /** Only these roles take part (role ids); default every role. */
  roles?: string[];
}

export interface BudgetDef {
  /** Yuan per period for everyone the run scores. */
  total?: number;
  /** Yuan per period per team, keyed by the team's name as the data writes it (or a declared team id). */
  teams?: Record<string, number>;
  /** `report` (default) says how far over or under; `scale_variable` also scales variable pay down to fit. */
  fit?: 'report' | 'scale_variable';
}
