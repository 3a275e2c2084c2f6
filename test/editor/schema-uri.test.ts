// The editor registers the policy schema under the schema's own `$id`, not an old made-up URL.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaUri } from '../../editor/app/lib/schema-uri.js';

describe('the schema URI the editor gives monaco-yaml', () => {
  it('is the $id of schemas/policy.schema.json for a policy, and that id with :rollup for a roll-up policy', () => {
    const id = JSON.parse(readFileSync('schemas/policy.schema.json', 'utf8')).$id;
    expect(id).toBe('urn:yardstick:schema:policy');
    expect(schemaUri('monthly')).toBe('urn:yardstick:schema:policy');
    expect(schemaUri('rollup')).toBe('urn:yardstick:schema:policy:rollup');
  });

  it('is the one monaco.ts registers: no other schema URI is written there', () => {
    const source = readFileSync('editor/app/lib/monaco.ts', 'utf8');
    expect(source).toContain('uri: schemaUri(kind)');
    expect(source).not.toMatch(/https?:\/\/[^'"`\s]*schema/);
  });
});
