// One month from several files: a roster (who is in which team, role and stage) and exports from
// the creator back-office, the shop back-office or third-party tools, each joined to the roster
// on a key (工号, or e.g. the account name the roster lists). The result is one table whose cells
// remember the file, row and column they came from.

import type { Diagnostic } from '../model/diagnostic.js';
import { FIELD_NAMES, isTotalsWord } from './records.js';
import { rowLengthProblem, type Table } from './table.js';
import { looksScientific, normaliseId, SCIENTIFIC_HELP, showSpelling } from './ids.js';

export interface JoinSource {
  file: string;
  table: Table;
  /** Column of this file that identifies the employee (default: its 工号 column). */
  keyColumn?: string;
  /** Roster column holding the same key (default: the roster's 工号). */
  rosterColumn?: string;
  /** This file's header → the name to use for it (a metric id or label), and how to read it. */
  columns?: Record<string, string | { metric?: string; money_in?: 'yuan' | 'fen'; ranges?: 'low' | 'middle' | 'high' | 'reject'; ratio_format?: 'fraction' | 'percent_points' }>;
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
/** A join key as compared: the id normalisation (NFKC, no spaces or invisible characters), and case ignored. */
const keyOf = (s: string) => normaliseId(s).toLowerCase();

function idColumn(header: string[]): number {
  const names = FIELD_NAMES.employee_id.map(norm);
  return header.findIndex((h) => names.includes(norm(h)));
}

export function joinSources(roster: { file: string; table: Table }, sources: JoinSource[]): JoinResult {
  const diagnostics: Diagnostic[] = [];
  const conflicts = new Map<string, Diagnostic[]>();
  const rIdCol = idColumn(roster.table.header);
  if (rIdCol < 0) {
    diagnostics.push({ code: 'data_missing_column', severity: 'error', message: 'the roster has no `工号` (employee_id) column', help: 'the roster lists each employee once with 工号, 姓名, 岗位, 团队, 阶段', file: roster.file, cell: { row: 1 } });
    return { table: roster.table, diagnostics, conflicts, keyColumns: [] };
  }
  const header = [...roster.table.header];
  // a roster row longer than its header may have shifted (data/table.ts): the employee is excluded
  const rosterLong: { i: number; d: Diagnostic }[] = [];
  const rows = roster.table.rows.map((r, i) => {
    const d = rowLengthProblem(roster.table.header, r, roster.table.rowNumbers[i], { file: roster.file, sheet: roster.table.sheet, positional: roster.table.positional });
    if (d) rosterLong.push({ i, d });
    const cells = r.slice(0, roster.table.header.length);
    while (cells.length < roster.table.header.length) cells.push('');
    return cells;
  });
  const origins: ({ file: string; sheet?: string; row: number; column: string } | undefined)[][] = roster.table.rows.map((_, i) =>
    roster.table.header.map((h) => ({ file: roster.file, ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}), row: roster.table.rowNumbers[i], column: h })),
  );
  const employeeOf = (i: number) => normaliseId(rows[i][rIdCol]);
  for (const { i, d } of rosterLong) conflicts.set(employeeOf(i), [...(conflicts.get(employeeOf(i)) ?? []), d]);
  const columnOptions: NonNullable<Table['columnOptions']> = {};
  /** column → the source it comes from, and the roster rows that source has no row for */
  const absentFrom = new Map<number, { file: string; default: boolean; rows: Set<number> }>();
  // a totals row of the roster (合计 in its 工号 or 姓名 column) is nobody: the record reader notes it
  const nameCol = roster.table.header.findIndex((h) => FIELD_NAMES.name.map(norm).includes(norm(h)));
  const rosterTotals = (i: number) => isTotalsWord(rows[i][rIdCol] ?? '') || (nameCol >= 0 && isTotalsWord(rows[i][nameCol] ?? ''));
  /** Roster columns already checked for two rows claiming one key. */
  const claimed = new Set<number>();

  for (const src of sources) {
    const sh = src.table.header;
    const keyCol = src.keyColumn ? sh.findIndex((h) => norm(h) === norm(src.keyColumn!)) : idColumn(sh);
    const rosterCol = src.rosterColumn ? roster.table.header.findIndex((h) => norm(h) === norm(src.rosterColumn!)) : rIdCol;
    if (keyCol < 0 || rosterCol < 0) {
      diagnostics.push({
        code: 'data_missing_column',
        severity: 'error',
        message: keyCol < 0 ? `\`${src.file}\` has no key column \`${src.keyColumn ?? '工号'}\`` : `the roster has no column \`${src.rosterColumn}\` to join \`${src.file}\` on`,
        help: 'name the key in the data mapping: `key: { column: <header in this file>, roster: <header in the roster> }`',
        file: keyCol < 0 ? src.file : roster.file,
        cell: { row: 1 },
      });
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
        const [a, b] = [(rows[other][rosterCol] ?? '').trim(), (r[rosterCol] ?? '').trim()];
        diagnostics.push({
          code: 'data_duplicate_key',
          severity: 'error',
          message: `roster rows ${roster.table.rowNumbers[other]} and ${roster.table.rowNumbers[i]} both claim the key ${a === b ? `\`${showSpelling(a)}\`` : `\`${showSpelling(a)}\` / \`${showSpelling(b)}\``} in \`${roster.table.header[rosterCol]}\``,
          help: looksScientific(k) ? SCIENTIFIC_HELP : 'each key names one employee: fix the roster so that no two rows share it (keys are compared ignoring case, full-width forms, spaces and invisible characters)',
          file: roster.file,
          cell: { ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}), row: roster.table.rowNumbers[i], column: roster.table.header[rosterCol], value: r[rosterCol] ?? '' },
        });
      }
    });
    claimed.add(rosterCol);
    // roster keys that start with 0, without them: a source whose export lost them gets a hint
    let zeroless: Map<string, number> | undefined;
    const lostZeros = (k: string) => {
      if (!/^\d+$/.test(k)) return undefined;
      zeroless ??= new Map([...byKey].filter(([rk]) => /^0+\d/.test(rk)).map(([rk, i]) => [rk.replace(/^0+/, ''), i]));
      return zeroless.get(k.replace(/^0+/, ''));
    };
    // this file's columns go after the roster's, renamed as the mapping says
    const take = sh.map((h, c) => ({ h, c })).filter(({ c }) => c !== keyCol);
    const base = header.length;
    take.forEach(({ h }, j) => {
      // headers are user text: a column called `constructor` is not the mapping's inherited key
      const spec = src.columns && Object.hasOwn(src.columns, h) ? src.columns[h] : undefined;
      header.push(typeof spec === 'string' ? spec : (spec?.metric ?? h));
      if (spec && typeof spec === 'object' && (spec.money_in || spec.ranges || spec.ratio_format)) {
        columnOptions[base + j] = { ...(spec.money_in ? { moneyIn: spec.money_in } : {}), ...(spec.ranges ? { ranges: spec.ranges } : {}), ...(spec.ratio_format ? { ratioFormat: spec.ratio_format } : {}) };
      }
    });
    rows.forEach((r, i) => {
      for (let j = 0; j < take.length; j++) r.push('');
      origins[i].push(...take.map(() => undefined));
    });
    const seen = new Map<number, { row: number; key: string }>();
    src.table.rows.forEach((cells, i) => {
      const rowNo = src.table.rowNumbers[i];
      const key = (cells[keyCol] ?? '').trim();
      const target = byKey.get(keyOf(key));
      // a totals row at the bottom of an export (合计 in its key, 工号 or 姓名 column) is nobody
      const totalsCol = target === undefined ? [keyCol, idColumn(sh), sh.findIndex((h) => FIELD_NAMES.name.map(norm).includes(norm(h)))].find((c) => c >= 0 && isTotalsWord(cells[c] ?? '')) : undefined;
      if (totalsCol !== undefined) {
        const word = (cells[totalsCol] ?? '').trim();
        diagnostics.push({ code: 'data_totals_row', severity: 'warning', message: `row ${rowNo} is a totals row (\`${word}\`), not an employee, and is skipped`, help: "nothing to do if it is the export's total; a real employee's row needs their key", file: src.file, cell: { ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: sh[totalsCol], value: cells[totalsCol] ?? '' } });
        return;
      }
      const at = { ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: sh[keyCol], value: key };
      if (target === undefined) {
        const zeros = lostZeros(keyOf(key));
        const help = looksScientific(key)
          ? SCIENTIFIC_HELP
          : zeros !== undefined
            ? `the roster has \`${(rows[zeros][rosterCol] ?? '').trim()}\` (row ${roster.table.rowNumbers[zeros]}): Excel drops the leading zeros of a number-like key, so format the column as text before export`
            : `check the key, or add the person to the roster \`${roster.file}\``;
        diagnostics.push({ code: 'data_unmatched_row', severity: 'warning', message: `row matches nobody in the roster: \`${showSpelling(key) || '(empty)'}\``, help, file: src.file, cell: at });
        return;
      }
      const long = rowLengthProblem(sh, cells, rowNo, { file: src.file, sheet: src.table.sheet, positional: src.table.positional });
      if (long) {
        seen.set(target, { row: rowNo, key });
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), long]);
        return;
      }
      const first = seen.get(target);
      if (first !== undefined) {
        const spellings = first.key === key ? `\`${showSpelling(key)}\`` : `\`${showSpelling(first.key)}\` / \`${showSpelling(key)}\``;
        const d: Diagnostic = { code: 'data_duplicate_row', severity: 'error', message: `${spellings} has two rows in \`${src.file}\` (rows ${first.row} and ${rowNo})`, help: 'each employee has one row per export: remove or merge the duplicate', file: src.file, cell: at };
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), d]);
        return;
      }
      seen.set(target, { row: rowNo, key });
      // matched only once normalised: say which two spellings were taken as one
      const rosterKey = (rows[target][rosterCol] ?? '').trim();
      if (key !== rosterKey) {
        diagnostics.push({
          code: 'data_key_normalised',
          severity: 'warning',
          message: `\`${showSpelling(key)}\` (row ${rowNo}) is matched to the roster's \`${showSpelling(rosterKey)}\` (\`${roster.file}\` row ${roster.table.rowNumbers[target]})`,
          help: 'the two spellings differ only in upper and lower case, full-width forms, spaces or invisible characters: check it is the same person, and write the key as the roster does',
          file: src.file,
          cell: at,
        });
      }
      take.forEach(({ h, c }, j) => {
        rows[target][base + j] = cells[c] ?? '';
        origins[target][base + j] = { file: src.file, ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: h };
      });
    });
    const absent = { file: src.file, default: src.missingRows === 'default', rows: new Set<number>() };
    take.forEach((_, j) => absentFrom.set(base + j, absent));
    rows.forEach((_, i) => {
      if (!seen.has(i) && !rosterTotals(i)) {
        absent.rows.add(i);
        diagnostics.push({ code: 'data_no_data', severity: 'warning', message: `\`${employeeOf(i)}\` has no row in \`${src.file}\``, help: 'their metrics from this file are missing: a required one excludes them', file: src.file, cell: { row: roster.table.rowNumbers[i], column: roster.table.header[rosterCol], value: rows[i][rosterCol] } });
      }
    });
  }
  return {
    table: {
      header,
      rows,
      rowNumbers: roster.table.rowNumbers,
      columnOptions,
      origin: (i, c) => origins[i]?.[c],
      absent: (i, c) => {
        const a = absentFrom.get(c);
        return a?.rows.has(i) ? { file: a.file, default: a.default } : undefined;
      },
    },
    diagnostics,
    conflicts,
    keyColumns: [...new Set(sources.map((s) => s.rosterColumn).filter((c): c is string => !!c && c !== roster.table.header[rIdCol]))],
  };
}
