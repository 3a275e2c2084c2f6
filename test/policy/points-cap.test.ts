// An indicator's `cap` (default 120) limits the points of every scoring method
// (docs/policy-language.md, "Scoring methods"). A step or a pass mark written above it would score
// the cap, not what the table says: before, `{ min: 32, points: 150 }` was accepted and paid 120.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { compiledPolicy, policy, positionOf, staffScorecard } from '../builders.js';

const videos = { label: '视频数', unit: 'count' };
const stepsOf = (extra: Record<string, unknown> = {}) =>
  policy()
    .metric('videos', videos)
    .indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 70 })
    .indicator('staff', 'output', {
      metric: 'videos',
      scoring: 'steps',
      steps: [
        { min: 32, points: 150 },
        { min: 24, points: 80 },
      ],
      weight: 30,
      ...extra,
    })
    .yaml();

describe('points above the indicator’s cap', () => {
  it('a step of 150 points under the default cap of 120 is refused at its points', () => {
    const text = stepsOf();
    const at = positionOf(text, ['roles', 'staff', 'indicators', 'output', 'steps', 0, 'points']);
    expect(
      loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.span?.line, d.span?.column, d.code, d.message, d.help]),
    ).toEqual([
      [
        at.line,
        at.column + 'points: '.length,
        'policy_points_above_cap',
        "step 1 of `output` gives 150 points, above the indicator's cap of 120: it would score 120",
        "raise the indicator's `cap` to 150, or give the step at most 120 points",
      ],
    ]);
  });

  it('a pass mark of 130 under a cap of 110 is refused at `pass_points`', () => {
    const text = policy()
      .metric('videos', videos)
      .indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 70 })
      .indicator('staff', 'output', {
        metric: 'videos',
        scoring: 'pass_fail',
        target: 30,
        pass_points: 130,
        cap: 110,
        weight: 30,
      })
      .yaml();
    const at = positionOf(text, ['roles', 'staff', 'indicators', 'output', 'pass_points']);
    expect(loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.span?.line, d.span?.column, d.message])).toEqual([
      [
        at.line,
        at.column + 'pass_points: '.length,
        "`pass_points: 130` of `output` is above the indicator's cap of 110: it would score 110",
      ],
    ]);
  });

  it('with `cap: 150` the step is what it says: 32 videos score 150 points', () => {
    const p = compiledPolicy(stepsOf({ cap: 150 }), 'p.yaml');
    const card = staffScorecard(p, { rating: 80, videos: 32 });
    // 80 × 70 % + 150 × 30 % = 56 + 45 = 101 → pay 1000 × 101 / 100 = 1010.00
    expect(card.score).toBe(101);
    expect(card.payout.totalFen).toBe(101000);
  });
});
