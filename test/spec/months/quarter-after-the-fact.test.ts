// A quarter rolled up before its last month was recorded, from docs/policy-language.md ("Roll-up
// policies") and docs/ledger.md ("Roll-ups") alone: forced distribution of the roll-up with a person
// whose month is still held, an award on the calibrated grade paid once, December recorded after the
// roll-up (stale), and the correction's top-up and clawback lines. Every figure worked out by hand.

import { expect, it } from 'vitest';
import { months, ratings } from './months.js';

const MONTHLY = `policy: spec-monthly
title: 月度考核
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
holds:
  perfect:
    title: 满分待核实
    when: { fact: rating, operator: greaterThan, value: 99 }
grades:
  - { grade: A+, min: 90 }
  - { grade: A, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const QUARTERLY = `policy: spec-quarter
title: 季度评优
version: 1.0.0
rollup: { of: spec-monthly, period: quarter, min_months: 2 }
facts:
  avg_score: { average: score, title: 季均得分 }
  a_plus_months: { count: { grade: A+ }, title: A+ 次数 }
score: avg_score
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 合格, min: 0 }
calibration:
  within: all
  quotas: { 优秀: { max: 0.34 } }
payout:
  awards:
    star:
      title: 季度之星
      when:
        all:
          - { fact: a_plus_months, operator: greaterThanInclusive, value: 2 }
          - { fact: calibrated_grade, operator: equal, value: 优秀 }
      award: 3000
`;

interface Card {
  employee_id: string;
  score: number;
  grade: string;
  calibration?: { calibrated: string };
  held_months?: string[];
  payout: number;
}

it('a quarter rolled up in November, December recorded after it, and the correction', async () => {
  const m = months(MONTHLY);
  // runs: October #1, November #2, the roll-up #3, December #4.
  // October: E4's 100 > 99 fires the hold: recorded, pay held. Grades: ≥ 90 A+, ≥ 60 A.
  await m.record(
    '2026-10',
    ratings('2026-10', [
      ['E1', '一组', 95],
      ['E2', '一组', 90],
      ['E3', '一组', 80],
      ['E4', '一组', 100],
    ]),
  );
  await m.record(
    '2026-11',
    ratings('2026-11', [
      ['E1', '一组', 93],
      ['E2', '一组', 92],
      ['E3', '一组', 70],
      ['E4', '一组', 95],
    ]),
  );
  const quarterly = m.file('quarterly.yaml', QUARTERLY);
  const rollup = (...more: string[]) =>
    m.yardstick('rollup', quarterly, '--period', '2026-Q4', '--ledger', m.ledger, '--lang', 'en', ...more);

  // Two of three months, min_months 2:
  //   E1 (95 + 93) / 2 = 94 → 优秀, A+ twice; E2 (90 + 92) / 2 = 91 → 优秀, A+ twice;
  //   E3 (80 + 70) / 2 = 75 → 合格; E4 (100 + 95) / 2 = 97.5 → 优秀, but October is held: not ranked.
  // Forced distribution over E1, E2, E3: 优秀 at most 34 % of 3 = 1.02 → 1 (rounded down): E2, ranked
  // below E1, moves to 合格. 季度之星 needs A+ twice and 优秀 after calibration: E1 only, ¥3,000.
  // E4 has no calibrated grade, so the award's condition on it does not hold.
  const first = await rollup('--record', '--format', 'json');
  expect(first.code).toBe(0);
  const cards = (JSON.parse(first.stdout).cards as Card[]).map((c) => [
    c.employee_id,
    c.score,
    c.grade,
    c.calibration?.calibrated ?? '—',
    c.held_months ?? [],
    c.payout,
  ]);
  expect(cards).toEqual([
    ['E1', 94, '优秀', '优秀', [], 3000],
    ['E2', 91, '优秀', '合格', [], 0],
    ['E3', 75, '合格', '合格', [], 0],
    ['E4', 97.5, '优秀', '—', ['2026-10'], 0],
  ]);

  // December, recorded after the roll-up: E1 80, E2 96, E3 70, E4 98 (not held now; October still is)
  await m.record(
    '2026-12',
    ratings('2026-12', [
      ['E1', '一组', 80],
      ['E2', '一组', 96],
      ['E3', '一组', 70],
      ['E4', '一组', 98],
    ]),
  );
  // the roll-up is stale (a month recorded for the first time after it) and --record refuses it
  const history = await m.yardstick('history', '--employee', 'E1', '--ledger', m.ledger, '--lang', 'en');
  expect(history.stdout).toContain(
    '#3 stale: 2026-12 recorded since (#4); record it again with yardstick rollup POLICY --period 2026-Q4 --amend',
  );
  const again = await rollup('--record');
  expect([again.code, again.stderr.split('\n')[0]]).toEqual([
    1,
    expect.stringMatching(
      /^error: 2026-Q4 of `spec-quarter` is already recorded \(run #3, [0-9T:.Z-]+\); its months changed since: 2026-12 recorded since \(#4\)$/,
    ),
  ]);

  // The correction, three months:
  //   E1 (95 + 93 + 80) / 3 = 89.333… → 89.33 → 合格 (A+ twice, but not 优秀): ¥3,000 clawed back;
  //   E2 (90 + 92 + 96) / 3 = 92.666… → 92.67 → 优秀, the only one among E1–E3: A+ three times → ¥3,000 topped up;
  //   E3 (80 + 70 + 70) / 3 = 73.33 → 合格; E4 (100 + 95 + 98) / 3 = 97.67, October still held: not ranked.
  // The quarter still pays ¥3,000 in all, now to E2.
  const corrected = await rollup('--amend', '--format', 'json');
  expect(corrected.code).toBe(0);
  expect(
    (JSON.parse(corrected.stdout).cards as Card[]).map((c) => [
      c.employee_id,
      c.score,
      c.calibration?.calibrated ?? '—',
      c.payout,
    ]),
  ).toEqual([
    ['E1', 89.33, '合格', 0],
    ['E2', 92.67, '优秀', 3000],
    ['E3', 73.33, '合格', 0],
    ['E4', 97.67, '—', 0],
  ]);
  expect(corrected.stderr).toContain('  clawback E1 某E1: ¥3,000.00 → ¥0.00 (-¥3,000.00)');
  expect(corrected.stderr).toContain('  top-up E2 某E2: ¥0.00 → ¥3,000.00 (+¥3,000.00)');
  // by calibrated grade over the three ranked (E4 is not counted while October is held)
  expect(JSON.parse(corrected.stdout).summary).toEqual({
    by_grade: { 合格: 2, 优秀: 2 },
    by_calibrated_grade: { 合格: 2, 优秀: 1 },
    payout_total: 3000,
  });
});
