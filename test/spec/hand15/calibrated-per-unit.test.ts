// Seven editors, written from docs/policy-language.md: a pass/fail on a derived like rate
// whose divisor can be 0 (default 0), steps, per-unit points and awards with their max, score.decimals
// 1, forced distribution within teams with a tie and a team of two (small_teams: round), rounding to
// the jiao half even.

import { expect, it } from 'vitest';
import { byId, each, lines, runMonth } from '../run.js';

const POLICY = `policy: fd
title: 强制分布
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  clips: { label: 剪辑数, unit: count }
  plays: { label: 播放量, unit: count }
  likes: { label: 点赞数, unit: count }
derived:
  like_rate: { expr: likes / plays, label: 点赞率, unit: ratio, default: 0 }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 3333.33
    indicators:
      r: { metric: rating, scoring: rating, weight: 60 }
      c:
        metric: clips
        scoring: steps
        steps: [ { min: 30, points: 100 }, { min: 20, points: 70 }, { min: 10, points: 40 } ]
        weight: 25
      lr: { metric: like_rate, scoring: pass_fail, target: 0.05, weight: 15 }
score:
  decimals: 1
  max: 110
adjustments:
  extra_clips:
    title: 超额剪辑加分
    when: { fact: clips, operator: greaterThan, value: 30 }
    points: { per: clips - 30, amount: 0.75, max: 5 }
    award: { per: clips - 30, amount: 33.333, max: 250 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas:
    A: { max: 0.2 }
    C: { min: 0.1 }
  small_teams: round
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.1, mode: half_even }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,评分,剪辑数,播放量,点赞数
E1,a,员工,一组,常规,2026-10,95,37,1000,50
E2,b,员工,一组,常规,2026-10,95,37,1000,50
E3,c,员工,一组,常规,2026-10,90,30,0,0
E4,d,员工,一组,常规,2026-10,80,25,2000,99
E5,e,员工,一组,常规,2026-10,50,9,100,5
E10,f,员工,二组,常规,2026-10,100,40,10,1
E9,g,员工,二组,常规,2026-10,100,40,10,1
`;

it('scores, pays and calibrates as worked out by hand', async () => {
  const r = await runMonth(POLICY, CSV);
  const c = byId(r);
  // E1, E2: 95 × 60% = 57; 37 ≥ 30 → 100 × 25% = 25; 50 / 1000 = 0.05 meets 0.05 → 100 × 15% = 15 → 97;
  //   (37 − 30) × 0.75 = 5.25 → 5.3 at one decimal → max 5 → 102; pay 3333.33 × 1.02 = 3399.9966 → ¥3,400.0;
  //   award 7 × 33.333 = 233.331 → ¥233.3
  // E3: 54 + 25; 0 plays: the like rate cannot be computed → default 0 → fails → 79, B; 30 clips is not > 30;
  //   3333.33 × 0.79 = 2633.3307 → ¥2,633.3
  // E4: 48; 25 clips → 70 × 25% = 17.5; 99 / 2000 = 0.0495 < 0.05 → 0 → 65.5, C; 3333.33 × 0.655 = 2183.33115 → ¥2,183.3
  // E5: 30; 9 clips below every step → 0; 5 / 100 = 0.05 → 15 → 45, C; ¥1,500.0
  // E10, E9: 60 + 25 + 15 (0.1 ≥ 0.05) = 100; 10 × 0.75 = 7.5 → max 5 → 105; 3333.33 × 1.05 = 3499.9965 → ¥3,500.0;
  //   award 10 × 33.333 = 333.33 → max ¥250
  expect(each(r, (s) => s.score)).toEqual({ E1: 102, E2: 102, E3: 79, E4: 65.5, E5: 45, E10: 105, E9: 105 });
  expect(lines(c.E1!)).toEqual([
    ['performance_pay', 340000],
    ['award', 23330],
  ]);
  expect(lines(c.E3!)).toEqual([['performance_pay', 263330]]);
  expect(lines(c.E4!)).toEqual([['performance_pay', 218330]]);
  expect(lines(c.E5!)).toEqual([['performance_pay', 150000]]);
  expect(lines(c.E10!)).toEqual([
    ['performance_pay', 350000],
    ['award', 25000],
  ]);
  // 一组 (5): A max 20% × 5 = 1 person: of the tied E1 and E2 (102), E1 (the smaller id) keeps A, E2 → B;
  //   C min 10% × 5 = 0.5 → round → 1, and two are C already
  // 二组 (2): A max 20% × 2 = 0.4 → round → nobody: both → B; ranked E10 before E9 (E10 < E9 by code unit)
  expect(each(r, (s) => s.calibration?.calibrated)).toEqual({
    E1: 'A',
    E2: 'B',
    E3: 'B',
    E4: 'C',
    E5: 'C',
    E10: 'B',
    E9: 'B',
  });
  expect([c.E10!.calibration?.rank, c.E9!.calibration?.rank]).toEqual([1, 2]);
  // calibration changes no pay: 2 × 3633.3 + 2633.3 + 2183.3 + 1500 + 2 × 3750 = 21,083.2
  expect(r.summary.payout_total_fen).toBe(2108320);
});
