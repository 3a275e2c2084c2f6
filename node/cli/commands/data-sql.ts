// `yardstick data sql MAPPING`: the SQL that turns each event source of a data mapping into the
// month's per-employee metrics, as run, so that a data team can run it where the data lives.
// With --explain, each aggregate per employee with the source rows behind it.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { sayDiagnostic, type Io } from '../io.js';
import { mappingMonth, mappingReads, readMappingFile, readMappingTable } from '../mapping.js';
import { aggregateEvents, calendarFor, type SourceReport } from '../events/aggregate.js';
import { planSource, readerSql, repeatedRowsSql, type FileKind } from '../events/sql.js';
import { usedColumns, type EventSource } from '../events/spec.js';
import { headOf, sniffEncoding, textHeader, textKind } from '../events/duckdb.js';
import { describeAggregate } from '../events/provenance.js';

export interface DataSqlOptions {
  period?: string;
  explain?: boolean;
  format?: 'human' | 'json';
}

const kindOf = (file: string): FileKind =>
  /\.parquet$/i.test(file) ? 'parquet' : /\.(tsv|txt)$/i.test(file) ? 'tsv' : 'csv';

/**
 * A text file as the run reads it: the title rows above its header, found as the run finds them (the
 * first of the file's first rows that holds every column the source reads), so the printed SQL skips
 * the same lines, and a `.tsv` or `.txt` file's separator, its header line's (`textKind`); undefined
 * when the file cannot be looked at here (missing, or UTF-16, which must be converted first).
 */
function detectedText(source: EventSource, here: string): { skip: number; kind: FileKind } | undefined {
  const path = resolve(here, source.file);
  if (!existsSync(path)) return undefined;
  const sniffed =
    source.encoding === 'gbk' || source.encoding === 'gb18030'
      ? 'gb18030'
      : source.encoding === 'utf-8'
        ? 'utf-8'
        : sniffEncoding(path);
  if (sniffed !== 'utf-8' && sniffed !== 'gb18030') return undefined;
  const head = headOf(path);
  const kind = kindOf(source.file) === 'tsv' ? textKind(head.bytes, source.header_row) : kindOf(source.file);
  const layout = { used: usedColumns(source, source.key?.column ?? source.time) };
  return { skip: textHeader(head.bytes, head.cut, kind, layout, sniffed).skip, kind };
}

/** The statement as printed: the file named as the mapping names it, relative to the mapping's folder. */
function printedSql(source: EventSource, calendar: Parameters<typeof planSource>[2], here: string): string {
  const key = source.key?.column ?? '工号';
  const notes = [
    `-- ${source.file}: per-employee metrics for ${calendar.period}; times in UTC${calendar.offsetMinutes >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(calendar.offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(calendar.offsetMinutes) % 60).padStart(2, '0')}, weeks start on Monday`,
    "-- the file path is relative to the mapping's folder; elsewhere replace the `src` line with your table",
  ];
  if (/\.(xlsx|json)$/i.test(source.file))
    notes.push(
      `-- ${source.file} is read by yardstick and handed to DuckDB as a UTF-8 CSV; save it as CSV to run this yourself`,
    );
  const text = !/\.(parquet|xlsx|json)$/i.test(source.file);
  // the header the run would find below title rows; `header_row:` says it outright
  const detected = text ? detectedText(source, here) : undefined;
  const skip = source.header_row ? source.header_row - 1 : text ? detected?.skip : 0;
  if (text && skip === undefined)
    notes.push(
      '-- the header is read from the first line: with title rows above it, write `header_row:` in the mapping',
    );
  else if (text && !source.header_row && skip)
    notes.push(
      `-- the header was found on row ${skip + 1}: the ${skip} line(s) above it are skipped (\`header_row: ${skip + 1}\` says it in the mapping)`,
    );
  if (source.fill_down?.length && text)
    notes.push(
      `-- fill_down: yardstick fills the empty cells of ${source.fill_down.join(', ')} from the row above before this runs; fill them in the file (or your table) first`,
    );
  if (source.row_id) {
    const from = readerSql(source.file, detected?.kind ?? kindOf(source.file), skip ?? 0);
    notes.push(
      `-- row_id: ${source.row_id}: before the aggregation yardstick refuses every row whose id another row has too (the employee is excluded), with this statement:`,
      ...repeatedRowsSql(from, source.key?.column ?? key, source.row_id)
        .split('\n')
        .map((l) => `--   ${l}`),
    );
  }
  if (source.encoding === 'gbk' || source.encoding === 'gb18030')
    notes.push('-- the file is GBK: DuckDB reads UTF-8 only, convert it first (iconv -f GB18030 -t UTF-8)');
  return `${notes.join('\n')}\n${planSource(source, source.key?.column ?? key, calendar, readerSql(source.file, detected?.kind ?? kindOf(source.file), skip ?? 0)).sql}`;
}

function explainReport(
  report: SourceReport,
  source: EventSource,
  /** Each excluded employee's problems (their cells that cannot be read, a repeated row). */
  exclusions: ReadonlyMap<string, readonly Diagnostic[]>,
): string[] {
  const lines = [`${report.file} (sha256 ${report.sha256}, read as ${report.encoding})`];
  for (const a of report.aggregates) {
    const who = a.key === '' ? '(no key)' : a.employee ? `${a.employee} (${a.key})` : `${a.key} (not in the roster)`;
    // an employee this file's cells leave out has no figures: a sum of the readable rows looked like one
    const problems = a.employee ? (exclusions.get(a.employee) ?? []).filter((d) => d.file === report.file) : [];
    if (problems.length) {
      lines.push(
        `  ${who}: ${a.rows} row(s) in the month, not aggregated: ${problems.length} problem(s) in its rows (listed on stderr), so the run leaves this employee out`,
      );
      continue;
    }
    lines.push(`  ${who}: ${a.rows} row(s) in the month`);
    for (const [name, v] of Object.entries(a.values)) {
      // growth with both periods' values: 场观周环比 = (1650 − 1500) / 1500 = 0.1 (…)
      if (source.metrics[name]!.growth) {
        lines.push(`    ${describeAggregate(name, source.metrics[name]!, v, report.file, report.periods).en}`);
        continue;
      }
      // a share as the rows behind it: 爆款率 = 0.0967… (3 / 31 rows)
      const of =
        source.metrics[name].agg === 'share' && v.value !== ''
          ? ` (${Math.round(Number(v.value) * v.rows)} / ${v.rows} rows)`
          : ` over ${v.rows} row(s)`;
      lines.push(`    ${name} = ${v.value === '' ? '(none)' : v.value}${of}`);
    }
  }
  return lines;
}

export async function dataSqlCommand(file: string, o: DataSqlOptions, io: Io): Promise<number> {
  const read = readMappingFile(file);
  if (!read.ok) {
    for (const d of read.diagnostics) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
    return EXIT.input;
  }
  const m = read.mapping;
  if (!m.events?.length) throw new ExitError(EXIT.input, diagnostic('cli_mapping_no_events', { file }, { file }));
  const period = mappingMonth(file, m.period, o.period);
  const cal = calendarFor(file, period, m.time_zone);
  if (!cal.ok) {
    sayDiagnostic(io.stderr, cal.diagnostic, io.lang ?? 'zh');
    return EXIT.input;
  }
  if (!o.explain) {
    io.stdout(m.events.map((s) => printedSql(s, cal.calendar, dirname(file))).join('\n'));
    return EXIT.ok;
  }
  const here = dirname(file);
  const roster = await readMappingTable(
    here,
    m.roster.file,
    m.roster.sheet,
    m.roster.encoding,
    mappingReads(m, 'roster'),
  );
  if (!roster.ok) {
    for (const d of roster.diagnostics) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
    return EXIT.input;
  }
  const result = await aggregateEvents({
    here,
    mappingFile: file,
    events: m.events,
    period,
    timeZone: m.time_zone,
    roster: { file: m.roster.file, table: roster.table },
    // printed with every report: hashed beside DuckDB while it reads
    hashWhileReading: true,
  });
  for (const d of result.diagnostics) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
  for (const ds of result.exclusions.values()) for (const d of ds) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
  if (o.format === 'json') io.stdout(JSON.stringify(result.reports, null, 2) + '\n');
  else
    io.stdout(
      result.reports
        .flatMap((r) => explainReport(r, m.events!.find((e) => e.file === r.file)!, result.exclusions))
        .join('\n') + '\n',
    );
  return result.diagnostics.some((d) => d.severity === 'error') || result.exclusions.size ? EXIT.input : EXIT.ok;
}
