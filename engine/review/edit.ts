// Edits a policy's YAML text the way a visual panel asks ("set this weight to 45"), keeping
// comments, key order and layout: a value that exists is replaced where it stands, character for
// character; anything structural goes through the yaml Document API in the canonical layout.

import { isScalar, parseDocument, type Node } from 'yaml';
import { formatDocument } from './format.js';

export type Path = readonly (string | number)[];
export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** The YAML source of a scalar value, plain when that reads back as the same value. */
export function scalarSource(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = parseDocument(value).toJS();
  return plain === value && !/^\s|\s$|[:#{}[\],&*!|>'"%@`]/.test(value) && value !== '' ? value : JSON.stringify(value);
}

export function setValue(text: string, path: Path, value: string | number | boolean): EditResult {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) return { ok: false, message: 'the YAML has errors: fix them before using the panels' };
  const node = doc.getIn(path, true) as Node | undefined;
  if (node && isScalar(node) && node.range) {
    const [start, end] = node.range;
    return { ok: true, text: text.slice(0, start) + scalarSource(value) + text.slice(end) };
  }
  doc.setIn(path, value);
  return { ok: true, text: formatDocument(doc) };
}

/** Sets a whole mapping or list (e.g. a condition from the condition builder). */
export function setStructure(text: string, path: Path, value: unknown): EditResult {
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, message: 'the YAML has errors: fix them before using the panels' };
  doc.setIn(path, doc.createNode(value, { flow: false }));
  return { ok: true, text: formatDocument(doc) };
}

export function deleteAt(text: string, path: Path): EditResult {
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, message: 'the YAML has errors: fix them before using the panels' };
  doc.deleteIn(path);
  return { ok: true, text: formatDocument(doc) };
}
