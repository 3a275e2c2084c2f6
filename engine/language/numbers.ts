// Numbers a policy or a record may hold. Every number written in a policy file is checked here,
// on the YAML nodes, before the schema sees them: one walk covers every numeric position (ranges,
// defaults, thresholds, condition values, pay bases, caps, …) however the schema nests it.

import { isScalar, visit, type Scalar } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { spanAt, type SourceFile } from './parse.js';

/**
 * The most money one payout line, cap or pay base may be, per person: ¥100,000,000 (一亿元).
 * Far above any real monthly bonus, and far below where integer fen stop being exact
 * (Number.MAX_SAFE_INTEGER fen ≈ ¥90 trillion), so every figure within it adds up to the fen.
 */
export const MONEY_LIMIT_YUAN = 100_000_000;

/** A number the engine can use exactly: finite, and no larger than 2^53 − 1 in magnitude. */
export function isUsableNumber(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER;
}

/**
 * `policy_number_not_finite` for `.nan`, `.inf`, `-.inf`, `1e400`; `policy_number_too_large` beyond
 * 2^53 − 1. (`0x10`, `0o17`, `017` are refused with the YAML: limits.ts, `checkYamlMeaning`.)
 */
export function checkNumbers(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(source.doc, {
    Scalar(_key, node: Scalar) {
      if (!isScalar(node) || typeof node.value !== 'number') return;
      const written = node.range ? source.text.slice(node.range[0], node.range[1]).trim() : String(node.value);
      const span = node.range ? spanAt(source, node.range[0], node.range[1]) : { line: 1, column: 1 };
      if (isUsableNumber(node.value)) {
        // 80.999999999999999 is the double 81: more digits than a double holds, read as another number
        if (!readsAsWritten(written, node.value))
          out.push(
            diagnostic('policy_number_inexact', { written, read: String(node.value) }, { file: source.file, span }),
          );
        return;
      }
      if (!Number.isFinite(node.value)) {
        out.push(
          diagnostic(
            Number.isNaN(node.value) ? 'policy_number_not_finite' : 'policy_number_not_finite.infinite',
            { written },
            { file: source.file, span },
          ),
        );
      } else {
        out.push(
          diagnostic(
            'policy_number_too_large',
            { written, money_limit: MONEY_LIMIT_YUAN.toLocaleString('en-US') },
            { file: source.file, span },
          ),
        );
      }
    },
  });
  return out;
}

/**
 * A number inside a formula, as the expression reader reads one: digits with a fraction and an
 * exponent, not part of a name (`rate_2`, `x1e5`).
 */
const FORMULA_NUMBER = /(?<![\w.])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w.])/g;

/** What is wrong with a number written inside a formula, as with one written as a YAML value. */
export type FormulaNumberProblem = 'ambiguous' | 'not_finite' | 'too_large' | 'inexact';

/**
 * The numbers of a formula that a policy refuses as YAML values (`checkNumbers`, and `017` in
 * limits.ts): `1e400` (infinite), `9007199254740993` (beyond 2^53 − 1), `80.999999999999999` (read
 * as 81) and `017` (17 here, 15 to a reader of octal), each with its offset in the formula.
 */
export function formulaNumbers(
  text: string,
): { offset: number; written: string; value: number; problem: FormulaNumberProblem }[] {
  const out: { offset: number; written: string; value: number; problem: FormulaNumberProblem }[] = [];
  for (const m of text.matchAll(FORMULA_NUMBER)) {
    const written = m[0];
    const value = Number(written);
    const problem: FormulaNumberProblem | undefined = /^0\d+$/.test(written)
      ? 'ambiguous'
      : !Number.isFinite(value)
        ? 'not_finite'
        : !isUsableNumber(value)
          ? 'too_large'
          : readsAsWritten(written, value)
            ? undefined
            : 'inexact';
    if (problem) out.push({ offset: m.index, written, value, problem });
  }
  return out;
}

/**
 * Whether numbers as written (each read as the shortest decimal that gives its double: `33.3` is
 * 33.3, not 33.29999…) add up to exactly `total`, in decimal arithmetic: 33.3 + 33.3 + 33.4 is 100,
 * and 50 + 30 + 20.0000000001 is not (a tolerance for binary noise would have let that pass).
 */
export function addsUpExactly(values: readonly number[], total: number): boolean {
  const parts = [...values.map(decimalOf), decimalOf(-total)];
  const scale = Math.max(...parts.map((p) => p.scale));
  return parts.reduce((s, p) => s + p.digits * 10n ** BigInt(scale - p.scale), 0n) === 0n;
}

/**
 * Whether the decimal written (`0.1`, `1.50`, `1e3`, `+5`, `.5`) is exactly the shortest decimal of
 * the double it was read as: `80.999999999999999` (17 nines: the double 81) and
 * `0.12345678901234567890` are not. A text that is not a plain decimal (YAML's `0x10`, refused
 * elsewhere) is left alone.
 */
export function readsAsWritten(written: string, value: number): boolean {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(written);
  if (!m || (m[2] === '' && !m[3])) return true;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const a = normalDecimal(
    BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}` || '0'),
    fraction.length - Number(exponent),
  );
  const d = decimalOf(value);
  const b = normalDecimal(d.digits, d.scale);
  return a.digits === b.digits && a.scale === b.scale;
}

/**
 * Exactly the sum of plain decimals as written (`59.9999`, `2.05`), each times a whole number (60
 * for minutes), as a plain decimal text `Number` reads with one rounding: `2.05` minutes is `123`
 * seconds, where 2.05 × 60 in doubles is 122.99999999999999.
 */
export function exactSum(parts: readonly (readonly [written: string, times: number])[]): string {
  const read = parts.map(([w, times]) => {
    const [whole = '0', fraction = ''] = w.split('.');
    return { digits: BigInt(`${whole}${fraction}` || '0') * BigInt(times), scale: fraction.length };
  });
  return sumText(read);
}

/**
 * Exactly the middle of two numbers, each as its shortest decimal (`0.8999999999999999` and `0.9`:
 * 0.89999999999999995), as a plain decimal text `Number` reads with one rounding.
 */
export function exactMiddle(a: number, b: number): string {
  const [x, y] = [decimalOf(a), decimalOf(b)];
  // (a + b) / 2 is (a + b) × 5 one decimal place further
  return sumText([
    { digits: x.digits * 5n, scale: x.scale + 1 },
    { digits: y.digits * 5n, scale: y.scale + 1 },
  ]);
}

/** `digits` × 10^−scale added up, as a plain decimal text without trailing zeros: `12.34`, `-0.5`, `120`. */
function sumText(parts: readonly { digits: bigint; scale: number }[]): string {
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  const total = parts.reduce((s, p) => s + p.digits * 10n ** BigInt(scale - p.scale), 0n);
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** An integer times 10^−scale without trailing zeros in the integer (0 as 0 × 10^0). */
function normalDecimal(digits: bigint, scale: number): { digits: bigint; scale: number } {
  if (digits === 0n) return { digits: 0n, scale: 0 };
  while (digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { digits, scale };
}

/** A finite number as an integer and a power of ten: 33.3 → 333 × 10^−1, 1e-7 → 1 × 10^−7. */
function decimalOf(x: number): { digits: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = m;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
