// A data mapping: one month assembled from a roster and several exports, declared once in a YAML
// file beside them instead of flags every month.
//
//   period: 2026-10
//   roster: { file: 花名册.xlsx }
//   sources:
//     - file: 创作者后台导出.csv
//       encoding: gbk                              # optional; detected otherwise
//       key: { column: 账号名称, roster: 抖音账号 }  # join on the account name the roster lists
//       columns:                                   # a header → the metric label or id it means
//         作品播放量: 播放量
//         成交金额(分): { metric: gmv, money_in: fen } # and how this file writes it
//         完播率: { metric: 完播率, ratio_format: percent_points } # 45.3 means 45.3 %
//     - file: 第三方数据.xlsx
//       sheet: 十月                                # optional; the first sheet otherwise
//       missing_rows: default                      # no row for someone: their metrics take their default

import { basename, dirname, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import {
  type CompiledPolicy,
  type Diagnostic,
  joinSources,
  mergedCellsProblem,
  sameLayoutSheets,
  hiddenColumnsProblem,
  columnMeaning,
  type DataContract,
  readTable,
  toRecords,
  type Encoding,
  type JoinSource,
  type RecordsResult,
  type Table,
  type TableResult,
  readPeriod,
  teamKey,
  teamName,
  type TeamDeclaration,
  readYaml,
  diagnostic,
  closest,
} from '../../engine/index.js';
import { isMap as isYamlMap, isScalar } from 'yaml';
import { EXIT, ExitError } from './errors.js';
import { readBytes, readText } from './io.js';
import { checkEvents, name, placeIn, what, whatZh, type EventSource } from './events/spec.js';
import { aggregateEvents } from './events/aggregate.js';

interface MappingSource {
  file: string;
  sheet?: string;
  encoding?: Encoding;
  key?: { column?: string; roster?: string };
  columns?: JoinSource['columns'];
  missing_rows?: 'error' | 'default';
}

interface MappingFile {
  period?: string;
  roster: MappingSource;
  sources: MappingSource[];
  /** The roster's teams, as a policy's `teams:` declares them, for a policy that does not. */
  teams?: unknown;
  /** Per-video, per-session or per-order files aggregated into metrics (node/cli/events). */
  events?: EventSource[];
  time_zone?: string;
}

const ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'];

// The keys each part of a mapping may have (schemas/data-mapping.schema.json); anything else is
// refused at its key, with the nearest known one, rather than ignored (`soruces:` would otherwise
// read as a mapping with no sources, `missing_row: default` as the default `error`).
const TOP_KEYS = ['period', 'roster', 'sources', 'teams', 'events', 'time_zone'];
const ROSTER_KEYS = ['file', 'sheet', 'encoding'];
const SOURCE_KEYS = ['file', 'sheet', 'encoding', 'key', 'columns', 'missing_rows'];
const KEY_KEYS = ['column', 'roster'];
const COLUMN_KEYS = ['metric', 'money_in', 'ranges', 'ratio_format'];
const TEAM_KEYS = ['title', 'aliases'];

/** A mapping file read and checked: YAML limits (docs/limits.md), then the shape, each problem with its position. */
export function readMappingFile(
  file: string,
): { ok: true; mapping: MappingFile } | { ok: false; diagnostics: Diagnostic[] } {
  const yaml = readYaml(readText(file, 'data mapping', 'utf-8'), file);
  if (!yaml.ok) return yaml;
  const diagnostics = checkShape(yaml.value, yaml.doc, yaml.lines, file);
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, mapping: yaml.value as MappingFile };
}

function checkShape(value: unknown, doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  // the value's position, or its parent's when it is missing; the problem in both languages
  const report = (path: (string | number)[], problem: string, problem_zh: string) =>
    out.push(diagnostic('data_mapping_shape', { problem, problem_zh }, { file, span: placeIn(doc, lines, path) }));
  const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  /** Every key of the mapping at `path` that is not in `allowed`, at the key's own line and column. */
  const keys = (v: Record<string, unknown>, path: (string | number)[], allowed: readonly string[]) => {
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    for (const key of Object.keys(v)) {
      if (allowed.includes(key)) continue;
      const pair = isYamlMap(node)
        ? node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key)
        : undefined;
      const range =
        (pair?.key as { range?: [number] } | undefined)?.range ?? (node as { range?: [number] } | null)?.range;
      const p = lines.linePos(range?.[0] ?? 0);
      const near = closest(key, allowed);
      const args = {
        key,
        where: path.length ? name(path) : basename(file),
        allowed: allowed.map((k) => `\`${k}\``).join(', '),
      };
      out.push(
        near === undefined
          ? diagnostic('data_mapping_unknown_key', args, { file, span: { line: p.line, column: p.col } })
          : diagnostic(
              'data_mapping_unknown_key.near',
              { ...args, near },
              { file, span: { line: p.line, column: p.col } },
            ),
      );
    }
  };
  const text = (v: unknown, path: (string | number)[], noun: string, nounZh: string, required = false) => {
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || v.trim() === '')
      report(
        path,
        `\`${name(path)}\` must be ${noun}, not ${what(v)}`,
        `\`${name(path)}\` 应为${nounZh}，而不是${whatZh(v)}`,
      );
  };
  const source = (v: unknown, path: (string | number)[], roster: boolean) => {
    if (!isMap(v))
      return report(
        path,
        `\`${name(path)}\` must be a mapping such as \`{ file: 花名册.xlsx }\`, not ${what(v)}`,
        `\`${name(path)}\` 应为映射，例如 \`{ file: 花名册.xlsx }\`，而不是${whatZh(v)}`,
      );
    keys(v, path, roster ? ROSTER_KEYS : SOURCE_KEYS);
    text(v.file, [...path, 'file'], 'a file name', '文件名', true);
    if (typeof v.sheet === 'number') v.sheet = String(v.sheet);
    text(v.sheet, [...path, 'sheet'], 'a sheet name', '工作表名');
    if (v.encoding !== undefined && !ENCODINGS.includes(v.encoding as string))
      report(
        [...path, 'encoding'],
        `\`${name(path)}.encoding\` must be one of ${ENCODINGS.map((e) => `\`${e}\``).join(', ')}, not ${what(v.encoding)}`,
        `\`${name(path)}.encoding\` 应为 ${ENCODINGS.map((e) => `\`${e}\``).join('、')} 之一，而不是${whatZh(v.encoding)}`,
      );
    if (roster) return;
    if (v.missing_rows !== undefined && v.missing_rows !== 'error' && v.missing_rows !== 'default')
      report(
        [...path, 'missing_rows'],
        `\`${name([...path, 'missing_rows'])}\` must be \`error\` (an employee without a row in it is an error, the default) or \`default\` (their metrics from it take the metric's default), not ${what(v.missing_rows)}`,
        `\`${name([...path, 'missing_rows'])}\` 应为 \`error\`（员工在此文件中没有行即报错，默认）或 \`default\`（其来自此文件的指标取指标的默认值），而不是${whatZh(v.missing_rows)}`,
      );
    if (v.key !== undefined) {
      if (!isMap(v.key))
        report(
          [...path, 'key'],
          `\`${name([...path, 'key'])}\` must be a mapping such as \`{ column: 账号名称, roster: 抖音账号 }\`, not ${what(v.key)}`,
          `\`${name([...path, 'key'])}\` 应为映射，例如 \`{ column: 账号名称, roster: 抖音账号 }\`，而不是${whatZh(v.key)}`,
        );
      else {
        keys(v.key, [...path, 'key'], KEY_KEYS);
        text(v.key.column, [...path, 'key', 'column'], 'a column name', '列名');
        text(v.key.roster, [...path, 'key', 'roster'], 'a column name', '列名');
      }
    }
    if (v.columns !== undefined) {
      if (!isMap(v.columns))
        return report(
          [...path, 'columns'],
          `\`${name([...path, 'columns'])}\` must be a mapping of headers to metrics, not ${what(v.columns)}`,
          `\`${name([...path, 'columns'])}\` 应为“表头 → 指标”的映射，而不是${whatZh(v.columns)}`,
        );
      for (const [header, spec] of Object.entries(v.columns)) {
        const at = [...path, 'columns', header];
        if (typeof spec === 'string') continue;
        if (!isMap(spec)) {
          report(
            at,
            `\`${name(at)}\` must be a metric label or id, or \`{ metric, money_in, ranges }\`, not ${what(spec)}`,
            `\`${name(at)}\` 应为指标名称或 id，或 \`{ metric, money_in, ranges }\`，而不是${whatZh(spec)}`,
          );
          continue;
        }
        keys(spec, at, COLUMN_KEYS);
        text(spec.metric, [...at, 'metric'], 'a metric label or id', '指标名称或 id');
        if (spec.money_in !== undefined && spec.money_in !== 'yuan' && spec.money_in !== 'fen')
          report(
            [...at, 'money_in'],
            `\`${name([...at, 'money_in'])}\` must be \`yuan\` or \`fen\`, not ${what(spec.money_in)}`,
            `\`${name([...at, 'money_in'])}\` 应为 \`yuan\`（元）或 \`fen\`（分），而不是${whatZh(spec.money_in)}`,
          );
        if (spec.ranges !== undefined && !['low', 'middle', 'high', 'reject'].includes(spec.ranges as string))
          report(
            [...at, 'ranges'],
            `\`${name([...at, 'ranges'])}\` must be one of \`low\`, \`middle\`, \`high\`, \`reject\`, not ${what(spec.ranges)}`,
            `\`${name([...at, 'ranges'])}\` 应为 \`low\`、\`middle\`、\`high\`、\`reject\` 之一，而不是${whatZh(spec.ranges)}`,
          );
        if (
          spec.ratio_format !== undefined &&
          spec.ratio_format !== 'fraction' &&
          spec.ratio_format !== 'percent_points'
        )
          report(
            [...at, 'ratio_format'],
            `\`${name([...at, 'ratio_format'])}\` must be \`fraction\` (0.453) or \`percent_points\` (45.3), not ${what(spec.ratio_format)}`,
            `\`${name([...at, 'ratio_format'])}\` 应为 \`fraction\`（0.453）或 \`percent_points\`（45.3），而不是${whatZh(spec.ratio_format)}`,
          );
      }
    }
  };
  if (!isMap(value)) {
    report(
      [],
      `a data mapping must be a mapping with \`roster:\` and \`sources:\`, not ${what(value)}`,
      `数据映射应为含 \`roster:\` 和 \`sources:\` 的映射，而不是${whatZh(value)}`,
    );
    return out;
  }
  keys(value, [], TOP_KEYS);
  if (isMap(value.teams))
    for (const [id, t] of Object.entries(value.teams)) if (isMap(t)) keys(t, ['teams', id], TEAM_KEYS);
  if (value.period !== undefined && typeof value.period !== 'string' && typeof value.period !== 'number')
    report(
      ['period'],
      `\`period\` must be a month such as \`2026-10\`, not ${what(value.period)}`,
      `\`period\` 应为月份，例如 \`2026-10\`，而不是${whatZh(value.period)}`,
    );
  if (value.roster === undefined)
    report([], 'the mapping has no `roster: { file: … }`', '映射中没有 `roster: { file: … }`');
  else source(value.roster, ['roster'], true);
  // event sources: their own checks (node/cli/events/spec.ts); they make `sources:` optional
  if (value.events !== undefined) {
    out.push(...checkEvents(value.events, doc, lines, file));
    if (value.time_zone !== undefined && typeof value.time_zone !== 'string')
      report(
        ['time_zone'],
        `\`time_zone\` must be a time zone such as \`Asia/Shanghai\`, not ${what(value.time_zone)}`,
        `\`time_zone\` 应为时区，例如 \`Asia/Shanghai\`，而不是${whatZh(value.time_zone)}`,
      );
    value.sources ??= [];
  }
  if (value.sources === undefined) report([], 'the mapping has no `sources:`', '映射中没有 `sources:`');
  else if (!Array.isArray(value.sources))
    report(
      ['sources'],
      `\`sources\` must be a list of files, not ${what(value.sources)}`,
      `\`sources\` 应为文件列表，而不是${whatZh(value.sources)}`,
    );
  else value.sources.forEach((s, i) => source(s, ['sources', i], false));
  return out;
}

/** A mapping's `teams:`, checked as the schema checks a policy's: id → { title, aliases }. */
function mappingTeams(file: string, value: unknown, policy: CompiledPolicy): TeamDeclaration[] | undefined {
  if (value === undefined || value === null) return undefined;
  const shape = 'write `teams:` as in a policy: `teams: { sv1: { title: 短视频一组, aliases: [ 短视频1组 ] } }`';
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ExitError(EXIT.input, diagnostic('cli_mapping_teams_shape', { file, help: shape }, { file }));
  if (policy.contract.teams)
    throw new ExitError(EXIT.input, diagnostic('cli_mapping_teams_declared', { file }, { file }));
  const teams: TeamDeclaration[] = [];
  const owner = new Map<string, string>();
  for (const [id, t] of Object.entries(value)) {
    const { title, aliases } = (t ?? {}) as { title?: unknown; aliases?: unknown };
    if (
      typeof title !== 'string' ||
      teamName(title) === '' ||
      (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')))
    ) {
      throw new ExitError(EXIT.input, diagnostic('cli_mapping_team_shape', { file, id, help: shape }, { file }));
    }
    for (const n of [title, id, ...((aliases as string[] | undefined) ?? [])]) {
      const other = owner.get(teamKey(n));
      if (other !== undefined && other !== id)
        throw new ExitError(EXIT.input, diagnostic('cli_mapping_team_name', { file, name: n, other, id }, { file }));
      owner.set(teamKey(n), id);
    }
    teams.push({ id, title, ...(aliases ? { aliases: aliases as string[] } : {}) });
  }
  return teams;
}

/** The mapping's `period:`, read as a 月份 cell is (`202610` in YAML is a number: still 2026-10). */
/**
 * The month a mapping's exports are read for: `--period` or the mapping's `period:`. Both, naming
 * two months, are refused: which one the exports are for cannot be told (the rows of the other
 * month would be aggregated from them without a word). `run` and `data sql` alike.
 */
export function mappingMonth(file: string, written: unknown, given: string | undefined): string | undefined {
  const own = mappingPeriod(file, written);
  if (given !== undefined && own !== undefined && given !== own)
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_mapping_period_conflict', { file, period: own, given_period: given }, { file }),
    );
  return given ?? own;
}

function mappingPeriod(file: string, period: unknown): string | undefined {
  if (period === undefined || period === null || period === '') return undefined;
  const p = readPeriod(String(period));
  if (!p.ok) {
    const { detail, advice } = p.why;
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'cli_mapping_period',
        { file, detail: detail.en, detail_zh: detail.zh, advice: advice.en, advice_zh: advice.zh },
        { file },
      ),
    );
  }
  return p.period;
}

/** The files a mapping names, read as tables (for `data inspect`). */
export async function mappingTables(
  file: string,
): Promise<
  { file: string; table?: Table; diagnostics: Diagnostic[]; keys?: string[]; columns?: Record<string, string> }[]
> {
  const renames = (c: JoinSource['columns']) =>
    Object.fromEntries(Object.entries(c ?? {}).map(([h, v]) => [h, typeof v === 'string' ? v : (v.metric ?? h)]));
  const read = readMappingFile(file);
  if (!read.ok) return [{ file, diagnostics: read.diagnostics }];
  const m = read.mapping;
  const here = dirname(file);
  const out = [];
  const rosterKeys = [...m.sources, ...(m.events ?? [])].map((s) => s.key?.roster).filter((k): k is string => !!k);
  for (const s of [{ ...m.roster, key: undefined, columns: undefined }, ...m.sources]) {
    const t = await readTable(new Uint8Array(readBytes(resolve(here, s.file), 'data')), s.file, {
      sheet: s.sheet,
      encoding: s.encoding,
    });
    const keys = s === m.sources.find((x) => x === s) ? (s.key?.column ? [s.key.column] : []) : rosterKeys;
    out.push(
      t.ok
        ? { file: s.file, table: t.table, diagnostics: [], keys, columns: renames(s.columns) }
        : { file: s.file, diagnostics: t.diagnostics },
    );
  }
  return out;
}

/** Column names as a mapping's join compares them. */
const joinName = (s: string) => s.trim().toLowerCase();

/** Only the record's fields (工号, 姓名, 岗位 …): what a roster is read for without a policy (`data sql --explain`). */
const FIELDS_ONLY: DataContract = { metrics: {}, roles: [], stages: [], requiredMetrics: () => [] };

/**
 * Which of a mapping's file's columns are read, by header: the roster's join keys (`key.roster` of a
 * source or an event source) or an export's own key column, a column the mapping maps, and any column
 * naming a field or one of the policy's metrics. A hidden workbook column among them is refused; any
 * other is left unread.
 */
export function mappingReads(
  m: MappingFile,
  s: MappingSource | 'roster',
  contract: DataContract = FIELDS_ONLY,
): (header: string) => boolean {
  const keys =
    s === 'roster'
      ? [...m.sources, ...(m.events ?? [])].map((x) => x.key?.roster).filter((k): k is string => !!k)
      : s.key?.column
        ? [s.key.column]
        : [];
  const columns = s === 'roster' ? undefined : s.columns;
  return (h) => {
    if (keys.some((k) => joinName(k) === joinName(h))) return true;
    const spec = columns && Object.hasOwn(columns, h) ? columns[h] : undefined;
    return columnMeaning(typeof spec === 'string' ? spec : (spec?.metric ?? h), contract) !== undefined;
  };
}

/**
 * A mapping's roster or export, as the run reads it (`data sql --explain` reads the roster so too):
 * cells merged down several rows refuse it, since the rows below the first would be joined as empty,
 * and so does a hidden column that is read (`reads`: by default every one).
 */
export async function readMappingTable(
  here: string,
  f: string,
  sheet?: string,
  encoding?: Encoding,
  reads: (header: string) => boolean = () => true,
): Promise<TableResult> {
  const t = await readTable(new Uint8Array(readBytes(resolve(here, f), 'data')), f, { sheet, encoding });
  if (!t.ok) return t;
  const problem =
    mergedCellsProblem(t.table, f, (c) => reads(t.table.header[c] ?? '')) ??
    hiddenColumnsProblem(t.table, (c) => reads(t.table.header[c] ?? ''), f) ??
    sameLayoutSheets(t.table, f);
  return problem ? { ok: false, diagnostics: [problem] } : t;
}

export async function readMapping(
  file: string,
  policy: CompiledPolicy,
  o: { period?: string },
): Promise<RecordsResult> {
  const mapping = readMappingFile(file);
  if (!mapping.ok) return { records: [], excluded: [], diagnostics: mapping.diagnostics };
  const m = mapping.mapping;
  const teams = mappingTeams(file, m.teams, policy);
  const here = dirname(file);
  const diagnostics: Diagnostic[] = [];
  const load = async (s: MappingSource, reads: (header: string) => boolean): Promise<Table | undefined> => {
    const t = await readMappingTable(here, s.file, s.sheet, s.encoding, reads);
    if (!t.ok) {
      diagnostics.push(...t.diagnostics);
      return undefined;
    }
    return t.table;
  };
  const roster = await load(m.roster, mappingReads(m, 'roster', policy.contract));
  const sources: JoinSource[] = [];
  for (const s of m.sources) {
    const table = await load(s, mappingReads(m, s, policy.contract));
    if (table)
      sources.push({
        file: s.file,
        table,
        keyColumn: s.key?.column,
        rosterColumn: s.key?.roster,
        columns: s.columns,
        missingRows: s.missing_rows,
      });
  }
  if (!roster || diagnostics.some((d) => d.severity === 'error')) return { records: [], excluded: [], diagnostics };
  const period = mappingMonth(file, m.period, o.period);
  const events = m.events?.length
    ? await aggregateEvents({
        here,
        mappingFile: file,
        events: m.events,
        period,
        timeZone: m.time_zone,
        roster: { file: m.roster.file, table: roster },
        // a `%` is refused in a column summed into a count or an amount (docs/events.md)
        unitOf: (metric) => {
          const meant = columnMeaning(metric, policy.contract);
          const def = meant?.kind === 'metric' ? policy.contract.metrics[meant.id] : undefined;
          return def && { unit: def.unit, percentPoints: def.ratio_format === 'percent_points' };
        },
      })
    : undefined;
  if (events) {
    sources.push(...events.sources);
    diagnostics.push(...events.diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) return { records: [], excluded: [], diagnostics };
  }
  const joined = joinSources({ file: m.roster.file, table: roster }, sources, (name) => {
    const c = columnMeaning(name, policy.contract);
    return c ? `${c.kind}:${c.id}` : undefined;
  });
  // a file the join refuses whole (its header again in another column order) is the whole problem:
  // the columns it did not join would each be reported missing besides
  if (joined.diagnostics.some((d) => d.code === 'data_header_repeated' && d.severity === 'error'))
    return { records: [], excluded: [], diagnostics: [...diagnostics, ...joined.diagnostics] };
  // an unreadable event cell keeps its employee out, as a conflict does
  for (const [id, cells] of events?.exclusions ?? [])
    joined.conflicts.set(id, [...(joined.conflicts.get(id) ?? []), ...cells]);
  const read = toRecords(joined.table, teams ? { ...policy.contract, teams } : policy.contract, {
    file: m.roster.file,
    ignoreColumns: joined.keyColumns,
    period,
  });
  // an employee with two rows in one export cannot be scored on either
  const records = read.records.filter((r) => !joined.conflicts.has(r.employee_id));
  // one already left out for another reason still hears about their unreadable event cells
  for (const x of read.excluded)
    if (x.employee_id && events?.exclusions.has(x.employee_id))
      x.reasons.unshift(...events.exclusions.get(x.employee_id)!);
  const excluded = [
    ...read.excluded,
    ...read.records
      .filter((r) => joined.conflicts.has(r.employee_id))
      .map((r) => ({
        employee_id: r.employee_id,
        name: r.name,
        file: r.source?.file,
        row: r.source?.row,
        reasons: joined.conflicts.get(r.employee_id)!,
      })),
  ];
  return {
    records,
    excluded,
    diagnostics: [...diagnostics, ...joined.diagnostics, ...read.diagnostics],
    defaults: read.defaults?.filter((d) => !joined.conflicts.has(d.employee_id)),
  };
}
