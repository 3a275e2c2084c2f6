// `diff` of two roll-up versions, and of a roll-up and a monthly policy. A roll-up against itself
// was "汇总政策有修改" (changed); a monthly policy against a roll-up was listed as the roll-up
// changed, v1.0.0 → v1.0.0; a roll-up against a monthly policy failed with the roll-up's "missing
// `metrics`", read as a monthly policy.

import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const ROLLUP = 'policies/annual-review.yaml';
const MONTHLY = 'policies/livestream-team.yaml';

describe('diff and roll-up policies', () => {
  it('says a roll-up against itself has no change', async () => {
    const { code, stdout } = await yardstick('diff', ROLLUP, ROLLUP, '--lang', 'zh');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(1, 3)).toEqual(['  规则变化:', '    没有规则变化']);
  });

  it.each([
    [MONTHLY, ROLLUP],
    [ROLLUP, MONTHLY],
  ])('refuses %s against %s: not two versions of one policy', async (a, b) => {
    const { code, stdout, stderr } = await yardstick('diff', a, b);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: \`${ROLLUP}\` is a roll-up policy and \`${MONTHLY}\` a monthly one: diff compares two versions of one policy\n` +
        '  help: give two versions of the same policy: two files or git revisions of the monthly policy, or of the roll-up',
    );
  });
});
