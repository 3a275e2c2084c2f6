// One month from several files: a roster (who is in which team, role and stage) and exports from
// the creator back-office, the shop back-office or third-party tools, each joined to the roster
// on a key (工号, or e.g. the account name the roster lists). The result is one table whose cells
// remember the file, row and column they came from.

import type { Diagnostic } from '../diagnostic.js';
import { FIELD_NAMES } from './records.js';
import type { Table } from './table.js';

export interface JoinSource {
  file: string;
  table: Table;
  /** Column of this file that identifies the employee (default: its 工号 column). */
  keyColumn?: string;
  /** Roster column holding the same key (default: the roster's 工号). */
  rosterColumn?: string;
  /** This file's header → the name to use for it (a metric id or label), and how to read it. */
  columns?: Record<string, string | { metric?: string; money_in?: 'yuan' | 'fen'; ranges?: 'low' | 'middle' | 'high' | 'reject' }>;
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
  const rows = roster.table.rows.map((r) => [...r]);
  const origins: ({ file: string; sheet?: string; row: number; column: string } | undefined)[][] = roster.table.rows.map((r, i) =>
    roster.table.header.map((h) => ({ file: roster.file, ...(roster.table.sheet ? { sheet: roster.table.sheet } : {}), row: roster.table.rowNumbers[i], column: h })),
  );
  const employeeOf = (i: number) => rows[i][rIdCol].trim();
  const columnOptions: NonNullable<Table['columnOptions']> = {};

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
    // roster key → roster row
    const byKey = new Map<string, number>();
    rows.forEach((r, i) => {
      const k = (r[rosterCol] ?? '').trim();
      if (k) byKey.set(norm(k), i);
    });
    // this file's columns go after the roster's, renamed as the mapping says
    const take = sh.map((h, c) => ({ h, c })).filter(({ c }) => c !== keyCol);
    const base = header.length;
    take.forEach(({ h }, j) => {
      // headers are user text: a column called `constructor` is not the mapping's inherited key
      const spec = src.columns && Object.hasOwn(src.columns, h) ? src.columns[h] : undefined;
      header.push(typeof spec === 'string' ? spec : (spec?.metric ?? h));
      if (spec && typeof spec === 'object' && (spec.money_in || spec.ranges)) {
        columnOptions[base + j] = { ...(spec.money_in ? { moneyIn: spec.money_in } : {}), ...(spec.ranges ? { ranges: spec.ranges } : {}) };
      }
    });
    rows.forEach((r, i) => {
      for (let j = 0; j < take.length; j++) r.push('');
      origins[i].push(...take.map(() => undefined));
    });
    const seen = new Map<number, number>();
    src.table.rows.forEach((cells, i) => {
      const rowNo = src.table.rowNumbers[i];
      const key = (cells[keyCol] ?? '').trim();
      const target = byKey.get(norm(key));
      if (target === undefined) {
        diagnostics.push({ code: 'data_unmatched_row', severity: 'warning', message: `row matches nobody in the roster: \`${key || '(empty)'}\``, help: `check the key, or add the person to the roster \`${roster.file}\``, file: src.file, cell: { row: rowNo, column: sh[keyCol], value: key } });
        return;
      }
      const first = seen.get(target);
      if (first !== undefined) {
        const d: Diagnostic = { code: 'data_duplicate_row', severity: 'error', message: `\`${key}\` has two rows in \`${src.file}\` (rows ${first} and ${rowNo})`, help: 'each employee has one row per export: remove or merge the duplicate', file: src.file, cell: { row: rowNo, column: sh[keyCol], value: key } };
        conflicts.set(employeeOf(target), [...(conflicts.get(employeeOf(target)) ?? []), d]);
        return;
      }
      seen.set(target, rowNo);
      take.forEach(({ h, c }, j) => {
        rows[target][base + j] = cells[c] ?? '';
        origins[target][base + j] = { file: src.file, ...(src.table.sheet ? { sheet: src.table.sheet } : {}), row: rowNo, column: h };
      });
    });
    rows.forEach((_, i) => {
      if (!seen.has(i)) {
        diagnostics.push({ code: 'data_no_data', severity: 'warning', message: `\`${employeeOf(i)}\` has no row in \`${src.file}\``, help: 'their metrics from this file are missing: a required one excludes them', file: src.file, cell: { row: roster.table.rowNumbers[i], column: roster.table.header[rosterCol], value: rows[i][rosterCol] } });
      }
    });
  }
  return {
    table: { header, rows, rowNumbers: roster.table.rowNumbers, columnOptions, origin: (i, c) => origins[i]?.[c] },
    diagnostics,
    conflicts,
    keyColumns: [...new Set(sources.map((s) => s.rosterColumn).filter((c): c is string => !!c && c !== roster.table.header[rIdCol]))],
  };
}
