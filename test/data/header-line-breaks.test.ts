// A header cell typed with a line break (Alt+Enter in Excel or WPS, so that a long name wraps:
// `发布\n视频数`) shows as 发布视频数 on two lines, and matched no metric: the file was refused for a
// missing 发布视频数 column, with no hint that the column was there. A line break in a column name
// (or a role or stage title), with the spaces around it, is read as nothing between two Chinese
// characters and as one space elsewhere (`Total\nGMV` is `Total GMV`).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { readDataFile } from '../../node/cli/pipeline.js';
import {
  compiledPolicy,
  csvText,
  dataContract,
  ONE_RATING_POLICY,
  videosAndViolationsContract,
  workbookWith,
  xlsxText as text,
} from '../builders.js';

/** These CSV lines read for a studio's 编导 (发布视频数, 违规次数). */
const studio = (...lines: string[]) =>
  readRecords(csvText(...lines), 'csv', videosAndViolationsContract(), { file: 'm.csv' });

describe('a line break inside a column name', () => {
  it('`发布\\n视频数` (quoted in the CSV) is 发布视频数: E1 has 30 videos', () => {
    const read = studio(
      '工号,姓名,岗位,团队,阶段,月份,"发布\n视频数",违规次数',
      'E1,张三,编导,一组,初创期,2026-10,30,0',
    );
    expect(read.diagnostics).toEqual([]);
    // row 2, as Excel numbers it: the header is one row, however many lines its cells take
    expect(read.records.map((r) => [r.employee_id, r.metrics.videos, r.source?.row])).toEqual([['E1', 30, 2]]);
  });

  it('`违规\\r\\n 次数` with a Windows line break and an indent is 违规次数: 2', () => {
    const read = studio(
      '工号,姓名,岗位,团队,阶段,月份,发布视频数,"违规\r\n 次数"',
      'E1,张三,编导,一组,初创期,2026-10,30,2',
    );
    expect(read.records.map((r) => r.metrics.violations)).toEqual([2]);
  });

  it('between two words it is a space: `Total\\nGMV` is the alias `Total GMV`', () => {
    const contract = dataContract({
      metrics: { gmv: { label: '成交金额', unit: 'money', aliases: ['Total GMV'] } },
      roles: { host: '主播' },
      stages: { startup: '初创期' },
    });
    const read = readRecords(
      csvText('工号,姓名,岗位,团队,阶段,月份,"Total\nGMV"', 'E1,张三,主播,一组,初创期,2026-10,"¥1,234.50"'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(read.records.map((r) => r.metrics.gmv)).toEqual([1234.5]);
  });

  it('in a workbook’s header cell too: 评分 written `评\\n分` rates E1 80', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-header-break-'));
    writeFileSync(
      join(dir, 'm.xlsx'),
      await workbookWith([
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '评\n分'].map(text),
        [...['E1', '张三', '员工', '一组', '常规', '2026-10'].map(text), { value: 80, type: Number }],
      ]),
    );
    const read = await readDataFile(join(dir, 'm.xlsx'), compiledPolicy(ONE_RATING_POLICY, 'p.yaml'));
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read.records.map((r) => [r.employee_id, r.metrics.rating])).toEqual([['E1', 80]]);
  });
});
