// `yardstick test` reports every failing and every unreadable case of every policy: a case that
// cannot be built fails in its place, a test file that cannot be read fails its policy, and the
// run goes on to the end.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick, yardstickAsIs } from '../yardstick.js';

const project = resolve('.');
// the builders' minimal policy: one role paid 1000 × score / 100 on a 0–100 rating; A from 80, B from 60
const policyText = (id: string) => policy().set('policy', id).set('title', `测试 ${id}`).yaml();
const record = (rating: number) => `record: { role: staff, stage: only, metrics: { rating: ${rating} } }`;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-test-all-'));
  mkdirSync(join(dir, 'policies'));
  for (const id of ['a', 'b', 'c']) writeFileSync(join(dir, `policies/${id}.yaml`), policyText(id));
  // a: four cases — 90 → A passes; one without `expect:`; 70 is B, not A; one with a misspelt key
  writeFileSync(
    join(dir, 'policies/a.test.yaml'),
    [
      'cases:',
      `  - name: 好\n    ${record(90)}\n    expect: { grade: A }`,
      `  - name: 缺期望\n    ${record(90)}`,
      `  - name: 错\n    ${record(70)}\n    expect: { grade: A }`,
      `  - name: 拼错\n    ${record(90)}\n    expect: { payuot: 900 }`,
      '',
    ].join('\n'),
  );
  // b: not YAML
  writeFileSync(join(dir, 'policies/b.test.yaml'), 'cases: [ unclosed\n');
  // c: 50 → B, ¥500: passes
  writeFileSync(
    join(dir, 'policies/c.test.yaml'),
    `cases:\n  - name: 好\n    ${record(50)}\n    expect: { grade: B, payout: 500 }\n`,
  );
  process.chdir(dir);
});

afterAll(() => process.chdir(project));

describe('yardstick test', () => {
  it('lists every failing and unreadable case, then every policy, and fails once at the end', async () => {
    const r = await yardstick('test');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => !l.startsWith('  not exercised'));
    expect(lines.slice(0, 8)).toEqual([
      'policies/a.yaml: 1 passed, 3 failed',
      '  ✗ 缺期望',
      '      cannot read the case: policies/a.test.yaml: case `缺期望` has no `expect:`',
      '  ✗ 错',
      // where the expectation is written: line 9, `grade`'s value at column 22
      '      policies/a.test.yaml:9:22: grade: expected "A", got "B"',
      '  ✗ 拼错',
      '      cannot read the case: policies/a.test.yaml:12:15: `payuot` is not a key of a case’s `expect:`; the keys are `score`, `grade`, `tier`, `payout`, `status`, `holds`, `triggers`',
      '  help: check the spelling (schemas/policy-test.schema.json lists every key)',
    ]);
    // b's test file is not YAML: its error is on stderr, as when it was the only policy tested
    expect(r.stderr.split('\n')[0]).toBe('error: policy tests `policies/b.test.yaml` cannot be read:');
    expect(r.stderr.split('\n')[1]).toMatch(/^policies\/b\.test\.yaml:2:1: error\[yaml_/);
    expect(lines).toContain('policies/c.yaml: 1 passed, 0 failed');
    expect(lines.at(-2)).toBe('2 passed, 3 failed, 1 policy(ies) whose tests cannot run');
  });

  it('a policy path that does not exist is a file that cannot be read, not a policy without tests', async () => {
    // before: `policies/typo.yaml: no tests (write them in policies/typo.test.yaml)`, 0 passed, exit 0
    const r = await yardstick('test', 'policies/typo.yaml', 'policies/c.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error: cannot read policy `policies/typo.yaml`: no such file');
    expect(r.stdout).not.toContain('no tests');
    expect(r.stdout.split('\n').at(-2)).toBe('1 passed, 0 failed, 1 policy(ies) whose tests cannot run');
  });

  it('a policy that is there and has no test file is "no tests", and passes', async () => {
    writeFileSync('policies/d.yaml', policyText('d'));
    const r = await yardstick('test', 'policies/d.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('policies/d.yaml: no tests (write them in policies/d.test.yaml)\n0 passed, 0 failed\n');
  });

  // `policy: x` and nothing else: title, version, metrics, stages, roles, grades and payout are missing
  const missing = ['title', 'version', 'metrics', 'stages', 'roles', 'grades', 'payout'];
  const problems = (file: string) => [
    `error: ${file}: the policy has 7 problem(s)`,
    ...missing.map(
      (key) => `${file}:1:1: error[schema_missing_key]: \`the policy\` is missing required key \`${key}\``,
    ),
  ];

  it('a policy that does not validate and has no test file is reported as validate reports it, and fails', async () => {
    // before: `policies/e.yaml: no tests (write them in policies/e.test.yaml)`, 0 passed, exit 0
    writeFileSync('policies/e.yaml', 'policy: x\n');
    const r = await yardstick('test', 'policies/e.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  help:'))).toEqual(problems('policies/e.yaml'));
    expect(r.stdout).toBe('0 passed, 0 failed, 1 policy(ies) whose tests cannot run\n');
  });

  it('speaks Chinese unless --lang en, as validate and run do', async () => {
    // before: `policies/a.yaml: 1 passed, 3 failed` … whatever the language
    const r = await yardstickAsIs('test', 'policies/a.yaml', 'policies/d.yaml');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'policies/a.yaml：1 个通过，3 个失败',
      '  ✗ 缺期望',
      '      无法读取用例：policies/a.test.yaml：用例 `缺期望` 没有 `expect:`',
      '  ✗ 错',
      '      policies/a.test.yaml:9:22: grade：应为 "A"，实为 "B"',
    ]);
    expect(lines.slice(-3)).toEqual([
      'policies/d.yaml：没有测试（请写在 policies/d.test.yaml）',
      '1 个通过，3 个失败',
      '',
    ]);
    const en = await yardstickAsIs('test', 'policies/d.yaml', '--lang', 'en');
    expect(en.stdout).toBe('policies/d.yaml: no tests (write them in policies/d.test.yaml)\n0 passed, 0 failed\n');
  });

  it('with --error-format json, says the problems of a policy that does not validate as JSON on stderr', async () => {
    const r = await yardstickAsIs('test', 'policies/e.yaml', '--error-format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('0 个通过，0 个失败，1 个政策的测试无法运行\n');
    const said = JSON.parse(r.stderr) as { diagnostics: { code: string; message: string; span?: { line: number } }[] };
    expect(said.diagnostics.map((d) => d.code)).toEqual([
      'cli_policy_invalid',
      ...missing.map(() => 'schema_missing_key'),
    ]);
    expect(said.diagnostics[0]!.message).toBe('policies/e.yaml：政策有 7 个问题');
    expect(said.diagnostics[1]).toMatchObject({ message: '`政策` 缺少必填键 `title`', span: { line: 1, column: 1 } });
  });

  it('a test file beside a policy that does not validate, or beside none, fails its policy', async () => {
    writeFileSync('policies/f.yaml', 'policy: x\n');
    writeFileSync('policies/f.test.yaml', `cases:\n  - name: 好\n    ${record(50)}\n    expect: { grade: B }\n`);
    writeFileSync('policies/gone.test.yaml', `cases:\n  - name: 好\n    ${record(50)}\n    expect: { grade: B }\n`);
    const r = await yardstick('test', 'policies/f.yaml', 'policies/gone.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  help:'))).toEqual([
      ...problems('policies/f.yaml'),
      'error: cannot read policy `policies/gone.yaml`: no such file',
    ]);
    expect(r.stdout).toBe('0 passed, 0 failed, 2 policy(ies) whose tests cannot run\n');
  });
});
