// schemas/policy.schema.json is the language's single source of truth, and editors show its
// descriptions on hover: every property must say what it is in Chinese and in English.

import { describe, expect, it } from 'vitest';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };

type Node = { properties?: Record<string, Node>; description?: string; $ref?: string; [k: string]: unknown };

/** Every `properties` entry in the schema, with its JSON pointer. */
function properties(node: unknown, pointer = '#', out: [string, Node][] = []): [string, Node][] {
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  for (const [name, child] of Object.entries(n.properties ?? {})) out.push([`${pointer}/properties/${name}`, child]);
  for (const [key, child] of Object.entries(n)) {
    if (key === 'properties')
      for (const [name, c] of Object.entries(child as Record<string, Node>))
        properties(c, `${pointer}/properties/${name}`, out);
    else if (typeof child === 'object') properties(child, `${pointer}/${key}`, out);
  }
  return out;
}

function describedAt(n: Node): string | undefined {
  if (n.description) return n.description;
  if (n.$ref) {
    const target = n.$ref.replace('#/$defs/', '');
    return (schema.$defs as Record<string, Node>)[target]?.description;
  }
  return undefined;
}

// `if` sub-schemas only test a value; the properties they mention are described where defined
const all = properties(schema).filter(([pointer]) => !pointer.includes('/if/'));

describe('policy.schema.json', () => {
  it('has properties to check', () => {
    expect(all.length).toBeGreaterThan(80);
  });

  it.each(all.map(([pointer, node]) => [pointer, node] as const))(
    '%s is described in Chinese and English',
    (_pointer, node) => {
      const d = describedAt(node);
      expect(d).toBeDefined();
      expect(d).toMatch(/[\u4e00-\u9fff]/);
      expect(d).toMatch(/ \/ [A-Z]/);
    },
  );
});
