// `yardstick diff --base REF` on a commit that renames or deletes a policy: the reviewer sees the
// money a renamed policy moves, measured against the old file, and sees that a deleted policy is
// gone and what it paid — never a "new policy" with no figures, never nothing at all.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { THREE_EMPLOYEES } from './three-employees.js';

const project = resolve('.');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const POLICY = 'policies/short-video-team.yaml';
const RENAMED = 'policies/short-video.yaml';

// three employees: the director's completion target moves D1 only (test/review/git-review.test.ts)
const DATA = THREE_EMPLOYEES;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-rename-'));
  mkdirSync(join(repo, 'policies'));
  writeFileSync(
    join(repo, POLICY),
    readFileSync(join(project, POLICY), 'utf8')
      .replace(/^version: .*$/m, 'version: 1.0.0')
      .replace(/^retroactive: .*\n/m, ''),
  );
  writeFileSync(join(repo, 'month.csv'), DATA);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy v1.0.0');
  process.chdir(repo);
});

beforeEach(() => {
  git('reset', '-q', '--hard', 'HEAD');
  git('clean', '-qfd', 'policies');
});

afterAll(() => process.chdir(project));

/**
 * `git mv` of the policy (or a plain `mv` git is not told of), then the director's completion target
 * raised from 40 % to 45 % in the renamed file.
 */
function renameAndRaiseTarget(how: 'git mv' | 'mv' = 'git mv'): void {
  if (how === 'git mv') git('mv', POLICY, RENAMED);
  else execFileSync('mv', [POLICY, RENAMED], { cwd: repo });
  writeFileSync(
    join(repo, RENAMED),
    readFileSync(join(repo, RENAMED), 'utf8').replace(
      'target: 0.40 # domain: completion rate ≥ 40%',
      'target: 0.45 # domain: completion rate ≥ 40%',
    ),
  );
}

describe('yardstick diff --base on a renamed policy', () => {
  it('measures the renamed file against the old one, and says it was renamed', async () => {
    renameAndRaiseTarget();
    const r = await yardstick('diff', '--base', 'HEAD', '--data', 'month.csv', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const [review, ...others] = JSON.parse(r.stdout);
    expect(others).toEqual([]);
    expect(review.file).toBe(RENAMED);
    expect(review.before).toEqual({ label: `HEAD:${POLICY}`, version: '1.0.0' });
    expect(review.changes.map((c: { kind: string; text: string }) => [c.kind, c.text])).toEqual([
      ['changed', `renamed ${POLICY} → ${RENAMED}`],
      // the policy's own labels, in any language
      ['changed', '编导 · 完播率 target 40.0% → 45.0%'],
    ]);
    // D1: completion 0.42 scored 100 + 20 × 0.02/0.10 = 104 (× 40% = 41.6) → 101.6, A+, silver:
    //     4000 × 101.6% = 4064 + 812.80 + 1000 = 5876.80
    //     now 60 + 40 × 0.12/0.15 = 92 (× 40% = 36.8) → 96.8, A, silver: 3872 + 774.40 + 1000 = 5646.40
    // O1 8920 and E1 4456 do not move: 5876.80 + 8920 + 4456 = 19252.80 → 19022.40, -230.40
    expect(review.impact.changes.map((c: { employee_id: string; delta: number }) => [c.employee_id, c.delta])).toEqual([
      ['D1', -230.4],
    ]);
    expect([review.impact.total_before, review.impact.total_after, review.impact.delta]).toEqual([
      19252.8, 19022.4, -230.4,
    ]);
  });

  it('a rename alone moves no money, and the report says it was renamed rather than "no change"', async () => {
    git('mv', POLICY, RENAMED);
    const r = await yardstick('diff', '--base', 'HEAD');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `短视频团队月度绩效考核 (${RENAMED}) v1.0.0 → v1.0.0\n  规则变化:\n    ~ 文件改名 ${POLICY} → ${RENAMED}\n`,
    );
  });
});

describe('yardstick diff --base on a policy moved without telling git', () => {
  // a plain `mv`: the old file is gone and the new one untracked. git's rename detection compares
  // only files it knows, so this read as a deleted policy plus a new one with no figures
  it('is the same rename as after git mv, with the same money', async () => {
    renameAndRaiseTarget('mv');
    const r = await yardstick('diff', '--base', 'HEAD', '--data', 'month.csv', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const [review, ...others] = JSON.parse(r.stdout);
    expect(others).toEqual([]);
    expect(review.file).toBe(RENAMED);
    expect(review.before).toEqual({ label: `HEAD:${POLICY}`, version: '1.0.0' });
    expect(review.changes.map((c: { text: string }) => c.text)).toEqual([
      `renamed ${POLICY} → ${RENAMED}`,
      '编导 · 完播率 target 40.0% → 45.0%',
    ]);
    // D1 5876.80 → 5646.40 (the first test above): -230.40
    expect([review.impact.total_before, review.impact.total_after, review.impact.delta]).toEqual([
      19252.8, 19022.4, -230.4,
    ]);
    // the repository's own index is untouched: the move is still unstaged, the new file untracked
    expect(git('status', '--porcelain', '--', 'policies')).toBe(` D ${POLICY}\n?? ${RENAMED}\n`);
  });

  it('check --base holds it to its old file’s version too', async () => {
    renameAndRaiseTarget('mv');
    const r = await yardstick('check', '--base', 'HEAD', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `${RENAMED}: changed since HEAD but its version 1.0.0 is not higher than 1.0.0 (bump \`version:\`)`,
    );
  });
});

describe('yardstick diff --base on a deleted policy', () => {
  it('lists the policy as deleted, with the version it had', async () => {
    git('rm', '-q', POLICY);
    const r = await yardstick('diff', '--base', 'HEAD');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`短视频团队月度绩效考核 (${POLICY}) v1.0.0 → v—\n  规则变化:\n    - 删除政策\n`);
  });

  it('a file deleted without git rm is listed the same way', async () => {
    execFileSync('rm', [POLICY], { cwd: repo });
    const r = await yardstick('diff', '--base', 'HEAD', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const [review, ...others] = JSON.parse(r.stdout);
    expect(others).toEqual([]);
    expect(review).toEqual({
      file: POLICY,
      title: '短视频团队月度绩效考核',
      before: { label: `HEAD:${POLICY}`, version: '1.0.0' },
      after: { label: `${POLICY} (deleted)`, version: '—' },
      changes: [{ path: [], kind: 'removed', text: 'policy deleted' }],
    });
  });

  it('with --data, says what the deleted policy paid on that data', async () => {
    git('rm', '-q', POLICY);
    const r = await yardstick('diff', '--base', 'HEAD', '--data', 'month.csv');
    expect(r.code).toBe(0);
    // 5876.80 + 8920 + 4456 = 19252.80 (the sums of the rename test above)
    expect(r.stdout).toBe(
      `短视频团队月度绩效考核 (${POLICY}) v1.0.0 → v—\n  规则变化:\n` +
        `    - 删除政策：它在 month.csv 上给 3 人应发合计 ¥19,252.80，删除后这些钱不再按它计发\n`,
    );
  });
});

describe('yardstick check --base on a renamed policy', () => {
  // check looked the renamed file up at the base under its new name, found nothing and took it for a
  // new policy: the version and effective_from gates and the unscorable gate were skipped
  it('holds the renamed policy to the version of its old file', async () => {
    renameAndRaiseTarget();
    const r = await yardstick('check', '--base', 'HEAD', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `${RENAMED}: changed since HEAD but its version 1.0.0 is not higher than 1.0.0 (bump \`version:\`)`,
    );
  });
});

describe('yardstick diff --base below the repository top folder', () => {
  // a repository holding several teams' folders: hr/policies/…, run from hr/
  let mono: string;
  const gitMono = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: mono, encoding: 'utf8' });
  beforeAll(() => {
    mono = mkdtempSync(join(tmpdir(), 'yardstick-mono-'));
    mkdirSync(join(mono, 'hr/policies'), { recursive: true });
    writeFileSync(join(mono, 'hr', POLICY), git('show', `HEAD:${POLICY}`));
    writeFileSync(join(mono, 'hr/month.csv'), DATA);
    gitMono('init', '-q');
    gitMono('add', '.');
    gitMono('commit', '-qm', 'policy v1.0.0');
    writeFileSync(
      join(mono, 'hr', POLICY),
      readFileSync(join(mono, 'hr', POLICY), 'utf8').replace(
        'target: 0.40 # domain: completion rate ≥ 40%',
        'target: 0.45 # domain: completion rate ≥ 40%',
      ),
    );
  });
  afterAll(() => process.chdir(repo));

  it('finds the policies folder of the current folder, and measures its change (it listed nothing, exit 0)', async () => {
    process.chdir(join(mono, 'hr'));
    const r = await yardstick('diff', '--base', 'HEAD', '--data', 'month.csv', '--format', 'json');
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.stdout);
    expect(reviews.map((x: { file: string; before: { label: string } }) => [x.file, x.before.label])).toEqual([
      [`./${POLICY}`, `HEAD:./${POLICY}`],
    ]);
    // D1 alone moves: 5876.80 → 5646.40 (the first test above)
    expect([reviews[0].impact.total_before, reviews[0].impact.total_after, reviews[0].impact.delta]).toEqual([
      19252.8, 19022.4, -230.4,
    ]);
  });

  it('in a folder without policies/ it says so instead of listing nothing', async () => {
    process.chdir(join(mono, 'hr/policies'));
    const r = await yardstick('diff', '--base', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: cannot read policy `policies/`: no such file');
  });
});

describe('yardstick diff REV:FOLDER', () => {
  it('says the path is a folder at that revision, as for a folder on disk (it read git’s listing as a policy)', async () => {
    const r = await yardstick('diff', 'HEAD:policies', POLICY);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot read policy `HEAD:policies`: it is a folder');
  });
});
