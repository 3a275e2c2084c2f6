// The budget panel's choices: which numbers of a policy it offers to move, and the range each
// starts with (the sweep itself is the engine's; see preview-session-rollup-sweep.test.ts).

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  defaultRange,
  niceStep,
  policyBudget,
  sweepParams,
  type SweepParam,
} from '../../editor/app/lib/budget-params.js';
import { policyView } from '../../editor/app/lib/model.js';

const W = {
  threshold: '门槛',
  target: '目标',
  challenge: '挑战',
  budgetPool: '奖金池',
  budgetPoolFixed: '固定金额',
  budgetPoolRate: '提成比例',
};
const paramsOf = (yaml: string) => {
  const doc = parse(yaml) as unknown;
  return sweepParams(policyView(doc)!, doc, W);
};

describe('the numbers offered', () => {
  it('the short-video policy: each indicator reference point by role, in the panels words, with its neighbours as bounds', () => {
    const params = paramsOf(readFileSync('policies/short-video-team.yaml', 'utf8'));
    const completion = params.filter((p) => p.key.startsWith('roles.director.indicators.completion.'));
    expect(completion).toEqual([
      {
        key: 'roles.director.indicators.completion.threshold',
        path: ['roles', 'director', 'indicators', 'completion', 'threshold'],
        label: '编导 · 完播率 · 门槛',
        current: 0.3,
        percent: true,
        hi: 0.4,
      },
      {
        key: 'roles.director.indicators.completion.target',
        path: ['roles', 'director', 'indicators', 'completion', 'target'],
        label: '编导 · 完播率 · 目标',
        current: 0.4,
        percent: true,
        lo: 0.3,
        hi: 0.5,
      },
      {
        key: 'roles.director.indicators.completion.challenge',
        path: ['roles', 'director', 'indicators', 'completion', 'challenge'],
        label: '编导 · 完播率 · 挑战',
        current: 0.5,
        percent: true,
        lo: 0.4,
      },
    ]);
    // a steps indicator (output: videos by steps) has no reference points to move
    expect(params.some((p) => p.key.startsWith('roles.director.indicators.output.'))).toBe(false);
  });

  it('lower is better: the threshold sits above the target, so the bounds turn round', () => {
    const yaml = `
roles:
  ops:
    title: 运营
    indicators:
      refunds: { metric: refund_rate, threshold: 0.10, target: 0.05, challenge: 0.02, better: lower, weight: 100 }
metrics:
  refund_rate: { label: 退款率, unit: ratio }
`;
    expect(paramsOf(yaml).map(({ key, lo, hi }) => ({ key, lo, hi }))).toEqual([
      { key: 'roles.ops.indicators.refunds.threshold', lo: 0.05, hi: undefined },
      { key: 'roles.ops.indicators.refunds.target', lo: 0.02, hi: 0.1 },
      { key: 'roles.ops.indicators.refunds.challenge', lo: undefined, hi: 0.05 },
    ]);
  });

  it('pools: a fixed amount in yuan and a rate in percent', () => {
    const yaml = `
roles: {}
pools:
  team_bonus: { title: 团队奖金池, per: team, fund: { fixed: 200000 }, weight: score }
  gmv_pool: { per: all, fund: { share_of: { metric: gmv, rate: 0.02 } }, weight: score }
`;
    expect(paramsOf(yaml)).toEqual([
      {
        key: 'pools.team_bonus.fund.fixed',
        path: ['pools', 'team_bonus', 'fund', 'fixed'],
        label: '奖金池 团队奖金池 · 固定金额',
        current: 200000,
        percent: false,
        lo: 0,
      },
      {
        key: 'pools.gmv_pool.fund.share_of.rate',
        path: ['pools', 'gmv_pool', 'fund', 'share_of', 'rate'],
        label: '奖金池 gmv_pool · 提成比例',
        current: 0.02,
        percent: true,
        lo: 0,
      },
    ]);
  });
});

describe('the range it starts with', () => {
  const p = (over: Partial<SweepParam>): SweepParam => ({
    key: 'k',
    path: ['k'],
    label: 'k',
    current: 0,
    percent: false,
    ...over,
  });

  it('a target of 40 % between 30 % and 50 %: 31 … 49 by 1 (one step inside each neighbour)', () => {
    expect(defaultRange(p({ current: 0.4, percent: true, lo: 0.3, hi: 0.5 }))).toEqual({
      from: '31',
      to: '49',
      step: '1',
    });
  });

  it('a threshold of 80 % with no lower neighbour: ±10 points, 70 … 89 (the target 90 % above it)', () => {
    expect(defaultRange(p({ current: 0.8, percent: true, hi: 0.9 }))).toEqual({ from: '70', to: '89', step: '1' });
  });

  it('a challenge of 95 % stops at 100 %', () => {
    expect(defaultRange(p({ current: 0.95, percent: true, lo: 0.9 }))).toEqual({ from: '91', to: '100', step: '1' });
  });

  it('a pool of ¥200,000: a tenth is 20,000, so ±5 steps of 20,000: 100,000 … 300,000', () => {
    expect(defaultRange(p({ current: 200000, lo: 0 }))).toEqual({ from: '100000', to: '300000', step: '20000' });
  });

  it('a count target of 32 videos: a tenth is 3.2, the round step 2: 22 … 42', () => {
    expect(defaultRange(p({ current: 32 }))).toEqual({ from: '22', to: '42', step: '2' });
  });

  it('round steps: 1, 2 or 5 times a power of ten', () => {
    expect([0.032, 0.14, 0.2, 3.2, 4, 20000].map(niceStep)).toEqual([0.02, 0.1, 0.2, 2, 5, 20000]);
  });
});

describe('the budget field', () => {
  it('starts from the policy own budget.total when it has one', () => {
    expect(policyBudget({ budget: { total: 700000, fit: 'report' } })).toBe('700000');
    expect(policyBudget({ payout: {} })).toBe('');
  });
});
