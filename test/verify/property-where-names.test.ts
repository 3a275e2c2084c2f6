// A declared property's `where` that names a role or stage by its title (主播) instead of its id, a
// team the policy does not have, a grade or tier that does not exist (or a full-width `Ａ`) was
// accepted by `validate`, and `verify` then checked no employee and reported the promise as
// "holds · proved". Refused at the value, as a rule's condition naming them is (policy_unknown_role,
// policy_unknown_stage, policy_unknown_team, policy_unknown_grade; policy_unknown_tier for a tier),
// the id suggested when the value is a title.
//
// The policy below: `where` is on line 34, and `    where: { fact: <fact>, operator: equal, value: `
// is 43 characters plus the fact's name, so the value starts at column 44 + the fact's length.

import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-policy.js';
import { loadPolicy, localise } from '../../engine/index.js';
import { policyProblems as problems } from '../builders.js';

const POLICY = (where: string) =>
  hostPolicy({
    id: 'where-names',
    title: '范围',
    teams: true,
    tiers: `  tiers:
    basis: gmv
    bands:
      - { tier: gold, title: 金牌, min: 300000, multiplier: 1.3 }
      - { tier: silver, title: 银牌, min: 200000, multiplier: 1.2 }
`,
    after: `properties:
  p:
    title: 核查
    where: ${where}
    monotone: { metric: gmv }
`,
  });

const equal = (fact: string, value: string) => `{ fact: ${fact}, operator: equal, value: ${value} }`;

describe("a property's `where` naming what the policy does not have", () => {
  it('refuses a role named by its title, suggesting its id', () => {
    // `    where: { fact: role, operator: equal, value: ` is 49 characters: `主播` at 34:50
    expect(problems(POLICY(equal('role', '主播')))).toEqual([
      ['policy_unknown_role', 'error', 'unknown role `主播`', '34:50', 'did you mean `host`? known roles: host'],
    ]);
  });

  it('refuses a stage named by its title, suggesting its id', () => {
    expect(problems(POLICY(equal('stage', '唯一')))).toEqual([
      ['policy_unknown_stage', 'error', 'unknown stage `唯一`', '34:51', 'did you mean `only`? known stages: only'],
    ]);
  });

  it('refuses a team the policy does not declare', () => {
    expect(problems(POLICY(equal('team', '不存在的组')))).toEqual([
      ['policy_unknown_team', 'error', 'unknown team `不存在的组`', '34:50', 'teams of this policy: 直播一组'],
    ]);
  });

  it('refuses a grade that does not exist, and a full-width `Ａ`', () => {
    for (const g of ['S', 'Ａ'])
      expect(problems(POLICY(equal('grade', g)))).toEqual([
        ['policy_unknown_grade', 'error', `unknown grade \`${g}\``, '34:51', 'grades of this policy: A, B, C'],
      ]);
  });

  it('refuses a tier that does not exist, and one named by its title, suggesting its id', () => {
    expect(problems(POLICY(equal('tier', 'platinum')))).toEqual([
      ['policy_unknown_tier', 'error', 'unknown tier `platinum`', '34:50', 'tiers of this policy: gold, silver'],
    ]);
    expect(problems(POLICY(equal('tier', '金牌')))).toEqual([
      [
        'policy_unknown_tier',
        'error',
        'unknown tier `金牌`',
        '34:50',
        'did you mean `gold`? tiers of this policy: gold, silver',
      ],
    ]);
  });

  it('refuses a tier in a policy that has no tiers', () => {
    const text = POLICY(equal('tier', 'gold')).replace(/ {2}tiers:\n(.*\n){4}/, '');
    expect(problems(text)).toEqual([
      [
        'policy_unknown_tier',
        'error',
        'unknown tier `gold`: the policy has no tiers',
        '29:50',
        'a tier is a band of `payout.tiers`: declare it there, or name one that is',
      ],
    ]);
  });

  it('refuses an unknown value inside an `in` list at its item', () => {
    expect(problems(POLICY('{ fact: role, operator: in, value: [ host, 主播 ] }'))).toEqual([
      ['policy_unknown_role', 'error', 'unknown role `主播`', '34:55', 'did you mean `host`? known roles: host'],
    ]);
  });

  it('says it in Chinese', () => {
    const [d] = loadPolicy(POLICY(equal('tier', '金牌')), 'p.yaml').diagnostics;
    expect(localise(d!, 'zh')).toEqual({
      message: '未知的档位 `金牌`',
      help: '是不是想写 `gold`？本政策的档位：gold, silver',
    });
  });

  it('takes the ids, the team title and the grades and tiers the policy has', () => {
    const ok = [
      equal('role', 'host'),
      equal('stage', 'only'),
      equal('team', '直播一组'),
      equal('grade', 'A'),
      equal('tier', 'gold'),
      '{ fact: tier, operator: in, value: [ gold, silver ] }',
    ];
    for (const where of ok) expect(problems(POLICY(where))).toEqual([]);
  });
});

// `    where: { fact: <fact>, operator: <op>, value: [` is 37 characters plus the fact's and the operator's names
describe('an `in` / `notIn` list naming one thing the policy does not have', () => {
  const list = (fact: string, op: string, items: string) => `{ fact: ${fact}, operator: ${op}, value: [${items}] }`;

  it('is refused at that item, not at the list', () => {
    expect(problems(POLICY(list('role', 'in', 'host, 主播')))).toEqual([
      ['policy_unknown_role', 'error', 'unknown role `主播`', '34:54', 'did you mean `host`? known roles: host'],
    ]);
    expect(problems(POLICY(list('grade', 'notIn', 'A, S')))).toEqual([
      ['policy_unknown_grade', 'error', 'unknown grade `S`', '34:55', 'grades of this policy: A, B, C'],
    ]);
    expect(problems(POLICY(list('team', 'in', '直播一组, 不存在')))).toEqual([
      ['policy_unknown_team', 'error', 'unknown team `不存在`', '34:54', 'teams of this policy: 直播一组'],
    ]);
    expect(problems(POLICY(list('stage', 'in', 'only, 唯一')))).toEqual([
      ['policy_unknown_stage', 'error', 'unknown stage `唯一`', '34:55', 'did you mean `only`? known stages: only'],
    ]);
    expect(problems(POLICY(list('tier', 'in', 'gold, 金牌')))).toEqual([
      [
        'policy_unknown_tier',
        'error',
        'unknown tier `金牌`',
        '34:54',
        'did you mean `gold`? tiers of this policy: gold, silver',
      ],
    ]);
  });
});
