// A streamed chunk's text → rows of cells, faster than papaparse for what exports write: lines
// split at the line break, cells at the delimiter, and a cell in quotes read in place. Anything
// else (a quote inside a plain cell, text after a closing quote, a line break inside quotes, a
// quote left open) gives undefined, and the caller parses the chunk with papaparse, which then
// also names the problem. Where this reads a chunk, papaparse reads it to the same cells with no
// error: the same rules (a quote opens a quoted cell only at the start of a cell, `""` inside one
// is a quote, lines end at the run's line break only).

const QUOTE = 34;

/**
 * The first `count` rows of `text` (a chunk holding that many records, perhaps followed by the
 * empty row after its last line break), or undefined when papaparse is needed.
 */
export function csvRows(text: string, delimiter: string, newline: string, count: number): string[][] | undefined {
  const rows: string[][] = [];
  const d = delimiter.charCodeAt(0);
  if (delimiter.length !== 1) return undefined;
  const n = text.length;
  // papaparse reads no text as no row
  if (n === 0) return rows;
  const step = newline.length;
  let nextQuote = text.indexOf('"');
  if (nextQuote < 0) nextQuote = n;
  let at = 0;
  while (rows.length < count) {
    let end = text.indexOf(newline, at);
    if (end < 0) end = n;
    if (nextQuote >= end) {
      // no quote on the line: the engine's own split
      rows.push(text.slice(at, end).split(delimiter));
    } else {
      const cells = quotedLine(text, at, end, d);
      if (cells === undefined) return undefined;
      rows.push(cells);
      nextQuote = text.indexOf('"', end);
      if (nextQuote < 0) nextQuote = n;
    }
    if (end === n) break;
    at = end + step;
  }
  return rows;
}

/** The cells of `text[start, end)`, a line with a quote in it; undefined when it is not plain quoting on one line. */
function quotedLine(text: string, start: number, end: number, d: number): string[] | undefined {
  const cells: string[] = [];
  let at = start;
  for (;;) {
    if (text.charCodeAt(at) === QUOTE) {
      // a quoted cell: up to the quote not doubled, which must end the cell
      let cell = '';
      let from = at + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || q >= end) return undefined;
        if (text.charCodeAt(q + 1) === QUOTE && q + 1 < end) {
          cell += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        cell += text.slice(from, q);
        at = q + 1;
        break;
      }
      cells.push(cell);
      if (at === end) return cells;
      if (text.charCodeAt(at) !== d) return undefined;
      at++;
      continue;
    }
    let next = at;
    while (next < end) {
      const c = text.charCodeAt(next);
      if (c === d) break;
      if (c === QUOTE) return undefined;
      next++;
    }
    cells.push(text.slice(at, next));
    if (next === end) return cells;
    at = next + 1;
  }
}
