// A declared property's `monotone: { metric: constructor }` (or toString, hasOwnProperty, valueOf)
// found the method every JavaScript object has as a metric: verify and check stopped with a
// TypeError (exit 70), or the promise passed on nothing. An unknown metric (`gmvv`), a tier in a
// policy without tiers, a grade it does not have passed `validate`, and verify alone said so.
// Refused by validate at the name, exit 1; verify, given the policy, refuses it the same way.
//
// The policy: ONE_RATING_POLICY (14 lines, metric `rating`, grade A, no tiers) and from line 15:
//   15 properties:
//   16   odd:
//   17     title: 核查
//   18     monotone: { metric: … }  /  cliff: { …, max: 100 }

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { ONE_RATING_POLICY, policyProblems as problems } from '../builders.js';

const property = (line: string) => `${ONE_RATING_POLICY}properties:\n  odd:\n    title: 核查\n    ${line}\n`;

describe('a property naming a metric, tier or grade the policy does not have', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'gmvv'])(
    'refuses `monotone: { metric: %s }` at the name',
    (name) => {
      // `    monotone: { metric: ` is 24 characters: the name at 18:25
      expect(problems(property(`monotone: { metric: ${name} }`))).toEqual([
        [
          'policy_unknown_metric',
          'error',
          `unknown metric \`${name}\` in property \`odd\``,
          '18:25',
          'known metrics or derived: rating',
        ],
      ]);
    },
  );

  it.each(['hasOwnProperty', 'valueOf'])('refuses `cliff: { metric: %s }` at the name', (name) => {
    // `    cliff: { metric: ` is 21 characters: the name at 18:22
    expect(problems(property(`cliff: { metric: ${name}, max: 100 }`))).toEqual([
      [
        'policy_unknown_metric',
        'error',
        `unknown metric \`${name}\` in property \`odd\``,
        '18:22',
        'known metrics or derived: rating',
      ],
    ]);
  });

  it('refuses a metric one letter off, suggesting the metric', () => {
    expect(problems(property('monotone: { metric: ratin }'))).toEqual([
      [
        'policy_unknown_metric',
        'error',
        'unknown metric `ratin` in property `odd`',
        '18:25',
        'did you mean `rating`? known metrics or derived: rating',
      ],
    ]);
  });

  it('refuses a cliff at a tier in a policy without tiers, and at a grade it does not have', () => {
    // `    cliff: { tier: ` is 19 characters: `gold` at 18:20; `    cliff: { grade: ` 20: `Z` at 18:21
    expect(problems(property('cliff: { tier: gold, max: 100 }'))).toEqual([
      [
        'policy_unknown_tier',
        'error',
        'unknown tier `gold`: the policy has no tiers',
        '18:20',
        'a tier is a band of `payout.tiers`: declare it there, or name one that is',
      ],
    ]);
    expect(problems(property('cliff: { grade: Z, max: 100 }'))).toEqual([
      ['policy_unknown_grade', 'error', 'unknown grade `Z`', '18:21', 'grades of this policy: A'],
    ]);
  });

  it('verify refuses the policy as validate does, without a TypeError', () => {
    for (const line of ['monotone: { metric: constructor }', 'cliff: { metric: valueOf, max: 100 }']) {
      const r = verifyPolicyText(property(line), 'p.yaml');
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['policy_unknown_metric']);
    }
  });
});
