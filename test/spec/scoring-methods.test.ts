// docs/policy-language.md, "Scoring methods", as a specification: one role per method, one person per
// boundary, every point worked out by hand from the reference's table (not from the program).

import { describe, expect, it } from 'vitest';
import { each, runMonth } from './run.js';

/** Seven roles, each scored on one indicator of weight 100, so the score is that indicator's points. */
const POLICY = (cap = '') => `policy: spec-scoring
title: 评分方法
version: 1.0.0
metrics:
  rate: { label: 完成率, unit: ratio, range: [0, 2] }
  returns: { label: 退货率, unit: ratio }
  videos: { label: 视频数, unit: count }
  stars: { label: 星级, unit: score, range: [0, 5] }
stages:
  s: { title: 常规 }
roles:
  lin:
    title: 线性
    pay_base: 1000
    indicators:
      r: { metric: rate, threshold: 0.30, target: 0.40, challenge: 0.50, weight: 100${cap} }
  nochal:
    title: 无挑战
    pay_base: 1000
    indicators:
      r: { metric: rate, threshold: 0.30, target: 0.40, weight: 100${cap} }
  nothr:
    title: 无门槛
    pay_base: 1000
    indicators:
      r: { metric: rate, target: 0.40, weight: 100 }
  low:
    title: 越低越好
    pay_base: 1000
    indicators:
      r: { metric: returns, better: lower, threshold: 0.15, target: 0.10, challenge: 0.05, weight: 100 }
  stp:
    title: 阶梯
    pay_base: 1000
    indicators:
      v: { metric: videos, scoring: steps, steps: [ { min: 32, points: 100 }, { min: 24, points: 80 }, { min: 16, points: 60 } ], weight: 100 }
  pf:
    title: 达标
    pay_base: 1000
    indicators:
      v: { metric: videos, scoring: pass_fail, target: 30, weight: 100 }
  rt:
    title: 评级
    pay_base: 1000
    indicators:
      s: { metric: stars, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const HEADER = '工号,姓名,岗位,团队,阶段,月份,完成率,退货率,视频数,星级';
/** One row: id, role, and the one metric its role reads (the other cells empty: not required of it). */
const row = (id: string, role: string, column: 'rate' | 'returns' | 'videos' | 'stars', value: string) => {
  const cells = { rate: '', returns: '', videos: '', stars: '' };
  cells[column] = value;
  return `${id},${id},${role},一组,常规,2026-10,${cells.rate},${cells.returns},${cells.videos},${cells.stars}`;
};
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const scores = async (policy: string, ...rows: string[]) => each(await runMonth(policy, csv(...rows)), (c) => c.score);

describe('linear: threshold 0.30 → 60, target 0.40 → 100, challenge 0.50 → 120', () => {
  it('scores each reference point and the reference example (0.35 → 80, 0.45 → 110)', async () => {
    expect(
      await scores(
        POLICY(),
        row('L1', 'lin', 'rate', '0.2999'), // below the threshold: 0
        row('L2', 'lin', 'rate', '0.30'), // at the threshold: 60
        row('L3', 'lin', 'rate', '0.35'), // 60 + 40 × 0.05 / 0.10 = 80
        row('L4', 'lin', 'rate', '0.40'), // at the target: 100
        row('L5', 'lin', 'rate', '0.45'), // 100 + 20 × 0.05 / 0.10 = 110
        row('L6', 'lin', 'rate', '0.50'), // at the challenge: 120
        row('L7', 'lin', 'rate', '0.60'), // the slope goes on (140), the default cap of 120 applies
      ),
    ).toEqual({ L1: 0, L2: 60, L3: 80, L4: 100, L5: 110, L6: 120, L7: 120 });
  });

  it('continues the slope past the challenge up to a cap of 150', async () => {
    expect(
      await scores(
        POLICY(', cap: 150'),
        row('L6', 'lin', 'rate', '0.60'), // 100 + 20 × 0.20 / 0.10 = 140
        row('L7', 'lin', 'rate', '0.70'), // 160, capped at 150
      ),
    ).toEqual({ L6: 140, L7: 150 });
  });

  it('without a challenge, the threshold–target line continues past the target up to the cap', async () => {
    expect(
      await scores(
        POLICY(', cap: 150'),
        row('N1', 'nochal', 'rate', '0.45'), // 60 + 40 × 0.15 / 0.10 = 120
        row('N2', 'nochal', 'rate', '0.50'), // 60 + 40 × 0.20 / 0.10 = 140
        row('N3', 'nochal', 'rate', '0.60'), // 180, capped at 150
      ),
    ).toEqual({ N1: 120, N2: 140, N3: 150 });
  });

  it('without a threshold, points are pro rata from 0: 100 × actual / target', async () => {
    expect(
      await scores(
        POLICY(),
        row('T1', 'nothr', 'rate', '0.10'), // 100 × 0.10 / 0.40 = 25
        row('T2', 'nothr', 'rate', '0.44'), // 100 × 0.44 / 0.40 = 110
        row('T3', 'nothr', 'rate', '0'), // 0
      ),
    ).toEqual({ T1: 25, T2: 110, T3: 0 });
  });

  it('lower is better mirrors the table: the reference example 0.125 → 80, 0.075 → 110', async () => {
    expect(
      await scores(
        POLICY(),
        row('W1', 'low', 'returns', '0.1501'), // above the threshold: 0
        row('W2', 'low', 'returns', '0.15'), // at the threshold: 60
        row('W3', 'low', 'returns', '0.125'), // 60 + 40 × 0.025 / 0.05 = 80
        row('W4', 'low', 'returns', '0.075'), // 100 + 20 × 0.025 / 0.05 = 110
        row('W5', 'low', 'returns', '0'), // 100 + 20 × 0.10 / 0.05 = 140, capped at 120
      ),
    ).toEqual({ W1: 0, W2: 60, W3: 80, W4: 110, W5: 120 });
  });
});

describe('steps: first match from the top, below every step 0', () => {
  it('scores a value on a step bound as that step', async () => {
    expect(
      await scores(
        POLICY(),
        row('S1', 'stp', 'videos', '32'), // ≥ 32: 100
        row('S2', 'stp', 'videos', '31'), // ≥ 24: 80
        row('S3', 'stp', 'videos', '24'), // ≥ 24: 80
        row('S4', 'stp', 'videos', '16'), // ≥ 16: 60
        row('S5', 'stp', 'videos', '15'), // below every step: 0
      ),
    ).toEqual({ S1: 100, S2: 80, S3: 80, S4: 60, S5: 0 });
  });
});

describe('pass_fail: the target met scores pass_points (100), else fail_points (0)', () => {
  it('meets the target at exactly the target', async () => {
    expect(await scores(POLICY(), row('P1', 'pf', 'videos', '30'), row('P2', 'pf', 'videos', '29'))).toEqual({
      P1: 100,
      P2: 0,
    });
  });
});

describe('rating: actual / the range maximum × 100', () => {
  it('4.5 of 5 is 90, 5 of 5 is 100, 0 is 0', async () => {
    expect(
      await scores(
        POLICY(),
        row('R1', 'rt', 'stars', '4.5'),
        row('R2', 'rt', 'stars', '5'),
        row('R3', 'rt', 'stars', '0'),
      ),
    ).toEqual({ R1: 90, R2: 100, R3: 0 });
  });
});
