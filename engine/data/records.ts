// A table of raw cells → employee records the engine can score. Columns are matched by id,
// Chinese label or alias; every bad cell is reported with file, row, column and raw value, and
// the record it belongs to is excluded, never scored as 0.

import type { Diagnostic } from '../diagnostic.js';
import type { MetricDef } from '../policy.js';
import type { EmployeeRecord, ExcludedRecord } from '../record.js';
import { readCsv, readJsonRecords, type Table } from './table.js';
import { parseValue } from './values.js';
import { teamFold, teamName, TeamDirectory, type TeamDeclaration } from './teams.js';

export type { Table };

export interface DataContract {
  metrics: Record<string, MetricDef>;
  roles: { id: string; title: string }[];
  stages: { id: string; title: string }[];
  /** The policy's declared teams: when given, a team cell must name one of them. */
  teams?: TeamDeclaration[];
  /** Metric ids a record of this role must carry (a metric with a `default` may still be absent). */
  requiredMetrics(role: string): readonly string[];
}

export interface ReadOptions {
  file?: string;
  /** Columns used for something else (a join key): not reported as unknown. */
  ignoreColumns?: string[];
  /** Period for data without a period column. */
  period?: string;
}

export interface RecordsResult {
  records: EmployeeRecord[];
  excluded: ExcludedRecord[];
  /** Problems with the file as a whole (errors) and columns that matched nothing (warnings). */
  diagnostics: Diagnostic[];
}

export type Field = 'employee_id' | 'name' | 'role' | 'team' | 'stage' | 'period' | 'pay_base';

export const FIELD_NAMES: Record<Field, string[]> = {
  employee_id: ['employee_id', '工号', '员工编号', '员工id', '员工工号'],
  name: ['name', '姓名', '员工姓名'],
  role: ['role', '岗位', '职位'],
  team: ['team', '团队', '小组', '部门'],
  stage: ['stage', '阶段', '团队阶段'],
  period: ['period', '月份', '考核期', '考核月份'],
  pay_base: ['pay_base', '绩效基数', '绩效工资基数'],
};

const REQUIRED_FIELDS: Field[] = ['employee_id', 'name', 'role', 'team', 'stage'];

const key = (s: string) => s.trim().toLowerCase();

/** What a column header means under this policy: a record field, a metric, or nothing. */
export function columnMeaning(header: string, contract: DataContract): { kind: 'field' | 'metric'; id: string } | undefined {
  const k = key(header);
  for (const [id, names] of Object.entries(FIELD_NAMES)) if (names.some((n) => key(n) === k)) return { kind: 'field', id };
  for (const [id, m] of Object.entries(contract.metrics)) if ([id, m.label, ...(m.aliases ?? [])].some((n) => key(n) === k)) return { kind: 'metric', id };
  return undefined;
}

export function toRecords(table: Table, contract: DataContract, options: ReadOptions = {}): RecordsResult {
  const reader = recordReader(table.header, contract, options, table);
  const diagnostics = [...reader.diagnostics];
  // a missing metric column matters only for the roles this file actually has
  const present = new Set<string>();
  for (const cells of table.rows) {
    const role = reader.roleOf(cells);
    if (role !== undefined) present.add(role);
  }
  diagnostics.push(...reader.missingColumns(present));
  if (diagnostics.some((d) => d.severity === 'error')) return { records: [], excluded: [], diagnostics };

  const records: EmployeeRecord[] = [];
  const excluded: ExcludedRecord[] = [];
  table.rows.forEach((cells, i) => {
    const r = reader.read(cells, i, table.rowNumbers[i]);
    if ('record' in r) records.push(r.record);
    else excluded.push(r.excluded);
  });
  diagnostics.push(...reader.teamDiagnostics());
  return { records, excluded, diagnostics };
}

/** Reads rows one at a time against a header: what `toRecords` does to a table, and a stream does row by row. */
export interface RecordReader {
  /** Problems with the header: errors mean no row can be read; warnings name ignored columns. */
  readonly diagnostics: Diagnostic[];
  /** The role id a row's role cell names, if any. */
  roleOf(cells: string[]): string | undefined;
  /** Errors for metric columns that these roles need and the header lacks. */
  missingColumns(roles: Set<string>): Diagnostic[];
  /** The row an employee's earlier row for the same period was on; remembers this one. */
  duplicateOf(cells: string[], row: number): number | undefined;
  /** `duplicateOf` for an id and period already taken from a row. */
  seen(id: string, period: string, row: number): number | undefined;
  /** A row's employee id, trimmed. */
  idOf(cells: string[]): string;
  /** A row's period: its 月份 cell, or the period the caller gave. */
  periodOf(cells: string[]): string;
  /**
   * One row → a record, or the reasons it cannot be scored. Finds duplicates itself, unless the
   * caller already did (`known`: a worker reads rows whose duplicates the main thread tracks).
   */
  read(cells: string[], index: number, row: number, known?: { duplicateOf: number | undefined }): { record: EmployeeRecord } | { excluded: ExcludedRecord };
  /** Team spellings `read` met for the first time since the last call, with their row (a worker sends them to the reading thread). */
  takeTeams(): [text: string, row: number][];
  /** A team spelling another reader met on a row (`takeTeams`), for `teamDiagnostics`. */
  noteTeam(text: string, row: number): void;
  /** After the last row: warnings about team names written several ways (see data/teams.ts). */
  teamDiagnostics(): Diagnostic[];
}

export function recordReader(header: string[], contract: DataContract, options: ReadOptions = {}, source: Pick<Table, 'sheet' | 'columnOptions' | 'origin'> = {}): RecordReader {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const headerCell = (column: string) => ({ row: 1, column });

  // which column holds which field or metric
  const fieldColumn = new Map<Field, number>();
  const metricColumn = new Map<string, number>();
  const byName = new Map<string, { kind: 'field'; id: Field } | { kind: 'metric'; id: string }>();
  for (const [id, names] of Object.entries(FIELD_NAMES) as [Field, string[]][]) for (const n of names) byName.set(key(n), { kind: 'field', id });
  for (const [id, m] of Object.entries(contract.metrics)) {
    for (const n of [id, m.label, ...(m.aliases ?? [])]) if (!byName.has(key(n))) byName.set(key(n), { kind: 'metric', id });
  }
  header.forEach((h, col) => {
    const match = byName.get(key(h));
    if (!match) {
      if (h.trim() === '' || options.ignoreColumns?.some((c) => key(c) === key(h))) return;
      const near = nearestLabel(h, contract);
      diagnostics.push({ code: 'data_unknown_column', severity: 'warning', message: `column \`${h}\` matches no metric and is ignored`, help: near ? `did you mean \`${near}\`? add it to the metric's \`aliases\` if it is the same thing` : 'add the column to a metric\'s `aliases` in the policy if it should be used', file, cell: headerCell(h) });
      return;
    }
    const map = match.kind === 'field' ? fieldColumn : metricColumn;
    const earlier = (map as Map<string, number>).get(match.id);
    if (earlier !== undefined) {
      diagnostics.push({ code: 'data_duplicate_column', severity: 'error', message: `columns \`${header[earlier]}\` and \`${h}\` both mean \`${match.id}\``, help: 'keep one of them', file, cell: headerCell(h) });
      return;
    }
    (map as Map<string, number>).set(match.id, col);
  });
  for (const f of REQUIRED_FIELDS) {
    if (!fieldColumn.has(f)) diagnostics.push({ code: 'data_missing_column', severity: 'error', message: `the file has no \`${FIELD_NAMES[f][1]}\` (${f}) column`, help: `add a column named ${FIELD_NAMES[f].slice(0, 2).map((n) => `\`${n}\``).join(' or ')}`, file, cell: { row: 1 } });
  }
  if (!fieldColumn.has('period') && !options.period) {
    diagnostics.push({ code: 'data_missing_column', severity: 'error', message: 'the file has no `月份` (period) column', help: 'add a 月份 column such as 2026-10, or pass the period (`--period 2026-10`)', file, cell: { row: 1 } });
  }
  const roleOfText = lookup(contract.roles);
  const stageOf = lookup(contract.stages);
  const roleCol = fieldColumn.get('role');
  const roleOf = (cells: string[]) => (roleCol === undefined ? undefined : roleOfText((cells[roleCol] ?? '').trim()));

  const missingColumns = (present: Set<string>): Diagnostic[] => {
    const out: Diagnostic[] = [];
    const neededHere = new Set([...present].flatMap((r) => contract.requiredMetrics(r)));
    for (const id of neededHere) {
      const m = contract.metrics[id];
      if (!metricColumn.has(id) && m && m.default === undefined) {
        const roles = contract.roles.filter((r) => present.has(r.id) && contract.requiredMetrics(r.id).includes(id)).map((r) => r.title);
        out.push({ code: 'data_missing_column', severity: 'error', message: `the file has no column for \`${m.label}\` (${id}), which ${roles.join(', ')} need`, help: `add a column named \`${m.label}\`${m.aliases?.length ? ` (or ${m.aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`, file, cell: { row: 1 } });
      }
    }
    return out;
  };

  // per metric, once: its column and how to read it
  const metricReads = Object.entries(contract.metrics).map(([id, m]) => {
    const col = metricColumn.get(id);
    return { id, m, col, options: { ranges: m.ranges, moneyIn: m.money_in, ...(col !== undefined ? source.columnOptions?.[col] : undefined) } };
  });
  const requiredByRole = new Map(contract.roles.map((r) => [r.id, new Set(contract.requiredMetrics(r.id))]));
  const roleTitle = new Map(contract.roles.map((r) => [r.id, r.title]));
  const NONE = new Set<string>();
  /** period → employee id → the row it first appeared in */
  const firstRow = new Map<string, Map<string, number>>();

  const periodOf = (cells: string[]) => (fieldColumn.has('period') ? (cells[fieldColumn.get('period')!] ?? '').trim() : '') || options.period || '';
  const duplicateOf = (cells: string[], row: number): number | undefined => seen(idOf(cells), periodOf(cells), row);
  const idOf = (cells: string[]) => (cells[fieldColumn.get('employee_id') ?? -1] ?? '').trim();
  const seen = (id: string, period: string, row: number): number | undefined => {
    if (!id) return undefined;
    // one row per employee per period: a file may hold several months
    let seen = firstRow.get(period);
    if (!seen) firstRow.set(period, (seen = new Map()));
    const first = seen.get(id);
    if (first === undefined) seen.set(id, row);
    return first;
  };

  // teams: each spelling is looked up once, then remembered with the first row it was on
  const directory = contract.teams?.length ? new TeamDirectory(contract.teams) : undefined;
  const teamCol = fieldColumn.get('team');
  const teams = new Map<string, TeamSeen>();
  let freshTeams: [string, number][] = [];
  const teamOf = (text: string, i: number, row: number) => {
    let t = teams.get(text);
    if (t === undefined) {
      const from = teamCol !== undefined ? source.origin?.(i, teamCol) : undefined;
      const sheet = from ? from.sheet : source.sheet;
      t = { team: directory ? directory.find(text) : teamName(text), at: { file: from?.file ?? file, ...(sheet ? { sheet } : {}), row: from?.row ?? row, column: from?.column ?? header[teamCol!], value: text } };
      teams.set(text, t);
      freshTeams.push([text, row]);
    }
    return t.team;
  };
  const noteTeam = (text: string, row: number) => {
    const t = teams.get(text);
    if (t === undefined) teamOf(text, -1, row);
    else if (row < t.at.row) t.at.row = row;
  };
  const takeTeams = () => {
    const out = freshTeams;
    freshTeams = [];
    return out;
  };
  const teamDiagnostics = (): Diagnostic[] => {
    const out: Diagnostic[] = [];
    const warn = (code: string, at: TeamSeen['at'], message: string, help: string) =>
      out.push({ code, severity: 'warning', message, help, file: at.file, cell: { ...(at.sheet ? { sheet: at.sheet } : {}), row: at.row, column: at.column, value: at.value } });
    // a declaration says which spellings are one team: nothing to warn about
    if (directory) return out;
    const byRow = [...teams].filter(([, t]) => t.team !== '').sort((a, b) => a[1].at.row - b[1].at.row);
    const first = new Map<string, string>();
    for (const [text, t] of byRow) {
      const earlier = first.get(t.team!);
      if (earlier === undefined) first.set(t.team!, text);
      else warn('data_team_spelling_merged', t.at, `team \`${text}\` differs from \`${earlier}\` only in width, spaces or invisible characters and is counted as team \`${t.team}\``, 'nothing to do if they are one team; if not, give them names that differ in letters');
    }
    const byFold = new Map<string, string>();
    for (const [name, text] of first) {
      const at = teams.get(text)!.at;
      const fold = teamFold(name);
      const earlier = byFold.get(fold);
      if (earlier === undefined) byFold.set(fold, name);
      else warn('data_similar_teams', at, `teams \`${name}\` and \`${earlier}\` look like one team written two ways, but are counted as two teams`, `if they are one team, declare the teams in the policy (\`teams:\`) with \`${name}\` among the aliases of \`${earlier}\`, or write it one way in the data; if they are two teams, declare both in \`teams:\``);
    }
    return out.sort((a, b) => a.cell!.row - b.cell!.row);
  };

  // per row helpers, made once (a closure per row is measurable at a million rows)
  const field = (cells: string[], f: Field) => cellAt(cells, fieldColumn.get(f)).trim();
  const problem = (reasons: Diagnostic[], cells: string[], i: number, row: number, code: string, col: number | undefined, message: string, help: string) => {
    // a joined table knows which file, row and column each cell came from
    const from = col !== undefined ? source.origin?.(i, col) : undefined;
    const sheet = from ? from.sheet : source.sheet;
    reasons.push({ code, severity: 'error', message, help, file: from?.file ?? file, cell: { ...(sheet ? { sheet } : {}), row: from?.row ?? row, ...(col !== undefined ? { column: from?.column ?? header[col], value: cellAt(cells, col) } : {}) } });
  };

  const read = (cells: string[], i: number, row: number, known?: { duplicateOf: number | undefined }): { record: EmployeeRecord } | { excluded: ExcludedRecord } => {
    const reasons: Diagnostic[] = [];

    for (const f of REQUIRED_FIELDS) if (field(cells, f) === '') problem(reasons, cells, i, row, 'data_missing_field', fieldColumn.get(f), `empty \`${FIELD_NAMES[f][1]}\` (${f})`, `fill in the ${FIELD_NAMES[f][1]}`);
    const period = field(cells, 'period') || options.period || '';
    if (fieldColumn.has('period') && field(cells, 'period') === '' && !options.period) problem(reasons, cells, i, row, 'data_missing_field', fieldColumn.get('period'), 'empty `月份` (period)', 'fill in the period, e.g. 2026-10');

    const roleText = field(cells, 'role');
    const role = roleText ? roleOfText(roleText) : undefined;
    if (roleText && !role) problem(reasons, cells, i, row, 'data_unknown_role', fieldColumn.get('role'), `unknown role \`${roleText}\``, `roles of this policy: ${contract.roles.map((r) => `${r.title} (${r.id})`).join(', ')}`);
    const teamText = field(cells, 'team');
    const team = teamText ? teamOf(teamText, i, row) : undefined;
    if (teamText && team === undefined) {
      const near = directory!.nearest(teamText);
      problem(reasons, cells, i, row, 'data_unknown_team', teamCol, `unknown team \`${teamText}\``, `${near !== undefined ? `did you mean \`${near}\`? ` : ''}declared teams: ${directory!.teams.map((t) => t.title).join(', ')}; a team written another way goes under that team's \`aliases\` in the policy`);
    } else if (team === '') problem(reasons, cells, i, row, 'data_missing_field', teamCol, 'empty `团队` (team): the cell holds only invisible characters', 'fill in the 团队');
    const stageText = field(cells, 'stage');
    const stage = stageText ? stageOf(stageText) : undefined;
    if (stageText && !stage) problem(reasons, cells, i, row, 'data_unknown_stage', fieldColumn.get('stage'), `unknown stage \`${stageText}\``, `stages of this policy: ${contract.stages.map((s) => `${s.title} (${s.id})`).join(', ')}`);

    let payBase: number | undefined;
    if (fieldColumn.has('pay_base') && field(cells, 'pay_base') !== '') {
      const v = parseValue(field(cells, 'pay_base'), 'money');
      if (!v.ok || v.value === undefined || v.value < 0) problem(reasons, cells, i, row, 'data_bad_pay_base', fieldColumn.get('pay_base'), `pay base \`${field(cells, 'pay_base')}\` is not an amount of at least 0`, 'write the monthly performance-pay base in yuan, e.g. 4000, or leave it empty to use the role\'s');
      else payBase = v.value;
    }

    const required = (role && requiredByRole.get(role)) || NONE;
    const metrics: Record<string, number> = {};
    for (const { id, m, col, options: how } of metricReads) {
      const raw = cellAt(cells, col);
      const parsed = parseValue(raw, m.unit, how);
      if (!parsed.ok) {
        problem(reasons, cells, i, row, 'data_not_a_number', col, parsed.message, parsed.help);
        continue;
      }
      if (parsed.value === undefined) {
        // empty: the engine applies the metric's default; without one a required metric is an error
        if (required.has(id) && m.default === undefined && col !== undefined) {
          problem(reasons, cells, i, row, 'data_missing_metric', col, `missing \`${m.label}\` (${id}) for role \`${roleTitle.get(role!)}\``, `fill in ${m.label}, or give the metric a \`default\` in the policy`);
        }
        continue;
      }
      if (m.unit === 'count' && parsed.value < 0) {
        problem(reasons, cells, i, row, 'data_negative_count', col, `\`${m.label}\` cannot be negative, got \`${raw.trim()}\``, 'counts are 0 or more: check the export');
        continue;
      }
      if (m.range && (parsed.value < m.range[0] || parsed.value > m.range[1])) {
        problem(reasons, cells, i, row, 'data_out_of_range', col, `\`${m.label}\` must be between ${m.range[0]} and ${m.range[1]}, got \`${raw.trim()}\``, 'check the value; the policy declares this range');
        continue;
      }
      metrics[id] = parsed.value;
    }

    const id = field(cells, 'employee_id');
    const first = known ? known.duplicateOf : duplicateOf(cells, row);
    if (first !== undefined) problem(reasons, cells, i, row, 'data_duplicate_employee', fieldColumn.get('employee_id'), `employee \`${id}\` already appears in row ${first}`, 'each employee has one row per period: remove or merge the duplicate');

    if (reasons.length) {
      return { excluded: { ...(id ? { employee_id: id } : {}), ...(field(cells, 'name') ? { name: field(cells, 'name') } : {}), ...(file ? { file } : {}), row, reasons } };
    }
    const record = { employee_id: id, name: field(cells, 'name'), role: role!, team: team!, stage: stage!, period } as EmployeeRecord;
    if (payBase !== undefined) record.pay_base = payBase;
    record.metrics = metrics;
    record.source = file ? { file, row } : { row };
    return { record };
  };
  return { diagnostics, roleOf, missingColumns, duplicateOf, seen, idOf, periodOf, read, takeTeams, noteTeam, teamDiagnostics };
}

/** A team spelling: the team it names (undefined: not a declared team) and the first cell it was in. */
interface TeamSeen {
  team: string | undefined;
  at: { file?: string; sheet?: string; row: number; column?: string; value: string };
}

function cellAt(cells: string[], col: number | undefined): string {
  return col === undefined ? '' : (cells[col] ?? '');
}

function lookup(items: { id: string; title: string }[]): (text: string) => string | undefined {
  const map = new Map<string, string>();
  for (const it of items) {
    map.set(key(it.id), it.id);
    map.set(key(it.title), it.id);
  }
  // exports mostly spell a title exactly as the policy does: try that before normalising
  const exact = new Map<string, string>();
  for (const [text, id] of items.flatMap((it) => [[it.id, it.id], [it.title, it.id]])) if (map.get(key(text)) === id) exact.set(text, id);
  return (text) => exact.get(text) ?? map.get(key(text));
}

function nearestLabel(header: string, contract: DataContract): string | undefined {
  const h = key(header);
  for (const m of Object.values(contract.metrics)) {
    for (const n of [m.label, ...(m.aliases ?? [])]) {
      const k = key(n);
      if (k.length >= 2 && (h.includes(k) || k.includes(h))) return m.label;
    }
  }
  return undefined;
}

/** Reads a whole data file's text (CSV or JSON) into records. */
export function readRecords(text: string, format: 'csv' | 'json', contract: DataContract, options: ReadOptions = {}): RecordsResult {
  const table = format === 'json' ? readJsonRecords(text, options.file) : readCsv(text, options.file);
  if (!table.ok) return { records: [], excluded: [], diagnostics: table.diagnostics };
  return toRecords(table.table, contract, options);
}
