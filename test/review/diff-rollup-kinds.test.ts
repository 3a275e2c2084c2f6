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

// `--data` names a month's file; a roll-up scores the months recorded in the ledger. Two versions
// of a roll-up with --data were listed as changed and the file was never read, with no word said.
describe('diff --data and a roll-up policy', () => {
  it('refuses, saying why the file cannot measure it and what to run instead', async () => {
    const { code, stdout, stderr } = await yardstick(
      'diff',
      ROLLUP,
      ROLLUP,
      '--data',
      'examples/sample-2026-10.csv',
      '--lang',
      'zh',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: \`${ROLLUP}\` 是汇总政策：它按账本中已记录的月份评分，不读数据文件，--data \`examples/sample-2026-10.csv\` 无法衡量这次修改\n` +
        '  提示：请去掉 --data 比较两个版本；用 `yardstick rollup 政策 --period …` 分别运行两个版本查看金额',
    );
  });

  it('says so in English too', async () => {
    const { code, stderr } = await yardstick('diff', ROLLUP, ROLLUP, '--data', 'examples/sample-2026-10.csv');
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: \`${ROLLUP}\` is a roll-up policy: it scores the months recorded in the ledger, not a data file, so --data \`examples/sample-2026-10.csv\` cannot measure the change\n` +
        '  help: compare the two versions without --data; run `yardstick rollup POLICY --period …` with each version for its figures',
    );
  });
});
