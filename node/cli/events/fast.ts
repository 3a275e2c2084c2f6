// yardstick's fast read of a text event file: the number columns DuckDB's CSV reader can read as
// numbers itself (in parallel, with no text work per cell), tried before the text path that reads
// every cell as text and explains each unreadable one.
//
// The fast read is only ever a shortcut to the same result:
// - a column is read typed only when every cell of it among the file's first rows is a plain
//   number (`1234`, `-12.5`) or empty; a column with `1.2万`, `45%`, `暂无` or `10万+` near the top
//   stays text;
// - a cell further down that is not a plain number makes DuckDB stop with an error, and the text
//   path runs instead;
// - when the fast read finds any row that cannot be used (a negative refused, a time that is not a
//   time), the text path runs instead too, so that every diagnostic shows the cell as written;
// - the typed reader and the text path's `TRY_CAST(cell AS DECIMAL(18, 6))` are DuckDB's one
//   conversion, so a cell both read is the same number (test/events/fast.test.ts).
// The SQL `yardstick data sql` prints is the text path's: portable, every cell read as text.

import type { EventEngine } from './duckdb.js';
import { NUMBER_TYPE, sqlIdent } from './sql.js';

/** How many rows from the top of the file decide which columns are read typed. */
export const SAMPLE_ROWS = 2000;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The number columns to read typed (column → `DECIMAL(18, 6)`): those whose cells in the file's first
 * SAMPLE_ROWS rows are all plain numbers or empty, and at least one is a number.
 */
export async function typedColumns(
  engine: EventEngine,
  from: string,
  numeric: string[],
): Promise<Record<string, string>> {
  if (!numeric.length) return {};
  const rows = await engine.rows(
    `SELECT ${numeric.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR)`).join(', ')} FROM ${from} LIMIT ${SAMPLE_ROWS}`,
  );
  const typed: Record<string, string> = {};
  numeric.forEach((column, i) => {
    const cells = rows.map((r) => (r[i] === null || r[i] === undefined ? '' : String(r[i])));
    if (cells.some((c) => c !== '') && cells.every((c) => c === '' || PLAIN_NUMBER.test(c)))
      typed[column] = NUMBER_TYPE;
  });
  return typed;
}

/** What the fast read did, for the benchmark and the tests: the columns it typed, and whether its result was used. */
export interface TypedRead {
  columns: string[];
  used: boolean;
  /** Why the text path ran instead: DuckDB's error (a cell that is not a plain number), or rows that cannot be used. */
  fallback?: string;
}
