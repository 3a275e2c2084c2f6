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

/** Columns a cell takes on a terminal: counted for plain text, `string-width` for the rest. */
export function textWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const w = countedWidth(s.charCodeAt(i));
    if (w === 0) return stringWidth(s);
    width += w;
  }
  return width;
}

/** Characters a cell cannot show as they are: line breaks and tabs (a space), other controls (escaped). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A cell as one line of terminal-safe text: an Excel cell's line break becomes a space, as in Markdown. */
export function cellText(s: string): string {
  return UNPRINTABLE.test(s) ? visibleText(s.replace(/\r\n|[\r\n\t]/g, ' ')) : s;
}

export function alignTable(header: string[], table: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const rows = table.map((r) => r.map(cellText));
  // each cell measured once; a month's table has tens of thousands of rows (no spread into Math.max)
  const measured = rows.map((r) => header.map((_, i) => textWidth(r[i] ?? '')));
  const widths = header.map((h) => textWidth(h));
  for (const row of measured) for (let i = 0; i < widths.length; i++) if (row[i]! > widths[i]!) widths[i] = row[i]!;
  const line = (cells: string[], cellWidths: number[]) => {
    let out = '';
    for (let i = 0; i < widths.length; i++) {
      const c = cells[i] ?? '';
      const pad = ' '.repeat(widths[i]! - cellWidths[i]!);
      out += (i ? '  ' : '') + (rightAligned.has(i) ? pad + c : c + pad);
    }
    return out.trimEnd();
  };
  const lines = [
    line(
      header,
      header.map((h) => textWidth(h)),
    ),
    line(
      widths.map((w) => '─'.repeat(w)),
      widths,
    ),
  ];
  for (let r = 0; r < rows.length; r++) lines.push(line(rows[r]!, measured[r]!));
  return lines.join('\n');
}
