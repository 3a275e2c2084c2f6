// The tier basis `attainment` is score / 100 (docs/policy-language.md, "How a record is evaluated"
// step 7 and the facts table): a score of 96.96 is an attainment of exactly 0.9696, so it reaches a
// band whose `min` is 0.9696. In binary floating point 96.96 / 100 is 0.9695999999999999, which
// missed the band by noise; the attainment is now the decimal the score gives, to two more digits
// than `score.decimals`.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { runPolicy } from '../../engine/index.js';
import { compiledPolicy, policy, when } from '../builders.js';

/** One employee scored `rating` out of 100 (so the score is the rating), tiers from `min`. */
async function scorecard(rating: string, min: number) {
  const built = policy()
    .tier({ tier: 'gold', title: '金牌', min, multiplier: 1.5 })
    .trigger('at_band', {
      title: '达成率到档',
      when: when('attainment', 'greaterThanInclusive', min),
      action: { type: 'notify' },
    });
  const compiled = compiledPolicy(built.yaml(), 'tiers.yaml');
  const read = readRecords(
    `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,${rating}\n`,
    'csv',
    compiled.contract,
    { file: 'data.csv' },
  );
  const result = await runPolicy(compiled, { records: read.records });
  expect(result.excluded).toEqual([]);
  return result.scorecards[0];
}

describe('attainment is score / 100 as a decimal, so a score at a band bound reaches it', () => {
  it.each([
    // score, band min — score / 100 equals the min exactly
    ['96.96', 0.9696], // 96.96 / 100 was 0.9695999999999999 in floating point
    ['57.01', 0.5701], // was 0.5700999999999999
    ['0.7', 0.007], // was 0.006999999999999999
  ])('score %s reaches the band from %d: gold, pay 1000 × score / 100 × 1.5', async (rating, min) => {
    const card = await scorecard(rating, min);
    expect(card.score).toBe(Number(rating));
    expect(card.payout.tier?.id).toBe('gold');
    expect(card.payout.tier?.basis).toBe(min);
    expect(card.triggers.map((t) => t.id)).toEqual(['at_band']);
  });

  it('96.95 stays below the band from 0.9696: no tier, no trigger, pay 1000 × 96.95 / 100 = ¥969.50', async () => {
    const card = await scorecard('96.95', 0.9696);
    expect(card.payout.tier).toBeUndefined();
    expect(card.triggers).toEqual([]);
    expect(card.payout.totalFen).toBe(96950);
  });

  it('96.96 at the band from 0.9696 pays 969.60 + the uplift 969.60 × 0.5 = 484.80: ¥1,454.40', async () => {
    const card = await scorecard('96.96', 0.9696);
    expect(card.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 96960],
      ['tier_multiplier', 48480],
    ]);
    expect(card.payout.totalFen).toBe(145440);
  });
});
