// Text from the data (employee ids, names, teams) inside Markdown that a review or a wiki renders:
// it reads as the text it is, never as markup. A name like `<img src=x onerror=…>` or `a|b` would
// otherwise be HTML in a pull-request comment or split a table row in two.

import { cellText } from './text-table.js';

/**
 * One line of plain text for Markdown: control characters shown (cellText), and `\`, `|`, `<`
 * and `&` backslash-escaped (CommonMark renders `\<` as `<`), so no tag, entity or cell border
 * can start inside it.
 */
export function markdownText(s: string): string {
  return cellText(s).replace(/[\\|<&]/g, '\\$&');
}
