// One file with `007` (a cell kept as text) and `7` (a cell Excel turned into a number, dropping the
// zeros): read today as two employees without a word, each scored and paid. They may be one person
// written two ways or two people; which cannot be told, so it should be said, as ids that differ
// only in case are (`data_id_case`). The warning needs a message of its own in the catalogue
// (engine/model/messages, not this helper's file): written as `it.fails` until it has one.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { csvText, videosAndViolationsContract } from '../builders.js';

describe('ids that differ only by leading zeros in one file', () => {
  it.fails('`007` (row 2) and `7` (row 3) are read as two employees with a warning naming both rows', () => {
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
});
