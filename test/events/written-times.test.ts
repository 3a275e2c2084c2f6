// Times as back-offices and spreadsheets write them. `2026/10/4 10:00` and `2026-10-04T10:00` were
// already read (DuckDB's cast); `2026年10月4日 10:00`, the Chinese date a 抖音 or 小店 export and
// Excel's 「年月日」 format write, was refused as not a time. Now it is read, one way: year, month
// and day as written, the time of day (hours 0–23, minutes, seconds) after it or midnight without
// one, local time. What is not unambiguous stays refused with its raw value: an Excel date serial
// (`46299.4166666667`: which date system, and a number column saved as a time?), a day before the
// month (`10/04/2026`: October or April?), a time with 点 or 时.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const COUNT = 'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      n: { agg: count }\n';

const read = async (...times: string[]) => {
  const body = `工号,发布时间\n${times.map((t) => `E1,${t}`).join('\n')}\n`;
  const r = await aggregate(folder({ 'v.csv': body }), COUNT);
  return {
    n: byKey(r).E1!.n,
    refused: (r.exclusions.get('E1') ?? []).map((d) => [d.cell?.row, d.cell?.value, d.message]),
  };
};

describe('times written as Chinese dates', () => {
  it('`2026年10月4日 10:00`, `2026年10月4日`, `2026年10月04日10:00:05` and `2026年10月31日 23:59` are in October', async () => {
    expect(
      await read('2026年10月4日 10:00', '2026年10月4日', '2026年10月04日10:00:05', '2026年10月31日 23:59'),
    ).toEqual({
      n: '4',
      refused: [],
    });
  });

  it('`2026年9月30日 23:59` and `2026年11月1日 00:00` are not in October, and are no problem', async () => {
    expect(await read('2026年9月30日 23:59', '2026年11月1日 00:00', '2026年10月1日 00:00')).toEqual({
      n: '1',
      refused: [],
    });
  });

  it('the other written forms are read as before: `2026/10/4 10:00`, `2026-10-04T10:00`, `2026/10/4`', async () => {
    expect(await read('2026/10/4 10:00', '2026-10-04T10:00', '2026/10/4')).toEqual({ n: '3', refused: [] });
  });

  it('`2026年10月31日 24:00` is refused as any hour 24 is; `2026年10月31日24:00` too', async () => {
    const r = await read('2026年10月31日 24:00', '2026年10月31日24:00');
    expect(r.n).toBe('0');
    expect(r.refused.map(([row, value]) => [row, value])).toEqual([
      [2, '2026年10月31日 24:00'],
      [3, '2026年10月31日24:00'],
    ]);
    expect(r.refused.map(([, , message]) => message)).toEqual([
      '`2026年10月31日 24:00` in `发布时间` is at 24:00, the end of one day and the start of the next: which day, and so which month, it counts in cannot be told',
      '`2026年10月31日24:00` in `发布时间` is at 24:00, the end of one day and the start of the next: which day, and so which month, it counts in cannot be told',
    ]);
  });

  it('refuses the forms that are not one date, with the raw value: a serial, a day before the month, 点, a 13th month', async () => {
    expect(await read('46299.4166666667', '46299', '10/04/2026 10:00', '2026年10月4日 10点', '2026年13月4日')).toEqual({
      n: '0',
      refused: [
        [
          2,
          '46299.4166666667',
          '`46299.4166666667` in `发布时间` is not a time such as `2026-10-05 20:31` (a bare number is how Excel stores a date: format the column as a date and time before saving the export)',
        ],
        [
          3,
          '46299',
          '`46299` in `发布时间` is not a time such as `2026-10-05 20:31` (a bare number is how Excel stores a date: format the column as a date and time before saving the export)',
        ],
        [4, '10/04/2026 10:00', '`10/04/2026 10:00` in `发布时间` is not a time such as `2026-10-05 20:31`'],
        [5, '2026年10月4日 10点', '`2026年10月4日 10点` in `发布时间` is not a time such as `2026-10-05 20:31`'],
        [6, '2026年13月4日', '`2026年13月4日` in `发布时间` is not a time such as `2026-10-05 20:31`'],
      ],
    });
  });
});

// A time with a zone is converted to the company's (Asia/Shanghai, +08:00) only in the forms the
// documentation gives: `Z`, `±HH:MM`, `±HHMM`, `±HH`. DuckDB's cast also reads `…-0200`, `…-02`,
// `… UTC` and a short `…Z`, and drops the zone: 2026-10-31 22:00 at −02:00 (1 November 08:00 in
// Shanghai) was counted in October, and a livestream's GMV moved a month. Worked out by hand.
describe('times written with a zone', () => {
  it('`-0200`, `-02`, `+00`, a fraction, `Z` with a tab after it and a 19-character `…Z` are converted: all are in November', async () => {
    // 22:00 −02:00 = 1 Nov 00:00 UTC = 08:00 +08:00; 22:00 +00 = 1 Nov 06:00; 20:00Z = 1 Nov 04:00; 17:00Z = 1 Nov 01:00
    expect(
      await read(
        '2026-10-31T22:00:00-0200',
        '2026-10-31T22:00:00-02',
        '2026-10-31T22:00:00.123-02',
        '2026-10-31T22:00:00+00',
        '2026-10-31T20:00:00Z\t',
        '2026-10-31 17:00:00Z',
        // one row of October, or the file is refused as exported for another month
        '2026-10-15 12:00',
      ),
    ).toEqual({ n: '1', refused: [] });
  });

  it('and into October from the last evening of September: `-05`, a 19-character `-05`, `+0800`, `Z`', async () => {
    // 20:00 −05:00 = 1 Oct 01:00 UTC = 09:00 +08:00; 16:30Z = 1 Oct 00:30; 12:00 +08:00 stays 12:00
    expect(
      await read('2026-09-30 20:00:00-05', '2026-9-30 20:00:00-05', '2026-10-15 12:00:00+0800', '2026-09-30T16:30:00Z'),
    ).toEqual({ n: '4', refused: [] });
  });

  it('any other zone is refused at its cell, not dropped: ` UTC`, `+00:00:00`, `PST`, an offset of 15 hours', async () => {
    const r = await read(
      '2026-10-31 22:00:00 UTC',
      '2026-10-31 22:00:00+00:00:00',
      '2026-10-31 22:00:00 PST',
      '2026-10-15T22:00:00+15:00',
    );
    expect(r.n).toBe('0');
    expect(r.refused).toEqual([
      [
        2,
        '2026-10-31 22:00:00 UTC',
        '`2026-10-31 22:00:00 UTC` in `发布时间` is not a time such as `2026-10-05 20:31`',
      ],
      [
        3,
        '2026-10-31 22:00:00+00:00:00',
        '`2026-10-31 22:00:00+00:00:00` in `发布时间` is not a time such as `2026-10-05 20:31`',
      ],
      [
        4,
        '2026-10-31 22:00:00 PST',
        '`2026-10-31 22:00:00 PST` in `发布时间` is not a time such as `2026-10-05 20:31`',
      ],
      [
        5,
        '2026-10-15T22:00:00+15:00',
        '`2026-10-15T22:00:00+15:00` in `发布时间` is not a time such as `2026-10-05 20:31`',
      ],
    ]);
  });
});
