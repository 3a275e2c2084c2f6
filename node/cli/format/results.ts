// A run's result for people: the aligned terminal table, Markdown, and CSV for Excel.

import { fenToYuan, formatFen, localise, type Lang, type RunResult, type Scorecard } from '../../../engine/index.js';
import { alignTable, cellText, TableCells } from './text-table.js';
import { markdownText, markdownWords } from './markdown-text.js';
import { budgetLines, poolLines, poolShareFen } from './money.js';

const HEAD = {
  zh: ['工号', '姓名', '团队', '岗位', '阶段', '得分', '等级', '档位', '应发', '状态', '触发'],
  en: ['id', 'name', 'team', 'role', 'stage', 'score', 'grade', 'tier', 'payout', 'status', 'triggers'],
};

/**
 * Whether the run holds several months (a file of several, each month scored on its own): then
 * one person has a row a month, and the table, CSV and workbook say each row's month.
 */
export function severalMonths(r: Pick<RunResult, 'scorecards'>): boolean {
  const first = r.scorecards[0]?.period;
  return r.scorecards.some((c) => c.period !== first);
}

/** The cells with the month after the id and the name, when there is one to say. */
export function withMonth<T>(cells: T[], month: T | undefined): T[] {
  return month === undefined ? cells : [...cells.slice(0, 2), month, ...cells.slice(2)];
}

export const MONTH_HEAD = { zh: '月份', en: 'period' } as const;

/**
 * Whether the run calibrates (the policy's `calibration:`, forced distribution): each row then says
 * the calibrated grade beside the grade, and the summary the calibrated distribution. Calibration
 * changes neither pay nor the grade triggers read (docs/policy-language.md, calibration), so the
 * grade column stays as it is; someone held is not ranked and has none (`—` in the table, an empty
 * cell in the CSV and the workbook).
 */
export function calibrates(r: Pick<RunResult, 'summary'>): boolean {
  return r.summary.by_calibrated_grade !== undefined;
}

/** The calibrated grade's column, after the grade's, in the table and Markdown. */
const CALIBRATED_HEAD = { zh: '校准等级', en: 'calibrated' } as const;

/** The table's and Markdown's columns: the month after the name and the calibrated grade after the grade, when there are. */
function tableHead(lang: Lang, months: boolean, calibrated: boolean): string[] {
  const head = calibrated ? [...HEAD[lang].slice(0, 7), CALIBRATED_HEAD[lang], ...HEAD[lang].slice(7)] : HEAD[lang];
  return withMonth(head, months ? MONTH_HEAD[lang] : undefined);
}

/** The right-aligned columns of the table and Markdown: the score and the payout. */
function rightColumns(months: boolean, calibrated: boolean): Set<number> {
  const shift = months ? 1 : 0;
  return new Set([5 + shift, 8 + shift + (calibrated ? 1 : 0)]);
}

/**
 * A text remembered by the number it writes, for the next rows: a month's scores and payouts take
 * a few thousand values, each written once instead of once a row.
 */
function remembered(texts: Map<number, string>, n: number, write: (n: number) => string): string {
  let text = texts.get(n);
  if (text === undefined) {
    text = write(n);
    if (texts.size < 65_536) texts.set(n, text);
  }
  return text;
}
const scoreTexts = new Map<number, string>();
const fenTexts = new Map<number, string>();
const twoDecimals = (n: number) => n.toFixed(2);

/**
 * A card's cells of the table and the Markdown, one by one to `add` (no array a row for the
 * table's 100,000), the month after the name when asked.
 */
function eachCell(c: Scorecard, lang: Lang, months: boolean, calibrated: boolean, add: (cell: string) => void): void {
  const zh = lang === 'zh';
  add(c.employee_id);
  add(c.name);
  if (months) add(c.period);
  add(c.team);
  add(c.role_title);
  add(c.stage_title);
  add(remembered(scoreTexts, c.score, twoDecimals));
  add(c.grade);
  if (calibrated) add(c.calibration?.calibrated ?? '—');
  add(c.payout.tier ? (c.payout.tier.title ?? c.payout.tier.id) : '');
  add(remembered(fenTexts, c.payout.totalFen, formatFen));
  if (c.payout.status === 'held') {
    let holds = '';
    for (const h of c.holds) holds += (holds ? (zh ? '、' : ', ') : '') + h.title;
    add(zh ? `暂扣：${holds}` : `held: ${holds}`);
  } else add('');
  // one trigger is its title as it is (no string made for the row)
  const triggers = c.triggers;
  if (triggers.length === 0) add('');
  else if (triggers.length === 1) add(triggers[0]!.title);
  else add(triggers.map((t) => t.title).join(zh ? '、' : ', '));
}

function row(c: Scorecard, lang: Lang, months: boolean, calibrated: boolean): string[] {
  const cells: string[] = [];
  eachCell(c, lang, months, calibrated, (cell) => cells.push(cell));
  return cells;
}

/**
 * Each of `ids`' title as the first card that has it says (the id where none has), found in one
 * pass over the cards that stops once every one has a title.
 */
function triggerTitles(r: Pick<RunResult, 'scorecards'>, ids: readonly string[]): (id: string) => string {
  const titles = new Map<string, string>();
  const wanted = new Set(ids);
  for (const c of r.scorecards) {
    if (wanted.size === 0) break;
    for (const t of c.triggers)
      if (wanted.has(t.id)) {
        titles.set(t.id, t.title);
        wanted.delete(t.id);
      }
  }
  return (id) => titles.get(id) ?? id;
}

/**
 * How many people and months a run's cards (or one team's) are, when the run holds several months:
 * a count of cards is then of person-months, one person having a card a month.
 */
function peopleAndMonths(cards: readonly Scorecard[]): Map<string | undefined, { people: number; months: number }> {
  const seen = new Map<string | undefined, { ids: Set<string>; periods: Set<string> }>();
  const at = (key: string | undefined) => {
    let x = seen.get(key);
    if (!x) seen.set(key, (x = { ids: new Set(), periods: new Set() }));
    return x;
  };
  for (const c of cards)
    for (const x of [at(undefined), at(c.team)]) {
      x.ids.add(c.employee_id);
      x.periods.add(c.period);
    }
  const out = new Map<string | undefined, { people: number; months: number }>();
  for (const [key, x] of seen) out.set(key, { people: x.ids.size, months: x.periods.size });
  return out;
}

/**
 * A count of person-months with the people and the months it is made of: 「8 人次（4 人 × 2 个月）」,
 * or 「7 人次（4 人，2 个月）」 when not everyone has a card every month. `unit` false leaves out the
 * measure word of the count (a table cell under the heading 人次).
 */
function personMonthsText(count: number, pm: { people: number; months: number }, lang: Lang, unit = true): string {
  const full = pm.people * pm.months === count;
  if (lang === 'zh') return `${count}${unit ? ' 人次' : ''}（${pm.people} 人${full ? ' × ' : '，'}${pm.months} 个月）`;
  return `${count}${unit ? ` person-month${count === 1 ? '' : 's'}` : ''} (${pm.people} ${pm.people === 1 ? 'person' : 'people'}${full ? ' × ' : ', '}${pm.months} months)`;
}

export function summaryLines(r: RunResult, lang: Lang): string[] {
  const s = r.summary;
  // a file of several months: the counts are of person-months, and say so
  const months = severalMonths(r);
  const pm = months ? peopleAndMonths(r.scorecards).get(undefined) : undefined;
  const grades = Object.entries(s.by_grade)
    .map(([g, n]) => `${g} ${n}`)
    .join(' · ');
  // forced distribution: the calibrated grades; someone whose pay is held is not ranked, and said apart
  const byCalibrated = s.by_calibrated_grade;
  const calibrated = byCalibrated
    ? Object.entries(byCalibrated)
        .map(([g, n]) => `${g} ${n}`)
        .join(' · ')
    : undefined;
  let unranked = s.employees;
  for (const n of Object.values(byCalibrated ?? {})) unranked -= n;
  const triggers = Object.entries(s.triggers).filter(([, n]) => n > 0);
  const triggerTitle = triggerTitles(
    r,
    triggers.map(([id]) => id),
  );
  if (lang === 'en') {
    return [
      `employees: ${pm ? personMonthsText(s.employees, pm, lang) : s.employees}${s.excluded ? ` (excluded: ${s.excluded}, see below)` : ''}`,
      `grades: ${grades}`,
      ...(calibrated === undefined
        ? []
        : [
            `calibrated grades (forced distribution): ${calibrated}${unranked ? ` (${unranked} held, not ranked)` : ''}`,
          ]),
      `payout total: ${formatFen(s.payout_total_fen)} (payable ${formatFen(s.payable_total_fen)}, held ${formatFen(s.held_total_fen)} for ${s.holds} ${months ? 'person-month(s)' : 'employee(s)'})`,
      `triggers: ${triggers.length ? triggers.map(([id, n]) => `${triggerTitle(id)} ${n}`).join(' · ') : 'none'}`,
      ...poolLines(r, lang),
      ...budgetLines(r, lang),
    ];
  }
  return [
    `员工：${pm ? personMonthsText(s.employees, pm, lang) : `${s.employees} 人`}${s.excluded ? `（另有 ${s.excluded} 条记录因数据问题被排除，见下）` : ''}`,
    `等级分布：${grades}`,
    ...(calibrated === undefined
      ? []
      : [
          `校准后等级分布（强制分布）：${calibrated}${unranked ? `（另有 ${unranked} ${months ? '人次' : '人'}暂扣，不参与排名）` : ''}`,
        ]),
    `应发合计：${formatFen(s.payout_total_fen)}（可发 ${formatFen(s.payable_total_fen)}，暂扣 ${formatFen(s.held_total_fen)}，${s.holds} ${months ? '人次' : '人'}）`,
    `触发：${triggers.length ? triggers.map(([id, n]) => `${triggerTitle(id)} ${n} ${months ? '人次' : '人'}`).join(' · ') : '无'}`,
    ...poolLines(r, lang),
    ...budgetLines(r, lang),
  ];
}

/** The team table: each team's count (person-months with the people and months, when the run holds several) and payout. */
function teamLines(r: RunResult, lang: Lang, months: boolean): string[][] {
  const pm = months ? peopleAndMonths(r.scorecards) : undefined;
  return Object.entries(r.summary.by_team).map(([team, t]) => {
    const of = pm?.get(team);
    return [
      team,
      of ? personMonthsText(t.employees, of, lang, false) : String(t.employees),
      formatFen(t.payout_total_fen),
    ];
  });
}

/** The team table's heading: 人数, or 人次 when a count is of person-months. */
function teamHead(lang: Lang, months: boolean): string[] {
  if (lang === 'zh') return ['团队', months ? '人次' : '人数', '应发'];
  return ['team', months ? 'person-months' : 'employees', 'payout'];
}

/** The terminal table as text (`formatTableBytes` decoded). */
export function formatTable(r: RunResult, lang: Lang): string {
  return formatTableBytes(r, lang).toString('utf8');
}

/**
 * The terminal table as the UTF-8 bytes `run` prints: the title, the month's rows, the teams, the
 * summary and the excluded records. The rows are encoded as they are laid out (a month of 100,000
 * never stands as one string: text-table.ts `alignedBytes`).
 */
export function formatTableBytes(r: RunResult, lang: Lang): Buffer {
  const title = cellText(`${r.policy.title} v${r.policy.version} · ${r.period}`);
  const months = severalMonths(r);
  const calibrated = calibrates(r);
  const cells = new TableCells(tableHead(lang, months, calibrated), r.scorecards.length);
  const add = (cell: string) => cells.add(cell);
  for (const c of r.scorecards) eachCell(c, lang, months, calibrated, add);

  const teams = alignTable(teamHead(lang, months), teamLines(r, lang, months), new Set([1, 2]));
  const excluded = r.excluded.map(
    (x) =>
      `  ${cellText(`${x.employee_id ?? '?'} ${x.name ?? ''} (${x.file ?? ''}${x.row ? `:${x.row}` : ''}): ${x.reasons.map((d) => localise(d, lang).message).join(lang === 'zh' ? '；' : '; ')}`)}`,
  );
  // the title, a blank line, the rows; then a blank line and what follows, a line each
  const after = [
    '',
    '',
    teams,
    '',
    // a team's or a pool's name as the data and the policy write it: terminal-safe, as the table's cells
    ...summaryLines(r, lang).map(cellText),
    ...(excluded.length ? ['', lang === 'zh' ? '排除的记录：' : 'excluded records:', ...excluded] : []),
  ];
  return cells.alignedBytes(rightColumns(months, calibrated), `${title}\n\n`, `${after.join('\n')}\n`);
}

/** A line of the product's own text (it may hold code spans) and a cell of data or policy text. */
const mdLine = markdownText;
const mdCell = markdownWords;

export function formatMarkdown(r: RunResult, lang: Lang): string {
  const months = severalMonths(r);
  const calibrated = calibrates(r);
  const head = tableHead(lang, months, calibrated);
  // score and payout right-aligned: one column further when the month (or the calibrated grade) stands before them
  const right = rightColumns(months, calibrated);
  const lines = [
    `## ${mdCell(r.policy.title)} v${r.policy.version} · ${r.period}`,
    '',
    ...summaryLines(r, lang).map((l) => `- ${mdLine(l)}`),
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (right.has(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...r.scorecards.map((c) => `| ${row(c, lang, months, calibrated).map(mdCell).join(' | ')} |`),
  ];
  if (r.excluded.length) {
    lines.push('', lang === 'zh' ? '### 排除的记录' : '### Excluded records', '');
    for (const x of r.excluded)
      lines.push(
        `- ${mdCell(`${x.employee_id ?? '?'} ${x.name ?? ''}`)} ${mdLine(`(${lang === 'zh' ? `第 ${x.row ?? '?'} 行` : `row ${x.row ?? '?'}`}): ${x.reasons.map((d) => localise(d, lang).message).join(lang === 'zh' ? '；' : '; ')}`)}`,
      );
  }
  return lines.join('\n') + '\n';
}

/** A cell Excel will not run as a formula: text starting with = + - @ (or a tab/CR) gets a leading `'`. */
export function neutralise(cell: string): string {
  const c = cell.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${cell}` : cell;
}

function csvCell(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : neutralise(value);
  // what needs quotes, found without a regular expression (once per cell of every line)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/**
 * The columns of the CSV and the workbook: the pool share last with bonus pools, the month after the
 * name with several months, the calibrated grade after the grade with forced distribution.
 */
export function resultColumns(lang: Lang, pools = false, months = false, calibrated = false): string[] {
  const zh = lang === 'zh';
  const base = zh
    ? ['工号', '姓名', '团队', '岗位', '阶段', '基础得分', '得分', '等级', '档位', '应发', '状态', '暂扣原因', '触发']
    : [
        'employee_id',
        'name',
        'team',
        'role',
        'stage',
        'base_score',
        'score',
        'grade',
        'tier',
        'payout',
        'status',
        'holds',
        'triggers',
      ];
  const withCalibrated = calibrated
    ? [...base.slice(0, 8), zh ? '校准等级' : 'calibrated_grade', ...base.slice(8)]
    : base;
  // a policy with bonus pools: the pool shares in a column of their own (they are in 应发 too)
  const withPools = pools ? [...withCalibrated, zh ? '奖金池份额' : 'pool_share'] : withCalibrated;
  // a run over a file of several months: each row's month after the name (one person has a row a month)
  return withMonth(withPools, months ? MONTH_HEAD[lang] : undefined);
}

/** The CSV's first line: a BOM so Excel on Chinese Windows reads UTF-8, then the column names. */
export function csvHead(lang: Lang, pools = false, months = false, calibrated = false): string {
  return '\uFEFF' + resultColumns(lang, pools, months, calibrated).map(csvCell).join(',') + '\r\n';
}

/**
 * A score as `String` writes it, remembered for the next lines: a month's scores take a few
 * thousand values, and writing a fractional number is the costliest part of a line.
 */
const numberTexts = new Map<number, string>();
function numberText(n: number): string {
  let text = numberTexts.get(n);
  if (text === undefined) {
    text = String(n);
    if (numberTexts.size < 65_536) numberTexts.set(n, text);
  }
  return text;
}

/**
 * `fenToYuan(fen).toFixed(2)` for a whole number of fen from 0 to 10^12, written from the integer:
 * fen ÷ 100 is within far less than half a fen of the decimal, so toFixed writes those digits. A
 * CSV cell as is: digits and a point need no quotes.
 */
export function yuanText(fen: number): string {
  if (!(Number.isInteger(fen) && fen >= 0 && fen <= 1e12)) return csvCell(fenToYuan(fen).toFixed(2));
  const cents = fen % 100;
  return `${(fen - cents) / 100}${cents < 10 ? '.0' : '.'}${cents}`;
}

/** One employee's CSV line, with its line break (built as one string: it runs once per employee). */
export function csvLine(c: Scorecard, lang: Lang, pools = false, months = false, calibrated = false): string {
  const tier = c.payout.tier;
  const status = c.payout.status === 'held' ? (lang === 'zh' ? '暂扣' : 'held') : lang === 'zh' ? '可发' : 'payable';
  let holds = '';
  for (const h of c.holds) holds += (holds ? '; ' : '') + h.title;
  let triggers = '';
  for (const t of c.triggers) triggers += (triggers ? '; ' : '') + t.id;
  return (
    csvCell(c.employee_id) +
    ',' +
    csvCell(c.name) +
    ',' +
    (months ? csvCell(c.period) + ',' : '') +
    csvCell(c.team) +
    ',' +
    csvCell(c.role_title) +
    ',' +
    csvCell(c.stage_title) +
    ',' +
    numberText(c.base_score) +
    ',' +
    numberText(c.score) +
    ',' +
    csvCell(c.grade) +
    ',' +
    (calibrated ? csvCell(c.calibration?.calibrated ?? '') + ',' : '') +
    csvCell(tier?.title ?? tier?.id ?? '') +
    ',' +
    yuanText(c.payout.totalFen) +
    ',' +
    csvCell(status) +
    ',' +
    csvCell(holds) +
    ',' +
    csvCell(triggers) +
    (pools ? ',' + csvCell(fenToYuan(poolShareFen(c.payout.lines)).toFixed(2)) : '') +
    '\r\n'
  );
}

/** One row per employee, UTF-8 with BOM so Excel on Chinese Windows opens it correctly. */
export function formatCsv(r: RunResult, lang: Lang): string {
  const pools = r.pools !== undefined;
  const months = severalMonths(r);
  const calibrated = calibrates(r);
  let out = csvHead(lang, pools, months, calibrated);
  for (const c of r.scorecards) out += csvLine(c, lang, pools, months, calibrated);
  return out;
}
