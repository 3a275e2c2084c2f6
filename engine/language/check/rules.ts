// Rules and their conditions: adjustments, holds, triggers and improvement plans' close_when.

import type { ConditionDef } from '../../model/policy.js';
import { forEachLeaf, isFactRef, type ConditionLeaf } from '../conditions.js';
import { BUILTIN_FACTS, OPERATORS, type Phase } from '../facts.js';
import type { Path } from '../parse.js';
import type { TeamDirectory } from '../teams.js';
import { flow, suggest, type CheckContext } from './context.js';

/** Adjustments and holds run on the record, triggers (and plans' close_when) on the result. */
export function checkRules(ctx: CheckContext) {
  const { policy: p, report, grades } = ctx;
  for (const [id, a] of Object.entries(p.adjustments ?? {})) {
    checkCondition(ctx, ['adjustments', id, 'when'], a.when, 'rules', 'adjustments');
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
    if (t.action.close_when)
      checkCondition(ctx, ['triggers', id, 'action', 'close_when'], t.action.close_when, 'triggers', 'triggers');
    else if (t.action.type === 'improvement_plan') {
      report('policy_plan_without_close_when', { id, default: flow({ not: t.when }) }, ['triggers', id, 'action'], {
        key: true,
        severity: 'warning',
      });
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
      const { near, known } = suggest(c.operator, OPERATORS);
      if (near === undefined) report('policy_unknown_operator', { operator: c.operator, known }, [...path, 'operator']);
      else report('policy_unknown_operator.near', { operator: c.operator, near, known }, [...path, 'operator']);
    }
    const ref = isFactRef(c.value) ? c.value.fact : undefined;
    if (typeof ref === 'string') checkFact(ctx, [...path, 'value'], ref, phase, where);
    else if (['grade', 'raw_grade', 'previous_grade'].includes(c.fact))
      checkGradeValues(ctx, [...path, 'value'], c.value);
    else if (c.fact === 'stage') checkIdValues(ctx, [...path, 'value'], c.value, ctx.stages, 'stage');
    else if (c.fact === 'role') checkIdValues(ctx, [...path, 'value'], c.value, Object.keys(ctx.policy.roles), 'role');
    else if (c.fact === 'team' && ctx.teams) checkTeamValues(ctx, [...path, 'value'], c.value, ctx.teams);
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
    const numeric = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(c.operator);
    if (numeric && ref === undefined && typeof c.value !== 'number') {
      report('policy_value_type', { operator: c.operator, value: String(c.value) }, [...path, 'value']);
    }
  });
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
      report('policy_missing_param', { fact, param: name }, [...path, 'fact']);
    }
  }
}

function checkGradeValues({ report, grades }: CheckContext, path: Path, value: unknown) {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v === 'string' && !grades.includes(v)) {
      report('policy_unknown_grade', { grade: v, grades: grades.join(', ') }, path);
    }
  }
}

function checkTeamValues({ report }: CheckContext, path: Path, value: unknown, teams: TeamDirectory) {
  const titles = teams.teams.map((t) => t.title);
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string' || titles.includes(v)) continue;
    const named = teams.find(v);
    if (named !== undefined) report('policy_team_not_title', { value: v, team: named }, path);
    else report('policy_unknown_team', { team: v, teams: titles.join(', ') }, path);
  }
}

/** The declared ids a condition's value may name (`policy_unknown_stage`, `policy_unknown_role`). */
type IdKind = 'stage' | 'role';

function checkIdValues({ report }: CheckContext, path: Path, value: unknown, ids: string[], what: IdKind) {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string' || ids.includes(v)) continue;
    const { near, known } = suggest(v, ids);
    if (what === 'stage') {
      if (near === undefined) report('policy_unknown_stage', { stage: v, known }, path);
      else report('policy_unknown_stage.near', { stage: v, near, known }, path);
    } else if (near === undefined) report('policy_unknown_role', { role: v, known }, path);
    else report('policy_unknown_role.near', { role: v, near, known }, path);
  }
}
