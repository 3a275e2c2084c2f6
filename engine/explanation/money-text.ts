// Bonus pools and the budget in words: one line per pool instance and per budget line, with the
// amounts that make them. The CLI's run table, Markdown and diff and the editor's preview show these.

import { formatFen } from '../model/money.js';
import type { RunResult } from '../model/scorecard.js';
import type { Lang } from './explain.js';
import type { PoolShare } from '../evaluation/pool.js';
import type { BudgetScaleLine } from '../evaluation/budget.js';

/** One line per pool instance: its amount, how many share it, what is left. */
export function poolLines(r: Pick<RunResult, 'pools'>, lang: Lang): string[] {
  const pools = r.pools ?? [];
  const months = severalMonths(pools);
  return pools.map((p) => {
    // the group and, when the run holds several months, the month: which pool of which month
    const said = [...(p.group === 'all' ? [] : [p.group_title ?? p.group]), ...(months && p.period ? [p.period] : [])];
    const group = said.length === 0 ? '' : lang === 'zh' ? `（${said.join('，')}）` : ` (${said.join(', ')})`;
    const fund =
      'metric' in p.fund
        ? lang === 'zh'
          ? `${p.fund.metric} 合计 ${p.fund.sum.toLocaleString('en-US', { maximumFractionDigits: 2 })} × ${p.fund.rate}`
          : `${p.fund.rate} × ${p.fund.metric} total ${p.fund.sum.toLocaleString('en-US', { maximumFractionDigits: 2 })}`
        : '';
    const rest = p.unallocatedFen
      ? lang === 'zh'
        ? `，未分配 ${formatFen(p.unallocatedFen)}`
        : `, ${formatFen(p.unallocatedFen)} unallocated`
      : '';
    const left = p.excluded ? (lang === 'zh' ? `，${p.excluded} 人不参与` : `, ${p.excluded} not taking part`) : '';
    return lang === 'zh'
      ? `奖金池 ${p.title}${group}：${formatFen(p.poolFen)}${fund ? `（${fund}）` : ''}，分给 ${p.eligible} 人 ${formatFen(p.allocatedFen)}${rest}${left}`
      : `pool ${p.title}${group}: ${formatFen(p.poolFen)}${fund ? ` (${fund})` : ''}, ${formatFen(p.allocatedFen)} to ${p.eligible} people${rest}${left}`;
  });
}

/** One line per budget line: the result against the budget, over or under, and any scaling. */
export function budgetLines(r: Pick<RunResult, 'budget'>, lang: Lang): string[] {
  const lines = r.budget?.lines ?? [];
  const months = severalMonths(lines);
  return lines.map((l) => {
    const who = l.scope === 'team' ? (lang === 'zh' ? `团队 ${l.team} ` : `team ${l.team} `) : '';
    const month = months && l.period ? (lang === 'zh' ? `（${l.period}）` : ` (${l.period})`) : '';
    const scaled = l.scaled
      ? lang === 'zh'
        ? `；浮动薪酬按比例由 ${formatFen(l.scaled.variableFen)} 缩减为 ${formatFen(l.scaled.toFen)}，缩减前 ${formatFen(l.beforeFen)}`
        : `; variable pay scaled from ${formatFen(l.scaled.variableFen)} to ${formatFen(l.scaled.toFen)}, ${formatFen(l.beforeFen)} before`
      : l.cannot_fit
        ? lang === 'zh'
          ? '；仅奖励和奖金池份额已超出，无法通过缩减浮动薪酬满足'
          : '; awards and pool shares alone are over it: scaling cannot fit'
        : '';
    const verdict =
      l.overFen > 0
        ? lang === 'zh'
          ? `超出 ${formatFen(l.overFen)}`
          : `${formatFen(l.overFen)} over`
        : l.overFen < 0
          ? lang === 'zh'
            ? `结余 ${formatFen(-l.overFen)}`
            : `${formatFen(-l.overFen)} under`
          : lang === 'zh'
            ? '正好用完'
            : 'exactly on it';
    return lang === 'zh'
      ? `${who}预算 ${formatFen(l.budgetFen)}${month}：应发 ${formatFen(l.resultFen)}，${verdict}${scaled}`
      : `${who}budget ${formatFen(l.budgetFen)}${month}: payout ${formatFen(l.resultFen)}, ${verdict}${scaled}`;
  });
}

/** Whether the lines are of more than one month (a run over a file of several): then each says its month. */
function severalMonths(lines: readonly { period?: string }[]): boolean {
  const first = lines[0]?.period;
  return lines.some((l) => l.period !== first);
}

/** A card's pool shares added up, in fen. */
export function poolShareFen(lines: readonly { kind: string; amountFen: number }[]): number {
  let fen = 0;
  for (const l of lines) if (l.kind === 'pool_share') fen += l.amountFen;
  return fen;
}

/** The pools and the budget before and after a policy change, one line each, labelled. */
export function moneyBeforeAfter(
  before: Pick<RunResult, 'pools' | 'budget'>,
  after: Pick<RunResult, 'pools' | 'budget'>,
  lang: Lang,
): string[] {
  const label = lang === 'zh' ? { before: '修改前', after: '修改后' } : { before: 'before', after: 'after' };
  const side = (name: string, r: Pick<RunResult, 'pools' | 'budget'>) =>
    [...poolLines(r, lang), ...budgetLines(r, lang)].map((l) => `${name}${lang === 'zh' ? '：' : ': '}${l}`);
  return [...side(label.before, before), ...side(label.after, after)];
}

/** Every pool line, then every budget line. */
export function moneySummary(r: Pick<RunResult, 'pools' | 'budget'>, lang: Lang): string[] {
  return [...poolLines(r, lang), ...budgetLines(r, lang)];
}

/**
 * 「你的份额 = 奖金池 ¥1,000.00 × 你的权重 900,000 / 权重合计 1,500,000 = ¥600.00」. `unitFen` is the
 * policy's rounding unit in fen (`payout.rounding.to` × 100): the part of the pool below one unit
 * that nobody is paid is told from the shares paid at the bounds by it.
 */
export function poolShareLine(s: PoolShare, lang: Lang, unitFen = 1): string {
  const zh = lang === 'zh';
  const group = s.group_title ?? s.group;
  const name = `${s.title}${s.group === 'all' ? '' : zh ? `（${group}）` : ` (${group})`}`;
  if (s.excluded) {
    const why = {
      held: zh ? '奖金暂扣' : 'pay held',
      below_grade: zh ? '等级低于参与线' : 'grade below the pool’s minimum',
      zero_weight: zh ? '权重为 0' : 'weight 0',
      role: zh ? '岗位不参与' : 'role not in the pool',
    }[s.excluded];
    return zh ? `${name}：不参与分配（${why}）` : `${name}: no share (${why})`;
  }
  if (s.bound)
    return zh
      ? `${name}：你的份额 = ${s.bound === 'min' ? '最低' : '最高'}份额 ${formatFen(s.shareFen)}（按权重应为 ${formatFen(Math.round(s.exact_fen))}）`
      : `${name}: your share = the ${s.bound === 'min' ? 'minimum' : 'maximum'} share ${formatFen(s.shareFen)} (by weight it would be ${formatFen(Math.round(s.exact_fen))})`;
  // what the free claimants do not split is the shares paid at a bound (whole units, as the bounds
  // are taken to the unit) and the part of the rest below one unit, which nobody is paid
  // (engine/evaluation/pool.ts): each named for what it is, so the formula adds up as written
  const notFree = s.poolFen - s.free_fen;
  const unit = unitFen > 0 ? unitFen : 1;
  const unallocatedFen = notFree % unit;
  const boundFen = notFree - unallocatedFen;
  const minus = [
    ...(boundFen > 0
      ? [zh ? `按最低/最高份额发放的 ${formatFen(boundFen)}` : `${formatFen(boundFen)} paid at the minimum/maximum`]
      : []),
    ...(unallocatedFen > 0
      ? [
          zh
            ? `未分配的 ${formatFen(unallocatedFen)}（不足一个发放单位 ${formatFen(unit)}）`
            : `${formatFen(unallocatedFen)} left unallocated (less than one unit of ${formatFen(unit)})`,
        ]
      : []),
  ];
  const pool =
    minus.length === 0
      ? `${zh ? '奖金池' : 'pool'} ${formatFen(s.poolFen)}`
      : `(${zh ? '奖金池' : 'pool'} ${formatFen(s.poolFen)} − ${minus.join(' − ')})`;
  // the formula's own result differs from the share once it is rounded to the unit and the units left
  // over are given to the largest remainders (engine/evaluation/pool.ts): say so, or two people with
  // the same formula read two different results
  const exact = formatFen(Math.round(s.exact_fen));
  const result =
    exact === formatFen(s.shareFen)
      ? `= ${formatFen(s.shareFen)}`
      : zh
        ? `≈ ${exact}，取整后为 ${formatFen(s.shareFen)}（各份额先向下取整，余下的零头按余数从大到小逐个分配（余数相同时工号小者优先），使各份额之和等于奖金池${unallocatedFen > 0 ? '减去未分配的部分' : ''}）`
        : `≈ ${exact}, ${formatFen(s.shareFen)} once rounded (every share is rounded down and the units left over go one each to the largest remainders, ties to the smaller employee id, so the shares add up to the pool${unallocatedFen > 0 ? ' less what is left unallocated' : ''})`;
  return zh
    ? `${name}：你的份额 = ${pool} × 你的权重 ${formulaNumber(s.weight)}（${s.weight_text}）/ 权重合计 ${formulaNumber(s.free_weight)} ${result}`
    : `${name}: your share = ${pool} × your weight ${formulaNumber(s.weight)} (${s.weight_text}) / total weight ${formulaNumber(s.free_weight)} ${result}`;
}

/** A number as a formula shows it: up to 4 decimals, thousands separated. */
export function formulaNumber(x: number): string {
  return Number(x.toFixed(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** A ratio as the budget's words show it: to 6 decimals (0.904762). */
function ratioText(ratio: number): string {
  return Number(ratio.toFixed(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * 「预算缩减：浮动薪酬 ¥9,000.00 × 0.904762 = ¥8,142.86（全体浮动薪酬按同一比例缩减以符合预算）」: how the
 * budget scaled one person's variable pay. Pay scaled by a team budget and then by the total names
 * each budget with its own ratio (「× 0.944444（团队 甲组 预算）× 0.82669（总预算）」); "the same ratio
 * for everyone" is said only when no team budget scaled anyone first. When the product is not the
 * amount paid to the fen (the units left over went by the largest remainders), both are said.
 */
export function budgetScaleLine(scale: BudgetScaleLine, lang: Lang): string {
  const zh = lang === 'zh';
  const exact = formatFen(Math.round(scale.variableFen * scale.ratio));
  const paid = formatFen(scale.scaledFen);
  const rounded = exact !== paid;
  const result = !rounded ? `= ${paid}` : zh ? `≈ ${exact}，取整后为 ${paid}` : `≈ ${exact}, ${paid} once rounded`;
  const steps = scale.steps ?? [];
  const budgetName = (s: (typeof steps)[number]) =>
    s.scope === 'team' ? (zh ? `团队 ${s.team} 预算` : `team ${s.team} budget`) : zh ? '总预算' : 'total budget';
  // one ratio per budget when more than one scaled this pay, each named
  const factors =
    steps.length > 1
      ? zh
        ? `${steps.map((s) => `× ${ratioText(s.ratio)}（${budgetName(s)}）`).join('')}`
        : `${steps.map((s) => `× ${ratioText(s.ratio)} (${budgetName(s)})`).join(' ')} `
      : `× ${ratioText(scale.ratio)} `;
  const only = steps.length === 1 ? steps[0]! : undefined;
  const why =
    steps.length > 1
      ? zh
        ? '先按团队预算、再按总预算缩减，每项预算内的浮动薪酬按同一比例缩减'
        : 'scaled to the team budget first, then to the total budget, by one ratio within each budget'
      : only?.scope === 'team'
        ? zh
          ? `按${budgetName(only)}缩减，该团队的浮动薪酬按同一比例缩减`
          : `scaled to fit the ${budgetName(only)}, by one ratio for everyone in the team`
        : only?.after_teams
          ? zh
            ? '按总预算缩减；部分团队的浮动薪酬已先按团队预算缩减，各人的比例不尽相同'
            : "scaled to fit the total budget; some teams' variable pay was scaled to their own budgets first, so not everyone's ratio is the same"
          : zh
            ? '全体浮动薪酬按同一比例缩减以符合预算'
            : "everyone's variable pay scaled by one ratio to fit the budget";
  const note = !rounded
    ? ''
    : zh
      ? '；各人先向下取整，余下的零头按余数从大到小逐个分配'
      : '; each rounded down, the units left over going one each to the largest remainders';
  return zh
    ? `预算缩减：浮动薪酬 ${formatFen(scale.variableFen)} ${factors}${result}（${why}${note}）`
    : `budget scaling: variable pay ${formatFen(scale.variableFen)} ${factors}${result} (${why}${note})`;
}
