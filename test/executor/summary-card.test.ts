// A summary scorecard (`evaluateRecordSync(…, { summary: true })`, what a streaming CSV run builds)
// is the whole scorecard without its indicator results, condition values and explanation: every
// other field equal, on every employee of the sample month.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateRecordSync,
  loadPolicy,
  readRecords,
  RunTotals,
  type CompiledPolicy,
  type EmployeeRecord,
  type Scorecard,
} from '../../engine/index.js';

let policy: CompiledPolicy;
let records: EmployeeRecord[];
beforeAll(() => {
  const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
  if (!loaded.ok) throw new Error('flagship does not load');
  policy = loaded.policy;
  const file = 'examples/sample-2026-10.csv';
  records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
});

/** The whole card with what a summary leaves out taken out. */
function summarised(c: Scorecard): Scorecard {
  return {
    ...c,
    indicators: [],
    holds: c.holds.map((h) => ({ ...h, conditions: [] })),
    adjustments: c.adjustments.map((a) => ({ ...a, conditions: [] })),
    triggers: c.triggers.map((t) => ({ ...t, conditions: [] })),
    explanation: [],
  };
}

describe('summary scorecards', () => {
  it('equal the whole scorecards but for indicators, condition values and explanation, on every employee', () => {
    let compared = 0;
    let withHolds = 0;
    let withTriggers = 0;
    for (const r of records) {
      const whole = evaluateRecordSync(policy, r, { lang: 'zh' });
      const summary = evaluateRecordSync(policy, r, { lang: 'zh', summary: true });
      expect(summary.ok).toBe(whole.ok);
      if (!whole.ok || !summary.ok) {
        expect(summary).toEqual(whole);
        continue;
      }
      expect(summary.scorecard).toEqual(summarised(whole.scorecard));
      expect(summary.scorecard.indicators).toEqual([]);
      compared++;
      if (whole.scorecard.holds.length) withHolds++;
      if (whole.scorecard.triggers.length) withTriggers++;
    }
    // the sample month's 198 scored employees (two of its 200 rows are excluded), some held, some triggered
    expect(compared).toBe(198);
    expect(withHolds).toBeGreaterThan(0);
    expect(withTriggers).toBeGreaterThan(0);
  });

  it("add up to the dry run's month: 198 people, ¥688,122.22", () => {
    const totals = new RunTotals(policy);
    for (const r of records) {
      const e = evaluateRecordSync(policy, r, { summary: true });
      if (e.ok) totals.add(e.scorecard);
    }
    expect([totals.employees, totals.totalFen]).toEqual([198, 68_812_222]);
  });
});
