// yardstick's fast read of a text event file: the number columns whose cells are plain numbers,
// cast whole (`CAST(cell AS DECIMAL(18, 6))`, no TRIM, no pattern, one check for `e`, `E` and `_`),
// tried before the text path that reads every cell as text and explains each unreadable one.
//
// The fast read is only ever a shortcut to the same result:
// - a column is read typed only when every cell of it among the file's first rows is a plain
//   number (`1234`, `-12.5`) or empty; a column with `1.2万`, `45%`, `暂无` or `10万+` near the top
//   stays text;
// - a cell further down that is not a plain number (`1.2万`, or `1e3` and `1_000`, which DuckDB's
//   cast reads and the text path refuses) makes DuckDB stop with an error, and the text path runs
//   instead (sql.ts, PLAIN_NUMBERS; DuckDB's typed CSV reader, used before, read `1e3` as 1000);
// - when the fast read finds any row that cannot be used (a negative refused, a time that is not a
//   time), the text path runs instead too, so that every diagnostic shows the cell as written;
// - the cast is the text path's `TRY_CAST(cell AS DECIMAL(18, 6))`, so a cell both read is the same
//   number (test/events/fast.test.ts).
// The SQL `yardstick data sql` prints is the text path's: portable, every cell read as text.

import type { EventEngine } from './duckdb.js';
import { PLAIN_NUMBERS, sqlIdent, type StatementShape } from './sql.js';

/** How many rows from the top of the file decide which columns are read typed. */
export const SAMPLE_ROWS = 2000;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The number columns to read typed (column → PLAIN_NUMBERS): those whose cells in the file's first
 * SAMPLE_ROWS rows (`rows`, every cell text as DuckDB's reader gives it: EventEngine.head) are all
 * plain numbers or empty, and at least one is a number.
 */
export function typedColumns(header: string[], rows: unknown[][], numeric: string[]): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const column of numeric) {
    const i = header.indexOf(column);
    if (i < 0) continue;
    const cells = rows.slice(0, SAMPLE_ROWS).map((r) => (r[i] === null || r[i] === undefined ? '' : String(r[i])));
    if (cells.some((c) => c !== '') && cells.every((c) => c === '' || PLAIN_NUMBER.test(c)))
      typed[column] = PLAIN_NUMBERS;
  }
  return typed;
}

/** At most this many distinct cells in the first SAMPLE_ROWS rows make a column one of few distinct cells. */
export const FEW_DISTINCT = SAMPLE_ROWS / 10;

/**
 * Whether each column (those a distinct count reads) has few distinct cells as written in the file's
 * first SAMPLE_ROWS rows: then the rows are grouped by them (sql.ts). Only the speed depends on it:
 * both statements give the same numbers.
 */
export async function fewDistinct(engine: EventEngine, from: string, columns: string[]): Promise<boolean> {
  if (!columns.length) return true;
  const [row] = await engine.rows(
    `SELECT ${columns.map((c) => `COUNT(DISTINCT ${sqlIdent(c)})`).join(', ')} FROM (SELECT * FROM ${from} LIMIT ${SAMPLE_ROWS})`,
  );
  return (row ?? []).every((n) => Number(n) <= FEW_DISTINCT);
}

/** What the fast read did, for the benchmark and the tests: the columns it typed, and whether its result was used. */
export interface TypedRead {
  columns: string[];
  used: boolean;
  /** Why the text path ran instead: DuckDB's error (a cell that is not a plain number), or rows that cannot be used. */
  fallback?: string;
}

const bitLength = (x: bigint) => x.toString(2).length;

/** num / den (both > 0) rounded to `bits` significant bits, ties to even: [m, e] for m · 2^e. */
function roundQuotient(num: bigint, den: bigint, bits: number): [bigint, number] {
  // a quotient of bits + 2 or bits + 3 bits, then the bits below `bits` rounded away
  const shift = bits + 2 - (bitLength(num) - bitLength(den));
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  const inexact = n % d !== 0n;
  let drop = bitLength(q) - bits;
  const low = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  q >>= BigInt(drop);
  if (low > half || (low === half && (inexact || (q & 1n) === 1n))) q += 1n;
  if (bitLength(q) > bits) {
    q >>= 1n;
    drop += 1;
  }
  return [q, drop - shift];
}

/**
 * An average from its exact sum and count (`12.500000/3`: the `sum/count` yardstick's own statement
 * gives for an average of the month, sql.ts), as DuckDB's `AVG` of those DECIMAL(18, 6) numbers
 * gives it on x64: the sum in millionths over count × 10^6, divided in the x87's 64-bit-mantissa
 * long double, then rounded to a double (two roundings, ties to even; once in some 4,000 averages
 * this differs in the last bit from one correct rounding, and DuckDB's is kept). Undefined when the
 * sum is too large for that reading to be exact (2^63 millionths and more): the rows are then read
 * one by one.
 */
export function averageOf(text: string): number | undefined {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?\/(\d+)$/.exec(text);
  if (!m) throw new Error(`not an average's sum and count: ${text}`);
  const micro = BigInt(m[2]! + (m[3] ?? '').padEnd(6, '0'));
  const count = BigInt(m[4]!);
  if (micro === 0n) return 0;
  if (micro >= 1n << 63n || count === 0n) return undefined;
  const [m64, e64] = roundQuotient(micro, count * 1_000_000n, 64);
  const [m53, e53] = roundQuotient(m64, 1n, 53);
  const value = Number(m53) * 2 ** (e53 + e64);
  return m[1] ? -value : value;
}

/**
 * The rows of yardstick's own statement with its averages divided (averageOf) and the growth of
 * averages worked out from their two periods, as the printed statement gives them; undefined when
 * an average cannot be divided so (the printed statement must run).
 */
export function settleAverages(shape: StatementShape, rows: unknown[][]): unknown[][] | undefined {
  const at = (shape.averages ?? []).map((i) => 2 + 2 * i);
  const growths = (shape.averageGrowth ?? []).map((i) => {
    const j = shape.growth.indexOf(shape.metrics[i]!);
    return { value: 2 + 2 * i, current: 2 + 2 * shape.metrics.length + 2 * j };
  });
  if (!at.length && !growths.length) return rows;
  const out: unknown[][] = [];
  for (const r of rows) {
    const row = [...r];
    for (const i of [...at, ...growths.flatMap((g) => [g.current, g.current + 1])]) {
      if (row[i] === null || row[i] === undefined) continue;
      const average = averageOf(String(row[i]));
      if (average === undefined) return undefined;
      row[i] = average;
    }
    // as the printed statement: none when either period has no value or the previous one is 0
    for (const g of growths) {
      const [current, previous] = [row[g.current], row[g.current + 1]] as (number | null | undefined)[];
      row[g.value] =
        current === null || current === undefined || previous === null || previous === undefined || previous === 0
          ? null
          : (current - previous) / previous;
    }
    out.push(row);
  }
  return out;
}
