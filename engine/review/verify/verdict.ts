// What verify says about one property of one subject, and on what it rests: a proof (exact
// reasoning over the policy's segments and conditions), an example (an employee the engine
// evaluated, for "can be reached"), or a search of N employees that found no counterexample.

import type { Diagnostic, Span } from '../../model/diagnostic.js';
import type { CompiledPolicy } from '../../language/compile.js';
import type { CounterCase } from './counterexample.js';
import type { Probe } from './probes.js';

export type Basis = 'proved' | 'example' | 'searched';

export interface Verdict {
  /** `monotone`, `reachable`, `bounded_pay`, `live_rule`, `effective_rule`, or `properties.<id>`. */
  property: string;
  /** Key path of what the verdict is about, e.g. `grades.2`, `roles.director.indicators.output`. */
  subject: (string | number)[];
  /** Whether the property holds; undefined when neither proved nor refuted. */
  holds: boolean | undefined;
  basis: Basis;
  /** Employees evaluated for this verdict (0 for a proof that needed none). */
  cases: number;
  diagnostic?: Diagnostic;
  /** Ready-to-paste policy test cases that show the failure. */
  counterexample?: CounterCase[];
  /** The counterexample was evaluated again by the engine and breaks the property. */
  confirmed?: boolean;
}

export interface VerifyOptions {
  /** Where a key path of the policy is written, for diagnostics. */
  spanOf?: (path: (string | number)[]) => Span;
  /** Draws per search (default 200); sweeps use a tenth as many contexts. */
  runs?: number;
}

export interface Context {
  policy: CompiledPolicy;
  probes: Probe[];
  runs: number;
  place(
    path: (string | number)[],
    severity?: 'error' | 'warning',
  ): {
    file: string;
    span?: Span;
    path: (string | number)[];
    severity: 'error' | 'warning';
  };
}
