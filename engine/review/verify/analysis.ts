// Exact reasoning about a policy, without evaluating anyone: which way each formula moves with a
// variable (sign analysis over the expression tree), the range of points an indicator can give
// (its piecewise-linear segments, evaluated at every breakpoint), the range of the score, and
// whether a condition can hold at all (interval arithmetic over its comparisons). Every answer
// is either exact or `unknown`; `unknown` sends the caller to directed search.

import type { CompiledIndicator, CompiledLeaf, CompiledPolicy } from '../../language/compile.js';
import type { ConditionLeaf } from '../../language/conditions.js';
import { isFactRef } from '../../language/conditions.js';
import type { Expr } from '../../language/expression.js';
import { pointsFor } from '../../evaluation/score.js';
import type { ConditionDef, MetricDef } from '../../model/policy.js';
import { metricOf } from './own.js';

/** How a quantity moves when a variable grows: up (weakly), down (weakly), not at all, or not known. */
export type Direction = 'inc' | 'dec' | 'const' | 'unknown';

export const flip = (d: Direction): Direction => (d === 'inc' ? 'dec' : d === 'dec' ? 'inc' : d);

/** The direction of a sum of parts that each move in their own direction. */
export function combine(parts: Direction[]): Direction {
  let out: Direction = 'const';
  for (const p of parts) {
    if (p === 'const') continue;
    if (p === 'unknown') return 'unknown';
    if (out === 'const') out = p;
    else if (out !== p) return 'unknown';
  }
  return out;
}

type Sign = 'nonneg' | 'pos' | 'nonpos' | 'any';

/**
 * The variables known never to be negative (counts and ratios, which the data layer refuses below 0;
 * the pay base; scores; metrics whose declared range starts at 0 or above); `pos` ones are above zero. Money,
 * ratings and other metrics without a range may be negative in the data (a month's profit of
 * −¥15,000): `score * profit` then falls as the score rises.
 */
export interface SignFacts {
  sign(name: string): Sign;
}

function signOf(e: Expr, facts: SignFacts): Sign {
  switch (e.kind) {
    case 'num':
      return e.value > 0 ? 'pos' : e.value === 0 ? 'nonneg' : 'nonpos';
    case 'var':
      return facts.sign(e.name);
    case 'binary': {
      const l = signOf(e.left, facts);
      const r = signOf(e.right, facts);
      const nonneg = (s: Sign) => s === 'nonneg' || s === 'pos';
      if (e.op === '+' && nonneg(l) && nonneg(r)) return l === 'pos' || r === 'pos' ? 'pos' : 'nonneg';
      if ((e.op === '*' || e.op === '/') && nonneg(l) && nonneg(r))
        return l === 'pos' && r === 'pos' ? 'pos' : 'nonneg';
      return 'any';
    }
    case 'call': {
      const signs = e.args.map((a) => signOf(a, facts));
      if (e.fn === 'abs') return 'nonneg';
      if (signs.every((s) => s === 'pos')) return 'pos';
      if (signs.every((s) => s === 'pos' || s === 'nonneg')) return 'nonneg';
      return 'any';
    }
    default:
      return 'any';
  }
}

/** Which way `e` moves as `name` grows, everything else fixed. */
export function directionIn(e: Expr, name: string, facts: SignFacts): Direction {
  switch (e.kind) {
    case 'num':
      return 'const';
    case 'var':
      return e.name === name ? 'inc' : 'const';
    case 'unary':
      if (e.op === '-') return flip(directionIn(e.arg, name, facts));
      if (e.op === '+') return directionIn(e.arg, name, facts);
      return mentions(e, name) ? 'unknown' : 'const';
    case 'call':
      if (e.fn === 'abs') return mentions(e, name) ? 'unknown' : 'const';
      // min, max, round, floor, ceil are weakly increasing in each argument
      return combine(
        e.fn === 'round' ? [directionIn(e.args[0]!, name, facts)] : e.args.map((a) => directionIn(a, name, facts)),
      );
    case 'binary': {
      const l = directionIn(e.left, name, facts);
      const r = directionIn(e.right, name, facts);
      if (l === 'const' && r === 'const') return 'const';
      const ls = signOf(e.left, facts);
      const rs = signOf(e.right, facts);
      const nonneg = (s: Sign) => s === 'nonneg' || s === 'pos';
      switch (e.op) {
        case '+':
          return combine([l, r]);
        case '-':
          return combine([l, flip(r)]);
        case '*': {
          // a product of non-negative factors that each move the same way moves that way
          const byLeft = l === 'const' ? 'const' : nonneg(rs) ? l : rs === 'nonpos' ? flip(l) : 'unknown';
          const byRight = r === 'const' ? 'const' : nonneg(ls) ? r : ls === 'nonpos' ? flip(r) : 'unknown';
          return combine([byLeft, byRight]);
        }
        case '/': {
          // a fixed denominator: above zero it keeps the numerator's direction; at zero the
          // quotient is undefined whatever the numerator (the derived metric's default applies)
          if (r === 'const' && nonneg(rs)) return l;
          if (r === 'const' && rs === 'nonpos') return flip(l);
          // a non-negative numerator over a growing positive denominator falls
          if (rs === 'pos' && nonneg(ls)) return combine([l, flip(r)]);
          return 'unknown';
        }
        default:
          return 'unknown';
      }
    }
    case 'cond':
      return mentions(e, name) ? 'unknown' : 'const';
  }
}

function mentions(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'num':
      return false;
    case 'var':
      return e.name === name;
    case 'unary':
      return mentions(e.arg, name);
    case 'binary':
      return mentions(e.left, name) || mentions(e.right, name);
    case 'cond':
      return mentions(e.test, name) || mentions(e.then, name) || mentions(e.else, name);
    case 'call':
      return e.args.some((a) => mentions(a, name));
  }
}

/** Sign facts of a policy: the payout's built-ins, and metrics by their unit or declared range. */
export function policySigns(policy: CompiledPolicy): SignFacts {
  return {
    sign(name) {
      if (name === 'pay_base' || name === 'score' || name === 'base_score' || name === 'attainment') return 'nonneg';
      const m: MetricDef | undefined = metricOf(policy, name);
      if (m?.range) return m.range[0] > 0 ? 'pos' : m.range[0] >= 0 ? 'nonneg' : 'any';
      // the data layer refuses a count below 0, and a ratio outside 0 … 1 (probes.ts, dataRange)
      if (m?.unit === 'count' || m?.unit === 'ratio') return 'nonneg';
      const d = policy.derived.find((x) => x.id === name);
      if (d) return signOf(d.expr, this) === 'any' ? 'any' : 'nonneg';
      return 'any';
    },
  };
}

/** The values where an indicator's points can change slope or jump: its own thresholds. */
export function breakpointsOf(leaf: CompiledLeaf): number[] {
  const out: number[] = [];
  for (const v of [leaf.threshold, leaf.target, leaf.challenge]) if (v !== undefined) out.push(v);
  for (const s of leaf.steps ?? []) {
    if (s.min !== undefined) out.push(s.min);
    if (s.max !== undefined) out.push(s.max);
  }
  if (leaf.scoring === 'linear' && leaf.target !== undefined) {
    // where the line reaches the cap (the last segment continues past the challenge)
    const { target, threshold, challenge } = leaf;
    if (challenge !== undefined) out.push(challenge + ((leaf.cap - 120) / 20) * (challenge - target));
    else if (threshold !== undefined) out.push(target + ((leaf.cap - 100) / 40) * (target - threshold));
    else out.push(target === 0 ? 0 : (target * leaf.cap) / 100);
  }
  if (leaf.scoring === 'rating' && leaf.ratingMax !== undefined)
    out.push(leaf.ratingMax, (leaf.ratingMax * leaf.cap) / 100);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** A tiny step below `v` that still lies on the segment left of it. */
export function justBelow(v: number): number {
  return v - Math.max(1e-9, Math.abs(v) * 1e-9);
}

/**
 * Whether an indicator's points rise (`inc`) or fall with its metric, by its segments: between
 * breakpoints the points are linear or constant, so comparing the points at each breakpoint, just
 * below it, and past both ends decides it exactly. `at` is the first place where they go the other
 * way, for a counterexample.
 */
export function leafDirection(leaf: CompiledLeaf): { direction: Direction; at?: [number, number] } {
  const bps = breakpointsOf(leaf);
  const span = Math.max(1, ...bps.map(Math.abs));
  const xs = [bps[0]! - span, ...bps.flatMap((b) => [justBelow(b), b]), bps[bps.length - 1]! + span];
  if (leaf.scoring === 'rating') xs.unshift(-span, 0);
  xs.sort((a, b) => a - b);
  let up = false;
  let down: [number, number] | undefined;
  let upAt: [number, number] | undefined;
  for (let i = 1; i < xs.length; i++) {
    const a = pointsFor(leaf, xs[i - 1]!);
    const b = pointsFor(leaf, xs[i]!);
    if (b > a + 1e-9) {
      up = true;
      upAt ??= [xs[i - 1]!, xs[i]!];
    } else if (b < a - 1e-9) down ??= [xs[i - 1]!, xs[i]!];
  }
  if (up && down) return { direction: 'unknown', at: leaf.better === 'higher' ? down : upAt };
  return { direction: up ? 'inc' : down ? 'dec' : 'const' };
}

/** The least and most points an indicator can give, over the metric's declared range when it has one. */
export function leafPointRange(leaf: CompiledLeaf, range?: [number, number]): [number, number] {
  const bps = breakpointsOf(leaf);
  const span = Math.max(1, ...bps.map(Math.abs)) * 4;
  let xs = [bps[0]! - span, ...bps.flatMap((b) => [justBelow(b), b]), bps[bps.length - 1]! + span];
  if (leaf.scoring === 'rating') xs.push(0);
  // an end a condition leaves open (`gmv < 100000` on a metric without a range) is no value to try
  if (range) xs = [...xs.filter((x) => x >= range[0] && x <= range[1]), ...range.filter(Number.isFinite)];
  const ps = xs.map((x) => pointsFor(leaf, x));
  return [Math.min(...ps), Math.max(...ps)];
}

/** The values a metric (or derived metric) can take: its declared range, unless `rangeOf` narrows it. */
export type RangeOf = (metric: string) => [number, number] | undefined;

/** The range of a role's base score in a stage (weighted points of every indicator). */
export function baseScoreRange(
  policy: CompiledPolicy,
  nodes: CompiledIndicator[],
  rangeOf: RangeOf = (m) => metricOf(policy, m)?.range,
): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const n of nodes) {
    if (n.weight <= 0) continue;
    const [a, b] = n.children
      ? baseScoreRange(policy, n.children, rangeOf)
      : leafPointRange(n.leaf!, rangeOf(n.leaf!.metric));
    lo += (a * n.weight) / 100;
    hi += (b * n.weight) / 100;
  }
  return [lo, hi];
}

/** The range of the final score: base score, plus the most and least adjustment points, capped, never below 0. */
export function scoreRange(policy: CompiledPolicy, nodes: CompiledIndicator[], rangeOf?: RangeOf): [number, number] {
  const [lo, hi] = baseScoreRange(policy, nodes, rangeOf);
  let plus = 0;
  let minus = 0;
  for (const a of Object.values(policy.adjustments)) {
    const p = a.points ?? 0;
    // a per-unit amount moves the score by up to its max (unbounded without one), one way
    const [down, up] =
      typeof p === 'number'
        ? [Math.min(p, 0), Math.max(p, 0)]
        : p.amount >= 0
          ? [0, p.max ?? Number.POSITIVE_INFINITY]
          : [-(p.max ?? Number.POSITIVE_INFINITY), 0];
    plus += up;
    minus += down;
  }
  let top = hi + plus;
  if (policy.scoreMax !== undefined) top = Math.min(top, policy.scoreMax);
  return [Math.max(0, Math.min(lo + minus, top)), Math.max(0, top)];
}

/** A numeric interval with open or closed ends. */
interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

const FULL: Interval = { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };

function leafInterval(leaf: ConditionLeaf): Interval | undefined {
  if (typeof leaf.value !== 'number' || leaf.params || leaf.path) return undefined;
  const v = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return { lo: v, hi: v, loOpen: false, hiOpen: false };
    case 'lessThan':
      return { ...FULL, hi: v, hiOpen: true };
    case 'lessThanInclusive':
      return { ...FULL, hi: v, hiOpen: false };
    case 'greaterThan':
      return { ...FULL, lo: v, loOpen: true };
    case 'greaterThanInclusive':
      return { ...FULL, lo: v, loOpen: false };
    default:
      return undefined;
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen),
    hiOpen: (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen),
  };
}

const empty = (i: Interval) => i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));

/** What is known about a fact's values before any condition: a numeric range or a set of strings. */
export type Domain = { range?: [number, number]; values?: readonly (string | undefined)[] };

/**
 * Whether a condition can never hold, given the domains of the facts it reads: `never` is a proof
 * (the comparisons of one `all` contradict each other or their fact's domain), `maybe` says
 * nothing. Comparisons on facts with `params` or on other facts' values are not reasoned about.
 */
export function canHold(c: ConditionDef, domain: (fact: string) => Domain | undefined): 'never' | 'maybe' {
  if ('all' in c) {
    const byFact = new Map<string, Interval>();
    for (const part of c.all) {
      if (canHold(part, domain) === 'never') return 'never';
      if (!('fact' in part) || isFactRef(part.value)) continue;
      const i = leafInterval(part);
      if (!i) continue;
      byFact.set(part.fact, intersect(byFact.get(part.fact) ?? FULL, i));
      if (empty(byFact.get(part.fact)!)) return 'never';
    }
    for (const [fact, i] of byFact) {
      const r = domain(fact)?.range;
      if (r && empty(intersect(i, { lo: r[0], hi: r[1], loOpen: false, hiOpen: false }))) return 'never';
    }
    return 'maybe';
  }
  if ('any' in c) return c.any.every((x) => canHold(x, domain) === 'never') ? 'never' : 'maybe';
  if ('not' in c) return 'maybe';
  const leaf = c as ConditionLeaf;
  if (leaf.params || leaf.path || isFactRef(leaf.value)) return 'maybe';
  const d = domain(leaf.fact);
  if (!d) return 'maybe';
  if (d.values) {
    const vals = d.values;
    if (leaf.operator === 'equal') return vals.includes(leaf.value as string) ? 'maybe' : 'never';
    if (leaf.operator === 'in' && Array.isArray(leaf.value))
      return leaf.value.some((v) => vals.includes(v as string)) ? 'maybe' : 'never';
    if (leaf.operator === 'notEqual') return vals.some((v) => v !== leaf.value) ? 'maybe' : 'never';
    return 'maybe';
  }
  const i = leafInterval(leaf);
  if (i && d.range && empty(intersect(i, { lo: d.range[0], hi: d.range[1], loOpen: false, hiOpen: false })))
    return 'never';
  return 'maybe';
}

/**
 * Which way a condition's truth moves as `fact` grows: `inc` when it can only turn from false to
 * true (`fact ≥ 5`), `dec` when only from true to false; `const` when it does not read the fact.
 */
export function conditionDirection(c: ConditionDef, fact: (name: string) => Direction): Direction {
  if ('all' in c) return combine(c.all.map((x) => conditionDirection(x, fact)));
  if ('any' in c) return combine(c.any.map((x) => conditionDirection(x, fact)));
  if ('not' in c) return flip(conditionDirection(c.not, fact));
  const leaf = c as ConditionLeaf;
  const d = fact(leaf.fact);
  if (isFactRef(leaf.value)) return d === 'const' && fact(String(leaf.value.fact)) === 'const' ? 'const' : 'unknown';
  if (d === 'const') return 'const';
  if (d === 'unknown') return 'unknown';
  const up =
    leaf.operator === 'greaterThan' || leaf.operator === 'greaterThanInclusive'
      ? 'inc'
      : leaf.operator === 'lessThan' || leaf.operator === 'lessThanInclusive'
        ? 'dec'
        : 'unknown';
  return up === 'unknown' ? 'unknown' : d === 'inc' ? up : flip(up);
}

/**
 * The interval each fact is held to by the comparisons a condition always needs: those of its
 * `all`s, down to the leaves (an `any` or a `not` needs none of its parts for sure, so it narrows
 * nothing). Comparisons with `params`, a `path` or another fact are left out.
 */
export function requiredIntervals(c: ConditionDef): Map<string, Interval> {
  const out = new Map<string, Interval>();
  const visit = (x: ConditionDef) => {
    if ('all' in x) {
      for (const part of x.all) visit(part);
      return;
    }
    if ('any' in x || 'not' in x) return;
    const leaf = x as ConditionLeaf;
    if (isFactRef(leaf.value)) return;
    const i = leafInterval(leaf);
    if (i) out.set(leaf.fact, intersect(out.get(leaf.fact) ?? FULL, i));
  };
  visit(c);
  return out;
}

/**
 * The range of the final score of a role in a stage among the employees condition `c` selects:
 * each indicator's metric held to the interval the condition's comparisons on it leave (within
 * its declared range), an open end by the value just inside it (`rating < 50`: the points of
 * 49.999…). Undefined when the condition leaves a metric no value.
 */
export function scoreRangeUnder(
  policy: CompiledPolicy,
  nodes: CompiledIndicator[],
  c: ConditionDef,
): [number, number] | undefined {
  const held = requiredIntervals(c);
  let none = false;
  const rangeOf: RangeOf = (m) => {
    const declared = metricOf(policy, m)?.range;
    const i = held.get(m);
    if (!i) return declared;
    const r = declared ? intersect(i, { lo: declared[0], hi: declared[1], loOpen: false, hiOpen: false }) : i;
    if (empty(r)) none = true;
    // an open end is not reached: the points just inside it (`rating < 50`: those of 49.999…)
    return [r.loOpen ? r.lo + Math.max(1e-9, Math.abs(r.lo) * 1e-9) : r.lo, r.hiOpen ? justBelow(r.hi) : r.hi];
  };
  const range = scoreRange(policy, nodes, rangeOf);
  return none ? undefined : range;
}

const within = (i: Interval, j: Interval) =>
  empty(i) ||
  ((i.lo > j.lo || (i.lo === j.lo && (i.loOpen || !j.loOpen))) &&
    (i.hi < j.hi || (i.hi === j.hi && (i.hiOpen || !j.hiOpen))));

/** The text values a comparison admits (`equal`, `in`), or undefined when it is no such list. */
function admitted(leaf: ConditionLeaf): unknown[] | undefined {
  if (leaf.params || leaf.path || isFactRef(leaf.value)) return undefined;
  if (leaf.operator === 'equal') return [leaf.value];
  if (leaf.operator === 'in' && Array.isArray(leaf.value)) return leaf.value;
  return undefined;
}

/** The leaves a condition always needs: those of its `all`s, not inside an `any` or a `not`. */
function requiredLeaves(c: ConditionDef): ConditionLeaf[] {
  if ('all' in c) return c.all.flatMap(requiredLeaves);
  if ('any' in c || 'not' in c) return [];
  return [c as ConditionLeaf];
}

const leafKey = (l: ConditionLeaf) => JSON.stringify([l.fact, l.operator, l.value, l.params ?? null, l.path ?? null]);

/**
 * Whether condition `a` holding proves `b` holds, from their comparisons on the same facts:
 * `rating < 40` implies `rating < 50` (the interval `a` leaves the fact, within its domain, lies in
 * the one `b` asks), `stage equal mature` implies `stage in [ growth, mature ]`, and a comparison
 * `a` repeats word for word implies itself. True is a proof; false says nothing.
 */
export function implies(a: ConditionDef, b: ConditionDef, domain: (fact: string) => Domain | undefined): boolean {
  if ('all' in b) return b.all.every((part) => implies(a, part, domain));
  if ('any' in a) return a.any.every((branch) => implies(branch, b, domain));
  if ('any' in b) return b.any.some((part) => implies(a, part, domain));
  const mine = requiredLeaves(a);
  if ('not' in b) return false;
  const leaf = b as ConditionLeaf;
  if (mine.some((l) => leafKey(l) === leafKey(leaf))) return true;
  if (leaf.params || leaf.path || isFactRef(leaf.value)) return false;
  const want = leafInterval(leaf);
  if (want) {
    const r = domain(leaf.fact)?.range;
    let held: Interval = r ? { lo: r[0], hi: r[1], loOpen: false, hiOpen: false } : FULL;
    for (const l of mine)
      if (l.fact === leaf.fact && !l.params && !l.path && !isFactRef(l.value)) {
        const i = leafInterval(l);
        if (i) held = intersect(held, i);
      }
    return within(held, want);
  }
  const wanted = admitted(leaf);
  const refused =
    !leaf.params && !leaf.path && !isFactRef(leaf.value)
      ? leaf.operator === 'notEqual'
        ? [leaf.value]
        : leaf.operator === 'notIn' && Array.isArray(leaf.value)
          ? leaf.value
          : undefined
      : undefined;
  if (!wanted && !refused) return false;
  // the values `a` lets the fact take: each `equal` / `in` it needs narrows them
  let values: unknown[] | undefined = domain(leaf.fact)?.values as unknown[] | undefined;
  for (const l of mine)
    if (l.fact === leaf.fact) {
      const v = admitted(l);
      if (v) values = values ? values.filter((x) => v.includes(x)) : v;
    }
  if (!values) return false;
  return wanted ? values.every((v) => wanted.includes(v)) : values.every((v) => !refused!.includes(v));
}
