// The employees verify evaluates: for each role and stage, a typical record (every indicator at
// its target, no rule firing), the values worth trying for each metric (the policy's own
// thresholds, just below and just above them, the ends of the range), and a path from the worst
// record to the best one. Derived metrics are set through the metrics they are computed from.

import type { CompiledLeaf, CompiledPolicy, CompiledIndicator } from '../../language/compile.js';
import { leavesOf, type ConditionLeaf } from '../../language/conditions.js';
import type { EmployeeRecord } from '../../model/record.js';
import { formatAmount } from '../../model/money.js';
import type { ConditionDef, Unit } from '../../model/policy.js';
import { parseExpression, variablesOf, type Expr } from '../../language/expression.js';
import { breakpointsOf } from './analysis.js';
import { metricOf } from './own.js';

export interface Probe {
  role: string;
  stage: string;
  /** Leaf indicators with a weight above 0 in this stage. */
  leaves: CompiledLeaf[];
  /** Metric ids (raw or derived) the probe varies: the indicators' and the conditions'. */
  dimensions: string[];
  typical: Record<string, number>;
  /** Values worth trying per dimension, the typical value first (fast-check shrinks towards it). */
  candidates: Record<string, number[]>;
  /** The team of its records ('' unless a declared property's `where` names one). */
  team?: string;
}

/** Every rule condition of the record phase (holds, adjustments). */
export function recordConditions(policy: CompiledPolicy): ConditionDef[] {
  return [...Object.values(policy.holds), ...Object.values(policy.adjustments)].map((r) => r.when);
}

export function unitOf(policy: CompiledPolicy, id: string): Unit | undefined {
  return metricOf(policy, id)?.unit ?? policy.derived.find((d) => d.id === id)?.unit;
}

/**
 * The values a data file can give a metric: its `range`, else [0, 1] for a ratio and [0, ∞) for a
 * count (the data layer refuses the rest: data_out_of_range, data_negative_count). Verify's
 * employees stay inside it, so no example or counterexample is someone no export can hold.
 */
export function dataRange(policy: CompiledPolicy, id: string): [number, number] | undefined {
  const m = metricOf(policy, id);
  if (!m) return undefined;
  if (m.range) return m.range;
  if (m.unit === 'ratio') return [0, 1];
  if (m.unit === 'count') return [0, Number.POSITIVE_INFINITY];
  return undefined;
}

/** A step that is small for the metric's unit: one video, one yuan, a tenth of a percent. */
export function stepOf(policy: CompiledPolicy, id: string): number {
  const unit = unitOf(policy, id);
  return unit === 'ratio' ? 0.001 : unit === 'score' ? 0.1 : 1;
}

/** Rounds away binary noise (0.1 + 0.2) so records read as written. */
export const tidy = (v: number) => Number(v.toPrecision(12));

function activeLeaves(nodes: CompiledIndicator[], out: CompiledLeaf[] = []): CompiledLeaf[] {
  for (const n of nodes) {
    if (n.weight <= 0) continue;
    if (n.children) activeLeaves(n.children, out);
    else out.push(n.leaf!);
  }
  return out;
}

/** The numbers the conditions compare `fact` with, and on which side each is false. */
function conditionValues(conditions: ConditionDef[], fact: string): { value: number; falseSide: number }[] {
  const out: { value: number; falseSide: number }[] = [];
  for (const c of conditions)
    for (const leaf of leavesOf<ConditionLeaf>(c)) {
      if (leaf.fact !== fact) continue;
      // every number of an `in` / `notIn` list: the rule fires (or stops) at exactly those values
      if ((leaf.operator === 'in' || leaf.operator === 'notIn') && Array.isArray(leaf.value)) {
        for (const v of leaf.value)
          if (typeof v === 'number') out.push({ value: v, falseSide: leaf.operator === 'in' ? v + 1 : v });
        continue;
      }
      if (typeof leaf.value !== 'number') continue;
      const v = leaf.value;
      const gt = leaf.operator === 'greaterThan' || leaf.operator === 'greaterThanInclusive';
      const lt = leaf.operator === 'lessThan' || leaf.operator === 'lessThanInclusive';
      out.push({ value: v, falseSide: gt ? (v > 0 ? v / 2 : v - 1) : lt ? (v > 0 ? v * 2 : v + 1) : v + 1 });
    }
  return out;
}

/** The value a typical employee has: the target, the step closest to full marks, 80 % of a rating. */
function typicalOf(leaf: CompiledLeaf): number {
  switch (leaf.scoring) {
    case 'linear':
    case 'pass_fail':
      return leaf.target!;
    case 'steps': {
      const best = [...(leaf.steps ?? [])].filter((s) => s.points <= 100).sort((a, b) => b.points - a.points)[0];
      return (leaf.better === 'lower' ? best?.max : best?.min) ?? 0;
    }
    case 'rating':
      return (leaf.ratingMax ?? 100) * 0.8;
  }
}

/**
 * Sets metric `id` to `value` in `metrics`: a raw metric directly, a derived `a / b`, `a ± b` or
 * plain alias through its inputs (the denominator or the second term kept, a denominator chosen
 * so a count stays whole). False when the derived metric's formula cannot be inverted that simply.
 */
export function setMetric(policy: CompiledPolicy, metrics: Record<string, number>, id: string, value: number): boolean {
  if (metricOf(policy, id)) {
    metrics[id] = tidy(value);
    return true;
  }
  const d = policy.derived.find((x) => x.id === id);
  if (!d) return false;
  const e = d.expr;
  if (e.kind === 'var') return setMetric(policy, metrics, e.name, value);
  // `gmv - refunds`, `base + bonus`, `gmv - 1000`: the first metric moved, the other term kept
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-') && e.left.kind === 'var' && metricOf(policy, e.left.name)) {
    const other =
      e.right.kind === 'num'
        ? e.right.value
        : e.right.kind === 'var'
          ? metricOf(policy, e.right.name) && (metrics[e.right.name] ?? metricOf(policy, e.right.name)!.default ?? 0)
          : undefined;
    if (typeof other !== 'number') return false;
    if (e.right.kind === 'var') metrics[e.right.name] = other;
    metrics[e.left.name] = tidy(e.op === '+' ? value - other : value + other);
    return true;
  }
  if (e.kind !== 'binary' || e.op !== '/' || e.left.kind !== 'var' || e.right.kind !== 'var') return false;
  const [num, den] = [e.left.name, e.right.name];
  if (!metricOf(policy, num) || !metricOf(policy, den)) return false;
  if (metrics[den] === undefined || metrics[den] === 0) {
    const whole = metricOf(policy, num)!.unit === 'count';
    metrics[den] = [1000, 10000, 100000].find((y) => !whole || Number.isInteger(tidy(value * y))) ?? 1000;
  }
  metrics[num] = tidy(value * metrics[den]!);
  return true;
}

export function buildProbes(policy: CompiledPolicy): Probe[] {
  const conditions = recordConditions(policy);
  const isMetricId = (f: string) => !!metricOf(policy, f) || policy.derived.some((d) => d.id === f);
  const conditionFacts = [...new Set(conditions.flatMap((c) => leavesOf<ConditionLeaf>(c).map((l) => l.fact)))].filter(
    isMetricId,
  );
  // a tier on a metric (GMV) that no indicator scores is still a value employees differ in: without
  // it as a dimension no search would reach the band, and a cliff there would pass unseen
  const tierBasis =
    policy.tiers && policy.tiers.basis !== 'attainment' && isMetricId(policy.tiers.basis)
      ? policy.tiers.basis
      : undefined;
  const formulaMetrics = payoutFormulaMetrics(policy);
  const probes: Probe[] = [];
  for (const role of Object.values(policy.roles))
    for (const stage of Object.keys(policy.stages)) {
      const leaves = activeLeaves(role.byStage[stage] ?? []);
      const indicatorMetrics = [...new Set(leaves.map((l) => l.metric))];
      const isRaw = (id: string) => metricOf(policy, id) !== undefined;
      const typical: Record<string, number> = {};
      // raw indicator metrics, raw condition metrics, then derived ones (their denominators are set by then)
      const set = (id: string, v: number) => setMetric(policy, typical, id, v);
      const falseSide = (f: string) => {
        const side = metricOf(policy, f)?.default ?? conditionValues(conditions, f)[0]?.falseSide ?? 0;
        const range = dataRange(policy, f);
        // `videos > 0` is false at 0, not at -1, which no export holds
        return range ? Math.min(Math.max(side, range[0]), range[1]) : side;
      };
      for (const m of indicatorMetrics.filter(isRaw)) set(m, typicalOf(leaves.find((l) => l.metric === m)!));
      for (const f of conditionFacts.filter(isRaw)) if (typical[f] === undefined) set(f, falseSide(f));
      for (const m of indicatorMetrics.filter((x) => !isRaw(x))) set(m, typicalOf(leaves.find((l) => l.metric === m)!));
      for (const f of conditionFacts.filter((x) => !isRaw(x))) set(f, falseSide(f));
      for (const m of role.requiredMetrics)
        if (typical[m] === undefined) typical[m] = metricOf(policy, m)?.default ?? 0;

      const dimensions = [...new Set([...indicatorMetrics, ...conditionFacts, ...(tierBasis ? [tierBasis] : [])])];
      const candidates: Record<string, number[]> = {};
      // a metric only a payout formula reads (`+ max(0, refunds - gmv / 10)`) is a value employees
      // differ in too: held at its default, no search would see the pay fall where it matters
      for (const m of formulaMetrics)
        if (!dimensions.includes(m)) {
          dimensions.push(m);
          const first = dimValue(policy, typical, m);
          candidates[m] = [...new Set([first, ...formulaCandidates(policy, m)])];
        }
      for (const dim of dimensions) {
        if (candidates[dim]) continue;
        const step = stepOf(policy, dim);
        const points = [
          ...leaves.filter((l) => l.metric === dim).flatMap((l) => breakpointsOf(l)),
          ...conditionValues(conditions, dim).map((c) => c.value),
          ...formulaComparisons(policy, dim),
          ...(dim === tierBasis ? policy.tiers!.bands.map((b) => b.min) : []),
        ];
        const range = dataRange(policy, dim);
        const values = [0, ...points.flatMap((p) => [p - step, p, p + step]), ...(range ?? []).filter(Number.isFinite)]
          .map(tidy)
          .filter((v) => !range || (v >= range[0] && v <= range[1]));
        const first = dimValue(policy, typical, dim);
        candidates[dim] = [...new Set([first, ...values.sort((a, b) => a - b)])];
      }
      probes.push({ role: role.id, stage, leaves, dimensions, typical, candidates });
    }
  return probes;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/**
 * The numbers the payout formulas and derived metrics compare metric `id` with: `(gmv == 250000) *
 * 5000` pays at exactly 250000, so the search tries it (and a step either side) as it does a rule's.
 */
function formulaComparisons(policy: CompiledPolicy, id: string): number[] {
  const { payout } = policy.doc;
  const texts = [
    payout.performance_pay,
    payout.cap,
    payout.awards_cap,
    ...Object.values(policy.doc.derived ?? {}).map((d) => (typeof d === 'string' ? d : d.expr)),
  ].filter((t): t is string => typeof t === 'string');
  const out: number[] = [];
  const walk = (e: Expr) => {
    if (e.kind === 'binary') {
      if (COMPARISONS.has(e.op)) {
        const [a, b] = [e.left, e.right];
        if (a.kind === 'var' && a.name === id && b.kind === 'num') out.push(b.value);
        if (b.kind === 'var' && b.name === id && a.kind === 'num') out.push(a.value);
      }
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'unary') walk(e.arg);
    else if (e.kind === 'cond') [e.test, e.then, e.else].forEach(walk);
    else if (e.kind === 'call') e.args.forEach(walk);
  };
  for (const text of texts) {
    const parsed = parseExpression(text);
    if (parsed.ok) walk(parsed.expr);
  }
  return out;
}

/** The raw metrics the payout formulas read (performance pay, the caps), directly or through derived metrics. */
function payoutFormulaMetrics(policy: CompiledPolicy): string[] {
  const { payout } = policy.doc;
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (metricOf(policy, id)) out.add(id);
    const d = policy.derived.find((x) => x.id === id);
    if (d) for (const v of variablesOf(d.expr)) visit(v);
  };
  for (const text of [payout.performance_pay, payout.cap, payout.awards_cap]) {
    if (typeof text !== 'string') continue;
    const parsed = parseExpression(text);
    if (parsed.ok) for (const v of variablesOf(parsed.expr)) visit(v);
  }
  return [...out];
}

/** The value of a dimension in a set of raw metrics (a derived one computed). */
export function dimValue(policy: CompiledPolicy, metrics: Record<string, number>, id: string): number {
  if (metricOf(policy, id)) return metrics[id] ?? 0;
  const facts: Record<string, unknown> = { ...metrics };
  for (const d of policy.derived) facts[d.id] = d.run(facts) ?? d.default;
  return tidy(Number(facts[id] ?? 0));
}

/** A metric or derived value in a sentence: money as the product writes it (¥1,500,000.00), else the number. */
export function dimText(policy: CompiledPolicy, id: string, value: number): string {
  return unitOf(policy, id) === 'money' ? formatAmount(value) : String(value);
}

/** The probe's record with these raw metrics. */
export function recordOf(policy: CompiledPolicy, probe: Probe, metrics: Record<string, number>, n = 1): EmployeeRecord {
  return {
    employee_id: `V${n}`,
    name: `V${n}`,
    role: probe.role,
    team: probe.team ?? '',
    stage: probe.stage,
    period: policy.doc.effective_from ?? '2026-01',
    metrics: { ...metrics },
  };
}

/**
 * The record at level `t` from 0 (every indicator at its worst) to 1 (every indicator at its
 * best), other metrics typical: scores rise along it when the indicators are monotone.
 */
export function levelMetrics(policy: CompiledPolicy, probe: Probe, t: number): Record<string, number> {
  const metrics = { ...probe.typical };
  for (const leaf of probe.leaves) {
    const bps = breakpointsOf(leaf);
    const range = metricOf(policy, leaf.metric)?.range;
    const spread = Math.max(bps[bps.length - 1]! - bps[0]!, Math.abs(bps[0]!) * 0.5, stepOf(policy, leaf.metric));
    let lo = bps[0]! - spread * 0.5;
    let hi = bps[bps.length - 1]! + spread * 0.1;
    if (range) [lo, hi] = [Math.max(lo, range[0]), Math.min(hi, range[1])];
    else if (lo < 0 && bps[0]! >= 0) lo = 0;
    const x = leaf.better === 'lower' ? hi - t * (hi - lo) : lo + t * (hi - lo);
    // a count is whole in every export (data_fractional_count refuses 101.25 videos)
    setMetric(policy, metrics, leaf.metric, metricOf(policy, leaf.metric)?.unit === 'count' ? Math.round(x) : x);
  }
  return metrics;
}

/**
 * Values worth trying for a metric that is no dimension of a probe — no indicator scores it and no
 * rule compares it, but a formula reads it (`performance_pay: … + min(gmv, 200000) * 0.01`): the
 * numbers the payout formulas and derived metrics write, one step below and above each, and the
 * powers of ten, within what a data file can hold. A declared property on such a metric is then
 * searched, not passed on no employee at all.
 */
export function formulaCandidates(policy: CompiledPolicy, id: string): number[] {
  const { payout } = policy.doc;
  const texts = [
    payout.performance_pay,
    payout.cap,
    payout.awards_cap,
    ...Object.values(policy.doc.derived ?? {}).map((d) => (typeof d === 'string' ? d : d.expr)),
  ].filter((t): t is string => typeof t === 'string');
  const numbers = texts.flatMap((t) => (t.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
  const step = stepOf(policy, id);
  const range = dataRange(policy, id);
  const powers = Array.from({ length: 19 }, (_, k) => 10 ** (k - 9));
  const positive = [0, ...powers, ...numbers.flatMap((n) => [n - step, n, n + step])];
  // money, a rating or seconds without a range may be below 0 in an export (a month's loss): the
  // same values below 0 too, where `score * profit` pays less as the score rises
  const values = range ? positive : [...positive, ...positive.map((v) => -v)];
  return [...new Set(values.map(tidy).filter((v) => (range ? v >= range[0] && v <= range[1] : true)))].sort(
    (a, b) => a - b,
  );
}
