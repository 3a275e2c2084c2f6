// A table of raw cells → employee records the engine can score. Columns are matched by id,
// Chinese label or alias; every bad cell is reported with file, row, column and raw value, and
// the record it belongs to is excluded, never scored as 0.

import { IdRows } from './id-rows.js';
import {
  diagnostic,
  type ArgNames,
  type Diagnostic,
  type MessageArg,
  type MessageId,
  type Place,
  type Text,
} from '../model/diagnostic.js';
import { known } from '../model/known.js';
import type { MetricDef } from '../model/policy.js';
import { ReadRecord, type EmployeeRecord, type ExcludedRecord } from '../model/record.js';
import {
  HEADER_SEARCH_ROWS,
  hiddenColumnsProblem,
  mergedCellsProblem,
  readCsv,
  readJsonRecords,
  rowLengthProblem,
  type Table,
} from './table.js';
import { EXCEL_ERRORS, readValue } from './values.js';
import { MONEY_LIMIT_YUAN } from '../language/numbers.js';

const LIMIT_TEXT = String(MONEY_LIMIT_YUAN).replace(/\B(?=(\d{3})+$)/g, ',');
import { readPeriod } from './period.js';
import { looksDecimal, looksScientific, lostToNumber, normaliseId, showSpelling } from './ids.js';
import { teamFold, teamName, TeamDirectory, type TeamDeclaration } from '../language/teams.js';

export type { Table };

export interface DataContract {
  metrics: Record<string, MetricDef>;
  roles: { id: string; title: string }[];
  stages: { id: string; title: string }[];
  /** The policy's declared teams: when given, a team cell must name one of them. */
  teams?: TeamDeclaration[];
  /**
   * What of the policy's pay is shared out by team when it declares no teams (forced distribution
   * within teams, a pool per team, team budgets): two spellings of one team would split it, so
   * names that look like one team are refused, not only warned of.
   */
  teamGrouped?: { en: string; zh: string };
  /**
   * Metric ids a record of this role must carry (a metric with a `default` may still be absent): in
   * `stage` when given (a metric only indicators weighted 0 there read is not required there), else
   * in any stage.
   */
  requiredMetrics(role: string, stage?: string): readonly string[];
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
  /** Every required metric a record takes from its `default`, and why (for `data inspect`). */
  defaults?: DefaultUse[];
}

/** A metric's `default` standing in for a value: an empty cell, a column the file lacks, or no row in a source. */
export interface DefaultUse {
  metric: string;
  value: number;
  employee_id: string;
  file?: string;
  row: number;
  why: 'empty cell' | 'no column' | 'no row in source';
  /** The source file that has no row for the employee. */
  source?: string;
}

/** First rows of a ratio column written as a fraction (`0.453`) and as percent points (`45.3`). */
export type RatioNotation = Map<number, { fraction?: NotationSeen; percent?: NotationSeen }>;
export interface NotationSeen {
  col: number;
  kind: 'fraction' | 'percent';
  /** The column's header in its own file. */
  column: string;
  row: number;
  value: string;
  file?: string;
  sheet?: string;
}

/** What a totals row's 工号 or 姓名 cell says (spaces and a trailing colon ignored, case ignored). */
const TOTALS_WORDS = new Set([
  '合计',
  '总计',
  '小计',
  '总和',
  // the label Chinese Excel writes on a table's totals row (表格 → 汇总行)
  '汇总',
  '彙總',
  '合計',
  '總計',
  '小計',
  '總和',
  'total',
  'totals',
  'subtotal',
  'grandtotal',
  'sum',
]);
export const isTotalsWord = (text: string) => {
  if (text === '' || text.length > 16) return false;
  // the usual id or name, answered without normalising it: an ASCII digit stays in the compared
  // text whatever else it holds (and no totals word has one); a text of CJK unified ideographs only
  // is its own NFKC form, has no space, colon or case, so it is compared as it is
  let ideographs = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    if (c < 0x4e00 || c > 0x9fff) ideographs = false;
  }
  if (ideographs) return TOTALS_WORDS.has(text);
  return TOTALS_WORDS.has(
    text
      .normalize('NFKC')
      .replace(/[\s:：]/g, '')
      .toLowerCase(),
  );
};

/**
 * Whether a row is the header again (a second export pasted below the first, or the header printed
 * again after a page break): every cell holding something is a column name, three or more of them —
 * a name of the header, or one that means a field or metric (`meaning`: 播放数 for 播放量). `same`
 * when each means what the header's name above it means; else the place of the first that does
 * not (the columns in another order); undefined for any other row. A data row is never one: its
 * id and name are no column names.
 */
export function reorderedHeader(
  header: readonly string[],
  cells: readonly string[],
  meaning: (name: string) => string | undefined = () => undefined,
  /** The header's names, trimmed (made here when not given; a reader asking of every row makes it once). */
  headerNames: ReadonlySet<string> = trimmedNames(header),
): number | 'same' | undefined {
  let names = 0;
  let moved: number | undefined;
  for (let c = 0; c < cells.length; c++) {
    const cell = (cells[c] ?? '').trim();
    if (cell === '') continue;
    const above = (header[c] ?? '').trim();
    const named = headerNames.has(cell);
    const means = meaning(cell);
    if (means === undefined && !named) return undefined;
    names++;
    if (moved === undefined && cell !== above && (means === undefined || means !== meaning(above))) moved = c;
  }
  if (names < 3) return undefined;
  return moved ?? 'same';
}

/** A header's names, trimmed, for reorderedHeader. */
export const trimmedNames = (header: readonly string[]): ReadonlySet<string> => new Set(header.map((h) => h.trim()));

/** The error for a header again with its columns in another order (reorderedHeader), at its row. */
export function reorderedHeaderProblem(
  header: readonly string[],
  cells: readonly string[],
  moved: number,
  at: { file?: string; sheet?: string; row: number },
): Diagnostic {
  return diagnostic(
    'data_header_repeated.reordered',
    { row: at.row, column: header[moved] ?? '', value: (cells[moved] ?? '').trim() },
    {
      ...(at.file ? { file: at.file } : {}),
      cell: {
        ...(at.sheet ? { sheet: at.sheet } : {}),
        row: at.row,
        column: header[moved] ?? '',
        value: cells[moved] ?? '',
      },
    },
  );
}

/**
 * A group's subtotal label, as Excel's Data → Subtotal writes it in the column the rows are grouped
 * by: the group's name, then 汇总 (Chinese Excel), Total (English Excel), another totals word, or the
 * function it used (计数, 平均值, 最大值, Count, Average, …), with a space or without
 * (`短视频一组 汇总`, `编导汇总`, `Team A Total`, `一组 平均值`).
 */
export const isGroupTotal = (text: string) => {
  const t = text.normalize('NFKC').trim();
  const m =
    /^(.*?\S)\s*(汇总|彙總|合计|合計|小计|小計|计数|計數|平均值|最大值|最小值|乘积|求和|total|subtotal|count|average|max|min|sum)$/i.exec(
      t,
    );
  return m !== null && !isTotalsWord(m[1] ?? '');
};

import { FIELD_NAMES, type Field } from '../model/fields.js';
export { FIELD_NAMES, type Field };

const REQUIRED_FIELDS: Field[] = ['employee_id', 'name', 'role', 'team', 'stage'];

/** Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible in Excel, never meant. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** A line break typed in a cell (Alt+Enter, so that a long name wraps), with the spaces around it. */
const LINE_BREAK = /[^\S\r\n]*[\r\n]+\s*/g;
/** A wrapped name's line break between two words is a space, between two Chinese characters nothing. */
const unwrap = (s: string) =>
  s.replace(LINE_BREAK, (_, at: number, all: string) =>
    /[\x21-\x7e]/.test(all[at - 1] ?? '') && /[\x21-\x7e]/.test(all[at + _.length] ?? '') ? ' ' : '',
  );
/**
 * How column names, role and stage titles compare: full-width forms, invisible characters, surrounding
 * spaces, a line break typed in the cell (`发布\n视频数` is 发布视频数) and case do not count.
 */
const key = (s: string) =>
  (/[\r\n]/.test(s) ? unwrap(s) : s).normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();

/** What a column header means under this policy: a record field, a metric, or nothing. */
export function columnMeaning(
  header: string,
  contract: DataContract,
): { kind: 'field' | 'metric'; id: string } | undefined {
  const k = key(header);
  for (const [id, names] of Object.entries(FIELD_NAMES))
    if (names.some((n) => key(n) === k)) return { kind: 'field', id };
  for (const [id, m] of Object.entries(contract.metrics))
    if ([id, m.label, ...(m.aliases ?? [])].some((n) => key(n) === k)) return { kind: 'metric', id };
  return undefined;
}

export function toRecords(table: Table, contract: DataContract, options: ReadOptions = {}): RecordsResult {
  // a merged range or a hidden workbook column is refused when it is read (a field or a metric), left unread otherwise
  const reads = (c: number) => columnMeaning(table.header[c] ?? '', contract) !== undefined;
  const merged = mergedCellsProblem(table, options.file, reads);
  if (merged) return { records: [], excluded: [], diagnostics: [merged] };
  const hidden = hiddenColumnsProblem(table, reads, options.file);
  if (hidden) return { records: [], excluded: [], diagnostics: [hidden] };
  const reader = recordReader(table.header, contract, options, table);
  // the column names are on a later row: that is the whole problem, and every column the first row
  // lacks (「没有「工号」列」) would be said of a file that has it, one row down
  const title = titleAboveHeader(reader.diagnostics, table.rows, table.rowNumbers, contract, options.file);
  if (title) return { records: [], excluded: [], diagnostics: [title] };
  const diagnostics = [...reader.diagnostics];
  const below =
    sheetWithHeader(reader.diagnostics, table, contract, options.file) ??
    otherSheetsOfData(table, contract, options.file);
  if (below) diagnostics.unshift(below);
  // a totals row (合计, 小计, …) is skipped with a note, and counts for nothing below
  const skip = new Set<number>();
  table.rows.forEach((cells, i) => {
    const note = reader.totalsRow(cells, i, known(table.rowNumbers[i], 'row number'));
    if (note) {
      skip.add(i);
      diagnostics.push(note);
    }
  });
  // a missing metric column matters only for the roles this file actually has
  const present = new Set<string>();
  const notation: RatioNotation = new Map();
  table.rows.forEach((cells, i) => {
    if (skip.has(i)) return;
    const role = reader.roleOf(cells);
    if (role !== undefined) present.add(role);
    reader.ratioNotation(cells, i, known(table.rowNumbers[i], 'row number'), notation);
  });
  diagnostics.push(...reader.missingColumns(present), ...reader.mixedNotation(notation));
  if (diagnostics.some((d) => d.severity === 'error')) return { records: [], excluded: [], diagnostics };

  const records: EmployeeRecord[] = [];
  const excluded: ExcludedRecord[] = [];
  const defaults: DefaultUse[] = [];
  const usedBy = new Map<EmployeeRecord, DefaultUse[]>();
  table.rows.forEach((cells, i) => {
    if (skip.has(i)) return;
    const used: DefaultUse[] = [];
    const r = reader.read(cells, i, known(table.rowNumbers[i], 'row number'), undefined, used);
    // defaults of a record left out anyway are not news
    if ('record' in r) {
      records.push(r.record);
      usedBy.set(r.record, used);
    } else excluded.push(r.excluded);
  });
  // a person on two rows: the later rows are left out as duplicates, and so is the first, since
  // which row is right cannot be told (paying the first would be a guess)
  const firstOf = new Map<number, number>();
  for (const x of excluded)
    for (const d of x.reasons) {
      const first = d.code.startsWith('data_duplicate_employee') ? d.args?.first : undefined;
      if (typeof first === 'number' && x.row !== undefined && !firstOf.has(first)) firstOf.set(first, x.row);
    }
  if (firstOf.size) {
    const indexOf = new Map(table.rowNumbers.map((row, i) => [row, i]));
    for (let k = records.length - 1; k >= 0; k--) {
      const r = records[k]!;
      const row = r.source?.row;
      const later = row === undefined ? undefined : firstOf.get(row);
      if (row === undefined || later === undefined) continue;
      const i = indexOf.get(row)!;
      records.splice(k, 1);
      usedBy.delete(r);
      excluded.push({
        employee_id: r.employee_id,
        name: r.name,
        ...(r.source?.file !== undefined ? { file: r.source.file } : {}),
        row,
        reasons: [reader.alsoOn(table.rows[i]!, i, row, later)],
      });
    }
    excluded.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
  for (const used of usedBy.values()) defaults.push(...used);
  diagnostics.push(...reader.notes);
  diagnostics.push(...reader.teamDiagnostics());
  return { records, excluded, diagnostics, defaults };
}

/** Reads rows one at a time against a header: what `toRecords` does to a table, and a stream does row by row. */
export interface RecordReader {
  /** Problems with the header: errors mean no row can be read; warnings name ignored columns. */
  readonly diagnostics: Diagnostic[];
  /** Warnings about rows found by `seen` (ids that differ only by case), in the order rows were seen. */
  readonly notes: Diagnostic[];
  /**
   * What the metric columns a row needs depend on, as a key for `missingColumns`: the role its role
   * cell names and the stage its stage cell names (the role alone when the stage names none); undefined
   * without a role.
   */
  roleOf(cells: string[]): string | undefined;
  /**
   * The reason the first row of a person written on two rows is left out too (at its id cell):
   * which of the rows is right cannot be told, so neither is scored.
   */
  alsoOn(cells: string[], index: number, row: number, later: number): Diagnostic;
  /** Errors for metric columns that the rows of these keys (`roleOf`'s, or role ids) need and the header lacks. */
  missingColumns(roles: Set<string>): Diagnostic[];
  /** A note when the row is a totals row (合计, 小计, Total, …) to skip, not an employee. */
  totalsRow(cells: string[], index: number, row: number): Diagnostic | undefined;
  /** Notes in `seen` the first row writing each ratio column as a fraction or as percent points. */
  ratioNotation(cells: string[], index: number, row: number, seen: RatioNotation): void;
  /** Errors for ratio columns written both ways. */
  mixedNotation(seen: RatioNotation): Diagnostic[];
  /** The row an employee's earlier row for the same period was on; remembers this one. */
  duplicateOf(cells: string[], row: number): number | undefined;
  /** `duplicateOf` for an id and period already taken from a row; `raw` is the id cell as written. */
  seen(id: string, period: string, row: number, raw?: string): number | undefined;
  /** How the first row of an id in a period wrote it, when that differs from the id. */
  spelling(id: string, period: string): string | undefined;
  /** A row's employee id, normalised (`normaliseId`). */
  idOf(cells: string[]): string;
  /** A row's id cell as written, trimmed. */
  rawIdOf(cells: string[]): string;
  /** A row's period as `YYYY-MM`: its 月份 cell, or the period the caller gave; '' when the cell is not a month. */
  periodOf(cells: string[]): string;
  /**
   * One row → a record, or the reasons it cannot be scored. Finds duplicates itself, unless the
   * caller already did (`known`: a worker reads rows whose duplicates the main thread tracks).
   */
  read(
    cells: string[],
    index: number,
    row: number,
    known?: { duplicateOf: number | undefined; spelling?: string },
    defaults?: DefaultUse[],
  ): { record: EmployeeRecord } | { excluded: ExcludedRecord };
  /** Team spellings `read` met for the first time since the last call, with their row (a worker sends them to the reading thread). */
  takeTeams(): [text: string, row: number][];
  /** A team spelling another reader met on a row (`takeTeams`), for `teamDiagnostics`. */
  noteTeam(text: string, row: number): void;
  /** After the last row: warnings about team names written several ways (see data/teams.ts). */
  teamDiagnostics(): Diagnostic[];
}

/** Unknown columns warned about one by one; beyond them, one warning counts the rest. */
const UNKNOWN_COLUMNS_NAMED = 20;
export function recordReader(
  header: string[],
  contract: DataContract,
  options: ReadOptions = {},
  source: Pick<Table, 'sheet' | 'columnOptions' | 'origin' | 'absent' | 'positional' | 'exponents'> = {},
): RecordReader {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const headerCell = (column: string) => ({ row: 1, column });
  /** For a joined table: the file (and its header) a column comes from, read off the first row. */
  const columnSource = (col: number): { file: string; sheet?: string; column?: string } | undefined => {
    const o = source.origin?.(0, col);
    if (o) return { file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), column: o.column };
    const absent = source.absent?.(0, col);
    return absent ? { file: absent.file } : undefined;
  };

  // which column holds which field or metric
  const fieldColumn = new Map<Field, number>();
  const metricColumn = new Map<string, number>();
  const byName = new Map<string, { kind: 'field'; id: Field } | { kind: 'metric'; id: string }>();
  for (const [id, names] of Object.entries(FIELD_NAMES) as [Field, readonly string[]][])
    for (const n of names) byName.set(key(n), { kind: 'field', id });
  for (const [id, m] of Object.entries(contract.metrics)) {
    for (const n of [id, m.label, ...(m.aliases ?? [])])
      if (!byName.has(key(n))) byName.set(key(n), { kind: 'metric', id });
  }
  const unmatched: string[] = [];
  header.forEach((h, col) => {
    const match = byName.get(key(h));
    if (!match) {
      if (key(h) === '' || options.ignoreColumns?.some((c) => key(c) === key(h))) return;
      unmatched.push(h);
      // a sheet of thousands of columns gets one line for the rest, not a warning for each
      if (unmatched.length > UNKNOWN_COLUMNS_NAMED) return;
      const near = nearestLabel(h, contract);
      // in a joined table, the file the column comes from (an export's, an event source's), not the roster's
      const from = columnSource(col);
      const at: Place = from
        ? {
            severity: 'warning',
            file: from.file,
            cell: { ...(from.sheet ? { sheet: from.sheet } : {}), row: 1, column: from.column ?? h },
          }
        : { severity: 'warning', file, cell: headerCell(h) };
      diagnostics.push(
        near
          ? diagnostic('data_unknown_column.near', { column: h, near }, at)
          : diagnostic('data_unknown_column', { column: h }, at),
      );
      return;
    }
    const map = match.kind === 'field' ? fieldColumn : metricColumn;
    const earlier = (map as Map<string, number>).get(match.id);
    if (earlier !== undefined) {
      // in a joined table, the files the two columns come from (not the roster's, by default)
      const a = columnSource(earlier);
      const b = columnSource(col);
      const place = b
        ? { file: b.file, cell: { ...(b.sheet ? { sheet: b.sheet } : {}), row: 1, column: b.column ?? h } }
        : { file, cell: headerCell(h) };
      diagnostics.push(
        a && b && a.file !== b.file
          ? diagnostic(
              'data_duplicate_column.sources',
              {
                first: a.column ?? header[earlier] ?? '',
                first_file: a.file,
                second: b.column ?? h,
                second_file: b.file,
                id: match.id,
              },
              place,
            )
          : header[earlier] === h && !a && !b
            ? // the same header twice in one file: "columns `完播率` and `完播率`" named neither; their letters,
              // as Excel shows them, do (a mapping's joined table has other columns before a file's own)
              diagnostic(
                'data_duplicate_column.same',
                { column: h, first_at: columnLetters(earlier), second_at: columnLetters(col), id: match.id },
                place,
              )
            : // in a joined table, each column as its file names it (`作品播放量` mapped to 播放量, and 播放量)
              diagnostic(
                'data_duplicate_column',
                { first: a?.column ?? header[earlier] ?? '', second: b?.column ?? h, id: match.id },
                place,
              ),
      );
      return;
    }
    (map as Map<string, number>).set(match.id, col);
  });
  // the pay base's column written with a unit, spaces or more words (`绩效基数(元)`, `绩效 基数`,
  // `绩效基数/元`, `月绩效基数`) where the file has no 绩效基数 column: read as nothing, the pay base
  // would be the role's, silently. (The other
  // fields are required, refused when missing, or `--period` stands for the month: `考核期(天)` is
  // no month)
  for (const h of unmatched) {
    const bare = key(h)
      .replace(/[(（[【<《].*?[)）\]】>》]/g, '')
      .replace(/[\s\u3000]+/g, '');
    if (fieldColumn.has('pay_base')) continue;
    // `绩效基数(元)`, `绩效 基数`, `绩效基数/元`, `绩效基数元`, `月绩效基数`: the name within it
    if (!FIELD_NAMES.pay_base.some((n) => key(n).length >= 4 && (bare === key(n) || bare.includes(key(n))))) continue;
    const near = FIELD_NAMES.pay_base[1];
    const at = diagnostics.findIndex((d) => d.code.startsWith('data_unknown_column') && d.cell?.column === h);
    if (at >= 0) diagnostics.splice(at, 1);
    diagnostics.push(diagnostic('data_unknown_column.field', { column: h, near }, { file, cell: headerCell(h) }));
  }
  if (unmatched.length > UNKNOWN_COLUMNS_NAMED)
    diagnostics.push(
      diagnostic(
        'data_unknown_column.more',
        { count: unmatched.length - UNKNOWN_COLUMNS_NAMED },
        { severity: 'warning', file, cell: { row: 1 } },
      ),
    );
  for (const f of REQUIRED_FIELDS) {
    if (!fieldColumn.has(f))
      diagnostics.push(
        diagnostic(
          'data_missing_column',
          { field_zh: FIELD_NAMES[f][1], field: f, names: either(FIELD_NAMES[f].slice(0, 2)) },
          { file, cell: { row: 1 } },
        ),
      );
  }
  // the period given for the whole file (--period, a mapping's `period:`) is read like a cell
  let givenPeriod = '';
  if (options.period) {
    const p = readPeriod(options.period);
    if (p.ok) givenPeriod = p.period;
    else
      diagnostics.push(
        diagnostic(
          'data_bad_period.given',
          { detail: p.why.detail, advice: p.why.advice },
          { file, cell: { row: 1, value: options.period } },
        ),
      );
  }
  if (!fieldColumn.has('period') && !options.period) {
    diagnostics.push(diagnostic('data_missing_column.period', {}, { file, cell: { row: 1 } }));
  }
  const roleOfText = lookup(contract.roles);
  const stageOf = lookup(contract.stages);
  const roleCol = fieldColumn.get('role');
  const stageCol = fieldColumn.get('stage');
  // a row's role, and its stage when the role's required metrics differ by stage (an indicator
  // weighted 0 in a stage): each key made once, not per row
  const stagedKeys = new Map(
    contract.roles.flatMap((r) => {
      const any = contract.requiredMetrics(r.id).join('\u0000');
      const varies = contract.stages.some((s) => contract.requiredMetrics(r.id, s.id).join('\u0000') !== any);
      return varies ? [[r.id, new Map(contract.stages.map((s) => [s.id, `${r.id}\u0000${s.id}`]))] as const] : [];
    }),
  );
  const roleOf = (cells: string[]) => {
    const role = roleCol === undefined ? undefined : roleOfText((cells[roleCol] ?? '').trim());
    const keys = role === undefined || stageCol === undefined ? undefined : stagedKeys.get(role);
    if (keys === undefined) return role;
    const stage = stageOf((cells[stageCol!] ?? '').trim());
    return (stage !== undefined && keys.get(stage)) || role;
  };
  /** A `roleOf` key's required metrics (a role id alone: every stage's). */
  const neededBy = (key: string) => {
    const [role, stage] = key.split('\u0000');
    return contract.requiredMetrics(role!, stage);
  };

  const missingColumns = (present: Set<string>): Diagnostic[] => {
    const out: Diagnostic[] = [];
    const neededHere = new Set([...present].flatMap((k) => neededBy(k)));
    for (const id of neededHere) {
      const m = contract.metrics[id];
      // a default fills an empty cell; a whole column missing takes it only when the policy says so
      if (!metricColumn.has(id) && m && !(m.default !== undefined && m.default_when_missing_column === true)) {
        const needing = new Set([...present].filter((k) => neededBy(k).includes(id)).map((k) => k.split('\u0000')[0]));
        const roles = contract.roles.filter((r) => needing.has(r.id)).map((r) => r.title);
        const aliases = m.aliases?.length ? m.aliases.map((a) => `\`${a}\``) : undefined;
        const names: Text = {
          en: `\`${m.label}\`${aliases ? ` (or ${aliases.join(', ')})` : ''}`,
          zh: `\`${m.label}\`${aliases ? `（或 ${aliases.join('、')}）` : ''}`,
        };
        // a header that contains the label (`完播率(%)`) may be this metric in another unit: named, never taken
        const near = unmatched.find((h) =>
          [m.label, ...(m.aliases ?? [])].some(
            (n) => key(n).length >= 2 && (key(h).includes(key(n)) || key(n).includes(key(h))),
          ),
        );
        const near_help: Text =
          near === undefined
            ? { en: '', zh: '' }
            : {
                en: `; the file has a column \`${near}\`: if it is this metric, add it to the metric's \`aliases\` (and check how it writes the values, e.g. \`ratio_format\`)`,
                zh: `；文件中有一列 \`${near}\`：如果它就是这个指标，请把它写进该指标的 \`aliases\`（并检查它的数值写法，如 \`ratio_format\`）`,
              };
        const at = { file, cell: { row: 1 } };
        out.push(
          m.default === undefined
            ? diagnostic('data_missing_column.metric', { label: m.label, id, roles: list(roles), names, near_help }, at)
            : diagnostic(
                'data_missing_column.metric_default',
                { label: m.label, id, roles: list(roles), names, default: m.default, near_help },
                at,
              ),
        );
      }
    }
    return out;
  };

  // per metric, once: its column and how to read it
  const metricReads = Object.entries(contract.metrics).map(([id, m]) => {
    const col = metricColumn.get(id);
    const options = {
      ranges: m.ranges,
      moneyIn: m.money_in,
      ratioFormat: m.ratio_format,
      ...(col !== undefined ? source.columnOptions?.[col] : undefined),
    };
    // a ratio is a share (0 to 1) unless the policy says how far it may go (a completion of 1.2, a fall of -0.3)
    const range = m.range ?? (m.unit === 'ratio' ? ([0, 1] as [number, number]) : undefined);
    return { id, m, col, options, range };
  });
  // per role and stage (and per role, for a row whose stage names none), whether each metric (in
  // metricReads' order) is required: one array read per empty cell
  const requiredOf = (role: string, stage?: string) => {
    const required = new Set(contract.requiredMetrics(role, stage));
    return metricReads.map((read) => required.has(read.id));
  };
  const requiredByRole = new Map(
    contract.roles.map((r) => [
      r.id,
      { any: requiredOf(r.id), byStage: new Map(contract.stages.map((s) => [s.id, requiredOf(r.id, s.id)])) },
    ]),
  );
  const roleTitle = new Map(contract.roles.map((r) => [r.id, r.title]));
  const roleNames = list(contract.roles.map((r) => `${r.title} (${r.id})`));
  const stageNames = list(contract.stages.map((s) => `${s.title} (${s.id})`));
  const NONE: boolean[] = [];
  // a record's metric values by position (`MetricValues`), copied from this array of NaNs (an
  // absent metric): a number of 8 bytes each, no object per value, and no hole (V8 reads a hole
  // through a generic, megamorphic load)
  const absent = metricReads.map(() => Number.NaN);
  /** period → employee id → the row it first appeared in */
  const firstRow = new Map<string, IdRows>();

  // a file's rows mostly share one period cell: the last one read is remembered
  const periodCol = fieldColumn.get('period');
  let lastPeriodText: string | undefined;
  let lastPeriod: ReturnType<typeof readPeriod> = { ok: true, period: '' };
  const periodFrom = (text: string) => {
    if (text !== lastPeriodText) {
      lastPeriodText = text;
      lastPeriod = readPeriod(text);
    }
    return lastPeriod;
  };
  const periodOf = (cells: string[]): string => {
    const text = periodCol === undefined ? '' : (cells[periodCol] ?? '').trim();
    if (text === '') return givenPeriod;
    const p = periodFrom(text);
    return p.ok ? p.period : '';
  };
  const idCol = fieldColumn.get('employee_id') ?? -1;
  const rawIdOf = (cells: string[]) => (cells[idCol] ?? '').trim();
  const idOf = (cells: string[]) => normaliseId(cells[idCol] ?? '');
  const duplicateOf = (cells: string[], row: number): number | undefined =>
    seen(idOf(cells), periodOf(cells), row, rawIdOf(cells));
  /** `period \0 id` → how the first row wrote the id, only where that is not the id itself */
  const spellings = new Map<string, string>();
  /** upper-cased id → an id with lower-case letters and its first row, to warn about `e1` beside `E1` */
  const byUpper = new Map<string, { id: string; row: number }>();
  const caseWarned = new Set<string>();
  const notes: Diagnostic[] = [];
  /** a digits-only id without its leading zeros → the first spelling and row, to warn about `7` beside `007` */
  const byDigits = new Map<string, { id: string; row: number }>();
  const caseNote = (
    a: { id: string; row: number },
    b: { id: string; row: number },
    which: 'data_id_case' | 'data_id_zeros' = 'data_id_case',
  ) => {
    const pair = `${a.id}\0${b.id}`;
    if (caseWarned.has(pair)) return;
    caseWarned.add(pair);
    notes.push(
      diagnostic(
        which,
        { first: a.id, first_row: a.row, second: b.id, second_row: b.row },
        {
          severity: 'warning',
          file,
          cell: { row: b.row, column: idCol >= 0 ? header[idCol] : undefined, value: b.id },
        },
      ),
    );
  };
  const seen = (id: string, period: string, row: number, raw: string = id): number | undefined => {
    // no id, no month, or an id Excel destroyed: the row is refused for that already
    if (!id || !period || lostToNumber(id)) return undefined;
    // one row per employee per period: a file may hold several months
    let seen = firstRow.get(period);
    if (!seen) firstRow.set(period, (seen = new IdRows()));
    const first = seen.get(id);
    if (first !== undefined) return first;
    seen.set(id, row);
    if (raw !== id) spellings.set(`${period}\0${id}`, raw);
    // a number-like id with and without leading zeros (`007`, and `7` where Excel dropped them):
    // two people as written, said once; the first character tells most ids apart at once
    const c0 = id.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57 && DIGITS.test(id)) {
      const digits = id.replace(LEADING_ZEROS, '');
      const other = byDigits.get(digits);
      if (!other) byDigits.set(digits, { id, row });
      else if (other.id !== id) caseNote(other, { id, row }, 'data_id_zeros');
    }
    // ids that differ only by case: two people, said once
    const upper = MAY_HAVE_LOWER.test(id) ? id.toUpperCase() : id;
    if (upper !== id) {
      const other = byUpper.get(upper);
      if (other && other.id !== id) caseNote(other, { id, row });
      else if (!other) {
        byUpper.set(upper, { id, row });
        for (const ids of firstRow.values()) {
          const at = ids.get(upper);
          if (at !== undefined) {
            caseNote({ id: upper, row: at }, { id, row });
            break;
          }
        }
      }
    } else if (byUpper.size) {
      const other = byUpper.get(upper);
      if (other) caseNote(other, { id, row });
    }
    return undefined;
  };
  const spelling = (id: string, period: string) => spellings.get(`${period}\0${id}`);

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
      const name = directory ? directory.find(text) : teamName(text);
      t = {
        // as a property key: the run's totals per team look it up on every record
        team: name === undefined ? undefined : internalized(name),
        at: {
          file: from?.file ?? file,
          ...(sheet ? { sheet } : {}),
          row: from?.row ?? row,
          column: from?.column ?? header[teamCol!],
          value: text,
        },
      };
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
    const place = (at: TeamSeen['at']): Place => ({
      severity: 'warning',
      file: at.file,
      cell: { ...(at.sheet ? { sheet: at.sheet } : {}), row: at.row, column: at.column, value: at.value },
    });
    // a declaration says which spellings are one team: nothing to warn about
    if (directory) return out;
    const byRow = [...teams].filter(([, t]) => t.team !== '').sort((a, b) => a[1].at.row - b[1].at.row);
    const first = new Map<string, string>();
    for (const [text, t] of byRow) {
      const earlier = first.get(t.team!);
      if (earlier === undefined) first.set(t.team!, text);
      else out.push(diagnostic('data_team_spelling_merged', { name: text, earlier, team: t.team! }, place(t.at)));
    }
    const byFold = new Map<string, string>();
    for (const [name, text] of first) {
      const at = teams.get(text)!.at;
      const fold = teamFold(name);
      const earlier = byFold.get(fold);
      if (earlier === undefined) byFold.set(fold, name);
      else if (contract.teamGrouped)
        out.push(
          diagnostic(
            'data_similar_teams.grouped',
            { name, earlier, grouping: contract.teamGrouped.en, grouping_zh: contract.teamGrouped.zh },
            { ...place(at), severity: 'error' },
          ),
        );
      else out.push(diagnostic('data_similar_teams', { name, earlier }, place(at)));
    }
    return out.sort((a, b) => a.cell!.row - b.cell!.row);
  };

  // per row helpers, made once (a closure per row is measurable at a million rows)
  const field = (cells: string[], f: Field) => cellAt(cells, fieldColumn.get(f)).trim();
  const problem = <C extends MessageId>(
    reasons: Diagnostic[],
    cells: string[],
    i: number,
    row: number,
    col: number | undefined,
    id: C,
    args: { [K in ArgNames<C>]: MessageArg },
  ) => {
    // a joined table knows which file, row and column each cell came from
    const from = col !== undefined ? source.origin?.(i, col) : undefined;
    const sheet = from ? from.sheet : source.sheet;
    reasons.push(
      diagnostic(id, args, {
        file: from?.file ?? file,
        cell: {
          ...(sheet ? { sheet } : {}),
          row: from?.row ?? row,
          ...(col !== undefined
            ? { column: from?.column ?? header[col], value: source.exponents?.get(i)?.get(col) ?? cellAt(cells, col) }
            : {}),
        },
      }),
    );
  };

  const read = (
    cells: string[],
    i: number,
    row: number,
    known?: { duplicateOf: number | undefined; spelling?: string },
    defaults?: DefaultUse[],
  ): { record: EmployeeRecord } | { excluded: ExcludedRecord } => {
    let reasons: Diagnostic[] = [];

    for (const f of REQUIRED_FIELDS) {
      const text = f === 'employee_id' ? idOf(cells) : field(cells, f);
      if (text === '')
        problem(reasons, cells, i, row, fieldColumn.get(f), 'data_missing_field', {
          field_zh: FIELD_NAMES[f][1],
          field: f,
        });
      // `#N/A` is no one's id, name or team: a formula failed in Excel
      else if (text.charCodeAt(0) === 0x23) {
        const meaning = EXCEL_ERRORS[text.toUpperCase()];
        if (meaning !== undefined)
          problem(reasons, cells, i, row, fieldColumn.get(f), 'data_excel_error', {
            value: text,
            field_zh: FIELD_NAMES[f][1],
            field: f,
            error: text.toUpperCase(),
            meaning,
          });
      }
    }
    const periodText = field(cells, 'period');
    let period = givenPeriod;
    // the period duplicates are keyed by: `periodOf` (none for a cell that is not a month)
    let periodKey = givenPeriod;
    if (periodText !== '') {
      const p = periodFrom(periodText);
      periodKey = p.ok ? p.period : '';
      if (p.ok) period = p.period;
      else
        problem(reasons, cells, i, row, periodCol, 'data_bad_period', { detail: p.why.detail, advice: p.why.advice });
      // --period (or a mapping's `period:`) and the 月份 cell must name one month
      if (p.ok && givenPeriod && p.period !== givenPeriod)
        problem(reasons, cells, i, row, periodCol, 'data_period_mismatch', {
          text: periodText,
          period: p.period,
          given: givenPeriod,
        });
    } else if (fieldColumn.has('period') && !options.period)
      problem(reasons, cells, i, row, periodCol, 'data_missing_field.period', {});

    const roleText = field(cells, 'role');
    const role = roleText ? roleOfText(roleText) : undefined;
    if (roleText && !role)
      problem(reasons, cells, i, row, fieldColumn.get('role'), 'data_unknown_role', {
        role: roleText,
        roles: roleNames,
      });
    const teamText = field(cells, 'team');
    const team = teamText ? teamOf(teamText, i, row) : undefined;
    if (teamText && team === undefined) {
      const near = directory!.nearest(teamText);
      const nearText: Text =
        near !== undefined ? { en: `did you mean \`${near}\`? `, zh: `是不是 \`${near}\`？` } : { en: '', zh: '' };
      problem(reasons, cells, i, row, teamCol, 'data_unknown_team', {
        team: teamText,
        near: nearText,
        teams: list(directory!.teams.map((t) => t.title)),
      });
    } else if (team === '') problem(reasons, cells, i, row, teamCol, 'data_missing_field.team', {});
    const stageText = field(cells, 'stage');
    const stage = stageText ? stageOf(stageText) : undefined;
    if (stageText && !stage)
      problem(reasons, cells, i, row, fieldColumn.get('stage'), 'data_unknown_stage', {
        stage: stageText,
        stages: stageNames,
      });

    let payBase: number | undefined;
    if (fieldColumn.has('pay_base')) {
      // read like any cell: empty, `-`, `N/A` are missing and the role's pay base applies; one above
      // the limit but a usable figure is refused at evaluation (eval_pay_base_out_of_range)
      const text = field(cells, 'pay_base');
      const col = fieldColumn.get('pay_base');
      const v = readValue(text, 'money', col !== undefined ? source.columnOptions?.[col] : undefined);
      if (!v.ok) {
        if (v.why.reason === 'value_dot_thousands' || v.why.reason === 'value_inexact')
          problem(reasons, cells, i, row, col, 'data_not_a_number', { detail: v.why.detail, advice: v.why.advice });
        else if (v.why.reason === 'value_too_large')
          problem(reasons, cells, i, row, col, 'data_bad_pay_base.too_large', {
            value: text.length > 24 ? `${text.slice(0, 24)}…` : text,
            limit: LIMIT_TEXT,
          });
        else problem(reasons, cells, i, row, col, 'data_bad_pay_base', { value: text });
      } else if (v.value !== undefined && v.value < 0)
        problem(reasons, cells, i, row, col, 'data_bad_pay_base.negative', { value: text });
      else if (v.value === undefined) payBase = undefined;
      else {
        const amount = toTheFen(v.value);
        if (amount === undefined) problem(reasons, cells, i, row, col, 'data_bad_pay_base.fraction', { value: text });
        else payBase = amount;
      }
    }

    const needs = role ? requiredByRole.get(role) : undefined;
    const required = (needs && (stage ? needs.byStage.get(stage) : needs.any)) || NONE;
    const metrics: Record<string, number> = {};
    const values = absent.slice();
    let noRow: Map<string, { labels: string[]; near?: { key: string; row: number } }> | undefined;
    for (let k = 0; k < metricReads.length; k++) {
      const { id, m, col, options: how, range } = metricReads[k]!;
      const raw = cellAt(cells, col);
      const parsed = readValue(raw, m.unit, how);
      if (!parsed.ok) {
        problem(reasons, cells, i, row, col, 'data_not_a_number', {
          detail: parsed.why.detail,
          advice: parsed.why.advice,
        });
        continue;
      }
      if (parsed.value === undefined) {
        if (required[k] !== true) continue;
        // no row in a source of a data mapping: not an empty cell, unless the mapping says it is
        const absent = col !== undefined ? source.absent?.(i, col) : undefined;
        if (absent && !absent.default) {
          noRow ??= new Map();
          noRow.set(absent.file, {
            labels: [...(noRow.get(absent.file)?.labels ?? []), m.label],
            ...(absent.near ? { near: absent.near } : {}),
          });
          continue;
        }
        // empty: the engine applies the metric's default; without one a required metric is an error
        if (m.default === undefined && col !== undefined) {
          problem(reasons, cells, i, row, col, 'data_missing_metric', {
            label: m.label,
            id,
            role: roleTitle.get(role!) ?? String(role),
          });
        } else if (m.default !== undefined && defaults) {
          // an empty cell is where it is in its own file; a missing one is the employee's row
          const from = col !== undefined && !absent ? source.origin?.(i, col) : undefined;
          defaults.push({
            metric: id,
            value: m.default,
            employee_id: field(cells, 'employee_id'),
            ...((from?.file ?? file) ? { file: from?.file ?? file } : {}),
            row: from?.row ?? row,
            why: col === undefined ? 'no column' : absent ? 'no row in source' : 'empty cell',
            ...(absent ? { source: absent.file } : {}),
          });
        }
        continue;
      }
      if (m.unit === 'count' && parsed.value < 0) {
        problem(reasons, cells, i, row, col, 'data_negative_count', { label: m.label, value: raw.trim() });
        continue;
      }
      // 1.5 videos is an average or a typo, never a count (the middle of a range the policy asked for may be .5)
      if (
        m.unit === 'count' &&
        !Number.isInteger(parsed.value) &&
        (how.ranges === undefined || how.ranges === 'reject')
      ) {
        problem(reasons, cells, i, row, col, 'data_fractional_count', {
          label: m.label,
          value: raw.trim(),
          number: parsed.value,
        });
        continue;
      }
      if (range && (parsed.value < range[0] || parsed.value > range[1])) {
        problem(reasons, cells, i, row, col, outOfRange(m, how.ratioFormat, range, raw, parsed.value), {
          label: m.label,
          min: range[0],
          max: range[1],
          value: raw.trim(),
        });
        continue;
      }
      metrics[id] = parsed.value;
      values[k] = parsed.value;
    }
    if (noRow) {
      const rosterCol = fieldColumn.get('employee_id');
      for (const [from, { labels, near }] of noRow) {
        const args = { id: field(cells, 'employee_id'), file: from, labels: list(labels.map((l) => `\`${l}\``)) };
        if (near)
          problem(reasons, cells, i, row, rosterCol, 'data_no_row.near', { ...args, key: near.key, key_row: near.row });
        else problem(reasons, cells, i, row, rosterCol, 'data_no_row', args);
      }
    }

    const id = idOf(cells);
    const rawId = rawIdOf(cells);
    // a JSON number with an exponent (`2.02311E+11`, `1.0e3`) is an id lost to a number, whatever its decimals
    const written = source.exponents?.get(i)?.get(idCol);
    if (written !== undefined || looksScientific(id))
      problem(reasons, cells, i, row, idCol, 'data_bad_id', { id: written ?? rawId });
    else if (looksDecimal(id)) problem(reasons, cells, i, row, idCol, 'data_bad_id.decimal', { id: rawId });
    const first = known ? known.duplicateOf : seen(id, periodKey, row, rawId);
    if (first !== undefined) {
      // `E1` here and `Ｅ１` there: say how each row wrote it
      const there = known ? known.spelling : spelling(id, periodKey);
      if (there !== undefined || rawId !== id) {
        const was = showSpelling(there ?? id);
        const is = showSpelling(rawId);
        problem(reasons, cells, i, row, idCol, 'data_duplicate_employee.spelling', {
          id,
          first,
          written: {
            en: ` (written \`${was}\` there, \`${is}\` here)`,
            zh: `（那一行写作 \`${was}\`，这一行写作 \`${is}\`）`,
          },
        });
      } else problem(reasons, cells, i, row, idCol, 'data_duplicate_employee', { id, first, written: '' });
    }

    // a row with more cells than the header: its cells may have shifted, so nothing else in it is news
    const extra = raggedRow(cells, row);
    if (extra !== undefined) reasons = [extra, ...reasons.filter((d) => d.code === 'data_duplicate_employee')];
    if (reasons.length) {
      return {
        excluded: {
          ...(id ? { employee_id: id } : {}),
          ...(field(cells, 'name') ? { name: field(cells, 'name') } : {}),
          ...(file ? { file } : {}),
          row,
          reasons,
        },
      };
    }
    // biome-ignore format: the record's fields in their order
    const record = new ReadRecord(id, field(cells, 'name'), role!, team!, stage!, period, payBase, metrics, file ? { file, row } : { row }, values, contract.metrics);
    return { record };
  };
  // the header printed again lower down (an export's page break): every cell the header's own
  const headerAgain = (cells: string[]) => {
    if (source.origin) return false;
    for (let c = 0; c < Math.max(header.length, cells.length); c++)
      if ((cells[c] ?? '').trim() !== (header[c] ?? '').trim()) return false;
    return true;
  };
  /** What a column name means under this policy (a field or a metric, its id), whatever its spelling. */
  const meaning = (name: string) => {
    // asked of every row's first cell (an id, as a rule): printable ASCII is its own NFKC form with no
    // invisible character, so its key is it trimmed and lower-cased, without the normalisation
    const m = byName.get(/^[\x20-\x7e]*$/.test(name) ? name.trim().toLowerCase() : key(name));
    return m ? `${m.kind}:${m.id}` : undefined;
  };
  const headerNames = trimmedNames(header);
  const headerReordered = (cells: string[]) =>
    source.origin ? undefined : reorderedHeader(header, cells, meaning, headerNames);
  const totalsRow = (cells: string[], i: number, row: number): Diagnostic | undefined => {
    const again = headerReordered(cells);
    if (again !== undefined && again !== 'same')
      return reorderedHeaderProblem(header, cells, again, { file, sheet: source.sheet, row });
    if (again === 'same' || headerAgain(cells)) {
      const col = fieldColumn.get('employee_id');
      return diagnostic(
        'data_header_repeated',
        { row },
        {
          severity: 'warning',
          file,
          cell: {
            ...(source.sheet ? { sheet: source.sheet } : {}),
            row,
            ...(col !== undefined ? { column: header[col], value: cellAt(cells, col) } : {}),
          },
        },
      );
    }
    const id = field(cells, 'employee_id');
    const name = field(cells, 'name');
    // the label may sit in 团队 too, where sheets grouped by team begin their rows
    const team = field(cells, 'team');
    const role = field(cells, 'role');
    const stage = field(cells, 'stage');
    let word = isTotalsWord(id) ? id : isTotalsWord(name) ? name : isTotalsWord(team) ? team : undefined;
    let at: Field | undefined;
    if (word !== undefined) {
      if (role !== '' || stage !== '') return undefined;
      if (!((id === '' || isTotalsWord(id)) && (name === '' || isTotalsWord(name)))) return undefined;
      at = word === id ? 'employee_id' : word === name ? 'name' : 'team';
    } else {
      // Excel's Data → Subtotal: `短视频一组 汇总` (or `编导 汇总`, `Team A Total`) in the column the rows
      // are grouped by, no id, no name, and the other fields empty
      if (id !== '' || name !== '') return undefined;
      const grouped = (['team', 'role', 'stage'] as const).filter((f) => field(cells, f) !== '');
      if (grouped.length !== 1 || !isGroupTotal(field(cells, grouped[0]!))) return undefined;
      at = grouped[0]!;
      word = field(cells, at);
    }
    const col = fieldColumn.get(at);
    const from = col !== undefined ? source.origin?.(i, col) : undefined;
    const sheet = from ? from.sheet : source.sheet;
    return diagnostic(
      'data_totals_row',
      { row: from?.row ?? row, word },
      {
        severity: 'warning',
        file: from?.file ?? file,
        cell: {
          ...(sheet ? { sheet } : {}),
          row: from?.row ?? row,
          ...(col !== undefined ? { column: from?.column ?? header[col], value: cellAt(cells, col) } : {}),
        },
      },
    );
  };

  // a row with more cells than the header is refused (data/table.ts); a joined table checked its sources
  const raggedRow = (cells: string[], row: number) =>
    source.origin
      ? undefined
      : rowLengthProblem(header, cells, row, { file, sheet: source.sheet, positional: source.positional });

  // ratio columns read from the data, with what a fraction and a percent-points cell look like there
  const ratioReads = metricReads.filter((r) => r.m.unit === 'ratio' && r.col !== undefined);
  const ratioNotation = (cells: string[], i: number, row: number, seen: RatioNotation) => {
    // a row whose cells may have shifted says nothing about how a column is written
    if (cells.length > header.length && !source.positional && !source.origin) return;
    for (const { col, options: how, range } of ratioReads) {
      const raw = cellAt(cells, col).trim();
      if (raw === '') continue;
      const kind = notationOf(raw, how.ratioFormat, range!);
      if (!kind) continue;
      let entry = seen.get(col!);
      if (!entry) seen.set(col!, (entry = {}));
      if (entry[kind]) continue;
      const from = source.origin?.(i, col!);
      const sheet = from ? from.sheet : source.sheet;
      entry[kind] = {
        col: col!,
        kind,
        column: from?.column ?? header[col!] ?? '',
        row: from?.row ?? row,
        value: raw,
        ...((from?.file ?? file) ? { file: from?.file ?? file } : {}),
        ...(sheet ? { sheet } : {}),
      };
    }
  };
  const mixedNotation = (seen: RatioNotation): Diagnostic[] => {
    const out: Diagnostic[] = [];
    for (const { m, id, col, options: how } of ratioReads) {
      const e = seen.get(col!);
      if (!e?.fraction || !e.percent) continue;
      // reported where the second notation shows up
      const b = e.fraction.row <= e.percent.row ? e.percent : e.fraction;
      const column = b.column;
      const args = {
        column,
        metric: column === m.label ? id : { en: `${m.label}, ${id}`, zh: `${m.label}，${id}` },
        fraction: e.fraction.value,
        fraction_row: e.fraction.row,
        percent: e.percent.value,
        percent_row: e.percent.row,
      };
      const at: Place = {
        file: b.file,
        cell: { ...(b.sheet ? { sheet: b.sheet } : {}), row: b.row, column, value: b.value },
      };
      out.push(
        how.ratioFormat === 'percent_points'
          ? diagnostic('data_mixed_ratio_notation.percent_points', args, at)
          : diagnostic('data_mixed_ratio_notation', args, at),
      );
    }
    return out;
  };
  const alsoOn = (cells: string[], i: number, row: number, later: number): Diagnostic => {
    const reasons: Diagnostic[] = [];
    problem(reasons, cells, i, row, idCol, 'data_duplicate_employee.first', { id: idOf(cells), again: later });
    return reasons[0]!;
  };
  return {
    diagnostics,
    notes,
    roleOf,
    alsoOn,
    missingColumns,
    totalsRow,
    ratioNotation,
    mixedNotation,
    duplicateOf,
    seen,
    spelling,
    idOf,
    rawIdOf,
    periodOf,
    read,
    takeTeams,
    noteTeam,
    teamDiagnostics,
  };
}

/** A team spelling: the team it names (undefined: not a declared team) and the first cell it was in. */
interface TeamSeen {
  team: string | undefined;
  at: { file?: string; sheet?: string; row: number; column?: string; value: string };
}

/**
 * How a ratio cell is written, when it tells: `fraction` (0.453: a plain number between 0 and 1),
 * `percent` (percent points: a plain 45.3 that only fits the allowed range as 45.3 %; in a
 * percent-points column any number above 1, with or without %). Undefined when it cannot tell.
 */
function notationOf(
  raw: string,
  format: 'fraction' | 'percent_points' | undefined,
  range: [number, number],
): 'fraction' | 'percent' | undefined {
  const percentSign = raw.includes('%') || raw.includes('％');
  // in a fraction column a % cell is unambiguous (and most cells are written so)
  if (percentSign && format !== 'percent_points') return undefined;
  // the number as written, before any % or percent-points reading
  const written = readValue(percentSign ? raw.replace(/[%％]/g, '') : raw, 'ratio');
  if (!written.ok || written.value === undefined) return undefined;
  const n = written.value;
  if (format === 'percent_points') {
    if (!percentSign && n > 0 && n < 1) return 'fraction';
    return n > 1 ? 'percent' : undefined;
  }
  if (n > 0 && n < 1) return 'fraction';
  const asPercent = n / 100;
  return (n < range[0] || n > range[1]) && asPercent >= range[0] && asPercent <= range[1] ? 'percent' : undefined;
}

/** Which phrasing of data_out_of_range: its help says what the value likely meant. */
function outOfRange(
  m: MetricDef,
  format: 'fraction' | 'percent_points' | undefined,
  range: [number, number],
  raw: string,
  value: number,
): 'data_out_of_range' | 'data_out_of_range.percent' | 'data_out_of_range.ratio' {
  const text = raw.trim();
  if (
    m.unit === 'ratio' &&
    format !== 'percent_points' &&
    !/[%％]/.test(text) &&
    value / 100 >= range[0] &&
    value / 100 <= range[1]
  )
    return 'data_out_of_range.percent';
  if (m.unit === 'ratio' && m.range === undefined) return 'data_out_of_range.ratio';
  return 'data_out_of_range';
}

/** A list of names for a message: `a, b` in English, `a、b` in Chinese. */
function list(items: readonly string[]): Text {
  return { en: items.join(', '), zh: items.join('、') };
}

/** Two alternatives in backticks: `` `a` or `b` ``, `` `a` 或 `b` ``. */
function either(items: readonly string[]): Text {
  const quoted = items.map((n) => `\`${n}\``);
  return { en: quoted.join(' or '), zh: quoted.join(' 或 ') };
}

/** Lower-case ASCII letters, or any non-ASCII character (which may have case). */
const MAY_HAVE_LOWER = /[a-z\u0080-\uFFFF]/;
const DIGITS = /^[0-9]+$/;
/** leading zeros, the last digit kept: `000` is `0` */
const LEADING_ZEROS = /^0+(?=[0-9])/;

function cellAt(cells: string[], col: number | undefined): string {
  return col === undefined ? '' : (cells[col] ?? '');
}

/**
 * The same text as V8 keeps a property key (an internalized string): a lookup keyed by it (the
 * run's totals per team, on every record) then needs no search of the engine's string table,
 * which a string built at run time (trimmed, normalised) costs on every lookup.
 */
export function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

function lookup(items: { id: string; title: string }[]): (text: string) => string | undefined {
  const map = new Map<string, string>();
  for (const it of items) {
    map.set(key(it.id), it.id);
    map.set(key(it.title), it.id);
  }
  // exports mostly spell a title exactly as the policy does: try that before normalising
  const exact = new Map<string, string>();
  for (const [text, id] of items.flatMap((it) => [[it.id, it.id] as const, [it.title, it.id] as const]))
    if (map.get(key(text)) === id) exact.set(text, id);
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

/**
 * Exports often put a title (「10月绩效数据」) above the header. When the header row lacks the
 * employee fields and one of the next five rows has them all, says which row the header is on.
 * The rows are not skipped: what a title row holds is not ours to guess.
 */
export function titleAboveHeader(
  headerDiagnostics: readonly Diagnostic[],
  rows: readonly string[][],
  rowNumbers: readonly number[],
  contract: DataContract,
  file?: string,
): Diagnostic | undefined {
  if (!headerDiagnostics.some((d) => d.code === 'data_missing_column')) return undefined;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS - 1); i++) {
    const fields = new Set(
      rows[i]!.map((c) => columnMeaning(c, contract))
        .filter((m) => m?.kind === 'field')
        .map((m) => m!.id),
    );
    if (!REQUIRED_FIELDS.every((f) => fields.has(f))) continue;
    const row = rowNumbers[i]!;
    const at: Place = { ...(file ? { file } : {}), cell: { row: 1 } };
    return row > 2
      ? diagnostic('data_header_not_first.rows', { row, last: row - 1 }, at)
      : diagnostic('data_header_not_first', { row }, at);
  }
  return undefined;
}

/** Whether a row holds a column for every field a record needs (工号, 姓名, 岗位, …). */
function holdsHeader(row: readonly string[], contract: DataContract): boolean {
  const fields = new Set<string>();
  for (const c of row) {
    const m = columnMeaning(c, contract);
    if (m?.kind === 'field') fields.add(m.id);
  }
  return REQUIRED_FIELDS.every((f) => fields.has(f));
}

/**
 * A workbook whose sheet read has no header of the data (a 说明 or cover sheet first) while another
 * sheet has one: said first, naming both sheets, rather than only "no 工号 column". The other sheet
 * is not read in its place: which sheet holds this month cannot be told.
 */
function sheetWithHeader(
  headerDiagnostics: readonly Diagnostic[],
  table: Table,
  contract: DataContract,
  file?: string,
): Diagnostic | undefined {
  if (!table.otherSheets || !headerDiagnostics.some((d) => d.code === 'data_missing_column')) return undefined;
  // the sheet read has the header, only a column is missing (月份 without --period): not a cover sheet
  if (holdsHeader(table.header, contract)) return undefined;
  const having = table.otherSheets.filter((s) => s.rows.some((row) => holdsHeader(row, contract))).map((s) => s.sheet);
  if (!having.length) return undefined;
  return diagnostic(
    having.length > 1 ? 'data_xlsx_other_sheet.several' : 'data_xlsx_other_sheet',
    { sheet: table.sheet ?? '', other: having[0]!, others: having.map((s) => `\`${s}\``).join(', ') },
    { ...(file ? { file } : {}), cell: { row: 1 } },
  );
}

/**
 * A workbook read without a sheet named whose first sheet has the header of the data while other
 * sheets with a tab have one too (`9月` and `10月`, a month per sheet): the first was read, silently,
 * whichever month it holds. Which sheet holds this month cannot be told, so the data is refused,
 * naming every such sheet. A hidden sheet is not counted (it is never read without its name), nor a
 * sheet without the header (a 说明 or a summary sheet).
 */
function otherSheetsOfData(table: Table, contract: DataContract, file?: string): Diagnostic | undefined {
  if (!table.sheetByDefault || !table.otherSheets || !holdsHeader(table.header, contract)) return undefined;
  const having = table.otherSheets
    .filter((s) => !s.hidden && s.rows.some((row) => holdsHeader(row, contract)))
    .map((s) => s.sheet);
  return alsoOnSheets(table, having, file);
}

/**
 * `otherSheetsOfData` for a data mapping's roster or export, which need not have every field (an
 * export of 工号 and metrics): a workbook read without a sheet named whose other sheets with a tab
 * include one laid out as the sheet read (its header, cell for cell, in its first rows: a month per
 * sheet) is refused, naming those sheets.
 */
export function sameLayoutSheets(table: Table, file?: string): Diagnostic | undefined {
  if (!table.sheetByDefault || !table.otherSheets) return undefined;
  const header = table.header.join('\u0000');
  if (table.header.filter((h) => h !== '').length < 2) return undefined;
  const having = table.otherSheets
    .filter((s) => !s.hidden && s.rows.some((row) => row.map((c) => c.trim()).join('\u0000') === header))
    .map((s) => s.sheet);
  return alsoOnSheets(table, having, file);
}

/** The refusal of a workbook read from its first sheet whose other sheets `having` hold data too (none: undefined). */
function alsoOnSheets(table: Table, having: string[], file?: string): Diagnostic | undefined {
  if (!having.length) return undefined;
  return diagnostic(
    'data_xlsx_other_sheet.also',
    { sheet: table.sheet ?? '', others: having.map((s) => `\`${s}\``).join(', ') },
    { ...(file ? { file } : {}), cell: { ...(table.sheet ? { sheet: table.sheet } : {}), row: 1 } },
  );
}

/** Reads a whole data file's text (CSV or JSON) into records. */
export function readRecords(
  text: string,
  format: 'csv' | 'json',
  contract: DataContract,
  options: ReadOptions = {},
): RecordsResult {
  const table = format === 'json' ? readJsonRecords(text, options.file) : readCsv(text, options.file);
  if (!table.ok) return { records: [], excluded: [], diagnostics: table.diagnostics };
  return toRecords(table.table, contract, options);
}

/** A column's letters as a spreadsheet shows them, from its index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * A pay base as an amount to the fen, or undefined when it has a fraction of a fen (`7999.995`: which
 * fen is meant is not the reader's to guess). A workbook formula's result carries the binary noise of
 * its arithmetic past Excel's 15 significant digits (`8000.000000000001` for a base shown as
 * 8,000.00): the amount is read to those 15 digits first.
 */
function toTheFen(value: number): number | undefined {
  if (Number.isInteger(value)) return value + 0; // a whole number as it is (and -0 as 0)
  const amount = Number(value.toPrecision(15));
  return /^\d+(?:\.\d{1,2})?$/.test(String(amount)) ? amount : undefined;
}
