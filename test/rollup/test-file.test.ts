// A roll-up policy's test file is read as strictly as a month policy's (docs/policy-language.md,
// "Testing a roll-up policy"): a value that could mean something other than what is written is
// refused at its line and column, and that case fails in its place while the others run.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY, ROLLUP_QUARTERLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

// ROLLUP_QUARTERLY: quarters of `monthly` (grades A+, A, C), at least 2 months, score = the average
// score; 优秀 from 90, else 合格; the award `challenge` ¥3,000 for two A+ months or more.
// N1: (90 + 90) / 2 = 90 → 优秀; two A+ months → ¥3,000.
const CASE = `cases:
  - name: 坏
    period: 2026-Q3
    months:
      - { employee_id: N1, period: 2026-07, score: 90, grade: A+, payout: 900 }
      - { employee_id: N1, period: 2026-08, score: 90, grade: A+, payout: 900 }
    expect:
      N1: { score: 90, grade: 优秀, payout: 3000 }
`;
// the columns of line 5's values: `      - { ` is 10 characters
const MONTH = '      - { employee_id: N1, period: 2026-07, score: 90, grade: A+, payout: 900 }';

async function testsOf(cases: string, quarterly = ROLLUP_QUARTERLY) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-tests-'));
  writeFileSync(join(dir, 'monthly.yaml'), ROLLUP_MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), quarterly);
  writeFileSync(join(dir, 'quarterly.test.yaml'), cases);
  const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
  return { code: r.code, lines: r.stdout.replaceAll(`${dir}/`, '').split('\n') };
}

/** The one line saying why case `坏` cannot be read, after the test file's name. */
async function refusal(cases: string, quarterly?: string) {
  const r = await testsOf(cases, quarterly);
  expect(r.code).toBe(1);
  expect(r.lines.slice(0, 2)).toEqual(['quarterly.yaml: 0 passed, 1 failed', '  ✗ 坏']);
  return r.lines[2]!.replace('      cannot read the case: quarterly.test.yaml:', '');
}

describe('a roll-up test case', () => {
  it('written correctly passes (the baseline every refusal below changes one thing of)', async () => {
    expect(MONTH.indexOf('score: 90') + 1).toBe(45);
    const r = await testsOf(CASE);
    expect([r.code, r.lines[0]]).toEqual([0, 'quarterly.yaml: 1 passed, 0 failed']);
  });

  it('refuses a month whose score is text, or missing (it was read as NaN, or as 0)', async () => {
    expect(
      await refusal(CASE.replace('score: 90, grade: A+, payout: 900 }', 'score: abc, grade: A+, payout: 900 }')),
    ).toBe('5:52: case `坏`: `score` is the text "abc", not a number: write it without quotes');
    expect(await refusal(CASE.replace('score: 90, grade: A+, payout: 900 }', 'grade: A+, payout: 900 }'))).toBe(
      '5:9: case `坏`: the month has no `score:` (the month’s score)',
    );
    expect(await refusal(CASE.replace('score: 90, grade', 'score: 90.0000000000000001, grade'))).toBe(
      '5:52: case `坏`: `score` is written `90.0000000000000001`, more digits than a number keeps: it would be read as 90',
    );
  });

  it('refuses a month’s payout with a fraction of a fen (it was rounded), and a missing one when the roll-up sums pay', async () => {
    // `      - { employee_id: N1, period: 2026-07, score: 90, grade: A+, payout: ` is 74 characters
    expect(await refusal(CASE.replace('payout: 900 }', 'payout: 899.999 }'))).toBe(
      '5:75: case `坏`: `payout` is `899.999`, which has a fraction of a fen: a month’s pay is exact to the fen (0.01 yuan)',
    );
    const sumsPay = ROLLUP_QUARTERLY.replace('score: avg_score', '  pay: { sum: payout }\nscore: avg_score');
    expect(await refusal(CASE.replace(', payout: 900 }', ' }'), sumsPay)).toBe(
      '5:9: case `坏`: the month has no `payout:` (the month’s pay in yuan, which the roll-up’s facts read)',
    );
  });

  it('refuses a month grade or tier the monthly policy beside it does not have (it counted as no A+)', async () => {
    expect(await refusal(CASE.replace('grade: A+, payout: 900 }', 'grade: a+, payout: 900 }'))).toBe(
      '5:63: case `坏`: `grade` is `a+`, which is not a grade of the monthly policy monthly (its grades: A+, A, C)',
    );
    expect(await refusal(CASE.replace('grade: A+, payout: 900 }', 'grade: A+, tier: gold, payout: 900 }'))).toBe(
      '5:73: case `坏`: `tier` is `gold`, which is not a tier of the monthly policy monthly (its tiers: none) (`null` for no tier)',
    );
  });

  it('refuses a month written twice, and a month not written YYYY-MM', async () => {
    expect(await refusal(CASE.replace('period: 2026-08', 'period: 2026-07'))).toBe(
      '6:36: case `坏`: `N1` already has a month 2026-07 above: a person has one result a month',
    );
    expect(await refusal(CASE.replace('period: 2026-07', 'period: 2026-7'))).toBe(
      '5:36: case `坏`: `period` is `2026-7`, not a month: write it as `2026-07`',
    );
  });

  it('refuses an expectation that checks nothing, or that can never be met', async () => {
    expect(
      await refusal(CASE.replace('    expect:\n      N1: { score: 90, grade: 优秀, payout: 3000 }', '    expect: {}')),
    ).toBe(
      '7:13: case `坏`: `expect` names nothing to check: give employee ids, each with at least one of score, grade, calibrated_grade, payout, awards, facts, excluded',
    );
    expect(await refusal(CASE.replace('N1: { score: 90, grade: 优秀, payout: 3000 }', 'N1: {}'))).toBe(
      '8:11: case `坏`: `N1` names nothing to check: give at least one of score, grade, calibrated_grade, payout, awards, facts, excluded',
    );
    // `      N1: { score: 90, grade: ` is 30 characters
    expect(await refusal(CASE.replace('grade: 优秀', 'grade: A+'))).toBe(
      '8:31: case `坏`: `grade` is `A+`, which is not a grade of the roll-up policy (its grades: 优秀, 合格)',
    );
    expect(await refusal(CASE.replace('N1: { score: 90,', 'N2: { score: 90,'))).toBe(
      '8:7: case `坏`: `N2` is in none of the case’s months: an expectation of them can never be met (the case’s employees: N1)',
    );
    // `      N1: { score: 90, grade: 优秀, payout: 3000, awards: [ ` is 58 characters
    expect(await refusal(CASE.replace('payout: 3000 }', 'payout: 3000, awards: [ chalenge ] }'))).toBe(
      '8:59: case `坏`: `awards` gives `chalenge`, which is not an award of the roll-up policy (its awards: challenge)',
    );
    expect(await refusal(CASE.replace('payout: 3000 }', 'payout: 3000.001 }'))).toBe(
      '8:43: case `坏`: `payout` is `3000.001`, which has a fraction of a fen: pay is exact to the fen (0.01 yuan)',
    );
    expect(await refusal(CASE.replace('payout: 3000 }', 'facts: { a_plus: 2 } }'))).toBe(
      '8:44: case `坏`: `a_plus` is not a fact of the roll-up policy (its facts: months, avg_score, a_plus_months)',
    );
    expect(await refusal(CASE.replace('N1: { score: 90,', 'N1: { excluded: too_few_months, score: 90,'))).toBe(
      '8:39: case `坏`: `N1` is expected left out (`excluded`), and a person left out has no `score`: give one or the other',
    );
  });

  it('refuses a misspelt key where it is written, and a case without its period or with the wrong kind of period', async () => {
    expect(
      await refusal(CASE.replace('score: 90, grade: A+, payout: 900 }', 'scroe: 90, grade: A+, payout: 900 }')),
    ).toBe(
      '5:45: `scroe` is not a key of a month of a case’s `months:`; the keys are `employee_id`, `name`, `role`, `team`, `stage`, `period`, `score`, `grade`, `tier`, `payout`, `values`, `held`',
    );
    expect(await refusal(CASE.replace('    period: 2026-Q3\n', ''))).toBe(
      '2:5: case `坏`: the case has no `period:`: write the quarter it rolls up (2026-Q3)',
    );
    expect(await refusal(CASE.replace('period: 2026-Q3', 'period: 2026-H2'))).toBe(
      '3:13: case `坏`: `2026-H2` is not a quarter period, and `quarterly` rolls up by quarter (give a period such as `2026-Q3`)',
    );
  });

  it('fails alone: the next case still runs, and two cases of one name are refused', async () => {
    const good = CASE.replace('cases:\n', '').replace('坏', '好');
    const r = await testsOf(`${CASE.replace('score: 90, grade: A+', 'score: abc, grade: A+')}${good}`);
    expect(r.lines.slice(0, 3)).toEqual([
      'quarterly.yaml: 1 passed, 1 failed',
      '  ✗ 坏',
      '      cannot read the case: quarterly.test.yaml:5:52: case `坏`: `score` is the text "abc", not a number: write it without quotes',
    ]);
    const twice = await testsOf(`${CASE}${CASE.replace('cases:\n', '')}`);
    expect(twice.lines.slice(0, 3)).toEqual([
      'quarterly.yaml: 1 passed, 1 failed',
      '  ✗ 坏',
      '      cannot read the case: quarterly.test.yaml:9:11: case `坏`: another case before it is named `坏`: give each case its own name',
    ]);
  });

  it('says where a failing expectation is written', async () => {
    const r = await testsOf(CASE.replace('score: 90, grade: 优秀', 'score: 91, grade: 优秀'));
    // 91 ≠ the average (90 + 90) / 2 = 90
    expect(r.lines.slice(0, 3)).toEqual([
      'quarterly.yaml: 0 passed, 1 failed',
      '  ✗ 坏',
      '      quarterly.test.yaml:8:20: N1.score: expected 91, got 90',
    ]);
  });
});
