// 绩效基数 typed by hand: `"8,000.00"`, `0.8万`, `--` (the role's base), `¥8000.5`, and the ones that
// cannot be paid on: a fraction of a fen, a negative base written two ways, a percentage. Each is
// read one way or refused at its cell (docs/policy-language.md, Data files, pay base).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: pay-base
title: 绩效基数
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

const row = (id: string, base: string) => `${id},某,staff,一组,s,2026-10,90,${base}`;
const CSV = `工号,姓名,岗位,团队,阶段,月份,评分,绩效基数
${[
  row('E1', '"8,000.00"'),
  row('E2', '0.8万'),
  row('E3', '--'),
  row('E4', '¥8000.5'),
  row('E5', '8000.005'),
  row('E6', '-8000'),
  row('E7', '(8000)'),
  row('E8', '80%'),
].join('\n')}
`;

describe('绩效基数 as an analyst types it', () => {
  it('pays on the bases it can read and refuses the others at their cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-base-'));
    const policy = join(dir, 'p.yaml');
    const data = join(dir, 'month.csv');
    writeFileSync(policy, POLICY);
    writeFileSync(data, CSV);
    const r = await yardstick('run', policy, '--data', data, '--format', 'json', '--exclude-invalid', '--lang', 'en');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { scorecards: { employee_id: string; payout: { total: number } }[] };
    // everyone scores 90 (a rating of 90 × 100 %)
    // E1 8,000.00 × 90 % = 7,200.00; E2 0.8万 = 8,000 → 7,200.00; E3 `--` is empty → the role's 3,000 → 2,700.00;
    // E4 ¥8,000.50 × 90 % = 7,200.45
    expect(result.scorecards.map((c) => [c.employee_id, c.payout.total])).toEqual([
      ['E1', 7200],
      ['E2', 7200],
      ['E3', 2700],
      ['E4', 7200.45],
    ]);
    expect(r.stderr).toContain(
      `${data}:6: error[data_bad_pay_base]: pay base \`8000.005\` has a fraction of a fen\n  at row 6, column \`绩效基数\`, value \`8000.005\``,
    );
    expect(r.stderr).toContain(`${data}:7: error[data_bad_pay_base]: pay base \`-8000\` is below 0`);
    expect(r.stderr).toContain(`${data}:8: error[data_bad_pay_base]: pay base \`(8000)\` is below 0`);
    expect(r.stderr).toContain(`${data}:9: error[data_bad_pay_base]: pay base \`80%\` is not an amount`);
  });

  // 7999.99999999999999 is the double 8000: read as 8000 it pays ¥7,200 on a base written below it
  it('refuses a base of more digits than a number keeps, naming what it would be read as', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-base-'));
    const policy = join(dir, 'p.yaml');
    const data = join(dir, 'month.csv');
    writeFileSync(policy, POLICY);
    writeFileSync(
      data,
      `工号,姓名,岗位,团队,阶段,月份,评分,绩效基数\n${row('E1', '7999.99999999999999')}\n${row('E2', '8000')}\n`,
    );
    const r = await yardstick('run', policy, '--data', data, '--format', 'csv', '--exclude-invalid', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${data}:2: error[data_not_a_number]: \`7999.99999999999999\` has more digits than a number keeps: it would be read as 8000\n  at row 2, column \`绩效基数\`, value \`7999.99999999999999\``,
    );
  });
});
