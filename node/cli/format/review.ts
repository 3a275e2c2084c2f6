// The review report of one policy change: what changed in business words and, with data, what
// it does to people and money. Human text for the terminal, Markdown for a pull request.

import { formatDiagnostic, formatFen, type Lang, type RunComparison, type RunResult, type UnscorableChange, type PolicyChange } from '../../../engine/index.js';

export interface PolicyReview {
  file: string;
  title: string;
  before: { label: string; version: string };
  after: { label: string; version: string };
  changes: PolicyChange[];
  impact?: { data: string; comparison: RunComparison; before: RunResult; after: RunResult };
}

const T = {
  zh: { changes: '规则变化', none: '没有规则变化', impact: '对数据的影响', total: '应发合计', grades: '等级分布', movers: '受影响的员工', nobody: '没有人的等级、档位、应发、暂扣或触发发生变化', team: '团队', before: '修改前', after: '修改后', delta: '差额', id: '工号', name: '姓名', grade: '等级', pay: '应发', employees: (n: number) => `${n} 人`, more: (n: number) => `另有 ${n} 人未列出`,
    scoredByBoth: (n: number) => `两个版本都能评分的 ${n} 人`,
    lost: (n: number) => `⚠ 新版本无法评分 ${n} 人（旧版本可以评分）：他们不计入下面的应发合计和差额`,
    gained: (n: number) => `新版本可以评分、旧版本无法评分的 ${n} 人：不计入下面的应发合计和差额`,
    wasPaid: '原应发', nowPaid: '新应发', reason: '原因' },
  en: { changes: 'Rule changes', none: 'No rule changes', impact: 'Impact on the data', total: 'Payout total', grades: 'Grade distribution', movers: 'Employees affected', nobody: 'Nobody\'s grade, tier, pay, holds or triggers change', team: 'Team', before: 'Before', after: 'After', delta: 'Change', id: 'ID', name: 'Name', grade: 'Grade', pay: 'Payout', employees: (n: number) => `${n} employees`, more: (n: number) => `${n} more not listed`,
    scoredByBoth: (n: number) => `${n} employees scored by both versions`,
    lost: (n: number) => `⚠ The new version cannot score ${n} employee(s) the old version scored: they are not in the payout totals or the change below`,
    gained: (n: number) => `The new version scores ${n} employee(s) the old version could not: they are not in the payout totals or the change below`,
    wasPaid: 'was paid', nowPaid: 'now paid', reason: 'Reason' },
};

const tierChange = (m: { before?: { tier?: string }; after?: { tier?: string } }) =>
  m.before && m.after && m.before.tier !== m.after.tier ? ` (${m.before.tier ?? '—'} → ${m.after.tier ?? '—'})` : '';

const signed = (fen: number) => (fen > 0 ? '+' : '') + formatFen(fen);

function teams(r: PolicyReview): [string, number, number][] {
  return r.impact!.comparison.by_team.map((t) => [t.team, t.before_fen, t.after_fen]);
}

/** A diagnostic on one line: where (row, column, raw value), code, message. */
const reasonLine = (u: UnscorableChange) => (u.reasons.length ? '' : 'not among the records this version read') + u.reasons.map((d) => formatDiagnostic(d).split('\n').filter((l) => !l.trimStart().startsWith('help:')).map((l) => l.trim()).join(' — ')).join('; ');

function unscorableGroups(c: RunComparison): [UnscorableChange[], UnscorableChange[]] {
  return [c.unscorable.filter((u) => u.became === 'unscorable'), c.unscorable.filter((u) => u.became === 'scorable')];
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
    const [lost, gained] = unscorableGroups(c);
    for (const [list, title, side] of [[lost, t.lost(lost.length), 'before'], [gained, t.gained(gained.length), 'after']] as const) {
      if (!list.length) continue;
      out.push(`> [!WARNING]`, `> **${title}**`, '');
      out.push(`| ${t.id} | ${t.name} | ${t.team} | ${side === 'before' ? t.wasPaid : t.nowPaid} | ${t.reason} |`, '|---|---|---|---:|---|');
      for (const u of list) out.push(`| ${u.employee_id} | ${u.name} | ${u.team ?? ''} | ${formatFen((u.before ?? u.after)!.totalFen)} | ${reasonLine(u).replace(/\|/g, '\\|')} |`);
      out.push('');
    }
    out.push(`**${t.impact}** \`${r.impact.data}\` (${t.scoredByBoth(c.employees)})`, '');
    out.push(`| | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    out.push(`| ${t.total} | ${formatFen(c.total_before_fen)} | ${formatFen(c.total_after_fen)} | **${signed(c.delta_fen)}** |`);
    for (const g of Object.keys({ ...c.by_grade_before, ...c.by_grade_after })) {
      const b = c.by_grade_before[g] ?? 0;
      const a = c.by_grade_after[g] ?? 0;
      out.push(`| ${t.grade} ${g} | ${b} | ${a} | ${a - b > 0 ? '+' : ''}${a - b} |`);
    }
    out.push('', `| ${t.team} | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    for (const [team, b, a] of teams(r)) out.push(`| ${team} | ${formatFen(b)} | ${formatFen(a)} | ${signed(a - b)} |`);
    out.push('', `**${t.movers}** (${c.changes.length})`, '');
    if (!c.changes.length) out.push(`_${t.nobody}_`);
    else {
      out.push(`| ${t.id} | ${t.name} | ${t.team} | ${t.grade} | ${t.pay} | ${t.delta} |`, '|---|---|---|---|---:|---:|');
      for (const m of c.changes.slice(0, maxMovers)) {
        out.push(`| ${m.employee_id} | ${m.name} | ${m.team} | ${m.before?.grade ?? '—'} → ${m.after?.grade ?? '—'}${tierChange(m)} | ${m.before ? formatFen(m.before.totalFen) : '—'} → ${m.after ? formatFen(m.after.totalFen) : '—'} | ${signed(m.deltaFen)} |`);
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
      const [lost, gained] = unscorableGroups(c);
      for (const [list, title, side] of [[lost, t.lost(lost.length), 'before'], [gained, t.gained(gained.length), 'after']] as const) {
        if (!list.length) continue;
        out.push(`  ${title}:`);
        for (const u of list) out.push(`    ${u.employee_id} ${u.name} ${u.team ?? ''}: ${side === 'before' ? t.wasPaid : t.nowPaid} ${formatFen((u.before ?? u.after)!.totalFen)} — ${reasonLine(u)}`);
      }
      out.push(`  ${t.impact} ${r.impact.data} (${t.scoredByBoth(c.employees)}):`);
      out.push(`    ${t.total} ${formatFen(c.total_before_fen)} → ${formatFen(c.total_after_fen)} (${signed(c.delta_fen)})`);
      out.push(`    ${t.grades} ${Object.keys(c.by_grade_after).map((g) => `${g} ${c.by_grade_before[g] ?? 0}→${c.by_grade_after[g]}`).join(' · ')}`);
      for (const [team, b, a] of teams(r)) if (a !== b) out.push(`    ${t.team} ${team}: ${formatFen(b)} → ${formatFen(a)}`);
      out.push(`  ${t.movers} (${c.changes.length}):`);
      if (!c.changes.length) out.push(`    ${t.nobody}`);
      for (const m of c.changes) out.push(`    ${m.employee_id} ${m.name} ${m.team}: ${m.before?.grade ?? '—'} → ${m.after?.grade ?? '—'}${tierChange(m)}, ${m.before ? formatFen(m.before.totalFen) : '—'} → ${m.after ? formatFen(m.after.totalFen) : '—'} (${signed(m.deltaFen)})`);
    }
    out.push('');
  }
  return out.join('\n');
}
