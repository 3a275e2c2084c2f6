// Excel stores a time or a duration (`[h]:mm:ss`, as back-offices export 直播时长) as a fraction of
// a day, and a date with a time as one number: a workbook cell is read as the text Excel shows, so
// a `seconds` metric gets its seconds and a 月份 with a time of day is refused like the same text.

import { describe, expect, it } from 'vitest';
import { readTable, toRecords } from '../../engine/data/index.js';
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
});
