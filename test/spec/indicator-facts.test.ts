// docs/policy-language.md, "Facts on indicator results" and "How a record is evaluated", as a
// specification: a group inside a role, weights per stage, and the three rules of the reference's
// example — a zero veto, a bonus for most indicators at target, a red line on two indicators — with
// every point worked out by hand from the reference (not from the program).

import { describe, expect, it } from 'vitest';
import { byId, runMonth } from './run.js';

const POLICY = `policy: spec-indicator-facts
title: 指标结果
version: 1.0.0
metrics:
  rate: { label: 完成率, unit: ratio }
  videos: { label: 视频数, unit: count }
  stars: { label: 星级, unit: score, range: [0, 5] }
  returns: { label: 退货率, unit: ratio }
stages:
  s: { title: 初创期 }
  m: { title: 成熟期 }
roles:
  staff:
    title: 运营
    pay_base: 2000
    indicators:
      completion: { metric: rate, threshold: 0.30, target: 0.40, challenge: 0.50, weight: { s: 40, m: 30 } }
      content:
        title: 内容
        weight: { s: 40, m: 30 }
        indicators:
          output: { metric: videos, scoring: steps, steps: [ { min: 30, points: 100 }, { min: 20, points: 80 }, { min: 10, points: 60 } ], weight: 50 }
          quality: { metric: stars, scoring: rating, weight: 50 }
      returns: { metric: returns, better: lower, threshold: 0.15, target: 0.10, challenge: 0.05, weight: { s: 20, m: 40 } }
adjustments:
  zero_veto:
    title: 单项零分否决
    when: { fact: lowest_indicator_points, operator: equal, value: 0 }
    score_cap: 60
    grade_cap: C
  most_at_target:
    title: 多数指标达标
    when: { fact: indicators_reached_share, params: { level: target }, operator: greaterThanInclusive, value: 0.75 }
    points: 5
  red_line:
    title: 红线指标未达门槛
    when: { fact: indicators_missed, params: { level: threshold, indicators: [ completion, returns ] }, operator: greaterThan, value: 0 }
    grade_cap: B
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const HEADER = '工号,姓名,岗位,团队,阶段,月份,完成率,视频数,星级,退货率';
const row = (id: string, stage: string, rate: string, videos: string, stars: string, returns: string) =>
  `${id},${id},运营,一组,${stage},2026-10,${rate},${videos},${stars},${returns}`;

// The counts go over the four leaves a person is scored on (completion, content.output,
// content.quality, returns): the group stands for its two children.
const MONTH = `${[
  HEADER,
  // P1, startup: completion 0.45 → 100 + 20 × 0.05/0.10 = 110; 25 videos → the 20 step, 80;
  //   4.5 stars → 4.5/5 × 100 = 90; content = 0.5 × 80 + 0.5 × 90 = 85; returns 0.075 (lower) →
  //   100 + 20 × (0.10 − 0.075)/(0.10 − 0.05) = 110. Base 0.4 × 110 + 0.4 × 85 + 0.2 × 110 = 44 + 34 + 22 = 100.
  //   At target: completion (0.45 ≥ 0.40) and returns (0.075 ≤ 0.10); output 80 and quality 90 points
  //   are below the target's 100 → 2 of 4 = 0.5: no bonus. Lowest points 80: no veto. Both red-line
  //   indicators reach their threshold. Score 100, A, 2000 × 100 / 100 = ¥2,000.00.
  row('P1', '初创期', '0.45', '25', '4.5', '0.075'),
  // P2, mature: completion 0.40 → 100; 30 videos → 100; 5 stars → 100; content 100; returns 0.16 is
  //   above the threshold 0.15 → 0. Base 0.3 × 100 + 0.3 × 100 + 0.4 × 0 = 60. At target 3 of 4 = 0.75
  //   → +5 = 65; lowest points 0 → score at most 60, grade at most C; returns misses its threshold →
  //   grade at most B. Score min(65, 60) = 60, grade C (the tighter cap; 60 is C anyway),
  //   2000 × 60 / 100 = ¥1,200.00.
  row('P2', '成熟期', '0.40', '30', '5', '0.16'),
  // P3, mature: completion 0.35 → 80; 12 videos → 60; 2.5 stars → 50; content 0.5 × 60 + 0.5 × 50 =
  //   55; returns 0.125 → 80 (the reference's example). Base 0.3 × 80 + 0.3 × 55 + 0.4 × 80 =
  //   24 + 16.5 + 32 = 72.5. None at target (80, 60, 50, 80 points; completion 0.35 < 0.40, returns
  //   0.125 > 0.10): share 0. Lowest 50. Both red-line indicators reach their threshold. Score 72.5,
  //   B, 2000 × 72.5 / 100 = ¥1,450.00.
  row('P3', '成熟期', '0.35', '12', '2.5', '0.125'),
  // P4, startup: completion 0.29 is below the threshold → 0; 35 videos → 100; 5 stars → 100; content
  //   100; returns 0.05 → 120 (the challenge). Base 0.4 × 0 + 0.4 × 100 + 0.2 × 120 = 40 + 24 = 64.
  //   At target 3 of 4 → +5 = 69; lowest 0 → at most 60 and C; completion misses its threshold → at
  //   most B. Score 60, C, ¥1,200.00. Without the veto it would be 69: the cap is applied after the
  //   points (step 5: base + points, then every fired score_cap).
  row('P4', '初创期', '0.29', '35', '5', '0.05'),
  // P5, mature: everything exactly at target: completion 0.40 → 100, 30 videos → 100, 5 stars → 100,
  //   returns 0.10 → 100. Base 100; 4 of 4 at target → +5 = 105, A. Lowest 100. 2000 × 105 / 100 =
  //   ¥2,100.00.
  row('P5', '成熟期', '0.40', '30', '5', '0.10'),
].join('\n')}\n`;

describe('facts on indicator results, a group among the indicators', () => {
  it('scores, grades and pays each person as worked out by hand', async () => {
    const cards = byId(await runMonth(POLICY, MONTH));
    const figures = Object.fromEntries(
      Object.entries(cards).map(([id, c]) => [id, [c.base_score, c.score, c.grade, c.payout.totalFen]]),
    );
    expect(figures).toEqual({
      P1: [100, 100, 'A', 200000],
      P2: [60, 60, 'C', 120000],
      P3: [72.5, 72.5, 'B', 145000],
      P4: [64, 60, 'C', 120000],
      P5: [100, 105, 'A', 210000],
    });
  });

  it('fires the rules each person’s indicator results call for, and no other', async () => {
    const cards = byId(await runMonth(POLICY, MONTH));
    const fired = Object.fromEntries(
      Object.entries(cards).map(([id, c]) => [id, c.adjustments.map((a) => a.id).sort()]),
    );
    expect(fired).toEqual({
      P1: [],
      P2: ['most_at_target', 'red_line', 'zero_veto'],
      P3: [],
      P4: ['most_at_target', 'red_line', 'zero_veto'],
      P5: ['most_at_target'],
    });
  });

  it('gives the group the weighted points of its children', async () => {
    const cards = byId(await runMonth(POLICY, MONTH));
    const content = (id: string) => cards[id]!.indicators.find((i) => i.path === 'content')!;
    // P1 0.5 × 80 + 0.5 × 90 = 85; P3 0.5 × 60 + 0.5 × 50 = 55
    expect([content('P1').points, content('P3').points]).toEqual([85, 55]);
  });
});
