// A month's dry run: every record evaluated in turn on the policy's reused engines, records that
// cannot be scored excluded with their reasons, and the totals added up in fen.

import type { CompiledPolicy } from './compile.js';
import type { Diagnostic } from './diagnostic.js';
import { evaluateRecord, evaluateRecordSync, type EvaluateOptions } from './evaluate.js';
import type { EmployeeRecord, ExcludedRecord } from './record.js';
import type { RunResult, RunSummary, Scorecard } from './scorecard.js';
import { NO_HISTORY, stackHistory } from './facts.js';
import { calibrate, scaleOf } from './calibrate.js';
import { explainCalibration } from './explain.js';

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
  // the compiled executor needs no promise per record
  const sync = options.executor !== 'reference' && policy.compiled !== undefined;
  for (const period of periods) {
    const history = periods.length > 1 ? stackHistory(byPeriod, options.history ?? NO_HISTORY) : options.history;
    const cards: Scorecard[] = [];
    const each = { ...options, history };
    for (const record of input.records) {
      if (record.period !== period) continue;
      const result = sync ? evaluateRecordSync(policy, record, each) : await evaluateRecord(policy, record, each);
      if (result.ok) cards.push(result.scorecard);
      else excluded.push({ employee_id: record.employee_id, name: record.name, file: record.source?.file, row: record.source?.row, reasons: result.reasons });
      done++;
      if (options.onProgress && (done % every === 0 || done === total)) options.onProgress(done, total);
    }
    calibrateCards(policy, cards, options.lang ?? 'zh');
    byPeriod.push(cards);
    scorecards.push(...cards);
  }
  excluded.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0));

  const warnings = [...(input.warnings ?? [])];

  return {
    policy: { id: policy.doc.policy, version: policy.doc.version, title: policy.doc.title },
    period: periods.join(',') || '',
    scorecards,
    excluded,
    summary: summarise(policy, scorecards, excluded.length),
    warnings,
  };
}

/** Forced distribution needs everyone's score in a period: it runs once they are all scored. */
function calibrateCards(policy: CompiledPolicy, cards: Scorecard[], lang: 'zh' | 'en'): void {
  const calibration = policy.doc.calibration;
  if (!calibration) return;
  const results = calibrate(calibration, policy.grades, cards);
  for (const card of cards) {
    card.calibration = results.get(card.employee_id)!;
    if (card.explanation.length) card.explanation.push(explainCalibration(card.calibration, calibration.within, lang));
  }
}

export function summarise(policy: CompiledPolicy, cards: Scorecard[], excludedCount: number): RunSummary {
  const byGrade: Record<string, number> = {};
  for (const g of policy.grades) byGrade[g.grade] = 0;
  const triggers: Record<string, number> = {};
  for (const id of Object.keys(policy.triggers)) triggers[id] = 0;
  const byTeam: Record<string, { employees: number; fen: number }> = {};
  let totalFen = 0;
  let heldFen = 0;
  let holds = 0;
  for (const c of cards) {
    byGrade[c.grade]++;
    const fen = Math.round(c.payout.total * 100);
    totalFen += fen;
    if (c.payout.status === 'held') {
      heldFen += fen;
      holds++;
    }
    for (const t of c.triggers) triggers[t.id]++;
    const team = (byTeam[c.team] ??= { employees: 0, fen: 0 });
    team.employees++;
    team.fen += fen;
  }
  const calibration = policy.doc.calibration;
  const byCalibrated = calibration ? Object.fromEntries(scaleOf(calibration, policy.grades).map((g) => [g, 0])) : undefined;
  if (byCalibrated) for (const c of cards) if (c.calibration) byCalibrated[c.calibration.calibrated]++;
  return {
    employees: cards.length,
    excluded: excludedCount,
    by_grade: byGrade,
    payout_total: totalFen / 100,
    payable_total: (totalFen - heldFen) / 100,
    held_total: heldFen / 100,
    holds,
    triggers,
    // teams in the order the data lists them
    by_team: Object.fromEntries(Object.entries(byTeam).map(([team, v]) => [team, { employees: v.employees, payout_total: v.fen / 100 }])),
  };
}
