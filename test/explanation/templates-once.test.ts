// An explanation's templates are cut once per language, and what a policy keeps the same card after
// card (an indicator's title and weight, its threshold and target sentence, the payout formula) is
// folded into them once per policy, language, role and stage (engine/explanation/explain.ts). The
// lines must read as the templates filled for each card would: whatever card came before, in either
// language, and when a card's indicator differs from the one its role and stage had before.

import { describe, expect, it } from 'vitest';
import { explainScorecard, loadPolicy, type Scorecard } from '../../engine/index.js';
import { oneRolePolicy, runMonth } from '../engine/one-role.js';

const POLICY = oneRolePolicy({
  metrics: ['  completion: { label: 完播率, unit: ratio }', '  plays: { label: 播放量, unit: count }'].join('\n'),
  payBase: 5000,
  indicators: [
    '      completion: { title: 完播, metric: completion, threshold: 0.3, target: 0.4, weight: 60 }',
    '      plays: { title: 播放, metric: plays, target: 1000, weight: 40 }',
  ].join('\n'),
  adjustments: '  {}',
  grades: [
    ['A', 90],
    ['B', 0],
  ],
  performancePay: 'pay_base * score / 100',
});

const CSV = [
  '工号,姓名,岗位,团队,阶段,月份,完播率,播放量',
  // completion 35%: 60 + 40 × (35 − 30) / (40 − 30) = 80 points, × 60% = 48; plays 500: 500 / 1000 × 100 = 50, × 40% = 20
  'E1,林小雨,员工,一组,常规,2026-10,35%,500',
  // completion 45%, no challenge: the threshold–target line goes on, 60 + 40 × (45 − 30) / (40 − 30) = 120
  // (the cap), × 60% = 72; plays 1,500 pro rata: 100 × 1500 / 1000 = 150 → the cap 120, × 40% = 48
  'E2,王五,员工,二组,常规,2026-10,45%,1500',
].join('\n');

// E1: 48 + 20 = 68 → B, 22 more for A; pay 5000 × 68 / 100 = 3400
const E1_ZH = [
  '林小雨（E1）· 员工 · 一组 · 常规',
  '  完播 35.0%，介于门槛 30.0% 与目标 40.0% 之间 → 80 分 × 权重 60% = 48 分',
  '  播放 500，按目标 1,000 折算 → 50 分 × 权重 40% = 20 分',
  '基础得分 68',
  '总分 68 → 等级 B，再提高 22 分 → A',
  '  绩效工资 ¥3,400.00（pay_base * score / 100，基数 ¥5,000.00，总分 68）',
  '合计 ¥3,400.00',
];
// E2: 72 + 48 = 120 → A; pay 5000 × 120 / 100 = 6000
const E2_ZH = [
  '王五（E2）· 员工 · 二组 · 常规',
  '  完播 45.0%，超过目标 40.0% → 120 分 × 权重 60% = 72 分',
  '  播放 1,500，超过目标 1,000 → 120 分 × 权重 40% = 48 分',
  '基础得分 120',
  '总分 120 → 等级 A，已是最高等级',
  '  绩效工资 ¥6,000.00（pay_base * score / 100，基数 ¥5,000.00，总分 120）',
  '合计 ¥6,000.00',
];
const E1_EN = [
  '林小雨 (E1) · 员工 · 一组 · 常规',
  '  完播 35.0%, between threshold 30.0% and target 40.0% → 80 points × weight 60% = 48',
  '  播放 500, pro rata to target 1,000 → 50 points × weight 40% = 20',
  'base score 68',
  'score 68 → grade B, 22 more points → A',
  '  performance pay ¥3,400.00 (pay_base * score / 100, base ¥5,000.00, score 68)',
  'total ¥3,400.00',
];

async function cards(): Promise<{ policy: ReturnType<typeof compiled>; cards: Scorecard[] }> {
  const result = await runMonth(POLICY, CSV, 'zh');
  return { policy: compiled(), cards: result.scorecards };
}

function compiled() {
  const loaded = loadPolicy(POLICY, 'policy.yaml');
  if (!loaded.ok) throw new Error('the policy does not load');
  return loaded.policy;
}

describe('an explanation from templates built once per policy', () => {
  it('reads as the templates filled for each card, card after card and in either language', async () => {
    const {
      policy,
      cards: [e1, e2],
    } = await cards();
    expect(explainScorecard(policy, e1!, 'zh')).toEqual(E1_ZH);
    expect(explainScorecard(policy, e2!, 'zh')).toEqual(E2_ZH);
    // a card evaluated in English (its payout lines are labelled when it is evaluated)
    const [e1en] = (await runMonth(POLICY, CSV, 'en')).scorecards;
    expect(explainScorecard(policy, e1en!, 'en')).toEqual(E1_EN);
    // the first card again, after the others filled the same templates
    expect(explainScorecard(policy, e1!, 'zh')).toEqual(E1_ZH);
    // and with another compiled copy of the same policy: its own templates, the same lines
    expect(explainScorecard(compiled(), e2!, 'zh')).toEqual(E2_ZH);
  });

  it("fills each indicator's reason on the way, as the line has it", async () => {
    const {
      policy,
      cards: [e1],
    } = await cards();
    explainScorecard(policy, e1!, 'en');
    expect(e1!.indicators.map((i) => i.reason)).toEqual([
      'between threshold 30.0% and target 40.0%',
      'pro rata to target 1,000',
    ]);
  });

  it("rebuilds an indicator's texts when a card's indicator differs from the one before at its place", async () => {
    const {
      policy,
      cards: [e1],
    } = await cards();
    expect(explainScorecard(policy, e1!, 'zh')[1]).toBe(E1_ZH[1]);
    // the same role and stage, another title, weight and threshold (a card read back from an older run)
    const older: Scorecard = structuredClone(e1!);
    older.indicators[0] = {
      ...older.indicators[0]!,
      title: '完播率',
      weight: 50,
      threshold: 0.25,
      weighted_points: 40,
    };
    expect(explainScorecard(policy, older, 'zh')[1]).toBe(
      '  完播率 35.0%，介于门槛 25.0% 与目标 40.0% 之间 → 80 分 × 权重 50% = 40 分',
    );
    expect(explainScorecard(policy, e1!, 'zh')[1]).toBe(E1_ZH[1]);
  });

  it('shows a value a card lacks as its placeholder, as the template filled by name does', async () => {
    const {
      policy,
      cards: [e1],
    } = await cards();
    const nameless = { ...e1!, team: undefined as unknown as string };
    expect(explainScorecard(policy, nameless, 'zh')[0]).toBe('林小雨（E1）· 员工 · {team} · 常规');
  });
});
