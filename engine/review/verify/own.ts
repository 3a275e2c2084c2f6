// Lookups by a name the policy wrote (a property's metric, a formula's variable): own properties
// only, so `constructor` or `toString` is no metric and has no candidates, never the method every
// JavaScript object has.

import type { CompiledPolicy } from '../../language/compile.js';
import type { MetricDef } from '../../model/policy.js';
import type { Probe } from './probes.js';

/** The raw metric `id` of the policy, if it has one. */
export function metricOf(policy: CompiledPolicy, id: string): MetricDef | undefined {
  return Object.hasOwn(policy.metrics, id) ? policy.metrics[id] : undefined;
}

/** The values a probe tries for dimension `id` (none when it does not vary it). */
export function ownCandidates(probe: Probe, id: string): number[] {
  return Object.hasOwn(probe.candidates, id) ? probe.candidates[id]! : [];
}
