// Step 6: the reasoning a person reads, built from a scorecard. Chinese by default, English on
// request. Fills each indicator's `reason` and returns the explanation lines.

import type { CompiledIndicator, CompiledLeaf, CompiledPolicy } from '../language/compile.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { formatFen, formatMoney } from '../model/money.js';
import type { Unit } from '../model/policy.js';
import type { ConditionResult, IndicatorResult, PayoutLine, Scorecard } from '../model/scorecard.js';

export type Lang = 'zh' | 'en';

const T = {
  zh: {
    header: (c: Scorecard) => `${c.name}（${c.employee_id}）· ${c.role_title} · ${c.team} · ${c.stage_title}`,
    group: (i: IndicatorResult) => `${i.title}：${n(i.points)} 分 × 权重 ${n(i.weight)}% = ${n(i.weighted_points)} 分`,
    leaf: (i: IndicatorResult, why: string) => `${i.title} ${why} → ${n(i.points)} 分 × 权重 ${n(i.weight)}% = ${n(i.weighted_points)} 分`,
    base: (s: number) => `基础得分 ${n(s)}`,
    points: (p: number) => (p >= 0 ? `加 ${n(p)} 分` : `扣 ${n(-p)} 分`),
    award: (a: number) => `奖励 ${formatMoney(a)}`,
    scoreCap: (c: number) => `总分封顶 ${n(c)}`,
    gradeCap: (g: string) => `等级封顶 ${g}`,
    score: (c: Scorecard) => `总分 ${n(c.score)} → 等级 ${c.grade}${c.raw_grade !== c.grade ? `（按分数为 ${c.raw_grade}，已封顶）` : ''}`,
    next: (pts: number, g: string) => `再提高 ${n(pts)} 分 → ${g}`,
    top: '已是最高等级',
    line: (l: PayoutLine) => `${l.label} ${formatFen(l.amountFen)}`,
    perf: (formula: string, base: number, score: number) => `（${formula}，基数 ${formatMoney(base)}，总分 ${n(score)}）`,
    tier: (title: string, basis: string, min: string) => `档位 ${title}：${basis} ≥ ${min}`,
    benefit: (b: string) => `另享：${b}`,
    total: (t: number, held: boolean) => `合计 ${formatFen(t)}${held ? '（暂扣，核实后发放）' : ''}`,
    hold: (title: string, why: string, reason?: string) => `暂扣：${title}（${why}）${reason ? `：${reason}` : ''}`,
    trigger: (title: string, action: string, why: string) => `触发：${title} → ${action}（${why}）`,
    and: ' 且 ',
    below: (t: string) => `低于门槛 ${t}`,
    above: (t: string) => `高于门槛 ${t}`,
    between: (a: string, b: string) => `介于门槛 ${a} 与目标 ${b} 之间`,
    reach: (t: string) => `达到目标 ${t}`,
    reachNoChallenge: (t: string) => `超过目标 ${t}`,
    towards: (t: string, c: string) => `达到目标 ${t}，未达挑战 ${c}`,
    challenge: (c: string) => `达到挑战 ${c}`,
    proportional: (t: string) => `按目标 ${t} 折算`,
    step: (op: string, v: string) => `${op} ${v} 档`,
    noStep: '未达任何档',
    pass: (op: string, t: string) => `达标（${op} ${t}）`,
    fail: (op: string, t: string) => `未达标（目标 ${op} ${t}）`,
    rating: (max: string) => `满分 ${max}`,
    actions: {
      improvement_plan: '绩效改进计划',
      exit_review: '调岗或退出评估',
      promotion_review: '晋升评估',
      bonus_review: '奖金评估',
      training: '安排培训',
      resource_support: '资源扶持',
      notify: '通知',
    },
    days: (d: number) => `${d} 天`,
    training: '需培训',
    payoutLabels: {
      performance_pay: '绩效工资',
      tier_multiplier: '档位加成',
      tier_award: '档位奖金',
      award: '奖励',
      awards_cap: '奖励封顶',
      total_cap: '总额封顶',
    },
  },
  en: {
    header: (c: Scorecard) => `${c.name} (${c.employee_id}) · ${c.role_title} · ${c.team} · ${c.stage_title}`,
    group: (i: IndicatorResult) => `${i.title}: ${n(i.points)} points × weight ${n(i.weight)}% = ${n(i.weighted_points)}`,
    leaf: (i: IndicatorResult, why: string) => `${i.title} ${why} → ${n(i.points)} points × weight ${n(i.weight)}% = ${n(i.weighted_points)}`,
    base: (s: number) => `base score ${n(s)}`,
    points: (p: number) => (p >= 0 ? `+${n(p)} points` : `${n(p)} points`),
    award: (a: number) => `award ${formatMoney(a)}`,
    scoreCap: (c: number) => `score capped at ${n(c)}`,
    gradeCap: (g: string) => `grade capped at ${g}`,
    score: (c: Scorecard) => `score ${n(c.score)} → grade ${c.grade}${c.raw_grade !== c.grade ? ` (${c.raw_grade} by score, capped)` : ''}`,
    next: (pts: number, g: string) => `${n(pts)} more points → ${g}`,
    top: 'already the top grade',
    line: (l: PayoutLine) => `${l.label} ${formatFen(l.amountFen)}`,
    perf: (formula: string, base: number, score: number) => ` (${formula}, base ${formatMoney(base)}, score ${n(score)})`,
    tier: (title: string, basis: string, min: string) => `tier ${title}: ${basis} ≥ ${min}`,
    benefit: (b: string) => `also: ${b}`,
    total: (t: number, held: boolean) => `total ${formatFen(t)}${held ? ' (held until verified)' : ''}`,
    hold: (title: string, why: string, reason?: string) => `held: ${title} (${why})${reason ? `: ${reason}` : ''}`,
    trigger: (title: string, action: string, why: string) => `trigger: ${title} → ${action} (${why})`,
    and: ' and ',
    below: (t: string) => `below threshold ${t}`,
    above: (t: string) => `above threshold ${t}`,
    between: (a: string, b: string) => `between threshold ${a} and target ${b}`,
    reach: (t: string) => `reaches target ${t}`,
    reachNoChallenge: (t: string) => `beyond target ${t}`,
    towards: (t: string, c: string) => `reaches target ${t}, short of challenge ${c}`,
    challenge: (c: string) => `reaches challenge ${c}`,
    proportional: (t: string) => `pro rata to target ${t}`,
    step: (op: string, v: string) => `step ${op} ${v}`,
    noStep: 'below every step',
    pass: (op: string, t: string) => `pass (${op} ${t})`,
    fail: (op: string, t: string) => `fail (target ${op} ${t})`,
    rating: (max: string) => `out of ${max}`,
    actions: {
      improvement_plan: 'improvement plan',
      exit_review: 'transfer or exit review',
      promotion_review: 'promotion review',
      bonus_review: 'bonus review',
      training: 'training',
      resource_support: 'resource support',
      notify: 'notify',
    },
    days: (d: number) => `${d} days`,
    training: 'with training',
    payoutLabels: {
      performance_pay: 'performance pay',
      tier_multiplier: 'tier uplift',
      tier_award: 'tier award',
      award: 'award',
      awards_cap: 'awards cap',
      total_cap: 'total cap',
    },
  },
};

export function payoutLabel(kind: PayoutLine['kind'], lang: Lang): string {
  return T[lang].payoutLabels[kind];
}

/** Plain number without float noise: 84.5, 1234.56 */
function n(x: number): string {
  return String(Number(x.toPrecision(12)));
}

const OP: Record<string, string> = {
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

/** A metric value as a person writes it: 45.3%, 1,234, ¥20.00, 3分5秒. */
export function formatValue(value: unknown, unit: Unit | undefined, lang: Lang = 'zh'): string {
  if (typeof value !== 'number') return value === undefined ? (lang === 'zh' ? '（无）' : '(none)') : String(value);
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
export function explainCalibration(r: import('../evaluation/calibrate.js').CalibrationResult, within: string, lang: Lang): string {
  const cohort = r.cohort === '*' ? (lang === 'zh' ? '全公司' : 'company') : r.cohort;
  const scope = lang === 'zh' ? { team: '团队', role: '岗位', stage: '阶段', all: '' }[within] ?? '' : within === 'all' ? '' : within;
  if (lang === 'zh') {
    const head = `校准（${scope ? `${scope} ` : ''}${cohort}，第 ${r.rank}/${r.size} 名）：`;
    return r.initial === r.calibrated ? `${head}${r.calibrated}` : `${head}${r.initial} → ${r.calibrated}${r.moved_by ? `，因 ${r.moved_by}` : ''}`;
  }
  const head = `calibration (${scope ? `${scope} ` : ''}${cohort}, rank ${r.rank}/${r.size}): `;
  return r.initial === r.calibrated ? `${head}${r.calibrated}` : `${head}${r.initial} → ${r.calibrated}${r.moved_by ? ` by ${r.moved_by}` : ''}`;
}

/** Why a rule fired, in words: 「播放量 150,000 > 100,000 且 点赞率 0.3% < 0.5%」. */
export function describeConditions(policy: CompiledPolicy, conditions: ConditionResult[], lang: Lang): string {
  const unitOf = (metric: string): Unit | undefined => policy.metrics[metric]?.unit ?? policy.derived.find((d) => d.id === metric)?.unit;
  const labelOf = (fact: string): string =>
    policy.metrics[fact]?.label ?? policy.derived.find((d) => d.id === fact)?.label ?? BUILTIN_FACTS[fact]?.label[lang] ?? fact;
  const cond = (c: ConditionResult): string => {
    const unit = unitOf(c.fact);
    const value = c.value && typeof c.value === 'object' && 'fact' in (c.value as object) ? labelOf(String((c.value as { fact: string }).fact)) : formatValue(c.value, unit, lang);
    const params = c.params ? `(${Object.values(c.params).join(', ')})` : '';
    return `${labelOf(c.fact)}${params} ${formatValue(c.actual, unit, lang)} ${OP[c.operator] ?? c.operator} ${value}`;
  };
  return conditions.filter((c) => c.result).map(cond).join(T[lang].and);
}

/** What a trigger's action means, in words: 「绩效改进计划，30 天，需培训」. */
export function describeAction(action: Scorecard['triggers'][number]['action'], lang: Lang): string {
  const t = T[lang];
  return [t.actions[action.type], action.days ? t.days(action.days) : undefined, action.training ? t.training : undefined, action.note].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
}

export function explainScorecard(policy: CompiledPolicy, card: Scorecard, lang: Lang): string[] {
  const t = T[lang];
  const unitOf = (metric: string): Unit | undefined => policy.metrics[metric]?.unit ?? policy.derived.find((d) => d.id === metric)?.unit;
  const labelOf = (fact: string): string =>
    policy.metrics[fact]?.label ?? policy.derived.find((d) => d.id === fact)?.label ?? BUILTIN_FACTS[fact]?.label[lang] ?? fact;
  const why = (conditions: ConditionResult[]) => describeConditions(policy, conditions, lang);

  const lines: string[] = [t.header(card)];
  const walk = (items: IndicatorResult[], indent: string) => {
    for (const i of items) {
      if (i.children) {
        i.reason = t.group(i);
        lines.push(indent + i.reason);
        walk(i.children, indent + '  ');
      } else {
        i.reason = indicatorReason(i, unitOf(i.metric!), policy, card, lang);
        lines.push(indent + t.leaf(i, `${formatValue(i.actual, unitOf(i.metric!), lang)}，${i.reason}`.replace('，', lang === 'zh' ? '，' : ', ')));
      }
    }
  };
  walk(card.indicators, '  ');
  lines.push(t.base(card.base_score));
  for (const a of card.adjustments) {
    const effects = [
      a.points !== undefined ? t.points(a.points) : undefined,
      a.award !== undefined ? t.award(a.award) : undefined,
      a.score_cap !== undefined ? t.scoreCap(a.score_cap) : undefined,
      a.grade_cap !== undefined ? t.gradeCap(a.grade_cap) : undefined,
    ].filter(Boolean);
    lines.push(`${a.title}：${why(a.conditions)} → ${effects.join(lang === 'zh' ? '，' : ', ')}`.replace('：', lang === 'zh' ? '：' : ': '));
  }
  lines.push(`${t.score(card)}${lang === 'zh' ? '，' : ', '}${card.next_grade ? t.next(card.next_grade.points_needed, card.next_grade.grade) : card.grade === policy.grades[0].grade ? t.top : t.gradeCap(card.grade)}`);
  for (const l of card.payout.lines) {
    let text = t.line(l);
    if (l.kind === 'performance_pay') text += t.perf(policy.payout.performancePayText, card.payout.pay_base, card.score);
    lines.push('  ' + text);
  }
  const tier = card.payout.tier;
  if (tier) {
    const band = policy.tiers!.bands.find((b) => b.tier === tier.id)!;
    const basisUnit = policy.tiers!.basis === 'attainment' ? 'ratio' : unitOf(policy.tiers!.basis);
    const basisLabel = policy.tiers!.basis === 'attainment' ? BUILTIN_FACTS.attainment.label[lang] : labelOf(policy.tiers!.basis);
    lines.push('  ' + t.tier(band.title ?? band.tier, `${basisLabel} ${formatValue(tier.basis, basisUnit, lang)}`, formatValue(band.min, basisUnit, lang)));
    if (tier.benefit) lines.push('  ' + t.benefit(tier.benefit));
  }
  lines.push(t.total(card.payout.totalFen, card.payout.status === 'held'));
  for (const h of card.holds) lines.push(t.hold(h.title, why(h.conditions), h.reason));
  for (const tr of card.triggers) {
    lines.push(tr.conditions.length ? t.trigger(tr.title, describeAction(tr.action, lang), why(tr.conditions)) : `${lang === 'zh' ? '触发：' : 'trigger: '}${tr.title} → ${describeAction(tr.action, lang)}`);
  }
  if (card.plan) lines.push(`${lang === 'zh' ? '改进计划' : 'improvement plan'}（${card.plan.opened}）：${card.plan.reason}`.replace('（', lang === 'zh' ? '（' : ' (').replace('）：', lang === 'zh' ? '）：' : '): '));
  return lines;
}

function indicatorReason(i: IndicatorResult, unit: Unit | undefined, policy: CompiledPolicy, card: Scorecard, lang: Lang): string {
  const t = T[lang];
  const f = (v: number | undefined) => formatValue(v, unit, lang);
  const a = i.actual!;
  const lower = i.better === 'lower';
  switch (i.scoring) {
    case 'linear': {
      const beyond = (x: number | undefined) => x !== undefined && (lower ? a <= x : a >= x);
      if (i.threshold !== undefined && !beyond(i.threshold)) return lower ? t.above(f(i.threshold)) : t.below(f(i.threshold));
      if (!beyond(i.target)) return i.threshold !== undefined ? t.between(f(i.threshold), f(i.target)) : t.proportional(f(i.target));
      if (i.challenge === undefined) return a === i.target ? t.reach(f(i.target)) : t.reachNoChallenge(f(i.target));
      if (!beyond(i.challenge)) return t.towards(f(i.target), f(i.challenge));
      return t.challenge(f(i.challenge));
    }
    case 'steps': {
      const leaf = findLeaf(policy.roles[card.role]?.byStage[card.stage] ?? [], i.path);
      const step = leaf?.steps?.find((s) => (lower ? a <= s.max! : a >= s.min!));
      return step ? t.step(lower ? '≤' : '≥', f(lower ? step.max : step.min)) : t.noStep;
    }
    case 'pass_fail': {
      const pass = lower ? a <= i.target! : a >= i.target!;
      return pass ? t.pass(lower ? '≤' : '≥', f(i.target)) : t.fail(lower ? '≤' : '≥', f(i.target));
    }
    case 'rating':
      return t.rating(n(policy.metrics[i.metric!]?.range?.[1] ?? 100));
    default:
      return '';
  }
}

function findLeaf(nodes: CompiledIndicator[], path: string): CompiledLeaf | undefined {
  for (const node of nodes) {
    if (node.path === path) return node.leaf;
    const inner = node.children && findLeaf(node.children, path);
    if (inner) return inner;
  }
  return undefined;
}
