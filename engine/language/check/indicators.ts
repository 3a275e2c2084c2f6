// Roles and their indicators: weights per stage, scoring levels in order, steps, rating ranges.

import { isGroup, type IndicatorDef, type LeafIndicatorDef, type Step } from '../../model/policy.js';
import { addsUpExactly } from '../numbers.js';
import type { Path } from '../parse.js';
import { dotted, roundApart, suggest, type CheckContext } from './context.js';

export function checkRoles(ctx: CheckContext) {
  for (const [roleId, role] of Object.entries(ctx.policy.roles))
    checkLevel(ctx, ['roles', roleId, 'indicators'], role.indicators);
}

/** Weights of one level sum to 100 in every stage; then each indicator, and the levels below. */
function checkLevel(ctx: CheckContext, path: Path, level: Record<string, IndicatorDef>) {
  const { report, stages } = ctx;
  for (const stage of stages) {
    const weights: number[] = [];
    let complete = true;
    for (const def of Object.values(level)) {
      const w = typeof def.weight === 'number' ? def.weight : def.weight[stage];
      if (w === undefined) complete = false;
      else weights.push(w);
    }
    // exactly 100 as the weights are written (33.3 + 33.3 + 33.4), with no tolerance for a sum off by 1e-10
    if (complete && !addsUpExactly(weights, 100)) {
      const sum = weights.reduce((s, w) => s + w, 0);
      const indicators = Object.keys(level)
        .map((k) => `\`${k}\``)
        .join(', ');
      report('policy_weights_sum', { path: dotted(path), sum: roundApart(sum, 100), stage, indicators }, path, {
        key: true,
      });
    }
  }
  for (const [id, def] of Object.entries(level)) {
    const here = [...path, id];
    if (typeof def.weight === 'object') {
      for (const stage of stages) {
        if (def.weight[stage] === undefined) {
          report('policy_weight_missing_stage', { id, stage }, [...here, 'weight']);
        }
      }
      for (const stage of Object.keys(def.weight)) {
        if (!stages.includes(stage)) {
          const { near, known } = suggest(stage, stages);
          const at = [...here, 'weight', stage];
          if (near === undefined) report('policy_unknown_stage.weight', { stage, id, known }, at, { key: true });
          else report('policy_unknown_stage.weight_near', { stage, id, near, known }, at, { key: true });
        }
      }
    }
    if (isGroup(def)) checkLevel(ctx, [...here, 'indicators'], def.indicators);
    else checkIndicator(ctx, here, def);
  }
}

/** One scored indicator: its metric, and the scoring's levels, steps or range. */
function checkIndicator(ctx: CheckContext, path: Path, ind: LeafIndicatorDef) {
  const { report, known, policy: p } = ctx;
  const indicator = String(path.at(-1));
  if (!known.has(ind.metric)) {
    const { near, known: list } = suggest(ind.metric, [...known]);
    const at = [...path, 'metric'];
    if (near === undefined) report('policy_unknown_metric', { metric: ind.metric, indicator, known: list }, at);
    else report('policy_unknown_metric.near', { metric: ind.metric, indicator, near, known: list }, at);
    return;
  }
  const scoring = ind.scoring ?? 'linear';
  const lower = ind.better === 'lower';
  if (scoring === 'linear') {
    const { threshold: t, target: g, challenge: c } = ind;
    if (lower && t === undefined) {
      report('policy_lower_needs_threshold', { indicator }, path, { key: true });
    }
    const order = lower ? 'threshold > target > challenge' : 'threshold < target < challenge';
    const bad = (a: number, b: number) => (lower ? a <= b : a >= b);
    if (t !== undefined && g !== undefined && bad(t, g)) {
      const args = { first: 'threshold', a: t, second: 'target', b: g, indicator, order };
      report(lower ? 'policy_target_order.lower' : 'policy_target_order', args, [...path, 'threshold']);
    }
    if (g !== undefined && c !== undefined && bad(g, c)) {
      const args = { first: 'target', a: g, second: 'challenge', b: c, indicator, order };
      report(lower ? 'policy_target_order.lower_challenge' : 'policy_target_order.challenge', args, [
        ...path,
        'challenge',
      ]);
    }
    if (!lower && t !== undefined && g === undefined) {
      report('policy_missing_target', { indicator }, path, { key: true });
    }
  }
  if (scoring === 'steps' && ind.steps) checkSteps(ctx, path, ind.steps, lower);
  checkPointsWithinCap(ctx, path, ind, scoring);
  checkUnusedScoringKeys(ctx, path, ind, scoring);
  checkReferenceRange(ctx, path, ind, scoring);
  if (scoring === 'rating') {
    const m = p.metrics[ind.metric];
    const d = p.derived?.[ind.metric];
    const range = m?.range ?? (typeof d === 'object' ? d.range : undefined);
    if (!range) {
      report('policy_rating_needs_range', { indicator, metric: ind.metric }, [...path, 'metric']);
    } else if (typeof range[1] === 'number' && !(range[1] > 0) && !(Number(range[0]) > range[1])) {
      // scored out of the maximum: a maximum of 0 or below is no full mark (a reversed range is
      // reported on its own, policy_range_order)
      report('policy_rating_needs_range.max', { indicator, metric: ind.metric, max: range[1] }, [...path, 'metric']);
    }
  }
}

/**
 * The values a metric can take in the data: its declared `range` (a derived metric's too), else
 * 0 to 1 for a ratio and 0 or more for a count, the bounds the data reader refuses outside of.
 */
function valuesOf(ctx: CheckContext, metric: string): { range: [number, number]; ratio: boolean } | undefined {
  const m = ctx.policy.metrics[metric];
  const d = ctx.policy.derived?.[metric];
  const declared = m?.range ?? (typeof d === 'object' ? d.range : undefined);
  const ok = (r: unknown): r is [number, number] =>
    Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number' && r[0] <= r[1];
  if (declared) return ok(declared) ? { range: declared, ratio: false } : undefined;
  if (m?.unit === 'ratio') return { range: [0, 1], ratio: true };
  if (m?.unit === 'count') return { range: [0, Number.POSITIVE_INFINITY], ratio: false };
  return undefined;
}

/**
 * A reference point (threshold, target, challenge, a step's bound) the metric can never take:
 * `threshold: 30` on a ratio, written as percent points as the data may be (`ratio_format`), would
 * leave the indicator at the same points for everyone. It could mean 30 % or 3000 %: refused.
 */
function checkReferenceRange(ctx: CheckContext, path: Path, ind: LeafIndicatorDef, scoring: string) {
  const values = valuesOf(ctx, ind.metric);
  if (!values) return;
  const [lo, hi] = values.range;
  const points: [Path, string, number | undefined][] =
    scoring === 'linear'
      ? (['threshold', 'target', 'challenge'] as const).map((k) => [[...path, k], k, ind[k]])
      : scoring === 'pass_fail'
        ? [[[...path, 'target'], 'target', ind.target]]
        : scoring === 'steps'
          ? (ind.steps ?? []).map((step, i): [Path, string, number | undefined] => {
              const bound = ind.better === 'lower' ? 'max' : 'min';
              return [[...path, 'steps', i, bound], `step ${i + 1} ${bound}`, step[bound]];
            })
          : [];
  const label = ctx.policy.metrics[ind.metric]?.label ?? ind.metric;
  const code = values.ratio
    ? 'policy_reference_out_of_range.ratio'
    : hi === Number.POSITIVE_INFINITY
      ? 'policy_reference_out_of_range.count'
      : 'policy_reference_out_of_range';
  for (const [at, level, v] of points) {
    if (typeof v !== 'number' || (v >= lo && v <= hi)) continue;
    ctx.report(code, { indicator: String(path.at(-1)), level, value: v, metric: label, min: lo, max: hi }, at);
  }
}

/**
 * Points a step or a pass mark gives are at most the indicator's `cap` (default 120), which limits
 * every method: a step written as 150 points would score 120, so the table would say one thing and
 * pay another.
 */
function checkPointsWithinCap({ report }: CheckContext, path: Path, ind: LeafIndicatorDef, scoring: string) {
  const cap = ind.cap ?? 120;
  const indicator = String(path.at(-1));
  if (scoring === 'steps')
    (ind.steps ?? []).forEach((step, i) => {
      if (typeof step.points === 'number' && step.points > cap)
        report('policy_points_above_cap', { step: i + 1, indicator, points: step.points, cap }, [
          ...path,
          'steps',
          i,
          'points',
        ]);
    });
  if (scoring === 'pass_fail')
    for (const key of ['pass_points', 'fail_points'] as const) {
      const points = ind[key];
      if (typeof points === 'number' && points > cap)
        report('policy_points_above_cap.pass_fail', { key, indicator, points, cap }, [...path, key]);
    }
}

/** The scoring method that uses each key only one method reads. */
const USED_BY: Record<string, string[]> = {
  threshold: ['linear'],
  challenge: ['linear'],
  steps: ['steps'],
  pass_points: ['pass_fail'],
  fail_points: ['pass_fail'],
};

/**
 * A key of another scoring method changes nothing: `challenge: 90` on a pass_fail indicator or a
 * `threshold` on a rating reads as if it counted. (`target` is read by every method's
 * `indicator_attainment`, `cap` and `better` by all.)
 */
function checkUnusedScoringKeys({ report }: CheckContext, path: Path, ind: LeafIndicatorDef, scoring: string) {
  const indicator = String(path.at(-1));
  for (const [key, users] of Object.entries(USED_BY))
    if ((ind as unknown as Record<string, unknown>)[key] !== undefined && !users.includes(scoring))
      report('policy_scoring_key_unused', { key, indicator, scoring, uses: users.join(', ') }, [...path, key], {
        key: true,
      });
}

/** Steps start at distinct bounds, in the order they are tried: the first match scores. */
function checkSteps({ report }: CheckContext, path: Path, steps: Step[], lower: boolean) {
  const bound = lower ? 'max' : 'min';
  const indicator = String(path.at(-1));
  let previous: number | undefined;
  // a step table reads one bound: `max` on a higher-is-better step (bands written 81–90, 95–120)
  // would read as a gap or an end that scores nothing, while the value still scores by `min`
  const unused = lower ? 'min' : 'max';
  steps.forEach((step, i) => {
    const v = step[bound];
    const at = [...path, 'steps', i];
    if (step[unused] !== undefined)
      report(
        lower ? 'policy_step_bound_unused.lower' : 'policy_step_bound_unused',
        { step: i + 1, indicator, value: step[unused] },
        [...at, unused],
        { key: true },
      );
    if (v === undefined) {
      report(lower ? 'policy_step_bound.lower' : 'policy_step_bound', { step: i + 1, indicator, bound }, at);
      return;
    }
    if (previous !== undefined) {
      if (v === previous) {
        report('policy_steps_overlap', { step: i, next: i + 1, indicator, value: v }, at);
      } else if (lower ? v < previous : v > previous) {
        report(
          lower ? 'policy_steps_order.lower' : 'policy_steps_order',
          { step: i + 1, indicator, bound, value: v, previous },
          at,
        );
      }
    }
    previous = v;
  });
}
