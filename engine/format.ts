// The canonical layout of a policy file: what the `yaml` library writes with these options. Every
// tool that rewrites a policy (the editor's panels, its saves) writes this layout, so a change to
// one value shows in git as that one line.

import { parseDocument, type Document } from 'yaml';

export const CANONICAL = { lineWidth: 0, indent: 2, flowCollectionPadding: true } as const;

export function formatDocument(doc: Document): string {
  return doc.toString(CANONICAL);
}

/** The canonical text of a policy, keeping every comment; null when the YAML does not parse. */
export function formatPolicyText(text: string): string | null {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return null;
  return formatDocument(doc);
}
