// Each scoring method reads its own keys (docs/policy-language.md, "Scoring methods"): linear its
// threshold and challenge, steps its table, pass_fail its pass and fail points. A key of another
// method changed nothing and was accepted without a word: `challenge: 90` on a pass_fail
// indicator read as if doing better than 90 counted. `target` (every method's
// indicator_attainment), `cap` and `better` are read by all.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { policy, positionOf } from '../builders.js';

const withOutput = (fields: Record<string, unknown>) =>
  policy()
    .metric('videos', { label: '视频数', unit: 'count' })
    .indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 70 })
    .indicator('staff', 'output', { metric: 'videos', weight: 30, ...fields })
    .yaml();

const found = (text: string) =>
  loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.span?.line, d.span?.column, d.code, d.message, d.help]);

describe('a scoring key the method does not read is refused at the key', () => {
  it.each([
    ['challenge', { scoring: 'pass_fail', target: 30, challenge: 40 }, 'pass_fail', 'linear'],
    ['threshold', { scoring: 'steps', steps: [{ min: 30, points: 100 }], threshold: 10 }, 'steps', 'linear'],
    ['steps', { target: 30, steps: [{ min: 30, points: 100 }] }, 'linear', 'steps'],
    ['pass_points', { scoring: 'steps', steps: [{ min: 30, points: 100 }], pass_points: 90 }, 'steps', 'pass_fail'],
    ['fail_points', { target: 30, fail_points: 10 }, 'linear', 'pass_fail'],
  ])('`%s` on %o', (key, fields, scoring, uses) => {
    const text = withOutput(fields);
    const at = positionOf(text, ['roles', 'staff', 'indicators', 'output', key]);
    expect(found(text)).toEqual([
      [
        at.line,
        at.column,
        'policy_scoring_key_unused',
        `\`${key}\` of \`output\` is not used by \`scoring: ${scoring}\`, so it changes nothing`,
        `remove it, or set the scoring that uses it: \`scoring: ${uses}\``,
      ],
    ]);
  });

  it('a target on a steps indicator is read (its indicator_attainment), and so is a cap', () => {
    expect(found(withOutput({ scoring: 'steps', steps: [{ min: 30, points: 100 }], target: 30, cap: 100 }))).toEqual(
      [],
    );
  });
});
