// `verify --runs N` sets the size of each search. A value that is not a whole number from 1 to
// 100000 is a usage error: `--runs abc` used to search with the default 200 and `--runs -1` not at
// all, each without a word, and both reported their verdicts as if asked for.

import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

describe('verify --runs', () => {
  it.each(['abc', '-1', '0', '1.5', '100001', '1e3', '0x10', '5.0', ' 5', '+5'])(
    '`%s` is refused before anything is verified',
    async (runs) => {
      const r = await yardstick('verify', 'docs/worked-example.yaml', '--runs', runs);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: --runs takes a whole number from 1 to 100000, got \`${runs}\``);
    },
  );

  it('a whole number in range runs the verification', async () => {
    const r = await yardstick('verify', 'docs/worked-example.yaml', '--runs', '20', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });
});
