// A derived metric's label is the name its value goes by in explanations and statements. A 客单价
// (GMV / 订单数) labelled `GMV` by a copy-paste slip was accepted, and a host held for it read
// 「疑似刷单（GMV ¥5.00 < ¥10.00）」 while the GMV on the same card was ¥99,999.99.

import { expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { problemsAt } from '../run.js';

const policy = (aov: string, extra = '') => `policy: labels
title: 名称
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money, aliases: [成交额] }
  orders: { label: 订单数, unit: count }
derived:
  aov: { expr: gmv / orders, label: ${aov}, unit: money }
${extra}stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      g: { metric: gmv, target: 100000, weight: 100 }
holds:
  fake:
    title: 疑似刷单
    when: { fact: aov, operator: lessThan, value: 10 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

it('a label of its own is accepted', () => {
  expect(problemsAt(policy('客单价'))).toEqual([]);
});

it("a metric's label, written at another width or case, or one of its aliases, is refused at the label", () => {
  // line 8 is `  aov: { expr: gmv / orders, label: …`; the label starts at column 37
  expect(problemsAt(policy('GMV'))).toEqual(['8:37 policy_duplicate_label']);
  expect(problemsAt(policy('ｇｍｖ'))).toEqual(['8:37 policy_duplicate_label']);
  expect(problemsAt(policy('成交额'))).toEqual(['8:37 policy_duplicate_label']);
  const loaded = loadPolicy(policy('GMV'), 'spec.yaml');
  expect(loaded.diagnostics.map((d) => d.message)).toEqual([
    'derived metric `aov` is labelled `GMV`, a name `gmv` already has',
  ]);
});

it("another derived metric's label is refused at the later one", () => {
  // line 9 is `  per_order: { expr: gmv / (orders + 1), label: 客单价 }`; its label starts at column 49 (2 + 'per_order: { expr: gmv / (orders + 1), label: ' = 48 characters before it)
  const text = policy('客单价', '  per_order: { expr: gmv / (orders + 1), label: 客单价 }\n');
  expect(problemsAt(text)).toEqual(['9:49 policy_duplicate_label']);
});
