// A roll-up period as written on the command line or in a policy: `2026` (a year), `2026-H1` /
// `2026-H2` (calendar halves), `2026-Q1` … `2026-Q4` (calendar quarters). One spelling each, so a
// period is one key in the ledger. Anything else is refused with the form to write: `2026年下半年`
// may be a company's own review half (ByteDance reviews in March and September), `2026H2` or
// `H2 2026` are near misses. Listed in docs/policy-language.md ("Roll-up policies").
//
// A roll-up policy may say its year starts in another month (`rollup.year_starts: 4`, a fiscal
// year from April; `3`, ByteDance's halves March–August and September–February): the year `2026`
// is then the twelve months from that month of 2026 (2026-04 … 2027-03), and its halves and
// quarters are counted from it (`2026-H2` = 2026-10 … 2027-03). The id names the calendar year in
// which the roll-up year starts.

import type { RollupPeriodKind } from '../model/rollup.js';

export interface RollupPeriod {
  /** The one spelling: `2026`, `2026-H2`, `2026-Q3`. */
  period: string;
  kind: RollupPeriodKind;
  /** Its calendar months, `YYYY-MM`, in order (they may run into the next calendar year). */
  months: string[];
}

export type RollupPeriodRead =
  | { ok: true; value: RollupPeriod }
  | { ok: false; text: string; reason: 'chinese' | 'near' | 'year' | 'unknown'; suggestion?: string };

const FORM = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

/** `count` months from month `first` of `year`, where `first` may be past 12 (13 is January of the next year). */
const monthsOf = (year: number, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const m = first - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });

/**
 * Reads a roll-up period; `yearStarts` (1–12, default 1: the calendar) is the month the roll-up's
 * year starts, as `rollup.year_starts` says.
 */
export function readRollupPeriod(raw: string, yearStarts = 1): RollupPeriodRead {
  const text = raw.normalize('NFKC').trim();
  const m = FORM.exec(text.toUpperCase());
  if (m) {
    const year = Number(m[1]);
    if (year < 2000 || year > 2099) return { ok: false, text: raw, reason: 'year' };
    const part = m[2];
    const period = part ? `${year}-${part}` : String(year);
    if (!part) return { ok: true, value: { period, kind: 'year', months: monthsOf(year, yearStarts, 12) } };
    const n = Number(part.slice(1));
    return part.startsWith('H')
      ? { ok: true, value: { period, kind: 'half_year', months: monthsOf(year, yearStarts + 6 * (n - 1), 6) } }
      : { ok: true, value: { period, kind: 'quarter', months: monthsOf(year, yearStarts + 3 * (n - 1), 3) } };
  }
  const year = /(\d{4})/.exec(text)?.[1];
  if (/[年季半]/.test(text)) {
    // 下半年 may be the company's own review half; say which form means what, never guess
    const q = /第?\s*([一二三四1-4])\s*季/.exec(text)?.[1];
    const quarter = q ? '一二三四'.indexOf(q) + 1 || Number(q) : undefined;
    const half = /上半年/.test(text) ? 'H1' : /下半年/.test(text) ? 'H2' : undefined;
    const suggestion = year
      ? quarter
        ? `${year}-Q${quarter}`
        : half
          ? `${year}-${half}`
          : /^\d{4}\s*年(度)?$/.test(text)
            ? year
            : undefined
      : undefined;
    return { ok: false, text: raw, reason: 'chinese', ...(suggestion ? { suggestion } : {}) };
  }
  const near = /^(?:(\d{4})\s*[-_/ ]?\s*([HQ][1-4])|([HQ][1-4])\s*[-_/ ]?\s*(\d{4}))$/i.exec(text);
  if (near) {
    const y = near[1] ?? near[4];
    const p = (near[2] ?? near[3] ?? '').toUpperCase();
    const valid = /^H[12]$|^Q[1-4]$/.test(p);
    return { ok: false, text: raw, reason: 'near', ...(valid ? { suggestion: `${y}-${p}` } : {}) };
  }
  return { ok: false, text: raw, reason: 'unknown' };
}

/** How many calendar months a roll-up period of `kind` has. */
export function monthsInPeriod(kind: RollupPeriodKind): number {
  return kind === 'year' ? 12 : kind === 'half_year' ? 6 : 3;
}
