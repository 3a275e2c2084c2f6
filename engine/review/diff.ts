// What changed between two versions of a policy, in the words of the business:
// 「编导 · 完播率 目标 40.0% → 45.0%」, 「成熟期 · 运营经理 · 权重 粉丝增长 20 → 25」. Works on
// the schema-valid documents; anything without a dedicated wording falls back to its key path.

import { moneyChangeText } from './money-diff.js';
import { settingChangeText } from './setting-diff.js';
import { formatAmount } from '../model/money.js';
import { formatValue, OPERATOR_SIGNS, type Lang } from '../explanation/explain.js';
import { WORDS } from '../explanation/templates.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import {
  isGroup,
  type AdjustmentDef,
  type ConditionDef,
  type HoldDef,
  type IndicatorDef,
  type PolicyDoc,
  type TriggerDef,
  type Unit,
} from '../model/policy.js';

export interface PolicyChange {
  /** Key path of the value that changed. */
  path: (string | number)[];
  kind: 'changed' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
  /** The change in business words. */
  text: string;
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every leaf difference between two JSON values, by path. */
function leafDiff(
  a: Json,
  b: Json,
  path: (string | number)[] = [],
  out: { path: (string | number)[]; before?: Json; after?: Json }[] = [],
) {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in b)) out.push({ path: [...path, k], before: a[k] });
      else if (!(k in a)) out.push({ path: [...path, k], after: b[k] });
      else leafDiff(a[k], b[k], [...path, k], out);
    }
    return out;
  }
  out.push({ path, before: a, after: b });
  return out;
}

const W = {
  zh: {
    weight: '权重',
    threshold: '门槛',
    target: '目标',
    challenge: '挑战',
    cap: '封顶',
    added: '新增',
    removed: '删除',
    version: '版本',
    effective_from: '生效期',
    pay_base: '绩效基数',
    grade: '等级',
    tier: '档位',
    min: '最低',
    multiplier: '倍数',
    award: '奖金',
    formula: '公式',
    condition: '条件',
    metric: '指标',
    steps: '阶梯',
    scoring: '评分方法',
    rounding: '舍入',
    cap_total: '总额封顶',
    awards_cap: '奖励封顶',
    title: '名称',
    points: '加分',
    score_cap: '总分封顶',
    grade_cap: '等级封顶',
    action: '动作',
    sep: ' · ',
    adjustment: '调整',
    hold: '暂扣',
    trigger: '触发',
    when: '当',
    then: '时',
    and: ' 且 ',
    or: ' 或 ',
    not: '非',
    addPoints: (n: string) => `加 ${n} 分`,
    subPoints: (n: string) => `减 ${n} 分`,
    awardOf: (m: string) => `奖励 ${m}`,
    scoreCap: (n: string) => `总分封顶 ${n}`,
    gradeCap: (g: string) => `等级最高 ${g}`,
    holdPay: '暂扣应发',
    missing: (m: string, v: string) => `${m} 空缺时按 ${v} 计`,
    missingChanged: (m: string, a: string) => `${m} 空缺时的取值 ${a}`,
    missingRemoved: (m: string) => `${m} 空缺时不再有默认值（无法评分）`,
    multiplierOf: (x: string) => `加成 ${x}`,
    list: '，',
    colon: '：',
    perUnit: (kind: 'points' | 'award', per: string, amount: string, max: string | undefined) =>
      `每 1 个「${per}」${kind === 'points' ? `加 ${amount} 分` : `奖励 ${amount}`}${max === undefined ? '' : `，最多 ${kind === 'points' ? `${max} 分` : max}`}`,
    perUnitPart: {
      award: { amount: '每单位奖金', max: '奖金上限', per: '奖金按此计件' },
      points: { amount: '每单位加分', max: '加分上限', per: '加分按此计件' },
    },
    pointsOf: (n: string) => `${n} 分`,
    noLimit: '不封顶',
    actionPart: {
      type: '动作',
      days: '期限（天）',
      training: '需培训',
      note: '说明',
      close_when: '达标条件',
      extensions: '可延长次数',
    } as Record<string, string>,
    yes: '是',
    no: '否',
    calibration: '强制分布',
    quota: { min: '至少', max: '至多' } as Record<string, string>,
    within: '范围',
    withinOf: { team: '按团队', role: '按岗位', stage: '按阶段', all: '全体一起' } as Record<string, string>,
    smallTeams: '小团队人数取整',
    roundingOf: { round_down: '向下取整', round: '四舍五入', round_up: '向上取整' } as Record<string, string>,
    scale: '等级',
    map: '对应',
  },
  en: {
    weight: 'weight',
    threshold: 'threshold',
    target: 'target',
    challenge: 'challenge',
    cap: 'cap',
    added: 'added',
    removed: 'removed',
    version: 'version',
    effective_from: 'effective from',
    pay_base: 'pay base',
    grade: 'grade',
    tier: 'tier',
    min: 'min',
    multiplier: 'multiplier',
    award: 'award',
    formula: 'formula',
    condition: 'condition',
    metric: 'metric',
    steps: 'steps',
    scoring: 'scoring',
    rounding: 'rounding',
    cap_total: 'total cap',
    awards_cap: 'awards cap',
    title: 'title',
    points: 'points',
    score_cap: 'score cap',
    grade_cap: 'grade cap',
    action: 'action',
    sep: ' · ',
    adjustment: 'adjustment',
    hold: 'hold',
    trigger: 'trigger',
    when: 'when',
    then: '',
    and: ' and ',
    or: ' or ',
    not: 'not ',
    addPoints: (n: string) => `+${n} points`,
    subPoints: (n: string) => `−${n} points`,
    awardOf: (m: string) => `award ${m}`,
    scoreCap: (n: string) => `score capped at ${n}`,
    gradeCap: (g: string) => `grade at most ${g}`,
    holdPay: 'pay held',
    missing: (m: string, v: string) => `${m} counts as ${v} when empty`,
    missingChanged: (m: string, a: string) => `${m} when empty: ${a}`,
    missingRemoved: (m: string) => `${m} has no default when empty any more (cannot be scored)`,
    multiplierOf: (x: string) => `uplift ${x}`,
    perUnit: (kind: 'points' | 'award', per: string, amount: string, max: string | undefined) =>
      `${kind === 'points' ? `${amount} points` : amount} for each 「${per}」${max === undefined ? '' : `, at most ${kind === 'points' ? `${max} points` : max}`}`,
    perUnitPart: {
      award: { amount: 'award per unit', max: 'award at most', per: 'award counted by' },
      points: { amount: 'points per unit', max: 'points at most', per: 'points counted by' },
    },
    pointsOf: (n: string) => `${n} points`,
    noLimit: 'no limit',
    actionPart: {
      type: 'action',
      days: 'days',
      training: 'training',
      note: 'note',
      close_when: 'closes when',
      extensions: 'extensions',
    } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    calibration: 'forced distribution',
    quota: { min: 'at least', max: 'at most' } as Record<string, string>,
    within: 'within',
    withinOf: { team: 'each team', role: 'each role', stage: 'each stage', all: 'everyone together' } as Record<
      string,
      string
    >,
    smallTeams: 'small teams',
    roundingOf: { round_down: 'round down', round: 'round half up', round_up: 'round up' } as Record<string, string>,
    scale: 'scale',
    map: 'map',
    list: ', ',
    colon: ': ',
  },
};

function short(v: Json): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': ');
}

export function diffPolicies(before: PolicyDoc, after: PolicyDoc, lang: Lang = 'zh'): PolicyChange[] {
  const w = W[lang];
  const unitOf = (doc: PolicyDoc, metric?: string): Unit | undefined => {
    if (!metric) return undefined;
    const d = doc.derived?.[metric];
    return doc.metrics[metric]?.unit ?? (typeof d === 'object' ? d.unit : undefined);
  };
  const stageTitle = (id: string) => after.stages[id]?.title ?? before.stages[id]?.title ?? id;
  const roleTitle = (id: string) => after.roles[id]?.title ?? before.roles[id]?.title ?? id;
  /** The indicator (or group) at a path under a role, and its readable name. */
  const indicatorAt = (doc: PolicyDoc, role: string, ids: string[]): IndicatorDef | undefined => {
    let level: Record<string, IndicatorDef> | undefined = doc.roles[role]?.indicators;
    let node: IndicatorDef | undefined;
    for (const id of ids) {
      node = level?.[id];
      level = node && isGroup(node) ? node.indicators : undefined;
    }
    return node;
  };
  const nameOf = (node: IndicatorDef | undefined, id: string, doc: PolicyDoc) => {
    if (!node) return id;
    if (node.title) return node.title;
    if (!isGroup(node))
      return (
        doc.metrics[node.metric]?.label ??
        (typeof doc.derived?.[node.metric] === 'object'
          ? (doc.derived![node.metric] as { label?: string }).label
          : undefined) ??
        id
      );
    return id;
  };
  const arrow = (b: string, a: string) => `${b} → ${a}`;

  // grades and tier bands are lists whose items have names: compare them by name, not position
  // a whole section added or removed (the first adjustment of a policy) is listed rule by rule
  const keyed = (doc: PolicyDoc): Json => ({
    ...doc,
    adjustments: doc.adjustments ?? {},
    holds: doc.holds ?? {},
    triggers: doc.triggers ?? {},
    grades: Object.fromEntries(doc.grades.map((g) => [g.grade, g])),
    ...(doc.payout.tiers
      ? {
          payout: {
            ...doc.payout,
            tiers: { ...doc.payout.tiers, bands: Object.fromEntries(doc.payout.tiers.bands.map((b) => [b.tier, b])) },
          },
        }
      : {}),
  });
  const gradeNamed = (name: string) =>
    after.grades.find((g) => g.grade === name) ?? before.grades.find((g) => g.grade === name);
  const bandNamed = (id: string) =>
    after.payout.tiers?.bands.find((b) => b.tier === id) ?? before.payout.tiers?.bands.find((b) => b.tier === id);
  const money = (v: Json) => (typeof v === 'number' ? formatAmount(v) : short(v));

  const factLabel = (fact: string) => {
    const d = after.derived?.[fact];
    return (
      after.metrics[fact]?.label ??
      (typeof d === 'object' ? d.label : undefined) ??
      BUILTIN_FACTS[fact]?.label[lang] ??
      fact
    );
  };
  /** A rule's condition as a sentence: 「引流线索数 ≥ 50 且 发布视频数 ≥ 20」. */
  const condition = (c: ConditionDef): string => {
    if ('all' in c) return c.all.map(condition).join(w.and);
    if ('any' in c) return c.any.length > 1 ? `(${c.any.map(condition).join(w.or)})` : c.any.map(condition).join('');
    if ('not' in c) return `${w.not}(${condition(c.not)})`;
    const params = c.params ? `(${Object.values(c.params).join(', ')})` : '';
    return `${factLabel(c.fact)}${params} ${OPERATOR_SIGNS[c.operator] ?? c.operator} ${formatValue(c.value, unitOf(after, c.fact), lang)}`;
  };
  // a per-unit amount (`{ per, amount, max }`) in words: 「每 1 个「爆款视频数」奖励 ¥500.00，最多 ¥5,000.00」;
  // `per` by its label when it names a metric, else the formula as written
  const unitAmount = (kind: 'award' | 'points', x: Json) =>
    typeof x === 'number' ? (kind === 'award' ? money(x) : w.pointsOf(String(x))) : short(x);
  // w.perUnit says 分 / points itself
  const perUnitAmount = (kind: 'award' | 'points', x: Json) => (kind === 'award' ? money(x) : short(x));
  const isPerUnit = (v: Json): v is { per: string; amount: number; max?: number } =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && 'per' in v;
  const amountWords = (kind: 'award' | 'points', v: Json): string =>
    v === undefined
      ? '—'
      : isPerUnit(v)
        ? w.perUnit(
            kind,
            factLabel(String(v.per)),
            perUnitAmount(kind, v.amount),
            v.max === undefined ? undefined : perUnitAmount(kind, v.max),
          )
        : unitAmount(kind, v);
  /** A new adjustment, hold or trigger in full: its title, its condition and what it does. */
  const newRule = (section: string, rule: Json): string => {
    const r = rule as AdjustmentDef & HoldDef & TriggerDef;
    const effects: string[] = [];
    if (section === 'adjustments') {
      // a per-unit amount reads as its amount for each unit of what is counted
      if (typeof r.points === 'object') effects.push(amountWords('points', r.points as unknown as Json));
      else if (r.points) effects.push(r.points > 0 ? w.addPoints(String(r.points)) : w.subPoints(String(-r.points)));
      if (typeof r.award === 'object') effects.push(amountWords('award', r.award as unknown as Json));
      else if (r.award !== undefined) effects.push(w.awardOf(money(r.award)));
      if (r.score_cap !== undefined) effects.push(w.scoreCap(String(r.score_cap)));
      if (r.grade_cap !== undefined) effects.push(w.gradeCap(r.grade_cap));
    } else if (section === 'holds') effects.push(r.reason ? `${w.holdPay}（${r.reason}）` : w.holdPay);
    else if (r.action)
      effects.push(
        [
          WORDS[lang].actions[r.action.type],
          r.action.days ? (lang === 'zh' ? `${r.action.days} 天` : `${r.action.days} days`) : '',
        ]
          .filter(Boolean)
          .join(w.list),
      );
    return `「${r.title}」${w.colon}${w.when} ${condition(r.when)}${w.then ? ` ${w.then}` : ''}${w.list}${effects.join(w.list)}`;
  };

  const changes: PolicyChange[] = [];
  for (const d of leafDiff(keyed(before), keyed(after))) {
    const kind: PolicyChange['kind'] = d.before === undefined ? 'added' : d.after === undefined ? 'removed' : 'changed';
    const p = d.path.map(String);
    // the role, grade, rule or payout part the change is in; '' for a change to a whole section
    const [, second = ''] = p;
    let text: string | undefined;

    if (p[0] === 'roles' && p[2] === 'indicators') {
      // roles.<role>.indicators.<id>(.indicators.<id>)*.<key>(.<stage>)
      const ids: string[] = [];
      let i = 3;
      for (let id = p[i]; id !== undefined; id = p[i]) {
        ids.push(id);
        if (p[i + 1] === 'indicators') i += 2;
        else break;
      }
      const key = p[i + 1];
      const doc = kind === 'removed' ? before : after;
      const node = indicatorAt(doc, second, ids);
      const name = ids.map((id, j) => nameOf(indicatorAt(doc, second, ids.slice(0, j + 1)), id, doc)).join(' / ');
      const unit = node && !isGroup(node) ? unitOf(doc, node.metric) : undefined;
      if (key === undefined) text = `${roleTitle(second)}${w.sep}${w[kind === 'added' ? 'added' : 'removed']} ${name}`;
      else if (key === 'weight') {
        const stage = p[i + 2];
        if (stage)
          text = `${stageTitle(stage)}${w.sep}${roleTitle(second)}${w.sep}${w.weight} ${name} ${arrow(short(d.before), short(d.after))}`;
        else text = `${roleTitle(second)}${w.sep}${w.weight} ${name} ${arrow(short(d.before), short(d.after))}`;
      } else if (key === 'threshold' || key === 'target' || key === 'challenge' || key === 'cap') {
        const f = (v: Json) => (typeof v === 'number' && key !== 'cap' ? formatValue(v, unit, lang) : short(v));
        text = `${roleTitle(second)}${w.sep}${name} ${w[key]} ${arrow(f(d.before), f(d.after))}`;
      } else {
        text = `${roleTitle(second)}${w.sep}${name} ${p.slice(i + 1).join('.')} ${arrow(short(d.before), short(d.after))}`;
      }
    } else if (p[0] === 'roles' && p[2] === 'pay_base') {
      text = `${roleTitle(second)}${w.sep}${w.pay_base} ${arrow(money(d.before), money(d.after))}`;
    } else if (p[0] === 'roles' && p.length === 2) {
      text = `${w[kind === 'added' ? 'added' : 'removed']} ${roleTitle(second)}`;
    } else if (p[0] === 'version' || p[0] === 'effective_from') {
      text = `${w[p[0]]} ${arrow(short(d.before), short(d.after))}`;
    } else if (p[0] === 'grades') {
      const g = gradeNamed(second);
      text =
        p.length === 2
          ? `${w[kind === 'added' ? 'added' : 'removed']} ${w.grade} ${second}${g ? ` (${w.min} ${g.min})` : ''}`
          : `${w.grade} ${second} ${w[p[2] as 'min'] ?? p[2]} ${arrow(short(d.before), short(d.after))}`;
    } else if (p[0] === 'payout' && second === 'tiers' && p[2] === 'bands') {
      const [, , , band = ''] = p;
      const b = bandNamed(band);
      const label = b?.title ?? band;
      const f = p[4] === 'award' ? money : short;
      const extra =
        b && kind === 'added'
          ? [
              b.multiplier !== undefined ? w.multiplierOf(`${Number((b.multiplier * 100).toPrecision(12))}%`) : '',
              b.award !== undefined ? w.awardOf(money(b.award)) : '',
            ]
              .filter(Boolean)
              .join(w.list)
          : '';
      text =
        p.length === 4
          ? `${w[kind === 'added' ? 'added' : 'removed']} ${w.tier} ${label}${b ? ` (${w.min} ${b.min}${extra ? `${w.list}${extra}` : ''})` : ''}`
          : `${w.tier} ${label} ${w[p[4] as 'min'] ?? p[4]} ${arrow(f(d.before), f(d.after))}`;
    } else if (p[0] === 'payout') {
      // the tier basis and the rounding in words (engine/review/setting-diff.ts); the rest here
      const label =
        second === 'tiers'
          ? `${w.tier} ${p.slice(2).join('.')}`
          : second === 'performance_pay'
            ? w.formula
            : second === 'cap'
              ? w.cap_total
              : second === 'awards_cap'
                ? w.awards_cap
                : second === 'rounding'
                  ? w.rounding
                  : p.slice(1).join('.');
      text =
        settingChangeText(p, d.before, d.after, { before, after, condition }, lang) ??
        `${label} ${arrow(short(d.before), short(d.after))}`;
    } else if (p[0] === 'metrics' && p[2] === 'default') {
      const id = String(p[1]); // `metrics.<id>.default`: the path has its id
      const label = (after.metrics[id] ?? before.metrics[id])?.label ?? id;
      const unit = (after.metrics[id] ?? before.metrics[id])?.unit;
      const f = (v: Json) => formatValue(v, unit, lang);
      text =
        kind === 'added'
          ? w.missing(label, f(d.after))
          : kind === 'removed'
            ? w.missingRemoved(label)
            : w.missingChanged(label, arrow(f(d.before), f(d.after)));
    } else if (
      (p[0] === 'adjustments' || p[0] === 'holds' || p[0] === 'triggers') &&
      p.length === 2 &&
      kind === 'added'
    ) {
      const section = p[0] === 'adjustments' ? w.adjustment : p[0] === 'holds' ? w.hold : w.trigger;
      text = `${w.added} ${section} ${newRule(p[0], d.after)}`;
    } else if ((p[0] === 'adjustments' || p[0] === 'holds' || p[0] === 'triggers') && p.length >= 2) {
      const rule =
        (after[p[0]] as Record<string, { title?: string }> | undefined)?.[second] ??
        (before[p[0]] as Record<string, { title?: string }> | undefined)?.[second];
      const title = rule?.title ?? second;
      // the rule on each side, for a condition said whole (a change deep inside it is a change of the sentence)
      const ruleOf = (doc: PolicyDoc) =>
        (doc[p[0] as 'triggers'] as Record<string, TriggerDef> | undefined)?.[second] as
          | (TriggerDef & { when?: ConditionDef })
          | undefined;
      const sentence = (c: ConditionDef | undefined) => (c === undefined ? '—' : condition(c));
      if (p.length === 2) text = `${w[kind === 'added' ? 'added' : 'removed']} ${title}`;
      else if (p[2] === 'when')
        text = `${title}${w.sep}${w.condition} ${arrow(sentence(ruleOf(before)?.when), sentence(ruleOf(after)?.when))}`;
      else if (p[0] === 'triggers' && p[2] === 'action' && p[3] !== undefined && w.actionPart[p[3]]) {
        // one part of a trigger's action, under its own name (the panel's): 期限（天） 30 → 45
        const part = p[3];
        const f = (v: Json): string =>
          v === undefined
            ? '—'
            : part === 'type' && typeof v === 'string'
              ? (WORDS[lang].actions[v as keyof (typeof WORDS)['zh']['actions']] ?? v)
              : typeof v === 'boolean'
                ? v
                  ? w.yes
                  : w.no
                : short(v);
        text =
          part === 'close_when'
            ? `${title}${w.sep}${w.actionPart[part]} ${arrow(sentence(ruleOf(before)?.action?.close_when), sentence(ruleOf(after)?.action?.close_when))}`
            : `${title}${w.sep}${w.actionPart[part]} ${arrow(f(d.before), f(d.after))}`;
      } else if ((p[2] === 'award' || p[2] === 'points') && p.length === 3) {
        // the whole amount: a number, a per-unit amount, or one turned into the other
        const k = p[2];
        text = `${title}${w.sep}${w[k]} ${arrow(amountWords(k, d.before), amountWords(k, d.after))}`;
      } else if ((p[2] === 'award' || p[2] === 'points') && (p[3] === 'amount' || p[3] === 'max' || p[3] === 'per')) {
        // one part of a per-unit amount: per unit, its max (none: no limit), or what is counted
        const k = p[2];
        const part = p[3];
        const f = (v: Json) =>
          part === 'per'
            ? v === undefined
              ? '—'
              : factLabel(String(v))
            : v === undefined
              ? part === 'max'
                ? w.noLimit
                : '—'
              : unitAmount(k, v);
        text = `${title}${w.sep}${w.perUnitPart[k][part]} ${arrow(f(d.before), f(d.after))}`;
      } else {
        const f = p[2] === 'award' ? money : short;
        text = `${title}${w.sep}${w[p[2] as 'points'] ?? p.slice(2).join('.')} ${arrow(f(d.before), f(d.after))}`;
      }
    }
    if (p[0] === 'calibration' && p.length >= 2) {
      // forced distribution: the quotas in percent, the cohort and the rounding in words
      const pctOf = (v: Json) =>
        v === undefined ? '—' : typeof v === 'number' ? `${Number((v * 100).toPrecision(12))}%` : short(v);
      const quota = (v: Json) =>
        v === undefined
          ? '—'
          : typeof v === 'object' && v !== null && !Array.isArray(v)
            ? (['min', 'max'] as const)
                .filter((k) => (v as Record<string, Json>)[k] !== undefined)
                .map((k) => `${w.quota[k]} ${pctOf((v as Record<string, Json>)[k])}`)
                .join(w.list)
            : short(v);
      const named = (words: Record<string, string>) => (v: Json) =>
        v === undefined ? '—' : typeof v === 'string' ? (words[v] ?? v) : short(v);
      if (second === 'quotas' && p.length === 4 && w.quota[p[3]!])
        text = `${w.calibration} ${p[2]} ${w.quota[p[3]!]} ${arrow(pctOf(d.before), pctOf(d.after))}`;
      else if (second === 'quotas' && p.length === 3)
        text = `${w.calibration} ${p[2]} ${arrow(quota(d.before), quota(d.after))}`;
      else if (second === 'within' && p.length === 2)
        text = `${w.calibration} ${w.within} ${arrow(named(w.withinOf)(d.before), named(w.withinOf)(d.after))}`;
      else if (second === 'small_teams' && p.length === 2)
        text = `${w.calibration} ${w.smallTeams} ${arrow(named(w.roundingOf)(d.before), named(w.roundingOf)(d.after))}`;
    }
    if (p[0] === 'calibration' && p.length === 1) {
      // the whole section added or removed: in the words of its parts, not as YAML
      const pctOf = (v: Json) => (typeof v === 'number' ? `${Number((v * 100).toPrecision(12))}%` : short(v));
      const whole = (v: Json) => {
        if (v === undefined) return '—';
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return short(v);
        const c = v as Record<string, Json>;
        const parts: string[] = [];
        if (typeof c.within === 'string') parts.push(w.withinOf[c.within] ?? c.within);
        if (Array.isArray(c.scale)) parts.push(`${w.scale} ${c.scale.map(short).join(' / ')}`);
        if (c.map && typeof c.map === 'object' && !Array.isArray(c.map))
          parts.push(
            `${w.map} ${Object.entries(c.map)
              .map(([g, to]) => `${g} → ${short(to)}`)
              .join(w.list)}`,
          );
        if (c.quotas && typeof c.quotas === 'object' && !Array.isArray(c.quotas))
          for (const [g, q] of Object.entries(c.quotas))
            if (q && typeof q === 'object' && !Array.isArray(q))
              for (const k of ['min', 'max'] as const)
                if ((q as Record<string, Json>)[k] !== undefined)
                  parts.push(`${g} ${w.quota[k]} ${pctOf((q as Record<string, Json>)[k])}`);
        if (typeof c.small_teams === 'string')
          parts.push(`${w.smallTeams} ${w.roundingOf[c.small_teams] ?? c.small_teams}`);
        return parts.join(w.list);
      };
      text = `${w.calibration} ${arrow(whole(d.before), whole(d.after))}`;
    }
    // bonus pools and the budget (engine/review/money-diff.ts)
    text ??= moneyChangeText(p, d.before, d.after, { before, after }, lang);
    // the data contract, score settings, stages, teams, names and promises (engine/review/setting-diff.ts)
    text ??= settingChangeText(p, d.before, d.after, { before, after, condition }, lang);
    changes.push({
      path: d.path,
      kind,
      ...(d.before !== undefined ? { before: d.before } : {}),
      ...(d.after !== undefined ? { after: d.after } : {}),
      text: text ?? `${p.join('.')} ${arrow(short(d.before), short(d.after))}`,
    });
  }
  return changes;
}
