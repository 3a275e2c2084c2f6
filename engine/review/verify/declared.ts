// The properties a policy declares under `properties:` — monotone, cliff, always — each limited to
// the employees its `where` condition selects, checked like the built-in ones: a proof where the
// analysis decides, else engine-evaluated employees (sweeps, bisection at a band, a search).

import type { CompiledPolicy } from '../../language/compile.js';
import { factRef, type ConditionLeaf } from '../../language/conditions.js';
import { diagnostic } from '../../model/diagnostic.js';
import { fenToYuan, formatFen, roundScore } from '../../model/money.js';
import type { ConditionDef, PropertyDef } from '../../model/policy.js';
import type { EmployeeRecord } from '../../model/record.js';
import type { Scorecard } from '../../model/scorecard.js';
import { outcomeOf, type CounterCase } from './counterexample.js';
import {
  levelMetrics,
  recordOf,
  setMetric,
  dimText,
  dimValue,
  formulaCandidates,
  stepOf,
  tidy,
  type Probe,
} from './probes.js';
import { contexts, evaluate, find, type Sample } from './search.js';
import { tierCrossings } from './crossings.js';
import { monotoneCases, poolArgs, poolShareFalls, proveMonotone, type PoolShareFalls } from './builtin.js';
import { fallsInPool, hasPool, pooled } from './pools.js';
import type { Context, Verdict } from './verdict.js';
import { metricOf, ownCandidates } from './own.js';

/** The facts a property's conditions see: the record's metrics, the result, and the payout in yuan. */
export function verifyFacts(policy: CompiledPolicy, record: EmployeeRecord, card: Scorecard): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...record.metrics };
  for (const d of policy.derived) facts[d.id] = d.run(facts) ?? d.default;
  const sum = (kind: string) =>
    fenToYuan(card.payout.lines.filter((l) => l.kind === kind).reduce((a, l) => a + l.amountFen, 0));
  return {
    ...facts,
    role: card.role,
    stage: card.stage,
    team: card.team,
    pay_base: card.payout.pay_base,
    base_score: card.base_score,
    score: card.score,
    attainment: roundScore(card.score / 100, policy.decimals + 2), // as the run decides tiers on it
    grade: card.grade,
    raw_grade: card.raw_grade,
    tier: card.payout.tier?.id ?? null,
    held: card.payout.status === 'held',
    payout: fenToYuan(card.payout.totalFen),
    performance_pay: sum('performance_pay'),
    tier_award: sum('tier_award'),
    awards: sum('award'),
  };
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case 'equal':
      return a === b || (a == null && b == null);
    case 'notEqual':
      return !(a === b || (a == null && b == null));
    case 'lessThan':
      return typeof a === 'number' && typeof b === 'number' && a < b;
    case 'lessThanInclusive':
      return typeof a === 'number' && typeof b === 'number' && a <= b;
    case 'greaterThan':
      return typeof a === 'number' && typeof b === 'number' && a > b;
    case 'greaterThanInclusive':
      return typeof a === 'number' && typeof b === 'number' && a >= b;
    case 'in':
      return Array.isArray(b) && b.includes(a);
    case 'notIn':
      return Array.isArray(b) && !b.includes(a);
    case 'contains':
      return Array.isArray(a) && a.includes(b);
    case 'doesNotContain':
      return Array.isArray(a) && !a.includes(b);
    default:
      return false;
  }
}

export function holdsOn(c: ConditionDef | undefined, facts: Record<string, unknown>): boolean {
  if (!c) return true;
  if ('all' in c) return c.all.every((x) => holdsOn(x, facts));
  if ('any' in c) return c.any.some((x) => holdsOn(x, facts));
  if ('not' in c) return !holdsOn(c.not, facts);
  const leaf = c as ConditionLeaf;
  const ref = factRef(leaf.value);
  return compare(leaf.operator, facts[leaf.fact], ref === undefined ? leaf.value : facts[ref]);
}

export function declared(ctx: Context, samples: Sample[]): Verdict[] {
  const out: Verdict[] = [];
  for (const [id, p] of Object.entries(ctx.policy.doc.properties ?? {})) out.push(check(ctx, samples, id, p));
  return out;
}

function check(ctx: Context, samples: Sample[], id: string, p: PropertyDef): Verdict {
  const { policy } = ctx;
  const property = `properties.${id}`;
  // employees the property applied to: with none, whatever the search says, nothing was checked
  let matched = 0;
  const applies = (s: { record: EmployeeRecord; card: Scorecard }) => {
    const yes = holdsOn(p.where, verifyFacts(policy, s.record, s.card));
    if (yes) matched++;
    return yes;
  };
  const fail = (
    subject: (string | number)[],
    reason: { en: string; zh: string },
    counter: CounterCase[] | undefined,
    confirmed: boolean,
    cases: number,
  ): Verdict => ({
    property,
    subject,
    holds: false,
    basis: 'searched',
    cases,
    // no case to paste for a failure only the month's pools show: a policy test evaluates one record
    ...(counter ? { counterexample: counter, confirmed } : {}),
    // a failure only the month's pools show has no case to paste, and its help says so
    diagnostic: diagnostic(
      counter ? 'verify_property_fails' : 'verify_property_fails.pool',
      { id, title: p.title, reason },
      ctx.place(subject),
    ),
  });
  const unknown = (subject: (string | number)[], kind: { en: string; zh: string }, name: string): Verdict => ({
    property,
    subject,
    holds: false,
    basis: 'proved',
    cases: 0,
    diagnostic: diagnostic('verify_property_unknown', { id, kind, name }, ctx.place(subject)),
  });
  // nobody was evaluated (no role and stage it selects gives it a value to vary): neither holds nor fails
  const unsearched = (subject: (string | number)[]): Verdict => ({
    property,
    subject,
    holds: undefined,
    basis: 'searched',
    cases: 0,
    diagnostic: diagnostic('verify_property_unsearched', { id, title: p.title }, ctx.place(subject, 'warning')),
  });
  // no employee verify evaluated matched `where` (a team the policy does not have, a payout nobody
  // reaches): neither holds nor fails, and never "proved" on nobody
  const noMatch = (subject: (string | number)[], cases: number): Verdict => ({
    property,
    subject,
    holds: undefined,
    basis: 'searched',
    cases,
    diagnostic: diagnostic(
      'verify_property_unsearched.no_match',
      { id, title: p.title },
      ctx.place(subject, 'warning'),
    ),
  });
  const isMetric = (m: string) => metricOf(policy, m) !== undefined || policy.derived.some((d) => d.id === m);
  // `where` on role, stage or team selects probes; conditions on results are judged per employee.
  // The records verify builds have no team, so a team `where` names is tried as theirs
  const teams = ['', ...teamsNamed(p.where)];
  const probes = ctx.probes.flatMap((probe) => {
    for (const team of teams) {
      const withTeam = team === '' ? probe : { ...probe, team };
      const record = recordOf(policy, withTeam, probe.typical);
      const card = evaluate(policy, record);
      if (!card || holdsOn(stripResults(p.where), verifyFacts(policy, record, card))) return [withTeam];
    }
    return [];
  });
  /** Whether an employee verify evaluates matches `where`: one already drawn, else one searched for. */
  const anyMatch = () =>
    matched > 0 ||
    samples.some((s) => applies(s)) ||
    find(policy, probes, applies, ctx.runs, false).sample !== undefined;

  if (p.monotone) {
    const subject = ['properties', id, 'monotone'];
    const m = p.monotone.metric;
    if (!isMetric(m)) return unknown([...subject, 'metric'], { en: 'metric', zh: '指标' }, m);
    const want = (p.monotone.direction ?? 'up') === 'up' ? 'inc' : 'dec';
    const of = p.monotone.of ?? 'payout';
    let cases = 0;
    // pairs of evaluated employees the property applies to, compared along a sweep
    let compared = 0;
    let proved = true;
    // a pool share that can fall as the metric moves the pool, which no employee alone shows (builtin.ts)
    let falls: PoolShareFalls | undefined;
    for (const probe of probes) {
      const trial = { ...probe.typical };
      // a metric verify cannot move through its formula proves nothing here
      if (!setMetric(policy, trial, m, dimValue(policy, probe.typical, m) + 1)) {
        proved = false;
        continue;
      }
      const x = Object.keys(trial).find((k) => trial[k] !== probe.typical[k]) ?? m;
      const proof = proveMonotone(policy, probe, x, want);
      if (of === 'payout') {
        const f = poolShareFalls(policy, probe.role, x);
        if (f && (!falls || (f.kind === 'min' && falls.kind === 'fen'))) falls = f;
      }
      if (of === 'score' ? proof.score : proof.pay) continue;
      proved = false;
      const own = ownCandidates(probe, m).length ? ownCandidates(probe, m) : formulaCandidates(policy, m);
      if (!own.length) continue;
      for (const base of contexts(policy, probe, m, Math.max(2, Math.round(ctx.runs / 10)))) {
        const values = [...new Set([...own, ...tierCrossings(policy, probe, m, base)])];
        const sorted = [...values].sort((a, b) => (want === 'inc' ? a - b : b - a));
        let prev: Sample | undefined;
        for (const v of sorted) {
          const metrics = { ...base };
          if (!setMetric(policy, metrics, m, v)) continue;
          const record = recordOf(policy, probe, metrics);
          const card = evaluate(policy, record);
          cases++;
          if (!card || !applies({ record, card })) continue;
          const s = { record, history: [], card };
          if (prev) compared++;
          const worse =
            prev && (of === 'score' ? card.score < prev.card.score : card.payout.totalFen < prev.card.payout.totalFen);
          if (prev && worse) {
            const counter = monotoneCases(ctx, [prev, s, of], m);
            const again = counter.map((c) => evaluate(policy, c.record)!);
            const show = (c: Scorecard) => (of === 'score' ? String(c.score) : formatFen(c.payout.totalFen));
            return fail(
              subject,
              {
                en: `${of === 'score' ? 'the score' : 'the pay'} falls from ${show(prev.card)} to ${show(card)} when \`${m}\` goes from ${dimText(policy, m, dimValue(policy, prev.record.metrics, m))} to ${dimText(policy, m, v)}`,
                zh: `\`${m}\` 从 ${dimText(policy, m, dimValue(policy, prev.record.metrics, m))} 变为 ${dimText(policy, m, v)} 时${of === 'score' ? '得分' : '应发'}由 ${show(prev.card)} 降到 ${show(card)}`,
              },
              counter,
              of === 'score'
                ? again[1]!.score < again[0]!.score
                : again[1]!.payout.totalFen < again[0]!.payout.totalFen,
              cases,
            );
          }
          const pooled = prev && of === 'payout' ? fallsInPool(policy, prev, s) : undefined;
          if (prev && pooled) {
            const a = poolArgs(policy, pooled);
            const [from, to] = [dimText(policy, m, dimValue(policy, prev.record.metrics, m)), dimText(policy, m, v)];
            const [before, after] = [formatFen(pooled.before.payout.totalFen), formatFen(pooled.after.payout.totalFen)];
            return fail(
              subject,
              {
                en: `beside a colleague in the pool ${a.pools}, the pay falls from ${before} to ${after} when \`${m}\` goes from ${from} to ${to} (the pool share from ${a.share_before} to ${a.share_after})`,
                zh: `与同事同分奖金池 ${a.pools} 时，\`${m}\` 从 ${from} 变为 ${to}，应发由 ${before} 降到 ${after}（奖金池份额由 ${a.share_before} 变为 ${a.share_after}）`,
              },
              undefined,
              true,
              cases,
            );
          }
          prev = s;
        }
      }
    }
    if (falls)
      return {
        property,
        subject,
        holds: undefined,
        basis: proved ? 'proved' : 'searched',
        cases,
        diagnostic: diagnostic(
          falls.kind === 'min' ? 'verify_property_pool_share_falls' : 'verify_property_pool_share_falls.fen',
          { id, title: p.title, ...falls.args },
          ctx.place(subject, 'warning'),
        ),
      };
    if (probes.length === 0) return noMatch(subject, cases);
    if (!proved && cases === 0) return unsearched(subject);
    // a proof over the employees `where` selects says nothing when it selects none
    if (!(proved && p.where === undefined) && !anyMatch()) return noMatch(subject, cases);
    // employees it applies to, but never two in a row of a sweep (the engine refused the rest)
    if (!proved && compared === 0)
      return {
        property,
        subject,
        holds: undefined,
        basis: 'searched',
        cases,
        diagnostic: diagnostic(
          'verify_property_unsearched.none_compared',
          { id, title: p.title, metric: m },
          ctx.place(subject, 'warning'),
        ),
      };
    return { property, subject, holds: true, basis: proved ? 'proved' : 'searched', cases };
  }

  if (p.cliff) {
    const c = p.cliff;
    const subject = ['properties', id, 'cliff'];
    const maxFen = Math.round(c.max * 100);
    if (c.tier !== undefined && !policy.tiers?.bands.some((b) => b.tier === c.tier))
      return unknown([...subject, 'tier'], { en: 'tier', zh: '档位' }, c.tier);
    if (c.grade !== undefined && !policy.grades.some((g) => g.grade === c.grade))
      return unknown([...subject, 'grade'], { en: 'grade', zh: '等级' }, c.grade);
    if (c.metric !== undefined && !isMetric(c.metric))
      return unknown([...subject, 'metric'], { en: 'metric', zh: '指标' }, c.metric);
    let cases = 0;
    /** The employee of `base` with metric `m` at `x`, counted, when the property applies to them. */
    const sampleAt = (probe: Probe, base: Record<string, number>, m: string, x: number): Sample | undefined => {
      const metrics = { ...base };
      if (!setMetric(policy, metrics, m, x)) return undefined;
      const record = recordOf(policy, probe, metrics);
      const card = evaluate(policy, record);
      cases++;
      return card && applies({ record, card }) ? { record, history: [], card } : undefined;
    };
    // a pool share beside a colleague like `a` (pools.ts): joining a pool at a grade (`min_grade`)
    // or leaving it moves pay by a share no single evaluation shows
    const pooledJump = (a: Sample, b: Sample) => {
      if (Math.abs(b.card.payout.totalFen - a.card.payout.totalFen) > maxFen || !hasPool(policy, a.record.role))
        return undefined;
      const [before, after] = [pooled(policy, a, a), pooled(policy, b, a)];
      return Math.abs(after.payout.totalFen - before.payout.totalFen) > maxFen ? { before, after } : undefined;
    };
    const over = (a: Sample, b: Sample) =>
      Math.abs(b.card.payout.totalFen - a.card.payout.totalFen) > maxFen || pooledJump(a, b) !== undefined;
    const jumpFail = (a: Sample, b: Sample, where: { en: string; zh: string }) => {
      const inPool = pooledJump(a, b);
      if (inPool) {
        const { pools, share_before, share_after } = poolArgs(policy, inPool);
        const [from, to] = [inPool.before.payout.totalFen, inPool.after.payout.totalFen];
        const [jump, limit] = [formatFen(Math.abs(to - from)), formatFen(maxFen)];
        // no case to paste: a policy test evaluates one record, without the month's pools
        return fail(
          subject,
          {
            en: `beside a colleague in the pool ${pools}, pay jumps by ${jump} (from ${formatFen(from)} to ${formatFen(to)}) at ${where.en}, more than ${limit} (the pool share from ${share_before} to ${share_after})`,
            zh: `与同事同分奖金池 ${pools} 时，在${where.zh}处应发跳变 ${jump}（由 ${formatFen(from)} 到 ${formatFen(to)}），超过 ${limit}（奖金池份额由 ${share_before} 变为 ${share_after}）`,
          },
          undefined,
          true,
          cases,
        );
      }
      const jump = b.card.payout.totalFen - a.card.payout.totalFen;
      const before = outcomeOf(a.card);
      const counter: CounterCase[] = [
        {
          name: `verify: just below ${where.en}`,
          record: { ...a.record, employee_id: 'V1' },
          expect: before,
          zh: { name: `verify：刚好低于${where.zh}` },
        },
        {
          name: `verify: at ${where.en} pay moves by at most ${formatFen(maxFen)}`,
          record: { ...b.record, employee_id: 'V2' },
          expect: { payout: Math.round((before.payout! + Math.sign(jump) * c.max) * 100) / 100 },
          note: `the engine gives payout ${formatFen(b.card.payout.totalFen)} today, a jump of ${formatFen(Math.abs(jump))}`,
          zh: {
            name: `verify：在${where.zh}处应发变动不超过 ${formatFen(maxFen)}`,
            note: `引擎目前给出应发 ${formatFen(b.card.payout.totalFen)}，跳变 ${formatFen(Math.abs(jump))}`,
          },
        },
      ];
      const again = counter.map((x) => evaluate(policy, x.record)!);
      return fail(
        subject,
        {
          en: `pay jumps by ${formatFen(Math.abs(jump))} (from ${formatFen(a.card.payout.totalFen)} to ${formatFen(b.card.payout.totalFen)}) at ${where.en}, more than ${formatFen(maxFen)}`,
          zh: `在${where.zh}处应发跳变 ${formatFen(Math.abs(jump))}（由 ${formatFen(a.card.payout.totalFen)} 到 ${formatFen(b.card.payout.totalFen)}），超过 ${formatFen(maxFen)}`,
        },
        counter,
        Math.abs(again[1]!.payout.totalFen - again[0]!.payout.totalFen) > maxFen,
        cases,
      );
    };
    if (c.tier !== undefined || c.grade !== undefined) {
      const inside = (card: Scorecard) =>
        c.tier !== undefined ? card.payout.tier?.id === c.tier : card.grade === c.grade;
      const where =
        c.tier !== undefined
          ? { en: `the lower bound of tier ${c.tier}`, zh: `档位 ${c.tier} 的下限` }
          : { en: `the lower bound of grade ${c.grade}`, zh: `等级 ${c.grade} 的下限` };
      // a tier on a metric (GMV) that no indicator of the role scores: the path below never moves it, so
      // the band's start is stepped across directly, one step of the metric below it and at it (one
      // yuan, one unit, 0.1 %), in drawn contexts
      const basis = policy.tiers?.basis;
      const band = policy.tiers?.bands.find((b) => b.tier === c.tier);
      if (band && basis !== undefined && basis !== 'attainment') {
        const step = stepOf(policy, basis);
        for (const probe of probes) {
          // a basis an indicator scores moves along the path below, where the band's start is bisected
          if (!probe.dimensions.includes(basis) || probe.leaves.some((l) => l.metric === basis)) continue;
          for (const base of contexts(policy, probe, basis, Math.max(2, Math.round(ctx.runs / 10)))) {
            const [a, b] = [tidy(band.min - step), band.min].map((x) => sampleAt(probe, base, basis, x));
            if (!a || !b || inside(a.card) || !inside(b.card)) continue;
            if (over(a, b)) return jumpFail(a, b, where);
          }
        }
      }
      for (const probe of probes) {
        const at = (t: number): Sample | undefined => {
          const record = recordOf(policy, probe, levelMetrics(policy, probe, t));
          const card = evaluate(policy, record);
          cases++;
          return card && applies({ record, card }) ? { record, history: [], card } : undefined;
        };
        let lo: number | undefined;
        let hi: number | undefined;
        let prev: Sample | undefined;
        for (let i = 0; i <= 40 && hi === undefined; i++) {
          const s = at(i / 40);
          if (s && prev && !inside(prev.card) && inside(s.card)) [lo, hi] = [(i - 1) / 40, i / 40];
          prev = s;
        }
        if (lo === undefined || hi === undefined) continue;
        let [below, above] = [lo, hi];
        for (let k = 0; k < 40; k++) {
          const mid: number = (below + above) / 2;
          const s = at(mid);
          if (s && inside(s.card)) above = mid;
          else below = mid;
        }
        const a = at(below);
        const b = at(above);
        if (a && b && over(a, b)) return jumpFail(a, b, where);
      }
      if (probes.length === 0 || (cases > 0 && matched === 0)) return noMatch(subject, cases);
      return cases === 0 ? unsearched(subject) : { property, subject, holds: true, basis: 'searched', cases };
    }
    // a 1 % move of one metric, anywhere (jumps at a tier band are the bands' own, declared apart)
    for (const probe of probes) {
      const dims = c.metric !== undefined ? [c.metric] : [...new Set(probe.leaves.map((l) => l.metric))];
      for (const m of dims) {
        for (const base of contexts(policy, probe, m, Math.max(2, Math.round(ctx.runs / 20)))) {
          for (const v of ownCandidates(probe, m).length ? ownCandidates(probe, m) : formulaCandidates(policy, m)) {
            if (v === 0) continue;
            const [a, b] = [v - Math.abs(v) * 0.01, v].map((x) => sampleAt(probe, base, m, x));
            if (!a || !b || a.card.payout.tier?.id !== b.card.payout.tier?.id) continue;
            if (over(a, b))
              return jumpFail(a, b, {
                // read after "at" and before 处: "at the 1 % step of `gmv` up to ¥10,000.00"
                en: `the 1 % step of \`${m}\` up to ${dimText(policy, m, v)}`,
                zh: `\`${m}\` 升到 ${dimText(policy, m, v)} 的 1% 一步`,
              });
          }
        }
      }
    }
    if (probes.length === 0 || (cases > 0 && matched === 0)) return noMatch(subject, cases);
    return cases === 0 ? unsearched(subject) : { property, subject, holds: true, basis: 'searched', cases };
  }

  // always: a search for an employee the property applies to and for whom it fails
  const subject = ['properties', id, 'always'];
  const broken = (s: Sample) => {
    const facts = verifyFacts(policy, s.record, s.card);
    if (!holdsOn(p.where, facts)) return false;
    matched++;
    return !holdsOn(p.always, facts);
  };
  const seen = samples.find(broken);
  const found = seen ? { sample: seen, cases: samples.indexOf(seen) + 1 } : find(policy, probes, broken, ctx.runs);
  const cases = seen ? found.cases : samples.length + found.cases;
  if (!found.sample && matched === 0) return noMatch(subject, cases);
  if (!found.sample) return { property, subject, holds: true, basis: 'searched', cases };
  const s = found.sample;
  const counter: CounterCase[] = [
    {
      name: `verify: ${p.title}`,
      record: s.record,
      ...(s.history.length ? { history: s.history } : {}),
      expect: outcomeOf(s.card),
      note: `\`always\` fails for this employee: ${JSON.stringify(p.always)}`,
      zh: {
        name: `verify：${p.title}`,
        note: `这名员工不满足 \`always\`：${JSON.stringify(p.always)}`,
      },
    },
  ];
  const card = evaluate(policy, s.record, s.history);
  return fail(
    subject,
    {
      en: `an employee with score ${s.card.score}, grade ${s.card.grade}, tier ${s.card.payout.tier?.id ?? 'none'} and pay ${formatFen(s.card.payout.totalFen)} breaks it`,
      zh: `得分 ${s.card.score}、等级 ${s.card.grade}、档位 ${s.card.payout.tier?.id ?? '无'}、应发 ${formatFen(s.card.payout.totalFen)} 的员工不满足它`,
    },
    counter,
    !!card && broken({ ...s, card }),
    cases,
  );
}

/** The teams a condition compares `team` with by `equal` or `in` (text values only). */
function teamsNamed(c: ConditionDef | undefined): string[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(teamsNamed);
  if ('any' in c) return c.any.flatMap(teamsNamed);
  if ('not' in c) return [];
  const leaf = c as ConditionLeaf;
  if (leaf.fact !== 'team' || (leaf.operator !== 'equal' && leaf.operator !== 'in')) return [];
  const values: unknown[] = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/** A `where` with only the comparisons on role, stage and team (the others are judged per employee). */
function stripResults(c: ConditionDef | undefined): ConditionDef | undefined {
  if (!c) return undefined;
  const keep = (x: ConditionDef): ConditionDef | undefined => {
    if ('all' in x) return { all: x.all.map(keep).filter((y): y is ConditionDef => !!y) };
    if ('any' in x) {
      const parts = x.any.map(keep);
      return parts.some((y) => !y) ? undefined : { any: parts as ConditionDef[] };
    }
    if ('not' in x) {
      const inner = keep(x.not);
      return inner ? { not: inner } : undefined;
    }
    return ['role', 'stage', 'team'].includes((x as ConditionLeaf).fact) ? x : undefined;
  };
  return keep(c);
}
