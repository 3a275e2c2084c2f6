// What each aggregated metric of an employee was computed from, for `data inspect` and the
// printed statements: the event file and its SHA-256, and the aggregate with the rows behind it
// (「爆款率 = 3 / 31 行 = 0.0968」). Built from the reports of the aggregation a run already did
// (kept per mapping file in this process), so a statement costs no second pass over the files.

import type { Diagnostic } from '../../../engine/index.js';
import type { SourceReport } from './aggregate.js';
import type { EventMetric, EventSource } from './spec.js';

export interface EventLine {
  file: string;
  metric: string;
  zh: string;
  en: string;
}

export interface EventProvenance {
  /** Every event file with its full SHA-256. */
  files: { file: string; sha256: string }[];
  /** 工号 → one line per aggregated metric. */
  employees: Record<string, EventLine[]>;
}

const remembered = new Map<
  string,
  { sources: EventSource[]; reports: SourceReport[]; exclusions: Map<string, Diagnostic[]> }
>();

/**
 * Called by the aggregation: the reports of a mapping's event sources and the unreadable cells that
 * keep employees out (工号 → cells), for the provenance below.
 */
export function remember(
  mappingFile: string,
  sources: EventSource[],
  reports: SourceReport[],
  exclusions: Map<string, Diagnostic[]> = new Map(),
): void {
  remembered.set(mappingFile, { sources, reports, exclusions });
}

const AGG_ZH: Record<string, string> = {
  count: '计数',
  sum: '合计',
  avg: '平均',
  min: '最小',
  max: '最大',
  count_distinct: '去重计数',
  share: '占比',
};
const AGG_EN: Record<string, string> = {
  count: 'count',
  sum: 'sum',
  avg: 'average',
  min: 'minimum',
  max: 'maximum',
  count_distinct: 'distinct count',
  share: 'share',
};

/** `0.0967741935483871` → `0.0968`; whole numbers and short decimals as they are. */
const short = (v: string) => (/^-?\d+\.\d{5,}$/.test(v) ? String(Number(Number(v).toPrecision(4))) : v);

/** One metric of one employee in words, in both languages. */
export function describeAggregate(
  name: string,
  m: EventMetric,
  v: { value: string; rows: number; current?: string; previous?: string },
  file: string,
  period: { week?: [string, string]; month?: [string, string] } = {},
): { zh: string; en: string } {
  if (m.growth) {
    const [cur, prev] = (m.growth === 'week' ? period.week : period.month) ?? ['', ''];
    const zhWhat = m.growth === 'week' ? `${cur} 当周对 ${prev} 当周` : `${cur} 对 ${prev}`;
    const enWhat = m.growth === 'week' ? `week of ${cur} against week of ${prev}` : `${cur} against ${prev}`;
    const of = `${AGG_ZH[m.agg]}`;
    if (v.value === '')
      return {
        zh: `${name}：无数值（${of} ${v.current || '无'} 对 ${v.previous || '无'}，上期为 0 或无数值；${zhWhat}，${file}）`,
        en: `${name}: no value (${AGG_EN[m.agg]} ${v.current || 'none'} against ${v.previous || 'none'}: the earlier period is 0 or has none; ${enWhat}, ${file})`,
      };
    return {
      zh: `${name} = (${v.current} − ${v.previous}) / ${v.previous} = ${short(v.value)}（${of}，${zhWhat}，${file}）`,
      en: `${name} = (${v.current} − ${v.previous}) / ${v.previous} = ${short(v.value)} (${AGG_EN[m.agg]}, ${enWhat}, ${file})`,
    };
  }
  if (v.value === '')
    return {
      zh: `${name}：无数值（${file} 中本月 ${v.rows} 行）`,
      en: `${name}: no value (${v.rows} rows of the month in ${file})`,
    };
  if (m.agg === 'share' && !m.per) {
    const hits = Math.round(Number(v.value) * v.rows);
    return {
      zh: `${name} = ${hits} / ${v.rows} 行 = ${short(v.value)}（${file}）`,
      en: `${name} = ${hits} / ${v.rows} rows = ${short(v.value)} (${file})`,
    };
  }
  if (m.per) {
    const grain = m.per === 'week' ? '周' : '天';
    const across = { min: '最小值', avg: '平均值', max: '最大值' }[m.across ?? 'min'];
    return {
      zh: `${name} = ${short(v.value)}（每${grain}${AGG_ZH[m.agg]}的${across}，${file} 中本月 ${v.rows} 行）`,
      en: `${name} = ${short(v.value)} (the ${m.across === 'avg' ? 'average' : m.across === 'max' ? 'maximum' : 'minimum'} of the ${AGG_EN[m.agg]} per ${m.per}, ${v.rows} rows of the month in ${file})`,
    };
  }
  return {
    zh: `${name} = ${short(v.value)}（${AGG_ZH[m.agg]}，${file} 中本月 ${v.rows} 行）`,
    en: `${name} = ${short(v.value)} (${AGG_EN[m.agg]} of ${v.rows} rows of the month in ${file})`,
  };
}

/** The provenance of the event metrics of the last aggregation of `mappingFile` in this process; undefined without one. */
export function eventProvenance(mappingFile: string): EventProvenance | undefined {
  const r = remembered.get(mappingFile);
  if (!r) return undefined;
  const employees: Record<string, EventLine[]> = {};
  r.reports.forEach((report, i) => {
    const source = r.sources[i]!;
    for (const a of report.aggregates) {
      if (!a.employee) continue;
      for (const [name, v] of Object.entries(a.values)) {
        const text = describeAggregate(name, source.metrics[name]!, v, report.file, report.periods);
        (employees[a.employee] ??= []).push({ file: report.file, metric: name, ...text });
      }
    }
  });
  return { files: r.reports.map((x) => ({ file: x.file, sha256: x.sha256 })), employees };
}

/** `data inspect`'s words for the event sources, in the run's language. */
const INSPECT = {
  zh: {
    title: '  事件来源（按员工汇总）：',
    readAs: (encoding: string) => `按 ${encoding} 读取`,
    noKey: '（无键值）',
    notInRoster: (key: string) => `${key}（不在花名册中）`,
    rows: (who: string, n: number) => `${who}：本月 ${n} 行`,
    unreadable: (n: number, file: string) =>
      `无法汇总：${file} 中有 ${n} 个单元格无法使用（无法读取，或是重复的行标识；见下方「无法使用的单元格和行」），此人不参与计算`,
  },
  en: {
    title: '  event sources, aggregated per employee:',
    readAs: (encoding: string) => `read as ${encoding}`,
    noKey: '(no key)',
    notInRoster: (key: string) => `${key} (not in the roster)`,
    rows: (who: string, n: number) => `${who}: ${n} row(s) of the month`,
    unreadable: (n: number, file: string) =>
      `not aggregated: ${n} cell(s) in ${file} cannot be used (unreadable, or a repeated row id; listed under "cells and rows that cannot be used"), so this employee is left out`,
  },
} as const;

/**
 * `data inspect`: each event file, how it was read, and each employee's aggregates with the rows
 * behind them. An employee with unreadable cells in a file gets no aggregates from it (they would
 * leave those rows out, a sum of 0 over 40 rows whose plays cannot be read), only how many cells.
 */
export function inspectLines(mappingFile: string, lang: 'zh' | 'en' = 'en'): string[] {
  const r = remembered.get(mappingFile);
  if (!r) return [];
  const t = INSPECT[lang];
  const lines: string[] = [t.title];
  r.reports.forEach((report, i) => {
    const source = r.sources[i]!;
    const how = [t.readAs(report.encoding), ...report.notes].join(lang === 'zh' ? '；' : '; ');
    lines.push(
      lang === 'zh'
        ? `    ${report.file}（sha256 ${report.sha256}；${how}）`
        : `    ${report.file} (sha256 ${report.sha256}; ${how})`,
    );
    for (const a of report.aggregates) {
      const who = a.key === '' ? t.noKey : a.employee ? `${a.employee} (${a.key})` : t.notInRoster(a.key);
      lines.push(`      ${t.rows(who, a.rows)}`);
      const unreadable = a.employee
        ? (r.exclusions.get(a.employee) ?? []).filter((d) => d.file === undefined || d.file === report.file).length
        : 0;
      if (unreadable) {
        lines.push(`        ${t.unreadable(unreadable, report.file)}`);
        continue;
      }
      for (const [name, v] of Object.entries(a.values))
        lines.push(`        ${describeAggregate(name, source.metrics[name]!, v, report.file, report.periods)[lang]}`);
    }
  });
  return lines;
}

/** The event sources and their reports of the last aggregation of `mappingFile` in this process (the editor's data view). */
export function eventReports(mappingFile: string): { sources: EventSource[]; reports: SourceReport[] } | undefined {
  return remembered.get(mappingFile);
}
