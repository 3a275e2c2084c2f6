// docs/policy-language.md, "derived", as a specification: the 360° composite of the reference, its
// range catching weights that add up to 1.1, and every "exact at a bound" sentence, each as a rule
// that fires (or not) on the value the sentence gives.

import { describe, expect, it } from 'vitest';
import { loadPolicy, runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { each, runMonth, staffCsv } from './run.js';

// Each rule adds a power of two, so the score says which fired: 77 + 1 + 2 + 4 + 8 + 16 + 32 = 140.
const POLICY = (weights = '0.2, 0.3, 0.5') => {
  const [s, p, m] = weights.split(', ');
  return `policy: spec-derived
title: 派生指标
version: 1.0.0
score:
  max: 200
metrics:
  self_rating: { label: 自评, unit: score, range: [0, 100] }
  peer_rating: { label: 互评, unit: score, range: [0, 100] }
  manager_rating: { label: 上级评分, unit: score, range: [0, 100] }
  rate: { label: 完成率, unit: ratio }
  x: { label: 余数, unit: score, range: [-100, 100] }
derived:
  review_360:
    expr: "self_rating * ${s} + peer_rating * ${p} + manager_rating * ${m}"
    label: 360度评分
    unit: score
    range: [ 0, 100 ]
  over: "floor((rate - 0.4) * 100)"
  plus: rate + 0.1
  rem: x % 3
  both: 2 && 3
  holds: rate + 0.1 >= 0.8
  tenth: (rate + 0.1) % 0.1
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      review: { metric: review_360, scoring: rating, weight: 100 }
adjustments:
  t1: { title: 每满1%, when: { fact: over, operator: equal, value: 7 }, points: 1 }
  t2: { title: 相加, when: { fact: plus, operator: equal, value: 0.8 }, points: 2 }
  t3: { title: 余数, when: { fact: rem, operator: equal, value: -1 }, points: 4 }
  t4: { title: 且, when: { fact: both, operator: equal, value: 1 }, points: 8 }
  t5: { title: 比较, when: { fact: holds, operator: equal, value: 1 }, points: 16 }
  t6: { title: 取余, when: { fact: tenth, operator: equal, value: 0 }, points: 32 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
};

const COLUMNS = '自评,互评,上级评分,完成率,余数';

describe('derived metrics', () => {
  it('self 90, peers 80, manager 70 → 18 + 24 + 35 = 77 of 100 → 77 points', async () => {
    // rate 0.47: floor((0.47 − 0.4) × 100) is 7 (in binary arithmetic 6.999…, whose floor is 6): t1;
    // −7 % 3 is −1: t3; 2 && 3 is 1: t4. Score 77 + 1 + 4 + 8 = 90.
    const r = await runMonth(POLICY(), staffCsv(COLUMNS, [['E1', 90, 80, 70, 0.47, -7]]));
    expect(each(r, (c) => [c.base_score, c.adjustments.map((a) => a.id), c.score])).toEqual({
      E1: [77, ['t1', 't3', 't4'], 90],
    });
  });

  it('compares at 15 significant digits: 0.7 + 0.1 is 0.8, reaches 0.8, and leaves no remainder of 0.1', async () => {
    // rate 0.7: plus = 0.8 (t2), 0.8 >= 0.8 (t5), 0.8 % 0.1 = 0 (t6); −7 % 3 (t3) and 2 && 3 (t4) as
    // before: 77 + 2 + 4 + 8 + 16 + 32 = 139
    const r = await runMonth(POLICY(), staffCsv(COLUMNS, [['E2', 90, 80, 70, 0.7, -7]]));
    expect(each(r, (c) => [c.adjustments.map((a) => a.id), c.score])).toEqual({
      E2: [['t2', 't3', 't4', 't5', 't6'], 139],
    });
  });

  it('weights adding up to 1.1 show at the first record above the range, which is never scored', async () => {
    // 0.2 + 0.3 + 0.6: ratings 100, 100, 100 → 110, outside [0, 100]: excluded. 90, 80, 70 → 18 + 24 + 42
    // = 84, inside the range: scored on the formula as written (84 points).
    const loaded = loadPolicy(POLICY('0.2, 0.3, 0.6'), 'spec.yaml');
    if (!loaded.ok) throw new Error('refused');
    const read = readRecords(
      staffCsv(COLUMNS, [
        ['E1', 100, 100, 100, 0.5, 0],
        ['E2', 90, 80, 70, 0.5, 0],
      ]),
      'csv',
      loaded.policy.contract,
      { file: 'month.csv' },
    );
    const r = await runPolicy(loaded.policy, { records: read.records }, { lang: 'en' });
    expect(r.excluded.map((e) => [e.employee_id, e.reasons.map((x) => x.code)])).toEqual([
      ['E1', ['eval_derived_out_of_range']],
    ]);
    expect(each(r, (c) => c.base_score)).toEqual({ E2: 84 });
  });
});
