// Defects found while writing the month scenarios, in code this folder's author does not own: each
// states the right behaviour and is marked `it.fails` until the owner fixes it.

import { expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { runMonth, staffCsv } from '../run.js';

const POLICY = `policy: spec-in
title: 单值 in
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A+, min: 90 }
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
triggers:
  promote:
    title: 晋升评估
    when: { fact: grade, operator: in, value: A+ }
    action: { type: promotion_review }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

// docs/policy-language.md: "`in` and `notIn` a list that is not empty". `value: A+` without brackets
// is accepted by validate, and the executor then asks `"A+".indexOf(grade)`: a substring test, so an
// A (80 ≤ 85 < 90) gets the promotion review meant for A+. Right: refused at the value (as a roll-up
// now does, policy_value_type `not_list`), or read as the one-item list [A+].
it('`in` with one value and no list is refused, not read as "is a part of the text A+"', async () => {
  const loaded = loadPolicy(POLICY, 'spec.yaml');
  if (loaded.ok) {
    // E1 85 → A: not A+, so no promotion review
    const r = await runMonth(POLICY, staffCsv('评分', [['E1', 85]]));
    expect(r.scorecards[0]!.triggers.map((t) => t.id)).toEqual([]);
  }
  expect(loaded.ok).toBe(false);
});
