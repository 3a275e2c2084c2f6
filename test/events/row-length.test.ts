// A row of an event CSV with more cells than its header: an unquoted `¥1,234.50` or `30,000` splits
// into two cells and shifts every cell after it. DuckDB read such a row without a word (its extra
// cells in a column no metric reads, or dropped when empty), and a refund was read as 金额 `¥1`,
// 状态 `234.50`: paid as GMV. The row is refused now as a data file's is (`data_row_length`), at
// its row, and its employee excluded; a row matching nobody is a warning. Worked out by hand.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const MAPPING =
  'events:\n  - file: o.csv\n    time: 下单时间\n    metrics:\n' +
  '      gmv: { agg: sum, column: 金额, where: { column: 状态, op: not_in, value: [已退款] } }\n' +
  '      orders: { agg: count }\n';

const read = async (body: string) => {
  const r = await aggregate(folder({ 'o.csv': body }), MAPPING);
  return {
    values: byKey(r),
    excluded: Object.fromEntries(
      [...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.code, d.severity, d.message, d.cell?.row])]),
    ),
    diagnostics: r.diagnostics.map((d) => [d.code, d.severity, d.message, d.cell?.row]),
  };
};

describe('event rows with more cells than the header', () => {
  it('an unquoted `¥1,234.50` and a row ending in an empty cell past the header are refused; their employees are excluded', async () => {
    const r = await read(
      '工号,下单时间,金额,状态\n' +
        'E1,2026-10-02 10:00,100,已完成\n' + // row 2
        'E1,2026-10-02 11:00,¥1,234.50,已退款\n' + // row 3: 5 cells, 状态 would read `234.50`
        'E2,2026-10-02 10:00,50,已完成\n' + // row 4
        'E2,2026-10-03 10:00,1,200,\n' + // row 5: 5 cells, the last empty (DuckDB drops it)
        'E3,2026-10-03 10:00,7,已完成\n', // row 6
    );
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 3 has 5 cells but the header has 4: the cells past the header are `已退款`',
          3,
        ],
      ],
      E2: [
        [
          'data_row_length',
          'error',
          'row 5 has 5 cells but the header has 4: the cell past the header is empty, but a cell earlier in the row may have been split',
          5,
        ],
      ],
    });
    // E3: 7 over 1 row, read as before
    expect(r.values.E3).toEqual({ gmv: '7', orders: '1' });
    expect(r.diagnostics).toEqual([]);
  });

  it('a long row further down than DuckDB samples (20,480 lines) is refused the same way, not a DuckDB error', async () => {
    const many = Array.from({ length: 21000 }, () => 'E3,2026-10-05 10:00,1,已完成\n').join('');
    const r = await read(`工号,下单时间,金额,状态\n${many}E1,2026-10-06 10:00,30,000,已完成\n`);
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 21002 has 5 cells but the header has 4: the cells past the header are `已完成`',
          21002,
        ],
      ],
    });
    // E3: 21,000 orders of 1
    expect(r.values.E3).toEqual({ gmv: '21000', orders: '21000' });
  });

  it('two cells past the header further down than DuckDB samples stop its read: the source is refused, naming the row', async () => {
    const many = Array.from({ length: 21000 }, () => 'E3,2026-10-05 10:00,1,已完成\n').join('');
    const r = await aggregate(
      folder({ 'o.csv': `工号,下单时间,金额,状态\n${many}E1,2026-10-06 10:00,1,230,000,已完成\n` }),
      MAPPING,
    );
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'data_event_read',
        'the event file cannot be read: row 21002 has 6 cells but the header has 4: its cells have shifted (an unquoted comma in a figure such as 30,000 makes two cells of it); quote such cells or remove the commas',
      ],
    ]);
  });

  it('a long row of a key in no roster is a warning, and counts for nobody', async () => {
    const r = await read('工号,下单时间,金额,状态\nE3,2026-10-02 10:00,7,已完成\nX9,2026-10-02 10:00,1,5,已完成\n');
    expect(r.diagnostics.filter((d) => d[0] === 'data_row_length')).toEqual([
      [
        'data_row_length',
        'warning',
        'row 3 has 5 cells but the header has 4: the cells past the header are `已完成`',
        3,
      ],
    ]);
    expect(r.values.E3).toEqual({ gmv: '7', orders: '1' });
  });

  it('so is one in a file read with `fill_down:` (yardstick reads it first, and cut the row to the header)', async () => {
    const r = await aggregate(
      folder({
        'o.csv':
          '工号,下单时间,金额,状态\nE1,2026-10-02 10:00,¥1,234.50,已退款\n,2026-10-02 11:00,100,已完成\nE3,2026-10-03 10:00,7,已完成\n',
      }),
      MAPPING.replace('    time: 下单时间\n', '    time: 下单时间\n    fill_down: [ 工号 ]\n'),
    );
    expect([...r.exclusions].map(([who, ds]) => [who, ds.map((d) => [d.message, d.cell?.row])])).toEqual([
      ['E1', [['row 2 has 5 cells but the header has 4: the cells past the header are `已退款`', 2]]],
    ]);
    expect(byKey(r).E3).toEqual({ gmv: '7', orders: '1' });
  });

  it('a quoted `"30,000"` is one cell: the row is read', async () => {
    const r = await read('工号,下单时间,金额,状态\nE1,2026-10-02 10:00,"30,000",已完成\n');
    expect(r.values.E1).toEqual({ gmv: '30000', orders: '1' });
    expect(r.excluded).toEqual({});
  });
});

describe('a quoted cell holding a line break DuckDB does not read', () => {
  it('is refused in words of our own, naming the line, not with DuckDB’s reader options', async () => {
    // a carriage return inside quotes: DuckDB's reader stops ("Parameter Not Allowed Error: CSV Error on Line: 2")
    const r = await aggregate(
      folder({ 'o.csv': '工号,下单时间,金额,状态\nE1,2026-10-10 10:00,100,"已退款\r"\n' }),
      MAPPING,
    );
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'data_event_read',
        'the event file cannot be read: a quoted cell near line 2 holds a line break, which an event file cannot hold: remove the line breaks inside cells (in Excel, Find and Replace with Ctrl+J in "Find what") and save',
      ],
    ]);
  });
});

describe('the file is split as DuckDB splits it', () => {
  const H5 = '工号,下单时间,商品,金额,状态\n';
  it('a quote inside an unquoted cell (`6"平板`) is text: a long row after it is still found', async () => {
    const r = await read(
      H5 +
        'E3,2026-10-02 10:00,6"平板,7,已完成\n' + // row 2
        'E3,2026-10-02 11:00,耳机,1,已完成\n' + // row 3
        'E1,2026-10-02 12:00,耳机,¥1,234.50,已退款\n', // row 4: 6 cells
    );
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 4 has 6 cells but the header has 5: the cells past the header are `已退款`',
          4,
        ],
      ],
    });
    expect(r.values.E3).toEqual({ gmv: '8', orders: '2' });
  });

  it('lines ending in a carriage return alone (Excel for Mac’s CSV) are rows: a long row among them is found', async () => {
    const r = await read(
      `${H5.replace('\n', '\r')}E3,2026-10-02 10:00,耳机,7,已完成\rE1,2026-10-02 12:00,耳机,¥1,234.50,已退款\rE3,2026-10-03 10:00,耳机,1,已完成\r`,
    );
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 3 has 6 cells but the header has 5: the cells past the header are `已退款`',
          3,
        ],
      ],
    });
    expect(r.values.E3).toEqual({ gmv: '8', orders: '2' });
  });
});

describe('title rows above the header and a long row', () => {
  it('are read (DuckDB’s sniffer gave up, and the file was called neither UTF-8 nor GBK): the long row is refused', async () => {
    const r = await read(
      '直播场次导出\n导出时间：2026-11-01\n工号,下单时间,金额,状态\n' +
        'E3,2026-10-05 10:00:00,200,完成\n' + // row 4
        'E1,2026-10-15 10:00:00,1000,完成\n' + // row 5
        'E1,2026-10-16 10:00:00,1,234.50,已退款\n', // row 6
    );
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 6 has 5 cells but the header has 4: the cells past the header are `已退款`',
          6,
        ],
      ],
    });
    expect(r.values.E3).toEqual({ gmv: '200', orders: '1' });
    expect(r.diagnostics).toEqual([]);
  });
});

describe('what is above the header, and where the key is', () => {
  it('a blank line above the header: the header is the next line, and a long row below is refused at its row', async () => {
    const r = await read(
      '\n工号,下单时间,金额,状态\n' +
        'E3,2026-10-02 10:00,7,已完成\n' + // row 3
        'E1,2026-10-02 11:00,¥12,345.50,已退款\n', // row 4
    );
    expect(r.excluded).toEqual({
      E1: [
        [
          'data_row_length',
          'error',
          'row 4 has 5 cells but the header has 4: the cells past the header are `已退款`',
          4,
        ],
      ],
    });
    expect(r.values.E3).toEqual({ gmv: '7', orders: '1' });
    expect(r.diagnostics).toEqual([]);
  });

  it('a first line of separators only (`,,,`) is no header either: the file is read', async () => {
    const r = await read(',,,\n工号,下单时间,金额,状态\nE3,2026-10-02 10:00,7,已完成\n');
    expect(r.values.E3).toEqual({ gmv: '7', orders: '1' });
    expect(r.diagnostics).toEqual([]);
  });

  it('a key to the right of the split cell is found one cell further: its employee is excluded', async () => {
    const r = await aggregate(
      folder({
        'o.csv':
          '订单号,商品,工号,下单时间,金额,状态\nO1,耳机,E3,2026-10-02 10:00,7,已完成\nO2,手机,壳,E1,2026-10-02 10:00,5000,已完成\n',
      }),
      MAPPING,
    );
    expect([...r.exclusions].map(([who, ds]) => [who, ds.map((d) => d.cell?.row)])).toEqual([['E1', [3]]]);
  });

  it('one space before a quoted cell (` "1,000"`) is read as DuckDB reads it: one cell, the row read', async () => {
    const r = await read('工号,下单时间,金额,状态\nE1,2026-10-02 10:00, "1,000",已完成\n');
    expect(r.values.E1).toEqual({ gmv: '1000', orders: '1' });
    expect(r.excluded).toEqual({});
  });
});
