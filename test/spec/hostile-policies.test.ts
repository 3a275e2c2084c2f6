// Hostile policies, written as a customer might by accident (or a tool by design): every one is
// read one documented way or refused at the file, line and column of what is wrong. Positions are
// found in the text of the policy the test writes, never taken from the program's output.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { problemsAt } from './run.js';

const BASE = `policy: spec-hostile
title: 敌意输入
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  rate: { label: 完成率, unit: ratio }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 50 }
      c: { metric: rate, threshold: 0.3, target: 0.4, weight: 50 }
adjustments:
  star:
    title: 明星
    when: { fact: rating, operator: greaterThanInclusive, value: 90 }
    points: 5
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/** BASE with `from` replaced by `to` (which must be there once). */
function edit(from: string, to: string, text = BASE): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** `line:column` (1-based) where `needle` starts in `text`, its `nth` occurrence (0 the first). */
function at(text: string, needle: string, nth = 0): string {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  expect(i).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

const messages = (text: string) => loadPolicy(text, 'spec.yaml').diagnostics.map((d) => d.message);

it('the base policy loads without a word', () => {
  expect(problemsAt(BASE)).toEqual([]);
});

describe('YAML that could be read two ways', () => {
  it('a tab as indentation is refused at the tab, and nothing the tab confused is reported besides', () => {
    // before: also a "duplicate key" naming no key, at the end of `staff:` (the line above the tab),
    // and two "nested mappings" errors below it
    const text = edit('    title: 员工\n', '\ttitle: 员工\n');
    expect(problemsAt(text)).toEqual([`${at(text, '\ttitle')} yaml_tab_as_indent`]);
  });

  it('a duplicate key is refused at the second one, naming it', () => {
    const line = '      r: { metric: rating, scoring: rating, weight: 50 }\n';
    const text = edit(line, line + line);
    expect(problemsAt(text)).toEqual([`${at(text, 'r: {', 1)} yaml_duplicate_key`]);
    expect(messages(text)[0]).toContain('`r`');
  });

  it('anchors and aliases are read; a merge key is refused at `<<`', () => {
    const anchored = edit('weight: 50 }\n      c:', 'weight: &half 50 }\n      c:');
    expect(problemsAt(edit('target: 0.4, weight: 50 }', 'target: 0.4, weight: *half }', anchored))).toEqual([]);
    const merged = edit(
      '      r: { metric: rating, scoring: rating, weight: 50 }',
      '      r: &ind { metric: rating, scoring: rating, weight: 50 }\n      o: { <<: *ind, weight: 0 }',
    );
    expect(problemsAt(merged)).toEqual([`${at(merged, '<<')} yaml_merge_key`]);
  });

  it('a BOM and CRLF line ends change nothing, and positions are counted as in the LF file', () => {
    expect(problemsAt(`\uFEFF${BASE}`)).toEqual([]);
    expect(problemsAt(BASE.replaceAll('\n', '\r\n'))).toEqual([]);
    const bad = edit('pay_base: 1000', 'pay_base: .nan');
    expect(problemsAt(bad.replaceAll('\n', '\r\n'))).toEqual([`${at(bad, '.nan')} policy_number_not_finite`]);
  });
});

describe('numbers', () => {
  it.each([
    ['.nan', 'pay_base: 1000', 'pay_base: .nan', '.nan', 'policy_number_not_finite'],
    ['.inf', 'value: 90 }', 'value: .inf }', '.inf', 'policy_number_not_finite'],
    ['1e400', 'threshold: 0.3,', 'threshold: 1e400,', '1e400', 'policy_number_not_finite'],
    ['2^53 + 1', 'pay_base: 1000', 'pay_base: 9007199254740993', '9007199254740993', 'policy_number_too_large'],
    ['80.999999999999999', 'min: 80 }', 'min: 80.999999999999999 }', '80.999999999999999', 'policy_number_inexact'],
    ['017', 'points: 5', 'points: 017', '017', 'policy_number_ambiguous'],
    ['"80" in quotes', 'min: 80 }', 'min: "80" }', '"80"', 'schema_type'],
    ['full-width ０.５', 'threshold: 0.3,', 'threshold: ０.５,', '０.５', 'schema_type'],
  ])('%s as a YAML value is refused at the value', (_what, from, to, needle, code) => {
    const text = edit(from, to);
    expect(problemsAt(text)).toEqual([`${at(text, needle)} ${code}`]);
  });

  // docs: "Every number written in a policy — … numbers inside formulas — is finite …". Before, a
  // formula's `1e400` was refused at the start of the formula as a syntax error, and `017` (read as
  // 17; octal 15 to a YAML 1.1 reader) and `80.999999999999999` (read as 81) were accepted.
  it.each([
    ['1e400', 'policy_number_not_finite'],
    ['9007199254740993', 'policy_number_too_large'],
    ['80.999999999999999', 'policy_number_inexact'],
    ['017', 'policy_number_ambiguous'],
  ])('%s inside a formula is refused at the number, as the same number written as a value', (number, code) => {
    const text = edit('pay_base * score / 100', `pay_base * score / ${number}`);
    expect(problemsAt(text)).toEqual([`${at(text, number)} ${code}`]);
  });

  it('full-width digits are refused with the number in half-width digits to write', () => {
    // before: the help was the key's description ("指标得分…保留的小数位"), not what to write
    const text = edit('threshold: 0.3,', 'threshold: ０.３,');
    expect(loadPolicy(text, 'spec.yaml').diagnostics.map((d) => [d.message, d.help])).toEqual([
      [
        '`roles.staff.indicators.c.threshold` must be a number, not `０.３`, written in full-width digits (YAML reads it as text)',
        'write `0.3` in half-width digits',
      ],
    ]);
  });

  // A formula written over several lines (`>-`, `|-`, or a plain value continued below): the position
  // was counted from the `>-` on the key's line, so `017` on a line below, and a syntax error at the
  // end, were reported on the key's line, past its end.
  it.each([
    ['folded', '>-\n    pay_base * score\n    / 017'],
    ['literal', '|-\n    pay_base * score\n    / 017'],
    ['plain, continued', 'pay_base * score\n    / 017'],
  ])('a formula in a %s block is refused at the number, on its own line', (_style, formula) => {
    const text = edit('pay_base * score / 100', formula);
    expect(problemsAt(text)).toEqual([`${at(text, '017')} policy_number_ambiguous`]);
  });

  it('a syntax error at the end of a formula over two lines points just past its last character', () => {
    const text = edit('pay_base * score / 100', '>-\n    pay_base * score\n    / 100 +');
    const plus = at(text, '100 +').split(':').map(Number);
    expect(problemsAt(text)).toEqual([`${plus[0]}:${plus[1]! + 5} policy_expression_syntax`]);
  });

  it('numbers inside names and ordinary decimals in formulas are not numbers to refuse', () => {
    const text = edit('pay_base * score / 100', '"round(pay_base * score / 100.0, 2) + 0.5 * 1e3 - .25"');
    expect(problemsAt(text)).toEqual([]);
  });
});

describe('values of the wrong kind in conditions', () => {
  it('a number in quotes is named with its quotes', () => {
    const text = edit('value: 90 }', 'value: "90" }');
    expect(problemsAt(text)).toEqual([`${at(text, '"90"')} policy_value_type`]);
    // before: "… but the value is `90`", which reads as a number
    expect(messages(text)).toEqual(['`greaterThanInclusive` compares numbers, but the value is `"90"`']);
  });

  // docs ("Employee ids and join keys"): a record carries its id normalised — `Ｅ１` is `E1`, spaces and
  // zero-width characters are dropped. A condition on `Ｅ１` equalled nobody and validated "ok".
  it('an employee id written in a form the data never carries is refused, with the id to write', () => {
    const text = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: employee_id, operator: in, value: [ E2, Ｅ１, "E3 " ] }',
    );
    expect(problemsAt(text)).toEqual([
      `${at(text, 'Ｅ１')} policy_value_type`,
      `${at(text, '"E3 "')} policy_value_type`,
    ]);
    const loaded = loadPolicy(text, 'spec.yaml');
    expect(loaded.diagnostics.map((d) => [d.message, d.help])).toEqual([
      [
        'the employee id `Ｅ１` is read from the data as `E1` (full-width letters and digits become half-width, spaces and invisible characters are dropped): no record can equal `Ｅ１`',
        'write `E1`',
      ],
      [
        'the employee id `E3 ` is read from the data as `E3` (full-width letters and digits become half-width, spaces and invisible characters are dropped): no record can equal `E3 `',
        'write `E3`',
      ],
    ]);
  });

  // docs listed `contains` and `doesNotContain` among the operators; no fact is a list, so
  // `team contains 直播` validated "ok" and never fired (json-rules-engine asks for an array fact)
  it.each([
    ['contains', '{ fact: team, operator: contains, value: 直播 }', 'contains'],
    ['doesNotContain', '{ fact: rating, operator: doesNotContain, value: 9 }', 'doesNotContain'],
    ['an empty in list', '{ fact: rating, operator: in, value: [] }', '[]'],
    ['an empty notIn list', '{ fact: grade, operator: notIn, value: [] }', '[]'],
    // one value without brackets: json-rules-engine asked whether the text "A+" contains the grade,
    // so an A was "in A+" (breaker14c, test/spec/months/outside-my-files.test.ts)
    ['in with one grade, no list', '{ fact: grade, operator: in, value: A+ }', 'A+ }'],
    ['notIn with one number, no list', '{ fact: rating, operator: notIn, value: 90 }', '90 }'],
    ['in with a fact as its list', '{ fact: team, operator: in, value: { fact: role } }', '{ fact: role }'],
  ])('%s is refused: it never holds (or always)', (_what, condition, needle) => {
    const text = edit('when: { fact: rating, operator: greaterThanInclusive, value: 90 }', `when: ${condition}`);
    const fixed = condition.includes('grade')
      ? text
          .replace('adjustments:\n  star:', 'triggers:\n  star:')
          .replace('    points: 5\n', '    action: { type: notify }\n')
      : text;
    expect(problemsAt(fixed)).toEqual([`${at(fixed, needle)} policy_value_type`]);
  });

  // comparisons that can never hold as meant, each accepted before: a list under `equal`
  // (json-rules-engine compares with ===), `>` on a text fact, and a fact of another kind as the value
  it.each([
    ['a list under equal', '{ fact: role, operator: equal, value: [ staff ] }', '[ staff ]'],
    ['> on a text fact', '{ fact: team, operator: greaterThan, value: 5 }', 'greaterThan'],
    [
      'a number compared with a text fact',
      '{ fact: rating, operator: greaterThan, value: { fact: team } }',
      '{ fact: team }',
    ],
    ['equal across kinds', '{ fact: pay_base, operator: notEqual, value: { fact: role } }', '{ fact: role }'],
  ])('%s is refused where it is written', (_what, condition, needle) => {
    const text = edit('when: { fact: rating, operator: greaterThanInclusive, value: 90 }', `when: ${condition}`);
    expect(problemsAt(text)).toEqual([`${at(text, needle)} policy_value_type`]);
  });

  it('a fact compared with another of its kind is fine, and the messages say what is wrong', () => {
    const fine = edit(
      '{ fact: rating, operator: greaterThanInclusive, value: 90 }',
      '{ fact: rating, operator: greaterThan, value: { fact: pay_base } }',
    );
    expect(problemsAt(fine)).toEqual([]);
    const list = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: rating, operator: lessThan, value: [ 60 ] }',
    );
    // the list is shown as written: "the value is `60`" read as if 60 were fine
    expect(messages(list)).toEqual(['`lessThan` compares numbers, but the value is `[60]`']);
    const equal = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: role, operator: equal, value: [ staff ] }',
    );
    expect(messages(equal)).toEqual([
      '`equal` compares `role` with one value, but `[staff]` is a list: no record equals a list, so `equal` never holds and `notEqual` always does',
    ]);
    const text = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: team, operator: lessThan, value: 5 }',
    );
    expect(messages(text)).toEqual([
      '`lessThan` compares numbers, but `team` is not a number: the comparison never holds',
    ]);
  });

  it('`in` with one value says what it is and the list to write', () => {
    const text = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: rating, operator: in, value: 90 }',
    );
    const loaded = loadPolicy(text, 'spec.yaml');
    expect(loaded.diagnostics.map((d) => [d.message, d.help])).toEqual([
      [
        '`in` asks whether `rating` is one of a list of values, but `90` is one value, not a list',
        'write the list: `value: [ 90 ]`, or `equal` (`notEqual`) for one value',
      ],
    ]);
  });

  // a promise's `where` and `always` (docs: "properties") read as rules' conditions do: `in: A+`
  // selected the grades whose letters are inside "A+", `contains` nobody, without a word
  it.each([
    ['in with one value', '{ fact: grade, operator: in, value: A+ }', 'A+ }', 'policy_value_type'],
    ['an empty notIn', '{ fact: grade, operator: notIn, value: [] }', '[] }', 'policy_value_type'],
    ['contains', '{ fact: team, operator: contains, value: 直播 }', 'contains', 'policy_value_type'],
    [
      'a misspelt operator',
      '{ fact: score, operator: greaterThen, value: 60 }',
      'greaterThen',
      'policy_unknown_operator',
    ],
  ])('a promise’s condition with %s is refused as a rule’s is', (_what, condition, needle, code) => {
    const text = `${BASE}properties:\n  top_paid:\n    title: 高分多发\n    where: ${condition}\n    monotone: { metric: rating }\n`;
    expect(problemsAt(text)).toEqual([`${at(text, needle)} ${code}`]);
  });

  it('a zero-width space in an id is shown as <U+200B>', () => {
    const text = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { fact: employee_id, operator: notEqual, value: "E\\u200b1" }',
    );
    expect(messages(text)).toEqual([
      'the employee id `E<U+200B>1` is read from the data as `E1` (full-width letters and digits become half-width, spaces and invisible characters are dropped): no record can equal `E<U+200B>1`',
    ]);
  });
});

describe('tables and references', () => {
  it("grades out of order, or two on one min, are refused at the later grade's min", () => {
    const swapped = edit('  - { grade: A, min: 80 }\n', '  - { grade: B, min: 60 }\n  - { grade: A, min: 80 }\n');
    expect(problemsAt(swapped)).toEqual([`${at(swapped, '80 }')} policy_grades_order`]);
    const same = edit('  - { grade: A, min: 80 }\n', '  - { grade: A, min: 80 }\n  - { grade: B, min: 80 }\n');
    expect(problemsAt(same)).toEqual([`${at(same, '80 }', 1)} policy_grades_order`]);
  });

  it('weights of 49.99 and 50 (99.99) are refused at the indicators', () => {
    const text = edit('target: 0.4, weight: 50 }', 'target: 0.4, weight: 49.99 }');
    expect(problemsAt(text)).toEqual([`${at(text, 'indicators:')} policy_weights_sum`]);
  });

  it('a metric that does not exist is refused where it is named', () => {
    const text = edit('{ fact: rating, operator:', '{ fact: ratings, operator:');
    expect(problemsAt(text)).toEqual([`${at(text, 'ratings')} policy_unknown_fact`]);
    const indicator = edit('{ metric: rate,', '{ metric: rates,');
    expect(problemsAt(indicator)).toEqual([`${at(indicator, 'rates')} policy_unknown_metric`]);
  });

  // A Chinese input method types full-width letters: `ｃ` was offered `r` as the nearest indicator
  // (both one edit away), and `ｒａｔｉｎｇ` and `ｓｃｏｒｅ` no suggestion at all.
  it('a name typed in full-width letters is refused with the half-width name it means', () => {
    const text = edit(
      'when: { fact: rating, operator: greaterThanInclusive, value: 90 }',
      'when: { all: [ { fact: indicator_points, params: { indicator: ｃ }, operator: greaterThan, value: 90 }, { fact: ｒａｔｉｎｇ, operator: greaterThan, value: 90 } ] }',
    );
    const loaded = loadPolicy(edit('pay_base * score / 100', 'pay_base * ｓｃｏｒｅ / 100', text), 'spec.yaml');
    expect(loaded.diagnostics.map((d) => [d.code, /did you mean `[^`]*`/.exec(d.help ?? '')?.[0]])).toEqual([
      ['policy_unknown_indicator', 'did you mean `c`'],
      ['policy_unknown_fact', 'did you mean `rating`'],
      ['policy_unknown_variable', 'did you mean `score`'],
    ]);
  });

  it('a percent written 45.3 where a ratio is expected is refused at the value', () => {
    const text = edit('threshold: 0.3, target: 0.4,', 'threshold: 30, target: 45.3,');
    expect(problemsAt(text)).toEqual([
      `${at(text, '30,')} policy_reference_out_of_range`,
      `${at(text, '45.3')} policy_reference_out_of_range`,
    ]);
  });
});
