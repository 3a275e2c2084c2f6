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
import { closest, diagnostic, type Diagnostic, type Encoding } from '../../../engine/index.js';

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
  /**
   * Period-over-period growth, (current − previous) / previous: `week` compares the month's last
   * full week with the week before it, `month` the month with the month before. No value when the
   * previous period's value is 0 or missing.
   */
  growth?: 'week' | 'month';
  /** `allow`: negative cells of `column` count as they are (refund rows booked as minus amounts); refused otherwise. */
  negatives?: 'allow' | 'refuse';
}

export interface EventSource {
  file: string;
  sheet?: string;
  encoding?: Encoding;
  key?: { column?: string; roster?: string };
  time: string;
  metrics: Record<string, EventMetric>;
  /** The header's row number (a spreadsheet's), when title rows sit above it; detected otherwise. */
  header_row?: number;
  /** Workbook columns whose merged cells take the merged range's value in every row it covers. */
  fill_down?: string[];
  /**
   * The column that names each row (an order's 订单号): two rows with the same id are one row
   * repeated, refused at the repeat's cell; without it every row counts, repeated or not.
   */
  row_id?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** A cell of YAML as a message shows it; a whole CSV read as YAML is one long text: shown by its start, not its 20 KB. */
const shown = (v: unknown) => `\`${String(v).length > 60 ? `${String(v).slice(0, 60)}…` : String(v)}\``;
/** What a value of the wrong kind is, in a message's English ("not a list"). */
export const what = (v: unknown) =>
  v === null || v === undefined
    ? 'empty'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'a mapping'
        : shown(v);
/** The same in Chinese ("而不是列表"). */
export const whatZh = (v: unknown) =>
  v === null || v === undefined ? '空值' : Array.isArray(v) ? '列表' : typeof v === 'object' ? '映射' : shown(v);
/** A place in the mapping as its reader writes it: `sources[1].columns.播放量`. */
export const name = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
/** Where the value at `path` starts in the mapping's YAML, or its nearest parent's when it is missing. */
export function placeIn(
  doc: Document,
  lines: LineCounter,
  path: (string | number)[],
): { line: number; column: number } {
  let node: unknown;
  for (let n = path.length; n >= 0 && !(node as { range?: unknown } | undefined)?.range; n--)
    node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
  const p = lines.linePos((node as { range?: [number] } | undefined)?.range?.[0] ?? 0);
  return { line: p.line, column: p.col };
}
const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');
const listZh = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join('、');

/** `, did you mean \`when\`?` for a near miss of a known field; nothing otherwise. */
const nearEn = (k: string, known: readonly string[]) => {
  const near = closest(k, known);
  return near === undefined ? '' : `; did you mean \`${near}\`?`;
};
const nearZh = (k: string, known: readonly string[]) => {
  const near = closest(k, known);
  return near === undefined ? '' : `，是不是想写 \`${near}\`？`;
};

const METRIC_FIELDS = ['agg', 'column', 'where', 'when', 'per', 'across', 'weeks', 'growth', 'negatives'];
const SOURCE_FIELDS = ['file', 'sheet', 'encoding', 'key', 'time', 'metrics', 'header_row', 'fill_down', 'row_id'];

/**
 * Checks `events:` (and normalises it in place: a single condition becomes a list, `sheet: 3`
 * text), each problem at its YAML position, in English and Chinese. Nothing is read from disk here.
 */
export function checkEvents(value: unknown, doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: (string | number)[], problem: string, problem_zh: string) =>
    out.push(diagnostic('data_event_shape', { problem, problem_zh }, { file, span: placeIn(doc, lines, path) }));
  const text = (v: unknown, path: (string | number)[], required: boolean) => {
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || v.trim() === '')
      report(
        path,
        `\`${name(path)}\` must be a column name, not ${what(v)}`,
        `\`${name(path)}\` 应为列名，而不是${whatZh(v)}`,
      );
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
          `\`${name(at)}\` 应为条件，例如 \`{ column: 播放量, op: '>=', value: 100000 }\`，而不是${whatZh(c)}`,
        );
      text(c.column, [...at, 'column'], true);
      const op = [...at, 'op'];
      if (!OPS.includes(c.op as Op))
        return report(
          op,
          `\`${name(op)}\` must be one of ${list(OPS)}, not ${what(c.op)}`,
          `\`${name(op)}\` 应为 ${listZh(OPS)} 之一，而不是${whatZh(c.op)}`,
        );
      const scalar = (x: unknown) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string';
      const val = [...at, 'value'];
      if (c.op === 'in' || c.op === 'not_in') {
        if (!Array.isArray(c.value) || c.value.length === 0 || !c.value.every(scalar))
          report(
            val,
            `\`${name(val)}\` must be a list of values for \`${c.op}\`, such as \`[已退款, 退款中]\`, not ${what(c.value)}`,
            `\`${c.op}\` 的 \`${name(val)}\` 应为取值列表，例如 \`[已退款, 退款中]\`，而不是${whatZh(c.value)}`,
          );
      } else if (c.op === '=' || c.op === '!=') {
        if (!scalar(c.value))
          report(
            val,
            `\`${name(val)}\` must be a number or a text, not ${what(c.value)}`,
            `\`${name(val)}\` 应为数字或文本，而不是${whatZh(c.value)}`,
          );
      } else if (typeof c.value !== 'number' || !Number.isFinite(c.value))
        report(
          val,
          `\`${name(val)}\` must be a number for \`${c.op}\`, not ${what(c.value)}`,
          `\`${c.op}\` 的 \`${name(val)}\` 应为数字，而不是${whatZh(c.value)}`,
        );
    });
  };
  const metric = (m: unknown, path: (string | number)[]) => {
    if (!isMap(m))
      return report(
        path,
        `\`${name(path)}\` must be a mapping such as \`{ agg: count }\`, not ${what(m)}`,
        `\`${name(path)}\` 应为映射，例如 \`{ agg: count }\`，而不是${whatZh(m)}`,
      );
    for (const k of Object.keys(m))
      if (!METRIC_FIELDS.includes(k))
        report(
          [...path, k],
          `\`${name(path)}\` has an unknown field \`${k}\`${nearEn(k, METRIC_FIELDS)} (known: ${list(METRIC_FIELDS)})`,
          `\`${name(path)}\` 有未知字段 \`${k}\`${nearZh(k, METRIC_FIELDS)}（可用字段：${listZh(METRIC_FIELDS)}）`,
        );
    const agg = [...path, 'agg'];
    if (!AGGREGATES.includes(m.agg as Aggregate))
      return report(
        agg,
        `\`${name(agg)}\` must be one of ${list(AGGREGATES)}, not ${what(m.agg)}`,
        `\`${name(agg)}\` 应为 ${listZh(AGGREGATES)} 之一，而不是${whatZh(m.agg)}`,
      );
    if (m.agg === 'count' || m.agg === 'share') {
      if (m.column !== undefined)
        report(
          [...path, 'column'],
          `\`${m.agg}\` counts rows and takes no \`column\`; filter rows with \`where\``,
          `\`${m.agg}\` 统计行数，不需要 \`column\`；请用 \`where\` 筛选行`,
        );
    } else text(m.column, [...path, 'column'], true);
    if (m.agg === 'share' && m.when === undefined)
      report(
        path,
        `\`${name(path)}\` is a \`share\` and needs \`when:\`, the condition whose rows it counts`,
        `\`${name(path)}\` 是 \`share\`（占比），需要 \`when:\` 写明计入分子的条件`,
      );
    if (m.agg !== 'share' && m.when !== undefined)
      report(
        [...path, 'when'],
        `\`when\` belongs to \`share\`; filter the rows of a \`${String(m.agg)}\` with \`where\``,
        `\`when\` 只用于 \`share\`；\`${String(m.agg)}\` 请用 \`where\` 筛选行`,
      );
    conditions(m, 'where', path);
    conditions(m, 'when', path);
    if (m.per !== undefined && m.per !== 'week' && m.per !== 'day')
      report(
        [...path, 'per'],
        `\`${name([...path, 'per'])}\` must be \`week\` or \`day\`, not ${what(m.per)}`,
        `\`${name([...path, 'per'])}\` 应为 \`week\`（按周）或 \`day\`（按天），而不是${whatZh(m.per)}`,
      );
    if (m.per !== undefined && !['min', 'avg', 'max'].includes(m.across as string))
      report(
        m.across === undefined ? path : [...path, 'across'],
        `\`${name(path)}\` is counted per ${String(m.per)} and needs \`across: min | avg | max\`, how the ${String(m.per)}s make the month's value`,
        `\`${name(path)}\` 按${m.per === 'day' ? '天' : '周'}统计，需要 \`across: min | avg | max\` 写明如何由各${m.per === 'day' ? '天' : '周'}得出月度值`,
      );
    if (m.per === undefined && m.across !== undefined)
      report(
        [...path, 'across'],
        '`across` needs `per: week` or `per: day`',
        '`across` 需要与 `per: week` 或 `per: day` 一起使用',
      );
    if (m.weeks !== undefined && (m.per !== 'week' || (m.weeks !== 'all' && m.weeks !== 'full')))
      report(
        [...path, 'weeks'],
        '`weeks` goes with `per: week` and is `all` (every week touching the month, the default) or `full` (only weeks wholly inside it)',
        '`weeks` 与 `per: week` 一起使用，取 `all`（与本月相交的每一周，默认）或 `full`（只取整周都在本月内的周）',
      );
    if (m.growth !== undefined) {
      if (m.growth !== 'week' && m.growth !== 'month')
        report(
          [...path, 'growth'],
          `\`${name([...path, 'growth'])}\` must be \`week\` (week over week) or \`month\` (month over month), not ${what(m.growth)}`,
          `\`${name([...path, 'growth'])}\` 应为 \`week\`（周环比）或 \`month\`（月环比），而不是${whatZh(m.growth)}`,
        );
      else if (m.per !== undefined)
        report(
          [...path, 'growth'],
          '`growth` compares two periods of its own and does not go with `per`',
          '`growth`（环比）自行比较两个周期，不能与 `per` 同时使用',
        );
    }
    if (m.negatives !== undefined) {
      if (m.negatives !== 'allow' && m.negatives !== 'refuse')
        report(
          [...path, 'negatives'],
          `\`${name([...path, 'negatives'])}\` must be \`refuse\` (the default) or \`allow\` (negative cells, such as refund rows booked as minus amounts, count as they are), not ${what(m.negatives)}`,
          `\`${name([...path, 'negatives'])}\` 应为 \`refuse\`（默认）或 \`allow\`（负数单元格，例如以负金额记账的退款行，按原值计入），而不是${whatZh(m.negatives)}`,
        );
      else if (!['sum', 'avg', 'min', 'max'].includes(m.agg as string))
        report(
          [...path, 'negatives'],
          '`negatives` goes with `sum`, `avg`, `min` and `max`, which read a number column',
          '`negatives` 只用于读取数字列的 `sum`、`avg`、`min`、`max`',
        );
    }
  };
  if (!Array.isArray(value)) {
    report(
      ['events'],
      `\`events\` must be a list of event files, not ${what(value)}`,
      `\`events\` 应为事件文件列表，而不是${whatZh(value)}`,
    );
    return out;
  }
  value.forEach((s, i) => {
    const path = ['events', i];
    if (!isMap(s))
      return report(
        path,
        `\`${name(path)}\` must be a mapping such as \`{ file: 作品.csv, time: 发布时间, metrics: … }\`, not ${what(s)}`,
        `\`${name(path)}\` 应为映射，例如 \`{ file: 作品.csv, time: 发布时间, metrics: … }\`，而不是${whatZh(s)}`,
      );
    for (const k of Object.keys(s))
      if (!SOURCE_FIELDS.includes(k))
        report(
          [...path, k],
          `\`${name(path)}\` has an unknown field \`${k}\`${nearEn(k, SOURCE_FIELDS)} (known: ${list(SOURCE_FIELDS)})`,
          `\`${name(path)}\` 有未知字段 \`${k}\`${nearZh(k, SOURCE_FIELDS)}（可用字段：${listZh(SOURCE_FIELDS)}）`,
        );
    if (typeof s.file !== 'string' || s.file.trim() === '')
      report(
        [...path, 'file'],
        `\`${name([...path, 'file'])}\` must be a file name, not ${what(s.file)}`,
        `\`${name([...path, 'file'])}\` 应为文件名，而不是${whatZh(s.file)}`,
      );
    if (typeof s.sheet === 'number') s.sheet = String(s.sheet);
    if (s.sheet !== undefined && typeof s.sheet !== 'string')
      report(
        [...path, 'sheet'],
        `\`${name([...path, 'sheet'])}\` must be a sheet name, not ${what(s.sheet)}`,
        `\`${name([...path, 'sheet'])}\` 应为工作表名称，而不是${whatZh(s.sheet)}`,
      );
    else if (s.sheet !== undefined && typeof s.file === 'string' && !/\.xlsx$/i.test(s.file))
      report(
        [...path, 'sheet'],
        `\`${name([...path, 'sheet'])}\` names a sheet of an .xlsx workbook, and \`${s.file}\` is not one: leave it out`,
        `\`${name([...path, 'sheet'])}\` 用于指定 .xlsx 工作簿的工作表，而 \`${s.file}\` 不是工作簿：请删去这一项`,
      );
    if (s.encoding !== undefined && !['auto', 'utf-8', 'gbk', 'gb18030'].includes(s.encoding as string))
      report(
        [...path, 'encoding'],
        `\`${name([...path, 'encoding'])}\` must be one of \`auto\`, \`utf-8\`, \`gbk\`, \`gb18030\`, not ${what(s.encoding)}`,
        `\`${name([...path, 'encoding'])}\` 应为 \`auto\`、\`utf-8\`、\`gbk\`、\`gb18030\` 之一，而不是${whatZh(s.encoding)}`,
      );
    if (
      s.header_row !== undefined &&
      (typeof s.header_row !== 'number' || !Number.isInteger(s.header_row) || s.header_row < 1 || s.header_row > 100)
    )
      report(
        [...path, 'header_row'],
        // `'3'` is text: shown as `3` it read as if 3 were refused
        `\`${name([...path, 'header_row'])}\` must be the header's row number as the spreadsheet shows it (1 to 100), not ${typeof s.header_row === 'string' ? `the text \`'${s.header_row}'\` (write the number without quotes)` : what(s.header_row)}`,
        `\`${name([...path, 'header_row'])}\` 应为表头所在的行号（与表格中显示的一致，1 到 100），而不是${typeof s.header_row === 'string' ? `文本 \`'${s.header_row}'\`（请去掉引号）` : whatZh(s.header_row)}`,
      );
    if (s.fill_down !== undefined) {
      if (typeof s.fill_down === 'string') s.fill_down = [s.fill_down];
      if (!Array.isArray(s.fill_down) || !s.fill_down.every((c) => typeof c === 'string' && c.trim() !== ''))
        report(
          [...path, 'fill_down'],
          `\`${name([...path, 'fill_down'])}\` must be a list of column names, such as \`[账号名称]\`, not ${what(s.fill_down)}`,
          `\`${name([...path, 'fill_down'])}\` 应为列名列表，例如 \`[账号名称]\`，而不是${whatZh(s.fill_down)}`,
        );
      else if (!/\.(xlsx|csv|tsv|txt)$/i.test(String(s.file)))
        report(
          [...path, 'fill_down'],
          '`fill_down` fills the merged cells of a workbook, or the cells a CSV/TSV export leaves empty below them; a JSON or Parquet file has neither',
          '`fill_down` 用于填充工作簿中的合并单元格，或 CSV/TSV 导出中合并单元格下方留空的单元格；JSON 或 Parquet 文件没有这种情况',
        );
    }
    text(s.time, [...path, 'time'], true);
    text(s.row_id, [...path, 'row_id'], false);
    if (s.key !== undefined) {
      if (!isMap(s.key))
        report(
          [...path, 'key'],
          `\`${name([...path, 'key'])}\` must be a mapping such as \`{ column: 账号名称, roster: 抖音账号 }\`, not ${what(s.key)}`,
          `\`${name([...path, 'key'])}\` 应为映射，例如 \`{ column: 账号名称, roster: 抖音账号 }\`，而不是${whatZh(s.key)}`,
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
        `\`${name([...path, 'metrics'])}\` 应把每个指标名对应到它的汇总方式，例如 \`{ 发布视频数: { agg: count } }\``,
      );
    for (const [k, m] of Object.entries(s.metrics)) metric(m, [...path, 'metrics', k]);
  });
  return out;
}

/** The columns of the event file a source reads: key, time, and every aggregated or tested one. */
export function usedColumns(source: EventSource, keyColumn: string): string[] {
  const cols = new Set([keyColumn, source.time]);
  if (source.row_id) cols.add(source.row_id);
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
