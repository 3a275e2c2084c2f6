// A hurried analyst keys a weight by the stage's title, as the data's 阶段 column may:
// `weight: { startup: 30, 成熟期: 70 }`. Weights name their stage by id (docs/policy-language.md,
// stages), so the policy is refused at the key; the message said only "is not a valid id" with the rules
// for ids, and now names the stage whose title it is and the id to write.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';

const POLICY = `policy: by-title
title: 阶段权重
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  conv: { label: 转化率, unit: ratio }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  staff:
    title: 员工
    pay_base: 5000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, weight: { startup: 30, 成熟期: 70 } }
      conv: { metric: conv, threshold: 0.3, target: 0.5, weight: { startup: 70, mature: 30 } }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

describe('a weight keyed by the stage title', () => {
  it('is refused at the key, naming the stage id to write', () => {
    const loaded = loadPolicy(POLICY, 'p.yaml');
    expect(loaded.ok).toBe(false);
    // line 15 is the `sales:` line; `成熟期` starts at its column 87 (messages in English, loadPolicy's default)
    expect(loaded.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.message, d.help])).toEqual([
      [
        '15:87',
        'schema_bad_id',
        '`成熟期` in `roles.staff.indicators.sales.weight` is the title of the stage `mature`: a weight names its stage by id',
        'write `mature:` for `成熟期:`',
      ],
    ]);
  });

  it('a key that is no stage title is told the rules for ids, as before', () => {
    const loaded = loadPolicy(POLICY.replace('成熟期: 70', '成熟: 70'), 'p.yaml');
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      '`成熟` in `roles.staff.indicators.sales.weight` is not a valid id',
    ]);
  });
});
