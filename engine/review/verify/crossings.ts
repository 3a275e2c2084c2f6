// Where a tier band starts along one metric: the values at which a typical employee's result enters
// each band. A band whose multiplier is below the one under it (a 铜牌 × 0.9 above "no tier")
// makes pay fall exactly there, between two of the policy's own numbers that a sweep over them
// steps across without stopping; a sweep that also stops just below and at each band's start
// sees the fall.

import type { CompiledPolicy } from '../../language/compile.js';
import { recordOf, setMetric, stepOf, tidy, unitOf, type Probe } from './probes.js';
import { evaluate } from './search.js';
import { metricOf, ownCandidates } from './own.js';

const memo = new WeakMap<Probe, Map<string, number[]>>();

/**
 * The values of `dim` at which the probe's employee with the other metrics of `base` (the typical
 * employee unless given) enters a tier band, and one step below each: found by bisection on the
 * engine's own result when the bands are on attainment (the score), taken from the bands when they
 * are on `dim` itself. Empty without tiers. The employee of each context is bisected on its own: a
 * gold band at 110 points that GMV alone never reaches with a typical rating is reached with a
 * rating of 100, and a gold band paying less than silver falls exactly there.
 */
export function tierCrossings(
  policy: CompiledPolicy,
  probe: Probe,
  dim: string,
  base: Record<string, number> = probe.typical,
): number[] {
  let byDim = memo.get(probe);
  if (!byDim) memo.set(probe, (byDim = new Map()));
  const key = base === probe.typical ? dim : `${dim}\u0000${JSON.stringify(base)}`;
  const known = byDim.get(key);
  if (known) return known;
  const out: number[] = [];
  const tiers = policy.tiers;
  const step = stepOf(policy, dim);
  const whole = unitOf(policy, dim) === 'count';
  const add = (v: number) => {
    for (const x of [v, v - step]) if (Number.isFinite(x)) out.push(tidy(whole ? Math.ceil(x) : x));
  };
  if (tiers?.basis === dim)
    for (const b of tiers.bands) {
      add(b.min);
      // money is written to the fen: a band that pays a fen less than no band (or the band under
      // it) is seen only between ¥99,999.99 and ¥100,000.00, not between ¥99,999 and ¥100,000
      if (unitOf(policy, dim) === 'money') out.push(tidy(b.min - 0.01));
    }
  else if (tiers?.basis === 'attainment') {
    const values = ownCandidates(probe, dim);
    if (values.length >= 2) {
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      const scoreAt = (v: number): number | undefined => {
        const metrics = { ...base };
        if (!setMetric(policy, metrics, dim, v)) return undefined;
        return evaluate(policy, recordOf(policy, probe, metrics))?.score;
      };
      const [sLo, sHi] = [scoreAt(lo), scoreAt(hi)];
      if (sLo !== undefined && sHi !== undefined)
        for (const b of tiers.bands) {
          // the score at which the attainment (score / 100) reaches the band: 1.1 × 100 is
          // 110.00000000000001 in binary, which a score of 110 (in the band) is below
          const target = tidy(b.min * 100);
          // the end that has not reached the band and the end that has; nothing to find otherwise
          const reachedLo = sLo >= target;
          if (reachedLo === sHi >= target) continue;
          let [out0, in0] = reachedLo ? [hi, lo] : [lo, hi];
          for (let k = 0; k < 60; k++) {
            const mid = (out0 + in0) / 2;
            const s = scoreAt(mid);
            if (s === undefined) break;
            if (s >= target) in0 = mid;
            else out0 = mid;
          }
          // the neighbours on the metric's own step (79.9 and 80 rather than 79.995), when they
          // lie on the two sides of the band's start; else the start itself. Then the same on a
          // tenth and a hundredth of the step, until the score outside the band is one score step
          // from it (89.99 and 90 for a rating): a band that pays a fen less than 89.99 points is
          // seen only there, and a data cell gives 89.99 as readily as 89.9 (whole counts excepted)
          const closest = target - 10 ** -policy.decimals;
          const pairAt = (unit: number): [number, number] | undefined => {
            const down = tidy(Math.floor(in0 / unit) * unit);
            const up = tidy(down + unit);
            const [sDown, sUp] = [scoreAt(down), scoreAt(up)];
            return sDown !== undefined && sUp !== undefined && sDown >= target !== sUp >= target
              ? [down, Math.min(sDown, sUp)]
              : undefined;
          };
          const coarse = pairAt(step);
          if (coarse) {
            out.push(coarse[0], tidy(coarse[0] + step));
            let below = coarse[1];
            for (const fine of whole ? [] : [step / 10, step / 100]) {
              if (below >= closest - 1e-9) break;
              const pair = pairAt(fine);
              if (!pair) break;
              out.push(pair[0], tidy(pair[0] + fine));
              below = pair[1];
            }
          } else {
            add(in0);
            if (reachedLo) out.push(tidy(whole ? Math.floor(in0) : in0 + step));
          }
        }
    }
  }
  // only values the probe's own range allows
  const range = metricOf(policy, dim)?.range;
  const kept = [...new Set(out)].filter((v) => !range || (v >= range[0] && v <= range[1]));
  byDim.set(key, kept);
  return kept;
}
