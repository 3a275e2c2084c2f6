// A month with one bad cell, run as a hurried analyst runs it: without --exclude-invalid the run
// writes nothing and exits 1, and what it prints says so. It printed 「注意：1 条记录有数据问题，未计入
// 结果和合计：」 ("left out of the results and totals") above the cell, then 「请……加 --exclude-invalid
// 重新运行，把它们排除在结果和合计之外」: there were no results, and the record was not left out of
// anything yet. With --exclude-invalid the heading is the warning it was. A month named `2026.1` on
// the command line is a usage error (2), never a crash (70).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick, yardstickAsIs } from '../../yardstick.js';

const POLICY = `policy: refused
title: 拒收
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 3000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const CSV = `工号,姓名,岗位,团队,阶段,月份,评分
E1,甲,staff,一组,s,2026-10,90
E2,乙,staff,一组,s,2026-10,9O
`;

function files(): { policy: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-refused-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'month.csv'), CSV);
  return { policy: join(dir, 'p.yaml'), data: join(dir, 'month.csv') };
}

describe('a month with a bad cell', () => {
  it('is refused, and the heading says nothing is written (中文)', async () => {
    const { policy, data } = files();
    const r = await yardstickAsIs('run', policy, '--data', data);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // `9O` is 9 and the letter O
    expect(r.stderr.split('\n')).toEqual([
      'error: 1 条记录有数据问题，本次不输出任何结果：',
      `${data}:3: error[data_not_a_number]: 无法读取的值：\`9O\` 不是数字`,
      '  位置：第 3 行，列 `评分`，值 `9O`',
      '  提示：请填写数字，如 1234、1,234、1.2万 或 3.5w',
      'error: 有 1 条记录无法计算：请修正数据，或加 --exclude-invalid 重新运行，把它们排除在结果和合计之外',
    ]);
  });

  it('is refused in English too, streamed to a CSV file', async () => {
    const { policy, data } = files();
    const out = join(data, '..', 'out.csv');
    const r = await yardstick('run', policy, '--data', data, '--format', 'csv', '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error: 1 record(s) have data problems, and nothing is written:');
  });

  it('with --exclude-invalid leaves the record out, with the warning, and pays E1 ¥2,700.00', async () => {
    const { policy, data } = files();
    const r = await yardstick('run', policy, '--data', data, '--exclude-invalid', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      'warning: 1 record(s) have data problems and are left out of the results and totals:',
    );
    // E1: rating 90 × 100 % = 90 → A; 3,000 × 90 % = ¥2,700.00
    expect(r.stdout).toContain('payout total: ¥2,700.00 (payable ¥2,700.00, held ¥0.00 for 0 employee(s))');
  });

  it('named as 2026.1 on the command line is a usage error (2), not a crash (70)', async () => {
    const { policy, data } = files();
    const r = await yardstick('run', policy, '--data', data, '--period', '2026.1', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: --period: `2026.1` may be January or October: Excel turns 2026.10 into the number 2026.1',
    );
  });
});
