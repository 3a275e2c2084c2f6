// An empty metric cell is a problem only for a role that requires the metric (and has no default
// for it): the same row's empty cells read differently for 编导 (director) and 客服 (service).

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { csvText, studioContract } from '../builders.js';

const contract = studioContract();
const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';

describe('empty metric cells, by role', () => {
  it('a service row leaves the director metrics empty and is read; a director row without 完播率 is refused at that cell', () => {
    const r = readRecords(
      csvText(HEADER, 'E1,张三,客服,一组,初创期,2026-10,,,,,65', 'E2,李四,编导,一组,初创期,2026-10,30,,80,,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    // E1: service requires 平均响应时长 (65 s) and 违规次数 (empty: its default applies in the engine)
    expect(r.records.map((x) => [x.employee_id, x.metrics])).toEqual([['E1', { wait: 65 }]]);
    // E2: director requires 完播率, which has no default: row 3, column 完播率, empty
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => [d.code, d.cell?.column])])).toEqual([
      ['E2', 3, [['data_missing_metric', '完播率']]],
    ]);
  });
});
