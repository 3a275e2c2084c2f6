// A period is a month, written one way: every spelling exports use for October 2026 is `2026-10`,
// and anything that is not surely one month is refused with what to write instead.

import { describe, expect, it } from 'vitest';
import { normalisePeriod } from '../../engine/data/period.js';
import writeXlsxFile from 'write-excel-file/node';
import { readRecords, readTable, toRecords } from '../../engine/data/index.js';
import { csvText, dataContract } from '../builders.js';

const HELP =
  'write the month as YYYY-MM, e.g. 2026-10 (2026/10, 2026年10月, 202610 and 2026-10-01 are read as that month too)';

describe('normalisePeriod', () => {
  it.each([
    '2026-10',
    '2026/10',
    '2026.10',
    '2026年10月',
    '2026 年 10 月',
    '202610',
    '２０２６-１０', // full-width digits and hyphen
    '２０２６／１０',
    ' 2026-10 ',
    '\u200B2026-10\uFEFF', // a zero-width space and a BOM pasted around it
  ])('reads `%s` as 2026-10', (text) => {
    expect(normalisePeriod(text)).toEqual({ ok: true, period: '2026-10' });
  });

  it.each([
    '2026-10-01',
    '2026/10/1',
    '2026.10.01',
    '20261001',
    '2026年10月1日',
    '2026年10月1号',
    '2026-10-01 00:00:00',
    '2026/10/1 0:00',
    '2026-10-01T00:00:00.000Z',
  ])('reads the first day of the month `%s` (a month Excel stored as a date) as 2026-10', (text) => {
    expect(normalisePeriod(text)).toEqual({ ok: true, period: '2026-10' });
  });

  it.each([
    ['2026-9', '2026-09'],
    ['2026/9', '2026-09'],
    ['2026年9月', '2026-09'],
    ['2026.09', '2026-09'],
    ['2026.2', '2026-02'],
    ['2026-1', '2026-01'],
    ['2026.12', '2026-12'],
  ])('pads a one-digit month: `%s` is %s', (text, period) => {
    expect(normalisePeriod(text)).toEqual({ ok: true, period });
  });

  it('refuses a day other than the first: an export or payment date is not the month measured', () => {
    expect(normalisePeriod('2026-10-15')).toEqual({
      ok: false,
      message: '`2026-10-15` is a day, not a month',
      help: 'write the month the data measures as YYYY-MM, e.g. 2026-10: a date other than the 1st (an export or payment date) is not read as its month',
    });
    expect(normalisePeriod('2026/11/5').ok).toBe(false);
    expect(normalisePeriod('2026-10-01 08:30').ok).toBe(false);
  });

  it('refuses `2026.1`: Excel writes 2026.10 typed into a number cell as 2026.1', () => {
    expect(normalisePeriod('2026.1')).toEqual({
      ok: false,
      message: '`2026.1` may be January or October: Excel turns 2026.10 into the number 2026.1',
      help: 'write the month as YYYY-MM (2026-01 or 2026-10), and format the 月份 column as text before export',
    });
  });

  it('refuses an Excel date serial, naming the day it stands for', () => {
    // 2026-01-01 is serial 46023; 2026-10-01 is 273 days later (31+28+31+30+31+30+31+31+30)
    expect(normalisePeriod('46296')).toEqual({
      ok: false,
      message: '`46296` is an Excel date number (2026-10-01), not a month',
      help: 'Excel turned the date into a number: format the 月份 column as text (or as a date) before export, or write the month as YYYY-MM, e.g. 2026-10',
    });
  });

  it('names the day of a serial at both ends of 2000–2099; a smaller number is just not a month', () => {
    // Excel's well-known serials: 36526 is 2000-01-01, 73050 is 2099-12-31
    expect(normalisePeriod('36526')).toMatchObject({
      ok: false,
      message: '`36526` is an Excel date number (2000-01-01), not a month',
    });
    expect(normalisePeriod('73050')).toMatchObject({
      ok: false,
      message: '`73050` is an Excel date number (2099-12-31), not a month',
    });
    expect(normalisePeriod('36525')).toEqual({ ok: false, message: '`36525` is not a month', help: HELP });
  });

  it('refuses month 0 and 13, a year outside 2000–2099, a two-digit year and text that is no month', () => {
    expect(normalisePeriod('2026-13')).toEqual({
      ok: false,
      message: '`2026-13` has no month 13: months are 1 to 12',
      help: HELP,
    });
    expect(normalisePeriod('202600')).toEqual({
      ok: false,
      message: '`202600` has no month 0: months are 1 to 12',
      help: HELP,
    });
    expect(normalisePeriod('1899-12')).toEqual({
      ok: false,
      message: '`1899-12` has the year 1899, outside 2000–2099',
      help: HELP,
    });
    expect(normalisePeriod('26-10')).toEqual({ ok: false, message: '`26-10` has no four-digit year', help: HELP });
    expect(normalisePeriod('十月')).toEqual({ ok: false, message: '`十月` is not a month', help: HELP });
    expect(normalisePeriod('2026Q4')).toEqual({ ok: false, message: '`2026Q4` is not a month', help: HELP });
    expect(normalisePeriod('2026-10~2026-11')).toEqual({
      ok: false,
      message: '`2026-10~2026-11` is not a month',
      help: HELP,
    });
  });
});

describe('the 月份 column of a data file', () => {
  const contract = dataContract({
    metrics: { videos: { label: '发布视频数', unit: 'count' } },
    roles: { director: '编导' },
    stages: { startup: '初创期' },
  });
  const csv = (...rows: string[]) => csvText('工号,姓名,岗位,团队,阶段,月份,发布视频数', ...rows);

  it('one month written four ways is one period: the same employee twice is a duplicate', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026/10,30',
        'E2,李四,编导,一组,初创期,202610,31',
        'E3,王五,编导,一组,初创期,２０２６-１０,32',
        'E1,张三,编导,一组,初创期,2026-10,33',
      ),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => [x.employee_id, x.period])).toEqual([
      ['E2', '2026-10'],
      ['E3', '2026-10'],
    ]);
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => d.message)])).toEqual([
      [2, ['employee `E1` appears again in row 5: which row is right cannot be told, so neither is scored']],
      [5, ['employee `E1` already appears in row 2']],
    ]);
  });

  it('a cell that is not a month excludes its record, naming file, row, column and raw value', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10-15,30', 'E2,李四,编导,一组,初创期,2026-9,31'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => [x.employee_id, x.period])).toEqual([['E2', '2026-09']]);
    expect(r.excluded[0].reasons).toEqual([
      {
        code: 'data_bad_period',
        severity: 'error',
        message: '`2026-10-15` is a day, not a month',
        help: 'write the month the data measures as YYYY-MM, e.g. 2026-10: a date other than the 1st (an export or payment date) is not read as its month',
        file: 'm.csv',
        cell: { row: 2, column: '月份', value: '2026-10-15' },
      },
    ]);
  });

  it('the period given for a file without a 月份 column is read the same way, and refused the same way', () => {
    const text = '工号,姓名,岗位,团队,阶段,发布视频数\nE1,张三,编导,一组,初创期,30\n';
    expect(readRecords(text, 'csv', contract, { period: '2026年9月' }).records[0].period).toBe('2026-09');
    const bad = readRecords(text, 'csv', contract, { file: 'm.csv', period: '2026-13' });
    expect(bad.records).toEqual([]);
    expect(bad.diagnostics).toEqual([
      {
        code: 'data_bad_period',
        severity: 'error',
        message: 'the period given for the file: `2026-13` has no month 13: months are 1 to 12',
        help: HELP,
        file: 'm.csv',
        cell: { row: 1, value: '2026-13' },
      },
    ]);
  });

  it('an XLSX date cell on the 1st is its month; another day, a date number and 2026.1 are refused at their cells', async () => {
    const text = (value: string) => ({ value });
    const rows = [
      ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数'].map(text),
      [
        ...['E1', '张三', '编导', '一组', '初创期'].map(text),
        { value: new Date(Date.UTC(2026, 9, 1)), type: Date, format: 'yyyy-mm' },
        { value: 30, type: Number },
      ],
      [
        ...['E2', '李四', '编导', '一组', '初创期'].map(text),
        { value: new Date(Date.UTC(2026, 9, 15)), type: Date, format: 'yyyy-mm-dd' },
        { value: 31, type: Number },
      ],
      [
        ...['E3', '王五', '编导', '一组', '初创期'].map(text),
        { value: 46296, type: Number },
        { value: 32, type: Number },
      ],
      [
        ...['E4', '赵六', '编导', '一组', '初创期'].map(text),
        { value: 2026.1, type: Number },
        { value: 33, type: Number },
      ],
    ];
    const bytes = await (writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> })(
      rows,
    ).toBuffer();
    const table = await readTable(new Uint8Array(bytes), 'm.xlsx');
    if (!table.ok) throw new Error('unreadable');
    const r = toRecords(table.table, contract, { file: 'm.xlsx' });
    expect(r.records.map((x) => [x.employee_id, x.period])).toEqual([['E1', '2026-10']]);
    expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => [d.code, d.message, d.cell])])).toEqual([
      [
        'E2',
        [
          [
            'data_bad_period',
            '`2026-10-15` is a day, not a month',
            { sheet: 'Sheet1', row: 3, column: '月份', value: '2026-10-15' },
          ],
        ],
      ],
      [
        'E3',
        [
          [
            'data_bad_period',
            '`46296` is an Excel date number (2026-10-01), not a month',
            { sheet: 'Sheet1', row: 4, column: '月份', value: '46296' },
          ],
        ],
      ],
      [
        'E4',
        [
          [
            'data_bad_period',
            '`2026.1` may be January or October: Excel turns 2026.10 into the number 2026.1',
            { sheet: 'Sheet1', row: 5, column: '月份', value: '2026.1' },
          ],
        ],
      ],
    ]);
  });
});
