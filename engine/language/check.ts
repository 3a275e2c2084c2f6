// Step 3: semantic checks on a schema-valid policy. Every problem is reported in one pass with
// the position of the YAML node it is about; nothing here stops at the first mistake.

import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { EXPRESSION_LIMITS_HELP, parseExpression, variablesOf, type Expr } from './expression.js';
import { BUILTIN_FACTS, OPERATORS, type Phase } from './facts.js';
import { isGroup, type ConditionDef, type IndicatorDef, type LeafIndicatorDef, type PolicyDoc } from '../model/policy.js';
import { nodeAt, spanAt, spanOf, type Path, type SourceFile } from './parse.js';
import { closest } from './schema.js';
import { teamKey, TeamDirectory } from './teams.js';
import { isScalar } from 'yaml';

/** Variables a payout formula may use besides metrics and derived metrics. */
export const PAYOUT_VARIABLES = ['pay_base', 'score', 'base_score', 'attainment'] as const;

const EPSILON = 1e-9;

export function checkPolicy(source: SourceFile, p: PolicyDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, path: Path, message: string, help: string, opts: { key?: boolean; severity?: Severity } = {}) =>
    out.push({ code, severity: opts.severity ?? 'error', message, help, file: source.file, span: spanOf(source, path, { key: opts.key }), path: [...path] });

  const stages = Object.keys(p.stages);
  const metricIds = Object.keys(p.metrics);
  const derivedIds = Object.keys(p.derived ?? {});
  const known = new Set([...metricIds, ...derivedIds]);
  const grades = p.grades.map((g) => g.grade);

  checkIds(p, report);
  checkTeams(p, report);
  const teams = p.teams ? new TeamDirectory(Object.entries(p.teams).map(([id, t]) => ({ id, ...t }))) : undefined;
  checkDerived(source, p, known, report, out);

  for (const [roleId, role] of Object.entries(p.roles)) {
    checkLevel(['roles', roleId, 'indicators'], role.indicators);
  }

  function checkLevel(path: Path, level: Record<string, IndicatorDef>) {
    for (const stage of stages) {
      let sum = 0;
      let complete = true;
      for (const def of Object.values(level)) {
        const w = typeof def.weight === 'number' ? def.weight : def.weight[stage];
        if (w === undefined) complete = false;
        else sum += w;
      }
      if (complete && Math.abs(sum - 100) > EPSILON) {
        report('policy_weights_sum', path, `weights of \`${dotted(path)}\` sum to ${round(sum)} for stage \`${stage}\`, not 100`,
          `change the weights of ${Object.keys(level).map((k) => `\`${k}\``).join(', ')} so they add up to 100`, { key: true });
      }
    }
    for (const [id, def] of Object.entries(level)) {
      const here = [...path, id];
      if (typeof def.weight === 'object') {
        for (const stage of stages) {
          if (def.weight[stage] === undefined) {
            report('policy_weight_missing_stage', [...here, 'weight'], `weight of \`${id}\` has no value for stage \`${stage}\``,
              `add \`${stage}: <weight>\` to the weight, or use one number for every stage`);
          }
        }
        for (const stage of Object.keys(def.weight)) {
          if (!stages.includes(stage)) {
            report('policy_unknown_stage', [...here, 'weight', stage], `unknown stage \`${stage}\` in the weight of \`${id}\``,
              hint(stage, stages, 'stages'), { key: true });
          }
        }
      }
      if (isGroup(def)) checkLevel([...here, 'indicators'], def.indicators);
      else checkIndicator(here, def);
    }
  }

  function checkIndicator(path: Path, ind: LeafIndicatorDef) {
    if (!known.has(ind.metric)) {
      report('policy_unknown_metric', [...path, 'metric'], `unknown metric \`${ind.metric}\` in indicator \`${path[path.length - 1]}\``,
        hint(ind.metric, [...known], 'metrics or derived'));
      return;
    }
    const scoring = ind.scoring ?? 'linear';
    const lower = ind.better === 'lower';
    if (scoring === 'linear') {
      const { threshold: t, target: g, challenge: c } = ind;
      if (lower && t === undefined) {
        report('policy_lower_needs_threshold', path, `lower-is-better indicator \`${path[path.length - 1]}\` needs a \`threshold\``,
          'add the worst value that still scores 60 points, e.g. `threshold: 0.15` for a return rate with target 0.10', { key: true });
      }
      const order = lower ? 'threshold > target > challenge' : 'threshold < target < challenge';
      const bad = (a?: number, b?: number) => a !== undefined && b !== undefined && (lower ? a <= b : a >= b);
      if (bad(t, g)) {
        report('policy_target_order', [...path, 'threshold'], `threshold ${t} and target ${g} of \`${path[path.length - 1]}\` are out of order: ${lower ? 'lower is better, so ' : ''}${order}`,
          lower ? 'for a lower-is-better indicator the threshold is the highest acceptable value' : 'the threshold (60 points) must be below the target (100 points)');
      }
      if (bad(g, c)) {
        report('policy_target_order', [...path, 'challenge'], `target ${g} and challenge ${c} of \`${path[path.length - 1]}\` are out of order: ${lower ? 'lower is better, so ' : ''}${order}`,
          lower ? 'for a lower-is-better indicator the challenge is below the target' : 'the challenge (120 points) must be above the target (100 points)');
      }
      if (!lower && t !== undefined && g === undefined) {
        report('policy_missing_target', path, `indicator \`${path[path.length - 1]}\` has a threshold but no target`, 'add `target:`', { key: true });
      }
    }
    if (scoring === 'steps' && ind.steps) {
      const bound = lower ? 'max' : 'min';
      let previous: number | undefined;
      ind.steps.forEach((step, i) => {
        const v = step[bound];
        const at = [...path, 'steps', i];
        if (v === undefined) {
          report('policy_step_bound', at, `step ${i + 1} of \`${path[path.length - 1]}\` has no \`${bound}\``,
            lower ? 'steps of a lower-is-better indicator give `max`, from the lowest up' : 'steps give `min`, from the highest down');
          return;
        }
        if (previous !== undefined) {
          if (v === previous) {
            report('policy_steps_overlap', at, `steps ${i} and ${i + 1} of \`${path[path.length - 1]}\` both start at ${v}`, 'give every step its own bound');
          } else if (lower ? v < previous : v > previous) {
            report('policy_steps_order', at, `step ${i + 1} of \`${path[path.length - 1]}\` (${bound} ${v}) is out of order after ${bound} ${previous}`,
              lower ? 'order steps by `max` from the lowest up' : 'order steps by `min` from the highest down: the first match scores');
          }
        }
        previous = v;
      });
    }
    if (scoring === 'rating') {
      const m = p.metrics[ind.metric];
      if (!m?.range) {
        report('policy_rating_needs_range', [...path, 'metric'], `rating indicator \`${path[path.length - 1]}\` scores \`${ind.metric}\`, which has no \`range\``,
          `give the metric a range such as \`range: [0, 100]\` or \`range: [0, 5]\`: its maximum is the full mark`);
      }
    }
  }

  const checkCondition = (base: Path, cond: ConditionDef, phase: Phase, where: string) => {
    const walk = (path: Path, c: ConditionDef) => {
      if ('all' in c) c.all.forEach((x, i) => walk([...path, 'all', i], x));
      else if ('any' in c) c.any.forEach((x, i) => walk([...path, 'any', i], x));
      else if ('not' in c) walk([...path, 'not'], c.not);
      else {
        checkFact(path, c.fact, phase, where, c.params);
        if (!(OPERATORS as readonly string[]).includes(c.operator)) {
          report('policy_unknown_operator', [...path, 'operator'], `unknown operator \`${c.operator}\``, hint(c.operator, OPERATORS, 'operators'));
        }
        const ref = c.value && typeof c.value === 'object' && 'fact' in (c.value as object) ? (c.value as { fact: unknown }).fact : undefined;
        if (typeof ref === 'string') checkFact([...path, 'value'], ref, phase, where);
        else if (['grade', 'raw_grade', 'previous_grade'].includes(c.fact)) checkGradeValues([...path, 'value'], c.value);
        else if (c.fact === 'stage') checkIdValues([...path, 'value'], c.value, stages, 'stage');
        else if (c.fact === 'role') checkIdValues([...path, 'value'], c.value, Object.keys(p.roles), 'role');
        else if (c.fact === 'team' && teams) checkTeamValues([...path, 'value'], c.value, teams);
        if (c.fact === 'rolling_average' && c.params) {
          const of = String(c.params.of);
          if (of !== 'score' && !known.has(of)) report('policy_unknown_metric', [...path, 'params', 'of'], `unknown metric \`${of}\` for rolling_average`, 'use `score` or a metric an indicator scores');
          if (!Number.isInteger(c.params.periods) || Number(c.params.periods) < 1) report('policy_value_type', [...path, 'params', 'periods'], '`periods` of rolling_average must be a whole number of periods, 1 or more', 'e.g. `params: { of: score, periods: 3 }`');
        }
        if (c.fact === 'consecutive_grade' && c.params && typeof c.params.grade === 'string') {
          checkGradeValues([...path, 'params', 'grade'], c.params.grade);
        }
        const numeric = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(c.operator);
        if (numeric && ref === undefined && typeof c.value !== 'number') {
          report('policy_value_type', [...path, 'value'], `\`${c.operator}\` compares numbers, but the value is \`${String(c.value)}\``, 'write a number, e.g. `value: 0.05` for 5%');
        }
      }
    };
    walk(base, cond);
  };

  function checkFact(path: Path, fact: string, phase: Phase, where: string, params?: Record<string, unknown>) {
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

  function checkGradeValues(path: Path, value: unknown) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && !grades.includes(v)) {
        report('policy_unknown_grade', path, `unknown grade \`${v}\``, `grades of this policy: ${grades.join(', ')}`);
      }
    }
  }

  function checkTeamValues(path: Path, value: unknown, teams: TeamDirectory) {
    const titles = teams.teams.map((t) => t.title);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' || titles.includes(v)) continue;
      const named = teams.find(v);
      if (named !== undefined) report('policy_team_not_title', path, `\`${v}\` is another spelling of team \`${named}\`: conditions compare with the team's title`, `write \`${named}\``);
      else report('policy_unknown_team', path, `unknown team \`${v}\``, `teams of this policy: ${titles.join(', ')}`);
    }
  }

  function checkIdValues(path: Path, value: unknown, ids: string[], what: string) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && !ids.includes(v)) {
        report(`policy_unknown_${what}`, path, `unknown ${what} \`${v}\``, hint(v, ids, `${what}s`));
      }
    }
  }

  for (const [id, a] of Object.entries(p.adjustments ?? {})) {
    checkCondition(['adjustments', id, 'when'], a.when, 'rules', 'adjustments');
    if (a.grade_cap !== undefined && !grades.includes(a.grade_cap)) {
      report('policy_unknown_grade', ['adjustments', id, 'grade_cap'], `unknown grade \`${a.grade_cap}\` in \`grade_cap\``, `grades of this policy: ${grades.join(', ')}`);
    }
  }
  for (const [id, h] of Object.entries(p.holds ?? {})) checkCondition(['holds', id, 'when'], h.when, 'rules', 'holds');
  for (const [id, t] of Object.entries(p.triggers ?? {})) {
    checkCondition(['triggers', id, 'when'], t.when, 'triggers', 'triggers');
    if (t.action.close_when) checkCondition(['triggers', id, 'action', 'close_when'], t.action.close_when, 'triggers', 'triggers');
    else if (t.action.type === 'improvement_plan') {
      report('policy_plan_without_close_when', ['triggers', id, 'action'], `improvement plan \`${id}\` has no \`close_when\`: it closes as soon as its \`when\` no longer holds`,
        `say when the plan is met, e.g. \`close_when: ${flow({ not: t.when })}\` (the default) or \`close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }\``,
        { key: true, severity: 'warning' });
    }
  }

  // grades: strictly descending, ending at 0, reachable
  const maxScore = maxPossibleScore(p);
  p.grades.forEach((g, i) => {
    const at = ['grades', i, 'min'];
    if (i > 0 && g.min >= p.grades[i - 1].min) {
      report('policy_grades_order', at, `grade \`${g.grade}\` (min ${g.min}) must have a lower min than \`${p.grades[i - 1].grade}\` (min ${p.grades[i - 1].min})`,
        'list grades from the best down with strictly decreasing `min`: the first match applies');
    }
    if (grades.indexOf(g.grade) !== i) {
      report('policy_duplicate_id', ['grades', i, 'grade'], `grade \`${g.grade}\` is listed twice`, 'give every grade its own name');
    }
    if (g.min > maxScore + EPSILON) {
      report('policy_grade_unreachable', at, `grade \`${g.grade}\` needs ${g.min} points but no employee can score more than ${round(maxScore)}`,
        'lower the min, or raise indicator caps, `score.max` or adjustment points', { severity: 'warning' });
    }
  });
  const last = p.grades[p.grades.length - 1];
  if (last && last.min !== 0) {
    report('policy_grades_cover_zero', ['grades', p.grades.length - 1, 'min'], `the last grade \`${last.grade}\` starts at ${last.min}, so scores below ${last.min} get no grade`,
      'end the grade table with `min: 0`');
  }

  // forced distribution: names that exist and quotas that can be met
  const cal = p.calibration;
  if (cal) {
    const scale = cal.scale ?? grades;
    if (cal.scale && !cal.map && cal.scale.join() !== grades.join()) {
      report('policy_calibration_map', ['calibration', 'scale'], 'the calibration scale differs from the grades but has no `map`', `say which scale grade each grade starts at, e.g. \`map: { ${grades.map((g, i) => `${g}: ${scale[Math.min(i, scale.length - 1)]}`).join(', ')} }\``, { key: true });
    }
    for (const [g, target] of Object.entries(cal.map ?? {})) {
      if (!grades.includes(g)) report('policy_unknown_grade', ['calibration', 'map', g], `unknown grade \`${g}\` in the calibration map`, `grades of this policy: ${grades.join(', ')}`, { key: true });
      if (!scale.includes(target)) report('policy_unknown_grade', ['calibration', 'map', g], `\`${target}\` is not on the calibration scale`, `the scale: ${scale.join(', ')}`);
    }
    let minSum = 0;
    let maxSum = 0;
    for (const g of scale) {
      const q = cal.quotas[g];
      minSum += q?.min ?? 0;
      maxSum += q?.max ?? 1;
      if (q?.min !== undefined && q.max !== undefined && q.min > q.max) {
        report('policy_quota_impossible', ['calibration', 'quotas', g], `the quota for \`${g}\` asks for at least ${q.min} but at most ${q.max}`, 'make min no larger than max');
      }
    }
    for (const g of Object.keys(cal.quotas)) {
      if (!scale.includes(g)) report('policy_unknown_grade', ['calibration', 'quotas', g], `quota for \`${g}\`, which is not on the calibration scale`, `the scale: ${scale.join(', ')}`, { key: true });
    }
    if (minSum > 1 + EPSILON) report('policy_quota_impossible', ['calibration', 'quotas'], `the minimum shares add up to ${round(minSum * 100)}%, more than everyone`, 'lower the `min` shares so they add up to 100% or less', { key: true });
    if (maxSum < 1 - EPSILON) report('policy_quota_impossible', ['calibration', 'quotas'], `the maximum shares add up to ${round(maxSum * 100)}%, so not everyone can be placed`, 'leave one grade (usually the middle one) without a `max`, or raise the maxima', { key: true });
  }

  // payout expressions and tiers
  const payoutVars = new Set<string>([...known, ...PAYOUT_VARIABLES]);
  const checkExpr = (path: Path, text: unknown) => {
    if (typeof text !== 'string') return;
    const parsed = parseAt(source, path, text, out);
    if (parsed) for (const v of variablesOf(parsed)) if (!payoutVars.has(v)) {
      report('policy_unknown_variable', path, `unknown name \`${v}\` in \`${text}\``, hint(v, [...payoutVars], 'names'));
    }
  };
  checkExpr(['payout', 'performance_pay'], p.payout.performance_pay);
  checkExpr(['payout', 'awards_cap'], p.payout.awards_cap);
  checkExpr(['payout', 'cap'], p.payout.cap);
  const tiers = p.payout.tiers;
  if (tiers) {
    if (tiers.basis !== 'attainment' && !known.has(tiers.basis)) {
      report('policy_unknown_metric', ['payout', 'tiers', 'basis'], `unknown tier basis \`${tiers.basis}\``,
        `use \`attainment\` (score / 100) or a metric: ${hint(tiers.basis, [...known], 'metrics')}`);
    }
    const ids: string[] = [];
    tiers.bands.forEach((b, i) => {
      if (ids.includes(b.tier)) report('policy_duplicate_id', ['payout', 'tiers', 'bands', i, 'tier'], `tier \`${b.tier}\` is listed twice`, 'give every tier its own id');
      ids.push(b.tier);
      if (i > 0 && b.min >= tiers.bands[i - 1].min) {
        report('policy_tiers_order', ['payout', 'tiers', 'bands', i, 'min'], `tier \`${b.tier}\` (min ${b.min}) must have a lower min than \`${tiers.bands[i - 1].tier}\` (min ${tiers.bands[i - 1].min})`,
          'list tiers from the best down with strictly decreasing `min`: the first match applies');
      }
      if (tiers.basis === 'attainment' && b.min > maxScore / 100 + EPSILON) {
        report('policy_tier_unreachable', ['payout', 'tiers', 'bands', i, 'min'], `tier \`${b.tier}\` needs attainment ${b.min} but no employee can score more than ${round(maxScore)} (attainment ${round(maxScore / 100)})`,
          'lower the min, or raise indicator caps, `score.max` or adjustment points', { severity: 'warning' });
      }
    });
  }

  return out;
}

function checkIds(p: PolicyDoc, report: (code: string, path: Path, message: string, help: string, opts?: { key?: boolean }) => void) {
  for (const id of Object.keys(p.derived ?? {})) {
    if (p.metrics[id]) report('policy_duplicate_id', ['derived', id], `\`${id}\` is both a metric and a derived metric`, 'rename one of them', { key: true });
  }
  for (const [section, ids] of [['metrics', Object.keys(p.metrics)], ['derived', Object.keys(p.derived ?? {})]] as const) {
    for (const id of ids) {
      if (BUILTIN_FACTS[id] || id === 'name' || id === 'period') {
        report('policy_reserved_id', [section, id], `\`${id}\` is a built-in name and cannot be a metric id`, 'rename the metric, e.g. `' + id + '_value`', { key: true });
      }
    }
  }
  // every column header must mean one thing
  const owner = new Map<string, string>();
  for (const [id, m] of Object.entries(p.metrics)) {
    for (const [label, path] of [[m.label, ['metrics', id, 'label']], ...(m.aliases ?? []).map((a, i) => [a, ['metrics', id, 'aliases', i]] as const)] as const) {
      const key = label.trim().toLowerCase();
      const other = owner.get(key);
      if (other && other !== id) {
        report('policy_duplicate_label', path as Path, `column name \`${label}\` is used by both \`${other}\` and \`${id}\``, 'give each metric its own label and aliases so data columns map to one metric');
      } else owner.set(key, id);
    }
  }
}

/** Every spelling of a declared team (title, id, alias, after width and space normalisation) names one team. */
function checkTeams(p: PolicyDoc, report: (code: string, path: Path, message: string, help: string) => void) {
  const owner = new Map<string, string>();
  for (const [id, t] of Object.entries(p.teams ?? {})) {
    const spellings: [string, Path][] = [[t.title, ['teams', id, 'title']], [id, ['teams', id]], ...(t.aliases ?? []).map((a, i): [string, Path] => [a, ['teams', id, 'aliases', i]])];
    for (const [text, path] of spellings) {
      const name = teamKey(text);
      const other = owner.get(name);
      if (other !== undefined && other !== id) {
        report('policy_duplicate_team_name', path, `team name \`${text}\` is used by both \`${other}\` and \`${id}\``, 'each title and alias must name one team (width, spaces and letter case do not count as a difference): remove it from one of them');
      } else if (name === '') {
        report('policy_empty_team_name', path, `a name of team \`${id}\` is only spaces`, 'write the team name as the data writes it');
      }
      owner.set(name, id);
    }
  }
}

function checkDerived(source: SourceFile, p: PolicyDoc, known: Set<string>, report: (code: string, path: Path, message: string, help: string) => void, out: Diagnostic[]) {
  const exprs = new Map<string, Expr>();
  for (const [id, d] of Object.entries(p.derived ?? {})) {
    const path = typeof d === 'string' ? ['derived', id] : ['derived', id, 'expr'];
    const text = typeof d === 'string' ? d : d.expr;
    const parsed = parseAt(source, path, text, out);
    if (!parsed) continue;
    exprs.set(id, parsed);
    for (const v of variablesOf(parsed)) {
      if (!known.has(v)) report('policy_unknown_metric', path, `unknown metric \`${v}\` in derived metric \`${id}\``, hint(v, [...known], 'metrics'));
    }
  }
  // cycles: a derived metric may not depend on itself
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      report('policy_derived_cycle', ['derived', id], `derived metrics depend on each other in a cycle: ${cycle.join(' → ')}`, 'break the cycle: one of them must be computed from plain metrics');
      return;
    }
    state.set(id, 'visiting');
    for (const v of variablesOf(exprs.get(id)!)) if (exprs.has(v)) visit(v, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of exprs.keys()) visit(id, []);
  return exprs;
}

/** Parses an expression and reports a syntax error at the exact character inside the YAML scalar. */
function parseAt(source: SourceFile, path: Path, text: string, out: Diagnostic[]): Expr | undefined {
  const parsed = parseExpression(text);
  if (parsed.ok) return parsed.expr;
  const node = nodeAt(source, path);
  let span = spanOf(source, path);
  if (node?.range && parsed.offset !== undefined && isScalar(node)) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    span = spanAt(source, node.range[0] + (quoted ? 1 : 0) + parsed.offset);
  }
  out.push({
    code: parsed.tooLarge ? 'policy_expression_too_large' : 'policy_expression_syntax',
    severity: 'error',
    message: parsed.tooLarge ? parsed.message : `cannot read expression \`${text}\`: ${parsed.message}`,
    help: parsed.tooLarge ? EXPRESSION_LIMITS_HELP : 'expressions use metric ids, numbers, + - * / ( ), comparisons, `a ? b : c` and min max abs round floor ceil',
    file: source.file,
    span,
    path: [...path],
  });
  return undefined;
}

/** The best total score any employee could reach: all indicators at their cap, every bonus rule firing. */
export function maxPossibleScore(p: PolicyDoc): number {
  const maxPoints = (def: IndicatorDef, stage: string): number => {
    const w = typeof def.weight === 'number' ? def.weight : def.weight[stage] ?? 0;
    if (isGroup(def)) return (Object.values(def.indicators).reduce((s, d) => s + maxPoints(d, stage), 0) * w) / 100;
    const cap = def.cap ?? 120;
    const scoring = def.scoring ?? 'linear';
    const best =
      scoring === 'steps' ? Math.max(...(def.steps ?? []).map((s) => s.points)) :
      scoring === 'pass_fail' ? Math.max(def.pass_points ?? 100, def.fail_points ?? 0) :
      scoring === 'rating' ? 100 : cap;
    return (Math.min(best, cap) * w) / 100;
  };
  let best = 0;
  for (const role of Object.values(p.roles)) {
    for (const stage of Object.keys(p.stages)) {
      best = Math.max(best, Object.values(role.indicators).reduce((s, d) => s + maxPoints(d, stage), 0));
    }
  }
  for (const a of Object.values(p.adjustments ?? {})) if ((a.points ?? 0) > 0) best += a.points!;
  return p.score?.max !== undefined ? Math.min(best, p.score.max) : best;
}

function hint(word: string, candidates: readonly string[], what: string): string {
  const near = closest(word, candidates);
  return near ? `did you mean \`${near}\`? known ${what}: ${candidates.join(', ')}` : `known ${what}: ${candidates.join(', ')}`;
}

/** A condition as one line of YAML flow style, for a help text. */
function flow(v: unknown): string {
  if (Array.isArray(v)) return `[ ${v.map(flow).join(', ')} ]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
  return String(v);
}

function dotted(path: Path): string {
  return path.join('.');
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

