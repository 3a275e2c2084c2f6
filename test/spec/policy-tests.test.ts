// docs/review.md, "Policy tests", as a specification: a case worked out by hand passes, a wrong
// expectation fails naming both values, and an expectation no result can ever meet is refused at
// its line and column, as a record's value is (`cli_test_case_value`).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

// One rating out of 100; 迟到扣分 −0.35 a time at one decimal; grades A from 80, B from 60.
const POLICY = `policy: spec-tests
title: 政策测试
version: 1.0.0
score:
  decimals: 1
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  late: { label: 迟到次数, unit: count }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  late_pen:
    title: 迟到扣分
    when: { fact: late, operator: greaterThan, value: 0 }
    points: { per: late, amount: -0.35 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const CASE = (expectation: string) => `cases:
  - name: 迟到一次
    record:
      employee_id: T1
      role: staff
      stage: s
      metrics: { rating: 80, late: 1 }
    expect: ${expectation}
`;

async function test(cases: string) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-spec-tests-'));
  const policy = join(dir, 'spec-tests.yaml');
  writeFileSync(policy, POLICY);
  writeFileSync(join(dir, 'spec-tests.test.yaml'), cases);
  const r = await yardstick('test', policy, '--lang', 'en');
  return { ...r, out: `${r.stdout}\n${r.stderr}`.replaceAll(dir, 'DIR') };
}

describe('a case worked out by hand', () => {
  it('passes: 80 − 0.35 → −0.4 at one decimal = 79.6 → B; 1000 × 79.6 / 100 = ¥796', async () => {
    const r = await test(CASE('{ score: 79.6, grade: B, payout: 796, holds: [], triggers: [] }'));
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('spec-tests.yaml: 1 passed, 0 failed')]);
  });

  it('fails on a wrong figure, naming what was expected and what came out', async () => {
    const r = await test(CASE('{ score: 79.7 }'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('score: expected 79.7, got 79.6');
  });
});

// An expectation of another kind than its result can never be met: the case fails every run, and the
// report ("expected "79.6", got 79.6") reads as if the program were wrong. Like a record's value of
// the wrong kind, it is refused at its line and column.
describe('an expectation no result can meet', () => {
  it('a score in quotes ("79.6") is refused at its value', async () => {
    // `    expect: { score: ` is 21 characters: the value at 8:22
    const r = await test(CASE('{ score: "79.6" }'));
    expect(r.out).toContain(
      'DIR/spec-tests.test.yaml:8:22: case `迟到一次`: `score` is the text "79.6", not a number: write it without quotes',
    );
  });

  it('a grade the policy does not have (Ａ, full-width) is refused at its value', async () => {
    const r = await test(CASE('{ grade: Ａ }'));
    expect(r.out).toContain(
      'DIR/spec-tests.test.yaml:8:22: case `迟到一次`: `grade` is `Ａ`, which is not a grade of the policy (its grades: A, B, C)',
    );
  });

  it('a payout with a fraction of a fen (796.001) is refused at its value', async () => {
    const r = await test(CASE('{ payout: 796.001 }'));
    expect(r.out).toContain(
      'DIR/spec-tests.test.yaml:8:23: case `迟到一次`: `payout` is `796.001`, which has a fraction of a fen: pay is exact to the fen (0.01 yuan)',
    );
  });
});
