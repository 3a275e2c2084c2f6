// Event files as the back-offices and Excel save them: title rows above the header, merged cells,
// the data on a later sheet, Excel's "Unicode text" (UTF-16, tab-separated), .tsv, Parquet; each
// with the row numbers a spreadsheet shows.

import { describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { DuckDBInstance } from '@duckdb/node-api';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, folder } from './build.js';

type Cell = { value: string | number; rowSpan?: number } | null;
const xlsx = async (sheets: { sheet: string; data: Cell[][] }[]) =>
  new Uint8Array(
    await (writeXlsxFile as unknown as (s: unknown) => { toBuffer(): Promise<Buffer> })(sheets).toBuffer(),
  );
const c = (value: string | number, rowSpan?: number): Cell => (rowSpan ? { value, rowSpan } : { value });

const SUM = (file: string, extra = '') =>
  `events:\n  - file: ${file}\n    time: 开播时间\n${extra}    metrics:\n      n: { agg: count }\n      viewers: { agg: sum, column: 观看人数 }\n`;

describe('a workbook as exported', () => {
  const workbook = () =>
    xlsx([
      { sheet: '说明', data: [[c('本文件由直播后台导出')]] },
      {
        sheet: '明细',
        data: [
          [c('10月直播场次明细')],
          [c('导出时间：2026-11-01')],
          [c('工号'), c('开播时间'), c('观看人数')],
          [c('E1', 2), c('2026-10-02 20:00'), c(100)],
          [null, c('2026-10-03 20:00'), c(200)],
          [c('E2'), c('2026-10-04 20:00'), c('暂无')],
          [c('E3'), c('2026-10-05 20:00'), c('abc')],
        ],
      },
    ]);

  it('sheet:, the header below two title rows, the merged 工号 filled down, 暂无 empty, a bad cell at its row', async () => {
    const r = await aggregate(
      folder({ 's.xlsx': await workbook() }),
      SUM('s.xlsx', '    sheet: 明细\n    fill_down: [ 工号 ]\n'),
    );
    // E1: rows 4 and 5 (the merged 工号 covers both): 2 sessions, 300 viewers; E2: 暂无 is no number
    expect(byKey(r).E1).toEqual({ n: '2', viewers: '300' });
    expect(byKey(r).E2).toEqual({ n: '1', viewers: '0' });
    expect(r.reports[0]!.headerRow).toBe(3);
    expect(r.reports[0]!.notes).toEqual(['header on row 3', '1 merged cell(s) filled down']);
    expect(r.exclusions.get('E3')).toMatchObject([
      { code: 'data_event_cell', cell: { sheet: '明细', row: 7, column: '观看人数', value: 'abc' } },
    ]);
  });

  it('without fill_down the merged cell below E1 is empty: a row without a key', async () => {
    const r = await aggregate(folder({ 's.xlsx': await workbook() }), SUM('s.xlsx', '    sheet: 明细\n'));
    expect(byKey(r).E1).toEqual({ n: '1', viewers: '100' });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_event_no_key', '1 row(s) have an empty `工号` and are not counted for anyone'],
    ]);
  });

  it('the first sheet has no such columns: the columns it has are named', async () => {
    const r = await aggregate(folder({ 's.xlsx': await workbook() }), SUM('s.xlsx'));
    expect(r.diagnostics[0]).toMatchObject({
      code: 'data_event_column',
      message: 'the event file has no column `工号`',
    });
  });
});

describe('a workbook whose cells could be read two ways is refused, as a data file is', () => {
  // 已退款 merged over three orders (D2:D4): Excel shows it on all three, the file holds it on the
  // first only. Read as blank, the two below counted as sales (E1's sum 80,000 where it is 20,000),
  // without a word; with `fill_down: [ 订单状态 ]` it is read as Excel shows it
  const REFUNDS = `events:\n  - file: o.xlsx\n    time: 下单时间\n{fill}    metrics:\n      gmv: { agg: sum, column: 实付金额, where: [ { column: 订单状态, op: not_in, value: [ 已退款 ] } ] }\n`;
  const orders = () =>
    xlsx([
      {
        sheet: '订单',
        data: [
          [c('工号'), c('下单时间'), c('实付金额'), c('订单状态')],
          [c('E1'), c('2026-10-02 20:00'), c(30000), c('已退款', 3)],
          [c('E1'), c('2026-10-03 20:00'), c(20000), null],
          [c('E1'), c('2026-10-04 20:00'), c(10000), null],
          [c('E1'), c('2026-10-05 20:00'), c(20000), c('已完成')],
        ],
      },
    ]);

  it('a merged cell in a column the source reads, not filled down: refused at its first cell', async () => {
    const r = await aggregate(folder({ 'o.xlsx': await orders() }), REFUNDS.replace('{fill}', ''));
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell?.row, d.cell?.column])).toEqual([
      [
        'data_xlsx_unreadable',
        'the cells D2:D4 are merged: Excel shows `已退款` on rows 2 to 4, but only row 2 holds it',
        2,
        '订单状态',
      ],
    ]);
  });

  it('filled down, the three are refunds: E1 has 20,000 of sales', async () => {
    const r = await aggregate(
      folder({ 'o.xlsx': await orders() }),
      REFUNDS.replace('{fill}', '    fill_down: [ 订单状态 ]\n'),
    );
    expect(byKey(r).E1).toEqual({ gmv: '20000' });
  });

  it('read from its first sheet while a second sheet has the same header: refused, naming it', async () => {
    // 直播一部 holds E1, 直播二部 E2: without `sheet:` only the first was read, E2's sessions lost
    const header = [c('工号'), c('开播时间'), c('观看人数')];
    const book = await xlsx([
      { sheet: '直播一部', data: [header, [c('E1'), c('2026-10-02 20:00'), c(100)]] },
      { sheet: '直播二部', data: [header, [c('E2'), c('2026-10-03 20:00'), c(200)]] },
    ]);
    const r = await aggregate(folder({ 's.xlsx': book }), SUM('s.xlsx'));
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'data_xlsx_other_sheet',
        'the first sheet `直播一部` was read, and other sheets have a header of this data too (`直播二部`): which one holds this month cannot be told',
      ],
    ]);
    // naming the sheet reads it
    const one = await aggregate(folder({ 's.xlsx': book }), SUM('s.xlsx', '    sheet: 直播二部\n'));
    expect(byKey(one).E2).toEqual({ n: '1', viewers: '200' });
  });
});

describe('a JSON export with a list or an object where one value belongs', () => {
  // `["已退款"]` was read as its JSON text, which is not 已退款: the refund was kept as a sale (E1's
  // 30,000 summed), exit 0. It is refused at its record (row 3: the second record)
  const REFUNDS = `events:\n  - file: o.json\n    time: 下单时间\n    metrics:\n      gmv: { agg: sum, column: 实付金额, where: [ { column: 订单状态, op: not_in, value: [ 已退款 ] } ] }\n`;
  const orders = (status: unknown) =>
    JSON.stringify([
      { 工号: 'E1', 下单时间: '2026-10-02 20:00', 实付金额: 20000, 订单状态: '已完成' },
      { 工号: 'E1', 下单时间: '2026-10-03 20:00', 实付金额: 30000, 订单状态: status },
    ]);

  it('a list in a condition column is refused at its cell', async () => {
    const r = await aggregate(folder({ 'o.json': orders(['已退款']) }), REFUNDS);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell?.row, d.cell?.column, d.cell?.value])).toEqual([
      [
        'data_event_cell',
        '`["已退款"]` in `订单状态` is a list or an object, not one value: a condition would compare its text, and a count would take it for one id',
        3,
        '订单状态',
        '["已退款"]',
      ],
    ]);
  });

  it('the same refund written as one value leaves E1 20,000 of sales', async () => {
    const r = await aggregate(folder({ 'o.json': orders('已退款') }), REFUNDS);
    expect(byKey(r).E1).toEqual({ gmv: '20000' });
  });
});

const TITLED = '10月订单导出\n导出人：HR\n工号,开播时间,观看人数\nE1,2026-10-02 10:00,100\nE1,2026-10-03 10:00,abc\n';

describe('text files as exported', () => {
  it('a CSV with title rows: the header is found on row 3, the bad cell is on row 5', async () => {
    const r = await aggregate(folder({ 'o.csv': TITLED }), SUM('o.csv'));
    expect(r.reports[0]!.headerRow).toBe(3);
    expect(r.exclusions.get('E1')).toMatchObject([{ cell: { row: 5, column: '观看人数', value: 'abc' } }]);
  });

  it('header_row: 3 says so explicitly', async () => {
    const r = await aggregate(folder({ 'o.csv': TITLED }), SUM('o.csv', '    header_row: 3\n'));
    expect(r.exclusions.get('E1')).toMatchObject([{ cell: { row: 5 } }]);
  });

  it('Excel\'s "Unicode text": UTF-16 with a BOM, tab-separated, named .txt', async () => {
    const text = '工号\t开播时间\t观看人数\r\nE1\t2026-10-02 10:00\t1,200\r\nE2\t2026-10-03 10:00\t3.5万\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await aggregate(folder({ 'u.txt': bytes }), SUM('u.txt'));
    expect(r.diagnostics).toEqual([]);
    expect(r.reports[0]!.encoding).toBe('utf-16le');
    expect(byKey(r)).toEqual({
      E1: { n: '1', viewers: '1200' },
      E2: { n: '1', viewers: '35000' },
      E3: { n: '0', viewers: '0' },
    });
  });

  it('a UTF-8 .tsv', async () => {
    const r = await aggregate(folder({ 'u.tsv': '工号\t开播时间\t观看人数\nE3\t2026-10-09 10:00\t7\n' }), SUM('u.tsv'));
    expect(byKey(r).E3).toEqual({ n: '1', viewers: '7' });
  });
});

describe('Parquet', () => {
  it('a 3-file mapping (roster, a per-employee sheet, one row per video in Parquet) scores as its CSV twin', async () => {
    const fixtures = 'test/events/fixtures';
    const dir = folder({});
    for (const f of ['roster.csv', 'reviews.csv', 'policy.yaml']) copyFileSync(join(fixtures, f), join(dir, f));
    // the videos of fixtures/videos.csv, typed as a warehouse keeps them: local times, numbers
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(
      `COPY (SELECT * FROM (VALUES
        ('acc_a', TIMESTAMP '2026-09-30 23:59:59', 500000, 0.5, '正常'),
        ('acc_a', TIMESTAMP '2026-10-01 00:00:00', 120000, 0.4, '正常'),
        ('acc_a', TIMESTAMP '2026-10-01 10:00:00', 15000, 0.3, '正常'),
        ('acc_a', TIMESTAMP '2026-10-05 09:00:00', 2000, 0.2, '已删除'),
        ('acc_a', TIMESTAMP '2026-11-01 01:00:00', 900000, 0.9, '正常'),
        ('acc_b', TIMESTAMP '2026-10-12 12:00:00', 100000, 0.5, '正常'),
        ('acc_b', TIMESTAMP '2026-10-31 23:59:59', 50, 0.3, '正常'),
        ('ghost', TIMESTAMP '2026-10-12 12:00:00', 7, NULL, '正常'),
        ('ghost', TIMESTAMP '2026-10-13 12:00:00', 8, NULL, '正常')
      ) AS t (账号名称, 发布时间, 播放量, 完播率, 状态)) TO '${join(dir, 'videos.parquet')}' (FORMAT PARQUET)`,
    );
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'month.yaml'),
      readFileSync(join(fixtures, 'month.yaml'), 'utf-8').replace('file: videos.csv', 'file: videos.parquet'),
    );
    const r = await yardstick(
      'run',
      join(dir, 'policy.yaml'),
      '--data',
      join(dir, 'month.yaml'),
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    // as for the CSV: E1 2 videos not deleted (20), viral 1/3 (13.33), completion 0.3 (15), cooperation 90 (18)
    expect(r.stdout.split(/\r?\n/).slice(1, 3)).toEqual([
      'E1,甲,短视频一组,编导,初创期,66.33,66.33,B,,663.30,payable,,',
      'E2,乙,短视频一组,编导,初创期,76,76,B,,760.00,payable,,',
    ]);
  });
});

describe('fill_down on a CSV export (a merged cell saved as text: its value in the first row, empty below)', () => {
  // row 1 a title, row 2 the header; E1's 工号 only on row 3, E2's only on row 6
  const CSV = [
    '10月直播场次明细',
    '工号,开播时间,观看人数',
    'E1,2026-10-02 10:00,100',
    ',2026-10-03 10:00,200',
    ',2026-10-04 10:00,300',
    'E2,2026-10-05 10:00,40',
    ',2026-10-06 10:00,abc',
    '',
  ].join('\n');

  it('fills each empty 工号 from the row above, keeping the spreadsheet row numbers', async () => {
    const r = await aggregate(folder({ 'f.csv': CSV }), SUM('f.csv', '    fill_down: [ 工号 ]\n'));
    expect(r.reports[0]!.headerRow).toBe(2);
    // E1: rows 3, 4, 5 → 3 sessions, 100 + 200 + 300 = 600 viewers
    expect(byKey(r).E1).toEqual({ n: '3', viewers: '600' });
    // E2's second row (row 7, filled) has a bad cell: E2 is excluded, the cell named at its row
    expect(r.exclusions.get('E2')).toMatchObject([{ cell: { row: 7, column: '观看人数', value: 'abc' } }]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('data_event_no_key');
  });

  it('without fill_down the empty cells are rows without a key', async () => {
    const r = await aggregate(folder({ 'f.csv': CSV }), SUM('f.csv'));
    expect(byKey(r).E1).toEqual({ n: '1', viewers: '100' });
    expect(r.diagnostics.map((d) => d.code)).toContain('data_event_no_key');
  });

  it('a sheet: on a file that is not a workbook is refused, not ignored', async () => {
    await expect(aggregate(folder({}), SUM('f.csv', '    sheet: 明细\n'))).rejects.toThrow(
      '`events[0].sheet` names a sheet of an .xlsx workbook, and `f.csv` is not one: leave it out',
    );
  });

  it('is refused on a JSON or Parquet file, which has neither merged cells nor cells left empty below them', async () => {
    await expect(aggregate(folder({}), SUM('f.json', '    fill_down: [ 工号 ]\n'))).rejects.toThrow(
      '`fill_down` fills the merged cells of a workbook, or the cells a CSV/TSV export leaves empty below them; a JSON or Parquet file has neither',
    );
  });
});
