// A per-order export that holds an order twice (exported twice, two files concatenated) summed its
// amount twice without a word: nothing said which column tells the rows apart. `row_id: 订单号`
// says it now: a repeated id is refused at the repeat's cell, naming the row it repeats, and the
// employee is excluded as for an unreadable cell. Without `row_id` every row still counts.

import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkEvents } from '../../node/cli/events/spec.js';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, eventsOf, folder, ROSTER } from './build.js';

const mapping = (extra = '    row_id: 订单号\n') =>
  `events:\n  - file: o.csv\n    time: 下单时间\n${extra}    metrics:\n      gmv: { agg: sum, column: 实付金额 }\n      orders: { agg: count }\n`;

const read = async (body: string, extra?: string) => {
  const r = await aggregate(folder({ 'o.csv': body }), mapping(extra));
  return {
    values: byKey(r),
    diagnostics: r.diagnostics.map((d) => [d.code, d.message]),
    excluded: Object.fromEntries(
      [...r.exclusions].map(([who, ds]) => [
        who,
        ds.map((d) => [d.code, d.severity, d.message, d.cell?.row, d.cell?.column, d.cell?.value]),
      ]),
    ),
  };
};

const repeated = (value: string, first: number) =>
  `\`${value}\` in \`订单号\` is the id of row ${first} too: the row is repeated, and would count twice`;

// rows 2–5 of the spreadsheet: E1's order A1 twice (rows 2 and 3), A2 once, E2's B1 once
const REPEAT =
  '工号,订单号,下单时间,实付金额\n' +
  'E1,A1,2026-10-02 10:00,100\n' +
  'E1,A1,2026-10-02 10:00,100\n' +
  'E1,A2,2026-10-03 11:00,50\n' +
  'E2,B1,2026-10-04 12:00,30\n';

describe('row_id: the column that tells the rows of an event export apart', () => {
  it('without row_id every row counts: the repeated order is summed twice, as documented', async () => {
    // E1: 100 + 100 + 50 = 250 over 3 rows; E2: 30 over 1; E3 has no rows: 0
    expect((await read(REPEAT, '')).values).toEqual({
      E1: { gmv: '250', orders: '3' },
      E2: { gmv: '30', orders: '1' },
      E3: { gmv: '0', orders: '0' },
    });
  });

  it('with row_id the repeat is refused at its row, naming the row it repeats; its employee is excluded', async () => {
    const r = await read(REPEAT);
    expect(r.excluded).toEqual({
      E1: [['data_event_cell', 'error', repeated('A1', 2), 3, '订单号', 'A1']],
    });
    expect(r.diagnostics).toEqual([]);
    // E2 is scored as before: 30 over 1 row
    expect(r.values.E2).toEqual({ gmv: '30', orders: '1' });
  });

  it('an id in full-width letters and digits is its ASCII: `Ａ１` repeats `A1`; case still tells ids apart', async () => {
    const body =
      '工号,订单号,下单时间,实付金额\n' +
      'E1,A1,2026-10-02 10:00,100\n' + // row 2
      'E1,Ａ１,2026-10-02 10:00,100\n' + // row 3: the same order typed in full width (U+FF21 U+FF11)
      'E1, Ａ２ ,2026-10-02 10:00,100\n' + // row 4: A2 in full width with spaces: a new order
      'E2,b1,2026-10-04 12:00,30\n' + // row 5
      'E2,B1,2026-10-04 12:00,30\n'; // row 6: B1 is not b1 (case is kept)
    const r = await read(body);
    expect(r.excluded).toEqual({
      E1: [['data_event_cell', 'error', repeated('Ａ１', 2), 3, '订单号', 'Ａ１']],
    });
    // E2: b1 and B1 are two orders, 30 + 30 = 60
    expect(r.values.E2).toEqual({ gmv: '60', orders: '2' });
  });

  it('ids are the same with spaces, a tab or Excel text marks around them', async () => {
    const body =
      '工号,订单号,下单时间,实付金额\n' +
      'E1,="A1",2026-10-02 10:00,100\n' + // row 2
      "E1,'A1,2026-10-02 10:00,100\n" + // row 3: `'A1` is A1 marked as text
      'E1,"A1\t",2026-10-02 10:00,100\n' + // row 4: a tab after it, as back-offices append to long ids
      'E2, B1 ,2026-10-04 12:00,30\n' + // row 5
      'E2,B2,2026-10-04 12:00,30\n'; // row 6
    const r = await read(body);
    expect(r.excluded).toEqual({
      E1: [
        ['data_event_cell', 'error', repeated("'A1", 2), 3, '订单号', "'A1"],
        ['data_event_cell', 'error', repeated('A1\t', 2), 4, '订单号', 'A1\t'],
      ],
    });
    // E2: B1 and B2 are two orders, 30 + 30 = 60
    expect(r.values.E2).toEqual({ gmv: '60', orders: '2' });
  });

  it('and with a no-break space or U+3000 after them, as a copy from a web page leaves', async () => {
    const body =
      '工号,订单号,下单时间,实付金额\n' +
      'E1,B6,2026-10-02 10:00,100\n' + // row 2
      'E1,B6\u00a0,2026-10-02 10:00,100\n' + // row 3: the same order, a no-break space after it
      'E1,\u3000B6,2026-10-02 10:00,100\n'; // row 4: U+3000 before it
    const r = await read(body);
    expect(r.excluded).toEqual({
      E1: [
        ['data_event_cell', 'error', repeated('B6\u00a0', 2), 3, '订单号', 'B6\u00a0'],
        ['data_event_cell', 'error', repeated('\u3000B6', 2), 4, '订单号', '\u3000B6'],
      ],
    });
  });

  it('case is kept: `aB3` and `Ab3` are two ids (short-link ids differ by case alone)', async () => {
    const body = '工号,订单号,下单时间,实付金额\nE1,aB3,2026-10-02 10:00,100\nE1,Ab3,2026-10-02 10:00,100\n';
    const r = await read(body);
    expect(r.excluded).toEqual({});
    // two orders: 100 + 100 = 200
    expect(r.values.E1).toEqual({ gmv: '200', orders: '2' });
  });

  it('empty ids repeat nothing: two rows without an order id are two rows', async () => {
    const body = '工号,订单号,下单时间,实付金额\nE1,,2026-10-02 10:00,100\nE1,,2026-10-02 10:00,100\n';
    const r = await read(body);
    expect(r.excluded).toEqual({});
    // 100 + 100 = 200 over 2 rows
    expect(r.values.E1).toEqual({ gmv: '200', orders: '2' });
  });

  it('one order credited to two employees: both are excluded, each told the other row', async () => {
    const body =
      '工号,订单号,下单时间,实付金额\n' +
      'E1,A1,2026-10-02 10:00,100\n' + // row 2
      'E2,A1,2026-10-02 10:00,100\n' + // row 3
      'E3,C1,2026-10-05 10:00,70\n'; // row 4
    const r = await read(body);
    expect(r.excluded).toEqual({
      E2: [['data_event_cell', 'error', repeated('A1', 2), 3, '订单号', 'A1']],
      E1: [['data_event_cell', 'error', repeated('A1', 3), 2, '订单号', 'A1']],
    });
    expect(r.values.E3).toEqual({ gmv: '70', orders: '1' });
  });

  it('a repeat in a row matching nobody counts for nobody and excludes no one', async () => {
    const body =
      '工号,订单号,下单时间,实付金额\n' +
      'E1,A1,2026-10-02 10:00,100\n' +
      'X9,Z1,2026-10-02 10:00,5\n' +
      'X9,Z1,2026-10-02 10:00,5\n';
    const r = await read(body);
    expect(r.excluded).toEqual({});
    expect(r.diagnostics).toEqual([
      ['data_event_unmatched', '2 row(s) of the month match no employee in the roster (`X9` ×2)'],
    ]);
  });

  it('row numbers are the spreadsheet’s below title rows', async () => {
    // the header is on row 3 (two title rows above it): the repeat is row 5, its first row 4
    const body =
      '10月订单明细\n导出时间：2026-11-01\n工号,订单号,下单时间,实付金额\n' +
      'E1,A1,2026-10-02 10:00,100\n' +
      'E1,A1,2026-10-02 10:00,100\n';
    expect((await read(body)).excluded).toEqual({
      E1: [['data_event_cell', 'error', repeated('A1', 4), 5, '订单号', 'A1']],
    });
  });

  it('a row_id column the file does not have is refused, as any column the source reads', async () => {
    const r = await aggregate(
      folder({ 'o.csv': '工号,下单时间,实付金额\nE1,2026-10-02 10:00,100\n' }),
      mapping('    row_id: 订单编号\n'),
    );
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell?.row])).toEqual([
      ['data_event_column', 'the event file has no column `订单编号`', 1],
    ]);
    expect(r.sources).toEqual([]);
  });

  it('row_id must be a column name', () => {
    const yaml = mapping('    row_id: [订单号]\n');
    const lines = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter: lines });
    expect(checkEvents(doc.toJS().events, doc, lines, 'm.yaml').map((d) => [d.code, d.message, d.span?.line])).toEqual([
      ['data_event_shape', '`events[0].row_id` must be a column name, not a list', 4],
    ]);
    expect(eventsOf(mapping())[0]!.row_id).toBe('订单号');
  });

  it('data sql prints the check as comments above the statement, and the printed check runs in DuckDB', async () => {
    const dir = folder({
      'roster.csv': ROSTER,
      'o.csv': REPEAT,
      'm.yaml': `period: 2026-10\nroster: { file: roster.csv }\n${mapping()}`,
    });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.code).toBe(0);
    const lines = printed.stdout.split('\n');
    const at = lines.indexOf(
      '-- row_id: 订单号: before the aggregation yardstick refuses every row whose id another row has too (the employee is excluded), with this statement:',
    );
    expect(at).toBeGreaterThan(-1);
    const after = lines.slice(at + 1);
    const check = after
      .slice(
        0,
        after.findIndex((l) => !l.startsWith('--   ')),
      )
      .map((l) => l.slice(5))
      .join('\n');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // rows 1 and 2 of the data (spreadsheet rows 2 and 3) hold A1: each listed with its first, row 1
      expect((await db.runAndReadAll(check)).getRowsJson()).toEqual([
        ['1', 'E1', 'A1', '1'],
        ['2', 'E1', 'A1', '1'],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });
});
