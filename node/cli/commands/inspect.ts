// `yardstick data inspect FILE… --policy P`: how each column maps to the policy, which required
// metrics are missing, which columns go unused, and every cell that cannot be read.

import {
  columnMeaning,
  readTable,
  type Table,
  formatDiagnostic,
  localise,
  type CompiledPolicy,
  type Diagnostic,
  type Lang,
} from '../../../engine/index.js';
import { EXIT } from '../errors.js';
import { readBytes, type Io } from '../io.js';
import { mappingTables } from '../mapping.js';
import { inspectLines } from '../events/provenance.js';
import { loadPolicyFile, readDataFile, sheetOfMapping } from '../pipeline.js';

/** The report's words, in the run's language (`--lang`, Chinese by default). */
const WORDS = {
  zh: {
    rows: (n: number) => `${n} 行`,
    sheet: (name: string) => `（工作表 ${name}）`,
    as: (name: string) => `（按 \`${name}\`）`,
    joinKey: '（关联键）',
    unused: '（未使用）',
    columns: '  列：',
    missing: (none: boolean) => `  缺少的必需列：${none ? '无' : ''}`,
    refused: '  此文件无法使用：',
    notes: '  提示：',
    cells: (n: number) => `  无法使用的单元格和行（${n}）：`,
    cell: (file: string, sheet?: string, row?: number, column?: string, value?: string) =>
      `${file}${sheet ? ` 工作表 ${sheet}` : ''}${row !== undefined ? ` 第 ${row} 行` : ''}${column ? `，列 ${column}` : ''}${value !== undefined ? `，值 ${value}` : ''}`,
    defaults: (n: number) => `  使用默认值的单元格（${n}）：${n ? '' : '无'}`,
    defaultUses: (n: number) => `${n} 条记录`,
    row: (row: number) => `第 ${row} 行`,
    noRow: (source: string) => `${source} 中没有此人的行`,
    emptyCell: '空单元格',
    noColumn: '没有这一列',
    records: (ok: number, out: number) => `  记录：${ok} 条可以计算，${out} 条不能`,
    unread: '  无法读取，未检查必需列、单元格和记录',
  },
  en: {
    rows: (n: number) => `${n} rows`,
    sheet: (name: string) => ` (sheet ${name})`,
    as: (name: string) => ` (as \`${name}\`)`,
    joinKey: '(join key)',
    unused: '(unused)',
    columns: '  columns:',
    missing: (none: boolean) => `  required columns missing: ${none ? 'none' : ''}`,
    refused: '  the file cannot be used:',
    notes: '  notes:',
    cells: (n: number) => `  cells and rows that cannot be used (${n}):`,
    cell: (file: string, sheet?: string, row?: number, column?: string, value?: string) =>
      `${file}${sheet ? ` sheet ${sheet}` : ''}${row !== undefined ? ` row ${row}` : ''}${column ? `, column ${column}` : ''}${value !== undefined ? `, value ${value}` : ''}`,
    defaults: (n: number) => `  defaults applied (${n}):${n ? '' : ' none'}`,
    defaultUses: (n: number) => `${n} record(s)`,
    row: (row: number) => `row ${row}`,
    noRow: (source: string) => `no row in ${source}`,
    emptyCell: 'empty cell',
    noColumn: 'no column',
    records: (ok: number, out: number) => `  records: ${ok} can be scored, ${out} cannot`,
    unread: '  not read: required columns, cells and records were not checked',
  },
} as const;

function describeColumns(
  file: string,
  table: Table,
  policy: CompiledPolicy,
  keys: string[] = [],
  renames: Record<string, string> = {},
  lang: Lang = 'en',
): string[] {
  const w = WORDS[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [`  ${file}${table.sheet ? w.sheet(table.sheet) : ''}${colon}${w.rows(table.rows.length)}`];
  for (const h of table.header) {
    const name = Object.hasOwn(renames, h) ? renames[h] : h;
    const m = columnMeaning(name, policy.contract);
    const as = name !== h ? w.as(name) : '';
    const what =
      m?.kind === 'field'
        ? m.id
        : m
          ? `${m.id} · ${policy.metrics[m.id].label} · ${policy.metrics[m.id].unit}${as}`
          : keys.includes(h)
            ? w.joinKey
            : w.unused;
    lines.push(`    ${h} → ${what}`);
  }
  return lines;
}

export async function inspectCommand(files: string[], o: { policy: string; sheet?: string }, io: Io): Promise<number> {
  const policy = loadPolicyFile(o.policy, io.stderr, io.lang);
  const lang: Lang = io.lang ?? 'en';
  let problems = 0;
  for (const file of files) {
    const out: string[] = [file];
    type Entry = {
      file: string;
      table?: Table;
      diagnostics: Diagnostic[];
      keys?: string[];
      columns?: Record<string, string>;
    };
    const sheetless = sheetOfMapping(file, o.sheet);
    const tables: Entry[] = sheetless
      ? [{ file, diagnostics: [sheetless] }]
      : /\.ya?ml$/i.test(file)
        ? await mappingTables(file)
        : [
            await readTable(new Uint8Array(readBytes(file, 'data')), file, { sheet: o.sheet }).then(
              (t): Entry => (t.ok ? { file, table: t.table, diagnostics: [] } : { file, diagnostics: t.diagnostics }),
            ),
          ];
    const w = WORDS[lang];
    out.push(w.columns);
    const indented = (d: Diagnostic) => '    ' + formatDiagnostic(d, io.lang).replace(/\n/g, '\n    ');
    // a problem said once: a data mapping that cannot be read is named here, not again below
    const shown = new Set<string>();
    for (const t of tables) {
      if (t.table) out.push(...describeColumns(t.file, t.table, policy, t.keys, t.columns, lang).map((l) => '  ' + l));
      for (const d of t.diagnostics) {
        const text = indented(d);
        shown.add(text);
        out.push(text);
      }
    }
    // nothing could be read (a mapping that is not one, a file that is no table): the problems
    // above are the report; "required columns missing: none" and "0 records" would say otherwise
    if (tables.every((t) => !t.table) && tables.some((t) => t.diagnostics.some((d) => d.severity === 'error'))) {
      out.push(w.unread);
      problems += tables.reduce((k, t) => k + t.diagnostics.filter((d) => d.severity === 'error').length, 0);
      io.stdout(out.join('\n') + '\n');
      continue;
    }
    const read = await readDataFile(file, policy, { sheet: o.sheet });
    // a mapping's event sources: each aggregate per employee with the rows behind it
    if (/\.ya?ml$/i.test(file)) out.push(...inspectLines(file, lang));
    const fileProblems = read.diagnostics.filter((d) => d.severity === 'error');
    const missing = fileProblems.filter((d) => d.code === 'data_missing_column');
    out.push(w.missing(!missing.length));
    for (const d of missing) out.push(`    ${localise(d, lang).message}`);
    // the file refused as a whole for another reason: a ratio column written two ways, a column twice
    const refused = fileProblems
      .filter((d) => d.code !== 'data_missing_column')
      .map(indented)
      .filter((t) => !shown.has(t));
    if (refused.length) out.push(w.refused, ...refused);
    const warnings = read.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length)
      out.push(w.notes, ...warnings.map((d) => '    ' + formatDiagnostic(d, io.lang).replace(/\n/g, '\n    ')));
    const cells = read.excluded.flatMap((x) => x.reasons);
    out.push(w.cells(cells.length));
    for (const d of cells)
      out.push(
        `    ${w.cell(d.file ?? file, d.cell?.sheet, d.cell?.row, d.cell?.column, d.cell?.value !== undefined ? shownValue(d.cell.value, lang) : undefined)}${lang === 'zh' ? '：' : ': '}${localise(d, lang).message}`,
      );
    // every cell a metric's default stands in for, by metric
    const defaults = read.defaults ?? [];
    out.push(w.defaults(defaults.length));
    for (const id of [...new Set(defaults.map((d) => d.metric))]) {
      const uses = defaults.filter((d) => d.metric === id);
      out.push(`    ${policy.metrics[id].label} (${id}) = ${uses[0].value}: ${w.defaultUses(uses.length)}`);
      for (const d of uses)
        out.push(
          `      ${d.file ?? file} ${w.row(d.row)} · ${d.employee_id} · ${d.why === 'no row in source' ? w.noRow(d.source ?? '') : w[d.why === 'empty cell' ? 'emptyCell' : 'noColumn']}`,
        );
    }
    out.push(w.records(read.records.length, read.excluded.length));
    problems += fileProblems.length + cells.length;
    io.stdout(out.join('\n') + '\n');
  }
  return problems ? EXIT.input : EXIT.ok;
}

/** A cell's value in backticks; a cell of a megabyte (a broken export) by its first 200 characters and its length. */
function shownValue(value: string, lang: Lang): string {
  if (value.length <= 200) return `\`${value}\``;
  return lang === 'zh'
    ? `\`${value.slice(0, 200)}…\`（共 ${value.length} 个字符）`
    : `\`${value.slice(0, 200)}…\` (${value.length} characters)`;
}
