// One file with `007` (a cell kept as text) and `7` (a cell Excel turned into a number, dropping the
// zeros): they were read as two employees without a word, each scored and paid. They may be one
// person written two ways or two people; which cannot be told, so it is said, as ids that differ
// only in case are (`data_id_case`), and both are read as written.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { csvText, videosAndViolationsContract } from '../builders.js';

describe('ids that differ only by leading zeros in one file', () => {
  it('`007` (row 2) and `7` (row 3) are read as two employees with a warning naming both rows', () => {
    const read = readRecords(
      csvText(
        '工号,姓名,岗位,团队,阶段,月份,发布视频数,违规次数',
        '007,张三,编导,一组,初创期,2026-10,30,0',
        '7,张三,编导,一组,初创期,2026-10,28,0',
      ),
      'csv',
      videosAndViolationsContract(),
      { file: 'm.csv' },
    );
    expect(read.records.map((r) => r.employee_id)).toEqual(['007', '7']);
    expect(read.diagnostics.map((d) => [d.code, d.severity, d.cell?.row, d.cell?.value])).toEqual([
      ['data_id_zeros', 'warning', 3, '7'],
    ]);
  });

  it('says so in words naming both spellings and rows, once, across months too', () => {
    const read = readRecords(
      csvText(
        '工号,姓名,岗位,团队,阶段,月份,发布视频数,违规次数',
        '0042,张三,编导,一组,初创期,2026-09,30,0',
        '42,张三,编导,一组,初创期,2026-10,28,0',
        '042,张三,编导,一组,初创期,2026-11,28,0',
        '0,李四,编导,一组,初创期,2026-10,28,0',
        '000,王五,编导,一组,初创期,2026-10,28,0',
        'E042,赵六,编导,一组,初创期,2026-10,28,0',
      ),
      'csv',
      videosAndViolationsContract(),
      { file: 'm.csv' },
    );
    expect(read.diagnostics.filter((d) => d.code === 'data_id_zeros').map((d) => d.message)).toEqual([
      'ids `0042` (row 2) and `42` (row 3) are the same number with and without leading zeros: they are read as two employees',
      'ids `0042` (row 2) and `042` (row 4) are the same number with and without leading zeros: they are read as two employees',
      'ids `0` (row 5) and `000` (row 6) are the same number with and without leading zeros: they are read as two employees',
    ]);
  });
});
