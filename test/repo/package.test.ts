// Yardstick installed into a policies repository of its own, as HR gets it: `npm pack`, `yardstick
// init` into an empty folder, the tarball installed there (its bin runs the bundled JavaScript: no
// tsx, no dev dependencies), `git init`, a commit through the pre-commit hook, a weight changed,
// then `check --base HEAD`, `diff --base HEAD --data …` and `git log -p` through the textconv driver.
//
// It installs packages (from npm's cache when they are there) and takes 20–60 s, so it runs when
// CI=true or YARDSTICK_PACKAGE_TESTS=required (.ci/run sets it) and says so loudly otherwise.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { PROJECT, edit, git, scratch, sh } from './scratch.js';

const run = process.env.CI === 'true' || process.env.YARDSTICK_PACKAGE_TESTS === 'required';
if (!run)
  console.warn(
    '\n*** Package tests NOT RUN: set YARDSTICK_PACKAGE_TESTS=required (CI sets it) to pack and install. ***\n',
  );

describe.runIf(run)('yardstick installed from its tarball into a new policies repository', () => {
  let repo = '';
  const bin = () => join(repo, 'node_modules/.bin/yardstick');
  const policy = () => join(repo, 'policies/startup-team.yaml');

  beforeAll(async () => {
    const packs = scratch('pack');
    const pack = sh(PROJECT, 'npm', ['pack', '--pack-destination', packs, '--silent']);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
    repo = scratch('policies');
    const init = await yardstick('init', repo);
    expect(init.code).toBe(0);
    const install = sh(repo, 'npm', ['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
    expect(install.code, install.stderr).toBe(0);
    git(repo, 'init', '-q', '-b', 'main');
    const setup = sh(repo, 'npm', ['run', '-s', 'setup']);
    expect(setup.code, setup.stderr).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'policies repository');
  }, 180_000);

  it('installs only what the bin needs: the bundle, not the TypeScript sources', () => {
    const installed = join(repo, 'node_modules/yardstick');
    expect(existsSync(join(installed, 'dist/cli/main.mjs'))).toBe(true);
    expect(existsSync(join(installed, 'dist/cli/textconv.mjs'))).toBe(true);
    expect(existsSync(join(installed, 'node/cli/main.ts'))).toBe(false);
    expect(existsSync(join(installed, 'engine'))).toBe(false);
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies.yardstick).toMatch(/\.tgz$/);
  });

  it('the first commit went through the pre-commit hook, and git knows the diff driver', () => {
    expect(git(repo, 'config', 'diff.yardstick.textconv').trim()).toBe('node_modules/.bin/yardstick textconv');
    expect(git(repo, 'config', 'core.hooksPath').trim()).toBe('.githooks');
    expect(git(repo, 'log', '--format=%s').trim()).toBe('policies repository');
    expect(git(repo, 'ls-files')).not.toContain('node_modules');
  });

  it('check --base HEAD refuses a changed weight without a new version, then passes once bumped', () => {
    // 运营经理: 粉丝增长率 40 → 45, 爆款率 35 → 30 (still 100 with 引流转化率 25)
    let text = readFileSync(policy(), 'utf8');
    text = edit(text, '        weight: 40\n', '        weight: 45\n');
    text = edit(text, '        weight: 35\n', '        weight: 30\n');
    writeFileSync(policy(), text);
    const refused = sh(repo, bin(), ['check', '--base', 'HEAD', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n')[0]).toBe(
      '✗ policies/startup-team.yaml: changed since HEAD but its version 0.1.0 is not higher than 0.1.0 (bump `version:`)',
    );
    text = edit(text, 'version: 0.1.0', 'version: 0.2.0');
    text = edit(text, 'effective_from: 2026-10', 'effective_from: 2026-11');
    writeFileSync(policy(), text);
    // the installed command speaks Chinese unless told otherwise, its success line too
    const ok = sh(repo, bin(), ['check', '--base', 'HEAD']);
    expect(ok.stdout).toBe('✓ 1 个政策：校验通过、格式规范、测试通过，自 HEAD 以来已提高版本\n');
    expect(ok.code).toBe(0);
  });

  it('diff --base HEAD --data shows the weight shift and what it costs one person', () => {
    const r = sh(repo, bin(), ['diff', '--base', 'HEAD', '--data', 'examples/sample-2026-10.csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').map((l) => l.trim());
    expect(lines).toContain('~ 运营经理 · 权重 粉丝增长率 40 → 45');
    expect(lines).toContain('~ 运营经理 · 权重 爆款率 35 → 30');
    // SV0001 (运营经理, 6000 base): 粉丝增长率 9.3% → 60 + 40 × 0.043/0.10 = 77.2; 爆款率 3/40 = 0.075 → 80;
    // 引流转化率 569/34000 = 0.016735 → 60 + 40 × 0.006735/0.02 = 73.47
    // before 77.2 × 40% + 80 × 35% + 73.47 × 25% = 77.25 → ¥4,635.00; after 77.2 × 45% + 80 × 30% + 18.37 = 77.11 → ¥4,626.60
    expect(lines).toContain('SV0001 许桐芳 短视频一组: B → B, ¥4,635.00 → ¥4,626.60 (-¥8.40)');
  });

  it('git log -p shows a policy through textconv, and a version that is not YAML as written, under the marker', () => {
    git(repo, 'commit', '-q', '--no-verify', '-am', 'weights');
    writeFileSync(policy(), `${readFileSync(policy(), 'utf8')}roles: [ unclosed\n`);
    git(repo, 'commit', '-q', '--no-verify', '-am', 'mid-edit');
    const log = sh(repo, 'git', ['log', '-p', '-2', '--', 'policies/startup-team.yaml']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stderr).toBe('');
    expect(log.stdout).toContain(
      '+# ⚠ yardstick: not valid YAML, shown as written (yardstick validate names the problem)',
    );
    expect(log.stdout).toContain('+roles: [ unclosed');
    expect(log.stdout).toContain('+        weight: 45');
  });
});
