// `run --record` writes beside each recorded run the git commit it was computed from (`runs.git_commit`),
// for a reviewer or an auditor to read the policy back. A commit is written only when it holds the
// policy exactly as it was used: not HEAD of a work tree whose policy has uncommitted edits (HEAD
// would point at another policy), and HEAD of the policy's own repository, not the current folder's.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });

/** The commit column of every run in the ledger, in order. */
async function commits(ledger: string): Promise<unknown[]> {
  const SQL = await initSqlJs();
  return new SQL.Database(readFileSync(ledger))
    .exec('select git_commit from runs order by id')[0]!
    .values.map((r) => r[0]);
}

const record = (ledger: string, ...more: string[]) =>
  yardstick(
    'run',
    join(repo, POLICY),
    '--data',
    'examples/sample-2026-10.csv',
    '--exclude-invalid',
    '--record',
    '--ledger',
    ledger,
    '--format',
    'json',
    ...more,
  );

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-record-commit-'));
  mkdirSync(join(repo, 'policies'));
  writeFileSync(join(repo, POLICY), readFileSync(POLICY, 'utf8'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy');
});

describe('run --record: the git commit of the policy', () => {
  it('is HEAD of the policy’s own repository when the policy is committed as used', async () => {
    // run from this checkout (another repository): the commit is the policy's repository's
    const ledger = join(repo, 'ledger.db');
    const r = await record(ledger);
    expect(r.code).toBe(0);
    expect(await commits(ledger)).toEqual([git('rev-parse', 'HEAD').trim()]);
  });

  it('is left empty when the policy has uncommitted edits: HEAD does not hold the policy recorded', async () => {
    writeFileSync(
      join(repo, POLICY),
      readFileSync(join(repo, POLICY), 'utf8').replace('# domain: completion rate ≥ 40%', '# 未提交的修改'),
    );
    const ledger = join(repo, 'ledger.db');
    const r = await record(ledger);
    expect(r.code).toBe(0);
    expect(await commits(ledger)).toEqual([null]);
  });
});
