// The pre-commit hook `yardstick init` installs: `yardstick check --staged` refuses a commit whose
// staged policy is wrong, judging the staged version (not the working tree), and lets a good one in.

import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { PROJECT, edit, git, scratch, sh } from './scratch.js';

let repo = '';
const policy = () => join(repo, 'policies/startup-team.yaml');
const tests = () => join(repo, 'policies/startup-team.test.yaml');
const commit = (message: string) => sh(repo, 'git', ['commit', '-q', '-m', message]);

beforeAll(async () => {
  repo = scratch('hook');
  expect((await yardstick('init', repo)).code).toBe(0);
  // the command the hook runs, as an installed package provides it: here this checkout's bin
  mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(join(PROJECT, 'node/cli/bin.mjs'), join(repo, 'node_modules/.bin/yardstick'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'core.hooksPath', '.githooks');
  git(repo, 'add', '-A');
  const first = commit('policies repository');
  expect(first.code, first.stdout).toBe(0);
  // git hands a hook's output to stderr
  expect(first.stderr).toBe('✓ 1 个暂存的政策：校验通过、格式规范、测试通过\n');
}, 60_000);

describe('the pre-commit hook', { timeout: 60_000 }, () => {
  it('refuses a changed policy whose version was not bumped; nothing is committed', () => {
    // 运营经理: 粉丝增长率 40 → 45, 爆款率 35 → 30
    writeFileSync(
      policy(),
      edit(
        edit(readFileSync(policy(), 'utf8'), '        weight: 40\n', '        weight: 45\n'),
        '        weight: 35\n',
        '        weight: 30\n',
      ),
    );
    git(repo, 'add', 'policies/startup-team.yaml');
    const r = commit('weights');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        '✗ policies/startup-team.yaml: 自 HEAD 以来有改动，但版本 0.1.0 不高于 0.1.0（请提高 `version:`）',
        '✗ policies/startup-team.yaml: 自 HEAD 以来有改动，但 effective_from 2026-10 不晚于版本 0.1.0 的 2026-10，会改变已发放的月份（请设置更晚的 `effective_from:`；如确为更正，请加 `retroactive: { reason: … }`）',
        '',
      ].join('\n'),
    );
    expect(git(repo, 'log', '--format=%s').trim()).toBe('policies repository');
  });

  it('judges what is staged: a failing test case fixed only in the working tree still refuses', () => {
    let text = readFileSync(policy(), 'utf8');
    text = edit(edit(text, 'version: 0.1.0', 'version: 0.2.0'), 'effective_from: 2026-10', 'effective_from: 2026-11');
    writeFileSync(policy(), text);
    // T1 (运营经理, 初创期) under the new weights: 110 × 45% + 110 × 30% + 100 × 25% = 107.5, unchanged;
    // a wrong expectation is staged, then corrected on disk without staging it
    const good = readFileSync(tests(), 'utf8');
    writeFileSync(tests(), edit(good, 'expect: { score: 107.5,', 'expect: { score: 108,'));
    git(repo, 'add', 'policies');
    writeFileSync(tests(), good);
    const r = commit('weights');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      '✗ policies/startup-team.yaml: 测试未通过（2 个用例中有 1 个失败）',
      '  ✗ 运营经理 初创期 强势月份 — silver tier',
      // in the check's language, as the line above it (it was English among Chinese lines), at the
      // staged test file's line 15, `score`'s value at column 22, named as the repository names it
      '      policies/startup-team.test.yaml:15:22: score：应为 108，实为 107.5',
    ]);
  });

  it('lets the commit in once the staged policy is right', () => {
    git(repo, 'add', 'policies');
    const r = commit('weights');
    expect(r.code, r.stderr).toBe(0);
    expect(git(repo, 'log', '--format=%s').trim().split('\n')).toEqual(['weights', 'policies repository']);
  });

  it('has nothing to check when no policy is staged', () => {
    writeFileSync(join(repo, 'notes.txt'), '会议记录\n');
    git(repo, 'add', 'notes.txt');
    const r = commit('notes');
    expect(r.stderr).toBe('✓ 没有暂存的政策\n');
    expect(r.code).toBe(0);
  });
});
