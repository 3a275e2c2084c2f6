// A roll-up policy is checked like a month's: the schema's `rollupPolicy` section, then its
// meaning, every problem at the line and column of its YAML node; with the monthly policy it rolls
// up, the metrics, grades and tiers it names are checked against it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, loadRollupPolicy, localise } from '../../engine/index.js';
import { yardstick, yardstickAsIs } from '../yardstick.js';

const GOOD = `policy: half-year-review
title: 半年评估
version: 1.0.0
effective_from: 2026-H2
rollup: { of: livestream-team, period: half_year, min_months: 4 }
facts:
  avg_score: { average: score }
  a_plus_months: { count: { grade: A+ } }
score: avg_score
grades:
  - { grade: E, min: 100 }
  - { grade: M, min: 0 }
`;

const problems = (text: string, monthly?: Parameters<typeof loadRollupPolicy>[2]) =>
  loadRollupPolicy(text, 'r.yaml', monthly).diagnostics.map((d) => [
    d.code,
    d.span?.line,
    d.span?.column,
    localise(d, 'en').message,
  ]);

describe('checking a roll-up policy', () => {
  it('accepts a well-formed one', () => {
    const r = loadRollupPolicy(GOOD, 'r.yaml');
    expect(r.ok && r.diagnostics).toEqual([]);
  });

  it('reports a key the schema does not know at its line', () => {
    expect(problems(GOOD.replace('score: avg_score', 'score: avg_score\nbonus: 1'))).toEqual([
      ['schema_unknown_key', 10, 1, expect.stringContaining('unknown key `bonus`')],
    ]);
  });

  it('refuses min_months beyond the months of the period', () => {
    expect(problems(GOOD.replace('min_months: 4', 'min_months: 7'))).toEqual([
      ['policy_rollup_min_months', 5, 63, '`min_months: 7` is more than the 6 months of a half-year'],
    ]);
  });

  it('accepts a year starting in any month, and refuses a start that is not a month at its value', () => {
    expect(problems(GOOD.replace('min_months: 4', 'min_months: 4, year_starts: 3'))).toEqual([]);
    expect(problems(GOOD.replace('min_months: 4', 'min_months: 4, year_starts: 13'))).toEqual([
      ['policy_rollup_year_starts', 5, 79, '`year_starts: 13` is not a month'],
    ]);
    expect(problems(GOOD.replace('min_months: 4', 'min_months: 4, year_starts: 0'))).toEqual([
      ['policy_rollup_year_starts', 5, 79, '`year_starts: 0` is not a month'],
    ]);
    // 3.5 is no month either: the schema wants a whole number
    expect(problems(GOOD.replace('min_months: 4', 'min_months: 4, year_starts: 3.5')).map((p) => [p[1], p[2]])).toEqual(
      [[5, 79]],
    );
  });

  it('refuses an effective_from of another kind of period', () => {
    expect(problems(GOOD.replace('effective_from: 2026-H2', 'effective_from: "2026-Q3"'))).toEqual([
      ['policy_rollup_effective_from', 4, 17, '`effective_from: 2026-Q3` is not a half_year period'],
    ]);
  });

  it('names an unknown score fact, with the nearest one', () => {
    expect(problems(GOOD.replace('score: avg_score', 'score: avg_scor'))).toEqual([
      ['policy_rollup_unknown_fact', 9, 8, 'unknown roll-up fact `avg_scor`: did you mean `avg_score`?'],
    ]);
    expect(problems(GOOD.replace('score: avg_score', 'score: team'))).toEqual([
      ['policy_rollup_score', 9, 8, 'the roll-up score `team` is not a number fact'],
    ]);
  });

  it('refuses a fact named like a built-in one', () => {
    expect(problems(GOOD.replace('  a_plus_months:', '  months:'))).toEqual([
      ['policy_rollup_fact_name', 8, 3, 'the fact `months` has the name of a built-in roll-up fact'],
    ]);
  });

  it('checks grades in order, as a month policy does', () => {
    expect(problems(GOOD.replace('{ grade: M, min: 0 }', '{ grade: M, min: 100 }'))).toEqual([
      ['policy_grades_cover_zero', 12, 22, 'the last grade `M` starts at 100, so scores below 100 get no grade'],
      ['policy_grades_order', 12, 22, 'grade `M` (min 100) must have a lower min than `E` (min 100)'],
    ]);
  });

  it("checks an award's condition: facts, operators and grades", () => {
    const text = `${GOOD}payout:
  awards:
    bonus:
      when:
        all:
          - { fact: a_plus_month, operator: greaterThan, value: 1 }
          - { fact: grade, operator: in, value: [ E, S ] }
          - { fact: months, operator: contains, value: 1 }
      award: 5000
`;
    expect(problems(text)).toEqual([
      ['policy_rollup_unknown_fact', 18, 21, 'unknown roll-up fact `a_plus_month`: did you mean `a_plus_months`?'],
      ['policy_rollup_grade_value', 19, 54, '`grade` is compared with `S`, which is not one of its grades'],
      ['policy_rollup_operator', 20, 39, 'operator `contains` cannot be used in a roll-up condition'],
    ]);
  });

  it("refuses an award's comparison with a value of another kind than its fact", () => {
    // `0_0` is text in YAML 1.2 (0 to a YAML 1.1 reader), a team is text, `"80"` is text: none can
    // ever equal (or be compared with) the fact, so the award would never be paid
    // columns: `          - { fact: a_plus_months, operator: equal, value: ` is 59 characters,
    // `          - { fact: team, operator: in, value: [ 一组, ` 53, `          - { fact: avg_score, operator: greaterThan, value: ` 61
    const text = `${GOOD}payout:
  awards:
    bonus:
      when:
        all:
          - { fact: a_plus_months, operator: equal, value: 0_0 }
          - { fact: team, operator: in, value: [ 一组, 7 ] }
          - { fact: avg_score, operator: greaterThan, value: "80" }
      award: 5000
`;
    expect(problems(text)).toEqual([
      [
        'policy_value_type',
        18,
        60,
        '`a_plus_months` is a number, but `equal` compares it with `0_0`, which is not one: no record can equal it',
      ],
      [
        'policy_value_type',
        19,
        54,
        '`team` is text, but `in` compares it with the number or true/false `7`: no record can equal it',
      ],
      // `"80"` in quotes is text, and the message shows it as written, quotes and all (as a month's policy does):
      // `80` without them read as if the number were refused
      ['policy_value_type', 20, 62, '`greaterThan` compares numbers, but the value is `"80"`'],
    ]);
  });

  it('shows a number in quotes with its quotes in every message about the value', () => {
    const text = `${GOOD}payout:
  awards:
    bonus:
      when:
        all:
          - { fact: avg_score, operator: equal, value: "80" }
          - { fact: a_plus_months, operator: in, value: [ 1, "2" ] }
      award: 5000
`;
    // columns: `          - { fact: avg_score, operator: equal, value: ` is 55 characters, the list's
    // second item after `          - { fact: a_plus_months, operator: in, value: [ 1, ` (61)
    expect(problems(text)).toEqual([
      [
        'policy_value_type',
        18,
        56,
        '`avg_score` is a number, but `equal` compares it with `"80"`, which is not one: no record can equal it',
      ],
      [
        'policy_value_type',
        19,
        62,
        '`a_plus_months` is a number, but `in` compares it with `"2"`, which is not one: no record can equal it',
      ],
    ]);
    const zh = loadRollupPolicy(text, 'r.yaml').diagnostics.map((d) => localise(d, 'zh').message);
    expect(zh[0]).toBe('`avg_score` 是数字，但 `equal` 拿它与 `"80"` 比较，`"80"` 不是数字：没有记录会等于它');
  });

  it('refuses `in` and `notIn` with an empty list or with one value that is not a list', () => {
    // a roll-up's `in` asks whether the list holds the fact: `in: []` never holds, `notIn: []` always;
    // `in: M` (no list) never held and `notIn: M` never held either, so `calibrated_grade notIn M` paid nobody
    const text = `${GOOD}payout:
  awards:
    bonus:
      when:
        all:
          - { fact: calibrated_grade, operator: notIn, value: M }
          - { fact: a_plus_months, operator: in, value: [] }
          - { fact: team, operator: in, value: 一组 }
      award: 5000
`;
    // columns: `          - { fact: calibrated_grade, operator: notIn, value: ` is 62 characters,
    // `          - { fact: a_plus_months, operator: in, value: ` 56, `          - { fact: team, operator: in, value: ` 47
    expect(problems(text)).toEqual([
      [
        'policy_value_type',
        18,
        63,
        '`notIn` asks whether `calibrated_grade` is one of a list of values, but `M` is one value, not a list',
      ],
      [
        'policy_value_type',
        19,
        57,
        '`in` compares `a_plus_months` with an empty list: nothing is in it, so `in` never holds and `notIn` always does',
      ],
      [
        'policy_value_type',
        20,
        48,
        '`in` asks whether `team` is one of a list of values, but `一组` is one value, not a list',
      ],
    ]);
    const help = loadRollupPolicy(text, 'r.yaml').diagnostics.map((d) => localise(d, 'en').help);
    expect(help[0]).toBe('write the list: `value: [ M ]`, or `equal` (`notEqual`) for one value');
  });

  it('gives an operator a roll-up does not have one message, not a second about its value', () => {
    const text = `${GOOD}payout:
  awards:
    bonus:
      when: { fact: avg_score, operator: absent }
      award: 5000
`;
    // `      when: { fact: avg_score, operator: ` is 41 characters; before, a second error said
    // `absent` "compares it with `undefined`"
    expect(problems(text)).toEqual([
      ['policy_rollup_operator', 16, 42, 'operator `absent` cannot be used in a roll-up condition'],
    ]);
  });

  it('refuses a roll-up of its own id: its periods would be recorded among the months they read', () => {
    // `rollup: { of: ` is 14 characters on line 5
    expect(problems(GOOD.replace('of: livestream-team', 'of: half-year-review'))).toEqual([
      [
        'policy_rollup_of_itself',
        5,
        15,
        'the roll-up `half-year-review` rolls up `rollup.of: half-year-review`, its own id: its periods would be recorded among the months they read',
      ],
    ]);
  });

  it('refuses an award of ¥0: it would be named as paid on the statement and pay nothing', () => {
    const text = `${GOOD}payout:
  awards:
    star:
      title: 年度之星
      when: { fact: avg_score, operator: greaterThanInclusive, value: 100 }
      award: 0
`;
    expect(problems(text)).toEqual([
      [
        'policy_rollup_award_zero',
        18,
        14,
        'the award `star` is ¥0.00: everyone it applies to would have it on their statement as paid, and be paid nothing',
      ],
    ]);
    expect(problems(text.replace('award: 0', 'award: 0.01'))).toEqual([]);
  });

  it('checks the metrics, grades and tiers it names against the monthly policy', () => {
    const monthly = loadPolicy(
      `policy: livestream-team
title: 直播
version: 1.0.0
metrics:
  gmv_rate: { label: GMV完成率, unit: ratio, range: [ 0, 2 ] }
stages:
  only: { title: 常规 }
roles:
  host: { title: 主播, pay_base: 1000, indicators: { gmv: { metric: gmv_rate, threshold: 0.8, target: 1, challenge: 1.2, weight: 100 } } }
grades:
  - { grade: A+, min: 100 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: gmv_rate
    bands:
      - { tier: silver, min: 0.9, multiplier: 1.1 }
  rounding: { to: 0.01, mode: half_up }
`,
      'm.yaml',
    );
    if (!monthly.ok) throw new Error('the monthly policy must load');
    const text = GOOD.replace(
      '  a_plus_months: { count: { grade: A+ } }',
      '  a_plus_months: { count: { grade: A } }\n  gold: { count: { tier: [ silver, gold ] } }\n  gmv: { average: gmv_rat }\n  ok: { average: gmv_rate }',
    );
    expect(problems(text, monthly.policy.doc)).toEqual([
      ['policy_rollup_unknown_month_value', 8, 36, 'the grade `A` is not in the monthly policy `livestream-team`'],
      ['policy_rollup_unknown_month_value', 9, 36, 'the tier `gold` is not in the monthly policy `livestream-team`'],
      ['policy_rollup_unknown_metric', 10, 19, '`gmv_rat` is not a metric of the monthly policy `livestream-team`'],
    ]);
  });
});

describe('yardstick validate on a roll-up policy and its tests', () => {
  it('checks policies/annual-review.yaml against livestream-team.yaml beside it', async () => {
    const r = await yardstick('validate', 'policies/annual-review.yaml', 'policies/annual-review.test.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ok  policies/annual-review.yaml: annual-review v1.0.0, roll-up of livestream-team by year, 6 facts\n' +
        'ok  policies/annual-review.test.yaml: 3 test case(s) for policies/annual-review.yaml\n',
    );
  });

  it('says the same in Chinese by default, the period in words (按年度汇总)', async () => {
    const r = await yardstickAsIs('validate', 'policies/annual-review.yaml', 'policies/annual-review.test.yaml');
    expect([r.code, r.stdout]).toEqual([
      0,
      'ok  policies/annual-review.yaml：annual-review v1.0.0，按年度汇总 livestream-team，6 个事实\n' +
        'ok  policies/annual-review.test.yaml：policies/annual-review.yaml 的 3 个测试用例\n',
    ]);
  });

  it('prints a problem with file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-validate-'));
    writeFileSync(join(dir, 'r.yaml'), GOOD.replace('min_months: 4', 'min_months: 7'));
    const r = await yardstick('validate', join(dir, 'r.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${join(dir, 'r.yaml')}:5:63: error[policy_rollup_min_months]: \`min_months: 7\` is more than the 6 months of a half-year\n  help: set \`min_months:\` between 1 and 6`,
    );
  });
});
