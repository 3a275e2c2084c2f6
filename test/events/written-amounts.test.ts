// Amounts as order exports write them, read in an event file as the main reader reads them in a
// data file (docs/policy-language.md, data files): with their currency (`¥1,234.50`, `1234.5元`,
// `¥-1,234`), marked as text for Excel (`="300"`, `'300`) and Excel's accounting negatives
// (`(12.00)`, `¥(1,234.00)`). An event file refused every one as "not a number", naming the cell.
// An accounting negative is a negative cell: refused as negative unless the metric allows them.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const sum = (extra = '') =>
  `events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额${extra} }\n`;
const orders = (...amounts: string[]) =>
  `工号,下单时间,实付金额\n${amounts.map((a, i) => `E1,2026-10-${String(i + 2).padStart(2, '0')} 10:00,${a}`).join('\n')}\n`;

describe('amounts with their currency and cells marked as text, in an event file', () => {
  it('¥1,234.50, ￥100, RMB 10, 1234.5元, ="300" and \'40 add up as the amounts they show', async () => {
    const r = await aggregate(
      folder({
        'orders.csv': orders('"¥1,234.50"', '￥100', 'RMB 10', '1234.5元', '"=""300"""', "'40", '" ¥ 2.5万 "'),
      }),
      sum(),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.exclusions.size).toBe(0);
    // 1234.50 + 100 + 10 + 1234.5 + 300 + 40 + 25000
    expect(byKey(r).E1).toEqual({ gmv: '27919' });
  });

  it('="" and ="暂无" are empty cells, as the main reader has them', async () => {
    const r = await aggregate(folder({ 'orders.csv': orders('100', '"="""""', '"=""暂无"""') }), sum());
    expect(r.exclusions.size).toBe(0);
    expect(byKey(r).E1).toEqual({ gmv: '100' });
  });

  it('accounting and currency negatives are negative cells: refused at their cell by default, netted with negatives: allow', async () => {
    const cells = ['100', '(12.00)', '"¥(1,234.00)"', '（¥8）', '¥-1', '-¥2', '-3元'];
    const refused = await aggregate(folder({ 'orders.csv': orders(...cells) }), sum());
    expect([...refused.exclusions.keys()]).toEqual(['E1']);
    expect(refused.exclusions.get('E1')!.map((d) => [d.cell?.row, d.cell?.value, d.message])).toEqual([
      [3, '(12.00)', '`(12.00)` in `实付金额` is negative'],
      [4, '¥(1,234.00)', '`¥(1,234.00)` in `实付金额` is negative'],
      [5, '（¥8）', '`（¥8）` in `实付金额` is negative'],
      [6, '¥-1', '`¥-1` in `实付金额` is negative'],
      [7, '-¥2', '`-¥2` in `实付金额` is negative'],
      [8, '-3元', '`-3元` in `实付金额` is negative'],
    ]);
    const netted = await aggregate(folder({ 'orders.csv': orders(...cells) }), sum(', negatives: allow'));
    expect(netted.exclusions.size).toBe(0);
    // 100 − 12 − 1234 − 8 − 1 − 2 − 3
    expect(byKey(netted).E1).toEqual({ gmv: '-1160' });
  });

  it('what the main reader refuses stays unreadable: two signs, two currencies, a percentage amount, marked twice', async () => {
    const cells = ['-¥-1', '¥(¥1)', '-(12)', '¥12%', "''40", '"¥1,234~2,000"'];
    const r = await aggregate(folder({ 'orders.csv': orders(...cells) }), sum(', negatives: allow'));
    expect(r.exclusions.get('E1')!.map((d) => [d.cell?.row, d.message])).toEqual([
      [2, '`-¥-1` in `实付金额` is not a number'],
      [3, '`¥(¥1)` in `实付金额` is not a number'],
      [4, '`-(12)` in `实付金额` is not a number'],
      [5, '`¥12%` in `实付金额` is not a number'],
      [6, "`''40` in `实付金额` is not a number"],
      [7, '`¥1,234~2,000` in `实付金额` is not a number'],
    ]);
  });
});

describe('a written amount below the rows the fast read samples', () => {
  it('2,100 rows of 10, then ¥5 on row 2,102: the typed read stops at it and the text path reads it (21,005)', async () => {
    const rows = [...Array.from({ length: 2100 }, () => '10'), '¥5'].map((a) => `E1,2026-10-02 10:00,${a}`);
    const r = await aggregate(folder({ 'orders.csv': `工号,下单时间,实付金额\n${rows.join('\n')}\n` }), sum());
    expect(r.exclusions.size).toBe(0);
    expect(r.reports[0]!.typedRead?.used).toBe(false);
    // 2,100 × 10 + 5
    expect(byKey(r).E1).toEqual({ gmv: '21005' });
  });
});
