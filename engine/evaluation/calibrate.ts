// Forced distribution: after every employee is scored, each cohort (a team, role, stage or the
// whole company) is ranked by score and the calibrated grades are fitted to the quotas. Ties are
// broken by employee id, ascending, so the result never depends on input order. Head counts are
// share × cohort size, rounded as `small_teams` says (round_down by default: a small team can have
// a quota of 0 people). Pay is not changed: calibration is a review outcome.

import { known } from '../model/known.js';
import type { CalibrationDef, GradeDef } from '../model/policy.js';
import type { Scorecard } from '../model/scorecard.js';
import { withoutNoise } from '../language/compile.js';
import { diagnostic, type Diagnostic, type Span } from '../model/diagnostic.js';

export interface CalibrationResult {
  cohort: string;
  /** 1 = best score in the cohort. */
  rank: number;
  size: number;
  /** The scale grade the policy's grade maps to, before quotas. */
  initial: string;
  calibrated: string;
  /** The quota that moved this employee, e.g. `E max 10%`. */
  moved_by?: string;
}

/**
 * A minimum the cohort could not be given: people only move down, so a grade's minimum is filled
 * from the grades above it, and too few were left there (the others already stood below it, or a
 * worse grade's minimum, applied first, had taken them).
 */
export interface UnmetMinimum {
  cohort: string;
  grade: string;
  /** The quota's share (0.3 for 30 %). */
  min: number;
  /** People the share asks for (rounded as `small_teams` says), and people the grade holds. */
  needed: number;
  have: number;
  size: number;
}

export function scaleOf(def: CalibrationDef, grades: GradeDef[]): string[] {
  return def.scale ?? grades.map((g) => g.grade);
}

function headCount(share: number, size: number, rule: CalibrationDef['small_teams']): number {
  const exact = withoutNoise(share * size)!;
  return rule === 'round_up' ? Math.ceil(exact) : rule === 'round' ? Math.floor(exact + 0.5) : Math.floor(exact);
}

const pct = (x: number) => `${Number((x * 100).toPrecision(12))}%`;

/** Calibrated grades for every scorecard, by employee id; the minima no cohort could meet are added to `unmet`. */
export function calibrate(
  def: CalibrationDef,
  grades: GradeDef[],
  cards: readonly Scorecard[],
  unmet?: UnmetMinimum[],
): Map<string, CalibrationResult> {
  const scale = scaleOf(def, grades);
  const cohortOf = (c: Scorecard) =>
    def.within === 'all' ? '*' : def.within === 'team' ? c.team : def.within === 'role' ? c.role : c.stage;
  const cohorts = new Map<string, Scorecard[]>();
  for (const c of cards) cohorts.set(cohortOf(c), [...(cohorts.get(cohortOf(c)) ?? []), c]);
  const out = new Map<string, CalibrationResult>();

  for (const [cohort, members] of cohorts) {
    const ranked = [...members].sort(
      (a, b) => b.score - a.score || (a.employee_id < b.employee_id ? -1 : a.employee_id > b.employee_id ? 1 : 0),
    );
    const n = ranked.length;
    // position on the scale of each ranked member (0 = best)
    const level = ranked.map((c) => Math.max(0, scale.indexOf(def.map?.[c.grade] ?? c.grade)));
    const initial = [...level];
    const movedBy: (string | undefined)[] = ranked.map(() => undefined);

    // maxima, from the best grade down: the lowest-ranked of an over-full grade move one grade down
    scale.forEach((g, s) => {
      const max = def.quotas[g]?.max;
      if (max === undefined) return;
      const allowed = headCount(max, n, def.small_teams);
      const holders = level.map((l, i) => (l === s ? i : -1)).filter((i) => i >= 0);
      for (const i of holders.slice(allowed)) {
        if (s + 1 < scale.length) {
          level[i] = s + 1;
          movedBy[i] = `${g} max ${pct(max)}`;
        }
      }
    });
    // minima, from the worst grade up: the lowest-ranked of the better grades move down into it
    for (let s = scale.length - 1; s >= 0; s--) {
      const g = scale[s]!;
      const min = def.quotas[g]?.min;
      if (min === undefined) continue;
      const needed = headCount(min, n, def.small_teams);
      let have = level.filter((l) => l === s).length;
      for (let i = n - 1; i >= 0 && have < needed; i--) {
        if (level[i]! < s) {
          level[i] = s;
          movedBy[i] = `${g} min ${pct(min)}`;
          have++;
        }
      }
      // a better grade's minimum, applied next, moves people from above it only: `have` is final
      if (have < needed) unmet?.push({ cohort, grade: g, min, needed, have, size: n });
    }
    ranked.forEach((c, i) => {
      out.set(c.employee_id, {
        cohort,
        rank: i + 1,
        size: n,
        // ranked, level and initial have one entry per member: i is in range
        initial: known(scale[initial[i]!], 'grade'),
        calibrated: known(scale[level[i]!], 'grade'),
        ...(level[i] !== initial[i] && movedBy[i] ? { moved_by: movedBy[i] } : {}),
      });
    });
  }
  return out;
}

const COHORT_WORDS: Record<CalibrationDef['within'], { en: string; zh: string }> = {
  team: { en: 'team', zh: '团队' },
  role: { en: 'role', zh: '岗位' },
  stage: { en: 'stage', zh: '阶段' },
  all: { en: 'the whole company', zh: '全公司' },
};

/**
 * The warnings for the minima the cohorts could not be given, each at its quota's `min` when its
 * place is known (`spans`, by grade): the run goes on (the other quotas hold), but "at least 30 %
 * B" did not hold in that cohort. One for a month's run, a roll-up and both previews.
 */
export function unmetMinimumWarnings(
  unmet: readonly UnmetMinimum[],
  within: CalibrationDef['within'],
  period: string,
  file: string,
  spans: ReadonlyMap<string, Span> | undefined,
): Diagnostic[] {
  const words = COHORT_WORDS[within];
  return unmet.map((u) => {
    const cohort = within === 'all' ? words : { en: `${words.en} \`${u.cohort}\``, zh: `${words.zh} \`${u.cohort}\`` };
    const span = spans?.get(u.grade);
    return diagnostic(
      'eval_calibration_min_unmet',
      { period, cohort, people: u.size, grade: u.grade, needed: u.needed, have: u.have, min: pct(u.min) },
      { severity: 'warning', file, ...(span ? { span } : {}) },
    );
  });
}
