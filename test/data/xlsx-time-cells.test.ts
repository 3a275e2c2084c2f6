// Excel stores a time or a duration (`[h]:mm:ss`, as back-offices export 直播时长) as a fraction of
// a day, and a date with a time as one number: a workbook cell is read as the text Excel shows, so
// a `seconds` metric gets its seconds and a 月份 with a time of day is refused like the same text.

import { describe, expect, it } from 'vitest';
import { readTable, toRecords } from '../../engine/data/index.js';
import { isMinuteTimeFormat, timeFormatWrap } from '../../engine/data/xlsx-limits.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { dataContract, workbookWith } from '../builders.js';

const contract = dataContract({
  metrics: {
    live: { label: '直播时长', unit: 'seconds' },
    videos: { label: '发布视频数', unit: 'count' },
  },
  roles: { host: '主播' },
  stages: { startup: '初创期' },
});

const text = (value: string) => ({ value, type: String });
const duration = (days: number) => ({ value: days, type: Number, format: '[h]:mm:ss' });

async function workbook(rows: unknown[][], date1904?: '1' | 'true') {
  const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '直播时长', '发布视频数'].map(text);
  // the 1904 date system, as old Excel for Mac saves a workbook: serial 0 is 1904-01-01
  const bytes = await workbookWith([header, ...rows], {
    ...(date1904
      ? { workbook: (xml: string) => xml.replace(/<workbookPr\b/, `<workbookPr date1904="${date1904}"`) }
      : {}),
  });
  const table = await readTable(bytes, 'live.xlsx');
  if (!table.ok) throw new Error('unreadable');
  return toRecords(table.table, contract, { file: 'live.xlsx' });
}

const person = (id: string) => [id, '主播甲', '主播', '直播一组', '初创期'].map(text);

describe('time and date-time cells of a workbook', () => {
  it('a duration cell is its seconds: 1:23:20 is 5000 s, 36:00:00 (1.5 days) is 129600 s', async () => {
    const r = await workbook([
      // 5000 s = 1 h 23 min 20 s = 5000 / 86400 of a day
      [...person('E1'), text('2026-10'), duration(5000 / 86400), { value: 3, type: Number }],
      // a month's total on air past 24 hours: 36 h = 1.5 days = 36 × 3600 s
      [...person('E2'), text('2026-10'), duration(1.5), { value: 3, type: Number }],
      // a time of day format reads the same way: 0.75 of a day is 18:00:00 = 64800 s
      [...person('E3'), text('2026-10'), { value: 0.75, type: Number, format: 'hh:mm:ss' }, { value: 3, type: Number }],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([
      ['E1', 5000],
      ['E2', 129600],
      ['E3', 64800],
    ]);
  });

  it('a duration cell in a count column is refused as the clock text Excel shows, never as a date or a range', async () => {
    const r = await workbook([[...person('E1'), text('2026-10'), duration(0.5), duration(5000 / 86400)]]);
    expect(r.records).toEqual([]);
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.message, d.cell]))).toEqual([
      [
        'data_not_a_number',
        '`1:23:20` is not a number',
        { sheet: 'Sheet1', row: 2, column: '发布视频数', value: '1:23:20' },
      ],
    ]);
  });

  it('a 月份 date cell with a time of day is refused with the time it holds; at midnight on the 1st it is the month', async () => {
    const r = await workbook([
      [
        ...person('E1'),
        { value: new Date(Date.UTC(2026, 9, 1, 8, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' },
        duration(0.5),
        { value: 3, type: Number },
      ],
      [
        ...person('E2'),
        { value: new Date(Date.UTC(2026, 9, 1)), type: Date, format: 'yyyy-mm-dd hh:mm' },
        duration(0.5),
        { value: 3, type: Number },
      ],
    ]);
    expect(r.records.map((x) => [x.employee_id, x.period, x.metrics.live])).toEqual([['E2', '2026-10', 43200]]);
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.cell]))).toEqual([
      ['data_bad_period', { sheet: 'Sheet1', row: 2, column: '月份', value: '2026-10-01 08:30:00' }],
    ]);
  });

  it.each(['1', 'true'] as const)(
    'in a workbook of the 1904 date system (date1904="%s") a duration is its seconds and a date its day (the duration was read as 1904-01-01 01:23:20, a date)',
    async (flag) => {
      // 2026-10-01 is serial 46296 in the 1900 system and 46296 − 1462 = 44834 in the 1904 one
      const month = { value: 44834, type: Number, format: 'yyyy-mm-dd' };
      const r = await workbook(
        [
          [...person('E1'), month, duration(5000 / 86400), { value: 3, type: Number }],
          [...person('E2'), text('2026-10'), duration(1.5), { value: 3, type: Number }],
        ],
        flag,
      );
      expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.message, d.cell]))).toEqual([]);
      expect(r.records.map((x) => [x.employee_id, x.period, x.metrics.live])).toEqual([
        ['E1', '2026-10', 5000],
        ['E2', '2026-10', 129600],
      ]);
    },
  );

  // typed `0:45` in Excel is 45 minutes (h:mm), stored as 45 / 1440 of a day and shown `0:45`; saved
  // as CSV it is the text `0:45`, which the CSV reading takes as 45 seconds (m:ss)
  it('a time shown in hours and minutes only (`h:mm`) in a column read is refused: 45 minutes in the workbook, 45 seconds in a CSV saved from it', async () => {
    const r = await workbook([
      [...person('E1'), text('2026-10'), duration(5000 / 86400), { value: 3, type: Number }],
      [
        ...person('E2'),
        text('2026-10'),
        { value: 45 / 1440, type: Number, format: 'h:mm' },
        { value: 3, type: Number },
      ],
    ]);
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'live.xlsx:3: error[data_xlsx_unreadable]: the cell holds the time 0:45:00 (h:mm:ss) in the format `h:mm`, which shows hours and minutes only: typed `0:45`, such a cell is 45 minutes, while `0:45` in a CSV saved from the sheet is read as minutes and seconds (m:ss); which one is meant cannot be told\n' +
        '  at sheet `Sheet1`, row 3, column `直播时长`, value `0:45:00`\n' +
        '  help: format the column as `[h]:mm:ss` or `mm:ss`, so that the seconds show, or write each duration with its unit (`45秒`, `2分30秒`, `1.5小时`)',
    ]);
  });

  it('0 under `h:mm` is 0 either way, and a totals row (合计) with an `h:mm` time is skipped, not refused', async () => {
    const r = await workbook([
      [...person('E1'), text('2026-10'), { value: 0, type: Number, format: 'h:mm' }, { value: 3, type: Number }],
      [...person('E2'), text('2026-10'), duration(5000 / 86400), { value: 3, type: Number }],
      [
        text('合计'),
        text(''),
        text(''),
        text(''),
        text(''),
        text(''),
        { value: 3 / 24, type: Number, format: 'h:mm' },
        { value: 6, type: Number },
      ],
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([
      ['E1', 0],
      ['E2', 5000],
    ]);
  });

  it('the same time shown with its seconds (`h:mm:ss`, `[h]:mm:ss`, `mm:ss`) is its seconds: 0:45:00 is 2700 s, 00:45 under mm:ss is 45 s', async () => {
    const r = await workbook([
      [
        ...person('E1'),
        text('2026-10'),
        { value: 45 / 1440, type: Number, format: 'h:mm:ss' },
        { value: 3, type: Number },
      ],
      [
        ...person('E2'),
        text('2026-10'),
        { value: 45 / 1440, type: Number, format: '[h]:mm:ss' },
        { value: 3, type: Number },
      ],
      [
        ...person('E3'),
        text('2026-10'),
        { value: 45 / 86400, type: Number, format: 'mm:ss' },
        { value: 3, type: Number },
      ],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([
      ['E1', 2700],
      ['E2', 2700],
      ['E3', 45],
    ]);
  });

  it('an `h:mm` time in a column nobody reads (备注时间), or a date with its time (`yyyy-mm-dd h:mm`), leaves the workbook readable', async () => {
    const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '直播时长', '发布视频数', '开播时间', '下播'].map(
      text,
    );
    const bytes = await workbookWith([
      header,
      [
        ...person('E1'),
        text('2026-10'),
        duration(0.5),
        { value: 3, type: Number },
        { value: 20.5 / 24, type: Number, format: 'h:mm' },
        { value: 46300.75, type: Number, format: 'yyyy-mm-dd h:mm' },
      ],
    ]);
    const table = await readTable(bytes, 'live.xlsx');
    if (!table.ok) throw new Error('unreadable');
    expect(table.table.minuteTimes).toEqual([{ row: 2, col: 8, value: '20:30:00', format: 'h:mm' }]);
    const r = toRecords(table.table, contract, { file: 'live.xlsx' });
    // the two columns match no metric: warned about, and left unread
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.cell?.column])).toEqual([
      ['warning', 'data_unknown_column', '开播时间'],
      ['warning', 'data_unknown_column', '下播'],
    ]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([['E1', 43200]]);
  });
});

describe('isMinuteTimeFormat', () => {
  it('hours and minutes with a colon, without seconds, a day, a month, a year or an era, in the first section', () => {
    // Excel's built-in h:mm AM/PM and h:mm, whose codes a workbook does not write
    expect(['18', '20'].map((id) => isMinuteTimeFormat(id, ''))).toEqual([true, true]);
    expect(
      ['h:mm', 'hh:mm', '[h]:mm', 'h:mm AM/PM', '[Red]h:mm', '[h]:mm;;0', 'h:mm;-h:mm;0', '[<1]h:mm;0'].map((c) =>
        isMinuteTimeFormat('164', c),
      ),
    ).toEqual([true, true, true, true, true, true, true, true]);
    expect(
      [
        'h:mm:ss',
        '[h]:mm:ss',
        'mm:ss',
        'yyyy-mm-dd h:mm',
        'm/d/yy h:mm',
        'h:mm b',
        '0.00',
        '0"小时"',
        'h',
        'General',
        '0.0"h"',
        '#,##0"min"',
        // 时 and 分 in words: `0时45分`, which a CSV saved from the sheet holds too
        'h"时"mm"分"',
        '[h]"小时"mm"分钟"',
        '上午/下午h"时"mm"分"',
      ].map((c) => isMinuteTimeFormat('164', c)),
    ).toEqual(Array.from({ length: 15 }, () => false));
    // built-in 32 (h"时"mm"分"), and a built-in id the workbook defines as a number format
    expect([isMinuteTimeFormat('32', ''), isMinuteTimeFormat('20', '0.000')]).toEqual([false, false]);
  });
});

// Excel shows a duration of 36 hours (1.5 days) under `hh:mm:ss` as `12:00:00` (the hours of a clock,
// 0 to 23), and a CSV saved from the sheet holds `12:00:00`; the reader read the cell as 36 hours.
// Only `[h]:mm:ss` shows the whole duration. Which one the sheet means cannot be told: refused.
describe('durations past what a clock format shows', () => {
  it('36:00:00 under `hh:mm:ss` is refused at its cell, naming the 24 hours Excel does not show', async () => {
    const r = await workbook([
      [...person('E1'), text('2026-10'), duration(1.5), { value: 3, type: Number }],
      [...person('E2'), text('2026-10'), { value: 1.5, type: Number, format: 'hh:mm:ss' }, { value: 3, type: Number }],
    ]);
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'live.xlsx:3: error[data_xlsx_unreadable]: the cell holds the duration 36:00:00 (h:mm:ss), but its format `hh:mm:ss` shows hours as a clock does, starting again at 24:00:00: Excel shows 24:00:00 less than the cell holds, and a CSV saved from the sheet reads what Excel shows; which one is meant cannot be told\n' +
        '  at sheet `Sheet1`, row 3, column `直播时长`, value `36:00:00`\n' +
        '  help: format the column as `[h]:mm:ss` (elapsed hours), check what it shows, and save; or write each duration with its unit (`36小时`, `2分30秒`)',
    ]);
  });

  it('61.5 days under `hh:mm:ss` (shown 12:00:00) is the duration 1476:00:00, not the date 1900-03-01 12:00:00 read-excel-file made of it', async () => {
    const r = await workbook([
      [...person('E1'), text('2026-10'), { value: 61.5, type: Number, format: 'hh:mm:ss' }, { value: 3, type: Number }],
    ]);
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'live.xlsx:2: error[data_xlsx_unreadable]: the cell holds the duration 1476:00:00 (h:mm:ss), but its format `hh:mm:ss` shows hours as a clock does, starting again at 24:00:00: Excel shows 1464:00:00 less than the cell holds, and a CSV saved from the sheet reads what Excel shows; which one is meant cannot be told\n' +
        '  at sheet `Sheet1`, row 2, column `直播时长`, value `1476:00:00`\n' +
        '  help: format the column as `[h]:mm:ss` (elapsed hours), check what it shows, and save; or write each duration with its unit (`36小时`, `2分30秒`)',
    ]);
  });

  it('1:05:00 under `mm:ss` (shown 05:00) names the hour; 50:30:00 under `h:mm:ss` the 48 hours', async () => {
    for (const [value, format, time, dropped, unit] of [
      [65 / 1440, 'mm:ss', '1:05:00', '1:00:00', 'minutes'],
      [50.5 / 24, 'h:mm:ss', '50:30:00', '48:00:00', 'hours'],
    ] as const) {
      const r = await workbook([
        [...person('E1'), text('2026-10'), { value, type: Number, format }, { value: 3, type: Number }],
      ]);
      expect(r.diagnostics.map((d) => [d.code, d.cell?.value, d.message])).toEqual([
        [
          'data_xlsx_unreadable',
          time,
          `the cell holds the duration ${time} (h:mm:ss), but its format \`${format}\` shows ${unit} as a clock does, starting again at ${unit === 'hours' ? '24:00:00' : '1:00:00'}: Excel shows ${dropped} less than the cell holds, and a CSV saved from the sheet reads what Excel shows; which one is meant cannot be told`,
        ],
      ]);
    }
  });

  it('below a day (23:59:59), under `[h]:mm:ss`, in a totals row, or in a column nobody reads, a duration is read', async () => {
    const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '直播时长', '发布视频数', '备注时长'].map(text);
    const bytes = await workbookWith([
      header,
      [
        ...person('E1'),
        text('2026-10'),
        { value: 86399 / 86400, type: Number, format: 'hh:mm:ss' },
        { value: 3, type: Number },
        { value: 2, type: Number, format: 'hh:mm:ss' },
      ],
      [
        ...person('E2'),
        text('2026-10'),
        { value: 1.5, type: Number, format: '[h]:mm:ss' },
        { value: 3, type: Number },
        text(''),
      ],
      [
        text('合计'),
        text(''),
        text(''),
        text(''),
        text(''),
        text(''),
        { value: 1.5, type: Number, format: 'hh:mm:ss' },
        { value: 6, type: Number },
        text(''),
      ],
    ]);
    const table = await readTable(bytes, 'live.xlsx');
    if (!table.ok) throw new Error('unreadable');
    const r = toRecords(table.table, contract, { file: 'live.xlsx' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 86399 s; 36 h = 129600 s
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([
      ['E1', 86399],
      ['E2', 129600],
    ]);
  });
});

describe('durations at the edge of a clock format', () => {
  it('0.99999999 of a day under `hh:mm:ss` is 24:00:00 to the second (the clock shows 0:00:00): refused', async () => {
    const r = await workbook([
      [
        ...person('E1'),
        text('2026-10'),
        { value: 0.99999999, type: Number, format: 'hh:mm:ss' },
        { value: 3, type: Number },
      ],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.cell?.value])).toEqual([['data_xlsx_unreadable', '24:00:00']]);
  });

  it("86,399.991 s under `hh:mm:ss` and 3,599.942 s under `mm:ss` round to the clock's 0 (Excel rounds to the second): refused", async () => {
    for (const [value, format, shown] of [
      [0.9999999, 'hh:mm:ss', '23:59:59.991'],
      [0.041666, 'mm:ss', '0:59:59.942'],
    ] as const) {
      const r = await workbook([
        [...person('E1'), text('2026-10'), { value, type: Number, format }, { value: 3, type: Number }],
      ]);
      expect(r.records).toEqual([]);
      expect(r.diagnostics.map((d) => [d.code, d.cell?.value])).toEqual([['data_xlsx_unreadable', shown]]);
      // what the clock leaves out: the day (the hour) the value rounds to
      expect(r.diagnostics[0]?.message).toContain(
        format === 'mm:ss'
          ? 'Excel shows 1:00:00 less than the cell holds'
          : 'Excel shows 24:00:00 less than the cell holds',
      );
    }
  });

  it('`[<1]hh:mm:ss;[h]:mm:ss` shows 1.5 days by its second section, 36:00:00: read as 129600 s', async () => {
    const r = await workbook([
      [
        ...person('E1'),
        text('2026-10'),
        { value: 1.5, type: Number, format: '[<1]hh:mm:ss;[h]:mm:ss' },
        { value: 3, type: Number },
      ],
      [
        ...person('E2'),
        text('2026-10'),
        { value: 0.5, type: Number, format: '[<1]hh:mm:ss;[h]:mm:ss' },
        { value: 3, type: Number },
      ],
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 1.5 × 86400 = 129600; 0.5 × 86400 = 43200
    expect(r.records.map((x) => [x.employee_id, x.metrics.live])).toEqual([
      ['E1', 129600],
      ['E2', 43200],
    ]);
  });

  it('`[>=1]hh:mm:ss;[h]:mm:ss` shows 1.5 days by its first section, a clock: refused', async () => {
    const r = await workbook([
      [
        ...person('E1'),
        text('2026-10'),
        { value: 1.5, type: Number, format: '[>=1]hh:mm:ss;[h]:mm:ss' },
        { value: 3, type: Number },
      ],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.cell?.value])).toEqual([['data_xlsx_unreadable', '36:00:00']]);
  });
});

describe('timeFormatWrap', () => {
  it("a clock's hours wrap at a day, minutes without hours at an hour, seconds alone at a minute; elapsed units and dates never", () => {
    expect(
      [
        'hh:mm:ss',
        'h:mm',
        'h:mm:ss AM/PM',
        '[Red]hh:mm:ss',
        'mm:ss',
        'mm:ss.0',
        'ss',
        '[h]:mm:ss',
        '[mm]:ss',
        '[ss]',
        'yyyy-mm-dd hh:mm',
        'mm',
        '0.00',
        'h"时"mm"分"',
      ].map((code) => [code, timeFormatWrap('164', code)]),
    ).toEqual([
      ['hh:mm:ss', 1],
      ['h:mm', 1],
      ['h:mm:ss AM/PM', 1],
      ['[Red]hh:mm:ss', 1],
      ['mm:ss', 1 / 24],
      ['mm:ss.0', 1 / 24],
      ['ss', 1 / 1440],
      ['[h]:mm:ss', undefined],
      ['[mm]:ss', undefined],
      ['[ss]', undefined],
      ['yyyy-mm-dd hh:mm', undefined],
      ['mm', undefined],
      ['0.00', undefined],
      ['h"时"mm"分"', 1],
    ]);
    // Excel's built-in 21 (`h:mm:ss`) and 45 (`mm:ss`) written by id only; 46 is `[h]:mm:ss`
    expect([
      timeFormatWrap('21', ''),
      timeFormatWrap('45', ''),
      timeFormatWrap('46', ''),
      timeFormatWrap('0', ''),
    ]).toEqual([1, 1 / 24, undefined, undefined]);
  });
});
