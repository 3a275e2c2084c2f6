// How far a scorecard is from the next grade and tier, and the payout formula in words with the
// employee's numbers: pure functions the editor's scorecard and the statements share.
// Every expectation below is worked out by hand from the policy in the test.

import { describe, expect, it } from 'vitest';
import {
  distanceToNext,
  distanceWords,
  formulaInWords,
  runPolicy,
  type CompiledPolicy,
  type Scorecard,
} from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { compiledPolicy, policy, when } from '../builders.js';

/**
 * Score = the rating (one indicator, weight 100). Grades A ≥ 90, B ≥ 75, C below. Pay base 6000,
 * performance pay `pay_base * min(score, 120) / 100`; tiers on attainment: 银牌 ≥ 0.9, 铜牌 ≥ 0.8.
 */
function ratingPolicy(): ReturnType<typeof policy> {
  return policy()
    .role('staff', { pay_base: 6000 })
    .grades([
      { grade: 'A', min: 90 },
      { grade: 'B', min: 75 },
      { grade: 'C', min: 0 },
    ])
    .payout({ performance_pay: 'pay_base * min(score, 120) / 100' })
    .tier({ tier: 'silver', title: '银牌', min: 0.9, multiplier: 1.2 })
    .tier({ tier: 'bronze', title: '铜牌', min: 0.8, multiplier: 1.1 });
}

async function card(text: string, header: string, row: string): Promise<{ p: CompiledPolicy; c: Scorecard }> {
  const p = compiledPolicy(text, 'distance.yaml');
  const read = readRecords(`工号,姓名,岗位,团队,阶段,月份,${header}\n${row}\n`, 'csv', p.contract, { file: 'd.csv' });
  const result = await runPolicy(p, { records: read.records });
  expect(result.excluded).toEqual([]);
  return { p, c: result.scorecards[0]! };
}
const rated = (text: string, rating: number) => card(text, '评分', `E1,甲,员工,一组,常规,2026-10,${rating}`);

describe('distance to the next grade and tier', () => {
  it('71.8 points: 3.2 more for B (75), 8.2 more for 铜牌 (attainment 0.8 = 80 points)', async () => {
    const { p, c } = await rated(ratingPolicy().yaml(), 71.8);
    expect(c.grade).toBe('C');
    expect(c.payout.tier).toBeUndefined();
    const d = distanceToNext(p, c);
    expect(d).toEqual({
      grade: { grade: 'B', points: 3.2 },
      tier: { tier: 'bronze', title: '铜牌', basis: 'attainment', more: 0.082, points: 8.2 },
    });
    expect(distanceWords(p, d, 'zh')).toEqual({ grade: '再得 3.2 分升 B', tier: '再得 8.2 分达铜牌' });
    expect(distanceWords(p, d, 'en')).toEqual({ grade: '3.2 more points for B', tier: '8.2 more points for 铜牌' });
  });

  it('84.5 points in 铜牌: 5.5 more for A (90) and for 银牌 (0.9)', async () => {
    const { p, c } = await rated(ratingPolicy().yaml(), 84.5);
    expect([c.grade, c.payout.tier?.id]).toEqual(['B', 'bronze']);
    expect(distanceToNext(p, c)).toEqual({
      grade: { grade: 'A', points: 5.5 },
      tier: { tier: 'silver', title: '银牌', basis: 'attainment', more: 0.055, points: 5.5 },
    });
  });

  it('at the top grade and tier there is nothing further', async () => {
    const { p, c } = await rated(ratingPolicy().yaml(), 95);
    const d = distanceToNext(p, c);
    expect(d).toEqual({ grade: { blocked: 'top' }, tier: { blocked: 'top' } });
    expect(distanceWords(p, d, 'zh')).toEqual({ grade: '已是最高等级', tier: '已是最高档位' });
  });

  it('a score cap below the next cut-off blocks both: capped at 74, B (75) and 铜牌 (80) are out of reach', async () => {
    const text = ratingPolicy()
      .adjustment('cap', { title: '违规封顶', when: when('rating', 'lessThan', 100), score_cap: 74 })
      .yaml();
    const { p, c } = await rated(text, 71.8);
    const d = distanceToNext(p, c);
    expect(d).toEqual({ grade: { blocked: 'capped' }, tier: { blocked: 'capped' } });
    expect(distanceWords(p, d, 'zh').grade).toBe('等级或总分已封顶，本期不能再升级');
  });

  it('a tier on a metric says how much more of it: GMV 88,000 of 银牌 100,000 → ¥12,000.00 more', async () => {
    // GMV scored in proportion to a target of 100,000: 88,000 → 88 points
    const text = policy()
      .metric('gmv', { label: '直播间GMV', unit: 'money' })
      .indicator('staff', 'rating', { metric: 'gmv', scoring: 'linear', target: 100000, weight: 100 })
      .grades([
        { grade: 'A', min: 90 },
        { grade: 'B', min: 0 },
      ])
      .set('payout', {
        performance_pay: 'pay_base * score / 100',
        rounding: { to: 0.01, mode: 'half_up' },
        tiers: {
          basis: 'gmv',
          bands: [
            { tier: 'silver', title: '银牌', min: 100000, award: 500 },
            { tier: 'bronze', title: '铜牌', min: 50000, award: 200 },
          ],
        },
      })
      .yaml();
    const { p, c } = await card(text, '直播间GMV', 'E1,甲,员工,一组,常规,2026-10,88000');
    expect([c.score, c.payout.tier?.id]).toEqual([88, 'bronze']);
    const d = distanceToNext(p, c);
    expect(d).toEqual({
      grade: { grade: 'A', points: 2 },
      tier: { tier: 'silver', title: '银牌', basis: 'gmv', more: 12000 },
    });
    expect(distanceWords(p, d, 'zh')).toEqual({ grade: '再得 2 分升 A', tier: '直播间GMV再增 ¥12,000.00 达银牌' });
    expect(distanceWords(p, d, 'en').tier).toBe('¥12,000.00 more 直播间GMV for 银牌');
  });
});

describe('the payout formula in words', () => {
  it('pay_base * min(score, 120) / 100 with a pay base of 6000 and a score of 77.25', async () => {
    const { p, c } = await rated(ratingPolicy().yaml(), 77.25);
    expect(formulaInWords(p, c, 'pay_base * min(score, 120) / 100', 'zh')).toBe(
      '绩效基数 ¥6,000.00 × 得分 77.25（最高按 120 计） ÷ 100',
    );
    expect(formulaInWords(p, c, 'pay_base * min(score, 120) / 100', 'en')).toBe(
      'pay base ¥6,000.00 × score 77.25 (counted up to 120) ÷ 100',
    );
    // and the performance pay it gives: 6000 × 77.25 / 100 = 4635
    expect(c.payout.lines[0]).toMatchObject({ kind: 'performance_pay', amountFen: 463500 });
  });

  it('keeps the brackets that change the result, names the metric with its value and the larger of several values', async () => {
    const { p, c } = await rated(ratingPolicy().yaml(), 80);
    expect(formulaInWords(p, c, '(pay_base + 500) * attainment', 'zh')).toBe(
      '(绩效基数 ¥6,000.00 + 500) × 达成率 80.0%',
    );
    expect(formulaInWords(p, c, 'max(rating, base_score, 60) - (score - 10)', 'zh')).toBe(
      '评分 80、基础得分 80、60 中较大者 − (得分 80 − 10)',
    );
    expect(formulaInWords(p, c, 'pay_base *', 'zh')).toBeUndefined();
  });
});
