// Event sources in a data mapping: files with one row per video, session or order, and the
// metrics to aggregate from them per employee. This file owns their shape and its checks;
// docs/events.md describes them for the people who write mappings.
//
//   time_zone: Asia/Shanghai          # weeks and days are counted here (the default)
//   events:
//     - file: 作品.csv
//       key: { column: 账号名称, roster: 抖音账号 }
//       time: 发布时间
//       metrics:
//         发布视频数: { agg: count }
//         爆款率: { agg: share, when: { column: 播放量, op: '>=', value: 100000 } }
//         周发布数最少: { agg: count, per: week, across: min }

import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic, type Encoding } from '../../../engine/index.js';

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'share'] as const;
export const OPS = ['=', '!=', '>', '>=', '<', '<=', 'in', 'not_in'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export type Op = (typeof OPS)[number];

/** One test on a cell: numbers compare as numbers, text as trimmed text. */
export interface Condition {
  column: string;
  op: Op;
  value: string | number | (string | number)[];
}

export interface EventMetric {
  agg: Aggregate;
  /** The column aggregated (every aggregate but `count` and `share`). */
  column?: string;
  /** Only rows meeting every condition count. */
  where?: Condition[];
  /** `share`: the fraction of the (filtered) rows meeting every one of these. */
  when?: Condition[];
  /** Aggregate per week or day first, then take `across` of the grains. */
  per?: 'week' | 'day';
  across?: 'min' | 'avg' | 'max';
  /** With `per: week`: `full` uses only the weeks whose seven days all lie in the month. */
  weeks?: 'all' | 'full';
}

export interface EventSource {
  file: string;
  sheet?: string;
  encoding?: Encoding;
  key?: { column?: string; roster?: string };
  time: string;
  metrics: Record<string, EventMetric>;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const what = (v: unknown) =>
  v === null || v === undefined
    ? 'empty'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'a mapping'
        : `\`${String(v)}\``;
const name = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');

/**
 * Checks `events:` (and normalises it in place: a single condition becomes a list, `sheet: 3`
 * text), each problem at its YAML position. Nothing is read from disk here.
 */
export function checkEvents(value: unknown, doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: (string | number)[], problem: string) => {
    let node: unknown;
    for (let n = path.length; n >= 0 && !(node as { range?: unknown } | undefined)?.range; n--)
      node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
    const p = lines.linePos((node as { range?: [number] } | undefined)?.range?.[0] ?? 0);
    out.push(
      diagnostic('data_event_shape', { problem, problem_zh: problem }, { file, span: { line: p.line, column: p.col } }),
    );
  };
  const text = (v: unknown, path: (string | number)[], required: boolean) => {
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || v.trim() === '')
      report(path, `\`${name(path)}\` must be a column name, not ${what(v)}`);
  };
  const conditions = (owner: Record<string, unknown>, field: 'where' | 'when', path: (string | number)[]) => {
    const v = owner[field];
    if (v === undefined) return;
    const items = Array.isArray(v) ? v : [v];
    owner[field] = items;
    items.forEach((c, i) => {
      const at = Array.isArray(v) ? [...path, field, i] : [...path, field];
      if (!isMap(c))
        return report(
          at,
          `\`${name(at)}\` must be a condition such as \`{ column: 播放量, op: '>=', value: 100000 }\`, not ${what(c)}`,
        );
      text(c.column, [...at, 'column'], true);
      if (!OPS.includes(c.op as Op))
        return report([...at, 'op'], `\`${name([...at, 'op'])}\` must be one of ${list(OPS)}, not ${what(c.op)}`);
      const scalar = (x: unknown) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string';
      if (c.op === 'in' || c.op === 'not_in') {
        if (!Array.isArray(c.value) || c.value.length === 0 || !c.value.every(scalar))
          report(
            [...at, 'value'],
            `\`${name([...at, 'value'])}\` must be a list of values for \`${c.op}\`, such as \`[已退款, 退款中]\`, not ${what(c.value)}`,
          );
      } else if (c.op === '=' || c.op === '!=') {
        if (!scalar(c.value))
          report([...at, 'value'], `\`${name([...at, 'value'])}\` must be a number or a text, not ${what(c.value)}`);
      } else if (typeof c.value !== 'number' || !Number.isFinite(c.value))
        report(
          [...at, 'value'],
          `\`${name([...at, 'value'])}\` must be a number for \`${c.op}\`, not ${what(c.value)}`,
        );
    });
  };
  const metric = (m: unknown, path: (string | number)[]) => {
    if (!isMap(m))
      return report(path, `\`${name(path)}\` must be a mapping such as \`{ agg: count }\`, not ${what(m)}`);
    for (const k of Object.keys(m))
      if (!['agg', 'column', 'where', 'when', 'per', 'across', 'weeks'].includes(k))
        report(
          [...path, k],
          `\`${name(path)}\` has an unknown field \`${k}\` (known: \`agg\`, \`column\`, \`where\`, \`when\`, \`per\`, \`across\`, \`weeks\`)`,
        );
    if (!AGGREGATES.includes(m.agg as Aggregate))
      return report(
        [...path, 'agg'],
        `\`${name([...path, 'agg'])}\` must be one of ${list(AGGREGATES)}, not ${what(m.agg)}`,
      );
    if (m.agg === 'count' || m.agg === 'share') {
      if (m.column !== undefined)
        report([...path, 'column'], `\`${m.agg}\` counts rows and takes no \`column\`; filter rows with \`where\``);
    } else text(m.column, [...path, 'column'], true);
    if (m.agg === 'share' && m.when === undefined)
      report(path, `\`${name(path)}\` is a \`share\` and needs \`when:\`, the condition whose rows it counts`);
    if (m.agg !== 'share' && m.when !== undefined)
      report(
        [...path, 'when'],
        `\`when\` belongs to \`share\`; filter the rows of a \`${String(m.agg)}\` with \`where\``,
      );
    conditions(m, 'where', path);
    conditions(m, 'when', path);
    if (m.per !== undefined && m.per !== 'week' && m.per !== 'day')
      report([...path, 'per'], `\`${name([...path, 'per'])}\` must be \`week\` or \`day\`, not ${what(m.per)}`);
    if (m.per !== undefined && !['min', 'avg', 'max'].includes(m.across as string))
      report(
        m.across === undefined ? path : [...path, 'across'],
        `\`${name(path)}\` is counted per ${String(m.per)} and needs \`across: min | avg | max\`, how the ${String(m.per)}s make the month's value`,
      );
    if (m.per === undefined && m.across !== undefined)
      report([...path, 'across'], '`across` needs `per: week` or `per: day`');
    if (m.weeks !== undefined && (m.per !== 'week' || (m.weeks !== 'all' && m.weeks !== 'full')))
      report(
        [...path, 'weeks'],
        '`weeks` goes with `per: week` and is `all` (every week touching the month, the default) or `full` (only weeks wholly inside it)',
      );
  };
  if (!Array.isArray(value)) {
    report(['events'], `\`events\` must be a list of event files, not ${what(value)}`);
    return out;
  }
  value.forEach((s, i) => {
    const path = ['events', i];
    if (!isMap(s))
      return report(
        path,
        `\`${name(path)}\` must be a mapping such as \`{ file: 作品.csv, time: 发布时间, metrics: … }\`, not ${what(s)}`,
      );
    if (typeof s.file !== 'string' || s.file.trim() === '')
      report([...path, 'file'], `\`${name([...path, 'file'])}\` must be a file name, not ${what(s.file)}`);
    if (typeof s.sheet === 'number') s.sheet = String(s.sheet);
    if (s.sheet !== undefined && typeof s.sheet !== 'string')
      report([...path, 'sheet'], `\`${name([...path, 'sheet'])}\` must be a sheet name, not ${what(s.sheet)}`);
    if (s.encoding !== undefined && !['auto', 'utf-8', 'gbk', 'gb18030'].includes(s.encoding as string))
      report(
        [...path, 'encoding'],
        `\`${name([...path, 'encoding'])}\` must be one of \`auto\`, \`utf-8\`, \`gbk\`, \`gb18030\`, not ${what(s.encoding)}`,
      );
    text(s.time, [...path, 'time'], true);
    if (s.key !== undefined) {
      if (!isMap(s.key))
        report(
          [...path, 'key'],
          `\`${name([...path, 'key'])}\` must be a mapping such as \`{ column: 账号名称, roster: 抖音账号 }\`, not ${what(s.key)}`,
        );
      else {
        text(s.key.column, [...path, 'key', 'column'], false);
        text(s.key.roster, [...path, 'key', 'roster'], false);
      }
    }
    if (!isMap(s.metrics) || Object.keys(s.metrics).length === 0)
      return report(
        s.metrics === undefined ? path : [...path, 'metrics'],
        `\`${name([...path, 'metrics'])}\` must map each metric's name to its aggregate, such as \`{ 发布视频数: { agg: count } }\``,
      );
    for (const [k, m] of Object.entries(s.metrics)) metric(m, [...path, 'metrics', k]);
  });
  return out;
}

/** The columns of the event file a source reads: key, time, and every aggregated or tested one. */
export function usedColumns(source: EventSource, keyColumn: string): string[] {
  const cols = new Set([keyColumn, source.time]);
  for (const m of Object.values(source.metrics)) {
    if (m.column) cols.add(m.column);
    for (const c of [...(m.where ?? []), ...(m.when ?? [])]) cols.add(c.column);
  }
  return [...cols];
}

/** Columns read as numbers: aggregated by sum/avg/min/max, or compared with a number. */
export function numericColumns(source: EventSource): string[] {
  const cols = new Set<string>();
  for (const m of Object.values(source.metrics)) {
    if (m.column && ['sum', 'avg', 'min', 'max'].includes(m.agg)) cols.add(m.column);
    for (const c of [...(m.where ?? []), ...(m.when ?? [])]) if (isNumericCondition(c)) cols.add(c.column);
  }
  return [...cols];
}

export function isNumericCondition(c: Condition): boolean {
  return Array.isArray(c.value) ? c.value.every((v) => typeof v === 'number') : typeof c.value === 'number';
}
