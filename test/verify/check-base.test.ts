// `yardstick check --base` on a policy whose declared `properties:` changed: they are claims that
// `yardstick verify` checks, not rules, so nobody's result changes and no new version is needed;
// a change to anything else still needs one.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const project = resolve('.');
const POLICY = 'policies/short-video-team.yaml';
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const bundled = readFileSync(POLICY, 'utf8');

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-check-properties-'));
  mkdirSync(join(repo, 'policies'));
  mkdirSync(join(repo, 'examples'));
  // the base: the bundled policy without its `properties:` (its last section)
  writeFileSync(join(repo, POLICY), `${bundled.split('\nproperties:')[0]!}`);
  cpSync('policies/short-video-team.test.yaml', join(repo, 'policies/short-video-team.test.yaml'));
  cpSync('examples/sample-2026-10.csv', join(repo, 'examples/sample-2026-10.csv'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy without properties');
  // then the properties are declared, nothing else changes
  writeFileSync(join(repo, POLICY), bundled);
  git('commit', '-qam', 'declare the properties');
  process.chdir(repo);
});

afterAll(() => process.chdir(project));

describe('yardstick check --base, properties declared', () => {
  it('passes a change to the properties alone without a new version', async () => {
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.stdout).toBe('✓ 1 policies: valid, formatted, tested, versions bumped since HEAD~1\n');
    expect(r.code).toBe(0);
  });

  it('still asks for a version when something else changed with them', async () => {
    // 运营经理's pay base from ¥6,000 to ¥6,500, in the same commit as the properties
    writeFileSync(join(repo, POLICY), bundled.replace('pay_base: 6000', 'pay_base: 6500'));
    git('commit', '-q', '--amend', '-am', 'declare the properties, raise the ops base');
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain(
      '✗ policies/short-video-team.yaml: changed since HEAD~1 but its version 1.2.0 is not higher than 1.2.0 (bump `version:`)',
    );
  });
});
