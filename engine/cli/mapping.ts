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

import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { CompiledPolicy, Diagnostic } from '../index.js';
import { joinSources, readTable, toRecords, type Encoding, type JoinSource, type RecordsResult, type Table } from '../data/index.js';
import { normalisePeriod } from '../data/period.js';
import { teamKey, teamName, type TeamDeclaration } from '../data/teams.js';
import { EXIT, ExitError } from './errors.js';
import { readBytes, readText } from './io.js';

interface MappingFile {
  period?: string;
  roster?: { file?: string; sheet?: string; encoding?: Encoding };
  sources?: { file?: string; sheet?: string; encoding?: Encoding; key?: { column?: string; roster?: string }; columns?: JoinSource['columns']; missing_rows?: unknown }[];
  /** The roster's teams, as a policy's `teams:` declares them, for a policy that does not. */
  teams?: unknown;
}

/** A mapping's `teams:`, checked as the schema checks a policy's: id → { title, aliases }. */
function mappingTeams(file: string, value: unknown, policy: CompiledPolicy): TeamDeclaration[] | undefined {
  if (value === undefined || value === null) return undefined;
  const shape = 'write `teams:` as in a policy: `teams: { sv1: { title: 短视频一组, aliases: [ 短视频1组 ] } }`';
  if (typeof value !== 'object' || Array.isArray(value)) throw new ExitError(EXIT.input, `${file}: \`teams:\` must be a mapping of team ids\n  help: ${shape}`);
  if (policy.contract.teams) throw new ExitError(EXIT.input, `${file}: the policy declares its teams already, so the data mapping may not\n  help: keep one list: add the other spellings to the policy's \`teams:\` as \`aliases\`, and remove \`teams:\` from the mapping`);
  const teams: TeamDeclaration[] = [];
  const owner = new Map<string, string>();
  for (const [id, t] of Object.entries(value)) {
    const { title, aliases } = (t ?? {}) as { title?: unknown; aliases?: unknown };
    if (typeof title !== 'string' || teamName(title) === '' || (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')))) {
      throw new ExitError(EXIT.input, `${file}: team \`${id}\` needs a \`title\` and may have a list of \`aliases\`\n  help: ${shape}`);
    }
    for (const n of [title, id, ...((aliases as string[] | undefined) ?? [])]) {
      const other = owner.get(teamKey(n));
      if (other !== undefined && other !== id) throw new ExitError(EXIT.input, `${file}: team name \`${n}\` is used by both \`${other}\` and \`${id}\`\n  help: each title and alias must name one team (width, spaces and letter case do not count as a difference)`);
      owner.set(teamKey(n), id);
    }
    teams.push({ id, title, ...(aliases ? { aliases: aliases as string[] } : {}) });
  }
  return teams;
}

function bad(file: string, message: string): never {
  throw new ExitError(EXIT.input, `${file}: ${message}\n  help: a data mapping has \`roster: { file: … }\` and \`sources:\`, each with \`file:\` and optionally \`key: { column, roster }\`, \`columns:\`, \`sheet:\`, \`encoding:\`, \`missing_rows: error | default\``);
}

/** The mapping's `period:`, read as a 月份 cell is (`202610` in YAML is a number: still 2026-10). */
function mappingPeriod(file: string, period: unknown): string | undefined {
  if (period === undefined || period === null || period === '') return undefined;
  const p = normalisePeriod(String(period));
  if (!p.ok) throw new ExitError(EXIT.input, `${file}: \`period:\` ${p.message}\n  help: ${p.help}`);
  return p.period;
}

/** The files a mapping names, read as tables (for `data inspect`). */
export async function mappingTables(file: string): Promise<{ file: string; table?: Table; diagnostics: Diagnostic[]; keys?: string[]; columns?: Record<string, string> }[]> {
  const renames = (c: JoinSource['columns']) => Object.fromEntries(Object.entries(c ?? {}).map(([h, v]) => [h, typeof v === 'string' ? v : (v.metric ?? h)]));
  const m = parseDocument(readText(file, 'data mapping', 'utf-8')).toJS() as MappingFile | null;
  if (!m?.roster?.file || !Array.isArray(m.sources)) bad(file, 'no `roster:` and `sources:`');
  const here = dirname(file);
  const out = [];
  const rosterKeys = m.sources.map((s) => s.key?.roster).filter((k): k is string => !!k);
  for (const s of [{ ...m.roster, key: undefined, columns: undefined }, ...m.sources]) {
    const t = await readTable(new Uint8Array(readBytes(resolve(here, s.file!), 'data')), s.file!, { sheet: s.sheet, encoding: s.encoding });
    const keys = s === m.sources.find((x) => x === s) ? (s.key?.column ? [s.key.column] : []) : rosterKeys;
    out.push(t.ok ? { file: s.file!, table: t.table, diagnostics: [], keys, columns: renames(s.columns) } : { file: s.file!, diagnostics: t.diagnostics });
  }
  return out;
}

export async function readMapping(file: string, policy: CompiledPolicy, o: { period?: string }): Promise<RecordsResult> {
  const doc = parseDocument(readText(file, 'data mapping', 'utf-8'), { lineCounter: new LineCounter() });
  if (doc.errors.length) bad(file, `the YAML does not parse: ${doc.errors[0].message.split('\n')[0]}`);
  const m = doc.toJS() as MappingFile | null;
  if (!m?.roster?.file) bad(file, 'no `roster: { file: … }`');
  if (!Array.isArray(m.sources) || m.sources.some((s) => !s?.file)) bad(file, '`sources:` must list files');
  for (const s of m.sources) {
    if (s.missing_rows !== undefined && s.missing_rows !== 'error' && s.missing_rows !== 'default') bad(file, `\`missing_rows\` of \`${s.file}\` is \`${String(s.missing_rows)}\`: write \`error\` (an employee without a row in it is an error, the default) or \`default\` (their metrics from it take the metric's default)`);
    for (const [h, spec] of Object.entries(s.columns ?? {})) {
      const format = spec && typeof spec === 'object' ? (spec as { ratio_format?: unknown }).ratio_format : undefined;
      if (format !== undefined && format !== 'fraction' && format !== 'percent_points') bad(file, `\`ratio_format\` of column \`${h}\` in \`${s.file}\` is \`${String(format)}\`: write \`fraction\` (0.453) or \`percent_points\` (45.3)`);
    }
  }
  const teams = mappingTeams(file, m.teams, policy);
  const here = dirname(file);
  const diagnostics: Diagnostic[] = [];
  const load = async (f: string, sheet?: string, encoding?: Encoding): Promise<Table | undefined> => {
    const path = resolve(here, f);
    const t = await readTable(new Uint8Array(readBytes(path, 'data')), f, { sheet, encoding });
    if (!t.ok) {
      diagnostics.push(...t.diagnostics);
      return undefined;
    }
    return t.table;
  };
  const roster = await load(m.roster.file, m.roster.sheet, m.roster.encoding);
  const sources: JoinSource[] = [];
  for (const s of m.sources) {
    const table = await load(s.file!, s.sheet, s.encoding);
    if (table) sources.push({ file: s.file!, table, keyColumn: s.key?.column, rosterColumn: s.key?.roster, columns: s.columns, missingRows: s.missing_rows as 'error' | 'default' | undefined });
  }
  if (!roster || diagnostics.some((d) => d.severity === 'error')) return { records: [], excluded: [], diagnostics };
  const joined = joinSources({ file: m.roster.file, table: roster }, sources);
  const read = toRecords(joined.table, teams ? { ...policy.contract, teams } : policy.contract, { file: m.roster.file, ignoreColumns: joined.keyColumns, period: o.period ?? mappingPeriod(file, m.period) });
  // an employee with two rows in one export cannot be scored on either
  const records = read.records.filter((r) => !joined.conflicts.has(r.employee_id));
  const excluded = [
    ...read.excluded,
    ...read.records.filter((r) => joined.conflicts.has(r.employee_id)).map((r) => ({ employee_id: r.employee_id, name: r.name, file: r.source?.file, row: r.source?.row, reasons: joined.conflicts.get(r.employee_id)! })),
  ];
  return { records, excluded, diagnostics: [...joined.diagnostics, ...read.diagnostics], defaults: read.defaults?.filter((d) => !joined.conflicts.has(d.employee_id)) };
}
