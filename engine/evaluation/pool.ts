// Bonus pools (奖金池): a pool per team, stage, role or for everyone, funded with a fixed amount or
// a share of a metric's sum (2 % of the team's GMV), split among the eligible people in proportion
// to a weight (score × pay base). The rules, as docs/policy-language.md ("pools") states them:
//
// 1. Eligible: scored in the period, in the pool's group (and roles), grade not below `min_grade`,
//    pay not held (unless `exclude_held: false`), weight above 0. Everyone else is listed with why.
// 2. Shares: each eligible person's share is weight × one common rate, raised to `min_share` or
//    lowered to `max_share` where it would cross them; the rate is the one at which the shares add
//    up to the pool. (Equivalently: those the bounds bind get the bound, and the rest of the pool is
//    split among the others in proportion to their weights — repeated until no bound is crossed.)
// 3. When the pool cannot give every eligible person the minimum (people × min_share > pool), the
//    minimum is dropped for that pool and a warning says so. When every eligible person is at the
//    maximum and money is left (people × max_share < pool), or nobody is eligible, the rest stays
//    unallocated, is reported, and a warning says so.
// 4. Rounding to the fen (or to the policy's unit, `payout.rounding.to`: whole jiao or yuan): every
//    share is rounded down to the unit, and the units left over go one each to the largest
//    remainders, ties to the smaller employee id (code-point order). Bounds are taken to the unit (a
//    minimum up, a maximum down), and the part of the pool below one unit stays unallocated. So the
//    shares plus the unallocated amount add up to the pool exactly, and the same data always gives
//    the same fen.
//
// Pure: no clock, no I/O. Money is integer fen.

import { compileExpression, parseExpression, type CompiledExpr } from '../language/expression.js';
import type { CompiledPolicy } from '../language/compile.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { capToFen, formatFen, roundScore, roundUnits } from '../model/money.js';
import type { PoolDef } from '../model/policy.js';
import type { EmployeeRecord } from '../model/record.js';
import type { Scorecard } from '../model/scorecard.js';

// ── the allocation, on its own ───────────────────────────────────────────────────────────────────

export interface Claimant {
  id: string;
  /** Above 0. */
  weight: number;
}

export interface AllocationOptions {
  /** Integer fen; default 0. */
  minFen?: number;
  /** Integer fen; default no maximum. */
  maxFen?: number;
  /**
   * The policy's rounding unit in fen (`payout.rounding.to`: 1 fen, 10 a jiao, 100 a yuan); default
   * 1. Every share is a whole number of units: a minimum is raised to the unit, a maximum lowered to
   * it, and the part of the free money below one unit stays unallocated.
   */
  unitFen?: number;
}

export interface Allocation {
  /** Integer fen per claimant id, adding up (with `unallocatedFen`) to the pool exactly. */
  shares: Map<string, number>;
  /**
   * The exact (unrounded) share per claimant id; for a claimant set to a bound, what the weight
   * alone would give (pool × weight / every weight), which the statement shows beside the bound.
   */
  exact: Map<string, number>;
  /** Which bound a claimant's share was set to, if any. */
  bound: Map<string, 'min' | 'max'>;
  /** The pool less the bound shares: what the free claimants split in proportion to their weights. */
  freeFen: number;
  /** The free claimants' weights added up. */
  freeWeight: number;
  unallocatedFen: number;
  /** The minimum could not be given to everyone and was dropped. */
  minDropped: boolean;
}

/**
 * Splits `poolFen` (integer fen ≥ 0) among the claimants in proportion to their weights, within
 * the bounds, to the fen (the rules at the top of this file).
 */
export function allocate(poolFen: number, claimants: readonly Claimant[], options: AllocationOptions = {}): Allocation {
  const n = claimants.length;
  const out: Allocation = {
    shares: new Map(),
    exact: new Map(),
    bound: new Map(),
    freeFen: 0,
    freeWeight: 0,
    unallocatedFen: 0,
    minDropped: false,
  };
  if (n === 0) {
    out.unallocatedFen = poolFen;
    return out;
  }
  const unit = options.unitFen ?? 1;
  let min = Math.ceil((options.minFen ?? 0) / unit) * unit;
  const max = options.maxFen === undefined ? Number.POSITIVE_INFINITY : Math.floor(options.maxFen / unit) * unit;
  // a minimum above the maximum once both are taken to the unit (¥5.01 and ¥5.99 in whole yuan:
  // ¥6 and ¥5) cannot hold with it: the maximum is kept (never exceeded), the minimum dropped
  if (min > 0 && (n * min > poolFen || min > max)) {
    min = 0;
    out.minDropped = true;
  }
  const totalWeight = claimants.reduce((s, c) => s + c.weight, 0);
  const byWeight = (c: Claimant) => (poolFen * c.weight) / totalWeight;
  if (n * max <= poolFen) {
    // everyone at the maximum; what is left stays in the pool
    for (const c of claimants) {
      out.shares.set(c.id, max);
      out.exact.set(c.id, byWeight(c));
      out.bound.set(c.id, 'max');
    }
    out.unallocatedFen = poolFen - n * max;
    return out;
  }
  if (n * min === poolFen) {
    for (const c of claimants) {
      out.shares.set(c.id, min);
      out.exact.set(c.id, min > 0 ? byWeight(c) : min);
      if (min > 0) out.bound.set(c.id, 'min');
    }
    return out;
  }
  const rate = commonRate(poolFen, claimants, min, max);
  // the bound shares are whole fen (bounds are); the free ones split the rest by weight
  const free: Claimant[] = [];
  let freeFen = poolFen;
  for (const c of claimants) {
    const x = rate * c.weight;
    if (x < min) {
      out.bound.set(c.id, 'min');
      out.shares.set(c.id, min);
      out.exact.set(c.id, byWeight(c));
      freeFen -= min;
    } else if (x > max) {
      out.bound.set(c.id, 'max');
      out.shares.set(c.id, max);
      out.exact.set(c.id, byWeight(c));
      freeFen -= max;
    } else free.push(c);
  }
  const freeWeight = free.reduce((s, c) => s + c.weight, 0);
  // whole units only: what is below one unit is not shared out (the pool never pays more than it holds)
  const sharedFen = Math.floor(freeFen / unit) * unit;
  out.unallocatedFen = freeFen - sharedFen;
  out.freeFen = sharedFen;
  out.freeWeight = freeWeight;
  const exact = free.map((c) => (sharedFen * c.weight) / freeWeight);
  const units = largestRemainder(
    sharedFen / unit,
    free.map((c) => c.id),
    exact.map((x) => x / unit),
  );
  free.forEach((c, i) => {
    out.exact.set(c.id, exact[i]!);
    out.shares.set(c.id, units[i]! * unit);
  });
  return out;
}

/**
 * The rate r at which Σ clamp(r × weight, min, max) = pool: the sum is continuous and
 * non-decreasing in r, linear between the points where someone reaches a bound, so the segment that
 * holds the pool is found among those points and r solved on it. Needs n × min < pool < n × max.
 */
function commonRate(poolFen: number, claimants: readonly Claimant[], min: number, max: number): number {
  const sumAt = (r: number) => {
    let s = 0;
    for (const c of claimants) s += Math.min(max, Math.max(min, r * c.weight));
    return s;
  };
  const points = new Set<number>();
  for (const c of claimants) {
    if (min > 0) points.add(min / c.weight);
    if (Number.isFinite(max)) points.add(max / c.weight);
  }
  const sorted = [0, ...[...points].sort((a, b) => a - b)];
  // the last point whose sum is still at most the pool
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sumAt(sorted[mid]!) <= poolFen) lo = mid;
    else hi = mid - 1;
  }
  const r0 = sorted[lo]!;
  // on the segment from r0 the free claimants (strictly between the bounds just above r0) grow linearly
  const next = sorted[lo + 1] ?? r0 * 2 + 1;
  const probe = (r0 + next) / 2;
  let boundSum = 0;
  let freeWeight = 0;
  for (const c of claimants) {
    const x = probe * c.weight;
    if (x <= min) boundSum += min;
    else if (x >= max) boundSum += max;
    else freeWeight += c.weight;
  }
  return freeWeight > 0 ? (poolFen - boundSum) / freeWeight : r0;
}

/**
 * Whole fen for exact amounts that add up to `totalFen`: each rounded down, then one more fen to
 * each of the largest remainders until the total is reached, ties to the smaller id. The result
 * adds up to `totalFen` exactly, whatever binary noise the exact amounts carry.
 */
export function largestRemainder(totalFen: number, ids: readonly string[], exact: readonly number[]): number[] {
  const n = ids.length;
  if (n === 0) return [];
  const fen = exact.map((x) => Math.floor(roundUnits(x * 1e6, 'half_up') / 1e6));
  // remainders compared to 1e-9 fen, so noise does not break a tie the data means
  const rest = exact.map((x, i) => Math.round((x - fen[i]!) * 1e9));
  const order = ids.map((_, i) => i).sort((a, b) => rest[b]! - rest[a]! || compareIds(ids[a]!, ids[b]!));
  let left = totalFen - fen.reduce((s, f) => s + f, 0);
  for (let k = 0; left !== 0; k = (k + 1) % n) {
    // more than n fen (noise cannot cause it, but be exact whatever happens): go round again
    const i = left > 0 ? order[k]! : order[n - 1 - k]!;
    fen[i]! += left > 0 ? 1 : -1;
    left += left > 0 ? -1 : 1;
  }
  return fen;
}

/** Employee ids in code-point order (not locale order: the same on every machine). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ── pools of a policy, on a period's scorecards ─────────────────────────────────────────────────

export type PoolExclusion = 'held' | 'below_grade' | 'zero_weight' | 'role';

/** One employee's place in one pool instance: a share, or why none. */
export interface PoolShare {
  pool: string;
  title: string;
  /** The team, stage or role the pool instance is for (`all` for one pool). */
  group: string;
  /** A role's or a stage's title (the group is its id). */
  group_title?: string;
  poolFen: number;
  weight: number;
  /** The weight formula as written. */
  weight_text: string;
  shareFen: number;
  /** Unrounded share in fen; for a bound share, what the weight alone would give (pool × weight / every weight). */
  exact_fen: number;
  /** The pool less the bound shares, split by weight among the free claimants… */
  free_fen: number;
  /** …whose weights add up to this. */
  free_weight: number;
  bound?: 'min' | 'max';
  excluded?: PoolExclusion;
}

export interface PoolAllocation {
  pool: string;
  /** The period this instance is for (a run may hold several months). */
  period?: string;
  title: string;
  per: PoolDef['per'];
  group: string;
  /** A role's or a stage's title (the group is its id). */
  group_title?: string;
  poolFen: number;
  /** How the pool was funded: `fixed` or `rate × Σ metric`. */
  fund: { fixed: number } | { metric: string; rate: number; sum: number };
  eligible: number;
  excluded: number;
  allocatedFen: number;
  unallocatedFen: number;
  min_dropped: boolean;
}

interface CompiledPool {
  id: string;
  def: PoolDef;
  weight: CompiledExpr;
  rank?: number;
}

const cache = new WeakMap<CompiledPolicy, CompiledPool[]>();

/** What a pool weight reads of a scored card: the record's metrics and the card's score and pay base. */
function weightInputs(policy: CompiledPolicy, c: Scorecard, record: EmployeeRecord | undefined) {
  return {
    ...record?.metrics,
    score: c.score,
    base_score: c.base_score,
    pay_base: c.payout.pay_base,
    attainment: roundScore(c.score / 100, policy.decimals + 2),
  };
}

/**
 * Why a scored card cannot take part in the pools: the weight of a pool that would count it (its
 * role, its grade, not held) cannot be computed for it (`score / gmv` at no GMV). Such a record is unscorable, as one whose
 * payout formula cannot be computed is (never read as a weight of 0, which would hand its colleagues
 * its share): run.ts leaves it out before calibration, which the weight does not depend on.
 */
export function poolWeightProblem(
  policy: CompiledPolicy,
  c: Scorecard,
  record: EmployeeRecord | undefined,
): Diagnostic | undefined {
  for (const pool of compiledPools(policy)) {
    const { def } = pool;
    // someone the pool leaves out anyway (not its role, below its grade, held) needs no weight
    if (def.roles && !def.roles.includes(c.role)) continue;
    if (pool.rank !== undefined && policy.grades.findIndex((g) => g.grade === c.grade) > pool.rank) continue;
    if (def.exclude_held !== false && c.payout.status === 'held') continue;
    const computed = pool.weight(weightInputs(policy, c, record));
    if (computed !== undefined && !Number.isNaN(computed)) continue;
    return diagnostic(
      'eval_pool_weight_undefined',
      {
        pool: def.title,
        group: shownGroup(policy, def.per, groupOf(c, def.per)),
        weight: def.weight,
        employee: c.employee_id,
      },
      {
        ...(record?.source?.file !== undefined ? { file: record.source.file } : {}),
        ...(record?.source?.row ? { cell: { row: record.source.row } } : {}),
      },
    );
  }
  return undefined;
}

function compiledPools(policy: CompiledPolicy): CompiledPool[] {
  let pools = cache.get(policy);
  if (pools) return pools;
  pools = Object.entries(policy.doc.pools ?? {}).map(([id, def]) => {
    const parsed = parseExpression(def.weight);
    // the checks refused a weight that does not parse; this is a bug guard
    if (!parsed.ok) throw new Error(`pool ${id}: weight does not parse`);
    const rank = def.min_grade === undefined ? undefined : policy.grades.findIndex((g) => g.grade === def.min_grade);
    return { id, def, weight: compileExpression(parsed.expr), ...(rank === undefined ? {} : { rank }) };
  });
  cache.set(policy, pools);
  return pools;
}

function groupOf(card: Scorecard, per: PoolDef['per']): string {
  return per === 'all' ? 'all' : per === 'team' ? card.team : per === 'stage' ? card.stage : card.role;
}

/** A pool instance's group as people read it: a role's or a stage's title (主播, not `host`), a team as written. */
function shownGroup(policy: CompiledPolicy, per: PoolDef['per'], group: string): string {
  const title = per === 'role' ? policy.roles[group]?.title : per === 'stage' ? policy.stages[group]?.title : undefined;
  return title ?? group;
}

/**
 * Splits every pool of the policy among one period's scorecards: adds a `pool_share` payout line
 * to each share (after the caps, which do not cut a share, so the pool is paid exactly), sets
 * `card.pools`, and returns the pool instances and warnings. `records` gives the metrics a funding
 * share or a weight names, by employee id.
 */
export function applyPools(
  policy: CompiledPolicy,
  cards: Scorecard[],
  records: ReadonlyMap<string, EmployeeRecord>,
): { pools: PoolAllocation[]; warnings: Diagnostic[] } {
  const pools: PoolAllocation[] = [];
  const warnings: Diagnostic[] = [];
  const { to } = policy.payout.rounding;
  for (const pool of compiledPools(policy)) {
    const { def } = pool;
    const groups = new Map<string, Scorecard[]>();
    for (const c of cards) {
      // a pool per role is made for the roles that take part only: a 运营 pool of a hosts-only
      // pool would be money nobody can take, reported unallocated every month
      if (def.per === 'role' && def.roles && !def.roles.includes(c.role)) continue;
      const g = groupOf(c, def.per);
      const list = groups.get(g);
      if (list) list.push(c);
      else groups.set(g, [c]);
    }
    for (const [group, members] of groups) {
      let poolFen: number;
      let fund: PoolAllocation['fund'];
      if ('fixed' in def.fund) {
        poolFen = capToFen(def.fund.fixed, 0.01);
        fund = { fixed: def.fund.fixed };
      } else {
        const { metric, rate } = def.fund.share_of;
        let sum = 0;
        for (const c of members) sum += records.get(c.employee_id)?.metrics[metric] ?? 0;
        // toward zero, to the policy's unit: a pool never holds more than its share; a sum below 0
        // (returns above sales) funds nothing rather than a negative pool nobody could be paid from
        poolFen = Math.max(0, capToFen(sum * rate, to));
        fund = { metric, rate, sum };
      }
      const claimants: Claimant[] = [];
      const why = new Map<string, { weight: number; excluded?: PoolExclusion }>();
      for (const c of members) {
        const record = records.get(c.employee_id);
        // run.ts left out every record whose weight cannot be computed (poolWeightProblem)
        const computed = pool.weight(weightInputs(policy, c, record));
        const weight = computed ?? 0;
        const rank = policy.grades.findIndex((g) => g.grade === c.grade);
        const excluded: PoolExclusion | undefined =
          def.roles && !def.roles.includes(c.role)
            ? 'role'
            : pool.rank !== undefined && rank > pool.rank
              ? 'below_grade'
              : def.exclude_held !== false && c.payout.status === 'held'
                ? 'held'
                : !(weight > 0)
                  ? 'zero_weight'
                  : undefined;
        why.set(c.employee_id, excluded ? { weight, excluded } : { weight });
        if (!excluded) claimants.push({ id: c.employee_id, weight });
      }
      const minFen = def.min_share === undefined ? undefined : capToFen(def.min_share, 0.01);
      const maxFen = def.max_share === undefined ? undefined : capToFen(def.max_share, 0.01);
      const a = allocate(poolFen, claimants, {
        ...(minFen === undefined ? {} : { minFen }),
        ...(maxFen === undefined ? {} : { maxFen }),
        unitFen: Math.round(to * 100),
      });
      const shown = shownGroup(policy, def.per, group);
      const titled = shown === group ? {} : { group_title: shown };
      const args = { pool: def.title, group: shown, amount: formatFen(poolFen) };
      const unitFen = Math.round(to * 100);
      // the bounds as the unit takes them: a minimum raised, a maximum lowered
      const minUnit = minFen === undefined ? 0 : Math.ceil(minFen / unitFen) * unitFen;
      const maxUnit = maxFen === undefined ? Number.POSITIVE_INFINITY : Math.floor(maxFen / unitFen) * unitFen;
      if (a.minDropped)
        warnings.push(
          minUnit > maxUnit
            ? diagnostic(
                'eval_pool_min_dropped.above_max',
                { ...args, min: formatFen(minUnit), max: formatFen(maxUnit), unit: formatFen(unitFen) },
                { severity: 'warning', file: policy.file },
              )
            : diagnostic(
                'eval_pool_min_dropped',
                { ...args, people: claimants.length, min: formatFen(minFen ?? 0) },
                { severity: 'warning', file: policy.file },
              ),
        );
      if (a.unallocatedFen > 0) {
        // why the rest is left: nobody takes part, everyone is at the maximum share (lowered to the
        // unit), or it is less than one rounding unit (a fixed ¥1,000.50 shared in whole yuan)
        const atMax = maxFen !== undefined && claimants.every((c) => (a.shares.get(c.id) ?? 0) + unitFen > maxFen);
        warnings.push(
          !claimants.length
            ? diagnostic(
                'eval_pool_unallocated.nobody',
                { ...args, rest: formatFen(a.unallocatedFen) },
                { severity: 'warning', file: policy.file },
              )
            : atMax
              ? diagnostic(
                  'eval_pool_unallocated',
                  { ...args, rest: formatFen(a.unallocatedFen) },
                  { severity: 'warning', file: policy.file },
                )
              : diagnostic(
                  'eval_pool_unallocated.below_unit',
                  { ...args, rest: formatFen(a.unallocatedFen), unit: formatFen(unitFen) },
                  { severity: 'warning', file: policy.file },
                ),
        );
      }
      let allocatedFen = 0;
      for (const c of members) {
        const w = why.get(c.employee_id)!;
        const shareFen = a.shares.get(c.employee_id) ?? 0;
        allocatedFen += shareFen;
        const share: PoolShare = {
          pool: pool.id,
          title: def.title,
          group,
          ...titled,
          poolFen,
          weight: w.weight,
          weight_text: def.weight,
          shareFen,
          exact_fen: a.exact.get(c.employee_id) ?? 0,
          free_fen: a.freeFen,
          free_weight: a.freeWeight,
          ...(a.bound.has(c.employee_id) ? { bound: a.bound.get(c.employee_id)! } : {}),
          ...(w.excluded ? { excluded: w.excluded } : {}),
        };
        (c.pools ??= []).push(share);
        if (!w.excluded) {
          c.payout.lines.push({ kind: 'pool_share', source: pool.id, label: def.title, amountFen: shareFen });
          c.payout.totalFen += shareFen;
        }
      }
      pools.push({
        pool: pool.id,
        title: def.title,
        per: def.per,
        group,
        ...titled,
        poolFen,
        fund,
        eligible: claimants.length,
        excluded: members.length - claimants.length,
        allocatedFen,
        unallocatedFen: a.unallocatedFen,
        min_dropped: a.minDropped,
      });
    }
  }
  return { pools, warnings };
}
