// Five months of one small team, written from docs/policy-language.md ("calibration", "triggers",
// history facts) and docs/ledger.md alone: forced distribution beside history, a plan carried
// across a team move, a new hire, a policy version changed between months, and a month nobody
// recorded. Every outcome is worked out by hand below.

import { expect, it } from 'vitest';
import { months, ratings, seen } from './months.js';

const POLICY = (version: string, payBase: number) => `policy: spec-months
title: 月度考核
version: ${version}
effective_from: ${version === '1.0.0' ? '2026-08' : '2026-10'}
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: ${payBase}
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas:
    C: { min: 0.25 }
triggers:
  pip:
    title: 绩效改进计划
    when: { fact: grade, operator: equal, value: C }
    action:
      type: improvement_plan
      days: 60
      close_when: { all: [ { fact: score, operator: greaterThanInclusive, value: 70 } ] }
      extensions: 1
  two_c:
    title: 连续两月C
    when: { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 }
    action: { type: exit_review }
  after_c:
    title: 上月C回访
    when: { fact: previous_grade, operator: equal, value: C }
    action: { type: notify }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

it('five months: quotas beside history, a plan across a team move, a new hire, a new version, a gap', async () => {
  const m = months(POLICY('1.0.0', 1000));

  // August. 一组 of four: E1 90 A, E2 85 A, E3 70 B, E4 65 B. The C quota (min 25 % of 4 = 1, rounded
  // down) moves the lowest-ranked above C, E4, down to C: calibrated only. Triggers read the grade
  // before calibration (B), so E4 gets no plan, and the pay is 1000 × score / 100.
  expect(
    await m.record(
      '2026-08',
      ratings('2026-08', [
        ['E1', '一组', 90],
        ['E2', '一组', 85],
        ['E3', '一组', 70],
        ['E4', '一组', 65],
      ]),
    ),
  ).toEqual({
    E1: { score: 90, grade: 'A', calibrated: 'A', triggers: [], pay: 900 },
    E2: { score: 85, grade: 'A', calibrated: 'A', triggers: [], pay: 850 },
    E3: { score: 70, grade: 'B', calibrated: 'B', triggers: [], pay: 700 },
    E4: { score: 65, grade: 'B', calibrated: 'C', triggers: [], pay: 650 },
  });

  // September. E3 50: C, a plan opens: days 60 is two months, window_ends 2026-11. E4 65 again: its
  // previous_grade is August's grade before calibration, B, so 上月C回访 does not fire, and E3 being C
  // fills the quota, so E4 stays B after calibration this time.
  expect(
    await m.record(
      '2026-09',
      ratings('2026-09', [
        ['E1', '一组', 90],
        ['E2', '一组', 85],
        ['E3', '一组', 50],
        ['E4', '一组', 65],
      ]),
    ),
  ).toEqual({
    E1: { score: 90, grade: 'A', calibrated: 'A', triggers: [], pay: 900 },
    E2: { score: 85, grade: 'A', calibrated: 'A', triggers: [], pay: 850 },
    E3: { score: 50, grade: 'C', calibrated: 'C', triggers: ['pip'], plan: 'open 2026-09–2026-11', pay: 500 },
    E4: { score: 65, grade: 'B', calibrated: 'B', triggers: [], pay: 650 },
  });

  // October, version 1.1.0 (pay base 1200, effective from 2026-10): history is by policy id, so it
  // goes on. E3 moved to 二组: 60, B; the plan is the person's, not the team's: not met (60 < 70),
  // its window not over (ends 2026-11): still open; previous_grade C → 上月C回访. E5 joins 二组 at 40:
  // C, no history (no previous grade, one C in a row): a plan, no exit review. 二组 of two: 25 % of 2
  // = 0.5 → nobody; 一组 of three: 0.75 → nobody. Pay 1200 × score / 100.
  const v2 = m.file('v2.yaml', POLICY('1.1.0', 1200));
  const r = await m.yardstick(
    'run',
    v2,
    '--data',
    m.file(
      '2026-10.csv',
      ratings('2026-10', [
        ['E1', '一组', 90],
        ['E2', '一组', 85],
        ['E4', '一组', 65],
        ['E3', '二组', 60],
        ['E5', '二组', 40],
      ]),
    ),
    '--record',
    '--ledger',
    m.ledger,
    '--format',
    'json',
  );
  expect(r.code).toBe(0);
  expect(seen(JSON.parse(r.stdout).scorecards)).toEqual({
    E1: { score: 90, grade: 'A', calibrated: 'A', triggers: [], pay: 1080 },
    E2: { score: 85, grade: 'A', calibrated: 'A', triggers: [], pay: 1020 },
    E4: { score: 65, grade: 'B', calibrated: 'B', triggers: [], pay: 780 },
    E3: { score: 60, grade: 'B', calibrated: 'B', triggers: ['after_c'], plan: 'open 2026-09–2026-11', pay: 720 },
    E5: { score: 40, grade: 'C', calibrated: 'C', triggers: ['pip'], plan: 'open 2026-10–2026-12', pay: 480 },
  });

  // November is not recorded. December: the month before is missing, so nobody has history: E3's
  // October plan is not carried (never escalated on months nobody recorded), their 40 is a first C
  // with a new plan; E5, C in October and December, is not "two C in a row". 二组 of two: no quota place.
  const dec = await m.yardstick(
    'run',
    v2,
    '--data',
    m.file(
      '2026-12.csv',
      ratings('2026-12', [
        ['E3', '二组', 40],
        ['E5', '二组', 40],
      ]),
    ),
    '--record',
    '--ledger',
    m.ledger,
    '--format',
    'json',
  );
  expect(dec.code).toBe(0);
  expect(seen(JSON.parse(dec.stdout).scorecards)).toEqual({
    E3: { score: 40, grade: 'C', calibrated: 'C', triggers: ['pip'], plan: 'open 2026-12–2027-02', pay: 480 },
    E5: { score: 40, grade: 'C', calibrated: 'C', triggers: ['pip'], plan: 'open 2026-12–2027-02', pay: 480 },
  });
  expect(dec.stderr).toContain('2026-11');
});
