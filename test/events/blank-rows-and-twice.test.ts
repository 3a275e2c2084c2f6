// Two things a hurried export does to an event file, read wrong or noisily before:
// - a column the source reads written twice in the header (two 实付金额, the second one pasted in
//   from another report): DuckDB names the second `实付金额_1`, and the first was summed without a
//   word. Which one is meant cannot be told: refused as a per-employee file's is
//   (`data_duplicate_column`, naming both columns' letters).
// - blank rows below the data (`,,,`, as a workbook saved as CSV writes the rows it once styled):
//   each was warned about as "`` in `下单时间` is not a time". A row whose key, time and number cells
//   are all empty counts for nobody and is skipped without a word, as a data file's blank row is.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const M =
  'events:\n  - file: o.csv\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额 }\n      orders: { agg: count }\n';
const H = '工号,订单号,下单时间,实付金额\n';
const ROWS = 'E1,A1,2026-10-02 10:00,100\nE2,A2,2026-10-03 10:00,5\n';

const read = async (body: string, file = 'o.csv', mapping = M) => {
  const r = await aggregate(folder({ [file]: body }), mapping);
  return {
    values: r.sources.length ? byKey(r) : undefined,
    diagnostics: r.diagnostics.map((d) => [d.code, d.severity, d.message, d.cell?.row, d.cell?.column]),
  };
};

describe('a column the source reads, written twice in the header', () => {
  it('two 实付金额 columns (D and E) refuse the source instead of summing the first', async () => {
    const body = '工号,订单号,下单时间,实付金额,实付金额\nE1,A1,2026-10-02 10:00,100,7\nE2,A2,2026-10-03 10:00,5,9\n';
    expect(await read(body)).toEqual({
      values: undefined,
      diagnostics: [
        [
          'data_duplicate_column',
          'error',
          'the column `实付金额` is there twice, as columns D and E: which one holds `实付金额` cannot be told',
          1,
          '实付金额',
        ],
      ],
    });
  });

  it('the time column twice, below a title row: named at the header’s row', async () => {
    const body = '10月订单\n下单时间,工号,订单号,下单时间,实付金额\n2026-10-02 10:00,E1,A1,2026-11-02 10:00,100\n';
    expect((await read(body)).diagnostics).toEqual([
      [
        'data_duplicate_column',
        'error',
        'the column `下单时间` is there twice, as columns A and D: which one holds `下单时间` cannot be told',
        2,
        '下单时间',
      ],
    ]);
  });

  it('a column the source does not read may be there twice', async () => {
    const body = '工号,订单号,下单时间,实付金额,备注,备注\nE1,A1,2026-10-02 10:00,100,x,y\n';
    // E1: one order of 100; E2 and E3 none
    expect((await read(body)).values).toEqual({
      E1: { gmv: '100', orders: '1' },
      E2: { gmv: '0', orders: '0' },
      E3: { gmv: '0', orders: '0' },
    });
  });

  it('in a tab-separated export too', async () => {
    const body = '工号\t下单时间\t实付金额\t实付金额\nE1\t2026-10-02 10:00\t100\t7\n';
    expect((await read(body, 'o.tsv', M.replace('o.csv', 'o.tsv'))).diagnostics).toEqual([
      [
        'data_duplicate_column',
        'error',
        'the column `实付金额` is there twice, as columns C and D: which one holds `实付金额` cannot be told',
        1,
        '实付金额',
      ],
    ]);
  });
});

describe('blank rows below an event export’s data', () => {
  it('`,,,` and `, , ,` rows are skipped without a word', async () => {
    // E1: 100 over 1 row; E2: 5 over 1 row; the three blank rows count for nobody
    expect(await read(`${H}${ROWS},,,\n, , ,\n,,,\n`)).toEqual({
      values: { E1: { gmv: '100', orders: '1' }, E2: { gmv: '5', orders: '1' }, E3: { gmv: '0', orders: '0' } },
      diagnostics: [],
    });
  });

  it('a row with an amount and no key or time is still named', async () => {
    expect((await read(`${H}${ROWS},,,30\n`)).diagnostics).toEqual([
      ['data_event_cell', 'warning', '`` in `下单时间` is not a time such as `2026-10-05 20:31`', 4, '下单时间'],
    ]);
  });

  it('a row with a key and no time is still an error for its employee', async () => {
    const r = await aggregate(folder({ 'o.csv': `${H}${ROWS}E1,,,\n` }), M);
    expect([...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.message, d.cell?.row])])).toEqual([
      ['E1', [['`` in `下单时间` is not a time such as `2026-10-05 20:31`', 4]]],
    ]);
  });
});
