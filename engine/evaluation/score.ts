// Points for one indicator from its actual value, by the indicator's scoring method. Pure
// arithmetic; the caller rounds.

import type { CompiledLeaf } from '../language/compile.js';

/**
 * linear, higher is better: threshold → 60, target → 100, challenge → 120, linear in between,
 * 0 below the threshold. Without a threshold the line runs from 0 (0 points) to the target.
 * Past the last point the last segment's slope continues; the result is capped at `cap`.
 * Lower is better mirrors this (threshold is then the highest acceptable value).
 */
export function pointsFor(leaf: CompiledLeaf, actual: number): number {
  switch (leaf.scoring) {
    case 'linear':
      return clamp(leaf.better === 'lower' ? linearLower(leaf, actual) : linearHigher(leaf, actual), leaf.cap);
    case 'steps':
      return clamp(stepPoints(leaf, actual), leaf.cap);
    case 'pass_fail': {
      const pass = leaf.better === 'lower' ? actual <= leaf.target! : actual >= leaf.target!;
      return clamp(pass ? leaf.passPoints : leaf.failPoints, leaf.cap);
    }
    case 'rating':
      return clamp((actual / leaf.ratingMax!) * 100, leaf.cap);
  }
}

function clamp(points: number, cap: number): number {
  return Math.max(0, Math.min(points, cap));
}

function linearHigher(l: CompiledLeaf, a: number): number {
  const target = l.target!;
  const { threshold, challenge } = l;
  if (threshold !== undefined && a < threshold) return 0;
  if (a < target || challenge === undefined) {
    // the segment from the threshold (or from zero) to the target, continued past the target
    // when there is no challenge
    if (threshold === undefined) return target === 0 ? 100 : (a / target) * 100;
    return 60 + (40 * (a - threshold)) / (target - threshold);
  }
  return 100 + (20 * (a - target)) / (challenge - target);
}

function linearLower(l: CompiledLeaf, a: number): number {
  const target = l.target!;
  const threshold = l.threshold!;
  const { challenge } = l;
  if (a > threshold) return 0;
  if (a > target || challenge === undefined) return 60 + (40 * (threshold - a)) / (threshold - target);
  return 100 + (20 * (target - a)) / (target - challenge);
}

function stepPoints(l: CompiledLeaf, a: number): number {
  for (const step of l.steps ?? []) {
    if (l.better === 'lower' ? a <= step.max! : a >= step.min!) return step.points;
  }
  return 0;
}

/**
 * `pointsFor(leaf, ·)` as one closure made for this leaf, once: the common shapes (linear, higher
 * is better, with a threshold and a target; steps, higher is better; pass/fail; rating) with their
 * constants bound, so a record's indicator is scored without the switch on the method, the
 * direction and the levels present. The same expressions in the same order as `pointsFor`: the
 * same number for every actual value (test/executor/eighth-round.test.ts holds them equal).
 */
export function scorerOf(leaf: CompiledLeaf): (actual: number) => number {
  const { cap, threshold, target, challenge } = leaf;
  const higher = leaf.better !== 'lower';
  switch (leaf.scoring) {
    case 'linear':
      if (higher && threshold !== undefined && target !== undefined) {
        const span = target - threshold;
        if (challenge === undefined)
          return (a) => (a < threshold ? 0 : Math.max(0, Math.min(60 + (40 * (a - threshold)) / span, cap)));
        const above = challenge - target;
        return (a) =>
          a < threshold
            ? 0
            : Math.max(
                0,
                Math.min(a < target ? 60 + (40 * (a - threshold)) / span : 100 + (20 * (a - target)) / above, cap),
              );
      }
      break;
    case 'steps': {
      const steps = leaf.steps ?? [];
      if (higher && steps.every((s) => s.min !== undefined)) {
        const mins = steps.map((s) => s.min!);
        const points = steps.map((s) => s.points);
        return (a) => {
          for (let i = 0; i < mins.length; i++) if (a >= mins[i]!) return Math.max(0, Math.min(points[i]!, cap));
          return Math.max(0, Math.min(0, cap));
        };
      }
      break;
    }
    case 'pass_fail': {
      const { passPoints, failPoints } = leaf;
      const t = target!;
      return higher
        ? (a) => Math.max(0, Math.min(a >= t ? passPoints : failPoints, cap))
        : (a) => Math.max(0, Math.min(a <= t ? passPoints : failPoints, cap));
    }
    case 'rating': {
      const max = leaf.ratingMax!;
      return (a) => Math.max(0, Math.min((a / max) * 100, cap));
    }
  }
  return (a) => pointsFor(leaf, a);
}
