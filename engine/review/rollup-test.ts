// A roll-up policy's tests (`*.test.yaml` beside it): each case gives recorded months (written in
// the case, or scored from sample months by the CLI) and the expected result per employee. The
// report has the shape of a month policy's, so `yardstick test` and `check` print both alike.

import type { RollupDoc, RollupMonth, RollupResult } from '../model/rollup.js';
import { evaluateRollup } from '../evaluation/rollup.js';
import type { CaseResult, TestReport } from './policy-test.js';

export interface RollupExpectation {
  score?: number;
  grade?: string;
  calibrated_grade?: string;
  /** Yuan. */
  payout?: number;
  awards?: string[];
  /** Fact values; `null` for a fact without a value. */
  facts?: Record<string, number | null>;
  /** `true`: left out; or the reason (`too_few_months`, `no_score`). */
  excluded?: boolean | 'too_few_months' | 'no_score';
}

export interface RollupTestCase {
  name: string;
  /** `2026`, `2026-H2`, `2026-Q3`, with its calendar months. */
  period: string;
  periodMonths: string[];
  months: RollupMonth[];
  expect: Record<string, RollupExpectation>;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function check(result: RollupResult, expect: Record<string, RollupExpectation>): CaseResult['failures'] {
  const f: CaseResult['failures'] = [];
  const eq = (field: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual) f.push({ field, expected, actual });
  };
  for (const [id, e] of Object.entries(expect)) {
    const card = result.cards.find((c) => c.employee_id === id);
    const out = result.excluded.find((x) => x.employee_id === id);
    if (e.excluded !== undefined && e.excluded !== false) {
      const reason = out?.reason;
      if (!out) f.push({ field: `${id}.excluded`, expected: e.excluded, actual: card ? false : 'not in the months' });
      else if (e.excluded !== true) eq(`${id}.excluded`, e.excluded, reason);
      continue;
    }
    if (!card) {
      f.push({ field: `${id}`, expected: 'rolled up', actual: out ? `excluded: ${out.reason}` : 'not in the months' });
      continue;
    }
    eq(`${id}.score`, e.score, card.score);
    eq(`${id}.grade`, e.grade, card.grade);
    eq(`${id}.calibrated_grade`, e.calibrated_grade, card.calibration?.calibrated ?? card.grade);
    if (e.payout !== undefined) eq(`${id}.payout`, Math.round(e.payout * 100) / 100, card.payoutFen / 100);
    if (e.awards !== undefined) {
      const got = card.awards.map((a) => a.id);
      if (!sameList([...e.awards].sort(), [...got].sort()))
        f.push({ field: `${id}.awards`, expected: e.awards, actual: got });
    }
    for (const [fact, v] of Object.entries(e.facts ?? {})) {
      const got = card.facts.find((x) => x.id === fact);
      eq(`${id}.facts.${fact}`, v, got ? (got.value ?? null) : 'no such fact');
    }
  }
  return f;
}

export function runRollupTests(doc: RollupDoc, cases: readonly RollupTestCase[]): TestReport {
  const grades = new Set<string>();
  const awards = new Set<string>();
  const results: CaseResult[] = cases.map((c) => {
    const result = evaluateRollup(doc, c.period, c.periodMonths, c.months);
    for (const card of result.cards) {
      grades.add(card.grade);
      for (const a of card.awards) awards.add(a.id);
    }
    const failures = check(result, c.expect);
    return { name: c.name, ok: failures.length === 0, failures };
  });
  const passed = results.filter((r) => r.ok).length;
  return {
    cases: results,
    passed,
    failed: results.length - passed,
    uncovered: {
      indicators: [],
      rules: Object.keys(doc.payout?.awards ?? {}).filter((a) => !awards.has(a)),
      grades: doc.grades.map((g) => g.grade).filter((g) => !grades.has(g)),
      tiers: [],
    },
  };
}
