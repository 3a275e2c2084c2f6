// `yardstick check` lists every failing test case of every policy, and a test file that cannot be
// read fails its own policy instead of ending the check.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

const project = resolve('.');

// the builders' minimal policy: one role paid 1000 × score / 100 on a 0–100 rating; A from 80
const policyText = (id: string) => policy().set('policy', id).set('title', `测试 ${id}`).yaml();

const record = (rating: number) => `record: { role: staff, stage: only, metrics: { rating: ${rating} } }`;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-check-'));
  mkdirSync(join(dir, 'policies'));
  for (const id of ['a', 'b', 'c']) writeFileSync(join(dir, `policies/${id}.yaml`), policyText(id));
  // a: the first case passes (90 → A, ¥900), the next two fail: 70 is B and pays ¥700; 85 pays ¥850
  writeFileSync(
    join(dir, 'policies/a.test.yaml'),
    `cases:\n  - name: 好\n    ${record(90)}\n    expect: { grade: A, payout: 900 }\n  - name: 错一\n    ${record(70)}\n    expect: { grade: A }\n  - name: 错二\n    ${record(85)}\n    expect: { payout: 800 }\n`,
  );
  // b: a case without `expect:` cannot be read: it fails, named
  writeFileSync(join(dir, 'policies/b.test.yaml'), `cases:\n  - name: 缺期望\n    ${record(90)}\n`);
  // c: passes (50 → B, ¥500), so it is not listed among the test failures
  writeFileSync(
    join(dir, 'policies/c.test.yaml'),
    `cases:\n  - name: 好\n    ${record(50)}\n    expect: { grade: B, payout: 500 }\n`,
  );
  process.chdir(dir);
});

afterAll(() => process.chdir(project));

describe('yardstick check', () => {
  it('lists every failing case and every failing policy', async () => {
    const r = await yardstick('check');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('✗ policies/a.yaml: tests fail (2 of 3 case(s))');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '  ✗ 错一',
      // where each expectation is written: `grade` on line 7 and `payout` on line 10, their values' columns
      '      policies/a.test.yaml:7:22: grade: expected "A", got "B"',
      '  ✗ 错二',
      '      policies/a.test.yaml:10:23: payout: expected 800, got 850',
    ]);
    // a case that cannot be read fails in its place (the file's other cases would still run)
    const b = lines.indexOf('✗ policies/b.yaml: tests fail (1 of 1 case(s))');
    expect(b).toBeGreaterThanOrEqual(0);
    expect(lines.slice(b + 1, b + 3)).toEqual([
      '  ✗ 缺期望',
      '      cannot read the case: policies/b.test.yaml: case `缺期望` has no `expect:`',
    ]);
    expect(lines.filter((l) => l.startsWith('✗ policies/c.yaml: tests'))).toEqual([]);
  });
});

// `check` run outside a policies repository (a CI step with the wrong working folder): said, not an internal error
describe('yardstick check without a policies folder', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'yardstick-check-elsewhere-'));
  afterAll(() => process.chdir(project));

  it('refuses with exit 1, naming the folder it was run in', async () => {
    process.chdir(elsewhere);
    const r = await yardstick('check');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: there is no \`policies\` folder in \`${process.cwd()}\`: \`yardstick check\` reads the policies of \`policies/\` in the folder it runs in\n` +
        '  help: run it in the folder that holds `policies/` (a policies repository; `yardstick init` creates one)',
    );
  });

  it('refuses the same way when `policies` is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-check-file-'));
    writeFileSync(join(dir, 'policies'), 'not a folder\n');
    process.chdir(dir);
    const r = await yardstick('check', '--base', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `error: there is no \`policies\` folder in \`${process.cwd()}\`: \`yardstick check\` reads the policies of \`policies/\` in the folder it runs in`,
    );
  });

  it('refuses `test` and `verify` without policy files the same way, each named', async () => {
    process.chdir(elsewhere);
    for (const command of ['test', 'verify']) {
      const r = await yardstick(command);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(
        `error: there is no \`policies\` folder in \`${process.cwd()}\`: \`yardstick ${command}\` reads the policies of \`policies/\` in the folder it runs in`,
      );
    }
  });
});
