// A derived metric is the number its formula means, not the binary double next to it: 0.3 + 0.6
// is 0.9, so a pass mark, a tier band and a condition at 0.9 are reached (before, 0.8999999999999999
// missed all three while the explanation said 90.0 % — fail (target ≥ 90.0 %)).

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, loadPolicy, type EmployeeRecord } from '../../engine/index.js';

const POLICY = `policy: derived-noise
title: 派生指标的二进制误差
version: 1.0.0
metrics:
  a: { label: 甲率, unit: ratio }
  b: { label: 乙率, unit: ratio }
  n: { label: 单数, unit: count }
derived:
  s: { expr: a + b, label: 合计率, unit: ratio, range: [ 0, 2 ] }
  tenth: { expr: n * 0.1, label: 十分之一单数 }
stages:
  only: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      x: { metric: s, scoring: pass_fail, target: 0.9, weight: 100 }
adjustments:
  reached:
    title: 达标奖
    when: { fact: s, operator: greaterThanInclusive, value: 0.9 }
    award: 100
  below:
    title: 未满奖
    when: { fact: tenth, operator: lessThan, value: 0.3 }
    award: 7
grades:
  - { grade: A, min: 100 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: s
    bands:
      - { tier: gold, title: 金牌, min: 0.9, award: 50 }
  rounding: { to: 0.01, mode: half_up }
`;

const record: EmployeeRecord = {
  employee_id: 'E1',
  name: '林小雨',
  role: 'staff',
  team: '一组',
  stage: 'only',
  period: '2026-10',
  metrics: { a: 0.3, b: 0.6, n: 3 },
};

describe('a derived metric at a bound', () => {
  const loaded = loadPolicy(POLICY, 'p.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const r = evaluateRecordSync(loaded.policy, record, { lang: 'zh' });
  if (!r.ok) throw new Error(r.reasons[0]!.message);
  const card = r.scorecard;

  it('0.3 + 0.6 reaches the pass mark 0.9: 100 points, grade A', () => {
    expect(card.score).toBe(100);
    expect(card.grade).toBe('A');
  });

  it('reaches the gold band from 0.9 and the condition ≥ 0.9; 3 × 0.1 is 0.3, not below 0.3', () => {
    expect(card.payout.tier).toEqual({ id: 'gold', title: '金牌', basis: 0.9 });
    expect(card.adjustments.map((a) => a.id)).toEqual(['reached']);
    // 1000 × 100 / 100 = 1000.00 + gold ¥50.00 + 达标奖 ¥100.00 = ¥1,150.00
    expect(card.payout.totalFen).toBe(115000);
  });
});

describe('what counts as binary noise in a derived metric', () => {
  const loaded = loadPolicy(POLICY, 'p.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const s = (a: number, b: number) => {
    const r = evaluateRecordSync(loaded.policy, { ...record, metrics: { a, b, n: 3 } }, { lang: 'zh' });
    if (!r.ok) throw new Error(r.reasons[0]!.message);
    return r.scorecard.indicators[0]!.actual;
  };

  it.each([
    // a sum whose double is a hair off a short decimal: the decimal
    [0.1, 0.2, 0.3], // 0.30000000000000004
    [1.1, 0.2, 1.3], // 1.3000000000000003
    [0.000000001, 0.000000002, 0.000000003], // 3.0000000000000004e-9, the smallest scale looked at
    // values that are no short decimal: kept exactly as computed
    [1 / 3, 0, 1 / 3],
    [569 / 34000, 0, 569 / 34000], // 0.016735294117647…
    [0.123456789012, 0.0000000000004, 0.1234567890124], // 13 significant digits: no noise, kept
  ])('%d + %d is %d', (a, b, sum) => {
    expect(s(a, b)).toBe(sum);
  });
});
