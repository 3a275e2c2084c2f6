// Roles and their indicators: weights per stage, scoring levels in order, steps, rating ranges.

import { isGroup, type IndicatorDef, type LeafIndicatorDef, type Step } from '../../model/policy.js';
import type { Path } from '../parse.js';
import { dotted, EPSILON, hint, round, type CheckContext } from './context.js';

export function checkRoles(ctx: CheckContext) {
  for (const [roleId, role] of Object.entries(ctx.policy.roles)) checkLevel(ctx, ['roles', roleId, 'indicators'], role.indicators);
}

/** Weights of one level sum to 100 in every stage; then each indicator, and the levels below. */
function checkLevel(ctx: CheckContext, path: Path, level: Record<string, IndicatorDef>) {
  const { report, stages } = ctx;
  for (const stage of stages) {
    let sum = 0;
    let complete = true;
    for (const def of Object.values(level)) {
      const w = typeof def.weight === 'number' ? def.weight : def.weight[stage];
      if (w === undefined) complete = false;
      else sum += w;
    }
    if (complete && Math.abs(sum - 100) > EPSILON) {
      report('policy_weights_sum', path, `weights of \`${dotted(path)}\` sum to ${round(sum)} for stage \`${stage}\`, not 100`,
        `change the weights of ${Object.keys(level).map((k) => `\`${k}\``).join(', ')} so they add up to 100`, { key: true });
    }
  }
  for (const [id, def] of Object.entries(level)) {
    const here = [...path, id];
    if (typeof def.weight === 'object') {
      for (const stage of stages) {
        if (def.weight[stage] === undefined) {
          report('policy_weight_missing_stage', [...here, 'weight'], `weight of \`${id}\` has no value for stage \`${stage}\``,
            `add \`${stage}: <weight>\` to the weight, or use one number for every stage`);
        }
      }
      for (const stage of Object.keys(def.weight)) {
        if (!stages.includes(stage)) {
          report('policy_unknown_stage', [...here, 'weight', stage], `unknown stage \`${stage}\` in the weight of \`${id}\``,
            hint(stage, stages, 'stages'), { key: true });
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
  if (!known.has(ind.metric)) {
    report('policy_unknown_metric', [...path, 'metric'], `unknown metric \`${ind.metric}\` in indicator \`${path[path.length - 1]}\``,
      hint(ind.metric, [...known], 'metrics or derived'));
    return;
  }
  const scoring = ind.scoring ?? 'linear';
  const lower = ind.better === 'lower';
  if (scoring === 'linear') {
    const { threshold: t, target: g, challenge: c } = ind;
    if (lower && t === undefined) {
      report('policy_lower_needs_threshold', path, `lower-is-better indicator \`${path[path.length - 1]}\` needs a \`threshold\``,
        'add the worst value that still scores 60 points, e.g. `threshold: 0.15` for a return rate with target 0.10', { key: true });
    }
    const order = lower ? 'threshold > target > challenge' : 'threshold < target < challenge';
    const bad = (a?: number, b?: number) => a !== undefined && b !== undefined && (lower ? a <= b : a >= b);
    if (bad(t, g)) {
      report('policy_target_order', [...path, 'threshold'], `threshold ${t} and target ${g} of \`${path[path.length - 1]}\` are out of order: ${lower ? 'lower is better, so ' : ''}${order}`,
        lower ? 'for a lower-is-better indicator the threshold is the highest acceptable value' : 'the threshold (60 points) must be below the target (100 points)');
    }
    if (bad(g, c)) {
      report('policy_target_order', [...path, 'challenge'], `target ${g} and challenge ${c} of \`${path[path.length - 1]}\` are out of order: ${lower ? 'lower is better, so ' : ''}${order}`,
        lower ? 'for a lower-is-better indicator the challenge is below the target' : 'the challenge (120 points) must be above the target (100 points)');
    }
    if (!lower && t !== undefined && g === undefined) {
      report('policy_missing_target', path, `indicator \`${path[path.length - 1]}\` has a threshold but no target`, 'add `target:`', { key: true });
    }
  }
  if (scoring === 'steps' && ind.steps) checkSteps(ctx, path, ind.steps, lower);
  if (scoring === 'rating') {
    const m = p.metrics[ind.metric];
    if (!m?.range) {
      report('policy_rating_needs_range', [...path, 'metric'], `rating indicator \`${path[path.length - 1]}\` scores \`${ind.metric}\`, which has no \`range\``,
        `give the metric a range such as \`range: [0, 100]\` or \`range: [0, 5]\`: its maximum is the full mark`);
    }
  }
}

/** Steps start at distinct bounds, in the order they are tried: the first match scores. */
function checkSteps({ report }: CheckContext, path: Path, steps: Step[], lower: boolean) {
  const bound = lower ? 'max' : 'min';
  let previous: number | undefined;
  steps.forEach((step, i) => {
    const v = step[bound];
    const at = [...path, 'steps', i];
    if (v === undefined) {
      report('policy_step_bound', at, `step ${i + 1} of \`${path[path.length - 1]}\` has no \`${bound}\``,
        lower ? 'steps of a lower-is-better indicator give `max`, from the lowest up' : 'steps give `min`, from the highest down');
      return;
    }
    if (previous !== undefined) {
      if (v === previous) {
        report('policy_steps_overlap', at, `steps ${i} and ${i + 1} of \`${path[path.length - 1]}\` both start at ${v}`, 'give every step its own bound');
      } else if (lower ? v < previous : v > previous) {
        report('policy_steps_order', at, `step ${i + 1} of \`${path[path.length - 1]}\` (${bound} ${v}) is out of order after ${bound} ${previous}`,
          lower ? 'order steps by `max` from the lowest up' : 'order steps by `min` from the highest down: the first match scores');
      }
    }
    previous = v;
  });
}
