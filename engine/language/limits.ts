// The documented limits on input (docs/limits.md) and the checks that apply them to YAML text and
// documents. Pure: the CLI checks file sizes and kinds before it hands text here.

import { LineCounter, isAlias, isCollection, isPair, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';

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

const ALIAS_HELP = 'write the repeated values out instead of referring to them with `*`';
const DEPTH_MESSAGE = `values nest more than ${LIMITS.yamlDepth} levels deep`;
const DEPTH_HELP = 'a policy nests a few levels (roles, indicators, conditions): flatten this value';

/** Before parsing: a line too long to be a policy's (one huge formula, a generated file). */
export function checkYamlText(text: string, file: string): Diagnostic[] {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const length = end - start - (text[end - 1] === '\r' ? 1 : 0);
    if (length > LIMITS.yamlLineLength) {
      return [{
        code: 'yaml_line_too_long',
        severity: 'error',
        message: `line ${line} has ${length} characters, more than the ${LIMITS.yamlLineLength} a line may have`,
        help: 'break the value over several lines, or shorten it',
        file,
        span: { line, column: LIMITS.yamlLineLength + 1 },
      }];
    }
    start = end + 1;
  }
  return [];
}

/** yaml's own report of nesting too deep for it (a stack overflow it caught), in our words. */
export function isYamlTooDeep(error: { code: string; message: string }): boolean {
  return error.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message);
}

export const YAML_TOO_DEEP = { code: 'yaml_too_deep', message: DEPTH_MESSAGE, help: DEPTH_HELP } as const;

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
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      if (++aliases > LIMITS.yamlAliases) {
        return [{ code: 'yaml_too_many_aliases', severity: 'error', message: `more than ${LIMITS.yamlAliases} aliases (\`*name\`) in one file`, help: ALIAS_HELP, file, span: at(node) }];
      }
    } else if (isCollection(node)) {
      if (depth >= LIMITS.yamlDepth) return [{ code: YAML_TOO_DEEP.code, severity: 'error', message: DEPTH_MESSAGE, help: DEPTH_HELP, file, span: at(node) }];
      // reversed, so items are visited in document order and the first alias over the limit is named
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 });
    } else if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
    }
  }
  return [];
}

/** The document as plain values; aliases that expand to too many values are a diagnostic, not a throw. */
export function yamlValue(doc: Document, lines: LineCounter, file: string): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
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
    const expansion = error instanceof ReferenceError;
    return {
      ok: false,
      diagnostics: [{
        code: expansion ? 'yaml_too_many_aliases' : YAML_TOO_DEEP.code,
        severity: 'error',
        message: expansion ? 'the aliases (`*name`) expand to too many values' : DEPTH_MESSAGE,
        help: expansion ? ALIAS_HELP : DEPTH_HELP,
        file,
        span: { line: p.line, column: p.col },
      }],
    };
  }
}

/**
 * Any small YAML file the CLI reads besides policies (data mappings, policy tests), with the same
 * limits: syntax errors, long lines, aliases and depth come back as diagnostics.
 */
export function readYaml(text: string, file: string): { ok: true; value: unknown; doc: Document; lines: LineCounter } | { ok: false; diagnostics: Diagnostic[] } {
  const early = checkYamlText(text, file);
  if (early.length) return { ok: false, diagnostics: early };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const p = lines.linePos(e.pos[0]);
    const deep = isYamlTooDeep(e);
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      diagnostics: [{
        code: deep ? YAML_TOO_DEEP.code : `yaml_${e.code.toLowerCase()}`,
        severity: 'error',
        message: deep ? DEPTH_MESSAGE : message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, ''),
        help: deep ? DEPTH_HELP : 'fix the YAML syntax at this position',
        file,
        span: { line: p.line, column: p.col },
      }],
    };
  }
  const limits = checkYamlDocument(doc, lines, file);
  if (limits.length) return { ok: false, diagnostics: limits };
  const value = yamlValue(doc, lines, file);
  return value.ok ? { ok: true, value: value.value, doc, lines } : value;
}
