// A step table written as ranges, the way a spreadsheet writes bands: 16–23 videos → 60 points,
// 32–40 → 100. A higher-is-better table reads only each step's `min` (the first step whose `min`
// the value reaches), so 24 to 31 videos — a gap HR means to score nothing — scored 60, and 41
// scored 100: the `max` of each band changed nothing and was accepted silently. It is refused at
// the key, as a scoring key another method reads is (policy_scoring_key_unused).

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { compiledPolicy, policy, positionOf, staffScorecard } from '../builders.js';

const withSteps = (steps: Record<string, number>[], better?: 'lower') =>
  policy()
    .metric('videos', { label: '视频数', unit: 'count' })
    .indicator('staff', 'rating', {
      metric: 'videos',
      scoring: 'steps',
      steps,
      weight: 100,
      ...(better ? { better } : {}),
    })
    .yaml();

function problems(text: string) {
  const r = loadPolicy(text, 'p.yaml');
  if (r.ok) return [];
  return r.diagnostics.map((d) => ({ code: d.code, message: d.message, line: d.span?.line, column: d.span?.column }));
}

describe('a step with both bounds', () => {
  it('refuses `max` on a higher-is-better step, at the key, each step on its own', () => {
    const text = withSteps([
      { min: 32, max: 40, points: 100 },
      { min: 16, max: 23, points: 60 },
    ]);
    const at = (i: number) => positionOf(text, ['roles', 'staff', 'indicators', 'rating', 'steps', i, 'max']);
    expect(problems(text)).toEqual([
      {
        code: 'policy_step_bound_unused',
        message:
          'step 1 of `rating` gives `max: 40`, which changes nothing: a higher-is-better step table reads only `min` (the first step whose `min` the value reaches scores, whatever its `max`)',
        ...at(0),
      },
      {
        code: 'policy_step_bound_unused',
        message:
          'step 2 of `rating` gives `max: 23`, which changes nothing: a higher-is-better step table reads only `min` (the first step whose `min` the value reaches scores, whatever its `max`)',
        ...at(1),
      },
    ]);
  });

  it('refuses `min` on a lower-is-better step', () => {
    const text = withSteps(
      [
        { max: 2, points: 100 },
        { min: 3, max: 5, points: 60 },
      ],
      'lower',
    );
    expect(problems(text)).toEqual([
      {
        code: 'policy_step_bound_unused',
        message:
          'step 2 of `rating` gives `min: 3`, which changes nothing: a lower-is-better step table reads only `max` (the first step whose `max` the value is at or below scores, whatever its `min`)',
        ...positionOf(text, ['roles', 'staff', 'indicators', 'rating', 'steps', 1, 'min']),
      },
    ]);
  });

  it('the gap written as a step of its own scores what HR meant: 24 to 31 videos 0, 16 to 23 60, 32 and up 100', () => {
    const text = withSteps([
      { min: 32, points: 100 },
      { min: 24, points: 0 },
      { min: 16, points: 60 },
    ]);
    const c = compiledPolicy(text, 'p.yaml');
    // pay 1,000 × points / 100
    expect([16, 23, 24, 31, 32, 41].map((videos) => staffScorecard(c, { videos }).payout.totalFen / 100)).toEqual([
      600, 600, 0, 0, 1000, 1000,
    ]);
  });
});
