// Forced distribution: ByteDance-style E / M+ / M / M- quotas within a team. Expected results are
// worked out by hand from the rules in engine/calibrate.ts: rank by score, ties by employee id;
// maxima from the best grade down, minima from the worst up; head counts rounded down by default.

import { describe, expect, it } from 'vitest';
import { calibrate } from '../../engine/evaluation/calibrate.js';
import type { CalibrationDef, GradeDef } from '../../engine/model/policy.js';
import type { Scorecard } from '../../engine/model/scorecard.js';
import { loadPolicy } from '../../engine/index.js';

const GRADES: GradeDef[] = [
  { grade: 'A+', min: 100 },
  { grade: 'A', min: 81 },
  { grade: 'B', min: 61 },
  { grade: 'C', min: 0 },
];
const DEF: CalibrationDef = {
  scale: ['E', 'M+', 'M', 'M-'],
  map: { 'A+': 'E', A: 'M+', B: 'M', C: 'M-' },
  within: 'team',
  quotas: { E: { max: 0.1 }, 'M+': { max: 0.25 }, 'M-': { min: 0.05 } },
};

const card = (employee_id: string, score: number, team = 'T'): Scorecard =>
  ({ employee_id, score, team, grade: GRADES.find((g) => score >= g.min)!.grade }) as Scorecard;

const run = (cards: Scorecard[], def = DEF) => {
  const r = calibrate(def, GRADES, cards);
  return cards.map((c) => [c.employee_id, r.get(c.employee_id)!.calibrated, r.get(c.employee_id)!.moved_by ?? '']);
};

describe('calibrate', () => {
  it('a team of 1: 10% and 25% of one person round down to nobody, so an A+ ends at M', () => {
    expect(run([card('P1', 110)])).toEqual([['P1', 'M', 'M+ max 25%']]);
  });

  it('a team of 2: nobody may be E or M+ (0.2 and 0.5 round down to 0)', () => {
    expect(run([card('P1', 110), card('P2', 90)])).toEqual([
      ['P1', 'M', 'M+ max 25%'],
      ['P2', 'M', 'M+ max 25%'],
    ]);
  });

  it('a team of 5: no E (0.5 → 0), one M+ (1.25 → 1), the C stays M-', () => {
    expect(run([card('a', 120), card('b', 105), card('c', 95), card('d', 70), card('e', 50)])).toEqual([
      ['a', 'M+', 'E max 10%'],
      ['b', 'M', 'M+ max 25%'],
      ['c', 'M', 'M+ max 25%'],
      ['d', 'M', ''],
      ['e', 'M-', ''],
    ]);
  });

  it('a team of 10: one E, two M+; the rest keep their grades', () => {
    const scores = [115, 102, 95, 92, 88, 85, 75, 70, 65, 55];
    const cards = scores.map((s, i) => card(`P${String(i + 1).padStart(2, '0')}`, s));
    expect(run(cards)).toEqual([
      ['P01', 'E', ''],
      ['P02', 'M+', 'E max 10%'],
      ['P03', 'M+', ''],
      ['P04', 'M', 'M+ max 25%'],
      ['P05', 'M', 'M+ max 25%'],
      ['P06', 'M', 'M+ max 25%'],
      ['P07', 'M', ''],
      ['P08', 'M', ''],
      ['P09', 'M', ''],
      ['P10', 'M-', ''],
    ]);
  });

  it('a team of 50 with equal scores: ties go by employee id, 12 M+ (12.5 → 12), 2 M- (2.5 → 2), whatever the input order', () => {
    const cards = Array.from({ length: 50 }, (_, i) => card(`E${String(i + 1).padStart(2, '0')}`, 90));
    const byId = (rows: (string | undefined)[][]) => [...rows].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    const forward = byId(run(cards));
    const backward = byId(run([...cards].reverse()));
    expect(backward).toEqual(forward);
    const counts: Record<string, number> = {};
    for (const [, g] of forward) counts[g!] = (counts[g!] ?? 0) + 1;
    expect(counts).toEqual({ 'M+': 12, M: 36, 'M-': 2 });
    expect(forward.slice(0, 12).every(([, g]) => g === 'M+')).toBe(true); // E01–E12
    expect(forward.slice(48)).toEqual([
      ['E49', 'M-', 'M- min 5%'],
      ['E50', 'M-', 'M- min 5%'],
    ]);
  });

  it('round_up makes small teams meet a minimum: 5% of 5 people rounds up to one M-', () => {
    const cards = [card('a', 95), card('b', 90), card('c', 85), card('d', 82), card('e', 81)];
    expect(run(cards, { ...DEF, small_teams: 'round_up' }).map((r) => r[1])).toEqual(['M+', 'M+', 'M', 'M', 'M-']);
  });

  it('round is half up: 10% of 5 people is 0.5, one E; 10% of 4 people is 0.4, no E', () => {
    // E max 10%: 5 × 0.1 = 0.5 → 1 E (a; b moves to M+); M+ max 25%: 5 × 0.25 = 1.25 → 1 M+ (b; c, d, e,
    // all A, move to M); M- min 5%: 0.25 → nobody
    const five = [card('a', 110), card('b', 105), card('c', 95), card('d', 90), card('e', 85)];
    expect(run(five, { ...DEF, small_teams: 'round' }).map((r) => r[1])).toEqual(['E', 'M+', 'M', 'M', 'M']);
    // 4 × 0.1 = 0.4 → no E; 4 × 0.25 = 1 → 1 M+
    const four = [card('a', 110), card('b', 105), card('c', 95), card('d', 90)];
    expect(run(four, { ...DEF, small_teams: 'round' }).map((r) => r[1])).toEqual(['M+', 'M', 'M', 'M']);
  });

  it('each team is ranked on its own', () => {
    const cards = [card('a', 115, 'X'), card('b', 112, 'Y')];
    const r = calibrate({ ...DEF, quotas: {} }, GRADES, cards);
    expect([r.get('a'), r.get('b')]).toEqual([
      { cohort: 'X', rank: 1, size: 1, initial: 'E', calibrated: 'E' },
      { cohort: 'Y', rank: 1, size: 1, initial: 'E', calibrated: 'E' },
    ]);
  });
});

describe('calibration quotas are checked when the policy loads', () => {
  const policy = (calibration: string) => `policy: q
title: Q
version: 1.0.0
metrics:
  m: { label: 指标, unit: count }
stages:
  s: { title: 阶段 }
roles:
  r: { title: 岗位, pay_base: 1000, indicators: { i: { metric: m, target: 10, weight: 100 } } }
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
${calibration}`;

  it('minimums above 100% can never be met', () => {
    const r = loadPolicy(
      policy('calibration:\n  within: team\n  quotas:\n    B: { min: 0.6 }\n    C: { min: 0.5 }\n'),
      'q.yaml',
    );
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span?.line])).toEqual([
      ['policy_quota_impossible', 'the minimum shares add up to 110%, more than everyone', 19],
    ]);
  });

  it('maxima below 100% leave people nowhere to go', () => {
    const r = loadPolicy(
      policy(
        'calibration:\n  within: team\n  quotas:\n    A: { max: 0.2 }\n    B: { max: 0.2 }\n    C: { max: 0.3 }\n',
      ),
      'q.yaml',
    );
    // a max on every grade, the lowest included: which is refused on its own too (below)
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'the maximum shares add up to 70%, so not everyone can be placed',
      '`C` is the lowest grade of the scale, so its `max` can never be applied: forced distribution only moves people down',
    ]);
  });

  it('a quota for a grade that is not on the scale, and a min above its max', () => {
    const r = loadPolicy(
      policy('calibration:\n  within: team\n  quotas:\n    B: { min: 0.3, max: 0.2 }\n    D: { max: 0.1 }\n'),
      'q.yaml',
    );
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['policy_quota_impossible', 'the quota for `B` asks for at least 0.3 but at most 0.2'],
      ['policy_unknown_grade', 'quota for `D`, which is not on the calibration scale'],
    ]);
  });

  it('a map that leaves out a grade the scale does not have: refused at `map`, never read as the best grade', () => {
    // grade C is neither mapped nor on the scale E / M-: calibrate used to start such an employee at
    // the top of the scale (index −1 taken as 0), so a C with 20 points was calibrated E
    const r = loadPolicy(
      policy('calibration:\n  within: team\n  scale: [E, M-]\n  map: { A: E, B: E }\n  quotas: { E: { max: 0.5 } }\n'),
      'q.yaml',
    );
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_calibration_map',
        'the calibration `map` does not say where grade `C` goes on the scale (E, M-)',
        'map every grade to a scale grade, e.g. `C: M-`',
        20,
        3,
      ],
    ]);
  });

  it('a map may leave out a grade that is on the scale: that grade starts where it is', () => {
    const r = loadPolicy(
      policy('calibration:\n  within: team\n  scale: [E, B, C]\n  map: { A: E }\n  quotas: { E: { max: 0.5 } }\n'),
      'q.yaml',
    );
    expect(r.diagnostics).toEqual([]);
  });

  it('a max on the lowest grade or a min on the highest can never be applied: people only move down', () => {
    // before, M- at most 25 % of 4 people (1) with two C kept both at M-, without a word
    const text = policy('calibration:\n  within: team\n  quotas:\n    A: { min: 0.1 }\n    C: { max: 0.25 }\n');
    const r = loadPolicy(text, 'q.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_quota_impossible',
        '`A` is the highest grade of the scale, so its `min` can never be applied: forced distribution only moves people down',
        'remove the `min` of `A`, or set a `max` on the grades below it',
        20,
        10,
      ],
      [
        'policy_quota_impossible',
        '`C` is the lowest grade of the scale, so its `max` can never be applied: forced distribution only moves people down',
        'remove the `max` of `C`, or set a `min` on the grades above it',
        21,
        10,
      ],
    ]);
  });

  it('a max of 100 % on the lowest grade and a min of 0 on the highest bind nobody and are accepted', () => {
    const r = loadPolicy(
      policy('calibration:\n  within: team\n  quotas:\n    A: { min: 0 }\n    C: { max: 1 }\n'),
      'q.yaml',
    );
    expect(r.diagnostics).toEqual([]);
  });
});
