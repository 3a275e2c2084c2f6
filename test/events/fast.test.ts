// The fast read of a text event file (node/cli/events/fast.ts): plain number columns read typed by
// DuckDB's CSV reader, and the text path whenever a cell is not a plain number or a row cannot be
// used. Either way the result is the text path's, to the fen, and an unreadable cell is named by
// its row, column and raw value.
//
// The files have 2,500 data rows, more than the 2,000 the fast read looks at to choose its typed
// columns, so a cell on row 2,402 is found by the typed read itself, in the middle of the file.

import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../node/cli/events/fast.js';
import { aggregate, byKey, folder } from './build.js';

const ROWS = 2500;

/**
 * 2,500 orders of October: even data rows E1's at 10.00, odd rows E2's at 20.00, except the cells
 * given by data row index (0 is the first row under the header, spreadsheet row 2).
 */
function orders(cells: Record<number, string> = {}): string {
  const lines = ['工号,下单时间,实付金额,订单状态'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${i % 2 === 0 ? 'E1' : 'E2'},2026-10-05 10:00,${cells[i] ?? (i % 2 === 0 ? '10.00' : '20.00')},已完成`);
  return lines.join('\n') + '\n';
}

const SUM = `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      gmv: { agg: sum, column: 实付金额 }
      orders: { agg: count }
`;

describe('the fast read of a text file', () => {
  it('is below the row the tests put their cells on', () => {
    expect(SAMPLE_ROWS).toBeLessThan(2400);
  });

  it('reads plain number columns typed: 1,250 × 10 and 1,250 × 20', async () => {
    const r = await aggregate(folder({ 'orders.csv': orders() }), SUM);
    expect(r.reports[0]!.typedRead).toEqual({ columns: ['实付金额'], used: true });
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r)).toEqual({
      E1: { gmv: '12500', orders: '1250' },
      E2: { gmv: '25000', orders: '1250' },
      E3: { gmv: '0', orders: '0' },
    });
  });

  it('gives the cells the reader reads (+5, .5, " 7") the numbers the text path gives them', async () => {
    // E1's rows 2400, 2404, 2406: 1,247 × 10 + 5 + 0.5 + 7 = 12,482.5
    const r = await aggregate(folder({ 'orders.csv': orders({ 2400: '+5', 2404: '.5', 2406: '" 7"' }) }), SUM);
    expect(r.reports[0]!.typedRead).toEqual({ columns: ['实付金额'], used: true });
    expect(byKey(r).E1).toEqual({ gmv: '12482.5', orders: '1250' });
  });

  // DuckDB's typed reader reads `1e2` as 100 and `1_000` as 1000; the text path refuses both (a data
  // file does): the fast read stops at them and the text path names each cell
  it('stops at `1e2`, `1.2E+03` and `1_000` in the middle, which the text path refuses at their cells', async () => {
    // data rows 2400, 2402 (E1) and 2401 (E2): spreadsheet rows 2402, 2404 and 2403
    const r = await aggregate(folder({ 'orders.csv': orders({ 2400: '1e2', 2401: '1_000', 2402: '1.2E+03' }) }), SUM);
    expect(r.reports[0]!.typedRead).toEqual({
      columns: ['实付金额'],
      used: false,
      fallback: 'Invalid Input Error: not a plain number',
    });
    expect([...r.exclusions.keys()]).toEqual(['E1', 'E2']);
    expect([...r.exclusions.values()].flat().map((d) => [d.cell?.row, d.cell?.value, d.message])).toEqual([
      [2402, '1e2', '`1e2` in `实付金额` is not a number'],
      [2404, '1.2E+03', '`1.2E+03` in `实付金额` is not a number'],
      [2403, '1_000', '`1_000` in `实付金额` is not a number'],
    ]);
  });

  it('falls back to the text path at a 1.2万 in the middle: 1,249 × 10 + 12,000, as the text path reads it', async () => {
    const middle = await aggregate(folder({ 'orders.csv': orders({ 2400: '1.2万' }) }), SUM);
    expect(middle.reports[0]!.typedRead).toMatchObject({ columns: ['实付金额'], used: false });
    expect(middle.reports[0]!.typedRead!.fallback).toMatch(/^Conversion Error/);
    expect(middle.diagnostics).toEqual([]);
    expect(byKey(middle)).toEqual({
      E1: { gmv: '24490', orders: '1250' },
      E2: { gmv: '25000', orders: '1250' },
      E3: { gmv: '0', orders: '0' },
    });
    // the same cell on the first row: the column is text from the start, and the result is the same
    const first = await aggregate(folder({ 'orders.csv': orders({ 0: '1.2万' }) }), SUM);
    expect(first.reports[0]!.typedRead).toBeUndefined();
    expect(byKey(first)).toEqual(byKey(middle));
  });

  it('an unreadable cell in the middle is still named by row, column and raw value', async () => {
    // data row 2401 (E2) is spreadsheet row 2403
    const r = await aggregate(folder({ 'orders.csv': orders({ 2401: 'abc' }) }), SUM);
    expect(r.reports[0]!.typedRead!.used).toBe(false);
    expect([...r.exclusions.keys()]).toEqual(['E2']);
    expect(r.exclusions.get('E2')).toMatchObject([
      {
        code: 'data_event_cell',
        severity: 'error',
        file: 'orders.csv',
        cell: { row: 2403, column: '实付金额', value: 'abc' },
        message: '`abc` in `实付金额` is not a number',
      },
    ]);
  });

  it('a negative the sum refuses is shown as written (-40, not -40.000000), from the text path', async () => {
    // the typed read reads -40 but finds a row it cannot use; data row 2402 (E1) is row 2404
    const r = await aggregate(folder({ 'orders.csv': orders({ 2402: '-40' }) }), SUM);
    expect(r.reports[0]!.typedRead).toMatchObject({ used: false });
    expect(r.exclusions.get('E1')).toMatchObject([
      {
        code: 'data_event_cell',
        cell: { row: 2404, column: '实付金额', value: '-40' },
        message: '`-40` in `实付金额` is negative',
      },
    ]);
    expect(r.exclusions.has('E2')).toBe(false);
  });

  it('an empty cell is no number in both: the sum skips it, the count counts its row', async () => {
    // E1: 1,249 × 10 = 12,490, still 1,250 orders
    const r = await aggregate(folder({ 'orders.csv': orders({ 2400: '' }) }), SUM);
    expect(r.reports[0]!.typedRead).toEqual({ columns: ['实付金额'], used: true });
    expect(byKey(r).E1).toEqual({ gmv: '12490', orders: '1250' });
  });
});
