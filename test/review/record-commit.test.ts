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
import { ROLLUP_MONTHLY, ROLLUP_QUARTERLY } from '../builders.js';
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

describe('rollup --record: the git commit of the roll-up policy', () => {
  // three months of a monthly policy recorded into a ledger, then the quarter rolled up, all from this
  // checkout (another repository than the policies')
  const rollUp = async () => {
    const ledger = join(repo, 'ledger.db');
    for (const period of ['2026-07', '2026-08', '2026-09']) {
      const data = join(repo, `${period}.csv`);
      writeFileSync(data, `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,${period},90\n`);
      const r = await yardstick(
        'run',
        join(repo, 'policies/monthly.yaml'),
        '--data',
        data,
        '--record',
        '--ledger',
        ledger,
      );
      expect(r.code).toBe(0);
    }
    const r = await yardstick(
      'rollup',
      join(repo, 'policies/quarterly.yaml'),
      '--period',
      '2026-Q3',
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
    return (await commits(ledger)).at(-1);
  };

  beforeEach(() => {
    writeFileSync(join(repo, 'policies/monthly.yaml'), ROLLUP_MONTHLY);
    writeFileSync(join(repo, 'policies/quarterly.yaml'), ROLLUP_QUARTERLY);
    git('add', '.');
    git('commit', '-qm', 'roll-up');
  });

  it('is HEAD of the roll-up policy’s own repository when it is committed as used', async () => {
    expect(await rollUp()).toBe(git('rev-parse', 'HEAD').trim());
  });

  it('is left empty when the roll-up policy has uncommitted edits', async () => {
    writeFileSync(join(repo, 'policies/quarterly.yaml'), `${ROLLUP_QUARTERLY}# 未提交的修改\n`);
    expect(await rollUp()).toBeNull();
  });
});
