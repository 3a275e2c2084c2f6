// `yardstick diff` says a change to a per-unit award or points rule in words, in Chinese and in
// English, as it does every other rule change: what is counted (by its label), the amount per unit
// and the rule's own maximum — never the YAML key path or the raw `{ per, amount, max }` mapping.

import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  diffPolicies,
  evaluateRecordSync,
  loadPolicy,
  renderMarkdown,
  type PolicyDoc,
} from '../../engine/index.js';

const policy = (rule: string): PolicyDoc => {
  const text = `policy: per-unit-diff
title: 按件计变更
version: 1.0.0
metrics:
  rating: { label: 上级评分, unit: score, range: [0, 100] }
  viral_videos: { label: 爆款视频数, unit: count, default: 0 }
  big_videos: { label: 百万播放视频数, unit: count, default: 0 }
stages:
  only: { title: 常规 }
roles:
  editor:
    title: 剪辑师
    pay_base: 6000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  viral_award:
    title: 爆款奖励
    when: { fact: viral_videos, operator: greaterThan, value: 0 }
${rule}
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
  const loaded = loadPolicy(text, 'p.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics.map((d) => d.code)));
  return loaded.policy.doc;
};

const texts = (before: string, after: string, lang: 'zh' | 'en') =>
  diffPolicies(policy(before), policy(after), lang).map((c) => c.text);

const FIXED = '    award: 500';
const PER = '    award: { per: viral_videos, amount: 500, max: 5000 }';

describe('a per-unit award changed, in words', () => {
  it('says the amount per unit', () => {
    const after = '    award: { per: viral_videos, amount: 600, max: 5000 }';
    expect(texts(PER, after, 'zh')).toEqual(['爆款奖励 · 每单位奖金 ¥500.00 → ¥600.00']);
    expect(texts(PER, after, 'en')).toEqual(['爆款奖励 · award per unit ¥500.00 → ¥600.00']);
  });

  it('says the maximum, and "no limit" when it is added or taken away', () => {
    const higher = '    award: { per: viral_videos, amount: 500, max: 8000 }';
    expect(texts(PER, higher, 'zh')).toEqual(['爆款奖励 · 奖金上限 ¥5,000.00 → ¥8,000.00']);
    const none = '    award: { per: viral_videos, amount: 500 }';
    expect(texts(PER, none, 'zh')).toEqual(['爆款奖励 · 奖金上限 ¥5,000.00 → 不封顶']);
    expect(texts(none, PER, 'en')).toEqual(['爆款奖励 · award at most no limit → ¥5,000.00']);
  });

  it('names what is counted by its label', () => {
    const other = '    award: { per: big_videos, amount: 500, max: 5000 }';
    expect(texts(PER, other, 'zh')).toEqual(['爆款奖励 · 奖金按此计件 爆款视频数 → 百万播放视频数']);
    expect(texts(PER, other, 'en')).toEqual(['爆款奖励 · award counted by 爆款视频数 → 百万播放视频数']);
  });

  it('says a fixed award turned into a per-unit one in full', () => {
    expect(texts(FIXED, PER, 'zh')).toEqual([
      '爆款奖励 · 奖金 ¥500.00 → 每 1 个「爆款视频数」奖励 ¥500.00，最多 ¥5,000.00',
    ]);
    expect(texts(PER, FIXED, 'en')).toEqual([
      '爆款奖励 · award ¥500.00 for each 「爆款视频数」, at most ¥5,000.00 → ¥500.00',
    ]);
  });
});

describe('per-unit points changed, in words', () => {
  const POINTS = '    points: { per: big_videos, amount: 2, max: 10 }';
  it('says points per unit and the most they add', () => {
    expect(texts(POINTS, '    points: { per: big_videos, amount: 3, max: 10 }', 'zh')).toEqual([
      '爆款奖励 · 每单位加分 2 分 → 3 分',
    ]);
    expect(texts(POINTS, '    points: { per: big_videos, amount: 2, max: 12 }', 'en')).toEqual([
      '爆款奖励 · points at most 10 points → 12 points',
    ]);
    expect(texts('    points: 2', POINTS, 'zh')).toEqual([
      '爆款奖励 · 加分 2 分 → 每 1 个「百万播放视频数」加 2 分，最多 10 分',
    ]);
  });
});

describe('a new per-unit rule', () => {
  it('is listed in full, with what is counted by its label', () => {
    const added = (rule: string, lang: 'zh' | 'en') =>
      diffPolicies(
        policy(rule),
        policy(
          `${rule}\n  big_points:\n    title: 百万播放加分\n    when: { fact: big_videos, operator: greaterThan, value: 0 }\n    points: { per: big_videos, amount: 2, max: 10 }`,
        ),
        lang,
      ).map((c) => c.text);
    expect(added(FIXED, 'zh')).toEqual([
      '新增 调整 「百万播放加分」：当 百万播放视频数 > 0 时，每 1 个「百万播放视频数」加 2 分，最多 10 分',
    ]);
    expect(added(FIXED, 'en')).toEqual([
      'added adjustment 「百万播放加分」: when 百万播放视频数 > 0, 2 points for each 「百万播放视频数」, at most 10 points',
    ]);
  });
});

describe('an amount below the fen is written with its digits, never as another amount', () => {
  it('diff: ¥0.333 → ¥0.334 a unit is a change, not ¥0.33 → ¥0.33', () => {
    // 0.333 and 0.334 both round to ¥0.33 at the fen: written that way the change reads as none
    // (its max is an amount, to the fen: `max: 10.005` is refused, policy_money_fraction_of_fen)
    const before = '    award: { per: viral_videos, amount: 0.333, max: 10 }';
    const after = '    award: { per: viral_videos, amount: 0.334, max: 10 }';
    expect(texts(before, after, 'zh')).toEqual(['爆款奖励 · 每单位奖金 ¥0.333 → ¥0.334']);
    // a fixed award is to the fen (`award: 100.004` is refused, policy_money_fraction_of_fen): to the fen
    expect(texts('    award: 100', '    award: 100.5', 'en')).toEqual(['爆款奖励 · award ¥100.00 → ¥100.50']);
  });

  it('the 考核方案 and the explanation state the rate of ¥0.333, the amount counted to the fen', () => {
    const text = `policy: rate
title: 按件计费率
version: 1.0.0
metrics:
  rating: { label: 上级评分, unit: score, range: [0, 100] }
  leads: { label: 线索数, unit: count }
stages:
  only: { title: 常规 }
roles:
  editor:
    title: 剪辑师
    pay_base: 1000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  lead_award:
    title: 线索奖励
    when: { fact: leads, operator: greaterThan, value: 0 }
    award: { per: leads, amount: 0.333, max: 3.33 }
grades:
  - { grade: A, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
    const loaded = loadPolicy(text, 'p.yaml');
    if (!loaded.ok) throw new Error('does not load');
    const doc = renderMarkdown(buildDocument(loaded.policy, { lang: 'zh' }));
    expect(doc).toContain('每单位（leads）¥0.333，最多 ¥3.33');
    // 5 leads × 0.333 = 1.665 → ¥1.67 (half up), said as rounded (≈); 20 leads × 0.333 = 6.66, at
    // most ¥3.33 (its max is to the fen)
    const card = (leads: number) => {
      const e = evaluateRecordSync(loaded.policy, {
        employee_id: 'E1',
        name: '甲',
        role: 'editor',
        team: '一组',
        stage: 'only',
        period: '2026-10',
        metrics: { rating: 80, leads },
      });
      if (!e.ok) throw new Error('does not evaluate');
      return e.scorecard;
    };
    expect(card(5).explanation).toContain('线索奖励：线索数 5 > 0 → 奖励 ¥1.67（线索数 5 × ¥0.333 = ¥1.665 ≈ ¥1.67）');
    expect(card(20).explanation).toContain(
      '线索奖励：线索数 20 > 0 → 奖励 ¥3.33（线索数 20 × ¥0.333 = ¥6.66，封顶 ¥3.33）',
    );
  });
});
