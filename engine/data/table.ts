// A data file's text → a table of raw strings with spreadsheet row numbers (the header is row 1).
// CSV through papaparse; JSON as an array of objects or { records: [...] }.

import Papa from 'papaparse';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { FontHiding } from './xlsx-colours.js';

/** How far down a sheet a header is looked for when row 1 is not one (a title or notes above it). */
export const HEADER_SEARCH_ROWS = 6;

export interface Table {
  header: string[];
  rows: string[][];
  /** Spreadsheet row number of rows[i]; blank lines are skipped but still counted. */
  rowNumbers: number[];
  /** The workbook sheet the table came from. */
  sheet?: string;
  /** Cells are placed by column (a workbook), so a row longer than the header cannot have shifted. */
  positional?: boolean;
  /** How to read a column's values when its source file says so (money in fen, ranges). */
  columnOptions?: Record<
    number,
    {
      moneyIn?: 'yuan' | 'fen';
      ranges?: 'low' | 'middle' | 'high' | 'reject';
      ratioFormat?: 'fraction' | 'percent_points';
      /**
       * The column comes from a file separated by semicolons, which Excel writes where a comma is the
       * decimal mark and a dot groups thousands: `4.000` there may be 4000 or 4, and is refused.
       */
      decimalComma?: boolean;
    }
  >;
  /**
   * A workbook's cells merged down several rows of the table (not the header): the range as Excel
   * names it (`D2:D4`), its rows and first column, and the value only its first cell holds.
   */
  merged?: { range: string; top: number; bottom: number; left: number; right: number; value: string }[];
  /**
   * A JSON file's cells holding a list or an object (`["已退款"]`), written as their JSON: their row
   * (the first record is row 2) and column, in the order of the file.
   */
  structured?: { row: number; col: number; value: string }[];
  /**
   * A workbook's hidden columns (Hide, a collapsed group, or a width too small to show them) holding data below the header, in
   * column order: the column, its name as a message lists it (`H \`违规次数\``), and its first cell
   * holding data. Refused by the reader only when it reads the column (`hiddenColumnsProblem`).
   */
  hiddenColumns?: { col: number; name: string; row: number; value: string }[];
  /**
   * A workbook's cells holding a value their number format shows as nothing (`;;;`), in row order:
   * the row, column, value as read and the format. Refused by the reader only when it reads the
   * column (`hiddenColumnsProblem`).
   */
  invisibleCells?: { row: number; col: number; value: string; format: string }[];
  /**
   * A workbook's cells below the header holding a value Excel draws in the colour of their background
   * or in a font under 4 points (engine/data/xlsx-colours.ts), in row order, with how. Refused by the
   * reader only when it reads the column (`hiddenColumnsProblem`).
   */
  fontHiddenCells?: { row: number; col: number; value: string; how: FontHiding }[];
  /**
   * A workbook's formula cells below the header whose stored result is a placeholder (a workbook to be
   * calculated when opened, written by XlsxWriter or pandas, storing 0), outside totals rows, in row
   * order, with the formula. Refused by the reader only when it reads the column (`hiddenColumnsProblem`).
   */
  placeholderFormulas?: { row: number; col: number; value: string }[];
  /**
   * A workbook's cells below the header holding a time without a date in a format showing hours and
   * minutes only (`h:mm`), in row order, with the format: typed `0:45`, 45 minutes, where a CSV
   * saved from the sheet writes `0:45`, read as 45 seconds. Refused by the reader only when it reads
   * the column (`hiddenColumnsProblem`).
   */
  minuteTimes?: { row: number; col: number; value: string; format: string }[];
  /**
   * A workbook's durations of a day or more in a format whose hours are a time of day (`hh:mm:ss`
   * shows 36:00:00 as 12:00:00; `mm:ss` an hour or more), below the header: refused by the reader
   * that reads the column (`hiddenColumnsProblem`).
   */
  wrappedTimes?: { row: number; col: number; value: string; format: string; wrapSeconds: number }[];
  /**
   * A workbook's cells below the header that a merge covers (any cell of a merged range but its
   * first) and that hold a value Excel does not show, in row order, with the range. Refused by the
   * reader only when it reads the column (`hiddenColumnsProblem`).
   */
  coveredCells?: { row: number; col: number; value: string; range: string }[];
  /**
   * A workbook's other sheets, each with its first rows as text: when the sheet read has no header
   * of the data (a 说明 sheet first), the reader names the sheet that has one.
   */
  otherSheets?: { sheet: string; rows: string[][]; hidden?: boolean }[];
  /** No sheet was named (`--sheet`, a mapping's `sheet:`): the first sheet with a tab was read. */
  sheetByDefault?: boolean;
  /**
   * A JSON file's numbers written with an exponent (`2.02311E+11`, `1.0e3`), as written: row index →
   * column → the number's text. The table's cell holds the number in decimals (`202311000000`), which
   * is right for a figure and wrong for an id or a key: that one was lost to a number on the way.
   */
  exponents?: Map<number, Map<number, string>>;
  /** For a table joined from several files: where a cell came from, for messages. */
  origin?: (
    rowIndex: number,
    column: number,
  ) => { file: string; sheet?: string; row: number; column: string } | undefined;
  /** For a joined table: the source a cell would come from when the employee has no row in it. */
  absent?: (
    rowIndex: number,
    column: number,
  ) =>
    | {
        file: string;
        default: boolean;
        /** The source's unmatched row whose key is this employee's but for leading zeros (`E1` for `E001`). */
        near?: { key: string; row: number };
      }
    | undefined;
}

export type TableResult = { ok: true; table: Table } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The separator of a CSV text, read from its header line (the first line that is not blank), outside
 * quotes: a tab when the header has more tabs than commas (Excel's "Unicode text", a `.tsv` saved as
 * `.csv`), a comma when it has any, a semicolon (Excel's CSV where the decimal mark is a comma) when
 * it has neither but has one; papaparse's guess only for a header of one column. A guess from the
 * first rows took a tab-separated file whose cells hold thousands separators (`2,266,926`) for a
 * comma-separated one, every column then missing, and a semicolon-separated one with such cells for
 * a comma-separated one too.
 */
export function csvDelimiter(text: string): string | undefined {
  let tabs = 0;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) {
      if (content) break;
      // a blank line (or one of separators only) before the header says nothing
      tabs = 0;
      commas = 0;
      semicolons = 0;
      continue;
    } else if (c === 9) {
      // a tab that starts a cell (`\t工号,\t姓名`: exports mark text so) is no separator
      const before = i === 0 ? 10 : text.charCodeAt(i - 1);
      if (before !== 44 && before !== 10 && before !== 13) tabs++;
    } else if (c === 44) commas++;
    else if (c === 59) semicolons++;
    if (c !== 9 && c !== 44 && c !== 59 && c !== 32 && c !== 0x3000 && c !== 0xa0) content = true;
  }
  return tabs > commas ? '\t' : commas > 0 ? ',' : semicolons > 0 ? ';' : undefined;
}

export function readCsv(text: string, file?: string): TableResult {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = csvDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, ...(delimiter ? { delimiter } : {}) });
  const fatal = csvQuoteProblems(parsed.errors, file, 1);
  if (fatal.length) return { ok: false, diagnostics: fatal };
  const lines = parsed.data;
  let i = 0;
  while (i < lines.length && isBlankRow(lines[i]!)) i++;
  if (i === lines.length) return { ok: false, diagnostics: [noHeaderRow(file)] };
  const header = lines[i]!.map((h) => h.trim());
  const rows: string[][] = [];
  // numbered by record, as a spreadsheet numbers rows (a quoted cell may span lines)
  const rowNumbers: number[] = [];
  for (let r = i + 1; r < lines.length; r++) {
    const line = lines[r]!;
    if (isBlankRow(line)) continue;
    rows.push(line);
    rowNumbers.push(r + 1);
  }
  const columnOptions = decimalCommaColumns(delimiter, header.length);
  return { ok: true, table: { header, rows, rowNumbers, ...(columnOptions ? { columnOptions } : {}) } };
}

/**
 * Every column of a file separated by semicolons marked `decimalComma` (Excel writes such files
 * where a comma is the decimal mark): undefined for any other separator.
 */
export function decimalCommaColumns(
  delimiter: string | undefined,
  columns: number,
): NonNullable<Table['columnOptions']> | undefined {
  if (delimiter !== ';') return undefined;
  const out: NonNullable<Table['columnOptions']> = {};
  for (let c = 0; c < columns; c++) out[c] = { decimalComma: true };
  return out;
}

/** How a file separated by semicolons writes numbers (`4.000` may be 4000), for its record reader. */
export function decimalCommaSource(s: { delimiter: string; header: readonly string[] }): Pick<Table, 'columnOptions'> {
  const columnOptions = decimalCommaColumns(s.delimiter, s.header.length);
  return columnOptions ? { columnOptions } : {};
}

/** papaparse's quote errors as diagnostics; `firstRow` is the spreadsheet row of the text's first record. */
export function csvQuoteProblems(
  errors: readonly Papa.ParseError[],
  file: string | undefined,
  firstRow: number,
): Diagnostic[] {
  return errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => {
      const at = { file, cell: { row: firstRow + (e.row ?? 0) } };
      // papaparse's two quote errors, each in words of our own (its English is no part of a Chinese message)
      if (e.code === 'MissingQuotes') return diagnostic('data_csv_malformed.quotes', {}, at);
      if (e.code === 'InvalidQuotes') return diagnostic('data_csv_malformed.trailing_quote', {}, at);
      return diagnostic('data_csv_malformed', { detail: e.message.charAt(0).toLowerCase() + e.message.slice(1) }, at);
    });
}

/** A file with no row that is not blank: there is no header. */
export function noHeaderRow(file: string | undefined): Diagnostic {
  return diagnostic('data_empty', {}, { file, cell: { row: 1 } });
}

/** A row whose every cell is empty or spaces (skipped, but still counted in row numbers). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

export function readJsonRecords(text: string, file?: string): TableResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { message } = error as Error;
    const where = jsonErrorAt(text.replace(/^\uFEFF/, ''), message);
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'data_json_malformed',
          {
            detail: message,
            detail_zh: `${where ? `第 ${where.line} 行第 ${where.column} 列：` : ''}${jsonErrorZh(message)}`,
          },
          { file, cell: { row: where?.line ?? 1 } },
        ),
      ],
    };
  }
  // JSON.parse keeps the last of a key given twice: `{"违规次数":2,"违规次数":0}` is refused instead
  const twice = duplicateKey(text);
  if (twice) {
    const record = twice.record;
    const at = { file, cell: { row: record !== undefined ? record + 2 : 1, column: twice.key } };
    return {
      ok: false,
      diagnostics: [
        record !== undefined
          ? diagnostic('data_json_duplicate_key', { record: record + 1, key: twice.key }, at)
          : diagnostic('data_json_duplicate_key.object', { key: twice.key }, at),
      ],
    };
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)
      ? (value as { records: unknown[] }).records
      : undefined;
  if (!list || list.some((x) => !x || typeof x !== 'object' || Array.isArray(x))) {
    return { ok: false, diagnostics: [diagnostic('data_json_malformed.shape', {}, { file, cell: { row: 1 } })] };
  }
  // `{ "records": [...], "records2": [...] }` would lose the second list's employees without a word,
  // and a `"period"` beside the records would be taken for the month's when it is read by no one
  if (!Array.isArray(value)) {
    const other = Object.keys(value as object).find((k) => k !== 'records');
    if (other !== undefined)
      return {
        ok: false,
        diagnostics: [diagnostic('data_json_malformed.other_key', { key: other }, { file, cell: { row: 1 } })],
      };
  }
  // `[]` has no columns to name: say it holds nobody, not that 工号, 姓名, … are missing
  if (list.length === 0)
    return { ok: false, diagnostics: [diagnostic('data_empty.json', {}, { file, cell: { row: 1 } })] };
  const header: string[] = [];
  for (const obj of list as Record<string, unknown>[])
    for (const k of Object.keys(obj)) if (!header.includes(k)) header.push(k);
  // a list or an object in a cell is written as its JSON, refused as a value at its cell: `[0.4]`
  // must not pass as 0.4, nor `[1,234]` as 1234, nor `{"v":1}` show as `[object Object]`
  // a number cell is its text as the file writes it, not the double JSON.parse made of it:
  // 9007199254740993 stays 9007199254740993 (refused as too large, as written), 1e400 stays 1e400
  // (not Infinity), 1e-400 is not 0, and 1.5e-7 is 0.00000015 (String(1.5e-7) is `1.5e-7`)
  let tokens: Map<string, string>[] | undefined;
  let exponents: Map<number, Map<number, string>> | undefined;
  const structured: NonNullable<Table['structured']> = [];
  const rows = (list as Record<string, unknown>[]).map((obj, r) =>
    header.map((k, c) => {
      const v = obj[k];
      if (typeof v === 'number') {
        tokens ??= numberTokens(text, list.length);
        const token = tokens[r]?.get(k);
        if (token !== undefined) {
          const plain = plainDecimal(token);
          if (plain === undefined) return token;
          exponents ??= new Map();
          let row = exponents.get(r);
          if (!row) exponents.set(r, (row = new Map()));
          row.set(c, token);
          return plain;
        }
      }
      if (v === undefined || v === null) return '';
      if (typeof v !== 'object') return String(v);
      const json = JSON.stringify(v);
      structured.push({ row: r + 2, col: c, value: json });
      return json;
    }),
  );
  // a JSON record's "row" is its position counted like a sheet: the first record is row 2
  return {
    ok: true,
    table: {
      header,
      rows,
      rowNumbers: rows.map((_, i) => i + 2),
      ...(exponents ? { exponents } : {}),
      ...(structured.length ? { structured } : {}),
    },
  };
}

/**
 * The first key an object of valid JSON text gives twice, and the record (position in the top-level
 * array, or in `records`) it is in. A scan of the text: strings are skipped whole, keys decoded.
 */
export function duplicateKey(text: string): { key: string; record?: number } | undefined {
  let found: { key: string; record?: number } | undefined;
  walkJson(text, {
    key(key, stack) {
      const top = stack[stack.length - 1]!;
      if (!top.keys!.has(key)) {
        top.keys!.add(key);
        return false;
      }
      // the record: the element of the top-level array, or of the top-level `records` array
      const record = recordOf(stack, false);
      found = { key, ...(record !== undefined ? { record } : {}) };
      return true;
    },
  });
  return found;
}

/**
 * The number tokens of valid JSON text that are the values of a record's keys, as written, by
 * record (position in the top-level array, or in `records`) and key. A scan of the text, as
 * `duplicateKey`'s (which has already refused a key given twice).
 */
export function numberTokens(text: string, records: number): Map<string, string>[] {
  const found = Array.from({ length: records }, () => new Map<string, string>());
  walkJson(text, {
    number(token, stack) {
      // a record's own value: depth 2 in a top-level array, depth 3 in `{ "records": [...] }`
      const record = recordOf(stack, true);
      const key = stack[stack.length - 1]?.key;
      if (record !== undefined && key !== undefined) found[record]?.set(key, token);
    },
  });
  return found;
}

interface JsonFrame {
  object: boolean;
  /** the keys seen so far in an object */
  keys?: Set<string>;
  /** the element's position in an array */
  index: number;
  /** the object's last key */
  key?: string;
}

/**
 * The record a place in the text belongs to: the element of a top-level array, or of the array
 * under a top-level `records`. `exact`: only a value of the record object itself (not deeper).
 */
function recordOf(stack: JsonFrame[], exact: boolean): number | undefined {
  const outer = stack[0];
  const top = stack[stack.length - 1];
  if (!outer || (exact && !top?.object)) return undefined;
  if (!outer.object && (exact ? stack.length === 2 : stack.length >= 2)) return outer.index;
  if (outer.object && outer.key === 'records' && !stack[1]?.object && (exact ? stack.length === 3 : stack.length >= 3))
    return stack[1]!.index;
  return undefined;
}

/**
 * One walk over valid JSON text (JSON.parse has accepted it), telling each object key as it is read
 * (`key` returns true to stop) and each number token as written, with the frames around it.
 */
function walkJson(
  text: string,
  on: { key?(key: string, stack: JsonFrame[]): boolean; number?(token: string, stack: JsonFrame[]): void },
): void {
  const stack: JsonFrame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.object) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (on.key?.(key, stack)) return;
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text.charAt(j))) j++;
      on.number?.(text.slice(i, j), stack);
      i = j - 1;
    } else if (c === 0x7b /* { */) {
      stack.push({ object: true, keys: new Set(), index: 0 });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ object: false, index: 0 });
    } else if (c === 0x7d || c === 0x5d /* } ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) expectKey = true;
      else if (top) top.index++;
    }
  }
}

/**
 * A JSON number written with an exponent (`1.5e-7`, `2E3`) as the same number in plain decimals
 * (`0.00000015`, `2000`), the decimal point moved in the digit string, so exactly; undefined for
 * a token without an exponent (already plain) or with one beyond ±30 (`1e400`, `1e-400`: kept as
 * written, and refused as a cell as written).
 */
export function plainDecimal(token: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(token);
  if (!m) return undefined;
  const exponent = Number(m[4]);
  if (Math.abs(exponent) > 30) return undefined;
  const int = m[2] ?? '';
  const digits = int + (m[3] ?? '');
  const point = int.length + exponent;
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0));
  const trimmed = fraction.replace(/0+$/, '');
  return `${m[1]}${whole.replace(/^0+(?=\d)/, '')}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * A row with more cells than its header (`1,500,000` unquoted): its cells may have shifted, so the
 * row is refused, even when the cells past the header are empty (the row's own trailing cells were
 * empty, and moved right). Fewer cells are the trailing empty cells an export dropped: read as empty.
 * A workbook places cells by column (`positional`): nothing can shift there.
 */
export function rowLengthProblem(
  header: readonly string[],
  cells: readonly string[],
  row: number,
  at: { file?: string; sheet?: string; positional?: boolean } = {},
): Diagnostic | undefined {
  if (cells.length <= header.length || at.positional) return undefined;
  const past = cells.slice(header.length);
  const line = cells.join(',');
  const place = {
    file: at.file,
    cell: { ...(at.sheet ? { sheet: at.sheet } : {}), row, value: line.length > 120 ? `${line.slice(0, 120)}…` : line },
  };
  const counts = { row, cells: cells.length, columns: header.length };
  // rows joined at a line break inside a cell: a file whose lines end two ways (CRLF, and LF or CR
  // alone where two exports were pasted together) is read at the first kind, the others inside cells
  const joined = header.length > 1 && (cells.length - 1) % (header.length - 1) === 0;
  const broken = joined ? cells.findIndex((c) => /[\r\n]/.test(c)) : -1;
  if (broken >= 0) {
    const cell = (cells[broken] ?? '').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
    return diagnostic(
      'data_row_length.line_break',
      { ...counts, lines: (cells.length - 1) / (header.length - 1), cell },
      place,
    );
  }
  if (past.every((c) => c.trim() === '')) {
    return past.length === 1
      ? diagnostic('data_row_length.empty_cell', counts, place)
      : diagnostic('data_row_length.empty_cells', { ...counts, past: past.length }, place);
  }
  const shown = `${past
    .slice(0, 4)
    .map((c) => `\`${c.length > 24 ? `${c.slice(0, 24)}…` : c}\``)
    .join(', ')}${past.length > 4 ? ', …' : ''}`;
  return diagnostic('data_row_length', { ...counts, past_cells: shown }, place);
}

/** Where JSON.parse stopped (`… in JSON at position 57`, or the end of the text), as line and column. */
function jsonErrorAt(text: string, message: string): { line: number; column: number } | undefined {
  const at = /at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : /^Unexpected end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined || position > text.length) return undefined;
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** JSON.parse's reasons (V8's words), said in Chinese; a reason this list does not know, in general words. */
const JSON_ERRORS_ZH: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^Expected double-quoted property name/, () => '这里应是带双引号的键名（最后一项后面不能有逗号）'],
  [/^Expected property name or '\}'/, () => '这里应是带双引号的键名或 `}`'],
  [/^Expected ':' after property name/, () => '键名后面缺少 `:`'],
  [/^Expected ',' or '\}' after property value/, () => '值后面缺少 `,` 或 `}`'],
  [/^Expected ',' or '\]' after array element/, () => '数组的元素后面缺少 `,` 或 `]`'],
  [/^Unexpected non-whitespace character after JSON/, () => 'JSON 已经结束，后面还有内容'],
  [/^Unexpected end of JSON input/, () => '文件在 JSON 结束之前就结束了（缺少 `]` 或 `}`？）'],
  [/^Bad control character in string literal/, () => '字符串里有换行或制表符等控制字符（应写成 `\\n`、`\\t`）'],
  [/^Bad escaped character/, () => '字符串里的反斜杠转义无效（反斜杠要写成 `\\\\`）'],
  [/^Bad Unicode escape/, () => '字符串里的 `\\u` 转义无效'],
  [/^Unterminated string/, () => '字符串缺少结尾的双引号'],
  [/^No number after minus sign/, () => '负号后面缺少数字'],
  [/^Exponent part is missing a number/, () => '指数部分缺少数字'],
  [/^Unterminated fractional number/, () => '小数点后面缺少数字'],
  [/^Unexpected token '(.+?)'/, (token) => `此处不该有 \`${token}\``],
];

function jsonErrorZh(message: string): string {
  for (const [pattern, zh] of JSON_ERRORS_ZH) {
    const m = pattern.exec(message);
    if (m) return zh(...m.slice(1));
  }
  return '无法读取';
}

/**
 * A table of employees cannot hold cells merged down several rows (a 团队 merged over its members, a
 * 违规次数 over three people): Excel shows the value across the rows, but only the first row holds it,
 * and the rows below would be read as empty (a missing team, or a metric's `default`). The first such
 * range refuses the file, at its first cell.
 */
export function mergedCellsProblem(
  table: Table,
  file?: string,
  reads: (col: number) => boolean = () => true,
): Diagnostic | undefined {
  // a merge in columns nobody reads (a 备注 note over several rows) shows what it shows: no matter
  const m = table.merged?.find((r) => {
    for (let c = r.left; c <= r.right; c++) if (reads(c)) return true;
    return false;
  });
  if (!m) return undefined;
  return diagnostic(
    'data_xlsx_unreadable.merged',
    { range: m.range, value: m.value, top: m.top, bottom: m.bottom },
    sheetCell(table, file, m.top, m.left, m.range, m.value),
  );
}

/**
 * A JSON file's first list or object (`["已退款"]`) in a column that is read (`reads`): read as its
 * JSON text, it matches no condition and counts as one id of its own, so an event source refuses
 * the file at that record.
 */
export function structuredCellProblem(
  table: Table,
  file?: string,
  reads: (col: number) => boolean = () => true,
): Diagnostic | undefined {
  const x = table.structured?.find((s) => reads(s.col));
  if (!x) return undefined;
  const column = (table.header[x.col] ?? '').trim();
  return diagnostic(
    'data_event_cell.structured',
    { value: x.value, column },
    { file, cell: { row: x.row, column, value: x.value } },
  );
}

/** A workbook cell's place for a message: the sheet, the row, the column's header (or its letters, from `ref`) and the value. */
function sheetCell(table: Table, file: string | undefined, row: number, col: number, ref: string, value: string) {
  return {
    file,
    cell: {
      ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
      row,
      column: table.header[col] || (/^[A-Z]+/.exec(ref)?.[0] ?? ''),
      value,
    },
  };
}

/** The largest unit of a clock format, by the seconds it starts again at (timeFormatWrap). */
const TIME_UNITS: Record<number, { en: string; zh: string }> = {
  86400: { en: 'hours', zh: '小时' },
  3600: { en: 'minutes', zh: '分钟' },
  60: { en: 'seconds', zh: '秒' },
};

/** Seconds as `h:mm:ss`. */
function clockText(seconds: number): string {
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${mm}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The hidden columns of a workbook (Excel does not show them) that the reader reads: their cells
 * would feed the scores and the pay unseen, so the file is refused, naming them, at the first one's
 * first cell holding data. A hidden column the reader does not read (`reads` says which: a field or a
 * metric of the policy, a join key, a column a mapping maps) is left unread, as any column that
 * matches nothing is.
 */
export function hiddenColumnsProblem(
  table: Table,
  reads: (col: number) => boolean,
  file?: string,
): Diagnostic | undefined {
  const placeholder = (table.placeholderFormulas ?? []).find((c) => reads(c.col));
  if (placeholder)
    return diagnostic(
      'data_xlsx_unreadable.formula_placeholder',
      { formula: placeholder.value },
      sheetCell(table, file, placeholder.row, placeholder.col, '', placeholder.value),
    );
  const minutes = (table.minuteTimes ?? []).find((c) => reads(c.col));
  if (minutes)
    return diagnostic(
      'data_xlsx_unreadable.time_minutes',
      { time: minutes.value, number_format: minutes.format },
      sheetCell(table, file, minutes.row, minutes.col, '', minutes.value),
    );
  const wrapped = (table.wrappedTimes ?? []).find((c) => reads(c.col));
  if (wrapped) {
    const { row, col, value, format, wrapSeconds } = wrapped;
    const [h = 0, m = 0, sec = 0] = value.split(':').map(Number);
    // to the second, as the clock rounds it (23:59:59.991 is shown as 0:00:00, a day less)
    const held = Math.round(h * 3600 + m * 60 + sec);
    return diagnostic(
      'data_xlsx_unreadable.time_wraps',
      {
        time: value,
        number_format: format,
        clock_unit: (TIME_UNITS[wrapSeconds] ?? TIME_UNITS[86400]!).en,
        clock_unit_zh: (TIME_UNITS[wrapSeconds] ?? TIME_UNITS[86400]!).zh,
        wrap: clockText(wrapSeconds),
        dropped: clockText(Math.floor(held / wrapSeconds) * wrapSeconds),
      },
      sheetCell(table, file, row, col, '', value),
    );
  }
  const read = (table.hiddenColumns ?? []).filter((h) => reads(h.col));
  const first = read[0];
  if (!first) {
    const unseen = (table.invisibleCells ?? []).filter((c) => reads(c.col));
    const cell = unseen[0];
    const faint = (table.fontHiddenCells ?? []).filter((c) => reads(c.col));
    if (!cell && faint[0]) {
      const { how, row, col, value } = faint[0];
      return 'size' in how
        ? diagnostic(
            'data_xlsx_unreadable.font_size',
            { count: faint.length, size: how.size },
            sheetCell(table, file, row, col, '', value),
          )
        : diagnostic(
            'data_xlsx_unreadable.font_colour',
            { count: faint.length, colour: how.colour, fill: how.fill },
            sheetCell(table, file, row, col, '', value),
          );
    }
    if (!cell) {
      const under = (table.coveredCells ?? []).filter((c) => reads(c.col));
      const first = under[0];
      if (!first) return undefined;
      return diagnostic(
        'data_xlsx_unreadable.covered',
        { count: under.length, range: first.range },
        sheetCell(table, file, first.row, first.col, '', first.value),
      );
    }
    return diagnostic(
      'data_xlsx_unreadable.invisible',
      { count: unseen.length, number_format: cell.format },
      sheetCell(table, file, cell.row, cell.col, '', cell.value),
    );
  }
  const names = read.slice(0, 10).map((h) => h.name);
  return diagnostic(
    'data_xlsx_unreadable.hidden_columns',
    { columns: read.length > 10 ? `${names.join(', ')}, …` : names.join(', '), count: read.length },
    sheetCell(table, file, first.row, first.col, first.name, first.value),
  );
}
