// Changes to a policy's settings in business words, for `yardstick diff`: the metrics' data
// contract (how a cell is read: 「GMV 数据单位 元 → 分」), the score settings, stages, teams, role
// names, derived metrics, the tier basis, rounding and the policy's promises. engine/review/diff.ts
// asks here for any change it has no wording of its own for.

import { formatValue, type Lang } from '../explanation/explain.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { formatMoney } from '../model/money.js';
import type { ConditionDef, PolicyDoc, Unit } from '../model/policy.js';

const W = {
  zh: {
    added: '新增',
    removed: '删除',
    sep: ' · ',
    list: '，',
    colon: '：',
    none: '—',
    policy: '政策编号',
    title: '政策名称',
    description: '政策说明',
    currency: '币种',
    period: '考核周期',
    periods: { month: '按月', quarter: '按季度' } as Record<string, string>,
    retroactive: '追溯更正',
    retroactiveReason: '追溯更正的原因',
    notRetroactive: '不再追溯更正',
    decimals: '得分保留小数位',
    places: (n: string) => `${n} 位`,
    scoreMax: '总分上限',
    noLimit: '不封顶',
    metric: '指标',
    metricPart: {
      label: '名称',
      unit: '单位',
      aliases: '列名别名',
      range: '取值范围',
      description: '说明',
      ranges: '区间数据（如 7.5w~10w）取',
      money_in: '数据单位',
      ratio_format: '不带 % 的数据读作',
      default_when_missing_column: '整列缺失时',
    } as Record<string, string>,
    units: { count: '次数/个数', ratio: '比率', money: '金额（元）', score: '评分', seconds: '秒' } as Record<
      string,
      string
    >,
    rangeTakes: { low: '下限', middle: '中点', high: '上限', reject: '视为数据错误' } as Record<string, string>,
    moneyIn: { yuan: '元', fen: '分' } as Record<string, string>,
    ratioFormat: {
      fraction: '小数（0.453 即 45.3%）',
      percent_points: '百分点（45.3 即 45.3%）',
    } as Record<string, string>,
    missingColumn: (yes: boolean): string => (yes ? '按默认值计' : '视为数据错误'),
    derived: '派生指标',
    derivedPart: { expr: '公式', label: '名称', unit: '单位', default: '无法计算时取值' } as Record<string, string>,
    stage: '阶段',
    stagePart: { title: '名称', note: '说明' } as Record<string, string>,
    team: '团队',
    teamPart: { title: '名称', aliases: '其他写法' } as Record<string, string>,
    aliasesOf: (a: string) => `（其他写法 ${a}）`,
    role: '岗位',
    roleTitle: '名称',
    basis: '档位依据',
    attainment: '达成率（总分 / 100）',
    roundingTo: '舍入到',
    roundingMode: '舍入方式',
    roundTo: { '0.01': '分', '0.1': '角', '1': '元' } as Record<string, string>,
    modes: { half_up: '四舍五入', half_even: '银行家舍入', down: '舍去', up: '进一' } as Record<string, string>,
    property: '承诺',
    propertyPart: {
      title: '名称',
      where: '适用于',
      'monotone.metric': '单调指标',
      'monotone.of': '单调的结果',
      'monotone.direction': '方向',
      'cliff.max': '跳变上限',
      'cliff.tier': '档位分界',
      'cliff.grade': '等级分界',
      'cliff.metric': '指标',
      always: '总是成立',
    } as Record<string, string>,
    everyone: '全体',
  },
  en: {
    added: 'added',
    removed: 'removed',
    sep: ' · ',
    list: ', ',
    colon: ': ',
    none: '—',
    policy: 'policy id',
    title: 'policy title',
    description: 'policy description',
    currency: 'currency',
    period: 'review period',
    periods: { month: 'monthly', quarter: 'quarterly' } as Record<string, string>,
    retroactive: 'corrects earlier periods',
    retroactiveReason: 'reason for correcting earlier periods',
    notRetroactive: 'no longer corrects earlier periods',
    decimals: 'score decimals',
    places: (n: string) => n,
    scoreMax: 'score at most',
    noLimit: 'no limit',
    metric: 'metric',
    metricPart: {
      label: 'label',
      unit: 'unit',
      aliases: 'other column headers',
      range: 'allowed range',
      description: 'description',
      ranges: 'a range cell (such as 7.5w~10w) is read as',
      money_in: 'data written in',
      ratio_format: 'a value without % is read as',
      default_when_missing_column: 'a missing column',
    } as Record<string, string>,
    units: { count: 'count', ratio: 'ratio', money: 'money (yuan)', score: 'score', seconds: 'seconds' } as Record<
      string,
      string
    >,
    rangeTakes: { low: 'its low end', middle: 'its middle', high: 'its high end', reject: 'a data error' } as Record<
      string,
      string
    >,
    moneyIn: { yuan: 'yuan', fen: 'fen' } as Record<string, string>,
    ratioFormat: {
      fraction: 'a fraction (0.453 is 45.3%)',
      percent_points: 'percentage points (45.3 is 45.3%)',
    } as Record<string, string>,
    missingColumn: (yes: boolean): string => (yes ? 'takes the default' : 'is a data error'),
    derived: 'derived metric',
    derivedPart: { expr: 'formula', label: 'label', unit: 'unit', default: 'when it cannot be computed' } as Record<
      string,
      string
    >,
    stage: 'stage',
    stagePart: { title: 'title', note: 'note' } as Record<string, string>,
    team: 'team',
    teamPart: { title: 'title', aliases: 'other spellings' } as Record<string, string>,
    aliasesOf: (a: string) => ` (also written ${a})`,
    role: 'role',
    roleTitle: 'title',
    basis: 'tiers measured on',
    attainment: 'attainment (score / 100)',
    roundingTo: 'rounded to',
    roundingMode: 'rounding',
    roundTo: { '0.01': 'the fen', '0.1': 'the jiao', '1': 'the yuan' } as Record<string, string>,
    modes: { half_up: 'half up', half_even: "banker's", down: 'down', up: 'up' } as Record<string, string>,
    property: 'promise',
    propertyPart: {
      title: 'title',
      where: 'applies to',
      'monotone.metric': 'metric',
      'monotone.of': 'result',
      'monotone.direction': 'direction',
      'cliff.max': 'largest jump',
      'cliff.tier': 'at the tier boundary',
      'cliff.grade': 'at the grade boundary',
      'cliff.metric': 'metric',
      always: 'always holds',
    } as Record<string, string>,
    everyone: 'everyone',
  },
};

type Words = (typeof W)['zh'];

export interface SettingContext {
  before: PolicyDoc;
  after: PolicyDoc;
  /** A condition as diff.ts says it: 「引流线索数 ≥ 50 且 发布视频数 ≥ 20」. */
  condition: (c: ConditionDef) => string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const plain = (v: unknown): string =>
  v === undefined ? '—' : Array.isArray(v) ? v.map(plain).join('、') : isObject(v) ? JSON.stringify(v) : String(v);

/** A change to one of the settings below in words; undefined for any other path. */
export function settingChangeText(
  path: readonly string[],
  before: unknown,
  after: unknown,
  ctx: SettingContext,
  lang: Lang,
): string | undefined {
  const w: Words = W[lang];
  const arrow = (f: (v: unknown) => string) => `${f(before)} → ${f(after)}`;
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const [section, id, key] = path;
  const metricDef = (m: string) => ctx.after.metrics[m] ?? ctx.before.metrics[m];
  const derivedDef = (m: string) => {
    const d = ctx.after.derived?.[m] ?? ctx.before.derived?.[m];
    return typeof d === 'object' ? d : undefined;
  };
  const factLabel = (m: string): string =>
    metricDef(m)?.label ?? derivedDef(m)?.label ?? BUILTIN_FACTS[m]?.label[lang] ?? m;

  // a whole keyed section added or removed (a policy's first teams, its promises dropped): entry by entry
  if (
    path.length === 1 &&
    (section === 'metrics' ||
      section === 'derived' ||
      section === 'stages' ||
      section === 'teams' ||
      section === 'properties') &&
    (isObject(before) || isObject(after))
  ) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const lines = [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => settingChangeText([section, k], b[k], a[k], ctx, lang));
    return lines.length > 0 && lines.every((t) => t !== undefined) ? lines.join('; ') : undefined;
  }
  switch (section) {
    case 'policy':
    case 'title':
    case 'description':
    case 'currency':
      return path.length === 1 ? `${w[section]} ${arrow(plain)}` : undefined;
    case 'period':
      return `${w.period} ${arrow((v) => (typeof v === 'string' ? (w.periods[v] ?? v) : plain(v)))}`;
    case 'retroactive': {
      const reason = (v: unknown) => (isObject(v) ? plain(v.reason) : plain(v));
      if (path.length === 1 && kind === 'added') return `${w.retroactive}${w.colon}${reason(after)}`;
      if (path.length === 1 && kind === 'removed') return w.notRetroactive;
      return `${w.retroactiveReason} ${arrow(reason)}`;
    }
    case 'score': {
      // each setting as it reads, its default where it is not written (decimals 2, no cap)
      const shown: Record<string, [string, (v: unknown) => string]> = {
        decimals: [w.decimals, (v) => w.places(v === undefined ? '2' : plain(v))],
        max: [w.scoreMax, (v) => (v === undefined ? w.noLimit : plain(v))],
      };
      const part = (k: string, b: unknown, a: unknown): string | undefined => {
        const setting = shown[k];
        if (!setting) return undefined;
        const [label, show] = setting;
        // a setting written out at its default is no change: 「2 位 → 2 位」 is left out
        return show(b) === show(a) ? '' : `${label} ${show(b)} → ${show(a)}`;
      };
      if (id !== undefined) return path.length === 2 ? part(id, before, after) || undefined : undefined;
      // the whole block added or removed: each setting it held
      const b = isObject(before) ? before : {};
      const a = isObject(after) ? after : {};
      const parts = [...new Set([...Object.keys(b), ...Object.keys(a)])].map((k) => part(k, b[k], a[k]));
      if (parts.some((t) => t === undefined)) return undefined;
      const said = parts.filter(Boolean);
      return said.length > 0 ? said.join(w.list) : undefined;
    }
    case 'metrics': {
      if (id === undefined) return undefined;
      const name = factLabel(id);
      if (path.length === 2 && kind !== 'changed') {
        const def = (after ?? before) as { unit?: string };
        const unit = def?.unit ? `（${w.units[def.unit] ?? def.unit}）` : '';
        return `${w[kind]} ${w.metric} ${name}${lang === 'zh' ? unit : unit.replace('（', ' (').replace('）', ')')}`;
      }
      if (key === undefined || path.length !== 3 || !(key in w.metricPart)) return undefined;
      const unit = metricDef(id)?.unit as Unit | undefined;
      const show = (v: unknown): string => {
        if (v === undefined) {
          if (key === 'ranges') return w.rangeTakes.reject!;
          if (key === 'money_in') return w.moneyIn.yuan!;
          if (key === 'ratio_format') return w.ratioFormat.fraction!;
          if (key === 'default_when_missing_column') return w.missingColumn(false);
          return w.none;
        }
        if (key === 'unit' && typeof v === 'string') return w.units[v] ?? v;
        if (key === 'ranges' && typeof v === 'string') return w.rangeTakes[v] ?? v;
        if (key === 'money_in' && typeof v === 'string') return w.moneyIn[v] ?? v;
        if (key === 'ratio_format' && typeof v === 'string') return w.ratioFormat[v] ?? v;
        if (key === 'default_when_missing_column' && typeof v === 'boolean') {
          const d = metricDef(id)?.default;
          return v && d !== undefined ? `${w.missingColumn(true)} ${formatValue(d, unit, lang)}` : w.missingColumn(v);
        }
        if (key === 'range' && Array.isArray(v) && v.length === 2)
          return `${formatValue(v[0], unit, lang)}–${formatValue(v[1], unit, lang)}`;
        return plain(v);
      };
      // the label changes the name the line is under: keep the id there, so both names show
      return key === 'label'
        ? `${w.metric} ${id} ${w.metricPart.label} ${arrow(show)}`
        : `${name} ${w.metricPart[key]} ${arrow(show)}`;
    }
    case 'derived': {
      if (id === undefined) return undefined;
      const exprOf = (v: unknown) => (typeof v === 'string' ? v : isObject(v) ? plain(v.expr) : plain(v));
      if (path.length === 2) {
        if (kind !== 'changed') return `${w[kind]} ${w.derived} ${factLabel(id)} = ${exprOf(after ?? before)}`;
        return `${w.derived} ${factLabel(id)} ${w.derivedPart.expr} ${arrow(exprOf)}`;
      }
      if (path.length !== 3 || key === undefined || !(key in w.derivedPart)) return undefined;
      const unit = derivedDef(id)?.unit as Unit | undefined;
      const show = (v: unknown) =>
        v === undefined
          ? w.none
          : key === 'unit' && typeof v === 'string'
            ? (w.units[v] ?? v)
            : key === 'default'
              ? formatValue(v, unit, lang)
              : plain(v);
      return key === 'label'
        ? `${w.derived} ${id} ${w.derivedPart.label} ${arrow(show)}`
        : `${w.derived} ${factLabel(id)} ${w.derivedPart[key]} ${arrow(show)}`;
    }
    case 'stages':
    case 'teams': {
      if (id === undefined) return undefined;
      const label = section === 'stages' ? w.stage : w.team;
      const defs = (doc: PolicyDoc) =>
        (section === 'stages' ? doc.stages : doc.teams) as
          | Record<string, { title: string; aliases?: string[] }>
          | undefined;
      const title = defs(ctx.after)?.[id]?.title ?? defs(ctx.before)?.[id]?.title ?? id;
      if (path.length === 2 && kind !== 'changed') {
        const def = (after ?? before) as { title?: string; aliases?: string[] };
        const aliases = def?.aliases?.length ? w.aliasesOf(def.aliases.join('、')) : '';
        return `${w[kind]} ${label} ${def?.title ?? id}${aliases}`;
      }
      const parts = section === 'stages' ? w.stagePart : w.teamPart;
      if (path.length !== 3 || key === undefined || !(key in parts)) return undefined;
      return key === 'title'
        ? `${label} ${id} ${parts.title} ${arrow(plain)}`
        : `${label} ${title} ${parts[key]} ${arrow(plain)}`;
    }
    case 'roles':
      return path.length === 3 && key === 'title' && id !== undefined
        ? `${w.role} ${id} ${w.roleTitle} ${arrow(plain)}`
        : undefined;
    case 'payout': {
      if (id === 'tiers' && key === 'basis' && path.length === 3)
        return `${w.basis} ${arrow((v) => (v === 'attainment' ? w.attainment : typeof v === 'string' ? factLabel(v) : plain(v)))}`;
      if (id !== 'rounding') return undefined;
      const to = (v: unknown) => (typeof v === 'number' ? (w.roundTo[String(v)] ?? String(v)) : plain(v));
      const mode = (v: unknown) => (typeof v === 'string' ? (w.modes[v] ?? v) : plain(v));
      if (key === 'to' && path.length === 3) return `${w.roundingTo} ${arrow(to)}`;
      if (key === 'mode' && path.length === 3) return `${w.roundingMode} ${arrow(mode)}`;
      if (path.length === 2) {
        const whole = (v: unknown) => (isObject(v) ? `${to(v.to)}${w.list}${mode(v.mode)}` : plain(v));
        return `${w.roundingTo} ${arrow(whole)}`;
      }
      return undefined;
    }
    case 'properties': {
      if (id === undefined) return undefined;
      const def = (ctx.after.properties?.[id] ?? ctx.before.properties?.[id]) as { title?: string } | undefined;
      const title = `「${def?.title ?? id}」`;
      if (path.length === 2 && kind !== 'changed') return `${w[kind]} ${w.property}${title}`;
      const part = path.slice(2).join('.');
      const name = w.propertyPart[part] ?? part;
      const show = (v: unknown): string => {
        if (v === undefined) return part === 'where' ? w.everyone : w.none;
        if ((part === 'where' || part === 'always') && isObject(v)) return ctx.condition(v as unknown as ConditionDef);
        if (part === 'cliff.max' && typeof v === 'number') return formatMoney(v);
        if ((part === 'monotone.metric' || part === 'cliff.metric') && typeof v === 'string') return factLabel(v);
        return plain(v);
      };
      return `${w.property}${title} ${name} ${arrow(show)}`;
    }
    default:
      return undefined;
  }
}
