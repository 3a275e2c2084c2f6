// Forced distribution on small teams, worked out from docs/policy-language.md ("calibration") alone:
// a held person who does not count toward the quota, three people tied on the quota line, a quota
// that does not divide the team (1.5 people) under each `small_teams` rule, and a grade whose
// maximum sends people into a grade that is full too. Pay never moves.

import { describe, expect, it } from 'vitest';
import { byId, each, runMonth } from '../run.js';

const policy = (quotas: string, smallTeams: string) => `policy: spec-quota-line
title: 强制分布（配额线）
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
  too_good:
    title: 待核实
    when: { fact: rating, operator: greaterThan, value: 98 }
    reason: 评分高于98，请核实后再发放
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

describe('a held person in a team of three', () => {
  // E1 99 is held (评分 > 98); E2 95 and E3 91 are A. A max 25 %, round (half up).
  const csv = month(['E1', '一组', 99], ['E2', '一组', 95], ['E3', '一组', 91]);

  it('is not ranked: the team is calibrated as a team of two, 0.25 × 2 = 0.5 → one A', async () => {
    const r = await runMonth(policy('{ A: { max: 0.25 } }', 'round'), csv);
    const c = byId(r);
    // Counted, E1 would make 0.25 × 3 = 0.75 → 1 place and take it (99 ranks first): E2 and E3 → B.
    // Left out: E2 rank 1/2 keeps A; E3 rank 2/2 is the second A of one allowed → B.
    expect(c.E1!.payout.status).toBe('held');
    expect(c.E1!.calibration).toBeUndefined();
    expect(c.E2!.calibration).toEqual({ cohort: '一组', rank: 1, size: 2, initial: 'A', calibrated: 'A' });
    expect(c.E3!.calibration).toEqual({
      cohort: '一组',
      rank: 2,
      size: 2,
      initial: 'A',
      calibrated: 'B',
      moved_by: 'A max 25%',
    });
    expect(c.E3!.explanation.at(-1)).toBe('calibration (team 一组, rank 2/2): A → B by A max 25%');
    // the held person is in no count of calibrated grades: A 1 · B 1 · C 0 (every grade is listed)
    expect(r.summary.by_calibrated_grade).toEqual({ A: 1, B: 1, C: 0 });
    // pay is the score's: 1,000 × 99 % = 990.00 (held), 950.00, 910.00
    expect(each(r, (s) => s.payout.totalFen)).toEqual({ E1: 99_000, E2: 95_000, E3: 91_000 });
    expect(r.summary.held_total_fen).toBe(99_000);
    expect(r.summary.payable_total_fen).toBe(186_000);
  });

  it('round_down: 0.5 of a person is nobody, so both A move to B', async () => {
    const r = await runMonth(policy('{ A: { max: 0.25 } }', 'round_down'), csv);
    expect(each(r, (s) => s.calibration?.calibrated)).toEqual({ E1: undefined, E2: 'B', E3: 'B' });
  });
});

describe('three tied on the quota line, in a team of five', () => {
  // F5 95; F1, Ｆ３ (read as F3) and F4 92; F2 75. A max 30 %, C min 30 %: 0.3 × 5 = 1.5 people.
  // Ranked: F5 (95), then the 92s by id F1 < F3 < F4, then F2 (75).
  const csv = month(
    ['F4', '二组', 92],
    ['Ｆ３', '二组', 92],
    ['F2', '二组', 75],
    ['F1', '二组', 92],
    ['F5', '二组', 95],
  );
  const quotas = '{ A: { max: 0.3 }, C: { min: 0.3 } }';
  const calibrated = async (rule: string) =>
    each(await runMonth(policy(quotas, rule), csv), (s) => s.calibration?.calibrated);

  it('round: 1.5 → 2 A places (F5 and F1), then 2 C places filled from the bottom (F2, then F4 at 92)', async () => {
    // A: holders F5, F1, F3, F4; 2 allowed → F3, F4 move to B.
    // C: 2 needed, none hold it; from the lowest rank up: F2 (B → C), F4 (B → C). F3 at the same 92 as
    //   F4 stays B because F3 < F4.
    expect(await calibrated('round')).toEqual({ F4: 'C', F3: 'B', F2: 'C', F1: 'A', F5: 'A' });
  });

  it('round_up: 1.5 → 2, the same as round', async () => {
    expect(await calibrated('round_up')).toEqual({ F4: 'C', F3: 'B', F2: 'C', F1: 'A', F5: 'A' });
  });

  it('round_down: 1.5 → 1, F5 keeps A alone and only F2 goes to C', async () => {
    expect(await calibrated('round_down')).toEqual({ F4: 'B', F3: 'B', F2: 'C', F1: 'B', F5: 'A' });
  });

  it('names the quota that moved each one, and pays on the score as before', async () => {
    const r = await runMonth(policy(quotas, 'round'), csv);
    const c = byId(r);
    expect(c.F4!.calibration).toEqual({
      cohort: '二组',
      rank: 4,
      size: 5,
      initial: 'A',
      calibrated: 'C',
      moved_by: 'C min 30%',
    });
    expect(c.F3!.calibration).toEqual({
      cohort: '二组',
      rank: 3,
      size: 5,
      initial: 'A',
      calibrated: 'B',
      moved_by: 'A max 30%',
    });
    expect(r.summary.by_grade).toEqual({ A: 4, B: 1, C: 0 });
    expect(r.summary.by_calibrated_grade).toEqual({ A: 2, B: 1, C: 2 });
    // 920.00 × 3 + 950.00 + 750.00 = 4,460.00
    expect(r.summary.payout_total_fen).toBe(446_000);
  });
});

describe('a maximum that moves people into a grade that is full too', () => {
  // G1, G2, G3 all 95 (A), A max 34 % and B max 34 %: 0.34 × 3 = 1.02 → 1 each (round_down).
  it('moves the third on to C, and says it was the B maximum', async () => {
    const csv = month(['G3', '三组', 95], ['G2', '三组', 95], ['G1', '三组', 95]);
    const r = await runMonth(policy('{ A: { max: 0.34 }, B: { max: 0.34 } }', 'round_down'), csv);
    // A: G1 keeps it, G2 and G3 → B. B: holders G2, G3, 1 allowed → G3 → C.
    expect(each(r, (s) => s.calibration?.calibrated)).toEqual({ G3: 'C', G2: 'B', G1: 'A' });
    expect(byId(r).G3!.explanation.at(-1)).toBe('calibration (team 三组, rank 3/3): A → C by B max 34%');
  });
});

describe('someone a pool share makes unscorable', () => {
  // docs/policy-language.md, "pools": a share that takes a total past ¥100,000,000 makes the record
  // unscorable; "calibration": a record left out is not ranked. E1, the only 主播, takes the whole
  // fixed ¥200,000,000 of the hosts' pool: ¥950.00 + ¥200,000,000 → left out. E2 93 and E3 91 (员工,
  // no pool) are A; A max 50 % over everyone (round_down).
  const withPool = policy('{ A: { max: 0.5 } }', 'round_down')
    .replace('within: team', 'within: all')
    .replace(
      'grades:',
      `pools:
  hosts:
    title: 主播奖金池
    per: role
    roles: [star]
    fund: { fixed: 200000000 }
    weight: score
grades:`,
    )
    .replace(
      'holds:',
      `  star:
    title: 主播
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
holds:`,
    );
  const csv = `工号,姓名,岗位,团队,阶段,月份,评分
E1,某,star,一组,s,2026-10,95
E2,某,staff,一组,s,2026-10,93
E3,某,staff,一组,s,2026-10,91
`;

  it('is not ranked either: the two left are a cohort of two, 0.5 × 2 = 1 A place for E2', async () => {
    const r = await runMonth(withPool, csv);
    expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.code)])).toEqual([
      ['E1', ['eval_money_out_of_range']],
    ]);
    // Ranked with E1 (3 people, 1.5 → 1 place, E1's) E2 and E3 would both be B, E2 2/3 and E3 3/3.
    const c = byId(r);
    expect(c.E2!.calibration).toEqual({ cohort: '*', rank: 1, size: 2, initial: 'A', calibrated: 'A' });
    expect(c.E3!.calibration).toEqual({
      cohort: '*',
      rank: 2,
      size: 2,
      initial: 'A',
      calibrated: 'B',
      moved_by: 'A max 50%',
    });
    expect(r.summary.by_calibrated_grade).toEqual({ A: 1, B: 1, C: 0 });
    // the explanation has one calibration line, the one of the cohort of two
    expect(c.E2!.explanation.filter((l) => l.startsWith('calibration'))).toEqual([
      'calibration (company, rank 1/2): A',
    ]);
  });
});

describe('a team written two ways', () => {
  // 直播1组 is an alias of 直播一组 and `直播一组 ` has a trailing space: one team of four, so A max
  // 25 % is 0.25 × 4 = 1 place (E1, 95). Split by spelling it would be two teams of two, 0.5 → 0
  // places each under round_down, and E1 would lose A too.
  it('is one cohort of four', async () => {
    const withTeams = policy('{ A: { max: 0.25 } }', 'round_down').replace(
      'roles:',
      'teams:\n  live_1: { title: 直播一组, aliases: [ 直播1组 ] }\nroles:',
    );
    const csv = month(['E1', '直播一组', 95], ['E2', '直播1组', 94], ['E3', '直播一组 ', 93], ['E4', '直播1组', 92]);
    const r = await runMonth(withTeams, csv);
    expect(
      each(r, (s) => [s.calibration?.cohort, s.calibration?.rank, s.calibration?.size, s.calibration?.calibrated]),
    ).toEqual({
      E1: ['直播一组', 1, 4, 'A'],
      E2: ['直播一组', 2, 4, 'B'],
      E3: ['直播一组', 3, 4, 'B'],
      E4: ['直播一组', 4, 4, 'B'],
    });
  });
});

describe('seven tied under three quotas that do not divide seven', () => {
  // G1…G7 all 95 (A), ranked by id. A max 20 %, B max 30 %, C min 30 %: 1.4, 2.1 and 2.1 people.
  const csv = month(...[1, 2, 3, 4, 5, 6, 7].map((i): [string, string, number] => [`G${i}`, '七人组', 95]));
  const quotas = '{ A: { max: 0.2 }, B: { max: 0.3 }, C: { min: 0.3 } }';
  const calibrated = async (rule: string) =>
    Object.values(each(await runMonth(policy(quotas, rule), csv), (s) => s.calibration?.calibrated)).join('');

  it('round_down: A 1, B 2, the other 4 pushed on to C (C min 2 is already met)', async () => {
    expect(await calibrated('round_down')).toBe('ABBCCCC');
  });

  it('round_up: A 2, B 3, C 2 — then C min 3 takes the last B: A 2 · B 2 · C 3', async () => {
    expect(await calibrated('round_up')).toBe('AABBCCC');
  });
});

describe('a veto at the top of the ranking, on the E / M+ / M / M- scale', () => {
  // V1 98 with a violation: grade_cap C → M-; V2 95 and V3 93 A → E; V4 80 and V5 75 B → M.
  // Ranked by score, the veto does not move V1 down the ranking: V1, V2, V3, V4, V5.
  // E max 34 %: 0.34 × 5 = 1.7 → 1 (round_down): V3 moves one grade down the scale, to M+ (not M).
  // M- min 20 %: 0.2 × 5 = 1 person, and V1 already holds M-: nobody else moves down.
  it('ranks V1 first at M-, which meets the M- minimum; V3 goes to M+', async () => {
    const scaled = policy('{ E: { max: 0.34 }, M-: { min: 0.2 } }', 'round_down')
      .replace(
        '  rating: { label: 评分, unit: score, range: [0, 100] }',
        '  rating: { label: 评分, unit: score, range: [0, 100] }\n  violations: { label: 违规次数, unit: count }',
      )
      .replace(
        'holds:',
        'adjustments:\n  veto:\n    title: 违规一票否决\n    when: { fact: violations, operator: greaterThan, value: 0 }\n    grade_cap: C\nholds:',
      )
      .replace('  within: team', '  within: team\n  scale: [E, M+, M, M-]\n  map: { A: E, B: M, C: M- }');
    const csv = `工号,姓名,岗位,团队,阶段,月份,评分,违规次数
V1,某,staff,一组,s,2026-10,98,1
V2,某,staff,一组,s,2026-10,95,0
V3,某,staff,一组,s,2026-10,93,0
V4,某,staff,一组,s,2026-10,80,0
V5,某,staff,一组,s,2026-10,75,0
`;
    const r = await runMonth(scaled, csv);
    expect(each(r, (s) => [s.grade, s.calibration?.rank, s.calibration?.calibrated])).toEqual({
      V1: ['C', 1, 'M-'],
      V2: ['A', 2, 'E'],
      V3: ['A', 3, 'M+'],
      V4: ['B', 4, 'M'],
      V5: ['B', 5, 'M'],
    });
    expect(r.summary.by_calibrated_grade).toEqual({ E: 1, 'M+': 1, M: 2, 'M-': 1 });
  });
});
