// An .xlsx workbook's sheet → the same table of raw strings a CSV gives, through read-excel-file
// (its universal build runs in browsers and Node). The header is row 1, as Excel numbers it.

import readXlsxFile from 'read-excel-file/universal';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { known } from '../model/known.js';
import { HEADER_SEARCH_ROWS, plainDecimal, type Table, type TableResult } from './table.js';
import { isGroupTotal, isTotalsWord } from './records.js';
import { xlsxFontHiddenCells } from './xlsx-colours.js';
import {
  checkXlsxLimits,
  xlsxCellWithoutRef,
  xlsxSheetCount,
  xlsxSheetHasCdata,
  xlsxDateSystem,
  xlsxErrorCells,
  xlsxIsoDateCells,
  xlsxMonthCells,
  xlsxHiddenColumns,
  xlsxHiddenRows,
  xlsxHiddenSheets,
  xlsxInvisibleCells,
  xlsxMergedRanges,
  xlsxPercentCells,
  xlsxShownCells,
  shownNumber,
  shownText,
  xlsxMinuteTimeCells,
  xlsxPlaceholderFormulas,
  xlsxUncalculatedFormula,
  xlsxWrappedTimeCells,
  timeFormatWrap,
} from './xlsx-limits.js';

/** Excel's day 0 (1900 date system): a time or a duration is a fraction of a day counted from it. */
const EXCEL_DAY_0 = Date.UTC(1899, 11, 30);
/** Before this, a date cell of the 1900 system is a time of day or a duration (`[h]:mm:ss`), never a date an export means. */
const FIRST_REAL_DAY = Date.UTC(1900, 2, 1);
/** The same two in the 1904 date system (old Excel for Mac), whose serial 0 is 1904-01-01. */
const DAYS_1904 = { day0: Date.UTC(1904, 0, 1), firstRealDay: Date.UTC(1904, 2, 1), shift: 0 };
const DAYS_1900 = { day0: EXCEL_DAY_0, firstRealDay: FIRST_REAL_DAY, shift: 0 };
/** A 1904 workbook whose dates read-excel-file counted from the 1900 system's day 0: 1462 days too early. */
const DAYS_1904_UNREAD = { ...DAYS_1904, shift: DAYS_1904.day0 - EXCEL_DAY_0 };
type DateSystem = typeof DAYS_1900;

/**
 * A date cell as the text Excel shows: `2026-10-01` at midnight, `2026-10-05 20:31:00` with its time
 * (so a 月份 cell with a time is refused, as docs/policy-language.md says), and a time or a duration
 * (`1:23:20`, `30:00:00`) as hours, minutes and seconds, which a `seconds` metric reads and any
 * other column refuses. read-excel-file rounds the serial down to the millisecond: a value within 2 ms
 * of a whole second is that second.
 */
function dateText(d: Date, days: DateSystem = DAYS_1900): string {
  let ms = d.getTime() + days.shift;
  if (Number.isNaN(ms)) return String(d);
  const second = Math.round(ms / 1000) * 1000;
  if (Math.abs(ms - second) <= 2) ms = second;
  const fraction = ms % 1000 === 0 ? '' : `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
  if (ms >= days.day0 && ms < days.firstRealDay) {
    const seconds = Math.floor((ms - days.day0) / 1000);
    const hh = Math.floor(seconds / 3600);
    const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
    const ss = String(seconds % 60).padStart(2, '0');
    return `${hh}:${mm}:${ss}${fraction}`;
  }
  d.setTime(ms); // the cell's own Date, read once: its text is all the table keeps
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' && fraction === '' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}${fraction}`;
}

/** A number of days as a duration's text (`1476:00:00`), to the millisecond as dateText writes it. */
function clockOf(days: number): string {
  const ms = Math.round(days * 86400000);
  const seconds = Math.floor(ms / 1000);
  const fraction = ms % 1000 === 0 ? '' : `.${String(ms % 1000).padStart(3, '0')}`;
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${mm}:${ss}${fraction}`;
}

/** A duration's text as the reader writes it (`36:00:00`, `1:23:20.500`) in days. */
function daysOf(clock: string): number {
  const [h = 0, m = 0, sec = 0] = clock.split(':').map(Number);
  return (h * 3600 + m * 60 + sec) / 86400;
}

/** A column's letters as Excel shows them: 0 → A, 26 → AA. */
function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellText(v: unknown, days: DateSystem = DAYS_1900): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v, days);
  // a number cell as Excel shows it: 0.0000012, not String()'s `1.2e-6` (which no cell reader takes)
  if (typeof v === 'number') {
    // 16 digits or more: Excel keeps 15, so an 18-digit id typed as a number lost its last digits
    // (123456789012345678 is stored as …345000); shown as Excel shows it, `1.23456789012345E+17`, it
    // is refused as an id in scientific notation, and as a figure too large, never read as written
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return v.toExponential().toUpperCase();
    const s = String(toExcelDigits(v));
    return s.includes('e') ? (plainDecimal(s) ?? s) : s;
  }
  return String(v);
}

/**
 * A number to the 15 significant digits Excel keeps and shows: a formula's result stored with the
 * binary noise of its arithmetic (`40.00000000000001` for =SUM of counts Excel shows as 40,
 * `0.30000000000000004`) is the number shown. A whole number is kept as it is.
 */
function toExcelDigits(v: number): number {
  return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(15));
}

/** A number as Excel shows it in a percent format, to its last digit: 0.453 → `45.3%`, 1.2e-7 → `0.000012%`. */
function percentText(v: number): string {
  const [mantissa = '0', exponent = '0'] = String(toExcelDigits(v)).split(/e/i);
  return `${plainDecimal(`${mantissa}e${Number(exponent) + 2}`) ?? String(v * 100)}%`;
}

/** Rows as a list to read: `3, 5, 6`, the first ten and `…` after them. */
function rowList(rows: number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
}

type Sheet = { sheet: string; data: unknown[][] };

/** read-excel-file's reasons for a cell it cannot read, in words (a workbook damaged, or written by a faulty program). */
const BAD_CELL: Record<string, { en: string; zh: string }> = {
  VALUE_MISSING: { en: 'no value where its type needs one', zh: '缺少其类型所需的值' },
  VALUE_INVALID: {
    en: 'a value its type cannot have (a shared text the workbook does not hold, a true/false that is not 0 or 1)',
    zh: '含有其类型不可能有的值（工作簿中没有的共享文本，或不是 0/1 的真假值）',
  },
  FORMAT_INVALID: { en: 'a number format the workbook does not define', zh: '使用了工作簿中没有定义的数字格式' },
  TYPE_INVALID: { en: 'a cell type no spreadsheet program writes', zh: '是电子表格程序不会写出的单元格类型' },
};

/** What the workbook reader's English reason says, in Chinese (the Chinese message carries no English sentence). */
function unreadableZh(detail: string): string {
  if (/legacy `?\.xls`?/i.test(detail)) return '这是旧版 .xls 文件，只能读取 .xlsx';
  if (/unzip|zip|doesn't look like/i.test(detail)) return '文件不是 .xlsx 工作簿（不是 zip 格式，或已损坏）';
  const missing = /"([^"]+)" file not found/.exec(detail);
  if (missing) return `工作簿缺少其组成部分 \`${missing[1]}\`（已损坏，或不是 Excel 保存的 .xlsx）`;
  return '工作簿的内容无法解析（已损坏，或不是 Excel 保存的 .xlsx）';
}

/** The OLE container's signature, and the name (UTF-16) of the stream an encrypted Office package is kept in. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();

/** An OLE file holding an `EncryptedPackage` stream: an .xlsx saved with a password to open it. */
function encrypted(bytes: Uint8Array): boolean {
  if (bytes.length < OLE.length || OLE.some((b, i) => bytes[i] !== b)) return false;
  outer: for (let i = 0; i + ENCRYPTED_PACKAGE.length <= bytes.length; i++) {
    for (let j = 0; j < ENCRYPTED_PACKAGE.length; j++) if (bytes[i + j] !== ENCRYPTED_PACKAGE[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The sheet `--sheet` (or a mapping's `sheet:`) names: the sheet of that name, or else the one sheet
 * whose name is that name once surrounding spaces and full-width forms are ignored (`Sheet1 `, as
 * a tab renamed with a space after it, is `Sheet1`), as column names are compared.
 */
function namedSheet(sheets: Sheet[], name: string): Sheet | undefined {
  const exact = sheets.find((s) => s.sheet === name);
  if (exact) return exact;
  const loose = (s: string) => s.normalize('NFKC').trim();
  const near = sheets.filter((s) => loose(s.sheet) === loose(name));
  return near.length === 1 ? near[0] : undefined;
}

/** Without a sheet named: the first sheet Excel shows a tab for (a hidden sheet before it is never read). */
async function firstVisibleSheet(bytes: Uint8Array, sheets: Sheet[]): Promise<Sheet | undefined> {
  const hidden = await xlsxHiddenSheets(bytes);
  return sheets.find((s) => !hidden.has(s.sheet)) ?? sheets[0];
}

export async function readXlsx(
  bytes: Uint8Array,
  options: { sheet?: string; file?: string } = {},
): Promise<TableResult> {
  const fail = (d: Diagnostic): TableResult => ({ ok: false, diagnostics: [d] });
  const at = { file: options.file, cell: { row: 1 } };
  let sheets: Sheet[];
  // a workbook with a password to open is an OLE container (as an old .xls is) holding the encrypted
  // package: said so, not called a legacy .xls
  if (encrypted(bytes)) return fail(diagnostic('data_xlsx_unreadable.encrypted', {}, at));
  // a workbook that would unpack past the limits (docs/limits.md) is refused before it is unpacked
  const over = await checkXlsxLimits(bytes, options.file);
  if (over.length) return { ok: false, diagnostics: over };
  // a workbook without a sheet (`<sheets/>`): the reader fails with a TypeError of its own
  if ((await xlsxSheetCount(bytes)) === 0)
    return fail(
      diagnostic('data_xlsx_unreadable', { detail: 'the workbook has no sheet', detail_zh: '工作簿中没有工作表' }, at),
    );
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as Sheet[];
  } catch (error) {
    const detail = (error as Error).message;
    // `<c/> at row 2, col 2: VALUE_INVALID`: a cell no spreadsheet program writes, said in words at its row
    const bad = /at row (\d+), col (\d+): ([A-Z_]+)/.exec(detail);
    const what = bad ? BAD_CELL[bad[3] ?? ''] : undefined;
    if (bad && what) {
      const ref = `${columnLetters(Number(bad[2]) - 1)}${bad[1]}`;
      return fail(
        diagnostic(
          'data_xlsx_unreadable',
          { detail: `the cell ${ref} of a sheet holds ${what.en}`, detail_zh: `某个工作表的单元格 ${ref} ${what.zh}` },
          { file: options.file, cell: { row: Number(bad[1]), column: columnLetters(Number(bad[2]) - 1) } },
        ),
      );
    }
    // rows or cells out of order: `Out-of-place <c/> at row 2 col 1 follows <c/> at row 3 col 15`
    const order = /Out-of-place <c\/> at row (\d+) col (\d+) follows <c\/> at row (\d+) col (\d+)/.exec(detail);
    if (order) {
      const [row, col, afterRow, afterCol] = order.slice(1).map(Number) as [number, number, number, number];
      const ref = `${columnLetters(col - 1)}${row}`;
      const after = `${columnLetters(afterCol - 1)}${afterRow}`;
      return fail(
        diagnostic(
          'data_xlsx_unreadable',
          {
            detail: `the cell ${ref} of a sheet comes after the cell ${after}: its rows or cells are out of order, as no spreadsheet program writes them`,
            detail_zh: `某个工作表的单元格 ${ref} 排在单元格 ${after} 之后：行或单元格的顺序是乱的，电子表格程序不会这样写`,
          },
          { file: options.file, cell: { row, column: columnLetters(col - 1) } },
        ),
      );
    }
    // a cell without its reference (`<c>` with no `r="B2"`): the reader fails with a TypeError of its own
    const unnamed = await xlsxCellWithoutRef(bytes);
    if (unnamed)
      return fail(
        diagnostic(
          'data_xlsx_unreadable',
          {
            detail: `cell ${unnamed.place} of row ${unnamed.row} of the sheet \`${unnamed.sheet}\` has no reference (such as \`A${unnamed.row}\`) naming its column, as Excel and WPS write for every cell`,
            detail_zh: `工作表 \`${unnamed.sheet}\` 第 ${unnamed.row} 行的第 ${unnamed.place} 个单元格没有标明其列的引用（如 \`A${unnamed.row}\`），而 Excel 和 WPS 会为每个单元格写出引用`,
          },
          { file: options.file, cell: { sheet: unnamed.sheet, row: unnamed.row } },
        ),
      );
    return fail(diagnostic('data_xlsx_unreadable', { detail, detail_zh: unreadableZh(detail) }, at));
  }
  const chosen = options.sheet ? namedSheet(sheets, options.sheet) : await firstVisibleSheet(bytes, sheets);
  if (!chosen)
    return fail(
      diagnostic(
        'data_xlsx_unreadable.sheet',
        { sheet: options.sheet ?? '', sheets: sheets.map((s) => `\`${s.sheet}\``).join(', ') },
        at,
      ),
    );
  const [head = [], ...body] = chosen.data;
  // a formula stored without its result (a workbook a program wrote and nothing calculated) is not
  // an empty cell: every formula of such a workbook is, so it is refused whole, at its first one
  const uncalculated = await xlsxUncalculatedFormula(bytes, chosen.sheet);
  if (uncalculated) {
    const column = cellText(head[uncalculated.col]).trim() || columnLetters(uncalculated.col);
    return fail(
      diagnostic(
        'data_xlsx_unreadable.formula',
        { formula: uncalculated.formula },
        {
          file: options.file,
          cell: { sheet: chosen.sheet, row: uncalculated.row, column, value: uncalculated.formula },
        },
      ),
    );
  }
  if (await xlsxSheetHasCdata(bytes, chosen.sheet))
    return fail(
      diagnostic(
        'data_xlsx_unreadable',
        {
          detail: `the sheet \`${chosen.sheet}\` writes values as CDATA (\`<![CDATA[…]]>\`), which no spreadsheet program does, and they would be read as empty`,
          detail_zh: `工作表 \`${chosen.sheet}\` 以 CDATA（\`<![CDATA[…]]>\`）写值，电子表格程序不会这样写，这些值会被读成空`,
        },
        at,
      ),
    );
  // a formula's error (#N/A, #DIV/0!) is the error's text, refused as a cell, never an empty cell
  const errors = await xlsxErrorCells(bytes, chosen.sheet);
  // a date cell written as an ISO date (`t="d"`) is the date it writes, in no time zone
  const isoDates = await xlsxIsoDateCells(bytes, chosen.sheet);
  // a number shown as a percentage (Excel stores a typed `45.3%` as 0.453) is read as shown: `45.3%`
  const percent = await xlsxPercentCells(bytes, chosen.sheet);
  // an id shown padded or prefixed (`"SV"0000`: 1 is SV0001), a figure shown with its scale (`0"万"`:
  // 120 is 120万) is read as shown, as a CSV saved from the sheet writes it
  const asShown = await xlsxShownCells(bytes, chosen.sheet);
  // a date shown as its month (`yyyy-mm`: 2026-10-15 shows as 2026-10) is read as that month, as shown
  const months = await xlsxMonthCells(bytes, chosen.sheet);
  // a time or a duration counts from day 0 of the workbook's date system (read-excel-file reads its dates so)
  const system = await xlsxDateSystem(bytes);
  const days = system === '1904' ? DAYS_1904 : system === '1904-unread' ? DAYS_1904_UNREAD : DAYS_1900;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  // a row holding only error cells is not in read-excel-file's rows at all
  let last = body.length + 1;
  for (const row of errors.keys()) if (row > last) last = row;
  for (let i = 0; i + 2 <= last; i++) {
    const cells = body[i] ?? [];
    const texts = cells.map((v) => cellText(v, days));
    for (const col of percent.get(i + 2) ?? []) {
      const v = cells[col];
      if (typeof v === 'number') texts[col] = percentText(v);
    }
    for (const [col, code] of asShown.get(i + 2) ?? []) {
      const v = cells[col];
      const text =
        typeof v === 'number' ? shownNumber(code, v) : typeof v === 'string' ? shownText(code, v) : undefined;
      if (text !== undefined) texts[col] = text;
    }
    for (const [col, text] of isoDates.get(i + 2) ?? []) if (col < texts.length) texts[col] = text;
    for (const col of months.get(i + 2)?.keys() ?? []) {
      const month = /^(\d{4}-\d{2})-\d{2}(?: |$)/.exec(texts[col] ?? '');
      if (month && (cells[col] instanceof Date || isoDates.get(i + 2)?.has(col))) texts[col] = month[1]!;
    }
    const wrong = errors.get(i + 2);
    if (wrong) {
      for (const [col, text] of wrong) {
        while (texts.length <= col) texts.push('');
        texts[col] = text;
      }
    }
    if (texts.every((t) => t.trim() === '')) continue;
    rows.push(texts);
    rowNumbers.push(i + 2);
  }
  // rows hidden by a filter or by hand: the analyst does not see them, but they would be read (and
  // paid on) all the same; which ones were meant to be left out cannot be told, so the sheet is refused
  const hidden = await xlsxHiddenRows(bytes, chosen.sheet);
  const shown = rowNumbers.filter((r) => hidden.has(r));
  if (shown.length) {
    const cells = known(rows[rowNumbers.indexOf(shown[0]!)], 'hidden row');
    const col = Math.max(
      0,
      cells.findIndex((t) => t.trim() !== ''),
    );
    return fail(
      diagnostic(
        'data_xlsx_unreadable.hidden_rows',
        { rows: rowList(shown), count: shown.length },
        {
          file: options.file,
          cell: {
            sheet: chosen.sheet,
            row: shown[0]!,
            column: cellText(head[col]).trim() || columnLetters(col),
            value: cells[col] ?? '',
          },
        },
      ),
    );
  }
  // columns hidden by hand (or in a collapsed group): kept with the table, and refused by the
  // reader that reads one (a field, a metric, a join key), since it would be read, and paid on, unseen
  const hiddenColumns = await xlsxHiddenColumns(
    bytes,
    chosen.sheet,
    Math.max(head.length, ...rows.map((r) => r.length)),
  );
  const unseen = [...hiddenColumns].filter((c) => rows.some((r) => (r[c] ?? '').trim() !== '')).sort((a, b) => a - b);
  const table: Table = {
    header: head.map((h) => cellText(h, days).trim()),
    rows,
    rowNumbers,
    sheet: chosen.sheet,
    positional: true,
  };
  if (unseen.length)
    table.hiddenColumns = unseen.map((col) => {
      const first = rows.findIndex((r) => (r[col] ?? '').trim() !== '');
      const h = cellText(head[col]).trim();
      return {
        col,
        name: h ? `${columnLetters(col)} \`${h}\`` : columnLetters(col),
        row: rowNumbers[first]!,
        value: rows[first]![col]!,
      };
    });
  // the cells found by a check of the sheet (row → column → what), in row and column order, each with
  // its value as read: the header's own cell for row 1 when `header` says so, none when it is blank
  const byRow = new Map(rowNumbers.map((r, i) => [r, i]));
  const holding = <T>(found: Map<number, Map<number, T>>, header: boolean) =>
    [...found]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([row, columns]) => {
        const i = byRow.get(row);
        if (i === undefined && !(header && row === 1)) return [];
        return [...columns]
          .sort((a, b) => a[0] - b[0])
          .map(([col, what]) => ({
            row,
            col,
            value: i === undefined ? cellText(head[col], days) : (rows[i]?.[col] ?? ''),
            what,
          }))
          .filter((c) => c.value.trim() !== '');
      });
  // cells whose number format shows nothing (`;;;`): kept with the table, and refused by the reader
  // that reads their column, since their values would be read, and paid on, unseen
  const invisible = holding(await xlsxInvisibleCells(bytes, chosen.sheet), true);
  if (invisible.length) table.invisibleCells = invisible.map(({ what, ...c }) => ({ ...c, format: what }));
  // formulas of a workbook to be calculated when opened, stored with a placeholder 0 (XlsxWriter,
  // pandas): refused by the reader that reads their column, outside a totals row (合计 … =SUM(…))
  const placeholders = holding(await xlsxPlaceholderFormulas(bytes, chosen.sheet), false).filter((c) => {
    const i = byRow.get(c.row);
    return i === undefined || !(rows[i] ?? []).slice(0, 6).some((t) => isTotalsWord(t.trim()) || isGroupTotal(t));
  });
  if (placeholders.length)
    table.placeholderFormulas = placeholders.map(({ what, row, col }) => ({ row, col, value: what }));
  // times shown in hours and minutes only (`h:mm`): typed `0:45` is 45 minutes here and 45 seconds
  // in a CSV saved from the sheet (m:ss), refused by the reader that reads their column
  // (outside a totals row, which is skipped: 合计 … 3:00)
  const minutes = holding(await xlsxMinuteTimeCells(bytes, chosen.sheet), false).filter((c) => {
    const i = byRow.get(c.row);
    return i === undefined || !(rows[i] ?? []).slice(0, 6).some((t) => isTotalsWord(t.trim()) || isGroupTotal(t));
  });
  if (minutes.length) table.minuteTimes = minutes.map(({ what, ...c }) => ({ ...c, format: what }));
  // durations past what their format's largest unit shows (36:00:00 under `hh:mm:ss` is shown, and
  // saved as CSV, as 12:00:00): refused by the reader that reads their column, outside a totals row
  const wraps = await xlsxWrappedTimeCells(bytes, chosen.sheet);
  // one of 60 days or more was read as a date of 1900 (`1900-03-01 12:00:00`): it is the duration it holds
  for (const [row, columns] of wraps) {
    const i = byRow.get(row);
    if (i === undefined) continue;
    for (const [col, { days: d }] of columns)
      if (rows[i]?.[col] !== undefined && !/^\d+:\d{2}:\d{2}/.test(rows[i]![col]!)) rows[i]![col] = clockOf(d);
  }
  const wrapped = holding(wraps, false).filter((c) => {
    const i = byRow.get(c.row);
    return i === undefined || !(rows[i] ?? []).slice(0, 6).some((t) => isTotalsWord(t.trim()) || isGroupTotal(t));
  });
  if (wrapped.length)
    table.wrappedTimes = wrapped.map(({ what, ...c }) => ({
      ...c,
      format: what.code,
      wrapSeconds: Math.round((timeFormatWrap('', what.code, daysOf(c.value)) ?? 1) * 86400),
    }));
  // values drawn in the colour of their background, or too small to read, below the header: the same
  const faint = holding(await xlsxFontHiddenCells(bytes, chosen.sheet), false);
  if (faint.length) table.fontHiddenCells = faint.map(({ what, ...c }) => ({ ...c, how: what }));
  // cells merged down several rows below the header: only the first holds the value Excel shows across them
  const merged = [];
  const covered: NonNullable<Table['coveredCells']> = [];
  for (const m of await xlsxMergedRanges(bytes, chosen.sheet)) {
    // a cell a merge covers (any but its first) shows nothing in Excel, whatever it holds
    const range = `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`;
    for (let row = Math.max(m.top, 2); row <= m.bottom; row++) {
      const i = byRow.get(row);
      if (i === undefined) continue;
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        const value = rows[i]?.[col] ?? '';
        if (value.trim() !== '') covered.push({ row, col, value, range });
      }
    }
    if (m.top < 2 || m.bottom <= m.top) continue;
    const value = cellText(body[m.top - 2]?.[m.left], days).trim();
    if (value === '') continue;
    merged.push({ range, top: m.top, bottom: m.bottom, left: m.left, right: m.right, value });
  }
  if (merged.length) table.merged = merged.sort((a, b) => a.top - b.top || a.left - b.left);
  if (covered.length) table.coveredCells = covered.sort((a, b) => a.row - b.row || a.col - b.col);
  const others = sheets.filter((s) => s !== chosen);
  if (!options.sheet) table.sheetByDefault = true;
  if (others.length) {
    const hiddenSheets = await xlsxHiddenSheets(bytes);
    table.otherSheets = others.map((s) => ({
      sheet: s.sheet,
      rows: s.data.slice(0, HEADER_SEARCH_ROWS).map((row) => row.map((v) => cellText(v, days).trim())),
      ...(hiddenSheets.has(s.sheet) ? { hidden: true } : {}),
    }));
  }
  return { ok: true, table };
}
