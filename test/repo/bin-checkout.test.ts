// The `yardstick` command in a checkout runs the bundle in dist/cli/ (a faster start than tsx)
// only while every source it was built from is unchanged; a changed source rebuilds it first, and
// YARDSTICK_FROM_SOURCES=1 runs the TypeScript through tsx. Tried on a copy of the checkout, so
// that editing a source here never touches the project's own files.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, PROJECT, scratch, sh } from './scratch.js';

const validate = (dir: string, env: NodeJS.ProcessEnv = ENV) =>
  sh(dir, process.execPath, ['node/cli/bin.mjs', 'validate', 'policies/short-video-team.yaml', '--lang', 'en'], env);

describe('a checkout of Yardstick', () => {
  it('builds dist/cli once, runs it while the sources are unchanged, and rebuilds it after an edit', () => {
    const dir = scratch('checkout');
    const files = execFileSync(
      'git',
      ['ls-files', 'node', 'engine', 'schemas', 'scripts', 'policies', 'package.json', 'tsconfig.json'],
      {
        cwd: PROJECT,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((f) => f && existsSync(join(PROJECT, f)));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(join(PROJECT, f), join(dir, f));
    }
    symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));

    // no bundle yet: the first run builds it, with the record of its sources
    const first = validate(dir);
    expect([first.code, first.stdout]).toEqual([
      0,
      'ok  policies/short-video-team.yaml: short-video-team v1.2.0, 4 roles, 2 stages\n',
    ]);
    const inputs = JSON.parse(readFileSync(join(dir, 'dist/cli/inputs.json'), 'utf8')).inputs;
    expect(Object.keys(inputs)).toContain('engine/model/messages/cli.ts');
    expect(Object.keys(inputs)).toContain('engine/evaluation/evaluate.ts');
    const built = statSync(join(dir, 'dist/cli/main.mjs')).mtimeMs;

    // unchanged sources: the same bundle, not rebuilt
    expect(validate(dir).code).toBe(0);
    expect(statSync(join(dir, 'dist/cli/main.mjs')).mtimeMs).toBe(built);

    // an edited source: rebuilt before it runs, so the run says what the source now says
    const source = join(dir, 'engine/model/messages/cli.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('{roles} roles, ', '{roles} ROLES, '));
    expect(validate(dir).stdout).toBe(
      'ok  policies/short-video-team.yaml: short-video-team v1.2.0, 4 ROLES, 2 stages\n',
    );
    expect(readFileSync(join(dir, 'dist/cli/main.mjs'), 'utf8')).toContain('ROLES, ');

    // the sources through tsx when asked: another edit shows without a rebuild
    writeFileSync(source, readFileSync(source, 'utf8').replace('{roles} ROLES, ', '{roles} Roles, '));
    const fromSources = validate(dir, { ...ENV, YARDSTICK_FROM_SOURCES: '1' });
    expect(fromSources.stdout).toBe('ok  policies/short-video-team.yaml: short-video-team v1.2.0, 4 Roles, 2 stages\n');
    expect(readFileSync(join(dir, 'dist/cli/main.mjs'), 'utf8')).toContain('ROLES, ');

    // a source that does not build: tsx runs the sources and says where the error is
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nexport const broken = ;\n`);
    const broken = validate(dir);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('cli.ts');
  }, 120_000);
});
