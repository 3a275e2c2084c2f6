// The roll-up preview, without the worker: the history months of the monthly policy a roll-up
// names (`rollup.of`) scored by that policy, all at once so that each month sees the months before
// it as history (as recording them one by one does), turned into the roll-up's input by the
// engine's rollupMonthOf (the step `yardstick rollup` takes for each recorded card) and rolled up
// by evaluateRollup. Nothing here computes a rule: every number comes from engine/.

import {
  evaluateRollup,
  explainRollupExcluded,
  loadPolicy,
  loadRollupPolicy,
  monthsInPeriod,
  readRollupPeriod,
  readTable,
  rollupMonthOf,
  runPolicy,
  toRecords,
  unmetMinimumWarnings,
  type UnmetMinimum,
  type Diagnostic,
  type EmployeeRecord,
  type ExcludedRecord,
  type Lang,
  type RollupDoc,
  type RollupMonth,
  type RollupPeriod,
} from '../../../engine/index.js';

/** One history month file as the server serves it (editor/server/rollup-history.ts). */
export interface HistoryFile {
  /** The month, `YYYY-MM`, as the file's name says. */
  month: string;
  /** Its path under the editor's root, for messages. */
  path: string;
  bytes: Uint8Array;
}

/** One employee's roll-up outcome, as the page shows it. */
export interface RollupPreviewRow {
  employee_id: string;
  name: string;
  team: string;
  /** The months used, `YYYY-MM`, in order. */
  months: string[];
  missing: string[];
  facts: { id: string; title: string; value?: number }[];
  score: number;
  grade: string;
  /** After forced distribution, when the policy has one (not for a person with a month still held). */
  calibrated?: string;
  /** Months of the period still held: the person is left out of forced distribution until they are amended. */
  held?: string[];
  awards: { id: string; title: string; amountFen: number }[];
  payoutFen: number;
}

export interface RollupPreviewResult {
  /** The roll-up period shown (`2026`, `2026-H2`, `2026-Q3`): the one holding the latest history month. */
  period: string;
  periodMonths: string[];
  /** The history months scored (each a file), in order. */
  used: { month: string; path: string }[];
  rows: RollupPreviewRow[];
  /** Who is left out, with the reason in the interface's language (the engine's explainRollupExcluded). */
  excluded: { employee_id: string; name: string; reason: string }[];
  byGrade: Record<string, number>;
  byCalibratedGrade?: Record<string, number>;
  totalFen: number;
  /**
   * The policy's `effective_from` when the period shown starts before it: `yardstick rollup`
   * refuses such a period, so the page says the numbers are for looking only.
   */
  beforeEffectiveFrom?: string;
  /** History rows the monthly policy could not read (left out of their month), and files it could not read. */
  dataProblems: Diagnostic[];
}

export type RollupPreviewed =
  | { ok: true; preview: RollupPreviewResult; diagnostics: Diagnostic[] }
  /** The roll-up policy does not load: its diagnostics (the page keeps the last preview, marked stale). */
  | { ok: false; kind: 'invalid'; diagnostics: Diagnostic[] }
  /** The monthly policy named does not load, or no history month is in a period of this kind. */
  | { ok: false; kind: 'monthly_invalid'; diagnostics: Diagnostic[] }
  | { ok: false; kind: 'no_months'; diagnostics: Diagnostic[] };

/**
 * The roll-up period of `kind` that holds `month` (`YYYY-MM`), read by the engine's
 * readRollupPeriod with the policy's `year_starts`.
 */
export function periodHolding(month: string, kind: RollupDoc['rollup']['period'], yearStarts = 1): RollupPeriod {
  const year = Number(month.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const ids =
      kind === 'year'
        ? [`${y}`]
        : kind === 'half_year'
          ? [`${y}-H1`, `${y}-H2`]
          : [1, 2, 3, 4].map((q) => `${y}-Q${q}`);
    for (const id of ids) {
      const read = readRollupPeriod(id, yearStarts);
      if (read.ok && read.value.months.includes(month)) return read.value;
    }
  }
  throw new Error(`no ${kind} period holds ${month}`);
}

/** The history months scored by a monthly policy: its cards as a roll-up reads them. */
export async function scoreHistory(
  monthlyText: string,
  monthlyFile: string,
  files: readonly HistoryFile[],
): Promise<{ ok: true; months: RollupMonth[]; dataProblems: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const loaded = loadPolicy(monthlyText, monthlyFile);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const records: EmployeeRecord[] = [];
  const excluded: ExcludedRecord[] = [];
  const dataProblems: Diagnostic[] = [];
  for (const f of [...files].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    const table = await readTable(f.bytes, f.path);
    if (!table.ok) {
      dataProblems.push(...table.diagnostics);
      continue;
    }
    const read = toRecords(table.table, loaded.policy.contract, { file: f.path });
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    dataProblems.push(...errors, ...read.excluded.flatMap((x) => x.reasons));
    if (errors.length) continue;
    records.push(...read.records);
    excluded.push(...read.excluded);
  }
  const result = await runPolicy(loaded.policy, { records, excluded }, { explain: false });
  return { ok: true, months: result.scorecards.map((card) => rollupMonthOf(card)), dataProblems };
}

/** The roll-up policy text over months already scored: what the preview shows. */
export function rollupOver(
  rollupText: string,
  monthlyDoc: Parameters<typeof loadRollupPolicy>[2],
  months: readonly RollupMonth[],
  files: readonly { month: string; path: string }[],
  dataProblems: Diagnostic[],
  lang: Lang,
): RollupPreviewed {
  const loaded = loadRollupPolicy(rollupText, 'policy.yaml', monthlyDoc);
  if (!loaded.ok) return { ok: false, kind: 'invalid', diagnostics: loaded.diagnostics };
  const doc = loaded.doc;
  const latest = [...months.map((m) => m.period)].sort().pop();
  if (latest === undefined) return { ok: false, kind: 'no_months', diagnostics: loaded.diagnostics };
  const period = periodHolding(latest, doc.rollup.period, doc.rollup.year_starts);
  const unmet: UnmetMinimum[] = [];
  const result = evaluateRollup(doc, period.period, period.months, months, unmet);
  // a calibration minimum a team could not be given joins the problems, at the quota's `min`
  const within = doc.calibration?.within ?? 'all';
  const warnings = unmetMinimumWarnings(unmet, within, period.period, 'policy.yaml', loaded.quotaMinSpans);
  const from = doc.effective_from ? readRollupPeriod(doc.effective_from, doc.rollup.year_starts) : undefined;
  const before = from?.ok && period.months[0]! < from.value.months[0]! ? doc.effective_from : undefined;
  const titleOf = (id: string, title?: string) => title ?? (id === 'months' ? (lang === 'zh' ? '月数' : 'months') : id);
  return {
    ok: true,
    diagnostics: [...loaded.diagnostics, ...warnings],
    preview: {
      period: result.period,
      periodMonths: result.months,
      used: files.filter((f) => period.months.includes(f.month)).map((f) => ({ month: f.month, path: f.path })),
      rows: result.cards.map((c) => ({
        employee_id: c.employee_id,
        name: c.name,
        team: c.team,
        months: c.months.map((m) => m.period),
        missing: c.missing,
        facts: c.facts.map((f) => ({
          id: f.id,
          title: titleOf(f.id, f.title),
          ...(f.value !== undefined ? { value: f.value } : {}),
        })),
        score: c.score,
        grade: c.grade,
        ...(c.calibration ? { calibrated: c.calibration.calibrated } : {}),
        ...(c.held_months ? { held: c.held_months } : {}),
        awards: c.awards.map((a) => ({ id: a.id, title: a.title, amountFen: a.amountFen })),
        payoutFen: c.payoutFen,
      })),
      excluded: result.excluded.map((x) => ({
        employee_id: x.employee_id,
        name: x.name,
        reason: explainRollupExcluded(x, doc.rollup.min_months, monthsInPeriod(doc.rollup.period), lang),
      })),
      byGrade: result.by_grade,
      ...(result.by_calibrated_grade ? { byCalibratedGrade: result.by_calibrated_grade } : {}),
      totalFen: result.payout_total_fen,
      ...(before ? { beforeEffectiveFrom: before } : {}),
      dataProblems,
    },
  };
}

/**
 * The worker's side: the history scored once per monthly policy text and set of files (`key`),
 * each edit of the roll-up only rolled up again.
 */
export class RollupPreviewSession {
  private scored:
    | {
        key: string;
        months: RollupMonth[];
        monthlyDoc: Parameters<typeof loadRollupPolicy>[2];
        dataProblems: Diagnostic[];
      }
    | { key: string; diagnostics: Diagnostic[] }
    | undefined;

  async preview(
    rollupText: string,
    monthly: { text: string; file: string },
    history: { key: string; files: HistoryFile[] },
    lang: Lang,
  ): Promise<RollupPreviewed> {
    const key = `${monthly.file}\n${monthly.text}\n${history.key}`;
    if (this.scored?.key !== key) {
      const scored = await scoreHistory(monthly.text, monthly.file, history.files);
      const loaded = loadPolicy(monthly.text, monthly.file);
      this.scored = scored.ok
        ? {
            key,
            months: scored.months,
            monthlyDoc: loaded.ok ? loaded.policy.doc : undefined,
            dataProblems: scored.dataProblems,
          }
        : { key, diagnostics: scored.diagnostics };
    }
    const s = this.scored;
    if ('diagnostics' in s) {
      // the roll-up's own problems first: a broken roll-up says so whatever its monthly policy
      const own = loadRollupPolicy(rollupText, 'policy.yaml');
      if (!own.ok) return { ok: false, kind: 'invalid', diagnostics: own.diagnostics };
      return { ok: false, kind: 'monthly_invalid', diagnostics: s.diagnostics };
    }
    return rollupOver(rollupText, s.monthlyDoc, s.months, history.files, s.dataProblems, lang);
  }
}
