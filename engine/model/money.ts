// Money is carried as integer fen from the moment a payout line is rounded; totals add integers,
// so a total always equals the sum of its lines. This module is the one place that converts
// between yuan (policy values, data values, JSON output) and fen (scorecards, totals, ledgers).
// Scores are rounded the same careful way.

import type { RoundingMode } from './policy.js';

/** Removes binary noise (0.1 + 0.2 → 0.3) before a rounding decision is made. */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

export function roundUnits(units: number, mode: RoundingMode): number {
  // Fast paths that give exactly what the careful path below gives, without its string round trip.
  const magnitude = Math.abs(units);
  if (magnitude < 1e15) {
    // A whole number, or one off by binary noise smaller than half the 15th significant digit:
    // cleaning would give that whole number, which every mode keeps.
    const n = Math.round(units);
    if (Math.abs(units - n) <= 4e-16 * magnitude) return n || 0;
    // Clearly away from every point where the modes decide (a whole number, a half): noise cannot
    // change the answer. Cleaning moves a value by at most 5e-15 of itself; the margin is wider.
    const whole = Math.floor(units);
    const part = units - whole;
    const margin = 1e-13 * (magnitude + 1);
    if (part > margin && part < 1 - margin && Math.abs(part - 0.5) > margin) return fastRound(units, whole, part, mode);
    // Near a whole number or a half, from 1 to 10^14: what cleaning does is decided by the noise's
    // size against the step of 15 significant digits, without the string round trip.
    if (magnitude >= 1 && magnitude < 1e14) {
      const decided = nearDecision(units, magnitude, n, whole, part, mode);
      if (decided !== undefined) return decided;
    }
  }
  return carefulRound(units, mode);
}

/**
 * `roundUnits(units, 'half_up')`, the same number for every input, with the common case in four
 * operations: a value farther from the half above its whole part than the margin `roundUnits` uses
 * rounds half up to the nearest whole number on every path there (the fast one; near a whole number
 * every path keeps that whole number, as cleaning the noise never moves a value across a half
 * this far away), which is `Math.round`'s answer (it decides ties only, and there are none here).
 * A value near a half, or beyond 10^15, or not finite, goes to `roundUnits`.
 */
export function roundHalfUp(units: number): number {
  const magnitude = Math.abs(units);
  if (magnitude < 1e15) {
    const part = units - Math.floor(units);
    if (Math.abs(part - 0.5) > 1e-13 * (magnitude + 1)) return Math.round(units) || 0;
  }
  return roundUnits(units, 'half_up');
}

/** 10^0 … 10^14, exact. */
const POWERS = Array.from({ length: 15 }, (_, k) => 10 ** k);

/**
 * `units` (1 ≤ |units| < 10^14) within the margin of a whole number `n` or of the half above
 * `whole`, rounded as the careful path rounds it, or undefined when too close to call.
 *
 * Cleaning rounds to 15 significant digits: to a step g = 10^(k−15) for a value from 10^(k−1) to
 * 10^k, on which every whole number and (below 10^14) every half lies. So a value nearer than g/2
 * to a whole number cleans to it, and every mode keeps it; nearer than g/2 to a half cleans to the
 * half, and the mode decides on the half. A value farther than g/2 from both cleans to a point of
 * the step on its own side of them, so the mode decides as on the value itself. The distances are
 * exact (values this close to a whole number subtract exactly); g/2 is not, so a distance within
 * 0.2 % of it is left to the careful path (it never falls on g/2 exactly: g/2 is not a binary
 * fraction).
 */
function nearDecision(
  units: number,
  magnitude: number,
  n: number,
  whole: number,
  part: number,
  mode: RoundingMode,
): number | undefined {
  let k = 1;
  while (k < 14 && magnitude >= POWERS[k]!) k++;
  const half = 5e-16 * POWERS[k]!;
  const toWhole = Math.abs(units - n);
  if (toWhole < 0.998 * half) return n || 0;
  const toHalf = Math.abs(part - 0.5);
  if (toHalf < 0.998 * half) return fastRound(units, whole, 0.5, mode);
  if (toWhole > 1.002 * half && toHalf > 1.002 * half) return fastRound(units, whole, part, mode);
  return undefined;
}

/** `units` is at least a margin away from a whole number and from a half. */
function fastRound(units: number, whole: number, part: number, mode: RoundingMode): number {
  // work on the magnitude, as the modes are defined on it (`down` is toward zero)
  const negative = units < 0;
  const r = byMode(negative ? -whole - 1 : whole, negative ? 1 - part : part, mode);
  return (negative ? -r : r) || 0;
}

/** Cleans the noise, then rounds the magnitude as the mode says. */
export function carefulRound(units: number, mode: RoundingMode): number {
  const x = clean(units);
  const a = Math.abs(x);
  const floor = Math.floor(a);
  return (x < 0 ? -1 : 1) * byMode(floor, clean(a - floor), mode) || 0;
}

/** A magnitude's rounding, from its whole part and its fraction. */
function byMode(floor: number, frac: number, mode: RoundingMode): number {
  switch (mode) {
    case 'down':
      return floor;
    case 'up':
      return frac > 0 ? floor + 1 : floor;
    case 'half_even':
      return frac > 0.5 || (frac === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
    case 'half_up':
      return frac >= 0.5 ? floor + 1 : floor;
  }
}

/** Rounds a yuan amount as the policy says and returns integer fen. `down`/`up` are toward/away from zero. */
export function toFen(yuan: number, to: 0.01 | 0.1 | 1, mode: RoundingMode): number {
  const perUnit = to === 0.01 ? 1 : to === 0.1 ? 10 : 100;
  const units = (yuan * 100) / perUnit;
  return (mode === 'half_up' ? roundHalfUp(units) : roundUnits(units, mode)) * perUnit;
}

/**
 * A cap in integer fen: the largest multiple of the rounding unit that is not above the cap, whatever
 * the rounding mode, so a capped total never exceeds its cap (cap 4999.5 at whole yuan → 4999).
 * `to` is the rounding unit in yuan (0.01, 0.1, 1, …).
 */
export function capToFen(yuan: number, to: number): number {
  const perUnit = Math.round(to * 100);
  const units = (yuan * 100) / perUnit;
  // toward −∞: `down` for a cap above 0, `up` (away from zero) below it; binary noise is removed first
  return roundUnits(units, units < 0 ? 'up' : 'down') * perUnit;
}

/** Integer fen as yuan, for the edges that show or store yuan (JSON result, XLSX numbers). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/**
 * The nearest whole fen of a yuan amount (half away from zero on the binary value, as `Math.round`
 * does). For reading yuan that is already rounded (an old ledger card, a JSON result), and for
 * showing an unrounded yuan value; a payout amount is rounded with `toFen`, as the policy says.
 */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Rounds a score half away from zero to `decimals` places. */
/** 10^0 … 10^6, the factors of the decimals a score may have, without a power per call. */
const SCALE = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

export function roundScore(x: number, decimals: number): number {
  const f = SCALE[decimals] ?? 10 ** decimals;
  return roundHalfUp(x * f) / f;
}

/** A yuan amount (a policy or data value) as ¥1,234.50, to the nearest fen. */
export function formatMoney(yuan: number): string {
  return formatFen(yuanToFen(yuan));
}

/**
 * A yuan amount as the policy writes it: to the fen like `formatMoney` when it is whole fen, with
 * every digit it has otherwise (a rate of ¥0.333 per unit, not ¥0.33). For amounts a policy states
 * (per-unit awards, awards), which are paid after rounding and must not read as another amount.
 */
export function formatAmount(yuan: number): string {
  const exact = Number(yuan.toPrecision(12));
  if (Number.isInteger(Number((exact * 100).toPrecision(12)))) return formatMoney(exact);
  const sign = exact < 0 ? '-' : '';
  const [whole = '0', fraction = ''] = Math.abs(exact).toFixed(10).replace(/0+$/, '').split('.');
  return `${sign}¥${groupThousands(whole)}.${fraction}`;
}

/** Plain digits with a comma every three from the right: 1234567 → 1,234,567. */
function groupThousands(digits: string): string {
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** Integer fen as ¥1,234.50 (and -¥12.00): 123450 → `¥1,234.50`. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  if (Number.isSafeInteger(abs)) {
    // the common case without the regular expression below: whole fen, digits grouped by hand
    const cents = abs % 100;
    return `${sign}¥${groupThousands(String((abs - cents) / 100))}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${(abs % 100).toString().padStart(2, '0')}`;
}
