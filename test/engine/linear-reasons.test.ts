// Where a linear indicator's actual value lies, in words: one sentence per case, with the
// indicator's reference points written in its metric's unit. The sentences are made once per
// language, unit and reference points and then reused (engine/explanation/explain.ts,
// linearReason): cards evaluated later, and in the other language, must read exactly as the first.

import { describe, expect, it } from 'vitest';
import { oneRolePolicy, runMonth } from './one-role.js';

const POLICY = oneRolePolicy({
  metrics: [
    '  completion: { label: 完播率, unit: ratio }',
    '  returns: { label: 退货率, unit: ratio }',
    '  plays: { label: 播放量, unit: count }',
    '  share: { label: 份额, unit: ratio }',
  ].join('\n'),
  payBase: 1000,
  indicators: [
    '      completion: { title: 完播, metric: completion, threshold: 0.3, target: 0.4, challenge: 0.5, weight: 40 }',
    '      returns: { title: 退货, metric: returns, better: lower, threshold: 0.15, target: 0.10, challenge: 0.05, weight: 30 }',
    '      plays: { title: 播放, metric: plays, target: 1000, weight: 20 }',
    '      share: { title: 份额, metric: share, threshold: 0, target: 0.2, weight: 10 }',
  ].join('\n'),
  adjustments: '  {}',
  grades: [['A', 0]],
  performancePay: 'pay_base * score / 100',
});

// completion, returns, plays, share per employee
const ROWS: [string, number, number, number, number][] = [
  ['E1', 0.25, 0.2, 500, 0.1],
  ['E2', 0.35, 0.12, 1000, 0.1],
  ['E3', 0.45, 0.07, 1500, 0.1],
  ['E4', 0.55, 0.05, 1000, 0.1],
  // the first employee again: the sentences remembered from E1
  ['E5', 0.25, 0.2, 500, 0.1],
];

async function reasons(lang: 'zh' | 'en'): Promise<string[][]> {
  const csv = [
    '工号,姓名,岗位,团队,阶段,月份,完播率,退货率,播放量,份额',
    ...ROWS.map(([id, c, r, p, s]) => `${id},某人,员工,一组,常规,2026-10,${c},${r},${p},${s}`),
  ].join('\n');
  const result = await runMonth(POLICY, `${csv}\n`, lang);
  return result.scorecards.map((card) => card.indicators.map((i) => i.reason));
}

describe("a linear indicator's reason", () => {
  it('names the case and the reference points in the unit, card after card, in Chinese', async () => {
    const below = ['低于门槛 30.0%', '高于门槛 15.0%', '按目标 1,000 折算', '介于门槛 0.0% 与目标 20.0% 之间'];
    expect(await reasons('zh')).toEqual([
      below,
      ['介于门槛 30.0% 与目标 40.0% 之间', '介于门槛 15.0% 与目标 10.0% 之间', '达到目标 1,000', below[3]],
      ['达到目标 40.0%，未达挑战 50.0%', '达到目标 10.0%，未达挑战 5.0%', '超过目标 1,000', below[3]],
      ['达到挑战 50.0%', '达到挑战 5.0%', '达到目标 1,000', below[3]],
      below,
    ]);
  });

  it('reads the same in English after the Chinese sentences were made, and the Chinese after the English', async () => {
    const below = [
      'below threshold 30.0%',
      'above threshold 15.0%',
      'pro rata to target 1,000',
      'between threshold 0.0% and target 20.0%',
    ];
    expect(await reasons('en')).toEqual([
      below,
      [
        'between threshold 30.0% and target 40.0%',
        'between threshold 15.0% and target 10.0%',
        'reaches target 1,000',
        below[3],
      ],
      [
        'reaches target 40.0%, short of challenge 50.0%',
        'reaches target 10.0%, short of challenge 5.0%',
        'beyond target 1,000',
        below[3],
      ],
      ['reaches challenge 50.0%', 'reaches challenge 5.0%', 'reaches target 1,000', below[3]],
      below,
    ]);
    expect((await reasons('zh'))[0]).toEqual([
      '低于门槛 30.0%',
      '高于门槛 15.0%',
      '按目标 1,000 折算',
      '介于门槛 0.0% 与目标 20.0% 之间',
    ]);
  });
});
