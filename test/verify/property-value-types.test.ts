// A declared property's `where` and `always` compare facts with values as rules do, and are read
// the same way: a value of another kind than its fact (`held equal yes`, a number compared with
// text) equals no employee, so the property would select nobody or always fail without a word.
// Rules refuse such a value (policy_value_type.*, test/policy/condition-value-types.test.ts);
// properties were accepted. Refused at the value's line and column, with what to write.
//
// The policy: ONE_RATING_POLICY (14 lines) and a property from line 15:
//   15 properties:
//   16   odd:
//   17     title: 核查
//   18     where: … / always: …
//   19     monotone: { metric: rating }    (after a `where`: a property needs something to check)

import { describe, expect, it } from 'vitest';
import { ONE_RATING_POLICY, policyProblems as problems } from '../builders.js';

const property = (key: 'where' | 'always', when: string) =>
  `${ONE_RATING_POLICY}properties:\n  odd:\n    title: 核查\n    ${key}: ${when}\n${key === 'where' ? '    monotone: { metric: rating }\n' : ''}`;

describe('a property comparing a fact with a value of another kind', () => {
  it('refuses `held` compared with `yes` (text in YAML 1.2, true in YAML 1.1)', () => {
    // `    always: { all: [ { fact: held, operator: equal, value: ` is 59 characters: `yes` at 18:60
    expect(problems(property('always', '{ all: [ { fact: held, operator: equal, value: yes } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`held` is true or false, but `equal` compares it with `yes`, which is neither: no record can equal it',
        '18:60',
        'write `true` or `false` (`yes`, `no`, `on` and `off` are text in YAML 1.2, not true or false)',
      ],
    ]);
  });

  it('refuses the payout compared by `greaterThan` with "1000" in quotes', () => {
    // `    where: { all: [ { fact: payout, operator: greaterThan, value: ` is 66 characters: `"1000"` at 18:67
    expect(problems(property('where', '{ all: [ { fact: payout, operator: greaterThan, value: "1000" } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`greaterThan` compares numbers, but the value is `"1000"`',
        '18:67',
        'write a number, e.g. `value: 0.05` for 5%',
      ],
    ]);
  });

  it('refuses the awards in yuan compared with `1_000`, and a metric with `1_0` in a list, at the item', () => {
    // `    always: { all: [ { fact: awards, operator: equal, value: ` is 61 characters: `1_000` at 18:62
    expect(problems(property('always', '{ all: [ { fact: awards, operator: equal, value: 1_000 } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`awards` is a number, but `equal` compares it with `1_000`, which is not one: no record can equal it',
        '18:62',
        'write a number, e.g. `value: 1000` (`1_000`, `1,000` and a number in quotes are text)',
      ],
    ]);
    // `    where: { all: [ { fact: rating, operator: in, value: [ 80, ` is 63 characters: `1_0` at 18:64
    expect(problems(property('where', '{ all: [ { fact: rating, operator: in, value: [ 80, 1_0 ] } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`rating` is a number, but `in` compares it with `1_0`, which is not one: no record can equal it',
        '18:64',
        'write a number, e.g. `value: 1000` (`1_000`, `1,000` and a number in quotes are text)',
      ],
    ]);
  });

  it('refuses the tier compared with the number 1 (a tier is named by its id, text)', () => {
    // `    always: { all: [ { fact: tier, operator: equal, value: ` is 59 characters: `1` at 18:60
    expect(problems(property('always', '{ all: [ { fact: tier, operator: equal, value: 1 } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`tier` is text, but `equal` compares it with the number or true/false `1`: no record can equal it',
        '18:60',
        'write the value in quotes: `value: "1"`',
      ],
    ]);
  });

  it('takes values of the fact’s own kind', () => {
    const ok = [
      '{ all: [ { fact: held, operator: equal, value: true }, { fact: tier_award, operator: equal, value: 0 } ] }',
      '{ all: [ { fact: payout, operator: lessThanInclusive, value: 1000 }, { fact: tier, operator: equal, value: null } ] }',
      '{ all: [ { fact: rating, operator: in, value: [ 80, 90 ] }, { fact: role, operator: equal, value: staff } ] }',
    ];
    for (const when of ok) expect(problems(property('always', when))).toEqual([]);
  });
});

// A fact verify does not give an employee (a typo, or a rule's fact such as `previous_grade`) is
// absent for everyone: the property selected nobody, or failed for everyone, without a word.
describe('a property naming a fact verify does not have', () => {
  it('refuses `rol` at the fact, suggesting `role`', () => {
    // `    where: { all: [ { fact: ` is 28 characters: `rol` at 18:29
    const [p] = problems(property('where', '{ all: [ { fact: rol, operator: equal, value: staff } ] }'));
    expect(p!.slice(0, 4)).toEqual(['policy_unknown_fact', 'error', 'unknown fact `rol` in properties.odd', '18:29']);
    expect(p![4]).toMatch(/^did you mean `role`\? known metrics, derived metrics and built-in facts: /);
  });

  it("refuses `previous_grade`, a rule's fact that verify does not give a property", () => {
    // `    always: { all: [ { fact: ` is 29 characters: `previous_grade` at 18:30
    const [p] = problems(property('always', '{ all: [ { fact: previous_grade, operator: notEqual, value: C } ] }'));
    expect(p!.slice(0, 4)).toEqual([
      'policy_unknown_fact',
      'error',
      'unknown fact `previous_grade` in properties.odd',
      '18:30',
    ]);
  });

  it('accepts the facts verify gives: role, score, grade, tier, held, payout, a metric', () => {
    const when =
      '{ all: [ { fact: role, operator: equal, value: staff }, { fact: score, operator: greaterThan, value: 1 }, { fact: grade, operator: notEqual, value: A }, { fact: held, operator: equal, value: false }, { fact: payout, operator: greaterThan, value: 0 }, { fact: rating, operator: greaterThan, value: 0 } ] }';
    expect(problems(property('where', when))).toEqual([]);
  });
});
