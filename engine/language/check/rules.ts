// Rules and their conditions: adjustments, holds, triggers and improvement plans' close_when.

import type { ConditionDef } from '../../model/policy.js';
import { forEachLeaf, isFactRef, type ConditionLeaf } from '../conditions.js';
import { BUILTIN_FACTS, OPERATORS, type Phase } from '../facts.js';
import type { Path } from '../parse.js';
import type { TeamDirectory } from '../teams.js';
import { flow, hint, type CheckContext } from './context.js';

/** Adjustments and holds run on the record, triggers (and plans' close_when) on the result. */
export function checkRules(ctx: CheckContext) {
  const { policy: p, report, grades } = ctx;
  for (const [id, a] of Object.entries(p.adjustments ?? {})) {
    checkCondition(ctx, ['adjustments', id, 'when'], a.when, 'rules', 'adjustments');
    if (a.grade_cap !== undefined && !grades.includes(a.grade_cap)) {
      report('policy_unknown_grade', ['adjustments', id, 'grade_cap'], `unknown grade \`${a.grade_cap}\` in \`grade_cap\``, `grades of this policy: ${grades.join(', ')}`);
    }
  }
  for (const [id, h] of Object.entries(p.holds ?? {})) checkCondition(ctx, ['holds', id, 'when'], h.when, 'rules', 'holds');
  for (const [id, t] of Object.entries(p.triggers ?? {})) {
    checkCondition(ctx, ['triggers', id, 'when'], t.when, 'triggers', 'triggers');
    if (t.action.close_when) checkCondition(ctx, ['triggers', id, 'action', 'close_when'], t.action.close_when, 'triggers', 'triggers');
    else if (t.action.type === 'improvement_plan') {
      report('policy_plan_without_close_when', ['triggers', id, 'action'], `improvement plan \`${id}\` has no \`close_when\`: it closes as soon as its \`when\` no longer holds`,
        `say when the plan is met, e.g. \`close_when: ${flow({ not: t.when })}\` (the default) or \`close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }\``,
        { key: true, severity: 'warning' });
    }
  }
}

/** Every comparison of a condition: a fact known in this phase, an operator, a value that fits. */
function checkCondition(ctx: CheckContext, base: Path, cond: ConditionDef, phase: Phase, where: string) {
  const { report } = ctx;
  forEachLeaf<ConditionLeaf>(cond, (c, below) => {
    const path = [...base, ...below];
    checkFact(ctx, path, c.fact, phase, where, c.params);
    if (!(OPERATORS as readonly string[]).includes(c.operator)) {
      report('policy_unknown_operator', [...path, 'operator'], `unknown operator \`${c.operator}\``, hint(c.operator, OPERATORS, 'operators'));
    }
    const ref = isFactRef(c.value) ? c.value.fact : undefined;
    if (typeof ref === 'string') checkFact(ctx, [...path, 'value'], ref, phase, where);
    else if (['grade', 'raw_grade', 'previous_grade'].includes(c.fact)) checkGradeValues(ctx, [...path, 'value'], c.value);
    else if (c.fact === 'stage') checkIdValues(ctx, [...path, 'value'], c.value, ctx.stages, 'stage');
    else if (c.fact === 'role') checkIdValues(ctx, [...path, 'value'], c.value, Object.keys(ctx.policy.roles), 'role');
    else if (c.fact === 'team' && ctx.teams) checkTeamValues(ctx, [...path, 'value'], c.value, ctx.teams);
    if (c.fact === 'rolling_average' && c.params) {
      const of = String(c.params.of);
      if (of !== 'score' && !ctx.known.has(of)) report('policy_unknown_metric', [...path, 'params', 'of'], `unknown metric \`${of}\` for rolling_average`, 'use `score` or a metric an indicator scores');
      if (!Number.isInteger(c.params.periods) || Number(c.params.periods) < 1) report('policy_value_type', [...path, 'params', 'periods'], '`periods` of rolling_average must be a whole number of periods, 1 or more', 'e.g. `params: { of: score, periods: 3 }`');
    }
    if (c.fact === 'consecutive_grade' && c.params && typeof c.params.grade === 'string') {
      checkGradeValues(ctx, [...path, 'params', 'grade'], c.params.grade);
    }
    const numeric = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(c.operator);
    if (numeric && ref === undefined && typeof c.value !== 'number') {
      report('policy_value_type', [...path, 'value'], `\`${c.operator}\` compares numbers, but the value is \`${String(c.value)}\``, 'write a number, e.g. `value: 0.05` for 5%');
    }
  });
}

function checkFact({ report, known }: CheckContext, path: Path, fact: string, phase: Phase, where: string, params?: Record<string, unknown>) {
  const builtin = BUILTIN_FACTS[fact];
  if (!known.has(fact) && !builtin) {
    report('policy_unknown_fact', [...path, 'fact'], `unknown fact \`${fact}\` in ${where}`,
      hint(fact, [...known, ...Object.keys(BUILTIN_FACTS)], 'metrics, derived metrics and built-in facts'));
    return;
  }
  if (builtin && builtin.phase === 'triggers' && phase === 'rules') {
    report('policy_fact_not_available', [...path, 'fact'], `fact \`${fact}\` is not known yet when ${where} run`,
      `holds and adjustments run before scoring and grading; use \`${fact}\` in a trigger, or base the rule on \`base_score\` or a metric`);
  }
  for (const name of builtin?.params ?? []) {
    if (params?.[name] === undefined) {
      report('policy_missing_param', [...path, 'fact'], `fact \`${fact}\` needs \`params: { ${name}: … }\``, `e.g. \`params: { ${name}: C }\``);
    }
  }
}

function checkGradeValues({ report, grades }: CheckContext, path: Path, value: unknown) {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v === 'string' && !grades.includes(v)) {
      report('policy_unknown_grade', path, `unknown grade \`${v}\``, `grades of this policy: ${grades.join(', ')}`);
    }
  }
}

function checkTeamValues({ report }: CheckContext, path: Path, value: unknown, teams: TeamDirectory) {
  const titles = teams.teams.map((t) => t.title);
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string' || titles.includes(v)) continue;
    const named = teams.find(v);
    if (named !== undefined) report('policy_team_not_title', path, `\`${v}\` is another spelling of team \`${named}\`: conditions compare with the team's title`, `write \`${named}\``);
    else report('policy_unknown_team', path, `unknown team \`${v}\``, `teams of this policy: ${titles.join(', ')}`);
  }
}

function checkIdValues({ report }: CheckContext, path: Path, value: unknown, ids: string[], what: string) {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v === 'string' && !ids.includes(v)) {
      report(`policy_unknown_${what}`, path, `unknown ${what} \`${v}\``, hint(v, ids, `${what}s`));
    }
  }
}
