// The one problem report every stage returns: yaml parse, schema, semantic checks, data, evaluation.
// Positions are 1-based and always come from the source (YAML node ranges, CSV row/column), never
// recovered from message text.
//
// Every code has one entry in the message catalogue (./messages), with English and Chinese
// templates. A diagnostic carries its code and arguments; `message`/`help` hold the English text
// for logs and tests, and `formatDiagnostic(d, lang)` renders it in the user's language at the edge.
// A code with several phrasings is built from its `code.variant` entry; the diagnostic's code is
// the part before the dot, and `localise` finds the phrasing again by its English text.

import {
  fill,
  messageEntry,
  messageVariants,
  type Code,
  type Lang,
  type MessageArg,
  type MessageArgs,
  type MessageEntry,
  type MessageId,
  type MESSAGES,
  type ArgsOf,
  type Text,
} from './messages/index.js';

export type { Code, Lang, MessageArg, MessageArgs, MessageId, Text };

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
  /**
   * The catalogue arguments the message and help were filled from (for other languages). Set by
   * `diagnostic()` as a non-enumerable property: not in JSON output, lost when serialised, and
   * then `localise` falls back to the English text.
   */
  args?: MessageArgs;
}

type Entry<C extends MessageId> = (typeof MESSAGES)[C];
type HelpArgs<E> = E extends { help: Text } ? ArgsOf<E['help']['en']> | ArgsOf<E['help']['zh']> : never;
/** The argument names an entry's templates use, in either language. */
export type ArgNames<C extends MessageId> =
  | ArgsOf<Entry<C>['message']['en']>
  | ArgsOf<Entry<C>['message']['zh']>
  | HelpArgs<Entry<C>>;

/** Where a diagnostic points and how severe it is; everything but the text. */
export interface Place {
  severity?: Severity;
  file?: string;
  span?: Span;
  cell?: Cell;
  path?: (string | number)[];
  /**
   * A help the caller computed (a schema property's bilingual description, another reader's
   * advice): replaces the catalogue's help and is shown as written in every language.
   */
  help?: string;
}

/** Builds a diagnostic from its catalogue entry (`code` or `code.variant`): English text filled in, arguments kept. */
export function diagnostic<C extends MessageId>(
  id: C,
  args: { [K in ArgNames<C>]: MessageArg },
  place: Place = {},
): Diagnostic {
  const entry = messageEntry(id)!;
  const a = args as MessageArgs;
  const dot = id.indexOf('.');
  const d: Diagnostic = {
    code: dot < 0 ? id : id.slice(0, dot),
    severity: place.severity ?? 'error',
    message: fill(entry.message.en, a),
  };
  if (place.help !== undefined) d.help = place.help;
  else if (entry.help) d.help = fill(entry.help.en, a);
  if (place.file !== undefined) d.file = place.file;
  if (place.span) d.span = place.span;
  if (place.cell) d.cell = place.cell;
  if (place.path) d.path = place.path;
  // not enumerable: JSON output (schemas/result.schema.json) and existing consumers see the
  // diagnostic as before; localise() reads the arguments in-process
  if (Object.keys(a).length)
    Object.defineProperty(d, 'args', { value: a, enumerable: false, writable: true, configurable: true });
  return d;
}

/**
 * The message and help in a language: from the catalogue entry (of the code's phrasings, the one
 * whose English gives the diagnostic's message), else as built. A help the catalogue did not
 * write (a schema description) is kept as it is.
 */
export function localise(d: Diagnostic, lang: Lang): { message: string; help?: string } {
  const entry = lang === 'en' ? undefined : phrasing(d);
  if (!entry) return d.help === undefined ? { message: d.message } : { message: d.message, help: d.help };
  const out: { message: string; help?: string } = { message: fill(entry.message[lang], d.args, lang) };
  if (entry.help && (d.help === undefined || d.help === fill(entry.help.en, d.args)))
    out.help = fill(entry.help[lang], d.args, lang);
  else if (d.help !== undefined) out.help = d.help;
  return out;
}

/** The catalogue entry `d` was built from, matched on its English message (and help, to tell apart phrasings that share a message). */
function phrasing(d: Diagnostic): MessageEntry | undefined {
  const candidates = messageVariants(d.code).filter((e) => fill(e.message.en, d.args) === d.message);
  return candidates.find((e) => e.help && fill(e.help.en, d.args) === d.help) ?? candidates[0];
}

/** The most characters of a cell's value a diagnostic prints (in human form). */
const MAX_SHOWN_VALUE = 200;

const LABELS = {
  en: {
    at: 'at ',
    sep: ', ',
    sheet: (s: string) => `sheet \`${s}\``,
    row: (r: number) => `row ${r}`,
    column: (c: string) => `column \`${c}\``,
    value: (v: string) => `value \`${v}\``,
    /** A cell too long to print whole: its first characters and how long it is. */
    longValue: (v: string, length: number) => `value \`${v}…\` (${length} characters)`,
    help: 'help: ',
  },
  zh: {
    at: '位置：',
    sep: '，',
    sheet: (s: string) => `工作表 \`${s}\``,
    row: (r: number) => `第 ${r} 行`,
    column: (c: string) => `列 \`${c}\``,
    value: (v: string) => `值 \`${v}\``,
    longValue: (v: string, length: number) => `值 \`${v}…\`（共 ${length} 个字符）`,
    help: '提示：',
  },
} as const;

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

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls, DEL, and the bidi
 * controls that reorder what is shown (a cell holding `ESC[2J` would clear the screen; one holding
 * U+202E would print a number backwards). Line breaks are kept only where `keepBreaks` says so.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from a file or a cell made safe to print on a terminal: every control character written as
 * `\u001b` (visible, and exactly what the file holds); line breaks too unless `keepBreaks`.
 */
export function visibleText(s: string, keepBreaks = false): string {
  return s.replace(keepBreaks ? UNSAFE : UNSAFE_OR_BREAK, escaped);
}

/** `file:line:col: error[code]: message` plus an indented help line, the format every CLI prints. */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'en'): string {
  const localised = localise(d, lang);
  const message = visibleText(localised.message, true);
  const help = localised.help === undefined ? undefined : visibleText(localised.help, true);
  let where = visibleText(d.file ?? '');
  if (d.span) where += `:${d.span.line}:${d.span.column}`;
  else if (d.cell) where += `:${d.cell.row}`;
  const label = LABELS[lang];
  let text = `${where ? where + ': ' : ''}${d.severity}[${d.code}]: ${message}`;
  if (d.cell && (d.cell.column !== undefined || d.cell.value !== undefined)) {
    const parts: string[] = [...(d.cell.sheet ? [label.sheet(visibleText(d.cell.sheet))] : []), label.row(d.cell.row)];
    if (d.cell.column !== undefined) parts.push(label.column(visibleText(d.cell.column)));
    // a cell of a megabyte (a broken export, a hostile file) is named by its start, not printed whole
    const value = d.cell.value;
    if (value !== undefined)
      parts.push(
        value.length > MAX_SHOWN_VALUE
          ? label.longValue(
              visibleText(
                value.slice(0, MAX_SHOWN_VALUE - (/[\uD800-\uDBFF]/.test(value.charAt(MAX_SHOWN_VALUE - 1)) ? 1 : 0)),
              ),
              value.length,
            )
          : label.value(visibleText(value)),
      );
    text += `\n  ${label.at}${parts.join(label.sep)}`;
  }
  if (help) text += `\n  ${label.help}${help}`;
  return text;
}
