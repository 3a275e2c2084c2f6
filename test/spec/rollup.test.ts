// docs/policy-language.md, "Roll-up policies", as a specification: a quarter's average rounded half
// up at 2 decimals, a count of grades, min_months exactly, and a month outside the quarter, run as
// `yardstick test` runs a roll-up policy's cases.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROLLUP_MONTHLY, ROLLUP_QUARTERLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

// ROLLUP_QUARTERLY: quarters of `monthly`, at least 2 months, score = the average score; 优秀 from
// 90; 季度挑战奖 ¥3,000 for two A+ months or more.
const CASES = `cases:
  - name: 均分与次数
    period: 2026-Q3
    months:
      - { employee_id: N1, period: 2026-07, score: 90.005, grade: A+, payout: 900 }
      - { employee_id: N1, period: 2026-08, score: 90, grade: A+, payout: 900 }
      - { employee_id: N1, period: 2026-09, score: 89.99, grade: A, payout: 899.9 }
      - { employee_id: N2, period: 2026-07, score: 100, grade: A+, payout: 1000 }
      - { employee_id: N2, period: 2026-10, score: 100, grade: A+, payout: 1000 }
      - { employee_id: N3, period: 2026-08, score: 89.995, grade: A, payout: 1000 }
      - { employee_id: N3, period: 2026-09, score: 90, grade: A+, payout: 1000 }
    expect:
      # N1: (90.005 + 90 + 89.99) / 3 = 89.99833… → 90.00 (half up, 2 decimals) → 优秀; 2 A+ → ¥3,000
      N1: { score: 90, grade: 优秀, payout: 3000, facts: { a_plus_months: 2 } }
      # N2: October is not in Q3 (July–September): one month, fewer than min_months 2
      N2: { excluded: too_few_months }
      # N3: exactly min_months; (89.995 + 90) / 2 = 89.9975 → 90.00 → 优秀; one A+ → no award
      N3: { score: 90, grade: 优秀, payout: 0, awards: [] }
`;

it('a quarter rolled up by hand passes as a roll-up policy test', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-spec-rollup-'));
  writeFileSync(join(dir, 'monthly.yaml'), ROLLUP_MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), ROLLUP_QUARTERLY);
  writeFileSync(join(dir, 'quarterly.test.yaml'), CASES);
  const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
  expect([r.code, r.stdout.replaceAll(dir, 'DIR')]).toEqual([
    0,
    expect.stringContaining('quarterly.yaml: 1 passed, 0 failed'),
  ]);
});

// a case's `sample:` names the monthly policy its months are scored with: one that does not validate,
// or is not there, fails the roll-up's tests with its problems, as `validate` and `run` say them
it('a case whose sample names a monthly policy that does not validate, or none, fails with its problems', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-spec-rollup-'));
  writeFileSync(join(dir, 'monthly.yaml'), ROLLUP_MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), ROLLUP_QUARTERLY);
  writeFileSync(join(dir, 'broken.yaml'), 'policy: x\n');
  writeFileSync(join(dir, 'm.csv'), '工号\nN1\n');
  for (const [sample, first, second] of [
    [
      'broken.yaml',
      'error: DIR/broken.yaml: the policy has 7 problem(s)',
      'DIR/broken.yaml:1:1: error[schema_missing_key]: `the policy` is missing required key `title`',
    ],
    ['gone.yaml', 'error: cannot read policy `DIR/gone.yaml`: no such file', undefined],
  ]) {
    writeFileSync(
      join(dir, 'quarterly.test.yaml'),
      `cases:\n  - name: 样例\n    period: 2026-Q3\n    sample: { policy: ${sample}, data: [ m.csv ] }\n    expect:\n      N1: { excluded: too_few_months }\n`,
    );
    const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr.replaceAll(dir, 'DIR').split('\n').slice(0, 2)).toEqual([first, second].filter(Boolean));
    expect(r.stdout).toBe('0 passed, 0 failed, 1 policy(ies) whose tests cannot run\n');
  }
});

// the count in "the policy has N problem(s)" is of errors, as `run` and `validate` count them: a
// warning said with them (a grade no score reaches) is not one of the problems
it("a sample's monthly policy with one error and one warning is said to have 1 problem", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-spec-rollup-'));
  const broken = ROLLUP_MONTHLY.replace('  - { grade: A+, min: 90 }', '  - { grade: A+, min: 900 }').replace(
    '  - { grade: C, min: 0 }',
    '  - { grade: A, min: 0 }',
  );
  writeFileSync(join(dir, 'monthly.yaml'), broken);
  writeFileSync(join(dir, 'quarterly.yaml'), ROLLUP_QUARTERLY);
  writeFileSync(join(dir, 'm.csv'), '工号\nN1\n');
  writeFileSync(
    join(dir, 'quarterly.test.yaml'),
    'cases:\n  - name: 样例\n    period: 2026-Q3\n    sample: { policy: monthly.yaml, data: [ m.csv ] }\n    expect:\n      N1: { excluded: too_few_months }\n',
  );
  const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
  expect(r.code).toBe(1);
  expect(r.stderr.replaceAll(dir, 'DIR').split('\n')[0]).toBe('error: DIR/monthly.yaml: the policy has 1 problem(s)');
});
