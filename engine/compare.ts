// What a policy change does to people: two runs of the same data (saved policy vs edited policy)
// compared employee by employee, in fen. The editor's "before you save" view uses this, and so
// will the review diff.

import type { RunResult, Scorecard } from './scorecard.js';

export interface Outcome {
  score: number;
  grade: string;
  tier?: string;
  total: number;
  status: 'payable' | 'held';
  holds: string[];
  triggers: string[];
}

export type ChangeKind = 'grade' | 'pay' | 'tier' | 'holds' | 'triggers' | 'added' | 'removed';

export interface EmployeeChange {
  employee_id: string;
  name: string;
  team: string;
  role_title: string;
  before?: Outcome;
  after?: Outcome;
  /** after − before, yuan (a missing side counts as 0). */
  delta: number;
  kinds: ChangeKind[];
}

export interface RunComparison {
  employees: number;
  changes: EmployeeChange[];
  total_before: number;
  total_after: number;
  delta: number;
  by_grade_before: Record<string, number>;
  by_grade_after: Record<string, number>;
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
  for (const id of ids) {
    const b = old.get(id);
    const a = now.get(id);
    const kinds: ChangeKind[] = [];
    if (!b) kinds.push('added');
    else if (!a) kinds.push('removed');
    else {
      if (b.grade !== a.grade) kinds.push('grade');
      if (fen(b.payout.total) !== fen(a.payout.total)) kinds.push('pay');
      if (b.payout.tier?.id !== a.payout.tier?.id) kinds.push('tier');
      if (!same(b.holds.map((h) => h.id), a.holds.map((h) => h.id))) kinds.push('holds');
      if (!same(b.triggers.map((t) => t.id), a.triggers.map((t) => t.id))) kinds.push('triggers');
    }
    if (!kinds.length) continue;
    const who = (a ?? b)!;
    changes.push({
      employee_id: id,
      name: who.name,
      team: who.team,
      role_title: who.role_title,
      ...(b ? { before: outcome(b) } : {}),
      ...(a ? { after: outcome(a) } : {}),
      delta: (fen(a?.payout.total ?? 0) - fen(b?.payout.total ?? 0)) / 100,
      kinds,
    });
  }
  // biggest movers first, then by id for a stable order
  changes.sort((x, y) => Math.abs(fen(y.delta)) - Math.abs(fen(x.delta)) || x.employee_id.localeCompare(y.employee_id));
  const totalBefore = before.scorecards.reduce((s, c) => s + fen(c.payout.total), 0);
  const totalAfter = after.scorecards.reduce((s, c) => s + fen(c.payout.total), 0);
  return {
    employees: ids.length,
    changes,
    total_before: totalBefore / 100,
    total_after: totalAfter / 100,
    delta: (totalAfter - totalBefore) / 100,
    by_grade_before: before.summary.by_grade,
    by_grade_after: after.summary.by_grade,
  };
}
