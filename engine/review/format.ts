// The canonical layout of a policy file: what the `yaml` library writes with these options. Every
// tool that rewrites a policy (the editor's panels, its saves) writes this layout, so a change to
// one value shows in git as that one line.

import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { checkYamlDocument, checkYamlMeaning, checkYamlText } from '../language/limits.js';

export const CANONICAL = { lineWidth: 0, indent: 2, flowCollectionPadding: true } as const;

export function formatDocument(doc: Document): string {
  return doc.toString(CANONICAL);
}

/**
 * The canonical text of a policy, keeping every comment; a YAML file that is no policy (no
 * `policy:` at its top: a `*.test.yaml`, a `*.data.yaml`) as written; null when the YAML does not parse, is over
 * a limit (docs/limits.md), or holds a number YAML readers disagree on (`06000`, `017`): the layout
 * would write it as one reading (`6000`), deciding what `validate` refuses to guess.
 */
export function formatPolicyText(text: string): string | null {
  if (checkYamlText(text, '').length) return null;
  const lines = new LineCounter();
  const doc = parseDocument(text, { keepSourceTokens: false, lineCounter: lines });
  if (doc.errors.length || checkYamlDocument(doc, lines, '').length) return null;
  // a policy's tests or a data mapping beside it in policies/ (`policies/*.yaml` in .gitattributes)
  // has a layout of its own: it is shown and merged as written, not laid out as a policy
  if (!isMap(doc.contents) || !doc.contents.has('policy')) return text;
  if (checkYamlMeaning(doc, text, lines, '').some((d) => d.code === 'policy_number_ambiguous')) return null;
  return formatDocument(doc);
}
