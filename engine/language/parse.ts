// Step 1: YAML text → a document that remembers where every node came from.

import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Span } from '../model/diagnostic.js';
import { checkYamlDocument, checkYamlMeaning, checkYamlText, mergeConflict, yamlSyntax } from './limits.js';

export interface SourceFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type Path = readonly (string | number)[];

export function parsePolicyText(text: string, file: string): { source: SourceFile; diagnostics: Diagnostic[] } {
  // a line too long for a policy is refused before the YAML reader spends time on it
  const tooLong = checkYamlText(text, file);
  const lines = new LineCounter();
  const doc = parseDocument(tooLong.length ? '' : text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: SourceFile = { file, text, doc, lines };
  if (tooLong.length) return { source, diagnostics: tooLong };
  // a merge left unresolved: one message at its first marker, not the dozens of YAML errors its lines make
  const conflict = mergeConflict(text, file);
  if (conflict) return { source, diagnostics: [conflict] };
  const diagnostics: Diagnostic[] = [];
  // a tab as indentation leaves the reader unsure where every mapping around it ends: what it
  // reports besides (a "duplicate" key that names none, nested mappings) follows from the tab alone
  const tabs = doc.errors.some((e) => e.code === 'TAB_AS_INDENT');
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      // an unresolved tag is one of the tags `checkYamlMeaning` refuses, at the same spot
      if (e.code === 'TAG_RESOLVE_FAILED') continue;
      if (tabs && e.code !== 'TAB_AS_INDENT') continue;
      // yaml often reports one mistake twice at the same spot; one message is clearer
      if (
        diagnostics.some(
          (d) =>
            d.span &&
            source.lines.linePos(e.pos[0]).line === d.span.line &&
            source.lines.linePos(e.pos[0]).col === d.span.column,
        )
      )
        continue;
      diagnostics.push(
        unquotedConditional(source, e.code, e.pos[0]) ??
          yamlSyntax(e, severity, file, spanAt(source, e.pos[0], e.pos[1]), { policy: true, text: source.text }),
      );
    }
  }
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...expressionsCutAtComma(source));
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...checkYamlDocument(doc, lines, file));
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...checkYamlMeaning(doc, text, lines, file));
  if (diagnostics.length === 0 && (doc.contents === null || !isMap(doc.contents))) {
    diagnostics.push(diagnostic('yaml_not_a_mapping', {}, { file, span: { line: 1, column: 1 } }));
  }
  return { source, diagnostics };
}

/**
 * An unquoted `a > b ? x : y` as a value: YAML reads `: ` as the end of a key, and reports nested
 * mappings. When the text where it stopped reads as a conditional expression, say so and show it
 * quoted.
 */
function unquotedConditional(source: SourceFile, code: string, at: number): Diagnostic | undefined {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY' && code !== 'BLOCK_IN_FLOW') return undefined;
  const { text } = source;
  const flow = code === 'BLOCK_IN_FLOW';
  let end = at;
  let depth = 0;
  for (; end < text.length; end++) {
    const c = text[end]!;
    if (c === '\n' || c === '\r') break;
    if (c === '#' && /\s/.test(text[end - 1] ?? '')) break;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (flow && depth <= 0 && (c === ',' || c === '}' || c === ']')) break;
  }
  const expr = text.slice(at, end).trim();
  if (!/^[^'"{[?:][^?]*\?[^:]*:\s/.test(expr) || /^[\w-]+:\s/.test(expr)) return undefined;
  return diagnostic(
    'yaml_unquoted_expression',
    { text: expr },
    { file: source.file, span: spanAt(source, at, at + expr.length) },
  );
}

/**
 * In a flow mapping (`{ expr: round(a / b, 3), … }`) a comma ends a value, so an unquoted formula
 * with a comma inside its parentheses is cut there (`round(a / b`) and the rest becomes a key.
 * A plain value with an unclosed `(` is such a cut: name it and show the whole formula quoted.
 */
function expressionsCutAtComma(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(source.doc, {
    Pair(_key, pair) {
      const v = pair.value;
      if (!isScalar(v) || v.type !== 'PLAIN' || typeof v.value !== 'string' || !v.range) return;
      const open = (v.value.match(/\(/g) ?? []).length - (v.value.match(/\)/g) ?? []).length;
      if (open <= 0) return;
      // the whole formula: from the value on, until its parentheses close
      const { text } = source;
      let depth = 0;
      let end = v.range[0];
      for (; end < text.length; end++) {
        const c = text[end]!;
        if (c === '\n' || c === '}') break;
        if (c === '(') depth++;
        else if (c === ')' && --depth === 0) {
          end++;
          break;
        }
      }
      if (depth !== 0) return;
      out.push(
        diagnostic(
          'yaml_unquoted_expression.comma',
          { cut: v.value, text: text.slice(v.range[0], end) },
          { file: source.file, span: spanAt(source, v.range[0], end) },
        ),
      );
    },
  });
  return out;
}

export function spanAt(source: SourceFile, start: number, end?: number): Span {
  const a = source.lines.linePos(start);
  const span: Span = { line: a.line, column: a.col };
  if (end !== undefined && end > start) {
    const b = source.lines.linePos(end);
    span.endLine = b.line;
    span.endColumn = b.col;
  }
  return span;
}

/**
 * The node at `path`, or the nearest existing ancestor. With `key: true` and a mapping parent,
 * points at the key (`weight:`) rather than its value, which reads better for "missing"/"unknown".
 */
export function nodeAt(source: SourceFile, path: Path, options: { key?: boolean } = {}): Node | null {
  let node: unknown = source.doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return node as Node;
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return node as Node;
      node = item;
    } else {
      break;
    }
  }
  if (options.key && keyNode) return keyNode;
  return (node as Node) ?? null;
}

export function spanOf(source: SourceFile, path: Path, options: { key?: boolean } = {}): Span {
  const node = nodeAt(source, path, options);
  if (!node?.range) return { line: 1, column: 1 };
  return spanAt(source, node.range[0], node.range[1]);
}

/** Where each calibration minimum is written (`calibration.quotas.<grade>.min`), by grade. */
export function quotaMinSpans(
  source: SourceFile,
  quotas: Record<string, { min?: number }> | undefined,
): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const [grade, quota] of Object.entries(quotas ?? {}))
    if (quota?.min !== undefined) out.set(grade, spanOf(source, ['calibration', 'quotas', grade, 'min']));
  return out;
}

/** The key node of the pair `key` inside the mapping at `path`, when both exist. */
export function keySpan(source: SourceFile, path: Path, key: string): Span | undefined {
  const map = nodeAt(source, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (!pair || !(pair.key as Node).range) return undefined;
  const r = (pair.key as Node).range!;
  return spanAt(source, r[0], r[1]);
}
