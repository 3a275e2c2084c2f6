// A back-office CSV marks cells as text for Excel (`="已退款"`, `'A1`) so that Excel keeps them as
// written. A number cell so marked was read as the number inside (docs/events.md), but a text
// condition and a distinct count compared the marked cell as written: `="已退款"` passed
// `not_in: [已退款]` (a refund counted as an order) and `="A1"`, `'A1` and `A1` were three distinct
// orders. A text cell is now read as the text inside too, on every path the statement takes.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const M =
  'events:\n  - file: o.csv\n    time: 下单时间\n    metrics:\n' +
  '      orders: { agg: count_distinct, column: 订单号 }\n' +
  '      done: { agg: count, where: { column: 状态, op: "=", value: 已完成 } }\n' +
  '      kept: { agg: count, where: { column: 状态, op: not_in, value: [已退款] } }\n' +
  '      gmv: { agg: sum, column: 实付金额, where: { column: 状态, op: not_in, value: [已退款] } }\n';
const H = '工号,订单号,下单时间,实付金额,状态\n';

describe('cells marked as text for Excel in text columns of an event export', () => {
  it('`="A1"`, `\'A1` and `A1` are one order; `="已退款"` is a refund; `="已完成"` is done', async () => {
    const body =
      H +
      'E1,="A1",2026-10-02 10:00,="100",="已完成"\n' +
      'E1,A1,2026-10-02 10:00,100,已完成\n' +
      'E1,\'A1,2026-10-02 10:00,¥100,="已退款"\n' +
      'E2,A9,2026-10-02 10:00,5,已完成\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // E1: one distinct order (A1 three ways); done: rows 2 and 3; kept: rows 2 and 3 (row 4 is a
    // refund), gmv 100 + 100 = 200. E2: one order of 5, done.
    expect(byKey(r)).toEqual({
      E1: { orders: '1', done: '2', kept: '2', gmv: '200' },
      E2: { orders: '1', done: '1', kept: '1', gmv: '5' },
      E3: { orders: '0', done: '0', kept: '0', gmv: '0' },
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('the same with many distinct order ids (the statement that reads rows one by one)', async () => {
    // 300 orders O1…O300 of E2 (more than the 200 distinct cells the grouped statement takes in the
    // first 2,000 rows), then E1's A1 written three ways and a refund marked as text
    const many = Array.from({ length: 300 }, (_, i) => `E2,O${i + 1},2026-10-05 10:00,1,已完成\n`).join('');
    const body =
      H +
      many +
      'E1,="A1",2026-10-02 10:00,100,已完成\n' +
      "E1,'A1,2026-10-02 10:00,100,已完成\n" +
      'E1, A1 ,2026-10-02 10:00,100,="已退款"\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // E1: 1 order; done 2; kept 2; gmv 100 + 100 = 200. E2: 300 orders of 1: gmv 300
    expect(byKey(r)).toEqual({
      E1: { orders: '1', done: '2', kept: '2', gmv: '200' },
      E2: { orders: '300', done: '300', kept: '300', gmv: '300' },
      E3: { orders: '0', done: '0', kept: '0', gmv: '0' },
    });
  });

  it('`=""` is an empty cell: no distinct order, not `=` anything', async () => {
    const body = `${H}E1,="",2026-10-02 10:00,1,=""\nE1,B1,2026-10-02 10:00,1,已完成\n`;
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // one distinct order (B1); done 1; kept 2 (a blank status is not a refund); gmv 1 + 1 = 2
    expect(byKey(r).E1).toEqual({ orders: '1', done: '1', kept: '2', gmv: '2' });
  });
});

// 抖店 exports put a tab before a cell to keep it text; DuckDB's TRIM keeps a tab or a carriage
// return, so `\t已退款` passed `not_in: [已退款]` (a refund counted as GMV), `已完成\t` was not
// `= 已完成`, and `\t4912…` and `4912…` were two orders. Every whitespace character around a text
// cell is trimmed, as around a number.
describe('tabs, no-break and ideographic spaces around text cells', () => {
  it('`\\t已退款` is a refund, `已完成\\t` is done, `\\t4912` and `4912\\u00a0` are the order 4912', async () => {
    const body =
      H +
      'E1,4912,2026-10-02 10:00,100,已完成\t\n' +
      'E1,\t4912,2026-10-02 10:00,100,\t已退款\n' +
      'E1,4912\u00a0,2026-10-02 10:00,40,\u3000已完成\n' +
      'E2,A9,2026-10-02 10:00,5,已完成\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // E1: one order (4912 three ways); done: rows 2 and 4; kept: rows 2 and 4 (row 3 is a refund);
    // gmv 100 + 40 = 140
    expect(byKey(r)).toEqual({
      E1: { orders: '1', done: '2', kept: '2', gmv: '140' },
      E2: { orders: '1', done: '1', kept: '1', gmv: '5' },
      E3: { orders: '0', done: '0', kept: '0', gmv: '0' },
    });
  });
});

// An Excel error in a column read as text: `#N/A` is not `已退款`, so `not_in: [已退款]` kept a row
// whose status a lookup never found, and its amount was paid as GMV. Refused at its cell now, as in
// a number column; its employee is excluded.
describe('an Excel error in a column a condition or a distinct count reads', () => {
  it('`#N/A` as a status and `\\t#REF!` as an order id are refused at their cells; other employees are read', async () => {
    const body =
      H +
      'E1,A1,2026-10-02 10:00,100,已完成\n' + // row 2
      'E1,A2,2026-10-02 10:00,50,#N/A\n' + // row 3
      'E2,\t#REF!,2026-10-02 10:00,5,已完成\n' + // row 4
      'E3,C1,2026-10-02 10:00,7,#备注\n'; // row 5: a `#` that is no error
    const r = await aggregate(folder({ 'o.csv': body }), M);
    expect(
      Object.fromEntries(
        [...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.message, d.cell?.row, d.cell?.column])]),
      ),
    ).toEqual({
      E1: [['`#N/A` in `状态` is an Excel error, not a value a condition or a count can read', 3, '状态']],
      E2: [['`\t#REF!` in `订单号` is an Excel error, not a value a condition or a count can read', 4, '订单号']],
    });
    // E3: one order, its status `#备注` neither done nor a refund: kept, 7
    expect(byKey(r).E3).toEqual({ orders: '1', done: '0', kept: '1', gmv: '7' });
  });
});

describe('Excel errors beside other cells starting with `#`', () => {
  it('an order id `#A2` before a status `#N/A` in the same row: the status is refused', async () => {
    const body = `${H}E1,A1,2026-10-02 10:00,100,已完成\nE1,#A2,2026-10-02 10:00,500,#N/A\n`;
    const r = await aggregate(folder({ 'o.csv': body }), M);
    expect(
      [...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.cell?.row, d.cell?.column, d.cell?.value])]),
    ).toEqual([['E1', [[3, '状态', '#N/A']]]]);
  });

  it('after 12,000 rows whose order ids start with `#`, an `#N/A` status is refused', async () => {
    const many = Array.from({ length: 12000 }, (_, i) => `E2,#B${i},2026-10-02 10:00,1,已完成\n`).join('');
    const r = await aggregate(folder({ 'o.csv': `${H}${many}E1,A1,2026-10-02 10:00,500,#N/A\n` }), M);
    expect([...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.cell?.row, d.cell?.value])])).toEqual([
      ['E1', [[12002, '#N/A']]],
    ]);
    expect(byKey(r).E2).toEqual({ orders: '12000', done: '12000', kept: '12000', gmv: '12000' });
  });
});

describe('a byte-order mark before a status', () => {
  it('`\\uFEFF已退款` is a refund (a BOM left in a cell by a pasted export)', async () => {
    const body = `${H}E1,A1,2026-10-02 10:00,100,已完成\nE1,A2,2026-10-02 10:00,300,\uFEFF已退款\n`;
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // kept: row 2 only; gmv 100
    expect(byKey(r).E1).toEqual({ orders: '2', done: '1', kept: '1', gmv: '100' });
  });
});

// An order typed or re-encoded in full width (`Ａ１`, U+FF21 U+FF11) is the order `A1` to `row_id`
// and to the employee key, but a distinct count counted it as another order: E1's one order was 2.
describe('full-width letters and digits in a distinct count', () => {
  it('`Ａ１` and `A1` are one order (the grouped statement, few distinct cells); `ａ１` is not `A1`', async () => {
    const body =
      H +
      'E1,A1,2026-10-02 10:00,100,已完成\n' +
      'E1,Ａ１,2026-10-02 11:00,100,已完成\n' +
      'E1,　Ａ１　,2026-10-02 12:00,100,已完成\n' + // ideographic spaces around it
      'E1,ａ１,2026-10-02 13:00,100,已完成\n' + // lower case: another id, as `row_id` reads it
      'E2,Ｏ－７,2026-10-02 10:00,5,已完成\n' +
      'E2,O-7,2026-10-02 10:00,5,已完成\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // E1: A1 (rows 2–4) and a1 (row 5): 2 orders; done 4, kept 4, gmv 400. E2: O-7 twice: 1 order, gmv 10
    expect(byKey(r)).toEqual({
      E1: { orders: '2', done: '4', kept: '4', gmv: '400' },
      E2: { orders: '1', done: '2', kept: '2', gmv: '10' },
      E3: { orders: '0', done: '0', kept: '0', gmv: '0' },
    });
  });

  it("Excel's text marks written in full width are marks: `＇A1` and `＝＂A1＂` are `A1`", async () => {
    const body =
      H +
      'E1,A1,2026-10-02 10:00,100,已完成\n' +
      'E1,＇A1,2026-10-02 11:00,100,已完成\n' + // U+FF07 before it
      'E1,＝＂A1＂,2026-10-02 12:00,100,已完成\n' + // U+FF1D U+FF02 around it
      'E1,＝＂Ａ２＂　,2026-10-02 13:00,100,已完成\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    // A1 three ways and A2: 2 orders; done 4, kept 4, gmv 400
    expect(byKey(r).E1).toEqual({ orders: '2', done: '4', kept: '4', gmv: '400' });
  });

  it('the same with many distinct order ids (the statement that reads rows one by one)', async () => {
    // 300 orders of E2 written in full width, then the same 300 in ASCII: 300 orders, not 600
    const wide = (i: number) => `Ｏ${String(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`;
    const many = Array.from({ length: 300 }, (_, i) => `E2,${wide(i + 1)},2026-10-05 10:00,1,已完成\n`).join('');
    const same = Array.from({ length: 300 }, (_, i) => `E2,O${i + 1},2026-10-05 10:00,1,已完成\n`).join('');
    const body = `${H}${many}${same}E1,Ａ１,2026-10-02 10:00,100,已完成\nE1,A1,2026-10-02 10:00,100,已完成\n`;
    const r = await aggregate(folder({ 'o.csv': body }), M);
    expect(byKey(r)).toEqual({
      E1: { orders: '1', done: '2', kept: '2', gmv: '200' },
      E2: { orders: '300', done: '600', kept: '600', gmv: '600' },
      E3: { orders: '0', done: '0', kept: '0', gmv: '0' },
    });
  });
});
