// An operations role, written from docs/policy-language.md ("scoring methods", "roles and
// indicators"): groups weighted by stage (a group weighted 0 in mature teams, whose metrics mature
// records may leave empty), linear without a threshold (pro rata, capped at 120), linear without a
// challenge (the line continues to the cap of 150), lower-is-better linear, steps and pass/fail,
// a derived ratio whose divisor is 0 (no default: the record is left out), rounding down to the fen.

import { expect, it } from 'vitest';
import { loadPolicy, runPolicy } from '../../../engine/index.js';
import { readRecords } from '../../../engine/data/index.js';

const POLICY = `
policy: methods
title: 各种计分
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  spend: { label: 投放, unit: money }
  cpm: { label: 千次成本, unit: money }
  resp: { label: 响应时长, unit: seconds }
  complaints: { label: 投诉数, unit: count }
  followers: { label: 涨粉, unit: count }
derived:
  roi: { expr: gmv / spend, label: 投产比 }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  ops:
    title: 运营
    pay_base: 2000
    indicators:
      growth:
        title: 增长
        weight: { startup: 60, mature: 0 }
        indicators:
          fans: { metric: followers, target: 1000, weight: 50 }
          cost: { metric: cpm, better: lower, threshold: 50, target: 30, weight: 50 }
      conv:
        title: 转化
        weight: { startup: 40, mature: 100 }
        indicators:
          roi: { metric: roi, threshold: 1, target: 3, cap: 150, weight: 40 }
          service:
            metric: resp
            scoring: steps
            better: lower
            steps: [ { max: 30, points: 100 }, { max: 60, points: 80 }, { max: 120, points: 50 } ]
            weight: 30
          quality: { metric: complaints, scoring: pass_fail, better: lower, target: 2, pass_points: 100, fail_points: 20, weight: 30 }
grades:
  - { grade: S, min: 110 }
  - { grade: A, min: 90 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: down }
`;

const CSV = `
工号,姓名,岗位,团队,阶段,月份,GMV,投放,千次成本,响应时长,投诉数,涨粉
E1,a,运营,一组,初创期,2026-10,50000,10000,40,30,2,1500
E2,b,运营,一组,成熟期,2026-10,90000,10000,,61,3,
E3,c,运营,一组,初创期,2026-10,20000,10000,25,121,0,333
E4,d,运营,一组,成熟期,2026-10,0,0,,10,0,
`;

it('scores each record as worked out by hand, and leaves out the one whose ROI cannot be computed', async () => {
  const loaded = loadPolicy(POLICY.trimStart(), 'spec.yaml');
  if (!loaded.ok) throw new Error('the policy loads');
  const read = readRecords(CSV.trimStart(), 'csv', loaded.policy.contract, { file: 'month.csv' });
  expect(read.excluded ?? []).toEqual([]);
  const r = await runPolicy(loaded.policy, { records: read.records }, { lang: 'en' });
  const c = Object.fromEntries(r.scorecards.map((s) => [s.employee_id, s]));
  // E1 (startup): fans 100 × 1500 / 1000 = 150 → cap 120, × 50% = 60; cpm 40: 60 + 40 × (50 − 40) / (50 − 30) = 80,
  //   × 50% = 40; 增长 100 × 60% = 60. roi 50000 / 10000 = 5: 60 + 40 × (5 − 1) / (3 − 1) = 140 (cap 150), × 40% = 56;
  //   30 s ≤ 30 → 100 × 30% = 30; 2 complaints ≤ 2 → 100 × 30% = 30; 转化 116 × 40% = 46.4. Score 106.4 → A;
  //   2000 × 1.064 = ¥2,128.00
  // E2 (mature): 增长 weighs 0 and its empty cells are not required. roi 9: 60 + 40 × 8 / 2 = 220 → 150 × 40% = 60;
  //   61 s ≤ 120 → 50 × 30% = 15; 3 > 2 → 20 × 30% = 6; 转化 81 × 100% = 81 → B; ¥1,620.00
  // E3 (startup): fans 100 × 333 / 1000 = 33.3 × 50% = 16.65; cpm 25 past the target 30 (no challenge):
  //   60 + 40 × (50 − 25) / 20 = 110 × 50% = 55; 增长 71.65 × 60% = 42.99. roi 2: 60 + 40 × 1 / 2 = 80 × 40% = 32;
  //   121 s above every step → 0; 0 complaints → 30; 转化 62 × 40% = 24.8. Score 67.79 → B; 2000 × 0.6779 = ¥1,355.80
  // E4: 0 / 0 spend: 投产比 cannot be computed and has no default → excluded
  expect(Object.keys(c)).toEqual(['E1', 'E2', 'E3']);
  expect([c.E1!.score, c.E2!.score, c.E3!.score]).toEqual([106.4, 81, 67.79]);
  expect([c.E1!.grade, c.E2!.grade, c.E3!.grade]).toEqual(['A', 'B', 'B']);
  expect(c.E3!.indicators.map((i) => i.weighted_points)).toEqual([42.99, 24.8]);
  expect([c.E1!.payout.totalFen, c.E2!.payout.totalFen, c.E3!.payout.totalFen]).toEqual([212800, 162000, 135580]);
  expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.code)])).toEqual([['E4', ['eval_undefined']]]);
  expect(r.summary.payout_total_fen).toBe(212800 + 162000 + 135580);
});
