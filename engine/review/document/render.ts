// The 考核方案 laid out as Markdown and as HTML printed to A4 (a page per role). Every text from
// the policy is escaped: names and titles are shown as written, never read as markup.

import { escapeHtml } from '../../explanation/statement.js';
import type { Block, Cell, PolicyDocument } from './model.js';

/**
 * Markdown text with the policy's own characters shown literally; `code spans` kept as they are,
 * but for a `|` in a table cell: GFM splits a row at a pipe even inside a code span, so a label
 * such as `` `评分|考核` `` would shift every cell after it. There it is written `\|`.
 */
function md(text: string, cell = false): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) =>
      i % 2
        ? cell
          ? part.replace(/\|/g, '\\|')
          : part
        : part.replace(/[\\`*_[\]<>|#~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)),
    )
    .join('')
    .replace(/\n/g, ' ');
}

export function renderMarkdown(doc: PolicyDocument): string {
  const out: string[] = [`# ${md(doc.title)}`, '', md(doc.subtitle), ''];
  for (const s of doc.sections) {
    out.push(`## ${md(s.title)}`, '');
    for (const b of s.blocks) out.push(...mdBlock(b), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function mdBlock(b: Block): string[] {
  switch (b.kind) {
    case 'p':
      return [md(b.text)];
    case 'list':
      return b.items.map((i) => `- ${md(i)}`);
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => md(c, true) || ' ').join(' | ')} |`;
      return [
        ...(b.caption ? [`**${md(b.caption)}**`, ''] : []),
        row(b.head),
        `|${b.head.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => row(r.map((c) => c.text.replace(/^　+/, (s) => '·'.repeat(s.length) + ' ')))),
      ];
    }
  }
}

/** Escaped text, with `code spans` as <code>. */
function html(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

function htmlCell(c: Cell, tag: 'td' | 'th' = 'td'): string {
  const attrs = c.path
    ? ` data-path="${escapeHtml(JSON.stringify(c.path))}"${c.value !== undefined ? ` data-value="${c.value}"` : ''}`
    : '';
  return `<${tag}${attrs}>${html(c.text)}</${tag}>`;
}

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${html(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
    case 'table':
      return [
        '<table>',
        b.caption ? `<caption>${html(b.caption)}</caption>` : '',
        `<thead><tr>${b.head.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => htmlCell(c)).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
      ].join('');
  }
}

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; font: 10.5pt/1.55 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; color: #1a1a1a; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.subtitle { color: #555; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 1px solid #999; }
section.page { break-before: page; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; table-layout: fixed; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; margin-bottom: 1.5mm; }
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f1f3f5; font-weight: 600; }
th:first-child { width: 22%; }
td[data-value] { font-variant-numeric: tabular-nums; }
ul { margin: 2mm 0 4mm; padding-left: 6mm; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 9pt; background: #f4f4f4; padding: 0 1mm; overflow-wrap: anywhere; }
@media screen { body { padding: 12mm; } }
`;

export function renderHtml(doc: PolicyDocument): string {
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}"${s.page ? ' class="page"' : ''}><h2>${html(s.title)}</h2>${s.blocks.map(htmlBlock).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${html(doc.title)}</h1>
<p class="subtitle">${html(doc.subtitle)}</p>
${sections}
</body>
</html>
`;
}
