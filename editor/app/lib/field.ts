// How a panel field shows and takes a number of a given unit: ratios in percent (the policy keeps
// fractions), and the values a metric can never take refused at the field, before any edit.

export type FieldUnit = 'count' | 'ratio' | 'money' | 'score' | 'seconds' | 'weight';

export interface FieldKind {
  unit: FieldUnit;
  /** The metric's own `range` from the policy, in the policy's numbers. */
  range?: [number, number];
}

/** Binary fractions times 100 leave noise (0.57 × 100 = 56.99999999999999): twelve digits are plenty. */
const clean = (n: number) => Number(n.toPrecision(12));

/** The number the field shows for a value in the policy. */
export function shown(value: number | undefined, kind: FieldKind): string {
  if (value === undefined) return '';
  return String(kind.unit === 'ratio' ? clean(value * 100) : value);
}

/** The limits a value must stay within, in the policy's numbers. */
export function limits(kind: FieldKind): [number, number] {
  if (kind.range) return kind.range;
  if (kind.unit === 'ratio') return [0, 1];
  if (kind.unit === 'weight') return [0, 100];
  return [0, Number.POSITIVE_INFINITY];
}

export type FieldReading =
  | { ok: true; value: number }
  | { ok: false; problem: 'not_a_number' | 'out_of_range'; low: string; high: string };

/** Reads what was typed (percent for a ratio, a trailing `%` allowed) into the policy's number. */
export function read(typed: string, kind: FieldKind): FieldReading {
  const [lo, hi] = limits(kind);
  const low = shown(lo, kind);
  const high = Number.isFinite(hi) ? shown(hi, kind) : '';
  const raw = typed
    .trim()
    .replace(/[%％]$/, '')
    .trim();
  const n = Number(raw);
  // a plain decimal only: Number() would also read `0x10` as 16 and `0b11` as 3
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) || !Number.isFinite(n))
    return { ok: false, problem: 'not_a_number', low, high };
  const value = kind.unit === 'ratio' ? clean(n / 100) : n;
  if (value < lo || value > hi) return { ok: false, problem: 'out_of_range', low, high };
  return { ok: true, value };
}
