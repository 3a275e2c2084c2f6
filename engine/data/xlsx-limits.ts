// An .xlsx workbook is a zip archive: before read-excel-file unpacks it whole, check what it would
// unpack to (docs/limits.md). First the sizes its central directory declares; then each part is
// inflated as a stream (the web-standard DecompressionStream, in browsers and Node alike), counting
// the bytes it really yields and the rows of each sheet, and stopping at the first limit. Nothing is
// kept, so a bomb costs at most the limit's worth of inflating, never its memory.

import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { LIMITS } from '../language/limits.js';
import { plainDecimal } from './table.js';

const MIB = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory's entries, or undefined when the bytes are not a zip archive (read-excel-file says so then). */
function centralDirectory(b: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(end + 10);
  let offset = u32(end + 16);
  // Zip64: the end record's fields are all ones and the real values are in the Zip64 end record
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const z = u64(end - 20 + 8);
    if (z + 56 > b.length || u32(z) !== 0x06064b50) return undefined;
    count = u64(z + 32);
    offset = u64(z + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(at) !== 0x02014b50) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // Zip64 sizes and offset, in this order, for the fields that are all ones
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= b.length) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = u64(field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Diagnostics when the workbook is over a limit; none when it is within them or is not a zip archive at all. */
export async function checkXlsxLimits(bytes: Uint8Array, file?: string): Promise<Diagnostic[]> {
  const entries = centralDirectory(bytes);
  if (!entries) return [];
  // two parts of one name: this check would read one and the workbook reader the other
  const names = new Set<string>();
  for (const e of entries) {
    const name = e.name.toLowerCase();
    if (names.has(name))
      return [
        diagnostic(
          'data_xlsx_unreadable',
          {
            detail: `the archive holds two parts named \`${e.name}\`, which no spreadsheet program writes`,
            detail_zh: `压缩包中有两个名为 \`${e.name}\` 的部分，电子表格程序不会这样写`,
          },
          { file, cell: { row: 1 } },
        ),
      ];
    names.add(name);
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > LIMITS.xlsxUnpackedBytes)
    return [
      diagnostic(
        'data_xlsx_too_large',
        { size: Math.ceil(declared / MIB), limit: LIMITS.xlsxUnpackedBytes / MIB },
        { file, cell: { row: 1 } },
      ),
    ];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) continue; // read-excel-file reports a method it cannot read
    const local = e.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const counted = await inflateCounting(data, e.method, isSheet, LIMITS.xlsxUnpackedBytes - total);
    if (counted === 'too large')
      return [
        diagnostic(
          'data_xlsx_too_large.counted',
          { limit: LIMITS.xlsxUnpackedBytes / MIB },
          { file, cell: { row: 1 } },
        ),
      ];
    if (counted === 'too many rows') {
      return [diagnostic('data_xlsx_too_many_rows', { limit: LIMITS.xlsxRows }, { file, cell: { row: 1 } })];
    }
    if (counted === undefined) return []; // not inflatable: read-excel-file says what is wrong
    total += counted;
  }
  return [];
}

/** Inflates one part as a stream, counting its bytes (and rows, for a sheet); stops at a limit. */
async function inflateCounting(
  data: Uint8Array,
  method: number,
  countRows: boolean,
  budget: number,
): Promise<number | 'too large' | 'too many rows' | undefined> {
  const stream =
    method === 0
      ? new Blob([data as Uint8Array<ArrayBuffer>]).stream()
      : new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const latin1 = new TextDecoder('latin1');
  let bytes = 0;
  let rows = 0;
  let tail = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes;
      bytes += value.length;
      if (bytes > budget) {
        await reader.cancel();
        return 'too large';
      }
      if (!countRows) continue;
      // `<row ` or `<row>` (with any namespace prefix); `<rowBreaks>` is not a row
      const text = tail + latin1.decode(value);
      const pattern = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
      while (pattern.exec(text)) rows++;
      // a tag cut at the chunk's end is counted with the next chunk
      const cut = text.lastIndexOf('<');
      tail = cut >= 0 && text.length - cut < 32 && !/[\s>/]/.test(text.slice(cut + 1)) ? text.slice(cut) : '';
      if (rows > LIMITS.xlsxRows) {
        await reader.cancel();
        return 'too many rows';
      }
    }
  } catch {
    return undefined;
  }
}

/**
 * The parts of each workbook inflated so far, by name: a dozen checks read the sheet, the styles and
 * the workbook's part, and a sheet of 100,000 rows is tens of megabytes to inflate each time. Kept as
 * long as the workbook's bytes are.
 */
const inflated = new WeakMap<Uint8Array, Map<string, Promise<string | undefined>>>();

/** A part of the archive, inflated whole (the limits above were checked first), as text. */
export function partText(bytes: Uint8Array, entries: ZipEntry[], name: string): Promise<string | undefined> {
  let parts = inflated.get(bytes);
  if (!parts) inflated.set(bytes, (parts = new Map()));
  let text = parts.get(name);
  if (!text) parts.set(name, (text = inflate(bytes, entries, name)));
  return text;
}

async function inflate(bytes: Uint8Array, entries: ZipEntry[], name: string): Promise<string | undefined> {
  const e = entries.find((x) => x.name === name);
  if (!e || (e.method !== 0 && e.method !== 8)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = e.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return undefined;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
  try {
    const stream =
      e.method === 0
        ? new Blob([data as Uint8Array<ArrayBuffer>]).stream()
        : new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    return undefined;
  }
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? `&${e};`;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

export const attribute = (attrs: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
};

/**
 * A tag's attributes, up to its `>` or `/>`: a quoted value may hold a `>` (`note="a>b"`), which a
 * plain `[^>]*` would take for the tag's end, leaving the attributes after it unread.
 */
export const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*?)`;

/** A sheet's cell: its attributes and, unless it is `<c …/>`, what it holds. */
export const CELL = new RegExp(`<(?:[\\w.-]+:)?c\\s${ATTRS}(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?c>)`, 'g');

/** An XML boolean that is true: `1` or `true` (`TRUE` too, as some writers spell it). */
const yes = (value: string | undefined) => /^(?:1|true)$/i.test(value ?? '');

export const columnIndex = (letters: string) => {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
};

/** The workbook's sheets in their order, each with its relationship id and whether it is hidden. */
export async function workbookParts(bytes: Uint8Array) {
  const entries = centralDirectory(bytes);
  if (!entries) return undefined;
  const workbook = await partText(bytes, entries, 'xl/workbook.xml');
  const rels = await partText(bytes, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) return undefined;
  const sheets = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)].map((m) => ({
    name: attribute(m[1] ?? '', 'name'),
    id: attribute(m[1] ?? '', '(?:[\\w.-]+:)?id'),
    // `hidden` (Format → Hide) or `veryHidden` (only a macro shows it again): no tab for it in Excel
    hidden: /^(?:hidden|veryHidden)$/.test(attribute(m[1] ?? '', 'state') ?? ''),
  }));
  const relations = [...rels.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*?)\/?>/g)].map((m) => m[1] ?? '');
  /** The path in the archive of the part a relationship points to. */
  const part = (rel: string | undefined) => {
    const target = rel ? attribute(rel, 'Target') : undefined;
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
  };
  const stylesRel = relations.find((a) => /\/styles$/.test(attribute(a, 'Type') ?? ''));
  const themeRel = relations.find((a) => /\/theme$/.test(attribute(a, 'Type') ?? ''));
  const sharedRel = relations.find((a) => /\/sharedStrings$/.test(attribute(a, 'Type') ?? ''));
  const properties = /<(?:[\w.-]+:)?workbookPr\s([^>]*?)\/?>/.exec(workbook)?.[1] ?? '';
  const calculation = /<(?:[\w.-]+:)?calcPr\s([^>]*?)\/?>/.exec(workbook)?.[1] ?? '';
  return {
    entries,
    sheets,
    /**
     * the workbook asks to be calculated in full when opened (`<calcPr fullCalcOnLoad="1"/>`): a
     * program wrote its formulas (XlsxWriter, and pandas through it; openpyxl) and their stored
     * results are placeholders (XlsxWriter stores 0), not what Excel shows once it has calculated
     */
    calculateOnLoad: yes(attribute(calculation, 'fullCalcOnLoad')),
    // the 1904 date system (old Excel for Mac): day 0 is 1904-01-01, not 1899-12-30
    date1904: attribute(properties, 'date1904'),
    sheetPath: (id: string) => part(relations.find((a) => attribute(a, 'Id') === id)),
    stylesPath: part(stylesRel) ?? 'xl/styles.xml',
    /** the theme's part, when the workbook has one (the colours `theme="1"` and the like name) */
    themePath: part(themeRel),
    /** the shared texts' part, when the workbook has one */
    sharedStringsPath: part(sharedRel),
  };
}

/** The XML of a workbook's sheet (the first when none is named), or undefined. */
export async function sheetXml(bytes: Uint8Array, sheet?: string): Promise<string | undefined> {
  const wb = await workbookParts(bytes);
  if (!wb) return undefined;
  const chosen = sheet === undefined ? wb.sheets[0] : wb.sheets.find((s) => s.name === sheet);
  const path = chosen?.id ? wb.sheetPath(chosen.id) : undefined;
  return path === undefined ? undefined : partText(bytes, wb.entries, path);
}

/**
 * Whether a workbook's sheet writes a value as CDATA (`<v><![CDATA[1]]></v>`): valid XML that no
 * spreadsheet program writes, and that the workbook reader reads as an empty cell where Excel shows 1.
 */
export async function xlsxSheetHasCdata(bytes: Uint8Array, sheet?: string): Promise<boolean> {
  return (await sheetXml(bytes, sheet))?.includes('<![CDATA[') ?? false;
}

/** How many sheets the workbook lists; undefined when its parts cannot be found (the reader says why). */
export async function xlsxSheetCount(bytes: Uint8Array): Promise<number | undefined> {
  return (await workbookParts(bytes))?.sheets.length;
}

/**
 * The first cell of a workbook without its reference (`<c>` with no `r="B2"`): the sheet, the row as
 * the spreadsheet numbers it, and the cell's place in the row (1 = first). Excel and WPS name every
 * cell; the workbook reader cannot place one that is not named.
 */
export async function xlsxCellWithoutRef(
  bytes: Uint8Array,
): Promise<{ sheet: string; row: number; place: number } | undefined> {
  const wb = await workbookParts(bytes);
  if (!wb) return undefined;
  for (const sheet of wb.sheets) {
    const path = sheet.id ? wb.sheetPath(sheet.id) : undefined;
    const xml = path === undefined ? undefined : await partText(bytes, wb.entries, path);
    if (xml === undefined) continue;
    let row = 0;
    for (const m of xml.matchAll(
      new RegExp(`<(?:[\\w.-]+:)?row(?:\\s${ATTRS})?(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?row>)`, 'g'),
    )) {
      // `r` may be left out of a row: the row after the one before
      row = Number(attribute(m[1] ?? '', 'r') ?? row + 1);
      let place = 0;
      for (const c of (m[2] ?? '').matchAll(new RegExp(`<(?:[\\w.-]+:)?c(?:\\s${ATTRS})?\\/?>`, 'g'))) {
        place++;
        if (attribute(c[1] ?? '', 'r') === undefined) return { sheet: sheet.name ?? '', row, place };
      }
    }
  }
  return undefined;
}

/**
 * The workbook's date system: `1900`, or the 1904 system of old Excel for Mac (`<workbookPr
 * date1904="1"/>`, which read-excel-file reads its dates by), or `1904-unread` when it says so as
 * `date1904="true"`, which read-excel-file takes for the 1900 system.
 */
export async function xlsxDateSystem(bytes: Uint8Array): Promise<'1900' | '1904' | '1904-unread'> {
  const flag = (await workbookParts(bytes))?.date1904;
  return flag === '1' ? '1904' : flag === 'true' ? '1904-unread' : '1900';
}

/** The names of a workbook's hidden sheets (no tab for them in Excel or WPS). */
export async function xlsxHiddenSheets(bytes: Uint8Array): Promise<Set<string>> {
  const wb = await workbookParts(bytes);
  return new Set((wb?.sheets ?? []).filter((s) => s.hidden && s.name !== undefined).map((s) => s.name!));
}

/** Whether a number format shows its number as a percentage: a `%` that is not quoted, escaped or in brackets. */
const isPercentFormat = (code: string) => /%/.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));

/**
 * The number format of each cell style of a workbook: the style's index (a cell's `s`) → the format's
 * id and, for a format of the workbook's own (not one of Excel's built-in ones), its code. With them,
 * the format codes a conditional format may give a cell (`<dxf><numFmt>`), by their index.
 */
async function cellFormats(
  bytes: Uint8Array,
): Promise<Map<string, { id: string; code: string }> & { conditional?: string[] }> {
  const formats: Map<string, { id: string; code: string }> & { conditional?: string[] } = new Map();
  const wb = await workbookParts(bytes);
  if (!wb) return formats;
  const styles = await partText(bytes, wb.entries, wb.stylesPath);
  if (styles === undefined) return formats;
  const custom = new Map<string, string>();
  for (const m of styles.matchAll(new RegExp(`<(?:[\\w.-]+:)?numFmt\\s${ATTRS}\\/?>`, 'g')))
    custom.set(attribute(m[1] ?? '', 'numFmtId') ?? '', attribute(m[1] ?? '', 'formatCode') ?? '');
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  [...xfs.matchAll(new RegExp(`<(?:[\\w.-]+:)?xf\\b${ATTRS}\\/?>`, 'g'))].forEach((m, index) => {
    const id = attribute(m[1] ?? '', 'numFmtId') ?? '0';
    formats.set(String(index), { id, code: custom.get(id) ?? '' });
  });
  const dxfs = /<(?:[\w.-]+:)?dxfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?dxfs>/.exec(styles)?.[1] ?? '';
  formats.conditional = [...dxfs.matchAll(/<(?:[\w.-]+:)?dxf\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?dxf>)/g)].map(
    (m) => {
      const numFmt = new RegExp(`<(?:[\\w.-]+:)?numFmt\\s${ATTRS}\\/?>`).exec(m[1] ?? '')?.[1];
      return numFmt === undefined ? '' : (attribute(numFmt, 'formatCode') ?? '');
    },
  );
  return formats;
}

/**
 * The sections of a number format (`0.0;[Red]-0.0;;@`), split at the `;` outside quotes, brackets
 * and escapes: positive, negative, zero, text.
 */
function formatSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '"') i = code.indexOf('"', i + 1) < 0 ? code.length : code.indexOf('"', i + 1);
    else if (c === '[') i = code.indexOf(']', i + 1) < 0 ? code.length : code.indexOf(']', i + 1);
    else if (c === ';') {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

/** Words a format writes after a number to say its scale (`0!.0,"万"`, `0"万"`): as the value parser reads them. */
const SCALE_LETTERS = /[万千亿wWkKmM]/;

/**
 * Whether a format section shows the value at all: once its literals are set aside (quoted text,
 * escaped characters, `_x` padding, `*x` fill, colours, locales and conditions in brackets), a
 * number's section needs a digit placeholder, `General` (`G/通用格式`) or a date or time code, a
 * text's an `@`. `;;;` has none in any section; `"-"`, `" "` or `_-` show a dash or a blank instead
 * of the value. A white colour (`[White]0`, `[Color2]0`) writes it white on the sheet's white, and
 * commas after the last digit placeholder divide it by 1,000 each (`0,` shows 1 as 0, `#,` as
 * nothing) unless the format names the scale it takes off (`0!.0,"万"` shows 154123 as 15.4万).
 */
function showsValue(section: string, text: boolean): boolean {
  if (/\[(?:white|color\s*0*2)\]/i.test(section)) return false;
  const rest = section.replace(/"[^"]*"?|[\\!].|_.|\*.|\[[^\]]*\]?/g, '');
  if (text) return rest.includes('@');
  if (!/[0#?]|general|G\/通用格式|[ymdhs]/i.test(rest)) return false;
  if (/[0#?.],+(?![,0#?])/.test(rest)) {
    const literals = [...section.matchAll(/"([^"]*)"|[\\!](.)/g)].map((m) => m[1] ?? m[2] ?? '').join('');
    return SCALE_LETTERS.test(literals);
  }
  return true;
}

/** A section's condition (`[>100]`, `[<=-5]`), as a test of the value. */
function condition(section: string): ((v: number) => boolean) | undefined {
  const m = /\[(<=|>=|<>|<|>|=)\s*([+-]?\d+(?:\.\d+)?(?:E[+-]?\d+)?)\]/i.exec(section);
  if (!m) return undefined;
  const n = Number(m[2]);
  const tests: Record<string, (v: number) => boolean> = {
    '<=': (v) => v <= n,
    '>=': (v) => v >= n,
    '<>': (v) => v !== n,
    '<': (v) => v < n,
    '>': (v) => v > n,
    '=': (v) => v === n,
  };
  return tests[m[1]!];
}

/**
 * Whether a number format shows a cell's value as nothing, or as something else than the value: its
 * section for that value (positive, negative, text; or the one its conditions choose, `[>0]"";0`)
 * shows no value (`showsValue`). `;;;` hides every value, `0;;` a negative one, `"-"` shows a dash
 * for any. A zero shown as nothing or as a dash (`0;-0;;@`, accounting formats) is read as the 0 it
 * is: that is how Excel hides zeros.
 */
export function formatHides(code: string, value: number | 'text'): boolean {
  if (code === '' || value === 0 || Number.isNaN(value)) return false;
  const sections = formatSections(code);
  if (value === 'text') {
    // without a fourth section a text shows as it is, unless the one section is for text (`@`)
    const section = sections.length >= 4 ? sections[3] : undefined;
    return section !== undefined && !showsValue(section, true);
  }
  const section = numberSection(sections, value);
  // a value no section takes is shown as ####: not hidden
  if (section === undefined) return false;
  return !showsValue(section, false);
}

/** The section a number is shown by: by sign (positive; negative; zero), or as its conditions choose (`[>0]"";0`). */
function numberSection(sections: string[], value: number): string | undefined {
  const first = condition(sections[0] ?? '');
  if (!first)
    return value === 0 && sections.length >= 3
      ? sections[2]
      : value < 0 && sections.length >= 2
        ? sections[1]
        : sections[0];
  const second = sections.length >= 2 ? condition(sections[1] ?? '') : undefined;
  if (first(value)) return sections[0];
  if (second) return second(value) ? sections[1] : sections[2];
  return sections[1];
}

/** Whether a number format can hide some value (a quick test before its cells are looked at). */
function canHide(code: string): boolean {
  if (code === '') return false;
  const sections = formatSections(code);
  return sections.some((section, i) => i !== 2 && !showsValue(section, i === 3));
}

/** The cells an `A1:B3 D5` reference covers, as a test of a row and a column (from 0). */
export function inReference(sqref: string): (row: number, col: number) => boolean {
  const ranges = sqref
    .trim()
    .split(/\s+/)
    .map((part) => /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      top: Number(m[2]),
      left: columnIndex(m[1] ?? ''),
      bottom: Number(m[4] ?? m[2]),
      right: columnIndex(m[3] ?? m[1] ?? ''),
    }));
  return (row, col) => ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

/**
 * The cells of a workbook's sheet that hold a value their number format shows as nothing or as
 * something else (`;;;`, `"-"`), by the cell's own format or by one a conditional format may give it:
 * row number (1 = header) → column index → the format. Excel shows an empty cell (or a dash); every
 * reader of the file gets the value.
 */
export async function xlsxInvisibleCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Map<number, string>>> {
  const found = new Map<number, Map<number, string>>();
  const formats = await cellFormats(bytes);
  const hiding = new Map<string, string>();
  for (const [index, { code }] of formats) if (canHide(code)) hiding.set(index, code);
  const conditional = formats.conditional ?? [];
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return found;
  if (hiding.size === 0 && !xml.includes('conditionalFormatting')) return found;
  // a conditional format that may give its cells a format hiding their value (a rule that sets `;;;`):
  // by a `dxfId` into the styles, or (Excel 2010's `x14:conditionalFormatting`, in the sheet's
  // extensions) with its own `<x14:dxf>` and its cells in `<xm:sqref>`
  const rules: { covers: (row: number, col: number) => boolean; code: string }[] = [];
  for (const m of xml.matchAll(
    new RegExp(
      `<(?:[\\w.-]+:)?conditionalFormatting(?:\\s${ATTRS})?>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?conditionalFormatting>`,
      'g',
    ),
  )) {
    const body = m[2] ?? '';
    const sqref = attribute(m[1] ?? '', 'sqref') ?? /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(body)?.[1] ?? '';
    const covers = inReference(sqref);
    for (const rule of body.matchAll(
      new RegExp(`<(?:[\\w.-]+:)?cfRule\\s${ATTRS}(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?cfRule>)`, 'g'),
    )) {
      const inline = new RegExp(`<(?:[\\w.-]+:)?numFmt\\s${ATTRS}\\/?>`).exec(rule[2] ?? '')?.[1];
      const code =
        inline !== undefined
          ? attribute(inline, 'formatCode')
          : conditional[Number(attribute(rule[1] ?? '', 'dxfId') ?? -1)];
      if (code !== undefined && canHide(code)) rules.push({ covers, code });
    }
  }
  if (hiding.size === 0 && rules.length === 0) return found;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const own = hiding.get(attribute(attrs, 's') ?? '0');
    if (own === undefined && rules.length === 0) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const row = Number(ref[2]);
    const col = columnIndex(ref[1] ?? '');
    const type = attribute(attrs, 't') ?? 'n';
    const inner = m[2] ?? '';
    let value: number | 'text' | undefined;
    if (type === 's' || type === 'str' || type === 'inlineStr')
      value = /<(?:[\w.-]+:)?[vt][\s>]/.test(inner) ? 'text' : undefined;
    else if (type === 'n') value = Number(/<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</.exec(inner)?.[1] ?? 'NaN');
    if (value === undefined) continue;
    const code = [own, ...rules.filter((r) => r.covers(row, col)).map((r) => r.code)].find(
      (c) => c !== undefined && formatHides(c, value),
    );
    if (code === undefined) continue;
    if (!found.has(row)) found.set(row, new Map());
    found.get(row)!.set(col, code);
  }
  return found;
}

/**
 * A format section as literals around one number: quoted text, escaped characters, padding (`_x`) and
 * fill (`*x`) before and after `General` (`G/通用格式`) or digit placeholders (`0`, `#`, `?`, `,`, `.`).
 */
const LITERALS = `((?:"[^"]*"|[\\\\!].|_.|\\*.|[\\s$+\\-/():^&'~{}<>=¥￥\\u3000-\\u9fff])*)`;
const AROUND_NUMBER = new RegExp(`^${LITERALS}(general|G\\/通用格式|[#0?,.]+)${LITERALS}$`, 'i');
/** A text section as literals around `@`. */
const AROUND_TEXT = new RegExp(`^${LITERALS}@${LITERALS}$`);
/**
 * The first character of a scale a format writes after a number (`万`, `万次`, `千`, `十万`, `百万`,
 * `k`, `M`): the number alone is not the figure. The shown text is read as any cell is: `120万` is
 * 1,200,000, and `12十万` or `1百万`, which no export writes, are refused as no number.
 */
const SCALE_START = /^[万千亿十百萬億wWkKmM]/;
/**
 * A word of time a format writes after a number, however it goes on (`0.0"分钟"`, `0.00"小时"`,
 * `0"分"`, `0"秒"`, `0.0"h"`, `0.00"分鐘"`, `0.00"分钟/人"`, `0.0"(分钟)"`, `0"毫秒"`): the number
 * is minutes, hours or milliseconds, not seconds. (Days are not among them: `0"天"` is how a count of
 * days, 出勤天数, is shown.) The shown text is read as any cell
 * is: `2.2分钟` is 132 seconds in a seconds column, `85分` a rating's 85 points, and what the
 * duration reader does not know (`2.23分鐘`, `134000毫秒`), or a count or an amount with a word of
 * time (a money column under `0"分"` may be fen), is refused as no number rather than read as the
 * bare number.
 */
const TIME_WORD =
  /^[(（[【]?\s*(?:分|小时|小時|时|時|秒|毫秒|(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)(?![a-z]))/i;
/** The text a format's literals write: quoted text, escaped and plain characters (padding and fill write blanks). */
const literal = (text: string) =>
  text.replace(/"([^"]*)"|[\\!](.)|_.|\*.|(.)/g, (_, quoted, escaped, plain) => quoted ?? escaped ?? plain ?? '');

/** The section of a format a value is shown by, without its colours, locale and conditions; undefined for a format with conditions. */
function sectionFor(code: string, value: number | 'text'): string | undefined {
  const sections = formatSections(code);
  const section =
    value === 'text'
      ? sections.length >= 4
        ? sections[3]
        : sections.length === 1 && sections[0]!.includes('@')
          ? sections[0]
          : undefined
      : numberSection(sections, value);
  return section?.replace(/\[[^\]]*\]/g, '');
}

/**
 * The text Excel shows for a number whose format writes more than the number, where the number
 * alone would be read as something else: an id padded or prefixed (`"SV"0000` shows 1 as `SV0001`,
 * `000000` shows 1001 as `001001`, `"SV"#0000_ ` too; 2.4 shows as SV0002), or a figure given its
 * scale (`0"万"`, `#,##0"万"`, `General"万"` show 120 as `120万`; `0"万次"` as `120万次`, which is
 * then refused as no number rather than read as 120), or a percent sign written as text (`0.0"%"`
 * shows 45.3 as `45.3%`, and 0.8 as `0.8%`: such a sign does not scale). Undefined for every other format (a unit
 * word, `0"次"`, says nothing the number does not), and for a format that scales the shown number
 * itself (`0!.0,"万"` shows 154123 as 15.4万: the stored number is the figure).
 */
export function shownNumber(code: string, value: number): string | undefined {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return undefined;
  const section = sectionFor(code, value);
  const m = section === undefined ? null : AROUND_NUMBER.exec(section);
  if (!m) return undefined;
  const prefix = literal(m[1] ?? '');
  const number = m[2] ?? '';
  const suffix = literal(m[3] ?? '');
  // commas after the last placeholder divide the shown number by 1,000 each: the stored one is the figure
  if (/[,]$/.test(number)) return undefined;
  // a percent sign written as text (`0.0"%"`, `0.0\%`) does not scale: 45.3 shows as 45.3%, and 0.8
  // as 0.8% (read as the number alone, 0.8 was a ratio of 80 %, what no one saw on the screen)
  if (SCALE_START.test(suffix.trim()) || TIME_WORD.test(suffix.trim()) || /^[%％]$/.test(suffix.trim())) {
    // a negative value shown by a format's own section for negatives is shown without its minus
    // sign, the section writing whatever sign it has (`0.0"%";-0.0"%"` shows -5 as `-5.0%`, not `--5%`)
    const sections = formatSections(code);
    const own = value < 0 && sections.length >= 2 && !condition(sections[0] ?? '');
    const digits = String(own ? -value : value);
    return `${prefix.trim()}${plainDecimal(digits) ?? digits}${suffix.trim()}`;
  }
  if (value < 0) return undefined;
  const general = /general|通用/i.test(number);
  const padded = /^#*0+$/.test(number.replace(/,/g, ''));
  if (!general && !padded) return undefined;
  const zeros = general ? 0 : (number.match(/0/g) ?? []).length;
  if (zeros < 2 && !/[A-Za-z0-9]/.test(prefix + suffix)) return undefined;
  // a whole-number format shows a fraction rounded, half away from zero, as Excel does
  const shown = general ? String(value) : String(Math.round(value)).padStart(zeros, '0');
  return `${prefix}${shown}${suffix}`;
}

/**
 * The text Excel shows for a text cell whose format writes more than the text (`"SV"@` shows 0001
 * as `SV0001`, `@"千"` shows 1 as `1千`); undefined for `@` alone and for every other format.
 */
export function shownText(code: string, text: string): string | undefined {
  const section = sectionFor(code, 'text');
  const m = section === undefined ? null : AROUND_TEXT.exec(section);
  if (!m) return undefined;
  const prefix = literal(m[1] ?? '');
  const suffix = literal(m[2] ?? '');
  return prefix === '' && suffix === '' ? undefined : `${prefix}${text}${suffix}`;
}

/**
 * The cells of a workbook's sheet whose format writes more than the value (`shownNumber`,
 * `shownText`): row number (1 = header) → column index → the format's code.
 */
export async function xlsxShownCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Map<number, string>>> {
  const codes = new Map<string, string>();
  for (const [index, { code }] of await cellFormats(bytes))
    if (
      code !== '' &&
      !isPercentFormat(code) &&
      [1, 1.5, -1].some((v) => shownNumber(code, v) !== undefined || shownText(code, 'x') !== undefined)
    )
      codes.set(index, code);
  return cellsStyled(bytes, sheet, codes);
}

/**
 * Whether a date format shows the year and the month only (`yyyy-mm`, `yyyy"年"m"月"`, `mmm-yy`,
 * Excel's built-in 17): in its first section, quoted text, escapes and brackets set aside, a `y` and
 * an `m` but no day, hour or second. A date under it shows as its month.
 */
export function isMonthFormat(id: string, code: string): boolean {
  if (code === '') return id === '17';
  const first = (formatSections(code)[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  return /y/.test(first) && /m/.test(first) && !/[dhs]/.test(first);
}

/** The cells of a sheet whose format shows a date as its month (isMonthFormat): row number → column index → the format's code. */
export async function xlsxMonthCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Map<number, string>>> {
  const codes = new Map<string, string>();
  for (const [index, { id, code }] of await cellFormats(bytes)) if (isMonthFormat(id, code)) codes.set(index, code);
  return cellsStyled(bytes, sheet, codes);
}

/**
 * The cells of a sheet whose style (`s`) is one of `codes`' (style index → format code), and that
 * `keep` keeps (its attributes and its inner XML): row number → column index → the format's code.
 */
async function cellsStyled(
  bytes: Uint8Array,
  sheet: string | undefined,
  codes: ReadonlyMap<string, string>,
  keep: (attrs: string, inner: string) => boolean = () => true,
): Promise<Map<number, Map<number, string>>> {
  const found = new Map<number, Map<number, string>>();
  if (codes.size === 0) return found;
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return found;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const code = codes.get(attribute(attrs, 's') ?? '0');
    if (code === undefined || !keep(attrs, m[2] ?? '')) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const row = Number(ref[2]);
    if (!found.has(row)) found.set(row, new Map());
    found.get(row)!.set(columnIndex(ref[1] ?? ''), code);
  }
  return found;
}

/**
 * Whether a number format shows a time as hours and minutes without seconds, written with a colon
 * (`h:mm`, `[h]:mm`, `hh:mm AM/PM`): in its first section (the one a positive value shows), quoted
 * text, escapes, colours and conditions set aside, an `h`, a `:` and an `m`, but no `s` and no day,
 * month, year or era (`d`, `y`, `e`, `b`, `g`; an `m` after an `h` is minutes). A format that writes
 * 时 and 分 in words (`h"时"mm"分"`) shows `0时45分`, which a CSV saved from the sheet holds too and
 * reads as 45 minutes: no such format. Excel's built-in 18 and 20 (`h:mm AM/PM`, `h:mm`) are, when
 * the workbook does not define them otherwise.
 */
export function isMinuteTimeFormat(id: string, code: string): boolean {
  if (code === '') return id === '18' || id === '20';
  const first = formatSections(code)[0] ?? '';
  const bare = first
    .replace(/"[^"]*"|\\.|_.|\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/am\/pm|a\/p|上午\/下午/gi, '')
    .toLowerCase();
  // a number format (`0.00`, `#,##0`) is no time, whatever its literals
  if (/[0#?]/.test(bare.replace(/\.0+/g, ''))) return false;
  return /h+:m/.test(bare) && !/[sdyebg]/.test(bare);
}

/**
 * The cells of a workbook's sheet holding a time without a date (a number below 60, Excel's
 * 1900-03-01) in a format showing hours and minutes only (isMinuteTimeFormat): row number → column
 * index → the format's code (its built-in text for 18, 20 and 32). Typed `0:45`, such a cell holds 45
 * minutes, while the same `0:45` in a CSV (as Excel saves the sheet) is 45 seconds (m:ss): the reader
 * refuses the cell in a column it reads.
 */
export async function xlsxMinuteTimeCells(
  bytes: Uint8Array,
  sheet?: string,
): Promise<Map<number, Map<number, string>>> {
  const BUILT_IN: Record<string, string> = { '18': 'h:mm AM/PM', '20': 'h:mm' };
  const codes = new Map<string, string>();
  for (const [index, { id, code }] of await cellFormats(bytes))
    if (isMinuteTimeFormat(id, code)) codes.set(index, code || BUILT_IN[id] || code);
  return cellsStyled(bytes, sheet, codes, (attrs, inner) => {
    if ((attribute(attrs, 't') ?? 'n') !== 'n') return false;
    const value = Number(/<(?:[\w.-]+:)?v>([^<]*)</.exec(inner)?.[1] ?? Number.NaN);
    // 0 is 0 either way; 60 days and more is a date
    return value > 0 && value < 60;
  });
}

/** Excel's built-in time formats by id, for a workbook that does not write their code. */
const BUILT_IN_TIMES: Record<string, string> = {
  '18': 'h:mm AM/PM',
  '19': 'h:mm:ss AM/PM',
  '20': 'h:mm',
  '21': 'h:mm:ss',
  '45': 'mm:ss',
  '46': '[h]:mm:ss',
  '47': 'mm:ss.0',
};

/**
 * What a time format's largest unit wraps at, in days, when it is a clock's and not an elapsed
 * count: hours (`h:mm:ss`, `hh:mm`) show a time of day, 0 to 23, and wrap at 1 day; minutes without
 * hours (`mm:ss`) wrap at an hour, seconds alone at a minute. `[h]:mm:ss`, `[mm]:ss` and `[ss]` count
 * the whole duration: undefined, as for a format with a day, month or year (a date) or a number
 * format. The format's first section, quoted text, escapes, colours and conditions set aside.
 */
export function timeFormatWrap(id: string, code: string, value?: number): number | undefined {
  const written = code === '' ? BUILT_IN_TIMES[id] : code;
  if (written === undefined) return undefined;
  const sections = formatSections(written);
  // the section a value is shown by (`[<1]hh:mm:ss;[h]:mm:ss` shows 1.5 days by its second)
  const section = value === undefined ? sections[0] : numberSection(sections, value);
  const bare = (section ?? '')
    .replace(/"[^"]*"|\\.|_.|\*./g, '')
    .replace(/\[(?!(?:h+|m+|s+)\])[^\]]*\]/gi, '')
    .replace(/am\/pm|a\/p|上午\/下午/gi, '')
    .toLowerCase();
  if (/[0#?]/.test(bare.replace(/\.0+/g, '')) || /[dyebg]/.test(bare)) return undefined;
  if (/\[h+\]/.test(bare)) return undefined;
  if (/h/.test(bare)) return 1;
  if (/\[m+\]/.test(bare)) return undefined;
  // an `m` is minutes here only beside seconds (`mm:ss`); alone it is a month, a date's
  if (/m/.test(bare)) return /s/.test(bare) ? 1 / 24 : undefined;
  if (/\[s+\]/.test(bare)) return undefined;
  return /s/.test(bare) ? 1 / 1440 : undefined;
}

/**
 * The cells of a workbook's sheet holding a duration of a day or more in a format whose hours are a
 * time of day (or an hour or more in `mm:ss`, a minute or more in `ss`), below Excel's 1900-03-01
 * (60): row number → column index → the format's code. Excel shows `36:00:00` under `hh:mm:ss` as
 * `12:00:00`, and a CSV saved from the sheet holds `12:00:00`, while the cell holds 36 hours: the
 * reader refuses the cell in a column it reads.
 */
export async function xlsxWrappedTimeCells(
  bytes: Uint8Array,
  sheet?: string,
): Promise<Map<number, Map<number, { code: string; days: number }>>> {
  const codes = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const [index, { id, code }] of await cellFormats(bytes)) {
    // a format any of whose sections for a positive value shows a clock (`[<1]hh:mm:ss;[h]:mm:ss`)
    if (timeFormatWrap(id, code) === undefined && timeFormatWrap(id, code, 1e9) === undefined) continue;
    codes.set(index, code || BUILT_IN_TIMES[id] || code);
    ids.set(index, id);
  }
  const values = new Map<string, number>();
  const found = await cellsStyled(bytes, sheet, codes, (attrs, inner) => {
    if ((attribute(attrs, 't') ?? 'n') !== 'n') return false;
    const value = Number(/<(?:[\w.-]+:)?v>([^<]*)</.exec(inner)?.[1] ?? Number.NaN);
    // a duration of 60 days or more (1476:00:00 under `hh:mm:ss`) is read by read-excel-file as a date
    // of 1900, which the clock shows as 12:00:00 all the same; a year or more is a date and a time of
    // day (2026-10-01 09:30 under `hh:mm`), which the reader refuses as a date
    if (!(value > 0 && value < 366)) return false;
    const style = attribute(attrs, 's') ?? '0';
    const wrap = timeFormatWrap(ids.get(style) ?? '', codes.get(style) ?? '', value);
    if (wrap === undefined) return false;
    // the value as the clock shows it: Excel rounds to the second, or to the decimals the format
    // gives its seconds (`ss.0`), so 23:59:59.5 and 0.99999999 of a day are shown as 0:00:00
    const section = numberSection(formatSections(codes.get(style) ?? ''), value) ?? '';
    const places = /s+\.(0+)/i.exec(section)?.[1]?.length ?? 0;
    const wraps = Number((value * 86400).toFixed(places)) >= Math.round(wrap * 86400);
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (wraps && ref) values.set(`${Number(ref[2])}:${columnIndex(ref[1] ?? '')}`, value);
    return wraps;
  });
  const out = new Map<number, Map<number, { code: string; days: number }>>();
  for (const [row, columns] of found) {
    const cells = new Map<number, { code: string; days: number }>();
    for (const [col, code] of columns) cells.set(col, { code, days: values.get(`${row}:${col}`) ?? 0 });
    out.set(row, cells);
  }
  return out;
}

/**
 * The number cells of a workbook's sheet shown as a percentage (a number format with `%`, such as
 * Excel's built-in `0%` and `0.00%`, or `0.0%`): row number (1 = header) → column indexes. Excel stores
 * a typed `45.3%` as the number 0.453 with such a format, and shows `45.3%`.
 */
export async function xlsxPercentCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Set<number>>> {
  const found = new Map<number, Set<number>>();
  const percent = new Set<string>();
  // 9 and 10 are Excel's built-in `0%` and `0.00%`
  for (const [index, { id, code }] of await cellFormats(bytes))
    if (id === '9' || id === '10' || isPercentFormat(code)) percent.add(index);
  if (percent.size === 0) return found;
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return found;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const type = attribute(attrs, 't') ?? 'n';
    if (type !== 'n' || !percent.has(attribute(attrs, 's') ?? '0')) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const row = Number(ref[2]);
    if (!found.has(row)) found.set(row, new Set());
    found.get(row)!.add(columnIndex(ref[1] ?? ''));
  }
  return found;
}

/**
 * A row lower than 5 points shows no value (Excel's default is 13.5 to 15, a digit needs about 10),
 * nor does a column narrower than one character (at most a sliver, or `#`): a row or column made so
 * (`ht="0"`, `width="0"`) is as hidden as one hidden by Hide, with no `hidden` to say so.
 */
const MIN_ROW_HEIGHT = 5;
const MIN_COLUMN_WIDTH = 1;

/** A height or width given and below `min` (a value that is not a number says nothing). */
function tooSmall(value: string | undefined, min: number): boolean {
  if (value === undefined || value.trim() === '') return false;
  const n = Number(value);
  return Number.isFinite(n) && n < min;
}

/**
 * The sheet's default column width of 0 (`<sheetFormatPr defaultColWidth="0">`): a column without a
 * width of its own shows nothing. (A sheet's `zeroHeight` hides only the rows the file does not list,
 * the unused rows below a table, as Excel and xlsxwriter write it: a row that holds data is listed.)
 */
function zeroDefaultWidth(xml: string): boolean {
  const attrs = new RegExp(`<(?:[\\w.-]+:)?sheetFormatPr\\b${ATTRS}\\/?>`).exec(xml)?.[1] ?? '';
  return tooSmall(attribute(attrs, 'defaultColWidth'), MIN_COLUMN_WIDTH);
}

/**
 * The hidden rows of a workbook's sheet (the first when none is named), as the spreadsheet numbers
 * them: rows an autofilter leaves out, rows hidden by hand (`<row hidden="1">`) and rows too low to
 * show anything (`ht="0"`) alike. Excel shows no such row, yet every reader of the file gets its cells.
 */
export async function xlsxHiddenRows(bytes: Uint8Array, sheet?: string): Promise<Set<number>> {
  const found = new Set<number>();
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined || !/<(?:[\w.-]+:)?row\b[^<]*\s(?:hidden|ht)\s*=/.test(xml)) return found;
  let row = 0;
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?row(?:\\s${ATTRS})?\\/?>`, 'g'))) {
    const attrs = m[1] ?? '';
    // `r` may be left out: the row after the one before
    row = Number(attribute(attrs, 'r') ?? row + 1);
    if (yes(attribute(attrs, 'hidden')) || tooSmall(attribute(attrs, 'ht'), MIN_ROW_HEIGHT)) found.add(row);
  }
  return found;
}

/**
 * The hidden columns of a workbook's sheet (the first when none is named) among its first `columns`,
 * counted from 0: a `<col min max hidden="1">` range, hidden by hand or in a collapsed group, a
 * range of no width (`width="0"`), and under a sheet's default width of 0 every column not given a
 * width of its own. Excel shows no such column, yet every reader of the file gets its cells.
 */
export async function xlsxHiddenColumns(bytes: Uint8Array, sheet?: string, columns = 0): Promise<Set<number>> {
  const found = new Set<number>();
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return found;
  const zeroWidth = zeroDefaultWidth(xml);
  if (!zeroWidth && !/<(?:[\w.-]+:)?col\b[^<]*\s(?:hidden|width)\s*=/.test(xml)) return found;
  /** columns given a width of their own that shows them */
  const shown = new Set<number>();
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?col\\s${ATTRS}\\/?>`, 'g'))) {
    const attrs = m[1] ?? '';
    const width = attribute(attrs, 'width');
    const hidden =
      yes(attribute(attrs, 'hidden')) ||
      tooSmall(width, MIN_COLUMN_WIDTH) ||
      (zeroWidth && !(Number(width) >= MIN_COLUMN_WIDTH));
    const min = Number(attribute(attrs, 'min'));
    // a sheet has 16384 columns (XFD): a range past them names none more
    const max = Math.min(Number(attribute(attrs, 'max') ?? min), 16384);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    for (let c = min; c <= max; c++) (hidden ? found : shown).add(c - 1);
  }
  if (zeroWidth) for (let c = 0; c < Math.min(columns, 16384); c++) if (!shown.has(c)) found.add(c);
  return found;
}

/**
 * The merged ranges of a workbook's sheet (the first when none is named): rows as the spreadsheet
 * numbers them, columns from 0. Only the top-left cell of a range holds its value.
 */
export async function xlsxMergedRanges(
  bytes: Uint8Array,
  sheet?: string,
): Promise<{ top: number; bottom: number; left: number; right: number }[]> {
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return [];
  const out = [];
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?mergeCell\\s${ATTRS}\\/?>`, 'g'))) {
    const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(attribute(m[1] ?? '', 'ref') ?? '');
    if (!ref) continue;
    out.push({
      top: Number(ref[2]),
      bottom: Number(ref[4]),
      left: columnIndex(ref[1] ?? ''),
      right: columnIndex(ref[3] ?? ''),
    });
  }
  return out;
}

/**
 * The first cell of a workbook's sheet (the first when none is named) that holds a formula without its
 * result: row number (1 = header), column index, and the formula as written (`=SUM(B2:D2)`; `=…` for a
 * cell of a shared formula, which does not repeat it). Excel and WPS store each formula's result beside it; a workbook
 * written by a program (openpyxl, a back-office's exporter) and never opened may not, and
 * read-excel-file reads such a cell as empty, which a metric's `default` would fill. A string
 * formula (`t="str"`) with an empty result is a result: the empty text.
 */
export async function xlsxUncalculatedFormula(
  bytes: Uint8Array,
  sheet?: string,
): Promise<{ row: number; col: number; formula: string } | undefined> {
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return undefined;
  // only a formula followed by no result, or an empty one, and the cell's end can be one: a sheet
  // of calculated formulas is not walked cell by cell
  const candidate =
    /(?:<\/(?:[\w.-]+:)?f>|<(?:[\w.-]+:)?f(?:\s[^>]*)?\/>)\s*(?:<(?:[\w.-]+:)?v(?:\s[^>]*)?\/>|<(?:[\w.-]+:)?v(?:\s[^>]*)?>\s*<\/(?:[\w.-]+:)?v>)?\s*<\/(?:[\w.-]+:)?c>/;
  if (!candidate.test(xml)) return undefined;
  for (const m of xml.matchAll(CELL)) {
    const inner = m[2];
    if (inner === undefined) continue;
    const f = /<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(inner);
    if (!f) continue;
    const attrs = m[1] ?? '';
    const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/.exec(inner);
    if (v && ((v[1] ?? '') !== '' || attribute(attrs, 't') === 'str')) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const formula = unescapeXml(f[1] ?? '').trim();
    // a cell sharing another cell's formula (`<f t="shared" si="0"/>`) does not repeat its text
    return { row: Number(ref[2]), col: columnIndex(ref[1] ?? ''), formula: `=${formula || '…'}` };
  }
  return undefined;
}

/**
 * The formula cells of a workbook that asks to be calculated when opened (`<calcPr
 * fullCalcOnLoad="1"/>`, as XlsxWriter and pandas write it) whose stored result is 0 or empty, the
 * placeholder such a program stores (`<f>20+20</f><v>0</v>`, which Excel shows as 40): row number
 * (1 = header) → column index → the formula as written. Empty for any other workbook, and for a
 * formula stored with another result (the program was given it).
 */
export async function xlsxPlaceholderFormulas(
  bytes: Uint8Array,
  sheet?: string,
): Promise<Map<number, Map<number, string>>> {
  const found = new Map<number, Map<number, string>>();
  if ((await workbookParts(bytes))?.calculateOnLoad !== true) return found;
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined || !/<(?:[\w.-]+:)?f[\s>/]/.test(xml)) return found;
  for (const m of xml.matchAll(CELL)) {
    const inner = m[2];
    if (inner === undefined) continue;
    const f = /<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(inner);
    if (!f) continue;
    const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/.exec(inner);
    const stored = (v?.[1] ?? '').trim();
    if (stored !== '' && Number(stored) !== 0) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(m[1] ?? '', 'r') ?? '');
    if (!ref) continue;
    const row = Number(ref[2]);
    if (!found.has(row)) found.set(row, new Map());
    found.get(row)!.set(columnIndex(ref[1] ?? ''), `=${unescapeXml(f[1] ?? '').trim() || '…'}`);
  }
  return found;
}

/**
 * The cells of a workbook's sheet written as ISO dates (`<c t="d"><v>2026-10-01T00:00:00</v>`, as some
 * programs write a date): row number (1 = header) → column index → the date as the cell writes it,
 * `2026-10-01` or `2026-10-01 08:30:00`. The workbook reader makes a Date of it in the machine's
 * time zone, so 2026-10-01 was 2026-09-30 16:00 in Shanghai; the cell's own text has no zone.
 */
export async function xlsxIsoDateCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Map<number, string>>> {
  return cellsOfType(await sheetXml(bytes, sheet), 'd', (written) => {
    if (written === undefined) return undefined;
    const iso = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
      written.trim(),
    );
    if (!iso) return written.trim();
    const time = iso[2] === undefined ? '' : iso[2].length === 5 ? `${iso[2]}:00` : iso[2];
    const fraction = iso[3] !== undefined && !/^\.0+$/.test(iso[3]) ? iso[3] : '';
    return time === '' || (time === '00:00:00' && fraction === '') ? iso[1]! : `${iso[1]} ${time}${fraction}`;
  });
}

/**
 * The error cells (`t="e"`: `#N/A`, `#DIV/0!`, `#VALUE!`, …) of a workbook's sheet (the first when
 * none is named): row number (1 = header) → column index → the error's text. read-excel-file reads
 * them as empty cells, which a metric's `default` would fill.
 */
export async function xlsxErrorCells(bytes: Uint8Array, sheet?: string): Promise<Map<number, Map<number, string>>> {
  return cellsOfType(await sheetXml(bytes, sheet), 'e', (written) => written ?? '#ERROR');
}

/**
 * The cells of a sheet of one type (`t="e"`, `t="d"`): row number → column index → what `read` makes
 * of the cell's value as written (undefined for a cell without one); a cell `read` gives nothing is left out.
 */
function cellsOfType(
  xml: string | undefined,
  type: string,
  read: (written: string | undefined) => string | undefined,
): Map<number, Map<number, string>> {
  const found = new Map<number, Map<number, string>>();
  if (xml === undefined || !new RegExp(`\\st\\s*=\\s*["']${type}["']`).test(xml)) return found;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    if (attribute(attrs, 't') !== type) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const v = m[2] !== undefined ? /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(m[2]) : null;
    const text = read(v ? unescapeXml(v[1] ?? '') : undefined);
    if (text === undefined) continue;
    const row = Number(ref[2]);
    if (!found.has(row)) found.set(row, new Map());
    found.get(row)!.set(columnIndex(ref[1] ?? ''), text);
  }
  return found;
}
