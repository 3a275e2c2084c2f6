// What every area of the semantic checks shares: the policy, where to report, the names it
// declares, and the helpers that word a diagnostic (hints, numbers, flow-style conditions).

import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { PolicyDoc } from '../../model/policy.js';
import { EXPRESSION_LIMITS_HELP, parseExpression, type Expr } from '../expression.js';
import { nodeAt, spanAt, spanOf, type Path, type SourceFile } from '../parse.js';
import { closest } from '../schema.js';
import { TeamDirectory } from '../teams.js';
import { isScalar } from 'yaml';

export const EPSILON = 1e-9;

export type Report = (code: string, path: Path, message: string, help: string, opts?: { key?: boolean; severity?: Severity }) => void;

export interface CheckContext {
  source: SourceFile;
  policy: PolicyDoc;
  /** Every diagnostic so far, in the order found (loadPolicy sorts them by position). */
  out: Diagnostic[];
  report: Report;
  stages: string[];
  grades: string[];
  /** Metric and derived-metric ids. */
  known: Set<string>;
  teams?: TeamDirectory;
}

export function checkContext(source: SourceFile, policy: PolicyDoc): CheckContext {
  const out: Diagnostic[] = [];
  const report: Report = (code, path, message, help, opts = {}) =>
    out.push({ code, severity: opts.severity ?? 'error', message, help, file: source.file, span: spanOf(source, path, { key: opts.key }), path: [...path] });
  return {
    source,
    policy,
    out,
    report,
    stages: Object.keys(policy.stages),
    grades: policy.grades.map((g) => g.grade),
    known: new Set([...Object.keys(policy.metrics), ...Object.keys(policy.derived ?? {})]),
    teams: policy.teams ? new TeamDirectory(Object.entries(policy.teams).map(([id, t]) => ({ id, ...t }))) : undefined,
  };
}

/** Parses an expression and reports a syntax error at the exact character inside the YAML scalar. */
export function parseAt(ctx: CheckContext, path: Path, text: string): Expr | undefined {
  const { source } = ctx;
  const parsed = parseExpression(text);
  if (parsed.ok) return parsed.expr;
  const node = nodeAt(source, path);
  let span = spanOf(source, path);
  if (node?.range && parsed.offset !== undefined && isScalar(node)) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    span = spanAt(source, node.range[0] + (quoted ? 1 : 0) + parsed.offset);
  }
  ctx.out.push({
    code: parsed.tooLarge ? 'policy_expression_too_large' : 'policy_expression_syntax',
    severity: 'error',
    message: parsed.tooLarge ? parsed.message : `cannot read expression \`${text}\`: ${parsed.message}`,
    help: parsed.tooLarge ? EXPRESSION_LIMITS_HELP : 'expressions use metric ids, numbers, + - * / ( ), comparisons, `a ? b : c` and min max abs round floor ceil',
    file: source.file,
    span,
    path: [...path],
  });
  return undefined;
}

export function hint(word: string, candidates: readonly string[], what: string): string {
  const near = closest(word, candidates);
  return near ? `did you mean \`${near}\`? known ${what}: ${candidates.join(', ')}` : `known ${what}: ${candidates.join(', ')}`;
}

/** A condition as one line of YAML flow style, for a help text. */
export function flow(v: unknown): string {
  if (Array.isArray(v)) return `[ ${v.map(flow).join(', ')} ]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
  return String(v);
}

export function dotted(path: Path): string {
  return path.join('.');
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
