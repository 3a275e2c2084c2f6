// A value just short of a bound is written so that it does not read as the bound. A hold on
// 客单价 (GMV / orders) < ¥10 fired for 9,999 / 1,000 = ¥9.999 and its reason said
// 「客单价 ¥10.00 < ¥10.00」; a GMV of ¥199,999.999 against a target of ¥200,000 read
// 「GMV ¥200,000.00，介于门槛 ¥100,000.00 与目标 ¥200,000.00 之间」 and no 银牌 (the band starts at
// ¥200,000); a return rate of 30.001 % read 「退货率 30%，高于门槛 30.0% → 0 分」. Each is now
// written with the digits it has, where the rounded text would equal the bound it missed.

import { describe, expect, it } from 'vitest';
import { explainScorecard, loadPolicy, renderStatement, type CompiledPolicy } from '../../../engine/index.js';
import { byId, runMonth } from '../run.js';

const POLICY = `policy: near-bound
title: 主播月度绩效
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  return_rate: { label: 退货率, unit: ratio }
  orders: { label: 订单数, unit: count }
derived:
  aov: { expr: gmv / orders, label: 客单价, unit: money }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 5000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, weight: 50 }
      returns: { metric: return_rate, better: lower, threshold: 0.30, target: 0.20, weight: 50 }
holds:
  fake:
    title: 疑似刷单
    when: { fact: aov, operator: lessThan, value: 10 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: gmv
    bands:
      - { tier: silver, title: 银牌, min: 200000, multiplier: 1.2 }
  rounding: { to: 0.01, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,GMV,退货率,订单数
E1,甲,staff,一组,s,2026-10,199999.999,0.30001,1000
E2,乙,staff,一组,s,2026-10,9999,0.2,1000
E3,丙,staff,一组,s,2026-10,200000,0.3,20000
`;

const PROVENANCE = {
  policy: { file: 'p.yaml', id: 'near-bound', version: '1.0.0', hash: 'abc' },
  data: [],
  engine: '1.0.0',
};

async function month(): Promise<{ policy: CompiledPolicy; cards: ReturnType<typeof byId> }> {
  const loaded = loadPolicy(POLICY, 'spec.yaml');
  if (!loaded.ok) throw new Error('the policy loads');
  return { policy: loaded.policy, cards: byId(await runMonth(POLICY, CSV)) };
}

describe('a value just short of a bound', () => {
  it('is scored as the value it is', async () => {
    const { cards } = await month();
    // E1: sales 60 + 40 × (199,999.999 − 100,000) / 100,000 = 99.999996 → 100.00 at 2 decimals, × 50 % = 50;
    //     returns 0.30001 is above the threshold 0.30 (lower is better) → 0; score 50; no 银牌 (199,999.999 < 200,000)
    // E2: sales 9,999 < threshold → 0; returns 0.2 = target → 100 × 50 % = 50; score 50; 客单价 9,999 / 1,000 = 9.999 < 10: held
    // E3: sales at target 100 × 50 % = 50; returns at threshold 60 × 50 % = 30; score 80; 银牌 from 200,000;
    //     客单价 200,000 / 20,000 = 10, not below 10
    expect([cards.E1!.score, cards.E2!.score, cards.E3!.score]).toEqual([50, 50, 80]);
    expect([cards.E1!.payout.tier, cards.E3!.payout.tier?.id]).toEqual([undefined, 'silver']);
    expect([cards.E2!.payout.status, cards.E3!.payout.status]).toEqual(['held', 'payable']);
  });

  it('is written with its digits in the explanation, where rounding would make it the bound', async () => {
    const { policy, cards } = await month();
    const e1 = explainScorecard(policy, cards.E1!, 'zh');
    expect(e1[1]).toBe('  GMV ¥199,999.999，介于门槛 ¥100,000.00 与目标 ¥200,000.00 之间 → 100 分 × 权重 50% = 50 分');
    expect(e1[2]).toBe('  退货率 30.001%，高于门槛 30.0% → 0 分 × 权重 50% = 0 分');
    expect(explainScorecard(policy, cards.E2!, 'zh').at(-1)).toBe('暂扣：疑似刷单（客单价 ¥9.999 < ¥10.00）');
    expect(explainScorecard(policy, cards.E2!, 'en').at(-1)).toContain('¥9.999 < ¥10.00');
  });

  it('is written as usual when it is the bound itself', async () => {
    const { policy, cards } = await month();
    const e3 = explainScorecard(policy, cards.E3!, 'zh');
    expect(e3[1]).toBe('  GMV ¥200,000.00，达到目标 ¥200,000.00 → 100 分 × 权重 50% = 50 分');
    expect(e3[2]).toBe('  退货率 30.0%，介于门槛 30.0% 与目标 20.0% 之间 → 60 分 × 权重 50% = 30 分');
  });

  it('is written with its digits in the statement table and its interpolation', async () => {
    const { policy, cards } = await month();
    const html = renderStatement(policy, cards.E1!, PROVENANCE);
    expect(html).toContain('<td class="num">¥199,999.999</td>');
    expect(html).toContain('60 + 40 × (¥199,999.999 − ¥100,000.00) / (¥200,000.00 − ¥100,000.00) = 100 分');
    expect(html).not.toContain('<td class="num">¥200,000.00</td>');
  });
});
