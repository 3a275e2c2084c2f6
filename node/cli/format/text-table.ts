// Column alignment that counts a Chinese character as two columns, as terminals draw it.

import stringWidth from 'string-width';
import { visibleText } from '../../../engine/index.js';

/**
 * Code point ranges every character of which `string-width` counts as exactly `width` columns on
 * its own and in any sequence (no combining marks, emoji or ambiguous characters): text made only
 * of these is measured by counting, which is what a month of names and teams mostly is. Anything
 * else is measured by `string-width`. test/cli/text-table.test.ts checks every code point here
 * against `string-width`.
 */
export const COUNTED_RANGES: readonly (readonly [from: number, to: number, width: 1 | 2])[] = [
  [0x20, 0x7e, 1], // ASCII letters, digits, punctuation and space
  [0xa5, 0xa5, 1], // ¥, in every money cell
  [0xb7, 0xb7, 1], // ·, between a title and its version
  [0x2500, 0x257f, 1], // box drawing: ─ under a heading
  [0x3001, 0x3029, 2], // CJK punctuation: 、。〈〉《》「」『』【】〒〔〕〖〗〘〙〚〛〜〝〞〟〠 and 〡–〩
  [0x3041, 0x3096, 2], // hiragana
  [0x30a1, 0x30fa, 2], // katakana
  [0x3400, 0x4dbf, 2], // CJK extension A
  [0x4e00, 0x9fff, 2], // CJK unified ideographs
  [0xac00, 0xd7a3, 2], // Hangul syllables
  [0xff01, 0xff60, 2], // full-width forms: ，：；（）！？ and full-width letters and digits
  [0xffe0, 0xffe6, 2], // full-width ￥ ￠ ￡
];

function countedWidth(code: number): number {
  for (const [from, to, width] of COUNTED_RANGES) if (code >= from && code <= to) return width;
  return 0;
}

/**
 * Columns of text made only of counted characters, or -1 when one is not counted (then
 * `string-width` measures it). ASCII and the unified ideographs, most of a month's text, are
 * tested first.
 */
function countedTextWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) width += 1;
    else if (code >= 0x4e00 && code <= 0x9fff) width += 2;
    else {
      const w = countedWidth(code);
      if (w === 0) return -1;
      width += w;
    }
  }
  return width;
}

/** Columns a cell takes on a terminal: counted for plain text, `string-width` for the rest. */
export function textWidth(s: string): number {
  const width = countedTextWidth(s);
  return width < 0 ? stringWidth(s) : width;
}

/** Characters a cell cannot show as they are: line breaks and tabs (a space), other controls (escaped). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A cell as one line of terminal-safe text: an Excel cell's line break becomes a space, as in Markdown. */
export function cellText(s: string): string {
  return UNPRINTABLE.test(s) ? visibleText(s.replace(/\r\n|[\r\n\t]/g, ' ')) : s;
}

export function alignTable(header: string[], table: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const cells = new TableCells(header);
  for (const row of table) for (let i = 0; i < header.length; i++) cells.add(row[i] ?? '');
  return cells.aligned(rightAligned);
}

/** Runs of spaces by length, made once: a month's table pads over a million cells. */
const SPACES: string[] = [''];
function spaces(n: number): string {
  if (n >= 256) return ' '.repeat(n);
  while (SPACES.length <= n) SPACES.push(`${SPACES[SPACES.length - 1]} `);
  return SPACES[n]!;
}

/** Whether trimEnd would take something off a text's end (`\s` is what trimEnd removes). */
const ENDS_IN_SPACE = /\s$/;

/**
 * A table's cells row after row, each made terminal-safe (cellText) and measured once as it is
 * added, with no array a row: what `alignTable` lays out, for a month's tens of thousands of rows.
 */
export class TableCells {
  private readonly cells: string[] = [];
  private widths: Uint32Array;
  private readonly columns: number;

  /** `rows`: how many rows are coming, when known (their room made once). */
  constructor(
    private readonly header: readonly string[],
    rows = 0,
  ) {
    this.columns = header.length;
    this.widths = new Uint32Array(Math.max(64, rows * header.length));
  }

  /** The next cell (after the last of a row, the first of the next). */
  add(cell: string): void {
    let width = countedTextWidth(cell);
    // counted characters are all printable: only other text can need cellText
    if (width < 0) {
      cell = cellText(cell);
      width = textWidth(cell);
    }
    const n = this.cells.length;
    if (n === this.widths.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(this.widths);
      this.widths = grown;
    }
    this.widths[n] = width;
    this.cells.push(cell);
  }

  /**
   * The header, a rule under it and the rows, each column padded to its widest cell (the
   * `rightAligned` ones on the left), two spaces between columns, no spaces at a line's end.
   */
  aligned(rightAligned: ReadonlySet<number> = new Set()): string {
    const lines: string[] = [];
    this.lay(rightAligned, (line) => lines.push(line));
    return lines.join('\n');
  }

  /**
   * `aligned`'s text as UTF-8 between `before` and `after`, each line encoded as it is laid out:
   * a month's table never stands as one string, nor its lines all at once (what the garbage
   * collector of a run holding every card paid for: they outlived the young generation), and the
   * bytes are written once, into a buffer sized for them from the columns' widths.
   */
  alignedBytes(rightAligned: ReadonlySet<number> = new Set(), before = '', after = ''): Buffer {
    const rows = this.cells.length / this.columns + 2;
    let bytes: Buffer | undefined;
    let used = 0;
    let pending = before;
    let lines = 0;
    const write = () => {
      // three bytes at most a UTF-16 unit (a pair's four bytes are two units)
      const need = used + pending.length * 3;
      if (need > bytes!.length) {
        const grown = Buffer.allocUnsafe(Math.max(need, bytes!.length * 2));
        bytes!.copy(grown, 0, 0, used);
        bytes = grown;
      }
      used += bytes!.write(pending, used);
      pending = '';
    };
    this.lay(rightAligned, (line, width) => {
      // a column of text is one byte (ASCII) or one and a half (two of a Chinese character's three)
      bytes ??= Buffer.allocUnsafe((before.length + after.length) * 3 + Math.ceil(rows * (width + 1) * 1.5));
      pending += lines++ ? `\n${line}` : line;
      // a few hundred lines a write: fewer calls, and the pieces still die young
      if (pending.length >= 32_768) write();
    });
    pending += after;
    write();
    return bytes!.subarray(0, used);
  }

  /** Each line of the table in turn, the header first. */
  private lay(rightAligned: ReadonlySet<number>, each: (line: string, width: number) => void): void {
    const { cells, columns, header } = this;
    const cellWidths = this.widths;
    const headWidths = header.map((h) => textWidth(h));
    const widths = [...headWidths];
    for (let n = 0; n < cells.length; n++) {
      const i = n % columns;
      if (cellWidths[n]! > widths[i]!) widths[i] = cellWidths[n]!;
    }
    const right = widths.map((_, i) => rightAligned.has(i));
    // the columns of a full line: what the lines are sized by
    let width = 2 * (columns - 1);
    for (const w of widths) width += w;
    const line = (row: readonly string[], at: number, measured: ArrayLike<number>): string => {
      // the last cell with text: what follows it is spaces, which the line does not end with
      let last = columns - 1;
      while (last >= 0 && row[at + last] === '') last--;
      if (last < 0) return '';
      // a cell that ends in white space: the whole line laid out and trimmed, as it always was
      const whole = ENDS_IN_SPACE.test(row[at + last]!);
      const upTo = whole ? columns - 1 : last;
      let out = '';
      for (let i = 0; i <= upTo; i++) {
        const c = row[at + i]!;
        if (i) out += '  ';
        if (right[i]) out += spaces(widths[i]! - measured[at + i]!) + c;
        else if (i === upTo && !whole) out += c;
        else out += c + spaces(widths[i]! - measured[at + i]!);
      }
      return whole ? out.trimEnd() : out;
    };
    each(line(header, 0, headWidths), width);
    each(
      line(
        widths.map((w) => '─'.repeat(w)),
        0,
        widths,
      ),
      width,
    );
    for (let at = 0; at < cells.length; at += columns) each(line(cells, at, cellWidths), width);
  }
}
