// Rolling up recorded months: facts over the months present, min_months, the score and grade,
// forced distribution, awards paid once, and the explanation in words. Every number by hand.

import { describe, expect, it } from 'vitest';
import {
  evaluateRollup,
  explainRollup,
  explainRollupExcluded,
  type RollupDoc,
  type RollupMonth,
} from '../../engine/index.js';

const H2 = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

const month = (
  employee_id: string,
  period: string,
  score: number,
  grade: string,
  more: Partial<RollupMonth> = {},
): RollupMonth => ({
  employee_id,
  name: `员工${employee_id}`,
  role: 'host',
  team: '直播一组',
  stage: 'startup',
  period,
  score,
  grade,
  payoutFen: 0,
  values: {},
  ...more,
});

const REVIEW: RollupDoc = {
  policy: 'half-year-review',
  title: '半年绩效评估',
  version: '1.0.0',
  rollup: { of: 'livestream-team', period: 'half_year', min_months: 4 },
  facts: {
    avg_score: { average: 'score', title: '月均得分' },
    a_plus_months: { count: { grade: 'A+' }, title: 'A+ 次数' },
    good_months: { count: { grade: ['A+', 'A'] } },
    top_tier_months: { count: { tier: ['silver', 'gold'] } },
    pay: { sum: 'payout' },
    best: { max: 'score' },
    worst: { min: 'score' },
    avg_gmv: { average: 'gmv_completion_rate' },
  },
  score: 'avg_score',
  grades: [
    { grade: 'E', min: 100 },
    { grade: 'M+', min: 85 },
    { grade: 'M', min: 65 },
    { grade: 'M-', min: 0 },
  ],
};

describe('the facts of a roll-up', () => {
  // E1: 5 of 6 months (no September); gmv_completion_rate only in three of them
  const e1 = [
    month('E1', '2026-07', 101, 'A+', { tier: 'silver', payoutFen: 1_000_050, values: { gmv_completion_rate: 1.0 } }),
    month('E1', '2026-08', 95, 'A', { tier: 'gold', payoutFen: 900_000, values: { gmv_completion_rate: 1.2 } }),
    month('E1', '2026-10', 100, 'A+', { tier: 'bronze', payoutFen: 950_000 }),
    month('E1', '2026-11', 80, 'B', { payoutFen: 800_000, values: { gmv_completion_rate: 0.85 } }),
    month('E1', '2026-12', 104, 'A+', { tier: 'silver', payoutFen: 1_000_000 }),
  ];
  const result = evaluateRollup(REVIEW, '2026-H2', H2, e1);
  const card = result.cards[0]!;
  const fact = (id: string) => card.facts.find((f) => f.id === id);

  it('averages over the months present, not over the six of the period', () => {
    // (101 + 95 + 100 + 80 + 104) / 5 = 480 / 5 = 96
    expect(fact('avg_score')?.value).toBe(96);
    expect(fact('months')?.value).toBe(5);
    expect(card.missing).toEqual(['2026-09']);
  });

  it('counts months with one grade or any of several, and months at some tiers', () => {
    expect(fact('a_plus_months')).toMatchObject({
      value: 3,
      months: [{ period: '2026-07' }, { period: '2026-10' }, { period: '2026-12' }],
    });
    // A+ or A: July, August, October, December
    expect(fact('good_months')?.value).toBe(4);
    // silver or gold: July, August, December (October is bronze, November has none)
    expect(fact('top_tier_months')?.value).toBe(3);
  });

  it('sums the pay in yuan, and takes the highest and lowest score', () => {
    // 10000.50 + 9000 + 9500 + 8000 + 10000 = 46500.50
    expect(fact('pay')?.value).toBe(46500.5);
    expect(fact('best')?.value).toBe(104);
    expect(fact('worst')?.value).toBe(80);
  });

  it('averages a metric over the months that have it', () => {
    // (1.0 + 1.2 + 0.85) / 3 = 3.05 / 3 = 1.01666… → 1.02
    expect(fact('avg_gmv')).toMatchObject({
      value: 1.02,
      months: [{ period: '2026-07' }, { period: '2026-08' }, { period: '2026-11' }],
    });
  });

  it('grades the score: 96 is M+ (85 ≤ 96 < 100)', () => {
    expect([card.score, card.grade]).toEqual([96, 'M+']);
    expect(result.by_grade).toEqual({ 'M+': 1 });
  });

  it('says it in words', () => {
    const lines = explainRollup(
      card,
      { title: REVIEW.title, grades: REVIEW.grades, scoreFact: 'avg_score', minMonths: 4, periodMonths: H2 },
      'zh',
    );
    expect(lines).toContain('6 个月中已记录 5 个月，缺 2026-09（至少需要 4 个月；平均值按已记录的月份计算）');
    expect(lines).toContain('A+ 次数（a_plus_months）：5 个月中 A+ 3 次（2026-07、2026-10、2026-12）');
    expect(lines).toContain(
      '月均得分（avg_score）：score 5 个月平均 96（2026-07 101 · 2026-08 95 · 2026-10 100 · 2026-11 80 · 2026-12 104）',
    );
    expect(lines).toContain(
      'avg_gmv：gmv_completion_rate 3 个月平均 1.02（2 个月没有该项）（2026-07 1 · 2026-08 1.2 · 2026-11 0.85）',
    );
    expect(lines).toContain(
      'pay：payout 5 个月合计 ¥46,500.50（2026-07 ¥10,000.50 · 2026-08 ¥9,000.00 · 2026-10 ¥9,500.00 · 2026-11 ¥8,000.00 · 2026-12 ¥10,000.00）',
    );
    expect(lines).toContain('汇总得分 = avg_score = 96 → 等级 M+（≥ 85）');
    expect(lines.at(-1)).toBe('2026-H2 应发：¥0.00（没有符合条件的奖励）');
    const en = explainRollup(
      card,
      { title: REVIEW.title, grades: REVIEW.grades, scoreFact: 'avg_score', minMonths: 4, periodMonths: H2 },
      'en',
    );
    expect(en).toContain('A+ 次数 (a_plus_months): A+ in 3 of 5 month(s) (2026-07, 2026-10, 2026-12)');
  });
});

describe('missing months', () => {
  it('leaves out an employee with fewer than min_months, with the reason in words', () => {
    const result = evaluateRollup(REVIEW, '2026-H2', H2, [
      month('E2', '2026-07', 90, 'A'),
      month('E2', '2026-08', 90, 'A'),
      month('E2', '2026-09', 90, 'A'),
      // outside 2026-H2: not counted
      month('E2', '2026-06', 90, 'A'),
    ]);
    expect(result.cards).toEqual([]);
    expect(result.excluded).toEqual([
      { employee_id: 'E2', name: '员工E2', reason: 'too_few_months', present: ['2026-07', '2026-08', '2026-09'] },
    ]);
    expect(explainRollupExcluded(result.excluded[0]!, 4, 6, 'zh')).toBe(
      'E2 员工E2：6 个月中只记录了 3 个月（2026-07、2026-08、2026-09），少于 min_months: 4，未参与汇总',
    );
    expect(explainRollupExcluded(result.excluded[0]!, 4, 6, 'en')).toBe(
      'E2 员工E2: only 3 of 6 month(s) recorded (2026-07, 2026-08, 2026-09), fewer than min_months: 4, so they are not rolled up',
    );
  });

  it('leaves out an employee whose score fact has no value in any month', () => {
    const doc: RollupDoc = { ...REVIEW, score: 'avg_gmv', rollup: { ...REVIEW.rollup, min_months: 1 } };
    const result = evaluateRollup(doc, '2026-H2', H2, [month('E3', '2026-07', 90, 'A')]);
    expect(result.excluded).toEqual([
      { employee_id: 'E3', name: '员工E3', reason: 'no_score', present: ['2026-07'], fact: 'avg_gmv' },
    ]);
  });
});

describe('forced distribution and awards', () => {
  const doc: RollupDoc = {
    ...REVIEW,
    rollup: { ...REVIEW.rollup, min_months: 1 },
    facts: {
      avg_score: { average: 'score' },
      a_plus_months: { count: { grade: 'A+' } },
      avg_gmv: { average: 'gmv_completion_rate' },
    },
    calibration: { within: 'all', quotas: { E: { max: 0.25 }, 'M-': { min: 0.25 } } },
    payout: {
      awards: {
        yearly_bonus: {
          title: '年度奖金',
          when: {
            all: [
              { fact: 'a_plus_months', operator: 'greaterThanInclusive', value: 2 },
              { fact: 'calibrated_grade', operator: 'in', value: ['E', 'M+'] },
            ],
          },
          award: 50000,
        },
        gmv_bonus: {
          title: 'GMV 奖',
          when: { all: [{ fact: 'avg_gmv', operator: 'notEqual', value: 0 }] },
          award: 100.5,
        },
      },
    },
  };
  // four people, one month each (min_months 1): scores 110, 105, 90, 70
  const result = evaluateRollup(doc, '2026-H2', H2, [
    month('P1', '2026-07', 110, 'A+'),
    month('P1', '2026-08', 110, 'A+'),
    month('P2', '2026-07', 105, 'A+'),
    month('P2', '2026-08', 105, 'A+', { values: { gmv_completion_rate: 1 } }),
    month('P3', '2026-07', 90, 'A'),
    month('P4', '2026-07', 70, 'B'),
  ]);
  const card = (id: string) => result.cards.find((c) => c.employee_id === id)!;

  it('moves the lowest-ranked of an over-full grade down and fills a minimum from the bottom', () => {
    // E at most floor(0.25 × 4) = 1: P1 (110) keeps E, P2 (105) → M+; M- at least 1: P4 (70, M) → M-
    expect(result.cards.map((c) => [c.employee_id, c.grade, c.calibration?.calibrated, c.calibration?.rank])).toEqual([
      ['P1', 'E', 'E', 1],
      ['P2', 'E', 'M+', 2],
      ['P3', 'M+', 'M+', 3],
      ['P4', 'M', 'M-', 4],
    ]);
    expect(card('P2').calibration?.moved_by).toBe('E max 25%');
    expect(result.by_calibrated_grade).toEqual({ E: 1, 'M+': 2, 'M-': 1 });
  });

  it('pays an award once for the period when its condition holds on the facts and the calibrated grade', () => {
    // P1: A+ twice, E → ¥50,000; P2: A+ twice, M+ → ¥50,000 and avg_gmv 1 ≠ 0 → ¥100.50
    expect(card('P1').awards.map((a) => [a.id, a.amountFen])).toEqual([['yearly_bonus', 5_000_000]]);
    expect(card('P2').payoutFen).toBe(5_010_050);
    // P3: A+ never; no month has gmv_completion_rate, so `avg_gmv notEqual 0` does not hold either
    expect(card('P3').awards).toEqual([]);
    expect(result.payout_total_fen).toBe(10_010_050);
  });

  it('explains forced distribution and each award', () => {
    const lines = explainRollup(
      card('P2'),
      { title: '半年绩效评估', grades: doc.grades, scoreFact: 'avg_score', minMonths: 1, periodMonths: H2 },
      'zh',
    );
    expect(lines).toContain('强制分布（全体，4 人）：排名第 2，E → M+（E max 25%）');
    expect(lines).toContain('年度奖金：a_plus_months 2 ≥ 2，calibrated_grade M+ ∈ [E, M+] → ¥50,000.00');
    expect(lines).toContain('GMV 奖：avg_gmv 1 ≠ 0 → ¥100.50');
    expect(lines.at(-1)).toBe('2026-H2 应发：¥50,100.50（本期只发一次）');
  });
});

describe('a roll-up sum of thirteen significant digits', () => {
  it('keeps its last fen: 6 × 1,975,308,642.34 is 11,851,851,854.04 (it was cut to 12 digits, 11,851,851,854.0)', () => {
    // 197,530,864,234 fen a month × 6 = 1,185,185,185,404 fen = 11,851,851,854.04 yuan
    const months = H2.map((p) => month('E1', p, 90, 'M', { payoutFen: 197_530_864_234 }));
    const card = evaluateRollup(REVIEW, '2026-H2', H2, months).cards[0]!;
    expect(card.facts.find((f) => f.id === 'pay')?.value).toBe(11_851_851_854.04);
  });
});
