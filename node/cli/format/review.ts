// The review report of one policy change: what changed in business words and, with data, what
// it does to people and money. Human text for the terminal, Markdown for a pull request.

import {
  formatDiagnostic,
  formatFen,
  isCrossing,
  percentChange,
  type ChangeImpact,
  type EmployeeChange,
  type ImpactBreakdown,
  type Lang,
  type Move,
  type RunComparison,
  type RunResult,
  type UnscorableChange,
  type PolicyChange,
} from '../../../engine/index.js';
import { moneyBeforeAfter } from './money.js';
import { markdownWords } from './markdown-text.js';
import { cellText } from './text-table.js';

/** Policy text and the lines that quote it or the data: see markdownWords. */
const mdWords = markdownWords;

export interface PolicyReview {
  file: string;
  title: string;
  before: { label: string; version: string };
  after: { label: string; version: string };
  changes: PolicyChange[];
  impact?: {
    data: string;
    comparison: RunComparison;
    before: RunResult;
    after: RunResult;
    attribution: ChangeImpact[];
    breakdown: ImpactBreakdown;
  };
}

const T = {
  zh: {
    changes: '规则变化',
    none: '没有规则变化',
    impact: '对数据的影响',
    total: '应发合计',
    grades: '等级分布',
    calibratedGrades: '校准后等级分布',
    calibratedGrade: '校准等级',
    movers: '受影响的员工',
    nobody: '没有人的等级、档位、应发、暂扣或触发发生变化',
    team: '团队',
    before: '修改前',
    after: '修改后',
    delta: '差额',
    id: '工号',
    name: '姓名',
    grade: '等级',
    pay: '应发',
    employees: (n: number) => `${n} 人`,
    more: (n: number) => `另有 ${n} 人未列出`,
    scoredByBoth: (n: number) => `两个版本都能评分的 ${n} 人`,
    lost: (n: number) => `⚠ 新版本无法评分 ${n} 人（旧版本可以评分）：他们不计入下面的应发合计和差额`,
    gained: (n: number) => `新版本可以评分、旧版本无法评分的 ${n} 人：不计入下面的应发合计和差额`,
    wasPaid: '原应发',
    notRead: '不在这个版本读取的记录中',
    nowPaid: '新应发',
    reason: '原因',
    perChange: '按变更归因',
    perChangeNote:
      '逐条应用上面的变更（按列出的顺序，权重调整等必须一起生效的变更合为一步），每步之后重算本月；各步之和等于总差额。相互影响的变更，顺序不同归因也不同。',
    step: '变更',
    people: '人数',
    gradeMoves: '等级变动',
    tierMoves: '档位变动',
    sum: '合计',
    crossings: '跨越等级或档位的员工',
    others: '其余应发变化最大的员工',
    byRole: '岗位',
    byStage: '阶段',
    byGrade: '原等级',
    pct: '变化率',
    counts: '人数统计',
    held: '暂扣',
    heldChange: '暂扣',
    triggerChange: '触发',
    plan: '绩效改进计划',
    excluded: '排除的记录',
    outliers: (n: number, limit: string) => `⚑ 单人变化 ≥ ${limit} 的员工 ${n} 人`,
    flag: '⚑',
  },
  en: {
    changes: 'Rule changes',
    none: 'No rule changes',
    impact: 'Impact on the data',
    total: 'Payout total',
    grades: 'Grade distribution',
    calibratedGrades: 'Calibrated grades',
    calibratedGrade: 'Calibrated',
    movers: 'Employees affected',
    nobody: "Nobody's grade, tier, pay, holds or triggers change",
    team: 'Team',
    before: 'Before',
    after: 'After',
    delta: 'Change',
    id: 'ID',
    name: 'Name',
    grade: 'Grade',
    pay: 'Payout',
    employees: (n: number) => `${n} employees`,
    more: (n: number) => `${n} more not listed`,
    scoredByBoth: (n: number) => `${n} employees scored by both versions`,
    lost: (n: number) =>
      `⚠ The new version cannot score ${n} employee(s) the old version scored: they are not in the payout totals or the change below`,
    gained: (n: number) =>
      `The new version scores ${n} employee(s) the old version could not: they are not in the payout totals or the change below`,
    wasPaid: 'was paid',
    notRead: 'not among the records this version read',
    nowPaid: 'now paid',
    reason: 'Reason',
    perChange: 'Cost per change',
    perChangeNote:
      'The changes above applied one at a time, in the order listed (changes that are only valid together, such as a weight shift, form one step), the month evaluated after each step; the steps add up to the total change. For changes that interact, another order attributes differently.',
    step: 'Change',
    people: 'People',
    gradeMoves: 'Grade moves',
    tierMoves: 'Tier moves',
    sum: 'Total',
    crossings: 'Employees crossing a grade or tier boundary',
    others: 'Largest other pay changes',
    byRole: 'Role',
    byStage: 'Stage',
    byGrade: 'Old grade',
    pct: '% change',
    counts: 'Counts',
    held: 'Held',
    heldChange: 'held',
    triggerChange: 'triggers',
    plan: 'Improvement plan',
    excluded: 'Excluded records',
    outliers: (n: number, limit: string) => `⚑ ${n} employee(s) with a single change of ${limit} or more`,
    flag: '⚑',
  },
};

const tierChange = (m: { before?: { tier?: string }; after?: { tier?: string } }) =>
  m.before && m.after && m.before.tier !== m.after.tier ? ` (${m.before.tier ?? '—'} → ${m.after.tier ?? '—'})` : '';

/**
 * The grade after forced distribution, where it moved: `B → B（校准 B → A）`. A change of the quotas
 * alone moves only this; without it such a person's line read `B → B, ¥910.00 → ¥910.00`.
 */
const calibratedChange = (m: EmployeeChange, lang: Lang) =>
  m.kinds.includes('calibrated')
    ? lang === 'zh'
      ? `（校准 ${m.before.calibrated ?? '—'} → ${m.after.calibrated ?? '—'}）`
      : ` (calibrated ${m.before.calibrated ?? '—'} → ${m.after.calibrated ?? '—'})`
    : '';

const signed = (fen: number) => (fen > 0 ? '+' : '') + formatFen(fen);

function teams(r: PolicyReview): [string, number, number][] {
  return r.impact!.comparison.by_team.map((t) => [t.team, t.before_fen, t.after_fen]);
}

/** A diagnostic on one line, in the report's language: where (row, column, raw value), code, message. */
const reasonLine = (u: UnscorableChange, lang: Lang) =>
  (u.reasons.length ? '' : T[lang].notRead) +
  u.reasons
    .map((d) =>
      formatDiagnostic(d, lang)
        .split('\n')
        .filter((l) => !/^(help: |提示：)/.test(l.trimStart()))
        .map((l) => l.trim())
        .join(' — '),
    )
    .join('; ');

function unscorableGroups(c: RunComparison): [UnscorableChange[], UnscorableChange[]] {
  return [c.unscorable.filter((u) => u.became === 'unscorable'), c.unscorable.filter((u) => u.became === 'scorable')];
}

const movesText = (moves: Move[]) => moves.map((m) => `${m.from} → ${m.to} × ${m.count}`).join(', ');
const pctText = (b: number, a: number) => {
  const p = percentChange(b, a);
  return p === null ? '—' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
};
const isOutlier = (r: PolicyReview, m: EmployeeChange) =>
  Math.abs(m.deltaFen) >= r.impact!.breakdown.outlier_threshold_fen;

/** A person's month, when the data holds several (October and November are two lines of one person). */
const month = (m: { period?: string }) => (m.period ? ` ${m.period}` : '');

function moverRowMd(r: PolicyReview, m: EmployeeChange, flag: string, lang: Lang): string {
  return `| ${mdWords(m.employee_id)} | ${mdWords(m.name)} | ${mdWords(m.team)}${month(m)} | ${m.before.grade} → ${m.after.grade}${mdWords(calibratedChange(m, lang))}${tierChange(m)} | ${formatFen(m.before.totalFen)} → ${formatFen(m.after.totalFen)}${mdWords(ruleChanges(r, m, lang))} | ${signed(m.deltaFen)}${isOutlier(r, m) ? ` ${flag}` : ''} |`;
}

/**
 * The calibrated distribution before and after (`A 1→2 · B 1→0`), or the one side that calibrates
 * (`— → A 1 · B 1`, when the change adds forced distribution); undefined when neither does.
 */
function calibratedLine(c: RunComparison): string | undefined {
  const b = c.by_calibrated_grade_before;
  const a = c.by_calibrated_grade_after;
  const counts = (x: Record<string, number>) =>
    Object.entries(x)
      .map(([g, n]) => `${g} ${n}`)
      .join(' · ');
  if (b && a)
    return Object.keys({ ...b, ...a })
      .map((g) => `${g} ${b[g] ?? 0}→${a[g] ?? 0}`)
      .join(' · ');
  if (a) return `— → ${counts(a)}`;
  if (b) return `${counts(b)} → —`;
  return undefined;
}

/** A run's scorecards by period and id, and by id alone (a month's change has no period), built once. */
const cardIndex = new WeakMap<RunResult, Map<string, RunResult['scorecards'][number]>>();
function cardsOf(run: RunResult): Map<string, RunResult['scorecards'][number]> {
  let index = cardIndex.get(run);
  if (!index) {
    index = new Map();
    for (const c of run.scorecards) {
      index.set(`${c.period}\u0000${c.employee_id}`, c);
      if (!index.has(`\u0000${c.employee_id}`)) index.set(`\u0000${c.employee_id}`, c);
    }
    cardIndex.set(run, index);
  }
  return index;
}

/**
 * The holds and triggers that changed for one person, by their titles: `；暂扣 — → 待核实`. Without
 * it a person whose pay is newly held (the amount the same, no longer payable) was listed as
 * `A → A, ¥912.10 → ¥912.10 (¥0.00)`, with nothing to say why.
 */
function ruleChanges(r: PolicyReview, m: EmployeeChange, lang: Lang): string {
  const t = T[lang];
  const card = (run: RunResult | undefined) =>
    run ? cardsOf(run).get(`${m.period ?? ''}\u0000${m.employee_id}`) : undefined;
  const before = card(r.impact?.before);
  const after = card(r.impact?.after);
  const titles = (list: { title: string }[] | undefined) => (list?.length ? list.map((x) => x.title).join('、') : '—');
  const parts: string[] = [];
  const sep = lang === 'zh' ? '；' : '; ';
  if (m.kinds.includes('holds') || m.before.status !== m.after.status)
    parts.push(`${t.heldChange} ${titles(before?.holds)} → ${titles(after?.holds)}`);
  if (m.kinds.includes('triggers'))
    parts.push(`${t.triggerChange} ${titles(before?.triggers)} → ${titles(after?.triggers)}`);
  return parts.map((p) => `${sep}${p}`).join('');
}

export function reviewMarkdown(reviews: PolicyReview[], lang: Lang, maxMovers = 30): string {
  const t = T[lang];
  const out: string[] = [];
  for (const r of reviews) {
    out.push(`### ${mdWords(r.title)} — \`${r.file}\` v${r.before.version} → v${r.after.version}`, '');
    out.push(`**${t.changes}**`, '');
    if (!r.changes.length) out.push(`_${t.none}_`);
    for (const c of r.changes) out.push(`- ${mdWords(c.text)}`);
    out.push('');
    if (!r.impact) continue;
    const c = r.impact.comparison;
    const [lost, gained] = unscorableGroups(c);
    for (const [list, title, side] of [
      [lost, t.lost(lost.length), 'before'],
      [gained, t.gained(gained.length), 'after'],
    ] as const) {
      if (!list.length) continue;
      out.push(`> [!WARNING]`, `> **${title}**`, '');
      out.push(
        `| ${t.id} | ${t.name} | ${t.team} | ${side === 'before' ? t.wasPaid : t.nowPaid} | ${t.reason} |`,
        '|---|---|---|---:|---|',
      );
      for (const u of list)
        out.push(
          `| ${mdWords(u.employee_id)} | ${mdWords(u.name)} | ${mdWords(u.team ?? '')}${month(u)} | ${formatFen((u.before ?? u.after)!.totalFen)} | ${mdWords(reasonLine(u, lang))} |`,
        );
      out.push('');
    }
    out.push(`**${t.impact}** \`${r.impact.data}\` (${t.scoredByBoth(c.employees)})`, '');
    out.push(`| | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    out.push(
      `| ${t.total} | ${formatFen(c.total_before_fen)} | ${formatFen(c.total_after_fen)} | **${signed(c.delta_fen)}** |`,
    );
    for (const g of Object.keys({ ...c.by_grade_before, ...c.by_grade_after })) {
      const b = c.by_grade_before[g] ?? 0;
      const a = c.by_grade_after[g] ?? 0;
      out.push(`| ${t.grade} ${mdWords(g)} | ${b} | ${a} | ${a - b > 0 ? '+' : ''}${a - b} |`);
    }
    const cb = c.by_calibrated_grade_before;
    const ca = c.by_calibrated_grade_after;
    for (const g of Object.keys({ ...cb, ...ca })) {
      const b = cb ? (cb[g] ?? 0) : undefined;
      const a = ca ? (ca[g] ?? 0) : undefined;
      const d = a !== undefined && b !== undefined ? `${a - b > 0 ? '+' : ''}${a - b}` : '';
      out.push(`| ${t.calibratedGrade} ${mdWords(g)} | ${b ?? '—'} | ${a ?? '—'} | ${d} |`);
    }
    out.push('', `| ${t.team} | ${t.before} | ${t.after} | ${t.delta} |`, '|---|---:|---:|---:|');
    for (const [team, b, a] of teams(r))
      out.push(`| ${mdWords(team)} | ${formatFen(b)} | ${formatFen(a)} | ${signed(a - b)} |`);
    const money = moneyBeforeAfter(r.impact.before, r.impact.after, lang);
    if (money.length) out.push('', ...money.map((l) => `- ${mdWords(l)}`));
    const x = r.impact.breakdown;
    out.push('', `**${t.perChange}**`, '', `_${t.perChangeNote}_`, '');
    out.push(
      `| # | ${t.step} | ${t.delta} | ${t.people} | ${t.gradeMoves} | ${t.tierMoves} |`,
      '|---:|---|---:|---:|---|---|',
    );
    r.impact.attribution.forEach((s, i) =>
      out.push(
        `| ${i + 1} | ${s.changes.map((ch) => mdWords(ch.text)).join('<br>')} | ${signed(s.deltaFen)} | ${s.people} | ${mdWords(movesText(s.grade_moves))} | ${mdWords(movesText(s.tier_moves))} |`,
      ),
    );
    out.push(`| | ${t.sum} | **${signed(c.delta_fen)}** | | | |`);
    for (const [title, rows] of [
      [t.byRole, x.by_role],
      [t.byStage, x.by_stage],
      [t.byGrade, x.by_grade],
    ] as const) {
      out.push(
        '',
        `| ${title} | ${t.people} | ${t.before} | ${t.after} | ${t.delta} | ${t.pct} |`,
        '|---|---:|---:|---:|---:|---:|',
      );
      for (const row of rows)
        out.push(
          `| ${mdWords(row.key)} | ${row.people} | ${formatFen(row.before_fen)} | ${formatFen(row.after_fen)} | ${signed(row.after_fen - row.before_fen)} | ${pctText(row.before_fen, row.after_fen)} |`,
        );
    }
    out.push('', `| ${t.counts} | ${t.before} | ${t.after} |`, '|---|---:|---:|');
    for (const [label, n] of [
      [t.held, x.held],
      [t.plan, x.improvement_plan],
      [t.excluded, x.excluded],
    ] as const)
      out.push(`| ${label} | ${n.before} | ${n.after} |`);
    if (x.outliers.length)
      out.push(
        '',
        `**${t.outliers(x.outliers.length, formatFen(x.outlier_threshold_fen))}**: ${x.outliers.map((m) => `${mdWords(m.employee_id)} ${mdWords(m.name)}${month(m)} ${signed(m.deltaFen)}`).join(', ')}`,
      );
    const crossings = c.changes.filter(isCrossing);
    const others = c.changes.filter((m) => !isCrossing(m));
    const header = [
      `| ${t.id} | ${t.name} | ${t.team} | ${t.grade} | ${t.pay} | ${t.delta} |`,
      '|---|---|---|---|---:|---:|',
    ];
    out.push('', `**${t.movers}** (${c.changes.length})`, '');
    if (!c.changes.length) out.push(`_${t.nobody}_`);
    else {
      if (crossings.length)
        out.push(
          `**${t.crossings}** (${crossings.length})`,
          '',
          ...header,
          ...crossings.map((m) => moverRowMd(r, m, t.flag, lang)),
          '',
        );
      if (others.length) {
        out.push(
          `**${t.others}** (${others.length})`,
          '',
          ...header,
          ...others.slice(0, maxMovers).map((m) => moverRowMd(r, m, t.flag, lang)),
        );
        if (others.length > maxMovers) out.push('', `_${t.more(others.length - maxMovers)}_`);
        out.push('');
      }
    }
    if (!c.changes.length) out.push('');
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
      for (const [list, title, side] of [
        [lost, t.lost(lost.length), 'before'],
        [gained, t.gained(gained.length), 'after'],
      ] as const) {
        if (!list.length) continue;
        out.push(`  ${title}:`);
        for (const u of list)
          out.push(
            `    ${u.employee_id} ${u.name} ${u.team ?? ''}${month(u)}: ${side === 'before' ? t.wasPaid : t.nowPaid} ${formatFen((u.before ?? u.after)!.totalFen)} — ${reasonLine(u, lang)}`,
          );
      }
      out.push(`  ${t.impact} ${r.impact.data} (${t.scoredByBoth(c.employees)}):`);
      out.push(
        `    ${t.total} ${formatFen(c.total_before_fen)} → ${formatFen(c.total_after_fen)} (${signed(c.delta_fen)})`,
      );
      out.push(
        `    ${t.grades} ${Object.keys(c.by_grade_after)
          .map((g) => `${g} ${c.by_grade_before[g] ?? 0}→${c.by_grade_after[g]}`)
          .join(' · ')}`,
      );
      const calibrated = calibratedLine(c);
      if (calibrated) out.push(`    ${t.calibratedGrades} ${calibrated}`);
      for (const [team, b, a] of teams(r))
        if (a !== b) out.push(`    ${t.team} ${team}: ${formatFen(b)} → ${formatFen(a)}`);
      for (const l of moneyBeforeAfter(r.impact.before, r.impact.after, lang)) out.push(`    ${l}`);
      const x = r.impact.breakdown;
      out.push(`  ${t.perChange}:`);
      r.impact.attribution.forEach((s, i) => {
        const moved = [movesText(s.grade_moves), movesText(s.tier_moves)].filter(Boolean).join('; ');
        out.push(
          `    ${i + 1}. ${s.changes.map((ch) => ch.text).join(' + ')}: ${signed(s.deltaFen)}, ${t.employees(s.people)}${moved ? ` (${moved})` : ''}`,
        );
      });
      out.push(`    ${t.perChangeNote}`);
      for (const [title, rows] of [
        [t.byRole, x.by_role],
        [t.byStage, x.by_stage],
        [t.byGrade, x.by_grade],
      ] as const) {
        out.push(
          `  ${title}: ${rows.map((row) => `${row.key} ${formatFen(row.before_fen)} → ${formatFen(row.after_fen)} (${pctText(row.before_fen, row.after_fen)})`).join(' · ')}`,
        );
      }
      out.push(
        `  ${[
          [t.held, x.held],
          [t.plan, x.improvement_plan],
          [t.excluded, x.excluded],
        ]
          .map(
            ([label, n]) =>
              `${label as string} ${(n as { before: number }).before} → ${(n as { after: number }).after}`,
          )
          .join(' · ')}`,
      );
      if (x.outliers.length)
        out.push(
          `  ${t.outliers(x.outliers.length, formatFen(x.outlier_threshold_fen))}: ${x.outliers.map((m) => `${m.employee_id} ${m.name}${month(m)} ${signed(m.deltaFen)}`).join(', ')}`,
        );
      out.push(`  ${t.movers} (${c.changes.length}):`);
      if (!c.changes.length) out.push(`    ${t.nobody}`);
      const crossings = c.changes.filter(isCrossing);
      if (crossings.length) out.push(`   ${t.crossings} (${crossings.length}):`);
      for (const m of crossings)
        out.push(
          `    ${m.employee_id} ${m.name} ${m.team}${month(m)}: ${m.before.grade} → ${m.after.grade}${calibratedChange(m, lang)}${tierChange(m)}, ${formatFen(m.before.totalFen)} → ${formatFen(m.after.totalFen)} (${signed(m.deltaFen)})${ruleChanges(r, m, lang)}${isOutlier(r, m) ? ` ${t.flag}` : ''}`,
        );
      const others = c.changes.filter((m) => !isCrossing(m));
      if (others.length && crossings.length) out.push(`   ${t.others} (${others.length}):`);
      for (const m of others)
        out.push(
          `    ${m.employee_id} ${m.name} ${m.team}${month(m)}: ${m.before.grade} → ${m.after.grade}${calibratedChange(m, lang)}${tierChange(m)}, ${formatFen(m.before.totalFen)} → ${formatFen(m.after.totalFen)} (${signed(m.deltaFen)})${ruleChanges(r, m, lang)}${isOutlier(r, m) ? ` ${t.flag}` : ''}`,
        );
    }
    out.push('');
  }
  // names, teams, policy text and quoted cells: a control character (an escape sequence, a carriage
  // return that would overprint the pay) is shown, never sent to the terminal; a line break is a space
  return out.map(cellText).join('\n');
}
