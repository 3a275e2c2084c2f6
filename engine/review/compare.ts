// What a policy change does to people: two runs of the same data (saved policy vs edited policy)
// compared employee by employee, in fen. The editor's "before you save" view and `yardstick diff`
// both use this. Money is compared only for people both versions score: someone one version
// cannot score is listed apart (`unscorable`) with the reasons, never counted as a pay change.

import type { Diagnostic } from '../model/diagnostic.js';
import type { RunResult, Scorecard } from '../model/scorecard.js';

export interface Outcome {
  score: number;
  grade: string;
  tier?: string;
  total: number;
  status: 'payable' | 'held';
  holds: string[];
  triggers: string[];
}

export type ChangeKind = 'grade' | 'pay' | 'tier' | 'holds' | 'triggers';

export interface EmployeeChange {
  employee_id: string;
  name: string;
  team: string;
  role_title: string;
  before: Outcome;
  after: Outcome;
  /** after − before, yuan. */
  delta: number;
  kinds: ChangeKind[];
}

/** Someone scored by one version and not by the other: listed apart, never as a pay change. */
export interface UnscorableChange {
  employee_id: string;
  name: string;
  team?: string;
  role_title?: string;
  /** `unscorable`: the old version scored them, the new one cannot; `scorable`: the reverse. */
  became: 'unscorable' | 'scorable';
  /** The outcome on the side that scored them (not part of the totals). */
  before?: Outcome;
  after?: Outcome;
  /** Why the other side could not score them (the data diagnostics: code, row, column, raw value). */
  reasons: Diagnostic[];
}

export interface RunComparison {
  /** People both versions score: the totals, grades, teams and `changes` cover exactly these. */
  employees: number;
  changes: EmployeeChange[];
  /** People only one version scores, with the reasons; outside every total. */
  unscorable: UnscorableChange[];
  total_before: number;
  total_after: number;
  delta: number;
  by_grade_before: Record<string, number>;
  by_grade_after: Record<string, number>;
  /** Payout per team of the people both versions score, yuan, teams in the order the data lists them. */
  by_team: { team: string; before: number; after: number }[];
}

const fen = (yuan: number) => Math.round(yuan * 100);

function outcome(c: Scorecard): Outcome {
  return {
    score: c.score,
    grade: c.grade,
    ...(c.payout.tier ? { tier: c.payout.tier.id } : {}),
    total: c.payout.total,
    status: c.payout.status,
    holds: c.holds.map((h) => h.id),
    triggers: c.triggers.map((t) => t.id),
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function compareRuns(before: RunResult, after: RunResult): RunComparison {
  const old = new Map(before.scorecards.map((c) => [c.employee_id, c]));
  const now = new Map(after.scorecards.map((c) => [c.employee_id, c]));
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  const changes: EmployeeChange[] = [];
  const unscorable: UnscorableChange[] = [];
  const excludedBefore = excludedById(before);
  const excludedAfter = excludedById(after);
  let totalBefore = 0;
  let totalAfter = 0;
  let employees = 0;
  const gradesBefore = new Map(Object.keys(before.summary.by_grade).map((g) => [g, 0]));
  const gradesAfter = new Map(Object.keys(after.summary.by_grade).map((g) => [g, 0]));
  const teams = new Map<string, { before: number; after: number }>();
  for (const id of ids) {
    const b = old.get(id);
    const a = now.get(id);
    if (!b || !a) {
      // scored on one side only: the reasons are the other side's, and no money moves
      const who = (a ?? b)!;
      unscorable.push({
        employee_id: id,
        name: who.name,
        team: who.team,
        role_title: who.role_title,
        became: a ? 'scorable' : 'unscorable',
        ...(b ? { before: outcome(b) } : {}),
        ...(a ? { after: outcome(a) } : {}),
        reasons: (a ? excludedBefore : excludedAfter).get(id) ?? [],
      });
      continue;
    }
    employees++;
    totalBefore += fen(b.payout.total);
    totalAfter += fen(a.payout.total);
    gradesBefore.set(b.grade, (gradesBefore.get(b.grade) ?? 0) + 1);
    gradesAfter.set(a.grade, (gradesAfter.get(a.grade) ?? 0) + 1);
    const team = teams.get(b.team) ?? { before: 0, after: 0 };
    team.before += fen(b.payout.total);
    team.after += fen(a.payout.total);
    teams.set(b.team, team);
    const kinds: ChangeKind[] = [];
    if (b.grade !== a.grade) kinds.push('grade');
    if (fen(b.payout.total) !== fen(a.payout.total)) kinds.push('pay');
    if (b.payout.tier?.id !== a.payout.tier?.id) kinds.push('tier');
    if (!same(b.holds.map((h) => h.id), a.holds.map((h) => h.id))) kinds.push('holds');
    if (!same(b.triggers.map((t) => t.id), a.triggers.map((t) => t.id))) kinds.push('triggers');
    if (!kinds.length) continue;
    changes.push({
      employee_id: id,
      name: a.name,
      team: a.team,
      role_title: a.role_title,
      before: outcome(b),
      after: outcome(a),
      delta: (fen(a.payout.total) - fen(b.payout.total)) / 100,
      kinds,
    });
  }
  // biggest movers first, then by id for a stable order
  changes.sort((x, y) => Math.abs(fen(y.delta)) - Math.abs(fen(x.delta)) || x.employee_id.localeCompare(y.employee_id));
  // the people a change can no longer score first, then in the order the data lists them
  unscorable.sort((x, y) => (x.became === y.became ? 0 : x.became === 'unscorable' ? -1 : 1));
  return {
    employees,
    changes,
    unscorable,
    total_before: totalBefore / 100,
    total_after: totalAfter / 100,
    delta: (totalAfter - totalBefore) / 100,
    by_grade_before: Object.fromEntries(gradesBefore),
    by_grade_after: Object.fromEntries(gradesAfter),
    by_team: [...teams].map(([team, t]) => ({ team, before: t.before / 100, after: t.after / 100 })),
  };
}

/** Each excluded record's reasons by employee id (a record without an id cannot be matched). */
function excludedById(run: RunResult): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const x of run.excluded) if (x.employee_id !== undefined) out.set(x.employee_id, [...(out.get(x.employee_id) ?? []), ...x.reasons]);
  return out;
}
