// The review report of one policy change: what changed in business words and, with data, what
// it does to people and money. Human text for the terminal, Markdown for a pull request.

import { formatMoney, type Lang, type RunComparison, type RunResult } from '../../index.js';
import type { PolicyChange } from '../../policy-diff.js';

export interface PolicyReview {
  file: string;
  title: string;
  before: { label: string; version: string };
  after: { label: string; version: string };
  changes: PolicyChange[];
  impact?: { data: string; comparison: RunComparison; before: RunResult; after: RunResult };
}

const T = {
  zh: { changes: '规则变化', none: '没有规则变化', impact: '对数据的影响', total: '应发合计', grades: '等级分布', movers: '受影响的员工', nobody: '没有人的等级、档位、应发、暂扣或触发发生变化', team: '团队', before: '修改前', after: '修改后', delta: '差额', id: '工号', name: '姓名', grade: '等级', pay: '应发', employees: (n: number) => `${n} 人`, more: (n: number) => `另有 ${n} 人未列出` },
  en: { changes: 'Rule changes', none: 'No rule changes', impact: 'Impact on the data', total: 'Payout total', grades: 'Grade distribution', movers: 'Employees affected', nobody: 'Nobody\'s grade, tier, pay, holds or triggers change', team: 'Team', before: 'Before', after: 'After', delta: 'Change', id: 'ID', name: 'Name', grade: 'Grade', pay: 'Payout', employees: (n: number) => `${n} employees`, more: (n: number) => `${n} more not listed` },
};

const tierChange = (m: { before?: { tier?: string }; after?: { tier?: string } }) =>
  m.before && m.after && m.before.tier !== m.after.tier ? ` (${m.before.tier ?? '—'} → ${m.after.tier ?? '—'})` : '';

const signed = (yuan: number) => (yuan > 0 ? '+' : '') + formatMoney(yuan);

function teams(r: PolicyReview): [string, number, number][] {
  const b = r.impact!.before.summary.by_team;
  const a = r.impact!.after.summary.by_team;
  // team names are user text: only a team's own entry counts (`toString` is a team, not a method)
  const total = (s: typeof a, t: string) => (Object.hasOwn(s, t) ? s[t].payout_total : 0);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((t) => [t, total(b, t), total(a, t)]);
}

export function reviewMarkdown(reviews: PolicyReview[], lang: Lang, maxMovers = 30): string {
  const t = T[lang];
  const out: string[] = [];
  for (const r of reviews) {
    out.push(`### ${r.title} — \`${r.file}\` v${r.before.version} → v${r.after.version}`, '');
    out.push(`**${t.changes}**`, '');
    if (!r.changes.length) out.push(`_${t.none}_`);
    for (const c of r.changes) out.push(`- ${c.text.replace(/\|/g, '\\|')}`);
    out.push('');
    if (!r.impact) continue;
    const c = r.impact.comparison;
    out.push(`**${t.impact}** \`${r.impact.data}\` (${t.employees(c.employees)})`, '');
    out.push(`| | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    out.push(`| ${t.total} | ${formatMoney(c.total_before)} | ${formatMoney(c.total_after)} | **${signed(c.delta)}** |`);
    for (const g of Object.keys({ ...c.by_grade_before, ...c.by_grade_after })) {
      const b = c.by_grade_before[g] ?? 0;
      const a = c.by_grade_after[g] ?? 0;
      out.push(`| ${t.grade} ${g} | ${b} | ${a} | ${a - b > 0 ? '+' : ''}${a - b} |`);
    }
    out.push('', `| ${t.team} | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    for (const [team, b, a] of teams(r)) out.push(`| ${team} | ${formatMoney(b)} | ${formatMoney(a)} | ${signed((Math.round(a * 100) - Math.round(b * 100)) / 100)} |`);
    out.push('', `**${t.movers}** (${c.changes.length})`, '');
    if (!c.changes.length) out.push(`_${t.nobody}_`);
    else {
      out.push(`| ${t.id} | ${t.name} | ${t.team} | ${t.grade} | ${t.pay} | ${t.delta} |`, '|---|---|---|---|---:|---:|');
      for (const m of c.changes.slice(0, maxMovers)) {
        out.push(`| ${m.employee_id} | ${m.name} | ${m.team} | ${m.before?.grade ?? '—'} → ${m.after?.grade ?? '—'}${tierChange(m)} | ${m.before ? formatMoney(m.before.total) : '—'} → ${m.after ? formatMoney(m.after.total) : '—'} | ${signed(m.delta)} |`);
      }
      if (c.changes.length > maxMovers) out.push('', `_${t.more(c.changes.length - maxMovers)}_`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function reviewText(reviews: PolicyReview[], lang: Lang): string {
  const t = T[lang];
  const out: string[] = [];
  for (const r of reviews) {
    out.push(`${r.title} (${r.file}) v${r.before.version} → v${r.after.version}`);
    out.push(`  ${t.changes}:`);
    if (!r.changes.length) out.push(`    ${t.none}`);
    for (const c of r.changes) out.push(`    ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${c.text}`);
    if (r.impact) {
      const c = r.impact.comparison;
      out.push(`  ${t.impact} ${r.impact.data} (${t.employees(c.employees)}):`);
      out.push(`    ${t.total} ${formatMoney(c.total_before)} → ${formatMoney(c.total_after)} (${signed(c.delta)})`);
      out.push(`    ${t.grades} ${Object.keys(c.by_grade_after).map((g) => `${g} ${c.by_grade_before[g] ?? 0}→${c.by_grade_after[g]}`).join(' · ')}`);
      for (const [team, b, a] of teams(r)) if (Math.round(a * 100) !== Math.round(b * 100)) out.push(`    ${t.team} ${team}: ${formatMoney(b)} → ${formatMoney(a)}`);
      out.push(`  ${t.movers} (${c.changes.length}):`);
      if (!c.changes.length) out.push(`    ${t.nobody}`);
      for (const m of c.changes) out.push(`    ${m.employee_id} ${m.name} ${m.team}: ${m.before?.grade ?? '—'} → ${m.after?.grade ?? '—'}${tierChange(m)}, ${m.before ? formatMoney(m.before.total) : '—'} → ${m.after ? formatMoney(m.after.total) : '—'} (${signed(m.delta)})`);
    }
    out.push('');
  }
  return out.join('\n');
}
