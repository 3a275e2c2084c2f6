// The properties every policy is checked for: pay and score never fall as an indicator's metric
// improves; every grade, tier, adjustment, hold and trigger can be reached; no rule is dead or
// without effect; nobody is paid above the cap. Exact reasoning first, engine-evaluated
// employees (an example, or a search) where it cannot decide.

import type { CompiledPolicy } from '../../language/compile.js';
import type { ConditionLeaf } from '../../language/conditions.js';
import { leavesOf } from '../../language/conditions.js';
import { parseExpression, variablesOf } from '../../language/expression.js';
import { diagnostic } from '../../model/diagnostic.js';
import { capToFen, formatFen, formatMoney, fenToYuan } from '../../model/money.js';
import type { ConditionDef } from '../../model/policy.js';
import type { Scorecard } from '../../model/scorecard.js';
import { formatValue } from '../../explanation/explain.js';
import {
  canHold,
  combine,
  conditionDirection,
  directionIn,
  flip,
  implies,
  leafDirection,
  policySigns,
  scoreRange,
  scoreRangeUnder,
  type Direction,
  type Domain,
} from './analysis.js';
import { outcomeOf, type CounterCase } from './counterexample.js';
import { dataRange, dimText, dimValue, levelMetrics, recordOf, setMetric, tidy, unitOf, type Probe } from './probes.js';
import { contexts, evaluate, find, type Sample } from './search.js';
import { tierCrossings } from './crossings.js';
import { allocate, applyPools } from '../../evaluation/pool.js';
import { fallsInPool, poolShareFen } from './pools.js';
import type { Context, Verdict } from './verdict.js';
import { metricOf } from './own.js';

const KIND = {
  grade: { en: 'grade', zh: '等级' },
  tier: { en: 'tier', zh: '档位' },
  adjustment: { en: 'adjustment', zh: '加减分规则' },
  hold: { en: 'hold', zh: '暂扣规则' },
  trigger: { en: 'trigger', zh: '触发规则' },
} as const;

/** Every employee of the level sweeps: each probe from its worst record to its best. */
export function sweep(ctx: Context, steps = 40): Sample[] {
  const out: Sample[] = [];
  for (const probe of ctx.probes)
    for (let i = 0; i <= steps; i++) {
      const record = recordOf(ctx.policy, probe, levelMetrics(ctx.policy, probe, i / steps));
      const card = evaluate(ctx.policy, record);
      if (card) out.push({ record, history: [], card });
    }
  return out;
}

const labelOf = (policy: CompiledPolicy, id: string) =>
  metricOf(policy, id)?.label ?? policy.derived.find((d) => d.id === id)?.label ?? id;

/** The formula a derived metric is written as (`min(gmv, 500000) - max(0, gmv - 500000)`). */
function formulaOf(policy: CompiledPolicy, id: string): string {
  const d = Object.hasOwn(policy.doc.derived ?? {}, id) ? policy.doc.derived![id] : undefined;
  return typeof d === 'string' ? d : (d?.expr ?? id);
}

/**
 * The first indicator metric the search cannot move: a derived metric that is not `a / b`,
 * `a + b`, `a - b` of a metric (the one setMetric moves through its first input), in some role
 * and stage. What a search did not reach may lie beyond it.
 */
function unmovedMetric(ctx: Context): { metric: string; text: string } | undefined {
  for (const probe of ctx.probes)
    for (const node of walk(ctx.policy.roles[probe.role]!.byStage[probe.stage]!)) {
      const id = node.leaf!.metric;
      const trial = { ...probe.typical };
      if (!setMetric(ctx.policy, trial, id, dimValue(ctx.policy, probe.typical, id) + 1))
        return { metric: labelOf(ctx.policy, id), text: formulaOf(ctx.policy, id) };
    }
  return undefined;
}

/** A reachability verdict for one grade, tier or rule: disproved, shown by an example, or searched in vain. */
function reach(
  ctx: Context,
  samples: Sample[],
  subject: (string | number)[],
  kind: keyof typeof KIND,
  name: string,
  hit: (s: Sample) => boolean,
  never: { en: string; zh: string } | undefined,
  best: () => CounterCase | undefined,
  streaks: readonly number[] = [],
): Verdict {
  const property = kind === 'grade' || kind === 'tier' ? 'reachable' : 'live_rule';
  const code = kind === 'grade' || kind === 'tier' ? 'verify_unreachable' : 'verify_dead_rule';
  if (never) {
    const c = best();
    const confirmed = c
      ? !hit({ record: c.record, history: c.history ?? [], card: evaluate(ctx.policy, c.record, c.history)! })
      : undefined;
    return {
      property,
      subject,
      holds: false,
      basis: 'proved',
      cases: c ? 1 : 0,
      diagnostic: diagnostic(code, { kind: KIND[kind], name, reason: never }, ctx.place(subject)),
      ...(c ? { counterexample: [c], confirmed } : {}),
    };
  }
  const seen = samples.find(hit);
  if (seen) return { property, subject, holds: true, basis: 'example', cases: samples.indexOf(seen) + 1 };
  // history facts (two C in a row): the sweeps' employees again, with their own grade before — one
  // and two periods, and as many as the rule's `consecutive_grade` asks (13 A+ in a row: 12 before)
  let tried = 0;
  if (kind === 'trigger') {
    const distinct = new Map(samples.map((s) => [`${s.record.role}\u0000${s.record.stage}\u0000${s.card.grade}`, s]));
    const lengths = [...new Set([1, 2, ...streaks])];
    for (const s of distinct.values())
      for (const history of lengths.map((n) => Array<string>(n).fill(s.card.grade))) {
        const card = evaluate(ctx.policy, s.record, history);
        tried++;
        if (card && hit({ record: s.record, history, card }))
          return { property, subject, holds: true, basis: 'example', cases: samples.length + tried };
      }
  }
  const found = find(ctx.policy, ctx.probes, hit, ctx.runs, false);
  if (found.sample) return { property, subject, holds: true, basis: 'example', cases: samples.length + found.cases };
  const count = samples.length + found.cases;
  // a search that could not move an indicator's metric says little about what lies beyond it
  const unmoved = unmovedMetric(ctx);
  return {
    property,
    subject,
    holds: undefined,
    basis: 'searched',
    cases: count,
    diagnostic: unmoved
      ? diagnostic(
          'verify_not_reached.unmoved',
          { kind: KIND[kind], name, count, ...unmoved },
          ctx.place(subject, 'warning'),
        )
      : diagnostic('verify_not_reached', { kind: KIND[kind], name, count }, ctx.place(subject, 'warning')),
  };
}

/** The best-scoring employee of the sweeps, as the case that shows an unreachable grade or tier. */
function bestCase(
  samples: Sample[],
  expect: CounterCase['expect'],
  name: { en: string; zh: string },
): CounterCase | undefined {
  const top = samples.reduce<Sample | undefined>((a, s) => (!a || s.card.score > a.card.score ? s : a), undefined);
  if (!top) return undefined;
  return {
    name: name.en,
    record: top.record,
    expect,
    note: `the engine gives score ${top.card.score}, grade ${top.card.grade}: the highest of every employee tried`,
    zh: {
      name: name.zh,
      note: `引擎给出得分 ${top.card.score}、等级 ${top.card.grade}：所有尝试过的员工中最高`,
    },
  };
}

export function reachability(ctx: Context, samples: Sample[]): Verdict[] {
  const { policy } = ctx;
  const out: Verdict[] = [];
  const ranges = ctx.probes.map((p) => scoreRange(policy, policy.roles[p.role]!.byStage[p.stage]!));
  const hi = Math.max(0, ...ranges.map((r) => r[1]));
  const lo = Math.min(...ranges.map((r) => r[0]));
  const grades = [...policy.grades].sort((a, b) => b.min - a.min);
  const capped = new Set(Object.values(policy.adjustments).flatMap((a) => (a.grade_cap ? [a.grade_cap] : [])));
  const gradeOk = new Set<string>();
  grades.forEach((g, i) => {
    const upper = i === 0 ? Infinity : grades[i - 1]!.min;
    const anyProbe = ranges.some(([a, b]) => b >= g.min && a < upper);
    const never =
      !anyProbe && !capped.has(g.grade)
        ? hi < g.min
          ? { en: `the highest score any employee can get is ${tidy(hi)}`, zh: `任何员工最高只能得 ${tidy(hi)} 分` }
          : { en: `every employee scores at least ${tidy(lo)}`, zh: `任何员工至少得 ${tidy(lo)} 分` }
        : undefined;
    const v = reach(
      ctx,
      samples,
      ['grades', policy.grades.indexOf(g)],
      'grade',
      g.grade,
      (s) => s.card.grade === g.grade,
      never,
      () =>
        bestCase(
          samples,
          { grade: g.grade },
          { en: `verify: grade ${g.grade} is reachable`, zh: `verify：等级 ${g.grade} 可以达到` },
        ),
    );
    if (v.holds !== false) gradeOk.add(g.grade);
    out.push(v);
  });
  const bands = policy.tiers ? [...policy.tiers.bands].sort((a, b) => b.min - a.min) : [];
  bands.forEach((b, i) => {
    const upper = i === 0 ? Infinity : bands[i - 1]!.min;
    const attainment = policy.tiers!.basis === 'attainment';
    const never =
      attainment && !ranges.some(([x, y]) => y / 100 >= b.min && x / 100 < upper)
        ? {
            en: `attainment (score / 100) is at most ${tidy(hi / 100)}, below ${b.min}`,
            zh: `达成率（得分 / 100）最高为 ${tidy(hi / 100)}，低于 ${b.min}`,
          }
        : undefined;
    out.push(
      reach(
        ctx,
        samples,
        ['payout', 'tiers', 'bands', policy.tiers!.bands.indexOf(b)],
        'tier',
        b.tier,
        (s) => s.card.payout.tier?.id === b.tier,
        never,
        () =>
          bestCase(
            samples,
            { tier: b.tier },
            { en: `verify: tier ${b.tier} is reachable`, zh: `verify：档位 ${b.tier} 可以达到` },
          ),
      ),
    );
  });
  return out.concat(rules(ctx, samples, { hi, lo, grades: [...gradeOk] }));
}

/** What is known of each fact before any condition: metric ranges, the score's range, the grades and tiers that can be reached. */
function domains(
  ctx: Context,
  known: { hi: number; lo: number; grades: string[] },
): (fact: string) => Domain | undefined {
  const { policy } = ctx;
  return (fact) => {
    const range = dataRange(policy, fact);
    if (range) return { range };
    if (fact === 'score' || fact === 'base_score') return { range: [0, known.hi] };
    if (fact === 'attainment') return { range: [0, known.hi / 100] };
    if (fact === 'grade' || fact === 'raw_grade') return { values: known.grades };
    if (fact === 'tier') return { values: [...(policy.tiers?.bands.map((b) => b.tier) ?? []), undefined] };
    if (fact === 'role') return { values: Object.keys(policy.roles) };
    if (fact === 'stage') return { values: Object.keys(policy.stages) };
    return undefined;
  };
}

function rules(ctx: Context, samples: Sample[], known: { hi: number; lo: number; grades: string[] }): Verdict[] {
  const { policy } = ctx;
  const domain = domains(ctx, known);
  const out: Verdict[] = [];
  const contradiction = {
    en: 'its comparisons contradict each other or the values the facts can take',
    zh: '它的各项比较相互矛盾，或超出了这些数据可能的取值',
  };
  const sections = [
    [
      'adjustments',
      'adjustment',
      policy.adjustments,
      (s: Sample, id: string) => s.card.adjustments.some((a) => a.id === id),
    ],
    ['holds', 'hold', policy.holds, (s: Sample, id: string) => s.card.holds.some((h) => h.id === id)],
    ['triggers', 'trigger', policy.triggers, (s: Sample, id: string) => s.card.triggers.some((t) => t.id === id)],
  ] as const;
  for (const [section, kind, entries, fired] of sections)
    for (const [id, rule] of Object.entries(entries)) {
      const never = canHold(rule.when, domain) === 'never' ? contradiction : undefined;
      // the typical employee, evaluated only for the case that shows a dead rule
      const typical = (): Sample | undefined => {
        const first = ctx.probes[0];
        const record = first && recordOf(policy, first, first.typical);
        const card = record && evaluate(policy, record);
        return record && card ? { record, history: [], card } : undefined;
      };
      out.push(
        reach(
          ctx,
          samples,
          [section, id, 'when'],
          kind,
          id,
          (s) => fired(s, id),
          never,
          () => {
            const t = typical();
            return t && firedCase(ctx, t, kind, id);
          },
          streaksOf(rule.when),
        ),
      );
    }
  const live = new Set(
    out.filter((v) => v.subject[0] === 'adjustments' && v.holds === true).map((v) => String(v.subject[1])),
  );
  return out.concat(shadowed(ctx, samples, known, domain, live));
}

/** The periods before this one a `consecutive_grade` comparison asks for (≥ 13 in a row: 12 and 13), at most 120. */
function streaksOf(when: ConditionDef): number[] {
  const out: number[] = [];
  for (const leaf of leavesOf<ConditionLeaf>(when))
    if (leaf.fact === 'consecutive_grade' && typeof leaf.value === 'number' && leaf.value > 2) {
      const n = Math.ceil(leaf.value);
      for (const k of [n - 1, n]) if (k <= 120) out.push(k);
    }
  return out;
}

/**
 * The two values of a monotone counterexample as the data writes them (45.3 %, ¥1,000.00), or as
 * plain numbers when that shows them equal (0.11251 and 0.1125 are both 11.25 %).
 */
function fromTo(a: number, b: number, unit: Parameters<typeof formatValue>[1]): { from: string; to: string } {
  const [from, to] = [formatValue(a, unit, 'en'), formatValue(b, unit, 'en')];
  return from === to ? { from: String(tidy(a)), to: String(tidy(b)) } : { from, to };
}

/** The typical employee as a case that expects a dead rule to fire: what its firing would give. */
function firedCase(
  ctx: Context,
  s: Sample,
  kind: 'adjustment' | 'hold' | 'trigger',
  id: string,
): CounterCase | undefined {
  const name = `verify: ${kind} ${id} can fire`;
  const zh = { name: `verify：${KIND[kind].zh} ${id} 可以触发` };
  if (kind === 'hold') return { name, record: s.record, expect: { holds: [id] }, zh };
  if (kind === 'trigger') return { name, record: s.record, expect: { triggers: [id] }, zh };
  const a = ctx.policy.adjustments[id]!;
  const now = outcomeOf(s.card);
  // a per-unit amount depends on the record's count: the case only says the rule can fire
  if (typeof a.points === 'number' && a.points)
    return { name, record: s.record, expect: { score: tidy(now.score! + a.points) }, zh };
  if (typeof a.award === 'number' && a.award)
    return { name, record: s.record, expect: { payout: tidy(now.payout! + a.award) }, zh };
  if (a.grade_cap !== undefined) return { name, record: s.record, expect: { grade: a.grade_cap }, zh };
  if (a.score_cap !== undefined)
    return { name, record: s.record, expect: { score: Math.min(now.score!, a.score_cap) }, zh };
  return undefined;
}

/**
 * Every veto's `effective_rule` verdict: proved idle (a cap no score under its condition reaches),
 * proved shadowed (another veto fires whenever it does — its condition implies the other's, by
 * their comparisons on the same facts — and caps at least as hard), or shown effective by an
 * employee the engine evaluated whose result it changes; failing all three, undecided, saying how
 * many employees were searched and which veto, if any, outdid it in every one of them.
 */
function shadowed(
  ctx: Context,
  samples: Sample[],
  known: { hi: number },
  domain: (fact: string) => Domain | undefined,
  live: Set<string>,
): Verdict[] {
  const { policy } = ctx;
  const out: Verdict[] = [];
  const grades = [...policy.grades].sort((a, b) => b.min - a.min);
  const top = grades[0]?.grade;
  const rank = (g: string) => policy.grades.findIndex((x) => x.grade === g);
  // a score as the engine rounds it (the points of a rating just below 50 are written as 92)
  const shown = (x: number) => tidy(Number(x.toFixed(policy.decimals)));
  const vetoes = Object.entries(policy.adjustments).filter(
    ([, a]) => !a.points && !a.award && (a.score_cap !== undefined || a.grade_cap !== undefined),
  );
  type Veto = (typeof vetoes)[number][1];
  // b caps at least as hard as a: a score cap no higher, a grade cap no better
  const harder = (b: Veto, a: Veto) =>
    (a.score_cap === undefined || (b.score_cap !== undefined && b.score_cap <= a.score_cap)) &&
    (a.grade_cap === undefined || (b.grade_cap !== undefined && rank(b.grade_cap) >= rank(a.grade_cap)));
  for (const [id, a] of vetoes) {
    const subject = ['adjustments', id];
    // the best score among the employees its own condition selects (`rating < 50`: the rating's
    // points at most those of 50), in any role and stage
    const under = ctx.probes.map((p) => scoreRangeUnder(policy, policy.roles[p.role]!.byStage[p.stage]!, a.when));
    const hi = Math.min(known.hi, Math.max(0, ...under.map((r) => r?.[1] ?? 0)));
    // the grade that score gets: a grade cap no worse than it takes nothing away
    const best = grades.find((g) => g.min <= hi)?.grade ?? top;
    const idle =
      (a.score_cap === undefined || a.score_cap >= hi) &&
      (a.grade_cap === undefined || best === undefined || rank(a.grade_cap) <= rank(best));
    let reason: { en: string; zh: string } | undefined;
    if (idle)
      reason =
        hi < known.hi
          ? {
              en: `under its condition the score is at most ${shown(hi)}, which its cap does not cut`,
              zh: `在它的条件下得分最高 ${shown(hi)} 分，它的封顶不起作用`,
            }
          : {
              en: `no employee scores above its cap (the most is ${tidy(known.hi)})`,
              zh: `没有员工的分数超过它的封顶（最高 ${tidy(known.hi)} 分）`,
            };
    // the vetoes that cap at least as hard: one that fires whenever this one does shadows it (of
    // two that shadow each other, the one named later is reported)
    const suspects = vetoes.filter(([other, b]) => other !== id && harder(b, a));
    if (!reason)
      for (const [other, b] of suspects) {
        const mutual = implies(b.when, a.when, domain) && harder(a, b);
        if (implies(a.when, b.when, domain) && (!mutual || other < id)) {
          reason = {
            en: `\`${other}\` fires whenever it does and caps at least as hard`,
            zh: `每当它触发时 \`${other}\` 也触发，且封顶不低于它`,
          };
          break;
        }
      }
    if (reason) {
      out.push({
        property: 'effective_rule',
        subject,
        holds: false,
        basis: 'proved',
        cases: 0,
        diagnostic: diagnostic('verify_shadowed_rule', { kind: KIND.adjustment, name: id, reason }, ctx.place(subject)),
      });
      continue;
    }
    // a rule that never fired in the search is the live_rule verdict's to report
    if (!live.has(id)) continue;
    const changes = (s: Sample) => changedBy(policy, s, id);
    const seen = samples.findIndex(changes);
    if (seen >= 0) {
      out.push({ property: 'effective_rule', subject, holds: true, basis: 'example', cases: seen + 1 });
      continue;
    }
    const found = find(policy, ctx.probes, changes, ctx.runs, false);
    let cases = samples.length + found.cases;
    if (found.sample) {
      out.push({ property: 'effective_rule', subject, holds: true, basis: 'example', cases });
      continue;
    }
    // a harder veto that no employee searched fires this one without: the likely reason, named
    const fired = (s: Sample, rule: string) => s.card.adjustments.some((x) => x.id === rule);
    let suspect: string | undefined;
    for (const [other] of suspects) {
      const alone = find(policy, ctx.probes, (s) => fired(s, id) && !fired(s, other), ctx.runs, false);
      cases += alone.cases;
      if (!alone.sample) {
        suspect = other;
        break;
      }
    }
    out.push({
      property: 'effective_rule',
      subject,
      holds: undefined,
      basis: 'searched',
      cases,
      diagnostic:
        suspect === undefined
          ? diagnostic(
              'verify_shadowed_rule.searched',
              { kind: KIND.adjustment, name: id, count: cases },
              ctx.place(subject, 'warning'),
            )
          : diagnostic(
              'verify_shadowed_rule.searched_by',
              { kind: KIND.adjustment, name: id, count: cases, veto: suspect },
              ctx.place(subject, 'warning'),
            ),
    });
  }
  return out;
}

/**
 * Whether veto `id` changed this employee's result: it fired, and its score cap is below both the
 * score before any cap and every other fired cap, or its grade cap is worse than the grade the
 * score gives and every other fired grade cap.
 */
function changedBy(policy: CompiledPolicy, s: Sample, id: string): boolean {
  const fired = s.card.adjustments;
  const mine = fired.find((x) => x.id === id);
  if (!mine) return false;
  const others = fired.filter((x) => x !== mine);
  const rank = (g: string) => policy.grades.findIndex((x) => x.grade === g);
  if (mine.score_cap !== undefined) {
    let before = s.card.base_score + fired.reduce((t, x) => t + (x.points ?? 0), 0);
    if (policy.scoreMax !== undefined) before = Math.min(before, policy.scoreMax);
    const otherCap = Math.min(...others.flatMap((x) => (x.score_cap === undefined ? [] : [x.score_cap])));
    if (mine.score_cap < Math.min(before, otherCap) - 1e-9) return true;
  }
  if (mine.grade_cap !== undefined) {
    const otherCap = Math.max(-1, ...others.flatMap((x) => (x.grade_cap === undefined ? [] : [rank(x.grade_cap)])));
    if (rank(mine.grade_cap) > Math.max(rank(s.card.raw_grade), otherCap)) return true;
  }
  return false;
}

/**
 * The built-in facts no metric moves: who the employee is, the pay base, and what earlier periods
 * left. Every other built-in fact (the indicator results' points, attainments and counts, a rolling
 * average that takes in this period, the grade) moves with the metrics in ways this analysis does
 * not follow: unknown, so that a rule on one is searched, not proved (an award for
 * `indicators_missed > 0` pays more to the employee who falls short).
 */
const STILL_FACTS = new Set([
  'employee_id',
  'role',
  'team',
  'stage',
  'pay_base',
  'previous_grade',
  'previous_plan',
  'periods_in_role',
  'open_plan',
]);

/** The direction each fact moves as metric `x` grows, through derived metrics. */
function factDirections(policy: CompiledPolicy, x: string): (f: string) => Direction {
  const signs = policySigns(policy);
  const memo = new Map<string, Direction>();
  const dir = (f: string): Direction => {
    if (f === x) return 'inc';
    if (memo.has(f)) return memo.get(f)!;
    const d = policy.derived.find((e) => e.id === f);
    let out: Direction = metricOf(policy, f) || d || STILL_FACTS.has(f) ? 'const' : 'unknown';
    if (d) {
      const moving = variablesOf(d.expr).filter((v) => dir(v) !== 'const');
      if (moving.length === 1) {
        const inner = dir(moving[0]!);
        const outer = directionIn(d.expr, moving[0]!, signs);
        out = inner === 'unknown' || outer === 'unknown' ? 'unknown' : inner === 'inc' ? outer : flip(outer);
      } else if (moving.length > 1) out = 'unknown';
    }
    memo.set(f, out);
    return out;
  };
  return dir;
}

const compose = (outer: Direction, inner: Direction): Direction =>
  inner === 'const' || outer === 'const'
    ? 'const'
    : inner === 'unknown' || outer === 'unknown'
      ? 'unknown'
      : inner === 'inc'
        ? outer
        : flip(outer);

/**
 * Proves that score and pay of one probe move with metric `x` in direction `want`, from the
 * indicators' segments, the adjustments' conditions, the payout formula, the tier bands and caps.
 */
export function proveMonotone(
  policy: CompiledPolicy,
  probe: Probe,
  x: string,
  want: 'inc' | 'dec',
): { score: boolean; pay: boolean } {
  const dir = factDirections(policy, x);
  const signs = policySigns(policy);
  const base = combine(probe.leaves.map((l) => compose(leafDirection(l).direction, dir(l.metric))));
  const facts = (f: string): Direction =>
    f === 'base_score' ? base : f === 'score' || f === 'attainment' ? 'unknown' : dir(f);
  const adjustments = Object.values(policy.adjustments).map((a) => {
    // per-unit points follow their count, which this analysis does not follow: searched, not proved
    if (typeof a.points === 'object') return 'unknown';
    const c = conditionDirection(a.when, facts);
    const good = (a.points ?? 0) > 0;
    const bad = (a.points ?? 0) < 0 || a.score_cap !== undefined;
    return good && bad ? (c === 'const' ? 'const' : 'unknown') : good ? c : bad ? flip(c) : 'const';
  });
  const score = combine([base, ...adjustments]);
  const bands = [...(policy.tiers?.bands ?? [])].sort((a, b) => a.min - b.min);
  let ordered = true;
  let [mult, award] = [1, 0];
  for (const b of bands) {
    if ((b.multiplier ?? 1) < mult || (b.award ?? 0) < award) ordered = false;
    [mult, award] = [b.multiplier ?? 1, b.award ?? 0];
  }
  const basis = !policy.tiers ? 'const' : policy.tiers.basis === 'attainment' ? score : dir(policy.tiers.basis);
  const tier = basis === 'const' ? 'const' : ordered ? basis : 'unknown';
  // a payout formula's direction: performance pay, and the caps, which take the pay (or the
  // adjustment awards) down to them: a cap that falls as the metric improves (`cap: pay_base * 1.2 -
  // gmv / 100`) pays the better employee less once it bites
  const formula = (text: string | number | undefined): Direction => {
    if (text === undefined || typeof text === 'number') return 'const';
    const parsed = parseExpression(text);
    if (!parsed.ok) return 'unknown';
    const expr = parsed.expr;
    return combine(
      variablesOf(expr).map((v) =>
        compose(
          directionIn(expr, v, signs),
          v === 'score' || v === 'attainment' ? score : v === 'base_score' ? base : dir(v),
        ),
      ),
    );
  };
  const perf = formula(policy.payout.performancePayText);
  const caps = [formula(policy.doc.payout.cap), formula(policy.doc.payout.awards_cap)];
  const awards = Object.values(policy.adjustments).map((a) =>
    typeof a.award === 'object' ? 'unknown' : a.award ? conditionDirection(a.when, facts) : 'const',
  );
  // a grade cap that switches on as the metric improves takes the grade down, and with it a place
  // in a pool with a `min_grade`
  const gradeCaps = Object.values(policy.adjustments).map((a) =>
    a.grade_cap === undefined ? 'const' : flip(conditionDirection(a.when, facts)),
  );
  // a pool share moves with the employee's weight (the pool × weight / every weight) and, for a
  // share of a metric's sum, with the pool: a weight that falls as the metric improves pays less
  // beside a colleague, which no single evaluation shows (pools.ts)
  const pools = Object.values(policy.doc.pools ?? {})
    .filter((p) => (!p.roles || p.roles.includes(probe.role)) && (!('fixed' in p.fund) || p.fund.fixed > 0))
    .map((p) => {
      const w = parseExpression(p.weight);
      if (!w.ok) return 'unknown';
      const weight = combine(
        variablesOf(w.expr).map((v) =>
          compose(
            directionIn(w.expr, v, signs),
            v === 'score' || v === 'attainment'
              ? score
              : v === 'base_score'
                ? base
                : v === 'pay_base'
                  ? 'const'
                  : dir(v),
          ),
        ),
      );
      // a hold keeps its employee out of the pool (unless `exclude_held: false`): one that fires as
      // the metric improves takes the share away
      const held =
        p.exclude_held === false ? [] : Object.values(policy.holds).map((h) => flip(conditionDirection(h.when, facts)));
      // `min_grade`: the grade, and with it the place in the pool, follows the score
      const graded = p.min_grade === undefined ? 'const' : combine([score, ...gradeCaps]);
      const fund = 'share_of' in p.fund ? dir(p.fund.share_of.metric) : 'const';
      // a `min_share` applies only once the pool can give it to everyone: a fund that moves with
      // the metric switches it on or off, and money moves between participants of unequal weights
      // (poolShareFalls); a constant weight gives everyone the same share either way
      if (fund !== 'const' && (p.min_share ?? 0) > 0 && variablesOf(w.expr).length > 0) return 'unknown';
      return combine([weight, fund, graded, ...held]);
    });
  const pay = combine([perf, tier, ...awards, ...pools, ...caps]);
  const ok = (d: Direction) => d === 'const' || d === want;
  return { score: ok(score), pay: ok(pay) };
}

/** How a pool share can fall as the metric improves, with the pool alone split to show it (poolShareFalls). */
export interface PoolShareFalls {
  /** `min`: a `min_share` switched on or off; `fen`: the largest remainders of a growing pool. */
  kind: 'min' | 'fen';
  args: {
    pool: string;
    fund: string;
    unit: string;
    min_share: string;
    pool_below: string;
    pool_at: string;
    share_first: string;
    share_second: string;
  };
}

/**
 * A pool the role takes part in that is a share of a metric moving with `x`, split by a weight
 * that can differ between people, is not monotone in `x` for everyone, and no employee evaluated
 * alone, nor beside a colleague like them (equal weights), shows it:
 * - `min`: with a `min_share`, the minimum applies only once the pool can give it to everyone
 *   (people × min_share, pool.ts), so a pool that `x` carries across that amount moves money
 *   between the people weighted above the others and the rest. Shown on two people weighted 3 : 1,
 *   the pool one unit below 2 × min_share and at it.
 * - `fen`: the shares are rounded by the largest remainders, and a pool one unit larger can move
 *   the unit left over away from someone (the Alabama paradox of apportionment: three people or
 *   more). Shown on weights 3 : 3 : 1 and a pool of 700,003 units, then 700,004: the one weighted 1
 *   gets 100,001 units, then 100,000 (quotas 100,000.43 and 100,000.57; the others' 300,001.29 and
 *   300,001.71 take the two units left over from the second pool).
 * Each split is the engine's own allocation (allocate). Undefined when no pool does either.
 */
export function poolShareFalls(policy: CompiledPolicy, role: string, x: string): PoolShareFalls | undefined {
  const dir = factDirections(policy, x);
  const unit = Math.round(policy.payout.rounding.to * 100);
  let fen: PoolShareFalls | undefined;
  for (const p of Object.values(policy.doc.pools ?? {})) {
    if ((p.roles && !p.roles.includes(role)) || !('share_of' in p.fund)) continue;
    if (dir(p.fund.share_of.metric) === 'const') continue;
    const w = parseExpression(p.weight);
    // a constant weight gives everyone the same share, with or without the minimum, at every size
    if (w.ok && variablesOf(w.expr).length === 0) continue;
    const fund = labelOf(policy, p.fund.share_of.metric);
    const minFen = p.min_share === undefined ? 0 : Math.ceil(capToFen(p.min_share, 0.01) / unit) * unit;
    const maxFen = p.max_share === undefined ? undefined : capToFen(p.max_share, 0.01);
    const split = (poolFen: number, weights: number[]) =>
      allocate(
        poolFen,
        weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), weight })),
        { minFen, unitFen: unit, ...(maxFen === undefined ? {} : { maxFen }) },
      ).shares;
    if (minFen > 0) {
      const [below, at] = [split(2 * minFen - unit, [3, 1]), split(2 * minFen, [3, 1])];
      // nothing moves when the maximum holds both at the same share either side
      if (below.get('a') !== at.get('a') || below.get('b') !== at.get('b'))
        return {
          kind: 'min',
          args: {
            pool: p.title,
            fund,
            unit: formatFen(unit),
            min_share: formatFen(minFen),
            pool_below: formatFen(2 * minFen - unit),
            share_first: formatFen(below.get('a')!),
            share_second: formatFen(below.get('b')!),
            pool_at: formatFen(2 * minFen),
          },
        };
    }
    // pools of 7k + 3 and 7k + 4 units: k = 100,000, or one the bounds leave free (the heaviest
    // share, 3k + 2 units, within max_share; the lightest, k units, above min_share)
    const maxUnits = maxFen === undefined ? Number.POSITIVE_INFINITY : Math.floor(maxFen / unit);
    for (const k of [100_000, Math.floor((maxUnits - 2) / 3), minFen / unit + 1, 1]) {
      if (fen || !(k >= 1) || !Number.isFinite(k)) continue;
      const [below, at] = [(7 * k + 3) * unit, (7 * k + 4) * unit];
      const [before, after] = [split(below, [3, 3, 1]), split(at, [3, 3, 1])];
      if (after.get('c')! < before.get('c')!)
        fen = {
          kind: 'fen',
          args: {
            pool: p.title,
            fund,
            unit: formatFen(unit),
            min_share: formatFen(minFen),
            pool_below: formatFen(below),
            pool_at: formatFen(at),
            share_first: formatFen(before.get('c')!),
            share_second: formatFen(after.get('c')!),
          },
        };
    }
  }
  return fen;
}

/** Points of a sweep where score or pay goes the wrong way, as two employees. */
function sweepFor(
  ctx: Context,
  probe: Probe,
  dim: string,
  want: 'inc' | 'dec',
  of: 'payout' | 'score' | 'both',
  base: Record<string, number>,
  keep?: (card: Scorecard) => boolean,
): {
  pair?: [Sample, Sample, 'score' | 'payout'];
  pooled?: { before: Scorecard; after: Scorecard };
  cases: number;
  /** Pairs of employees, both evaluated, compared: 0 when the engine refused all but one or none. */
  compared: number;
} {
  const values = [...new Set([...probe.candidates[dim]!, ...tierCrossings(ctx.policy, probe, dim, base)])].sort(
    (a, b) => (want === 'inc' ? a - b : b - a),
  );
  let prev: Sample | undefined;
  let cases = 0;
  let compared = 0;
  for (const v of values) {
    const metrics = { ...base };
    if (!setMetric(ctx.policy, metrics, dim, v)) return { cases, compared };
    const record = recordOf(ctx.policy, probe, metrics);
    const card = evaluate(ctx.policy, record);
    cases++;
    if (!card || (keep && !keep(card))) continue;
    const s = { record, history: [], card };
    if (prev) {
      compared++;
      if ((of === 'score' || of === 'both') && card.score < prev.card.score)
        return { pair: [prev, s, 'score'], cases, compared };
      if ((of === 'payout' || of === 'both') && card.payout.totalFen < prev.card.payout.totalFen)
        return { pair: [prev, s, 'payout'], cases, compared };
      const pooled = of !== 'score' ? fallsInPool(ctx.policy, prev, s) : undefined;
      if (pooled) return { pair: [prev, s, 'payout'], pooled, cases, compared };
    }
    prev = s;
  }
  return { cases, compared };
}

/** The two employees of a monotonicity counterexample as test cases: the better one must not get less. */
export function monotoneCases(ctx: Context, pair: [Sample, Sample, 'score' | 'payout'], dim: string): CounterCase[] {
  const [a, b, what] = pair;
  const before = outcomeOf(a.card);
  const after = outcomeOf(b.card);
  const va = dimText(ctx.policy, dim, dimValue(ctx.policy, a.record.metrics, dim));
  const vb = dimText(ctx.policy, dim, dimValue(ctx.policy, b.record.metrics, dim));
  return [
    {
      name: `verify: ${dim} = ${va}`,
      record: { ...a.record, employee_id: 'V1' },
      expect: before,
      zh: { name: `verify：${dim} = ${va}` },
    },
    {
      name: `verify: ${dim} = ${vb} gets no less than ${dim} = ${va}`,
      record: { ...b.record, employee_id: 'V2' },
      // the property asks for at least the other employee's result; the engine gives less today
      expect: what === 'score' ? { score: before.score } : { payout: before.payout },
      note: `the engine gives ${what === 'score' ? `score ${after.score}` : `payout ${formatMoney(after.payout!)}`} today`,
      zh: {
        name: `verify：${dim} = ${vb} 不应少于 ${dim} = ${va}`,
        note: `引擎目前给出${what === 'score' ? `得分 ${after.score}` : `应发 ${formatMoney(after.payout!)}`}`,
      },
    },
  ];
}

export function monotonicity(ctx: Context): Verdict[] {
  const { policy } = ctx;
  const out: Verdict[] = [];
  for (const probe of ctx.probes) {
    const role = policy.roles[probe.role]!;
    for (const node of walk(role.byStage[probe.stage]!)) {
      const leaf = node.leaf!;
      const want = leaf.better === 'higher' ? 'inc' : 'dec';
      const subject = [
        'roles',
        probe.role,
        'indicators',
        ...node.path.split('.').flatMap((p, i) => (i ? ['indicators', p] : [p])),
      ];
      // a derived metric is moved through its numerator; one that cannot be set is neither proved
      // nor searched, and the verdict says so
      const trial = { ...probe.typical };
      if (!setMetric(policy, trial, leaf.metric, dimValue(policy, probe.typical, leaf.metric) + 1)) {
        out.push({
          property: 'monotone',
          subject: [...subject, probe.stage],
          holds: undefined,
          basis: 'searched',
          cases: 0,
          diagnostic: diagnostic(
            'verify_monotone_unsearched.derived',
            {
              role: role.title,
              stage: policy.stages[probe.stage]!.title,
              metric: labelOf(policy, leaf.metric),
              text: formulaOf(policy, leaf.metric),
            },
            ctx.place(subject, 'warning'),
          ),
        });
        continue;
      }
      const x = Object.keys(trial).find((k) => trial[k] !== probe.typical[k]) ?? leaf.metric;
      const proof = proveMonotone(policy, probe, x, want);
      const undecided = (basis: 'proved' | 'searched', cases: number, falls: PoolShareFalls): Verdict => ({
        property: 'monotone',
        subject: [...subject, probe.stage],
        holds: undefined,
        basis,
        cases,
        diagnostic: diagnostic(
          falls.kind === 'min' ? 'verify_pool_share_falls' : 'verify_pool_share_falls.fen',
          {
            role: role.title,
            stage: policy.stages[probe.stage]!.title,
            metric: labelOf(policy, leaf.metric),
            ...falls.args,
          },
          ctx.place(subject, 'warning'),
        ),
      });
      if (proof.score && proof.pay) {
        const falls = poolShareFalls(policy, probe.role, x);
        out.push(
          falls
            ? undecided('proved', 0, falls)
            : { property: 'monotone', subject: [...subject, probe.stage], holds: true, basis: 'proved', cases: 0 },
        );
        continue;
      }
      let cases = 0;
      let compared = 0;
      let found: [Sample, Sample, 'score' | 'payout'] | undefined;
      let pooled: { before: Scorecard; after: Scorecard } | undefined;
      for (const base of contexts(policy, probe, leaf.metric, Math.max(2, Math.round(ctx.runs / 10)))) {
        const r = sweepFor(ctx, probe, leaf.metric, want, 'both', base);
        cases += r.cases;
        compared += r.compared;
        if (r.pair) {
          found = r.pair;
          pooled = r.pooled;
          break;
        }
      }
      // the engine refused every employee of every sweep but one or none (a performance pay below 0):
      // nothing was compared, and nothing says the promise holds
      if (!found && compared === 0) {
        out.push({
          property: 'monotone',
          subject: [...subject, probe.stage],
          holds: undefined,
          basis: 'searched',
          cases,
          diagnostic: diagnostic(
            'verify_monotone_unsearched',
            {
              role: role.title,
              stage: policy.stages[probe.stage]!.title,
              metric: labelOf(policy, leaf.metric),
              count: cases,
            },
            ctx.place(subject, 'warning'),
          ),
        });
        continue;
      }
      if (!found) {
        const falls = poolShareFalls(policy, probe.role, x);
        out.push(
          falls
            ? undecided('searched', cases, falls)
            : { property: 'monotone', subject: [...subject, probe.stage], holds: true, basis: 'searched', cases },
        );
        continue;
      }
      const [a, b, what] = found;
      const unit = unitOf(policy, leaf.metric);
      const show = (s: Sample) =>
        what === 'score'
          ? String(s.card.score)
          : formatFen((pooled ? (s === a ? pooled.before : pooled.after) : s.card).payout.totalFen);
      const args = {
        role: role.title,
        stage: policy.stages[probe.stage]!.title,
        metric: labelOf(policy, leaf.metric),
        ...fromTo(
          dimValue(policy, a.record.metrics, leaf.metric),
          dimValue(policy, b.record.metrics, leaf.metric),
          unit,
        ),
        before: show(a),
        after: show(b),
      };
      // a failure only the pools show has no case to paste: a policy test evaluates one record, without the month's pools
      const counter = pooled ? undefined : monotoneCases(ctx, found, leaf.metric);
      const again = counter?.map((c) => evaluate(policy, c.record)!);
      out.push({
        property: 'monotone',
        subject: [...subject, probe.stage],
        holds: false,
        basis: 'searched',
        cases,
        ...(counter && again
          ? {
              counterexample: counter,
              confirmed:
                what === 'score'
                  ? again[1]!.score < again[0]!.score
                  : again[1]!.payout.totalFen < again[0]!.payout.totalFen,
            }
          : {}),
        diagnostic: pooled
          ? diagnostic('verify_not_monotone.pool', { ...poolArgs(policy, pooled), ...args }, ctx.place(subject))
          : diagnostic(
              'verify_not_monotone',
              { of: what === 'score' ? { en: 'the score', zh: '得分' } : { en: 'the pay', zh: '应发' }, ...args },
              ctx.place(subject),
            ),
      });
    }
  }
  return out;
}

/** The pools and the pool share before and after, for a monotone failure that only pools show. */
export function poolArgs(
  policy: CompiledPolicy,
  pooled: { before: Scorecard; after: Scorecard },
): { pools: string; share_before: string; share_after: string } {
  return {
    pools: Object.values(policy.doc.pools ?? {})
      .map((p) => `\`${p.title}\``)
      .join(', '),
    share_before: formatFen(poolShareFen(pooled.before)),
    share_after: formatFen(poolShareFen(pooled.after)),
  };
}

function walk(
  nodes: import('../../language/compile.js').CompiledIndicator[],
): import('../../language/compile.js').CompiledIndicator[] {
  return nodes.flatMap((n) => (n.weight <= 0 ? [] : n.children ? walk(n.children) : [n]));
}

/** Nobody is paid above the cap: the engine caps the total (a proof by construction); the sweeps confirm it. */
export function boundedPay(ctx: Context, samples: Sample[]): Verdict[] {
  const { policy } = ctx;
  const subject = ['payout', 'cap'];
  if (!policy.payout.cap)
    return [
      {
        property: 'bounded_pay',
        subject: ['payout'],
        // without a cap there is nothing to be above: a warning, neither proved nor refuted
        holds: undefined,
        basis: 'proved',
        cases: 0,
        diagnostic: diagnostic('verify_no_cap', {}, ctx.place(['payout'], 'warning')),
      },
    ];
  for (const s of samples) {
    const cap = policy.payout.cap({
      pay_base: s.card.payout.pay_base,
      score: s.card.score,
      base_score: s.card.base_score,
    });
    if (cap !== undefined && fenToYuan(s.card.payout.totalFen) > cap + 1e-9)
      return [
        {
          property: 'bounded_pay',
          subject,
          holds: false,
          basis: 'searched',
          cases: samples.length,
          counterexample: [
            {
              name: 'verify: pay stays under the cap',
              record: s.record,
              expect: { payout: cap },
              zh: { name: 'verify：应发不超过封顶' },
            },
          ],
          confirmed: true,
          diagnostic: diagnostic(
            'verify_over_cap',
            {
              role: policy.roles[s.record.role]!.title,
              stage: policy.stages[s.record.stage]!.title,
              amount: formatFen(s.card.payout.totalFen),
              limit: formatFen(Math.round(cap * 100)),
            },
            ctx.place(subject),
          ),
        },
      ];
  }
  // a pool share is added after the caps (they do not cut it, or the shares would not add up to the
  // pool): the engine's cap bounds pay before the pools only
  const pools = Object.values(policy.doc.pools ?? {}).filter((p) => !('fixed' in p.fund) || p.fund.fixed > 0);
  if (pools.length) return [poolsOverCap(ctx, samples, subject)];
  return [{ property: 'bounded_pay', subject, holds: true, basis: 'proved', cases: 0 }];
}

/**
 * The swept employee paid most above the cap once the pools are shared, each alone in its team,
 * stage and role (so its share is the whole pool, up to `max_share`): a failure naming the share;
 * undecided when no swept employee gets past the cap (a share of a metric's sum depends on the
 * others in the group, whom verify does not see).
 */
function poolsOverCap(ctx: Context, samples: Sample[], subject: (string | number)[]): Verdict {
  const { policy } = ctx;
  let worst: { s: Sample; card: Scorecard; cap: number } | undefined;
  for (const s of samples) {
    const cap = policy.payout.cap!({
      pay_base: s.card.payout.pay_base,
      score: s.card.score,
      base_score: s.card.base_score,
    });
    if (cap === undefined) continue;
    const card = structuredClone(s.card);
    applyPools(policy, [card], new Map([[s.record.employee_id, s.record]]));
    const over = card.payout.totalFen - Math.round(cap * 100);
    if (over > 0 && (!worst || over > worst.card.payout.totalFen - Math.round(worst.cap * 100)))
      worst = { s, card, cap };
  }
  if (!worst)
    return {
      property: 'bounded_pay',
      subject,
      holds: undefined,
      basis: 'searched',
      cases: samples.length,
      diagnostic: diagnostic(
        'verify_over_cap.pools_unsearched',
        { pools: pools(policy) },
        ctx.place(subject, 'warning'),
      ),
    };
  const { s, card, cap } = worst;
  const shares = card.payout.lines.filter((l) => l.kind === 'pool_share' && l.amountFen > 0);
  const shareFen = shares.reduce((a, l) => a + l.amountFen, 0);
  return {
    property: 'bounded_pay',
    subject,
    holds: false,
    basis: 'searched',
    cases: samples.length,
    // no case to paste: a policy test evaluates one record without the month's pools
    diagnostic: diagnostic(
      'verify_over_cap.pool',
      {
        role: policy.roles[s.record.role]!.title,
        stage: policy.stages[s.record.stage]!.title,
        amount: formatFen(card.payout.totalFen),
        limit: formatFen(Math.round(cap * 100)),
        before: formatFen(card.payout.totalFen - shareFen),
        share: formatFen(shareFen),
        pools: shares.map((l) => `\`${l.label}\``).join(', '),
      },
      ctx.place(subject),
    ),
  };
}

/** The titles of the policy's pools, in backticks. */
function pools(policy: CompiledPolicy): string {
  return Object.values(policy.doc.pools ?? {})
    .map((p) => `\`${p.title}\``)
    .join(', ');
}
