// Points for one indicator, by scoring method, before rounding.

import { describe, expect, it } from 'vitest';
import type { CompiledLeaf } from '../../engine/language/compile.js';
import { pointsFor } from '../../engine/evaluation/score.js';

const leaf = (over: Partial<CompiledLeaf>): CompiledLeaf => ({
  metric: 'm',
  slot: 0,
  scoring: 'linear',
  better: 'higher',
  cap: 120,
  passPoints: 100,
  failPoints: 0,
  ...over,
});

describe('linear, higher is better (threshold 0.30 → 60, target 0.40 → 100, challenge 0.50 → 120)', () => {
  const l = leaf({ threshold: 0.3, target: 0.4, challenge: 0.5 });
  it.each([
    [0.29, 0], // below the threshold
    [0.3, 60], // exactly on the threshold
    [0.35, 80], // 60 + 40 × 0.05/0.10
    [0.4, 100], // exactly on the target
    [0.45, 110], // 100 + 20 × 0.05/0.10
    [0.5, 120], // exactly on the challenge
    [0.9, 120], // capped
  ])('%d scores %d', (actual, points) => {
    expect(pointsFor(l, actual)).toBeCloseTo(points, 9);
  });

  it('without a challenge, the threshold-to-target slope continues up to the cap', () => {
    const noChallenge = leaf({ threshold: 0.3, target: 0.4 });
    expect(pointsFor(noChallenge, 0.42)).toBeCloseTo(108, 9); // 60 + 40 × 0.12/0.10
    expect(pointsFor(noChallenge, 0.6)).toBe(120);
  });

  it('without a threshold, points are pro rata to the target', () => {
    const proRata = leaf({ target: 0.1 });
    expect(pointsFor(proRata, 0.05)).toBeCloseTo(50, 9);
    expect(pointsFor(proRata, 0.11)).toBeCloseTo(110, 9);
    expect(pointsFor(proRata, -0.02)).toBe(0);
  });

  it('a lower cap limits the points', () => {
    expect(pointsFor(leaf({ threshold: 0.3, target: 0.4, challenge: 0.5, cap: 100 }), 0.45)).toBe(100);
  });
});

describe('linear, lower is better (return rate: threshold 0.15 → 60, target 0.10 → 100, challenge 0.05 → 120)', () => {
  const l = leaf({ better: 'lower', threshold: 0.15, target: 0.1, challenge: 0.05 });
  it.each([
    [0.16, 0],
    [0.15, 60],
    [0.125, 80],
    [0.1, 100],
    [0.075, 110],
    [0.05, 120],
    [0, 120],
  ])('%d scores %d', (actual, points) => {
    expect(pointsFor(l, actual)).toBeCloseTo(points, 9);
  });
});

describe('steps', () => {
  it('higher is better: the first step whose min is reached', () => {
    const l = leaf({
      scoring: 'steps',
      steps: [
        { min: 32, points: 100 },
        { min: 24, points: 80 },
        { min: 16, points: 60 },
      ],
    });
    expect([40, 32, 31, 24, 16, 15].map((a) => pointsFor(l, a))).toEqual([100, 100, 80, 80, 60, 0]);
  });

  it('lower is better: the first step whose max is not exceeded', () => {
    const l = leaf({
      scoring: 'steps',
      better: 'lower',
      steps: [
        { max: 30, points: 100 },
        { max: 60, points: 80 },
        { max: 120, points: 50 },
      ],
    });
    expect([10, 30, 31, 60, 120, 121].map((a) => pointsFor(l, a))).toEqual([100, 100, 80, 80, 50, 0]);
  });
});

describe('pass_fail', () => {
  it('scores pass points when the target is met', () => {
    const l = leaf({ scoring: 'pass_fail', target: 30 });
    expect([pointsFor(l, 30), pointsFor(l, 29)]).toEqual([100, 0]);
  });

  it('lower is better: at or below the target passes; custom points', () => {
    const l = leaf({ scoring: 'pass_fail', better: 'lower', target: 0, passPoints: 100, failPoints: 40 });
    expect([pointsFor(l, 0), pointsFor(l, 1)]).toEqual([100, 40]);
  });
});

describe('rating', () => {
  it('scales the rating to its full mark: 4.5 of 5 is 90 points', () => {
    expect(pointsFor(leaf({ scoring: 'rating', ratingMax: 5 }), 4.5)).toBe(90);
    expect(pointsFor(leaf({ scoring: 'rating', ratingMax: 100 }), 85)).toBe(85);
  });
});
