// Directed search: employees drawn from each probe's candidate values (the policy's own thresholds
// and their neighbours) by fast-check, with a fixed seed so a run is repeatable, and shrunk
// towards the typical employee so a counterexample reads "typical, except …".

import fc from 'fast-check';
import type { CompiledPolicy } from '../../language/compile.js';
import { evaluateRecordSync } from '../../evaluation/evaluate.js';
import type { EmployeeRecord } from '../../model/record.js';
import type { Scorecard } from '../../model/scorecard.js';
import { recordOf, setMetric, type Probe } from './probes.js';
import { metricOf } from './own.js';

export const SEED = 19;

/** One evaluated employee: the record, the grades of earlier periods (most recent first), the result. */
export interface Sample {
  record: EmployeeRecord;
  history: string[];
  card: Scorecard;
}

export function evaluate(
  policy: CompiledPolicy,
  record: EmployeeRecord,
  history: string[] = [],
): Scorecard | undefined {
  const e = evaluateRecordSync(policy, record, { history: { grades: () => history }, explain: false });
  return e.ok ? e.scorecard : undefined;
}

/** The raw metrics of a probe with some dimensions set: raw metrics first, then derived ones through them. */
export function metricsWith(
  policy: CompiledPolicy,
  probe: Probe,
  dims: Record<string, number>,
): Record<string, number> {
  const metrics = { ...probe.typical };
  const ids = Object.keys(dims);
  for (const id of ids.filter((d) => metricOf(policy, d))) metrics[id] = dims[id]!;
  for (const id of ids.filter((d) => !metricOf(policy, d))) setMetric(policy, metrics, id, dims[id]!);
  return metrics;
}

/** The draws of each probe's employees, built once per probe list (a search per rule reuses them). */
const drawsOf = new WeakMap<Probe[], Map<string, fc.Arbitrary<{ i: number; dims: unknown; history: string[] }>[]>>();

/** Any probe's employee, with any short history of grades. */
export function employees(policy: CompiledPolicy, probes: Probe[], except?: string): fc.Arbitrary<Sample | undefined> {
  const histories: string[][] = [[], ...policy.grades.flatMap((g) => [[g.grade], [g.grade, g.grade]])];
  // the same arbitraries each time draw the same employees from the same seed: built once, not per draw
  let byExcept = drawsOf.get(probes);
  if (!byExcept) drawsOf.set(probes, (byExcept = new Map()));
  let perProbe = byExcept.get(except ?? '');
  if (!perProbe) {
    perProbe = probes.map((probe, i) => {
      const dims = Object.fromEntries(
        probe.dimensions.filter((d) => d !== except).map((d) => [d, fc.constantFrom(...probe.candidates[d]!)]),
      );
      return fc.record({ i: fc.constant(i), dims: fc.record(dims), history: fc.constantFrom(...histories) });
    });
    byExcept.set(except ?? '', perProbe);
  }
  const draws = perProbe;
  return fc
    .integer({ min: 0, max: probes.length - 1 })
    .chain((i) => draws[i]!)
    .map(({ i, dims, history }) => {
      const probe = probes[i]!;
      const record = recordOf(policy, probe, metricsWith(policy, probe, dims as Record<string, number>));
      const card = evaluate(policy, record, history);
      return card ? { record, history, card } : undefined;
    });
}

/**
 * The first employee for whom `found` holds, within `runs` draws: shrunk towards the typical one
 * when it is to be shown (a counterexample), as drawn when it only has to exist (`shrink: false`,
 * an example that a grade or rule can be reached: shrinking would evaluate dozens more employees).
 */
export function find(
  policy: CompiledPolicy,
  probes: Probe[],
  found: (s: Sample) => boolean,
  runs: number,
  shrink = true,
): { sample?: Sample; cases: number } {
  if (!probes.length || !policy.compilable) return { cases: 0 };
  const r = fc.check(
    fc.property(employees(policy, probes), (s) => !s || !found(s)),
    { seed: SEED, numRuns: runs, endOnFailure: !shrink },
  );
  const sample = r.failed ? r.counterexample?.[0] : undefined;
  return { sample: sample ?? undefined, cases: r.numRuns };
}

/** Contexts for a sweep along one dimension: the typical employee first, then drawn ones. */
export function contexts(policy: CompiledPolicy, probe: Probe, dim: string, runs: number): Record<string, number>[] {
  const others = probe.dimensions.filter((d) => d !== dim);
  if (!others.length || runs <= 1) return [probe.typical];
  const arb = fc.record(Object.fromEntries(others.map((d) => [d, fc.constantFrom(...probe.candidates[d]!)])));
  const drawn = fc.sample(arb, { seed: SEED, numRuns: runs - 1 }) as Record<string, number>[];
  return [probe.typical, ...drawn.map((dims) => metricsWith(policy, probe, dims))];
}
