// Printable statements: one HTML page per employee for the performance interview, and an index
// with the team summary and the grade distribution. Pure: the CLI passes the provenance (hashes,
// file names, engine version) and writes the files. Every value is escaped: names are text.

import type { CompiledPolicy } from '../language/compile.js';
import { describeAction, describeConditions, describePerUnit, formatValue, type Lang } from './explain.js';
import { formatFen, formatMoney } from '../model/money.js';
import type { IndicatorResult, RunResult, Scorecard } from '../model/scorecard.js';

export interface Provenance {
  policy: { file: string; id: string; version: string; hash: string };
  data: { file: string; hash: string }[];
  engine: string;
  /** Metrics aggregated from event files (node/cli/events/provenance.ts): each employee's lines, in both languages. */
  events?: {
    files: { file: string; sha256: string }[];
    employees: Record<string, { zh: string; en: string }[]>;
  };
}

/** The section naming the event files and the aggregate behind each of the employee's metrics. */
function eventsSection(p: Provenance, employee: string, lang: Lang): string {
  const lines = p.events?.employees[employee];
  if (!p.events || !lines?.length) return '';
  const title = lang === 'zh' ? '指标的数据来源（明细汇总）' : 'Where the metrics come from (aggregated rows)';
  const files = p.events.files.map((f) => `${escapeHtml(f.file)} (sha256 ${escapeHtml(f.sha256)})`).join(' · ');
  return `<h2>${title}</h2>\n<ul>${lines.map((l) => `<li>${escapeHtml(l[lang])}</li>`).join('')}</ul>\n<p class="meta">${files}</p>\n`;
}

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const W = {
  zh: {
    statement: '绩效考核结果通知',
    period: '考核期',
    employee: '员工',
    id: '工号',
    team: '团队',
    role: '岗位',
    stage: '阶段',
    score: '总分',
    grade: '等级',
    payout: '本月绩效应发',
    held: '暂扣，待核实后发放',
    next: (p: number, g: string) => `再提高 ${p} 分可达 ${g}`,
    top: '已达最高等级',
    capped: '等级已封顶',
    indicators: '指标得分',
    indicator: '指标',
    actual: '实际',
    goals: '门槛 / 目标 / 挑战',
    points: '得分',
    weight: '权重',
    weighted: '加权得分',
    base: '基础得分',
    rules: '加减分与规则',
    rule: '规则',
    why: '原因',
    effect: '影响',
    payoutLines: '绩效工资明细',
    item: '项目',
    amount: '金额',
    total: '合计',
    holds: '暂扣说明',
    triggers: '后续安排',
    none: '无',
    sign: '员工签字',
    manager: '主管签字',
    date: '日期',
    provenance: '依据',
    policy: '政策',
    data: '数据',
    engine: '引擎',
    index: '绩效结果汇总',
    employees: '人数',
    distribution: '等级分布',
    teams: '团队汇总',
    excluded: '因数据问题未评分',
    list: '员工列表',
    pts: (p: number) => `${p > 0 ? '+' : ''}${p} 分`,
    scoreCap: (c: number) => `总分封顶 ${c}`,
    gradeCap: (g: string) => `等级封顶 ${g}`,
    award: (a: number) => `奖励 ${formatMoney(a)}`,
  },
  en: {
    statement: 'Performance result',
    period: 'Period',
    employee: 'Employee',
    id: 'ID',
    team: 'Team',
    role: 'Role',
    stage: 'Stage',
    score: 'Score',
    grade: 'Grade',
    payout: 'Performance pay this month',
    held: 'held until the data is verified',
    next: (p: number, g: string) => `${p} more points for ${g}`,
    top: 'top grade reached',
    capped: 'grade capped',
    indicators: 'Indicators',
    indicator: 'Indicator',
    actual: 'Actual',
    goals: 'Threshold / target / challenge',
    points: 'Points',
    weight: 'Weight',
    weighted: 'Weighted',
    base: 'Base score',
    rules: 'Adjustments',
    rule: 'Rule',
    why: 'Why',
    effect: 'Effect',
    payoutLines: 'Pay lines',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    holds: 'Held',
    triggers: 'What happens next',
    none: 'none',
    sign: 'Employee',
    manager: 'Manager',
    date: 'Date',
    provenance: 'Based on',
    policy: 'policy',
    data: 'data',
    engine: 'engine',
    index: 'Results',
    employees: 'Employees',
    distribution: 'Grade distribution',
    teams: 'Teams',
    excluded: 'Not scored (data problems)',
    list: 'Employees',
    pts: (p: number) => `${p > 0 ? '+' : ''}${p} points`,
    scoreCap: (c: number) => `score capped at ${c}`,
    gradeCap: (g: string) => `grade capped at ${g}`,
    award: (a: number) => `award ${formatMoney(a)}`,
  },
};

const CSS = `
  @page { size: A4; margin: 16mm; }
  body { font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif; color: #1f2937; max-width: 820px; margin: 24px auto; padding: 0 20px; font-size: 13px; line-height: 1.55; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 22px 0 6px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
  .meta { color: #6b7280; } table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #eef0f3; padding: 5px 6px; text-align: left; vertical-align: top; }
  th { color: #6b7280; font-weight: 500; } .num { text-align: right; white-space: nowrap; } .group td { font-weight: 600; background: #f8fafc; }
  .cards { display: flex; gap: 12px; margin: 14px 0; } .card { flex: 1; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 12px; }
  .card .k { color: #6b7280; font-size: 12px; } .card .v { font-size: 22px; font-weight: 700; } .held { color: #b45309; }
  .sign { display: flex; gap: 40px; margin-top: 40px; } .sign div { flex: 1; border-top: 1px solid #9ca3af; padding-top: 4px; color: #6b7280; }
  .prov { margin-top: 28px; color: #9ca3af; font-size: 11px; word-break: break-all; } a { color: #2563eb; text-decoration: none; }
  @media print { a { color: inherit; } body { margin: 0; } }`;

function page(title: string, lang: Lang, body: string): string {
  return `<!doctype html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function provenanceLine(p: Provenance, lang: Lang): string {
  const w = W[lang];
  return `<p class="prov">${w.provenance}: ${w.policy} ${escapeHtml(p.policy.id)} v${escapeHtml(p.policy.version)} (${escapeHtml(p.policy.file)}, sha256 ${escapeHtml(p.policy.hash)}) · ${w.data} ${p.data.map((d) => `${escapeHtml(d.file)} (sha256 ${escapeHtml(d.hash)})`).join(', ')} · ${w.engine} yardstick ${escapeHtml(p.engine)}</p>`;
}

export function renderStatement(
  policy: CompiledPolicy,
  card: Scorecard,
  provenance: Provenance,
  lang: Lang = 'zh',
): string {
  const w = W[lang];
  const unitOf = (m?: string) =>
    m ? (policy.metrics[m]?.unit ?? policy.derived.find((d) => d.id === m)?.unit) : undefined;
  const rows: string[] = [];
  const walk = (items: IndicatorResult[], depth: number) => {
    for (const i of items) {
      const u = unitOf(i.metric);
      const goals = i.children
        ? ''
        : [i.threshold, i.target, i.challenge]
            .map((v) => (v === undefined ? '—' : formatValue(v, u, lang)))
            .join(' / ');
      rows.push(
        `<tr${i.children ? ' class="group"' : ''}><td style="padding-left:${6 + depth * 16}px">${escapeHtml(i.title)}</td><td class="num">${i.children ? '' : escapeHtml(formatValue(i.actual, u, lang))}</td><td class="num">${escapeHtml(goals)}</td><td class="num">${i.points}</td><td class="num">${i.weight}%</td><td class="num">${i.weighted_points}</td></tr>`,
      );
      if (!i.children)
        rows.push(
          `<tr><td colspan="6" class="meta" style="padding-left:${22 + depth * 16}px">${escapeHtml(i.reason)}</td></tr>`,
        );
      if (i.children) walk(i.children, depth + 1);
    }
  };
  walk(card.indicators, 0);
  const nextText = card.next_grade
    ? w.next(card.next_grade.points_needed, card.next_grade.grade)
    : card.grade === policy.grades[0]?.grade
      ? w.top
      : w.capped;
  const adjustments = card.adjustments.map((a) => {
    const effect = [
      a.points !== undefined ? w.pts(a.points) + describePerUnit(policy, a.per_unit?.points, 'points', lang) : '',
      a.award !== undefined ? w.award(a.award) + describePerUnit(policy, a.per_unit?.award, 'money', lang) : '',
      a.score_cap !== undefined ? w.scoreCap(a.score_cap) : '',
      a.grade_cap !== undefined ? w.gradeCap(a.grade_cap) : '',
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '，' : ', ');
    return `<tr><td>${escapeHtml(a.title)}</td><td>${escapeHtml(describeConditions(policy, a.conditions, lang, card))}</td><td>${escapeHtml(effect)}</td></tr>`;
  });
  const body = `
<h1>${escapeHtml(policy.doc.title)} · ${w.statement}</h1>
<p class="meta">${w.period} ${escapeHtml(card.period)} · ${w.employee} ${escapeHtml(card.name)}${lang === 'zh' ? '（' : ' ('}${w.id} ${escapeHtml(card.employee_id)}${lang === 'zh' ? '）' : ')'} · ${escapeHtml(card.team)} · ${escapeHtml(card.role_title)} · ${escapeHtml(card.stage_title)}</p>
<div class="cards">
  <div class="card"><div class="k">${w.score}</div><div class="v">${card.score}</div><div class="meta">${w.base} ${card.base_score}</div></div>
  <div class="card"><div class="k">${w.grade}</div><div class="v">${escapeHtml(card.grade)}</div><div class="meta">${escapeHtml(nextText)}</div></div>
  <div class="card"><div class="k">${w.payout}</div><div class="v">${formatFen(card.payout.totalFen)}</div>${card.payout.status === 'held' ? `<div class="held">${w.held}</div>` : ''}</div>
</div>
<h2>${w.indicators}</h2>
<table><thead><tr><th>${w.indicator}</th><th class="num">${w.actual}</th><th class="num">${w.goals}</th><th class="num">${w.points}</th><th class="num">${w.weight}</th><th class="num">${w.weighted}</th></tr></thead><tbody>
${rows.join('\n')}
<tr class="group"><td colspan="5">${w.base}</td><td class="num">${card.base_score}</td></tr>
</tbody></table>
<h2>${w.rules}</h2>
${adjustments.length ? `<table><thead><tr><th>${w.rule}</th><th>${w.why}</th><th>${w.effect}</th></tr></thead><tbody>${adjustments.join('')}</tbody></table>` : `<p class="meta">${w.none}</p>`}
<h2>${w.payoutLines}</h2>
<table><thead><tr><th>${w.item}</th><th class="num">${w.amount}</th></tr></thead><tbody>
${card.payout.lines.map((l) => `<tr><td>${escapeHtml(l.label)}</td><td class="num">${formatFen(l.amountFen)}</td></tr>`).join('\n')}
<tr class="group"><td>${w.total}</td><td class="num">${formatFen(card.payout.totalFen)}</td></tr>
</tbody></table>
${card.payout.tier?.benefit ? `<p>${escapeHtml(card.payout.tier.benefit)}</p>` : ''}
<h2>${w.holds}</h2>
${card.holds.length ? `<ul>${card.holds.map((h) => `<li><strong>${escapeHtml(h.title)}</strong>：${escapeHtml(describeConditions(policy, h.conditions, lang))}${h.reason ? `。${escapeHtml(h.reason)}` : ''}</li>`).join('')}</ul>` : `<p class="meta">${w.none}</p>`}
<h2>${w.triggers}</h2>
${card.triggers.length ? `<ul>${card.triggers.map((t) => `<li><strong>${escapeHtml(t.title)}</strong>：${escapeHtml(describeAction(t.action, lang))}（${escapeHtml(describeConditions(policy, t.conditions, lang))}）</li>`).join('')}</ul>` : `<p class="meta">${w.none}</p>`}
${eventsSection(provenance, card.employee_id, lang)}<div class="sign"><div>${w.sign}</div><div>${w.manager}</div><div>${w.date}</div></div>
${provenanceLine(provenance, lang)}`;
  return page(`${card.name} · ${policy.doc.title} · ${card.period}`, lang, body);
}

export function renderIndex(
  policy: CompiledPolicy,
  result: RunResult,
  provenance: Provenance,
  fileOf: (card: Scorecard) => string,
  lang: Lang = 'zh',
): string {
  const w = W[lang];
  const s = result.summary;
  const grades = Object.entries(s.by_grade);
  const max = Math.max(1, ...grades.map(([, n]) => n));
  const bars = grades
    .map(([g, n], i) => {
      const h = Math.round((n / max) * 120);
      return `<g transform="translate(${20 + i * 70},0)"><rect x="0" y="${140 - h}" width="40" height="${h}" fill="#2563eb" rx="3"/><text x="20" y="${134 - h}" text-anchor="middle" font-size="12">${n}</text><text x="20" y="158" text-anchor="middle" font-size="12">${escapeHtml(g)}</text></g>`;
    })
    .join('');
  const body = `
<h1>${escapeHtml(policy.doc.title)} · ${w.index}</h1>
<p class="meta">${w.period} ${escapeHtml(result.period)} · ${w.employees} ${s.employees}${s.excluded ? ` · ${w.excluded} ${s.excluded}` : ''}</p>
<div class="cards">
  <div class="card"><div class="k">${w.total}</div><div class="v">${formatFen(s.payout_total_fen)}</div><div class="meta">${w.held} ${formatFen(s.held_total_fen)}</div></div>
  <div class="card"><div class="k">${w.employees}</div><div class="v">${s.employees}</div></div>
</div>
<h2>${w.distribution}</h2>
<svg width="${40 + grades.length * 70}" height="165" role="img" aria-label="${w.distribution}">${bars}</svg>
<h2>${w.teams}</h2>
<table><thead><tr><th>${w.team}</th><th class="num">${w.employees}</th><th class="num">${w.total}</th></tr></thead><tbody>
${Object.entries(s.by_team)
  .map(
    ([t, v]) =>
      `<tr><td>${escapeHtml(t)}</td><td class="num">${v.employees}</td><td class="num">${formatFen(v.payout_total_fen)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<h2>${w.list}</h2>
<table><thead><tr><th>${w.id}</th><th>${w.employee}</th><th>${w.team}</th><th>${w.role}</th><th class="num">${w.score}</th><th>${w.grade}</th><th class="num">${w.payout}</th></tr></thead><tbody>
${result.scorecards.map((c) => `<tr><td><a href="${escapeHtml(encodeURI(fileOf(c)))}">${escapeHtml(c.employee_id)}</a></td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.team)}</td><td>${escapeHtml(c.role_title)}</td><td class="num">${c.score}</td><td>${escapeHtml(c.grade)}</td><td class="num">${formatFen(c.payout.totalFen)}${c.payout.status === 'held' ? ' *' : ''}</td></tr>`).join('\n')}
</tbody></table>
${result.excluded.length ? `<h2>${w.excluded}</h2><ul>${result.excluded.map((x) => `<li>${escapeHtml(x.employee_id ?? '?')} ${escapeHtml(x.name ?? '')}: ${escapeHtml(x.reasons.map((r) => r.message).join('; '))}</li>`).join('')}</ul>` : ''}
${provenanceLine(provenance, lang)}`;
  return page(`${policy.doc.title} · ${result.period}`, lang, body);
}
