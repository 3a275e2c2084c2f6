// parse → schema → semantic checks → compile, as one call. User mistakes come back as values;
// all problems of a stage are reported together, sorted by position.

import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { parsePolicyText, quotaMinSpans, spanOf } from './parse.js';
import { yamlValue } from './limits.js';
import { checkSchema } from './schema.js';
import { checkPolicy } from './check.js';
import { checkNumbers } from './numbers.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { PolicyDoc } from '../model/policy.js';

export type LoadResult =
  | { ok: true; policy: CompiledPolicy; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  /**
   * The text is known to pass the schema (another thread of the same run loaded this very text):
   * the schema check is skipped, every other step runs. A valid policy's schema check adds no
   * diagnostic, so the result is the same; never set it for text not checked before.
   */
  schemaChecked?: boolean;
}

/**
 * Loads one policy file's text. Schema problems stop before the semantic checks (those need a
 * well-formed policy to reason about); within each stage every problem is reported.
 */
export function loadPolicy(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const { source, diagnostics } = parsePolicyText(text, file);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  // `.nan`, `.inf` and numbers too large to be exact, wherever they are written
  diagnostics.push(...checkNumbers(source));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const read = yamlValue(source.doc, source.lines, file);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const value = read.value;
  if (!options.schemaChecked) diagnostics.push(...checkSchema(source, value));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  diagnostics.push(...checkPolicy(source, value as PolicyDoc));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const policy = compilePolicy(value as PolicyDoc, file);
  policy.positions = {};
  for (const key of ['performance_pay', 'awards_cap', 'cap'] as const) {
    if ((value as PolicyDoc).payout[key] === undefined) continue;
    const span = spanOf(source, ['payout', key]);
    policy.positions[key] = `${file}:${span.line}:${span.column}`;
  }
  policy.quotaMinSpans = quotaMinSpans(source, (value as PolicyDoc).calibration?.quotas);
  return { ok: true, policy, diagnostics: sortDiagnostics(diagnostics) };
}
