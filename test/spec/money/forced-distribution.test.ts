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
