// `yardstick check --base REF --data FILE` says how far each changed policy is over or under its
// budget. The pool month of test/money/fixtures (see cli.test.ts), with the pool doubled in the
// change: ¥46,000 against ¥40,000 in all (¥6,000 over), ¥23,000 against ¥17,000 for 一组.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const project = resolve('.');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-budget-check-'));
  mkdirSync(join(repo, 'policies'));
  cpSync(join(project, 'test/money/fixtures/pool-policy.yaml'), join(repo, 'policies/money.yaml'));
  cpSync(join(project, 'test/money/fixtures/month.csv'), join(repo, 'month.csv'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'pool ¥1,000');
  cpSync(join(project, 'test/money/fixtures/pool-policy-2000.yaml'), join(repo, 'policies/money.yaml'));
  git('commit', '-qam', 'pool ¥2,000');
  process.chdir(repo);
});

afterAll(() => process.chdir(project));

describe('check --base --data with a budget', () => {
  it('prints how far the changed policy is over each budget, before its failures', async () => {
    const r = await yardstick('check', '--base', 'HEAD~1', '--data', 'month.csv');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '· policies/money.yaml: team 一组 budget ¥17,000.00: payout ¥23,000.00, ¥6,000.00 over',
      '· policies/money.yaml: budget ¥40,000.00: payout ¥46,000.00, ¥6,000.00 over',
    ]);
    // the fixture has no tests and no effective_from: those are the check's failures, not the budget
    expect(lines.slice(2).every((l) => l === '' || l.startsWith('✗ '))).toBe(true);
  });
});
