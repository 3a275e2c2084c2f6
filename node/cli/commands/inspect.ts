// `yardstick data inspect FILE… --policy P`: how each column maps to the policy, which required
// metrics are missing, which columns go unused, and every cell that cannot be read.

import {
  columnMeaning,
  readTable,
  type Table,
  formatDiagnostic,
  type CompiledPolicy,
  type Diagnostic,
} from '../../../engine/index.js';
import { EXIT } from '../errors.js';
import { readBytes, type Io } from '../io.js';
import { mappingTables } from '../mapping.js';
import { inspectLines } from '../events/provenance.js';
import { loadPolicyFile, readDataFile } from '../pipeline.js';

function describeColumns(
  file: string,
  table: Table,
  policy: CompiledPolicy,
  keys: string[] = [],
  renames: Record<string, string> = {},
): string[] {
  const lines = [`  ${file}${table.sheet ? ` (sheet ${table.sheet})` : ''}: ${table.rows.length} rows`];
  for (const h of table.header) {
    const name = Object.hasOwn(renames, h) ? renames[h] : h;
    const m = columnMeaning(name, policy.contract);
    const as = name !== h ? ` (as \`${name}\`)` : '';
    const what =
      m?.kind === 'field'
        ? m.id
        : m
          ? `${m.id} · ${policy.metrics[m.id].label} · ${policy.metrics[m.id].unit}${as}`
          : keys.includes(h)
            ? '(join key)'
            : '(unused)';
    lines.push(`    ${h} → ${what}`);
  }
  return lines;
}

export async function inspectCommand(files: string[], o: { policy: string; sheet?: string }, io: Io): Promise<number> {
  const policy = loadPolicyFile(o.policy, io.stderr, io.lang);
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
    const tables: Entry[] = /\.ya?ml$/i.test(file)
      ? await mappingTables(file)
      : [
          await readTable(new Uint8Array(readBytes(file, 'data')), file, { sheet: o.sheet }).then(
            (t): Entry => (t.ok ? { file, table: t.table, diagnostics: [] } : { file, diagnostics: t.diagnostics }),
          ),
        ];
    out.push('  columns:');
    for (const t of tables) {
      if (t.table) out.push(...describeColumns(t.file, t.table, policy, t.keys, t.columns).map((l) => '  ' + l));
      for (const d of t.diagnostics) out.push('    ' + formatDiagnostic(d, io.lang));
    }
    const read = await readDataFile(file, policy, { sheet: o.sheet });
    // a mapping's event sources: each aggregate per employee with the rows behind it
    if (/\.ya?ml$/i.test(file)) out.push(...inspectLines(file));
    const fileProblems = read.diagnostics.filter((d) => d.severity === 'error');
    const missing = fileProblems.filter((d) => d.code === 'data_missing_column');
    out.push(`  required columns missing: ${missing.length ? '' : 'none'}`);
    for (const d of missing) out.push(`    ${d.message}`);
    // the file refused as a whole for another reason: a ratio column written two ways, a column twice
    const refused = fileProblems.filter((d) => d.code !== 'data_missing_column');
    if (refused.length)
      out.push(
        '  the file cannot be used:',
        ...refused.map((d) => '    ' + formatDiagnostic(d, io.lang).replace(/\n/g, '\n    ')),
      );
    const warnings = read.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length)
      out.push('  notes:', ...warnings.map((d) => '    ' + formatDiagnostic(d, io.lang).replace(/\n/g, '\n    ')));
    const cells = read.excluded.flatMap((x) => x.reasons);
    out.push(`  cells and rows that cannot be used (${cells.length}):`);
    for (const d of cells)
      out.push(
        `    ${d.file ?? file}${d.cell?.sheet ? ` sheet ${d.cell.sheet}` : ''}${d.cell ? ` row ${d.cell.row}` : ''}${d.cell?.column ? `, column ${d.cell.column}` : ''}${d.cell?.value !== undefined ? `, value ${shownValue(d.cell.value)}` : ''}: ${d.message}`,
      );
    // every cell a metric's default stands in for, by metric
    const defaults = read.defaults ?? [];
    out.push(`  defaults applied (${defaults.length}):${defaults.length ? '' : ' none'}`);
    for (const id of [...new Set(defaults.map((d) => d.metric))]) {
      const uses = defaults.filter((d) => d.metric === id);
      out.push(`    ${policy.metrics[id].label} (${id}) = ${uses[0].value}: ${uses.length} record(s)`);
      for (const d of uses)
        out.push(
          `      ${d.file ?? file} row ${d.row} · ${d.employee_id} · ${d.why === 'no row in source' ? `no row in ${d.source}` : d.why}`,
        );
    }
    out.push(`  records: ${read.records.length} can be scored, ${read.excluded.length} cannot`);
    problems += fileProblems.length + cells.length;
    io.stdout(out.join('\n') + '\n');
  }
  return problems ? EXIT.input : EXIT.ok;
}

/** A cell's value in backticks; a cell of a megabyte (a broken export) by its first 200 characters and its length. */
function shownValue(value: string): string {
  return value.length > 200 ? `\`${value.slice(0, 200)}…\` (${value.length} characters)` : `\`${value}\``;
}
