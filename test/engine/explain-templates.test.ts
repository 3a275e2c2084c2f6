// Explanations are filled from one template table per language (engine/explanation/templates.ts):
// a title is never patched, so a title with a full-width colon reads the same in both languages.

import { describe, expect, it } from 'vitest';
import { oneRolePolicy, runMonth } from './one-role.js';
import { TEMPLATES } from '../../engine/explanation/templates.js';
import type { Lang } from '../../engine/model/messages/index.js';

const POLICY = oneRolePolicy({
  metrics: '  rating: { label: 评分, unit: score, range: [0, 100] }\n  plays: { label: 单条最高播放, unit: count }',
  payBase: 1234.56,
  indicators: '      rating: { title: 上级评分, metric: rating, scoring: rating, weight: 100 }',
  adjustments:
    '  viral: { title: 爆款：奖励, when: { all: [ { fact: plays, operator: greaterThanInclusive, value: 1000000 } ] }, award: 500 }',
  grades: [
    ['A', 90],
    ['B', 0],
  ],
  performancePay: 'pay_base * score / 100',
});

async function explanation(lang: Lang, rating = 95): Promise<string[]> {
  const result = await runMonth(
    POLICY,
    `工号,姓名,岗位,团队,阶段,月份,评分,单条最高播放\nE1,林小雨,员工,一组,常规,2026-10,${rating},"1,250,000"\n`,
    lang,
  );
  return result.scorecards[0].explanation;
}

describe('an explanation in English', () => {
  it('keeps a title with a full-width colon whole and uses English punctuation around it', async () => {
    // performance pay 1234.56 × 95 / 100 = 1172.832 → ¥1,172.83; + the award ¥500.00 = ¥1,672.83
    expect(await explanation('en')).toEqual([
      '林小雨 (E1) · 员工 · 一组 · 常规',
      '  上级评分 95, out of 100 → 95 points × weight 100% = 95',
      'base score 95',
      '爆款：奖励: 单条最高播放 1,250,000 ≥ 1,000,000 → award ¥500.00',
      'score 95 → grade A, already the top grade',
      '  performance pay ¥1,172.83 (pay_base * score / 100, base ¥1,234.56, score 95)',
      '  爆款：奖励 ¥500.00',
      'total ¥1,672.83',
    ]);
  });

  it('says how far the next grade is', async () => {
    // 80 points: grade B, 10 more points to A; pay 1234.56 × 0.8 = 987.648 → ¥987.65, total ¥1,487.65
    const lines = await explanation('en', 80);
    expect(lines[4]).toBe('score 80 → grade B, 10 more points → A');
    expect(lines.at(-1)).toBe('total ¥1,487.65');
  });
});

describe('the same explanation in Chinese', () => {
  it('reads as before', async () => {
    expect(await explanation('zh')).toEqual([
      '林小雨（E1）· 员工 · 一组 · 常规',
      '  上级评分 95，满分 100 → 95 分 × 权重 100% = 95 分',
      '基础得分 95',
      '爆款：奖励：单条最高播放 1,250,000 ≥ 1,000,000 → 奖励 ¥500.00',
      '总分 95 → 等级 A，已是最高等级',
      '  绩效工资 ¥1,172.83（pay_base * score / 100，基数 ¥1,234.56，总分 95）',
      '  爆款：奖励 ¥500.00',
      '合计 ¥1,672.83',
    ]);
  });
});

describe('the template tables', () => {
  const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('give every sentence in both languages, with the same placeholders', () => {
    expect(Object.keys(TEMPLATES.en).sort()).toEqual(Object.keys(TEMPLATES.zh).sort());
    for (const key of Object.keys(TEMPLATES.zh) as (keyof typeof TEMPLATES.zh)[]) {
      expect(placeholders(TEMPLATES.en[key]), key).toEqual(placeholders(TEMPLATES.zh[key]));
    }
  });

  it('leave no full-width punctuation in English', () => {
    for (const [key, template] of Object.entries(TEMPLATES.en)) expect(template, key).not.toMatch(/[：，（）]/);
  });
});
