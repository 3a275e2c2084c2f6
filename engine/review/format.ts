// The canonical layout of a policy file: what the `yaml` library writes with these options. Every
// tool that rewrites a policy (the editor's panels, its saves) writes this layout, so a change to
// one value shows in git as that one line.

import { LineCounter, parseDocument, type Document } from 'yaml';
import { checkYamlDocument, checkYamlText } from '../language/limits.js';

export const CANONICAL = { lineWidth: 0, indent: 2, flowCollectionPadding: true } as const;

export function formatDocument(doc: Document): string {
  return doc.toString(CANONICAL);
}

/** The canonical text of a policy, keeping every comment; null when the YAML does not parse or is over a limit (docs/limits.md). */
export function formatPolicyText(text: string): string | null {
  if (checkYamlText(text, '').length) return null;
  const lines = new LineCounter();
  const doc = parseDocument(text, { keepSourceTokens: false, lineCounter: lines });
  if (doc.errors.length || checkYamlDocument(doc, lines, '').length) return null;
  return formatDocument(doc);
}
