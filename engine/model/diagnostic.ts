// The one problem report every stage returns: yaml parse, schema, semantic checks, data, evaluation.
// Positions are 1-based and always come from the source (YAML node ranges, CSV row/column), never
// recovered from message text.

export type Severity = 'error' | 'warning';

/** A place in a text file: 1-based line and column, plus the end of the range when known. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A cell in a data file: spreadsheet-style row (the header is row 1), column header and raw text. */
export interface Cell {
  /** Workbook sheet, for .xlsx files. */
  sheet?: string;
  row: number;
  column?: string;
  value?: string;
}

export interface Diagnostic {
  /** Stage-prefixed code: yaml_…, schema_…, policy_…, data_…, eval_… */
  code: string;
  severity: Severity;
  /** Lowercase, no trailing period, user text in backticks. */
  message: string;
  /** What to do about it. */
  help?: string;
  /** File name as the user gave it. */
  file?: string;
  /** Where in a policy file. */
  span?: Span;
  /** Where in a data file. */
  cell?: Cell;
  /** Path inside the policy document, e.g. ['roles', 'director', 'indicators', 'output']. */
  path?: (string | number)[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position (line, column, or row), then code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number] => [
    d.file ?? '',
    d.span?.line ?? d.cell?.row ?? 0,
    d.span?.column ?? 0,
  ];
  return diagnostics.sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    if (fa !== fb) return fa < fb ? -1 : 1;
    return la - lb || ca - cb || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

/** `file:line:col: error[code]: message` plus an indented help line, the format every CLI prints. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.span) where += `:${d.span.line}:${d.span.column}`;
  else if (d.cell) where += `:${d.cell.row}`;
  let text = `${where ? where + ': ' : ''}${d.severity}[${d.code}]: ${d.message}`;
  if (d.cell && (d.cell.column !== undefined || d.cell.value !== undefined)) {
    const parts: string[] = [...(d.cell.sheet ? [`sheet \`${d.cell.sheet}\``] : []), `row ${d.cell.row}`];
    if (d.cell.column !== undefined) parts.push(`column \`${d.cell.column}\``);
    if (d.cell.value !== undefined) parts.push(`value \`${d.cell.value}\``);
    text += `\n  at ${parts.join(', ')}`;
  }
  if (d.help) text += `\n  help: ${d.help}`;
  return text;
}
