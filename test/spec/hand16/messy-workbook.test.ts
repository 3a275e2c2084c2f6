// The same month as an .xlsx an analyst saved from a back-office: a merged title row above the
// header, 月份 as a real date cell on the 1st and as a bare serial number, GMV as text with a
// thousands separator, as `1.2万` and as a text `#DIV/0!`, 转化率 as a percentage-formatted number,
// a 合计 row at the bottom, and a ratio column written once as 45.3. Each cell is read the one
// documented way or refused with file, sheet, row, column and raw value, and the exit code tells
// a refused input (1) from a crash (70).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedRanges, workbookWith, xlsxText as T } from '../../builders.js';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: stage-weights
title: 直播间月度绩效
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  conv: { label: 转化率, unit: ratio }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  staff:
    title: 员工
    pay_base: 5000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, weight: { startup: 30, mature: 70 } }
      conv: { metric: conv, threshold: 0.3, target: 0.5, weight: { startup: 70, mature: 30 } }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const HEAD = ['工号', '姓名', '岗位', '团队', '阶段', '月份', 'GMV', '转化率'].map(T);
const person = (id: string, name: string, stage: string) => [T(id), T(name), T('员工'), T('直播一组'), T(stage)];
const OCT_1 = { value: new Date(Date.UTC(2026, 9, 1)), type: Date, format: 'yyyy-mm-dd' };
const pct = (value: number) => ({ value, type: Number, format: '0.0%' });
const num = (value: number) => ({ value, type: Number });

async function run(rows: unknown[][], change = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-xlsx-'));
  const policy = join(dir, 'p.yaml');
  const data = join(dir, 'month.xlsx');
  writeFileSync(policy, POLICY);
  writeFileSync(data, await workbookWith(rows, change));
  return { data, r: await yardstick('run', policy, '--data', data, '--lang', 'en', '--exclude-invalid') };
}

describe('a workbook saved from a back-office', () => {
  it('is refused as a whole when a merged title row sits above the header, naming the header row', async () => {
    const title = [T('直播间十月绩效'), null, null, null, null, null, null, null];
    const { data, r } = await run([title, HEAD, [...person('E1', '甲', '初创期'), OCT_1, T('150,000'), pct(0.4)]], {
      sheet: mergedRanges('A1:H1'),
    });
    expect(r.code).toBe(1);
    // and only that: 工号, 姓名, … are all there, one row down; 「the file has no `工号` column」 and
    // five more such lines followed it, each false
    expect(r.stderr).toBe(
      `${data}:1: error[data_header_not_first]: the column names are on row 2, not on row 1: the row above is not a header\n` +
        '  help: delete row 1 (a title or notes above the table), so that 工号, 姓名, 岗位, … are the first row\n' +
        `error: ${data}: the data cannot be read, or does not fit the policy`,
    );
    expect(r.stdout).toBe('');
  });

  it('pays the rows it can read, refuses the others at their cells, and skips the 合计 row', async () => {
    const { data, r } = await run([
      HEAD,
      [...person('E1', '甲', '初创期'), OCT_1, T('150,000'), pct(0.4)],
      [...person('E2', '乙', '成熟期'), num(46296), num(200000), num(0.5)],
      [...person('E3', '丙', '成熟期'), T('2026-10'), T('#DIV/0!'), num(0.5)],
      [...person('E4', '丁', '成熟期'), T('2026-10'), T('1.2万'), pct(0.453)],
      [T('合计'), null, null, null, null, null, num(500000), null],
    ]);
    expect(r.code).toBe(0);
    // E1, 初创期, 月份 a date cell on 2026-10-01 → 2026-10: GMV "150,000" → 60 + 40 × 0.5 = 80 × 30 % = 24;
    //     转化率 40.0% → 80 × 70 % = 56; score 80 → A; 5,000 × 0.80 = ¥4,000.00
    // E4, 成熟期: GMV 1.2万 = 12,000 < 100,000 → 0; 45.3% → 60 + 40 × 0.153 / 0.2 = 90.6 × 30 % = 27.18 → C;
    //     5,000 × 0.2718 = ¥1,359.00
    // total 4,000.00 + 1,359.00 = ¥5,359.00 (the 合计 row's 500,000 is nobody's)
    expect(r.stdout).toMatch(/E1 +甲 +直播一组 +员工 +初创期 +80\.00 +A +¥4,000\.00/);
    expect(r.stdout).toMatch(/E4 +丁 +直播一组 +员工 +成熟期 +27\.18 +C +¥1,359\.00/);
    expect(r.stdout).toContain('payout total: ¥5,359.00 (payable ¥5,359.00, held ¥0.00 for 0 employee(s))');
    expect(r.stdout).toContain('employees: 2 (excluded: 2, see below)');
    expect(r.stderr).toContain(
      `${data}:6: warning[data_totals_row]: row 6 is a totals row (\`合计\`), not an employee`,
    );
    expect(r.stderr).toContain(
      `${data}:3: error[data_bad_period]: \`46296\` is an Excel date number (2026-10-01), not a month\n` +
        '  at sheet `Sheet1`, row 3, column `月份`, value `46296`',
    );
    expect(r.stderr).toContain(
      `${data}:4: error[data_not_a_number]: \`#DIV/0!\` is an Excel error, not a number\n` +
        '  at sheet `Sheet1`, row 4, column `GMV`, value `#DIV/0!`',
    );
  });

  it('refuses the whole file when 转化率 holds a fraction and a bare 45.3', async () => {
    const { data, r } = await run([
      HEAD,
      [...person('E1', '甲', '成熟期'), T('2026-10'), num(150000), num(0.5)],
      [...person('E2', '乙', '成熟期'), T('2026-10'), num(150000), num(45.3)],
    ]);
    // 0.5 is a fraction, 45.3 percent points: which one is meant cannot be told, even with --exclude-invalid
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${data}:3: error[data_mixed_ratio_notation]: column \`转化率\` (conv) writes ratios two ways: \`0.5\` (row 2) is a fraction, \`45.3\` (row 3) is percent points`,
    );
  });
});
