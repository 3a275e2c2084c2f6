// How far a scorecard is from the next grade and the next payout tier: points still to score, or
// for a tier on a metric (GMV) how much more of that metric. Pure, from the compiled policy and a
// finished scorecard; the editor's scorecard and the statements say it in words (distanceWords).

import type { CompiledPolicy } from '../language/compile.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { roundScore } from '../model/money.js';
import type { Unit } from '../model/policy.js';
import type { Scorecard } from '../model/scorecard.js';
import { formatValueBeside, type Lang } from './explain.js';

/** Why no next grade or tier is in reach: already the best, or a cap (score or grade) stops it. */
export type Blocked = 'top' | 'capped';

export interface Distance {
  grade: { grade: string; title?: string; points: number } | { blocked: Blocked };
  /**
   * Absent when the policy has no tiers, or the tier's basis is a metric this scorecard does not
   * carry (it is not one of the employee's indicators), so the distance cannot be computed.
   */
  tier?:
    | {
        tier: string;
        title?: string;
        /** `attainment` or the metric the tiers are on. */
        basis: string;
        /** How much more of the basis is needed, in its unit (attainment as a fraction). */
        more: number;
        /** For tiers on attainment: the same distance in score points. */
        points?: number;
      }
    | { blocked: Blocked };
}

/** The highest score this scorecard could reach: the policy's maximum and every score cap that applied. */
function scoreCeiling(policy: CompiledPolicy, card: Scorecard): number {
  let ceiling = policy.scoreMax ?? Infinity;
  for (const a of card.adjustments) if (a.score_cap !== undefined) ceiling = Math.min(ceiling, a.score_cap);
  return ceiling;
}

/** The value of metric `id` on this scorecard, from the indicator that reads it. */
function metricValue(card: Scorecard, id: string): number | undefined {
  const walk = (items: Scorecard['indicators']): number | undefined => {
    for (const i of items) {
      if (i.metric === id && i.actual !== undefined) return i.actual;
      const inner = i.children && walk(i.children);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return walk(card.indicators);
}

export function distanceToNext(policy: CompiledPolicy, card: Scorecard): Distance {
  const decimals = policy.decimals;
  const ceiling = scoreCeiling(policy, card);
  const gradeCapped = card.adjustments.some((a) => a.grade_cap !== undefined);
  // grades are listed best first; the next one up is the lowest cut-off above the score
  const above = policy.grades.filter((g) => g.min > card.score);
  const nextGrade = above[above.length - 1];
  const grade: Distance['grade'] = !nextGrade
    ? { blocked: 'top' }
    : gradeCapped || nextGrade.min > ceiling
      ? { blocked: 'capped' }
      : {
          grade: nextGrade.grade,
          ...(nextGrade.title ? { title: nextGrade.title } : {}),
          points: roundScore(nextGrade.min - card.score, decimals),
        };

  const tiers = policy.tiers;
  if (!tiers) return { grade };
  const onAttainment = tiers.basis === 'attainment';
  const value = onAttainment ? card.score / 100 : metricValue(card, tiers.basis);
  if (value === undefined) return { grade };
  const current = card.payout.tier ? tiers.bands.findIndex((b) => b.tier === card.payout.tier!.id) : -1;
  // a band listed before the current one pays more; the nearest is the one with the lowest minimum
  const better = (current < 0 ? tiers.bands : tiers.bands.slice(0, current)).filter((b) => b.min > value);
  const band = better.reduce<(typeof better)[number] | undefined>((m, b) => (!m || b.min < m.min ? b : m), undefined);
  if (!band) return { grade, tier: { blocked: 'top' } };
  const more = Number((band.min - value).toPrecision(12));
  const named = { tier: band.tier, ...(band.title ? { title: band.title } : {}), basis: tiers.basis, more };
  if (!onAttainment) return { grade, tier: named };
  const target = roundScore(band.min * 100, decimals);
  if (target > ceiling) return { grade, tier: { blocked: 'capped' } };
  return { grade, tier: { ...named, points: roundScore(target - card.score, decimals) } };
}

const W = {
  zh: {
    grade: (points: string, grade: string) => `再得 ${points} 分升 ${grade}`,
    gradeTop: '已是最高等级',
    gradeCapped: '等级或总分已封顶，本期不能再升级',
    tierPoints: (points: string, tier: string) => `再得 ${points} 分达${tier}`,
    tierMore: (label: string, more: string, tier: string) => `${label}再增 ${more} 达${tier}`,
    tierTop: '已是最高档位',
    tierCapped: '总分已封顶，本期到不了下一档',
  },
  en: {
    grade: (points: string, grade: string) => `${points} more points for ${grade}`,
    gradeTop: 'top grade reached',
    gradeCapped: 'the grade or score is capped: no higher grade this period',
    tierPoints: (points: string, tier: string) => `${points} more points for ${tier}`,
    tierMore: (label: string, more: string, tier: string) => `${more} more ${label} for ${tier}`,
    tierTop: 'top tier reached',
    tierCapped: 'the score is capped: the next tier is out of reach this period',
  },
};

/** Plain number without float noise. */
const n = (x: number) => String(Number(x.toPrecision(12)));

/** The distance in a sentence each: 「再得 3.2 分升 A」, 「直播间GMV再增 ¥12,000.00 达银牌」. */
export function distanceWords(policy: CompiledPolicy, d: Distance, lang: Lang): { grade: string; tier?: string } {
  const w = W[lang];
  const grade =
    'blocked' in d.grade
      ? d.grade.blocked === 'top'
        ? w.gradeTop
        : w.gradeCapped
      : w.grade(n(d.grade.points), d.grade.grade);
  if (!d.tier) return { grade };
  if ('blocked' in d.tier) return { grade, tier: d.tier.blocked === 'top' ? w.tierTop : w.tierCapped };
  const { tier, title, basis, more, points } = d.tier;
  const name = title ?? tier;
  if (points !== undefined) return { grade, tier: w.tierPoints(n(points), name) };
  const metric = policy.metrics[basis];
  const derived = policy.derived.find((x) => x.id === basis);
  const unit: Unit | undefined = metric?.unit ?? derived?.unit;
  const label = metric?.label ?? derived?.label ?? BUILTIN_FACTS[basis]?.label[lang] ?? basis;
  // never 「再增 ¥0.00」: an amount short of the band by less than the fen is written with its digits
  return { grade, tier: w.tierMore(label, formatValueBeside(more, [0], unit, lang), name) };
}
