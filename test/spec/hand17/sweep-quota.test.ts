// `yardstick sweep --set calibration.quotas.A.max=…` on seven people tied at 95 (A), worked out by
// hand (docs/review.md, "What-if sweeps"; docs/policy-language.md, "calibration"). A quota is a share
// of the cohort, at most 1 (`max: 0.2` is 20 %): a ratio, as a pool's `share_of` rate is.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: spec-sweep-quota
title: 配额试算
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
calibration:
  within: team
  quotas: { A: { max: 0.2 } }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-sweep-quota-'));
writeFileSync(join(dir, 'p.yaml'), POLICY);
writeFileSync(
  join(dir, 'month.csv'),
  `工号,姓名,岗位,团队,阶段,月份,评分\n${[1, 2, 3, 4, 5, 6, 7].map((i) => `G${i},某,staff,七人组,s,2026-10,95`).join('\n')}\n`,
);
const sweep = (range: string, ...more: string[]) =>
  yardstick(
    'sweep',
    join(dir, 'p.yaml'),
    '--data',
    join(dir, 'month.csv'),
    '--set',
    `calibration.quotas.A.max=${range}`,
    '--lang',
    'en',
    ...more,
  );

describe('sweeping a forced-distribution quota', () => {
  it('reads 10%..50%/10% as the shares 0.1 to 0.5', async () => {
    // it was refused: "`calibration.quotas.A.max` is not a ratio (now 0.2): `10%` could mean 0.1 or
    // 10", with the help to write `10..50/10` — which the policy then refuses (a quota is at most 1)
    const r = await sweep('10%..50%/10%', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).rows as { value: number; payout_total: number }[];
    // 7 × 1,000 × 95 % = ¥6,650.00 whatever the quota: calibration moves no pay
    expect(rows.map((x) => [x.value, x.payout_total])).toEqual([
      [0.1, 6650],
      [0.2, 6650],
      [0.3, 6650],
      [0.4, 6650],
      [0.5, 6650],
    ]);
  });

  it('refuses 10..50/10 as a ratio would be: 10 is 1000 %', async () => {
    const r = await sweep('10..50/10');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: `calibration.quotas.A.max` is a ratio (now 0.2): 10 would be 1000%, which is ambiguous\n  help: write ratios as fractions (`0.35..0.50/0.01`) or as percentages (`35%..50%/1%`)',
    );
  });

  // By hand, round_down (the default): 0.1 × 7 = 0.7 → 0 A; 0.2 → 1.4 → 1; 0.3 → 2.1 → 2;
  // 0.4 → 2.8 → 2; 0.5 → 3.5 → 3, the others B. Against 0.2 as written (G1 A): at 0.1 G1 moves to
  // B; at 0.3 and 0.4 G2 moves to A; at 0.5 G2 and G3.
  it('shows the calibrated grades and their moves beside the grades, which a quota never moves', async () => {
    // the grade columns alone read A 7 · B 0 · C 0 and 0 moves on every row
    const json = await sweep('10%..50%/10%', '--format', 'json');
    const rows = JSON.parse(json.stdout).rows as {
      moved: number;
      by_calibrated_grade?: Record<string, number>;
      calibrated_moves?: number;
    }[];
    expect(rows.map((x) => [x.moved, x.by_calibrated_grade, x.calibrated_moves])).toEqual([
      [0, { A: 0, B: 7, C: 0 }, 1],
      [0, { A: 1, B: 6, C: 0 }, 0],
      [0, { A: 2, B: 5, C: 0 }, 1],
      [0, { A: 2, B: 5, C: 0 }, 1],
      [0, { A: 3, B: 4, C: 0 }, 2],
    ]);
    const text = await sweep('10%..50%/10%');
    expect(text.stdout.split('\n').slice(2, 5)).toEqual([
      'value   payout total  vs current  A  B  C  grade moves  pay changes  cal. A  cal. B  cal. C  calibrated moves',
      '──────  ────────────  ──────────  ─  ─  ─  ───────────  ───────────  ──────  ──────  ──────  ────────────────',
      '0.10       ¥6,650.00       ¥0.00  7  0  0            0            0       0       7       0                 1',
    ]);
  });
});
