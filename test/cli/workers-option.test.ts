// `--workers N` is a whole number from 1 to 64 written in digits: `1e1`, `0x2` and `2.0` are refused
// (exit 2) as `--runs` refuses them, not read as 10, 2 and 2 by Number().

import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

describe('run --workers', () => {
  it.each(['1e1', '0x2', '2.0', ' 2', '65', '0'])('`%s` is refused before anything runs', async (n) => {
    const r = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--format',
      'csv',
      '--out',
      '/tmp/yardstick-workers-never.csv',
      '--workers',
      n,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: --workers takes a whole number from 1 to 64, got \`${n}\``);
  });
});
