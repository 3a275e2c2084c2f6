// Changes to bonus pools and the budget in business words, for `yardstick diff`
// (engine/review/diff.ts asks here for any change under `pools` or `budget`).

import { formatMoney } from '../model/money.js';
import type { BudgetDef, PoolDef, PolicyDoc } from '../model/policy.js';
import type { Lang } from '../explanation/explain.js';

const W = {
  zh: {
    pool: '奖金池',
    budget: '预算',
    added: '新增',
    removed: '删除',
    per: { team: '每个团队', stage: '每个阶段', role: '每个岗位', all: '全体共用' } as Record<string, string>,
    perKey: '设池方式',
    fixed: '金额',
    rate: '提成比例',
    metric: '提成基数',
    fund: '资金',
    shareOf: (metric: string, rate: string) => `${metric} 合计 × ${rate}`,
    yes: '是',
    no: '否',
    weight: '分配权重',
    min_grade: '参与等级下限',
    exclude_held: '暂扣者不参与',
    min_share: '最低份额',
    max_share: '最高份额',
    roles: '参与岗位',
    title: '名称',
    by: (w: string) => `按 ${w} 分配`,
    from: (g: string) => `${g} 及以上`,
    total: '总额',
    team: (t: string) => `团队 ${t}`,
    fit: '超出时',
    fits: { report: '只报告', scale_variable: '按比例缩减浮动薪酬' } as Record<string, string>,
    list: '，',
    colon: '：',
  },
  en: {
    pool: 'pool',
    budget: 'budget',
    added: 'added',
    removed: 'removed',
    per: { team: 'one per team', stage: 'one per stage', role: 'one per role', all: 'one for everyone' } as Record<
      string,
      string
    >,
    perKey: 'pools',
    fixed: 'amount',
    rate: 'rate',
    metric: 'funded from',
    fund: 'fund',
    shareOf: (metric: string, rate: string) => `${rate} of the ${metric} total`,
    yes: 'yes',
    no: 'no',
    weight: 'weight',
    min_grade: 'lowest grade',
    exclude_held: 'held people left out',
    min_share: 'minimum share',
    max_share: 'maximum share',
    roles: 'roles',
    title: 'title',
    by: (w: string) => `split by ${w}`,
    from: (g: string) => `grade ${g} and above`,
    total: 'total',
    team: (t: string) => `team ${t}`,
    fit: 'when over',
    fits: { report: 'report only', scale_variable: 'scale variable pay down' } as Record<string, string>,
    list: ', ',
    colon: ': ',
  },
};

const pct = (r: number) => `${Number((r * 100).toPrecision(12))}%`;

/** A pool's funding in words: an amount, or a share of a metric's total (the metric by its label). */
function fundInWords(fund: PoolDef['fund'], doc: PolicyDoc, lang: Lang): string {
  return 'fixed' in fund
    ? formatMoney(fund.fixed)
    : W[lang].shareOf(doc.metrics[fund.share_of.metric]?.label ?? fund.share_of.metric, pct(fund.share_of.rate));
}

function poolInWords(p: PoolDef, doc: PolicyDoc, lang: Lang): string {
  const w = W[lang];
  const fund = fundInWords(p.fund, doc, lang);
  return [
    `${w.per[p.per] ?? p.per} ${fund}`,
    w.by(p.weight),
    p.min_grade !== undefined ? w.from(p.min_grade) : '',
    p.min_share !== undefined ? `${w.min_share} ${formatMoney(p.min_share)}` : '',
    p.max_share !== undefined ? `${w.max_share} ${formatMoney(p.max_share)}` : '',
    p.roles ? `${w.roles} ${p.roles.map((r) => doc.roles[r]?.title ?? r).join('、')}` : '',
  ]
    .filter(Boolean)
    .join(w.list);
}

function budgetInWords(b: BudgetDef, lang: Lang): string {
  const w = W[lang];
  return [
    b.total !== undefined ? `${w.total} ${formatMoney(b.total)}` : '',
    ...Object.entries(b.teams ?? {}).map(([t, y]) => `${w.team(t)} ${formatMoney(y)}`),
    `${w.fit} ${w.fits[b.fit ?? 'report']}`,
  ]
    .filter(Boolean)
    .join(w.list);
}

/** A change under `pools` or `budget` in words; undefined for any other path. */
export function moneyChangeText(
  path: readonly string[],
  before: unknown,
  after: unknown,
  docs: { before: PolicyDoc; after: PolicyDoc },
  lang: Lang,
): string | undefined {
  const w = W[lang];
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const metricLabel = (id: string) => docs.after.metrics[id]?.label ?? docs.before.metrics[id]?.label ?? id;
  const show = (key: string, v: unknown): string => {
    if (v === undefined) return '—';
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    // a pool's funding, whole or its share of a metric: in words, the metric by its label
    if (key === 'fund' && v !== null && typeof v === 'object')
      return fundInWords(v as PoolDef['fund'], docs.after, lang);
    if (key === 'share_of' && v !== null && typeof v === 'object') {
      const share = v as { metric: string; rate: number };
      return w.shareOf(metricLabel(share.metric), pct(share.rate));
    }
    if (key === 'metric' && typeof v === 'string') return metricLabel(v);
    if (typeof v === 'number' && (key === 'fixed' || key === 'min_share' || key === 'max_share' || key === 'teams'))
      return formatMoney(v);
    if (typeof v === 'number' && key === 'total') return formatMoney(v);
    if (typeof v === 'number' && key === 'rate') return pct(v);
    if (key === 'per' && typeof v === 'string') return w.per[v] ?? v;
    if (key === 'fit' && typeof v === 'string') return w.fits[v] ?? v;
    if (Array.isArray(v)) return v.join('、');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  if (path[0] === 'pools') {
    if (path.length === 1) {
      const pools = (kind === 'removed' ? before : after) as Record<string, PoolDef>;
      const doc = kind === 'removed' ? docs.before : docs.after;
      return Object.values(pools)
        .map(
          (p) =>
            `${w[kind === 'removed' ? 'removed' : 'added']} ${w.pool}「${p.title}」${w.colon}${poolInWords(p, doc, lang)}`,
        )
        .join('; ');
    }
    const id = path[1]!;
    const pool = docs.after.pools?.[id] ?? docs.before.pools?.[id];
    const title = pool?.title ?? id;
    if (path.length === 2) {
      if (kind === 'added')
        return `${w.added} ${w.pool}「${title}」${w.colon}${poolInWords(after as PoolDef, docs.after, lang)}`;
      if (kind === 'removed') return `${w.removed} ${w.pool}「${title}」`;
    }
    // the funding moved from an amount to a share (or back): the share is named the pool's 资金
    const key = path[path.length - 1]!;
    const label = (w as unknown as Record<string, unknown>)[
      key === 'per' ? 'perKey' : key === 'share_of' ? 'fund' : key
    ];
    const name = typeof label === 'string' ? label : path.slice(2).join('.');
    return `${w.pool} ${title} ${name} ${show(key, before)} → ${show(key, after)}`;
  }
  if (path[0] === 'budget') {
    if (path.length === 1)
      return kind === 'removed'
        ? `${w.removed} ${w.budget}`
        : kind === 'added'
          ? `${w.added} ${w.budget}${w.colon}${budgetInWords(after as BudgetDef, lang)}`
          : undefined;
    const key = path[1]!;
    // all the team budgets added or removed at once: each team said with its amount
    if (key === 'teams' && path.length === 2 && (before === undefined || after === undefined)) {
      const teams = Object.entries((before ?? after) as Record<string, number>);
      return `${w.budget} ${teams
        .map(([t, y]) => `${w.team(t)} ${before === undefined ? `— → ${formatMoney(y)}` : `${formatMoney(y)} → —`}`)
        .join(w.list)}`;
    }
    const label =
      key === 'teams' && path[2] ? w.team(path[2]) : key === 'total' ? w.total : key === 'fit' ? w.fit : key;
    return `${w.budget} ${label} ${show(key, before)} → ${show(key, after)}`;
  }
  return undefined;
}
