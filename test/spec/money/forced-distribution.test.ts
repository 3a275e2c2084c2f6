// docs/policy-language.md, "calibration" (forced distribution), on the hostile months: everyone tied
// for one A place, teams of one and two under 10 % quotas, and a minimum under `round_up`, which
// asks for a person in every cohort however small. Worked out from the rules alone.

import { describe, expect, it } from 'vitest';
import { each, runMonth } from '../run.js';

const policy = (quotas: string, smallTeams: string) => `policy: spec-forced
title: 强制分布
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
  quotas: ${quotas}
  small_teams: ${smallTeams}
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/** Rows of id, team, rating. */
const month = (...rows: [string, string, number][]) =>
  `工号,姓名,岗位,团队,阶段,月份,评分\n${rows.map(([id, team, r]) => `${id},某,staff,${team},s,2026-10,${r}`).join('\n')}\n`;

const calibrated = async (quotas: string, smallTeams: string, csv: string) =>
  each(await runMonth(policy(quotas, smallTeams), csv), (c) => c.calibration?.calibrated);

describe('everyone tied for one A place', () => {
  it('keeps A for the smallest id, code unit by code unit; pay does not move', async () => {
    // four at 95 (A), A max 25 % of 4 = 1 person: ranks by id E10 < E2 < E9 < e1 → E10 keeps A
    const csv = month(['E9', '一组', 95], ['e1', '一组', 95], ['E2', '一组', 95], ['E10', '一组', 95]);
    expect(await calibrated('{ A: { max: 0.25 } }', 'round_down', csv)).toEqual({
      E9: 'B',
      e1: 'B',
      E2: 'B',
      E10: 'A',
    });
    // everyone is still paid ¥950.00: calibration changes no pay
    expect(each(await runMonth(policy('{ A: { max: 0.25 } }', 'round_down'), csv), (c) => c.payout.totalFen)).toEqual({
      E9: 95_000,
      e1: 95_000,
      E2: 95_000,
      E10: 95_000,
    });
  });
});

describe('teams of one and two under a 10 % quota', () => {
  const csv = month(['S1', '单人组', 95], ['P1', '双人组', 95], ['P2', '双人组', 92]);

  it('round_down: 10 % of one or two is nobody, so every A moves to B', async () => {
    // 0.1 × 1 = 0.1 → 0, 0.1 × 2 = 0.2 → 0
    expect(await calibrated('{ A: { max: 0.1 } }', 'round_down', csv)).toEqual({ S1: 'B', P1: 'B', P2: 'B' });
  });

  it('round_up: one A in each team, the better score in the pair', async () => {
    // 0.1 → 1, 0.2 → 1: S1 keeps A; P1 (95) keeps it, P2 (92) moves to B
    expect(await calibrated('{ A: { max: 0.1 } }', 'round_up', csv)).toEqual({ S1: 'A', P1: 'A', P2: 'B' });
  });

  it('round_up and a minimum: the only member of a team of one goes to C whatever the score', async () => {
    // C min 5 %: 0.05 × 1 = 0.05 → 1 person, 0.05 × 2 = 0.1 → 1 person. The lowest-ranked above C
    // moves down into it: S1 (95, alone) and P2 (92). Under round_down 0.05 and 0.1 are nobody.
    expect(await calibrated('{ C: { min: 0.05 } }', 'round_up', csv)).toEqual({ S1: 'C', P1: 'A', P2: 'C' });
    expect(await calibrated('{ C: { min: 0.05 } }', 'round_down', csv)).toEqual({ S1: 'A', P1: 'A', P2: 'A' });
  });
});

describe('a minimum a cohort cannot be given is said, not dropped without a word', () => {
  // B min 30 % and C min 30 % under round_up. 单人组 (S1 at 99): C first (minima from the worst
  // grade up) needs 0.3 × 1 → 1 person and takes S1; B then needs 1 too, and nobody is left above B
  // to move down. 双人组 (P1 99, P2 98): C takes P2, B takes P1: both minima met, no warning.
  const csv = month(['S1', '单人组', 99], ['P1', '双人组', 99], ['P2', '双人组', 98]);
  const quotas = '{ B: { min: 0.3 }, C: { min: 0.3 } }';

  it('warns once, for the cohort and grade, at the quota’s `min` (line 20, column 23)', async () => {
    const r = await runMonth(policy(quotas, 'round_up'), csv);
    expect(each(r, (c) => c.calibration?.calibrated)).toEqual({ S1: 'C', P1: 'B', P2: 'C' });
    // `  quotas: { B: { min: 0.3 }, …` is line 20 of the policy (policy, title, version, metrics,
    // rating, stages, s, roles, staff, title, pay_base, indicators, r, grades, A, B, C, calibration,
    // within, quotas); `  quotas: { B: { min: ` is 22 characters, so `0.3` begins at column 23
    expect(
      r.warnings.map((w) => [w.code, w.severity, w.file, w.span?.line, w.span?.column, w.message, w.help]),
    ).toEqual([
      [
        'eval_calibration_min_unmet',
        'warning',
        'spec.yaml',
        20,
        23,
        'forced distribution of 2026-10: team `单人组` (1 ranked) needs at least 1 at `B` (min 30%) but can place only 0 there: this minimum is not met',
        'people only move down, so a minimum is filled from the grades above it, and too few are left there (the others already stand below it, or a worse grade’s minimum took them); for small cohorts use `small_teams: round_down` (or `round`), or calibrate a larger cohort (`within: all`)',
      ],
    ]);
    // pay does not move: 99 % and 98 % of ¥1,000
    expect(each(r, (c) => c.payout.totalFen)).toEqual({ S1: 99_000, P1: 99_000, P2: 98_000 });
  });

  it('round_down: 0.3 of one person is nobody, 0.3 of two is nobody: nothing is asked, nothing is said', async () => {
    const r = await runMonth(policy(quotas, 'round_down'), csv);
    expect(each(r, (c) => c.calibration?.calibrated)).toEqual({ S1: 'A', P1: 'A', P2: 'A' });
    expect(r.warnings).toEqual([]);
  });
});
