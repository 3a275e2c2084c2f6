// `equal`, `notEqual`, `in` and `notIn` compare a fact with a value exactly: a value of another
// kind than the fact can never be equal to it, so the rule never fires (`equal`, `in`) or always
// does (`notEqual`, `notIn`), without a word. YAML 1.2 reads `yes`, `on`, `1_0`, `"60"` as text and
// `7` as a number; a YAML 1.1 reader (PyYAML) reads `yes` as true and `1_0` as 10. Such a value is
// refused at its line and column, with what to write.
//
// The policy: ONE_RATING_POLICY (14 lines) and a hold or trigger from line 15:
//   15 holds: / triggers:
//   16   odd:
//   17     title: 核查
//   18     when: …

import { describe, expect, it } from 'vitest';
import { ONE_RATING_POLICY, policyProblems as problems } from '../builders.js';

const rule = (section: 'holds' | 'triggers', when: string) =>
  `${ONE_RATING_POLICY}${section}:\n  odd:\n    title: 核查\n    when: ${when}\n${section === 'triggers' ? '    action: { type: notify }\n' : ''}`;

describe('a comparison with a value of another kind than its fact', () => {
  it('refuses `held` compared with `yes` (text in YAML 1.2, true in YAML 1.1)', () => {
    // `    when: { all: [ { fact: held, operator: equal, value: ` is 57 characters: `yes` at 18:58
    expect(problems(rule('triggers', '{ all: [ { fact: held, operator: equal, value: yes } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`held` is true or false, but `equal` compares it with `yes`, which is neither: no record can equal it',
        '18:58',
        'write `true` or `false` (`yes`, `no`, `on` and `off` are text in YAML 1.2, not true or false)',
      ],
    ]);
  });

  it('refuses a metric compared with `1_0` in a list (text in YAML 1.2, 10 in YAML 1.1), at the item', () => {
    // `    when: { all: [ { fact: rating, operator: in, value: [ 80, ` is 62 characters: `1_0` at 18:63
    expect(problems(rule('holds', '{ all: [ { fact: rating, operator: in, value: [ 80, 1_0 ] } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`rating` is a number, but `in` compares it with `1_0`, which is not one: no record can equal it',
        '18:63',
        'write a number, e.g. `value: 1000` (`1_000`, `1,000` and a number in quotes are text)',
      ],
    ]);
  });

  it('refuses the score compared with "60" in quotes', () => {
    // `    when: { all: [ { fact: score, operator: notEqual, value: ` is 61 characters: `"60"` at 18:62
    expect(problems(rule('triggers', '{ all: [ { fact: score, operator: notEqual, value: "60" } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`score` is a number, but `notEqual` compares it with `"60"`, which is not one: no record can equal it',
        '18:62',
        'write a number, e.g. `value: 1000` (`1_000`, `1,000` and a number in quotes are text)',
      ],
    ]);
  });

  it('refuses an employee id compared with the number 7 (ids are text)', () => {
    // `    when: { all: [ { fact: employee_id, operator: equal, value: ` is 64 characters: `7` at 18:65
    expect(problems(rule('holds', '{ all: [ { fact: employee_id, operator: equal, value: 7 } ] }'))).toEqual([
      [
        'policy_value_type',
        'error',
        '`employee_id` is text, but `equal` compares it with the number or true/false `7`: no record can equal it',
        '18:65',
        'write the value in quotes: `value: "7"`',
      ],
    ]);
  });

  it('accepts each kind compared with its own: true, numbers, quoted ids, a team', () => {
    for (const when of [
      '{ all: [ { fact: held, operator: equal, value: true } ] }',
      '{ all: [ { fact: score, operator: notIn, value: [ 60, 70.5 ] } ] }',
      '{ all: [ { fact: employee_id, operator: in, value: [ "7", E1 ] } ] }',
      '{ all: [ { fact: team, operator: notEqual, value: 一组 } ] }',
    ])
      expect(problems(rule('triggers', when))).toEqual([]);
  });
});
