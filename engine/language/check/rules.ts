// Rules and their conditions: adjustments, holds, triggers and improvement plans' close_when.

import { isGroup, isPerUnit, type ConditionDef, type IndicatorDef, type PropertyDef } from '../../model/policy.js';
import { forEachLeaf, isFactRef, type ConditionLeaf } from '../conditions.js';
import { variablesOf } from '../expression.js';
import { roundScore } from '../../model/money.js';
import { BUILTIN_FACTS, INDICATOR_LEVELS, OPERATORS, PRESENCE_OPERATORS, type Phase } from '../facts.js';
import type { Path } from '../parse.js';
import type { TeamDirectory } from '../teams.js';
import { EPSILON, flow, isPlainRatio, parseAt, round, suggest, type CheckContext } from './context.js';
import { maxPossibleScore } from './grades.js';

const PLAN_STATUSES = ['open', 'extended', 'closed', 'escalated'];

/** Every indicator and group of every role, by its path from the role (`content.originality`). */
function indicatorPaths(ctx: CheckContext): string[] {
  const out = new Set<string>();
  const walk = (level: Record<string, IndicatorDef>, prefix: string) => {
    for (const [id, def] of Object.entries(level)) {
      const path = prefix ? `${prefix}.${id}` : id;
      out.add(path);
      if (isGroup(def)) walk(def.indicators, path);
    }
  };
  for (const role of Object.values(ctx.policy.roles)) walk(role.indicators, '');
  return [...out];
}

/** Adjustments and holds run on the record, triggers (and plans' close_when) on the result. */
export function checkRules(ctx: CheckContext) {
  const { policy: p, report, grades } = ctx;
  for (const [id, a] of Object.entries(p.adjustments ?? {})) {
    checkCondition(ctx, ['adjustments', id, 'when'], a.when, 'rules', 'adjustments');
    for (const key of ['points', 'award'] as const) {
      const def = a[key];
      if (!isPerUnit(def)) continue;
      const at = ['adjustments', id, key, 'per'];
      const parsed = parseAt(ctx, at, def.per);
      for (const v of parsed ? variablesOf(parsed) : []) {
        if (ctx.known.has(v)) continue;
        report('policy_unknown_metric.per_unit', { metric: v, id, known: [...ctx.known].join(', ') }, at);
      }
      // a points limit finer than the score: `max: 0.35` at 1 decimal adds 0.35, which the score's
      // rounding turns into 0.4, above the limit (or 0.3 below it): write the limit at the score's decimals
      const decimals = p.score?.decimals ?? 2;
      if (key === 'points' && def.max !== undefined && roundScore(def.max, decimals) !== def.max)
        report(
          'policy_points_max_decimals',
          { id, max: def.max, decimals, down: Math.floor(def.max * 10 ** decimals) / 10 ** decimals },
          ['adjustments', id, key, 'max'],
        );
    }
    if (a.grade_cap !== undefined && !grades.includes(a.grade_cap)) {
      report('policy_unknown_grade.grade_cap', { grade: a.grade_cap, grades: grades.join(', ') }, [
        'adjustments',
        id,
        'grade_cap',
      ]);
    }
  }
  for (const [id, h] of Object.entries(p.holds ?? {}))
    checkCondition(ctx, ['holds', id, 'when'], h.when, 'rules', 'holds');
  for (const [id, t] of Object.entries(p.triggers ?? {})) {
    checkCondition(ctx, ['triggers', id, 'when'], t.when, 'triggers', 'triggers');
    // an unmet plan adds the exit review `<plan>_escalated` (engine/evaluation/evaluate.ts)
    const plan = id.endsWith('_escalated') ? id.slice(0, -'_escalated'.length) : undefined;
    if (plan && p.triggers?.[plan]?.action.type === 'improvement_plan')
      report('policy_duplicate_id.escalated', { id, plan }, ['triggers', id], { key: true });
    if (t.action.close_when)
      checkCondition(ctx, ['triggers', id, 'action', 'close_when'], t.action.close_when, 'triggers', 'triggers');
    else if (t.action.type === 'improvement_plan') {
      report('policy_plan_without_close_when', { id, default: flow({ not: t.when }) }, ['triggers', id, 'action'], {
        key: true,
        severity: 'warning',
      });
    }
  }
  for (const [id, prop] of Object.entries(p.properties ?? {})) {
    for (const key of ['where', 'always'] as const) {
      const cond = prop[key];
      if (cond) checkPropertyValues(ctx, ['properties', id, key], cond);
    }
    checkPropertyNames(ctx, id, prop);
  }
}

/**
 * The metric, tier and grade a property's `monotone` or `cliff` names: one the policy has. The
 * schema's id pattern lets `constructor` through, and verify would find the method every object
 * has (ctx.known is a Set, not a lookup on an object).
 */
function checkPropertyNames(ctx: CheckContext, id: string, prop: PropertyDef) {
  const metricAt = (metric: unknown, at: Path) => {
    if (typeof metric !== 'string' || ctx.known.has(metric)) return;
    const { near, known } = suggest(metric, [...ctx.known]);
    if (near === undefined) ctx.report('policy_unknown_metric.property', { metric, id, known }, at);
    else ctx.report('policy_unknown_metric.property_near', { metric, id, near, known }, at);
  };
  if (prop.monotone) metricAt(prop.monotone.metric, ['properties', id, 'monotone', 'metric']);
  const cliff = prop.cliff;
  if (!cliff) return;
  if (cliff.metric !== undefined) metricAt(cliff.metric, ['properties', id, 'cliff', 'metric']);
  if (cliff.tier !== undefined) checkTierValues(ctx, ['properties', id, 'cliff', 'tier'], cliff.tier);
  if (cliff.grade !== undefined) checkGradeValues(ctx, ['properties', id, 'cliff', 'grade'], cliff.grade);
}

/** The facts a property's conditions see besides the metrics and the rules' facts (verify's `verifyFacts`): amounts in yuan. */
const PROPERTY_AMOUNTS = ['payout', 'performance_pay', 'tier_award', 'awards'];
/** Every fact a property's conditions see besides the metrics and derived metrics (verifyFacts' keys). */
const PROPERTY_FACTS = [
  'role',
  'stage',
  'team',
  'pay_base',
  'base_score',
  'score',
  'attainment',
  'grade',
  'raw_grade',
  'tier',
  'held',
  ...PROPERTY_AMOUNTS,
];

/**
 * A declared property's comparisons read as rules' are (`yardstick verify`, engine/review/verify/declared.ts):
 * a value of another kind than its fact selects nobody, or fails for everyone, without a word. Refused at the value.
 */
function checkPropertyValues(ctx: CheckContext, base: Path, cond: ConditionDef) {
  const kindOf = (fact: string) => (PROPERTY_AMOUNTS.includes(fact) ? 'number' : undefined);
  forEachLeaf<ConditionLeaf>(cond, (c, below) => {
    const path = [...base, ...below];
    // a fact verify does not give an employee (a typo, or a rule's fact such as previous_grade) is
    // absent for everyone: the property would select nobody, or fail for everyone, without a word
    if (!ctx.known.has(c.fact) && !PROPERTY_FACTS.includes(c.fact)) {
      const where = `properties.${String(base[1])}`;
      const { near, known } = suggest(c.fact, [...ctx.known, ...PROPERTY_FACTS]);
      if (near === undefined) ctx.report('policy_unknown_fact', { fact: c.fact, where, known }, [...path, 'fact']);
      else ctx.report('policy_unknown_fact.near', { fact: c.fact, where, near, known }, [...path, 'fact']);
      return;
    }
    if (!operatorFits(ctx, path, c) || !kindsFit(ctx, path, c, kindOf)) return;
    if (isFactRef(c.value) || (PRESENCE_OPERATORS as readonly string[]).includes(c.operator)) return;
    const numeric = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(c.operator);
    if (numeric && typeof c.value !== 'number')
      ctx.report('policy_value_type', { operator: c.operator, value: shown(c.value) }, [...path, 'value']);
    if (EXACT_OPERATORS.includes(c.operator)) {
      checkValueKinds(ctx, path, c, kindOf);
      // a role or stage by its title, a team, grade or tier the policy does not have: the property
      // would select nobody, and verify call it proved on no employee
      checkOwnValues(ctx, path, c);
    }
  });
}

/**
 * The operator of one comparison, and the shape of the value it takes: a known operator (`contains`
 * refused: no fact is a list), and for `in` / `notIn` a list that is not empty. False when the value
 * is not a list, so nothing more is said of it. Rules' conditions and properties' alike.
 */
function operatorFits(ctx: CheckContext, path: Path, c: ConditionLeaf): boolean {
  const { report } = ctx;
  if (!(OPERATORS as readonly string[]).includes(c.operator)) {
    const { near, known } = suggest(c.operator, OPERATORS);
    if (near === undefined) report('policy_unknown_operator', { operator: c.operator, known }, [...path, 'operator']);
    else report('policy_unknown_operator.near', { operator: c.operator, near, known }, [...path, 'operator']);
  }
  // no fact of a policy is a list, so `contains` never holds and `doesNotContain` never either
  // (json-rules-engine asks for an array fact): `team contains 直播` would silently never fire
  if (c.operator === 'contains' || c.operator === 'doesNotContain')
    report('policy_value_type.contains', { operator: c.operator, fact: c.fact }, [...path, 'operator']);
  // nothing is in an empty list: `in: []` never holds and `notIn: []` always does
  if ((c.operator === 'in' || c.operator === 'notIn') && Array.isArray(c.value) && c.value.length === 0)
    report('policy_value_type.empty_list', { operator: c.operator, fact: c.fact }, [...path, 'value']);
  // `in: A+` without brackets: json-rules-engine then asks whether the text "A+" contains the grade,
  // so an A is "in A+" (and `notIn: A+` fails for it). No fact is a list, so a fact as the value
  // is the same substring test. Refused at the value, with the list to write
  if ((c.operator === 'in' || c.operator === 'notIn') && 'value' in c && !Array.isArray(c.value)) {
    report('policy_value_type.not_list', { operator: c.operator, fact: c.fact, value: shown(c.value) }, [
      ...path,
      'value',
    ]);
    return false;
  }
  // `equal: [A, B]`: json-rules-engine compares with ===, so no record equals a list (and notEqual always holds)
  if ((c.operator === 'equal' || c.operator === 'notEqual') && Array.isArray(c.value)) {
    report('policy_value_type.list_for_one', { operator: c.operator, fact: c.fact, value: shown(c.value) }, [
      ...path,
      'value',
    ]);
    return false;
  }
  return true;
}

const NUMBER_OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/**
 * The kinds on both sides of a comparison: `<`, `≤`, `>`, `≥` need a number fact (`role > 5`, `team
 * ≥ { fact: score }` never hold), and a comparison with another fact needs one of the same kind
 * (`score equal { fact: role }` never holds, `notEqual` always). Kinds not known (a fact another
 * check refuses) say nothing. False when something was refused.
 */
function kindsFit(ctx: CheckContext, path: Path, c: ConditionLeaf, extra: (fact: string) => 'number' | undefined) {
  const kindOf = (fact: string) => (ctx.known.has(fact) ? 'number' : (BUILTIN_FACTS[fact]?.type ?? extra(fact)));
  const kind = kindOf(c.fact);
  const numeric = NUMBER_OPERATORS.includes(c.operator);
  if (numeric && kind !== undefined && kind !== 'number') {
    ctx.report('policy_value_type.not_number_fact', { operator: c.operator, fact: c.fact }, [...path, 'operator']);
    return false;
  }
  if (!isFactRef(c.value) || typeof c.value.fact !== 'string') return true;
  const ref = c.value.fact;
  const refKind = kindOf(ref);
  if (refKind === undefined || (kind === undefined && !numeric)) return true;
  if (numeric ? refKind !== 'number' : refKind !== kind) {
    ctx.report('policy_value_type.fact_kinds', { operator: c.operator, fact: c.fact, ref }, [...path, 'value']);
    return false;
  }
  return true;
}

/** Every comparison of a condition: a fact known in this phase, an operator, a value that fits. */
function checkCondition(ctx: CheckContext, base: Path, cond: ConditionDef, phase: Phase, where: string) {
  const { report } = ctx;
  forEachLeaf<ConditionLeaf>(cond, (c, below) => {
    const path = [...base, ...below];
    checkFact(ctx, path, c.fact, phase, where, c.params);
    if (!operatorFits(ctx, path, c) || !kindsFit(ctx, path, c, () => undefined)) return;
    const presence = (PRESENCE_OPERATORS as readonly string[]).includes(c.operator);
    if (presence && 'value' in c)
      report('policy_value_type.absent', { operator: c.operator, fact: c.fact }, [...path, 'value'], { key: true });
    const ref = isFactRef(c.value) ? c.value.fact : undefined;
    checkIndicatorParams(ctx, path, c);
    if (presence) {
      // no value to check
    } else if (typeof ref === 'string') checkFact(ctx, [...path, 'value'], ref, phase, where);
    else if (c.fact === 'previous_plan') {
      for (const v of Array.isArray(c.value) ? c.value : [c.value])
        if (!PLAN_STATUSES.includes(String(v)))
          report('policy_value_type.plan_status', { value: String(v) }, [...path, 'value']);
    } else checkOwnValues(ctx, path, c);
    if (c.fact === 'rolling_average' && c.params) {
      const of = String(c.params.of);
      if (of !== 'score' && !ctx.known.has(of))
        report('policy_unknown_metric.rolling_average', { metric: of }, [...path, 'params', 'of']);
      if (!Number.isInteger(c.params.periods) || Number(c.params.periods) < 1)
        report('policy_value_type.periods', {}, [...path, 'params', 'periods']);
    }
    if (c.fact === 'consecutive_grade' && c.params && typeof c.params.grade === 'string') {
      checkGradeValues(ctx, [...path, 'params', 'grade'], c.params.grade);
    }
    if (c.fact === 'indicators_reached_share' && !presence && ref === undefined) {
      // a share is 0 to 1: 85 is 85 % written as percent points, and would never (or always) hold
      const list = Array.isArray(c.value) ? c.value : [c.value];
      list.forEach((v, i) => {
        if (typeof v === 'number' && (v < 0 || v > 1))
          report(
            'policy_value_type.share',
            { fact: c.fact, value: String(v), fraction: String(Number((v / 100).toFixed(6))) },
            Array.isArray(c.value) ? [...path, 'value', i] : [...path, 'value'],
          );
      });
    }
    if (c.fact === 'attainment' && !presence && ref === undefined) {
      // attainment is score / 100: 90 is 90 % written as percent points when only 0.9 is reachable
      const list = Array.isArray(c.value) ? c.value : [c.value];
      list.forEach((v, i) => {
        if (typeof v === 'number')
          checkAttainmentValue(ctx, v, Array.isArray(c.value) ? [...path, 'value', i] : [...path, 'value']);
      });
    }
    if (!presence && ref === undefined && isPlainRatio(ctx, c.fact)) {
      // a ratio without a `range` is 0 to 1 in the data: 50 is 50 % written as percent points (the
      // data may say `ratio_format: percent_points`), and would never (or always) hold
      const list = Array.isArray(c.value) ? c.value : [c.value];
      list.forEach((v, i) => {
        if (typeof v === 'number' && (v < 0 || v > 1))
          report(
            'policy_value_type.ratio',
            { fact: c.fact, value: String(v), fraction: String(Number((v / 100).toFixed(6))) },
            Array.isArray(c.value) ? [...path, 'value', i] : [...path, 'value'],
          );
      });
    }
    const numeric = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(c.operator);
    if (numeric && ref === undefined && typeof c.value !== 'number') {
      report('policy_value_type', { operator: c.operator, value: shown(c.value) }, [...path, 'value']);
    }
    if (EXACT_OPERATORS.includes(c.operator) && ref === undefined) checkValueKinds(ctx, path, c);
  });
}

/**
 * The value of a fact that names something the policy declares — a grade, a tier, a stage, a role, a team
 * (the policy's `teams:`), an employee id as the data reader writes it — refused when it names
 * nothing: the comparison would equal no record. Rules' conditions and properties' alike.
 */
function checkOwnValues(ctx: CheckContext, path: Path, c: ConditionLeaf) {
  const at = [...path, 'value'];
  if (['grade', 'raw_grade', 'previous_grade', 'grade_cap'].includes(c.fact)) checkGradeValues(ctx, at, c.value, c);
  else if (c.fact === 'tier') checkTierValues(ctx, at, c.value);
  else if (c.fact === 'stage') checkIdValues(ctx, at, c.value, ctx.stages, 'stage');
  else if (c.fact === 'role') checkIdValues(ctx, at, c.value, Object.keys(ctx.policy.roles), 'role');
  else if (c.fact === 'team' && ctx.teams) checkTeamValues(ctx, at, c.value, ctx.teams);
  else if (c.fact === 'team') checkTeamSpaces(ctx, at, c.value);
  else if (c.fact === 'employee_id') checkEmployeeIds(ctx, at, c.value);
}

/** A condition's value as its items, each with its own place (the list's item in a list, else the value's). */
const itemsOf = (path: Path, value: unknown): [unknown, Path][] =>
  Array.isArray(value) ? value.map((v, i) => [v, [...path, i]]) : [[value, path]];

/** A name as the data reader compares role and stage titles: width, case and surrounding spaces ignored. */
const sameName = (a: string, b: string) =>
  a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();

/**
 * A tier a property compares with (`tier equal gold`): a band's id, or null for no tier. A band's
 * title (金牌) or a tier the policy does not have equals no employee's tier.
 */
function checkTierValues({ report, policy }: CheckContext, path: Path, value: unknown) {
  const bands = policy.payout.tiers?.bands ?? [];
  const ids = bands.map((b) => b.tier);
  itemsOf(path, value).forEach(([v, at]) => {
    if (typeof v !== 'string' || ids.includes(v)) return;
    if (ids.length === 0) {
      report('policy_unknown_tier.none', { tier: v }, at);
      return;
    }
    const titled = bands.find((b) => b.title !== undefined && sameName(b.title, v))?.tier;
    const { near, known } = suggest(v, ids);
    if ((titled ?? near) === undefined) report('policy_unknown_tier', { tier: v, known }, at);
    else report('policy_unknown_tier.near', { tier: v, near: (titled ?? near)!, known }, at);
  });
}

const EXACT_OPERATORS = ['equal', 'notEqual', 'in', 'notIn'];
/** Facts whose values are checked against their own list (grades, stages, roles, plan statuses). */
const OWN_VALUES = ['grade', 'raw_grade', 'previous_grade', 'grade_cap', 'stage', 'role', 'previous_plan'];

/**
 * `equal`, `notEqual`, `in`, `notIn` compare exactly: a value of another kind than the fact — text
 * against a number (`1_0`, `"60"`), `yes` against true/false, a number against an id — equals no
 * record, so the rule would never fire (or, negated, always would). Refused at the value.
 */
function checkValueKinds(
  ctx: CheckContext,
  path: Path,
  c: ConditionLeaf,
  kindOf: (fact: string) => 'number' | undefined = () => undefined,
) {
  const kind = ctx.known.has(c.fact) ? 'number' : (BUILTIN_FACTS[c.fact]?.type ?? kindOf(c.fact));
  if (kind === undefined || OWN_VALUES.includes(c.fact) || (c.fact === 'team' && ctx.teams)) return;
  const list: unknown[] = Array.isArray(c.value) ? c.value : [c.value];
  list.forEach((v, i) => {
    const fits = kind === 'string' ? typeof v !== 'number' && typeof v !== 'boolean' : typeof v === kind;
    if (fits) return;
    ctx.report(
      kind === 'string' ? 'policy_value_type.text' : `policy_value_type.${kind}`,
      { fact: c.fact, operator: c.operator, value: shown(v) },
      Array.isArray(c.value) ? [...path, 'value', i] : [...path, 'value'],
    );
  });
}

/**
 * A value as the policy wrote it, for a message: a number in quotes keeps its quotes — `"60"` is
 * the text 60, and a message saying "the value is `60`" would not say what is wrong with it.
 */
function shown(v: unknown): string {
  // a list as written, `[0]`, not `0`: "compares numbers, but the value is `0`" read as a number
  if (Array.isArray(v)) return `[${v.map(shown).join(', ')}]`;
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? JSON.stringify(v) : String(v);
}

/**
 * Whether `value`, compared with attainment, can only be percent points: out of reach as a fraction,
 * within reach divided by 100, and at least 10 (1000 %: no monthly band means that much, while
 * 1.3 for a gold band nobody reaches may be meant as written and is only warned about).
 */
export function isAttainmentInPercent(value: number, most: number): boolean {
  return value >= 10 && value > most + EPSILON && value / 100 <= most + EPSILON;
}

/**
 * `attainment` (score / 100) compared with a number that only the percent-points reading makes
 * reachable: `90` when nobody can score more than 120 (attainment 1.2) is 90 % written as percent
 * points, or 9000 % that nobody reaches. Refused with the fraction to write; a value unreachable
 * either way is left to the unreachable warnings and to `verify`.
 */
export function checkAttainmentValue(ctx: CheckContext, value: number, at: Path) {
  const most = maxPossibleScore(ctx.policy) / 100;
  if (isAttainmentInPercent(value, most))
    ctx.report(
      'policy_value_type.attainment',
      { value: String(value), fraction: String(Number((value / 100).toFixed(6))), max: round(most) },
      at,
    );
}

/** The indicator a fact about one indicator names, the level it asks about, the indicators a count goes over. */
function checkIndicatorParams(ctx: CheckContext, path: Path, c: ConditionLeaf) {
  const info = BUILTIN_FACTS[c.fact];
  const names = [...(info?.params ?? []), ...(info?.optionalParams ?? [])];
  if (!c.params || !names.some((n) => n === 'indicator' || n === 'level' || n === 'indicators')) return;
  const paths = indicatorPaths(ctx);
  const checkName = (name: unknown, at: Path) => {
    const indicator = String(name);
    if (paths.includes(indicator)) return;
    const { near, known } = suggest(indicator, paths);
    if (near === undefined) ctx.report('policy_unknown_indicator', { indicator, known }, at);
    else ctx.report('policy_unknown_indicator.near', { indicator, near, known }, at);
  };
  if (names.includes('indicator') && c.params.indicator !== undefined)
    checkName(c.params.indicator, [...path, 'params', 'indicator']);
  if (names.includes('level') && c.params.level !== undefined) {
    if (!(INDICATOR_LEVELS as readonly unknown[]).includes(c.params.level))
      ctx.report('policy_value_type.level', { fact: c.fact, value: String(c.params.level) }, [
        ...path,
        'params',
        'level',
      ]);
  }
  if (names.includes('indicators') && c.params.indicators !== undefined) {
    const list = c.params.indicators;
    if (!Array.isArray(list) || list.length === 0)
      ctx.report('policy_value_type.indicators', { fact: c.fact }, [...path, 'params', 'indicators']);
    else list.forEach((name, i) => checkName(name, [...path, 'params', 'indicators', i]));
  }
}

function checkFact(
  { report, known }: CheckContext,
  path: Path,
  fact: string,
  phase: Phase,
  where: string,
  params?: Record<string, unknown>,
) {
  const builtin = BUILTIN_FACTS[fact];
  if (!known.has(fact) && !builtin) {
    const { near, known: list } = suggest(fact, [...known, ...Object.keys(BUILTIN_FACTS)]);
    if (near === undefined) report('policy_unknown_fact', { fact, where, known: list }, [...path, 'fact']);
    else report('policy_unknown_fact.near', { fact, where, near, known: list }, [...path, 'fact']);
    return;
  }
  if (builtin && builtin.phase === 'triggers' && phase === 'rules') {
    report('policy_fact_not_available', { fact, where }, [...path, 'fact']);
  }
  for (const name of builtin?.params ?? []) {
    if (params?.[name] === undefined) {
      const id = name === 'indicator' || name === 'level' ? 'policy_missing_param.indicator' : 'policy_missing_param';
      report(id, { fact, param: name }, [...path, 'fact']);
    }
  }
}

function checkGradeValues(
  { report, grades }: CheckContext,
  path: Path,
  value: unknown,
  c?: { fact: string; operator: string },
) {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((v, i) => {
    if (typeof v === 'string' && !grades.includes(v)) {
      report(
        'policy_unknown_grade',
        { grade: v, grades: grades.join(', ') },
        Array.isArray(value) ? [...path, i] : path,
      );
    } else if (c && (typeof v === 'number' || typeof v === 'boolean')) {
      // a grade is text, the grade `"3"` too: the number 3 equals no record's grade
      report(
        'policy_value_type.text',
        { fact: c.fact, operator: c.operator, value: shown(v) },
        Array.isArray(value) ? [...path, i] : path,
      );
    }
  });
}

function checkTeamValues({ report }: CheckContext, path: Path, value: unknown, teams: TeamDirectory) {
  const titles = teams.teams.map((t) => t.title);
  itemsOf(path, value).forEach(([v, at]) => {
    if (typeof v !== 'string' || titles.includes(v)) return;
    const named = teams.find(v);
    if (named !== undefined) report('policy_team_not_title', { value: v, team: named }, at);
    else report('policy_unknown_team', { team: v, teams: titles.join(', ') }, at);
  });
}

/**
 * A team written with spaces at its ends or an invisible character (`"短视频一组 "`), in a policy
 * that declares no `teams:`: the data reader trims a team's cell and drops those characters, so no
 * record's team can equal it, and the rule would never fire (or with `notEqual` always).
 */
function checkTeamSpaces({ report }: CheckContext, path: Path, value: unknown) {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const team = v.replace(TEAM_INVISIBLE, '').trim();
    if (team !== v && team !== '')
      report('policy_value_type.team', { value: v, team }, Array.isArray(value) ? [...path, i] : path);
  });
}
const TEAM_INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Spaces of every width and the invisible characters an id loses when the data is read (engine/data/ids.ts). */
const ID_IGNORED = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * A record carries its id as the data reader normalises it (`Ｅ１` and `E1 ` are `E1`; docs: "Employee
 * ids and join keys"), so an id in a condition written another way (`Ｅ１`, `"E1 "`, a zero-width
 * space) would equal nobody: the rule would never fire, or with `notEqual` always. Refused with the
 * id to write.
 */
function checkEmployeeIds({ report }: CheckContext, path: Path, value: unknown) {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const id = v.normalize('NFKC').replace(ID_IGNORED, '');
    if (id === v || id === '') return;
    const shownAs = [...v]
      .map((ch) =>
        ch.replace(ID_IGNORED, '') === '' && ch !== ' '
          ? `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
          : ch,
      )
      .join('');
    report('policy_value_type.employee_id', { value: shownAs, id }, Array.isArray(value) ? [...path, i] : path);
  });
}

/** The declared ids a condition's value may name (`policy_unknown_stage`, `policy_unknown_role`). */
type IdKind = 'stage' | 'role';

function checkIdValues({ report, policy }: CheckContext, path: Path, value: unknown, ids: string[], what: IdKind) {
  const titleOf = (id: string) => (what === 'stage' ? policy.stages[id]?.title : policy.roles[id]?.title);
  itemsOf(path, value).forEach(([v, at]) => {
    if (typeof v !== 'string' || ids.includes(v)) return;
    // a title (主播) names the role in the data, but a condition compares the id: suggest it
    const titled = ids.find((id) => {
      const title = titleOf(id);
      return title !== undefined && sameName(title, v);
    });
    const suggested = suggest(v, ids);
    const { known } = suggested;
    const near = titled ?? suggested.near;
    if (what === 'stage') {
      if (near === undefined) report('policy_unknown_stage', { stage: v, known }, at);
      else report('policy_unknown_stage.near', { stage: v, near, known }, at);
    } else if (near === undefined) report('policy_unknown_role', { role: v, known }, at);
    else report('policy_unknown_role.near', { role: v, near, known }, at);
  });
}
