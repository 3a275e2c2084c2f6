// What a policy change does to people: two runs of the same data (saved policy vs edited policy)
// compared employee by employee, in integer fen. The editor's "before you save" view and `yardstick diff`
// both use this. Money is compared only for people both versions score: someone one version
// cannot score is listed apart (`unscorable`) with the reasons, never counted as a pay change.
// A data file may hold several months (data_mixed_periods), each person once a month: a scorecard
// is matched by its period and employee id, so October is compared with October.

import type { Diagnostic } from '../model/diagnostic.js';
import type { EmployeeRecord, ExcludedRecord } from '../model/record.js';
import type { RunResult, Scorecard } from '../model/scorecard.js';
import { fenToYuan } from '../model/money.js';

export interface Outcome {
  score: number;
  grade: string;
  tier?: string;
  /** With forced distribution, the grade after calibration (absent for someone held, who is not ranked). */
  calibrated?: string;
  /** Payout total, integer fen. */
  totalFen: number;
  status: 'payable' | 'held';
  holds: string[];
  triggers: string[];
}

/**
 * What moved for a person: `calibrated` is the grade after forced distribution, which a change of
 * the quotas alone moves while grade, pay and tier stay as they were.
 */
export type ChangeKind = 'grade' | 'calibrated' | 'pay' | 'tier' | 'holds' | 'triggers';

export interface EmployeeChange {
  employee_id: string;
  name: string;
  team: string;
  role_title: string;
  /** The month, when the data holds several (each person is compared month by month). */
  period?: string;
  before: Outcome;
  after: Outcome;
  /** after − before, integer fen. */
  deltaFen: number;
  kinds: ChangeKind[];
}

/** Someone scored by one version and not by the other: listed apart, never as a pay change. */
export interface UnscorableChange {
  employee_id: string;
  name: string;
  team?: string;
  role_title?: string;
  /** The month, when the data holds several. */
  period?: string;
  /** `unscorable`: the old version scored them, the new one cannot; `scorable`: the reverse. */
  became: 'unscorable' | 'scorable';
  /** The outcome on the side that scored them (not part of the totals). */
  before?: Outcome;
  after?: Outcome;
  /** Why the other side could not score them (the data diagnostics: code, row, column, raw value). */
  reasons: Diagnostic[];
}

export interface RunComparison {
  /**
   * People both versions score: the totals, grades, teams and `changes` cover exactly these (with
   * several months in the data, a person counts once for each month).
   */
  employees: number;
  changes: EmployeeChange[];
  /** People only one version scores, with the reasons; outside every total. */
  unscorable: UnscorableChange[];
  /** Payout totals and their change, integer fen. */
  total_before_fen: number;
  total_after_fen: number;
  delta_fen: number;
  by_grade_before: Record<string, number>;
  by_grade_after: Record<string, number>;
  /**
   * With forced distribution: the calibrated grades of the people both versions score, held people
   * (not ranked) left out, as `run`'s summary counts them; only for a side that calibrates.
   */
  by_calibrated_grade_before?: Record<string, number>;
  by_calibrated_grade_after?: Record<string, number>;
  /** Payout per team of the people both versions score, integer fen, teams in the order the data lists them. */
  by_team: { team: string; before_fen: number; after_fen: number }[];
}

function outcome(c: Scorecard): Outcome {
  return {
    score: c.score,
    grade: c.grade,
    ...(c.payout.tier ? { tier: c.payout.tier.id } : {}),
    ...(c.calibration ? { calibrated: c.calibration.calibrated } : {}),
    totalFen: c.payout.totalFen,
    status: c.payout.status,
    holds: c.holds.map((h) => h.id),
    triggers: c.triggers.map((t) => t.id),
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a person's change crosses a boundary: their grade, before or after calibration, or their tier. */
export const isCrossing = (c: Pick<EmployeeChange, 'kinds'>): boolean =>
  c.kinds.includes('grade') || c.kinds.includes('calibrated') || c.kinds.includes('tier');

/** A scorecard's key in a comparison: its period and employee id (one card per person and month). */
export const cardKey = (c: Pick<Scorecard, 'period' | 'employee_id'>): string => `${c.period}\u0000${c.employee_id}`;

/**
 * The two runs of one data file compared person by person (a person-month when the file holds
 * several). `records`, the records the runs were read from (either side's), place each card at its
 * row: a person the other side could not score in one month is given that month's row's reasons,
 * not those of every month they were excluded in.
 */
export function compareRuns(
  before: RunResult,
  after: RunResult,
  records: readonly (readonly EmployeeRecord[])[] = [],
): RunComparison {
  const old = new Map(before.scorecards.map((c) => [cardKey(c), c]));
  const now = new Map(after.scorecards.map((c) => [cardKey(c), c]));
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  const periods = new Set([...before.scorecards, ...after.scorecards].map((c) => c.period));
  /** The month of a change, said only when the data holds several. */
  const month = (c: Scorecard) => (periods.size > 1 ? { period: c.period } : {});
  const changes: EmployeeChange[] = [];
  const unscorable: UnscorableChange[] = [];
  const excludedBefore = excludedById(before);
  const excludedAfter = excludedById(after);
  // several months: each person-month's row, to tell one month's exclusion from another's
  const rows = new Map<string, EmployeeRecord['source']>();
  if (periods.size > 1) for (const list of records) for (const r of list) rows.set(cardKey(r), r.source);
  const reasonsOf = (who: Scorecard, excluded: ExcludedRecord[]) => {
    const at = rows.get(cardKey(who));
    const own = at?.row === undefined ? excluded : excluded.filter((x) => x.row === at.row && x.file === at.file);
    return own.flatMap((x) => x.reasons);
  };
  let totalBefore = 0;
  let totalAfter = 0;
  let employees = 0;
  const gradesBefore = new Map(Object.keys(before.summary.by_grade).map((g) => [g, 0]));
  const gradesAfter = new Map(Object.keys(after.summary.by_grade).map((g) => [g, 0]));
  const teams = new Map<string, { before: number; after: number }>();
  // a quota change moves only calibrated grades: counted beside the grades when a side calibrates
  const calibratedBefore = new Map(Object.keys(before.summary.by_calibrated_grade ?? {}).map((g) => [g, 0]));
  const calibratedAfter = new Map(Object.keys(after.summary.by_calibrated_grade ?? {}).map((g) => [g, 0]));
  for (const key of keys) {
    const b = old.get(key);
    const a = now.get(key);
    if (!b || !a) {
      // scored on one side only: the reasons are the other side's, and no money moves
      const who = (a ?? b)!;
      const id = who.employee_id;
      unscorable.push({
        employee_id: id,
        name: who.name,
        team: who.team,
        role_title: who.role_title,
        ...month(who),
        became: a ? 'scorable' : 'unscorable',
        ...(b ? { before: outcome(b) } : {}),
        ...(a ? { after: outcome(a) } : {}),
        reasons: reasonsOf(who, (a ? excludedBefore : excludedAfter).get(id) ?? []),
      });
      continue;
    }
    employees++;
    totalBefore += b.payout.totalFen;
    totalAfter += a.payout.totalFen;
    gradesBefore.set(b.grade, (gradesBefore.get(b.grade) ?? 0) + 1);
    gradesAfter.set(a.grade, (gradesAfter.get(a.grade) ?? 0) + 1);
    const cb = b.calibration?.calibrated;
    const ca = a.calibration?.calibrated;
    if (cb !== undefined) calibratedBefore.set(cb, (calibratedBefore.get(cb) ?? 0) + 1);
    if (ca !== undefined) calibratedAfter.set(ca, (calibratedAfter.get(ca) ?? 0) + 1);
    const team = teams.get(b.team) ?? { before: 0, after: 0 };
    team.before += b.payout.totalFen;
    team.after += a.payout.totalFen;
    teams.set(b.team, team);
    const kinds: ChangeKind[] = [];
    if (b.grade !== a.grade) kinds.push('grade');
    if (cb !== ca) kinds.push('calibrated');
    if (b.payout.totalFen !== a.payout.totalFen) kinds.push('pay');
    if (b.payout.tier?.id !== a.payout.tier?.id) kinds.push('tier');
    if (
      !same(
        b.holds.map((h) => h.id),
        a.holds.map((h) => h.id),
      )
    )
      kinds.push('holds');
    if (
      !same(
        b.triggers.map((t) => t.id),
        a.triggers.map((t) => t.id),
      )
    )
      kinds.push('triggers');
    if (!kinds.length) continue;
    changes.push({
      employee_id: a.employee_id,
      name: a.name,
      team: a.team,
      role_title: a.role_title,
      ...month(a),
      before: outcome(b),
      after: outcome(a),
      deltaFen: a.payout.totalFen - b.payout.totalFen,
      kinds,
    });
  }
  // people who cross a grade (before or after calibration) or tier boundary first, then the biggest
  // movers, then by id (and month) for a stable order
  const crosses = (c: EmployeeChange) => (isCrossing(c) ? 0 : 1);
  changes.sort(
    (x, y) =>
      crosses(x) - crosses(y) ||
      Math.abs(y.deltaFen) - Math.abs(x.deltaFen) ||
      x.employee_id.localeCompare(y.employee_id) ||
      (x.period ?? '').localeCompare(y.period ?? ''),
  );
  // the people a change can no longer score first, then in the order the data lists them
  unscorable.sort((x, y) => (x.became === y.became ? 0 : x.became === 'unscorable' ? -1 : 1));
  return {
    employees,
    changes,
    unscorable,
    total_before_fen: totalBefore,
    total_after_fen: totalAfter,
    delta_fen: totalAfter - totalBefore,
    by_grade_before: Object.fromEntries(gradesBefore),
    by_grade_after: Object.fromEntries(gradesAfter),
    // a side without forced distribution has no calibrated grades: left out, never a row of 0s
    ...(before.summary.by_calibrated_grade ? { by_calibrated_grade_before: Object.fromEntries(calibratedBefore) } : {}),
    ...(after.summary.by_calibrated_grade ? { by_calibrated_grade_after: Object.fromEntries(calibratedAfter) } : {}),
    by_team: [...teams].map(([team, t]) => ({ team, before_fen: t.before, after_fen: t.after })),
  };
}

/** An outcome as `yardstick diff --format json` shows it: the total in yuan. */
export type OutcomeJson = Omit<Outcome, 'totalFen'> & { total: number };

/** A comparison as `yardstick diff --format json` shows it: every amount in yuan, under the names it always had. */
export interface RunComparisonJson
  extends Omit<
    RunComparison,
    'changes' | 'unscorable' | 'total_before_fen' | 'total_after_fen' | 'delta_fen' | 'by_team'
  > {
  changes: (Omit<EmployeeChange, 'before' | 'after' | 'deltaFen'> & {
    before: OutcomeJson;
    after: OutcomeJson;
    delta: number;
  })[];
  unscorable: (Omit<UnscorableChange, 'before' | 'after'> & { before?: OutcomeJson; after?: OutcomeJson })[];
  total_before: number;
  total_after: number;
  delta: number;
  by_team: { team: string; before: number; after: number }[];
}

function outcomeJson({ totalFen, ...o }: Outcome): OutcomeJson {
  // `total` where `totalFen` was: after the tier, before the status
  const { status, holds, triggers, ...head } = o;
  return { ...head, total: fenToYuan(totalFen), status, holds, triggers };
}

export function comparisonToJson(c: RunComparison): RunComparisonJson {
  return {
    employees: c.employees,
    changes: c.changes.map(({ before, after, deltaFen, kinds, ...who }) => ({
      ...who,
      before: outcomeJson(before),
      after: outcomeJson(after),
      delta: fenToYuan(deltaFen),
      kinds,
    })),
    unscorable: c.unscorable.map(({ before, after, reasons, ...who }) => ({
      ...who,
      ...(before ? { before: outcomeJson(before) } : {}),
      ...(after ? { after: outcomeJson(after) } : {}),
      reasons,
    })),
    total_before: fenToYuan(c.total_before_fen),
    total_after: fenToYuan(c.total_after_fen),
    delta: fenToYuan(c.delta_fen),
    by_grade_before: c.by_grade_before,
    by_grade_after: c.by_grade_after,
    ...(c.by_calibrated_grade_before ? { by_calibrated_grade_before: c.by_calibrated_grade_before } : {}),
    ...(c.by_calibrated_grade_after ? { by_calibrated_grade_after: c.by_calibrated_grade_after } : {}),
    by_team: c.by_team.map((t) => ({ team: t.team, before: fenToYuan(t.before_fen), after: fenToYuan(t.after_fen) })),
  };
}

/** Each excluded record's reasons by employee id (a record without an id cannot be matched). */
function excludedById(run: RunResult): Map<string, ExcludedRecord[]> {
  const out = new Map<string, ExcludedRecord[]>();
  for (const x of run.excluded)
    if (x.employee_id !== undefined) out.set(x.employee_id, [...(out.get(x.employee_id) ?? []), x]);
  return out;
}
