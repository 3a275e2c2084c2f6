// Why a formula has no value for one record: the divisor that is 0, or the name that has no value.
// Asked only after a formula came out undefined (a record about to be excluded), so it may compile
// the formula's parts again; the hot path never runs it. The parts are evaluated by the same
// compiled closures as the formula (compileExpression), so the cause it names is the one that
// made the value undefined.

import { compileExpression, type Expr, type Scope } from './expression.js';

export type UndefinedCause = { kind: 'divisor'; divisor: string } | { kind: 'missing'; name: string };

/**
 * The first cause, in evaluation order, of `expr` having no value in `scope`: a variable without a
 * value, or a `/` or `%` whose divisor is 0 (named by its text: `spend`, `(visits - bounces)`).
 * Undefined when neither (the value overflowed, or the formula has a value after all).
 */
export function undefinedCause(expr: Expr, scope: Scope): UndefinedCause | undefined {
  const has = (e: Expr) => compileExpression(e)(scope) !== undefined;
  const walk = (e: Expr): UndefinedCause | undefined => {
    switch (e.kind) {
      case 'num':
        return undefined;
      case 'var':
        return scope[e.name] === undefined || scope[e.name] === null ? { kind: 'missing', name: e.name } : undefined;
      case 'unary':
        return walk(e.arg);
      case 'binary': {
        if (!has(e.left)) return walk(e.left);
        if (!has(e.right)) return walk(e.right);
        if ((e.op === '/' || e.op === '%') && compileExpression(e.right)(scope) === 0)
          return { kind: 'divisor', divisor: exprText(e.right) };
        return undefined;
      }
      case 'cond': {
        if (!has(e.test)) return walk(e.test);
        return walk(compileExpression(e.test)(scope) ? e.then : e.else);
      }
      case 'call': {
        for (const a of e.args) if (!has(a)) return walk(a);
        return undefined;
      }
    }
  };
  return walk(expr);
}

/** An expression as text: names and numbers as written, every compound part in parentheses. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'var':
      return e.name;
    case 'unary':
      return `${e.op}${exprText(e.arg)}`;
    case 'binary':
      return `(${exprText(e.left)} ${e.op} ${exprText(e.right)})`;
    case 'cond':
      return `(${exprText(e.test)} ? ${exprText(e.then)} : ${exprText(e.else)})`;
    case 'call':
      return `${e.fn}(${e.args.map(exprText).join(', ')})`;
  }
}
