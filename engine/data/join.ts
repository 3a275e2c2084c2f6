// One month from several files: a roster (who is in which team, role and stage) and exports from
// the creator back-office, the shop back-office or third-party tools, each joined to the roster
// on a key (工号, or e.g. the account name the roster lists). The result is one table whose cells
// remember the file, row and column they came from.

import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { known } from '../model/known.js';
import { readPeriod } from './period.js';
import { FIELD_NAMES, isTotalsWord, reorderedHeader, reorderedHeaderProblem } from './records.js';
import { rowLengthProblem, type Table } from './table.js';
import { looksDecimal, looksScientific, normaliseId, showSpelling, withoutTextMark } from './ids.js';

export interface JoinSource {
  file: string;
  table: Table;
  /** Column of this file that identifies the employee (default: its 工号 column). */
  keyColumn?: string;
  /** Roster column holding the same key (default: the roster's 工号). */
  rosterColumn?: string;
  /** This file's header → the name to use for it (a metric id or label), and how to read it. */
  columns?: Record<
    string,
    | string
    | {
        metric?: string;
        money_in?: 'yuan' | 'fen';
        ranges?: 'low' | 'middle' | 'high' | 'reject';
        ratio_format?: 'fraction' | 'percent_points';
      }
  >;
  /**
   * An employee with no row in this file: `error` (the default) excludes them when their role
   * needs a metric from it; `default` gives those metrics their `default`, as for an empty cell.
   */
  missingRows?: 'error' | 'default';
}

export interface JoinResult {
  table: Table;
  diagnostics: Diagnostic[];
  /** Employees whose rows conflict (a duplicate key in one source): they must be excluded. */
  conflicts: Map<string, Diagnostic[]>;
  /** Roster columns used only to join (e.g. an account name). */
  keyColumns: string[];
}

const norm = (s: string) => s.trim().toLowerCase();
/** Two cells' texts the same but for full-width forms, spaces and letter case (`林 小雨` is `林小雨`). */
const sameText = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, '').toLowerCase() === b.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** A join key as compared: the id normalisation (NFKC, no spaces or invisible characters), and case ignored. */
const keyOf = (s: string) => normaliseId(s).toLowerCase();

function idColumn(header: string[]): number {
  const names = FIELD_NAMES.employee_id.map(norm);
  return header.findIndex((h) => names.includes(norm(h)));
}

/**
 * The roster joined with each source. `meaning`, when given, says what a column name means under the
 * policy (a field or metric, whatever its spelling): a file's header again in another column order
 * is then found when a name is spelled with an alias or as a source's `columns:` renames it.
 */
export function joinSources(
  roster: { file: string; table: Table },
  sources: JoinSource[],
  meaning?: (name: string) => string | undefined,
): JoinResult {
  const diagnostics: Diagnostic[] = [];
  const conflicts = new Map<string, Diagnostic[]>();
  const rIdCol = idColumn(roster.table.header);
  if (rIdCol < 0) {
    diagnostics.push(diagnostic('data_missing_column.roster', {}, { file: roster.file, cell: { row: 1 } }));
    return { table: roster.table, diagnostics, conflicts, keyColumns: [] };
  }
  const header = [...roster.table.header];
  /** The spreadsheet row of roster row `i` (a table has one row number per row). */
  const rosterRow = (i: number) => known(roster.table.rowNumbers[i], 'roster row number');
  /** Roster row `i`'s cells (the rows below are the roster's own, one per index). */
  const rosterCells = (i: number) => known(rows[i], 'roster row');
  /**
   * The roster's column of the name or the month a header names, if it has one: the two fields an
   * export repeats beside its key, compared as text and as a month. (A role, stage or team may be
   * written as its id or its title, a pay base as `4,000` or `¥4000`: given twice, they are refused at
   * the header as any other field is.)
   */
  const rosterFieldColumn = (h: string): number | undefined => {
    const field = (['name', 'period'] as const).find((f) => FIELD_NAMES[f].some((n) => sameText(n, h)));
    if (field === undefined) return undefined;
    const at = roster.table.header.findIndex((r) => FIELD_NAMES[field].some((n) => sameText(n, r)));
    return at < 0 ? undefined : at;
  };
  // a roster row longer than its header may have shifted (data/table.ts): the employee is excluded
  const rosterLong: { i: number; d: Diagnostic }[] = [];
  const rows = roster.table.rows.map((r, i) => {
    const d = rowLengthProblem(roster.table.header, r, rosterRow(i), {
      file: roster.file,
      sheet: roster.table.sheet,
      positional: roster.table.positional,
    });
    if (d) rosterLong.push({ i, d });
    const cells = r.slice(0, roster.table.header.length);
    while (cells.length < roster.table.header.length) cells.push('');
    return cells;
  });
  const origins: ({ file: string; sheet?: string; row: number; column: string } | undefined)[][] =
    roster.table.rows.map((_, i) =>
      roster.table.header.map((h) => ({
        file: roster.file,
        ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}),
        row: rosterRow(i),
        column: h,
      })),
    );
  const employeeOf = (i: number) => normaliseId(rosterCells(i)[rIdCol] ?? '');
  for (const { i, d } of rosterLong) conflicts.set(employeeOf(i), [...(conflicts.get(employeeOf(i)) ?? []), d]);
  // the roster's columns keep how their file writes numbers (a file separated by semicolons)
  const columnOptions: NonNullable<Table['columnOptions']> = { ...roster.table.columnOptions };
  /** column → the source it comes from, and the roster rows that source has no row for */
  const absentFrom = new Map<
    number,
    { file: string; default: boolean; rows: Set<number>; near: Map<number, { key: string; row: number }> }
  >();
  // a totals row of the roster (合计 in its 工号 or 姓名 column) is nobody: the record reader notes it
  const nameCol = roster.table.header.findIndex((h) => FIELD_NAMES.name.map(norm).includes(norm(h)));
  const rosterTotals = (i: number) =>
    isTotalsWord(rosterCells(i)[rIdCol] ?? '') || (nameCol >= 0 && isTotalsWord(rosterCells(i)[nameCol] ?? ''));
  /** Roster columns already checked for two rows claiming one key. */
  const claimed = new Set<number>();

  // a file of the mapping with its header again in another column order (a second export pasted
  // below): its rows below would be read under the first header's columns
  for (const t of [{ file: roster.file, table: roster.table } as JoinSource, ...sources]) {
    // a name as the source's `columns:` renames it, then what that means
    const means = meaning
      ? (name: string) => {
          const c = t.columns?.[name.trim()];
          return meaning(typeof c === 'string' ? c : (c?.metric ?? name));
        }
      : undefined;
    const at = t.table.rows.findIndex((r) => {
      const again = reorderedHeader(t.table.header, r, means);
      return again !== undefined && again !== 'same';
    });
    if (at < 0) continue;
    const cells = t.table.rows[at]!;
    const moved = reorderedHeader(t.table.header, cells, means) as number;
    const row = known(t.table.rowNumbers[at], 'row number');
    diagnostics.push(reorderedHeaderProblem(t.table.header, cells, moved, { file: t.file, sheet: t.table.sheet, row }));
  }
  if (diagnostics.length) return { table: roster.table, diagnostics, conflicts, keyColumns: [] };

  for (const src of sources) {
    const sh = src.table.header;
    const keyCol = src.keyColumn ? sh.findIndex((h) => norm(h) === norm(src.keyColumn!)) : idColumn(sh);
    const rosterCol = src.rosterColumn
      ? roster.table.header.findIndex((h) => norm(h) === norm(src.rosterColumn!))
      : rIdCol;
    if (keyCol < 0 || rosterCol < 0) {
      diagnostics.push(
        keyCol < 0
          ? diagnostic(
              'data_missing_column.key',
              { file: src.file ?? '', column: src.keyColumn ?? '工号' },
              { file: src.file, cell: { row: 1 } },
            )
          : diagnostic(
              'data_missing_column.roster_key',
              { column: src.rosterColumn ?? '', file: src.file ?? '' },
              { file: roster.file, cell: { row: 1 } },
            ),
      );
      continue;
    }
    // roster key → roster row; two rows claiming one key cannot be told apart
    const byKey = new Map<string, number>();
    rows.forEach((r, i) => {
      const k = keyOf(r[rosterCol] ?? '');
      if (!k) return;
      const other = byKey.get(k);
      if (other === undefined) byKey.set(k, i);
      else if (!claimed.has(rosterCol)) {
        const [a, b] = [(rosterCells(other)[rosterCol] ?? '').trim(), (r[rosterCol] ?? '').trim()];
        const keys = a === b ? `\`${showSpelling(a)}\`` : `\`${showSpelling(a)}\` / \`${showSpelling(b)}\``;
        diagnostics.push(
          diagnostic(
            looksScientific(k) ? 'data_duplicate_key.scientific' : 'data_duplicate_key',
            {
              first: rosterRow(other),
              second: rosterRow(i),
              keys,
              column: known(roster.table.header[rosterCol], 'roster key column'),
            },
            {
              file: roster.file,
              cell: {
                ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}),
                row: rosterRow(i),
                column: known(roster.table.header[rosterCol], 'roster key column'),
                value: r[rosterCol] ?? '',
              },
            },
          ),
        );
      }
    });
    claimed.add(rosterCol);
    // roster keys that start with 0, without them: a source whose export lost them gets a hint;
    // and the other way round, a source key `007` when the roster's export turned it into `7`
    let zeroless: Map<string, number> | undefined;
    const lostZeros = (k: string) => {
      if (!/^\d+$/.test(k)) return undefined;
      const bare = k.replace(/^0+(?=\d)/, '');
      if (bare !== k && byKey.has(bare)) return byKey.get(bare);
      zeroless ??= new Map([...byKey].filter(([rk]) => /^0+\d/.test(rk)).map(([rk, i]) => [rk.replace(/^0+/, ''), i]));
      return zeroless.get(k.replace(/^0+/, ''));
    };
    // letters then digits, the digits without their leading zeros: `E1` in an export, `E001` in the
    // roster (a template padded the number, or another dropped the padding); -1 when two roster keys
    // are the same so (`E1` and `E001` both), since the hint could then name either
    const unpadded = (k: string) => {
      const shape = /^([a-z]{1,8})(\d{1,12})$/.exec(k);
      return shape ? `${shape[1]}${(shape[2] ?? '').replace(/^0+(?=\d)/, '')}` : undefined;
    };
    let padded: Map<string, number> | undefined;
    const lostPadding = (k: string) => {
      const bare = unpadded(k);
      if (bare === undefined) return undefined;
      if (!padded) {
        padded = new Map();
        for (const [rk, i] of byKey) {
          const b = unpadded(rk);
          if (b !== undefined) padded.set(b, padded.has(b) ? -1 : i);
        }
      }
      const i = padded.get(bare);
      return i === undefined || i < 0 ? undefined : i;
    };
    // a record field the roster gives too (an export's 姓名, 月份): not taken again, but compared on
    // every matched row; a row that says otherwise is refused at its cell (it was refused at the header)
    const shared = sh
      .map((h, c) => ({ h, c, roster: rosterFieldColumn(h) }))
      .filter(
        (x): x is { h: string; c: number; roster: number } =>
          x.c !== keyCol && x.roster !== undefined && !(src.columns && Object.hasOwn(src.columns, x.h)),
      );
    // this file's columns go after the roster's, renamed as the mapping says
    const take = sh.map((h, c) => ({ h, c })).filter(({ c }) => c !== keyCol && !shared.some((x) => x.c === c));
    const base = header.length;
    take.forEach(({ h, c }, j) => {
      // headers are user text: a column called `constructor` is not the mapping's inherited key
      const spec = src.columns && Object.hasOwn(src.columns, h) ? src.columns[h] : undefined;
      header.push(typeof spec === 'string' ? spec : (spec?.metric ?? h));
      const own = src.table.columnOptions?.[c];
      if (own || (spec && typeof spec === 'object' && (spec.money_in || spec.ranges || spec.ratio_format))) {
        columnOptions[base + j] = {
          ...own,
          ...(spec && typeof spec === 'object' && spec.money_in ? { moneyIn: spec.money_in } : {}),
          ...(spec && typeof spec === 'object' && spec.ranges ? { ranges: spec.ranges } : {}),
          ...(spec && typeof spec === 'object' && spec.ratio_format ? { ratioFormat: spec.ratio_format } : {}),
        };
      }
    });
    rows.forEach((r, i) => {
      for (let j = 0; j < take.length; j++) r.push('');
      known(origins[i], 'roster row').push(...take.map(() => undefined));
    });
    const seen = new Map<number, { row: number; key: string }>();
    // roster rows an unmatched row of this source would be but for leading zeros: their `no row` says so
    const nearRows = new Map<number, { key: string; row: number }>();
    src.table.rows.forEach((cells, i) => {
      const rowNo = known(src.table.rowNumbers[i], 'row number');
      // a key JSON wrote as a number with an exponent (`2.02311E+11`) was lost to it: it matches no one
      const written = src.table.exponents?.get(i)?.get(keyCol);
      const key = written ?? (cells[keyCol] ?? '').trim();
      const target = written === undefined ? byKey.get(keyOf(key)) : undefined;
      // a totals row at the bottom of an export (合计 in its key, 工号 or 姓名 column) is nobody
      const totalsCol =
        target === undefined
          ? [keyCol, idColumn(sh), sh.findIndex((h) => FIELD_NAMES.name.map(norm).includes(norm(h)))].find(
              (c) => c >= 0 && isTotalsWord(cells[c] ?? ''),
            )
          : undefined;
      if (totalsCol !== undefined) {
        const word = (cells[totalsCol] ?? '').trim();
        diagnostics.push(
          diagnostic(
            'data_totals_row.joined',
            { row: rowNo, word },
            {
              severity: 'warning',
              file: src.file,
              cell: {
                ...(src.table.sheet ? { sheet: src.table.sheet } : {}),
                row: rowNo,
                column: sh[totalsCol],
                value: cells[totalsCol] ?? '',
              },
            },
          ),
        );
        return;
      }
      const at = { ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: sh[keyCol], value: key };
      if (target === undefined) {
        const zeros = lostZeros(keyOf(key));
        const padding = zeros === undefined ? lostPadding(keyOf(key)) : undefined;
        const near = zeros ?? padding;
        const shown = showSpelling(key) || '(empty)';
        const place = { severity: 'warning' as const, file: src.file, cell: at };
        const lost = written !== undefined || looksScientific(key);
        if (near !== undefined && !lost && !nearRows.has(near))
          nearRows.set(near, { key: showSpelling(key), row: rowNo });
        diagnostics.push(
          lost
            ? diagnostic('data_unmatched_row.scientific', { key: shown }, place)
            : looksDecimal(key)
              ? // `1001.0`: an id column a script turned into decimals, as a data file's own id is refused
                diagnostic('data_bad_id.decimal', { id: shown }, place)
              : near !== undefined
                ? diagnostic(
                    zeros !== undefined ? 'data_unmatched_row.zeros' : 'data_unmatched_row.padding',
                    {
                      key: shown,
                      roster_key: (rosterCells(near)[rosterCol] ?? '').trim(),
                      roster_row: rosterRow(near),
                    },
                    place,
                  )
                : diagnostic('data_unmatched_row', { key: shown, roster: roster.file ?? '' }, place),
        );
        return;
      }
      const long = rowLengthProblem(sh, cells, rowNo, {
        file: src.file,
        sheet: src.table.sheet,
        positional: src.table.positional,
      });
      if (long) {
        seen.set(target, { row: rowNo, key });
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), long]);
        return;
      }
      const first = seen.get(target);
      if (first !== undefined) {
        const spellings =
          first.key === key ? `\`${showSpelling(key)}\`` : `\`${showSpelling(first.key)}\` / \`${showSpelling(key)}\``;
        const d = diagnostic(
          'data_duplicate_row',
          { keys: spellings, file: src.file ?? '', first: first.row, second: rowNo },
          { file: src.file, cell: at },
        );
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), d]);
        return;
      }
      seen.set(target, { row: rowNo, key });
      // matched only once normalised: say which two spellings were taken as one (`="E1"` is E1 as
      // an export writes it to keep it text, not another spelling: nothing to say)
      const rosterKey = (rosterCells(target)[rosterCol] ?? '').trim();
      if (withoutTextMark(key) !== withoutTextMark(rosterKey)) {
        diagnostics.push(
          diagnostic(
            'data_key_normalised',
            {
              key: showSpelling(key),
              row: rowNo,
              roster_key: showSpelling(rosterKey),
              roster: roster.file ?? '',
              roster_row: rosterRow(target),
            },
            { severity: 'warning', file: src.file, cell: at },
          ),
        );
      }
      for (const { h, c, roster: rc } of shared) {
        const value = (cells[c] ?? '').trim();
        const rosterValue = (rosterCells(target)[rc] ?? '').trim();
        if (value === '' || (rosterValue !== '' && sameText(value, rosterValue))) continue;
        // one month written two ways (`2026-10`, `2026年10月`) is the same month
        const month = sh[c] !== undefined && FIELD_NAMES.period.some((n) => sameText(n, sh[c]!));
        if (month) {
          const [a, b] = [readPeriod(value), readPeriod(rosterValue)];
          if (a.ok && b.ok && a.period === b.period) continue;
        }
        const at = {
          file: src.file,
          cell: { ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: h, value },
        };
        const where = { value, roster: roster.file ?? '', roster_row: rosterRow(target) };
        const d =
          rosterValue === ''
            ? diagnostic('data_field_conflict.roster_empty', where, at)
            : diagnostic('data_field_conflict', { ...where, roster_value: rosterValue }, at);
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), d]);
      }
      take.forEach(({ h, c }, j) => {
        rosterCells(target)[base + j] = cells[c] ?? '';
        known(origins[target], 'roster row')[base + j] = {
          file: src.file,
          ...(src.table.sheet ? { sheet: src.table.sheet } : {}),
          row: rowNo,
          column: h,
        };
      });
    });
    const absent = {
      file: src.file,
      default: src.missingRows === 'default',
      rows: new Set<number>(),
      near: nearRows,
    };
    take.forEach((_, j) => absentFrom.set(base + j, absent));
    rows.forEach((_, i) => {
      if (!seen.has(i) && !rosterTotals(i)) {
        absent.rows.add(i);
        const miss = nearRows.get(i);
        const args = { id: employeeOf(i), file: src.file ?? '' };
        const place = {
          severity: 'warning' as const,
          // the roster's row: the employee is there, the source is what lacks them
          file: roster.file,
          cell: {
            ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}),
            row: rosterRow(i),
            column: known(roster.table.header[rosterCol], 'roster key column'),
            value: rosterCells(i)[rosterCol] ?? '',
          },
        };
        diagnostics.push(
          miss
            ? diagnostic('data_no_data.near', { ...args, key: miss.key, key_row: miss.row }, place)
            : diagnostic('data_no_data', args, place),
        );
      }
    });
  }
  return {
    table: {
      header,
      rows,
      rowNumbers: roster.table.rowNumbers,
      // the roster's columns come first, at their own positions
      ...(roster.table.exponents ? { exponents: roster.table.exponents } : {}),
      columnOptions,
      origin: (i, c) => origins[i]?.[c],
      absent: (i, c) => {
        const a = absentFrom.get(c);
        if (!a?.rows.has(i)) return undefined;
        const miss = a.near.get(i);
        return { file: a.file, default: a.default, ...(miss ? { near: miss } : {}) };
      },
    },
    diagnostics,
    conflicts,
    keyColumns: [
      ...new Set(
        sources.map((s) => s.rosterColumn).filter((c): c is string => !!c && c !== roster.table.header[rIdCol]),
      ),
    ],
  };
}
