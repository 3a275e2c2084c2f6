// Step 6: the reasoning a person reads, built from a scorecard. Chinese by default, English on
// request. Fills each indicator's `reason` and returns the explanation lines.
//
// Cheap per card: the language's templates are cut once into text and slots (`Cut`); what a
// policy keeps the same card after card (an indicator's title and weight, its threshold and target
// sentences, the payout formula, a tier's title) is folded into them once per policy, language and
// (role, stage) (`Explainer`, remembered per compiled policy), and a card fills only its own values,
// written by the integer routines of number-text.ts.

import type { CompiledIndicator, CompiledLeaf, CompiledPolicy } from '../language/compile.js';
import { factRef } from '../language/conditions.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { capToFen, fenToYuan, formatAmount, formatFen, formatMoney, roundScore, toFen } from '../model/money.js';
import type { Unit } from '../model/policy.js';
import type { ConditionResult, IndicatorResult, PayoutLine, PerUnitResult, Scorecard } from '../model/scorecard.js';
import { fill, type Lang, type MessageArgs } from '../model/messages/index.js';
import { countText, percentText, plainNumber } from './number-text.js';
import { TEMPLATES, WORDS, type TemplateKey } from './templates.js';
import { budgetScaleLine, poolShareLine } from './money-text.js';

export type { Lang };

export function payoutLabel(kind: PayoutLine['kind'], lang: Lang): string {
  return WORDS[lang].payoutLabels[kind];
}

/** One sentence of the explanation: the language's template with its placeholders filled. */
function say(lang: Lang, key: TemplateKey, args?: MessageArgs): string {
  return fill(TEMPLATES[lang][key], args);
}

const LIMITS = ['threshold', 'target', 'challenge'] as const;

/**
 * The sentences every card has, filled from values in a fixed order (their names here) rather
 * than from an object of arguments: the same text `say` gives (a value left undefined shows as
 * `{name}`, as `fill` writes it), without looking each placeholder up by name.
 */
const POSITIONAL = {
  header: ['name', 'id', 'role', 'team', 'stage'],
  group: ['title', 'points', 'weight', 'weighted'],
  leaf: ['title', 'actual', 'reason', 'points', 'weight', 'weighted'],
  base: ['score'],
  score: ['score', 'grade', 'next'],
  scoreCapped: ['score', 'grade', 'next', 'raw'],
  next: ['points', 'grade'],
  line: ['label', 'money'],
  perf: ['formula', 'base', 'score'],
  total: ['money'],
  totalHeld: ['money'],
  tier: ['title', 'basis', 'value', 'min'],
  below: LIMITS,
  above: LIMITS,
  between: LIMITS,
  proportional: LIMITS,
  reach: LIMITS,
  beyondTarget: LIMITS,
  towards: LIMITS,
  challenge: LIMITS,
} as const satisfies Partial<Record<TemplateKey, readonly string[]>>;
type PositionalKey = keyof typeof POSITIONAL;

/**
 * A template cut once: its texts, and for each placeholder between them the value's position and
 * `{name}` (what an undefined value shows). `texts` has one more entry than `at`.
 */
interface Cut {
  texts: string[];
  at: number[];
  holes: string[];
}

function cut(template: string, names: readonly string[]): Cut {
  const texts: string[] = [];
  const at: number[] = [];
  const holes: string[] = [];
  let from = 0;
  for (const m of template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    const position = names.indexOf(m[1]!);
    if (position < 0) throw new Error(`internal: template placeholder {${m[1]}} is not one of ${names.join(', ')}`);
    texts.push(template.slice(from, m.index));
    at.push(position);
    holes.push(m[0]);
    from = m.index! + m[0].length;
  }
  texts.push(template.slice(from));
  return { texts, at, holes };
}

/** The cut with every slot of `position` filled by `value` once (as `put` would write it) and `before` in front. */
function bind(c: Cut, position: number, value: unknown, before = ''): Cut {
  const texts = [before + c.texts[0]!];
  const at: number[] = [];
  const holes: string[] = [];
  for (let k = 0; k < c.at.length; k++) {
    if (c.at[k] === position) texts[texts.length - 1] += valueText(value, c.holes[k]!) + c.texts[k + 1]!;
    else {
      at.push(c.at[k]!);
      holes.push(c.holes[k]!);
      texts.push(c.texts[k + 1]!);
    }
  }
  return { texts, at, holes };
}

function cutAll(lang: Lang): Record<PositionalKey, Cut> {
  const out = {} as Record<PositionalKey, Cut>;
  for (const key of Object.keys(POSITIONAL) as PositionalKey[]) out[key] = cut(TEMPLATES[lang][key], POSITIONAL[key]);
  return out;
}

const CUTS: Record<Lang, Record<PositionalKey, Cut>> = { zh: cutAll('zh'), en: cutAll('en') };

/** A value in a slot as `fill` writes it: a string as it is, undefined as `{name}`, an object's English, else String. */
function valueText(v: unknown, hole: string): string {
  return typeof v === 'string'
    ? v
    : v === undefined
      ? hole
      : typeof v === 'object'
        ? (v as { en: string }).en
        : String(v);
}

/** The cut filled with the values in POSITIONAL's order (up to six; a bound slot's value is not read). */
function put(c: Cut, a?: unknown, b?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown): string {
  const { texts, at, holes } = c;
  let out = texts[0]!;
  for (let k = 0; k < at.length; k++) {
    const p = at[k]!;
    const v = p === 0 ? a : p === 1 ? b : p === 2 ? d : p === 3 ? e : p === 4 ? f : g;
    out += (typeof v === 'string' ? v : valueText(v, holes[k]!)) + texts[k + 1]!;
  }
  return out;
}

/** Plain number without float noise: 84.5, 1234.56 */
const n = plainNumber;

/** The sign an explanation writes for a condition's operator: `greaterThanInclusive` → ≥. */
export const OPERATOR_SIGNS: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

/** The indicator's title, by its path, in the employee's role and stage (its path when the role has none). */
function indicatorTitle(policy: CompiledPolicy, path: string, card?: { role: string; stage: string }): string {
  const roles = card ? [policy.roles[card.role]] : Object.values(policy.roles);
  for (const role of roles) {
    for (const nodes of card ? [role?.byStage[card.stage] ?? []] : Object.values(role?.byStage ?? {})) {
      const found = findNode(nodes, path);
      if (found) return found.title;
    }
  }
  return path;
}

function findNode(nodes: CompiledIndicator[], path: string): CompiledIndicator | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    const inner = node.children && findNode(node.children, path);
    if (inner) return inner;
  }
  return undefined;
}

/** The facts about indicator results that indicatorFactLabel names. */
const INDICATOR_FACTS = new Set([
  'indicator_points',
  'indicator_attainment',
  'indicator_reached',
  'indicators_reached',
  'indicators_reached_share',
  'indicators_missed',
  'lowest_indicator_points',
]);

/**
 * A fact about the indicator results in words: 「完播率 得分」, 「达到目标的指标占比（完播率、产出）」.
 * Undefined for any other fact.
 */
function indicatorFactLabel(
  policy: CompiledPolicy,
  c: { fact: string; params?: Record<string, unknown> },
  lang: Lang,
  card?: { role: string; stage: string },
): string | undefined {
  if (!INDICATOR_FACTS.has(c.fact)) return undefined;
  const p = c.params ?? {};
  const level = WORDS[lang].levels[String(p.level) as keyof (typeof WORDS)['zh']['levels']] ?? String(p.level);
  const title = () => indicatorTitle(policy, String(p.indicator), card);
  const only = Array.isArray(p.indicators)
    ? say(lang, 'onlyIndicators', {
        list: p.indicators.map((x) => indicatorTitle(policy, String(x), card)).join(say(lang, 'enumSeparator')),
      })
    : '';
  switch (c.fact) {
    case 'indicator_points':
      return say(lang, 'indicatorPoints', { title: title() });
    case 'indicator_attainment':
      return say(lang, 'indicatorAttainment', { title: title() });
    case 'indicator_reached':
      return say(lang, 'indicatorReached', { title: title(), level });
    case 'indicators_reached':
      return say(lang, 'indicatorsReached', { level }) + only;
    case 'indicators_reached_share':
      return say(lang, 'indicatorsReachedShare', { level }) + only;
    case 'indicators_missed':
      return say(lang, 'indicatorsMissed', { level }) + only;
    case 'lowest_indicator_points':
      return say(lang, 'lowestIndicatorPoints', {}) + only;
    default:
      return undefined;
  }
}

/** A metric value as a person writes it: 45.3%, 1,234, ¥20.00, 3分5秒. */
export function formatValue(value: unknown, unit: Unit | undefined, lang: Lang = 'zh'): string {
  if (typeof value !== 'number') return value === undefined ? say(lang, 'none') : String(value);
  switch (unit) {
    case 'ratio':
      return percentText(value);
    case 'money':
      return formatMoney(value);
    case 'seconds': {
      const m = Math.floor(value / 60);
      const s = Number((value - m * 60).toPrecision(12));
      if (lang === 'zh') return m ? `${m}分${s ? `${s}秒` : ''}` : `${s}秒`;
      return m ? `${m}m${s ? ` ${s}s` : ''}` : `${s}s`;
    }
    case 'count':
      return countText(value);
    default:
      return n(value);
  }
}

/**
 * A value written beside the reference values it was compared with: as formatValue writes it,
 * unless that text is also the text of one of `others` the value is not equal to — then with every
 * digit it has, so that a value just short of a bound never reads as the bound (客单价 9.999 against
 * 10 is 「¥9.999 < ¥10.00」, not 「¥10.00 < ¥10.00」; a ratio of 0.29999 is 29.999 %, not 30.0 %).
 */
export function formatValueBeside(
  value: unknown,
  others: readonly unknown[],
  unit: Unit | undefined,
  lang: Lang = 'zh',
  /** every digit even of a ratio: in a line of arithmetic that must add up as written (an interpolation) */
  exact = false,
): string {
  const text = formatValue(value, unit, lang);
  if (typeof value !== 'number') return text;
  for (const o of others)
    if (typeof o === 'number' && o !== value && near(o, value) && sameShown(formatValue(o, unit, lang), text))
      return everyDigit(value, unit, text, exact ? undefined : o);
  return text;
}

/** formatValueBeside with one other value (a condition's), without a list made for it. */
function formatValueBesideOne(value: unknown, other: unknown, unit: Unit | undefined, lang: Lang): string {
  const text = formatValue(value, unit, lang);
  return typeof value === 'number' &&
    typeof other === 'number' &&
    other !== value &&
    near(other, value) &&
    sameShown(formatValue(other, unit, lang), text)
    ? everyDigit(value, unit, text, other)
    : text;
}

/**
 * Whether two values are close enough for formatValue to write them alike: money is written to
 * the fen, a ratio to 0.01 %, anything else to twelve significant digits, so values 0.01 or more
 * apart never are (a cheap test before comparing texts).
 */
function near(a: number, b: number): boolean {
  return a - b < 0.01 && b - a < 0.01;
}

/** Two texts of formatValue that read as one number: `30%` and `30.0%`, `¥10.00` and `¥10.00`. */
function sameShown(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a.replace(/[¥,%]/g, ''));
  return !Number.isNaN(x) && x === Number(b.replace(/[¥,%]/g, ''));
}

/**
 * A value with the digits that tell it from `bound`, where formatValue rounds it to the bound's text
 * (money to the fen, a ratio to 0.01 %): money with every digit it has (¥9.999); a ratio with the
 * fewest decimals that leave it on its own side of the bound — a conversion rate of 213 / 21,268 =
 * 1.0015046…% beside a threshold of 1.0% is 1.002%, not 1.00150460786%, and 29.9996% below 30% is
 * 29.9996%, since 30.000% would read as the bound.
 */
function everyDigit(value: number, unit: Unit | undefined, text: string, bound: number | undefined): string {
  if (unit === 'money') return formatAmount(value);
  if (unit !== 'ratio') return text;
  if (bound === undefined) return `${plainNumber(Number((value * 100).toPrecision(12)))}%`;
  const pct = Number((value * 100).toPrecision(15));
  const edge = Number((bound * 100).toPrecision(15));
  const side = Math.sign(pct - edge);
  for (let k = 3; k <= 10; k++) {
    const shown = Number(pct.toFixed(k));
    if (Math.sign(shown - edge) === side) return `${plainNumber(shown)}%`;
  }
  return `${plainNumber(Number(pct.toPrecision(12)))}%`;
}

/** 「校准（团队 短视频一组，第 3/25 名）：M+ → M，因 E 名额上限 10%」 */
export function explainCalibration(
  r: import('../evaluation/calibrate.js').CalibrationResult,
  within: string,
  lang: Lang,
): string {
  const scope = WORDS[lang].scopes[within] ?? '';
  const place = {
    scope: scope ? say(lang, 'calibrationScope', { scope }) : '',
    cohort: r.cohort === '*' ? say(lang, 'wholeCompany') : r.cohort,
    rank: r.rank,
    size: r.size,
  };
  if (r.initial === r.calibrated) return say(lang, 'calibration', { ...place, grade: r.calibrated });
  return r.moved_by
    ? say(lang, 'calibrationMovedBy', { ...place, from: r.initial, to: r.calibrated, by: r.moved_by })
    : say(lang, 'calibrationMoved', { ...place, from: r.initial, to: r.calibrated });
}

/**
 * Why a rule fired, in words: 「播放量 150,000 > 100,000 且 点赞率 0.3% < 0.5%」. With the
 * employee's role and stage, facts about an indicator name it by its title there.
 */
export function describeConditions(
  policy: CompiledPolicy,
  conditions: ConditionResult[],
  lang: Lang,
  card?: { role: string; stage: string },
): string {
  let out = '';
  let first = true;
  for (const c of conditions) {
    if (!c.result) continue;
    if (!first) out += TEMPLATES[lang].and;
    first = false;
    out += describeCondition(policy, c, lang, card);
  }
  return out;
}

/** A metric's, derived metric's or fact's unit. */
function conditionUnit(policy: CompiledPolicy, metric: string): Unit | undefined {
  return (
    policy.metrics[metric]?.unit ?? policy.derived.find((d) => d.id === metric)?.unit ?? BUILTIN_FACTS[metric]?.unit
  );
}

/** A metric's unit, or a derived metric's. */
function metricUnit(policy: CompiledPolicy, metric: string): Unit | undefined {
  return policy.metrics[metric]?.unit ?? policy.derived.find((d) => d.id === metric)?.unit;
}

/** A fact's label: the metric's, the derived metric's, the built-in fact's in `lang`, or its id. */
function factLabel(policy: CompiledPolicy, fact: string, lang: Lang): string {
  return (
    policy.metrics[fact]?.label ??
    policy.derived.find((d) => d.id === fact)?.label ??
    BUILTIN_FACTS[fact]?.label[lang] ??
    fact
  );
}

function describeCondition(
  policy: CompiledPolicy,
  c: ConditionResult,
  lang: Lang,
  card: { role: string; stage: string } | undefined,
): string {
  const unit = conditionUnit(policy, c.fact);
  const indicatorLabel = indicatorFactLabel(policy, c, lang, card);
  const params = c.params && !indicatorLabel ? `(${Object.values(c.params).join(', ')})` : '';
  const label = `${indicatorLabel ?? factLabel(policy, c.fact, lang)}${params}`;
  // 「档位 无」, 「上期改进计划 有（closed）」
  if (c.operator === 'absent') return say(lang, 'absent', { label });
  if (c.operator === 'present') return say(lang, 'present', { label, value: formatValue(c.actual, unit, lang) });
  const ref = factRef(c.value);
  const value = ref !== undefined ? factLabel(policy, ref, lang) : formatFactValue(c.value, unit, lang);
  const actual =
    typeof c.actual === 'boolean'
      ? formatFactValue(c.actual, unit, lang)
      : formatValueBesideOne(c.actual, c.value, unit, lang);
  return `${label} ${actual} ${OPERATOR_SIGNS[c.operator] ?? c.operator} ${value}`;
}

/** A condition's value: booleans as 是 / 否 (yes / no), anything else as formatValue writes it. */
function formatFactValue(value: unknown, unit: Unit | undefined, lang: Lang): string {
  if (typeof value === 'boolean') return say(lang, value ? 'yes' : 'no');
  return formatValue(value, unit, lang);
}

/** What a trigger's action means, in words: 「绩效改进计划，30 天，需培训」. */
export function describeAction(action: Scorecard['triggers'][number]['action'], lang: Lang): string {
  // the parts that are there, in this order, between list separators (no array made per trigger)
  const separator = TEMPLATES[lang].listSeparator;
  let out: string = WORDS[lang].actions[action.type] || '';
  if (action.days) out = joined(out, separator, say(lang, 'days', { days: action.days }));
  if (action.training) out = joined(out, separator, TEMPLATES[lang].training);
  if (action.note) out = joined(out, separator, action.note);
  return out;
}

/** `part` after `out` and a separator, or alone when `out` is empty (as join of the present parts writes it). */
function joined(out: string, separator: string, part: unknown): string {
  return out ? out + separator + String(part) : String(part);
}

/**
 * What an explanation keeps of one policy in one language: the templates with the policy's own
 * texts folded in, built on the first card that needs them and checked against each card's values
 * (a card whose indicator differs gets its own, rebuilt in place).
 */
interface Explainer {
  policy: CompiledPolicy;
  lang: Lang;
  cuts: Record<PositionalKey, Cut>;
  /** Per role, per stage: the indicators in the order a card lists them (depth first). */
  plans: Map<string, Map<string, Plan[]>>;
  /** The performance pay sentence with the policy's formula in it. */
  perf: { formula: string; cut: Cut } | undefined;
  /** The last pay base written, and its text (a role's pay base comes back card after card). */
  payBase: number;
  payBaseText: string;
  /** Per tier id: the tier sentence with the tier's title, its basis and its minimum in it. */
  tiers: Map<string, { cut: Cut; unit: Unit | undefined }>;
}

/** One indicator of a role and stage: what its line and reason are made from, and the texts made once. */
interface Plan {
  path: string;
  indent: string;
  title: string;
  weight: number;
  group: boolean;
  metric: string | undefined;
  scoring: IndicatorResult['scoring'];
  better: IndicatorResult['better'];
  threshold: number | undefined;
  target: number | undefined;
  challenge: number | undefined;
  unit: Unit | undefined;
  /** The group or leaf sentence with the title and weight in it (a leaf's also after its indent). */
  line: Cut;
  /** Reasons made so far: by LINEAR_KEYS index, by step (the last for no step), pass and fail, the rating's. */
  reasons: (string | undefined)[];
  /** A steps indicator's compiled leaf, once looked up (null: none). */
  leaf: CompiledLeaf | null | undefined;
  /** The reference values the reason may name, with their texts, once written (actualText). */
  references: { value: number; text: string }[] | undefined;
}

const EXPLAINERS: Record<Lang, WeakMap<CompiledPolicy, Explainer>> = { zh: new WeakMap(), en: new WeakMap() };

function explainerOf(policy: CompiledPolicy, lang: Lang): Explainer {
  let ex = EXPLAINERS[lang].get(policy);
  if (!ex) {
    ex = {
      policy,
      lang,
      cuts: CUTS[lang],
      plans: new Map(),
      perf: undefined,
      payBase: Number.NaN,
      payBaseText: '',
      tiers: new Map(),
    };
    EXPLAINERS[lang].set(policy, ex);
  }
  return ex;
}

function plansOf(ex: Explainer, role: string, stage: string): Plan[] {
  let byStage = ex.plans.get(role);
  if (!byStage) ex.plans.set(role, (byStage = new Map()));
  let plans = byStage.get(stage);
  if (!plans) byStage.set(stage, (plans = []));
  return plans;
}

/** The plan was made for an indicator with these very values at this indent. */
function fits(p: Plan, i: IndicatorResult, indent: string): boolean {
  return (
    p.path === i.path &&
    p.indent === indent &&
    p.title === i.title &&
    Object.is(p.weight, i.weight) &&
    p.group === !!i.children &&
    p.metric === i.metric &&
    p.scoring === i.scoring &&
    p.better === i.better &&
    Object.is(p.threshold, i.threshold) &&
    Object.is(p.target, i.target) &&
    Object.is(p.challenge, i.challenge)
  );
}

function makePlan(ex: Explainer, i: IndicatorResult, indent: string): Plan {
  const group = !!i.children;
  const weight = n(i.weight);
  return {
    path: i.path,
    indent,
    title: i.title,
    weight: i.weight,
    group,
    metric: i.metric,
    scoring: i.scoring,
    better: i.better,
    threshold: i.threshold,
    target: i.target,
    challenge: i.challenge,
    unit: group ? undefined : metricUnit(ex.policy, i.metric!),
    // a group's line is its reason, which carries no indent
    line: group
      ? bind(bind(ex.cuts.group, 0, i.title), 2, weight)
      : bind(bind(ex.cuts.leaf, 0, i.title, indent), 4, weight),
    reasons: [],
    leaf: undefined,
    references: undefined,
  };
}

/** Each indicator's line (its `reason` filled in on the way), groups before their members; returns the next plan's index. */
function indicatorLines(
  ex: Explainer,
  plans: Plan[],
  at: number,
  card: Scorecard,
  items: IndicatorResult[],
  indent: string,
  lines: string[],
): number {
  for (const i of items) {
    let plan = plans[at];
    if (!plan || !fits(plan, i, indent)) plans[at] = plan = makePlan(ex, i, indent);
    at++;
    if (i.children) {
      i.reason = put(plan.line, undefined, n(i.points), undefined, weightedText(ex.lang, i));
      lines.push(indent + i.reason);
      at = indicatorLines(ex, plans, at, card, i.children, `${indent}  `, lines);
    } else {
      const reason = leafReason(ex, plan, i, card);
      i.reason = reason;
      lines.push(
        put(plan.line, undefined, actualText(ex, plan, i), reason, n(i.points), undefined, weightedText(ex.lang, i)),
      );
    }
  }
  return at;
}

/**
 * An indicator's weighted points as its line says them: points × weight as counted, and, when the
 * score's decimals round that, the product with its rounding (「101 分 × 权重 50% = 50.5 分 ≈ 51 分」,
 * never 「= 51 分」, as a per-unit line says it).
 */
function weightedText(lang: Lang, i: IndicatorResult): string {
  const weighted = i.weighted_points;
  const exact = (i.points * i.weight) / 100;
  if (Math.abs(exact - weighted) <= 1e-9 * Math.max(1, Math.abs(exact))) return n(weighted);
  const product = n(Number(exact.toPrecision(12)));
  return lang === 'zh' ? `${product} 分 ≈ ${n(weighted)}` : `${product} ≈ ${n(weighted)}`;
}

export function explainScorecard(policy: CompiledPolicy, card: Scorecard, lang: Lang): string[] {
  const ex = explainerOf(policy, lang);
  const cuts = ex.cuts;
  const lines: string[] = [put(cuts.header, card.name, card.employee_id, card.role_title, card.team, card.stage_title)];
  indicatorLines(ex, plansOf(ex, card.role, card.stage), 0, card, card.indicators, '  ', lines);
  lines.push(put(cuts.base, n(card.base_score)));
  for (const a of card.adjustments) {
    lines.push(
      say(lang, 'adjustment', {
        title: a.title,
        why: describeConditions(policy, a.conditions, lang, card),
        effects: describeEffects(policy, a, lang),
      }),
    );
  }
  const limited = scoreMaxText(policy, card, lang);
  if (limited) lines.push(limited);
  const next = card.next_grade
    ? put(cuts.next, n(card.next_grade.points_needed), card.next_grade.grade)
    : card.grade === policy.grades[0]?.grade
      ? TEMPLATES[lang].top
      : say(lang, 'gradeCap', { grade: card.grade });
  const score = n(card.score);
  lines.push(
    card.raw_grade !== card.grade
      ? put(cuts.scoreCapped, score, card.grade, next, card.raw_grade)
      : put(cuts.score, score, card.grade, next),
  );
  const pools = card.pools;
  for (const l of card.payout.lines) {
    let text = put(cuts.line, l.label, lineMoney(ex.policy, l));
    if (l.kind === 'performance_pay') text += put(perfCut(ex), undefined, payBaseText(ex, card.payout.pay_base), score);
    lines.push(`  ${text}`);
    // the budget's cut as it was computed (variable pay × each budget's ratio), under its own line
    if (l.kind === 'budget_scale' && card.budget_scale) lines.push(`    ${budgetScaleLine(card.budget_scale, lang)}`);
    // a pool's share as it was computed (pool × weight / every weight), under its own line
    if (l.kind === 'pool_share' && pools)
      for (let i = 0; i < pools.length; i++)
        if (pools[i]!.pool === l.source && !pools[i]!.excluded)
          lines.push(`    ${poolShareLine(pools[i]!, lang, unitFen(policy))}`);
  }
  // a pool this person takes no share of, and why
  if (pools)
    for (let i = 0; i < pools.length; i++)
      if (pools[i]!.excluded) lines.push(`  ${poolShareLine(pools[i]!, lang, unitFen(policy))}`);
  const tier = card.payout.tier;
  if (tier) {
    const t = tierPlan(ex, tier.id);
    lines.push(`  ${put(t.cut, undefined, undefined, formatValue(tier.basis, t.unit, lang))}`);
    if (tier.benefit) lines.push(`  ${say(lang, 'benefit', { benefit: tier.benefit })}`);
  }
  lines.push(put(card.payout.status === 'held' ? cuts.totalHeld : cuts.total, formatFen(card.payout.totalFen)));
  for (const h of card.holds) {
    const why = describeConditions(policy, h.conditions, lang, card);
    lines.push(
      h.reason
        ? say(lang, 'holdWithReason', { title: h.title, why, reason: h.reason })
        : say(lang, 'hold', { title: h.title, why }),
    );
  }
  for (const tr of card.triggers) {
    const action = describeAction(tr.action, lang);
    lines.push(
      tr.conditions.length
        ? say(lang, 'trigger', { title: tr.title, action, why: describeConditions(policy, tr.conditions, lang, card) })
        : say(lang, 'triggerAlways', { title: tr.title, action }),
    );
  }
  if (card.plan) lines.push(say(lang, 'plan', { opened: card.plan.opened, reason: card.plan.reason }));
  return flat(lines);
}

/**
 * The sentence that says `score.max` limited the score, when it did: the base score and the
 * adjustment points add up to more than the maximum (「基础得分与加减分合计 113，超过政策的总分上限 110
 * （`score.max`），按 110 计」). Undefined otherwise. A `score_cap` that then lowers it further says so in
 * its adjustment's effects.
 */
export function scoreMaxText(policy: CompiledPolicy, card: Scorecard, lang: Lang): string | undefined {
  const max = policy.scoreMax;
  if (max === undefined) return undefined;
  let raw = card.base_score;
  for (const a of card.adjustments) raw += a.points ?? 0;
  raw = roundScore(raw, policy.decimals);
  return raw > max ? say(lang, 'scoreMax', { raw: n(raw), max: n(max) }) : undefined;
}

/** The policy's rounding unit in fen (`payout.rounding.to`: 1 fen, 10 a jiao, 100 a yuan). */
export function unitFen(policy: CompiledPolicy): number {
  return Math.round(policy.payout.rounding.to * 100);
}

/**
 * The card's lines as flat strings: V8 keeps a string joined with `+` as the tree of its pieces
 * until something reads it whole. The lines are joined once (one copy, one string) and each taken
 * back as a slice of it, so a card's lines are one string for the garbage collector to move while
 * the card is kept, and JSON.stringify and UTF-8 encoding read them without flattening each first.
 */
function flat(lines: string[]): string[] {
  const whole = lines.join('');
  let from = 0;
  for (let k = 0; k < lines.length; k++) {
    const to = from + lines[k]!.length;
    lines[k] = whole.slice(from, to);
    from = to;
  }
  return lines;
}

/** The performance pay sentence with the policy's formula folded in. */
function perfCut(ex: Explainer): Cut {
  const formula = ex.policy.payout.performancePayText;
  if (ex.perf?.formula !== formula) ex.perf = { formula, cut: bind(ex.cuts.perf, 0, formula) };
  return ex.perf.cut;
}

/** The pay base as money, remembered from the card before. */
function payBaseText(ex: Explainer, payBase: number): string {
  if (payBase === ex.payBase) return ex.payBaseText;
  const text = formatValue(payBase, 'money', ex.lang);
  if (typeof payBase === 'number') {
    ex.payBase = payBase;
    ex.payBaseText = text;
  }
  return text;
}

/** The tier sentence of tier `id` with its title, basis and minimum folded in. */
function tierPlan(ex: Explainer, id: string): { cut: Cut; unit: Unit | undefined } {
  let t = ex.tiers.get(id);
  if (!t) {
    const { policy, lang } = ex;
    const band = policy.tiers!.bands.find((b) => b.tier === id)!;
    const unit = policy.tiers!.basis === 'attainment' ? 'ratio' : metricUnit(policy, policy.tiers!.basis);
    const basis =
      policy.tiers!.basis === 'attainment'
        ? BUILTIN_FACTS.attainment.label[lang]
        : factLabel(policy, policy.tiers!.basis, lang);
    const cut = bind(
      bind(bind(ex.cuts.tier, 0, band.title ?? band.tier), 1, basis),
      3,
      formatValue(band.min, unit, lang),
    );
    t = { cut, unit };
    ex.tiers.set(id, t);
  }
  return t;
}

/**
 * What a fired adjustment does, in words: 「加 6 分（爆款视频数 3 × 2 分 = 6 分），奖励 ¥1,500.00（爆款视频数 3 × ¥500.00 = ¥1,500.00）」.
 * A per-unit effect says how it was counted, and its max when the max limited it.
 */
export function describeEffects(policy: CompiledPolicy, a: Scorecard['adjustments'][number], lang: Lang): string {
  const separator = TEMPLATES[lang].listSeparator;
  let out = '';
  if (a.points !== undefined)
    out = listed(
      out,
      separator,
      (a.points >= 0 ? say(lang, 'plus', { points: n(a.points) }) : say(lang, 'minus', { points: n(-a.points) })) +
        describePerUnit(policy, a.per_unit?.points, 'points', lang),
    );
  if (a.award !== undefined)
    out = listed(
      out,
      separator,
      say(lang, 'award', { money: awardMoney(policy, a) }) + describePerUnit(policy, a.per_unit?.award, 'money', lang),
    );
  if (a.score_cap !== undefined) out = listed(out, separator, say(lang, 'scoreCap', { cap: n(a.score_cap) }));
  if (a.grade_cap !== undefined) out = listed(out, separator, say(lang, 'gradeCap', { grade: a.grade_cap }));
  return out;
}

/**
 * A payout line's amount as the explanation says it: a tier's award finer than the policy's unit
 * (`award: 1000.05` paid `up` to the jiao) is said as written and as paid, 「¥1,000.05 ≈ ¥1,000.10」,
 * as an adjustment's fixed award is (awardMoney); every other line is its amount.
 */
export function lineMoney(policy: CompiledPolicy, l: Scorecard['payout']['lines'][number]): string {
  if (l.kind !== 'tier_award') return formatFen(l.amountFen);
  const award = policy.tiers?.bands.find((b) => b.tier === l.source)?.award;
  return award === undefined || Math.round(award * 100) === l.amountFen
    ? formatFen(l.amountFen)
    : `${formatAmount(award)} ≈ ${formatFen(l.amountFen)}`;
}

/**
 * A fired adjustment's award: a fixed award finer than the policy's unit (`award: 800.5` at whole
 * yuan) is paid rounded, so it is said as written and as paid, 「¥800.50 ≈ ¥801.00」, as its payout
 * line pays it; a per-unit award is already the amount paid.
 */
export function awardMoney(policy: CompiledPolicy, a: Scorecard['adjustments'][number]): string {
  const award = a.award ?? 0;
  const { to, mode } = policy.payout.rounding;
  const paid = a.per_unit?.award ? award : fenToYuan(toFen(award, to, mode));
  return paid === award ? formatMoney(award) : `${formatAmount(award)} ≈ ${formatMoney(paid)}`;
}

/** The parts that are not empty, between separators: what `parts.filter(Boolean).join(separator)` writes. */
function listed(out: string, separator: string, part: string): string {
  return !part ? out : out ? out + separator + part : part;
}

/**
 * How a per-unit effect was counted, as the parenthesis after the amount: 「（爆款视频数 3 × ¥500.00 =
 * ¥1,500.00）」; empty for a fixed amount. `show` writes an amount (points or money).
 */
export function describePerUnit(
  policy: CompiledPolicy,
  p: PerUnitResult | undefined,
  show: ((x: number) => string) | 'points' | 'money',
  lang: Lang,
): string {
  if (!p) return '';
  const write =
    show === 'points' ? (x: number) => say(lang, 'points', { points: n(x) }) : show === 'money' ? formatMoney : show;
  const unit = policy.metrics[p.per.trim()]?.unit ?? policy.derived.find((d) => d.id === p.per.trim())?.unit;
  // the rate and the limit as the policy states them (¥0.333 a unit), the amount counted to the fen
  const stated = show === 'money' ? formatAmount : write;
  // points are counted to the score's decimals, money to the policy's unit: a product they round is
  // written with its rounding (「迟到次数 1 × -12.5 分 = -12.5 分 ≈ -13 分」 at 0 decimals, never
  // 「= -13 分」; 「线索数 2 × ¥0.333 = ¥0.666 ≈ ¥1.00」 at whole yuan, never 「= ¥1.00」)
  const product = show === 'points' || show === 'money' ? Number((p.units * p.amount).toPrecision(12)) : p.raw;
  const raw = product === p.raw ? write(p.raw) : `${stated(product)} ≈ ${write(p.raw)}`;
  const args = { label: p.label, units: formatValue(p.units, unit, lang), amount: stated(p.amount), raw };
  if (!p.capped || p.max === undefined) return say(lang, 'perUnit', args);
  // a money limit finer than the policy's unit is paid at the unit below it (`max: 10.55` at jiao
  // pays ¥10.50): said as written and as paid
  const paidMax = show === 'money' ? fenToYuan(capToFen(p.max, policy.payout.rounding.to)) : p.max;
  return say(lang, 'perUnitCapped', {
    ...args,
    max: paidMax === p.max ? stated(p.max) : `${stated(p.max)} ≈ ${formatMoney(paidMax)}`,
  });
}

/** The sentences of where a linear indicator's actual value lies, by index in the plan's reasons. */
const LINEAR_KEYS = [
  'below',
  'above',
  'between',
  'proportional',
  'reach',
  'beyondTarget',
  'towards',
  'challenge',
] as const;

/** Why an indicator got its points, from the texts its plan made once. */
function leafReason(ex: Explainer, plan: Plan, i: IndicatorResult, card: Scorecard): string {
  // no value: an indicator weighted 0 in this stage whose metric the record lacks (not required here)
  if (i.actual === undefined) return say(ex.lang, 'notCounted');
  const a = i.actual;
  const lower = i.better === 'lower';
  const { lang } = ex;
  switch (i.scoring) {
    case 'linear': {
      // below / above, between, proportional, reach, beyondTarget, towards, challenge: as LINEAR_KEYS
      const k =
        i.threshold !== undefined && !beyond(a, i.threshold, lower)
          ? lower
            ? 1
            : 0
          : !beyond(a, i.target, lower)
            ? i.threshold !== undefined
              ? 2
              : 3
            : i.challenge === undefined
              ? a === i.target
                ? 4
                : 5
              : !beyond(a, i.challenge, lower)
                ? 6
                : 7;
      return (plan.reasons[k] ??= put(
        ex.cuts[LINEAR_KEYS[k]!],
        formatValue(i.threshold, plan.unit, lang),
        formatValue(i.target, plan.unit, lang),
        formatValue(i.challenge, plan.unit, lang),
      ));
    }
    case 'steps': {
      if (plan.leaf === undefined)
        plan.leaf = findLeaf(ex.policy.roles[card.role]?.byStage[card.stage] ?? [], i.path) ?? null;
      const steps = plan.leaf?.steps ?? [];
      for (let s = 0; s < steps.length; s++) {
        const step = steps[s]!;
        if (lower ? a <= step.max! : a >= step.min!)
          return (plan.reasons[s] ??= say(lang, 'step', {
            op: lower ? '≤' : '≥',
            value: formatValue(lower ? step.max : step.min, plan.unit, lang),
          }));
      }
      return (plan.reasons[steps.length] ??= say(lang, 'noStep'));
    }
    case 'pass_fail': {
      const pass = lower ? a <= i.target! : a >= i.target!;
      return (plan.reasons[pass ? 0 : 1] ??= say(lang, pass ? 'pass' : 'fail', {
        op: lower ? '≤' : '≥',
        target: formatValue(i.target, plan.unit, lang),
      }));
    }
    case 'rating':
      return (plan.reasons[0] ??= say(lang, 'rating', {
        max: n(
          ex.policy.metrics[i.metric!]?.range?.[1] ??
            ex.policy.derived.find((d) => d.id === i.metric)?.range?.[1] ??
            100,
        ),
      }));
    default:
      return '';
  }
}

/**
 * A leaf's actual value as its line writes it: as formatValue does, or with every digit when that
 * text is also the text of a reference value its reason names (threshold, target, challenge, a
 * step's bound) and the value is not that value — GMV 199,999.999 against a target of 200,000 is
 * ¥199,999.999, not ¥200,000.00 「介于门槛与目标之间」. The reference texts are written once per plan.
 */
function actualText(ex: Explainer, plan: Plan, i: IndicatorResult): string {
  const a = i.actual;
  const text = formatValue(a, plan.unit, ex.lang);
  if (typeof a !== 'number') return text;
  plan.references ??= referenceTexts(ex, plan);
  for (const r of plan.references)
    if (r.value !== a && near(r.value, a) && sameShown(r.text, text)) return everyDigit(a, plan.unit, text, r.value);
  return text;
}

/** The reference values a leaf's reason may name, each with its text. */
function referenceTexts(ex: Explainer, plan: Plan): { value: number; text: string }[] {
  const values: number[] = [];
  for (const x of [plan.threshold, plan.target, plan.challenge]) if (x !== undefined) values.push(x);
  for (const step of plan.leaf?.steps ?? []) {
    const bound = plan.better === 'lower' ? step.max : step.min;
    if (bound !== undefined) values.push(bound);
  }
  return values.map((value) => ({ value, text: formatValue(value, plan.unit, ex.lang) }));
}

/** The actual value is at `x` or beyond it, in the indicator's better direction. */
function beyond(a: number, x: number | undefined, lower: boolean): boolean {
  return x !== undefined && (lower ? a <= x : a >= x);
}

function findLeaf(nodes: CompiledIndicator[], path: string): CompiledLeaf | undefined {
  for (const node of nodes) {
    if (node.path === path) return node.leaf;
    const inner = node.children && findLeaf(node.children, path);
    if (inner) return inner;
  }
  return undefined;
}
