// Arithmetic in policies (derived metrics, payout formulas): parsed once by jsep, evaluated by a
// whitelisted tree compiled once into closures. No eval, no new Function: only the node types and
// functions below run.

import { isUsableNumber } from './numbers.js';
import jsep from 'jsep';
import { LIMITS } from './limits.js';
import type { ArgNames, MessageId } from '../model/diagnostic.js';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: string }
  | { kind: 'unary'; op: '-' | '+' | '!'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

const BINARY_OPS = new Set<string>(['+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', '&&', '||']);

const FUNCTIONS = {
  min: { minArgs: 1, maxArgs: Infinity },
  max: { minArgs: 1, maxArgs: Infinity },
  abs: { minArgs: 1, maxArgs: 1 },
  round: { minArgs: 1, maxArgs: 2 },
  floor: { minArgs: 1, maxArgs: 1 },
  ceil: { minArgs: 1, maxArgs: 1 },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

type ExpressionMessage = Extract<MessageId, `policy_expression_${string}`>;

/**
 * What is wrong with an expression, as its catalogue entry and arguments; where it is reported
 * the expression itself is added as `text`.
 */
export type ExpressionProblem = {
  [C in ExpressionMessage]: { id: C; args: { [K in Exclude<ArgNames<C>, 'text'>]: string | number } };
}[ExpressionMessage];

/**
 * `tooLarge`: over a limit of docs/limits.md (reported as `policy_expression_too_large`), not a
 * syntax error. `message` says the problem in English for a log; `problem` is what a diagnostic is
 * built from.
 */
export type ParseResult =
  | { ok: true; expr: Expr }
  | { ok: false; message: string; problem: ExpressionProblem; offset?: number; tooLarge?: boolean };

/** The limits the `policy_expression_too_large` help names. */
const LIMIT_ARGS = {
  max_length: LIMITS.expressionLength,
  max_nodes: LIMITS.expressionNodes,
  max_arguments: LIMITS.functionArguments,
};

/** `80% + x`, `110% - 100`, `80%+pay_base`: a number, `%`, then a sign before a space, a name or a parenthesis. */
const PERCENT_WRITTEN = /\d%\s*[+-](?=\s|[A-Za-z_(\u4e00-\u9fff])/;

/** The comparisons that order two numbers: one of them as an operand of another is a chain. */
const ORDERING = new Set(['<', '<=', '>', '>=']);
const isComparison = (e: Expr) => e.kind === 'binary' && (ORDERING.has(e.op) || e.op === '==' || e.op === '!=');

/** Parses an expression string into our own small tree, rejecting anything not whitelisted. */
export function parseExpression(text: string): ParseResult {
  // bounded before jsep and the tree walks below, which recurse once per operator
  if (text.length > LIMITS.expressionLength) {
    const problem: ExpressionProblem = {
      id: 'policy_expression_too_large',
      args: { length: text.length, ...LIMIT_ARGS },
    };
    return {
      ok: false,
      tooLarge: true,
      message: `the expression has ${text.length} characters, more than the ${LIMITS.expressionLength} an expression may have`,
      problem,
    };
  }
  // `pay_base * 80% + x` reads as 80 % (+x), the remainder of a division: 0 for every record. A
  // number written against `%` with a sign and a term after it is percent as people write it; a
  // remainder by a negative number (`7 % -3`) is written otherwise
  if (PERCENT_WRITTEN.test(text))
    return {
      ok: false,
      message: '`%` is the remainder of a division, not percent: write 80% as 0.8',
      problem: { id: 'policy_expression_syntax.percent', args: {} },
      offset: text.search(PERCENT_WRITTEN) + 1,
    };
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    if (error instanceof RangeError)
      return {
        ok: false,
        tooLarge: true,
        message: `the expression nests too deeply to read`,
        problem: { id: 'policy_expression_too_large.depth', args: LIMIT_ARGS },
      };
    const e = error as { description?: string; index?: number; message?: string };
    // jsep's own words (`Unclosed (`), in English
    const detail = e.description ?? e.message ?? 'cannot parse';
    return {
      ok: false,
      message: detail,
      problem: { id: 'policy_expression_syntax', args: { detail } },
      offset: e.index,
    };
  }
  const nodes = countNodes(tree);
  if (nodes > LIMITS.expressionNodes) {
    return {
      ok: false,
      tooLarge: true,
      message: `the expression has more than ${LIMITS.expressionNodes} numbers, names and operators`,
      problem: { id: 'policy_expression_too_large.nodes', args: LIMIT_ARGS },
    };
  }
  try {
    return { ok: true, expr: convert(tree) };
  } catch (error) {
    if (error instanceof ExpressionError)
      return {
        ok: false,
        message: error.message,
        problem: error.problem,
        ...(error.problem.id.startsWith('policy_expression_too_large') ? { tooLarge: true } : {}),
      };
    throw error;
  }
}

class ExpressionError extends Error {
  constructor(
    message: string,
    readonly problem: ExpressionProblem,
  ) {
    super(message);
  }
}

/** Nodes of jsep's tree, counted with an explicit stack (stops counting past the limit). */
function countNodes(tree: jsep.Expression): number {
  let count = 0;
  const stack: unknown[] = [tree];
  while (stack.length && count <= LIMITS.expressionNodes) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node.slice(0, LIMITS.expressionNodes + 1));
      continue;
    }
    if (typeof (node as { type?: unknown }).type !== 'string') continue;
    count++;
    for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
  }
  return count;
}

function convert(node: jsep.Expression): Expr {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      const raw = (node as jsep.Literal).raw;
      if (typeof value !== 'number')
        throw new ExpressionError(`only numbers are allowed, not \`${raw}\``, {
          id: 'policy_expression_syntax.literal',
          args: { literal: raw },
        });
      if (!isUsableNumber(value))
        throw new ExpressionError(`number \`${raw}\` is too large to be exact (at most 9007199254740991)`, {
          id: 'policy_expression_syntax.number_too_large',
          args: { number: raw },
        });
      return { kind: 'num', value };
    }
    case 'Identifier':
      return { kind: 'var', name: (node as jsep.Identifier).name };
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator !== '-' && u.operator !== '+' && u.operator !== '!')
        throw new ExpressionError(`operator \`${u.operator}\` is not allowed`, {
          id: 'policy_expression_syntax.operator',
          args: { operator: u.operator },
        });
      return { kind: 'unary', op: u.operator, arg: convert(u.argument) };
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (!BINARY_OPS.has(b.operator))
        throw new ExpressionError(`operator \`${b.operator}\` is not allowed`, {
          id: 'policy_expression_syntax.operator',
          args: { operator: b.operator },
        });
      const right = convert(b.right);
      // a literal 0 divides every record by zero: a mistake, never a formula
      const zero =
        right.kind === 'num'
          ? right.value === 0
          : right.kind === 'unary' && right.arg.kind === 'num' && right.arg.value === 0;
      if ((b.operator === '/' || b.operator === '%') && zero)
        throw new ExpressionError(`\`${b.operator} 0\` divides by zero for every record`, {
          id: 'policy_expression_syntax.divide_by_zero',
          args: { operator: b.operator },
        });
      const left = convert(b.left);
      // `60 <= score < 80` reads as (60 <= score) < 80, a 0 or 1 against 80: always true
      if (ORDERING.has(b.operator) && (isComparison(left) || isComparison(right)))
        throw new ExpressionError('comparisons do not chain: write `60 <= score && score < 80`', {
          id: 'policy_expression_syntax.chained_comparison',
          args: {},
        });
      return { kind: 'binary', op: b.operator as BinaryOp, left, right };
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return { kind: 'cond', test: convert(c.test), then: convert(c.consequent), else: convert(c.alternate) };
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      if (c.callee.type !== 'Identifier')
        throw new ExpressionError('only named functions can be called', {
          id: 'policy_expression_syntax.callee',
          args: {},
        });
      const name = (c.callee as jsep.Identifier).name;
      const functions = FUNCTION_NAMES.join(', ');
      if (!Object.hasOwn(FUNCTIONS, name))
        throw new ExpressionError(`unknown function \`${name}\`; known: ${functions}`, {
          id: 'policy_expression_syntax.unknown_function',
          args: { name, functions },
        });
      const spec = FUNCTIONS[name as FunctionName];
      const given = c.arguments.length;
      if (given > LIMITS.functionArguments) {
        throw new ExpressionError(
          `\`${name}\` has ${given} arguments, more than the ${LIMITS.functionArguments} a function may take`,
          { id: 'policy_expression_too_large.arguments', args: { name, count: given, ...LIMIT_ARGS } },
        );
      }
      if (given < spec.minArgs || given > spec.maxArgs) throw arityError(name, spec, given);
      const args = c.arguments.map(convert);
      // round's digits are a whole number: `round(x, 0.5)` scaled by 10^0.5
      const digits = name === 'round' ? args[1] : undefined;
      const written = digits?.kind === 'unary' && digits.op === '-' ? digits.arg : digits;
      if (written?.kind === 'num' && !Number.isInteger(written.value)) {
        // the digits as written, their sign too
        const shown = written === digits ? written.value : -written.value;
        throw new ExpressionError(`\`round\` takes a whole number of digits, not ${shown}`, {
          id: 'policy_expression_syntax.round_digits',
          args: { digits: shown },
        });
      }
      return { kind: 'call', fn: name as FunctionName, args };
    }
    default:
      throw new ExpressionError(`\`${node.type}\` is not allowed in an expression`, {
        id: 'policy_expression_syntax.node_type',
        args: { type: node.type },
      });
  }
}

/** A call with too few or too many arguments: `abs` takes 1, `round` 1 to 2, `min` 1 or more. */
function arityError(name: string, spec: { minArgs: number; maxArgs: number }, given: number): ExpressionError {
  const { minArgs: min, maxArgs: max } = spec;
  if (min === max)
    return new ExpressionError(`\`${name}\` takes ${min} argument(s), got ${given}`, {
      id: 'policy_expression_syntax.arity',
      args: { name, count: min, given },
    });
  if (max === Infinity)
    return new ExpressionError(`\`${name}\` takes ${min} to any number of argument(s), got ${given}`, {
      id: 'policy_expression_syntax.arity_open',
      args: { name, min, given },
    });
  return new ExpressionError(`\`${name}\` takes ${min} to ${max} argument(s), got ${given}`, {
    id: 'policy_expression_syntax.arity_range',
    args: { name, min, max, given },
  });
}

/** Every variable an expression reads, in order of first use. */
export function variablesOf(expr: Expr, into: string[] = []): string[] {
  switch (expr.kind) {
    case 'var':
      if (!into.includes(expr.name)) into.push(expr.name);
      break;
    case 'unary':
      variablesOf(expr.arg, into);
      break;
    case 'binary':
      variablesOf(expr.left, into);
      variablesOf(expr.right, into);
      break;
    case 'cond':
      variablesOf(expr.test, into);
      variablesOf(expr.then, into);
      variablesOf(expr.else, into);
      break;
    case 'call':
      for (const a of expr.args) variablesOf(a, into);
      break;
  }
  return into;
}

/** Variable values an expression reads by name; a name that is absent reads as missing. */
export type Scope = Readonly<Record<string, unknown>>;

/** An expression turned once into closures: call it with a scope for each record. */
export type CompiledExpr = (scope: Scope) => number | undefined;

/**
 * A record's facts as an array, each fact at the index (its slot) a per-policy table gives it
 * (`FactSlots` in compile.ts): what the evaluation's hot path reads instead of names.
 */
export type SlotValues = readonly unknown[];

/** An expression compiled against a slot table: call it with the record's fact array. */
export type SlotExpr = (values: SlotValues) => number | undefined;

/**
 * Turns an expression into closures, once. The result is undefined when it is not a finite number
 * (a missing variable, division by zero): callers decide what an undefined value means.
 */
export function compileExpression(expr: Expr): CompiledExpr {
  return finite(closure<Scope>(expr, byName));
}

/**
 * The same closures (the same code path as `compileExpression`), reading each variable from its
 * slot: `slotOf` gives a name's index in the fact array, or undefined for a name the table lacks
 * (it reads as missing, as an absent name does in a scope).
 */
export function compileSlotExpression(expr: Expr, slotOf: (name: string) => number | undefined): SlotExpr {
  return finite(
    closure<SlotValues>(
      expr,
      (name) => {
        const slot = slotOf(name);
        return slot === undefined ? missing : (values) => values[slot] as number | undefined;
      },
      onSlots(slotOf),
    ),
  );
}

function finite<S>(run: Run<S>): (scope: S) => number | undefined {
  return (scope) => {
    const value = run(scope);
    return value === undefined || !Number.isFinite(value) ? undefined : value;
  };
}

const byName =
  (name: string): Run<Scope> =>
  (scope) =>
    scope[name] as number | undefined;
const missing = (): undefined => undefined;

/** One-off evaluation; code that evaluates an expression for many records compiles it once. */
export function evaluateExpression(expr: Expr, scope: Scope): number | undefined {
  return compileExpression(expr)(scope);
}

/**
 * l + r of the decimals they mean. Subtracting close decimals leaves binary noise relative to the
 * operands, not to the result: 0.47 − 0.4 is 0.06999999999999995 (× 100: 6.999999999999995, whose
 * 15 significant digits are 6.99999999999999), 0.282 − 0.281 is 0.0009999999999999454, 100000.03 −
 * 100000 is 0.029999999998835847, and no cleaning of the result's own digits removes it. Where the
 * result is smaller than the larger operand (the operands cancel) and both operands are decimals of
 * at most 12 significant digits (data and policy numbers, and sums of them; not a quotient such as
 * 100.333…, whose digits are all meant), the result is rounded to the operands' 15th significant
 * digit: 0.07, 0.001, 0.03. Any other sum is returned as computed (one comparison, the common case).
 */
function plus(l: number, r: number): number {
  const sum = l + r;
  const scale = Math.max(Math.abs(l), Math.abs(r));
  if (Math.abs(sum) >= scale || sum === 0 || !(scale < 1e15) || !isShort(l) || !isShort(r)) return sum;
  // the decimals of the operands' 15th significant digit
  const digits = 14 - Math.floor(Math.log10(scale));
  return digits > 100 ? sum : Number(sum.toFixed(digits));
}

/** Whether x is a decimal of at most 12 significant digits, give or take binary noise (15 digits of it say so). */
function isShort(x: number): boolean {
  if (Number.isInteger(x)) return Math.abs(x) < 1e12;
  const c = Number(x.toPrecision(15));
  return Number(c.toPrecision(12)) === c;
}

/** A compiled node: `S` is where variables are read from (a named scope or a slot array). */
type Run<S> = (scope: S) => number | undefined;

const BINARY: Record<BinaryOp, (l: number, r: number) => number | undefined> = {
  '+': (l, r) => plus(l, r),
  '-': (l, r) => plus(l, -r),
  '*': (l, r) => l * r,
  '/': (l, r) => (r === 0 ? undefined : l / r),
  '%': (l, r) => (r === 0 ? undefined : decimalRemainder(l, r)),
  '<': (l, r) => (compareDecimal(l, r) < 0 ? 1 : 0),
  '<=': (l, r) => (compareDecimal(l, r) <= 0 ? 1 : 0),
  '>': (l, r) => (compareDecimal(l, r) > 0 ? 1 : 0),
  '>=': (l, r) => (compareDecimal(l, r) >= 0 ? 1 : 0),
  '==': (l, r) => (compareDecimal(l, r) === 0 ? 1 : 0),
  '!=': (l, r) => (compareDecimal(l, r) !== 0 ? 1 : 0),
  '&&': (l, r) => (l && r ? 1 : 0),
  '||': (l, r) => (l || r ? 1 : 0),
};

/**
 * The four arithmetic operators as closures of their own, each operator's code its own function
 * (a call site that always sees one operator, not the operator table's closures called through):
 * `left op right`, either side undefined giving undefined, `/` by 0 undefined, as BINARY says.
 * Arithmetic on the fact array is the evaluation's hot path (derived metrics, payout formulas).
 */
type Arithmetic = '+' | '-' | '*' | '/';
const isArithmetic = (op: BinaryOp): op is Arithmetic => op === '+' || op === '-' || op === '*' || op === '/';

function arithmetic<S>(op: Arithmetic, left: Run<S>, right: Run<S>): Run<S> {
  // biome-ignore format: one line per operator
  switch (op) {
    case '+': return (scope) => { const l = left(scope); const r = right(scope); return l === undefined || r === undefined ? undefined : plus(l, r); };
    case '-': return (scope) => { const l = left(scope); const r = right(scope); return l === undefined || r === undefined ? undefined : plus(l, -r); };
    case '*': return (scope) => { const l = left(scope); const r = right(scope); return l === undefined || r === undefined ? undefined : l * r; };
    case '/': return (scope) => { const l = left(scope); const r = right(scope); return l === undefined || r === undefined ? undefined : r === 0 ? undefined : l / r; };
  }
}

/** `left op c` for a constant `c` (`… / 100`, `pay_base * 3`): the constant is not called for. */
function arithmeticByConstant<S>(op: Arithmetic, left: Run<S>, c: number): Run<S> {
  // biome-ignore format: one line per operator
  switch (op) {
    case '+': return (scope) => { const l = left(scope); return l === undefined ? undefined : plus(l, c); };
    case '-': return (scope) => { const l = left(scope); return l === undefined ? undefined : plus(l, -c); };
    case '*': return (scope) => { const l = left(scope); return l === undefined ? undefined : l * c; };
    case '/': return c === 0 ? () => undefined : (scope) => { const l = left(scope); return l === undefined ? undefined : l / c; };
  }
}

/**
 * Arithmetic on two facts in their slots, or on a fact and a constant (`leads / profile_visits`,
 * `pay_base * 3`), read from the fact array directly: one closure, not one per operand. Undefined
 * for anything else (and for a name the slot table lacks, which reads as missing the usual way).
 */
interface SlotArithmetic {
  /** `e` as one closure when both its operands are read from the fact array or one is a constant. */
  direct: (e: Extract<Expr, { kind: 'binary' }>) => Run<SlotValues> | undefined;
  /** A name's slot, undefined when the table lacks it. */
  slotOf: (name: string) => number | undefined;
}

function onSlots(slotOf: (name: string) => number | undefined): SlotArithmetic {
  return { direct: directArithmetic(slotOf), slotOf };
}

/**
 * `fact op right`, a fact in its slot and any other operand (`pay_base * min(score, 120)`): the
 * fact read in the closure, the other side called, both evaluated as `arithmetic` evaluates them.
 */
function factByRun(op: Arithmetic, a: number, right: Run<SlotValues>): Run<SlotValues> {
  // biome-ignore format: one line per operator
  switch (op) {
    case '+': return (v) => { const l = v[a] as number | undefined; const r = right(v); return l === undefined || r === undefined ? undefined : plus(l, r); };
    case '-': return (v) => { const l = v[a] as number | undefined; const r = right(v); return l === undefined || r === undefined ? undefined : plus(l, -r); };
    case '*': return (v) => { const l = v[a] as number | undefined; const r = right(v); return l === undefined || r === undefined ? undefined : l * r; };
    case '/': return (v) => { const l = v[a] as number | undefined; const r = right(v); return l === undefined || r === undefined ? undefined : r === 0 ? undefined : l / r; };
  }
}

/**
 * `min(fact, c)` or `max(fact, c)` of a fact in its slot and a constant (`min(score, 120)`), as the
 * two-argument closure computes it: the fact undefined gives undefined.
 */
function factAndConstant(fn: 'min' | 'max', a: number, c: number): Run<SlotValues> {
  return fn === 'min'
    ? (v) => {
        const x = v[a] as number | undefined;
        return x === undefined ? undefined : Math.min(x, c);
      }
    : (v) => {
        const x = v[a] as number | undefined;
        return x === undefined ? undefined : Math.max(x, c);
      };
}

function directArithmetic(slotOf: (name: string) => number | undefined): SlotArithmetic['direct'] {
  return (e) => {
    const op = e.op;
    if (!isArithmetic(op) || e.left.kind !== 'var') return undefined;
    const a = slotOf(e.left.name);
    if (a === undefined) return undefined;
    if (e.right.kind === 'num') {
      const c = e.right.value;
      return arithmeticByConstant(op, (values) => values[a] as number | undefined, c);
    }
    if (e.right.kind !== 'var') return undefined;
    const b = slotOf(e.right.name);
    if (b === undefined) return undefined;
    // biome-ignore format: one line per operator
    switch (op) {
      case '+': return (v) => { const l = v[a] as number | undefined; const r = v[b] as number | undefined; return l === undefined || r === undefined ? undefined : plus(l, r); };
      case '-': return (v) => { const l = v[a] as number | undefined; const r = v[b] as number | undefined; return l === undefined || r === undefined ? undefined : plus(l, -r); };
      case '*': return (v) => { const l = v[a] as number | undefined; const r = v[b] as number | undefined; return l === undefined || r === undefined ? undefined : l * r; };
      case '/': return (v) => { const l = v[a] as number | undefined; const r = v[b] as number | undefined; return l === undefined || r === undefined ? undefined : r === 0 ? undefined : l / r; };
    }
  };
}

/**
 * The one compiler of expressions: `variable` says how a name is read; `slots`, given when the
 * names are read from the fact array, reads the operands of simple arithmetic from it directly.
 */
function closure<S>(e: Expr, variable: (name: string) => Run<S>, slots?: SlotArithmetic): Run<S> {
  switch (e.kind) {
    case 'num': {
      const { value } = e;
      return () => value;
    }
    case 'var':
      return variable(e.name);
    case 'unary': {
      const arg = closure(e.arg, variable, slots);
      const op = e.op;
      return (scope) => {
        const v = arg(scope);
        if (v === undefined) return undefined;
        return op === '-' ? -v : op === '+' ? v : v ? 0 : 1;
      };
    }
    case 'binary': {
      const direct = slots?.direct(e);
      if (direct) return direct as unknown as Run<S>;
      const left = closure(e.left, variable, slots);
      if (isArithmetic(e.op) && e.right.kind === 'num') return arithmeticByConstant(e.op, left, e.right.value);
      const right = closure(e.right, variable, slots);
      if (isArithmetic(e.op)) {
        const a = slots && e.left.kind === 'var' ? slots.slotOf(e.left.name) : undefined;
        if (a !== undefined) return factByRun(e.op, a, right as unknown as Run<SlotValues>) as unknown as Run<S>;
        return arithmetic(e.op, left, right);
      }
      const op = BINARY[e.op];
      return (scope) => {
        const l = left(scope);
        const r = right(scope);
        return l === undefined || r === undefined ? undefined : op(l, r);
      };
    }
    case 'cond': {
      const test = closure(e.test, variable, slots);
      const then = closure(e.then, variable, slots);
      const otherwise = closure(e.else, variable, slots);
      return (scope) => {
        const t = test(scope);
        if (t === undefined) return undefined;
        return t ? then(scope) : otherwise(scope);
      };
    }
    case 'call': {
      const args = e.args.map((a) => closure(a, variable, slots));
      const fn = e.fn;
      // no array per call: min and max fold their arguments, the others take one or two
      if ((fn === 'min' || fn === 'max') && args.length === 2 && slots) {
        const [x, y] = e.args as [Expr, Expr];
        const a = x.kind === 'var' ? slots.slotOf(x.name) : undefined;
        if (a !== undefined && y.kind === 'num') return factAndConstant(fn, a, y.value) as unknown as Run<S>;
      }
      if ((fn === 'min' || fn === 'max') && args.length === 2) {
        // the common `min(score, 120)`: the two arguments in order, the first undefined one ends it
        const [a, b] = args as [Run<S>, Run<S>];
        return fn === 'min'
          ? (scope) => {
              const x = a(scope);
              if (x === undefined) return undefined;
              const y = b(scope);
              return y === undefined ? undefined : Math.min(x, y);
            }
          : (scope) => {
              const x = a(scope);
              if (x === undefined) return undefined;
              const y = b(scope);
              return y === undefined ? undefined : Math.max(x, y);
            };
      }
      if (fn === 'min' || fn === 'max') {
        const pick = fn === 'min' ? Math.min : Math.max;
        return (scope) => {
          let best: number | undefined;
          for (const a of args) {
            const v = a(scope);
            if (v === undefined) return undefined;
            best = best === undefined ? v : pick(best, v);
          }
          return best;
        };
      }
      // parseExpression let abs, floor, ceil and round through only with a first argument
      const first = args[0]!;
      const second = args[1];
      return (scope) => {
        const x = first(scope);
        if (x === undefined) return undefined;
        const digits = second ? second(scope) : 0;
        if (digits === undefined) return undefined;
        switch (fn) {
          case 'abs':
            return Math.abs(x);
          case 'floor':
            return decimalFloor(x);
          case 'ceil':
            return -decimalFloor(-x);
          case 'round': {
            const f = 10 ** digits;
            return roundHalfAwayFromZero(x * f) / f;
          }
        }
      };
    }
  }
}

// Inside a formula a number is the decimal it means, as the formula's final value is (withoutNoise,
// 15 significant digits): floor, ceil, % and the comparisons see 0.7 + 0.1 as 0.8 and
// (0.47 − 0.4) × 100 as 7, not the binary 0.7999999999999999 and 6.999999999999995. The fast paths
// skip the 15-digit text whenever the noise cannot change the answer: it moves a number by at most
// 5 × 10^−15 of itself.

/** x to 15 significant digits: the decimal a sum or product of decimals means. */
const decimal = (x: number): number => Number(x.toPrecision(15));

/**
 * floor(x) of the decimal x means: a whole number less than 10^−9 above x (or 10^−14 of x, for
 * large x) is the floor. Subtracting close decimals leaves noise relative to the operands, not to
 * the result ((0.41 − 0.4) × 100 is 0.9999999999999953), which 15 significant digits of the result
 * do not remove; data and policies hold far fewer decimals than 9.
 */
function decimalFloor(x: number): number {
  const up = Math.floor(x) + 1;
  return up - x < Math.max(1e-9, Math.abs(x) * 1e-14) ? up : up - 1;
}

/** The sign of l − r between the decimals l and r mean: 0 when they are the same decimal. */
function compareDecimal(l: number, r: number): number {
  if (l === r) return 0;
  if (Math.abs(l - r) > Math.max(Math.abs(l), Math.abs(r)) * 1e-13) return l < r ? -1 : 1;
  const a = decimal(l);
  const b = decimal(r);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** l % r (sign of l, as JavaScript's) of the decimals they mean: 0.8 % 0.1 is 0, not 0.09999999999999995. */
function decimalRemainder(l: number, r: number): number {
  const rest = l - r * Math.trunc(decimal(l / r));
  // to 15 significant digits of l, whose noise the subtraction keeps (0.75 − 0.7000000000000001)
  if (l === 0 || !Number.isFinite(rest)) return rest;
  const k = 15 - (Math.floor(Math.log10(Math.abs(l))) + 1);
  if (k <= 0 || k > 300) return decimal(rest);
  const f = 10 ** k;
  return Math.round(rest * f) / f;
}

function roundHalfAwayFromZero(x: number): number {
  const clean = Number(x.toPrecision(15));
  return Math.sign(clean) * Math.round(Math.abs(clean));
}
