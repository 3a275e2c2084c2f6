// `yardstick init [DIR]`: every file of a policies repository, the editor's schema association,
// and the refusal to overwrite anything.

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { scratch } from './scratch.js';

const FILES = [
  'policies/livestream-team.yaml',
  'policies/livestream-team.test.yaml',
  'examples/livestream-2026-10.csv',
  'README.md',
  '.gitattributes',
  '.gitignore',
  '.github/workflows/policy-review.yml',
  '.githooks/pre-commit',
  '.vscode/settings.json',
  '.vscode/extensions.json',
  'package.json',
];

describe('yardstick init', () => {
  it('writes a policies repository from the chosen template, each file named', async () => {
    const dir = scratch('init');
    const r = await yardstick('init', dir, '--template', 'livestream-team');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, FILES.length)).toEqual(FILES.map((f) => `  + ${f}`));
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    // the policy is the template, the month is the bundled livestream sample, byte for byte
    expect(readFileSync(join(dir, 'policies/livestream-team.yaml'), 'utf8')).toBe(
      readFileSync('editor/templates/livestream-team.yaml', 'utf8'),
    );
    expect(readFileSync(join(dir, 'examples/livestream-2026-10.csv'))).toEqual(
      readFileSync('examples/livestream-2026-10.csv'),
    );
    expect(statSync(join(dir, '.githooks/pre-commit')).mode & 0o111).toBe(0o111);
  });

  it('associates the schemas with the files in VS Code, and each file names its schema for other editors', async () => {
    const dir = scratch('init');
    expect((await yardstick('init', dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': {
        './node_modules/yardstick/schemas/policy.schema.json': ['policies/*.yaml', '!policies/*.test.yaml'],
        './node_modules/yardstick/schemas/policy-test.schema.json': ['policies/*.test.yaml'],
        './node_modules/yardstick/schemas/data-mapping.schema.json': ['*.data.yaml', '**/*.data.yaml'],
      },
    });
    expect(readFileSync(join(dir, 'policies/startup-team.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/yardstick/schemas/policy.schema.json',
    );
    expect(readFileSync(join(dir, 'policies/startup-team.test.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/yardstick/schemas/policy-test.schema.json',
    );
    for (const schema of ['policy', 'policy-test', 'data-mapping'])
      expect(existsSync(`schemas/${schema}.schema.json`)).toBe(true);
  });

  it('keeps real data and the ledger out of git, and sets git up with one documented script', async () => {
    const dir = scratch('init');
    await yardstick('init', dir);
    const ignored = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
    for (const line of ['node_modules/', '/data/', '/.yardstick/', '/statements/']) expect(ignored).toContain(line);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain(
      '\npolicies/*.yaml diff=yardstick merge=yardstick\n',
    );
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts.setup).toBe(
      [
        "git config diff.yardstick.textconv 'node_modules/.bin/yardstick textconv'",
        'git config diff.yardstick.cachetextconv true',
        "git config merge.yardstick.name 'yardstick policy merge'",
        "git config merge.yardstick.driver 'node_modules/.bin/yardstick merge-driver %O %A %B'",
        'git config core.hooksPath .githooks',
      ].join(' && '),
    );
    expect(pkg.private).toBe(true);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    // the four commands HR needs, on the starter policy and its month
    for (const command of [
      'npx yardstick run policies/startup-team.yaml --data examples/sample-2026-10.csv --exclude-invalid',
      'npx yardstick check',
      'npx yardstick diff --base main --data examples/sample-2026-10.csv',
      'npx yardstick statements policies/startup-team.yaml --data examples/sample-2026-10.csv --out statements/ --exclude-invalid',
    ])
      expect(readme).toContain(`\n${command}\n`);
    expect(readme).not.toMatch(/\{\{/);
  });

  it('refuses to overwrite: one existing file and nothing is written (exit 3)', async () => {
    const dir = scratch('init');
    writeFileSync(join(dir, 'README.md'), '# 我们自己的说明\n');
    const r = await yardstick('init', dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: init writes nothing: 1 file(s) it would create already exist in \`${dir}\`: \`README.md\`\n` +
        '  help: init never overwrites a file: run it in an empty folder, or move these files away first',
    );
    expect(readdirSync(dir)).toEqual(['README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# 我们自己的说明\n');
  });

  it('the starter tests pass on the starter policy', async () => {
    const dir = scratch('init');
    await yardstick('init', dir, '--template', 'mature-team');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await yardstick('test');
      expect(r.stdout.split('\n')[0]).toBe('policies/mature-team.yaml: 2 passed, 0 failed');
      expect(r.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});
