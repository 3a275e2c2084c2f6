// Reviewing a policy change in a real git repository: the semantic changes, the impact on three
// employees computed by hand, and `check` refusing a change whose version was not bumped.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { THREE_EMPLOYEES } from './three-employees.js';

const project = resolve('.');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
const POLICY = 'policies/short-video-team.yaml';

// three employees, one per effect: the director's completion target, the ops manager's weights,
// and an editor the change does not touch
const DATA = THREE_EMPLOYEES;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'yardstick-review-'));
  mkdirSync(join(repo, 'policies'));
  // the bundled policy as version 1.0.0 with no `retroactive:`, the state these tests start from
  writeFileSync(
    join(repo, POLICY),
    readFileSync(join(project, POLICY), 'utf8')
      .replace(/^version: .*$/m, 'version: 1.0.0')
      .replace(/^retroactive: .*\n/m, ''),
  );
  cpSync(join(project, 'policies/short-video-team.test.yaml'), join(repo, 'policies/short-video-team.test.yaml'));
  mkdirSync(join(repo, 'examples'));
  cpSync(join(project, 'examples/sample-2026-10.csv'), join(repo, 'examples/sample-2026-10.csv'));
  writeFileSync(join(repo, 'month.csv'), DATA);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy v1.0.0');
  const text = readFileSync(join(repo, POLICY), 'utf8')
    .replace('target: 0.40 # domain: completion rate ≥ 40%', 'target: 0.45 # domain: completion rate ≥ 40%')
    .replace('weight: { startup: 40, mature: 20 }', 'weight: { startup: 40, mature: 25 }')
    .replace('        weight: { startup: 25, mature: 50 }', '        weight: { startup: 25, mature: 45 }');
  writeFileSync(join(repo, POLICY), text);
  // the reviewer updates the policy test the change affects: SV0068 sits exactly on the old target
  // 0.40: now 60 + 40 × 0.10/0.15 = 86.67 (× 40% = 34.67) → 32 + 34.67 + 17.17 = 83.84, bronze:
  // 4000 × 83.84% = 3353.60 + 670.72 = 4024.32
  const tests = join(repo, 'policies/short-video-team.test.yaml');
  writeFileSync(
    tests,
    readFileSync(tests, 'utf8').replace(
      'expect: { score: 89.17, grade: A, tier: bronze, payout: 4280.16, holds: [], triggers: [] }',
      'expect: { score: 83.84, grade: A, tier: bronze, payout: 4024.32, holds: [], triggers: [] }',
    ),
  );
  git('commit', '-qam', 'raise the completion target, shift ops weights');
  process.chdir(repo);
});

afterAll(() => process.chdir(project));

describe('yardstick diff between two git revisions', () => {
  it('names each change in business words', async () => {
    const r = await yardstick('diff', `HEAD~1:${POLICY}`, `HEAD:${POLICY}`, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].changes.map((c: { text: string }) => c.text)).toEqual([
      '成熟期 · 运营经理 · 权重 粉丝增长率 20 → 25',
      '成熟期 · 运营经理 · 权重 引流转化率 50 → 45',
      '编导 · 完播率 目标 40.0% → 45.0%',
    ]);
  });

  it('measures the impact on each employee to the fen', async () => {
    const r = await yardstick('diff', `HEAD~1:${POLICY}`, POLICY, '--data', 'month.csv', '--format', 'json');
    expect(r.code).toBe(0);
    const impact = JSON.parse(r.stdout)[0].impact;
    // D1: completion 0.42 scored 100 + 20 × 0.02/0.10 = 104 (× 40% = 41.6) → 101.6, A+, silver
    //     4000 × 101.6% = 4064 + 812.80 + 1000 = 5876.80
    //     now 60 + 40 × 0.12/0.15 = 92 (× 40% = 36.8) → 96.8, A, silver: 3872 + 774.40 + 1000 = 5646.40
    // O1: 100 × 20% + 100 × 30% + 120 × 50% = 110, gold: 6600 + 1320 + 1000 = 8920
    //     now 100 × 25% + 100 × 30% + 120 × 45% = 109, silver: 6540 + 1308 + 1000 = 8848
    // E1: 100 × 40% + 90 × 40% + 100 × 20% = 96 either way: 2880 + 576 + 1000 = 4456
    expect(
      impact.changes.map(
        (c: {
          employee_id: string;
          before: { grade: string; total: number; tier?: string };
          after: { grade: string; total: number; tier?: string };
          delta: number;
          kinds: string[];
        }) => [
          c.employee_id,
          c.before.grade,
          c.after.grade,
          c.before.tier,
          c.after.tier,
          c.before.total,
          c.after.total,
          c.delta,
          c.kinds,
        ],
      ),
    ).toEqual([
      ['D1', 'A+', 'A', 'silver', 'silver', 5876.8, 5646.4, -230.4, ['grade', 'pay']],
      ['O1', 'A+', 'A+', 'gold', 'silver', 8920, 8848, -72, ['pay', 'tier']],
    ]);
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([19252.8, 18950.4, -302.4]);
    expect(impact.by_grade_before).toEqual({ 'A+': 2, A: 1, B: 0, C: 0 });
    expect(impact.by_grade_after).toEqual({ 'A+': 1, A: 2, B: 0, C: 0 });
  });

  it('writes a Markdown report fit for a pull request', async () => {
    const r = await yardstick('diff', `HEAD~1:${POLICY}`, POLICY, '--data', 'month.csv', '--format', 'md');
    expect(r.stdout).toContain('### 短视频团队月度绩效考核 — `policies/short-video-team.yaml` v1.0.0 → v1.0.0');
    expect(r.stdout).toContain('- 编导 · 完播率 目标 40.0% → 45.0%');
    expect(r.stdout).toContain('| 应发合计 | ¥19,252.80 | ¥18,950.40 | **-¥302.40** |');
    expect(r.stdout).toContain('| D1 | 编导甲 | 一组 | A+ → A | ¥5,876.80 → ¥5,646.40 | -¥230.40 |');
    expect(r.stdout).toContain('| O1 | 运营乙 | 二组 | A+ → A+ (gold → silver) | ¥8,920.00 → ¥8,848.00 | -¥72.00 |');
  });

  it('a revision that does not exist, or a path not in it, is a clear input error', async () => {
    const a = await yardstick('diff', `nope~3:${POLICY}`, POLICY);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('error: git revision `nope~3` does not exist');
    const b = await yardstick('diff', 'HEAD:policies/missing.yaml', POLICY);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('error: `policies/missing.yaml` is not in git revision `HEAD`');
  });

  it('an invalid side is reported with its diagnostics instead of crashing', async () => {
    writeFileSync(
      join(repo, 'broken.yaml'),
      readFileSync(join(repo, POLICY), 'utf8').replace('weight: 40\n', 'weight: 45\n'),
    );
    const r = await yardstick('diff', POLICY, 'broken.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[policy_weights_sum]');
    expect(r.stderr).toContain('error: broken.yaml: this side of the diff is not a valid policy');
  });
});

describe('yardstick check --base', () => {
  it('fails on a changed policy whose version was not bumped and whose effective_from did not move', async () => {
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '✗ policies/short-video-team.yaml: changed since HEAD~1 but its version 1.0.0 is not higher than 1.0.0 (bump `version:`)\n' +
        '✗ policies/short-video-team.yaml: changed since HEAD~1 but its effective_from 2026-10 is not later than 2026-10 of version 1.0.0, so it would change periods already paid (set a later `effective_from:`, or, for a deliberate correction, add `retroactive: { reason: … }`)\n',
    );
  });

  it('a bumped version alone does not make a change apply to periods already paid', async () => {
    writeFileSync(
      join(repo, POLICY),
      readFileSync(join(repo, POLICY), 'utf8').replace('version: 1.0.0', 'version: 1.1.0'),
    );
    git('commit', '-q', '--amend', '-am', 'raise the completion target, shift ops weights, v1.1.0');
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '✗ policies/short-video-team.yaml: changed since HEAD~1 but its effective_from 2026-10 is not later than 2026-10 of version 1.0.0, so it would change periods already paid (set a later `effective_from:`, or, for a deliberate correction, add `retroactive: { reason: … }`)\n',
    );
  });

  it('passes when the change is a deliberate correction that says so', async () => {
    writeFileSync(
      join(repo, POLICY),
      readFileSync(join(repo, POLICY), 'utf8').replace(
        'effective_from: 2026-10\n',
        'effective_from: 2026-10\nretroactive: { reason: 更正完播率目标 }\n',
      ),
    );
    git('commit', '-q', '--amend', '-am', 'raise the completion target, shift ops weights, v1.1.0, a correction');
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.stdout).toBe('✓ 1 policies: valid, formatted, tested, versions bumped since HEAD~1\n');
    expect(r.code).toBe(0);
  });

  it('passes once the version is bumped and applies from a later period', async () => {
    writeFileSync(
      join(repo, POLICY),
      readFileSync(join(repo, POLICY), 'utf8')
        .replace(/^retroactive: .*\n/m, '')
        .replace('effective_from: 2026-10', 'effective_from: 2026-11'),
    );
    git('commit', '-q', '--amend', '-am', 'raise the completion target, shift ops weights, v1.1.0 from 2026-11');
    const r = await yardstick('check', '--base', 'HEAD~1');
    expect(r.stdout).toBe('✓ 1 policies: valid, formatted, tested, versions bumped since HEAD~1\n');
    expect(r.code).toBe(0);
  });
});

describe('yardstick check --base on a policy a merge left in conflict', () => {
  it('says it does not validate, and nothing of its version or effective_from (which it has)', async () => {
    const file = join(repo, POLICY);
    const before = readFileSync(file, 'utf8');
    const version = /^version: .*$/m.exec(before)![0];
    writeFileSync(file, before.replace(version, `<<<<<<< ours\n${version}\n=======\nversion: 9.9.9\n>>>>>>> theirs`));
    try {
      const r = await yardstick('check', '--base', 'HEAD~1');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(`✗ ${POLICY}: does not validate (1 problem(s); run \`yardstick validate ${POLICY}\`)\n`);
    } finally {
      writeFileSync(file, before);
    }
  });
});
