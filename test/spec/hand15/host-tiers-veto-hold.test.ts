// A livestream host's month, written from docs/policy-language.md: stage weights (startup vs
// mature), a lower-is-better return rate, a 0–5 rating, tiers on GMV with edges exactly at a band's
// min, a red-line veto (score_cap 0, grade_cap C), a hold on a derived 客单价, rounding to the yuan.

import { expect, it } from 'vitest';
import { byId, each, lines, runMonth } from '../run.js';

const POLICY = `policy: host-bonus
title: 主播月度绩效
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  return_rate: { label: 退货率, unit: ratio }
  rating: { label: 上级评分, unit: score, range: [0, 5] }
  violations: { label: 违规次数, unit: count }
  orders: { label: 订单数, unit: count }
derived:
  aov: { expr: gmv / orders, label: 客单价, unit: money }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  host:
    title: 主播
    pay_base: 5000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, challenge: 300000, weight: { startup: 30, mature: 50 } }
      returns: { metric: return_rate, better: lower, threshold: 0.30, target: 0.20, challenge: 0.10, weight: 30 }
      attitude: { metric: rating, scoring: rating, weight: { startup: 40, mature: 20 } }
adjustments:
  red_line:
    title: 违规一票否决
    when: { fact: violations, operator: greaterThan, value: 0 }
    score_cap: 0
    grade_cap: C
holds:
  fake:
    title: 疑似刷单
    when: { fact: aov, operator: lessThan, value: 10 }
    reason: 客单价过低
grades:
  - { grade: A, min: 100 }
  - { grade: B, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: gmv
    bands:
      - { tier: gold, title: 金牌, min: 300000, multiplier: 1.5, award: 2000 }
      - { tier: silver, title: 银牌, min: 200000, multiplier: 1.2 }
  rounding: { to: 1, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,GMV,退货率,上级评分,违规次数,订单数
E1,甲,主播,直播一组,成熟期,2026-10,200000,0.2,4,0,1000
E2,乙,主播,直播一组,成熟期,2026-10,300000,15%,5,0,2000
E3,丙,主播,直播一组,初创期,2026-10,150000,0.25,3.5,0,1500
E4,丁,主播,直播一组,成熟期,2026-10,350000,0.1,5,1,3500
E5,戊,主播,直播一组,初创期,2026-10,99999.99,0.35,2.5,0,20000
`;

it('scores, grades and pays each host as worked out by hand', async () => {
  const r = await runMonth(POLICY, CSV);
  const c = byId(r);
  // E1 (mature): GMV at target 100 × 50% = 50; returns at target 100 × 30% = 30; 4/5 = 80 × 20% = 16 → 96, B
  //   pay 5000 × 96 / 100 = 4800; GMV 200,000 is exactly silver's min → uplift 4800 × 0.2 = 960; total 5760
  // E2 (mature): GMV at challenge 120 × 50% = 60; 15% between target 20% and challenge 10%:
  //   100 + 20 × (0.20 − 0.15) / (0.20 − 0.10) = 110 × 30% = 33; 5/5 = 100 × 20% = 20 → 113, A
  //   pay 5650; gold (300,000 is its min) uplift 5650 × 0.5 = 2825, award 2000; total 10475
  // E3 (startup): 60 + 40 × 50,000 / 100,000 = 80 × 30% = 24; 60 + 40 × (0.30 − 0.25) / 0.10 = 80 × 30% = 24;
  //   3.5/5 = 70 × 40% = 28 → 76, C; pay 3800; GMV 150,000 below silver: no tier
  // E4 (mature): base 60 + 36 + 20 = 116, the veto caps the score at 0 and the grade at C: pay 0;
  //   the tier is on GMV, not the score: gold, uplift 0 × 0.5 = 0, award 2000; total 2000
  // E5 (startup): GMV 99,999.99 below the threshold 0; 35% above the threshold 30% → 0; 2.5/5 = 50 × 40% = 20
  //   → 20, C; pay 1000; 客单价 99,999.99 / 20,000 = 4.9999995 < 10 → held
  expect(each(r, (s) => s.score)).toEqual({ E1: 96, E2: 113, E3: 76, E4: 0, E5: 20 });
  expect(each(r, (s) => s.grade)).toEqual({ E1: 'B', E2: 'A', E3: 'C', E4: 'C', E5: 'C' });
  expect(each(r, (s) => s.payout.tier?.id)).toEqual({
    E1: 'silver',
    E2: 'gold',
    E3: undefined,
    E4: 'gold',
    E5: undefined,
  });
  expect(lines(c.E1!)).toEqual([
    ['performance_pay', 480000],
    ['tier_multiplier', 96000],
  ]);
  expect(lines(c.E2!)).toEqual([
    ['performance_pay', 565000],
    ['tier_multiplier', 282500],
    ['tier_award', 200000],
  ]);
  expect(lines(c.E3!)).toEqual([['performance_pay', 380000]]);
  expect(lines(c.E4!)).toEqual([
    ['performance_pay', 0],
    ['tier_multiplier', 0],
    ['tier_award', 200000],
  ]);
  expect(lines(c.E5!)).toEqual([['performance_pay', 100000]]);
  expect(each(r, (s) => s.payout.status)).toEqual({
    E1: 'payable',
    E2: 'payable',
    E3: 'payable',
    E4: 'payable',
    E5: 'held',
  });
  // totals: 5760 + 10475 + 3800 + 2000 + 1000 = 23,035; held 1000, payable 22,035
  expect(c.E2!.payout.totalFen).toBe(1047500);
  expect([r.summary.payout_total_fen, r.summary.held_total_fen]).toEqual([2303500, 100000]);
});
