// The documented limits on input (docs/limits.md) and the checks that apply them to YAML text and
// documents. Pure: the CLI checks file sizes and kinds before it hands text here.

import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { diagnostic, type Diagnostic, type MessageId, type Severity, type Span } from '../model/diagnostic.js';
import { messageEntry } from '../model/messages/index.js';
import { yamlDetail } from './yaml-errors.js';

export const LIMITS = {
  /** Bytes of a policy, a policy test file or a data mapping. */
  yamlBytes: 1024 * 1024,
  /** Characters on one line of a YAML file. */
  yamlLineLength: 4000,
  /** Aliases (`*name`) in one YAML file. */
  yamlAliases: 100,
  /** Values the aliases of one YAML file may expand to (yaml's own measure, `maxAliasCount`). */
  yamlAliasExpansion: 1000,
  /** Levels of mappings and lists inside each other in a YAML file. */
  yamlDepth: 64,
  /** Characters in one expression (a derived metric, a payout formula). */
  expressionLength: 1000,
  /** Numbers, names, operators and calls in one expression. */
  expressionNodes: 250,
  /** Arguments of one function call in an expression (`min`, `max`). */
  functionArguments: 50,
  /** Bytes of a data file read whole (everything but a streaming CSV → CSV run). */
  dataBytes: 256 * 1024 * 1024,
  /** Bytes an .xlsx workbook's parts unpack to, in total. */
  xlsxUnpackedBytes: 256 * 1024 * 1024,
  /** Rows of one sheet of an .xlsx workbook. */
  xlsxRows: 200_000,
} as const;

/** Before parsing: a line too long to be a policy's (one huge formula, a generated file). */
export function checkYamlText(text: string, file: string): Diagnostic[] {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const length = end - start - (text[end - 1] === '\r' ? 1 : 0);
    if (length > LIMITS.yamlLineLength) {
      return [
        diagnostic(
          'yaml_line_too_long',
          { line, length, limit: LIMITS.yamlLineLength },
          { file, span: { line, column: LIMITS.yamlLineLength + 1 } },
        ),
      ];
    }
    start = end + 1;
  }
  return [];
}

/** yaml's own report of nesting too deep for it (a stack overflow it caught), in our words. */
export function isYamlTooDeep(error: { code: string; message: string }): boolean {
  return error.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message);
}

/** Values nested deeper than the limit. */
export function yamlTooDeep(file: string | undefined, span: Span): Diagnostic {
  return diagnostic('yaml_too_deep', { depth: LIMITS.yamlDepth }, { file, span });
}

/** YAML codes whose help for a policy names the likely fix; other files get the general help. */
const POLICY_HELP = new Set([
  'DUPLICATE_KEY',
  'BAD_INDENT',
  'MISSING_CHAR',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'TAB_AS_INDENT',
]);

/**
 * One of the yaml reader's errors or warnings as a diagnostic: its code as `yaml_<code>`, its
 * first line as the message. In a policy (`policy: true`) some codes get a more specific help.
 */
export function yamlSyntax(
  e: YAMLError,
  severity: Severity,
  file: string | undefined,
  span: Span,
  options: { policy: boolean; text?: string },
): Diagnostic {
  if (isYamlTooDeep(e)) return yamlTooDeep(file, span);
  // yaml's English words, and the same said in Chinese (never the English inside a Chinese sentence)
  const detail = yamlDetail(e.code, e.message);
  // which key: yaml's "map keys must be unique" names none, and a policy repeats words such as `target`
  const key = e.code === 'DUPLICATE_KEY' && options.text ? repeatedKey(options.text, e.pos) : undefined;
  if (key) {
    detail.detail += `: \`${key}\``;
    detail.detail_zh += `：\`${key}\``;
  }
  const code = `yaml_${e.code.toLowerCase()}`;
  const id = (options.policy || !POLICY_HELP.has(e.code) ? code : `${code}.file`) as MessageId;
  // a code a newer yaml release adds has no entry yet (test/docs/diagnostics.test.ts fails until it
  // has one): yaml's words and the general help, from an entry that says just that, under its own code
  if (!messageEntry(id)) return { ...diagnostic('yaml_impossible', detail, { severity, file, span }), code };
  return diagnostic(id, detail as never, { severity, file, span });
}

/** The key a DUPLICATE_KEY error points at, as written (its first line, at most 60 characters), or undefined. */
function repeatedKey(text: string, pos: [number, number]): string | undefined {
  // yaml points at the key's first character: the key is what comes before its `:` on that line
  // (a quoted key up to its closing quote), or the rest of a flow mapping's entry
  const line = text.slice(pos[0], text.indexOf('\n', pos[0]) < 0 ? undefined : text.indexOf('\n', pos[0]));
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#,{}[\]]+?)\s*:(?:\s|$)/.exec(line);
  const written = m?.[1]?.trim();
  if (!written || written.includes('`')) return undefined;
  return written.length > 60 ? `${written.slice(0, 60)}…` : written;
}

/**
 * After parsing: too many aliases, or values nested too deep. Walks the document with its own
 * stack, so a deep document cannot overflow the call stack here.
 */
export function checkYamlDocument(doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const at = (node: Node | null | undefined) => {
    const p = lines.linePos(node?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  let aliases = 0;
  // anchors written so far: an alias to none of them (`*defualts`) is named, not left to yaml's
  // "unresolved alias" throw when the document is read (or written back by `fmt`)
  const anchors = new Set<string>();
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node)) {
      if (++aliases > LIMITS.yamlAliases) {
        return [diagnostic('yaml_too_many_aliases', { limit: LIMITS.yamlAliases }, { file, span: at(node) })];
      }
      if (!anchors.has(node.source))
        return [diagnostic('yaml_unknown_alias', { name: node.source }, { file, span: at(node) })];
    } else if (isCollection(node)) {
      if (depth >= LIMITS.yamlDepth) return [yamlTooDeep(file, at(node))];
      // reversed, so items are visited in document order and the first alias over the limit is named
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 });
    } else if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
    }
  }
  return [];
}

/**
 * Integers YAML readers disagree on: `0x10` and `0o17` (hexadecimal and octal in YAML 1.2, text in
 * YAML 1.1) and a leading zero (`017`: 17 here, octal 15 in YAML 1.1 readers such as PyYAML).
 */
const AMBIGUOUS_INTEGER = /^[-+]?(?:0[xXoO][0-9a-fA-F]+|0\d+)$/;

/**
 * YAML that could mean two things, in a policy, a policy test file or a data mapping, each refused
 * where it is written:
 * - a tag (`!!str 10`, `!!float 4000`, `!foo x`) makes a value mean something other than it reads
 *   (`!!float 4000` is not even read by the YAML 1.2 core schema): `yaml_tag`, at the tag;
 * - a merge key (`<<: *defaults`) copies keys in YAML 1.1 and is a key named `<<` in YAML 1.2:
 *   `yaml_merge_key`, at the key;
 * - `0x10`, `0o17`, `017`: `policy_number_ambiguous`, at the number.
 */
export function checkYamlMeaning(doc: Document, text: string, lines: LineCounter, file: string): Diagnostic[] {
  const span = (start: number, end: number): Span => {
    const a = lines.linePos(start);
    const b = lines.linePos(end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const k = pair.key;
      if (isScalar(k) && k.value === '<<' && k.type === 'PLAIN' && k.range)
        out.push(diagnostic('yaml_merge_key', {}, { file, span: span(k.range[0], k.range[1]) }));
      // `? [a, b]`: a key that is a list or a mapping becomes the text `[ a, b ]` in a JavaScript
      // object, which no reader of the file meant (and the YAML library warns of it on stderr)
      if ((isMap(k) || isSeq(k)) && k.range) {
        const written = text.slice(k.range[0], k.range[1]).trim();
        const shown = written.length > 40 ? `${written.slice(0, 40)}…` : written;
        out.push(
          diagnostic(
            'yaml_non_string_key',
            {
              detail: `the key \`${shown}\` is a ${isSeq(k) ? 'list' : 'mapping'}: a key is a name`,
              detail_zh: `键 \`${shown}\` 是${isSeq(k) ? '列表' : '映射'}：键必须是文字`,
            },
            { file, span: span(k.range[0], k.range[0] + written.length) },
          ),
        );
      }
    },
    Node(_key, node) {
      if (!node.range) return;
      if (node.tag) {
        // the tag is written before the value: `!!float 4000`, `!e!foo x`
        let at = text.lastIndexOf('!', node.range[0]);
        while (at > 0 && /[^\s[\]{},]/.test(text[at - 1]!)) at--;
        const written = at < 0 ? node.tag : (/^!\S*/.exec(text.slice(at))?.[0] ?? node.tag);
        const start = at < 0 ? node.range[0] : at;
        out.push(diagnostic('yaml_tag', { tag: written }, { file, span: span(start, start + written.length) }));
        return;
      }
      if (isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN') {
        const written = text.slice(node.range[0], node.range[1]).trim();
        if (AMBIGUOUS_INTEGER.test(written))
          out.push(
            diagnostic(
              'policy_number_ambiguous',
              { written, decimal: String(node.value) },
              { file, span: span(node.range[0], node.range[0] + written.length) },
            ),
          );
      }
    },
  });
  return out;
}

/** The document as plain values; aliases that expand to too many values are a diagnostic, not a throw. */
export function yamlValue(
  doc: Document,
  lines: LineCounter,
  file: string,
): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: LIMITS.yamlAliasExpansion }) };
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof RangeError)) throw error;
    let first: Node | undefined;
    const stack: unknown[] = [doc.contents];
    while (stack.length && !first) {
      const node = stack.pop();
      if (isAlias(node)) first = node;
      else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
      else if (isPair(node)) stack.push(node.value, node.key);
    }
    const p = lines.linePos(first?.range?.[0] ?? 0);
    const span = { line: p.line, column: p.col };
    return {
      ok: false,
      diagnostics: [
        error instanceof ReferenceError
          ? diagnostic('yaml_too_many_aliases.expansion', {}, { file, span })
          : yamlTooDeep(file, span),
      ],
    };
  }
}

/**
 * git's conflict markers at the start of lines: a `<<<<<<< ` line with a `>>>>>>> ` line after it
 * (an `=======` line alone may be a description's underline), seven characters or more (git writes
 * longer ones for a conflict inside the base of a recursive merge, and for the
 * `conflict-marker-size` attribute). The first conflict, or undefined.
 */
export function mergeConflict(text: string, file: string): Diagnostic | undefined {
  const begin = /^<{7,}(?: |\r?$)/m.exec(text);
  if (!begin) return undefined;
  const after = text.slice(begin.index);
  const end = /^>{7,}(?: |\r?$)/m.exec(after);
  if (!end) return undefined;
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  const line = lineOf(begin.index);
  // the markers as the file writes them (eight or more for a conflict-marker-size of eight), the
  // middle one and diff3's base one (`|||||||`, merge.conflictStyle diff3 or zdiff3) as found
  // between the first two
  const open = /^<+/.exec(begin[0])![0];
  const close = /^>+/.exec(end[0])![0];
  const inside = after.slice(0, end.index);
  const middle = /^(={7,})\r?$/m.exec(inside)?.[1] ?? '='.repeat(open.length);
  const base = /^(\|{7,})(?: |\r?$)/m.exec(inside)?.[1];
  const args = { line, end: lineOf(begin.index + end.index), open, close, middle };
  const at = { file, span: { line, column: 1 } };
  return base
    ? diagnostic('yaml_merge_conflict.diff3', { ...args, base_marker: base }, at)
    : diagnostic('yaml_merge_conflict', args, at);
}

/**
 * Any small YAML file the CLI reads besides policies (data mappings, policy tests), with the same
 * limits: syntax errors, long lines, aliases and depth come back as diagnostics.
 */
export function readYaml(
  text: string,
  file: string,
): { ok: true; value: unknown; doc: Document; lines: LineCounter } | { ok: false; diagnostics: Diagnostic[] } {
  const early = checkYamlText(text, file);
  if (early.length) return { ok: false, diagnostics: early };
  // a merge left unresolved (a data mapping, a policy's tests): one message at its first marker
  const conflict = mergeConflict(text, file);
  if (conflict) return { ok: false, diagnostics: [conflict] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [e] = doc.errors;
  if (e) {
    const p = lines.linePos(e.pos[0]);
    return {
      ok: false,
      diagnostics: [yamlSyntax(e, 'error', file, { line: p.line, column: p.col }, { policy: false, text })],
    };
  }
  const limits = checkYamlDocument(doc, lines, file);
  if (limits.length) return { ok: false, diagnostics: limits };
  const meaning = checkYamlMeaning(doc, text, lines, file);
  if (meaning.length) return { ok: false, diagnostics: meaning };
  const value = yamlValue(doc, lines, file);
  return value.ok ? { ok: true, value: value.value, doc, lines } : value;
}
