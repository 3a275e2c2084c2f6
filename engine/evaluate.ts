// Step 5: one employee record → one scorecard. Indicator arithmetic happens here; every rule
// decision (holds, adjustments, grades, tiers, triggers) is made by json-rules-engine.

import type { Engine, RuleResult } from 'json-rules-engine';
import type { CompiledIndicator, CompiledPolicy, RuleKind } from './compile.js';
import type { Diagnostic } from './diagnostic.js';
import { evaluateExpression, type Expr } from './expression.js';
import { NO_HISTORY, type HistorySource } from './facts.js';
import { fenToYuan, roundScore, toFen } from './money.js';
import type { EmployeeRecord } from './record.js';
import type { ConditionResult, IndicatorResult, Payout, PayoutLine, Scorecard } from './scorecard.js';
import { pointsFor } from './score.js';
import { explainScorecard, payoutLabel, type Lang } from './explain.js';
import { nextPlan } from './plan.js';
import { runRules } from './executor.js';

export interface EvaluateOptions {
  lang?: Lang;
  history?: HistorySource;
  /** `compiled` (default): the policy's rules as closures; `reference`: json-rules-engine itself. */
  executor?: 'compiled' | 'reference';
  /** Build the explanation lines and indicator reasons (default true); outputs that show neither skip it. */
  explain?: boolean;
}

export type Evaluation = { ok: true; scorecard: Scorecard } | { ok: false; reasons: Diagnostic[] };

export async function evaluateRecord(policy: CompiledPolicy, record: EmployeeRecord, options: EvaluateOptions = {}): Promise<Evaluation> {
  const reasons: Diagnostic[] = [];
  const problem = (code: string, message: string, help: string) =>
    reasons.push({ code, severity: 'error', message, help, file: record.source?.file, cell: record.source?.row ? { row: record.source.row } : undefined });

  const role = policy.roles[record.role];
  const stage = policy.stages[record.stage];
  if (!role || !stage) {
    problem('eval_unknown_role_or_stage', `role \`${record.role}\` or stage \`${record.stage}\` is not in the policy`, 'use a role and stage the policy declares');
    return { ok: false, reasons };
  }

  // values: metrics with their defaults, then derived metrics in dependency order
  const values: Record<string, number | undefined> = {};
  for (const [id, m] of Object.entries(policy.metrics)) values[id] = record.metrics[id] ?? m.default;
  for (const d of policy.derived) {
    const v = evaluateExpression(d.expr, (n) => values[n]);
    values[d.id] = v ?? d.default;
    if (values[d.id] === undefined && role.required.includes(d.id)) {
      problem('eval_undefined', `\`${d.label}\` (${d.text}) cannot be computed: a value is missing or a divisor is 0`, `give \`${d.id}\` a \`default\` in the policy, or fix the record's data`);
    }
  }
  for (const id of role.required) {
    if (values[id] === undefined && policy.metrics[id]) {
      problem('eval_missing_metric', `missing \`${policy.metrics[id].label}\` (${id}) for role \`${role.title}\``, 'add the value to the data, or give the metric a `default` in the policy');
    }
  }
  if (reasons.length) return { ok: false, reasons };

  const decimals = policy.decimals;
  const indicators = role.byStage[record.stage].map((node) => scoreIndicator(node, values, decimals));
  const baseScore = roundScore(indicators.reduce((s, i) => s + i.weighted_points, 0), decimals);
  const payBase = record.pay_base ?? role.payBase;

  const facts: Record<string, unknown> = {
    ...values,
    employee_id: record.employee_id,
    role: record.role,
    team: record.team,
    stage: record.stage,
    pay_base: payBase,
    base_score: baseScore,
    previous_grade: (options.history ?? NO_HISTORY).grades(record.employee_id)[0],
    $history: options.history ?? NO_HISTORY,
  };

  // holds and adjustments
  const compiled = options.executor !== 'reference' ? policy.compiled : undefined;
  const run = async (phase: 'rules' | 'grades' | 'triggers', engine: Engine, f: Record<string, unknown>): Promise<Fired[]> =>
    compiled ? (runRules(compiled[phase], f) as Fired[]) : fired(engine, f);
  const ruled = await run('rules', policy.ruleEngine, facts);
  const holds = ruled
    .filter((r) => r.kind === 'hold')
    .map((r) => ({ id: r.id, title: policy.holds[r.id].title, reason: policy.holds[r.id].reason, conditions: r.conditions }));
  const adjustments = ruled
    .filter((r) => r.kind === 'adjustment')
    .map((r) => {
      const a = policy.adjustments[r.id];
      return { id: r.id, title: a.title, points: a.points, award: a.award, score_cap: a.score_cap, grade_cap: a.grade_cap, conditions: r.conditions };
    });

  let score = baseScore + adjustments.reduce((s, a) => s + (a.points ?? 0), 0);
  if (policy.scoreMax !== undefined) score = Math.min(score, policy.scoreMax);
  for (const a of adjustments) if (a.score_cap !== undefined) score = Math.min(score, a.score_cap);
  score = roundScore(Math.max(0, score), decimals);
  const attainment = score / 100;

  // grade and tier
  const tierBasis = policy.tiers ? (policy.tiers.basis === 'attainment' ? attainment : values[policy.tiers.basis]) : undefined;
  const graded = await run('grades', policy.gradeEngine, { score, tier_basis: tierBasis });
  const gradeIndex = Math.min(...graded.filter((r) => r.kind === 'grade').map((r) => Number(r.id)), policy.grades.length - 1);
  const rawGrade = policy.grades[gradeIndex].grade;
  let finalIndex = gradeIndex;
  for (const a of adjustments) {
    if (a.grade_cap !== undefined) finalIndex = Math.max(finalIndex, policy.grades.findIndex((g) => g.grade === a.grade_cap));
  }
  const grade = policy.grades[finalIndex].grade;
  const tierIndexes = graded.filter((r) => r.kind === 'tier').map((r) => Number(r.id));
  const band = tierIndexes.length ? policy.tiers!.bands[Math.min(...tierIndexes)] : undefined;

  const held = holds.length > 0;
  const payout = computePayout(policy, { values, payBase, score, baseScore, attainment }, adjustments, band, tierBasis, held, options.lang ?? 'zh');
  if ('problem' in payout) {
    problem('eval_payout', payout.problem, 'check the payout formulas and the record\'s values');
    return { ok: false, reasons };
  }

  // triggers see the whole result
  const triggered = await run('triggers', policy.triggerEngine, {
    ...facts,
    score,
    grade,
    raw_grade: rawGrade,
    tier: band?.tier,
    attainment,
    held,
  });
  const triggers = triggered
    .filter((r) => r.kind === 'trigger')
    .map((r) => {
      const t = policy.triggers[r.id];
      return { id: r.id, title: t.title, action: t.action, conditions: r.conditions };
    });

  // improvement plans: the state recorded last period, judged against this period
  const previousPlan = (options.history ?? NO_HISTORY).plan?.(record.employee_id);
  const closes = new Set(triggered.filter((r) => r.kind === 'plan_close').map((r) => r.id));
  const opening = triggers.find((t) => t.action.type === 'improvement_plan');
  const plan = nextPlan(
    record.period,
    previousPlan,
    previousPlan ? closes.has(previousPlan.trigger) : false,
    opening ? { trigger: opening.id, days: opening.action.days } : undefined,
    (id) => policy.triggers[id]?.action,
    options.lang ?? 'zh',
  );
  if (plan?.status === 'escalated' && previousPlan?.status !== 'escalated' && !triggers.some((t) => t.action.type === 'exit_review')) {
    const source = policy.triggers[plan.trigger];
    triggers.push({ id: `${plan.trigger}_escalated`, title: (options.lang ?? 'zh') === 'zh' ? `${source?.title ?? plan.trigger}未达标` : `${source?.title ?? plan.trigger} not met`, action: { type: 'exit_review' }, conditions: [] });
  }

  const capped = finalIndex !== gradeIndex;
  const next = finalIndex > 0 && !capped && !adjustments.some((a) => a.grade_cap !== undefined) ? policy.grades[finalIndex - 1] : undefined;

  const scorecard: Scorecard = {
    employee_id: record.employee_id,
    name: record.name,
    role: record.role,
    role_title: role.title,
    team: record.team,
    stage: record.stage,
    stage_title: stage.title,
    period: record.period,
    base_score: baseScore,
    score,
    raw_grade: rawGrade,
    grade,
    ...(next ? { next_grade: { grade: next.grade, points_needed: roundScore(next.min - score, decimals) } } : {}),
    indicators,
    adjustments,
    payout,
    holds,
    triggers,
    ...(plan ? { plan } : {}),
    explanation: [],
  };
  if (options.explain !== false) scorecard.explanation = explainScorecard(policy, scorecard, options.lang ?? 'zh');
  return { ok: true, scorecard };
}

function scoreIndicator(node: CompiledIndicator, values: Record<string, number | undefined>, decimals: number): IndicatorResult {
  if (node.children) {
    const children = node.children.map((c) => scoreIndicator(c, values, decimals));
    const points = roundScore(children.reduce((s, c) => s + c.weighted_points, 0), decimals);
    return { id: node.id, path: node.path, title: node.title, points, weight: node.weight, weighted_points: roundScore((points * node.weight) / 100, decimals), reason: '', children };
  }
  const leaf = node.leaf!;
  const actual = values[leaf.metric]!;
  const points = roundScore(pointsFor(leaf, actual), decimals);
  return {
    id: node.id,
    path: node.path,
    title: node.title,
    metric: leaf.metric,
    scoring: leaf.scoring,
    better: leaf.better,
    actual,
    ...(leaf.threshold !== undefined ? { threshold: leaf.threshold } : {}),
    ...(leaf.target !== undefined ? { target: leaf.target } : {}),
    ...(leaf.challenge !== undefined ? { challenge: leaf.challenge } : {}),
    points,
    weight: node.weight,
    weighted_points: roundScore((points * node.weight) / 100, decimals),
    reason: '',
  };
}

interface Fired {
  kind: RuleKind;
  id: string;
  conditions: ConditionResult[];
}

/** Runs one engine and returns the rules that fired, in the engine's order, with their condition values. */
async function fired(engine: Engine, facts: Record<string, unknown>): Promise<Fired[]> {
  const { results } = await engine.run(facts);
  // json-rules-engine lists rules of equal priority as they finish (a rule waiting on an async
  // fact finishes later); report them in the order the policy declares them
  const order = new Map((engine as unknown as { rules: { name: string }[] }).rules.map((rule, i) => [rule.name, i])); // Engine.rules: the rules as added, not in its .d.ts
  return results
    .map((r: RuleResult) => ({
      kind: r.event?.type as RuleKind,
      id: String(r.event?.params?.id),
      conditions: flatten(r.conditions as unknown as ConditionNode),
      at: order.get(r.name) ?? 0,
    }))
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...f }) => f);
}

interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  params?: Record<string, unknown>;
  path?: string;
  factResult?: unknown;
  result?: boolean;
}

function flatten(c: ConditionNode, out: ConditionResult[] = []): ConditionResult[] {
  if (c.all) c.all.forEach((x) => flatten(x, out));
  else if (c.any) c.any.forEach((x) => flatten(x, out));
  else if (c.not) flatten(c.not, out);
  else if (c.fact !== undefined) {
    out.push({
      fact: c.fact,
      operator: c.operator!,
      value: c.value,
      ...(c.params ? { params: c.params } : {}),
      ...(c.path ? { path: c.path } : {}),
      actual: c.factResult,
      result: Boolean(c.result),
    });
  }
  return out;
}

interface PayScope {
  values: Record<string, number | undefined>;
  payBase: number;
  score: number;
  baseScore: number;
  attainment: number;
}

function computePayout(
  policy: CompiledPolicy,
  s: PayScope,
  adjustments: { id: string; title: string; award?: number }[],
  band: { tier: string; title?: string; multiplier?: number; award?: number; benefit?: string } | undefined,
  basis: number | undefined,
  held: boolean,
  lang: Lang,
): Payout | { problem: string } {
  const { to, mode } = policy.payout.rounding;
  const scope = (n: string): number | undefined =>
    n === 'pay_base' ? s.payBase : n === 'score' ? s.score : n === 'base_score' ? s.baseScore : n === 'attainment' ? s.attainment : s.values[n];
  const calc = (e: Expr) => evaluateExpression(e, scope);
  const lines: { kind: PayoutLine['kind']; source?: string; label: string; fen: number }[] = [];

  const perf = calc(policy.payout.performancePay);
  if (perf === undefined) return { problem: `performance pay \`${policy.payout.performancePayText}\` cannot be computed for this record` };
  const perfFen = toFen(perf, to, mode);
  lines.push({ kind: 'performance_pay', label: payoutLabel('performance_pay', lang), fen: perfFen });

  if (band?.multiplier !== undefined && band.multiplier !== 1) {
    lines.push({ kind: 'tier_multiplier', source: band.tier, label: `${payoutLabel('tier_multiplier', lang)} ${band.title ?? band.tier} × ${band.multiplier}`, fen: toFen((perfFen / 100) * (band.multiplier - 1), to, mode) });
  }
  if (band?.award) lines.push({ kind: 'tier_award', source: band.tier, label: `${payoutLabel('tier_award', lang)} ${band.title ?? band.tier}`, fen: toFen(band.award, to, mode) });

  let awardsFen = 0;
  for (const a of adjustments) {
    if (!a.award) continue;
    const fen = toFen(a.award, to, mode);
    awardsFen += fen;
    lines.push({ kind: 'award', source: a.id, label: a.title, fen });
  }
  if (policy.payout.awardsCap && awardsFen > 0) {
    const capValue = calc(policy.payout.awardsCap);
    if (capValue === undefined) return { problem: 'the awards cap cannot be computed for this record' };
    const capFen = toFen(capValue, to, mode);
    if (awardsFen > capFen) lines.push({ kind: 'awards_cap', label: payoutLabel('awards_cap', lang), fen: capFen - awardsFen });
  }
  if (policy.payout.cap) {
    const capValue = calc(policy.payout.cap);
    if (capValue === undefined) return { problem: `the payout cap \`${policy.payout.capText}\` cannot be computed for this record` };
    const capFen = toFen(capValue, to, mode);
    const sum = lines.reduce((t, l) => t + l.fen, 0);
    if (sum > capFen) lines.push({ kind: 'total_cap', label: payoutLabel('total_cap', lang), fen: capFen - sum });
  }
  const totalFen = lines.reduce((t, l) => t + l.fen, 0);
  return {
    pay_base: s.payBase,
    ...(band ? { tier: { id: band.tier, ...(band.title ? { title: band.title } : {}), basis: basis!, ...(band.benefit ? { benefit: band.benefit } : {}) } } : {}),
    lines: lines.map((l) => ({ kind: l.kind, ...(l.source ? { source: l.source } : {}), label: l.label, amount: fenToYuan(l.fen) })),
    total: fenToYuan(totalFen),
    status: held ? 'held' : 'payable',
  };
}

