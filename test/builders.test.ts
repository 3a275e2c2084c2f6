// The builders other tests stand on: the minimal policy is valid, and each helper changes what it says.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../engine/index.js';
import { compiledPolicy, csvText, dataContract, policy, positionOf, when } from './builders.js';

describe('the minimal policy', () => {
  it('loads without a diagnostic', () => {
    const r = loadPolicy(policy().yaml(), 'mini.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('still loads with a team, an indicator, a rule, a tier and a cap added', () => {
    const text = policy()
      .team('sv1', '短视频一组', ['短视频1组'])
      .metric('videos', { label: '发布视频数', unit: 'count' })
      .indicator('staff', 'rating', { metric: 'rating', scoring: 'rating', weight: 60 })
      .indicator('staff', 'output', { metric: 'videos', target: 30, weight: 40 })
      .adjustment('bonus', { title: '加分', when: when('videos', 'greaterThan', 40), points: 5 })
      .tier({ tier: 'gold', min: 1.1, award: 500 })
      .payout({ cap: 'pay_base * 1.5' })
      .yaml();
    expect(loadPolicy(text, 'mini.yaml').diagnostics).toEqual([]);
    const compiled = compiledPolicy(text, 'mini.yaml');
    expect(compiled.contract.teams).toEqual([{ id: 'sv1', title: '短视频一组', aliases: ['短视频1组'] }]);
    expect(Object.keys(compiled.metrics)).toEqual(['rating', 'videos']);
  });

  it("is a new object every time: one test cannot change another one's policy", () => {
    policy().role('staff', { pay_base: 9 });
    expect(policy().draft.roles.staff.pay_base).toBe(1000);
  });
});

describe('compiledPolicy', () => {
  it('says where every problem of a policy that must load stands', () => {
    const text = policy().set('version', 1).set('tilte', '错字').yaml();
    expect(() => compiledPolicy(text, 'mini.yaml')).toThrow(
      new Error(
        'mini.yaml:3:10: schema_type: `version` must be text such as `1.0.0`, not a number\n' +
          'mini.yaml:33:1: schema_unknown_key: unknown key `tilte` in `the policy`',
      ),
    );
  });
});

describe('positionOf', () => {
  const text = 'policy: x\nroles:\n  staff: { title: 员工 }\ngrades:\n  - { grade: A, min: 0 }\n';

  it('gives the line and column of a key, 1-based, through maps and sequences', () => {
    expect(positionOf(text, ['policy'])).toEqual({ line: 1, column: 1 });
    expect(positionOf(text, ['roles', 'staff', 'title'])).toEqual({ line: 3, column: 12 });
    expect(positionOf(text, ['grades', 0, 'min'])).toEqual({ line: 5, column: 17 });
  });

  it('refuses a path that is not in the text', () => {
    expect(() => positionOf(text, ['roles', 'boss'])).toThrow('no `roles.boss` in the YAML');
  });
});

describe('data fixtures', () => {
  it('dataContract lists roles and stages as the readers want them and requires every metric', () => {
    const c = dataContract({
      metrics: { m: { label: '指标', unit: 'count' } },
      roles: { r: '岗位' },
      stages: { s: '阶段' },
    });
    expect([c.roles, c.stages, c.requiredMetrics('r')]).toEqual([
      [{ id: 'r', title: '岗位' }],
      [{ id: 's', title: '阶段' }],
      ['m'],
    ]);
  });

  it('csvText ends every line', () => {
    expect(csvText('a,b', '1,2')).toBe('a,b\n1,2\n');
  });
});
