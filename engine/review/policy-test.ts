// Policy tests (`*.test.yaml` beside a policy): named records with the expected score, grade,
// payout, holds and triggers, and the parts of the policy no case exercises. Pure: the CLI reads
// the files and resolves sample rows into records.

import type { CompiledIndicator, CompiledPolicy } from '../language/compile.js';
import { evaluateRecord } from '../evaluation/evaluate.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmployeeRecord } from '../model/record.js';
import type { Scorecard } from '../model/scorecard.js';
import { fenToYuan } from '../model/money.js';

export interface TestExpectation {
  score?: number;
  grade?: string;
  tier?: string | null;
  payout?: number;
  status?: 'payable' | 'held';
  holds?: string[];
  triggers?: string[];
}

export interface TestCase {
  name: string;
  record: EmployeeRecord;
  /** Grades of earlier periods, most recent first. */
  history?: string[];
  expect: TestExpectation;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  /** One line per expectation that did not hold: field, expected, actual. */
  failures: { field: string; expected: unknown; actual: unknown }[];
  error?: string;
  /** The problems `error` says in English, for a report in another language. */
  reasons?: Diagnostic[];
}

export interface Coverage {
  indicators: string[];
  rules: string[];
  grades: string[];
  tiers: string[];
}

export interface TestReport {
  cases: CaseResult[];
  passed: number;
  failed: number;
  /** What no case exercised. */
  uncovered: Coverage;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function check(card: Scorecard, e: TestExpectation): CaseResult['failures'] {
  const f: CaseResult['failures'] = [];
  const eq = (field: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual))
      f.push({ field, expected, actual });
  };
  eq('score', e.score, card.score);
  eq('grade', e.grade, card.grade);
  if (e.tier !== undefined) eq('tier', e.tier, card.payout.tier?.id ?? null);
  eq('payout', e.payout, fenToYuan(card.payout.totalFen));
  eq('status', e.status, card.payout.status);
  if (
    e.holds &&
    !sameList(
      e.holds,
      card.holds.map((h) => h.id),
    )
  )
    f.push({ field: 'holds', expected: e.holds, actual: card.holds.map((h) => h.id) });
  if (
    e.triggers &&
    !sameList(
      e.triggers,
      card.triggers.map((t) => t.id),
    )
  )
    f.push({ field: 'triggers', expected: e.triggers, actual: card.triggers.map((t) => t.id) });
  return f;
}

function leafPaths(role: string, nodes: CompiledIndicator[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children) leafPaths(role, n.children, out);
    else out.push(`${role}.${n.path}`);
  }
  return out;
}

export async function runPolicyTests(policy: CompiledPolicy, cases: TestCase[]): Promise<TestReport> {
  const seen = {
    indicators: new Set<string>(),
    rules: new Set<string>(),
    grades: new Set<string>(),
    tiers: new Set<string>(),
  };
  const results: CaseResult[] = [];
  for (const c of cases) {
    const history = c.history ?? [];
    const e = await evaluateRecord(policy, c.record, {
      history: { grades: (id) => (id === c.record.employee_id ? history : []) },
    });
    if (!e.ok) {
      results.push({
        name: c.name,
        ok: false,
        failures: [],
        error: e.reasons.map((r) => r.message).join('; '),
        reasons: e.reasons,
      });
      continue;
    }
    const card = e.scorecard;
    const scored = policy.roles[card.role]?.byStage[card.stage];
    // a scorecard's role and stage come from the policy that scored it
    if (!scored)
      throw new Error(
        `internal: scorecard of role \`${card.role}\`, stage \`${card.stage}\` that the policy does not have`,
      );
    for (const p of leafPaths(
      card.role,
      scored.filter((n) => n.weight > 0),
    ))
      seen.indicators.add(p);
    for (const a of card.adjustments) seen.rules.add(`adjustments.${a.id}`);
    for (const h of card.holds) seen.rules.add(`holds.${h.id}`);
    for (const t of card.triggers) seen.rules.add(`triggers.${t.id}`);
    seen.grades.add(card.grade);
    if (card.payout.tier) seen.tiers.add(card.payout.tier.id);
    const failures = check(card, c.expect);
    results.push({ name: c.name, ok: failures.length === 0, failures });
  }
  const all = {
    indicators: Object.values(policy.roles).flatMap((r) => [
      ...new Set(Object.values(r.byStage).flatMap((nodes) => leafPaths(r.id, nodes))),
    ]),
    rules: [
      ...Object.keys(policy.adjustments).map((k) => `adjustments.${k}`),
      ...Object.keys(policy.holds).map((k) => `holds.${k}`),
      ...Object.keys(policy.triggers).map((k) => `triggers.${k}`),
    ],
    grades: policy.grades.map((g) => g.grade),
    tiers: policy.tiers?.bands.map((b) => b.tier) ?? [],
  };
  return {
    cases: results,
    passed: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    uncovered: {
      indicators: all.indicators.filter((x) => !seen.indicators.has(x)),
      rules: all.rules.filter((x) => !seen.rules.has(x)),
      grades: all.grades.filter((x) => !seen.grades.has(x)),
      tiers: all.tiers.filter((x) => !seen.tiers.has(x)),
    },
  };
}
