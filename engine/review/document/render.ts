// The 考核方案 laid out as Markdown and as HTML printed to A4 (a page per role). Every text from
// the policy is escaped: names and titles are shown as written, never read as markup.

import { escapeHtml } from '../../explanation/statement.js';
import type { Block, Cell, PolicyDocument, Text } from './model.js';

/**
 * Words as written, for Markdown: the policy's and the data's text is never markup, so every mark
 * that could start some is backslash-escaped (`<` and `>` as entities, which Markdown and HTML show
 * as the marks) — a `` ` `` included: a title 「`新`人奖」 printed `新` as code — and a line break of a
 * YAML block scalar is a space (a line of its own would end the paragraph or the table row).
 */
function mdWords(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/**
 * The product's own code span (a formula, a cap): fenced by more backticks than it holds; in a
 * table cell its `|` escaped (GFM splits a row at a pipe even inside a code span).
 */
function mdCode(code: string, cell: boolean): string {
  const text = code.replace(/\r\n?|\n/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  const span = `${fence}${pad}${text}${pad}${fence}`;
  return cell ? span.replace(/\|/g, '\\|') : span;
}

function md(text: Text, cell = false): string {
  return typeof text === 'string'
    ? mdWords(text)
    : text.map((part) => (typeof part === 'string' ? mdWords(part) : mdCode(part.code, cell))).join('');
}

/**
 * A paragraph or a list item that starts as a block would (`- `, `+ `, `1. `, `1) `, `=`, or four
 * spaces: a list, a rule, a heading's underline, code) starts with its mark escaped, the spaces
 * around it dropped (Markdown drops them too), so a description `1. 目的` is a paragraph, not a list.
 */
function mdBlockText(text: Text): string {
  return md(text)
    .trim()
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
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
      return [mdBlockText(b.text)];
    case 'list':
      return b.items.map((i) => `- ${mdBlockText(i)}`);
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

/** Escaped text; the product's own code spans as <code>. */
function html(text: Text): string {
  return typeof text === 'string'
    ? escapeHtml(text)
    : text
        .map((part) => (typeof part === 'string' ? escapeHtml(part) : `<code>${escapeHtml(part.code)}</code>`))
        .join('');
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
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; overflow-wrap: anywhere; font: 10.5pt/1.55 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; color: #1a1a1a; }
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
