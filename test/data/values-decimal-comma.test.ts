// `0,453` (a decimal comma, as a European-locale Excel writes 0.453, or a slip of the finger) was
// read as 453: a comma after a first group of `0` passed for a thousands separator. No spreadsheet
// writes a thousands separator after a leading 0, so the cell could mean 0.453 or 453 and is refused
// at its cell, as `1,23` and `1,5` already were; `1,234` and `12,345.5` are read as before.

import { describe, expect, it } from 'vitest';
import { parseValue, readRecords } from '../../engine/data/index.js';
import { csvText, videosAndViolationsContract } from '../builders.js';

describe('a comma after a leading 0', () => {
  it('`0,453`, `00,453`, `-0,453`, `¥0,453` and `012,345` are no number', () => {
    expect(parseValue('0,453', 'count')).toMatchObject({ ok: false, message: '`0,453` is not a number' });
    expect(parseValue('00,453', 'count')).toMatchObject({ ok: false, message: '`00,453` is not a number' });
    expect(parseValue('012,345', 'count')).toMatchObject({ ok: false, message: '`012,345` is not a number' });
    expect(parseValue('-0,453', 'money')).toMatchObject({ ok: false, message: '`-0,453` is not a number' });
    expect(parseValue('¥0,453', 'money')).toMatchObject({ ok: false, message: '`¥0,453` is not a number' });
  });

  it('`1,234`, `12,345.5`, `-1,000` and `¥1,234` are read as before', () => {
    expect(parseValue('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseValue('12,345.5', 'money')).toEqual({ ok: true, value: 12345.5 });
    expect(parseValue('-1,000', 'money')).toEqual({ ok: true, value: -1000 });
    expect(parseValue('¥1,234', 'money')).toEqual({ ok: true, value: 1234 });
  });

  it('in a file, `0,453` videos excludes the record at its cell', () => {
    const read = readRecords(
      csvText('工号,姓名,岗位,团队,阶段,月份,发布视频数,违规次数', 'E1,张三,编导,一组,初创期,2026-10,"0,453",0'),
      'csv',
      videosAndViolationsContract(),
      { file: 'm.csv' },
    );
    expect(read.records).toEqual([]);
    expect(
      read.excluded.map((x) => x.reasons.map((d) => [d.code, d.cell?.row, d.cell?.column, d.cell?.value])),
    ).toEqual([[['data_not_a_number', 2, '发布视频数', '0,453']]]);
  });
});
