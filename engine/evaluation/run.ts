// A month's dry run: every record evaluated in turn on the policy's reused engines, records that
// cannot be scored excluded with their reasons, and the totals added up in fen.

import type { CompiledPolicy } from '../language/compile.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { MONEY_LIMIT_YUAN } from '../language/numbers.js';
import { formatFen, formatMoney } from '../model/money.js';
import { evaluateRecord, evaluateRecordSync, type EvaluateOptions } from './evaluate.js';
import { excludedRecord, type EmployeeRecord, type ExcludedRecord } from '../model/record.js';
import type { RunResult, RunSummary, Scorecard } from '../model/scorecard.js';
import { NO_HISTORY, stackHistory } from './history.js';
import { calibrate, scaleOf, unmetMinimumWarnings, type UnmetMinimum } from './calibrate.js';
import { explainCalibration, explainScorecard, payoutLabel } from '../explanation/explain.js';
import { applyPools, poolWeightProblem, type PoolAllocation } from './pool.js';
import { applyBudget, type BudgetReport } from './budget.js';

export interface RunInput {
  records: EmployeeRecord[];
  /** Records the data layer already excluded. */
  excluded?: ExcludedRecord[];
  /** Data warnings to carry into the result. */
  warnings?: Diagnostic[];
}

export interface RunOptions extends EvaluateOptions {
  /** Called every `progressEvery` records and at the end. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export async function runPolicy(policy: CompiledPolicy, input: RunInput, options: RunOptions = {}): Promise<RunResult> {
  const scorecards: Scorecard[] = [];
  const excluded: ExcludedRecord[] = [...(input.excluded ?? [])];
  const total = input.records.length;
  const every = options.progressEvery ?? 10_000;
  // several months at once are scored month by month, each seeing the months before it
  const periods = [...new Set(input.records.map((r) => r.period))].sort();
  const byPeriod: Scorecard[][] = [];
  let done = 0;
  const pools: PoolAllocation[] = [];
  const budgetLines: BudgetReport['lines'] = [];
  const moneyWarnings: Diagnostic[] = [];
  const calibrationWarnings: Diagnostic[] = [];
  // the compiled executor needs no promise per record
  const sync = options.executor !== 'reference' && policy.compilable;
  for (const period of periods) {
    const history =
      periods.length > 1 ? stackHistory(byPeriod, options.history ?? NO_HISTORY, period, periods[0]!) : options.history;
    let cards: Scorecard[] = [];
    const each = { ...options, history };
    for (const record of input.records) {
      if (record.period !== period) continue;
      const result = sync ? evaluateRecordSync(policy, record, each) : await evaluateRecord(policy, record, each);
      if (result.ok) cards.push(result.scorecard);
      else excluded.push(excludedRecord(record, result.reasons));
      done++;
      if (options.onProgress && (done % every === 0 || done === total)) options.onProgress(done, total);
    }
    if (policy.doc.pools) leaveOutUnpoolable(policy, cards, input.records, period, excluded);
    let calibrated = calibrateCards(policy, cards, period, options.lang ?? 'zh');
    if (!policy.doc.pools)
      planMoney(policy, cards, input.records, period, options.lang ?? 'zh', pools, budgetLines, moneyWarnings);
    else {
      const paid = poolsWithinLimit(policy, cards, input.records, period, options.lang ?? 'zh', excluded);
      cards = paid.cards;
      // someone a pool share took past the money limit is not ranked: the last calibration is the month's
      if (paid.calibrated) calibrated = paid.calibrated;
      for (const p of paid.pools) pools.push(p);
      for (const l of paid.budgetLines) budgetLines.push(l);
      for (const w of paid.warnings) moneyWarnings.push(w);
    }
    for (const w of calibrated) calibrationWarnings.push(w);
    byPeriod.push(cards);
    for (const c of cards) scorecards.push(c); // not push(...cards): a month of 100,000s overflows the call stack
  }
  excluded.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0));

  const warnings = [
    ...(input.warnings ?? []),
    ...mixedPeriods(input.records, periods),
    ...beforeEffectiveFrom(policy, periods),
    ...calibrationWarnings,
    ...moneyWarnings,
  ];

  return {
    policy: { id: policy.doc.policy, version: policy.doc.version, title: policy.doc.title },
    period: periods.join(',') || '',
    scorecards,
    excluded,
    summary: summarise(policy, scorecards, excluded.length),
    warnings,
    ...(policy.doc.pools ? { pools } : {}),
    ...(policy.doc.budget ? { budget: { fit: policy.doc.budget.fit ?? 'report', lines: budgetLines } } : {}),
  };
}

/**
 * The period's cards whose pool weight cannot be computed (pool.ts, poolWeightProblem) move to the
 * excluded records, before calibration and the pools see them: unscorable, as a record whose payout
 * formula cannot be computed is, never a weight of 0 whose share the others would take.
 */
function leaveOutUnpoolable(
  policy: CompiledPolicy,
  cards: Scorecard[],
  records: readonly EmployeeRecord[],
  period: string,
  excluded: ExcludedRecord[],
): void {
  const byId = new Map<string, EmployeeRecord>();
  for (const r of records) if (r.period === period) byId.set(r.employee_id, r);
  let kept = 0;
  for (const c of cards) {
    const record = byId.get(c.employee_id);
    const problem = poolWeightProblem(policy, c, record);
    if (problem && record) excluded.push(excludedRecord(record, [problem]));
    else cards[kept++] = c;
  }
  cards.length = kept;
}

/** The money limit of one person in fen (docs: "Numbers and money limits"). */
const LIMIT_FEN = Math.round(MONEY_LIMIT_YUAN * 100);

/**
 * The pools and the budget on a period's cards, with the money limit of one person kept: a pool
 * share can take a total past ¥100,000,000 (a fixed pool of ¥200,000,000 for one person), which the
 * record's own evaluation could not see. Such a record is unscorable, as one whose payout formula
 * gives that much is; the pools are then split again among the others, on copies of the cards, so
 * the shares paid are the shares reported and every total the sum of its lines.
 */
function poolsWithinLimit(
  policy: CompiledPolicy,
  scored: Scorecard[],
  records: readonly EmployeeRecord[],
  period: string,
  lang: 'zh' | 'en',
  excluded: ExcludedRecord[],
): {
  cards: Scorecard[];
  pools: PoolAllocation[];
  budgetLines: BudgetReport['lines'];
  warnings: Diagnostic[];
  /** The warnings of calibrating again without someone left out, when that happened. */
  calibrated?: Diagnostic[];
} {
  let round = scored;
  for (;;) {
    const cards = structuredClone(round);
    // someone left out is not ranked: the others are calibrated again without them (the
    // explanations are written again by planMoney, with the new calibration line)
    const calibrated = round !== scored ? calibrateCards(policy, cards, period, lang) : undefined;
    const paid = {
      cards,
      pools: [] as PoolAllocation[],
      budgetLines: [] as BudgetReport['lines'],
      warnings: [] as Diagnostic[],
      ...(calibrated ? { calibrated } : {}),
    };
    planMoney(policy, cards, records, period, lang, paid.pools, paid.budgetLines, paid.warnings);
    const over = new Set(cards.filter((c) => c.payout.totalFen > LIMIT_FEN).map((c) => c.employee_id));
    if (over.size === 0) return paid;
    for (const c of cards) {
      if (!over.has(c.employee_id)) continue;
      const record = records.find((r) => r.period === period && r.employee_id === c.employee_id);
      const problem = diagnostic('eval_money_out_of_range', {
        what: { en: 'the total with pool shares', zh: '含奖金池份额的应发合计' },
        employee: c.employee_id,
        at: '',
        amount: formatFen(c.payout.totalFen),
        limit: formatMoney(MONEY_LIMIT_YUAN),
      });
      if (record) excluded.push(excludedRecord(record, [problem]));
    }
    round = round.filter((c) => !over.has(c.employee_id));
  }
}

/**
 * Bonus pools, then the budget, on one period's scored cards (they need every card of the period,
 * as calibration does): pool shares and budget scaling become payout lines, so totals include them.
 */
function planMoney(
  policy: CompiledPolicy,
  cards: Scorecard[],
  records: readonly EmployeeRecord[],
  period: string,
  lang: 'zh' | 'en',
  pools: PoolAllocation[],
  budgetLines: BudgetReport['lines'],
  warnings: Diagnostic[],
): void {
  if (policy.doc.pools) {
    const byId = new Map<string, EmployeeRecord>();
    for (const r of records) if (r.period === period) byId.set(r.employee_id, r);
    const applied = applyPools(policy, cards, byId);
    for (const p of applied.pools) pools.push({ ...p, period });
    for (const w of applied.warnings) warnings.push(w);
  }
  const budget = applyBudget(policy, cards, { scale: payoutLabel('budget_scale', lang) });
  if (budget) {
    for (const l of budget.report.lines) budgetLines.push({ ...l, period });
    for (const w of budget.warnings) warnings.push(w);
  }
  // the explanations were written before the shares and the scaling: written again, they list those
  // lines and the total the card has (explain and the ledger's reprint show them)
  if (policy.doc.pools || budget)
    for (const c of cards) if (c.explanation.length) c.explanation = explainLater(policy, c, lang);
}

/**
 * A warning when the records hold more than one month: each is scored on its own, but a file that
 * was meant to be one month's export and holds a stray row of another is a common export slip.
 */
function mixedPeriods(records: readonly EmployeeRecord[], periods: readonly string[]): Diagnostic[] {
  if (periods.length < 2) return [];
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  const listed = periods.map((p) => `${p} (${counts.get(p)})`).join(', ');
  // the month the file is meant to be: the one most rows have (a stray row may be of a later month), the latest on a tie
  const month = periods.reduce((best, p) => (counts.get(p)! >= counts.get(best)! ? p : best));
  return [diagnostic('data_mixed_periods', { count: periods.length, periods: listed, month }, { severity: 'warning' })];
}

/**
 * A warning for each period before the policy's `effective_from`: this version does not apply to
 * it (`run --record` refuses such a period). Periods are `YYYY-MM` and compare as text.
 */
export function beforeEffectiveFrom(policy: CompiledPolicy, periods: readonly string[]): Diagnostic[] {
  const from = policy.doc.effective_from;
  if (!from) return [];
  return periods
    .filter((p) => p < from)
    .map((p) =>
      diagnostic(
        'eval_before_effective_from',
        { period: p, from, policy: policy.doc.policy, version: policy.doc.version },
        { severity: 'warning', file: policy.file },
      ),
    );
}

/**
 * The explanation of a scorecard from a run that skipped explanations (`explain: false`): the
 * same lines a full run writes. The editor asks for one employee's when it is opened.
 */
export function explainLater(policy: CompiledPolicy, card: Scorecard, lang: 'zh' | 'en'): string[] {
  const lines = explainScorecard(policy, card, lang);
  const calibration = policy.doc.calibration;
  if (calibration && card.calibration) lines.push(explainCalibration(card.calibration, calibration.within, lang));
  return lines;
}

/**
 * Forced distribution needs everyone's score in a period: it runs once they are all scored. A held
 * person (a hold fired: suspected fake traffic, data that cannot be right) is left out: their score
 * is not final, and ranked among the others it could take a quota place and push a colleague down.
 * They are not ranked, not counted in the cohort's size, and get no calibrated grade.
 */
function calibrateCards(policy: CompiledPolicy, cards: Scorecard[], period: string, lang: 'zh' | 'en'): Diagnostic[] {
  const calibration = policy.doc.calibration;
  if (!calibration) return [];
  const ranked = cards.filter((c) => c.payout.status !== 'held');
  const unmet: UnmetMinimum[] = [];
  const results = calibrate(calibration, policy.grades, ranked, unmet);
  for (const card of ranked) {
    card.calibration = results.get(card.employee_id)!;
    if (card.explanation.length) card.explanation.push(explainCalibration(card.calibration, calibration.within, lang));
  }
  return unmetMinimumWarnings(unmet, calibration.within, period, policy.file, policy.quotaMinSpans);
}

export function summarise(policy: CompiledPolicy, cards: Scorecard[], excludedCount: number): RunSummary {
  const totals = new RunTotals(policy);
  for (const c of cards) totals.add(c);
  return totals.summary(excludedCount);
}

const NOT_A_SMALL_INTEGER = 2 ** 53;

/**
 * A run's totals, added up one scorecard at a time in fen, so that a stream can total a month
 * it never holds in memory. Partial totals (a worker's share) merge in the order they were read.
 */
export class RunTotals {
  // keyed by user text (a team may be called `__proto__` or `toString`): null-prototype tables
  byGrade: Record<string, number> = table();
  triggers: Record<string, number> = table();
  byCalibrated?: Record<string, number>;
  byTeam: Record<string, { employees: number; fen: number }> = table();
  employees = 0;
  // the sums in fen outgrow V8's small integers (2³¹ fen is ¥21,474,836.48) in a month of a few
  // thousand people: a field first given one is widened on the way, which deoptimises `add` and
  // the caller's loop and makes new hidden classes; first given a number that is no small integer
  // (set to 0 in the constructor), the field holds any sum from the start
  totalFen = NOT_A_SMALL_INTEGER;
  heldFen = NOT_A_SMALL_INTEGER;
  holds = 0;
  /**
   * An empty instance, kept for the process's life. V8 keeps the hidden classes an object went
   * through only while some object has them: once a month's totals are garbage, a full collection
   * drops them, and the next `RunTotals` makes new ones, which throws away the optimised code of
   * `add` and of the loop that calls it, compiled again for every month (the editor totals every
   * preview; the benchmark every pass). This one keeps them.
   */
  static readonly keepsTheHiddenClasses: RunTotals = new RunTotals({ grades: [], triggers: {}, doc: {} });
  /** the team `add` counted last, its entry and the table it is in */
  #lastTeamName: string | undefined = undefined;
  #lastTeam: { employees: number; fen: number } | undefined = undefined;
  #lastTeamOf: Record<string, { employees: number; fen: number }> | undefined = undefined;

  constructor(policy: {
    grades: CompiledPolicy['grades'];
    triggers: CompiledPolicy['triggers'];
    doc: Pick<CompiledPolicy['doc'], 'calibration'>;
  }) {
    this.totalFen = 0;
    this.heldFen = 0;
    for (const g of policy.grades) this.byGrade[g.grade] = 0;
    for (const id of Object.keys(policy.triggers)) this.triggers[id] = 0;
    const calibration = policy.doc.calibration;
    if (calibration) {
      this.byCalibrated = table();
      for (const g of scaleOf(calibration, policy.grades)) this.byCalibrated[g] = 0;
    }
  }

  add(c: Scorecard): void {
    this.employees++;
    this.byGrade[c.grade] = (this.byGrade[c.grade] ?? 0) + 1;
    const fen = c.payout.totalFen;
    this.totalFen += fen;
    if (c.payout.status === 'held') {
      this.heldFen += fen;
      this.holds++;
    }
    for (const t of c.triggers) this.triggers[t.id] = (this.triggers[t.id] ?? 0) + 1;
    // a month lists a team's people together: the last team's entry answers without the lookup
    // (a table of thousands of teams, keyed by user text) for all but the first of each team
    let team = this.#lastTeam;
    if (team === undefined || c.team !== this.#lastTeamName || this.#lastTeamOf !== this.byTeam) {
      team = this.byTeam[c.team] ??= { employees: 0, fen: 0 };
      this.#lastTeam = team;
      this.#lastTeamName = c.team;
      this.#lastTeamOf = this.byTeam;
    }
    team.employees++;
    team.fen += fen;
    if (this.byCalibrated && c.calibration)
      this.byCalibrated[c.calibration.calibrated] = (this.byCalibrated[c.calibration.calibrated] ?? 0) + 1;
  }

  /** Adds totals made elsewhere (plain data, e.g. from a worker thread) after this one's. */
  merge(
    other: Pick<
      RunTotals,
      'byGrade' | 'triggers' | 'byCalibrated' | 'byTeam' | 'employees' | 'totalFen' | 'heldFen' | 'holds'
    >,
  ): void {
    const add = (into: Record<string, number>, from: Record<string, number>) => {
      // `from` may be a plain object (cloned from a worker): only its own keys count
      for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
    };
    add(this.byGrade, other.byGrade);
    add(this.triggers, other.triggers);
    if (this.byCalibrated && other.byCalibrated) add(this.byCalibrated, other.byCalibrated);
    for (const [name, t] of Object.entries(other.byTeam)) {
      const team = (this.byTeam[name] ??= { employees: 0, fen: 0 });
      team.employees += t.employees;
      team.fen += t.fen;
    }
    this.employees += other.employees;
    this.totalFen += other.totalFen;
    this.heldFen += other.heldFen;
    this.holds += other.holds;
  }

  summary(excludedCount: number): RunSummary {
    return {
      employees: this.employees,
      excluded: excludedCount,
      by_grade: this.byGrade,
      payout_total_fen: this.totalFen,
      payable_total_fen: this.totalFen - this.heldFen,
      held_total_fen: this.heldFen,
      holds: this.holds,
      triggers: this.triggers,
      ...(this.byCalibrated ? { by_calibrated_grade: this.byCalibrated } : {}),
      // teams in the order the data lists them
      by_team: byTeam(this.byTeam),
    };
  }
}

/** An empty table keyed by user text: no inherited keys, and `__proto__` is an ordinary key. */
export function table<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function byTeam(teams: Record<string, { employees: number; fen: number }>): RunSummary['by_team'] {
  const out = table<{ employees: number; payout_total_fen: number }>();
  for (const [team, t] of Object.entries(teams)) out[team] = { employees: t.employees, payout_total_fen: t.fen };
  return out;
}
