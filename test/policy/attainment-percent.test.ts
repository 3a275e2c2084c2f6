// `attainment` is score / 100, a fraction: 96.96 points is 0.9696 (docs/policy-language.md, facts
// and payout). A tier band or a condition written in percent points (`min: 90` for 90 %) could
// only mean 9000 %, which nobody reaches: before, the band was a warning (policy_tier_unreachable)
// and the trigger passed without a word, so neither ever applied. Now both are refused with the
// fraction to write.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { policy, positionOf, when } from '../builders.js';

// the minimal policy scores a rating out of 100: nobody scores above 100, attainment at most 1
const messages = (text: string) =>
  loadPolicy(text, 'p.yaml').diagnostics.map((d) => [
    d.span?.line,
    d.span?.column,
    d.code,
    d.severity,
    d.message,
    d.help,
  ]);

describe('attainment written in percent points', () => {
  it('a tier band from 90 is refused at its min: write 0.9', () => {
    const text = policy().tier({ tier: 'silver', min: 90, multiplier: 1.2 }).yaml();
    const at = positionOf(text, ['payout', 'tiers', 'bands', 0, 'min']);
    expect(messages(text)).toEqual([
      [
        at.line,
        at.column + 'min: '.length,
        'policy_value_type',
        'error',
        '`attainment` is score / 100 (96.96 points is 0.9696) and reaches at most 1, so `90` is 90 % written as percent points',
        'write `0.9` for 90 % (a policy writes attainment as a fraction)',
      ],
    ]);
  });

  it('a trigger on attainment ≥ 85 is refused at its value: write 0.85', () => {
    const text = policy()
      .trigger('high', {
        title: '高达成',
        when: when('attainment', 'greaterThanInclusive', 85),
        action: { type: 'notify' },
      })
      .yaml();
    const at = positionOf(text, ['triggers', 'high', 'when', 'all', 0, 'value']);
    expect(messages(text).map(([line, column, code, , message]) => [line, column, code, message])).toEqual([
      [
        at.line,
        at.column + 'value: '.length,
        'policy_value_type',
        '`attainment` is score / 100 (96.96 points is 0.9696) and reaches at most 1, so `85` is 85 % written as percent points',
      ],
    ]);
  });

  it('a band at 1.1 out of reach as a fraction is still only warned about: it may be meant as written', () => {
    const text = policy().tier({ tier: 'gold', min: 1.1, multiplier: 1.2 }).yaml();
    expect(messages(text).map(([, , code, severity]) => [code, severity])).toEqual([
      ['policy_tier_unreachable', 'warning'],
    ]);
  });

  it('fractions are read as written: a band from 0.9 and a trigger on attainment ≥ 0.85', () => {
    const text = policy()
      .tier({ tier: 'silver', min: 0.9, multiplier: 1.2 })
      .trigger('high', {
        title: '高达成',
        when: when('attainment', 'greaterThanInclusive', 0.85),
        action: { type: 'notify' },
      })
      .yaml();
    expect(messages(text)).toEqual([]);
  });
});
