// Event sources of a mapping → one per-employee table each, joined to the roster like any other
// export. DuckDB aggregates; this file matches the aggregated keys to the roster, fills in the
// employees without a row (0 rows count 0 and sum to 0; they have no average), turns unreadable
// cells into diagnostics with file, row, column and raw value, and keeps what `data sql --explain`
// shows (source rows per employee, the file's hash).

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  diagnostic,
  FIELD_NAMES,
  isTotalsWord,
  EXCEL_ERRORS,
  normaliseId,
  rowLengthProblem,
  type Diagnostic,
  type JoinSource,
  type Table,
} from '../../../engine/index.js';
import { checkInputFile } from '../io.js';
import { growthWeeks, monthCalendar, type MonthCalendar } from './calendar.js';
import { remember } from './provenance.js';
import { scanRows, type LongRow, type Scan } from './row-length.js';
import { EventEngine, isDuckDBError } from './duckdb.js';
import { fileHash, fileState, readEventFile, sameState, sha256Of, type FileState } from './file-hash.js';
import { fewDistinct, SAMPLE_ROWS, settleAverages, typedColumns, type TypedRead } from './fast.js';
import {
  inexactCell,
  keyTextSql,
  OWN_BUFFER,
  percentPoints,
  percentReading,
  percentRefused,
  planSource,
  readerSql,
  repeatedIdsSql,
  repeatedRowsSql,
  sqlIdent,
  sqlString,
  zeroWhenEmpty,
  type PercentReading,
  type UnitOf,
} from './sql.js';
import { DEFAULT_TIME_ZONE, isNumericCondition, numericColumns, usedColumns, type EventSource } from './spec.js';

export interface EmployeeAggregate {
  /** The key as the event file spells it. */
  key: string;
  /** The roster's 工号 for it; undefined when nobody in the roster has the key. */
  employee?: string;
  /** Rows of the month for this key. */
  rows: number;
  /**
   * Metric name → its value as text ('' when it has none) and the rows of the month its `where`
   * kept; a growth metric also its two periods' values (`current`, `previous`, '' for none).
   */
  values: Record<string, { value: string; rows: number; current?: string; previous?: string }>;
}

export interface SourceReport {
  file: string;
  /**
   * The file's SHA-256: computed when first read unless the aggregation was asked to hash while
   * DuckDB reads (file-hash.ts); reading it throws `io_changed_while_read` when the file is no
   * longer in the state its rows were read in.
   */
  readonly sha256: string;
  encoding: string;
  /** The header's row number, and what else the reading did (title rows skipped, merged cells filled). */
  headerRow: number;
  notes: string[];
  /** The periods growth compares: the weeks' Mondays, the months. */
  periods: { week: [string, string]; month: [string, string] };
  sql: string;
  aggregates: EmployeeAggregate[];
  /** A text file's number columns read typed first (fast.ts); absent when none was tried. */
  typedRead?: TypedRead;
}

export interface EventsResult {
  sources: JoinSource[];
  diagnostics: Diagnostic[];
  /** 工号 → the unreadable cells that keep the employee out of the results. */
  exclusions: Map<string, Diagnostic[]>;
  reports: SourceReport[];
}

export interface EventsInput {
  /** The mapping's folder: event files are named relative to it. */
  here: string;
  mappingFile: string;
  events: EventSource[];
  period?: string;
  timeZone?: string;
  roster: { file: string; table: Table };
  /** Told each step as it ends (the benchmark's timeline: bench/events.ts); nothing else depends on it. */
  step?: (name: string) => void;
  /**
   * Each file's SHA-256 computed beside DuckDB while it reads, for a caller that always shows it
   * (`data sql --explain`); without it, when a report's `sha256` is first read (file-hash.ts).
   */
  hashWhileReading?: boolean;
  /**
   * The unit the policy declares for a metric of the mapping (by its name): a `%` cell is refused in a
   * column summed into a count or an amount (sql.ts, percentRefused). Without it (`data sql --explain`,
   * which reads no policy) a `%` is a percentage in every column.
   */
  unitOf?: UnitOf;
}

const norm = (s: string) => s.trim().toLowerCase();
const keyOf = (s: string) => normaliseId(s).toLowerCase();
/** A key cell as `keyTextSql` reads it: trimmed, and the text inside Excel's marks (`="E1"`, `'E1`). */
const unmarkedKey = (cell: string) => {
  const t = cell.trim();
  const marked = /^="(.*)"$/s.exec(t);
  return (marked ? marked[1]!.replaceAll('""', '"') : t.startsWith("'") ? t.slice(1) : t).trim();
};
/**
 * A header as DuckDB names its columns: an empty name is `column` and its index (from 0), a name
 * already taken (compared without case) takes `_1`, `_2`, ….
 */
function duckNames(written: readonly string[]): string[] {
  const taken = new Set<string>();
  return written.map((h, i) => {
    let name = h === '' ? `column${i}` : h;
    if (taken.has(name.toLowerCase())) {
      let k = 1;
      while (taken.has(`${name}_${k}`.toLowerCase())) k++;
      name = `${name}_${k}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The name of the column read past the header (row-length.ts): one the header does not have. */
function pastColumn(header: readonly string[]): string {
  let past = 'column_past_header';
  while (header.includes(past)) past += '_';
  return past;
}

/** The Chinese of the DuckDB errors `inOurWords` puts in words of our own, by their English. */
const OUR_WORDS = new Map<string, string>();

/**
 * A DuckDB error the user can act on, in our words (its first line is what the refusal says): a
 * quoted cell holding a line break, which DuckDB's parallel reader does not read with rows of
 * fewer cells ("Parameter Not Allowed Error: CSV Error on Line: 4", then a note on its options).
 */
function inOurWords(message: string): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  if (line && /quoted new ?lines/i.test(message)) {
    const en = `a quoted cell near line ${line} holds a line break, which an event file cannot hold: remove the line breaks inside cells (in Excel, Find and Replace with Ctrl+J in "Find what") and save`;
    OUR_WORDS.set(
      en,
      `第 ${line} 行附近有一个带引号的单元格含有换行，事件文件不能含有这样的换行：请删除单元格内的换行（在 Excel 中用“查找和替换”，在“查找内容”中按 Ctrl+J）后保存`,
    );
    return en;
  }
  // (a file that is not UTF-8 keeps DuckDB's words: the run reads it again as GB18030)
  if (/Error when sniffing file/.test(message) && !/invalid unicode/i.test(message)) {
    const en =
      "the file's layout (its separator, quotes and line breaks) cannot be worked out: look for a stray quote, or lines ending in two ways, near its top, or open it in Excel and save it as CSV again";
    OUR_WORDS.set(
      en,
      '无法判断文件的格式（分隔符、引号和换行）：请检查文件开头附近是否有多余的引号，或两种不同的换行；也可以用 Excel 打开后重新另存为 CSV',
    );
    return en;
  }
  return message;
}

/** Rows longer than the header refused one by one; beyond this many, the source is refused whole. */
const LONG_ROWS = 1000;
const idColumn = (header: string[]) => header.findIndex((h) => FIELD_NAMES.employee_id.map(norm).includes(norm(h)));

/** `12.500000` → `12.5`; DECIMAL arrives as text, counts as text or numbers, averages as numbers. */
function numberText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /^-?\d+\.\d+$/.test(s) ? s.replace(/\.?0+$/, '') : s;
}

/** A column's letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The month's calendar for a mapping, or the diagnostic saying why there is none. */
export function calendarFor(
  mappingFile: string,
  period: string | undefined,
  timeZone: string | undefined,
): { ok: true; calendar: MonthCalendar } | { ok: false; diagnostic: Diagnostic } {
  if (!period)
    return {
      ok: false,
      diagnostic: diagnostic(
        'data_event_shape',
        {
          problem:
            'event sources are aggregated over one month: give it as `period: 2026-10` in the mapping or with --period',
          problem_zh: '事件数据源按月汇总：请在映射文件中写 `period: 2026-10` 或使用 --period',
        },
        { file: mappingFile },
      ),
    };
  const zone = timeZone ?? DEFAULT_TIME_ZONE;
  const c = monthCalendar(period, zone);
  return c.ok
    ? c
    : {
        ok: false,
        diagnostic: diagnostic(
          'data_event_time_zone',
          { zone, problem: c.problem, problem_zh: c.problem_zh },
          { file: mappingFile },
        ),
      };
}

/** The key column of an event file: the one the mapping names, else its 工号 column. */
function keyColumnOf(source: EventSource, header: string[]): string | undefined {
  if (source.key?.column) return header.find((h) => norm(h) === norm(source.key!.column!));
  const i = idColumn(header);
  return i < 0 ? undefined : header[i];
}

export async function aggregateEvents(input: EventsInput): Promise<EventsResult> {
  const out: EventsResult = { sources: [], diagnostics: [], exclusions: new Map(), reports: [] };
  const cal = calendarFor(input.mappingFile, input.period, input.timeZone);
  if (!cal.ok) {
    out.diagnostics.push(cal.diagnostic);
    return out;
  }
  // what each file is before any of it is read: it must still be that file when its rows have been read.
  // Asked for, each file's SHA-256 is computed from the start, beside DuckDB: while its native library
  // loads and opens, and while it reads the file on its own threads (most steps before the aggregation
  // use one core)
  const hashes = new Map<string, { sha256?: Promise<string>; before: FileState | undefined }>();
  for (const source of input.events) {
    const path = resolve(input.here, source.file);
    if (hashes.has(path)) continue;
    const before = fileState(path);
    if (!input.hashWhileReading) {
      hashes.set(path, { before });
      continue;
    }
    const hash = fileHash(path);
    // a file that cannot be read is reported by the checks below, not by the hash
    hash.catch(() => undefined);
    hashes.set(path, { sha256: hash, before });
    if (input.step) hash.then(() => input.step!(`SHA-256 of ${source.file}`)).catch(() => undefined);
  }
  const engine = await EventEngine.open(input.step);
  input.step?.('DuckDB connected');
  try {
    for (const source of input.events)
      await aggregateSource(engine, source, cal.calendar, input, out, hashes.get(resolve(input.here, source.file))!);
  } finally {
    engine.close();
  }
  if (out.reports.length === input.events.length)
    remember(input.mappingFile, input.events, out.reports, out.exclusions);
  return out;
}

async function aggregateSource(
  engine: EventEngine,
  source: EventSource,
  calendar: MonthCalendar,
  input: EventsInput,
  out: EventsResult,
  file0: { sha256?: Promise<string>; before: FileState | undefined },
): Promise<void> {
  const file = source.file;
  const path = resolve(input.here, file);
  const fail = (reason: string, reason_zh = OUR_WORDS.get(reason) ?? `DuckDB：${reason}`) =>
    out.diagnostics.push(diagnostic('data_event_read', { reason, reason_zh }, { file, cell: { row: 1 } }));
  checkInputFile(path, 'data');
  // an empty file (or a BOM and blank lines only) has no header: DuckDB would name one `column0`
  const blank =
    /\.(csv|tsv|txt)$/i.test(path) &&
    statSync(path).size <= 64 &&
    readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim() === '';
  if (blank) return void fail('the file is empty: it has no header row', '文件是空的，没有表头行');
  const layout = {
    used: usedColumns(source, source.key?.column ?? source.time),
    headerRow: source.header_row,
    fillDown: source.fill_down,
    key: (header: string[]) => {
      const k = keyColumnOf(source, header);
      return k === undefined ? -1 : header.indexOf(k);
    },
  };
  const first = await engine.prepare(path, file, { encoding: source.encoding, sheet: source.sheet }, layout);
  // the reader's own refusal (a hidden row, a value a format hides) keeps its cell and its help
  if (!first.ok)
    return void (first.diagnostics?.length
      ? out.diagnostics.push(...first.diagnostics)
      : fail(first.reason, first.reason_zh));
  input.step?.('file prepared (encoding, header row)');
  let prepared = first;
  // only the database's own errors are the file's problem; anything else is our bug and throws
  const run = async <T>(step: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> => {
    try {
      return { ok: true, value: await step() };
    } catch (error) {
      if (!(error instanceof Error) || !isDuckDBError(error)) throw error;
      return { ok: false, message: inOurWords(error.message) };
    }
  };
  // a text file's columns as DuckDB names them and its first rows, in one statement (the rows choose
  // the fast read's typed columns below); a Parquet file's, or a text file whose first rows DuckDB
  // cannot read, from DuckDB's DESCRIBE of it
  const head = async () => {
    const at = readerSql(prepared.path, prepared.kind, prepared.skip);
    if (prepared.kind !== 'parquet') {
      const first = await run(() => engine.head(at, SAMPLE_ROWS));
      if (first.ok) return first;
      // DuckDB's sniffer gives up on some files it reads well once the columns are named (title rows
      // above the header and a row with a cell past it): the header as the file writes it, and one
      // column past it, read without sniffing
      const written = prepared.written;
      if (written?.length) {
        const names = duckNames(written);
        const named = await run(() =>
          engine.head(
            readerSql(prepared.path, prepared.kind, prepared.skip, [...names, pastColumn(names)]),
            SAMPLE_ROWS,
          ),
        );
        if (named.ok)
          return {
            ok: true as const,
            value: { names, rows: named.value.rows.map((r) => r.slice(0, names.length)) },
          };
      }
    }
    const names = await run(() => engine.columns(at));
    return names.ok ? { ok: true as const, value: { names: names.value, rows: undefined } } : names;
  };
  let columns = await head();
  // valid UTF-8 at the start, GBK further down: read the whole file as GB18030
  if (!columns.ok && prepared.encoding === 'utf-8' && !source.encoding && /invalid unicode/i.test(columns.message)) {
    const again = await engine.retryAsGb18030(path, prepared.kind, layout);
    if (!again.ok) return void fail(again.reason, again.reason_zh);
    prepared = again;
    columns = await head();
  }
  if (!columns.ok) return void fail(columns.message.split('\n')[0]);
  const header = columns.value.names;
  input.step?.("DuckDB read the header's columns and the first rows");
  const keyColumn = keyColumnOf(source, header);
  const missing = [
    ...new Set([
      source.time,
      ...Object.values(source.metrics).flatMap((m) => [
        m.column,
        ...(m.where ?? []).map((c) => c.column),
        ...(m.when ?? []).map((c) => c.column),
      ]),
      // a `fill_down` column the file does not have would fill nothing, without a word
      ...(source.fill_down ?? []).map((c) => c.trim()),
      source.row_id,
    ]),
  ].filter((c): c is string => !!c && !header.includes(c));
  if (!keyColumn) missing.unshift(source.key?.column ?? '工号');
  if (missing.length) {
    for (const column of missing)
      out.diagnostics.push(
        diagnostic(
          'data_event_column',
          { column, columns: header.map((h) => `\`${h}\``).join(', ') },
          { file, cell: { row: 1 } },
        ),
      );
    return;
  }
  // a column the source reads written twice in the header (two 实付金额): DuckDB names the second
  // `实付金额_1` and the first was read without a word; which one is meant cannot be told
  const written = prepared.written ?? [];
  const twice = [
    ...new Set([...usedColumns(source, keyColumn!), ...(source.fill_down ?? [])].map((c) => c.trim())),
  ].flatMap((column) => {
    const at = written.flatMap((h, i) => (h === column ? [i] : []));
    return at.length > 1 ? [{ column, at }] : [];
  });
  if (twice.length) {
    for (const { column, at } of twice)
      out.diagnostics.push(
        diagnostic(
          'data_duplicate_column.same',
          { column, first_at: letters(at[0]!), second_at: letters(at[1]!), id: column },
          { file, cell: { row: prepared.headerRow, column } },
        ),
      );
    return;
  }
  // rows with more cells than the header (row-length.ts): DuckDB reads a row with one cell past the
  // header into a column of its own (below), drops it when it is empty, and stops at a row with more.
  // The file is scanned for them while DuckDB runs its first statement (`scanOnce`, called between
  // starting a statement and awaiting it), and they are refused once the employees are known.
  // the columns read as text (conditions on texts, distinct counts): an Excel error in one is refused
  const textRead = new Set(
    Object.values(source.metrics).flatMap((m) => [
      ...[...(m.where ?? []), ...(m.when ?? [])].filter((c) => !isNumericCondition(c)).map((c) => c.column),
      ...(m.agg === 'count_distinct' && m.column ? [m.column] : []),
    ]),
  );
  let scanned: Scan | undefined;
  const scanOnce = () => {
    if (scanned || prepared.kind === 'parquet') return;
    const s = scanRows(
      prepared.path,
      prepared.kind === 'tsv' ? '\t' : ',',
      prepared.skip,
      LONG_ROWS,
      header.flatMap((h, i) => (textRead.has(h) ? [i] : [])),
    );
    // a workbook's or JSON file's copy: its rows as yardstick's reader read them (none longer than the
    // header: the copy has the header's cells; those it cut are `prepared.long`)
    scanned = prepared.long ? { ...s, header: prepared.written ?? s.header, rows: prepared.long } : s;
    input.step?.('rows longer than the header, and Excel errors, looked for');
  };
  // the columns DuckDB reads: the header's, and one past it, so that a row with one cell too many is
  // read (and refused below) rather than stopping the read
  const readColumns = prepared.kind === 'parquet' ? [...header] : [...header, pastColumn(header)];
  const from = readerSql(prepared.path, prepared.kind, prepared.skip, readColumns);
  // a data row's number as the spreadsheet shows it: a workbook's own, else counted from the header
  const rowNumber = (index: number) => prepared.rowNumbers?.[index - 1] ?? index + prepared.headerRow;
  // a Parquet file's typed columns are read as they are: no text to parse (docs/events.md)
  const typed =
    prepared.kind === 'parquet'
      ? Object.fromEntries((await engine.types(from)).map((c) => [c.name, c.type]))
      : undefined;
  if (typed && /WITH TIME ZONE/.test(typed[source.time] ?? ''))
    return void fail(
      `\`${source.time}\` is a TIMESTAMP WITH TIME ZONE column, which event sources do not read yet: write it as TIMESTAMP in the company's time zone, or as text with its offset`,
      `\`${source.time}\` 是 TIMESTAMP WITH TIME ZONE 列，事件数据源暂不支持：请写成公司时区的 TIMESTAMP，或带偏移的文本`,
    );
  // `plan.sql` is what `yardstick data sql` prints (portable); the run uses yardstick's own statement
  // (DuckDB's cheaper functions, every source without an average grouped as written: sql.ts), the
  // same numbers; the row-numbered search is the printed plan's
  const noPercent = percentRefused(source, input.unitOf);
  const percents = { percentRefused: noPercent, percentPoints: percentPoints(source, input.unitOf) };
  const percentOf = (c: string): PercentReading =>
    noPercent.includes(c) ? 'refused' : percents.percentPoints.includes(c) ? 'points' : 'fraction';
  const plan = planSource(source, keyColumn!, calendar, from, typed, false, percents);
  const distinctColumns = Object.values(source.metrics).flatMap((m) => (m.agg === 'count_distinct' ? [m.column!] : []));
  const few = await run(() => fewDistinct(engine, from, [...new Set(distinctColumns)]));
  // the own statement first without the written forms of a number (`¥1,234.50`, `(12.00)`, `="300"`):
  // the cells only they read count as unreadable there, and the statement with them runs only then
  const ownOptions = { fewDistinct: few.ok && few.value, written: false, ...percents };
  // yardstick's own statements read with a smaller buffer than the printed one's default (sql.ts, OWN_BUFFER)
  const ownFrom = (types?: Record<string, string>) =>
    readerSql(prepared.path, prepared.kind, prepared.skip, readColumns, types, OWN_BUFFER);
  const own = planSource(source, keyColumn!, calendar, ownFrom(), typed, true, ownOptions);
  // an average of the month arrives from yardstick's own statement as its sum and count: divided
  // here as DuckDB's AVG divides (fast.ts); undefined when one cannot be (the printed statement runs)
  const settle = (rows: unknown[][]) => settleAverages(own.shape, rows);
  // a text file's plain number columns read as numbers by DuckDB's reader first (fast.ts); the text
  // path below runs when that read stops at a cell that is not a plain number or finds a row it cannot use
  let typedRead: TypedRead | undefined;
  let fastRows: unknown[][] | undefined;
  if (prepared.kind !== 'parquet') {
    const sampled = columns.value.rows;
    const types = sampled ? typedColumns(header, sampled, numericColumns(source)) : {};
    if (Object.keys(types).length) {
      typedRead = { columns: Object.keys(types), used: false };
      const pending = run(() =>
        engine.rows(planSource(source, keyColumn!, calendar, ownFrom(types), types, true, ownOptions).sql),
      );
      scanOnce();
      const fast = await pending;
      const settled = fast.ok ? settle(fast.value) : undefined;
      if (!fast.ok) typedRead.fallback = fast.message.split('\n')[0]!;
      else if (fast.value.some((r) => Number(r[r.length - 1]) > 0))
        typedRead.fallback = 'rows that cannot be used: the text path names their cells';
      else if (!settled)
        typedRead.fallback = 'an average too large to divide as DuckDB does: the rows are read one by one';
      else {
        typedRead.used = true;
        fastRows = settled;
      }
    }
  }
  // one pass aggregates and counts the unreadable rows; a second, only when there are some, finds them
  const running = run(async () => {
    if (fastRows) return { rows: fastRows, bad: [] };
    const count = (rows: unknown[][]) => rows.reduce((n, r) => n + Number(r[r.length - 1]), 0);
    let rows = settle(await engine.rows(own.sql)) ?? (await engine.rows(plan.sql));
    if (count(rows) > 0) {
      const written = planSource(source, keyColumn!, calendar, ownFrom(), typed, true, {
        ...ownOptions,
        written: true,
      });
      rows = settle(await engine.rows(written.sql)) ?? (await engine.rows(plan.sql));
    }
    const unreadable = count(rows);
    return { rows, bad: unreadable ? await engine.rows(plan.checkSql) : [] };
  });
  scanOnce();
  const result = await running;
  // a row with two cells or more past the header stops DuckDB's read: the first such row is named
  const tooLong = scanned?.rows.find((r) => r.cells.length > header.length + 1);
  if (!result.ok && tooLong)
    return void fail(
      `row ${tooLong.line} has ${tooLong.cells.length} cells but the header has ${header.length}: its cells have shifted (an unquoted comma in a figure such as 30,000 makes two cells of it); quote such cells or remove the commas`,
      `第 ${tooLong.line} 行有 ${tooLong.cells.length} 个单元格，但表头只有 ${header.length} 列：单元格错位了（数字中未加引号的逗号，如 30,000，会把一个单元格拆成两个）；请给这样的单元格加引号或去掉逗号`,
    );
  if (!result.ok) return void fail(result.message.split('\n')[0]!);
  // a row with its key, its time and every cell the source reads as a number empty (`,,,`: the
  // blank rows below a workbook's data, saved as CSV) counts for nobody and has nothing to say: it
  // was warned about as a time that is not a time, once per row
  const empty = (v: unknown) => v === null || v === undefined || String(v).trim() === '';
  const rows = result.value.rows;
  const bad = result.value.bad.filter(
    (b) => !(empty(b[1]) && empty(b[2]) && plan.checked.every((_, i) => empty(b[4 + 3 * i]))),
  );
  input.step?.(fastRows ? 'aggregated (typed read)' : 'aggregated (text path)');
  // the hash recorded is of the bytes DuckDB read: a file written to since the reading started
  // (a size, a modification or change time, or a file number that differs) is refused
  const sha256 = file0.sha256 ? await file0.sha256.catch(() => null) : undefined;
  if (sha256 === null || !file0.before || !sameState(file0.before, fileState(path)))
    return void fail(
      'it changed while it was being read (its size or modification time is not what it was when the reading started), so its rows and its SHA-256 may not match: run again once the file is no longer being written',
      '读取过程中文件发生了变化（大小或修改时间与开始读取时不同），其数据行与 SHA-256 可能不一致：请在文件写入完成后重新运行',
    );
  // the file as `dataInputs` names it (provenance.ts, mappingPart), for a refusal when it is hashed later
  const read = readEventFile(path, isAbsolute(file) ? file : join(input.here, file), file0.before, sha256);

  // roster key → 工号
  const rosterTable = input.roster.table;
  const rosterKeyCol = source.key?.roster
    ? rosterTable.header.findIndex((h) => norm(h) === norm(source.key!.roster!))
    : idColumn(rosterTable.header);
  const rosterIdCol = idColumn(rosterTable.header);
  if (rosterKeyCol < 0 || rosterIdCol < 0) {
    out.diagnostics.push(
      diagnostic(
        'data_event_column',
        { column: source.key?.roster ?? '工号', columns: rosterTable.header.map((h) => `\`${h}\``).join(', ') },
        { file: input.roster.file, cell: { row: 1 } },
      ),
    );
    return;
  }
  const employees = new Map<string, { id: string; raw: string }>();
  for (const r of rosterTable.rows) {
    const k = keyOf(r[rosterKeyCol] ?? '');
    if (k && !employees.has(k)) employees.set(k, { id: normaliseId(r[rosterIdCol] ?? ''), raw: r[rosterKeyCol] ?? '' });
  }

  const names = plan.shape.metrics;
  const growthAt = 2 + 2 * names.length;
  const aggregates: EmployeeAggregate[] = rows.map((r) => {
    const key = String(r[0] ?? '');
    const values: EmployeeAggregate['values'] = Object.fromEntries(
      names.map((n, i) => [n, { value: numberText(r[2 + 2 * i]), rows: Number(r[3 + 2 * i]) }]),
    );
    plan.shape.growth.forEach((n, j) => {
      values[n] = {
        ...values[n]!,
        current: numberText(r[growthAt + 2 * j]),
        previous: numberText(r[growthAt + 2 * j + 1]),
      };
    });
    return { key, employee: key ? employees.get(keyOf(key))?.id : undefined, rows: Number(r[1]), values };
  });
  // no row of the month at all (a header only, or rows of other months: exported for another month)
  // would give every employee 0 without a word: refused, saying what the file holds
  if (!bad.length && aggregates.every((a) => a.rows === 0)) {
    const count = await run(() => engine.rows(`SELECT COUNT(*) FROM ${from}`));
    if (!count.ok) return void fail(count.message.split('\n')[0]!);
    const n = Number(count.value[0]?.[0] ?? 0);
    const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
    return void (n === 0
      ? fail('it has a header and no rows: every employee would count 0', '只有表头，没有数据行：每位员工都将计为 0')
      : fail(
          `none of its ${n} rows is in ${calendar.period} (${zone}): it may have been exported for another month, which every employee would count as 0`,
          `${n} 行数据都不在 ${calendar.period}（${zone}）：可能导出的是其他月份，每位员工都将计为 0`,
        ));
  }
  // a totals row at the bottom of the export (合计 or 总计 as its key, the sums beside it, usually no
  // time) is nobody's: named at its row as a per-employee export's is, and neither a key matching
  // nobody nor a bad time (the rows are found only when there is such a key: one more read)
  const totalsKeys = aggregates.filter((a) => a.key !== '' && !a.employee && isTotalsWord(a.key.trim()));
  const totals = (row: number, column: string, value: string) =>
    diagnostic(
      'data_totals_row.joined',
      { row, word: value.trim() },
      {
        severity: 'warning',
        file,
        cell: { ...(prepared.rowNumbers && source.sheet ? { sheet: source.sheet } : {}), row, column, value },
      },
    );
  if (totalsKeys.length) {
    const found = await run(() =>
      engine.rows(
        `SELECT row_number_, k FROM (SELECT ROW_NUMBER() OVER () AS row_number_, ${keyTextSql(`CAST(${sqlIdent(keyColumn!)} AS VARCHAR)`)} AS k FROM ${from}) WHERE k IN (${totalsKeys.map((a) => sqlString(a.key.trim())).join(', ')}) ORDER BY row_number_`,
      ),
    );
    if (!found.ok) return void fail(found.message.split('\n')[0]!);
    for (const [index, key] of found.value)
      out.diagnostics.push(totals(rowNumber(Number(index)), keyColumn!, String(key)));
  }
  const noKey = aggregates.filter((a) => a.key === '').reduce((s, a) => s + a.rows, 0);
  if (noKey)
    out.diagnostics.push(
      diagnostic('data_event_no_key', { count: noKey, column: keyColumn! }, { severity: 'warning', file }),
    );
  // keys with rows of the month only (rows of the month before, or with an unreadable time, are no match)
  const unmatched = aggregates.filter((a) => a.key !== '' && !a.employee && a.rows > 0 && !totalsKeys.includes(a));
  if (unmatched.length) {
    // a key that is a roster key but for leading zeros (`001` and `1`, `E42` and `E0042`: Excel dropped
    // them on one side) says so, as a per-employee export's unmatched row does; it is not joined
    const bare = (k: string) => {
      const shape = /^([a-z]{0,8})(\d{1,12})$/.exec(k);
      return shape ? `${shape[1]}${shape[2]!.replace(/^0+(?=\d)/, '')}` : undefined;
    };
    const zeroless = new Map<string, string | null>();
    for (const [k, e] of employees) {
      const b = bare(k);
      if (b !== undefined) zeroless.set(b, zeroless.has(b) ? null : e.raw.trim());
    }
    const near = (key: string, lang: 'en' | 'zh') => {
      const b = bare(keyOf(key));
      const raw = b === undefined ? undefined : zeroless.get(b);
      if (!raw) return '';
      return lang === 'zh'
        ? `，与花名册中的 \`${raw}\` 只差前导零`
        : `, which differs from the roster’s \`${raw}\` only by leading zeros`;
    };
    const listed = (lang: 'en' | 'zh') =>
      unmatched
        .slice(0, 5)
        .map((a) => `\`${a.key}\` ×${a.rows}${near(a.key, lang)}`)
        .join(lang === 'zh' ? '；' : ', ') +
      (unmatched.length > 5
        ? lang === 'zh'
          ? `，另有 ${unmatched.length - 5} 个`
          : `, and ${unmatched.length - 5} more`
        : '');
    const keys = { en: listed('en'), zh: listed('zh') };
    out.diagnostics.push(
      diagnostic(
        'data_event_unmatched',
        { count: unmatched.reduce((s, a) => s + a.rows, 0), keys },
        { severity: 'warning', file },
      ),
    );
  }

  // cells that cannot be read: the employee they belong to is excluded, as for a bad cell today
  for (const b of bad) {
    const [row, key, rawTime, badTime] = b as [unknown, string, string, boolean];
    const cells: Diagnostic[] = [];
    const place = (column: string, value: string, severity: 'error' | 'warning') => ({
      severity,
      file,
      cell: {
        ...(prepared.rowNumbers && source.sheet ? { sheet: source.sheet } : {}),
        row: rowNumber(Number(row)),
        column,
        value,
      },
    });
    const who = key ? employees.get(keyOf(key))?.id : undefined;
    // a totals row: named above by its key; without a key, by the word in its time cell
    if (!who && key && isTotalsWord(key.trim())) continue;
    if (!key && isTotalsWord(rawTime.trim())) {
      out.diagnostics.push(totals(rowNumber(Number(row)), source.time, rawTime));
      continue;
    }
    const severity = who ? 'error' : 'warning';
    if (badTime)
      cells.push(
        // the SQL reads no hour 24 (localTimeSql): said as such
        /[ T日]24:/.test(rawTime)
          ? diagnostic(
              'data_event_cell.hour_24',
              { value: rawTime, column: source.time },
              place(source.time, rawTime, severity),
            )
          : diagnostic(
              'data_event_cell',
              {
                value: rawTime,
                column: source.time,
                ...(/^\s*\d+(\.\d+)?\s*$/.test(rawTime)
                  ? {
                      what: 'a time such as `2026-10-05 20:31` (a bare number is how Excel stores a date: format the column as a date and time before saving the export)',
                      what_zh:
                        '时间（例如 `2026-10-05 20:31`；单独的数字是 Excel 存储日期的方式：请先把该列设为日期时间格式再保存导出文件）',
                    }
                  : { what: 'a time such as `2026-10-05 20:31`', what_zh: '时间（例如 `2026-10-05 20:31`）' }),
              },
              place(source.time, rawTime, severity),
            ),
      );
    plan.checked.forEach((column, i) => {
      const raw = String(b[4 + 3 * i]);
      const at = place(column, raw, severity);
      if (b[5 + 3 * i] === true) {
        // `10万+`: the least it can be, read as a cell of its own
        const least = /^(.*)\+$/.exec(raw.trim());
        cells.push(
          least
            ? diagnostic('data_event_cell.at_least', { value: raw, column, least: least[1]!.trim() }, at)
            : // a number, but more than the 12 whole digits an event cell is read with (DECIMAL(18, 6))
              /^-?\d{13,}(?:\.\d+)?$/.test(raw.trim().replaceAll(',', ''))
              ? diagnostic('data_event_cell.too_large', { value: raw, column }, at)
              : // more decimal places than DECIMAL(18, 6) keeps (sql.ts, inexactSql; a Parquet number, typedNumberSql)
                inexactCell(raw, typed?.[column] !== undefined, percentOf(column))
                ? diagnostic('data_event_cell.inexact', { value: raw, column }, at)
                : // `100%` in a column summed into a count or an amount (sql.ts, percentRefused)
                  noPercent.includes(column) && /%\s*("\s*)?$/.test(raw) // `100%`, `="100%"`
                  ? percentCell(raw, column, percentReading(source, column, input.unitOf), at)
                  : diagnostic('data_event_cell', { value: raw, column, what: 'a number', what_zh: '数字' }, at),
        );
      } else if (b[6 + 3 * i] === true) cells.push(diagnostic('data_event_cell.negative', { value: raw, column }, at));
    });
    if (who) out.exclusions.set(who, [...(out.exclusions.get(who) ?? []), ...cells]);
    else out.diagnostics.push(...cells);
  }

  // rows with more cells than the header: their cells have shifted (an unquoted `30,000` is two
  // cells), so their figures would be read from the wrong columns; refused at their row, and their
  // employee excluded, as a data file's (row-length.ts)
  scanOnce();
  if (scanned?.moreErrors)
    return void fail(
      `more than ${LONG_ROWS} cells hold an Excel error (the first at row ${rowNumber(scanned.errors[0]!.index)}, \`${scanned.errors[0]!.value.trim()}\`): recalculate the workbook the export came from, or fix its formulas`,
      `超过 ${LONG_ROWS} 个单元格是 Excel 错误（第一处在第 ${rowNumber(scanned.errors[0]!.index)} 行，\`${scanned.errors[0]!.value.trim()}\`）：请重新计算导出所用的工作簿，或修正其中的公式`,
    );
  if (scanned?.more)
    return void fail(
      `more than ${LONG_ROWS} rows have more cells than the header (the first is row ${scanned.rows[0]!.line}): the file's columns do not follow its header`,
      `超过 ${LONG_ROWS} 行的单元格比表头多（第一处在第 ${scanned.rows[0]!.line} 行）：文件的列与表头对不上`,
    );
  if (scanned) {
    const keyAt = scanned.header.findIndex((h) => h.trim() === keyColumn);
    const report = (r: LongRow, d: Diagnostic | undefined) => {
      if (!d) return;
      // the key where the header puts it or, when a cell before it was split, as many cells to the right
      const shift = Math.max(0, r.cells.length - scanned!.header.length);
      let who: string | undefined;
      for (let k = 0; k <= shift && !who && keyAt >= 0; k++) {
        const key = unmarkedKey(r.cells[keyAt + k] ?? '');
        who = key ? employees.get(keyOf(key))?.id : undefined;
      }
      if (who) out.exclusions.set(who, [...(out.exclusions.get(who) ?? []), d]);
      else out.diagnostics.push({ ...d, severity: 'warning' });
    };
    for (const r of scanned.rows) report(r, rowLengthProblem(scanned.header, r.cells, rowNumber(r.index), { file }));
    for (const e of scanned.errors) {
      const column = header[e.col]!;
      const meaning = EXCEL_ERRORS[e.value.trim().toUpperCase()]!;
      report(
        e,
        diagnostic(
          'data_event_cell.excel_error',
          { value: e.value, column, meaning },
          {
            file,
            cell: {
              ...(prepared.rowNumbers && source.sheet ? { sheet: source.sheet } : {}),
              row: rowNumber(e.index),
              column,
              value: e.value,
            },
          },
        ),
      );
    }
  }

  // `row_id:` names the column that tells rows apart (an order's 订单号): a repeated id is a row
  // counted twice (an export that repeats rows, two files concatenated), named at each repeat with
  // the row it repeats; its employee is excluded as for an unreadable cell
  const rowIdColumn = source.row_id;
  if (rowIdColumn) {
    // the ids first (no row numbers: half the CPU), the rows only when some id is there twice
    const repeats = await run(async () =>
      Number((await engine.rows(repeatedIdsSql(from, rowIdColumn)))[0]?.[0] ?? 0) > 0
        ? await engine.rows(repeatedRowsSql(from, keyColumn!, rowIdColumn))
        : [],
    );
    if (!repeats.ok) return void fail(repeats.message.split('\n')[0]!);
    const repeated = (value: string, at: number, of: number) =>
      diagnostic(
        'data_event_cell.repeated',
        { value, column: rowIdColumn, first_row: rowNumber(of) },
        {
          file,
          cell: {
            ...(prepared.rowNumbers && source.sheet ? { sheet: source.sheet } : {}),
            row: rowNumber(at),
            column: rowIdColumn,
            value,
          },
        },
      );
    const exclude = (who: string, d: Diagnostic) => out.exclusions.set(who, [...(out.exclusions.get(who) ?? []), d]);
    // the rows of each repeated id, the first one first
    const groups = new Map<number, { index: number; who?: string; cell: string }[]>();
    for (const [index, key, cell, first] of repeats.value as [unknown, string | null, string, unknown][]) {
      const group = groups.get(Number(first)) ?? [];
      group.push({ index: Number(index), who: key ? employees.get(keyOf(key))?.id : undefined, cell });
      groups.set(Number(first), group);
    }
    for (const [, [head, ...rest]] of groups) {
      // each repeat is named at its row (a row matching nobody counts for nobody, repeated or not:
      // data_event_unmatched names its key); the first row's employee too when a repeat is credited
      // to someone else, since which of them the row belongs to cannot be told
      for (const r of rest) if (r.who) exclude(r.who, repeated(r.cell, r.index, head!.index));
      const other = rest.find((r) => r.who !== head!.who);
      if (head!.who && other) exclude(head!.who, repeated(head!.cell, head!.index, other.index));
    }
  }

  // one employee's key written two ways in the export (`acc_a` and `ACC_A`, `E1` and `Ｅ１`): both
  // match the roster's key, and each spelling is aggregated apart. Which rows are theirs is clear,
  // but an average, a share or a distinct count of two groups cannot be put back together, so the
  // employee is excluded — said here with the spellings and the rows where they start (the join's
  // "two rows" named rows of the aggregated table, not of the file), and one row kept for the join
  const spellings = new Map<string, EmployeeAggregate[]>();
  for (const a of aggregates) if (a.employee) spellings.set(a.employee, [...(spellings.get(a.employee) ?? []), a]);
  const apart = [...spellings].filter(([, as]) => as.length > 1);
  if (apart.length) {
    const starts = await run(() =>
      engine.rows(
        `SELECT k, MIN(row_number_) FROM (SELECT ROW_NUMBER() OVER () AS row_number_, ${keyTextSql(`CAST(${sqlIdent(keyColumn!)} AS VARCHAR)`)} AS k FROM ${from}) WHERE k IN (${apart.flatMap(([, as]) => as.map((a) => sqlString(a.key.trim()))).join(', ')}) GROUP BY k`,
      ),
    );
    if (!starts.ok) return void fail(starts.message.split('\n')[0]!);
    const startOf = new Map(starts.value.map(([k, row]) => [String(k), Number(row)]));
    for (const [who, as] of apart) {
      const ordered = [...as].sort(
        (a, b) => (startOf.get(a.key.trim()) ?? Infinity) - (startOf.get(b.key.trim()) ?? Infinity),
      );
      const second = ordered[1]!;
      const row = startOf.get(second.key.trim());
      const listed = (sep: string) => ordered.map((a) => `\`${a.key.trim()}\` ×${a.rows}`).join(sep);
      const d = diagnostic(
        'data_event_key_spellings',
        { employee: who, column: keyColumn!, count: ordered.length, keys: { en: listed(', '), zh: listed('、') } },
        row === undefined
          ? { file }
          : {
              file,
              cell: {
                ...(prepared.rowNumbers && source.sheet ? { sheet: source.sheet } : {}),
                row: rowNumber(row),
                column: keyColumn!,
                value: second.key,
              },
            },
      );
      out.exclusions.set(who, [...(out.exclusions.get(who) ?? []), d]);
    }
  }
  // the one kept is the roster's own spelling when the export has it (no `data_key_normalised` then)
  const firstSpelling = new Set(
    [...spellings.values()].map(
      (as) => as.find((a) => a.key.trim() === employees.get(keyOf(a.key))?.raw.trim()) ?? as[0]!,
    ),
  );

  // the per-employee table: every roster key once, those without rows filled in
  const emptyIsZero = (n: string) => zeroWhenEmpty(source.metrics[n]!);
  const matched = aggregates.filter((a) => a.employee && firstSpelling.has(a));
  const seen = new Set(matched.map((a) => keyOf(a.key)));
  const tableRows = [
    ...matched.map((a) => [a.key, ...names.map((n) => a.values[n].value)]),
    ...[...employees]
      .filter(([k]) => !seen.has(k))
      .map(([, e]) => [e.raw, ...names.map((n) => (emptyIsZero(n) ? '0' : ''))]),
  ];
  // a key the roster writes otherwise (`e001` for E001) is warned about by the join at its row: the
  // row where it starts in the file, not its place in this table (rows the user never sees)
  const respelled = matched.filter((a) => a.key.trim() !== employees.get(keyOf(a.key))?.raw.trim());
  const fileRow = new Map<string, number>();
  if (respelled.length) {
    const starts = await run(() =>
      engine.rows(
        `SELECT k, MIN(row_number_) FROM (SELECT ROW_NUMBER() OVER () AS row_number_, ${keyTextSql(`CAST(${sqlIdent(keyColumn!)} AS VARCHAR)`)} AS k FROM ${from}) WHERE k IN (${respelled.map((a) => sqlString(a.key.trim())).join(', ')}) GROUP BY k`,
      ),
    );
    if (!starts.ok) return void fail(starts.message.split('\n')[0]!);
    for (const [k, row] of starts.value) fileRow.set(String(k), rowNumber(Number(row)));
  }
  const table: Table = {
    header: [keyColumn!, ...names],
    rows: tableRows,
    rowNumbers: tableRows.map((r, i) => fileRow.get(String(r[0]).trim()) ?? i + 2),
  };
  input.step?.('matched to the roster, unreadable cells named');
  out.sources.push({
    file: `${file} (per employee)`,
    table,
    keyColumn: keyColumn!,
    rosterColumn: source.key?.roster,
    missingRows: 'default',
  });
  out.reports.push({
    file,
    get sha256() {
      return sha256Of(read);
    },
    encoding: prepared.encoding,
    headerRow: prepared.headerRow,
    notes: prepared.notes,
    periods: {
      week: [growthWeeks(calendar).current, growthWeeks(calendar).previous],
      month: [calendar.period, calendar.previousStart.slice(0, 7)],
    },
    sql: plan.sql,
    aggregates,
    ...(typedRead ? { typedRead } : {}),
  });
}

/**
 * The refusal of a `%` cell in a column that does not read it (sql.ts, percentRefused): read into a
 * metric that is not a ratio, or into a ratio written as a fraction and one in percent points, to
 * which `45%` would be 0.45 and 45 points.
 */
function percentCell(
  value: string,
  column: string,
  reading: ReturnType<typeof percentReading>,
  at: Parameters<typeof diagnostic>[2],
): Diagnostic {
  const list = (names: string[]) => names.join('`, `');
  return reading.notRatio.length
    ? diagnostic('data_event_cell.percent', { value, column, metrics: list(reading.notRatio) }, at)
    : diagnostic(
        'data_event_cell.percent_both',
        { value, column, fraction_metrics: list(reading.fraction), points_metrics: list(reading.points) },
        at,
      );
}
