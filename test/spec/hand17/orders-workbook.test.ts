// One row per order in a workbook saved from the shop back-office (抖店), summed into 直播间GMV by a
// data mapping and scored by `yardstick run`, worked out by hand from docs/events.md: a merged
// title row above the header, real date cells (one at 23:59:59 on the 31st), an amount as text with
// a thousands separator and as `1.2万`, a refunded order left out by `where:`, `--` for an amount
// not yet known, a time typed as a bare serial number (refused at its cell) and a 合计 row.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedRanges, workbookWith, xlsxText as T } from '../../builders.js';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: spec-orders
title: 订单汇总
version: 1.0.0
metrics:
  gmv: { label: 直播间GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  host:
    title: 主播
    pay_base: 2000
    indicators:
      sales: { metric: gmv, threshold: 10000, target: 20000, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const ROSTER =
  '工号,姓名,岗位,团队,阶段\nE1,甲,主播,直播一组,常规\nE2,乙,主播,直播一组,常规\nE3,丙,主播,直播一组,常规\n';

const MAPPING = `period: 2026-10
roster: { file: roster.csv }
events:
  - file: orders.xlsx
    key: { column: 主播工号, roster: 工号 }
    time: 下单时间
    row_id: 订单号
    metrics:
      直播间GMV: { agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
`;

const at = (d: Date) => ({ value: d, type: Date, format: 'yyyy-mm-dd hh:mm:ss' });
const local = (day: number, h = 0, m = 0, s = 0) => at(new Date(Date.UTC(2026, 9, day, h, m, s)));

// spreadsheet rows 1–8
const ROWS = [
  [T('10月订单明细'), null, null, null, null],
  ['主播工号', '订单号', '下单时间', '订单状态', '实付金额'].map(T),
  [T('E1'), T('A1'), local(5, 20), T('已完成'), T('1,200.50')],
  [T('E1'), T('A2'), local(31, 23, 59, 59), T('已完成'), T('1.2万')],
  [T('E1'), T('A3'), local(6, 12), T('已退款'), { value: 800, type: Number }],
  [T('E2'), T('B1'), local(7, 9), T('已完成'), T('--')],
  [T('E2'), T('B2'), { value: 46300.5, type: Number }, T('已完成'), { value: 3000, type: Number }],
  [T('合计'), null, null, null, T('14,000.50')],
];

async function month() {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-orders-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'roster.csv'), ROSTER);
  writeFileSync(join(dir, 'm.data.yaml'), MAPPING);
  writeFileSync(join(dir, 'orders.xlsx'), await workbookWith(ROWS, { sheet: mergedRanges('A1:E1') }));
  return (...more: string[]) =>
    yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'm.data.yaml'),
      '--lang',
      'en',
      '--format',
      'csv',
      ...more,
    );
}

// E1: A1 ¥1,200.50 + A2 1.2万 = ¥12,000 (31 Oct 23:59:59 is still October); A3 is 已退款, left out
//   → ¥13,200.50 → 60 + 40 × 3,200.50 / 10,000 = 72.802 → 72.80 (B) → 2,000 × 72.80 % = ¥1,456.00
// E2: B2's 下单时间 is the number 46300.5, not a date cell: refused at row 7 → E2 left out
//   (B1's `--` alone would have been no number, skipped by the sum)
// E3: no orders → ¥0 → below the threshold: 0 points (C), ¥0.00
describe('a shop export as a workbook', () => {
  it('pays E1 on ¥13,200.50 and E3 on nothing, and leaves E2 out at the serial-number time', async () => {
    const run = await month();
    const r = await run('--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout.split(/\r?\n/).slice(1)).toEqual([
      'E1,甲,直播一组,主播,常规,72.8,72.8,B,,1456.00,payable,,',
      'E3,丙,直播一组,主播,常规,0,0,C,,0.00,payable,,',
      '',
    ]);
    const err = r.stderr.split('\n');
    expect(err.filter((l) => /error\[|warning\[/.test(l))).toEqual([
      'orders.xlsx:8: warning[data_totals_row]: row 8 is a totals row (`合计`), not an employee, and is skipped',
      'orders.xlsx:7: error[data_event_cell]: `46300.5` in `下单时间` is not a time such as `2026-10-05 20:31` (a bare number is how Excel stores a date: format the column as a date and time before saving the export)',
    ]);
    expect(err).toContain('  at row 7, column `下单时间`, value `46300.5`');
  });

  it('refuses the month without --exclude-invalid: exit 1, not a crash', async () => {
    const run = await month();
    expect((await run()).code).toBe(1);
  });
});
