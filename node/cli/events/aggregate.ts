// Event sources of a mapping → one per-employee table each, joined to the roster like any other
// export. DuckDB aggregates; this file matches the aggregated keys to the roster, fills in the
// employees without a row (0 rows count 0 and sum to 0; they have no average), turns unreadable
// cells into diagnostics with file, row, column and raw value, and keeps what `data sql --explain`
// shows (source rows per employee, the file's hash).

import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  diagnostic,
  FIELD_NAMES,
  normaliseId,
  type Diagnostic,
  type JoinSource,
  type Table,
} from '../../../engine/index.js';
import { checkInputFile } from '../io.js';
import { monthCalendar, type MonthCalendar } from './calendar.js';
import { EventEngine, isDuckDBError } from './duckdb.js';
import { planSource, readerSql } from './sql.js';
import { DEFAULT_TIME_ZONE, type EventSource } from './spec.js';

export interface EmployeeAggregate {
  /** The key as the event file spells it. */
  key: string;
  /** The roster's 工号 for it; undefined when nobody in the roster has the key. */
  employee?: string;
  /** Rows of the month for this key. */
  rows: number;
  /** Metric name → its value as text ('' when it has none) and the rows its `where` kept. */
  values: Record<string, { value: string; rows: number }>;
}

export interface SourceReport {
  file: string;
  sha256: string;
  encoding: string;
  sql: string;
  aggregates: EmployeeAggregate[];
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
}

const norm = (s: string) => s.trim().toLowerCase();
const keyOf = (s: string) => normaliseId(s).toLowerCase();
const idColumn = (header: string[]) => header.findIndex((h) => FIELD_NAMES.employee_id.map(norm).includes(norm(h)));

/** `12.500000` → `12.5`; DECIMAL arrives as text, counts as text or numbers, averages as numbers. */
function numberText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /^-?\d+\.\d+$/.test(s) ? s.replace(/\.?0+$/, '') : s;
}

export function fileHash(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => done(h.digest('hex')))
      .on('error', fail);
  });
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
  const engine = await EventEngine.open();
  try {
    for (const source of input.events) await aggregateSource(engine, source, cal.calendar, input, out);
  } finally {
    engine.close();
  }
  return out;
}

async function aggregateSource(
  engine: EventEngine,
  source: EventSource,
  calendar: MonthCalendar,
  input: EventsInput,
  out: EventsResult,
): Promise<void> {
  const file = source.file;
  const path = resolve(input.here, file);
  const fail = (reason: string) =>
    out.diagnostics.push(diagnostic('data_event_read', { reason }, { file, cell: { row: 1 } }));
  checkInputFile(path, 'data');
  // an empty file (or a BOM and blank lines only) has no header: DuckDB would name one `column0`
  const blank =
    /\.(csv|tsv|txt)$/i.test(path) &&
    statSync(path).size <= 64 &&
    readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim() === '';
  if (blank) return void fail('the file is empty: it has no header row');
  const first = await engine.prepare(path, file, { encoding: source.encoding, sheet: source.sheet });
  if (!first.ok) return void fail(first.reason);
  let prepared = first;
  // only the database's own errors are the file's problem; anything else is our bug and throws
  const run = async <T>(step: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> => {
    try {
      return { ok: true, value: await step() };
    } catch (error) {
      if (!(error instanceof Error) || !isDuckDBError(error)) throw error;
      return { ok: false, message: error.message };
    }
  };
  let columns = await run(() => engine.columns(readerSql(prepared.path, prepared.kind)));
  // valid UTF-8 at the start, GBK further down: read the whole file as GB18030
  if (!columns.ok && prepared.encoding === 'utf-8' && !source.encoding && /unicode|utf-?8/i.test(columns.message)) {
    const again = await engine.retryAsGb18030(path, prepared.kind);
    if (!again.ok) return void fail(again.reason);
    prepared = again;
    columns = await run(() => engine.columns(readerSql(prepared.path, prepared.kind)));
  }
  if (!columns.ok) return void fail(columns.message.split('\n')[0]);
  const header = columns.value;
  const keyColumn = keyColumnOf(source, header);
  const missing = [
    ...new Set([
      source.time,
      ...Object.values(source.metrics).flatMap((m) => [
        m.column,
        ...(m.where ?? []).map((c) => c.column),
        ...(m.when ?? []).map((c) => c.column),
      ]),
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
  const from = readerSql(prepared.path, prepared.kind);
  const plan = planSource(source, keyColumn!, calendar, from);
  const result = await run(async () => ({
    rows: await engine.rows(plan.sql),
    bad: Number((await engine.rows(plan.badCountSql))[0][0]) ? await engine.rows(plan.checkSql) : [],
  }));
  if (!result.ok) return void fail(result.message.split('\n')[0]);
  const { rows, bad } = result.value;

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
  const aggregates: EmployeeAggregate[] = rows.map((r) => {
    const key = String(r[0] ?? '');
    return {
      key,
      employee: key ? employees.get(keyOf(key))?.id : undefined,
      rows: Number(r[1]),
      values: Object.fromEntries(
        names.map((n, i) => [n, { value: numberText(r[2 + 2 * i]), rows: Number(r[3 + 2 * i]) }]),
      ),
    };
  });
  const noKey = aggregates.filter((a) => a.key === '').reduce((s, a) => s + a.rows, 0);
  if (noKey)
    out.diagnostics.push(
      diagnostic('data_event_no_key', { count: noKey, column: keyColumn! }, { severity: 'warning', file }),
    );
  const unmatched = aggregates.filter((a) => a.key !== '' && !a.employee);
  if (unmatched.length) {
    const keys =
      unmatched
        .slice(0, 5)
        .map((a) => `\`${a.key}\` ×${a.rows}`)
        .join(', ') + (unmatched.length > 5 ? `, and ${unmatched.length - 5} more` : '');
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
      cell: { row: Number(row), column, value },
    });
    const who = key ? employees.get(keyOf(key))?.id : undefined;
    const severity = who ? 'error' : 'warning';
    if (badTime)
      cells.push(
        diagnostic(
          'data_event_cell',
          {
            value: rawTime,
            column: source.time,
            what: 'a time such as `2026-10-05 20:31`',
            what_zh: '时间（例如 `2026-10-05 20:31`）',
          },
          place(source.time, rawTime, severity),
        ),
      );
    plan.checked.forEach((column, i) => {
      if (b[5 + 2 * i] === true)
        cells.push(
          diagnostic(
            'data_event_cell',
            { value: String(b[4 + 2 * i]), column, what: 'a number', what_zh: '数字' },
            place(column, String(b[4 + 2 * i]), severity),
          ),
        );
    });
    if (who) out.exclusions.set(who, [...(out.exclusions.get(who) ?? []), ...cells]);
    else out.diagnostics.push(...cells);
  }

  // the per-employee table: every roster key once, those without rows filled in
  const zeroWhenEmpty = (n: string) => ['count', 'sum', 'count_distinct'].includes(source.metrics[n].agg);
  const matched = aggregates.filter((a) => a.employee);
  const seen = new Set(matched.map((a) => keyOf(a.key)));
  const tableRows = [
    ...matched.map((a) => [a.key, ...names.map((n) => a.values[n].value)]),
    ...[...employees]
      .filter(([k]) => !seen.has(k))
      .map(([, e]) => [e.raw, ...names.map((n) => (zeroWhenEmpty(n) ? '0' : ''))]),
  ];
  const table: Table = { header: [keyColumn!, ...names], rows: tableRows, rowNumbers: tableRows.map((_, i) => i + 2) };
  out.sources.push({
    file: `${file} (per employee)`,
    table,
    keyColumn: keyColumn!,
    rosterColumn: source.key?.roster,
    missingRows: 'default',
  });
  out.reports.push({ file, sha256: await fileHash(path), encoding: prepared.encoding, sql: plan.sql, aggregates });
}
