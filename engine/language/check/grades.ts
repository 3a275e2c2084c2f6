// Grades, the forced distribution over them, and the best score a policy lets anyone reach.

import { isGroup, type IndicatorDef, type PolicyDoc } from '../../model/policy.js';
import { EPSILON, round, roundApart, type CheckContext } from './context.js';

/** A grade name as a reader sees it: width, spaces, invisible characters and letter case do not count. */
const gradeKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .toLowerCase();

/** Grades from the best down with strictly decreasing `min`, ending at 0, each reachable. */
export function checkGrades({ policy: p, report, grades }: CheckContext, maxScore: number) {
  // `A` and `Ａ` (full width), `a` or `A ` print alike on a statement and in a distribution
  const spelled = new Map<string, string>();
  p.grades.forEach((g, i) => {
    const first = spelled.get(gradeKey(g.grade));
    if (first === undefined) spelled.set(gradeKey(g.grade), g.grade);
    else if (first !== g.grade)
      report('policy_duplicate_id.grade_spelling', { grade: g.grade, other: first }, ['grades', i, 'grade']);
    const at = ['grades', i, 'min'];
    const previous = p.grades[i - 1];
    if (previous && g.min >= previous.min) {
      report(
        'policy_grades_order',
        { grade: g.grade, min: g.min, previous: previous.grade, previous_min: previous.min },
        at,
      );
    }
    if (grades.indexOf(g.grade) !== i) {
      report('policy_duplicate_id.grade', { grade: g.grade }, ['grades', i, 'grade']);
    }
    if (g.min > maxScore + EPSILON) {
      report('policy_grade_unreachable', { grade: g.grade, min: g.min, max: round(maxScore) }, at, {
        severity: 'warning',
      });
    }
  });
  const last = p.grades[p.grades.length - 1];
  if (last && last.min !== 0) {
    report('policy_grades_cover_zero', { grade: last.grade, min: last.min }, ['grades', p.grades.length - 1, 'min']);
  }
}

/** Forced distribution: names that exist and quotas that can be met. */
export function checkCalibration({ policy: p, report, grades }: CheckContext) {
  const cal = p.calibration;
  if (cal) {
    const scale = cal.scale ?? grades;
    if (cal.scale && !cal.map && cal.scale.join() !== grades.join()) {
      const example = grades.map((g, i) => `${g}: ${scale[Math.min(i, scale.length - 1)]}`).join(', ');
      report('policy_calibration_map', { example }, ['calibration', 'scale'], { key: true });
    }
    // a grade the map leaves out keeps its own name, which must then be on the scale: a grade that is
    // neither mapped nor on it has no place to start from (calibrate would have to guess one)
    if (cal.map)
      for (const g of grades)
        if (!Object.hasOwn(cal.map, g) && !scale.includes(g))
          report(
            'policy_calibration_map.missing',
            { grade: g, scale: scale.join(', '), example: `${g}: ${scale[scale.length - 1] ?? ''}` },
            ['calibration', 'map'],
            { key: true },
          );
    for (const [g, target] of Object.entries(cal.map ?? {})) {
      if (!grades.includes(g))
        report(
          'policy_unknown_grade.calibration_map',
          { grade: g, grades: grades.join(', ') },
          ['calibration', 'map', g],
          { key: true },
        );
      if (!scale.includes(target))
        report('policy_unknown_grade.scale', { grade: target, scale: scale.join(', ') }, ['calibration', 'map', g]);
    }
    let minSum = 0;
    let maxSum = 0;
    for (const g of scale) {
      const q = cal.quotas[g];
      minSum += q?.min ?? 0;
      maxSum += q?.max ?? 1;
      if (q?.min !== undefined && q.max !== undefined && q.min > q.max) {
        report('policy_quota_impossible', { grade: g, min: q.min, max: q.max }, ['calibration', 'quotas', g]);
      }
    }
    // people only move down: nobody can leave the lowest grade, nor enter the highest from above
    const last = scale[scale.length - 1];
    if (last !== undefined && scale.length > 1 && (cal.quotas[last]?.max ?? 1) < 1)
      report('policy_quota_impossible.last_max', { grade: last }, ['calibration', 'quotas', last, 'max'], {
        key: true,
      });
    const first = scale[0];
    if (first !== undefined && scale.length > 1 && cal.quotas[first]?.min)
      report('policy_quota_impossible.first_min', { grade: first }, ['calibration', 'quotas', first, 'min'], {
        key: true,
      });
    for (const g of Object.keys(cal.quotas)) {
      if (!scale.includes(g))
        report('policy_unknown_grade.quota', { grade: g, scale: scale.join(', ') }, ['calibration', 'quotas', g], {
          key: true,
        });
    }
    if (minSum > 1 + EPSILON)
      report('policy_quota_impossible.min_sum', { percent: roundApart(minSum * 100, 100) }, ['calibration', 'quotas'], {
        key: true,
      });
    if (maxSum < 1 - EPSILON)
      report('policy_quota_impossible.max_sum', { percent: roundApart(maxSum * 100, 100) }, ['calibration', 'quotas'], {
        key: true,
      });
  }
}

/** The best total score any employee could reach: all indicators at their cap, every bonus rule firing. */
export function maxPossibleScore(p: PolicyDoc): number {
  const maxPoints = (def: IndicatorDef, stage: string): number => {
    const w = typeof def.weight === 'number' ? def.weight : (def.weight[stage] ?? 0);
    if (isGroup(def)) return (Object.values(def.indicators).reduce((s, d) => s + maxPoints(d, stage), 0) * w) / 100;
    const cap = def.cap ?? 120;
    const scoring = def.scoring ?? 'linear';
    const best =
      // no steps: nothing matches, and an unmatched value scores 0 (engine/evaluation/score.ts)
      scoring === 'steps'
        ? def.steps?.length
          ? Math.max(...def.steps.map((s) => s.points))
          : 0
        : scoring === 'pass_fail'
          ? Math.max(def.pass_points ?? 100, def.fail_points ?? 0)
          : scoring === 'rating'
            ? 100
            : cap;
    return (Math.min(best, cap) * w) / 100;
  };
  let best = 0;
  for (const role of Object.values(p.roles)) {
    for (const stage of Object.keys(p.stages)) {
      best = Math.max(
        best,
        Object.values(role.indicators).reduce((s, d) => s + maxPoints(d, stage), 0),
      );
    }
  }
  for (const a of Object.values(p.adjustments ?? {})) {
    const points = a.points;
    if (typeof points === 'number') best += Math.max(0, points);
    // per unit: at most its max; without one there is no bound
    else if (points !== undefined && points.amount > 0) best += points.max ?? Infinity;
  }
  return p.score?.max !== undefined ? Math.min(best, p.score.max) : best;
}
