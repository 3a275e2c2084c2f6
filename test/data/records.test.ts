// From a data file's text to employee records: columns by id, label or alias; every bad cell
// reported with file, row, column and raw value; a record with a problem is excluded, never 0.

import { describe, expect, it } from 'vitest';
import { readRecords, type DataContract } from '../../engine/data/index.js';

const contract: DataContract = {
  metrics: {
    videos: { label: '发布视频数', unit: 'count', aliases: ['视频数'] },
    completion: { label: '完播率', unit: 'ratio' },
    rating: { label: '上级评分', unit: 'score', range: [0, 100] },
    violations: { label: '违规次数', unit: 'count', default: 0 },
    wait: { label: '平均响应时长', unit: 'seconds' },
  },
  roles: [
    { id: 'director', title: '编导' },
    { id: 'service', title: '客服' },
  ],
  stages: [
    { id: 'startup', title: '初创期' },
    { id: 'mature', title: '成熟期' },
  ],
  requiredMetrics: (role) => (role === 'director' ? ['videos', 'completion', 'rating', 'violations'] : ['wait', 'violations']),
};

const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('readRecords', () => {
  it('maps Chinese headers, role and stage titles, and export-style values', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,1.2万,45.3%,88,,'), 'csv', contract, { file: 'm.csv' });
    expect(r.diagnostics).toEqual([]);
    expect(r.excluded).toEqual([]);
    expect(r.records).toEqual([
      { employee_id: 'E1', name: '张三', role: 'director', team: '一组', stage: 'startup', period: '2026-10', metrics: { videos: 12000, completion: 0.453, rating: 88 }, source: { file: 'm.csv', row: 2 } },
    ]);
  });

  it('leaves an empty metric with a default out of the record: the engine applies the default', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,30,40%,80,,'), 'csv', contract);
    expect(r.records[0].metrics).toEqual({ videos: 30, completion: 0.4, rating: 80 });
  });

  it('gives identical records with and without a UTF-8 BOM', () => {
    const text = csv('E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,', 'E2,李四,客服,二组,mature,2026-10,,,,0,1分5秒');
    expect(readRecords('\uFEFF' + text, 'csv', contract)).toEqual(readRecords(text, 'csv', contract));
  });

  it('numbers rows like a spreadsheet: blank lines count, a quoted newline does not start a row', () => {
    const text = `${HEADER}\n\nE1,"张,三",编导,一组,初创期,2026-10,abc,40%,80,0,\nE2,"李\n四",编导,一组,初创期,2026-10,zz,40%,80,0,\n`;
    const r = readRecords(text, 'csv', contract, { file: 'm.csv' });
    expect(r.excluded.map((x) => [x.employee_id, x.name, x.row, x.reasons[0].cell])).toEqual([
      ['E1', '张,三', 3, { row: 3, column: '视频数', value: 'abc' }],
      ['E2', '李\n四', 4, { row: 4, column: '视频数', value: 'zz' }],
    ]);
  });

  it('excludes a record with a bad cell, naming file, row, column and raw value', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,12..5,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,'), 'csv', contract, { file: 'm.csv' });
    expect(r.records.map((x) => x.employee_id)).toEqual(['E2']);
    expect(r.excluded).toEqual([
      {
        employee_id: 'E1',
        name: '张三',
        file: 'm.csv',
        row: 2,
        reasons: [{ code: 'data_not_a_number', severity: 'error', message: '`12..5` is not a number', help: 'write a number such as 1234, 1,234, 1.2万 or 3.5w', file: 'm.csv', cell: { row: 2, column: '视频数', value: '12..5' } }],
      },
    ]);
  });

  it('reports every problem of a row, not just the first', () => {
    const r = readRecords(csv('E1,张三,编剧,一组,中期,2026-10,30,40%,180,0,'), 'csv', contract);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.cell?.column])).toEqual([
      ['data_unknown_role', 'unknown role `编剧`', '岗位'],
      ['data_unknown_stage', 'unknown stage `中期`', '阶段'],
      ['data_out_of_range', '`上级评分` must be between 0 and 100, got `180`', '上级评分'],
    ]);
    expect(r.excluded[0].reasons[0].help).toBe('roles of this policy: 编导 (director), 客服 (service)');
  });

  it('a required metric left empty is missing, not 0; the same empty cell is fine for a role that does not need it', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,30,,80,0,', 'E2,李四,客服,一组,初创期,2026-10,,,,0,45秒'), 'csv', contract);
    expect(r.records.map((x) => [x.employee_id, x.metrics])).toEqual([['E2', { violations: 0, wait: 45 }]]);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      ['data_missing_metric', 'missing `完播率` (completion) for role `编导`', { row: 2, column: '完播率', value: '' }],
    ]);
  });

  it('a negative count and a duplicate employee are excluded; the first occurrence stays', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,-3,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,31,40%,80,0,'), 'csv', contract);
    expect(r.records.map((x) => [x.employee_id, x.metrics.videos])).toEqual([['E2', 30]]);
    expect(r.excluded.map((x) => [x.row, x.reasons[0].code, x.reasons[0].message])).toEqual([
      [2, 'data_negative_count', '`发布视频数` cannot be negative, got `-3`'],
      [4, 'data_duplicate_employee', 'employee `E2` already appears in row 3'],
    ]);
  });

  it('a file without an employee id column is refused as a whole', () => {
    const r = readRecords('姓名,岗位,团队,阶段,月份\n张三,编导,一组,初创期,2026-10\n', 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_missing_column', 'the file has no `工号` (employee_id) column'],
      ['data_missing_column', 'the file has no column for `发布视频数` (videos), which 编导 need'],
      ['data_missing_column', 'the file has no column for `完播率` (completion), which 编导 need'],
      ['data_missing_column', 'the file has no column for `上级评分` (rating), which 编导 need'],
      ['data_missing_column', 'the file has no column for `违规次数` (violations), which 编导 need; its `default` fills empty cells, not a missing column'],
    ]);
  });

  it('a column that matches nothing is a warning that names a likely metric', () => {
    const r = readRecords('工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,上级评分(满分100),违规次数\nE1,张三,编导,一组,初创期,2026-10,30,40%,80,80,0\n', 'csv', contract);
    expect(r.diagnostics).toEqual([
      { code: 'data_unknown_column', severity: 'warning', message: 'column `上级评分(满分100)` matches no metric and is ignored', help: 'did you mean `上级评分`? add it to the metric\'s `aliases` if it is the same thing', cell: { row: 1, column: '上级评分(满分100)' } },
    ]);
    expect(r.records).toHaveLength(1);
  });

  it('two columns meaning the same metric are refused', () => {
    const r = readRecords('工号,姓名,岗位,团队,阶段,月份,发布视频数,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,2026-10,30,30,40%,80,0\n', 'csv', contract);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['data_duplicate_column', 'columns `发布视频数` and `视频数` both mean `videos`']]);
  });

  it('data without a period column takes the period it is given', () => {
    const r = readRecords('工号,姓名,岗位,团队,阶段,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,30,40%,80,\n', 'csv', contract, { period: '2026-10' });
    expect(r.records[0].period).toBe('2026-10');
  });

  it('reads JSON records with the same rules', () => {
    const json = JSON.stringify([{ employee_id: 'E1', name: '张三', role: 'director', team: '一组', stage: 'startup', period: '2026-10', videos: 30, completion: '45.3%', rating: 80, violations: null }]);
    const r = readRecords(json, 'json', contract);
    expect(r.records[0].metrics).toEqual({ videos: 30, completion: 0.453, rating: 80 });
    expect(readRecords('{"records": 3}', 'json', contract).diagnostics[0].code).toBe('data_json_malformed');
    expect(readRecords('[{', 'json', contract).diagnostics[0].code).toBe('data_json_malformed');
  });

  it('an unclosed quote is a malformed CSV', () => {
    const r = readRecords(`${HEADER}\nE1,"张三,编导,一组,初创期,2026-10,30,40%,80,0,\n`, 'csv', contract, { file: 'm.csv' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell?.row])).toEqual([['data_csv_malformed', 'a quoted cell is never closed', 2]]);
  });
});
