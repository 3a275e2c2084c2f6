// `yardstick test` runs the policy tests beside each policy; `yardstick fmt` keeps one layout.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick, yardstickAsIs } from '../yardstick.js';

describe('yardstick test', () => {
  it('every bundled policy passes its tests and every indicator, rule, grade and tier is exercised', async () => {
    const r = await yardstick('test');
    expect(r.stdout).toBe(
      'policies/annual-review.yaml: 3 passed, 0 failed\npolicies/content-three-dimension.yaml: 5 passed, 0 failed\npolicies/livestream-team.yaml: 8 passed, 0 failed\npolicies/short-video-team.yaml: 10 passed, 0 failed\n26 passed, 0 failed\n',
    );
    expect(r.code).toBe(0);
  });

  it('a failing case shows what was expected and what came out, and what no case exercises', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-ptest-'));
    const policy = join(dir, 'p.yaml');
    writeFileSync(
      policy,
      readFileSync('test/cases/linear-segments.yaml', 'utf8')
        .split('policy: |\n')[1]
        .split('data: |')[0]
        .replace(/^ {2}/gm, ''),
    );
    writeFileSync(
      join(dir, 'p.test.yaml'),
      'cases:\n  - name: 门槛与目标之间\n    record: { employee_id: X, role: director, stage: only, metrics: { rate: 0.35 } }\n    expect: { score: 90, grade: A, payout: 800 }\n',
    );
    const r = await yardstick('test', policy);
    expect(r.code).toBe(1);
    // each failure at its expectation: `score`'s value at line 4, column 22, `grade`'s at column 33
    const tests = join(dir, 'p.test.yaml');
    expect(r.stdout).toBe(
      `${policy}: 0 passed, 1 failed\n  ✗ 门槛与目标之间\n      ${tests}:4:22: score: expected 90, got 80\n      ${tests}:4:33: grade: expected "A", got "B"\n  not exercised by any case: grades A+, A, C\n0 passed, 1 failed\n`,
    );
  });

  it('a record the engine would read as another employee is refused at its value: a list, a misspelt metric, a text pay base, a history that is no list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-ptest-'));
    const policy = join(dir, 'p.yaml');
    writeFileSync(
      policy,
      readFileSync('test/cases/linear-segments.yaml', 'utf8')
        .split('policy: |\n')[1]
        .split('data: |')[0]
        .replace(/^ {2}/gm, ''),
    );
    // columns counted by hand: `    record: { employee_id: X, role: director, stage: only, metrics: { rate: ` is 76
    // characters, so the value is at column 77. On main `rate: [0.4]` was read as 0.4 and the case passed; `rat: 0.1` was ignored; `history: C` read as [C]
    writeFileSync(
      join(dir, 'p.test.yaml'),
      [
        'cases:',
        '  - name: 列表',
        '    record: { employee_id: X, role: director, stage: only, metrics: { rate: [0.4] } }',
        '    expect: { score: 100 }',
        '  - name: 拼错',
        '    record: { employee_id: X, role: director, stage: only, metrics: { rate: 0.4, rat: 0.1 } }',
        '    expect: { score: 100 }',
        '  - name: 基数',
        '    record: { employee_id: X, role: director, stage: only, pay_base: "6千", metrics: { rate: 0.4 } }',
        '    expect: { score: 100 }',
        '  - name: 历史',
        '    record: { employee_id: X, role: director, stage: only, metrics: { rate: 0.4 } }',
        '    history: C',
        '    expect: { score: 100 }',
        '  - name: 正常',
        '    record: { employee_id: X, role: director, stage: only, metrics: { rate: 0.4 } }',
        '    expect: { score: 100, payout: 1000 }',
        '',
      ].join('\n'),
    );
    const r = await yardstick('test', policy);
    expect(r.code).toBe(1);
    const help =
      '  help: give `role` and `stage` by the policy’s ids and `period` as 2026-10, each metric by its id with a number (a ratio as a fraction: 0.2), `pay_base` as a number, `history` as a list of grades, and under `expect:` the score and payout as numbers and the grade as the policy writes it';
    const test = join(dir, 'p.test.yaml');
    expect(r.stdout).toBe(
      [
        `${policy}: 1 passed, 4 failed`,
        '  ✗ 列表',
        `      cannot read the case: ${test}:3:77: case \`列表\`: \`rate\` is \`[0.4]\`, not a number`,
        help,
        '  ✗ 拼错',
        `      cannot read the case: ${test}:6:87: case \`拼错\`: \`rat\` is not a metric of the policy (its metrics: rate)`,
        help,
        '  ✗ 基数',
        `      cannot read the case: ${test}:9:70: case \`基数\`: \`pay_base\` is \`6千\`, not a number`,
        help,
        '  ✗ 历史',
        `      cannot read the case: ${test}:13:14: case \`历史\`: \`history\` is \`C\`, not a list of grades (most recent first: [C, B])`,
        help,
        '  not exercised by any case: grades A, B, C',
        '1 passed, 4 failed',
        '',
      ].join('\n'),
    );
  });
});

describe('yardstick fmt', () => {
  it('--check lists a file that is not in the canonical layout and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-fmt-'));
    const file = join(dir, 'p.yaml');
    const text = 'policy: x   # the id\naliases: [a,b]\n';
    writeFileSync(file, text);
    const r = await yardstick('fmt', '--check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`not formatted: ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('says so in Chinese by default, and what to run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-fmt-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'policy: x   # the id\naliases: [a,b]\n');
    const r = await yardstickAsIs('fmt', '--check', file);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      `格式不规范：${file}\n`,
      `请运行 \`yardstick fmt ${file}\` 整理格式`,
    ]);
    const fixed = await yardstickAsIs('fmt', file);
    expect([fixed.code, fixed.stdout]).toEqual([0, `已整理格式：${file}\n`]);
  });

  it('rewrites the file keeping its comments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-fmt-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, '# 政策\npolicy: x   # the id\naliases: [a,b]\n');
    expect((await yardstick('fmt', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('# 政策\npolicy: x # the id\naliases: [ a, b ]\n');
    expect((await yardstick('fmt', '--check', file)).code).toBe(0);
  });

  it('--stdout prints the canonical form for git diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-fmt-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'policy: x   # the id\n');
    const r = await yardstick('fmt', '--stdout', file);
    expect(r.stdout).toBe('policy: x # the id\n');
    expect(readFileSync(file, 'utf8')).toBe('policy: x   # the id\n');
  });
});
