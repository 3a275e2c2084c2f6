// Step 4: a valid policy → everything evaluation needs, built once: indicator trees per role and
// stage, derived metrics in dependency order, parsed payout formulas, and the policy's rules as one
// list per phase (holds + adjustments on the record; grades + tiers on the score; triggers on the
// result), which each executor turns into what it runs (engine/evaluation/executor.ts).

import {
  compileExpression,
  compileSlotExpression,
  parseExpression,
  variablesOf,
  type CompiledExpr,
  type Expr,
  type SlotExpr,
} from './expression.js';
import { factsOf, leavesOf, type ConditionLeaf } from './conditions.js';
import { INDICATOR_FACT_NAMES, PRESENCE_OPERATORS } from './facts.js';
import {
  isGroup,
  type ConditionDef,
  type GradeDef,
  type IndicatorDef,
  type MetricDef,
  type PolicyDoc,
  type RoundingMode,
  type Step,
  type TierBandDef,
  type TriggerDef,
  type AdjustmentDef,
  type HoldDef,
  type Unit,
  isPerUnit,
  type PerUnitDef,
} from '../model/policy.js';
import type { DataContract } from '../data/records.js';
import type { Span } from '../model/diagnostic.js';

export interface CompiledLeaf {
  metric: string;
  /** The metric's slot in the record's fact array. */
  slot: number;
  scoring: 'linear' | 'steps' | 'pass_fail' | 'rating';
  better: 'higher' | 'lower';
  threshold?: number;
  target?: number;
  challenge?: number;
  cap: number;
  steps?: Step[];
  passPoints: number;
  failPoints: number;
  /** Full mark of a rating's metric (its range maximum). */
  ratingMax?: number;
  /**
   * `pointsFor(leaf, ·)` as one closure with the leaf's constants bound (engine/evaluation/score.ts,
   * `scorerOf`), made by the evaluation the first time it scores the leaf.
   */
  scorer?: (actual: number) => number;
}

export interface CompiledIndicator {
  id: string;
  path: string;
  title: string;
  weight: number;
  leaf?: CompiledLeaf;
  children?: CompiledIndicator[];
}

export interface CompiledRole {
  id: string;
  title: string;
  payBase: number;
  /** Stage id → indicator tree with that stage's weights. */
  byStage: Record<string, CompiledIndicator[]>;
  /** Metric and derived-metric ids a record of this role must have values for. */
  required: string[];
  /**
   * The derived ids a record of this role is excluded without (`eval_undefined`): those its
   * indicators, conditions, tier basis and payout read. One only a per-unit count reads is computed
   * when its rule fires, as a formula written in `per` is.
   */
  derivedNeeded: string[];
  /** The part of `required` that are metrics (not derived). */
  requiredMetrics: string[];
  /** The part of `requiredMetrics` without a default: the only ones a record can lack (checked on every record). */
  requiredWithoutDefault: string[];
  /** The slots of `requiredWithoutDefault`, in the same order. */
  requiredWithoutDefaultSlots: number[];
  /**
   * The metrics and derived metrics of `required` that some stages do not need, each with those
   * stages: read only by indicators weighted 0 there (a weight of 0 means the indicator does not
   * count that stage), by no rule, tier, payout, pool or per-unit count. A record of such a stage may
   * lack them; its indicator is then scored with no actual value, 0 points.
   */
  optionalIn: ReadonlyMap<string, ReadonlySet<string>>;
  /** Stage id → the part of `requiredMetrics` a record of that stage must carry. */
  requiredMetricsByStage: Record<string, string[]>;
  /**
   * The metric keys of the last record of this role the evaluation read, in their order, and each
   * one's slot (−1 for a key that is no declared metric): a role's records mostly hold the same
   * metrics in the same order (a file's columns), so a key is found by comparing it with the one
   * at its place instead of a lookup in `metricSlotOf`. Written by the evaluation, one entry per
   * place that changed; one place per declared metric from the start, holding `''` and −1.
   */
  lastMetricKeys: string[];
  lastMetricSlots: number[];
}

export interface CompiledDerived {
  id: string;
  label: string;
  unit?: Unit;
  expr: Expr;
  /** `expr` as closures, built once, reading a named scope (statements, verify, the editor). */
  run: CompiledExpr;
  /** The same closures reading the record's fact array (the evaluation). */
  runSlots: SlotExpr;
  /** Where its value goes in the record's fact array. */
  slot: number;
  text: string;
  default?: number;
  /** A declared `[min, max]`: a computed value outside it excludes the record. */
  range?: [number, number];
}

/** A per-unit amount of an adjustment, compiled: the count as a closure. */
export interface CompiledPerUnit {
  per: string;
  /** The metric's or derived metric's label when `per` names one, else the expression. */
  label: string;
  unit?: Unit;
  run: CompiledExpr;
  /** `run` on the record's fact array. */
  runSlots: SlotExpr;
  amount: number;
  max?: number;
}

export interface CompiledPolicy {
  doc: PolicyDoc;
  file: string;
  decimals: number;
  scoreMax?: number;
  metrics: Record<string, MetricDef>;
  /** Every metric the data carries, with its slot (metric k of `metrics` at slot k), for the per-record loop. */
  metricSlots: { id: string; slot: number }[];
  /**
   * The same as a map from metric id to slot: a record's metrics are walked by their own keys, and
   * a key that is no declared metric has none (a `Map`: one lookup site sees every metric id, which
   * a property table answers through V8's megamorphic cache, and a key such as `toString` is no
   * metric without a check of the value).
   */
  metricSlotOf: ReadonlyMap<string, number>;
  /** The metrics that declare a default, with it, for the per-record loop. */
  metricDefaults: { id: string; slot: number; default: number }[];
  /**
   * Every fact a record's evaluation sets, in the order it sets them, all undefined: each record's
   * facts start as a copy, so they share one object layout instead of growing key by key.
   */
  factShape: Record<string, undefined>;
  /** The same facts as slots: the evaluation keeps a record's facts in an array, each at its slot. */
  slots: FactSlots;
  derived: CompiledDerived[];
  stages: Record<string, { title: string }>;
  roles: Record<string, CompiledRole>;
  grades: GradeDef[];
  adjustments: Record<string, AdjustmentDef>;
  /** Adjustments whose points or award are per unit, by adjustment id. */
  perUnit: Record<string, { points?: CompiledPerUnit; award?: CompiledPerUnit }>;
  holds: Record<string, HoldDef>;
  triggers: Record<string, TriggerDef>;
  tiers?: { basis: string; bands: TierBandDef[] /** the basis metric's slot (not `attainment`) */; basisSlot?: number };
  payout: {
    performancePay: CompiledExpr;
    performancePayText: string;
    awardsCap?: CompiledExpr;
    cap?: CompiledExpr;
    capText?: string;
    rounding: { to: 0.01 | 0.1 | 1; mode: RoundingMode };
    /** The three formulas on the record's fact array. */
    slots: { performancePay: SlotExpr; awardsCap?: SlotExpr; cap?: SlotExpr };
  };
  /**
   * The rules of each phase in declaration order: `rules` (holds, adjustments) run on the record's
   * facts, `grades` (grades, tiers) on `score` and `tier_basis`, `triggers` (triggers, plan closes)
   * on the whole result. Both executors are built from these lists.
   */
  rules: Record<RulePhase, PolicyRule[]>;
  /** Whether a rule reads a fact about the indicator results (then each record builds their table). */
  indicatorFacts: boolean;
  /** Whether the compiled executor can run every rule: a condition using `path` needs json-rules-engine. */
  compilable: boolean;
  contract: DataContract;
  /** Where payout formulas are written, `file:line:col`, for evaluation errors (set by loadPolicy). */
  positions?: Partial<Record<'performance_pay' | 'awards_cap' | 'cap', string>>;
  /** Where each calibration minimum is written (`calibration.quotas.<grade>.min`), by grade (set by loadPolicy). */
  quotaMinSpans?: ReadonlyMap<string, Span>;
}

/** The built-in facts in the order evaluation sets them (engine/evaluate.ts). */
const FACT_ORDER = [
  'employee_id',
  'role',
  'team',
  'stage',
  'pay_base',
  'base_score',
  'previous_grade',
  'previous_plan',
  '$history',
  '$indicators',
  'score',
  'attainment',
  'grade',
  'raw_grade',
  'grade_cap',
  'tier',
  'held',
] as const;

/** The built-in facts a record's evaluation sets, by name. */
export type BuiltinFact = (typeof FACT_ORDER)[number];

/**
 * The slot table of a policy: every fact of `factShape` (metrics, derived metrics, the built-in
 * facts) at an index of the record's fact array, resolved once when the policy is compiled. The
 * expressions and conditions the evaluation runs are compiled against it, so a record's facts are
 * read and written by index, never by name.
 */
export interface FactSlots {
  /** Each slot's fact name. */
  names: readonly string[];
  /** A fact name's slot. */
  index: ReadonlyMap<string, number>;
  /** The built-in facts' slots. */
  builtin: Readonly<Record<BuiltinFact, number>>;
  /** `names.length` undefineds: a record's facts start as a copy. */
  empty: readonly undefined[];
}

function factSlots(names: string[]): FactSlots {
  const unique = [...new Set(names)];
  const index = new Map(unique.map((n, i) => [n, i]));
  const builtin = Object.fromEntries(FACT_ORDER.map((n) => [n, index.get(n)!])) as Record<BuiltinFact, number>;
  return { names: unique, index, builtin, empty: unique.map(() => undefined) };
}

export type RuleKind = 'hold' | 'adjustment' | 'grade' | 'tier' | 'trigger' | 'plan_close';

export type RulePhase = 'rules' | 'grades' | 'triggers';

/** One rule: fires `kind` for `id` (a hold, an adjustment, a grade's or tier's index…) when `when` holds. */
export interface PolicyRule {
  kind: RuleKind;
  id: string;
  when: ConditionDef;
}

/** The rounding modes, as this module's literals. */
const MODES: readonly RoundingMode[] = ['half_up', 'half_even', 'down', 'up'];

/**
 * A policy's rounding mode as the literal V8 keeps once for the whole program, not the text the
 * YAML parser made: every payout line asks `mode === 'half_up'` (engine/model/money.ts, `toFen`),
 * which for two different strings of the same letters compares them letter by letter (V8's
 * `StringEqual`, about 190 instructions a record on the flagship), and for the same string is one
 * comparison.
 */
function literalMode(mode: RoundingMode): RoundingMode {
  return MODES.find((m) => m === mode) ?? mode;
}

export function compilePolicy(doc: PolicyDoc, file: string): CompiledPolicy {
  const ordered = orderDerived(doc);
  // the metrics first, in their declared order: metric k of `doc.metrics` is at slot k, which is
  // where the evaluation copies a record's values by position (`MetricValues`) to
  const slots = factSlots([...Object.keys(doc.metrics), ...ordered.map((d) => d.id), ...FACT_ORDER]);
  const slotOf = (name: string) => slots.index.get(name);
  const onSlots = (expr: Expr) => compileSlotExpression(expr, slotOf);
  const derived = ordered.map((d): CompiledDerived => {
    const f = onSlots(d.expr);
    return { ...d, runSlots: (facts) => withoutNoise(f(facts)), slot: slotOf(d.id)! };
  });
  const derivedIds = new Set(derived.map((d) => d.id));
  /** The metrics and derived metrics `names` need, following derived expressions down to metrics. */
  const metricsOf = (names: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    const add = (n: string) => {
      if (out.has(n)) return;
      if (doc.metrics[n]) out.add(n);
      else if (derivedIds.has(n)) {
        out.add(n);
        for (const v of variablesOf(derived.find((d) => d.id === n)!.expr)) add(v);
      }
    };
    for (const n of names) add(n);
    return out;
  };

  const payout = doc.payout;
  const performancePay = mustParse(payout.performance_pay);
  const awardsCap = payout.awards_cap === undefined ? undefined : moneyExpr(payout.awards_cap);
  const cap = payout.cap === undefined ? undefined : moneyExpr(payout.cap);

  const perUnit: CompiledPolicy['perUnit'] = Object.create(null);
  const perExprs: Expr[] = [];
  for (const [id, a] of Object.entries(doc.adjustments ?? {})) {
    const compiled: { points?: CompiledPerUnit; award?: CompiledPerUnit } = {};
    for (const key of ['points', 'award'] as const) {
      const def = a[key];
      if (!isPerUnit(def)) continue;
      const expr = mustParse(def.per);
      perExprs.push(expr);
      compiled[key] = compilePerUnit(doc, def, expr, onSlots(expr));
    }
    if (compiled.points || compiled.award) perUnit[id] = compiled;
  }

  // metrics every record needs whatever its role: those the rules, per-unit counts, tiers and payout read
  const ruleNeeds = metricsOf([
    ...[...Object.values(doc.adjustments ?? {}), ...Object.values(doc.holds ?? {})].flatMap((r) => factsOf(r.when)),
    ...(doc.payout.tiers && doc.payout.tiers.basis !== 'attainment' ? [doc.payout.tiers.basis] : []),
    ...[performancePay, awardsCap, cap].flatMap((e) => (e ? variablesOf(e) : [])),
    // a pool's funding metric is summed over everyone in its group, and its weight read for each
    // member: a file without the column must be refused, not fund every pool ¥0
    ...Object.values(doc.pools ?? {}).flatMap((pool) => [
      ...('share_of' in pool.fund ? [pool.fund.share_of.metric] : []),
      ...variablesOf(mustParse(pool.weight)),
    ]),
  ]);
  const shared = new Set([...metricsOf(perExprs.flatMap((e) => variablesOf(e))), ...ruleNeeds]);
  // indicators a rule reads by their path (indicator_points, indicator_attainment, indicator_reached):
  // their metrics are needed whatever their weight
  const readPaths = [
    ...Object.values(doc.adjustments ?? {}).map((r) => r.when),
    ...Object.values(doc.holds ?? {}).map((r) => r.when),
    ...Object.values(doc.triggers ?? {}).flatMap((t) => [
      t.when,
      ...(t.action.close_when ? [t.action.close_when] : []),
    ]),
  ].flatMap((when) =>
    leavesOf<ConditionLeaf>(when).flatMap((leaf) =>
      typeof leaf.params?.indicator === 'string' ? [leaf.params.indicator] : [],
    ),
  );

  const roles: Record<string, CompiledRole> = {};
  for (const [id, role] of Object.entries(doc.roles)) {
    const byStage: Record<string, CompiledIndicator[]> = {};
    for (const stage of Object.keys(doc.stages)) byStage[stage] = compileLevel(doc, role.indicators, stage, '', slotOf);
    const used = metricsOf(leafMetrics(role.indicators));
    const required = [...new Set([...used, ...shared])];
    // per stage: the metrics of the indicators that count there, or that a rule reads by path
    const optionalIn = new Map<string, Set<string>>();
    const requiredMetricsByStage: Record<string, string[]> = {};
    for (const stage of Object.keys(doc.stages)) {
      const here = new Set([...metricsOf(countedLeafMetrics(role.indicators, stage, '', readPaths)), ...shared]);
      for (const m of required) if (!here.has(m)) optionalIn.set(m, (optionalIn.get(m) ?? new Set()).add(stage));
      requiredMetricsByStage[stage] = required.filter((m) => here.has(m) && doc.metrics[m] !== undefined);
    }
    roles[id] = {
      id,
      title: role.title,
      payBase: role.pay_base,
      byStage,
      required,
      derivedNeeded: [...new Set([...used, ...ruleNeeds])].filter((m) => derivedIds.has(m)),
      requiredMetrics: required.filter((m) => doc.metrics[m] !== undefined),
      requiredWithoutDefault: [],
      requiredWithoutDefaultSlots: [],
      optionalIn,
      requiredMetricsByStage,
      // one place per declared metric from the start, a text no metric is called: every key the
      // copy compares with is a text, so V8 compares two pointers inline (with places left empty,
      // a record meeting one saw `undefined` there, and every comparison after it became a call)
      lastMetricKeys: Object.keys(doc.metrics).map(() => ''),
      lastMetricSlots: Object.keys(doc.metrics).map(() => -1),
    };
    roles[id].requiredWithoutDefault = required.filter(
      (m) => doc.metrics[m] !== undefined && doc.metrics[m].default === undefined,
    );
    roles[id].requiredWithoutDefaultSlots = roles[id].requiredWithoutDefault.map((m) => slotOf(m)!);
  }

  const rules = ruleLists(doc);
  return {
    doc,
    file,
    decimals: doc.score?.decimals ?? 2,
    scoreMax: doc.score?.max,
    metrics: doc.metrics,
    metricSlots: Object.keys(doc.metrics).map((id) => ({ id, slot: slotOf(id)! })),
    metricSlotOf: new Map(Object.keys(doc.metrics).map((id) => [id, slotOf(id)!])),
    metricDefaults: Object.entries(doc.metrics).flatMap(([id, m]) =>
      m.default !== undefined ? [{ id, slot: slotOf(id)!, default: m.default }] : [],
    ),
    factShape: Object.fromEntries(slots.names.map((k) => [k, undefined])),
    slots,
    derived,
    stages: doc.stages,
    roles,
    grades: doc.grades,
    adjustments: doc.adjustments ?? {},
    perUnit,
    holds: doc.holds ?? {},
    triggers: doc.triggers ?? {},
    tiers: doc.payout.tiers && {
      ...doc.payout.tiers,
      // `attainment` as this module's literal (asked twice a record: one comparison, see literalMode)
      ...(doc.payout.tiers.basis !== 'attainment'
        ? { basisSlot: slotOf(doc.payout.tiers.basis) }
        : { basis: 'attainment' as const }),
    },
    payout: {
      performancePay: compileExpression(performancePay),
      performancePayText: payout.performance_pay,
      awardsCap: awardsCap && compileExpression(awardsCap),
      cap: cap && compileExpression(cap),
      capText: payout.cap === undefined ? undefined : String(payout.cap),
      rounding: { to: payout.rounding.to, mode: literalMode(payout.rounding.mode) },
      slots: {
        performancePay: onSlots(performancePay),
        ...(awardsCap ? { awardsCap: onSlots(awardsCap) } : {}),
        ...(cap ? { cap: onSlots(cap) } : {}),
      },
    },
    rules,
    indicatorFacts: [...rules.rules, ...rules.triggers].some((r) =>
      factsOf(r.when).some((f) => INDICATOR_FACT_NAMES.includes(f)),
    ),
    // only json-rules-engine reads a `path` into an object-valued fact
    compilable: [...rules.rules, ...rules.triggers].every((r) =>
      leavesOf<ConditionLeaf>(r.when).every((leaf) => leaf.path === undefined),
    ),
    contract: {
      metrics: doc.metrics,
      roles: Object.entries(doc.roles).map(([rid, r]) => ({ id: rid, title: r.title })),
      stages: Object.entries(doc.stages).map(([sid, s]) => ({ id: sid, title: s.title })),
      ...(doc.teams
        ? {
            teams: Object.entries(doc.teams).map(([tid, t]) => ({
              id: tid,
              title: t.title,
              ...(t.aliases ? { aliases: t.aliases } : {}),
            })),
          }
        : (() => {
            const grouped = teamGrouping(doc);
            return grouped ? { teamGrouped: grouped } : {};
          })()),
      requiredMetrics: (role: string, stage?: string) =>
        (stage === undefined ? undefined : roles[role]?.requiredMetricsByStage[stage]) ??
        roles[role]?.requiredMetrics ??
        [],
    },
  };
}

function compileLevel(
  doc: PolicyDoc,
  level: Record<string, IndicatorDef>,
  stage: string,
  prefix: string,
  slotOf: (name: string) => number | undefined,
): CompiledIndicator[] {
  return Object.entries(level).map(([id, def]) => {
    const path = prefix ? `${prefix}.${id}` : id;
    const weight = typeof def.weight === 'number' ? def.weight : (def.weight[stage] ?? 0);
    if (isGroup(def)) {
      return {
        id,
        path,
        title: def.title ?? id,
        weight,
        children: compileLevel(doc, def.indicators, stage, path, slotOf),
      };
    }
    const metric = doc.metrics[def.metric];
    const derived = doc.derived?.[def.metric];
    const label = metric?.label ?? (typeof derived === 'object' ? derived.label : undefined) ?? def.metric;
    return {
      id,
      path,
      title: def.title ?? label,
      weight,
      leaf: {
        metric: def.metric,
        slot: slotOf(def.metric)!,
        scoring: def.scoring ?? 'linear',
        better: def.better ?? 'higher',
        threshold: def.threshold,
        target: def.target,
        challenge: def.challenge,
        cap: def.cap ?? 120,
        steps: def.steps,
        passPoints: def.pass_points ?? 100,
        failPoints: def.fail_points ?? 0,
        ratingMax: metric?.range?.[1] ?? (typeof derived === 'object' ? derived.range?.[1] : undefined),
        // set when first scored: every leaf has the key from the start (one object layout)
        scorer: undefined,
      },
    };
  });
}

function compilePerUnit(doc: PolicyDoc, def: PerUnitDef, expr: Expr, runSlots: SlotExpr): CompiledPerUnit {
  const id = def.per.trim();
  const metric = doc.metrics[id];
  const derived = doc.derived?.[id];
  const label =
    metric?.label ?? (derived !== undefined ? (typeof derived === 'object' && derived.label) || id : def.per);
  const unit = metric?.unit ?? (typeof derived === 'object' ? derived.unit : undefined);
  return {
    per: def.per,
    label,
    ...(unit ? { unit } : {}),
    run: compileExpression(expr),
    runSlots,
    amount: def.amount,
    ...(def.max !== undefined ? { max: def.max } : {}),
  };
}

function leafMetrics(level: Record<string, IndicatorDef>): string[] {
  return Object.values(level).flatMap((d) => (isGroup(d) ? leafMetrics(d.indicators) : [d.metric]));
}

/**
 * The metrics of the leaves that count in `stage` — weighted above 0 there, inside groups weighted
 * above 0 — and of the leaves a rule reads by their path or their group's (`readPaths`).
 */
function countedLeafMetrics(
  level: Record<string, IndicatorDef>,
  stage: string,
  prefix: string,
  readPaths: readonly string[],
  inForce = true,
): string[] {
  return Object.entries(level).flatMap(([id, d]) => {
    const path = prefix ? `${prefix}.${id}` : id;
    const weight = typeof d.weight === 'number' ? d.weight : (d.weight[stage] ?? 0);
    const counts = inForce && weight > 0;
    if (isGroup(d)) return countedLeafMetrics(d.indicators, stage, path, readPaths, counts);
    return counts || readPaths.some((p) => p === path || path.startsWith(`${p}.`)) ? [d.metric] : [];
  });
}

/** Derived metrics in an order where each comes after the ones it reads (checks ruled out cycles). */
type OrderedDerived = Omit<CompiledDerived, 'runSlots' | 'slot'>;

/**
 * A derived metric's value without binary noise: `a + b` of 0.3 and 0.6 is 0.9, which reaches a
 * target, a band or a condition at 0.9, not 0.8999999999999999, which would miss them while the
 * explanation shows 90.0 %. Noise is what 15 significant digits (as money is cleaned) turn into a
 * number of at most 12; any other value (1 / 3, 500 / 150000) and whole numbers are kept exactly.
 */
export function withoutNoise(v: number | undefined): number | undefined {
  if (v === undefined || Number.isInteger(v)) return v;
  // the common value (0.016735294117647058) is far from any number of 12 significant digits: said
  // with arithmetic, not two texts a record. Scaled to 12 digits before the point, a noisy value is
  // within 0.001 of a whole number (its noise is below the 15th digit); 0.01 leaves room for the
  // scaling's own rounding and a log10 one off at a power of ten
  const a = Math.abs(v);
  if (a >= 1e-9 && a < 1e15) {
    const k = 11 - decimalExponent(a);
    const scaled = a * TEN[k + TEN_OFFSET]!;
    const whole = Math.round(scaled);
    if (Math.abs(scaled - whole) > 0.01) return v;
    // already the double of a decimal of at most 13 digits (0.075 = 3 / 40): whole / 10^k is the
    // double nearest that decimal (both exact, the division correctly rounded), and when it is `a`
    // the texts below would give `v` back (15 digits of such a double are the decimal itself), so
    // it is returned without them (docs/benchmarks.md, "Executor, fourteenth round")
    if ((k >= 0 ? whole / TEN[k + TEN_OFFSET]! : whole * TEN[TEN_OFFSET - k]!) === a) return v;
  }
  const clean = Number(v.toPrecision(15));
  return clean !== v && Number(clean.toPrecision(12)) === clean ? clean : v;
}

/** Powers of ten from 10^-4 to 10^21, exact as doubles (TEN[k + TEN_OFFSET] is 10^k). */
const TEN_OFFSET = 4;
const TEN = Array.from({ length: 26 }, (_, i) => Number(`1e${i - TEN_OFFSET}`));

/** The doubles nearest 10^-9 … 10^15 (POWER[k + 9] for 10^k): what `decimalExponent` compares with. */
const POWER = Array.from({ length: 25 }, (_, i) => Number(`1e${i - 9}`));

/**
 * `Math.floor(Math.log10(a))` for 10^-9 ≤ a < 10^15, found by comparing `a` with the powers of ten
 * (a ratio such as a like rate is one or two steps from 1) instead of a logarithm per derived value.
 * Within a millionth of a power of ten, where the logarithm's own rounding may reach the whole
 * number, the logarithm is asked, so the result is always the same as its (log10 is within a few
 * units of 10^-15 of the exact value: nowhere near a millionth).
 */
function decimalExponent(a: number): number {
  let k = 0;
  if (a >= 1) while (k < 14 && a >= POWER[k + 10]!) k++;
  else while (k > -9 && a < POWER[k + 9]!) k--;
  // now POWER[k] ≤ a < POWER[k + 1] (but at the table's ends)
  if (a < POWER[k + 9]! * 1.000001 || a > POWER[k + 10]! * 0.999999) return Math.floor(Math.log10(a));
  return k;
}

function orderDerived(doc: PolicyDoc): OrderedDerived[] {
  const all = Object.entries(doc.derived ?? {}).map(([id, d]): OrderedDerived => {
    const text = typeof d === 'string' ? d : d.expr;
    const expr = mustParse(text);
    const run = compileExpression(expr);
    return {
      id,
      text,
      expr,
      run: (scope) => withoutNoise(run(scope)),
      label: (typeof d === 'object' && d.label) || id,
      unit: typeof d === 'object' ? d.unit : undefined,
      default: typeof d === 'object' ? d.default : undefined,
      range: typeof d === 'object' ? d.range : undefined,
    };
  });
  const byId = new Map(all.map((d) => [d.id, d]));
  const ordered: OrderedDerived[] = [];
  const placed = new Set<string>();
  const place = (d: OrderedDerived) => {
    if (placed.has(d.id)) return;
    placed.add(d.id);
    for (const v of variablesOf(d.expr)) if (byId.has(v)) place(byId.get(v)!);
    ordered.push(d);
  };
  all.forEach(place);
  return ordered;
}

function mustParse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`internal: expression \`${text}\` reached the compiler unparsed: ${r.message}`);
  return r.expr;
}

function moneyExpr(v: number | string): Expr {
  return typeof v === 'number' ? { kind: 'num', value: v } : mustParse(v);
}

/**
 * When an improvement plan is met: its `close_when`, or by default as soon as the condition that
 * opened it no longer holds (`not: when`), so an employee who recovers is not escalated.
 */
export function closeWhen(t: TriggerDef): ConditionDef | undefined {
  if (t.action.close_when) return t.action.close_when;
  return t.action.type === 'improvement_plan' ? { not: t.when } : undefined;
}

/**
 * A condition as the executors run it: `absent` / `present` comparisons, written without a value,
 * get `value: null` (json-rules-engine wants every comparison to have one; both executors ignore it).
 */
function runnable(c: ConditionDef): ConditionDef {
  if ('all' in c) return { all: c.all.map(runnable) };
  if ('any' in c) return { any: c.any.map(runnable) };
  if ('not' in c) return { not: runnable(c.not) };
  return (PRESENCE_OPERATORS as readonly string[]).includes(c.operator) ? { ...c, value: null } : c;
}

/** The policy's rules, one list per phase, in the order the policy declares them. */
function ruleLists(doc: PolicyDoc): Record<RulePhase, PolicyRule[]> {
  const atLeast = (fact: string, min: number): ConditionDef => ({ fact, operator: 'greaterThanInclusive', value: min });
  return {
    rules: [
      ...Object.entries(doc.holds ?? {}).map(([id, h]): PolicyRule => ({ kind: 'hold', id, when: runnable(h.when) })),
      ...Object.entries(doc.adjustments ?? {}).map(
        ([id, a]): PolicyRule => ({ kind: 'adjustment', id, when: runnable(a.when) }),
      ),
    ],
    grades: [
      ...doc.grades.map((g, i): PolicyRule => ({ kind: 'grade', id: String(i), when: atLeast('score', g.min) })),
      ...(doc.payout.tiers?.bands ?? []).map(
        (b, i): PolicyRule => ({ kind: 'tier', id: String(i), when: atLeast('tier_basis', b.min) }),
      ),
    ],
    // an improvement plan's closing condition is judged on the same facts as the triggers
    triggers: Object.entries(doc.triggers ?? {}).flatMap(([id, t]): PolicyRule[] => {
      const close = closeWhen(t);
      return [
        { kind: 'trigger', id, when: runnable(t.when) },
        ...(close ? [{ kind: 'plan_close' as const, id, when: runnable(close) }] : []),
      ];
    }),
  };
}

/**
 * What of a policy's pay is shared out by team (forced distribution within teams, pools per team,
 * team budgets), said in both languages; undefined when nothing is.
 */
function teamGrouping(doc: PolicyDoc): { en: string; zh: string } | undefined {
  const en: string[] = [];
  const zh: string[] = [];
  if (doc.calibration?.within === 'team') {
    en.push('forced distribution within teams');
    zh.push('团队内强制分布');
  }
  for (const [id, pool] of Object.entries(doc.pools ?? {}))
    if (pool.per === 'team') {
      en.push(`pool \`${id}\` per team`);
      zh.push(`奖金池 \`${id}\` 按团队`);
    }
  if (doc.budget?.teams && Object.keys(doc.budget.teams).length) {
    en.push('team budgets');
    zh.push('团队预算');
  }
  return en.length ? { en: en.join(', '), zh: zh.join('、') } : undefined;
}
