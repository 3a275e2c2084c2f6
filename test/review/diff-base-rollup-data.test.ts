// `diff --base REF --data FILE` over a commit that changes a roll-up policy: the roll-up is listed
// as changed, unmeasured, and a warning says why the file cannot measure it (it was read for the
// monthly policies and said nothing of the roll-up).

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const project = resolve('.');
const ROLLUP = 'policies/annual-review.yaml';
const started = process.cwd();
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-base-rollup-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
  mkdirSync(join(repo, 'policies'));
  mkdirSync(join(repo, 'examples'));
  cpSync(join(project, ROLLUP), join(repo, ROLLUP));
  cpSync(join(project, 'examples/sample-2026-10.csv'), join(repo, 'examples/sample-2026-10.csv'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'roll-up');
  const text = readFileSync(join(repo, ROLLUP), 'utf8');
  writeFileSync(join(repo, ROLLUP), text.replace(/^title: (.*)$/m, 'title: $1（修订）'));
  git('commit', '-qam', 'retitle');
  process.chdir(repo);
});
afterAll(() => process.chdir(started));

describe('diff --base with --data, a roll-up among the changed policies', () => {
  it('lists the roll-up and warns that the data file cannot measure it', async () => {
    const { code, stdout, stderr } = await yardstick(
      'diff',
      '--base',
      'HEAD~1',
      '--data',
      'examples/sample-2026-10.csv',
      '--lang',
      'zh',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(ROLLUP);
    expect(stderr).toBe(
      `${ROLLUP}: warning[cli_diff_rollup_data]: \`${ROLLUP}\` 是汇总政策：它按账本中已记录的月份评分，不读数据文件，--data \`examples/sample-2026-10.csv\` 无法衡量这次修改\n` +
        '  提示：请去掉 --data 比较两个版本；用 `yardstick rollup 政策 --period …` 分别运行两个版本查看金额',
    );
  });
});
