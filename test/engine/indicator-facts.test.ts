// Rules on indicator results: adjustments, holds and triggers can read each indicator's points,
// attainment and the reference points it reached, and counts over them; and `absent` / `present`
// ask whether a tier, a grade cap or last month's plan is there at all. Every figure is worked by
// hand in the comments.

import { describe, expect, it } from 'vitest';
import {
  evaluateRecord,
  evaluateRecordSync,
  loadPolicy,
  type CompiledPolicy,
  type EmployeeRecord,
  type HistorySource,
} from '../../engine/index.js';

const INDICATOR_POLICY = `policy: indicator-rules
title: 指标结果规则
version: 1.0.0
metrics:
  completion_rate: { label: 完播率, unit: ratio }
  videos: { label: 发布视频数, unit: count }
  manager_rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
  violations: { label: 违规次数, unit: count }
stages:
  only: { title: 常规 }
roles:
  director:
    title: 编导
    pay_base: 4000
    indicators:
      completion: { metric: completion_rate, threshold: 0.3, target: 0.4, challenge: 0.5, weight: 30 }
      output:
        metric: videos
        scoring: steps
        steps: [ { min: 30, points: 120 }, { min: 20, points: 100 }, { min: 10, points: 60 } ]
        weight: 30
      attitude: { metric: manager_rating, scoring: rating, weight: 20 }
      compliance: { metric: violations, scoring: pass_fail, better: lower, target: 0, weight: 20 }
adjustments:
  zero_veto:
    title: 单项零分否决
    when: { fact: lowest_indicator_points, operator: equal, value: 0 }
    score_cap: 60
    grade_cap: C
  most_at_target:
    title: 多数指标达标
    when: { fact: indicators_reached_share, params: { level: target }, operator: greaterThanInclusive, value: 0.75 }
    points: 5
  red_line:
    title: 红线指标未达门槛
    when: { fact: indicators_missed, params: { level: threshold, indicators: [ completion, compliance ] }, operator: greaterThan, value: 0 }
    grade_cap: B
  completion_star:
    title: 完播之星
    when: { fact: indicator_attainment, params: { indicator: completion }, operator: greaterThanInclusive, value: 1.25 }
    award: 200
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers: { basis: attainment, bands: [ { tier: gold, title: 金牌, min: 1.0, award: 100 } ] }
  rounding: { to: 0.01, mode: half_up }
triggers:
  plain_month:
    title: 无档位无封顶
    when: { all: [ { fact: tier, operator: absent }, { fact: grade_cap, operator: absent } ] }
    action: { type: notify }
  capped:
    title: 等级被封顶
    when: { fact: grade_cap, operator: present }
    action: { type: notify }
  challenge_hit:
    title: 完播达到挑战
    when: { fact: indicator_reached, params: { indicator: completion, level: challenge }, operator: equal, value: true }
    action: { type: resource_support }
  after_plan:
    title: 上月计划已关闭
    when: { fact: previous_plan, operator: equal, value: closed }
    action: { type: notify }
`;

function load(text: string): CompiledPolicy {
  const r = loadPolicy(text, 'indicator-rules.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.span?.line}: ${d.message}`).join('\n'));
  return r.policy;
}

const record = (
  completion_rate: number,
  videos: number,
  manager_rating: number,
  violations: number,
): EmployeeRecord => ({
  employee_id: 'E1',
  name: '林小雨',
  role: 'director',
  team: '一组',
  stage: 'only',
  period: '2026-10',
  metrics: { completion_rate, videos, manager_rating, violations },
});

const policy = load(INDICATOR_POLICY);

async function both(r: EmployeeRecord, history?: HistorySource) {
  const compiled = evaluateRecordSync(policy, r, { history });
  const reference = await evaluateRecord(policy, r, { history, executor: 'reference' });
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
  if (!compiled.ok) throw new Error(compiled.reasons.map((d) => d.message).join('\n'));
  return compiled.scorecard;
}

const fired = (card: { adjustments: { id: string }[]; triggers: { id: string }[] }) => [
  ...card.adjustments.map((a) => a.id),
  ...card.triggers.map((t) => t.id),
];

describe('facts on indicator results', () => {
  it('counts the indicators at target: 3 of 4 is 75 % → +5', async () => {
    // completion 0.45: 100 + 20 × 0.05 / 0.1 = 110, target reached (0.45 ≥ 0.4), challenge not
    // output 25 videos: step ≥ 20 → 100 points; steps have no target, so by points: 100 ≥ 100 reached
    // attitude 80 of 100 → 80 points: below the target's 100 points
    // compliance 0 violations ≤ target 0: pass, 100 points
    // base 110 × 30% + 100 × 30% + 80 × 20% + 100 × 20% = 33 + 30 + 16 + 20 = 99; +5 → 104 → A, gold
    const card = await both(record(0.45, 25, 80, 0));
    expect(card.base_score).toBe(99);
    expect(card.score).toBe(104);
    expect(card.grade).toBe('A');
    expect(fired(card)).toEqual(['most_at_target']);
    expect(card.explanation).toContain('多数指标达标：达到目标的指标占比 75.0% ≥ 75.0% → 加 5 分');
  });

  it('vetoes on any indicator at 0 and caps the grade when a red-line indicator misses its threshold', async () => {
    // completion 0.25 < threshold 0.3 → 0 points; 35 videos → 120; rating 100 → 100; 1 violation → fail, 0
    // lowest 0 → veto; red line: completion (0.25 < 0.3) and compliance (0 points < 60) miss → 2 > 0
    // at target: output and attitude, 2 of 4 = 50 % → no bonus
    // base 0 + 36 + 20 + 0 = 56 → C; caps C and B → C
    const card = await both(record(0.25, 35, 100, 1));
    expect(card.base_score).toBe(56);
    expect(card.grade).toBe('C');
    expect(fired(card)).toEqual(['zero_veto', 'red_line', 'capped']);
    expect(card.explanation).toContain('单项零分否决：最低指标得分 0 = 0 → 总分封顶 60，等级封顶 C');
    expect(card.explanation).toContain('红线指标未达门槛：未达门槛的指标数（完播率、违规次数） 2 > 0 → 等级封顶 B');
    expect(card.explanation).toContain('触发：等级被封顶 → 通知（等级封顶 C）');
  });

  it('caps the grade at B when only the red line is missed', async () => {
    // completion 0.29 < 0.3 → 0 points... that is also a zero; so the red line is missed by compliance alone:
    // completion 0.5 (120, challenge), 35 videos (120), rating 100, 2 violations (fail, 0 points)
    // base 36 + 36 + 20 + 0 = 92 → A by score; lowest 0 vetoes too: C. Without the veto:
    const noVeto = load(
      INDICATOR_POLICY.replace(
        'value: 0 }\n    score_cap: 60\n    grade_cap: C',
        'value: -1 }\n    score_cap: 60\n    grade_cap: C',
      ),
    );
    const r = evaluateRecordSync(noVeto, record(0.5, 35, 100, 2));
    if (!r.ok) throw new Error('unscorable');
    // at target: completion, output, attitude = 3 of 4 → +5 → 97 → A by score, capped at B
    expect(r.scorecard.score).toBe(97);
    expect(r.scorecard.raw_grade).toBe('A');
    expect(r.scorecard.grade).toBe('B');
  });

  it("reads one indicator's attainment and whether it reached its challenge", async () => {
    // completion 0.5: attainment 0.5 / 0.4 = 1.25 ≥ 1.25 → ¥200; the challenge 0.5 is reached
    // base 36 + 30 + 16 + 20 = 102; 3 of 4 at target → +5 → 107 → A
    const card = await both(record(0.5, 25, 80, 0));
    expect(card.score).toBe(107);
    expect(fired(card)).toEqual(['most_at_target', 'completion_star', 'challenge_hit']);
    expect(card.explanation).toContain('完播之星：完播率 达成率 125.0% ≥ 125.0% → 奖励 ¥200.00');
    expect(card.explanation).toContain('触发：完播达到挑战 → 资源扶持（完播率 达到挑战 是 = 是）');
  });

  it('fires on an absent tier and an absent grade cap', async () => {
    // completion 0.35 → 80, 15 videos → 60, rating 70 → 70, no violation → 100
    // base 24 + 18 + 14 + 20 = 76 → B; attainment 0.76 < 1.0: no tier; no cap
    const card = await both(record(0.35, 15, 70, 0));
    expect(card.base_score).toBe(76);
    expect(card.payout.tier).toBeUndefined();
    expect(fired(card)).toEqual(['plain_month']);
    expect(card.explanation).toContain('触发：无档位无封顶 → 通知（档位 无 且 等级封顶 无）');
    const en = evaluateRecordSync(policy, record(0.35, 15, 70, 0), { lang: 'en' });
    expect(en.ok && en.scorecard.explanation).toContain('trigger: 无档位无封顶 → notify (no tier and no grade cap)');
  });

  it("reads last month's plan status, absent when there was none", async () => {
    const history: HistorySource = {
      grades: () => ['B'],
      plan: () => ({
        trigger: 'gone',
        status: 'closed',
        opened: '2026-08',
        window_ends: '2026-09',
        extensions_used: 0,
        reason: '达到改进目标，计划关闭',
      }),
    };
    const card = await both(record(0.35, 15, 70, 0), history);
    expect(fired(card)).toEqual(['plain_month', 'after_plan']);
    expect(card.explanation).toContain('触发：上月计划已关闭 → 通知（上期改进计划 closed = closed）');
  });

  it('takes a weight-0 indicator out of the counts', async () => {
    // attitude weighs 0: the share at target is over completion, output, compliance
    const zero = load(
      INDICATOR_POLICY.replace('weight: 30 }\n      output', 'weight: 50 }\n      output').replace(
        'scoring: rating, weight: 20',
        'scoring: rating, weight: 0',
      ),
    );
    // completion 0.45 (target), 25 videos (target), rating 10 (10 points, not counted), no violation (target): 3 of 3
    const r = evaluateRecordSync(zero, record(0.45, 25, 10, 0));
    expect(r.ok && r.scorecard.adjustments.map((a) => a.id)).toEqual(['most_at_target']);
  });
});

describe('facts on indicators inside a group', () => {
  const grouped = load(`policy: grouped
title: 指标组
version: 1.0.0
metrics:
  originality: { label: 原创数, unit: count }
  completion_rate: { label: 完播率, unit: ratio }
  followers: { label: 涨粉数, unit: count }
stages:
  only: { title: 常规 }
roles:
  creator:
    title: 创作者
    pay_base: 3000
    indicators:
      quality:
        title: 内容质量
        weight: 60
        indicators:
          originality: { metric: originality, scoring: pass_fail, target: 30, weight: 50 }
          completion: { metric: completion_rate, threshold: 0.5, target: 0.7, weight: 50 }
      growth: { metric: followers, target: 1000, weight: 40 }
adjustments:
  quality_miss:
    title: 内容质量有未达标项
    when: { fact: indicators_missed, params: { level: target, indicators: [ quality ] }, operator: greaterThan, value: 0 }
    points: -2
  quality_low:
    title: 内容质量偏低
    when: { fact: indicator_points, params: { indicator: quality }, operator: lessThan, value: 80 }
    points: -1
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`);
  const card = (originality: number, completion_rate: number, followers: number) => {
    const r = evaluateRecordSync(grouped, {
      employee_id: 'C1',
      name: '丙',
      role: 'creator',
      team: '一组',
      stage: 'only',
      period: '2026-10',
      metrics: { originality, completion_rate, followers },
    });
    if (!r.ok) throw new Error('unscorable');
    return r.scorecard;
  };

  it("reads a group in `indicators` as the indicators inside it, and a group's points", () => {
    // originality 30 ≥ 30: pass, 100; completion 0.6: 60 + 40 × 0.1 / 0.2 = 80, below target
    // quality = 100 × 50% + 80 × 50% = 90 (not below 80); growth 1500 of 1000 → 150 → cap 120
    // one of quality's two misses its target → −2; base 90 × 60% + 120 × 40% = 54 + 48 = 102 → 100
    const c = card(30, 0.6, 1500);
    expect(c.indicators[0]?.points).toBe(90);
    expect(c.adjustments.map((a) => a.id)).toEqual(['quality_miss']);
    expect(c.score).toBe(100);
    // originality 20: fail, 0 → quality 40 < 80 → both rules; growth alone does not count for quality
    expect(card(20, 0.7, 1500).adjustments.map((a) => a.id)).toEqual(['quality_miss', 'quality_low']);
    expect(card(30, 0.7, 100).adjustments.map((a) => a.id)).toEqual([]);
  });
});

describe('validate checks the facts on indicator results and absent values', () => {
  const found = (text: string) =>
    loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column]);

  it('refuses a share of indicators written as percent points (85 for 85 %), which could never be reached', () => {
    // `indicators_reached_share` is 0 to 1 (3 of 4 is 0.75): `≥ 85` would silently never fire, `< 85`
    // always. Line 32 is most_at_target's `when:`; the value 85 starts at column 111 (0.75 did).
    const r = loadPolicy(
      INDICATOR_POLICY.replace('greaterThanInclusive, value: 0.75 }', 'greaterThanInclusive, value: 85 }'),
      'p.yaml',
    );
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_value_type',
        '`indicators_reached_share` is a share from 0 to 1 (3 of 4 is 0.75), so `85` is outside it',
        'write `0.85` for 85 %',
        32,
        111,
      ],
    ]);
    // 1 (every indicator) and 0 are shares; a list for `in` is checked value by value
    expect(found(INDICATOR_POLICY.replace('greaterThanInclusive, value: 0.75 }', 'equal, value: 1 }'))).toEqual([]);
    expect(
      found(INDICATOR_POLICY.replace('greaterThanInclusive, value: 0.75 }', 'in, value: [0.5, 50] }')).map((d) => d[0]),
    ).toEqual(['policy_value_type']);
  });

  it('reports an unknown indicator at its position, with the nearest one', () => {
    const r = loadPolicy(
      INDICATOR_POLICY.replace(
        'params: { indicator: completion }, operator',
        'params: { indicator: completon }, operator',
      ),
      'p.yaml',
    );
    // line 40: `    when: { fact: indicator_attainment, params: { indicator: completon }, …`, the value at column 62
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_unknown_indicator',
        'no role has indicator `completon`',
        'did you mean `completion`? indicators by their path from the role: completion, output, attitude, compliance',
        40,
        62,
      ],
    ]);
  });

  it('reports an unknown indicator inside `indicators`, and a level that is not a reference point', () => {
    expect(
      found(
        INDICATOR_POLICY.replace(
          'indicators: [ completion, compliance ]',
          'indicators: [ completion, safety ]',
        ).replace('params: { level: target }', 'params: { level: goal }'),
      ),
    ).toEqual([
      ['policy_value_type', '`level` of `indicators_reached_share` is `goal`, not a reference point', 32, 62],
      ['policy_unknown_indicator', 'no role has indicator `safety`', 36, 92],
    ]);
  });

  it('asks for `indicators` as a list of indicator paths', () => {
    expect(found(INDICATOR_POLICY.replace('indicators: [ completion, compliance ]', 'indicators: completion'))).toEqual(
      [['policy_value_type', '`indicators` of `indicators_missed` must be a list of indicator paths', 36, 78]],
    );
  });

  it('needs the params a fact about one indicator takes', () => {
    const r = loadPolicy(INDICATOR_POLICY.replace('params: { indicator: completion }, operator', 'operator'), 'p.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_missing_param',
        'fact `indicator_attainment` needs `params: { indicator: … }`',
        'e.g. `params: { indicator: completion, level: target }`: an indicator by its path from the role, a level of threshold, target or challenge',
        40,
        19,
      ],
    ]);
  });

  it('refuses a value on `absent`, and a grade cap before grades are decided', () => {
    expect(
      found(
        INDICATOR_POLICY.replace(
          '{ fact: tier, operator: absent }',
          '{ fact: tier, operator: absent, value: gold }',
        ).replace(
          'when: { fact: lowest_indicator_points, operator: equal, value: 0 }',
          'when: { fact: grade_cap, operator: absent }',
        ),
      ),
    ).toEqual([
      ['policy_fact_not_available', 'fact `grade_cap` is not known yet when adjustments run', 27, 19],
      ['policy_value_type', '`absent` asks whether `tier` has a value, and takes no `value`', 53, 52],
    ]);
  });

  it('checks the values a grade cap and a plan status can have', () => {
    expect(
      found(
        INDICATOR_POLICY.replace(
          '{ fact: grade_cap, operator: present }',
          '{ fact: grade_cap, operator: equal, value: S }',
        ).replace('operator: equal, value: closed', 'operator: equal, value: finished'),
      ),
    ).toEqual([
      ['policy_unknown_grade', 'unknown grade `S`', 57, 54],
      ['policy_value_type', '`finished` is not a status of an improvement plan', 65, 58],
    ]);
  });

  it('still asks a value of every other operator', () => {
    expect(
      found(INDICATOR_POLICY.replace('{ fact: grade_cap, operator: present }', '{ fact: grade_cap, operator: equal }')),
    ).toEqual([['schema_missing_key', '`triggers.capped.when` is missing required key `value`', 57, 5]]);
  });
});
