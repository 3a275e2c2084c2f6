// docs/limits.md gives every limit of engine/limits.ts with its value.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../engine/language/limits.js';

describe('docs/limits.md', () => {
  const doc = readFileSync('docs/limits.md', 'utf8');
  it.each(Object.entries(LIMITS))('gives %s = %d', (key, value) => {
    expect(doc).toContain(`\`${key}\` = ${value}`);
  });
});
