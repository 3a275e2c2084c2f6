// Values of 13 and 14 significant digits are kept as they are: a per-unit count, an indicator's
// attainment, a rolling average, a roll-up's sum and a calibration's head count were cut to 12
// (`toPrecision(12)`), while formulas, conditions and the indicator's own points saw the value. A
// rate of 0.01004999999999 × 100 = 1.004999999999 units was counted as 1.005, rounded to 1.01
// points, and lifted a C to an A; a 成交 of 99.99999999996 against a target of 100 was an attainment
// of 1 and paid a reached-target award its own indicator said was not reached. Binary noise (16
// and 17 digits) is still cleaned, as in formulas. Worked out by hand.

import { describe, expect, it } from 'vitest';
import { loadPolicy, readRecords, runPolicy } from '../../engine/index.js';

async function run(policyText: string, csv: string) {
  const loaded = loadPolicy(policyText, 'p.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const { records } = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
  const r = await runPolicy(loaded.policy, { records }, { explain: false });
  return r.scorecards.map((c) => [c.employee_id, c.score, c.grade, c.payout.totalFen]);
}

const PER_UNIT = `policy: p20
title: 测试
version: 1.0.0
metrics:
  r: { label: 评分, unit: score, range: [0, 100] }
  rate: { label: 比率, unit: ratio }
stages:
  startup: { title: 初创期 }
roles:
  rep:
    title: 专员
    pay_base: 0
    indicators:
      q: { metric: r, scoring: rating, weight: 100 }
adjustments:
  pts:
    title: 加分
    when: { fact: rate, operator: greaterThan, value: 0 }
    points: { per: "rate * 100", amount: 1 }
  money:
    title: 奖励
    when: { fact: rate, operator: greaterThan, value: 0 }
    award: { per: "rate * 100", amount: 1 }
grades:
  - { grade: A, min: 51.01 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const ATTAINMENT = `policy: p27
title: 测试
version: 1.0.0
metrics:
  g: { label: 成交, unit: money }
stages:
  startup: { title: 初创期 }
roles:
  rep:
    title: 专员
    pay_base: 1000
    indicators:
      m: { metric: g, target: 100, threshold: 50, weight: 100 }
adjustments:
  reached:
    title: 达标奖
    when: { fact: indicator_attainment, params: { indicator: m }, operator: greaterThanInclusive, value: 1 }
    award: 500
  reached2:
    title: 达标奖2
    when: { fact: indicator_reached, params: { indicator: m, level: target }, operator: equal, value: true }
    award: 7
grades:
  - { grade: A, min: 100 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

describe('values of 13 and 14 significant digits', () => {
  it('a per-unit count of 1.004999999999 is 1.00 points and ¥1.00, not 1.005 rounded up: the grade stays C', async () => {
    // 50 points + 1.004999999999 → 1.00 (half up at 2 decimals: below the half) = 51.00 < 51.01: C;
    // the award 1.004999999999 × ¥1 = ¥1.00. Binary noise as a program prints it (0.010049999999999998,
    // the double 1.005 / 100 gives) counts 1.005 units. (0.010049999999999999, which
    // no double prints as, is refused at its cell: test/data/values-digits.test.ts.)
    expect(
      await run(
        PER_UNIT,
        '工号,姓名,岗位,团队,阶段,月份,评分,比率\nE1,a,专员,一组,初创期,2026-10,50,0.01004999999999\nE2,b,专员,一组,初创期,2026-10,50,1.004999999999%\nE3,c,专员,一组,初创期,2026-10,50,0.010049999999999998\n',
      ),
    ).toEqual([
      ['E1', 51, 'C', 100],
      ['E2', 51, 'C', 100],
      // 1.005 units: 1.01 points (51.01: A) and ¥1.01 (half up)
      ['E3', 51.01, 'A', 101],
    ]);
  });

  it('an attainment of 0.9999999999996 is below 1: neither reached-target award is paid', async () => {
    // points 60 + 40 × (99.99999999996 − 50) / 50 = 99.99999999997 → 100.00; pay 1000 × 100 / 100 = ¥1,000.00;
    // attainment 99.99999999996 / 100 < 1 and the target is not reached: no ¥500, no ¥7
    expect(
      await run(
        ATTAINMENT,
        '工号,姓名,岗位,团队,阶段,月份,成交\nE1,a,专员,一组,初创期,2026-10,99.99999999996\nE2,b,专员,一组,初创期,2026-10,100\n',
      ),
    ).toEqual([
      ['E1', 100, 'A', 100000],
      // at the target: both awards, 1000 + 500 + 7
      ['E2', 100, 'A', 150700],
    ]);
  });
});
