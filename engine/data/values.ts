// One cell of an export → a number, the way Douyin back-office and Excel exports write them:
// 1,234 · 1.2万 · 3.5w · 1.2亿 · 45.3% · ¥1,234.50 · 1小时21分5秒 · 01:21:05 · - for missing.
// Scaling shifts the decimal point in the digit string, so 1.2万 is exactly 12000.

import type { Text } from '../model/messages/catalogue.js';
import { known } from '../model/known.js';
import type { Unit } from '../model/policy.js';
import { exactMiddle, exactSum, readsAsWritten } from '../language/numbers.js';
import { refusal, type Refusal } from './refusal.js';

export type ParsedValue = { ok: true; value: number | undefined } | { ok: false; message: string; help: string };
/** `ParsedValue` with the reason for a refusal in both languages (for the data reader's diagnostics). */
export type ReadValue = { ok: true; value: number | undefined } | { ok: false; why: Refusal };

/** Cells that say "no value" (compared trimmed, full-width forms as half-width, lower case): `暂无` is the back-offices' "not yet". */
export const MISSING_CELLS: readonly string[] = ['', '-', '--', '—', '——', 'n/a', 'na', 'null', '/', '暂无'];
const MISSING = new Set(MISSING_CELLS);

const MAGNITUDE: Record<string, number> = { 万: 4, w: 4, 亿: 8, k: 3, 千: 3 };

export interface ValueOptions {
  /** How to read a range such as `7.5w~10w`; without it a range is an error. */
  ranges?: 'low' | 'middle' | 'high' | 'reject';
  /** Money in the data is in fen. */
  moneyIn?: 'yuan' | 'fen';
  /** How a ratio written without `%` is read: `0.453` (fraction, the default) or `45.3` (percent points). */
  ratioFormat?: 'fraction' | 'percent_points';
  /** The cell is from a file separated by semicolons: a dot there may group thousands (`4.000`). */
  decimalComma?: boolean;
}

/** Excel's error values, and what each most often means in an export. */
export const EXCEL_ERRORS: Record<string, Text> = {
  '#N/A': { en: 'a lookup found nothing', zh: '查找没有找到结果' },
  '#DIV/0!': { en: 'a division by zero', zh: '除数为 0' },
  '#VALUE!': { en: 'a value of the wrong type', zh: '值的类型不对' },
  '#REF!': { en: 'a reference to a deleted cell', zh: '引用了已删除的单元格' },
  '#NAME?': { en: 'an unknown function or name', zh: '函数或名称无法识别' },
  '#NUM!': { en: 'a number out of range', zh: '数字超出范围' },
  '#NULL!': { en: 'ranges that do not intersect', zh: '区域没有交集' },
  '#SPILL!': { en: 'a result that cannot spill', zh: '结果无法溢出到相邻单元格' },
  '#CALC!': { en: 'a calculation Excel cannot do', zh: 'Excel 无法完成的计算' },
  '#GETTING_DATA': { en: 'data still loading', zh: '数据仍在加载' },
};

/** A calendar date, with or without a time: 2026-10-01, 2026/10/1, 2026.10.01, 2026年10月1日 08:30. */
const DATE_SHAPE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/**
 * A month written `2026-10` (how a workbook's month-only date cell is read): in a number column it is
 * a date, not the range 2026 to 10 (which no range reading could take either: its low end is higher).
 */
const MONTH_SHAPE = /^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])$/;
const RANGE_MARK = /[~～\-–—至到]/;
const EMPTY: ReadValue = { ok: true, value: undefined };
/** A plain decimal number: read as is, whatever the unit (`0.453`, `-12`, `1234.5`). */
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const SCALED = /^(-?\d+(?:\.\d+)?)([万wW亿kK千%])$/;
/** A number written with an exponent (`1e3`, `1.5e-7`, `1E400`): not read from a cell, not a range. */
const EXPONENT = /^-?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const THOUSANDS = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;

/** A cell's number, refused when it is not one the engine can use exactly (`1e400`, 400 digits, beyond 2^53 − 1). */
export function parseValue(raw: string, unit: Unit, options: ValueOptions = {}): ParsedValue {
  const v = readValue(raw, unit, options);
  return v.ok ? v : { ok: false, message: v.why.detail.en, help: v.why.advice.en };
}

/**
 * One dot and then three digits, after one to three that do not start with 0, with no digit, dot
 * or comma on either side (`4.000`, `12.500`, `¥1.250`, `4.000元`, `RMB4.000`): in a file separated
 * by semicolons the dot may group thousands.
 */
const DOT_THOUSANDS = /(?<![\d.,])([1-9]\d{0,2})\.(\d{3})(?![\d.,])/;

/** `parseValue` with the reason for a refusal in both languages. */
export function readValue(raw: string, unit: Unit, options: ValueOptions = {}): ReadValue {
  if (options.decimalComma) {
    // `4.000` in a file of Excel's decimal-comma locales is 4000, in any other 4: said, never guessed;
    // looked for in the cell as the reader sees it (full-width `４．０００`, invisible characters,
    // `RMB4.000`, `'4.000`, `-4.000%`), the cell said both ways
    const text = normaliseWidth(raw).replace(INVISIBLE, '').trim();
    const m = DOT_THOUSANDS.exec(text);
    if (m) {
      const [token, whole = '', three = ''] = m;
      const around = (middle: string) => text.slice(0, m.index) + middle + text.slice(m.index + token.length);
      return no('value_dot_thousands', raw.trim(), {
        grouped: around(`${whole}${three}`),
        decimal: around(`${whole}.${three}`.replace(/\.?0+$/, '')),
      });
    }
  }
  const parsed = parseCell(raw, unit, options);
  // `1e400` (a JSON number as written, or a cell) is refused as too large, not as no number at all
  if (!parsed.ok && EXPONENT.test(raw.trim()) && !(Math.abs(Number(raw)) <= Number.MAX_SAFE_INTEGER))
    return no('value_too_large', raw.length > 24 ? `${raw.slice(0, 24)}…` : raw);
  if (
    !parsed.ok ||
    parsed.value === undefined ||
    (Number.isFinite(parsed.value) && Math.abs(parsed.value) <= Number.MAX_SAFE_INTEGER)
  )
    return parsed;
  return no('value_too_large', raw.length > 24 ? `${raw.slice(0, 24)}…` : raw);
}

function no(reason: Refusal['reason'], text: string, args: Record<string, string | Text> = {}): ReadValue {
  return { ok: false, why: refusal(reason, { text, ...args }) };
}

function parseCell(raw: string, unit: Unit, options: ValueOptions): ReadValue {
  // the cells most exports are made of, without the general path's work
  if (raw === '') return EMPTY;
  if (
    !(unit === 'money' && options.moneyIn === 'fen') &&
    !(unit === 'ratio' && options.ratioFormat === 'percent_points')
  ) {
    const quick = quickNumber(raw, unit === 'ratio');
    if (quick !== undefined) return { ok: true, value: quick };
    if (PLAIN.test(raw)) return exactly(raw, raw);
    // 1.2万 · 3.5w · 45.3% · 1,234: the decimal point moved by an exponent, or the commas dropped
    const scaled = SCALED.exec(raw);
    if (scaled && (scaled[2] !== '%' || unit === 'ratio'))
      return exactly(
        `${scaled[1]}e${scaled[2] === '%' ? -2 : known(MAGNITUDE[(scaled[2] ?? '').toLowerCase()], 'magnitude')}`,
        raw,
      );
    if (THOUSANDS.test(raw)) return exactly(raw.replaceAll(',', ''), raw);
  }
  const text = normaliseWidth(raw).replace(INVISIBLE, '').trim();
  // `="40"` (the formula exports write so that Excel keeps a cell as text) and `'40` (Excel's mark
  // for text): the text inside, read as the cell; a refusal names the cell as written
  const inner = textMarked(text);
  if (inner !== undefined) {
    // marked once: `''40` or `'="40"` is no number a back-office writes
    if (textMarked(inner.trim()) !== undefined) return no(notA(unit), raw);
    const read = readValue(inner, unit, options);
    // said of the cell as written, with what else the reason says (`would be read as 0.9`)
    return read.ok || read.why.reason.startsWith('value_excel_error')
      ? read
      : no(read.why.reason, raw, { ...read.why.args, text: raw });
  }
  if (MISSING.has(text.toLowerCase())) return { ok: true, value: undefined };
  // a formula that failed in Excel, in a workbook cell or as a CSV export wrote it
  const excel = EXCEL_ERRORS[text.toUpperCase()];
  if (excel !== undefined)
    return no(unit === 'seconds' ? 'value_excel_error_duration' : 'value_excel_error', raw, {
      error: text.toUpperCase(),
      meaning: excel,
    });
  // a date (a date-formatted workbook cell, a time column picked by mistake) is no figure and no range
  if (DATE_SHAPE.test(text) || MONTH_SHAPE.test(text)) return no('value_date', raw);
  if (unit === 'money') {
    const negative = negativeAmount(text);
    if (negative !== undefined) {
      // `¥-1,234~2,000`: from −1,234 to 2,000, or minus a range? Neither is guessed
      if (RANGE_MARK.test(negative))
        return no(options.ranges === undefined || options.ranges === 'reject' ? 'value_range' : 'value_bad_range', raw);
      const amount = readValue(negative, unit, options);
      // a refusal names the cell as written; 0 - 0 is 0, never -0
      if (!amount.ok) return no(amount.why.reason, raw);
      return amount.value === undefined ? no('value_not_an_amount', raw) : { ok: true, value: 0 - amount.value };
    }
  }
  const range = RANGE_MARK.test(text) ? /^(.+?)\s*(?:~|～|-|–|—|至|到)\s*(.+)$/.exec(text) : null;
  // `1e-7` is a number written with an exponent, not the range 1e to 7; so is `1.2e-3万` (no number:
  // calling it a range sent the analyst to `ranges:`, which then refused it as no readable range)
  if (range && !/^-/.test(text) && !/^\d{1,2}:\d/.test(text) && !EXPONENT.test(text) && !/\d[eE]-\d/.test(text)) {
    const how = options.ranges ?? 'reject';
    if (how === 'reject') return no('value_range', raw);
    const low = readValue(range[1] ?? '', unit, { moneyIn: options.moneyIn, ratioFormat: options.ratioFormat });
    const high = readValue(range[2] ?? '', unit, { moneyIn: options.moneyIn, ratioFormat: options.ratioFormat });
    // an end of more digits than a double keeps (`0.89999999999999999~1`) is said as such, at that end
    for (const end of [low, high])
      if (!end.ok && end.why.reason === 'value_inexact')
        return no('value_inexact', end.why.args.text as string, end.why.args as Record<string, string>);
    if (!low.ok || !high.ok || low.value === undefined || high.value === undefined || low.value > high.value)
      return no('value_bad_range', raw);
    // the middle, worked out exactly: refused when the double is another number (`0.8999999999999999~0.9`
    // is 0.89999999999999995, which no double is: it was read as 0.9)
    if (how === 'middle') {
      const middle = exactMiddle(low.value, high.value);
      const value = Number(middle);
      return keepsDigits(middle, value)
        ? { ok: true, value }
        : no('value_inexact_middle', raw.trim(), { exact: middle, read: String(value) });
    }
    return {
      ok: true,
      value: how === 'low' ? low.value : high.value,
    };
  }
  // `10万+`, `>5000`, `1000以上`: a figure the back-office would not show exactly, never that figure
  const bound = OPEN_ENDED.exec(text);
  if (bound) {
    const figure = readValue(bound[1] ?? bound[2] ?? '', unit, options);
    if (figure.ok && figure.value !== undefined) return no('value_open_ended', raw);
  }
  const fen = unit === 'money' && options.moneyIn === 'fen';
  // ¥123.45 or 123.45元 says yuan in a column of fen: read as fen it would be ¥1.2345
  if (fen && /^(¥|￥|RMB|CNY)|元$/i.test(withoutSpaces(text) ?? text)) return no('value_fen_in_yuan', raw);
  // a rating written with its word for points (`85分`, as a format `0"分"` shows it): the number
  const number = unit === 'score' && POINTS.test(text) ? text.replace(POINTS_WORD, '') : text;
  let value =
    unit === 'seconds' ? parseDuration(text) : parseNumber(number, unit, options.ratioFormat === 'percent_points');
  if (typeof value === 'object')
    return value.exact === undefined
      ? no('value_inexact', raw.trim(), { read: String(value.inexact) })
      : no('value_inexact_duration', raw.trim(), { exact: value.exact, read: String(value.inexact) });
  if (value !== undefined && fen) {
    // a fraction of a fen: the column is in yuan after all, or the cell is not a sum of fen
    if (!Number.isInteger(value)) return no('value_fen_fraction', raw);
    value = shiftDecimal(String(value), -2);
  }
  if (value === undefined) return no(notA(unit), raw);
  return { ok: true, value };
}

/**
 * A decimal as written (`0.89999999999999999`, `1.2e4` for `1.2万`), read when the double holds
 * it exactly as written, refused otherwise: past 15 significant digits a double may hold another
 * number (`0.89999999999999999` is the double 0.9, `999999.99999999999` is 1000000), which a
 * threshold it is compared with sees on the other side. Up to 15 digits every decimal reads as
 * written (the quick path's cells); the policy refuses the same numbers (policy_number_inexact).
 */
function exactly(decimal: string, raw: string): ReadValue {
  const value = Number(decimal);
  if (!keepsDigits(decimal, value)) return no('value_inexact', raw.trim(), { read: String(value) });
  return { ok: true, value };
}

/**
 * Whether `value`, the double read from `decimal`, is the number written: up to 15 significant
 * digits always; past them only when the double holds the decimal as written (`0.8999999999999999`).
 * `0.90000000000000002` (0.9 printed with 17 digits) is refused too, as the policy refuses it
 * (policy_number_inexact): written above 0.9, read as 0.9, it is one number or the other. Beyond
 * 2^53 − 1 the cell is refused as too large (readValue).
 */
function keepsDigits(decimal: string, value: number): boolean {
  if (decimal.length <= 15 || !(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) return true;
  return readsAsWritten(decimal, value);
}

/** What `parseNumber` returns for a decimal a double does not hold as written (`exactly`): the double it would be. */
interface Inexact {
  inexact: number;
  /** a duration's seconds as worked out exactly, when they are not the cell as written */
  exact?: string;
}

/** A score written with 分 (points) after its last digit: `85分`, `4.5 分`. */
const POINTS = /\d\s*分$/;
const POINTS_WORD = /\s*分$/;

/** `="…"` with no other quote than doubled ones inside: a formula that is only a text. */
const FORMULA_TEXT = /^="((?:[^"]|"")*)"$/;

/** The text a cell marked as text holds: `="40"` → `40`, `'40` → `40`; undefined for any other cell. */
export function textMarked(text: string): string | undefined {
  if (text.charCodeAt(0) === 0x27) return text.length > 1 ? text.slice(1) : undefined;
  if (text.charCodeAt(0) !== 0x3d) return undefined;
  const formula = FORMULA_TEXT.exec(text);
  return formula ? (formula[1] ?? '').replaceAll('""', '"') : undefined;
}

const CURRENCY = '(?:¥|￥|RMB|CNY)';
/** `¥-1,234` · `¥ -1,234.50` · `RMB-12`: the minus sign after the currency. */
const MINUS_AFTER_CURRENCY = new RegExp(`^(${CURRENCY})\\s*-\\s*(\\d.*)$`, 'i');
/** `-¥1,234` · `- ¥ 1,234.50`: the minus sign before it. */
const MINUS_BEFORE_CURRENCY = new RegExp(`^-\\s*(${CURRENCY})\\s*(\\d.*)$`, 'i');
/** Excel's accounting format: `(1,234)` · `¥(1,234.00)` · `(¥1,234.00)` · `（1,234）` once half-width. */
const ACCOUNTING = new RegExp(`^(${CURRENCY})?\\s*\\(\\s*(${CURRENCY})?\\s*(\\d[^()]*?)\\s*\\)$`, 'i');

/**
 * A negative amount written with its currency or in Excel's accounting format, as the amount
 * without its sign (`¥-1,234` → `¥1,234`, `(1,234)` → `1,234`); undefined for any other cell. The
 * amount is then read as any money cell is (so `¥` in a column of fen is still refused).
 */
function negativeAmount(text: string): string | undefined {
  const sign = MINUS_AFTER_CURRENCY.exec(text) ?? MINUS_BEFORE_CURRENCY.exec(text);
  if (sign) return `${sign[1]}${sign[2]}`;
  const accounting = ACCOUNTING.exec(text);
  if (accounting && !(accounting[1] && accounting[2])) return `${accounting[1] ?? accounting[2] ?? ''}${accounting[3]}`;
  return undefined;
}

/** 10^0 … 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The three common forms above (`PLAIN`, `SCALED`, `THOUSANDS`: `-12`, `0.453`, `1.2万`, `3.5w`,
 * `45.3%` in a ratio, `2,266,926`) read by one pass over the characters, without a regular
 * expression or a new string; undefined for any other cell, and for one of more than 15 digits
 * (the regular expressions then read it). The value is the same double: the digits make an integer
 * M below 2^53, read exactly, and the decimal point moves k ≤ 22 places, so M × 10^k or M ÷ 10^k is
 * one correctly rounded operation on exact numbers, the correctly rounded value of the decimal
 * written, which is what `Number` returns for it.
 */
export function quickNumber(raw: string, ratio: boolean): number | undefined {
  const n = raw.length;
  const negative = raw.charCodeAt(0) === 45; // -
  let i = negative ? 1 : 0;
  let m = 0;
  const start = i;
  let c = raw.charCodeAt(i);
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    c = raw.charCodeAt(++i);
  }
  let digits = i - start;
  if (digits === 0) return undefined;
  // thousands separators: a first group of one to three digits, then groups of exactly three
  const grouped = c === 44;
  if (grouped) {
    // no thousands separator after a leading 0 (`0,453`: a decimal comma, 0.453 or 453?)
    if (digits > 3 || raw.charCodeAt(start) === 48) return undefined;
    while (c === 44) {
      for (let j = 1; j <= 3; j++) {
        const d = raw.charCodeAt(i + j);
        if (!(d >= 48 && d <= 57)) return undefined;
        m = m * 10 + (d - 48);
      }
      i += 4;
      digits += 3;
      c = raw.charCodeAt(i);
    }
  }
  let fraction = 0;
  if (c === 46) {
    // .
    c = raw.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      fraction++;
      c = raw.charCodeAt(++i);
    }
    if (fraction === 0) return undefined;
    digits += fraction;
  }
  let scale = 0;
  if (i < n) {
    // one suffix, last, and never after thousands separators
    if (grouped || i !== n - 1) return undefined;
    if (c === 0x4e07 || c === 119 || c === 87)
      scale = 4; // 万 w W
    else if (c === 0x4ebf)
      scale = 8; // 亿
    else if (c === 107 || c === 75 || c === 0x5343)
      scale = 3; // k K 千
    else if (c === 37 && ratio)
      scale = -2; // %
    else return undefined;
  }
  if (digits > 15) return undefined;
  const k = scale - fraction;
  const v = k >= 0 ? m * (POW10[k] as number) : m / (POW10[-k] as number);
  return negative ? -v : v;
}

/** The reason a cell of this unit is not a value: its help says how to write one. */
function notA(unit: Unit): Refusal['reason'] {
  switch (unit) {
    case 'ratio':
      return 'value_not_a_ratio';
    case 'money':
      return 'value_not_an_amount';
    case 'seconds':
      return 'value_not_a_duration';
    default:
      return 'value_not_a_number';
  }
}

const WIDE = /[\u3000\uFF01-\uFF5E]/;

/** A bound rather than a figure: `10万+`, `1000以上`, `>5000`, `≥ 1.2万`, `超过 5000`, `不足100`. */
const OPEN_ENDED =
  /^(?:(?:>=?|<=?|≥|≤|超过|大于|多于|高于|小于|少于|低于|不足|不到)\s*(.+)|(.+?)\s*(?:\+|以上|以下|以内|多))$/;

/**
 * Characters that show nothing and mean nothing in a number, which exports and copy-paste leave in
 * cells (`85<U+200B>`): zero-width space, non-joiner and joiner, word joiner and its kin, the BOM
 * as a character, the soft hyphen. Dropped, as they are from ids, periods and column names. The
 * direction marks and overrides (U+200E, U+200F, U+202A–U+202E) are not: they change what a cell
 * shows (`<U+202E>12` shows as 21), so a cell with one stays refused.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/** Full-width digits and signs (０-９ ． ％ ，) as exported by some Chinese tools. */
function normaliseWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The text without its spaces, when every space between two digits is one thousands separator
 * (`1 000`, `12 345 678`); undefined when digits are split any other way (`30 30`, `0.4 53`).
 * Spaces elsewhere (`¥ 1,234`, `45.3 %`, `1.2 万`) are dropped.
 */
function withoutSpaces(text: string): string | undefined {
  if (!/\d\s+\d/.test(text)) return text.replace(/\s+/g, '');
  let ok = true;
  text.replace(/\d+(?:\s+\d+)+/g, (digits, at: number) => {
    if (
      !/^\d{1,3}(?: \d{3})+$/.test(digits.replace(/[\u00a0\u2009\u202f]/g, ' ')) ||
      /[\d.]/.test(text.charAt(at - 1)) ||
      /[\d.]/.test(text.charAt(at + digits.length) === '.' ? '' : text.charAt(at + digits.length))
    )
      ok = false;
    return digits;
  });
  return ok ? text.replace(/\s+/g, '') : undefined;
}

function parseNumber(text: string, unit: Unit, percentPoints = false): number | Inexact | undefined {
  const spaced = withoutSpaces(text);
  if (spaced === undefined) return undefined;
  let s = spaced;
  if (unit === 'money') s = s.replace(/^(¥|￥|RMB|CNY)/i, '').replace(/元$/, '');
  let shift = 0;
  if (s.endsWith('%')) {
    if (unit !== 'ratio') return undefined;
    s = s.slice(0, -1);
    shift = -2;
  } else {
    const last = s.slice(-1).toLowerCase();
    if (last in MAGNITUDE) {
      s = s.slice(0, -1);
      shift = MAGNITUDE[last]!;
    }
    // a ratio column written in percent points: 45.3 is 45.3 %
    if (unit === 'ratio' && percentPoints) shift -= 2;
  }
  // thousands separators only between groups of three digits
  if (s.includes(',')) {
    if (!/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) return undefined;
    s = s.replace(/,/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const value = shiftDecimal(s, shift);
  return s.length <= 15 || keepsDigits(`${s}e${shift}`, value) ? value : { inexact: value };
}

/** Moves the decimal point `shift` places in the digit string, then reads it: exact for 1.2万. */
function shiftDecimal(s: string, shift: number): number {
  if (shift === 0) return Number(s);
  // `s` is a plain decimal here: reading it with an exponent is the same exact decimal, rounded once
  if (!/e/i.test(s)) return Number(`${s}e${shift}`);
  const sign = s.startsWith('-') ? '-' : '';
  const body = s.replace(/^[-+]/, '');
  const [whole = '', frac = ''] = body.split('.');
  let digits = whole + frac;
  let point = whole.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  return Number(`${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`);
}

/**
 * Seconds added up exactly from hours, minutes and seconds written with decimals: `2.05分` is
 * 2.05 × 60 = 122.99999999999999 in doubles, which a threshold of 123 s does not reach; added up as
 * decimals it is 123. A total a double does not hold as worked out (`0:01:59.99999999999999`, which
 * the double 120 would have been) is refused as any such number is (`value_inexact`).
 */
function seconds(parts: (readonly [written: string | undefined, times: number])[]): number | Inexact {
  const total = exactSum(parts.map(([w, times]) => [w ?? '0', times] as const));
  const value = Number(total);
  return keepsDigits(total, value) ? value : { inexact: value, exact: total };
}

function parseDuration(text: string): number | Inexact | undefined {
  const s = withoutSpaces(text);
  if (s === undefined) return undefined;
  const clock = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/.exec(s);
  if (clock) {
    const [, a, b, c] = clock;
    return seconds(
      c === undefined
        ? [
            [a, 60],
            [b, 1],
          ]
        : [
            [a, 3600],
            [b, 60],
            [c, 1],
          ],
    );
  }
  const cn =
    /^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒钟|秒|s))?$/i.exec(
      s,
    );
  if (cn && (cn[1] || cn[2] || cn[3]))
    return seconds([
      [cn[1], 3600],
      [cn[2], 60],
      [cn[3], 1],
    ]);
  return parseNumber(s, 'count');
}
