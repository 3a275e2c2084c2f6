// Event source → one SQL statement that aggregates it per key for the month. Everything the
// mapping's author wrote reaches the SQL through two functions, `sqlString` and `sqlIdent`; no
// cell text ever does (cells are only read by the database). The statement keeps to a portable
// subset (docs/events.md lists what it relies on); only the `src` line that reads the file is
// DuckDB's own, and a data team replaces it with their table.

import { MISSING_CELLS } from '../../../engine/index.js';
import { addDays, growthWeeks, type MonthCalendar } from './calendar.js';
import { isNumericCondition, numericColumns, type Condition, type EventMetric, type EventSource } from './spec.js';

/** A text as an SQL string literal: quotes doubled. A NUL cannot be written in one and is refused. */
export function sqlString(text: string): string {
  if (text.includes('\0')) throw new Error('a NUL character cannot be written in an SQL string');
  return `'${text.replace(/'/g, "''")}'`;
}

/** A name as an SQL quoted identifier: double quotes doubled. */
export function sqlIdent(name: string): string {
  if (name.includes('\0')) throw new Error('a NUL character cannot be written in an SQL identifier');
  return `"${name.replace(/"/g, '""')}"`;
}

/** A finite number as an SQL numeric literal. */
export function sqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

export type FileKind = 'csv' | 'tsv' | 'parquet';

/**
 * DuckDB's reader for a file: every cell as text (the statement parses numbers and times itself).
 * `skip` lines (title rows above the header) are left out. With `columns` (the header, as DuckDB
 * read it), the file is read as those columns of text without sniffing it first: several times
 * faster on a large file.
 */
export function readerSql(
  path: string,
  kind: FileKind,
  skipLines = 0,
  columns?: string[],
  typed: Record<string, string> = {},
  /**
   * yardstick's own statements (never printed): the reader's buffer in bytes. DuckDB's default is
   * 16 times the longest line it reads (2 MiB), 32 MiB a buffer; 8 MiB touches a third less memory
   * for the same rows (docs/benchmarks.md, issue 15's seventh round).
   */
  bufferSize?: number,
): string {
  if (kind === 'parquet') return `read_parquet(${sqlString(path)})`;
  const skip = skipLines > 0 ? `, skip = ${sqlNumber(skipLines)}` : '';
  // `typed`: yardstick's own fast read (never printed), a column read as a number by the reader itself
  const types = columns
    ? `columns = {${columns.map((c) => `${sqlString(c)}: ${sqlString(typed[c] === PLAIN_NUMBERS ? 'VARCHAR' : (typed[c] ?? 'VARCHAR'))}`).join(', ')}}, auto_detect = false`
    : 'all_varchar = true';
  return `read_csv(${sqlString(path)}, header = true${skip}, ${types}, delim = ${sqlString(kind === 'tsv' ? '\t' : ',')}, quote = '"', escape = '"', null_padding = true${bufferSize ? `, buffer_size = ${sqlNumber(bufferSize)}` : ''})`;
}

/** The reader's buffer for yardstick's own statements (readerSql's `bufferSize`). */
export const OWN_BUFFER = 8 << 20;

/** The statement's columns, in order, so results are read by position and never by a user's name. */
export interface StatementShape {
  /** key, rows in the month, then value and rows-after-where for each metric, in `metrics` order. */
  metrics: string[];
  /** Then, for each of these growth metrics in order, its current and its previous period's value; last, `bad_rows`. */
  growth: string[];
  /**
   * yardstick's own statement only: the metrics (by position in `metrics`) whose value column is an
   * average's exact sum and count, `sum/count` (`12.500000/3`), divided as DuckDB's AVG divides
   * (averageOf in fast.ts).
   */
  averages?: number[];
  /**
   * yardstick's own statement only: the growth metrics (by position in `metrics`) that are averages:
   * their two periods' columns are `sum/count` too, and their value column is NULL, worked out by
   * yardstick from the two periods as the printed statement does (`(current − previous) / previous`).
   */
  averageGrowth?: number[];
}

export interface Plan {
  sql: string;
  shape: StatementShape;
  /** The check statement: those rows with their row numbers (numbering reads the file in order: run only when some exist). */
  checkSql: string;
  /** For each numbered text column `u{i}` of the check statement, the header it came from. */
  checked: string[];
}

// 18 digits: DuckDB's TRY_CAST to a 38-digit DECIMAL is some 30 times slower (bench/events.ts); 10^12 is room enough
const DEC = 'DECIMAL(18, 6)';
/**
 * yardstick's fast read (fast.ts, never printed): a text file's column whose first rows are plain
 * numbers, read by the reader as text and cast whole (`CAST(cell AS DECIMAL(18, 6))`) unless it has
 * an exponent or a `_` (`1e3`, `1.2E+05`, `1_000`, which DuckDB's cast and its typed CSV reader read
 * and a data file refuses): such a cell, or one the cast does not read, stops the read with an error
 * and the text path names it. Not a DuckDB type: readerSql reads it as VARCHAR.
 */
export const PLAIN_NUMBERS = 'PLAIN NUMBERS';

/**
 * A cell read as a number: `1,234`, `1.2万`, `3.5w`, `45.3%` (0.453), and as the main reader reads
 * them (docs/policy-language.md, data files) a cell marked as text for Excel (`="300"`, `'300`) as the
 * cell inside, an amount with its currency (`¥1,234.50`, `1234.5元`, `¥-1,234`, `-¥1,234`) and
 * Excel's accounting negative (`(12.00)`, `¥(1,234.00)`, `(¥1,234.00)`) as −12 and −1234; anything
 * else is NULL. The plain number is tried first: most cells are one, and the text work below costs
 * more than the whole read; the written forms only once every other reading gave none.
 */
/**
 * How a `%` cell of a column is read (percentRefused, percentPoints): a fraction (`45%` is 0.45), the
 * percent points before it (`45%` is 45, for a ratio the policy reads in points), or no number.
 */
export type PercentReading = 'fraction' | 'points' | 'refused';

function numberSql(raw: string, written = true, percent: PercentReading = 'fraction'): string {
  return written
    ? `COALESCE(${plainNumberSql(raw, percent)}, ${writtenNumberSql(raw, percent)})`
    : plainNumberSql(raw, percent);
}

/**
 * Commas as a data file reads them (engine/data/values.ts): only between groups of three digits after
 * a first group of one to three that does not start with 0 (`1,234`, `12,345.5`, `1,234万`); `1,23`,
 * `0,453` (a decimal comma), `12,34,567` and `1,5` are no number.
 */
const GROUPED = '^-?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]+)?[万wW亿kK千%]?$';

/**
 * `1,234`, `1.2万`, `3.5w`, `45.3%`: the plain number first. No exponent (`1e3`, `1.2E+05`) and no
 * `_`, which DuckDB's cast reads and a data file refuses, and commas only as `GROUPED` has them: the
 * cell is checked once, before it is read (LIKE, which a statement of plain numbers can afford; the
 * pattern only for a cell with a comma).
 */
function plainNumberSql(raw: string, percent: PercentReading = 'fraction'): string {
  const u = `REPLACE(TRIM(${raw}), ',', '')`;
  const head = `SUBSTRING(${u}, 1, LENGTH(${u}) - 1)`;
  const last = `SUBSTRING(${u}, LENGTH(${u}), 1)`;
  return [
    `CASE WHEN ${raw} NOT LIKE '%e%' AND ${raw} NOT LIKE '%E%' AND ${raw} NOT LIKE '%\\_%' ESCAPE '\\'`,
    `AND (${raw} NOT LIKE '%,%' OR regexp_matches(TRIM(${raw}), ${sqlString(GROUPED)}))`,
    `AND NOT ${inexactSql(raw, percent)}`,
    `THEN COALESCE(TRY_CAST(${raw} AS ${DEC}), CASE`,
    // kept a DECIMAL: a division makes a DOUBLE, whose sums depend on the order rows are added in
    `WHEN ${last} IN ('万', 'w', 'W') THEN TRY_CAST(TRY_CAST(${head} AS ${DEC}) * 10000 AS ${DEC})`,
    `WHEN ${last} = '亿' THEN TRY_CAST(TRY_CAST(${head} AS ${DEC}) * 100000000 AS ${DEC})`,
    `WHEN ${last} IN ('k', 'K', '千') THEN TRY_CAST(TRY_CAST(${head} AS ${DEC}) * 1000 AS ${DEC})`,
    // `refused`: a column summed into a count or an amount (percentRefused), where `100%` is no number;
    // `points`: a ratio the policy reads in percent points (`ratio_format: percent_points`), `45%` is 45
    ...(percent === 'fraction'
      ? [`WHEN ${last} = '%' THEN TRY_CAST(TRY_CAST(${head} AS ${DEC}) / 100 AS ${DEC})`]
      : percent === 'points'
        ? [`WHEN ${last} = '%' THEN TRY_CAST(${head} AS ${DEC})`]
        : []),
    `ELSE TRY_CAST(${u} AS ${DEC}) END) END`,
  ].join(' ');
}

/**
 * A cell with a digit other than 0 past the sixth decimal place (`0.8999999`), or past the fourth
 * before a `%` read as a fraction (`45.12345%` is 0.4512345): DECIMAL(18, 6) would round it (to 0.9,
 * across a threshold of 0.9, unseen), so it is read as no number and refused at its cell
 * (`data_event_cell.inexact`, aggregate.ts). `0.9000000` is read. Only a cell with seven characters
 * after a `.` is matched against the pattern.
 */
function inexactSql(raw: string, percent: PercentReading): string {
  const past6 = `(${raw} LIKE '%._______%' AND regexp_matches(${raw}, ${sqlString(INEXACT)}))`;
  return percent === 'fraction'
    ? `(${past6} OR (${raw} LIKE '%._____%' AND regexp_matches(${raw}, ${sqlString(INEXACT_PERCENT)})))`
    : past6;
}

/** The digits past the sixth decimal place, one of them not 0 (inexactSql). */
const INEXACT = '[.][0-9]{6}[0-9]*[1-9]';
/** Before a `%` read as a fraction: the digits past the fourth decimal place, one of them not 0. */
const INEXACT_PERCENT = '[.][0-9]{4}[0-9]*[1-9][0-9]*\\s*%';

/**
 * Whether an unread cell (`raw` as the check statement gives it) was refused for its decimal places
 * (inexactSql; `typed`: a Parquet number column, typedNumberSql, whose cell is a number printed by
 * DuckDB, `1e-07` too) rather than as no number: said as such (`data_event_cell.inexact`).
 */
export function inexactCell(raw: string, typed: boolean, percent: PercentReading): boolean {
  if (typed) return Number.isFinite(Number(raw.trim()));
  return new RegExp(INEXACT).test(raw) || (percent === 'fraction' && new RegExp(INEXACT_PERCENT).test(raw));
}

const CURRENCY = '(?:¥|￥|RMB|CNY)';
/** An amount as `plainNumberSql` reads it, without a `%`. */
const AMOUNT = '([0-9][0-9,.]*[万wW亿kK千]?)';
/** `¥1,234.50`, `¥-1,234`, `-¥1,234`, `¥1,234元`: the signs (one at most is read) and the amount. */
const WITH_CURRENCY = `(?i)^(-?)\\s*${CURRENCY}\\s*(-?)\\s*${AMOUNT}\\s*元?$`;
/** `1234.5元`, `-1234.5元`: the sign, nothing, and the amount. */
const WITH_YUAN = `^(-?)\\s*()${AMOUNT}\\s*元$`;
/** Excel's accounting negative: `(1,234)`, `¥(1,234.00)`, `(¥1,234.00)`, `（1,234）` (one currency at most). */
const ACCOUNTING = `(?i)^(${CURRENCY}?)\\s*[(（]\\s*(${CURRENCY}?)\\s*${AMOUNT}\\s*元?\\s*[)）]$`;

/**
 * A text cell as a condition and a distinct count read it: trimmed, and a cell marked as text for
 * Excel (`="已退款"`, `'A1`) as the text inside, as a number cell is read (`="A1"`, `'A1` and `A1`
 * were three distinct orders, and `="已退款"` passed `not_in: [已退款]`). Only a cell that starts
 * with `=`, `'` or a space is looked at twice.
 */
function cellTextSql(raw: string): string {
  // DuckDB's TRIM trims spaces of every kind but not a tab or a line break; TRIM with a list of
  // characters trims them all, but costs some 15 times as much (5.8 s against 0.33 s on 10 million
  // cells): it is taken only by a cell that starts or ends with something TRIM may leave (`ascii`
  // below 32, a BOM U+FEFF, or above it) or that starts with a mark or a space
  const plain = `TRIM(${raw})`;
  const t = `TRIM(${raw}, ${WHITESPACE})`;
  const unmarked = [
    `CASE WHEN ${t} LIKE '="%"' AND LENGTH(${t}) >= 3 THEN TRIM(REPLACE(SUBSTRING(${t}, 3, LENGTH(${t}) - 3), '""', '"'), ${WHITESPACE})`,
    `WHEN ${t} LIKE '''%' THEN TRIM(SUBSTRING(${t}, 2), ${WHITESPACE}) ELSE ${t} END`,
  ].join(' ');
  return `COALESCE(CASE WHEN ${raw} LIKE '=%' OR ${raw} LIKE '''%' OR ${raw} LIKE ' %' OR NOT (ascii(${plain}) BETWEEN 32 AND 65278) OR NOT (ascii(right(${plain}, 1)) BETWEEN 32 AND 65278) THEN ${unmarked} ELSE ${plain} END, '')`;
}

/**
 * Every whitespace character, as JavaScript's `trim` takes them: tabs, line breaks, a BOM,
 * spaces, the no-break space, the ideographic space U+3000 and the other Unicode spaces. What a
 * text cell (a status, an order number, a key) is trimmed of: DuckDB's TRIM alone keeps a tab or a
 * carriage return, and 抖店 exports put a tab before a cell to keep it text, so `\t已退款` was not
 * 已退款 to `not_in: [已退款]`, and `\t4912…` and `4912…` were two orders.
 */
const WHITESPACE = `(${[9, 10, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((c) => (c === 32 ? "' '" : `chr(${c})`)).join(' || ')})`;

/**
 * The key cell naming the employee, as a data file reads an id (engine/data/ids.ts, normaliseId): a
 * cell marked as text for Excel (`="E1"`, `'E1`, as exports keep leading zeros) is the id inside,
 * before the rows are grouped, so that `="E1"` and `E1` are one key (they were two spellings of E1,
 * and the employee was excluded). The rest of the id's normalising (full-width forms, spaces) is
 * done on the groups (aggregate.ts).
 */
export function keyTextSql(raw: string): string {
  return cellTextSql(raw);
}

/** A cell marked as text for Excel, `="300"` or `'300`, as the text inside; any other cell as it is (trimmed). */
function unmarkedSql(raw: string): string {
  const t = `TRIM(${raw})`;
  return [
    `CASE WHEN ${t} LIKE '="%"' AND LENGTH(${t}) >= 3 THEN TRIM(REPLACE(SUBSTRING(${t}, 3, LENGTH(${t}) - 3), '""', '"'))`,
    `WHEN ${t} LIKE '''%' THEN TRIM(SUBSTRING(${t}, 2)) ELSE ${t} END`,
  ].join(' ');
}

/** The written forms of `numberSql`: a cell marked as text, an amount with its currency, an accounting negative. */
function writtenNumberSql(raw: string, percent: PercentReading = 'fraction'): string {
  const m = `(${unmarkedSql(raw)})`;
  const part = (pattern: string, group: number) => `regexp_extract(${m}, ${sqlString(pattern)}, ${group})`;
  const matches = (pattern: string) => `regexp_matches(${m}, ${sqlString(pattern)})`;
  const amount = (pattern: string) => plainNumberSql(part(pattern, 3));
  // a sign before the currency or after it, never both (`-¥-1`)
  const signed = (pattern: string) =>
    `CASE ${part(pattern, 1)} || ${part(pattern, 2)} WHEN '' THEN ${amount(pattern)} WHEN '-' THEN -${amount(pattern)} END`;
  return [
    `CASE WHEN ${matches(WITH_CURRENCY)} THEN ${signed(WITH_CURRENCY)}`,
    `WHEN ${matches(WITH_YUAN)} THEN ${signed(WITH_YUAN)}`,
    `WHEN ${matches(ACCOUNTING)} AND (${part(ACCOUNTING, 1)} = '' OR ${part(ACCOUNTING, 2)} = '') THEN -${amount(ACCOUNTING)}`,
    // marked once: `''40` or `'="40"` is no number a back-office writes
    `WHEN ${m} <> TRIM(${raw}) AND NOT (${m} LIKE '''%' OR ${m} LIKE '=%') THEN ${plainNumberSql(m, percent)} END`,
  ].join(' ');
}

/** `10万+`, `999+`: the number before the `+`, the least the cell can mean; NULL for any other cell. */
function atLeastSql(raw: string, written = true, percent: PercentReading = 'fraction'): string {
  const u = `TRIM(${raw})`;
  return `CASE WHEN ${u} LIKE '%+' THEN ${numberSql(`SUBSTRING(${u}, 1, LENGTH(${u}) - 1)`, written, percent)} END`;
}

/** A cell that says "no value" (`''`, `-`, `暂无`, …: the engine's list), compared as the engine compares it. */
function missingSql(raw: string, written = true): string {
  const missing = MISSING_CELLS.map(sqlString).join(', ');
  // `=""`, `="暂无"`: a cell marked as text is the cell inside
  return written
    ? `(${raw} IS NULL OR LOWER(TRIM(${raw})) IN (${missing}) OR LOWER(${unmarkedSql(raw)}) IN (${missing}))`
    : `(${raw} IS NULL OR LOWER(TRIM(${raw})) IN (${missing}))`;
}

/**
 * The common shapes read `2026-10-31 24:00:00` as 1 November 00:00 (DuckDB's cast), which
 * `localTimeSql` refuses: a time the common shapes read as a midnight is not read when its cell
 * holds `24:`. Only midnights are searched for it (one remainder a row), not every cell.
 */
const hour24 = (lt0: string) => `${lt0} IS NOT NULL AND epoch_us(${lt0}) % 86400000000 = 0 AND contains(tr, '24:')`;

/**
 * The common shapes of a raw (untrimmed) time cell `tr`, read without trimming it first (DuckDB's
 * TRIM decodes every character of the cell): NULL for any other cell, which `localTimeSql` reads.
 * Each shape gives exactly what `localTimeSql` gives for the trimmed cell:
 * - up to 19 characters that the cast reads (`2026-10-05 20:31:00`, `2026-10-5 8:31`): the cast
 *   reads only ASCII characters and skips spaces at either end, so a cell it reads is one whose
 *   trimmed text it reads the same, and the trimmed text is at most 19 characters too;
 * - a cell that starts with a digit and ends with the zone's own fixed offset (`+08:00` in
 *   Asia/Shanghai): nothing to trim, and the conversion adds 0 minutes.
 *
 * `own` (yardstick's own run, never printed; DuckDB only): the same shapes tested with cheaper
 * functions, one cast for both. `strlen` counts bytes, so a cell of at most 19 bytes (never more
 * characters); a cell ending with the own offset is cast whole, offset included: DuckDB's cast to
 * TIMESTAMP reads `2026-10-05T20:31:00+08:00` as 2026-10-05 20:31 (it reads the offset and drops it)
 * and skips ASCII spaces at either end, so a cell it reads gives what the trimmed reading gives for
 * it (the cast of the text before the offset, plus 0 minutes); one it does not read
 * (`2026-10-05T20:31+08:00`, a U+3000 space before it) is NULL here and read by `localTimeSql`.
 */
function fastTimeSql(offsetMinutes: number, changes: readonly unknown[], own = false): string {
  const a = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  if (own) {
    const shapes = [
      `(strlen(tr) <= 19 AND NOT regexp_matches(tr, ${sqlString(ZONE_HINT)}))`,
      ...(changes.length === 0 ? [`suffix(tr, ${sqlString(offset)})`] : []),
    ];
    return `CASE WHEN ${shapes.join(' OR ')} THEN TRY_CAST(tr AS TIMESTAMP) END`;
  }
  const shapes = [
    `WHEN LENGTH(tr) <= 19 AND NOT regexp_matches(tr, ${sqlString(ZONE_HINT)}) THEN TRY_CAST(tr AS TIMESTAMP)`,
  ];
  if (changes.length === 0)
    shapes.push(
      `WHEN tr LIKE ${sqlString(`%${offset}`)} AND tr >= '0' AND tr < ':' THEN TRY_CAST(SUBSTRING(tr, 1, LENGTH(tr) - 6) AS TIMESTAMP)`,
    );
  return `CASE ${shapes.join(' ')} END`;
}

/**
 * A zone in a time cell, or the start of one: a `+`, a letter other than the `T` between date and
 * time (`Z`, `UTC`, `PST`), or a `-` after the time's first colon (`-02`, `-0500`). DuckDB's cast reads
 * `2026-10-5 8:31:00Z`, `…-02`, `…-0200` and `… UTC` and drops the zone: the time would be taken as
 * local, hours off and perhaps in the wrong month. A cell with one is read only by the forms below
 * that convert it (`Z`, `±HH:MM`, `±HHMM`, `±HH`), or refused at its cell.
 */
const ZONE_HINT = '[+A-SU-Za-su-z]|:.*-';
/** A local time as the forms with a zone write it before the zone: date, `T` or space, hours and minutes, seconds and a fraction if any. */
const ZONED_TIME = '([0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)';
/** Such a time, then `Z`, spaces and tabs around. */
const UTC_TIME = `^\\s*${ZONED_TIME}\\s*Z\\s*$`;
/** Such a time, then an offset `±HH:MM`, `±HHMM` or `±HH` (at most 14 hours; groups 2–4: sign, hours, minutes). */
const OFFSET_TIME = `^\\s*${ZONED_TIME}\\s*([+-])(0[0-9]|1[0-4]):?([0-5][0-9])?\\s*$`;

/** `2026年10月4日`, then a time of day (hours 0 to 23: `24:00` is refused as in every other form) or nothing. */
const CHINESE_DATE = '^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\\s*(([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$';
/** Such a cell `t` as DuckDB's cast reads a time: `2026-10-4 10:00` (a month or day out of range is no time). */
const chineseDate = [
  `regexp_extract(t, '^([0-9]{4})年', 1)`,
  `'-'`,
  `regexp_extract(t, '年([0-9]{1,2})月', 1)`,
  `'-'`,
  `regexp_extract(t, '月([0-9]{1,2})日', 1)`,
  `' '`,
  `regexp_extract(t, '日\\s*(.*)$', 1)`,
].join(' || ');

/**
 * The time cell `t` as the company's local time: a time without a zone (up to 19 characters,
 * `2026-10-05 20:31:00`) is local already and read by the cast alone; `Z` and `±HH:MM` are
 * converted with the zone's offset — fixed, or, for a zone with daylight saving, the offset in
 * force at that instant (`changes`: a CASE on the UTC instant; no time zone database needed).
 */
function localTimeSql(offsetMinutes: number, changes: readonly { at: string; minutes: number }[] = []): string {
  const offsetAt = (utc: string) =>
    changes.length === 0
      ? sqlNumber(offsetMinutes)
      : `CASE ${changes
          .map(
            (c, i) =>
              `WHEN ${utc} < TIMESTAMP ${sqlString(c.at)} THEN ${sqlNumber(i === 0 ? offsetMinutes : changes[i - 1]!.minutes)}`,
          )
          .join(' ')} ELSE ${sqlNumber(changes[changes.length - 1]!.minutes)} END`;
  // `back` takes the written offset away (none for `Z`): the UTC instant; then the zone's offset is added
  const zoned = (base: string, back?: string) => {
    if (changes.length === 0)
      return `TRY_CAST(${base} AS TIMESTAMP) + INTERVAL '1' MINUTE * (${sqlNumber(offsetMinutes)}${back ? ` - ${back}` : ''})`;
    const utc = back
      ? `(TRY_CAST(${base} AS TIMESTAMP) - INTERVAL '1' MINUTE * (${back}))`
      : `TRY_CAST(${base} AS TIMESTAMP)`;
    return `${utc} + INTERVAL '1' MINUTE * (${offsetAt(utc)})`;
  };
  const offset = sqlString(OFFSET_TIME);
  const sign = `CASE WHEN regexp_extract(t, ${offset}, 2) = '-' THEN -1 ELSE 1 END`;
  const minutes = `(CAST(regexp_extract(t, ${offset}, 3) AS INTEGER) * 60 + COALESCE(TRY_CAST(NULLIF(regexp_extract(t, ${offset}, 4), '') AS INTEGER), 0))`;
  return [
    'CASE',
    // `2026-10-31 24:00:00`: the end of the 31st or the start of the 1st? DuckDB reads the 1st, and
    // the session would leave October without a word: not read (refused at its cell)
    `WHEN regexp_matches(t, '[ T]24:') THEN NULL`,
    // `2026年10月4日 10:00` (a 抖音 or 小店 export, Excel's 年月日 format): year, month, day as written,
    // then the time of day or midnight; read as `2026-10-4 10:00`, local time (docs/events.md)
    `WHEN t LIKE '%年%' THEN CASE WHEN regexp_matches(t, ${sqlString(CHINESE_DATE)}) THEN TRY_CAST(TRIM(${chineseDate}) AS TIMESTAMP) END`,
    // a local time: no zone in it (DuckDB's cast would drop one), read by the cast
    `WHEN NOT regexp_matches(t, ${sqlString(ZONE_HINT)}) THEN TRY_CAST(t AS TIMESTAMP)`,
    `WHEN regexp_matches(t, ${sqlString(UTC_TIME)}) THEN ${zoned(`regexp_extract(t, ${sqlString(UTC_TIME)}, 1)`)}`,
    `WHEN regexp_matches(t, ${offset}) THEN ${zoned(`regexp_extract(t, ${offset}, 1)`, `${sign} * ${minutes}`)}`,
    // any other zone (` UTC`, `+00:00:00`, `PST`) is refused at its cell, not dropped
    'ELSE NULL END',
  ].join('\n      ');
}

const ts = (day: string) => `TIMESTAMP ${sqlString(day + ' 00:00:00')}`;
const date = (day: string) => `DATE ${sqlString(day)}`;
const between = (from: string, to: string) => `lt >= ${ts(from)} AND lt < ${ts(to)}`;

/** Aggregates whose value for no rows is 0 (a count, a sum); the others have none. */
export const zeroWhenEmpty = (m: EventMetric) => !m.growth && ['count', 'sum', 'count_distinct'].includes(m.agg);

/** The columns whose negative cells are refused: read by a sum, average, minimum or maximum without `negatives: allow`. */
export function negativeRefused(source: EventSource): string[] {
  return [
    ...new Set(
      Object.values(source.metrics)
        .filter((m) => m.column && ['sum', 'avg', 'min', 'max'].includes(m.agg) && m.negatives !== 'allow')
        .map((m) => m.column!),
    ),
  ];
}

/**
 * A metric's unit as the policy declares it (engine/model/policy.ts), looked up by the mapping's
 * metric name, and whether a ratio is written in percent points (`ratio_format: percent_points`).
 */
export type UnitOf = (metric: string) => { unit: string; percentPoints?: boolean } | undefined;

/**
 * The columns whose `%` cells are refused (`100%` in 播放量 is no number of plays): read by a sum,
 * average, minimum or maximum into a metric the policy declares a count, an amount, a score or
 * seconds. A column only ratios read (`unit: ratio`), or only conditions, keeps `45.3%` as 0.453;
 * without the policy's units (`data sql` without `--explain`) every column does.
 */
export function percentRefused(source: EventSource, unitOf?: UnitOf): string[] {
  return [...new Set([...notRatios(source, unitOf).map(([, m]) => m.column!), ...bothRatioFormats(source, unitOf)])];
}

/**
 * The columns read into a ratio written as a fraction and into one written in percent points: `45%`
 * is 0.45 to the one and 45 points to the other, so which the `%` means cannot be told (refused).
 */
function bothRatioFormats(source: EventSource, unitOf?: UnitOf): string[] {
  const ratios = valueReaders(source, unitOf).filter(([, , u]) => u.unit === 'ratio');
  return [...new Set(ratios.map(([, m]) => m.column!))].filter((c) => {
    const here = ratios.filter(([, m]) => m.column === c);
    return here.some(([, , u]) => u.percentPoints) && here.some(([, , u]) => !u.percentPoints);
  });
}

/**
 * Why `column` refuses a `%` (percentRefused): the metrics that are not ratios (`notRatio`), else the
 * ratios read as fractions and those read in percent points (`fraction`, `points`), by name.
 */
export function percentReading(
  source: EventSource,
  column: string,
  unitOf?: UnitOf,
): { notRatio: string[]; fraction: string[]; points: string[] } {
  const here = valueReaders(source, unitOf).filter(([, m]) => m.column === column);
  const names = (keep: (u: { unit: string; percentPoints?: boolean }) => boolean) =>
    here.filter(([, , u]) => keep(u)).map(([name]) => name);
  return {
    notRatio: names((u) => u.unit !== 'ratio'),
    fraction: names((u) => u.unit === 'ratio' && !u.percentPoints),
    points: names((u) => u.unit === 'ratio' && Boolean(u.percentPoints)),
  };
}

function notRatios(source: EventSource, unitOf?: UnitOf): [string, EventMetric][] {
  return valueReaders(source, unitOf).flatMap(([name, m, unit]) =>
    unit.unit !== 'ratio' ? [[name, m] as [string, EventMetric]] : [],
  );
}

/** The metrics that read a column's values (sum, average, minimum, maximum) into a metric of the policy, with its unit. */
function valueReaders(
  source: EventSource,
  unitOf?: UnitOf,
): [string, EventMetric, { unit: string; percentPoints?: boolean }][] {
  if (!unitOf) return [];
  return Object.entries(source.metrics).flatMap(([name, m]) => {
    const unit = unitOf(name);
    return m.column && ['sum', 'avg', 'min', 'max'].includes(m.agg) && unit ? [[name, m, unit] as const] : [];
  }) as [string, EventMetric, { unit: string; percentPoints?: boolean }][];
}

/**
 * The columns whose `%` cells are the percent points before the `%` (`45%` is 45): every metric that
 * reads the column's values is a ratio the policy reads in percent points (`ratio_format:
 * percent_points`), which the record then divides by 100, as it divides `45` — so that `45%` and
 * `45` are both 0.45, as in a data file (the `%` was divided twice: `45%` became 0.0045).
 */
export function percentPoints(source: EventSource, unitOf?: UnitOf): string[] {
  const readers = valueReaders(source, unitOf);
  const refused = new Set(percentRefused(source, unitOf));
  return [...new Set(readers.map(([, m]) => m.column!))].filter(
    (c) => !refused.has(c) && readers.filter(([, m]) => m.column === c).every(([, , u]) => u.percentPoints),
  );
}

/**
 * The aggregation of one event source for one month. `from` is the reader (readerSql) of the
 * file; `keyColumn` its column naming the employee.
 */
export function planSource(
  source: EventSource,
  keyColumn: string,
  calendar: MonthCalendar,
  from: string,
  types?: Record<string, string>,
  /** yardstick's own run (DuckDB, never printed): cheaper DuckDB functions where they give the same rows */
  own = false,
  /**
   * yardstick's own run: whether averageOf gives DuckDB's AVG bit for bit here (fast.ts: on x64),
   * and whether the columns a distinct count reads have few distinct cells (fast.ts, fewDistinct):
   * grouped by a column of order numbers, the groups are as many as the rows, and reading the rows
   * one by one costs less.
   */
  ownOptions: {
    exactAverages?: boolean;
    fewDistinct?: boolean;
    written?: boolean;
    percentRefused?: string[];
    percentPoints?: string[];
  } = {},
): Plan {
  // `written: false`: the cells only the written forms read (`¥1,234.50`, `(12.00)`, `="300"`) count as
  // unreadable; DuckDB then does no more per cell than before those forms were read (aggregate.ts runs
  // the statement with them only when this one finds unreadable cells)
  const { exactAverages = process.arch === 'x64', fewDistinct = true, written = true } = ownOptions;
  // `percentRefused`, `percentPoints` (every statement, the printed one too): how a `%` cell of a column is read
  const percent = (c: string): PercentReading =>
    (ownOptions.percentRefused ?? []).includes(c)
      ? 'refused'
      : (ownOptions.percentPoints ?? []).includes(c)
        ? 'points'
        : 'fraction';
  // typed columns (a Parquet file's): a number column is its number, a TIMESTAMP or DATE the local time
  const plainNumbers = (c: string) => types?.[c] === PLAIN_NUMBERS;
  const isNumberType = (c: string) =>
    plainNumbers(c) ||
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(
      types?.[c] ?? '',
    );
  const timeTyped = /^(TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|DATE)$/.test(types?.[source.time] ?? '');
  const numeric = numericColumns(source);
  const metricsList = Object.values(source.metrics);
  const conditionsOf = (m: EventMetric) => [...(m.where ?? []), ...(m.when ?? [])];
  const textCols = [
    ...new Set(
      metricsList
        .flatMap((m) =>
          conditionsOf(m)
            .filter((c) => !isNumericCondition(c))
            .map((c) => c.column),
        )
        .concat(metricsList.filter((m) => m.agg === 'count_distinct').map((m) => m.column!)),
    ),
  ];
  const aggregated = new Set(
    metricsList.filter((m) => m.column && ['sum', 'avg', 'min', 'max'].includes(m.agg)).map((m) => m.column!),
  );
  const numericConditions = metricsList.flatMap(conditionsOf).filter(isNumericCondition);
  // `10万+` is read, as its least value, only in conditions it decides (docs/events.md)
  const atLeast = numeric.filter((c) => numericConditions.some((x) => x.column === c));
  const negatives = negativeRefused(source);
  const n = (col: string) => `n${numeric.indexOf(col)}`;
  const p = (col: string) => `p${numeric.indexOf(col)}`;
  const s = (col: string) => `s${textCols.indexOf(col)}`;
  const text = (col: string) => `COALESCE(TRIM(CAST(${sqlIdent(col)} AS VARCHAR)), '')`;
  const top = (c: Condition) => Math.max(...(Array.isArray(c.value) ? c.value : [c.value]).map(Number));
  /** The test that `10万+` decides the condition: its least value settles it whatever the rest. */
  const decided = (c: Condition) => `${p(c.column)} ${c.op === '>=' ? '>=' : '>'} ${sqlNumber(top(c))}`;

  /** `textOf`: how a text condition reads its column (the trimmed cell `s{i}` unless said otherwise). */
  const condition = (c: Condition, textOf: (col: string) => string = s): string => {
    const numericTest = isNumericCondition(c);
    const x = numericTest ? n(c.column) : textOf(c.column);
    const lit = (v: string | number) => (numericTest ? sqlNumber(v as number) : sqlString(String(v).trim()));
    const values = Array.isArray(c.value) ? c.value : [c.value];
    switch (c.op) {
      case 'in':
        return `${x} IN (${values.map(lit).join(', ')})`;
      case 'not_in':
        // a blank cell is "not in" the list: a blank status is not a refund
        return `(${x} IS NULL OR ${x} NOT IN (${values.map(lit).join(', ')}))`;
      case '!=':
        return `(${x} IS NULL OR ${x} <> ${lit(values[0]!)})`;
      case '>=':
      case '>':
        // `10万+` meets `>= 100000`
        return numericTest ? `(${x} ${c.op} ${lit(values[0]!)} OR ${decided(c)})` : `${x} ${c.op} ${lit(values[0]!)}`;
      default:
        return `${x} ${c.op} ${lit(values[0]!)}`;
    }
  };
  const all = (cs: (string | undefined)[]) => {
    const kept = cs.filter((c): c is string => !!c);
    return kept.length ? kept.join(' AND ') : undefined;
  };
  const whereOf = (m: EventMetric, extra?: string) => all([...(m.where ?? []).map((c) => condition(c)), extra]);
  const value = (m: EventMetric) =>
    m.agg === 'count_distinct' ? distinctSql(s(m.column!)) : m.column ? n(m.column) : '1';
  /** The aggregate over a group of rows (a month, one grain, or the rows `extra` keeps of them). */
  const aggregate = (m: EventMetric, extra?: string): string => {
    const where = whereOf(m, extra);
    const only = (x: string) => (where ? `CASE WHEN ${where} THEN ${x} END` : x);
    switch (m.agg) {
      case 'count':
        return where ? `COUNT(${only('1')})` : 'COUNT(*)';
      case 'sum':
        return `COALESCE(SUM(${only(value(m))}), 0)`;
      case 'count_distinct':
        return `COUNT(DISTINCT ${only(value(m))})`;
      case 'share': {
        const hit = all((m.when ?? []).map((c) => condition(c)))!;
        return `CAST(COUNT(${where ? `CASE WHEN ${where} AND ${hit} THEN 1 END` : `CASE WHEN ${hit} THEN 1 END`}) AS DOUBLE) / NULLIF(COUNT(${only('1')}), 0)`;
      }
      default:
        return `${m.agg.toUpperCase()}(${only(value(m))})`;
    }
  };

  const names = Object.keys(source.metrics);
  const monthGrowth = metricsList.some((m) => m.growth === 'month');
  // The rows are grouped by the key and the text columns the conditions (and a distinct count) read
  // AS WRITTEN first, and trimmed, matched and re-aggregated on the few groups that leaves (a sum
  // of sums, a count of counts, a distinct count of distinct cells: the same numbers). Trimming
  // every cell of a large file costs more than grouping it. The printed statement does this only
  // when every metric is a count, sum, minimum, maximum or share of the month; yardstick's own run
  // (`own`) for every source: a grain (`per`) or a week's growth groups by the day too (`d`), a
  // month's growth by the part, and each is computed from those groups (docs/events.md). An average
  // of the month is returned as its exact sum and count and divided as DuckDB's `AVG` divides
  // (averageOf in fast.ts: long double, known on x64 only), a growth of averages from its two
  // periods' sums and counts; an average per grain (whose value another aggregate reads in the
  // statement), or any average on another processor, keeps the rows read one by one.
  const rawGrouped = own
    ? metricsList.every(
        (m) => (m.agg !== 'avg' || (!m.per && exactAverages)) && (m.agg !== 'count_distinct' || fewDistinct),
      )
    : metricsList.every((m) => !m.per && !m.growth && ['count', 'sum', 'min', 'max', 'share'].includes(m.agg));
  const byDay = rawGrouped && metricsList.some((m) => m.per || m.growth === 'week');
  const columnsSql = (numbered: boolean) => [
    rawGrouped && !numbered
      ? `CAST(${sqlIdent(keyColumn)} AS VARCHAR) AS rk`
      : `${keyTextSql(`CAST(${sqlIdent(keyColumn)} AS VARCHAR)`)} AS k`,
    numbered || timeTyped
      ? `TRIM(CAST(${sqlIdent(source.time)} AS VARCHAR)) AS t`
      : `CAST(${sqlIdent(source.time)} AS VARCHAR) AS tr`,
    // a typed column needs no text: its cell is a number or none
    ...numeric.flatMap((c, i) => (isNumberType(c) ? [] : [`CAST(${sqlIdent(c)} AS VARCHAR) AS u${i}`])),
    ...textCols.map((c, i) =>
      rawGrouped && !numbered
        ? `CAST(${sqlIdent(c)} AS VARCHAR) AS w${i}`
        : `${cellTextSql(`CAST(${sqlIdent(c)} AS VARCHAR)`)} AS s${i}`,
    ),
    ...numeric.flatMap((c, i) => (isNumberType(c) ? [`${sqlIdent(c)} AS x${i}`] : [])),
    ...(timeTyped ? [`${sqlIdent(source.time)} AS tt`] : []),
  ];
  // the time: the common shapes read from the cell as written (fastTimeSql), the trimmed cell otherwise
  const fastTime = !timeTyped;
  const stages = (numbered: boolean) => {
    const fast = fastTime && !numbered;
    return [
      `src AS (\n  SELECT ${numbered ? 'ROW_NUMBER() OVER () AS row_number_, ' : ''}* FROM ${from}\n)`,
      `cells AS (\n  SELECT ${numbered ? 'row_number_, ' : ''}${[...columnsSql(numbered), ...(numbered ? [`${text(source.time)} AS t_raw`, ...numeric.map((c, i) => `${text(c)} AS raw${i}`)] : [])].join(',\n    ')}\n  FROM src\n)`,
      ...(fast
        ? [
            `times AS (\n  SELECT cells.*,\n    ${fastTimeSql(calendar.offsetMinutes, calendar.changes, own)} AS lt0\n  FROM cells\n)`,
            `trimmed AS (\n  SELECT times.*, CASE WHEN lt0 IS NULL THEN TRIM(tr) END AS t\n  FROM times\n)`,
          ]
        : []),
      `parsed AS (\n  SELECT ${fast ? 'trimmed' : 'cells'}.*,\n    ${[
        ...numeric.map((c, i) =>
          plainNumbers(c)
            ? // seven characters after a `.` (`0.8999999`): the text path says whether DECIMAL(18, 6) would round it
              `CASE WHEN contains(x${i}, 'e') OR contains(x${i}, 'E') OR contains(x${i}, '_') OR x${i} LIKE '%._______%' THEN error('not a plain number') ELSE CAST(x${i} AS ${DEC}) END AS n${i}`
            : isNumberType(c)
              ? typedNumberSql(`x${i}`, types![c]!)
              : `${numberSql(`u${i}`, written, percent(c))} AS n${i}`,
        ),
        ...atLeast.map((c) =>
          isNumberType(c)
            ? `CAST(NULL AS ${DEC}) AS ${p(c)}`
            : `${atLeastSql(`u${numeric.indexOf(c)}`, written, percent(c))} AS ${p(c)}`,
        ),
        timeTyped
          ? 'CAST(tt AS TIMESTAMP) AS lt'
          : fast
            ? `CASE WHEN ${hour24('lt0')} THEN NULL ELSE COALESCE(lt0, ${localTimeSql(calendar.offsetMinutes, calendar.changes)}) END AS lt`
            : `${localTimeSql(calendar.offsetMinutes, calendar.changes)} AS lt`,
      ].join(',\n    ')}\n  FROM ${fast ? 'trimmed' : 'cells'}\n)`,
    ];
  };
  const inMonth = between(calendar.start, calendar.end);
  // month-over-month growth reads the month before too
  const window = monthGrowth ? between(calendar.previousStart, calendar.end) : inMonth;

  // rows a problem keeps out: a time that cannot be read; in a row the aggregation reads, a number
  // that cannot be read (or `10万+` where its least value does not decide), or a refused negative
  const unread = numeric.map((c, i) => {
    // a typed cell is a number or none (an empty cell); it is unreadable only when too large for DECIMAL(18, 6)
    if (isNumberType(c)) return `(x${i} IS NOT NULL AND n${i} IS NULL)`;
    const atLeastBad = atLeast.includes(c)
      ? aggregated.has(c)
        ? 'TRUE'
        : numericConditions
            .filter((x) => x.column === c)
            .map((x) => `NOT (${decided(x)})`)
            .join(' OR ') || 'FALSE'
      : 'TRUE';
    const pCol = atLeast.includes(c) ? p(c) : 'NULL';
    return `(n${i} IS NULL AND NOT ${missingSql(`u${i}`, written)} AND (${pCol} IS NULL OR ${atLeastBad}))`;
  });
  // a negative cell is refused only in a row a refusing metric reads (its `where` keeps the row)
  const negative = numeric.map((c, i) => {
    if (!negatives.includes(c)) return 'FALSE';
    const readers = metricsList.filter(
      (m) => m.column === c && ['sum', 'avg', 'min', 'max'].includes(m.agg) && m.negatives !== 'allow',
    );
    const kept = readers.map((m) => whereOf(m));
    return kept.some((w) => w === undefined)
      ? `n${i} < 0`
      : `(n${i} < 0 AND (${kept.map((w) => `(${w})`).join(' OR ')}))`;
  });
  const badRow = ['lt IS NULL', ...numeric.map((_, i) => `${unread[i]} OR ${negative[i]}`)].join('\n      OR ');
  // the same test on a row of the file as written (rawGrouped): a negative's metric conditions
  // trim the text cells they read, on negative cells only
  const rawText = (col: string) => cellTextSql(`w${textCols.indexOf(col)}`);
  const rawNegative = numeric.map((c, i) => {
    if (!negatives.includes(c)) return 'FALSE';
    const readers = metricsList.filter(
      (m) => m.column === c && ['sum', 'avg', 'min', 'max'].includes(m.agg) && m.negatives !== 'allow',
    );
    const kept = readers.map((m) => all((m.where ?? []).map((x) => condition(x, rawText))));
    return kept.some((w) => w === undefined)
      ? `n${i} < 0`
      : `CASE WHEN n${i} < 0 THEN ${kept.map((w) => `(${w})`).join(' OR ')} ELSE FALSE END`;
  });
  const rawBadRow = ['lt IS NULL', ...numeric.map((_, i) => `${unread[i]} OR ${rawNegative[i]}`)].join('\n      OR ');

  // one pass over the file: `grouped` aggregates each key's rows per part (0: the month, 1: the month
  // before, for month-over-month growth, 2: no readable time, 3: any other time), counting the rows
  // that cannot be read as `bad_`; `monthly` keeps the month's part and the keys with a row in
  // parts 0–2. The parts are not filtered first: a filter on the time would compute the time of
  // every row once more for each of its comparisons (DuckDB pushes it below the parsing).
  const part = [
    'CASE WHEN lt IS NULL THEN 2',
    `WHEN lt >= ${ts(calendar.end)} THEN 3`,
    `WHEN lt >= ${ts(calendar.start)} THEN 0`,
    ...(monthGrowth ? [`WHEN lt >= ${ts(calendar.previousStart)} THEN 1`] : []),
    'ELSE 3 END',
  ].join(' ');
  const ofMonth = (x: string, zero: boolean) =>
    zero ? `COALESCE(MAX(CASE WHEN part = 0 THEN ${x} END), 0)` : `MAX(CASE WHEN part = 0 THEN ${x} END)`;
  const perOrGrowth = metricsList.some((m) => m.per || m.growth);
  /** A metric's conditions on numbers (read row by row) or on texts (read on the groups). */
  const split = (cs: Condition[] = [], numericPart: boolean) =>
    all(cs.filter((c) => isNumericCondition(c) === numericPart).map((c) => condition(c)));
  const onlyIf = (x: string, test: string | undefined) => (test ? `CASE WHEN ${test} THEN ${x} END` : x);
  const total = (x: string) => `CAST(COALESCE(SUM(${x}), 0) AS BIGINT)`;
  /**
   * Metric `i` over the groups of `keyed` (rawGroupedSql) that `extra` keeps (a grain, a period):
   * the groups its text conditions keep, added up (or their minimum or maximum taken, or their
   * distinct cells counted, of the groups with a row its number conditions keep).
   */
  const fromGroups = (m: EventMetric, i: number, extra?: string): { value: string; rows: string } => {
    const wT = all([split(m.where, false), extra]);
    const hT = split(m.when, false);
    const rows = total(onlyIf(`c${i}`, wT));
    const value =
      m.agg === 'count'
        ? rows
        : m.agg === 'share'
          ? `CAST(${total(onlyIf(`h${i}`, all([wT, hT])))} AS DOUBLE) / NULLIF(${rows}, 0)`
          : m.agg === 'sum'
            ? `COALESCE(SUM(${onlyIf(`a${i}`, wT)}), 0)`
            : m.agg === 'count_distinct'
              ? `COUNT(DISTINCT ${onlyIf(distinctSql(s(m.column!)), all([wT, `c${i} > 0`]))})`
              : m.agg === 'avg'
                ? // the exact sum and count of the numbers, as text: `sum/count`; none without a number
                  `CASE WHEN SUM(${onlyIf(`k${i}`, wT)}) > 0 THEN CAST(SUM(${onlyIf(`a${i}`, wT)}) AS VARCHAR) || '/' || CAST(SUM(${onlyIf(`k${i}`, wT)}) AS VARCHAR) END`
                : `${m.agg.toUpperCase()}(${onlyIf(`a${i}`, wT)})`;
    return { value, rows };
  };
  /**
   * `grouped` for rawGrouped metrics, in two steps. `raw`: each key and text cell as written, per
   * part (and day, `d`, for a grain or a week's growth), with each metric's number conditions
   * applied row by row: `c` the rows they keep, `a` the sum, minimum or maximum of those rows (an
   * average: `a` their sum, `k` how many numbers), `h` for a share the rows its `when` numbers keep
   * too. `keyed`: the key and text cells trimmed.
   * `grouped`: per trimmed key and part, fromGroups of each metric of the month.
   */
  const rawGroupedSql = (): string[] => {
    const count = (test: string | undefined) => (test ? `COUNT(CASE WHEN ${test} THEN 1 END)` : 'COUNT(*)');
    const rawColumns = metricsList.flatMap((m, i) => {
      const wN = split(m.where, true);
      const hN = split(m.when, true);
      return [
        `${count(wN)} AS c${i}`,
        ...(m.agg === 'share' ? [`${count(all([wN, hN]))} AS h${i}`] : []),
        ...(['sum', 'min', 'max'].includes(m.agg)
          ? [`${m.agg.toUpperCase()}(${onlyIf(n(m.column!), wN)}) AS a${i}`]
          : []),
        ...(m.agg === 'avg'
          ? [`SUM(${onlyIf(n(m.column!), wN)}) AS a${i}`, `COUNT(${onlyIf(n(m.column!), wN)}) AS k${i}`]
          : []),
      ];
    });
    const groupedColumns = metricsList.flatMap((m, i) => {
      const { value, rows } = fromGroups(m, i);
      return [`${m.per || m.growth ? 'NULL' : value} AS v${i}`, `${rows} AS r${i}`];
    });
    const raws = ['rk', ...textCols.map((_, j) => `w${j}`)];
    const by = [...raws, part, ...(byDay ? ['CAST(lt AS DATE)'] : [])];
    return [
      `raw AS (\n  SELECT ${raws.join(', ')}, ${part} AS part, ${byDay ? 'CAST(lt AS DATE) AS d, ' : ''}COUNT(*) AS rows_,\n    ${rawColumns.join(',\n    ')},\n    COUNT(CASE WHEN ${rawBadRow} THEN 1 END) AS bad_\n  FROM parsed\n  GROUP BY ${by.join(', ')}\n)`,
      `keyed AS (\n  SELECT ${keyTextSql('rk')} AS k, ${textCols.map((_, j) => `${cellTextSql(`w${j}`)} AS s${j}, `).join('')}raw.*\n  FROM raw\n)`,
      `grouped AS (\n  SELECT k, part, ${total('rows_')} AS rows_,\n    ${groupedColumns.join(',\n    ')},\n    ${total('bad_')} AS bad_\n  FROM keyed\n  GROUP BY k, part\n)`,
    ];
  };
  const ctes = [
    ...stages(false),
    // the rows of the month (and of the month before, for month-over-month growth) and those whose
    // time cannot be read, for the metrics per week or day and the growth metrics
    ...(perOrGrowth && !rawGrouped ? [`ev AS (\n  SELECT * FROM parsed WHERE lt IS NULL OR ${window}\n)`] : []),
    ...(rawGrouped
      ? rawGroupedSql()
      : [
          `grouped AS (\n  SELECT k, ${part} AS part, COUNT(*) AS rows_${metricsList
            .map((m, i) => {
              const where = whereOf(m);
              return `,\n    ${m.per || m.growth ? 'NULL' : aggregate(m)} AS v${i},\n    ${where ? `COUNT(CASE WHEN ${where} THEN 1 END)` : 'COUNT(*)'} AS r${i}`;
            })
            .join('')},\n    COUNT(CASE WHEN ${badRow} THEN 1 END) AS bad_\n  FROM parsed\n  GROUP BY k, ${part}\n)`,
        ]),
    `monthly AS (\n  SELECT k, ${ofMonth('rows_', true)} AS rows_${metricsList
      .map((m, i) => `,\n    ${ofMonth(`v${i}`, zeroWhenEmpty(m))} AS v${i},\n    ${ofMonth(`r${i}`, true)} AS r${i}`)
      .join(
        '',
      )},\n    SUM(CASE WHEN part < 3 THEN bad_ ELSE 0 END) AS bad_\n  FROM grouped\n  GROUP BY k\n  HAVING MIN(part) < 3\n)`,
  ];
  const weeks = growthWeeks(calendar);
  metricsList.forEach((m, i) => {
    if (m.growth) {
      const [cur, prev] =
        m.growth === 'week'
          ? [between(weeks.current, addDays(weeks.current, 7)), between(weeks.previous, addDays(weeks.previous, 7))]
          : [`lt >= ${ts(calendar.start)}`, `lt < ${ts(calendar.start)}`];
      if (rawGrouped) {
        // the day `d` of a group (midnight to midnight, as the periods are) or its part: 0 the month, 1 the month before
        const [curDays, prevDays] =
          m.growth === 'week'
            ? [
                `d >= ${date(weeks.current)} AND d < ${date(addDays(weeks.current, 7))}`,
                `d >= ${date(weeks.previous)} AND d < ${date(addDays(weeks.previous, 7))}`,
              ]
            : ['part = 0', 'part = 1'];
        ctes.push(
          `growth${i} AS (\n  SELECT k, ${fromGroups(m, i, curDays).value} AS cur,\n    ${fromGroups(m, i, prevDays).value} AS prev\n  FROM keyed\n  GROUP BY k\n)`,
        );
        return;
      }
      ctes.push(
        `growth${i} AS (\n  SELECT k, ${aggregate(m, cur)} AS cur,\n    ${aggregate(m, prev)} AS prev\n  FROM ev\n  GROUP BY k\n)`,
      );
      return;
    }
    if (!m.per) return;
    const grainOf = m.per === 'week' ? `CAST(DATE_TRUNC('week', lt) AS DATE)` : 'CAST(lt AS DATE)';
    const grains =
      m.per === 'day' ? calendar.days : calendar.weeks.filter((w) => m.weeks !== 'full' || w.full).map((w) => w.start);
    // an empty week counts 0 rows and sums to 0; it has no average, minimum or maximum
    const filled = zeroWhenEmpty(m) ? `COALESCE(g.v, 0)` : 'g.v';
    // grouped: the groups of the month's days (part 0); the keys with a row of the month, the month
    // before (for a month's growth) or no readable time (parts 0–2), as `ev` holds them
    const grainOfDay = m.per === 'week' ? `CAST(DATE_TRUNC('week', d) AS DATE)` : 'd';
    ctes.push(
      rawGrouped
        ? `per${i} AS (\n  SELECT k, ${grainOfDay} AS grain, ${fromGroups(m, i).value} AS v\n  FROM keyed\n  WHERE part = 0\n  GROUP BY k, ${grainOfDay}\n)`
        : `per${i} AS (\n  SELECT k, ${grainOf} AS grain, ${aggregate(m)} AS v\n  FROM ev\n  WHERE ${inMonth}\n  GROUP BY k, ${grainOf}\n)`,
      `across${i} AS (\n  SELECT keys.k, ${m.across!.toUpperCase()}(${filled}) AS v\n  FROM (SELECT DISTINCT k FROM ${rawGrouped ? 'keyed WHERE part < 3' : 'ev'}) keys\n  CROSS JOIN (VALUES ${grains.map((d) => `(${date(d)})`).join(', ')}) AS grains (grain)\n  LEFT JOIN per${i} g ON g.k = keys.k AND g.grain = grains.grain\n  GROUP BY keys.k\n)`,
    );
  });
  const double = (x: string) => `CAST(${x} AS DOUBLE)`;
  const metricValue = (m: EventMetric, i: number) =>
    rawGrouped && m.growth && m.agg === 'avg'
      ? 'NULL' // yardstick's own: from the two periods' sums and counts (shape.averageGrowth)
      : m.growth
        ? // (current − previous) / previous; none when the previous period is 0 or has no value
          `CASE WHEN growth${i}.prev IS NULL OR growth${i}.prev = 0 THEN NULL ELSE (${double(`growth${i}.cur`)} - ${double(`growth${i}.prev`)}) / ${double(`growth${i}.prev`)} END`
        : m.per
          ? `across${i}.v`
          : `monthly.v${i}`;
  const growthNames = names.filter((_, i) => metricsList[i]!.growth);
  const select = [
    'monthly.k AS k',
    'monthly.rows_ AS rows_',
    ...metricsList.flatMap((m, i) => [
      `${metricValue(m, i)} AS ${sqlIdent(names[i]!)}`,
      `monthly.r${i} AS ${sqlIdent(`${names[i]} · rows`)}`,
    ]),
    ...metricsList.flatMap((m, i) =>
      m.growth
        ? [
            `growth${i}.cur AS ${sqlIdent(`${names[i]} · ${m.growth === 'week' ? weeks.current : calendar.period}`)}`,
            `growth${i}.prev AS ${sqlIdent(`${names[i]} · ${m.growth === 'week' ? weeks.previous : calendar.previousStart.slice(0, 7)}`)}`,
          ]
        : [],
    ),
    'monthly.bad_ AS bad_rows',
  ];
  const joins = metricsList
    .map((m, i) =>
      m.per
        ? `\nLEFT JOIN across${i} ON across${i}.k = monthly.k`
        : m.growth
          ? `\nLEFT JOIN growth${i} ON growth${i}.k = monthly.k`
          : '',
    )
    .join('');
  const sql = `WITH\n${ctes.join(',\n')}\nSELECT\n  ${select.join(',\n  ')}\nFROM monthly${joins}\nORDER BY monthly.k;\n`;

  const bad = [`lt IS NULL`, ...numeric.map((_, i) => `((${unread[i]} OR ${negative[i]}) AND ${window})`)].join(
    '\n   OR ',
  );
  const checkSql = `WITH\n${stages(true).join(',\n')}\nSELECT row_number_, k, t_raw, lt IS NULL AS bad_time${numeric.map((_, i) => `, raw${i}, COALESCE(${unread[i]}, FALSE) AS bad${i}, COALESCE(${negative[i]}, FALSE) AS negative${i}`).join('')}\nFROM parsed\nWHERE ${bad}\nORDER BY row_number_\nLIMIT 1000;\n`;
  const averages = rawGrouped ? metricsList.flatMap((m, i) => (m.agg === 'avg' && !m.growth ? [i] : [])) : [];
  const averageGrowth = rawGrouped ? metricsList.flatMap((m, i) => (m.agg === 'avg' && m.growth ? [i] : [])) : [];
  return {
    sql,
    shape: {
      metrics: names,
      growth: growthNames,
      ...(averages.length ? { averages } : {}),
      ...(averageGrowth.length ? { averageGrowth } : {}),
    },
    checkSql,
    checked: numeric,
  };
}

/**
 * A typed number cell (a Parquet column's) as DECIMAL(18, 6), `n{i}`; none when too large, and none
 * when DECIMAL(18, 6) would change it by more than its fifteenth significant digit (a DOUBLE
 * 0.8999999 would be read as 0.9): refused at its cell as a text cell of more than six decimal
 * places is (`data_event_cell.inexact`). A double's own noise (0.1 + 0.2, 1234.5600000000002) is
 * within the fifteen digits an XLSX cell is read to, and is read as 0.3 and 1234.56.
 */
function typedNumberSql(x: string, type: string): string {
  const n = `TRY_CAST(${x} AS ${DEC})`;
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)/.test(type))
    return `${n} AS ${x.replace('x', 'n')}`;
  const d = (v: string) => `CAST(${v} AS DOUBLE)`;
  return `CASE WHEN abs(${d(n)} - ${d(x)}) <= abs(${d(x)}) * 1e-15 THEN ${n} END AS ${x.replace('x', 'n')}`;
}

/**
 * A `row_id` cell as the id it holds: whitespace at either end (`WHITESPACE`: tabs, no-break spaces, U+3000) and Excel's text marks
 * (`="…"`, a leading `'`) set aside; case is kept (`aB3` and `Ab3` are two ids). Only a cell that
 * starts or ends with one of them is rewritten: the pattern alone is half the CPU of the rewriting
 * on a million plain order numbers.
 */
function rowIdSql(column: string): string {
  const ws = WHITESPACE;
  const raw = `CAST(${sqlIdent(column)} AS VARCHAR)`;
  // full-width letters, digits and signs as their ASCII (`Ａ１` is `A1`, as the employee key reads
  // them): a copy of an order typed or re-encoded in full width was counted twice
  const cell = asciiSql(raw);
  const t = `TRIM(${cell}, ${ws})`;
  const unmarked = `CASE WHEN ${t} LIKE '="%"' THEN SUBSTRING(${t}, 3, LENGTH(${t}) - 3) WHEN ${t} LIKE '''%' THEN SUBSTRING(${t}, 2) ELSE ${t} END`;
  return `CASE WHEN regexp_matches(${cell}, '^[=''\\s\\pZ\\x{85}\\x{b}\\x{feff}]|[\\s\\pZ\\x{85}\\x{b}\\x{feff}]$') THEN TRIM(${unmarked}, ${ws}) ELSE ${cell} END`;
}

/**
 * A text with its full-width letters, digits and signs (U+FF01–U+FF5E) as their ASCII: `Ａ１` is
 * `A1`. Only a text that has one is rewritten (the test is cheaper than the rewriting).
 */
function asciiSql(text: string): string {
  return `CASE WHEN regexp_matches(${text}, '[\\x{ff01}-\\x{ff5e}]') THEN translate(${text}, '${FULL_WIDTH}', '${HALF_WIDTH.replace(/'/g, "''")}') ELSE ${text} END`;
}

/**
 * The value a `count_distinct` counts: the trimmed cell with its full-width forms as ASCII (the
 * order `Ａ１` and the order `A1` are one order, as `row_id` and the employee key read them; case
 * kept), none for a blank cell. A cell with full-width forms is read again as a text cell once they
 * are ASCII: its marks for Excel written in full width (`＇A1`, `＝＂B1＂`) are marks then, as
 * `row_id`, which folds before it sets marks aside, reads them.
 */
function distinctSql(trimmed: string): string {
  const ascii = `translate(${trimmed}, '${FULL_WIDTH}', '${HALF_WIDTH.replace(/'/g, "''")}')`;
  return `NULLIF(CASE WHEN regexp_matches(${trimmed}, '[\\x{ff01}-\\x{ff5e}]') THEN ${cellTextSql(ascii)} ELSE ${trimmed} END, '')`;
}

/** ASCII's printable signs, letters and digits (U+0021–U+007E), and their full-width forms (U+FF01–U+FF5E), in the same order. */
const HALF_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');

/** One row with the number of ids that more than one row has (0 when every id is once in the file). */
export function repeatedIdsSql(from: string, idColumn: string): string {
  return `SELECT COUNT(*) FROM (SELECT ${rowIdSql(idColumn)} AS id FROM ${from} GROUP BY id HAVING COUNT(*) > 1 AND id <> '')`;
}

/**
 * The rows whose `row_id` cell another row has too (row index as `ROW_NUMBER() OVER ()` counts
 * them, the key as written, the id as written, the index of the id's first row), in file order;
 * ids as `rowIdSql` reads them, an empty id repeating nothing.
 */
export function repeatedRowsSql(from: string, keyColumn: string, idColumn: string): string {
  return [
    `WITH n AS (SELECT ROW_NUMBER() OVER () AS i, CAST(${sqlIdent(keyColumn)} AS VARCHAR) AS k, CAST(${sqlIdent(idColumn)} AS VARCHAR) AS cell, ${rowIdSql(idColumn)} AS id FROM ${from}),`,
    `d AS (SELECT id, MIN(i) AS first FROM n WHERE id <> '' GROUP BY id HAVING COUNT(*) > 1)`,
    'SELECT n.i, n.k, n.cell, d.first FROM n JOIN d ON n.id = d.id ORDER BY n.i',
  ].join('\n');
}
