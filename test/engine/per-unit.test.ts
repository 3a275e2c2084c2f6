// Per-unit awards and points (按件计): `{ per, amount, max }` counts units, pays or scores each,
// stops at its own max, and stays inside `awards_cap` and `score.max`. Every figure is worked by
// hand in the comments.

import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import resultSchema from '../../schemas/result.schema.json' with { type: 'json' };
import {
  evaluateRecordSync,
  loadPolicy,
  renderStatement,
  runPolicy,
  runResultToJson,
  type CompiledPolicy,
  type EmployeeRecord,
} from '../../engine/index.js';

const POLICY = `policy: per-unit
title: 按件计奖
version: 1.0.0
score: { max: 110 }
metrics:
  leads: { label: 新增线索, unit: count }
  viral_videos: { label: 爆款视频数, unit: count }
  big_videos: { label: 百万播放视频数, unit: count }
  videos: { label: 发布视频数, unit: count, default: 0 }
stages:
  only: { title: 常规 }
roles:
  ops:
    title: 运营
    pay_base: 5000
    indicators:
      leads: { metric: leads, threshold: 30, target: 50, challenge: 70, weight: 100 }
adjustments:
  viral_award:
    title: 爆款奖励
    when: { fact: viral_videos, operator: greaterThan, value: 0 }
    award: { per: viral_videos, amount: 500, max: 5000 }
  big_video_points:
    title: 百万播放加分
    when: { fact: big_videos, operator: greaterThan, value: 0 }
    points: { per: big_videos, amount: 2, max: 10 }
  lead_bonus:
    title: 超额线索奖励
    when: { fact: leads, operator: greaterThan, value: 50 }
    award: { per: leads - 50, amount: 0.5 }
grades:
  - { grade: A+, min: 100 }
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  awards_cap: 5005
  rounding: { to: 0.01, mode: half_up }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'per-unit.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy;
}

const record = (metrics: Record<string, number>): EmployeeRecord => ({
  employee_id: 'E1',
  name: '林小雨',
  role: 'ops',
  team: '一组',
  stage: 'only',
  period: '2026-10',
  metrics,
});

function scorecard(policy: CompiledPolicy, metrics: Record<string, number>, lang: 'zh' | 'en' = 'zh') {
  const r = evaluateRecordSync(policy, record(metrics), { lang });
  if (!r.ok) throw new Error(r.reasons.map((d) => d.message).join('\n'));
  return r.scorecard;
}

describe('per-unit awards and points', () => {
  const policy = load(POLICY);

  it('pays and scores each unit below the caps', () => {
    // leads 55: 100 + 20 × (55 − 50) / (70 − 50) = 105 points → base 105
    // 2 big videos × 2 = +4 → 109 (under score.max 110)
    // 3 viral videos × ¥500 = ¥1,500; (55 − 50) leads × ¥0.5 = ¥2.50
    // pay 5000 × 109 / 100 = 5450; total 5450 + 1500 + 2.50 = 6952.50
    const card = scorecard(policy, { leads: 55, viral_videos: 3, big_videos: 2 });
    expect(card.base_score).toBe(105);
    expect(card.score).toBe(109);
    expect(card.adjustments.map((a) => [a.id, a.points, a.award])).toEqual([
      ['viral_award', undefined, 1500],
      ['big_video_points', 4, undefined],
      ['lead_bonus', undefined, 2.5],
    ]);
    expect(card.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 545000],
      ['award', 150000],
      ['award', 250],
    ]);
    expect(card.payout.totalFen).toBe(695250);
    expect(card.adjustments[0]?.per_unit?.award).toEqual({
      per: 'viral_videos',
      label: '爆款视频数',
      units: 3,
      amount: 500,
      max: 5000,
      raw: 1500,
      capped: false,
    });
  });

  it('explains each per-unit effect as units × amount', () => {
    const card = scorecard(policy, { leads: 55, viral_videos: 3, big_videos: 2 });
    expect(card.explanation).toContain(
      '爆款奖励：爆款视频数 3 > 0 → 奖励 ¥1,500.00（爆款视频数 3 × ¥500.00 = ¥1,500.00）',
    );
    expect(card.explanation).toContain(
      '百万播放加分：百万播放视频数 2 > 0 → 加 4 分（百万播放视频数 2 × 2 分 = 4 分）',
    );
    // `per` is an expression: it is named as written
    expect(card.explanation).toContain('超额线索奖励：新增线索 55 > 50 → 奖励 ¥2.50（leads - 50 5 × ¥0.50 = ¥2.50）');
    const en = scorecard(policy, { leads: 55, viral_videos: 3, big_videos: 2 }, 'en');
    expect(en.explanation).toContain(
      '爆款奖励: 爆款视频数 3 > 0 → award ¥1,500.00 (爆款视频数 3 × ¥500.00 = ¥1,500.00)',
    );
  });

  it('says it per unit on the printable statement', () => {
    const card = scorecard(policy, { leads: 71, viral_videos: 12, big_videos: 7 });
    const html = renderStatement(policy, card, {
      policy: { file: 'per-unit.yaml', id: 'per-unit', version: '1.0.0', hash: 'abc' },
      data: [],
      engine: '1.0.0',
    });
    expect(html).toContain('奖励 ¥5,000.00（爆款视频数 12 × ¥500.00 = ¥6,000.00，封顶 ¥5,000.00）');
    expect(html).toContain('+10 分（百万播放视频数 7 × 2 分 = 14 分，封顶 10 分）');
  });

  it("stops at the rule's own max, then at score.max and awards_cap", () => {
    // leads 71: 120 + 20 × 1 / 20 = 121 → the indicator cap 120 → base 120
    // 7 big videos × 2 = 14 → the rule's max 10 → 130 → score.max 110
    // 12 viral × ¥500 = ¥6,000 → the rule's max ¥5,000; 21 leads × ¥0.5 = ¥10.50
    // awards ¥5,010.50 → awards_cap ¥5,005: a line of −¥5.50
    // pay 5000 × 110 / 100 = 5500; total 5500 + 5000 + 10.50 − 5.50 = 10505
    const card = scorecard(policy, { leads: 71, viral_videos: 12, big_videos: 7 });
    expect(card.base_score).toBe(120);
    expect(card.adjustments.find((a) => a.id === 'big_video_points')?.points).toBe(10);
    expect(card.score).toBe(110);
    expect(card.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 550000],
      ['award', 500000],
      ['award', 1050],
      ['awards_cap', -550],
    ]);
    expect(card.payout.totalFen).toBe(1050500);
    expect(card.explanation).toContain(
      '百万播放加分：百万播放视频数 7 > 0 → 加 10 分（百万播放视频数 7 × 2 分 = 14 分，封顶 10 分）',
    );
    expect(card.explanation).toContain(
      '爆款奖励：爆款视频数 12 > 0 → 奖励 ¥5,000.00（爆款视频数 12 × ¥500.00 = ¥6,000.00，封顶 ¥5,000.00）',
    );
  });

  it('rounds a per-unit award as the payout says, and takes its max down to the rounding unit', () => {
    const whole = load(
      POLICY.replace('rounding: { to: 0.01, mode: half_up }', 'rounding: { to: 1, mode: half_up }').replace(
        'award: { per: leads - 50, amount: 0.5 }',
        'award: { per: leads - 50, amount: 0.5, max: 2.5 }',
      ),
    );
    // (53 − 50) × 0.5 = 1.5 → ¥2 at whole yuan, half up
    const rounded = scorecard(whole, { leads: 53, viral_videos: 0, big_videos: 0 });
    expect(rounded.adjustments[0]?.award).toBe(2);
    // the explanation says the product was rounded: ¥1.50 ≈ ¥2.00, never 「3 × ¥0.50 = ¥2.00」
    expect(rounded.explanation).toContain(
      '超额线索奖励：新增线索 53 > 50 → 奖励 ¥2.00（leads - 50 3 × ¥0.50 = ¥1.50 ≈ ¥2.00）',
    );
    // (59 − 50) × 0.5 = 4.5 → ¥5, over the max 2.5, which at whole yuan is ¥2 (a cap is never rounded up)
    const capped = scorecard(whole, { leads: 59, viral_videos: 0, big_videos: 0 });
    expect(capped.adjustments[0]?.award).toBe(2);
    expect(capped.adjustments[0]?.per_unit?.award?.capped).toBe(true);
    // both roundings said: the product to the yuan, the limit to the yuan below it
    expect(capped.explanation).toContain(
      '超额线索奖励：新增线索 59 > 50 → 奖励 ¥2.00（leads - 50 9 × ¥0.50 = ¥4.50 ≈ ¥5.00，封顶 ¥2.50 ≈ ¥2.00）',
    );
  });

  it('counts below zero as no units, and takes points per unit when the amount is negative', () => {
    const policy2 = load(
      POLICY.replace(
        'when: { fact: leads, operator: greaterThan, value: 50 }\n    award: { per: leads - 50, amount: 0.5 }',
        'when: { fact: leads, operator: greaterThan, value: 0 }\n    points: { per: 50 - leads, amount: -1.5, max: 6 }',
      ),
    );
    // 45 leads: 60 + 40 × 15 / 20 = 90; 5 short × −1.5 = −7.5 → at most 6 taken → 84
    const short = scorecard(policy2, { leads: 45, viral_videos: 0, big_videos: 0 });
    expect(short.base_score).toBe(90);
    expect(short.score).toBe(84);
    expect(short.explanation).toContain(
      '超额线索奖励：新增线索 45 > 0 → 扣 6 分（50 - leads 5 × -1.5 分 = -7.5 分，封顶 6 分）',
    );
    // 60 leads: 50 − 60 = −10 units → 0 units → 0 points; 100 + 20 × 10 / 20 = 110
    const over = scorecard(policy2, { leads: 60, viral_videos: 0, big_videos: 0 });
    expect(over.adjustments[0]?.points).toBe(0);
    expect(over.score).toBe(110);
  });

  it('excludes a record whose count of units cannot be computed', () => {
    const policy3 = load(
      POLICY.replace('award: { per: viral_videos, amount', 'award: { per: viral_videos / videos, amount'),
    );
    const r = evaluateRecordSync(policy3, record({ leads: 55, viral_videos: 3, big_videos: 0, videos: 0 }), {
      lang: 'en',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons.map((d) => [d.code, d.message])).toEqual([
      [
        'eval_undefined',
        // videos is 0: the message names that divisor
        'the number of units of `爆款奖励` (viral_videos / videos) cannot be computed: the divisor `videos` is 0',
      ],
    ]);
  });

  it('writes how it counted into the JSON result, which validates against schemas/result.schema.json', async () => {
    const result = runResultToJson(
      await runPolicy(policy, { records: [record({ leads: 71, viral_videos: 12, big_videos: 7 })] }),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.validate(resultSchema, result);
    expect(ajv.errors ?? []).toEqual([]);
    expect(result.scorecards[0]?.adjustments[1]).toMatchObject({
      id: 'big_video_points',
      points: 10,
      per_unit: { points: { per: 'big_videos', units: 7, amount: 2, max: 10, raw: 14, capped: true } },
    });
  });

  it('makes the metrics `per` reads required of every record', () => {
    expect(policy.roles.ops?.requiredMetrics.sort()).toEqual(['big_videos', 'leads', 'viral_videos']);
  });
});

describe('validate checks per-unit amounts', () => {
  it('reports an unknown metric in `per` at its position', () => {
    const r = loadPolicy(POLICY.replace('per: viral_videos, amount', 'per: viral_video, amount'), 'p.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([
      ['policy_unknown_metric', 22, 19],
    ]);
  });

  it('reports a formula that cannot be read at its character', () => {
    const r = loadPolicy(POLICY.replace('per: leads - 50,', 'per: "leads - ",'), 'p.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['policy_expression_syntax', 30]]);
  });

  it('rounds a deduction half away from zero, as it rounds a bonus (score.decimals: 1)', () => {
    const deduct = (amount: number) =>
      load(
        POLICY.replace('score: { max: 110 }', 'score: { max: 110, decimals: 1 }').replace(
          'when: { fact: leads, operator: greaterThan, value: 50 }\n    award: { per: leads - 50, amount: 0.5 }',
          `when: { fact: leads, operator: greaterThan, value: 0 }\n    points: { per: "leads / 50", amount: ${amount} }`,
        ),
      );
    // 50 leads: the target, 100 points; 50 / 50 = 1 unit × −0.35 = −0.35 → −0.4 (not −0.3) → 99.6
    const minus = scorecard(deduct(-0.35), { leads: 50, viral_videos: 0, big_videos: 0 });
    expect(minus.adjustments[0]?.points).toBe(-0.4);
    expect(minus.score).toBe(99.6);
    // 1 × 0.35 = 0.35 → 0.4 → 100.4
    const plus = scorecard(deduct(0.35), { leads: 50, viral_videos: 0, big_videos: 0 });
    expect(plus.adjustments[0]?.points).toBe(0.4);
    expect(plus.score).toBe(100.4);
  });

  it('refuses a per-unit award without an amount, or with a negative one', () => {
    const missing = loadPolicy(POLICY.replace('amount: 500, max: 5000', 'max: 5000'), 'p.yaml');
    expect(missing.diagnostics.map((d) => d.code)).toContain('schema_missing_key');
    const negative = loadPolicy(POLICY.replace('amount: 500,', 'amount: -500,'), 'p.yaml');
    expect(negative.diagnostics.map((d) => d.code)).toContain('schema_range');
  });
});
