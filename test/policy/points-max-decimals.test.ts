// A per-unit points rule's `max` is the most it adds (docs/policy-language.md, adjustments). At
// `score.decimals: 1`, 3 leads × 0.125 = 0.375 → 0.4, limited to `max: 0.35` → 0.35, and the score
// 60 + 0.35 = 60.35 was then rounded to 60.4: the rule added 0.4, above its limit. A limit finer
// than the score cannot be kept, so it is refused with the limit to write.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { policy, positionOf, when } from '../builders.js';

const leads = (max: number, decimals = 1) =>
  policy()
    .set('score', { decimals })
    .metric('leads', { label: '线索数', unit: 'count' })
    .adjustment('lead_points', {
      title: '线索分',
      when: when('leads', 'greaterThan', 0),
      points: { per: 'leads', amount: 0.125, max },
    })
    .yaml();

describe('a points max finer than the score', () => {
  it('max 0.35 at 1 decimal is refused at the max, offering 0.3', () => {
    const text = leads(0.35);
    const at = positionOf(text, ['adjustments', 'lead_points', 'points', 'max']);
    expect(
      loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.span?.line, d.span?.column, d.code, d.message, d.help]),
    ).toEqual([
      [
        at.line,
        at.column + 'max: '.length,
        'policy_points_max_decimals',
        '`max: 0.35` of the points of `lead_points` has more decimals than the score (1): the score is rounded after it, so the rule could add more than 0.35',
        'write the limit as the score is written (`score.decimals: 1`), e.g. `max: 0.3`, or raise `score.decimals`',
      ],
    ]);
  });

  it.each([
    [0.3, 1],
    [0.35, 2],
    [2, 0],
  ])('max %d at %d decimals is kept as written', (max, decimals) => {
    expect(loadPolicy(leads(max, decimals), 'p.yaml').diagnostics).toEqual([]);
  });
});
