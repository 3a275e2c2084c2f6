// The one problem report every stage returns: yaml parse, schema, semantic checks, data, evaluation.
// Positions are 1-based and always come from the source (YAML node ranges, CSV row/column), never
// recovered from message text.
//
// Every code has one entry in the message catalogue (./messages), with English and Chinese
// templates. A diagnostic carries its code and arguments; `message`/`help` hold the English text
// for logs and tests, and `formatDiagnostic(d, lang)` renders it in the user's language at the edge.

import { fill, messageEntry, type Code, type Lang, type MessageArgs, type MESSAGES, type ArgsOf, type Text } from './messages/index.js';

export type { Code, Lang, MessageArgs };

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
  /** The catalogue arguments the message and help were filled from (for other languages). */
  args?: MessageArgs;
}

type Entry<C extends Code> = (typeof MESSAGES)[C];
type HelpArgs<E> = E extends { help: Text } ? ArgsOf<E['help']['en']> | ArgsOf<E['help']['zh']> : never;
/** The argument names a code's templates use, in either language. */
export type ArgNames<C extends Code> = ArgsOf<Entry<C>['message']['en']> | ArgsOf<Entry<C>['message']['zh']> | HelpArgs<Entry<C>>;

/** Where a diagnostic points and how severe it is; everything but the text. */
export interface Place {
  severity?: Severity;
  file?: string;
  span?: Span;
  cell?: Cell;
  path?: (string | number)[];
}

/** Builds a diagnostic from its catalogue entry: English text filled in, arguments kept. */
export function diagnostic<C extends Code>(code: C, args: { [K in ArgNames<C>]: string | number }, place: Place = {}): Diagnostic {
  const entry = messageEntry(code)!;
  const a = args as MessageArgs;
  const d: Diagnostic = { code, severity: place.severity ?? 'error', message: fill(entry.message.en, a) };
  if (entry.help) d.help = fill(entry.help.en, a);
  if (place.file !== undefined) d.file = place.file;
  if (place.span) d.span = place.span;
  if (place.cell) d.cell = place.cell;
  if (place.path) d.path = place.path;
  if (Object.keys(a).length) d.args = a;
  return d;
}

/** The message and help in a language: from the catalogue when the code has an entry, else as built. */
export function localise(d: Diagnostic, lang: Lang): { message: string; help?: string } {
  const entry = lang === 'en' ? undefined : messageEntry(d.code);
  if (!entry) return d.help === undefined ? { message: d.message } : { message: d.message, help: d.help };
  const out: { message: string; help?: string } = { message: fill(entry.message[lang], d.args) };
  if (entry.help) out.help = fill(entry.help[lang], d.args);
  else if (d.help !== undefined) out.help = d.help;
  return out;
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
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'en'): string {
  const { message, help } = localise(d, lang);
  let where = d.file ?? '';
  if (d.span) where += `:${d.span.line}:${d.span.column}`;
  else if (d.cell) where += `:${d.cell.row}`;
  let text = `${where ? where + ': ' : ''}${d.severity}[${d.code}]: ${message}`;
  if (d.cell && (d.cell.column !== undefined || d.cell.value !== undefined)) {
    const parts: string[] = [...(d.cell.sheet ? [`sheet \`${d.cell.sheet}\``] : []), `row ${d.cell.row}`];
    if (d.cell.column !== undefined) parts.push(`column \`${d.cell.column}\``);
    if (d.cell.value !== undefined) parts.push(`value \`${d.cell.value}\``);
    text += `\n  at ${parts.join(', ')}`;
  }
  if (help) text += `\n  help: ${help}`;
  return text;
}
