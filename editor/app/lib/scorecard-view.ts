// One employee's scorecard as the editor shows it, laid out like the printed statement: the
// indicator table, the rules that fired in words, the payout formula read with the employee's
// numbers, and the distance to the next grade and tier. Built in the preview worker from the
// engine's scorecard (engine/explanation does the reasoning); the page only renders the strings,
// as text.

import {
  BUILTIN_FACTS,
  describeAction,
  distanceToNext,
  distanceWords,
  explainLater,
  formatValue,
  OPERATOR_SIGNS,
  formulaInWords,
  type CompiledPolicy,
  type Scorecard,
} from '../../../engine/index.js';
import { money, num, type Lang } from './i18n.js';

export interface IndicatorRow {
  depth: number;
  group: boolean;
  title: string;
  /** The metric's business name and id (the id is shown on hover). */
  metric?: { label: string; id: string };
  actual: string;
  threshold: string;
  target: string;
  challenge: string;
  points: string;
  weight: string;
  weighted: string;
  /** How the points were reached, in words. */
  reason: string;
}

export interface ScorecardView {
  employee_id: string;
  name: string;
  team: string;
  role: string;
  stage: string;
  period: string;
  score: string;
  baseScore: string;
  grade: string;
  /** The grade the score gave before a cap, when a cap lowered it. */
  rawGrade?: string;
  nextGrade: string;
  nextTier?: string;
  indicators: IndicatorRow[];
  adjustments: { title: string; why: string; effect: string }[];
  pay: {
    /** The performance pay formula in words with the numbers, and what it comes to. */
    formula?: string;
    lines: { label: string; amount: string }[];
    total: string;
    held: boolean;
    tier?: string;
    benefit?: string;
  };
  holds: { title: string; why: string }[];
  triggers: { title: string; action: string; why: string }[];
  plan?: string;
  /** The engine's explanation, one line per step, for whoever wants the whole reasoning. */
  explanation: string[];
}

const W = {
  zh: {
    is: (label: string, value: string) => `${label}为 ${value}`,
    consecutive: (n: string, grade: string) => `连续 ${n} 次评为 ${grade}`,
    and: '，且 ',
    points: (p: number) => (p >= 0 ? `加 ${p} 分` : `扣 ${-p} 分`),
    award: (m: string) => `奖励 ${m}`,
    scoreCap: (c: number) => `总分封顶 ${c}`,
    gradeCap: (g: string) => `等级封顶 ${g}`,
    sep: '，',
    tier: (title: string, basis: string, value: string, min: string) => `${title}：${basis} ${value}，达到 ${min}`,
    always: '总是',
    plan: (opened: string, reason: string) => `改进计划（${opened} 起）：${reason}`,
  },
  en: {
    is: (label: string, value: string) => `${label} is ${value}`,
    consecutive: (n: string, grade: string) => `graded ${grade} ${n} times in a row`,
    and: ', and ',
    points: (p: number) => (p >= 0 ? `+${p} points` : `−${-p} points`),
    award: (m: string) => `award ${m}`,
    scoreCap: (c: number) => `score capped at ${c}`,
    gradeCap: (g: string) => `grade capped at ${g}`,
    sep: ', ',
    tier: (title: string, basis: string, value: string, min: string) => `${title}: ${basis} ${value}, at least ${min}`,
    always: 'always',
    plan: (opened: string, reason: string) => `improvement plan (since ${opened}): ${reason}`,
  },
};

/** Why a rule fired, in business words: 「等级为 C」, 「播放量 150,000 > 100,000」, 「连续 2 次评为 C」. */
function conditionsInWords(
  policy: CompiledPolicy,
  conditions: Scorecard['holds'][number]['conditions'],
  lang: Lang,
): string {
  const w = W[lang];
  const unitOf = (f: string) => policy.metrics[f]?.unit ?? policy.derived.find((d) => d.id === f)?.unit;
  const labelOf = (f: string) =>
    policy.metrics[f]?.label ?? policy.derived.find((d) => d.id === f)?.label ?? BUILTIN_FACTS[f]?.label[lang] ?? f;
  const shown = conditions
    .filter((c) => c.result)
    .map((c) => {
      if (c.fact === 'consecutive_grade') return w.consecutive(String(c.actual), String(c.params?.grade ?? ''));
      const unit = unitOf(c.fact);
      const value =
        typeof c.value === 'object' && c.value !== null && 'fact' in c.value
          ? labelOf(String((c.value as { fact: unknown }).fact))
          : formatValue(c.value, unit, lang);
      if (c.operator === 'equal' && String(c.actual) === String(c.value)) return w.is(labelOf(c.fact), value);
      return `${labelOf(c.fact)} ${formatValue(c.actual, unit, lang)} ${OPERATOR_SIGNS[c.operator] ?? c.operator} ${value}`;
    });
  return shown.length ? shown.join(w.and) : w.always;
}

export function scorecardView(policy: CompiledPolicy, card: Scorecard, lang: Lang): ScorecardView {
  const w = W[lang];
  // fills each indicator's reason in the run's language
  const explanation = explainLater(policy, card, lang);
  const unitOf = (m?: string) =>
    m ? (policy.metrics[m]?.unit ?? policy.derived.find((d) => d.id === m)?.unit) : undefined;
  const labelOf = (m: string) => policy.metrics[m]?.label ?? policy.derived.find((d) => d.id === m)?.label ?? m;
  const dash = (v: number | undefined, m?: string) => (v === undefined ? '—' : formatValue(v, unitOf(m), lang));

  const indicators: IndicatorRow[] = [];
  const walk = (items: Scorecard['indicators'], depth: number) => {
    for (const i of items) {
      const leaf = !i.children;
      indicators.push({
        depth,
        group: !leaf,
        title: i.title,
        ...(i.metric ? { metric: { label: labelOf(i.metric), id: i.metric } } : {}),
        actual: leaf ? dash(i.actual, i.metric) : '',
        threshold: leaf ? dash(i.threshold, i.metric) : '',
        target: leaf ? dash(i.target, i.metric) : '',
        challenge: leaf ? dash(i.challenge, i.metric) : '',
        points: num(i.points, lang),
        weight: `${num(i.weight, lang)}%`,
        weighted: num(i.weighted_points, lang),
        reason: leaf ? i.reason : '',
      });
      if (i.children) walk(i.children, depth + 1);
    }
  };
  walk(card.indicators, 0);

  const distance = distanceWords(policy, distanceToNext(policy, card), lang);
  const perf = card.payout.lines.find((l) => l.kind === 'performance_pay');
  const formula = formulaInWords(policy, card, policy.payout.performancePayText, lang);
  const tier = card.payout.tier;
  const band = tier && policy.tiers?.bands.find((b) => b.tier === tier.id);
  const onAttainment = policy.tiers?.basis === 'attainment';
  const basisUnit = onAttainment ? 'ratio' : unitOf(policy.tiers?.basis);
  const basisLabel = onAttainment
    ? BUILTIN_FACTS.attainment!.label[lang]
    : policy.tiers
      ? labelOf(policy.tiers.basis)
      : '';

  return {
    employee_id: card.employee_id,
    name: card.name,
    team: card.team,
    role: card.role_title,
    stage: card.stage_title,
    period: card.period,
    score: num(card.score, lang),
    baseScore: num(card.base_score, lang),
    grade: card.grade,
    ...(card.raw_grade !== card.grade ? { rawGrade: card.raw_grade } : {}),
    nextGrade: distance.grade,
    ...(distance.tier ? { nextTier: distance.tier } : {}),
    indicators,
    adjustments: card.adjustments.map((a) => ({
      title: a.title,
      why: conditionsInWords(policy, a.conditions, lang),
      effect: [
        a.points !== undefined ? w.points(a.points) : '',
        a.award !== undefined ? w.award(money(Math.round(a.award * 100), lang)) : '',
        a.score_cap !== undefined ? w.scoreCap(a.score_cap) : '',
        a.grade_cap !== undefined ? w.gradeCap(a.grade_cap) : '',
      ]
        .filter(Boolean)
        .join(w.sep),
    })),
    pay: {
      ...(formula && perf ? { formula: `${formula} = ${money(perf.amountFen, lang)}` } : {}),
      lines: card.payout.lines.map((l) => ({ label: l.label, amount: money(l.amountFen, lang) })),
      total: money(card.payout.totalFen, lang),
      held: card.payout.status === 'held',
      ...(tier && band
        ? {
            tier: w.tier(
              band.title ?? band.tier,
              basisLabel,
              formatValue(tier.basis, basisUnit, lang),
              formatValue(band.min, basisUnit, lang),
            ),
          }
        : {}),
      ...(tier?.benefit ? { benefit: tier.benefit } : {}),
    },
    holds: card.holds.map((h) => ({
      title: h.title,
      why: conditionsInWords(policy, h.conditions, lang) + (h.reason ? `${w.sep}${h.reason}` : ''),
    })),
    triggers: card.triggers.map((t) => ({
      title: t.title,
      action: describeAction(t.action, lang),
      why: t.conditions.length ? conditionsInWords(policy, t.conditions, lang) : w.always,
    })),
    ...(card.plan ? { plan: w.plan(card.plan.opened, card.plan.reason) } : {}),
    explanation,
  };
}
