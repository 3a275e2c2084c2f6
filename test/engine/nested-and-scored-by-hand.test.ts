// Policies an HR analyst writes that the bundled ones do not: the three-dimension system nested
// three levels deep with weights of 33.3 / 33.3 / 33.4, a group whose children all sit at their
// threshold, and the scored table of manager ratings out of 15, 10 and 30 points. Every number by
// hand: points and weighted points rounded half up to 2 decimals at each level, a group's points
// the sum of its children's weighted points (docs/policy-language.md, "How a record is evaluated").

import { describe, expect, it } from 'vitest';
import { compiledPolicy, policy, staffScorecard } from '../builders.js';

const rating = (label: string, max: number) => ({ label, unit: 'score', range: [0, max] });
const rated = (metric: string, weight: number) => ({ metric, scoring: 'rating', weight });

describe('three levels of groups, weights 33.3 / 33.3 / 33.4', () => {
  // staff: 内容 (33.3) { 质量 (50) { 原创 33.3, 完播 33.3, 共鸣 33.4 }, 增长 50 }, 商业 66.7; pay base 1,000
  const b = policy()
    .metric('r1', rating('原创', 100))
    .metric('r2', rating('完播', 100))
    .metric('r3', rating('共鸣', 100))
    .metric('r4', rating('增长', 100))
    .metric('r5', rating('商业', 100));
  b.draft.roles.staff!.indicators = {
    content: {
      title: '内容',
      weight: 33.3,
      indicators: {
        quality: {
          title: '质量',
          weight: 50,
          indicators: { r1: rated('r1', 33.3), r2: rated('r2', 33.3), r3: rated('r3', 33.4) },
        },
        r4: rated('r4', 50),
      },
    },
    r5: rated('r5', 66.7),
  };
  const card = (m: Record<string, number>) => staffScorecard(compiledPolicy(b.yaml(), 'p.yaml'), m);

  it('rounds at every level: 77, 88, 99, 61, 55 → 61.50', () => {
    // 原创 77 × 33.3 % = 25.641 → 25.64; 完播 88 × 33.3 % = 29.304 → 29.30; 共鸣 99 × 33.4 % = 33.066 → 33.07
    // 质量 25.64 + 29.30 + 33.07 = 88.01; × 50 % = 44.005 → 44.01; 增长 61 × 50 % = 30.50
    // 内容 44.01 + 30.50 = 74.51; × 33.3 % = 24.81183 → 24.81; 商业 55 × 66.7 % = 36.685 → 36.69
    // score 24.81 + 36.69 = 61.50 → B; pay 1,000 × 61.5 % = 615.00
    const c = card({ r1: 77, r2: 88, r3: 99, r4: 61, r5: 55 });
    const content = c.indicators[0]!;
    expect([content.points, content.children![0]!.points, c.score, c.grade, c.payout.totalFen]).toEqual([
      74.51,
      88.01,
      61.5,
      'B',
      61_500,
    ]);
  });

  it('100 everywhere is exactly 100: 33.3 + 33.3 + 33.4 is 100', () => {
    // 33.30 + 33.30 + 33.40 = 100; 100 × 50 % + 100 × 50 % = 100; 100 × 33.3 % + 100 × 66.7 % = 100.00 → A
    expect(card({ r1: 100, r2: 100, r3: 100, r4: 100, r5: 100 })).toMatchObject({ score: 100, grade: 'A' });
  });
});

describe('a group whose children are all at their threshold', () => {
  // 内容 (100) { 完播率 threshold 0.5, target 0.7; 原创 threshold 20, target 30; 互动率 threshold 0.02, target 0.05 },
  // weights 33.3 / 33.3 / 33.4: each child at its threshold scores 60
  const b = policy()
    .metric('completion', { label: '完播率', unit: 'ratio' })
    .metric('originals', { label: '原创数', unit: 'count' })
    .metric('interaction', { label: '互动率', unit: 'ratio' });
  b.draft.roles.staff!.indicators = {
    content: {
      title: '内容',
      weight: 100,
      indicators: {
        completion: { metric: 'completion', threshold: 0.5, target: 0.7, weight: 33.3 },
        originals: { metric: 'originals', threshold: 20, target: 30, weight: 33.3 },
        interaction: { metric: 'interaction', threshold: 0.02, target: 0.05, weight: 33.4 },
      },
    },
  };
  const card = (m: Record<string, number>) => staffScorecard(compiledPolicy(b.yaml(), 'p.yaml'), m);

  it('scores 60: 19.98 + 19.98 + 20.04', () => {
    const c = card({ completion: 0.5, originals: 20, interaction: 0.02 });
    expect(c.indicators[0]!.children!.map((i) => i.weighted_points)).toEqual([19.98, 19.98, 20.04]);
    // 60.00 → B; pay 1,000 × 60 % = 600.00
    expect([c.score, c.grade, c.payout.totalFen]).toEqual([60, 'B', 60_000]);
  });

  it('one child a step below its threshold scores 0 there: 0 + 19.98 + 20.04 = 40.02', () => {
    expect(card({ completion: 0.499, originals: 20, interaction: 0.02 }).score).toBe(40.02);
  });
});

describe('the scored table: manager ratings out of their own full marks', () => {
  // 执行力 /15 (15 %), 超额与提案 /10 (20 %), 内容运营 /30 (30 %), 活动运营 /10 (10 %), 数据分析 /15 (15 %),
  // 用户运营 /10 (10 %); grades A from 81; pay base 6,000
  const b = policy()
    .role('staff', { pay_base: 6000 })
    .metric('execution', rating('执行力', 15))
    .metric('proposals', rating('超额与提案', 10))
    .metric('content', rating('内容运营', 30))
    .metric('campaign', rating('活动运营', 10))
    .metric('analysis', rating('数据分析', 15))
    .metric('users', rating('用户运营', 10))
    .grades([
      { grade: 'A', min: 81 },
      { grade: 'B', min: 61 },
      { grade: 'C', min: 0 },
    ]);
  b.draft.roles.staff!.indicators = {
    execution: rated('execution', 15),
    proposals: rated('proposals', 20),
    content: rated('content', 30),
    campaign: rated('campaign', 10),
    analysis: rated('analysis', 15),
    users: rated('users', 10),
  };

  it('13, 7, 26.5, 9, 11, 8 → 81.50, A, ¥4,890.00', () => {
    // 13/15 = 86.666… → 86.67 × 15 % = 13.0005 → 13.00; 7/10 = 70 × 20 % = 14.00;
    // 26.5/30 = 88.333… → 88.33 × 30 % = 26.499 → 26.50; 9/10 = 90 × 10 % = 9.00;
    // 11/15 = 73.333… → 73.33 × 15 % = 10.9995 → 11.00; 8/10 = 80 × 10 % = 8.00
    // 13 + 14 + 26.5 + 9 + 11 + 8 = 81.50 ≥ 81 → A; 6,000 × 81.5 % = 4,890.00
    const c = staffScorecard(compiledPolicy(b.yaml(), 'p.yaml'), {
      execution: 13,
      proposals: 7,
      content: 26.5,
      campaign: 9,
      analysis: 11,
      users: 8,
    });
    expect(c.indicators.map((i) => [i.points, i.weighted_points])).toEqual([
      [86.67, 13],
      [70, 14],
      [88.33, 26.5],
      [90, 9],
      [73.33, 11],
      [80, 8],
    ]);
    expect([c.score, c.grade, c.payout.totalFen]).toEqual([81.5, 'A', 489_000]);
  });
});
