// The canonical layout of a policy file: what the `yaml` library writes with these options. Every
// tool that rewrites a policy (the editor's panels, its saves) writes this layout, so a change to
// one value shows in git as that one line.

import { LineCounter, parseDocument, type Document } from 'yaml';
import { checkYamlDocument, checkYamlMeaning, checkYamlText } from '../language/limits.js';

export const CANONICAL = { lineWidth: 0, indent: 2, flowCollectionPadding: true } as const;

export function formatDocument(doc: Document): string {
  return doc.toString(CANONICAL);
}

/**
 * The canonical text of a policy, keeping every comment; null when the YAML does not parse, is over
 * a limit (docs/limits.md), or holds a number YAML readers disagree on (`06000`, `017`): the layout
 * would write it as one reading (`6000`), deciding what `validate` refuses to guess.
 */
export function formatPolicyText(text: string): string | null {
  if (checkYamlText(text, '').length) return null;
  const lines = new LineCounter();
  const doc = parseDocument(text, { keepSourceTokens: false, lineCounter: lines });
  if (doc.errors.length || checkYamlDocument(doc, lines, '').length) return null;
  if (checkYamlMeaning(doc, text, lines, '').some((d) => d.code === 'policy_number_ambiguous')) return null;
  return formatDocument(doc);
}
