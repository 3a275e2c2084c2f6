// `effective_rule`: a veto (an adjustment with only `score_cap` / `grade_cap`) that never changes a
// result. A cap no score under the rule's own condition reaches (`rating < 50` caps at 95 where
// such an employee scores at most 92) was called effective: only a cap above every score of the
// policy was flagged.
//
// The policy (the tester's e-*.yaml): 主播, GMV linear (threshold ¥100,000, target ¥200,000,
// challenge ¥300,000, weight 60, at most 120 points → 72) and a rating (weight 40 → at most 40),
// grades A ≥ 80, B ≥ 60, C; `adjustments:` from line 24.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { localise } from '../../engine/model/diagnostic.js';

const BASE = `policy: e-veto
title: 基础
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money, range: [0, 10000000] }
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  only: { title: 唯一 }
roles:
  host:
    title: 主播
    pay_base: 10000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, challenge: 300000, weight: 60 }
      att: { metric: rating, scoring: rating, weight: 40 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * min(score, 120) / 100
  cap: 30000
  rounding: { to: 0.01, mode: half_up }
adjustments:
`;

function effective(adjustments: string) {
  const r = verifyPolicyText(BASE + adjustments, 'e.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts
    .filter((v) => v.property === 'effective_rule')
    .map((v) => [
      v.subject.join('.'),
      v.holds,
      v.basis,
      v.diagnostic ? `${v.diagnostic.span?.line}:${v.diagnostic.span?.column}` : undefined,
      v.diagnostic?.message,
    ]);
}

describe('a veto whose cap no employee under its condition reaches', () => {
  it('is idle: under `rating < 50` the score is at most 92, below its cap of 95 and within grade A', () => {
    const veto = `  v:
    title: 低评分否决
    when: { fact: rating, operator: lessThan, value: 50 }
    score_cap: 95
    grade_cap: A
`;
    expect(effective(veto).filter((v) => v[1] === false)).toEqual([
      [
        'adjustments.v',
        false,
        'proved',
        '25:3',
        'adjustment `v` never changes a result: under its condition the score is at most 92, which its cap does not cut',
      ],
    ]);
  });

  it('is idle as a grade cap alone when the best score under its condition already gets that grade', () => {
    const veto = `  v:
    title: 低评分否决
    when: { all: [ { fact: rating, operator: lessThan, value: 20 }, { fact: gmv, operator: lessThan, value: 200000 } ] }
    grade_cap: B
`;
    // rating < 20 → at most 8 points; gmv < 200000 → at most 60 (100 points × 60 %): 68, grade B,
    // so a cap at B takes nothing away
    expect(effective(veto).filter((v) => v[1] === false)).toEqual([
      [
        'adjustments.v',
        false,
        'proved',
        '25:3',
        'adjustment `v` never changes a result: under its condition the score is at most 68, which its cap does not cut',
      ],
    ]);
  });

  it('says it in Chinese', () => {
    const veto = `  v:
    title: 低评分否决
    when: { fact: rating, operator: lessThan, value: 50 }
    score_cap: 95
`;
    const r = verifyPolicyText(BASE + veto, 'e.yaml');
    if (!r.ok) throw new Error('invalid');
    const v = r.report.verdicts.find((x) => x.property === 'effective_rule' && x.holds === false)!;
    expect(localise(v.diagnostic!, 'zh').message).toBe(
      '加减分规则 `v` 不会改变任何结果：在它的条件下得分最高 92 分，它的封顶不起作用',
    );
  });
});
