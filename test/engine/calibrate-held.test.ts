// A person held for suspected fake traffic (刷量, `holds:`) has a result that is not final: their
// score may be inflated. Forced distribution leaves them out (docs/policy-language.md,
// "calibration"): they are not ranked, do not count in the cohort's size and take no quota place,
// so unverified data cannot push a colleague down. They get no calibrated grade until released.

import { describe, expect, it } from 'vitest';
import { runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { compiledPolicy, csvText, policy, when } from '../builders.js';

// grades A ≥ 90, B ≥ 60, C; one A place (25%) and one C place (25%) per team, head counts rounded
// half up; a rating above 95 is held as 疑似刷量
const text = policy()
  .grades([
    { grade: 'A', min: 90 },
    { grade: 'B', min: 60 },
    { grade: 'C', min: 0 },
  ])
  .set('holds', { fake: { title: '疑似刷量', when: when('rating', 'greaterThan', 95), reason: '请核实' } })
  .set('calibration', {
    within: 'team',
    quotas: { A: { max: 0.25 }, C: { min: 0.25 } },
    small_teams: 'round',
  })
  .yaml();

describe('forced distribution leaves held people out', () => {
  it('a team of 4 with the held person at the top: the other three share the quotas', async () => {
    const compiled = compiledPolicy(text, 'held.yaml');
    const read = readRecords(
      csvText(
        '工号,姓名,岗位,团队,阶段,月份,评分',
        'H,甲,员工,一组,常规,2026-10,100',
        'P1,乙,员工,一组,常规,2026-10,92',
        'P2,丙,员工,一组,常规,2026-10,80',
        'P3,丁,员工,一组,常规,2026-10,70',
      ),
      'csv',
      compiled.contract,
      { file: 'data.csv' },
    );
    const result = await runPolicy(compiled, { records: read.records });
    const by = Object.fromEntries(result.scorecards.map((c) => [c.employee_id, c]));
    expect(by.H!.payout.status).toBe('held');
    // H (100, held) is not ranked and has no calibrated grade; had H counted, the team of 4 would
    // give H the one A place (0.25 × 4 = 1) and move P1 down to B
    expect(by.H!.calibration).toBeUndefined();
    // the cohort is P1, P2, P3: A max 0.25 × 3 = 0.75 → 1 place, P1 keeps A; C min 0.75 → 1,
    // nobody is C, so the lowest-ranked above it, P3 (B), moves down into C
    expect(['P1', 'P2', 'P3'].map((id) => by[id]!.calibration)).toEqual([
      { cohort: '一组', rank: 1, size: 3, initial: 'A', calibrated: 'A' },
      { cohort: '一组', rank: 2, size: 3, initial: 'B', calibrated: 'B' },
      { cohort: '一组', rank: 3, size: 3, initial: 'B', calibrated: 'C', moved_by: 'C min 25%' },
    ]);
    // the summary counts the calibrated grades of the three; the held person is in no column
    expect(result.summary.by_calibrated_grade).toEqual({ A: 1, B: 1, C: 1 });
  });
});
