// `yardstick verify` and the verify step of `yardstick check`, run in-process on a scratch
// `policies/` folder: a policy whose 30th video lowers the score fails both, with the two employees.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, positionOf } from '../builders.js';
import { yardstick, yardstickAsIs } from '../yardstick.js';

const project = resolve('.');
// 20–29 videos: 100 points; 30 or more: 70 (the steps are in order of `min`, not of points)
const bad = policy()
  .metric('videos', { label: '视频数', unit: 'count' })
  .indicator('staff', 'rating', {
    metric: 'videos',
    scoring: 'steps',
    steps: [
      { min: 30, points: 70 },
      { min: 20, points: 100 },
      { min: 0, points: 0 },
    ],
    weight: 100,
  })
  .yaml();
const at = positionOf(bad, ['roles', 'staff', 'indicators', 'rating']);
const message = 'the score of 员工 (常规) falls from 100 to 70 when `视频数` improves from 29 to 30';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-verify-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/bad.yaml'), bad);
  // 25 videos → 100 points, grade A, ¥1,000.00: the tests pass, verify does not
  writeFileSync(
    join(dir, 'policies/bad.test.yaml'),
    'cases:\n  - name: 好\n    record: { role: staff, stage: only, metrics: { videos: 25 } }\n    expect: { grade: A, payout: 1000 }\n',
  );
  process.chdir(dir);
});

afterAll(() => process.chdir(project));

describe('yardstick verify', () => {
  it('prints the failing property where it is written, and its counterexample as test cases', async () => {
    const r = await yardstick('verify', '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^policies\/bad\.yaml: \d+ properties: \d+ proved, \d+ shown by an example, 1 searched \(\d+ cases considered over all verdicts\), 1 fail, 1 undecided · \d+ ms$/,
    );
    expect(lines).toContain(`    policies/bad.yaml:${at.line}:${at.column}: error[verify_not_monotone]: ${message}`);
    expect(lines).toContain(
      '    counterexample (paste under `cases:` in the policy tests; the engine, evaluating it again, confirms the failure):',
    );
    expect(lines).toContain('        record: { employee_id: V2, role: staff, stage: only, metrics: { videos: 30 } }');
  });

  it('speaks Chinese by default: the summary, each verdict, the diagnostic and the counterexample line', async () => {
    const r = await yardstickAsIs('verify', 'policies/bad.yaml');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^policies\/bad\.yaml：\d+ 项性质，已证明 \d+ 项，举例证实 \d+ 项，搜索 1 项（各项性质共考察 \d+ 例），不成立 1 项，未定 1 项 · 用时 \d+ 毫秒$/,
    );
    expect(
      lines.filter((l) =>
        /^ {2}不成立 · roles\.staff\.indicators\.rating\.only 的性质 monotone · 搜索 \d+ 例$/.test(l),
      ),
    ).toHaveLength(1);
    expect(lines).toContain(
      `    policies/bad.yaml:${at.line}:${at.column}: error[verify_not_monotone]: 员工（常规）的得分在 \`视频数\` 从 29 改善到 30 时由 100 降到 70`,
    );
    expect(lines).toContain('    反例（可粘贴到政策测试文件的 `cases:` 下；引擎重新计算后确认不成立）：');
    // the cases are named and annotated in Chinese too: 29 videos score 100, the 30th drops it to 70
    expect(lines).toContain('      - name: "verify：videos = 29"');
    expect(lines).toContain('      - name: "verify：videos = 30 不应少于 videos = 29"');
    expect(lines).toContain('        # 引擎目前给出得分 70');
  });

  it('leaves a roll-up policy out of "every policy in policies/": it scores no employee', async () => {
    // a top-level `rollup:` is a roll-up policy (it does not validate as a monthly one)
    writeFileSync('policies/annual.yaml', 'policy: annual\nrollup: { of: bad, period: year }\n');
    try {
      const r = await yardstick('verify', '--lang', 'en');
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toContain('annual');
      expect(r.stdout.split('\n').filter((l) => /^policies\//.test(l))).toHaveLength(1);
    } finally {
      rmSync('policies/annual.yaml');
    }
  });

  it('says the same in JSON', async () => {
    const r = await yardstick('verify', 'policies/bad.yaml', '--format', 'json');
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    const failing = out.policies[0].verdicts.filter((v: { holds: boolean | null }) => v.holds === false);
    expect(
      failing.map((v: { property: string; basis: string; confirmed: boolean }) => [v.property, v.basis, v.confirmed]),
    ).toEqual([['monotone', 'searched', true]]);
  });
});

describe('yardstick check', () => {
  it('fails a policy whose property fails, naming it', async () => {
    const r = await yardstick('check');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        '✗ policies/bad.yaml: policy properties that fail: 1',
        '  help: run `yardstick verify policies/bad.yaml` for each counterexample as a ready-to-paste test case',
        `  policies/bad.yaml:${at.line}:${at.column}: error[verify_not_monotone]: ${message}`,
      ]),
    );
  });

  it('names it in Chinese by default', async () => {
    const r = await yardstickAsIs('check');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        '✗ policies/bad.yaml：1 项政策性质不成立',
        '  提示：请运行 `yardstick verify policies/bad.yaml`，每个反例都列成可直接粘贴的测试案例',
        `  policies/bad.yaml:${at.line}:${at.column}: error[verify_not_monotone]: 员工（常规）的得分在 \`视频数\` 从 29 改善到 30 时由 100 降到 70`,
        '    提示：请让 `视频数` 越好得分越高（档位按顺序、不因做得更好而扣分），或在 `properties:` 中声明这个例外',
      ]),
    );
  });
});
