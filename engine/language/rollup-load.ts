// A roll-up policy file (a top-level `rollup:`): parse → schema (`$defs/rollupPolicy`) → checks,
// as loadPolicy does for a month's policy. Every problem with the position of its YAML node. Given
// the monthly policy it rolls up (`rollup.of`), the metrics, grades and tiers it names are checked
// against it too.

import { hasErrors, sortDiagnostics, type Diagnostic, type Span } from '../model/diagnostic.js';
import type { PolicyDoc } from '../model/policy.js';
import type { RollupDoc, RollupPeriodKind } from '../model/rollup.js';
import { checkContext, suggest } from './check/context.js';
import { checkCalibration, checkGrades } from './check/grades.js';
import { forEachLeaf, factRef, type ConditionLeaf } from './conditions.js';
import { isWholeFen } from './check/money.js';
import { checkNumbers } from './numbers.js';
import { parsePolicyText, quotaMinSpans, type Path } from './parse.js';
import { yamlValue } from './limits.js';
import { checkSchemaDefinition } from './schema.js';

/**
 * A value as the policy wrote it, for a message: a number in quotes keeps its quotes (`"80"` is
 * text, and the message must not show it as the number 80), as engine/language/check/rules.ts shows it.
 */
function shown(v: unknown): string {
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? JSON.stringify(v) : String(v);
}

export type RollupLoadResult =
  | {
      ok: true;
      doc: RollupDoc;
      diagnostics: Diagnostic[];
      /** Where each calibration minimum is written, by grade (for the warning when a period cannot meet one). */
      quotaMinSpans: ReadonlyMap<string, Span>;
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** The facts every roll-up has (engine/evaluation/rollup.ts computes them); kept here as the language's vocabulary. */
const BUILTIN = ['months', 'months_in_period', 'role', 'team', 'stage'];
const RESULTS = ['score', 'grade', 'calibrated_grade'];
/** Facts whose values are text; every other fact is a number. */
const TEXT_FACTS = ['role', 'team', 'stage', 'grade', 'calibrated_grade'];
const NUMERIC_OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
];
const MONTHS: Record<RollupPeriodKind, number> = { quarter: 3, half_year: 6, year: 12 };
const KIND_ZH: Record<RollupPeriodKind, string> = { quarter: '季度', half_year: '半年', year: '年度' };
const EXAMPLE: Record<RollupPeriodKind, string> = { quarter: '2026-Q3', half_year: '2026-H2', year: '2026' };
const FORM: Record<RollupPeriodKind, RegExp> = {
  quarter: /^\d{4}-Q[1-4]$/,
  half_year: /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
};

/** Whether a policy document is a roll-up policy: a mapping with a top-level `rollup:`. */
export function isRollupDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'rollup');
}

/** The metric ids a monthly policy's indicators score (what a recorded month keeps as values). */
export function scoredMetrics(monthly: PolicyDoc): string[] {
  const out = new Set<string>();
  const walk = (indicators: Record<string, unknown>) => {
    for (const def of Object.values(indicators) as { metric?: string; indicators?: Record<string, unknown> }[]) {
      if (def.indicators) walk(def.indicators);
      else if (def.metric) out.add(def.metric);
    }
  };
  for (const role of Object.values(monthly.roles)) walk(role.indicators as Record<string, unknown>);
  return [...out].sort();
}

export function loadRollupPolicy(text: string, file: string, monthly?: PolicyDoc): RollupLoadResult {
  const { source, diagnostics } = parsePolicyText(text, file);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  diagnostics.push(...checkNumbers(source));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const read = yamlValue(source.doc, source.lines, file);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  diagnostics.push(...checkSchemaDefinition(source, read.value, 'rollupPolicy'));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const doc = read.value as RollupDoc;
  // grades and calibration are checked as a month's are: same rules, same messages
  const ctx = checkContext(source, { ...doc, metrics: {}, stages: {}, roles: {}, payout: {} } as unknown as PolicyDoc);
  checkGrades(ctx, Number.POSITIVE_INFINITY);
  checkCalibration(ctx);
  const { report } = ctx;

  const declared = Object.keys(doc.facts);
  for (const id of declared)
    if ([...BUILTIN, ...RESULTS].includes(id))
      report('policy_rollup_fact_name', { fact: id, builtin: [...BUILTIN, ...RESULTS].join(', ') }, ['facts', id], {
        key: true,
      });
  // a roll-up recorded under its monthly policy's id would sit among those months in the ledger
  if (doc.rollup.of === doc.policy) report('policy_rollup_of_itself', { policy: doc.policy }, ['rollup', 'of']);
  const months = MONTHS[doc.rollup.period];
  if (doc.rollup.min_months > months)
    report(
      'policy_rollup_min_months',
      {
        min: doc.rollup.min_months,
        months,
        period: doc.rollup.period.replace('_', '-'),
        period_zh: KIND_ZH[doc.rollup.period],
      },
      ['rollup', 'min_months'],
    );
  const starts = doc.rollup.year_starts;
  if (starts !== undefined && (starts < 1 || starts > 12))
    report('policy_rollup_year_starts', { value: starts }, ['rollup', 'year_starts']);
  if (doc.effective_from !== undefined && !FORM[doc.rollup.period].test(doc.effective_from))
    report(
      'policy_rollup_effective_from',
      {
        value: doc.effective_from,
        period: doc.rollup.period,
        period_zh: KIND_ZH[doc.rollup.period],
        example: EXAMPLE[doc.rollup.period],
      },
      ['effective_from'],
    );

  // the score is a number fact: one declared, or the months present
  if (!declared.includes(doc.score) && doc.score !== 'months' && doc.score !== 'months_in_period') {
    if ([...BUILTIN, ...RESULTS].includes(doc.score)) report('policy_rollup_score', { fact: doc.score }, ['score']);
    else unknownFact(doc.score, ['score'], declared);
  }

  function unknownFact(fact: string, path: Path, candidates: string[]) {
    const s = suggest(fact, candidates);
    if (s.near !== undefined) report('policy_rollup_unknown_fact.near', { fact, near: s.near, known: s.known }, path);
    else report('policy_rollup_unknown_fact', { fact, known: s.known }, path);
  }

  const grades = doc.grades.map((g) => g.grade);
  const scale = doc.calibration?.scale ?? grades;
  const known = [...declared, ...BUILTIN, ...RESULTS];
  /**
   * A value of another kind than the fact can never equal it (`0_0` and `"80"` are text in YAML 1.2,
   * a team is text): the award would never be paid, or, negated, always. Grades are checked apart.
   */
  const checkValueKind = (leaf: ConditionLeaf, at: Path) => {
    // nothing is in an empty list: `in: []` never holds and `notIn: []` always does (as in a month's rules)
    if ((leaf.operator === 'in' || leaf.operator === 'notIn') && Array.isArray(leaf.value) && leaf.value.length === 0) {
      report('policy_value_type.empty_list', { operator: leaf.operator, fact: leaf.fact }, [...at, 'value']);
      return;
    }
    // `in: M` would be no list at all: a roll-up's `in` never holds on it and its `notIn` never does either
    if ((leaf.operator === 'in' || leaf.operator === 'notIn') && !Array.isArray(leaf.value)) {
      report('policy_value_type.not_list', { operator: leaf.operator, fact: leaf.fact, value: shown(leaf.value) }, [
        ...at,
        'value',
      ]);
      return;
    }
    const kind = TEXT_FACTS.includes(leaf.fact) ? 'string' : known.includes(leaf.fact) ? 'number' : undefined;
    if (kind === undefined || leaf.fact === 'grade' || leaf.fact === 'calibrated_grade') return;
    const values: unknown[] = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    values.forEach((v, i) => {
      const where = Array.isArray(leaf.value) ? [...at, 'value', i] : [...at, 'value'];
      if (NUMERIC_OPERATORS.includes(leaf.operator)) {
        if (typeof v !== 'number') report('policy_value_type', { operator: leaf.operator, value: shown(v) }, where);
      } else if (kind === 'number' ? typeof v !== 'number' : typeof v === 'number' || typeof v === 'boolean')
        report(
          kind === 'number' ? 'policy_value_type.number' : 'policy_value_type.text',
          { fact: leaf.fact, operator: leaf.operator, value: shown(v) },
          where,
        );
    });
  };
  for (const [aid, award] of Object.entries(doc.payout?.awards ?? {})) {
    // a roll-up award is paid as written, with no rounding rule of its own: ¥1,000.005 could be either fen
    if (typeof award.award === 'number' && !isWholeFen(award.award))
      report('policy_money_fraction_of_fen', { where: `payout.awards.${aid}.award`, value: String(award.award) }, [
        'payout',
        'awards',
        aid,
        'award',
      ]);
    // ¥0 is no award: the card and the statement would name it as paid (`→ ¥0.00`) to everyone it applies to
    if (award.award === 0) report('policy_rollup_award_zero', { id: aid }, ['payout', 'awards', aid, 'award']);
    forEachLeaf<ConditionLeaf>(
      award.when,
      (leaf, path) => {
        const at: Path = ['payout', 'awards', aid, 'when', ...path];
        if (!known.includes(leaf.fact)) unknownFact(leaf.fact, [...at, 'fact'], known);
        const ref = factRef(leaf.value);
        if (ref !== undefined && !known.includes(ref)) unknownFact(ref, [...at, 'value', 'fact'], known);
        if (!OPERATORS.includes(leaf.operator))
          report(
            'policy_rollup_operator',
            { operator: leaf.operator, allowed: OPERATORS.map((o) => `\`${o}\``).join(', ') },
            [...at, 'operator'],
          );
        // an operator a roll-up does not have (`absent`, `contains`) is the one problem of its comparison
        else if (ref === undefined) checkValueKind(leaf, at);
        if ((leaf.fact === 'grade' || leaf.fact === 'calibrated_grade') && ref === undefined) {
          const allowed = leaf.fact === 'grade' ? grades : scale;
          const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
          values.forEach((v, i) => {
            if (!allowed.includes(String(v)))
              report(
                'policy_rollup_grade_value',
                { fact: leaf.fact, grade: String(v), known: allowed.map((g) => `\`${g}\``).join(', ') },
                Array.isArray(leaf.value) ? [...at, 'value', i] : [...at, 'value'],
              );
          });
        }
      },
      [],
    );
  }

  if (monthly) checkAgainstMonthly(doc, monthly, report);
  diagnostics.push(...ctx.out);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return {
    ok: true,
    doc,
    diagnostics: sortDiagnostics(diagnostics),
    quotaMinSpans: quotaMinSpans(source, doc.calibration?.quotas),
  };
}

/** The metrics, grades and tiers the facts name exist in the monthly policy they roll up. */
function checkAgainstMonthly(doc: RollupDoc, monthly: PolicyDoc, report: ReturnType<typeof checkContext>['report']) {
  const metrics = scoredMetrics(monthly);
  const grades = monthly.grades.map((g) => g.grade);
  const tiers = (monthly.payout.tiers?.bands ?? []).map((b) => b.tier);
  for (const [id, def] of Object.entries(doc.facts)) {
    if ('count' in def) {
      const what = def.count.grade !== undefined ? 'grade' : 'tier';
      const given = def.count.grade ?? def.count.tier ?? [];
      const list = Array.isArray(given) ? given : [given];
      const allowed = what === 'grade' ? grades : tiers;
      list.forEach((v, i) => {
        if (!allowed.includes(v))
          report(
            'policy_rollup_unknown_month_value',
            {
              what: what === 'grade' ? 'the grade' : 'the tier',
              what_zh: what === 'grade' ? '等级' : '档位',
              value: v,
              policy: monthly.policy,
              known: allowed.map((g) => `\`${g}\``).join(', ') || '—',
            },
            Array.isArray(given) ? ['facts', id, 'count', what, i] : ['facts', id, 'count', what],
          );
      });
      continue;
    }
    const kind = (['average', 'sum', 'min', 'max'] as const).find((k) => k in def) ?? 'average';
    const of = (def as Record<string, string>)[kind] ?? '';
    if (of !== 'score' && of !== 'payout' && !metrics.includes(of))
      report('policy_rollup_unknown_metric', { metric: of, policy: monthly.policy, known: metrics.join(', ') }, [
        'facts',
        id,
        kind,
      ]);
  }
}
