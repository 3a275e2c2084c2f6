// Every YAML block in the README and the docs is YAML as written, and every block that is a whole
// monthly policy (it has `policy:` and `roles:`) loads without an error: a reader who copies one
// gets a policy that works, not one refused for weights that do not add up to 100.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadPolicy } from '../../engine/index.js';

const files = [
  'README.md',
  'docs/policy-language.md',
  'docs/ledger.md',
  'docs/review.md',
  'docs/verify.md',
  'docs/limits.md',
  'docs/events.md',
  'docs/document.md',
];

/** The ```yaml blocks of a file, each with the line its text starts on. */
function blocks(file: string): { line: number; text: string }[] {
  const doc = readFileSync(file, 'utf8');
  const found: { line: number; text: string }[] = [];
  for (const m of doc.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
    found.push({ line: doc.slice(0, m.index).split('\n').length + 1, text: m[1] });
  }
  return found;
}

describe('YAML in the docs', () => {
  for (const file of files) {
    it(`${file}: every yaml block parses`, () => {
      const bad = blocks(file)
        .filter((b) => parseDocument(b.text).errors.length > 0)
        .map((b) => `${file}:${b.line}`);
      expect(bad).toEqual([]);
    });
  }

  for (const file of files) {
    it(`${file}: every whole policy loads without an error`, () => {
      const problems: string[] = [];
      for (const b of blocks(file)) {
        if (!/^policy: /m.test(b.text) || !/^roles:/m.test(b.text)) continue;
        const loaded = loadPolicy(b.text, `${file}:${b.line}`);
        const errors = loaded.ok ? [] : loaded.diagnostics.filter((d) => d.severity === 'error');
        for (const d of errors) problems.push(`${file}:${b.line + (d.span?.line ?? 1) - 1}: ${d.code}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
