// Bonus pools and the budget in words: one line per pool instance and per budget line, with the
// amounts that make them. The CLI's run table, Markdown and diff and the editor's preview show these.

import { formatFen } from '../model/money.js';
import type { RunResult } from '../model/scorecard.js';
import type { Lang } from './explain.js';

/** One line per pool instance: its amount, how many share it, what is left. */
export function poolLines(r: Pick<RunResult, 'pools'>, lang: Lang): string[] {
  const pools = r.pools ?? [];
  const months = severalMonths(pools);
  return pools.map((p) => {
    // the group and, when the run holds several months, the month: which pool of which month
    const said = [...(p.group === 'all' ? [] : [p.group]), ...(months && p.period ? [p.period] : [])];
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
