// A roll-up's award is paid as written: the roll-up has no rounding rule of its own, so an amount
// in a fraction of a fen (¥1,000.005, ¥0.015) could be read as either neighbouring fen. It was paid
// rounded half up (¥1,000.01, ¥0.02) without a word; it is refused as a month's pool or budget
// amount is, at its value.

import { describe, expect, it } from 'vitest';
import { loadRollupPolicy, localise } from '../../engine/index.js';

const rollup = (award: string) => `policy: quarter-review
title: 季度考核
version: 1.0.0
rollup: { of: livestream-team, period: quarter, min_months: 2 }
facts:
  avg_score: { average: score }
score: avg_score
grades:
  - { grade: E, min: 85 }
  - { grade: M, min: 0 }
payout:
  awards:
    top:
      title: 季度奖
      when: { all: [ { fact: grade, operator: equal, value: E } ] }
      award: ${award}
`;

const problems = (text: string) =>
  loadRollupPolicy(text, 'r.yaml').diagnostics.map((d) => [
    d.code,
    d.span?.line,
    d.span?.column,
    localise(d, 'en').message,
  ]);

describe('a roll-up award', () => {
  it.each(['1000.005', '0.015'])('refuses %s yuan, a fraction of a fen, at its value (line 16, column 14)', (award) => {
    // `      award: ` is 13 characters: the value starts at column 14 of line 16 (the 16th line of the text above)
    expect(problems(rollup(award))).toEqual([
      [
        'policy_money_fraction_of_fen',
        16,
        14,
        `\`payout.awards.top.award\`: ${award} yuan is not a whole number of fen`,
      ],
    ]);
  });

  it.each(['1000.01', '50000', '0.1'])('accepts %s yuan, a whole number of fen', (award) => {
    expect(problems(rollup(award))).toEqual([]);
  });
});
