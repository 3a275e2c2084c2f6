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

/**
 * Data and policy text with no markup of its own (an employee's id, name and team, a policy's or a
 * rule's title, a reason quoting a cell): `markdownText`, and the marks that start a code span, a
 * link or emphasis escaped too (`` ` `` `*` `_` `[` `]` `~`), so a name written
 * `[点我](https://evil.example)` is not a link, `__proto__` is not bold, and a cell quoted in a
 * reason cannot close its code span. Markdown renders every backslash-escaped mark as the mark.
 */
export function markdownWords(s: string): string {
  return markdownText(s).replace(/[`*_[\]~]/g, '\\$&');
}
