// Step 5: one employee record → one scorecard. Indicator arithmetic happens here; every rule
// decision (holds, adjustments, grades, tiers, triggers) is made by the policy's rules, run as
// compiled closures or by json-rules-engine itself (engine/evaluation/executor.ts).

import { known, knownId } from '../model/known.js';
import type { CompiledIndicator, CompiledPolicy, CompiledRole } from '../language/compile.js';
import { diagnostic, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { SlotValues } from '../language/expression.js';
import { NO_HISTORY, type HistorySource } from './history.js';
import { capToFen, fenToYuan, formatMoney, roundScore, toFen } from '../model/money.js';
import { MONEY_LIMIT_YUAN } from '../language/numbers.js';
import { ReadRecord, type EmployeeRecord } from '../model/record.js';
import type { IndicatorResult, Payout, PayoutLine, Scorecard } from '../model/scorecard.js';
import { scorerOf } from './score.js';
import { explainScorecard, payoutLabel, type Lang } from '../explanation/explain.js';
import { nextPlan, type PlanState } from './plan.js';
import { decideGradesCompiled, runCompiled, runReference, type FiredRule as Fired } from './executor.js';
import { indicatorTable } from './indicator-facts.js';
import type { CompiledPerUnit } from '../language/compile.js';
import type { PerUnitResult } from '../model/scorecard.js';
import { derivedUndefined, payoutUndefined, perUnitUndefined } from './undefined-diagnostic.js';
import { withoutNoise } from '../language/compile.js';

export interface EvaluateOptions {
  lang?: Lang;
  history?: HistorySource;
  /** `compiled` (default): the policy's rules as closures; `reference`: json-rules-engine itself. */
  executor?: 'compiled' | 'reference';
  /** Build the explanation lines and indicator reasons (default true); outputs that show neither skip it. */
  explain?: boolean;
  /**
   * A summary scorecard (compiled executor only; default false): everything the run's totals and
   * its CSV line read — score, grade, tier, payout lines and total, holds, adjustments and triggers
   * with their titles — but no indicator results (`indicators` is empty), no condition values
   * (`conditions` are empty) and no explanation. A streaming CSV run asks for it. Ignored when the
   * policy's rules read indicator facts, and by the reference executor.
   */
  summary?: boolean;
}

export type Evaluation = { ok: true; scorecard: Scorecard } | { ok: false; reasons: Diagnostic[] };

/**
 * One employee, the compiled executor: synchronous, no promise per record. Policies whose
 * conditions the executor does not compile (`path`) go through `evaluateRecord`.
 */
export function evaluateRecordSync(
  policy: CompiledPolicy,
  record: EmployeeRecord,
  options: EvaluateOptions = {},
): Evaluation {
  if (!policy.compilable) throw new Error('internal: this policy has no compiled executor; call evaluateRecord');
  const p = begin(policy, record, options);
  if (p.ok !== undefined) return p;
  // a summary card keeps no condition values: only which rules fired is collected
  const collect = options.summary !== true;
  const ruled = afterRules(p, runCompiled(policy, 'rules', p.facts, collect));
  if (ruled) return ruled;
  decideGradesCompiled(policy, p.facts[policy.slots.builtin.score] as number, tierBasisOf(policy, p.facts), p);
  const graded = afterGrades(p);
  if (graded) return graded;
  return finish(p, runCompiled(policy, 'triggers', p.facts, collect, p.previousPlan?.trigger));
}

export async function evaluateRecord(
  policy: CompiledPolicy,
  record: EmployeeRecord,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  if (options.executor !== 'reference' && policy.compilable) return evaluateRecordSync(policy, record, options);
  // json-rules-engine reports every condition value anyway: its cards are always whole
  const p = begin(policy, record, options.summary ? { ...options, summary: false } : options);
  if (p.ok !== undefined) return p;
  const ruled = afterRules(p, await runReference(policy, 'rules', byName(policy, p.facts)));
  if (ruled) return ruled;
  const gradeFacts = { score: p.facts[policy.slots.builtin.score], tier_basis: tierBasisOf(policy, p.facts) };
  for (const r of await runReference(policy, 'grades', gradeFacts)) {
    if (r.kind === 'grade') p.gradeIndex = Math.min(p.gradeIndex, Number(r.id));
    else if (r.kind === 'tier') p.tierIndex = Math.min(p.tierIndex, Number(r.id));
  }
  const graded = afterGrades(p);
  if (graded) return graded;
  return finish(p, await runReference(policy, 'triggers', byName(policy, p.facts)));
}

/** A record's facts by name, as json-rules-engine takes them: every fact of the slot table, in its order. */
function byName(policy: CompiledPolicy, facts: SlotValues): Record<string, unknown> {
  const names = policy.slots.names;
  // a copy of the shape first (one layout for every record), then the values
  const out: Record<string, unknown> = { ...policy.factShape };
  for (let i = 0; i < names.length; i++) out[names[i]!] = facts[i];
  return out;
}

/**
 * One record's evaluation between its rule phases. The evaluation is written once for both
 * executors, as four steps with a rule phase between each two: `begin` (values, indicators, the
 * facts of phase `rules`), `afterRules` (holds, adjustments, the score), `afterGrades` (grade,
 * tier, payout, the facts of phase `triggers`) and `finish` (triggers, plan, the scorecard). The
 * executor driving them runs each phase's rules in between: the compiled one synchronously,
 * json-rules-engine with a promise per phase. (Plain steps, not a generator: the compiled
 * executor makes no generator object and resumes nothing on each record.)
 */
interface Pending {
  /** never set: an Evaluation has `ok`, a record still being evaluated has not */
  readonly ok?: undefined;
  readonly policy: CompiledPolicy;
  readonly record: EmployeeRecord;
  readonly options: EvaluateOptions;
  readonly role: CompiledRole;
  readonly stageTitle: string;
  /**
   * the values, then the facts the rules see, each at its slot: facts known later are set as they
   * are decided. The base score, the score and the attainment are kept there only (`base_score`,
   * `score`, `attainment`), not in fields of their own as well: a number field of this object is a
   * box of its own, made with the object, and the score then went into three boxes (here, the fact
   * array, the card).
   */
  readonly facts: unknown[];
  readonly indicators: IndicatorResult[];
  readonly previousPlan: PlanState | undefined;
  readonly holds: Scorecard['holds'];
  readonly adjustments: Scorecard['adjustments'];
  /**
   * the best grade and tier whose rule held (their index; the last grade and `NO_TIER` when none
   * held), small integers both
   */
  gradeIndex: number;
  tierIndex: number;
  rawGrade: string;
  grade: string;
  finalIndex: number;
  gradeCapped: boolean;
  payout: Payout | undefined;
}

/**
 * A record's evaluation in progress, made whole by one object literal (a class with fields
 * defines each field, then its constructor sets it again: twice the stores, and a call to the
 * fields' initializer, on every record).
 */
function pending(
  policy: CompiledPolicy,
  record: EmployeeRecord,
  options: EvaluateOptions,
  role: CompiledRole,
  stageTitle: string,
  facts: unknown[],
  indicators: IndicatorResult[],
  previousPlan: PlanState | undefined,
): Pending {
  // biome-ignore format: one literal, the fields in the interface's order
  return { policy, record, options, role, stageTitle, facts, indicators, previousPlan, holds: [], adjustments: [], gradeIndex: policy.grades.length - 1, tierIndex: NO_TIER, rawGrade: '', grade: '', finalIndex: 0, gradeCapped: false, payout: undefined };
}

/**
 * The explanation of a card that was not asked for one, and a summary card's indicators: one empty
 * array, frozen, shared by every such card, instead of an empty array per card (32 bytes). Nothing
 * adds to these lists once the card is made (an explanation is replaced, not added to, and one
 * pushed to would throw, not change other cards). The lists a card's evaluation fills (holds,
 * adjustments, triggers) stay arrays of their own: the loops over them (`for … of` in the run's
 * totals) then see one kind of array, and V8 makes no iterator object for them (with the frozen one
 * among them it did: more bytes a record, not fewer). The loops of this file over a record's lists
 * count with an index: a `for … of` is some 100 bytes of bytecode more (the iterator's protocol and
 * its closing), which the steps run unoptimised in a run's first records (see `begin`).
 */
const NONE = Object.freeze([]) as never[];

/**
 * No tier held (`Pending.tierIndex`): above every band's index, and a small integer, so the field
 * holds no box of its own as `Infinity` needed.
 */
const NO_TIER = 0x3fff_ffff;

/** What the tiers are decided on, from the facts after phase `rules`: the attainment or a metric; none without tiers. */
function tierBasisOf(policy: CompiledPolicy, facts: SlotValues): number | undefined {
  const tiers = policy.tiers;
  if (!tiers) return undefined;
  if (tiers.basis === 'attainment') return facts[policy.slots.builtin.attainment] as number;
  return tiers.basisSlot === undefined ? undefined : (facts[tiers.basisSlot] as number | undefined);
}

/** The role and stage of the last record `begin` read (a role and stage the policy has), and the stage's indicators. */
interface RoleAndStage {
  /** never set: an Evaluation (an unknown role or stage) has `ok` */
  readonly ok?: undefined;
  policy: CompiledPolicy | undefined;
  roleId: string;
  stageId: string;
  role: CompiledRole;
  stage: { title: string };
  nodes: CompiledIndicator[];
}
let lastRoleAndStage: RoleAndStage = {
  policy: undefined,
  roleId: '',
  stageId: '',
  role: undefined as unknown as CompiledRole,
  stage: { title: '' },
  nodes: [],
};

/**
 * Values, indicators and the facts of phase `rules`; a failure ends the record.
 *
 * Only what every record runs is written here; what a record seldom needs (another role than the
 * last one's, the copy by key of a record not read against this policy, the reports of a problem)
 * is in functions of its own. V8 optimises a function after it has run for a number of ticks that
 * grows with its bytecode's length (3 + length / 150), and until then every record runs it
 * unoptimised: with the rare paths written inline, `begin` was 2,862 bytes of bytecode and was
 * optimised only after some 600 records of the first pass (docs/benchmarks.md, "Executor, twelfth
 * round").
 */
function begin(policy: CompiledPolicy, record: EmployeeRecord, options: EvaluateOptions): Pending | Evaluation {
  // a month lists a team's people role by role: the last record's role and stage answer without
  // the three lookups by user text (keyed loads that see every role and stage name)
  let found: RoleAndStage | Evaluation = lastRoleAndStage;
  if (found.policy !== policy || found.roleId !== record.role || found.stageId !== record.stage) {
    found = roleAndStageOf(policy, record);
    if (found.ok !== undefined) return found;
  }
  const { role, stage, nodes } = found;
  const history = options.history ?? NO_HISTORY;

  // values: metrics with their defaults, then derived metrics in dependency order. The same array
  // becomes the facts the rules see; facts known later are set in it as they are decided. Every
  // fact has its slot (policy.slots): nothing is read or written by name.
  const slots = policy.slots;
  const facts: unknown[] = slots.empty.slice();
  const metrics = record.metrics;
  let problems: Diagnostic[] | undefined;
  let unusable = false;
  const byPlace = ReadRecord.valuesFor(record, policy.metrics);
  if (byPlace !== undefined) {
    // the values by position, as the data layer read them against this policy's metrics: metric k
    // goes to slot k (compile.ts), an absent one is NaN (a value the data layer never gives)
    for (let k = 0; k < byPlace.length; k++) {
      const v = byPlace[k]!;
      if (v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER) facts[k] = v;
      else if (!Number.isNaN(v)) unusable = true;
    }
  } else unusable = copyByKey(policy, role, metrics, facts);
  if (unusable) problems = unusableProblems(policy, record);
  const defaults = policy.metricDefaults;
  for (let i = 0; i < defaults.length; i++) {
    const m = defaults[i]!;
    if (facts[m.slot] === undefined) facts[m.slot] = m.default;
  }
  const derived = policy.derived;
  for (let i = 0; i < derived.length; i++) {
    const d = derived[i]!;
    const v = d.runSlots(facts) ?? d.default;
    facts[d.slot] = v;
    if (v === undefined || d.range) {
      const problem = derivedProblem(policy, role, record, facts, d, v);
      if (problem) (problems ??= []).push(problem);
    }
  }
  // a metric with a default always has a value by now: only those without one can be missing (and
  // one only indicators weighted 0 in this stage read may be: they score it with no actual value)
  const withoutDefault = role.requiredWithoutDefault;
  for (let i = 0; i < withoutDefault.length; i++) {
    const id = withoutDefault[i]!;
    if (
      facts[role.requiredWithoutDefaultSlots[i]!] === undefined &&
      metrics[id] == null &&
      !role.optionalIn.get(id)?.has(record.stage)
    ) {
      (problems ??= []).push(missingMetric(policy, role, id));
    }
  }
  if (problems) return failed(record, problems);
  const values = facts as (number | undefined)[];

  const decimals = policy.decimals;
  let indicators: IndicatorResult[];
  let weighted = 0;
  if (options.summary === true && !policy.indicatorFacts) {
    // a summary card: the same points, without an object per indicator
    indicators = NONE;
    for (let i = 0; i < nodes.length; i++) weighted += weightedPoints(nodes[i]!, values, decimals);
  } else {
    // sized once (an array grown by push reserves room for sixteen)
    indicators = new Array<IndicatorResult>(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const scored = scoreIndicator(nodes[i]!, values, decimals);
      indicators[i] = scored;
      weighted += scored.weighted_points;
    }
  }
  const baseScore = roundScore(weighted, decimals);
  const payBase = record.pay_base ?? role.payBase;
  if (!(payBase >= 0 && payBase <= MONEY_LIMIT_YUAN)) return payBaseOutOfRange(record, payBase);

  const at = slots.builtin;
  facts[at.employee_id] = record.employee_id;
  facts[at.role] = record.role;
  facts[at.team] = record.team;
  facts[at.stage] = record.stage;
  facts[at.pay_base] = payBase;
  facts[at.base_score] = baseScore;
  // without a history (a dry run) there is no previous grade or plan: their slots stay empty
  const previousPlan = history === NO_HISTORY ? undefined : history.plan?.(record.employee_id);
  if (history !== NO_HISTORY) {
    facts[at.previous_grade] = history.grades(record.employee_id)[0];
    facts[at.previous_plan] = previousPlan?.status;
  }
  facts[at.$history] = history;
  if (policy.indicatorFacts) facts[at.$indicators] = indicatorTable(indicators);
  return pending(policy, record, options, role, stage.title, facts, indicators, previousPlan);
}

/** The record's role and stage, looked up by name and kept for the next record; unknown ones end the record. */
function roleAndStageOf(policy: CompiledPolicy, record: EmployeeRecord): RoleAndStage | Evaluation {
  const role = policy.roles[record.role];
  const stage = policy.stages[record.stage];
  if (!role || !stage) {
    return failed(record, [diagnostic('eval_unknown_role_or_stage', { role: record.role, stage: record.stage })]);
  }
  const nodes = knownId(role.byStage[record.stage], 'stage', record.stage);
  lastRoleAndStage = { policy, roleId: record.role, stageId: record.stage, role, stage, nodes };
  return lastRoleAndStage;
}

/**
 * A record not read against this policy's metrics (tests, the editor, `evaluate` callers, a copy):
 * its values of the metrics the policy declares, walked by the record's own keys (a record holds a
 * few of the declared metrics, and reading an absent one by name walks the prototype chain), into
 * their slots. A metric the policy does not declare is never read, whatever it holds. Whether a
 * value was not a usable number (reported in the declared order, `unusableProblems`).
 */
function copyByKey(
  policy: CompiledPolicy,
  role: CompiledRole,
  metrics: EmployeeRecord['metrics'],
  facts: unknown[],
): boolean {
  let unusable = false;
  const slotOf = policy.metricSlotOf;
  // each key's slot from the last record of the role when the key at this place is the same
  // (`lastMetricKeys`), else looked up and remembered for the next record
  const lastKeys = role.lastMetricKeys;
  const lastSlots = role.lastMetricSlots;
  let place = 0;
  for (const id in metrics) {
    let slot: number;
    if (lastKeys[place] === id) slot = lastSlots[place]!;
    else {
      slot = slotOf.get(id) ?? -1;
      lastKeys[place] = id;
      lastSlots[place] = slot;
    }
    place++;
    if (slot < 0) continue;
    const v = metrics[id];
    if (v === undefined || v === null) continue;
    // NaN, ±Infinity and numbers beyond 2^53 − 1 (a record built without the data layer) never score
    if (v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER) facts[slot] = v;
    else unusable = true;
  }
  return unusable;
}

/** The declared metrics whose value is not a usable number, in the declared order. */
function unusableProblems(policy: CompiledPolicy, record: EmployeeRecord): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const metrics = record.metrics;
  const declared = policy.metricSlots;
  for (let i = 0; i < declared.length; i++) {
    const m = declared[i]!;
    const v = metrics[m.id];
    if (v === undefined || v === null || (v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER)) continue;
    problems.push(
      diagnostic('eval_not_a_usable_number', {
        label: policy.metrics[m.id]?.label ?? m.id,
        id: m.id,
        employee: record.employee_id,
        value: String(v),
      }),
    );
  }
  return problems;
}

/**
 * A derived metric's problem, if it has one (asked only when it has no value or has a range): no
 * value where the role needs one, or a value outside its declared range where the role requires it.
 */
function derivedProblem(
  policy: CompiledPolicy,
  role: CompiledRole,
  record: EmployeeRecord,
  facts: SlotValues,
  d: CompiledPolicy['derived'][number],
  v: number | undefined,
): Diagnostic | undefined {
  if (v === undefined && role.derivedNeeded.includes(d.id) && !role.optionalIn.get(d.id)?.has(record.stage)) {
    return derivedUndefined(policy, facts, d);
  }
  if (d.range && v !== undefined && (v < d.range[0] || v > d.range[1]) && role.required.includes(d.id)) {
    // a declared range is a promise the formula keeps: a value outside it is never scored
    return diagnostic('eval_derived_out_of_range', {
      label: d.label,
      id: d.id,
      text: d.text,
      value: String(Number(v.toPrecision(12))),
      min: d.range[0],
      max: d.range[1],
      employee: record.employee_id,
    });
  }
  return undefined;
}

/** A metric the role requires, without a default, that the record lacks. */
function missingMetric(policy: CompiledPolicy, role: CompiledRole, id: string): Diagnostic {
  return diagnostic('eval_missing_metric', { label: policy.metrics[id]?.label ?? id, id, role: role.title });
}

/** A pay base below 0, above the money limit or not a number. */
function payBaseOutOfRange(record: EmployeeRecord, payBase: number): Evaluation {
  const args = { value: String(payBase), employee: record.employee_id };
  return failed(record, [
    payBase < 0
      ? diagnostic('eval_pay_base_out_of_range', args)
      : diagnostic('eval_pay_base_out_of_range.above', { ...args, limit: formatMoney(MONEY_LIMIT_YUAN) }),
  ]);
}

/** Holds and adjustments from the rules of phase `rules` that fired, then the score. */
function afterRules(p: Pending, ruled: readonly Fired[]): Evaluation | undefined {
  const { policy, facts, holds, adjustments } = p;
  let points = 0;
  for (let i = 0; i < ruled.length; i++) {
    const r = ruled[i]!;
    if (r.kind === 'hold') holds.push(holdOf(policy, r));
    else if (r.kind === 'adjustment') {
      const result = adjustmentOf(policy, r, facts);
      if ('problem' in result) return failed(p.record, [result.problem]);
      adjustments.push(result);
      points += result.points ?? 0;
    }
  }
  const at = policy.slots.builtin;
  let score = (facts[at.base_score] as number) + points;
  if (policy.scoreMax !== undefined) score = Math.min(score, policy.scoreMax);
  for (let i = 0; i < adjustments.length; i++) {
    const cap = adjustments[i]!.score_cap;
    if (cap !== undefined) score = Math.min(score, cap);
  }
  score = roundScore(Math.max(0, score), policy.decimals);
  // set now, read by phase `triggers` (phase `grades` is given the score and the tier basis)
  facts[at.score] = score;
  // score / 100 as the decimal it is (96.96 → 0.9696, not 0.9695999999999999), so a band's min is reached exactly
  facts[at.attainment] = roundScore(score / 100, policy.decimals + 2);
  return undefined;
}

/** A hold whose rule fired. */
function holdOf(policy: CompiledPolicy, r: Fired): Scorecard['holds'][number] {
  const h = knownId(policy.holds[r.id], 'hold', r.id);
  return { id: r.id, title: h.title, reason: h.reason, conditions: r.conditions };
}

/** An adjustment whose rule fired, its per-unit points and award counted (a function of its own, as `begin` says). */
function adjustmentOf(
  policy: CompiledPolicy,
  r: Fired,
  facts: SlotValues,
): Scorecard['adjustments'][number] | { problem: Diagnostic } {
  const a = knownId(policy.adjustments[r.id], 'adjustment', r.id);
  const per = policy.perUnit[r.id];
  const result: Scorecard['adjustments'][number] = {
    id: r.id,
    title: a.title,
    // rounded to score.decimals like every other point count (−0.35 at 1 decimal is −0.4)
    points: typeof a.points === 'number' ? roundScore(a.points, policy.decimals) : (a.points as number | undefined),
    award: a.award as number | undefined,
    score_cap: a.score_cap,
    grade_cap: a.grade_cap,
    conditions: r.conditions,
  };
  if (per) {
    const counted = perUnitEffects(policy, per, facts, a.title);
    if ('problem' in counted) return counted;
    if (counted.points) result.points = counted.points.value;
    if (counted.award) result.award = counted.award.value;
    result.per_unit = {
      ...(counted.points ? { points: counted.points.result } : {}),
      ...(counted.award ? { award: counted.award.result } : {}),
    };
  }
  return result;
}

/** Grade and tier (`p.gradeIndex` and `p.tierIndex`, decided by the executor), caps, the payout. */
function afterGrades(p: Pending): Evaluation | undefined {
  const { policy, facts, adjustments } = p;
  const rawGrade = known(policy.grades[p.gradeIndex], 'grade').grade;
  let gradeCapped = false;
  let capIndex = -1;
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i]!;
    if (a.grade_cap === undefined) continue;
    gradeCapped = true;
    capIndex = Math.max(
      capIndex,
      policy.grades.findIndex((g) => g.grade === a.grade_cap),
    );
  }
  const finalIndex = Math.max(p.gradeIndex, capIndex);
  const grade = known(policy.grades[finalIndex], 'grade').grade;
  const band = p.tierIndex !== NO_TIER ? policy.tiers!.bands[p.tierIndex] : undefined;

  const held = p.holds.length > 0;
  const at = policy.slots.builtin;
  const lang = p.options.lang ?? 'zh';
  const basis = tierBasisOf(policy, facts);
  const payout = computePayout(policy, facts, adjustments, band, basis, held, lang, p.record.employee_id);
  if ('problem' in payout) return failed(p.record, [payout.problem]);
  p.payout = payout;
  p.rawGrade = rawGrade;
  p.grade = grade;
  p.finalIndex = finalIndex;
  p.gradeCapped = gradeCapped;

  // triggers see the whole result
  facts[at.grade] = grade;
  facts[at.raw_grade] = rawGrade;
  facts[at.grade_cap] = capIndex >= 0 ? policy.grades[capIndex]?.grade : undefined;
  facts[at.tier] = band?.tier;
  facts[at.held] = held;
  return undefined;
}

/** Triggers from the rules of phase `triggers` that fired, the improvement plan, the scorecard. */
function finish(p: Pending, triggered: readonly Fired[]): Evaluation {
  const { policy, record, previousPlan, finalIndex } = p;
  const lang = p.options.lang ?? 'zh';
  const score = p.facts[policy.slots.builtin.score] as number;
  // sized once: most records fire no trigger or one (an array grown by push reserves room for sixteen)
  let fired = 0;
  for (let i = 0; i < triggered.length; i++) if (triggered[i]!.kind === 'trigger') fired++;
  const triggers: Scorecard['triggers'] = fired === 0 ? [] : new Array(fired);
  // whether the plan recorded last period met its close condition (the only close that matters)
  let closed = false;
  let n = 0;
  for (let i = 0; i < triggered.length; i++) {
    const r = triggered[i]!;
    if (r.kind === 'trigger') {
      const t = knownId(policy.triggers[r.id], 'trigger', r.id);
      triggers[n++] = { id: r.id, title: t.title, action: t.action, conditions: r.conditions };
    } else if (r.kind === 'plan_close' && r.id === previousPlan?.trigger) closed = true;
  }

  // improvement plans: the state recorded last period, judged against this period
  // the first trigger that opens a plan (a loop, not `find` with a closure: every record asks)
  let opening: Scorecard['triggers'][number] | undefined;
  for (let i = 0; i < triggers.length && !opening; i++)
    if (triggers[i]!.action.type === 'improvement_plan') opening = triggers[i];
  const plan =
    previousPlan || opening
      ? nextPlan(
          record.period,
          previousPlan,
          closed,
          opening ? { trigger: opening.id, days: opening.action.days } : undefined,
          (id) => policy.triggers[id]?.action,
          lang,
        )
      : undefined;
  if (plan?.status === 'escalated' && previousPlan?.status !== 'escalated') escalate(policy, triggers, plan, lang);

  const next = finalIndex > 0 && !p.gradeCapped ? policy.grades[finalIndex - 1] : undefined;

  const scorecard = card(
    p,
    triggers,
    next && { grade: next.grade, points_needed: roundScore(next.min - score, policy.decimals) },
    plan,
  );
  if (p.options.explain !== false && p.options.summary !== true)
    scorecard.explanation = explainScorecard(policy, scorecard, lang);
  return { ok: true, scorecard };
}

/** A plan escalated this period: an exit review, unless a trigger asked for one already. */
function escalate(
  policy: CompiledPolicy,
  triggers: Scorecard['triggers'],
  plan: NonNullable<Scorecard['plan']>,
  lang: Lang,
): void {
  if (triggers.some((t) => t.action.type === 'exit_review')) return;
  const source = policy.triggers[plan.trigger];
  triggers.push({
    id: `${plan.trigger}_escalated`,
    title: lang === 'zh' ? `${source?.title ?? plan.trigger}未达标` : `${source?.title ?? plan.trigger} not met`,
    action: { type: 'exit_review' },
    conditions: [],
  });
}

/**
 * The scorecard, its keys in the documented order, made whole by one object literal per shape
 * (with or without a next grade and a plan) rather than grown key by key (the hot path).
 */
function card(
  p: Pending,
  triggers: Scorecard['triggers'],
  next: Scorecard['next_grade'],
  plan: Scorecard['plan'],
): Scorecard {
  const { record: r, role, stageTitle, rawGrade: raw_grade, grade, indicators, facts } = p;
  const at = p.policy.slots.builtin;
  const base_score = facts[at.base_score] as number;
  const score = facts[at.score] as number;
  const { adjustments, holds } = p;
  const payout = p.payout!;
  // biome-ignore format: one line per shape
  if (next === undefined) {
    if (plan === undefined) return { employee_id: r.employee_id, name: r.name, role: r.role, role_title: role.title, team: r.team, stage: r.stage, stage_title: stageTitle, period: r.period, base_score, score, raw_grade, grade, indicators, adjustments, payout, holds, triggers, explanation: NONE };
    return { employee_id: r.employee_id, name: r.name, role: r.role, role_title: role.title, team: r.team, stage: r.stage, stage_title: stageTitle, period: r.period, base_score, score, raw_grade, grade, indicators, adjustments, payout, holds, triggers, plan, explanation: NONE };
  }
  // biome-ignore format: one line per shape
  if (plan === undefined) return { employee_id: r.employee_id, name: r.name, role: r.role, role_title: role.title, team: r.team, stage: r.stage, stage_title: stageTitle, period: r.period, base_score, score, raw_grade, grade, next_grade: next, indicators, adjustments, payout, holds, triggers, explanation: NONE };
  // biome-ignore format: one line per shape
  return { employee_id: r.employee_id, name: r.name, role: r.role, role_title: role.title, team: r.team, stage: r.stage, stage_title: stageTitle, period: r.period, base_score, score, raw_grade, grade, next_grade: next, indicators, adjustments, payout, holds, triggers, plan, explanation: NONE };
}

/**
 * A fired adjustment's per-unit points and award: units (the value of `per`, 0 when below 0) ×
 * amount, limited to `max`. Points are rounded to the score's decimals; an award is rounded as the
 * payout says, and its max taken down to the rounding unit, so the award never exceeds it.
 */
function perUnitEffects(
  policy: CompiledPolicy,
  per: { points?: CompiledPerUnit; award?: CompiledPerUnit },
  facts: SlotValues,
  title: string,
):
  | { points?: { value: number; result: PerUnitResult }; award?: { value: number; result: PerUnitResult } }
  | { problem: Diagnostic } {
  const out: { points?: { value: number; result: PerUnitResult }; award?: { value: number; result: PerUnitResult } } =
    {};
  for (const key of ['points', 'award'] as const) {
    const p = per[key];
    if (!p) continue;
    const counted = p.runSlots(facts);
    if (counted === undefined || !Number.isFinite(counted))
      return { problem: perUnitUndefined(policy, facts, title, p.per) };
    // binary noise cleaned as a formula's value is (withoutNoise: 15 significant digits), not cut to 12
    const units = Math.max(0, withoutNoise(counted)!);
    let raw: number;
    let value: number;
    if (key === 'points') {
      raw = roundScore(units * p.amount, policy.decimals);
      value = p.max === undefined ? raw : Math.sign(raw) * Math.min(Math.abs(raw), p.max);
    } else {
      const { to, mode } = policy.payout.rounding;
      const fen = toFen(units * p.amount, to, mode);
      raw = fenToYuan(fen);
      value = fenToYuan(p.max === undefined ? fen : Math.min(fen, capToFen(p.max, to)));
    }
    const result: PerUnitResult = { per: p.per, label: p.label, units, amount: p.amount, raw, capped: value !== raw };
    if (p.max !== undefined) result.max = p.max;
    out[key] = { value, result };
  }
  return out;
}

/** Adds a payout line of `fen` and returns the amount, for the running total. */
function line(
  lines: PayoutLine[],
  kind: PayoutLine['kind'],
  source: string | undefined,
  label: string,
  fen: number,
): number {
  lines.push(payoutLine(kind, source, label, fen));
  return fen;
}

/** A payout line of `fen`, with its source when it has one. */
function payoutLine(kind: PayoutLine['kind'], source: string | undefined, label: string, fen: number): PayoutLine {
  return source !== undefined ? { kind, source, label, amountFen: fen } : { kind, label, amountFen: fen };
}

/** The record's problems, placed at its row of the data file. */
function failed(record: EmployeeRecord, problems: Diagnostic[]): Evaluation {
  const file = record.source?.file;
  const cell = record.source?.row ? { row: record.source.row } : undefined;
  for (const d of problems) {
    // set on the built diagnostic (not spread into a copy), so it keeps its catalogue arguments
    if (file !== undefined) d.file = file;
    if (cell) d.cell = cell;
  }
  return { ok: false, reasons: problems };
}

/** An indicator's weighted points, computed exactly as `scoreIndicator` computes them, and nothing else. */
function weightedPoints(node: CompiledIndicator, values: readonly (number | undefined)[], decimals: number): number {
  let points: number;
  if (node.children) {
    let sum = 0;
    const children = node.children;
    for (let i = 0; i < children.length; i++) sum += weightedPoints(children[i]!, values, decimals);
    points = roundScore(sum, decimals);
  } else {
    const leaf = node.leaf!;
    const actual = values[leaf.slot];
    // no value: an indicator weighted 0 in this stage, its metric not required here (0 points)
    if (actual === undefined) return 0;
    points = roundScore((leaf.scorer ?? scorerFor(leaf))(actual), decimals);
  }
  return roundScore((points * node.weight) / 100, decimals);
}

/** A leaf's scorer, made on its first use and kept on the leaf. */
function scorerFor(leaf: NonNullable<CompiledIndicator['leaf']>): (actual: number) => number {
  const made = scorerOf(leaf);
  leaf.scorer = made;
  return made;
}

function scoreIndicator(
  node: CompiledIndicator,
  values: readonly (number | undefined)[],
  decimals: number,
): IndicatorResult {
  if (node.children) {
    const children = node.children.map((c) => scoreIndicator(c, values, decimals));
    const points = roundScore(
      children.reduce((s, c) => s + c.weighted_points, 0),
      decimals,
    );
    return {
      id: node.id,
      path: node.path,
      title: node.title,
      points,
      weight: node.weight,
      weighted_points: roundScore((points * node.weight) / 100, decimals),
      reason: '',
      children,
    };
  }
  const leaf = node.leaf!;
  const actual = values[leaf.slot];
  // no value: an indicator weighted 0 in this stage, its metric not required here; no actual, 0 points
  if (actual === undefined) return unscoredLeaf(node, leaf);
  const points = roundScore((leaf.scorer ?? scorerFor(leaf))(actual), decimals);
  return leafResult(node, leaf, actual, points, roundScore((points * node.weight) / 100, decimals));
}

/**
 * A leaf's result with the levels its indicator has (an absent level stays absent), each shape
 * one object literal: the object is made whole at once, not grown key by key (the hot path).
 */
function leafResult(
  node: CompiledIndicator,
  leaf: NonNullable<CompiledIndicator['leaf']>,
  actual: number,
  points: number,
  weighted: number,
): IndicatorResult {
  const { id, path, title, weight } = node;
  const { metric, scoring, better, threshold, target, challenge } = leaf;
  const levels = (threshold !== undefined ? 1 : 0) | (target !== undefined ? 2 : 0) | (challenge !== undefined ? 4 : 0);
  // biome-ignore format: one line per shape
  switch (levels) {
    case 3: return { id, path, title, metric, scoring, better, actual, threshold, target, points, weight, weighted_points: weighted, reason: '' };
    case 7: return { id, path, title, metric, scoring, better, actual, threshold, target, challenge, points, weight, weighted_points: weighted, reason: '' };
    case 2: return { id, path, title, metric, scoring, better, actual, target, points, weight, weighted_points: weighted, reason: '' };
    case 6: return { id, path, title, metric, scoring, better, actual, target, challenge, points, weight, weighted_points: weighted, reason: '' };
    case 1: return { id, path, title, metric, scoring, better, actual, threshold, points, weight, weighted_points: weighted, reason: '' };
    case 5: return { id, path, title, metric, scoring, better, actual, threshold, challenge, points, weight, weighted_points: weighted, reason: '' };
    case 4: return { id, path, title, metric, scoring, better, actual, challenge, points, weight, weighted_points: weighted, reason: '' };
    default: return { id, path, title, metric, scoring, better, actual, points, weight, weighted_points: weighted, reason: '' };
  }
}

/**
 * One result of each of `leafResult`'s shapes with a text in every number field, made once and kept
 * for the process's life. V8 gives an object literal's field that has held only numbers a box of its
 * own in every object (a new 16-byte number per field, per record, even where the value is already
 * a boxed number: the record's actual value, the leaf's levels); a field that has held anything else
 * stores the number it is given as it is. These keep the shapes' fields of the second kind, so a
 * leaf's result points at the actual value and the levels it already has (docs/benchmarks.md,
 * "Executor, fourteenth round"). Exported only so that the module holds them (V8 drops a top-level
 * value nothing reads once the module has run); never read.
 */
export const KEEPS_LEAF_FIELDS_TAGGED: readonly IndicatorResult[] = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((levels) =>
  // a text, then a small integer (what `Math.round` gives for 0 points): a field that has held only
  // texts holds heap objects only, and the first 0 points (a Smi) then threw the optimised
  // `leafResult` away some 1,500 records into a run (`--trace-deopt`: "reason: Smi")
  ['' as unknown as number, 0].map((value) => {
    const leaf = {
      metric: '',
      slot: 0,
      scoring: 'linear',
      better: 'higher',
      threshold: levels & 1 ? value : undefined,
      target: levels & 2 ? value : undefined,
      challenge: levels & 4 ? value : undefined,
      cap: 0,
      passPoints: 0,
      failPoints: 0,
    } as NonNullable<CompiledIndicator['leaf']>;
    return leafResult({ id: '', path: '', title: '', weight: value, leaf }, leaf, value, value, value);
  }),
);

/**
 * A leaf without a value (an indicator weighted 0 in the employee's stage, whose metric the record
 * lacks): its levels, no `actual`, 0 points and 0 weighted points.
 */
function unscoredLeaf(node: CompiledIndicator, leaf: NonNullable<CompiledIndicator['leaf']>): IndicatorResult {
  const { id, path, title, weight } = node;
  const { metric, scoring, better, threshold, target, challenge } = leaf;
  return {
    id,
    path,
    title,
    metric,
    scoring,
    better,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(challenge !== undefined ? { challenge } : {}),
    points: 0,
    weight,
    weighted_points: 0,
    reason: '',
  };
}

type Band = { tier: string; title?: string; multiplier?: number; award?: number; benefit?: string };

/** A tier band's payout line labels (multiplier zh, en; award zh, en), made once per band, not per record. */
const tierLabels = new WeakMap<Band, (string | undefined)[]>();
/** The last band asked for and its labels: a record asks for its band's two lines one after the other. */
let lastBand: Band | undefined;
let lastLabels: (string | undefined)[] = [];

function tierLineLabel(kind: 'tier_multiplier' | 'tier_award', band: Band, lang: Lang): string {
  let labels = lastLabels;
  if (band !== lastBand) {
    const found = tierLabels.get(band);
    labels = found ?? [undefined, undefined, undefined, undefined];
    if (!found) tierLabels.set(band, labels);
    lastBand = band;
    lastLabels = labels;
  }
  const at = (kind === 'tier_multiplier' ? 0 : 2) + (lang === 'zh' ? 0 : 1);
  return (labels[at] ??=
    kind === 'tier_multiplier'
      ? `${payoutLabel('tier_multiplier', lang)} ${band.title ?? band.tier} × ${band.multiplier}`
      : `${payoutLabel('tier_award', lang)} ${band.title ?? band.tier}`);
}

/** The performance pay line's label in each language, looked up once (every record has the line). */
const PERFORMANCE_PAY = { zh: payoutLabel('performance_pay', 'zh'), en: payoutLabel('performance_pay', 'en') };

function performancePayLabel(lang: Lang): string {
  return lang === 'zh' ? PERFORMANCE_PAY.zh : lang === 'en' ? PERFORMANCE_PAY.en : payoutLabel('performance_pay', lang);
}

/** The money limit in fen: no payout line or total may be above it. */
const LIMIT_FEN = toFen(MONEY_LIMIT_YUAN, 0.01, 'half_up');

/** An amount from 0 to the money limit (not NaN, not infinite). */
function usable(yuan: number): boolean {
  return yuan >= 0 && yuan <= MONEY_LIMIT_YUAN;
}

/**
 * A formula's amount that is not a finite amount from 0 to the money limit; `what` names the amount
 * in both languages. (A module function, not a closure per record: the hot path allocates none.)
 */
function outOfRange(
  policy: CompiledPolicy,
  employee: string,
  what: Text,
  text: string | undefined,
  key: 'performance_pay' | 'awards_cap' | 'cap' | undefined,
  yuan: number,
): { problem: Diagnostic } {
  const formula = text ? ` \`${text}\`` : '';
  const position = key ? policy.positions?.[key] : undefined;
  const args = {
    // a space between the backticked formula and the Chinese that follows
    what: { en: what.en + formula, zh: formula ? `${what.zh}${formula} ` : what.zh },
    employee,
    at: position ? { en: ` (${position})`, zh: `（${position}）` } : '',
  };
  return {
    problem:
      yuan < 0
        ? diagnostic('eval_negative_pay', { ...args, amount: formatMoney(yuan) })
        : diagnostic('eval_money_out_of_range', {
            ...args,
            amount: Number.isFinite(yuan) ? formatMoney(yuan) : String(yuan),
            limit: formatMoney(MONEY_LIMIT_YUAN),
          }),
  };
}

function computePayout(
  policy: CompiledPolicy,
  scope: SlotValues,
  adjustments: { id: string; title: string; award?: number }[],
  band: Band | undefined,
  basis: number | undefined,
  held: boolean,
  lang: Lang,
  employee: string,
): Payout | { problem: Diagnostic } {
  const { to, mode } = policy.payout.rounding;
  const formulas = policy.payout.slots;
  const perf = formulas.performancePay(scope);
  if (perf === undefined)
    return { problem: payoutUndefined(policy, scope, 'performance_pay', policy.payout.performancePayText) };
  if (!usable(perf)) return performancePayOutOfRange(policy, employee, perf);
  const perfFen = toFen(perf, to, mode);
  const perfLine = payoutLine('performance_pay', undefined, performancePayLabel(lang), perfFen);
  let totalFen = perfFen;

  let multiplierLine: PayoutLine | undefined;
  if (band?.multiplier !== undefined && band.multiplier !== 1) {
    multiplierLine = payoutLine(
      'tier_multiplier',
      band.tier,
      tierLineLabel('tier_multiplier', band, lang),
      toFen(fenToYuan(perfFen) * (band.multiplier - 1), to, mode),
    );
    totalFen += multiplierLine.amountFen;
  }
  let awardLine: PayoutLine | undefined;
  if (band?.award) {
    awardLine = payoutLine(
      'tier_award',
      band.tier,
      tierLineLabel('tier_award', band, lang),
      toFen(band.award, to, mode),
    );
    totalFen += awardLine.amountFen;
  }
  // the lines most cards have, as one array of their exact length (an array grown by push from
  // empty reserves room for seventeen); the rarer lines below are pushed
  const lines: PayoutLine[] = multiplierLine
    ? awardLine
      ? [perfLine, multiplierLine, awardLine]
      : [perfLine, multiplierLine]
    : awardLine
      ? [perfLine, awardLine]
      : [perfLine];

  let awardsFen = 0;
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i]!;
    if (!a.award) continue;
    const fen = toFen(a.award, to, mode);
    awardsFen += fen;
    totalFen += line(lines, 'award', a.id, a.title, fen);
  }
  if (formulas.awardsCap && awardsFen > 0) {
    const capValue = formulas.awardsCap(scope);
    if (capValue === undefined || !usable(capValue)) return awardsCapProblem(policy, employee, capValue);
    const capFen = capToFen(capValue, to);
    if (awardsFen > capFen)
      totalFen += line(lines, 'awards_cap', undefined, payoutLabel('awards_cap', lang), capFen - awardsFen);
  }
  if (formulas.cap) {
    const capValue = formulas.cap(scope);
    if (capValue === undefined || !usable(capValue)) return capProblem(policy, scope, employee, capValue);
    const capFen = capToFen(capValue, to);
    if (totalFen > capFen)
      totalFen += line(lines, 'total_cap', undefined, payoutLabel('total_cap', lang), capFen - totalFen);
  }
  const tier = band ? payoutTier(band, basis!) : undefined;
  // every line within the limit (a tier multiplier or award could lift one above it), the total too
  const limitFen = LIMIT_FEN;
  for (let i = 0; i < lines.length; i++)
    if (Math.abs(lines[i]!.amountFen) > limitFen) return lineOutOfRange(policy, employee, lines[i]!);
  if (totalFen > limitFen) return totalOutOfRange(policy, employee, totalFen);
  const pay_base = scope[policy.slots.builtin.pay_base] as number;
  const status = held ? 'held' : 'payable';
  // one literal per shape (with or without a tier), the keys in the documented order
  return tier ? { pay_base, tier, lines, totalFen, status } : { pay_base, lines, totalFen, status };
}

// The problems `computePayout` may end with, each in a function of its own: the payout is computed
// on every record and its problems almost never, and the shorter `computePayout` is optimised
// sooner in a run's first records (see `begin`).

function performancePayOutOfRange(policy: CompiledPolicy, employee: string, perf: number): { problem: Diagnostic } {
  return outOfRange(
    policy,
    employee,
    { en: 'performance pay', zh: '绩效奖金' },
    policy.payout.performancePayText,
    'performance_pay',
    perf,
  );
}

/** The awards cap's formula without a value, or its value not an amount from 0 to the money limit. */
function awardsCapProblem(
  policy: CompiledPolicy,
  employee: string,
  capValue: number | undefined,
): { problem: Diagnostic } {
  if (capValue === undefined) return { problem: diagnostic('eval_payout.awards_cap', {}) };
  return outOfRange(
    policy,
    employee,
    { en: 'the awards cap', zh: '奖励封顶' },
    String(policy.doc.payout.awards_cap),
    'awards_cap',
    capValue,
  );
}

/** The payout cap's formula without a value, or its value not an amount from 0 to the money limit. */
function capProblem(
  policy: CompiledPolicy,
  scope: SlotValues,
  employee: string,
  capValue: number | undefined,
): { problem: Diagnostic } {
  if (capValue === undefined) return { problem: payoutUndefined(policy, scope, 'cap', policy.payout.capText ?? '') };
  return outOfRange(policy, employee, { en: 'the payout cap', zh: '奖金封顶' }, policy.payout.capText, 'cap', capValue);
}

function lineOutOfRange(policy: CompiledPolicy, employee: string, l: PayoutLine): { problem: Diagnostic } {
  return outOfRange(
    policy,
    employee,
    { en: `payout line \`${l.label}\``, zh: `奖金项 \`${l.label}\`` },
    undefined,
    undefined,
    fenToYuan(l.amountFen),
  );
}

function totalOutOfRange(policy: CompiledPolicy, employee: string, totalFen: number): { problem: Diagnostic } {
  return outOfRange(policy, employee, { en: 'the total', zh: '合计' }, undefined, undefined, fenToYuan(totalFen));
}

/**
 * A payout's tier, made whole by one object literal per shape (a title and a benefit each when the
 * band has one) rather than grown key by key: an object grown past its literal's keys gets a
 * second block for the rest.
 */
function payoutTier(band: Band, basis: number): NonNullable<Payout['tier']> {
  const { tier: id, title, benefit } = band;
  if (title) return benefit ? { id, title, basis, benefit } : { id, title, basis };
  return benefit ? { id, basis, benefit } : { id, basis };
}
