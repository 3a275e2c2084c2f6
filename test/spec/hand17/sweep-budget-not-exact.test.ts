// `yardstick sweep --budget` on a pay base when no pay base pays the budget exactly, worked out by
// hand: three people at 91.21, 82.32 and 70 points, each paid pay_base × score % to the fen (half
// up). The total moves in steps of about ¥0.024 per fen of pay base, with each person's line rounded
// on its own, so ¥2,000.00 falls between two fen of pay base (docs/review.md, "What-if sweeps").

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: spec-sweep
title: 预算反推绩效基数
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const MONTH = `工号,姓名,岗位,团队,阶段,月份,评分
E1,甲,staff,一组,s,2026-10,91.21
E2,乙,staff,一组,s,2026-10,82.32
E3,丙,staff,一组,s,2026-10,70
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-sweep-'));
writeFileSync(join(dir, 'p.yaml'), POLICY);
writeFileSync(join(dir, 'month.csv'), MONTH);
const sweep = (range: string, budget: string) =>
  yardstick(
    'sweep',
    join(dir, 'p.yaml'),
    '--data',
    join(dir, 'month.csv'),
    '--set',
    `roles.staff.pay_base=${range}`,
    '--budget',
    budget,
  );
const last = (r: { stdout: string }) => r.stdout.trimEnd().split('\n').at(-1);

// pay base 820:    747.922 → 747.92 · 675.024 → 675.02 · 574.00            = ¥1,996.94
// pay base 830:    757.043 → 757.04 · 683.256 → 683.26 · 581.00            = ¥2,021.30
// pay base 821.25: 749.062125 → 749.06 · 676.053 → 676.05 · 574.875 → 574.88 = ¥1,999.99
// pay base 821.26: 749.071246 → 749.07 · 676.061232 → 676.06 · 574.882 → 574.88 = ¥2,000.01
// pay base 820.01: 747.931121 → 747.93 · 675.032232 → 675.03 · 574.007 → 574.01 = ¥1,996.97
describe('a budget no pay base meets to the fen', () => {
  it('finds ¥821.25 paying ¥1,999.99 by bisection between the grid values 820 and 830', async () => {
    const r = await sweep('800..900/10', '2000');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows.find((l) => l.startsWith('820 '))).toMatch(/^820 +¥1,996\.94 /);
    expect(rows.find((l) => l.startsWith('830 '))).toMatch(/^830 +¥2,021\.30 /);
    expect(last(r)).toBe(
      '预算 ¥2,000.00：roles.staff.pay_base = 821.25 时应发合计 ¥1,999.99，在预算内（网格值 820，二分 7 次）',
    );
  });

  it('finds the same on a grid of single fen, with no bisection', async () => {
    expect(last(await sweep('821.20..821.30/0.01', '¥2,000'))).toBe(
      '预算 ¥2,000.00：roles.staff.pay_base = 821.25 时应发合计 ¥1,999.99，在预算内（网格值 821.25，二分 0 次）',
    );
  });

  it('keeps the grid value when one fen more of pay base is already over: a budget of ¥1,996.94', async () => {
    expect(last(await sweep('800..900/10', '1996.94'))).toBe(
      '预算 ¥1,996.94：roles.staff.pay_base = 820 时应发合计 ¥1,996.94，在预算内（网格值 820，二分 7 次）',
    );
  });

  it('says nothing fits a budget one fen below the lowest total', async () => {
    // pay base 800: 729.68 + 658.56 + 560.00 = ¥1,948.24
    expect(last(await sweep('800..900/10', '1948.23'))).toBe(
      '预算 ¥1,948.23：范围内没有取值在预算内（最低 ¥1,948.24，取值 800）',
    );
  });
});

describe('a budget of ¥2,000.50, met to the fen by a pay base of 821.46', () => {
  // 821.41: 821.41 × 0.9121 = 749.208061 → 749.21 · × 0.8232 = 676.184712 → 676.18
  //   · × 0.7 = 574.987 → 574.99 = ¥2,000.38
  // 821.45: 749.244545 → 749.24 · 676.21764 → 676.22 · 575.015 → 575.02 = ¥2,000.48
  // 821.46: 749.253666 → 749.25 · 676.225872 → 676.23 · 575.022 → 575.02 = ¥2,000.50, the budget exactly
  // 821.47: 749.262787 → 749.26 · 676.234104 → 676.23 · 575.029 → 575.03 = ¥2,000.52, over
  it('stops at a hundredth of the step: on 800..900/10 that is 0.1, so 821.41 (¥2,000.38) is the answer', async () => {
    // docs/review.md: refined by bisection "to a hundredth of the step"; 821.46 is 0.05 away
    expect(last(await sweep('800..900/10', '2000.50'))).toBe(
      '预算 ¥2,000.50：roles.staff.pay_base = 821.41 时应发合计 ¥2,000.38，在预算内（网格值 820，二分 7 次）',
    );
  });

  it('finds 821.46 on a grid of single fen', async () => {
    expect(last(await sweep('821.40..821.50/0.01', '2000.50'))).toBe(
      '预算 ¥2,000.50：roles.staff.pay_base = 821.46 时应发合计 ¥2,000.50，在预算内（网格值 821.46，二分 0 次）',
    );
  });
});
