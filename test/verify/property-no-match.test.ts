// A declared property whose `where` selected no employee was reported as kept: "holds · proved" for
// a monotone promise, "holds · searched 41 cases" for an `always` none of whose 41 employees it
// applied to (a payout nobody reaches; a team, since the employees verify builds had none). Verify
// now says the property was checked on no employee, a warning, undecided
// (verify_property_unsearched.no_match), and a team the property names (`team equal 直播一组`) is
// given to the employees verify builds, so a promise about that team is checked.
//
// The policy: 25 lines, then `properties:` (line 26) and one property `p` from line 27, its
// `title` on 28, its `where` on 29 and what it promises on 30 (the verdict's place, column 5).

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';

const POLICY = (teams: boolean, property: string) => `policy: no-match
title: 基础
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money, range: [ 0, 10000000 ] }
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
${teams ? 'teams:\n  live1: { title: 直播一组 }' : '# no `teams:`: the data may name any team\n#'}
stages:
  only: { title: 唯一 }
roles:
  host:
    title: 主播
    pay_base: 10000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, challenge: 300000, weight: 60 }
      att: { metric: rating, scoring: rating, weight: 40 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * min(score, 120) / 100
  cap: 30000
  rounding: { to: 0.01, mode: half_up }
properties:
  p:
    title: 直播一组的承诺
${property}`;

function verdictOf(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  const v = r.report.verdicts.find((x) => x.property === 'properties.p')!;
  const d = v.diagnostic;
  return {
    holds: v.holds,
    basis: v.basis,
    diagnostic: d && [d.code, d.severity, d.message, `${d.span?.line}:${d.span?.column}`, d.help],
  };
}

const NO_MATCH = (at: string) => [
  'verify_property_unsearched',
  'warning',
  'property `p` (直播一组的承诺) was checked on no employee: no employee verify evaluated matched its `where`',
  at,
  'check its `where` against the policy (roles and stages by their ids, the teams, grades and tiers it has), or add a policy test case for it',
];

const TEAM = '    where: { fact: team, operator: equal, value: 直播一组 }\n';
const NOBODY = '    where: { fact: payout, operator: greaterThan, value: 100000000 }\n';

describe('a property whose `where` selects no employee', () => {
  it.each([
    ['always', '    always: { fact: score, operator: lessThan, value: 0 }\n'],
    ['monotone', '    monotone: { metric: gmv }\n'],
    ['cliff', '    cliff: { grade: A, max: 100 }\n'],
  ])('is undecided, not kept: %s for employees paid more than anyone can be', (_, promise) => {
    expect(verdictOf(POLICY(false, NOBODY + promise))).toMatchObject({
      holds: undefined,
      diagnostic: NO_MATCH('30:5'),
    });
  });
});

describe('a property on a team, named by its title', () => {
  it.each([
    ['declared under `teams:`', true],
    ['in a policy without `teams:` (the data may name any team)', false],
  ])('is checked on employees of that team, %s: a host of 直播一组 is paid more than ¥5,000', (_, teams) => {
    const v = verdictOf(
      POLICY(teams, `${TEAM}    always: { fact: payout, operator: lessThanInclusive, value: 5000 }\n`),
    );
    expect(v.holds).toBe(false);
    expect(v.diagnostic!.slice(0, 2)).toEqual(['verify_property_fails', 'error']);
    expect(v.diagnostic![3]).toBe('30:5');
  });
});
