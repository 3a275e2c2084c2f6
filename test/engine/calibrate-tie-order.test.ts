// Equal scores at a quota's edge are ordered by employee id "ascending": character by character, as
// docs/policy-language.md now says, so `E10` comes before `E9` (and keeps the one E place), while
// ids of one width (`E09`, `E10`) order as people read them. Worked out by hand: 10 people, E max 10%
// → one E; the two tied at 110 compete for it.

import { describe, expect, it } from 'vitest';
import { calibrate } from '../../engine/evaluation/calibrate.js';
import type { CalibrationDef, GradeDef } from '../../engine/model/policy.js';
import type { Scorecard } from '../../engine/model/scorecard.js';

const GRADES: GradeDef[] = [
  { grade: 'A+', min: 100 },
  { grade: 'A', min: 81 },
  { grade: 'B', min: 61 },
  { grade: 'C', min: 0 },
];
const DEF: CalibrationDef = { within: 'all', quotas: { 'A+': { max: 0.1 } } };
const card = (employee_id: string, score: number): Scorecard =>
  ({ employee_id, score, team: 'T', grade: GRADES.find((g) => score >= g.min)!.grade }) as Scorecard;
const rest = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'].map((id) => card(id, 70));

describe('a tie at the edge of a quota', () => {
  it('E10 and E9 tied at 110: E10 sorts first character by character ("1" < "9") and stays A+; E9 moves to A', () => {
    const r = calibrate(DEF, GRADES, [card('E9', 110), card('E10', 110), ...rest]);
    expect([r.get('E10')?.calibrated, r.get('E10')?.rank]).toEqual(['A+', 1]);
    expect([r.get('E9')?.calibrated, r.get('E9')?.rank, r.get('E9')?.moved_by]).toEqual(['A', 2, 'A+ max 10%']);
  });

  it('written at one width, E09 comes before E10 and keeps the place', () => {
    const r = calibrate(DEF, GRADES, [card('E10', 110), card('E09', 110), ...rest]);
    expect(r.get('E09')?.calibrated).toBe('A+');
    expect(r.get('E10')?.calibrated).toBe('A');
  });
});
