// The worked example in docs/policy-language.md is what the program prints.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';

describe('docs/policy-language.md worked example', () => {
  it('yardstick explain prints exactly the block shown in the docs', async () => {
    let out = '';
    const code = await main(
      ['explain', 'docs/worked-example.yaml', '--data', 'docs/worked-example.csv', '--employee', 'E1'],
      { stdout: (s) => (out += s), stderr: () => {} },
    );
    expect(code).toBe(0);
    const doc = readFileSync('docs/policy-language.md', 'utf8');
    const block = doc.split('--employee E1` prints\nthe same reasoning:\n\n```\n')[1].split('```')[0];
    expect(out).toBe(block);
  });
});
