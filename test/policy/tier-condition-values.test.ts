// A trigger or rule condition on `tier` naming a tier the policy does not have
// (`{ fact: tier, operator: equal, value: gold }` in a policy whose bands are silver and bronze)
// passed `validate`: the comparison equals no employee's tier, so the trigger never fired. Grades
// were checked; a tier is now refused the same way, `policy_unknown_tier`, at the value — as it is
// in a declared property's `where`.
//
// The policy: 18 lines, bands silver (银牌) and bronze, then from line 19:
//   19 triggers:
//   20   star:
//   21     title: 明星
//   22     when: { fact: tier, operator: …, value: … }
//   23     action: { type: improvement_plan, days: 30, close_when: { fact: grade, operator: equal, value: A } }

import { describe, expect, it } from 'vitest';
import { policyProblems as problems } from '../builders.js';

const TIERED = `policy: tiered
title: 档位
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: attainment
    bands:
      - { tier: silver, title: 银牌, min: 0.9, multiplier: 1.1 }
      - { tier: bronze, min: 0.8, multiplier: 1 }
  rounding: { to: 0.01, mode: half_up }
`;

const trigger = (when: string) =>
  `${TIERED}triggers:\n  star:\n    title: 明星\n    when: ${when}\n    action: { type: improvement_plan, days: 30, close_when: { fact: grade, operator: equal, value: A } }\n`;

describe('a condition on `tier` naming a tier the policy does not have', () => {
  it('refuses `tier equal gold` in a trigger at the value', () => {
    // `    when: { fact: tier, operator: equal, value: ` is 48 characters: the value at 23:49
    expect(problems(trigger('{ fact: tier, operator: equal, value: gold }'))).toEqual([
      ['policy_unknown_tier', 'error', 'unknown tier `gold`', '23:49', 'tiers of this policy: silver, bronze'],
    ]);
  });

  it('refuses a band by its title, suggesting its id', () => {
    expect(problems(trigger('{ fact: tier, operator: equal, value: 银牌 }'))).toEqual([
      [
        'policy_unknown_tier',
        'error',
        'unknown tier `银牌`',
        '23:49',
        'did you mean `silver`? tiers of this policy: silver, bronze',
      ],
    ]);
  });

  it('refuses an unknown tier inside an `all` and an `in` list', () => {
    // `    when: { all: [ { fact: tier, operator: in, value: [ silver, ` is 64 characters: `goldd` at 23:65
    expect(problems(trigger('{ all: [ { fact: tier, operator: in, value: [ silver, goldd ] } ] }'))).toEqual([
      ['policy_unknown_tier', 'error', 'unknown tier `goldd`', '23:65', 'tiers of this policy: silver, bronze'],
    ]);
  });

  it('accepts a tier the policy has', () => {
    expect(problems(trigger('{ fact: tier, operator: equal, value: silver }'))).toEqual([]);
  });
});
