// Also: the results of a card's leaves are made with fields that hold the numbers they are given (one
// result of each shape made at load with texts in its number fields, KEEPS_LEAF_FIELDS_TAGGED); the
// results keep their keys, their order and their values.
//
// A derived value that is already the double of a short decimal (0.075 = 3 / 40, the common case of
// a rate of two counts) is returned by `withoutNoise` without its two texts (`toPrecision`), after one
// division shows it is that decimal's double (engine/language/compile.ts, docs/benchmarks.md
// "Executor, fourteenth round"). What must not change: every value comes out as the definition by
// texts gives it, clean decimals as they are, their noisy neighbours cleaned.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, loadPolicy } from '../../engine/index.js';
import { KEEPS_LEAF_FIELDS_TAGGED } from '../../engine/evaluation/evaluate.js';
import { withoutNoise } from '../../engine/language/compile.js';

/** The definition: 15 significant digits, kept when they are a number of at most 12 (the texts). */
function byTexts(v: number): number {
  if (Number.isInteger(v)) return v;
  const clean = Number(v.toPrecision(15));
  return clean !== v && Number(clean.toPrecision(12)) === clean ? clean : v;
}

/** The next double above / below a positive finite x. */
function step(x: number, by: 1n | -1n): number {
  const b = new Float64Array([x]);
  const bits = new BigInt64Array(b.buffer);
  bits[0] = bits[0]! + by;
  return b[0]!;
}

describe('a derived value that is already a short decimal', () => {
  it('is kept as it is, and its noisy neighbours are cleaned to it, as worked out by hand', () => {
    // 3 / 40 is 0.075 exactly as the literal reads: kept
    expect(withoutNoise(3 / 40)).toBe(0.075);
    expect(withoutNoise(-3 / 40)).toBe(-0.075);
    // 0.1 + 0.2 is 0.30000000000000004, one unit in the last place above 0.3: cleaned to 0.3
    expect(withoutNoise(0.1 + 0.2)).toBe(0.3);
    // 0.7 + 0.1 is 0.7999999999999999: cleaned to 0.8
    expect(withoutNoise(0.7 + 0.1)).toBe(0.8);
    // 1.15 × 100 is 114.99999999999999: cleaned to 115
    expect(withoutNoise(1.15 * 100)).toBe(115);
    // a decimal of 12 significant digits, and one of 13 (its 13th digit is not noise: kept)
    expect(withoutNoise(0.123456789012)).toBe(0.123456789012);
    expect(withoutNoise(0.1234567890123)).toBe(0.1234567890123);
    // below 1e-9 and from 1e15 up nothing is scaled, the texts decide: 1.5e-10 is its own 15
    // digits (kept); 1,500,000,000,000,000.5 has 17, its 15 are 1.5e15, a number of 2 (cleaned)
    expect(withoutNoise(1.5e-10)).toBe(1.5e-10);
    expect(withoutNoise(1.5e15 + 0.5)).toBe(1.5e15);
  });

  it('gives what the texts give for decimals of 1 to 15 digits at every scale and for their neighbours', () => {
    const values: number[] = [];
    let seed = 14;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 30_000; i++) {
      const digits = 1 + (i % 15);
      const exponent = (Math.floor(i / 15) % 26) - 11; // 10^-11 … 10^14
      const mantissa = Math.floor(next() * 10 ** digits) + 1;
      const v = Number(`${mantissa}e${exponent - digits + 1}`);
      values.push(v, -v, step(v, 1n), step(v, -1n), step(step(v, 1n), 1n));
    }
    // sums, products and ratios of short decimals, as formulas make them
    for (let a = 1; a <= 120; a++)
      for (const b of [3, 7, 10, 40, 100, 250, 1000]) values.push(a / b, a / b + 0.1, (a / b) * 1.1, a * 0.01 * b);
    for (const v of values) expect(Object.is(withoutNoise(v), byTexts(v)), `value ${v}`).toBe(true);
  });
});

describe('a leaf result after the shapes were made with texts in their number fields', () => {
  const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
  if (!loaded.ok) throw new Error('the flagship does not load');

  it('is made for each of the eight shapes twice at load, with a text and with a small integer', () => {
    // levels 0 … 7 (threshold is bit 1), each shape once with '' and once with 0 in its number fields
    expect(KEEPS_LEAF_FIELDS_TAGGED.map((r) => 'threshold' in r)).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(KEEPS_LEAF_FIELDS_TAGGED.map((r) => r.points)).toEqual([
      '',
      0,
      '',
      0,
      '',
      0,
      '',
      0,
      '',
      0,
      '',
      0,
      '',
      0,
      '',
      0,
    ]);
  });

  it('keeps its keys in order and its exact numbers, as worked out by hand', () => {
    // an operations manager at the startup stage: growth 0.093 against 0.05 / 0.15 / 0.25,
    // 60 + 40 × (0.093 − 0.05) / (0.15 − 0.05) = 60 + 40 × 0.43 = 77.2 points, × 40 % = 30.88
    const e = evaluateRecordSync(
      loaded.policy,
      {
        employee_id: 'SV0001',
        name: '许桐芳',
        role: 'ops_manager',
        team: '一组',
        stage: 'startup',
        period: '2026-10',
        metrics: {
          follower_growth_rate: 0.093,
          videos_published: 40,
          viral_videos: 3,
          profile_visits: 1000,
          leads: 20,
          plays: 1000,
          likes: 100,
          max_video_plays: 1000,
        },
      },
      { explain: false },
    );
    if (!e.ok) throw new Error('not scored');
    const growth = e.scorecard.indicators[0]!;
    expect(Object.keys(growth)).toEqual([
      'id',
      'path',
      'title',
      'metric',
      'scoring',
      'better',
      'actual',
      'threshold',
      'target',
      'challenge',
      'points',
      'weight',
      'weighted_points',
      'reason',
    ]);
    expect(growth).toEqual({
      id: 'follower_growth',
      path: 'follower_growth',
      title: '粉丝增长率',
      metric: 'follower_growth_rate',
      scoring: 'linear',
      better: 'higher',
      actual: 0.093,
      threshold: 0.05,
      target: 0.15,
      challenge: 0.25,
      points: 77.2,
      weight: 40,
      weighted_points: 30.88,
      reason: '',
    });
    // viral rate 3 / 40 = 0.075 against 0.05 / 0.10: 60 + 40 × 0.025 / 0.05 = 80 points, × 35 % = 28
    expect(e.scorecard.indicators[1]).toMatchObject({ actual: 0.075, points: 80, weighted_points: 28 });
  });
});
