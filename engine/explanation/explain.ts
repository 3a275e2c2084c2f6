// Step 6: the reasoning a person reads, built from a scorecard. Chinese by default, English on
// request. Fills each indicator's `reason` and returns the explanation lines.

import type { CompiledIndicator, CompiledLeaf, CompiledPolicy } from '../language/compile.js';
import { factRef } from '../language/conditions.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { formatAmount, formatFen, formatMoney } from '../model/money.js';
import type { Unit } from '../model/policy.js';
import type { ConditionResult, IndicatorResult, PayoutLine, PerUnitResult, Scorecard } from '../model/scorecard.js';
import { fill, type Lang, type MessageArgs } from '../model/messages/index.js';
import { TEMPLATES, WORDS, type TemplateKey } from './templates.js';

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

/** A template cut once: its texts, and for each placeholder between them the value's position and `{name}`. */
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

function cutAll(lang: Lang): Record<PositionalKey, Cut> {
  const out = {} as Record<PositionalKey, Cut>;
  for (const key of Object.keys(POSITIONAL) as PositionalKey[]) out[key] = cut(TEMPLATES[lang][key], POSITIONAL[key]);
  return out;
}

const CUTS: Record<Lang, Record<PositionalKey, Cut>> = { zh: cutAll('zh'), en: cutAll('en') };

/** `say(lang, key, args)` with the arguments given in POSITIONAL's order. */
function sayIn(lang: Lang, key: PositionalKey, values: readonly unknown[]): string {
  const { texts, at, holes } = CUTS[lang][key];
  let out = texts[0]!;
  for (let k = 0; k < at.length; k++) {
    const v = values[at[k]!];
    out +=
      typeof v === 'string'
        ? v
        : v === undefined
          ? holes[k]!
          : typeof v === 'object'
            ? (v as { en: string }).en
            : String(v);
    out += texts[k + 1]!;
  }
  return out;
}

/** Plain number without float noise: 84.5, 1234.56 */
function n(x: number): string {
  // most values are already short (84.5, 0.153): String gives them as toPrecision(12) would
  const s = String(x);
  return significantDigits(s) <= 12 ? s : String(Number(x.toPrecision(12)));
}

/** Significant digits of a number's plain decimal text; 99 for exponent notation, NaN or Infinity. */
function significantDigits(s: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 46) continue; // - .
    if (c < 48 || c > 57) return 99;
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}

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

/** The unit a fact's values are written in, when it is not a metric's. */
const FACT_UNITS: Record<string, Unit> = { indicator_attainment: 'ratio', indicators_reached_share: 'ratio' };

/** A metric value as a person writes it: 45.3%, 1,234, ¥20.00, 3分5秒. */
export function formatValue(value: unknown, unit: Unit | undefined, lang: Lang = 'zh'): string {
  if (typeof value !== 'number') return value === undefined ? say(lang, 'none') : String(value);
  // 0 and -0 are one key in a Map but can be written differently (-0 as a count is `-0`)
  if (value === 0) return numberText(value, unit, lang);
  // the same values come back card after card (a target, a threshold, 9.3%): each is written once
  const texts = VALUE_TEXTS[lang];
  const key = unit ?? '';
  let memo = texts.get(key);
  if (!memo) {
    memo = new Map();
    texts.set(key, memo);
  }
  let text = memo.get(value);
  if (text === undefined) {
    text = numberText(value, unit, lang);
    if (memo.size >= VALUE_TEXTS_MAX) memo.clear();
    memo.set(value, text);
  }
  return text;
}

/** Numbers already written, by language and unit; bounded, so a month of distinct values cannot grow it. */
const VALUE_TEXTS: Record<Lang, Map<string, Map<number, string>>> = { zh: new Map(), en: new Map() };
const VALUE_TEXTS_MAX = 8192;

function numberText(value: number, unit: Unit | undefined, lang: Lang): string {
  switch (unit) {
    case 'ratio': {
      const pct = Number((value * 100).toPrecision(12));
      return `${Number.isInteger(pct * 10) ? pct.toFixed(1) : String(Number(pct.toFixed(2)))}%`;
    }
    case 'money':
      return formatMoney(value);
    case 'seconds': {
      const m = Math.floor(value / 60);
      const s = Number((value - m * 60).toPrecision(12));
      if (lang === 'zh') return m ? `${m}分${s ? `${s}秒` : ''}` : `${s}秒`;
      return m ? `${m}m${s ? ` ${s}s` : ''}` : `${s}s`;
    }
    case 'count':
      return Number.isInteger(value) ? value.toLocaleString('en-US') : n(value);
    default:
      return n(value);
  }
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
    if (!first) out += say(lang, 'and');
    first = false;
    out += describeCondition(policy, c, lang, card);
  }
  return out;
}

/** A metric's, derived metric's or fact's unit. */
function conditionUnit(policy: CompiledPolicy, metric: string): Unit | undefined {
  return policy.metrics[metric]?.unit ?? policy.derived.find((d) => d.id === metric)?.unit ?? FACT_UNITS[metric];
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
  return `${label} ${formatFactValue(c.actual, unit, lang)} ${OPERATOR_SIGNS[c.operator] ?? c.operator} ${value}`;
}

/** A condition's value: booleans as 是 / 否 (yes / no), anything else as formatValue writes it. */
function formatFactValue(value: unknown, unit: Unit | undefined, lang: Lang): string {
  if (typeof value === 'boolean') return say(lang, value ? 'yes' : 'no');
  return formatValue(value, unit, lang);
}

/** What a trigger's action means, in words: 「绩效改进计划，30 天，需培训」. */
export function describeAction(action: Scorecard['triggers'][number]['action'], lang: Lang): string {
  return [
    WORDS[lang].actions[action.type],
    action.days ? say(lang, 'days', { days: action.days }) : undefined,
    action.training ? say(lang, 'training') : undefined,
    action.note,
  ]
    .filter(Boolean)
    .join(say(lang, 'listSeparator'));
}

/** Each indicator's line (its `reason` filled in on the way), groups before their members. */
function indicatorLines(
  policy: CompiledPolicy,
  card: Scorecard,
  lang: Lang,
  items: IndicatorResult[],
  indent: string,
  lines: string[],
): void {
  for (const i of items) {
    if (i.children) {
      i.reason = sayIn(lang, 'group', [i.title, n(i.points), n(i.weight), n(i.weighted_points)]);
      lines.push(indent + i.reason);
      indicatorLines(policy, card, lang, i.children, `${indent}  `, lines);
    } else {
      const unit = metricUnit(policy, i.metric!);
      const reason = indicatorReason(i, unit, policy, card, lang);
      i.reason = reason;
      lines.push(
        indent +
          sayIn(lang, 'leaf', [
            i.title,
            formatValue(i.actual, unit, lang),
            reason,
            n(i.points),
            n(i.weight),
            n(i.weighted_points),
          ]),
      );
    }
  }
}

export function explainScorecard(policy: CompiledPolicy, card: Scorecard, lang: Lang): string[] {
  const lines: string[] = [
    sayIn(lang, 'header', [card.name, card.employee_id, card.role_title, card.team, card.stage_title]),
  ];
  indicatorLines(policy, card, lang, card.indicators, '  ', lines);
  lines.push(sayIn(lang, 'base', [n(card.base_score)]));
  for (const a of card.adjustments) {
    lines.push(
      say(lang, 'adjustment', {
        title: a.title,
        why: describeConditions(policy, a.conditions, lang, card),
        effects: describeEffects(policy, a, lang),
      }),
    );
  }
  const next = card.next_grade
    ? sayIn(lang, 'next', [n(card.next_grade.points_needed), card.next_grade.grade])
    : card.grade === policy.grades[0]?.grade
      ? say(lang, 'top')
      : say(lang, 'gradeCap', { grade: card.grade });
  const score = n(card.score);
  lines.push(
    card.raw_grade !== card.grade
      ? sayIn(lang, 'scoreCapped', [score, card.grade, next, card.raw_grade])
      : sayIn(lang, 'score', [score, card.grade, next]),
  );
  for (const l of card.payout.lines) {
    let text = sayIn(lang, 'line', [l.label, formatFen(l.amountFen)]);
    if (l.kind === 'performance_pay')
      text += sayIn(lang, 'perf', [
        policy.payout.performancePayText,
        formatValue(card.payout.pay_base, 'money', lang),
        score,
      ]);
    lines.push(`  ${text}`);
  }
  const tier = card.payout.tier;
  if (tier) {
    const band = policy.tiers!.bands.find((b) => b.tier === tier.id)!;
    const basisUnit = policy.tiers!.basis === 'attainment' ? 'ratio' : metricUnit(policy, policy.tiers!.basis);
    const basisLabel =
      policy.tiers!.basis === 'attainment'
        ? BUILTIN_FACTS.attainment.label[lang]
        : factLabel(policy, policy.tiers!.basis, lang);
    lines.push(
      '  ' +
        say(lang, 'tier', {
          title: band.title ?? band.tier,
          basis: basisLabel,
          value: formatValue(tier.basis, basisUnit, lang),
          min: formatValue(band.min, basisUnit, lang),
        }),
    );
    if (tier.benefit) lines.push('  ' + say(lang, 'benefit', { benefit: tier.benefit }));
  }
  lines.push(sayIn(lang, card.payout.status === 'held' ? 'totalHeld' : 'total', [formatFen(card.payout.totalFen)]));
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
  return lines;
}

/**
 * What a fired adjustment does, in words: 「加 6 分（爆款视频数 3 × 2 分 = 6 分），奖励 ¥1,500.00（爆款视频数 3 × ¥500.00 = ¥1,500.00）」.
 * A per-unit effect says how it was counted, and its max when the max limited it.
 */
export function describeEffects(policy: CompiledPolicy, a: Scorecard['adjustments'][number], lang: Lang): string {
  const perUnit = (p: PerUnitResult | undefined, show: (x: number) => string) => describePerUnit(policy, p, show, lang);
  const points = (x: number) => say(lang, 'points', { points: n(x) });
  const effects = [
    a.points !== undefined
      ? (a.points >= 0 ? say(lang, 'plus', { points: n(a.points) }) : say(lang, 'minus', { points: n(-a.points) })) +
        perUnit(a.per_unit?.points, points)
      : undefined,
    a.award !== undefined
      ? say(lang, 'award', { money: formatMoney(a.award) }) + describePerUnit(policy, a.per_unit?.award, 'money', lang)
      : undefined,
    a.score_cap !== undefined ? say(lang, 'scoreCap', { cap: n(a.score_cap) }) : undefined,
    a.grade_cap !== undefined ? say(lang, 'gradeCap', { grade: a.grade_cap }) : undefined,
  ].filter(Boolean);
  return effects.join(say(lang, 'listSeparator'));
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
  const args = { label: p.label, units: formatValue(p.units, unit, lang), amount: stated(p.amount), raw: write(p.raw) };
  return p.capped && p.max !== undefined
    ? say(lang, 'perUnitCapped', { ...args, max: stated(p.max) })
    : say(lang, 'perUnit', args);
}

function indicatorReason(
  i: IndicatorResult,
  unit: Unit | undefined,
  policy: CompiledPolicy,
  card: Scorecard,
  lang: Lang,
): string {
  const a = i.actual!;
  const lower = i.better === 'lower';
  switch (i.scoring) {
    case 'linear': {
      const key: LinearKey =
        i.threshold !== undefined && !beyond(a, i.threshold, lower)
          ? lower
            ? 'above'
            : 'below'
          : !beyond(a, i.target, lower)
            ? i.threshold !== undefined
              ? 'between'
              : 'proportional'
            : i.challenge === undefined
              ? a === i.target
                ? 'reach'
                : 'beyondTarget'
              : !beyond(a, i.challenge, lower)
                ? 'towards'
                : 'challenge';
      return linearReason(lang, key, unit, i.threshold, i.target, i.challenge);
    }
    case 'steps': {
      const leaf = findLeaf(policy.roles[card.role]?.byStage[card.stage] ?? [], i.path);
      const step = leaf?.steps?.find((s) => (lower ? a <= s.max! : a >= s.min!));
      return step
        ? say(lang, 'step', { op: lower ? '≤' : '≥', value: formatValue(lower ? step.max : step.min, unit, lang) })
        : say(lang, 'noStep');
    }
    case 'pass_fail': {
      const pass = lower ? a <= i.target! : a >= i.target!;
      return say(lang, pass ? 'pass' : 'fail', { op: lower ? '≤' : '≥', target: formatValue(i.target, unit, lang) });
    }
    case 'rating':
      return say(lang, 'rating', {
        max: n(
          policy.metrics[i.metric!]?.range?.[1] ?? policy.derived.find((d) => d.id === i.metric)?.range?.[1] ?? 100,
        ),
      });
    default:
      return '';
  }
}

type LinearKey = 'below' | 'above' | 'between' | 'proportional' | 'reach' | 'beyondTarget' | 'towards' | 'challenge';

/**
 * 「介于门槛 5.0% 与目标 15.0% 之间」: the sentence for where a linear indicator's actual value lies,
 * from its reference points. The same few sentences come back card after card (an indicator's
 * points are the policy's): each is made once per language, unit and reference points, and the
 * same string returned (bounded like VALUE_TEXTS; a reference point of 0 is not remembered, as
 * formatValue does not remember it).
 */
function linearReason(
  lang: Lang,
  key: LinearKey,
  unit: Unit | undefined,
  threshold: number | undefined,
  target: number | undefined,
  challenge: number | undefined,
): string {
  if (threshold === 0 || target === 0 || challenge === 0)
    return linearSentence(lang, key, unit, threshold, target, challenge);
  const byUnit = LINEAR_REASONS[lang];
  let byThreshold = byUnit.get(unit ?? '');
  if (!byThreshold) byUnit.set(unit ?? '', (byThreshold = new Map()));
  let byTarget = byThreshold.get(threshold);
  if (!byTarget) byThreshold.set(threshold, (byTarget = new Map()));
  let byChallenge = byTarget.get(target);
  if (!byChallenge) byTarget.set(target, (byChallenge = new Map()));
  let sentences = byChallenge.get(challenge);
  if (!sentences) {
    if (++linearReasonsKept > VALUE_TEXTS_MAX) {
      LINEAR_REASONS.zh.clear();
      LINEAR_REASONS.en.clear();
      linearReasonsKept = 0;
      return linearSentence(lang, key, unit, threshold, target, challenge);
    }
    byChallenge.set(challenge, (sentences = {}));
  }
  return (sentences[key] ??= linearSentence(lang, key, unit, threshold, target, challenge));
}

function linearSentence(lang: Lang, key: LinearKey, unit: Unit | undefined, ...limits: Maybe[]): string {
  // in LIMITS' order
  return sayIn(lang, key, [
    formatValue(limits[0], unit, lang),
    formatValue(limits[1], unit, lang),
    formatValue(limits[2], unit, lang),
  ]);
}

type Maybe = number | undefined;
const LINEAR_REASONS: Record<
  Lang,
  Map<string, Map<Maybe, Map<Maybe, Map<Maybe, Partial<Record<LinearKey, string>>>>>>
> = { zh: new Map(), en: new Map() };
let linearReasonsKept = 0;

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
