// `yardstick init [DIR]`: a policies repository of its own — a starter policy from a template with
// its tests, a synthetic month, git settings for policies, the CI workflow for policy review, a
// pre-commit hook, editor settings for the schemas and a README in Chinese. It writes every file or
// none: when one of them exists, it stops before writing anything (exit 3).

import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { makeFolders } from '../../files.js';
import { basename, dirname, join, resolve } from 'node:path';
import { diagnostic } from '../../../engine/index.js';
import { git } from '../../git.js';
import { EXIT, ExitError } from '../errors.js';
import { writeAtomic, writeFailure, type Io } from '../io.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** The starter policies, each with the synthetic month it is measured on. */
export const STARTERS = {
  'startup-team': 'sample-2026-10.csv',
  'mature-team': 'sample-2026-10.csv',
  'livestream-team': 'livestream-2026-10.csv',
} as const;
export type Starter = keyof typeof STARTERS;

/** How git shows a policy (textconv), caches it, merges it, and where the hooks are: `npm run setup`, and init in a repository. */
export const GIT_SETTINGS: readonly [string, string][] = [
  ['diff.yardstick.textconv', 'node_modules/.bin/yardstick textconv'],
  ['diff.yardstick.cachetextconv', 'true'],
  ['merge.yardstick.name', 'yardstick policy merge'],
  ['merge.yardstick.driver', 'node_modules/.bin/yardstick merge-driver %O %A %B'],
  ['core.hooksPath', '.githooks'],
];

const SCHEMA = './node_modules/yardstick/schemas';

const packageFile = (...path: string[]) => readFileSync(join(PACKAGE_ROOT, ...path), 'utf8');

/** Every file init writes, by its path in the new repository. */
export function scaffold(template: Starter, name: string): Map<string, { text: string; executable?: boolean }> {
  const data = STARTERS[template];
  const files = new Map<string, { text: string; executable?: boolean }>();
  const add = (path: string, text: string, executable = false) => files.set(path, { text, executable });
  add(`policies/${template}.yaml`, packageFile('editor', 'templates', `${template}.yaml`));
  add(`policies/${template}.test.yaml`, packageFile('scaffold', 'tests', `${template}.test.yaml`));
  add(`examples/${data}`, packageFile('examples', data));
  add(
    'README.md',
    packageFile('scaffold', 'README.md').replaceAll('{{policy}}', template).replaceAll('{{data}}', data),
  );
  add(
    '.gitattributes',
    [
      '# 政策文件用 yardstick 的 diff 驱动显示：规范格式，无效 YAML 原样显示并加标记（README「第一次使用」）',
      '# policies diff through the yardstick driver once `npm run setup` has configured it',
      'policies/*.yaml diff=yardstick merge=yardstick',
      '',
    ].join('\n'),
  );
  add(
    '.gitignore',
    [
      'node_modules/',
      '# 真实数据和结果台账含有个人薪酬信息，不要提交 / real data and the results ledger hold personal pay data',
      '/data/',
      '/.yardstick/',
      '*.local.csv',
      '*.local.xlsx',
      '/statements/',
      '/impact.md',
      '/comment.md',
      '',
    ].join('\n'),
  );
  add('.github/workflows/policy-review.yml', packageFile('docs', 'ci', 'policy-review.yml'));
  add('.githooks/pre-commit', packageFile('scaffold', 'pre-commit'), true);
  add(
    '.vscode/settings.json',
    `${JSON.stringify(
      {
        'yaml.schemas': {
          [`${SCHEMA}/policy.schema.json`]: ['policies/*.yaml', '!policies/*.test.yaml'],
          [`${SCHEMA}/policy-test.schema.json`]: ['policies/*.test.yaml'],
          [`${SCHEMA}/data-mapping.schema.json`]: ['*.data.yaml', '**/*.data.yaml'],
        },
      },
      null,
      2,
    )}\n`,
  );
  add('.vscode/extensions.json', `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`);
  add(
    'package.json',
    `${JSON.stringify(
      {
        name,
        private: true,
        description: '绩效考核与奖金政策 / KPI and bonus policies',
        scripts: {
          setup: GIT_SETTINGS.map(([k, v]) => `git config ${k} ${v.includes(' ') ? `'${v}'` : v}`).join(' && '),
          check: 'yardstick check',
          test: 'yardstick test',
        },
      },
      null,
      2,
    )}\n`,
  );
  return files;
}

/** A package name from the folder's name: lowercase letters, digits and hyphens, else `policies`. */
function packageName(dir: string): string {
  const n = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return n || 'policies';
}

function insideGit(dir: string): boolean {
  try {
    return git(['rev-parse', '--is-inside-work-tree'], { cwd: dir }).trim() === 'true';
  } catch {
    return false;
  }
}

export function initCommand(dir: string | undefined, o: { template: Starter }, io: Io): number {
  const root = dir ?? '.';
  const files = scaffold(o.template, packageName(root));
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length)
    throw new ExitError(
      EXIT.exists,
      diagnostic(
        'cli_init_exists',
        { count: existing.length, dir: root, files: existing.map((f) => `\`${f}\``).join(', ') },
        { file: join(root, existing[0]!) },
      ),
    );
  for (const [path, { text, executable }] of files) {
    const target = join(root, path);
    try {
      makeFolders(dirname(target));
    } catch (error) {
      throw writeFailure((error as NodeJS.ErrnoException).path ?? dirname(target), error);
    }
    writeAtomic(target, text);
    if (executable) chmodSync(target, 0o755);
    io.stdout(`  + ${path}\n`);
  }
  const repo = insideGit(root);
  if (repo) for (const [key, value] of GIT_SETTINGS) git(['config', key, value], { cwd: root });
  const cd = dir === undefined || dir === '.' ? '' : `cd ${dir} && `;
  io.stdout(
    [
      '',
      `已创建政策仓库 / policies repository created (${files.size} files, starter policy ${o.template}).`,
      repo
        ? '已配置 git（diff 驱动、缓存、提交前检查）/ git configured (diff driver, cache, pre-commit hook).'
        : `下一步 / next: ${cd}git init && npm install -D <yardstick .tgz or git URL> && npm run setup`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
