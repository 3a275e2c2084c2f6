// The merge driver `yardstick init` sets up: a branch that only re-laid out a policy merges cleanly
// with one that changed a value (git's own merge conflicts on them); a real conflict stays one.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT, git, scratch, sh } from './scratch.js';

const POLICY = 'policy: p\nweights: { a: 40, b: 60 }\ntiers: { gold: 1.5 }\n';

function repo(driver: boolean): string {
  const dir = scratch('merge');
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.gitattributes'), 'policies/*.yaml merge=yardstick\n');
  if (driver)
    git(dir, 'config', 'merge.yardstick.driver', `node ${join(PROJECT, 'node/cli/bin.mjs')} merge-driver %O %A %B`);
  sh(dir, 'mkdir', ['policies']);
  writeFileSync(join(dir, 'policies/p.yaml'), POLICY);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  // one branch writes the maps out in block style, the other raises a weight
  git(dir, 'checkout', '-q', '-b', 'layout');
  writeFileSync(join(dir, 'policies/p.yaml'), 'policy: p\nweights: {a: 40, b: 60}\ntiers: {gold: 1.5}\n');
  git(dir, 'commit', '-q', '-am', 'layout');
  git(dir, 'checkout', '-q', 'main');
  writeFileSync(join(dir, 'policies/p.yaml'), 'policy: p\nweights: { a: 45, b: 55 }\ntiers: { gold: 1.5 }\n');
  git(dir, 'commit', '-q', '-am', 'weights');
  return dir;
}

describe('the merge driver', { timeout: 60_000 }, () => {
  it('merges a change of layout with a change of values', () => {
    const dir = repo(true);
    const r = sh(dir, 'git', ['merge', '-q', '--no-edit', 'layout']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'policies/p.yaml'), 'utf8')).toBe(
      'policy: p\nweights: { a: 45, b: 55 }\ntiers: { gold: 1.5 }\n',
    );
  });

  it('without it, git conflicts on the same two branches', () => {
    const dir = repo(false);
    expect(sh(dir, 'git', ['merge', '-q', '--no-edit', 'layout']).code).toBe(1);
  });

  it('leaves a real conflict marked in the file, and the merge stops', () => {
    const dir = repo(true);
    git(dir, 'checkout', '-q', 'layout');
    writeFileSync(join(dir, 'policies/p.yaml'), 'policy: p\nweights: {a: 50, b: 50}\ntiers: {gold: 1.5}\n');
    git(dir, 'commit', '-q', '-am', 'other weights');
    git(dir, 'checkout', '-q', 'main');
    expect(sh(dir, 'git', ['merge', '-q', '--no-edit', 'layout']).code).toBe(1);
    expect(readFileSync(join(dir, 'policies/p.yaml'), 'utf8')).toBe(
      [
        'policy: p',
        '<<<<<<< ours',
        'weights: { a: 45, b: 55 }',
        '=======',
        'weights: { a: 50, b: 50 }',
        '>>>>>>> theirs',
        'tiers: { gold: 1.5 }',
        '',
      ].join('\n'),
    );
  });
});
