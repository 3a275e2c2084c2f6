// `effective_rule`: a veto (an adjustment with only `score_cap` / `grade_cap`) that never changes a
// result. A cap no score under the rule's own condition reaches (`rating < 50` caps at 95 where
// such an employee scores at most 92) was called effective: only a cap above every score of the
// policy was flagged.
//
// The policy (the tester's e-*.yaml): 主播, GMV linear (threshold ¥100,000, target ¥200,000,
// challenge ¥300,000, weight 60, at most 120 points → 72) and a rating (weight 40 → at most 40),
// grades A ≥ 80, B ≥ 60, C; `adjustments:` from line 24.

import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-policy.js';
import { verifyPolicyText } from '../../engine/index.js';
import { localise } from '../../engine/model/diagnostic.js';

const BASE = hostPolicy({ id: 'e-veto', after: 'adjustments:\n' });

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

// A veto shadowed by another that fires whenever it does and caps at least as hard was caught only
// when its comparisons literally repeated the other's: `rating < 40` (cap 70, B) under
// `rating < 50` (cap 60, C) passed without a word, and `--all` listed no `effective_rule` verdict
// for any veto, so "checked and fine" could not be told from "not checked".
describe('a veto shadowed by a stricter one', () => {
  const SHADOW = `  v1:
    title: 违规否决
    when: { fact: rating, operator: lessThan, value: 50 }
    score_cap: 60
    grade_cap: C
  v2:
    title: 次否决
    when: { all: [ { fact: rating, operator: lessThan, value: 40 } ] }
    score_cap: 70
    grade_cap: B
`;

  it('is proved shadowed when its condition implies the other one by their comparisons on the same fact', () => {
    expect(effective(SHADOW)).toEqual([
      ['adjustments.v1', true, 'example', undefined, undefined],
      [
        'adjustments.v2',
        false,
        'proved',
        '30:3',
        'adjustment `v2` never changes a result: `v1` fires whenever it does and caps at least as hard',
      ],
    ]);
  });

  it('is proved shadowed through `rating ≤ 49` and `any`, not through `not`', () => {
    const le = SHADOW.replace(
      '{ all: [ { fact: rating, operator: lessThan, value: 40 } ] }',
      '{ fact: rating, operator: lessThanInclusive, value: 49 }',
    ).replace('score_cap: 70', 'score_cap: 60');
    expect(effective(le).map((v) => v.slice(0, 3))).toEqual([
      ['adjustments.v1', true, 'example'],
      ['adjustments.v2', false, 'proved'],
    ]);
    const any = SHADOW.replace(
      'when: { fact: rating, operator: lessThan, value: 50 }',
      'when: { any: [ { fact: rating, operator: lessThan, value: 50 }, { fact: gmv, operator: lessThan, value: 1000 } ] }',
    );
    expect(effective(any).map((v) => v.slice(0, 3))).toEqual([
      ['adjustments.v1', true, 'example'],
      ['adjustments.v2', false, 'proved'],
    ]);
    const not = SHADOW.replace(
      'when: { fact: rating, operator: lessThan, value: 50 }',
      'when: { not: { fact: rating, operator: lessThan, value: 50 } }',
    );
    expect(effective(not).map((v) => v.slice(0, 3))).toEqual([
      ['adjustments.v1', true, 'example'],
      ['adjustments.v2', true, 'example'],
    ]);
  });

  it('is effective, by an example, when the stricter veto does not fire whenever it does', () => {
    // v2 (rating < 40, cap 60 / C) is the stricter one; v1 (rating < 50) also fires between 40 and 50
    const swapped = `  v1:
    title: 违规否决
    when: { fact: rating, operator: lessThan, value: 50 }
    score_cap: 70
    grade_cap: B
  v2:
    title: 次否决
    when: { all: [ { fact: rating, operator: lessThan, value: 40 } ] }
    score_cap: 60
    grade_cap: C
`;
    expect(effective(swapped)).toEqual([
      ['adjustments.v1', true, 'example', undefined, undefined],
      ['adjustments.v2', true, 'example', undefined, undefined],
    ]);
  });

  it('is undecided, naming the veto that outdid it in every case searched, when no proof relates the two', () => {
    // `r2 < 80` holds exactly when `rating < 40`, but on another fact: no proof, and no employee it changes
    const derived = `  v1:
    title: 违规否决
    when: { fact: rating, operator: lessThan, value: 50 }
    score_cap: 60
  v2:
    title: 次否决
    when: { fact: r2, operator: lessThan, value: 80 }
    score_cap: 70
derived:
  r2: { expr: "rating * 2", label: 双倍评分, unit: score }
`;
    const [v1, v2] = effective(derived);
    expect(v1).toEqual(['adjustments.v1', true, 'example', undefined, undefined]);
    expect(v2!.slice(0, 4)).toEqual(['adjustments.v2', undefined, 'searched', '29:3']);
    // 41 swept employees, 200 searched for one it changes, 200 for one it fires for without v1
    expect(v2![4]).toBe(
      'adjustment `v2` changed no result in 441 searched cases: `v1` fired in each of them where it did and caps at least as hard, but no proof says it always will',
    );
  });
});

describe('a veto no proof settles and no employee searched is changed by', () => {
  it('is undecided, with the number of cases, when no stricter veto explains it', () => {
    // `r2 < 40` is `rating < 20`: at most 72 + 8 = 80 points, under the cap of 90, but on a derived fact
    const derived = `  v:
    title: 低分否决
    when: { fact: r2, operator: lessThan, value: 40 }
    score_cap: 90
derived:
  r2: { expr: "rating * 2", label: 双倍评分, unit: score }
`;
    expect(effective(derived)).toEqual([
      [
        'adjustments.v',
        undefined,
        'searched',
        '25:3',
        'adjustment `v` changed no result in 241 searched cases, and no proof says it never does',
      ],
    ]);
  });
});
