// What every area of the semantic checks shares: the policy, where to report, the names it
// declares, and the helpers that word a diagnostic (hints, numbers, flow-style conditions).

import {
  diagnostic,
  type ArgNames,
  type Diagnostic,
  type MessageId,
  type Severity,
  type Span,
} from '../../model/diagnostic.js';
import type { PolicyDoc } from '../../model/policy.js';
import { parseExpression, type Expr } from '../expression.js';
import { formulaNumbers, MONEY_LIMIT_YUAN } from '../numbers.js';
import { nodeAt, spanAt, spanOf, type Path, type SourceFile } from '../parse.js';
import { closest } from '../schema.js';
import { TeamDirectory } from '../teams.js';
import { isScalar } from 'yaml';

export const EPSILON = 1e-9;

/** The arguments a catalogue entry's templates name. */
export type ArgsFor<C extends MessageId> = { [K in ArgNames<C>]: string | number };

/** Reports catalogue entry `id` (a code or `code.variant`) at the YAML node at `path` (its key with `key: true`). */
export type Report = <C extends MessageId>(
  id: C,
  args: ArgsFor<C>,
  path: Path,
  opts?: { key?: boolean; severity?: Severity },
) => void;

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
  const report: Report = (id, args, path, opts = {}) =>
    out.push(
      diagnostic(id, args, {
        severity: opts.severity ?? 'error',
        file: source.file,
        span: spanOf(source, path, { key: opts.key }),
        path: [...path],
      }),
    );
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
  const node = nodeAt(source, path);
  /** The span of the formula's character at `offset`, or of the whole scalar when it cannot be told. */
  const at = (offset: number | undefined, length = 0): Span => {
    if (!node?.range || offset === undefined || !isScalar(node)) return spanOf(source, path);
    const [from, to] = node.range;
    const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    let start = from + (quoted ? 1 : 0) + offset;
    if (block || source.text.slice(from, to).includes('\n')) {
      // a formula over several lines (`expr: >-` and the lines below it): indentation and line
      // breaks are all that differ from the value, so the character at `offset` is the source's
      // character with as many non-blank characters before it, counted from the first line of text
      let marks = 0;
      for (let k = 0; k < offset; k++) if (!/\s/.test(text[k]!)) marks++;
      start = block ? source.text.indexOf('\n', from) + 1 : from + (quoted ? 1 : 0);
      let after = start; // just past the last non-blank character: where an error at the end points
      for (; start < to; start++) {
        if (/\s/.test(source.text[start]!)) continue;
        if (marks === 0) break;
        marks--;
        after = start + 1;
      }
      if (start >= to) start = after;
    }
    return spanAt(source, start, length > 0 ? start + length : undefined);
  };
  // numbers inside a formula are refused as the same numbers written as YAML values are, at the number
  const numbers = formulaNumbers(text);
  for (const n of numbers) {
    const where = { file: source.file, span: at(n.offset, n.written.length), path: [...path] };
    const written = n.written;
    if (n.problem === 'ambiguous')
      ctx.out.push(diagnostic('policy_number_ambiguous', { written, decimal: String(n.value) }, where));
    else if (n.problem === 'not_finite')
      ctx.out.push(diagnostic('policy_number_not_finite.infinite', { written }, where));
    else if (n.problem === 'too_large')
      ctx.out.push(
        diagnostic(
          'policy_number_too_large',
          { written, money_limit: MONEY_LIMIT_YUAN.toLocaleString('en-US') },
          where,
        ),
      );
    else ctx.out.push(diagnostic('policy_number_inexact', { written, read: String(n.value) }, where));
  }
  if (numbers.length > 0) return undefined;
  const parsed = parseExpression(text);
  if (parsed.ok) return parsed.expr;
  const { id, args } = parsed.problem;
  ctx.out.push(
    diagnostic(id, { ...args, text } as ArgsFor<typeof id>, {
      file: source.file,
      span: at(parsed.offset),
      path: [...path],
    }),
  );
  return undefined;
}

/**
 * For a help that lists what a name could have been: every candidate as `known` (joined with `, `,
 * which reads in both languages) and, when one is close enough to be a typo, that one as `near`.
 */
export function suggest(word: string, candidates: readonly string[]): { near?: string; known: string } {
  const near = closest(word, candidates);
  const known = candidates.join(', ');
  return near === undefined ? { known } : { near, known };
}

/** A condition as one line of YAML flow style, for a help text. */
export function flow(v: unknown): string {
  if (Array.isArray(v)) return `[ ${v.map(flow).join(', ')} ]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flow(x)}`)
      .join(', ')} }`;
  return String(v);
}

export function dotted(path: Path): string {
  return path.join('.');
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * `x` for a message that says it is not `limit`: rounded as `round` does, unless that shows the
 * limit itself (weights of 100.0000001 would read "sum to 100, not 100"); then as written.
 */
export function roundApart(x: number, limit: number): number {
  const r = round(x);
  return r === limit ? Number(x.toPrecision(15)) : r;
}

/** A metric read from the data as a ratio with no `range` of its own: its values lie from 0 to 1. */
export function isPlainRatio(ctx: CheckContext, id: string): boolean {
  const m = Object.hasOwn(ctx.policy.metrics, id) ? ctx.policy.metrics[id] : undefined;
  return m?.unit === 'ratio' && m.range === undefined;
}
