// A period cell, option or argument → the one spelling of a month the engine knows: `YYYY-MM`.
// Exports write a month many ways (2026/10 · 2026年10月 · 202610 · 2026.10 · 2026-9 · ２０２６-１０ ·
// 2026-10-01 when Excel made the cell a date); each is the same month, so it must be one period
// for duplicates, history order and calibration cohorts. Anything that is not surely one month is
// refused with what to write. The rules are listed in docs/policy-language.md ("Periods").

import type { ReaderReason } from '../model/messages/data.js';
import { refusal, type Refusal } from './refusal.js';

export type PeriodResult = { ok: true; period: string } | { ok: false; message: string; help: string };

/** Already `YYYY-MM` with a year 2000–2099 and a month 01–12: nothing to do (the common cell). */
const CANONICAL = /^20\d\d-(?:0[1-9]|1[0-2])$/;
/**
 * Whether `text` is a month written the one way the engine keeps it (`2026-10`): what a hand-written
 * period (a policy test's record or month) must be, since readPeriod gives every data cell so.
 */
export function isCanonicalPeriod(text: unknown): text is string {
  return typeof text === 'string' && CANONICAL.test(text);
}

/** Invisible characters exports and copy-paste leave in cells. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** Year and month separated by `-` `/` `.`, optionally followed by the day and a midnight time. */
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2})(?:(?:\s+|T)0?0:00(?::00(?:\.0+)?)?Z?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;

/** Excel's serial number of a day (1900 date system, serial 25569 is 1970-01-01) → `YYYY-MM-DD`, by arithmetic. */
function serialDate(serial: number): string {
  // days since 1970-01-01 → civil date (H. Hinnant's days-to-civil algorithm)
  const z = serial - 25_569 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's serials for 2000-01-01 and 2099-12-31: a whole number between them in a period cell is a date Excel shows as a number. */
const SERIAL_MIN = 36_526;
const SERIAL_MAX = 73_050;

/**
 * The month a period text names, as `YYYY-MM`. Accepted: year and month separated by `-`, `/` or
 * `.` (one- or two-digit month), `YYYY年M月`, `YYYYMM`, and a date on the first day of a month in
 * those spellings (`2026-10-01`, `2026/10/1`, `2026年10月1日`, `20261001`, with a midnight time at
 * most), which is how Excel stores a month typed into a date cell. Full-width digits and invisible
 * characters are ignored. Refused: any other day (an export or payment date is not the month
 * measured), `2026.1` (Excel's number for 2026.10 as well as for January), Excel date serials,
 * two-digit years, a month outside 1–12 and a year outside 2000–2099.
 */
export function normalisePeriod(raw: string): PeriodResult {
  const p = readPeriod(raw);
  return p.ok ? p : { ok: false, message: p.why.detail.en, help: p.why.advice.en };
}

/** `normalisePeriod` with the reason for a refusal in both languages (for the data reader's diagnostics). */
export function readPeriod(raw: string): { ok: true; period: string } | { ok: false; why: Refusal } {
  if (CANONICAL.test(raw)) return { ok: true, period: raw };
  const text = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  if (CANONICAL.test(text)) return { ok: true, period: text };
  const shown = raw.trim();
  const no = (reason: ReaderReason, args: Record<string, string | number> = {}) =>
    ({ ok: false, why: refusal(reason, { text: shown, ...args }) }) as const;
  let year: string, month: string, day: string | undefined;
  const sep = SEPARATED.exec(text);
  const cn = sep ? null : CHINESE.exec(text);
  const compact = sep || cn ? null : COMPACT.exec(text);
  if (sep) {
    // the year and month groups are not optional: they matched
    [, year = '', , month = '', day] = sep;
    if (sep[2] === '.' && month === '1' && day === undefined) {
      return no('period_ambiguous_dot');
    }
  } else if (cn) [, year = '', month = '', day] = cn;
  else if (compact) [, year = '', month = '', day] = compact;
  else {
    if (/^\d{5}(?:\.0+)?$/.test(text) && Number(text) >= SERIAL_MIN && Number(text) <= SERIAL_MAX) {
      return no('period_excel_serial', { date: serialDate(Math.trunc(Number(text))) });
    }
    if (/^\d{1,2}[-/.年]\d{1,2}月?$/.test(text)) return no('period_no_year');
    return no('period_not_a_month');
  }
  const y = Number(year);
  const m = Number(month);
  if (m < 1 || m > 12) return no('period_bad_month', { month: m });
  if (y < 2000 || y > 2099) return no('period_bad_year', { year: y });
  if (day !== undefined && Number(day) !== 1) {
    return no('period_a_day', { month: `${year}-${month.padStart(2, '0')}` });
  }
  return { ok: true, period: `${year}-${month.padStart(2, '0')}` };
}
