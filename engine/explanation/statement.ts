// Printable statements: one HTML page per employee for the performance interview, and an index
// with the team summary and the grade distribution. Pure: the CLI passes the provenance (hashes,
// file names, engine version) and writes the files. Every value is escaped: names are text.

import type { CompiledPolicy } from '../language/compile.js';
import {
  awardMoney,
  lineMoney,
  describeAction,
  describeConditions,
  describePerUnit,
  explainCalibration,
  formatValue,
  formatValueBeside,
  type Lang,
  scoreMaxText,
  unitFen,
} from './explain.js';
import { formatFen, formatMoney } from '../model/money.js';
import type { IndicatorResult, RunResult, Scorecard } from '../model/scorecard.js';
import type { EmployeeRecord } from '../model/record.js';
import type { Unit } from '../model/policy.js';
import { budgetScaleLine, formulaNumber as num, poolShareLine } from './money-text.js';
import { localise } from '../model/diagnostic.js';

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
  return escapeMarkup(isolateBidi(String(s ?? '')));
}

/** `&<>"'` as entities, nothing else: for a text whose parts are isolated already (a page's title). */
function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Direction marks, embeddings, overrides and isolates: characters that change how the text around them reads. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A value holding a direction control (a name pasted with U+202E, RIGHT-TO-LEFT OVERRIDE) kept in a
 * first-strong isolate (U+2068 … U+2069), so it cannot reorder what follows it on the line: `‮evil 丙`
 * with its override never closed printed the rest of the line — `（工号 E3） · 一组 …` — backwards.
 * The isolate's end closes every embedding and override opened inside it; a stray end of isolate
 * (U+2069 with none open in the value) is dropped, as it would end the isolate early, and isolates the
 * value opens and leaves open are closed. A value without such characters is unchanged.
 */
export function isolateBidi(text: string): string {
  if (!BIDI.test(text)) return text;
  let open = 0;
  let kept = '';
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') open++;
    else if (ch === '\u2069') {
      if (open === 0) continue;
      open--;
    }
    kept += ch;
  }
  return `\u2068${kept}${'\u2069'.repeat(open)}\u2069`;
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
    calibratedDistribution: '等级分布（强制分布后；暂扣者不排名，不计入）',
    teams: '团队汇总',
    excluded: '因数据问题未评分',
    list: '员工列表',
    calibrated: '校准后',
    heldMark: '* 暂扣，待核实后发放',
    pts: (p: number) => `${p > 0 ? '+' : ''}${p} 分`,
    scoreCap: (c: number) => `总分封顶 ${c}`,
    gradeCap: (g: string) => `等级封顶 ${g}`,
    award: (money: string) => `奖励 ${money}`,
    payBase: '绩效基数',
    gradeWhy: (score: number, g: string, min: number) => `总分 ${score} ≥ ${min}（${g} 的下限）→ 等级 ${g}`,
    gradeCapped: (raw: string, g: string) => `规则封顶：${raw} → ${g}`,
    tierWhy: (tier: string, basis: string, v: string, min: string) =>
      `档位 ${tier}：${basis} ${v} ≥ ${min}（${tier} 的门槛）`,
    heldItem: '暂扣：',
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
    calibratedDistribution:
      'Grade distribution (after forced distribution; held people are not ranked and not counted)',
    teams: 'Teams',
    excluded: 'Not scored (data problems)',
    list: 'Employees',
    calibrated: 'Calibrated',
    heldMark: '* held until the data is verified',
    pts: (p: number) => `${p > 0 ? '+' : ''}${p} points`,
    scoreCap: (c: number) => `score capped at ${c}`,
    gradeCap: (g: string) => `grade capped at ${g}`,
    award: (money: string) => `award ${money}`,
    payBase: 'pay base',
    gradeWhy: (score: number, g: string, min: number) =>
      `score ${score} ≥ ${min} (the lower bound of ${g}) → grade ${g}`,
    gradeCapped: (raw: string, g: string) => `capped by a rule: ${raw} → ${g}`,
    tierWhy: (tier: string, basis: string, v: string, min: string) =>
      `tier ${tier}: ${basis} ${v} ≥ ${min} (the threshold of ${tier})`,
    heldItem: 'held: ',
  },
};

// One A4 page (210 × 297 mm, 12 mm margins): small type, one row per indicator (its reason on a
// second line in the same cell), holds and next steps together, and the signature lines kept
// with the provenance at the foot (test/browser/statements.browser.test.ts prints every statement
// of the sample month to PDF in Chromium and counts the pages). A name or title of one long word
// (no spaces, not CJK) wraps rather than running off the page (overflow-wrap: anywhere).
const CSS = `
  @page { size: A4; margin: 12mm; }
  body { font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif; color: #1f2937; max-width: 820px; margin: 24px auto; padding: 0 20px; font-size: 11.5px; line-height: 1.4; overflow-wrap: anywhere; }
  h1 { font-size: 17px; margin: 0 0 2px; } h2 { font-size: 12.5px; margin: 10px 0 3px; border-bottom: 1px solid #e5e7eb; padding-bottom: 2px; }
  .meta { color: #6b7280; } table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #eef0f3; padding: 2px 5px; text-align: left; vertical-align: top; }
  th { color: #6b7280; font-weight: 500; } .num { text-align: right; white-space: nowrap; } .group td { font-weight: 600; background: #f8fafc; }
  .why { color: #6b7280; font-size: 10.5px; } .calc { margin: 3px 0 0; color: #374151; font-size: 11px; } .calc li { margin: 1px 0; }
  ul { margin: 2px 0; padding-left: 18px; }
  .cards { display: flex; gap: 10px; margin: 8px 0; } .card { flex: 1; border: 1px solid #e5e7eb; border-radius: 6px; padding: 5px 10px; }
  .card .k { color: #6b7280; font-size: 11px; } .card .v { font-size: 19px; font-weight: 700; } .held { color: #b45309; }
  .foot { break-inside: avoid; page-break-inside: avoid; }
  .sign { display: flex; gap: 40px; margin-top: 26px; } .sign div { flex: 1; border-top: 1px solid #9ca3af; padding-top: 3px; color: #6b7280; }
  .prov { margin-top: 10px; color: #9ca3af; font-size: 9.5px; line-height: 1.3; word-break: break-all; } a { color: #2563eb; text-decoration: none; }
  @media print { a { color: inherit; } body { margin: 0; padding: 0; max-width: none; } }`;

/** A page; `title` is plain text whose parts from a policy or the data are isolated (`isolateBidi`) already. */
function page(title: string, lang: Lang, body: string): string {
  return `<!doctype html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<title>${escapeMarkup(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function provenanceLine(p: Provenance, lang: Lang): string {
  const w = W[lang];
  return `<p class="prov">${w.provenance}: ${w.policy} ${escapeHtml(p.policy.id)} v${escapeHtml(p.policy.version)} (${escapeHtml(p.policy.file)}, sha256 ${escapeHtml(p.policy.hash)}) · ${w.data} ${p.data.map((d) => `${escapeHtml(d.file)} (sha256 ${escapeHtml(d.hash)})`).join(', ')} · ${w.engine} yardstick ${escapeHtml(p.engine)}</p>`;
}

/** A section another part of Yardstick adds to a statement: a heading and its (already escaped) HTML. */
export interface StatementSection {
  title: string;
  html: string;
}

export interface StatementOptions {
  /** The employee's record, for the values behind derived metrics and formulas (爆款率 = 3 / 31). */
  record?: EmployeeRecord;
  /** Sections placed after the payout and next steps, before the signature lines. */
  sections?: StatementSection[];
}

/** The values a statement can put into a formula: the record's metrics, derived metrics, the payout variables. */
function valuesOf(policy: CompiledPolicy, card: Scorecard, record: EmployeeRecord | undefined): Map<string, number> {
  const values = new Map<string, number>();
  const scope: Record<string, number> = {};
  for (const m of policy.metricDefaults) scope[m.id] = m.default;
  if (record) Object.assign(scope, record.metrics);
  // indicator actuals: what the statement already shows, for a caller without the record
  const walk = (items: IndicatorResult[]) => {
    for (const i of items) {
      if (i.metric && typeof i.actual === 'number' && scope[i.metric] === undefined) scope[i.metric] = i.actual;
      if (i.children) walk(i.children);
    }
  };
  walk(card.indicators);
  for (const d of policy.derived) {
    if (scope[d.id] !== undefined) continue;
    const v = d.run(scope);
    if (typeof v === 'number' && Number.isFinite(v)) scope[d.id] = v;
  }
  for (const [k, v] of Object.entries(scope)) values.set(k, v);
  values.set('pay_base', card.payout.pay_base);
  values.set('score', card.score);
  values.set('base_score', card.base_score);
  values.set('attainment', card.score / 100);
  return values;
}

/** `pay_base * min(score, 120) / 100` with the known names replaced by their values. */
function substitute(text: string, values: Map<string, number>): string {
  return text
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => {
      const v = values.get(name);
      return v === undefined ? name : num(v);
    })
    .replace(/\s*\*\s*/g, ' × ');
}

/** How a linear indicator's points were interpolated, with its numbers; undefined for other methods. */
function interpolation(i: IndicatorResult, u: Unit | undefined, lang: Lang): string | undefined {
  if (i.scoring !== 'linear' || typeof i.actual !== 'number' || i.target === undefined) return undefined;
  const a = i.actual;
  const { threshold: th, target: t, challenge: c } = i;
  // the actual value with every digit where it would read as a reference value it is not
  // every digit: the interpolation's arithmetic must come out as written (1.0015046…%, not 1.002%)
  const actual = formatValueBeside(a, [th, t, c], u, lang, true);
  const f = (v: number) => (v === a ? actual : formatValue(v, u, lang));
  const lower = i.better === 'lower';
  const reached = (x: number, y: number) => (lower ? x <= y : x >= y);
  const pts = (p: number) => `${num(p)}${lang === 'zh' ? ' 分' : ' points'}`;
  if (th !== undefined && !reached(a, th))
    return lang === 'zh' ? `未达门槛 ${f(th)} → 0 分` : `short of the threshold ${f(th)} → 0 points`;
  // the distance in the direction that is better: a − t when higher is better, t − a when lower is
  const gap = (x: number, y: number) => (lower ? y - x : x - y);
  const gapText = (x: number, y: number) => (lower ? `${f(y)} − ${f(x)}` : `${f(x)} − ${f(y)}`);
  let formula: string;
  let raw: number;
  if (c !== undefined && reached(a, t)) {
    formula = `100 + 20 × (${gapText(a, t)}) / (${gapText(c, t)})`;
    raw = 100 + (20 * gap(a, t)) / gap(c, t);
  } else if (th !== undefined) {
    formula = `60 + 40 × (${gapText(a, th)}) / (${gapText(t, th)})`;
    raw = 60 + (40 * gap(a, th)) / gap(t, th);
  } else {
    formula = `100 × ${f(a)} / ${f(t)}`;
    raw = t === 0 ? 100 : (100 * a) / t;
  }
  const shown = Number(raw.toFixed(4));
  if (Math.abs(shown - i.points) > 0.006)
    return `${formula} = ${pts(shown)}${lang === 'zh' ? `，封顶为 ${pts(i.points)}` : `, capped at ${pts(i.points)}`}`;
  // rounded to the policy's decimals as the table shows it
  return `${formula} = ${shown === i.points ? pts(i.points) : `${num(shown)} ≈ ${pts(i.points)}`}`;
}

export function renderStatement(
  policy: CompiledPolicy,
  card: Scorecard,
  provenance: Provenance,
  lang: Lang = 'zh',
  options: StatementOptions = {},
): string {
  const values = valuesOf(policy, card, options.record);
  const body = [
    headerSection(policy, card, lang),
    indicatorSection(policy, card, values, lang),
    adjustmentSection(policy, card, lang),
    payoutSection(policy, card, values, lang),
    nextStepsSection(policy, card, lang),
    ...(options.sections ?? []).map((x) => `<h2>${escapeHtml(x.title)}</h2>\n${x.html}`),
    eventsSection(provenance, card.employee_id, lang),
    footSection(provenance, lang),
  ].join('\n');
  return page(`${isolateBidi(card.name)} · ${isolateBidi(policy.doc.title)} · ${card.period}`, lang, body);
}

function headerSection(policy: CompiledPolicy, card: Scorecard, lang: Lang): string {
  const w = W[lang];
  // forced distribution moved the grade: the card shows where it ended (the grade paragraph says why)
  const moved =
    card.calibration && card.calibration.calibrated !== card.grade ? card.calibration.calibrated : undefined;
  const nextText = card.next_grade
    ? w.next(card.next_grade.points_needed, card.next_grade.grade)
    : card.grade === policy.grades[0]?.grade
      ? w.top
      : w.capped;
  return `
<h1>${escapeHtml(policy.doc.title)} · ${w.statement}</h1>
<p class="meta">${w.period} ${escapeHtml(card.period)} · ${w.employee} ${escapeHtml(card.name)}${lang === 'zh' ? '（' : ' ('}${w.id} ${escapeHtml(card.employee_id)}${lang === 'zh' ? '）' : ')'} · ${escapeHtml(card.team)} · ${escapeHtml(card.role_title)} · ${escapeHtml(card.stage_title)}</p>
<div class="cards">
  <div class="card"><div class="k">${w.score}</div><div class="v">${card.score}</div><div class="meta">${w.base} ${card.base_score}</div></div>
  <div class="card"><div class="k">${w.grade}</div><div class="v">${escapeHtml(card.grade)}${moved ? ` → ${escapeHtml(moved)}` : ''}</div><div class="meta">${escapeHtml(nextText)}</div></div>
  <div class="card"><div class="k">${w.payout}</div><div class="v">${formatFen(card.payout.totalFen)}</div>${card.payout.status === 'held' ? `<div class="held">${w.held}</div>` : `<div class="meta">${w.payBase} ${formatMoney(card.payout.pay_base)}</div>`}</div>
</div>`;
}

function indicatorSection(policy: CompiledPolicy, card: Scorecard, values: Map<string, number>, lang: Lang): string {
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
      const why: string[] = [];
      if (!i.children) {
        why.push(i.reason);
        const derived = policy.derived.find((d) => d.id === i.metric);
        // a derived rate with the numbers it is made of: 爆款率 = viral_videos / videos_published = 3 / 31
        if (derived) {
          const named = derived.text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (id) => policy.metrics[id]?.label ?? id);
          why.push(`${derived.label} = ${named} = ${substitute(derived.text, values)}`);
        }
        const line = interpolation(i, u, lang);
        if (line) why.push(line);
      }
      const cell = `${escapeHtml(i.title)}${why.map((x) => `<div class="why">${escapeHtml(x)}</div>`).join('')}`;
      rows.push(
        `<tr${i.children ? ' class="group"' : ''}><td style="padding-left:${5 + depth * 14}px">${cell}</td><td class="num">${i.children ? '' : escapeHtml(formatValueBeside(i.actual, [i.threshold, i.target, i.challenge], u, lang))}</td><td class="num">${escapeHtml(goals)}</td><td class="num">${i.points}</td><td class="num">${i.weight}%</td><td class="num">${i.weighted_points}</td></tr>`,
      );
      if (i.children) walk(i.children, depth + 1);
    }
  };
  walk(card.indicators, 0);
  const band = policy.grades.find((g) => g.grade === card.raw_grade);
  const gradeWhy = band ? w.gradeWhy(card.score, band.grade, band.min) : '';
  const capped = card.raw_grade !== card.grade ? w.gradeCapped(card.raw_grade, card.grade) : '';
  // 「校准（团队 一组，第 4/4 名）：B → C，因 C min 25%」, as `explain` says it
  const calibrated =
    card.calibration && policy.doc.calibration
      ? explainCalibration(card.calibration, policy.doc.calibration.within, lang)
      : '';
  return `<h2>${w.indicators}</h2>
<table><thead><tr><th>${w.indicator}</th><th class="num">${w.actual}</th><th class="num">${w.goals}</th><th class="num">${w.points}</th><th class="num">${w.weight}</th><th class="num">${w.weighted}</th></tr></thead><tbody>
${rows.join('\n')}
<tr class="group"><td colspan="5">${w.base}</td><td class="num">${card.base_score}</td></tr>
</tbody></table>
<p class="calc">${escapeHtml([gradeWhy, capped, calibrated].filter(Boolean).join(lang === 'zh' ? '；' : '; '))}</p>`;
}

function adjustmentSection(policy: CompiledPolicy, card: Scorecard, lang: Lang): string {
  const w = W[lang];
  // the policy's score maximum, when it limited the score (as `explain` says it)
  const limited = scoreMaxText(policy, card, lang);
  const max = limited ? `\n<p class="calc">${escapeHtml(limited)}</p>` : '';
  if (!card.adjustments.length) return `<h2>${w.rules}</h2>\n<p class="meta">${w.none}</p>${max}`;
  const rows = card.adjustments.map((a) => {
    const effect = [
      a.points !== undefined ? w.pts(a.points) + describePerUnit(policy, a.per_unit?.points, 'points', lang) : '',
      a.award !== undefined
        ? w.award(awardMoney(policy, a)) + describePerUnit(policy, a.per_unit?.award, 'money', lang)
        : '',
      a.score_cap !== undefined ? w.scoreCap(a.score_cap) : '',
      a.grade_cap !== undefined ? w.gradeCap(a.grade_cap) : '',
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '，' : ', ');
    return `<tr><td>${escapeHtml(a.title)}</td><td>${escapeHtml(describeConditions(policy, a.conditions, lang, card))}</td><td>${escapeHtml(effect)}</td></tr>`;
  });
  return `<h2>${w.rules}</h2>\n<table><thead><tr><th>${w.rule}</th><th>${w.why}</th><th>${w.effect}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${max}`;
}

/** The lines of how the pay was computed: the formula with its numbers, the tier, pool shares, the budget. */
export function payoutCalculation(
  policy: CompiledPolicy,
  card: Scorecard,
  values: Map<string, number>,
  lang: Lang,
): string[] {
  const w = W[lang];
  const out: string[] = [];
  const perf = card.payout.lines.find((l) => l.kind === 'performance_pay');
  if (perf)
    out.push(
      `${perf.label} = ${policy.payout.performancePayText} = ${substitute(policy.payout.performancePayText, values)} = ${formatFen(perf.amountFen)}${lang === 'zh' ? `（绩效基数 ${formatMoney(card.payout.pay_base)}，总分 ${card.score}）` : ` (pay base ${formatMoney(card.payout.pay_base)}, score ${card.score})`}`,
    );
  const tier = card.payout.tier;
  const tiers = policy.tiers;
  if (tier && tiers) {
    const band = tiers.bands.find((b) => b.tier === tier.id);
    const basis =
      tiers.basis === 'attainment'
        ? lang === 'zh'
          ? `达成率（总分 / 100）`
          : 'attainment (score / 100)'
        : (policy.metrics[tiers.basis]?.label ??
          policy.derived.find((d) => d.id === tiers.basis)?.label ??
          tiers.basis);
    // the basis and the band's lower bound as the policy's reader writes them: a ratio as a percent
    const unit: Unit | undefined =
      tiers.basis === 'attainment'
        ? 'ratio'
        : (policy.metrics[tiers.basis]?.unit ?? policy.derived.find((d) => d.id === tiers.basis)?.unit);
    const show = (x: number) => formatValue(x, unit, lang);
    if (band) out.push(w.tierWhy(tier.title ?? tier.id, basis, show(tier.basis), show(band.min)));
  }
  for (const share of card.pools ?? []) out.push(poolShareLine(share, lang, unitFen(policy)));
  // how the budget scaled the variable pay: each budget and its ratio (docs/policy-language.md, budget)
  if (card.budget_scale) out.push(budgetScaleLine(card.budget_scale, lang));
  return out;
}

function payoutSection(policy: CompiledPolicy, card: Scorecard, values: Map<string, number>, lang: Lang): string {
  const w = W[lang];
  const calc = payoutCalculation(policy, card, values, lang);
  return `<h2>${w.payoutLines}</h2>
<table><thead><tr><th>${w.item}</th><th class="num">${w.amount}</th></tr></thead><tbody>
${card.payout.lines.map((l) => `<tr><td>${escapeHtml(l.label)}</td><td class="num">${escapeHtml(lineMoney(policy, l))}</td></tr>`).join('\n')}
<tr class="group"><td>${w.total}</td><td class="num">${formatFen(card.payout.totalFen)}</td></tr>
</tbody></table>
${calc.length ? `<ul class="calc">${calc.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : ''}
${card.payout.tier?.benefit ? `<p>${escapeHtml(card.payout.tier.benefit)}</p>` : ''}`;
}

function nextStepsSection(policy: CompiledPolicy, card: Scorecard, lang: Lang): string {
  const w = W[lang];
  const items = [
    ...card.holds.map(
      (h) =>
        `<li><strong>${w.heldItem}${escapeHtml(h.title)}</strong>${lang === 'zh' ? '：' : ': '}${escapeHtml(describeConditions(policy, h.conditions, lang))}${h.reason ? `${lang === 'zh' ? '。' : '. '}${escapeHtml(h.reason)}` : ''}</li>`,
    ),
    ...card.triggers.map(
      (t) =>
        `<li><strong>${escapeHtml(t.title)}</strong>${lang === 'zh' ? '：' : ': '}${escapeHtml(describeAction(t.action, lang))}${lang === 'zh' ? '（' : ' ('}${escapeHtml(describeConditions(policy, t.conditions, lang))}${lang === 'zh' ? '）' : ')'}</li>`,
    ),
  ];
  return `<h2>${w.holds} · ${w.triggers}</h2>\n${items.length ? `<ul>${items.join('')}</ul>` : `<p class="meta">${w.none}</p>`}`;
}

function footSection(provenance: Provenance, lang: Lang): string {
  const w = W[lang];
  return `<div class="foot"><div class="sign"><div>${w.sign}</div><div>${w.manager}</div><div>${w.date}</div></div>
${provenanceLine(provenance, lang)}</div>`;
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
  // with forced distribution, the grades people ended with, in the policy's order (the held are
  // not ranked and have none); it drew the grades before calibration beside a list of calibrated ones
  const calibrated = s.by_calibrated_grade;
  const grades: [string, number][] = calibrated
    ? policy.grades.map((g): [string, number] => [g.grade, calibrated[g.grade] ?? 0])
    : Object.entries(s.by_grade);
  const max = Math.max(1, ...grades.map(([, n]) => n));
  const bars = grades
    .map(([g, n], i) => {
      const h = Math.round((n / max) * 120);
      return `<g transform="translate(${20 + i * 70},0)"><rect x="0" y="${140 - h}" width="40" height="${h}" fill="#2563eb" rx="3"/><text x="20" y="${134 - h}" text-anchor="middle" font-size="12">${n}</text><text x="20" y="158" text-anchor="middle" font-size="12">${escapeHtml(g)}</text></g>`;
    })
    .join('');
  // with forced distribution, the grade each person ended with (— for someone held: not ranked)
  const calibrates = policy.doc.calibration !== undefined;
  const body = `
<h1>${escapeHtml(policy.doc.title)} · ${w.index}</h1>
<p class="meta">${w.period} ${escapeHtml(result.period)} · ${w.employees} ${s.employees}${s.excluded ? ` · ${w.excluded} ${s.excluded}` : ''}</p>
<div class="cards">
  <div class="card"><div class="k">${w.total}</div><div class="v">${formatFen(s.payout_total_fen)}</div><div class="meta">${w.held} ${formatFen(s.held_total_fen)}</div></div>
  <div class="card"><div class="k">${w.employees}</div><div class="v">${s.employees}</div></div>
</div>
<h2>${calibrated ? w.calibratedDistribution : w.distribution}</h2>
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
<table><thead><tr><th>${w.id}</th><th>${w.employee}</th><th>${w.team}</th><th>${w.role}</th><th class="num">${w.score}</th><th>${w.grade}</th>${calibrates ? `<th>${w.calibrated}</th>` : ''}<th class="num">${w.payout}</th></tr></thead><tbody>
${result.scorecards.map((c) => `<tr><td><a href="${escapeHtml(encodeURI(fileOf(c)))}">${escapeHtml(c.employee_id)}</a></td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.team)}</td><td>${escapeHtml(c.role_title)}</td><td class="num">${c.score}</td><td>${escapeHtml(c.grade)}</td>${calibrates ? `<td>${escapeHtml(c.calibration?.calibrated ?? '—')}</td>` : ''}<td class="num">${formatFen(c.payout.totalFen)}${c.payout.status === 'held' ? ' *' : ''}</td></tr>`).join('\n')}
</tbody></table>
${result.scorecards.some((c) => c.payout.status === 'held') ? `<p class="meta">${w.heldMark}</p>` : ''}
${result.excluded.length ? `<h2>${w.excluded}</h2><ul>${result.excluded.map((x) => `<li>${escapeHtml(x.employee_id ?? '?')} ${escapeHtml(x.name ?? '')}: ${escapeHtml(x.reasons.map((r) => localise(r, lang).message).join(lang === 'zh' ? '；' : '; '))}</li>`).join('')}</ul>` : ''}
${provenanceLine(provenance, lang)}`;
  return page(`${isolateBidi(policy.doc.title)} · ${result.period}`, lang, body);
}
