// `yardstick verify`: every built-in property and every declared one, each with its verdict and
// what it rests on. Pure: the CLI and the editor pass the policy text in and print the report.

import type { CompiledPolicy } from '../../language/compile.js';
import { loadPolicy } from '../../language/load.js';
import { parsePolicyText, spanOf } from '../../language/parse.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { sortDiagnostics } from '../../model/diagnostic.js';
import { boundedPay, monotonicity, reachability, sweep } from './builtin.js';
import { declared } from './declared.js';
import { buildProbes } from './probes.js';
import type { Context, Verdict, VerifyOptions } from './verdict.js';

export interface VerifyReport {
  verdicts: Verdict[];
  /** The diagnostics of the verdicts that failed (errors) or stayed undecided (warnings), by position. */
  diagnostics: Diagnostic[];
  /** Verdicts resting on a proof, or (`examples`) on an employee the engine evaluated. */
  proved: number;
  examples: number;
  searched: number;
  failed: number;
  undecided: number;
  /** The sweeps' employees plus each verdict's cases (an employee counts once per verdict that looked at it). */
  cases: number;
}

export function verifyPolicy(policy: CompiledPolicy, options: VerifyOptions = {}): VerifyReport {
  const ctx: Context = {
    policy,
    probes: buildProbes(policy),
    runs: options.runs ?? 200,
    place: (path, severity = 'error') => ({
      file: policy.file,
      ...(options.spanOf ? { span: options.spanOf(path) } : {}),
      path,
      severity,
    }),
  };
  if (!policy.compilable) ctx.probes = [];
  const samples = sweep(ctx);
  const verdicts = [
    ...monotonicity(ctx),
    ...reachability(ctx, samples),
    ...boundedPay(ctx, samples),
    ...declared(ctx, samples),
  ];
  const diagnostics = sortDiagnostics(verdicts.flatMap((v) => (v.diagnostic ? [v.diagnostic] : [])));
  return {
    verdicts,
    diagnostics,
    proved: verdicts.filter((v) => v.holds !== undefined && v.basis === 'proved').length,
    examples: verdicts.filter((v) => v.basis === 'example').length,
    searched: verdicts.filter((v) => v.basis === 'searched').length,
    failed: verdicts.filter((v) => v.holds === false).length,
    undecided: verdicts.filter((v) => v.holds === undefined).length,
    cases: samples.length + verdicts.reduce((a, v) => a + v.cases, 0),
  };
}

/** Loads a policy's text and verifies it, diagnostics placed on their lines. */
export function verifyPolicyText(
  text: string,
  file: string,
  options: Omit<VerifyOptions, 'spanOf'> = {},
): { ok: true; report: VerifyReport; policy: CompiledPolicy } | { ok: false; diagnostics: Diagnostic[] } {
  const loaded = loadPolicy(text, file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const { source } = parsePolicyText(text, file);
  const report = verifyPolicy(loaded.policy, { ...options, spanOf: (path) => spanOf(source, path, { key: true }) });
  return { ok: true, report, policy: loaded.policy };
}

export type { Verdict, Basis } from './verdict.js';
export { casesToYaml, type CounterCase } from './counterexample.js';
