// A roll-up period (quarter, half-year, year) from recorded months: each employee's facts (average,
// sum, min, max of the score, the month's pay or a metric; months with some grades or tiers; months
// present), the roll-up's score and grade, forced distribution (calibrate.ts) and the awards paid
// once for the period. Pure: the caller passes the months in (the CLI reads them from the ledger).
//
// Missing months: an employee with fewer months than `min_months` is left out, with the reason;
// everyone else is rolled up over the months present (an average is over those months, a sum
// adds those months, a count counts among them). A metric a month does not have is left out of
// that month; a fact no month gives a value to has none, and a condition on it does not hold.

import { foldCondition, type ConditionLeaf, factRef } from '../language/conditions.js';
import type { ConditionDef } from '../model/policy.js';
import { roundScore, yuanToFen } from '../model/money.js';
import type {
  RollupCard,
  RollupDoc,
  RollupExcluded,
  RollupFactDef,
  RollupFactResult,
  RollupMonth,
  RollupResult,
} from '../model/rollup.js';
import type { ConditionResult, Scorecard } from '../model/scorecard.js';
import { calibrate, type UnmetMinimum } from './calibrate.js';
import { pastPeriodOf } from './history.js';

/**
 * A month's scorecard as a roll-up reads it: the step from a month's results to a roll-up's input,
 * the one `yardstick rollup` takes for each card recorded in the ledger, `yardstick test` for
 * sample months and the editor's roll-up preview for the history months it scores. `period` is
 * the month the card counts for (the ledger's run period, normalised); the card's own by default.
 */
export function rollupMonthOf(card: Scorecard, period: string = card.period): RollupMonth {
  return {
    employee_id: card.employee_id,
    name: card.name,
    role: card.role,
    team: card.team,
    stage: card.stage,
    period,
    score: card.score,
    grade: card.grade,
    ...(card.payout.tier ? { tier: card.payout.tier.id } : {}),
    payoutFen: card.payout.totalFen,
    values: pastPeriodOf(card).values,
    ...(card.payout.status === 'held' ? { held: true as const } : {}),
  };
}

/** The facts every roll-up has besides its own: months present, months in the period, and the latest month's role, team, stage. */
export const ROLLUP_BUILTIN_FACTS = ['months', 'months_in_period', 'role', 'team', 'stage'] as const;
/** Known after grading and calibration: what award conditions may read besides the facts. */
export const ROLLUP_RESULT_FACTS = ['score', 'grade', 'calibrated_grade'] as const;
/** The comparisons a roll-up condition may use. */
export const ROLLUP_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
] as const;

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  lessThan: (a, b) => isNumber(a) && isNumber(b) && a < b,
  lessThanInclusive: (a, b) => isNumber(a) && isNumber(b) && a <= b,
  greaterThan: (a, b) => isNumber(a) && isNumber(b) && a > b,
  greaterThanInclusive: (a, b) => isNumber(a) && isNumber(b) && a >= b,
};

/** A roll-up condition on the facts; every comparison is kept, with the value it saw, for the explanation. */
export function holdsRollup(c: ConditionDef, facts: Record<string, unknown>, out: ConditionResult[]): boolean {
  return foldCondition<ConditionLeaf, boolean>(c, {
    all: (parts) => parts.every(Boolean),
    any: (parts) => parts.some(Boolean),
    not: (inner) => !inner,
    leaf: (leaf) => {
      const actual = Object.hasOwn(facts, leaf.fact) ? facts[leaf.fact] : undefined;
      const ref = factRef(leaf.value);
      const value = ref !== undefined ? (Object.hasOwn(facts, ref) ? facts[ref] : undefined) : leaf.value;
      // an absent value (no month had the metric) makes no comparison hold, notEqual and notIn included
      const result = actual !== undefined && value !== undefined && (COMPARE[leaf.operator]?.(actual, value) ?? false);
      // a value naming another fact is kept as the value it had, the fact's name in `params.fact`
      out.push({
        fact: leaf.fact,
        operator: leaf.operator,
        value,
        ...(ref !== undefined ? { params: { fact: ref } } : {}),
        actual,
        result,
      });
      return result;
    },
  });
}

const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** What a value fact reads from one month: the score, the pay in yuan, or a metric (absent when the month has none). */
function monthValue(m: RollupMonth, of: string): number | undefined {
  if (of === 'score') return m.score;
  if (of === 'payout') return m.payoutFen / 100;
  return Object.hasOwn(m.values, of) ? m.values[of] : undefined;
}

/** One fact over one employee's months (in order). */
export function rollupFact(
  id: string,
  def: RollupFactDef,
  months: readonly RollupMonth[],
  decimals: number,
): RollupFactResult {
  const title = def.title !== undefined ? { title: def.title } : {};
  if ('count' in def) {
    const grades = listOf(def.count.grade);
    const tiers = listOf(def.count.tier);
    const of = def.count.grade !== undefined ? grades.join(', ') : tiers.join(', ');
    const counted = months.filter((m) =>
      def.count.grade !== undefined ? grades.includes(m.grade) : m.tier !== undefined && tiers.includes(m.tier),
    );
    return {
      id,
      ...title,
      kind: 'count',
      of,
      value: counted.length,
      months: counted.map((m) => ({ period: m.period })),
    };
  }
  const kind = 'average' in def ? 'average' : 'sum' in def ? 'sum' : 'min' in def ? 'min' : 'max';
  const of = (def as Record<typeof kind, string>)[kind];
  const given = months
    .map((m) => ({ period: m.period, value: monthValue(m, of) }))
    .filter((x): x is { period: string; value: number } => x.value !== undefined);
  const values = given.map((x) => x.value);
  let value: number | undefined;
  if (values.length) {
    // sums are rounded too: binary noise from adding decimals (0.1 + 0.2) is not a value anyone wrote
    const total = values.reduce((a, b) => a + b, 0);
    value =
      kind === 'average'
        ? roundScore(total / values.length, decimals)
        : kind === 'sum'
          ? // to 15 significant digits: a sum of decimals (12 × 987654321.17) keeps its last cent,
            // which a sum of 13 digits or more loses to 12 and keeps its noise under withoutNoise
            Number(total.toPrecision(15))
          : kind === 'min'
            ? Math.min(...values)
            : Math.max(...values);
  }
  return { id, ...title, kind, of, ...(value !== undefined ? { value } : {}), months: given };
}

/**
 * Rolls up `period` (its calendar `months`) from every recorded month given: one card per employee
 * with at least `min_months` months in the period, the others excluded with the reason. Months
 * outside the period are ignored. Explanations are left empty for the caller (explanation stage).
 * The calibration minima a cohort could not be given are added to `unmet`.
 */
export function evaluateRollup(
  doc: RollupDoc,
  period: string,
  periodMonths: readonly string[],
  recorded: readonly RollupMonth[],
  unmet?: UnmetMinimum[],
): RollupResult {
  const inPeriod = new Set(periodMonths);
  const byEmployee = new Map<string, RollupMonth[]>();
  for (const m of recorded) {
    if (!inPeriod.has(m.period)) continue;
    byEmployee.set(m.employee_id, [...(byEmployee.get(m.employee_id) ?? []), m]);
  }
  const decimals = doc.rollup.decimals ?? 2;
  const cards: RollupCard[] = [];
  const excluded: RollupExcluded[] = [];
  const ids = [...byEmployee.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    const months = [...(byEmployee.get(id) ?? [])].sort((a, b) => (a.period < b.period ? -1 : 1));
    const latest = months[months.length - 1]!;
    const present = months.map((m) => m.period);
    if (months.length < doc.rollup.min_months) {
      excluded.push({ employee_id: id, name: latest.name, reason: 'too_few_months', present });
      continue;
    }
    const facts: RollupFactResult[] = [
      { id: 'months', kind: 'months', of: '', value: months.length, months: present.map((p) => ({ period: p })) },
      ...Object.entries(doc.facts).map(([fid, def]) => rollupFact(fid, def, months, decimals)),
    ];
    const score = facts.find((f) => f.id === doc.score)?.value;
    if (score === undefined) {
      excluded.push({ employee_id: id, name: latest.name, reason: 'no_score', present, fact: doc.score });
      continue;
    }
    const held = months.filter((m) => m.held).map((m) => m.period);
    const index = doc.grades.findIndex((g) => score >= g.min);
    const grade = (doc.grades[index < 0 ? doc.grades.length - 1 : index] ?? doc.grades[0]!).grade;
    cards.push({
      kind: 'rollup',
      policy: doc.policy,
      version: doc.version,
      period,
      employee_id: id,
      name: latest.name,
      role: latest.role,
      team: latest.team,
      stage: latest.stage,
      months_in_period: periodMonths.length,
      months: months.map((m) => ({
        period: m.period,
        score: m.score,
        grade: m.grade,
        ...(m.tier !== undefined ? { tier: m.tier } : {}),
        payoutFen: m.payoutFen,
        ...(m.held ? { held: true as const } : {}),
      })),
      missing: periodMonths.filter((p) => !present.includes(p)),
      ...(held.length ? { held_months: held } : {}),
      facts,
      score,
      grade,
      awards: [],
      payoutFen: 0,
      explanation: [],
    });
  }
  // a person with a month still held is left out of forced distribution, as a held month's card is
  // left out of the month's: a score built on data not yet checked (刷量) would take a quota place
  // and push a colleague down; once the month is amended with the hold cleared, they are ranked
  const ranked = cards.filter((c) => !c.held_months);
  if (doc.calibration) {
    // calibrate() reads the id, score, grade and the cohort fields, which a roll-up card has
    const calibrated = calibrate(doc.calibration, doc.grades, ranked as unknown as Scorecard[], unmet);
    for (const c of ranked) {
      const r = calibrated.get(c.employee_id);
      if (r) c.calibration = r;
    }
  }
  for (const c of cards) {
    const table: Record<string, unknown> = {
      months_in_period: c.months_in_period,
      role: c.role,
      team: c.team,
      stage: c.stage,
      score: c.score,
      grade: c.grade,
    };
    // without calibration the calibrated grade is the grade; a held person has none (not ranked)
    const calibrated = doc.calibration ? c.calibration?.calibrated : c.grade;
    if (calibrated !== undefined) table.calibrated_grade = calibrated;
    for (const f of c.facts) if (f.value !== undefined) table[f.id] = f.value;
    for (const [aid, a] of Object.entries(doc.payout?.awards ?? {})) {
      const conditions: ConditionResult[] = [];
      if (!holdsRollup(a.when, table, conditions)) continue;
      c.awards.push({ id: aid, title: a.title ?? aid, amountFen: yuanToFen(a.award), conditions });
    }
    c.payoutFen = c.awards.reduce((n, a) => n + a.amountFen, 0);
  }
  const countOf = (of: readonly RollupCard[], key: (c: RollupCard) => string) => {
    const out: Record<string, number> = {};
    for (const c of of) out[key(c)] = (out[key(c)] ?? 0) + 1;
    return out;
  };
  const count = (key: (c: RollupCard) => string) => countOf(cards, key);
  return {
    policy: { id: doc.policy, version: doc.version, title: doc.title },
    period,
    months: [...periodMonths],
    cards,
    excluded,
    by_grade: count((c) => c.grade),
    ...(doc.calibration ? { by_calibrated_grade: countOf(ranked, (c) => c.calibration?.calibrated ?? c.grade) } : {}),
    payout_total_fen: cards.reduce((n, c) => n + c.payoutFen, 0),
  };
}
