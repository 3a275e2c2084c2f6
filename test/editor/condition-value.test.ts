// The condition builder's value box (editor/app/lib/condition-value.ts): `in` and `notIn` take a
// list. The builder kept one value when the operator became `in` and wrote `in: 0` / `in: A+`,
// which json-rules-engine tests as text (an A is "in A+") and the policy check now refuses.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { conditionValueText, parseConditionValue, valueForOperator } from '../../editor/app/lib/condition-value.js';

describe('what is typed in the value box', () => {
  it('is one number, true/false or text for the comparisons and equal', () => {
    expect(parseConditionValue(' 90 ', 'greaterThan')).toBe(90);
    expect(parseConditionValue('true', 'equal')).toBe(true);
    expect(parseConditionValue(' 直播一组 ', 'equal')).toBe('直播一组');
  });
  it('is a list for in and notIn, split at 、 and at commas of either width', () => {
    expect(parseConditionValue('A+、A', 'in')).toEqual(['A+', 'A']);
    expect(parseConditionValue('直播一组，直播二组, 直播三组', 'notIn')).toEqual(['直播一组', '直播二组', '直播三组']);
    expect(parseConditionValue('1、2、3', 'in')).toEqual([1, 2, 3]);
    expect(parseConditionValue('A+', 'in')).toEqual(['A+']);
    expect(parseConditionValue(' 、 ', 'in')).toEqual([]);
  });
  it('keeps 1,000 one value rather than the list 1 and 0', () => {
    expect(parseConditionValue('1,000', 'in')).toEqual(['1,000']);
    expect(parseConditionValue('E1,E2', 'in')).toEqual(['E1', 'E2']);
  });
});

describe('changing the operator', () => {
  it('to in or notIn makes the one value a list of one, and back takes the first', () => {
    expect(valueForOperator('A+', 'in')).toEqual(['A+']);
    expect(valueForOperator(['A+', 'A'], 'notIn')).toEqual(['A+', 'A']);
    expect(valueForOperator(['A+', 'A'], 'equal')).toBe('A+');
    expect(valueForOperator([], 'equal')).toBe(0);
    expect(valueForOperator(90, 'greaterThan')).toBe(90);
  });
  it('writes a condition the policy check accepts', () => {
    const value = valueForOperator('A+', 'in');
    const policy = `policy: cv
title: t
version: 1.0.0
metrics:
  r: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: r, scoring: rating, weight: 100 }
grades:
  - { grade: A+, min: 90 }
  - { grade: C, min: 0 }
triggers:
  promote:
    title: 晋升评估
    when: { fact: grade, operator: in, value: ${JSON.stringify(value)} }
    action: { type: promotion_review }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
    expect(loadPolicy(policy, 'cv.yaml').diagnostics).toEqual([]);
  });
});

describe('the value as shown', () => {
  it('joins a list with 、 and shows one value as it is', () => {
    expect(conditionValueText(['A+', 'A'])).toBe('A+、A');
    expect(conditionValueText(90)).toBe('90');
    expect(conditionValueText({ fact: 'gmv_target' })).toBe('{"fact":"gmv_target"}');
  });
});
