// An indicator's line says its weighted points as counted: points × weight, and when the score's
// decimals round that product, the product with its rounding — 「101 分 × 权重 50% = 50.5 分 ≈ 51
// 分」, as a per-unit line says it — never 「= 51 分」, which reads as if 101 × 50% were 51.

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, loadPolicy, renderStatement, type EmployeeRecord } from '../../engine/index.js';

// two ratings weighted 50 / 50, the score to whole points: 202 of 200 is 101 points, × 50% = 50.5 → 51;
// 90 of 100 is 90 points, × 50% = 45; base 51 + 45 = 96
const POLICY = `policy: halves
title: 两项各半
version: 1.0.0
score: { max: 120, decimals: 0 }
metrics:
  a: { label: 甲项, unit: score, range: [0, 200] }
  b: { label: 乙项, unit: score, range: [0, 100] }
stages:
  only: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      a: { metric: a, scoring: rating, weight: 50 }
      b: { metric: b, scoring: rating, weight: 50 }
grades:
  - { grade: A, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const loaded = loadPolicy(POLICY, 'halves.yaml');
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
const record: EmployeeRecord = {
  employee_id: 'E1',
  name: '张三',
  role: 'staff',
  team: '一组',
  stage: 'only',
  period: '2026-10',
  metrics: { a: 202, b: 90 },
};

describe('an indicator line whose weighted points the score rounds', () => {
  it('says the product and its rounding in Chinese; a product that needs none is said once', () => {
    const e = evaluateRecordSync(loaded.policy, record, { lang: 'zh' });
    if (!e.ok) throw new Error('scored');
    expect(e.scorecard.explanation.slice(1, 4)).toEqual([
      '  甲项 202，满分 200 → 101 分 × 权重 50% = 50.5 分 ≈ 51 分',
      '  乙项 90，满分 100 → 90 分 × 权重 50% = 45 分',
      '基础得分 96',
    ]);
  });

  it('and in English', () => {
    const e = evaluateRecordSync(loaded.policy, record, { lang: 'en' });
    if (!e.ok) throw new Error('scored');
    expect(e.scorecard.explanation[1]).toBe('  甲项 202, out of 200 → 101 points × weight 50% = 50.5 ≈ 51');
  });
});

// a tier award finer than the unit: `award: 1000.05`, paid `up` to the jiao, is ¥1,000.10
const TIERED = POLICY.replace(
  '  rounding: { to: 0.01, mode: half_up }',
  '  tiers:\n    basis: attainment\n    bands:\n      - { tier: gold, title: 金, min: 0.9, award: 1000.05 }\n  rounding: { to: 0.1, mode: up }',
);

describe('a tier award the rounding changes', () => {
  it('is said as written and as paid on its payout line, in the explanation and the statement', () => {
    const tiered = loadPolicy(TIERED, 'tiered.yaml');
    if (!tiered.ok) throw new Error(tiered.diagnostics.map((d) => d.message).join('\n'));
    const e = evaluateRecordSync(tiered.policy, record, { lang: 'zh' });
    if (!e.ok) throw new Error('scored');
    // score 96 → attainment 0.96 ≥ 0.9: gold; ¥1,000 × 96 / 100 = ¥960.00; award ¥1,000.05 up to the jiao ¥1,000.10
    expect(e.scorecard.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 96_000],
      ['tier_award', 100_010],
    ]);
    expect(e.scorecard.explanation.filter((l) => l.includes('档位奖金'))).toEqual([
      '  档位奖金 金 ¥1,000.05 ≈ ¥1,000.10',
    ]);
    expect(
      renderStatement(tiered.policy, e.scorecard, {
        policy: { file: 'tiered.yaml', id: 'halves', version: '1.0.0', hash: 'abc' },
        data: [],
        engine: '1.0.0',
      }),
    ).toContain('<tr><td>档位奖金 金</td><td class="num">¥1,000.05 ≈ ¥1,000.10</td></tr>');
  });
});
