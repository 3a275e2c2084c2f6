// From a data file's text to employee records: columns by id, label or alias; every bad cell
// reported with file, row, column and raw value; a record with a problem is excluded, never 0.

import { describe, expect, it } from 'vitest';
import { readRecords, type DataContract } from '../../engine/data/index.js';
import { columnLetters } from '../../engine/data/records.js';
import { csvText, studioContract } from '../builders.js';

const contract = studioContract({ startup: '初创期', mature: '成熟期' });

const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';

const csv = (...rows: string[]) => csvText(HEADER, ...rows);

describe('readRecords', () => {
  it('maps Chinese headers, role and stage titles, and export-style values', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,1.2万,45.3%,88,,'), 'csv', contract, { file: 'm.csv' });
    expect(r.diagnostics).toEqual([]);
    expect(r.excluded).toEqual([]);
    expect(r.records).toEqual([
      {
        employee_id: 'E1',
        name: '张三',
        role: 'director',
        team: '一组',
        stage: 'startup',
        period: '2026-10',
        metrics: { videos: 12000, completion: 0.453, rating: 88 },
        source: { file: 'm.csv', row: 2 },
      },
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
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,12..5,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.employee_id)).toEqual(['E2']);
    expect(r.excluded).toEqual([
      {
        employee_id: 'E1',
        name: '张三',
        file: 'm.csv',
        row: 2,
        reasons: [
          {
            code: 'data_not_a_number',
            severity: 'error',
            message: '`12..5` is not a number',
            help: 'write a number such as 1234, 1,234, 1.2万 or 3.5w',
            file: 'm.csv',
            cell: { row: 2, column: '视频数', value: '12..5' },
          },
        ],
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
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,,80,0,', 'E2,李四,客服,一组,初创期,2026-10,,,,0,45秒'),
      'csv',
      contract,
    );
    expect(r.records.map((x) => [x.employee_id, x.metrics])).toEqual([['E2', { violations: 0, wait: 45 }]]);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      ['data_missing_metric', 'missing `完播率` (completion) for role `编导`', { row: 2, column: '完播率', value: '' }],
    ]);
  });

  it('a negative count and a duplicate employee are excluded; both rows of the duplicate are', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,-3,40%,80,0,',
        'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,',
        'E2,李四,编导,一组,初创期,2026-10,31,40%,80,0,',
      ),
      'csv',
      contract,
    );
    // which of E2's rows (30 or 31 videos) is right cannot be told: neither is scored
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => [x.row, x.reasons[0].code, x.reasons[0].message])).toEqual([
      [2, 'data_negative_count', '`发布视频数` cannot be negative, got `-3`'],
      [
        3,
        'data_duplicate_employee',
        'employee `E2` appears again in row 4: which row is right cannot be told, so neither is scored',
      ],
      [4, 'data_duplicate_employee', 'employee `E2` already appears in row 3'],
    ]);
    expect(r.excluded[1]!.reasons[0]!.cell).toEqual({ row: 3, column: '工号', value: 'E2' });
  });

  it('a file without an employee id column is refused as a whole', () => {
    const r = readRecords('姓名,岗位,团队,阶段,月份\n张三,编导,一组,初创期,2026-10\n', 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_missing_column', 'the file has no `工号` (employee_id) column'],
      ['data_missing_column', 'the file has no column for `发布视频数` (videos), which 编导 need'],
      ['data_missing_column', 'the file has no column for `完播率` (completion), which 编导 need'],
      ['data_missing_column', 'the file has no column for `上级评分` (rating), which 编导 need'],
      [
        'data_missing_column',
        'the file has no column for `违规次数` (violations), which 编导 need; its `default` fills empty cells, not a missing column',
      ],
    ]);
  });

  it('a column that matches nothing is a warning that names a likely metric', () => {
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,上级评分(满分100),违规次数\nE1,张三,编导,一组,初创期,2026-10,30,40%,80,80,0\n',
      'csv',
      contract,
    );
    expect(r.diagnostics).toEqual([
      {
        code: 'data_unknown_column',
        severity: 'warning',
        message: 'column `上级评分(满分100)` matches no metric and is ignored',
        help: "did you mean `上级评分`? add it to the metric's `aliases` if it is the same thing",
        cell: { row: 1, column: '上级评分(满分100)' },
      },
    ]);
    expect(r.records).toHaveLength(1);
  });

  it('two columns meaning the same metric are refused', () => {
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,发布视频数,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,2026-10,30,30,40%,80,0\n',
      'csv',
      contract,
    );
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_duplicate_column', 'columns `发布视频数` and `视频数` both mean `videos`'],
    ]);
  });

  it('the same header twice is named by the two columns\' letters (it said "columns `完播率` and `完播率`")', () => {
    // 完播率 is the 8th column (H) and the 11th (K)
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,违规次数,完播率\nE1,张三,编导,一组,初创期,2026-10,30,40%,80,0,45%\n',
      'csv',
      contract,
    );
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.cell])).toEqual([
      [
        'data_duplicate_column',
        'the column `完播率` is there twice, as columns H and K: which one holds `completion` cannot be told',
        'delete or rename one of the two columns',
        { row: 1, column: '完播率' },
      ],
    ]);
    expect(r.records).toEqual([]);
  });

  it('names a column past Z by two letters, as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('data without a period column takes the period it is given', () => {
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,30,40%,80,\n',
      'csv',
      contract,
      { period: '2026-10' },
    );
    expect(r.records[0].period).toBe('2026-10');
  });

  it('reads JSON records with the same rules', () => {
    const json = JSON.stringify([
      {
        employee_id: 'E1',
        name: '张三',
        role: 'director',
        team: '一组',
        stage: 'startup',
        period: '2026-10',
        videos: 30,
        completion: '45.3%',
        rating: 80,
        violations: null,
      },
    ]);
    const r = readRecords(json, 'json', contract);
    expect(r.records[0].metrics).toEqual({ videos: 30, completion: 0.453, rating: 80 });
    expect(readRecords('{"records": 3}', 'json', contract).diagnostics[0].code).toBe('data_json_malformed');
    expect(readRecords('[{', 'json', contract).diagnostics[0].code).toBe('data_json_malformed');
  });

  it('an unclosed quote is a malformed CSV', () => {
    const r = readRecords(`${HEADER}\nE1,"张三,编导,一组,初创期,2026-10,30,40%,80,0,\n`, 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell?.row])).toEqual([
      ['data_csv_malformed', 'a quoted cell is never closed', 2],
    ]);
  });
});

describe('a ratio written without %', () => {
  const ratios = (completion: Partial<DataContract['metrics'][string]> = {}): DataContract => ({
    ...contract,
    metrics: { ...contract.metrics, completion: { label: '完播率', unit: 'ratio', ...completion } },
  });

  it('is a fraction by default: 45.3 (meant as 45.3 %) is outside [0, 1] and excludes the record at the cell', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,45.3,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.completion])).toEqual([['E2', 0.4]]);
    expect(r.excluded[0].reasons).toEqual([
      {
        code: 'data_out_of_range',
        severity: 'error',
        message: '`完播率` must be between 0 and 1, got `45.3`',
        help: 'write `45.3%` if it means 45.3 %, or set `ratio_format: percent_points` on the metric (or on the column in a data mapping) if the export writes percent points',
        file: 'm.csv',
        cell: { row: 2, column: '完播率', value: '45.3' },
      },
    ]);
  });

  it('a ratio outside [0, 1] that is not percent points either gets the range help', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,30,-0.2,80,0,'), 'csv', contract);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.help])).toEqual([
      [
        'data_out_of_range',
        '`完播率` must be between 0 and 1, got `-0.2`',
        'a ratio is between 0 and 1 (0 % to 100 %) unless the metric states a `range` in the policy: check the value, or give the metric a `range`',
      ],
    ]);
  });

  it('a column mixing 0.453 and 45.3 is refused as a whole, naming the first row of each', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,45.3%,80,0,',
        'E2,李四,编导,一组,初创期,2026-10,30,0.453,80,0,',
        'E3,王五,编导,一组,初创期,2026-10,30,45.3,80,0,',
        'E4,赵六,编导,一组,初创期,2026-10,30,0.5,80,0,',
      ),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_mixed_ratio_notation',
        severity: 'error',
        message:
          'column `完播率` (completion) writes ratios two ways: `0.453` (row 3) is a fraction, `45.3` (row 4) is percent points',
        help: 'write every cell one way: as a fraction (0.453) or with a % sign (45.3%); if the export writes percent points, set `ratio_format: percent_points` and fix the fraction cells',
        file: 'm.csv',
        cell: { row: 4, column: '完播率', value: '45.3' },
      },
    ]);
  });

  it('ratio_format: percent_points reads 45.3 and 45.3% alike as 0.453, and 12.5 exactly as 0.125', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,45.3,80,0,',
        'E2,李四,编导,一组,初创期,2026-10,30,45.3%,80,0,',
        'E3,王五,编导,一组,初创期,2026-10,30,12.5,80,0,',
        'E4,赵六,编导,一组,初创期,2026-10,30,100,80,0,',
      ),
      'csv',
      ratios({ ratio_format: 'percent_points' }),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => x.metrics.completion)).toEqual([0.453, 0.453, 0.125, 1]);
  });

  it('under percent_points a fraction such as 0.453 among 45.3 is refused as a mix; 150 is outside [0, 1] at the cell', () => {
    const mixed = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,45.3,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,0.453,80,0,'),
      'csv',
      ratios({ ratio_format: 'percent_points' }),
    );
    expect(mixed.diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([
      [
        'data_mixed_ratio_notation',
        'column `完播率` (completion) writes ratios two ways: `0.453` (row 3) is a fraction, `45.3` (row 2) is percent points',
        'the column is read as percent points (`ratio_format: percent_points`): write every cell as percent points (45.3) or with a % sign (45.3%, 0.8%)',
      ],
    ]);
    const over = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,150,80,0,'),
      'csv',
      ratios({ ratio_format: 'percent_points' }),
    );
    expect(over.excluded[0].reasons.map((d) => [d.code, d.message])).toEqual([
      ['data_out_of_range', '`完播率` must be between 0 and 1, got `150`'],
    ]);
  });

  it('a ratio metric with a policy range may exceed 1 (a completion of 1.2); 120 beside 0.9 is still a mix', () => {
    const wide = ratios({ range: [0, 1.5] });
    const ok = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,1.2,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,0.9,80,0,'),
      'csv',
      wide,
    );
    expect(ok.records.map((x) => x.metrics.completion)).toEqual([1.2, 0.9]);
    const mixed = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,120,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,0.9,80,0,'),
      'csv',
      wide,
    );
    expect(mixed.diagnostics.map((d) => d.message)).toEqual([
      'column `完播率` (completion) writes ratios two ways: `0.9` (row 3) is a fraction, `120` (row 2) is percent points',
    ]);
  });
});

describe("a metric's default", () => {
  it('fills an empty cell of a present column, and the result lists where', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,40%,80,,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,2,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.metrics.violations)).toEqual([undefined, 2]);
    expect(r.defaults).toEqual([
      { metric: 'violations', value: 0, employee_id: 'E1', file: 'm.csv', row: 2, why: 'empty cell' },
    ]);
  });

  it('does not stand in for a missing column: renaming 违规次数 to 违规数 refuses the file', () => {
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规数\nE1,张三,编导,一组,初创期,2026-10,30,40%,80,1\n',
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_unknown_column',
        severity: 'warning',
        message: 'column `违规数` matches no metric and is ignored',
        help: "add the column to a metric's `aliases` in the policy if it should be used",
        file: 'm.csv',
        cell: { row: 1, column: '违规数' },
      },
      {
        code: 'data_missing_column',
        severity: 'error',
        message:
          'the file has no column for `违规次数` (violations), which 编导 need; its `default` fills empty cells, not a missing column',
        help: 'add a column named `违规次数`, or set `default_when_missing_column: true` on the metric if a file without it means 0 for everyone',
        file: 'm.csv',
        cell: { row: 1 },
      },
    ]);
  });

  it('stands in for a missing column when the metric says default_when_missing_column: true', () => {
    const lenient: DataContract = {
      ...contract,
      metrics: {
        ...contract.metrics,
        violations: { label: '违规次数', unit: 'count', default: 0, default_when_missing_column: true },
      },
    };
    const r = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分\nE1,张三,编导,一组,初创期,2026-10,30,40%,80\n',
      'csv',
      lenient,
      { file: 'm.csv' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => x.metrics)).toEqual([{ videos: 30, completion: 0.4, rating: 80 }]);
    expect(r.defaults).toEqual([
      { metric: 'violations', value: 0, employee_id: 'E1', file: 'm.csv', row: 2, why: 'no column' },
    ]);
  });
});

describe('the header printed again after a page break', () => {
  it('is skipped with one note at its row, the rows below read as before (it excluded a record as role `岗位`, month `月份`, …)', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,',
        ` ${HEADER.replaceAll(',', ' , ')} `,
        'E2,李四,编导,一组,初创期,2026-10,20,50%,90,1,',
      ),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => [x.employee_id, x.source])).toEqual([
      ['E1', { file: 'm.csv', row: 2 }],
      ['E2', { file: 'm.csv', row: 4 }],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_header_repeated',
        severity: 'warning',
        message: 'row 3 repeats the header, as an export does after a page break, and is skipped',
        help: 'nothing to do if it is the header printed again: the rows below it are read as before',
        file: 'm.csv',
        cell: { row: 3, column: '工号', value: ' 工号 ' },
      },
    ]);
  });

  it('a row that repeats the header but its last names is the header again too: skipped, no employee lost', () => {
    const r = readRecords(csv('工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,'), 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['data_header_repeated', 'warning']]);
    expect(r.excluded).toEqual([]);
  });

  it('a row of two header names and data is an employee’s row, refused for what it holds', () => {
    const r = readRecords(csv('工号,姓名,,,,,30,40%,80,0,'), 'csv', contract, { file: 'm.csv' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('data_header_repeated');
    expect(r.excluded.map((x) => x.row)).toEqual([2]);
  });
});

describe('a totals row at the bottom of an export', () => {
  it('is skipped with one note naming file, row and cell, whether 合计 sits in 工号 or 姓名', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,',
        '合计,,,,,,30,40%,80,0,',
        ',小 计：,,一组,,,30,,,,',
        'Total,TOTAL,,,,,,,,,',
      ),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(r.excluded).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_totals_row',
        severity: 'warning',
        message: 'row 3 is a totals row (`合计`), not an employee, and is skipped',
        help: "nothing to do if it is the export's total; a real employee needs 工号, 姓名, 岗位 and 阶段",
        file: 'm.csv',
        cell: { row: 3, column: '工号', value: '合计' },
      },
      {
        code: 'data_totals_row',
        severity: 'warning',
        message: 'row 4 is a totals row (`小 计：`), not an employee, and is skipped',
        help: "nothing to do if it is the export's total; a real employee needs 工号, 姓名, 岗位 and 阶段",
        file: 'm.csv',
        cell: { row: 4, column: '姓名', value: '小 计：' },
      },
      {
        code: 'data_totals_row',
        severity: 'warning',
        message: 'row 5 is a totals row (`Total`), not an employee, and is skipped',
        help: "nothing to do if it is the export's total; a real employee needs 工号, 姓名, 岗位 and 阶段",
        file: 'm.csv',
        cell: { row: 5, column: '工号', value: 'Total' },
      },
    ]);
  });

  it('合计 in 团队, with 工号, 姓名, 岗位 and 阶段 empty, is a totals row too (it was refused as a row with no 工号)', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,', ',,,合计,,2026-10,30,40%,80,0,', 'E2,,,总计,,,30,,,,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_totals_row',
        'row 3 is a totals row (`合计`), not an employee, and is skipped',
        { row: 3, column: '团队', value: '合计' },
      ],
    ]);
    // a 工号 makes it an employee's row, refused for what it lacks
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => d.code)])).toEqual([
      [4, ['data_missing_field', 'data_missing_field', 'data_missing_field', 'data_missing_field']],
    ]);
  });

  // Excel's Data → Subtotal writes `<group> 汇总` in the grouped column: refused before as a row
  // without 工号 and 姓名, so that a file straight from the Subtotal feature could not be read
  it('a group subtotal (`一组 汇总` in 团队, `编导汇总` in 岗位, `Team B Total`) is a totals row too', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,',
        ',,,一组 汇总,,,30,,,,',
        ',,编导汇总,,,,30,,,,',
        ',,,Team B Total,,,30,,,,',
        ',,,二组,,,30,,,,',
        ',,,一组 平均值,,,30,,,,',
        ',,,一组 计数,,,1,,,,',
      ),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_totals_row',
        'row 3 is a totals row (`一组 汇总`), not an employee, and is skipped',
        { row: 3, column: '团队', value: '一组 汇总' },
      ],
      [
        'data_totals_row',
        'row 4 is a totals row (`编导汇总`), not an employee, and is skipped',
        { row: 4, column: '岗位', value: '编导汇总' },
      ],
      [
        'data_totals_row',
        'row 5 is a totals row (`Team B Total`), not an employee, and is skipped',
        { row: 5, column: '团队', value: 'Team B Total' },
      ],
      // Subtotal with Average or Count writes the function's name
      [
        'data_totals_row',
        'row 7 is a totals row (`一组 平均值`), not an employee, and is skipped',
        { row: 7, column: '团队', value: '一组 平均值' },
      ],
      [
        'data_totals_row',
        'row 8 is a totals row (`一组 计数`), not an employee, and is skipped',
        { row: 8, column: '团队', value: '一组 计数' },
      ],
    ]);
    // a team without a totals word is a row without 工号 and 姓名, refused
    expect(r.excluded.map((x) => x.row)).toEqual([6]);
  });

  it('a row with a role or a real name is an employee, whatever its 工号 says', () => {
    const r = readRecords(
      csv('合计,张三,编导,一组,初创期,2026-10,30,40%,80,0,', 'E2,合计,,一组,初创期,2026-10,30,40%,80,0,'),
      'csv',
      contract,
    );
    expect(r.records.map((x) => [x.employee_id, x.name])).toEqual([['合计', '张三']]);
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => d.code)])).toEqual([[3, ['data_missing_field']]]);
  });
});

// A pay-base column whose header carries a unit or a space (`绩效基数(元)`) matched nothing and was
// ignored with a warning to "add it to a metric's aliases" (it is no metric): every employee was paid
// on the role's pay base instead of the one in the file (breaker 128)
describe('a record field’s column written with a unit or spaces', () => {
  const row = 'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,9000';
  it.each([
    '绩效基数(元)',
    '绩效基数（万元）',
    '绩效 基数',
    ' 绩效基数【元】',
    '绩效基数/元',
    '绩效基数元',
    '月绩效基数',
  ])('`%s` without a 绩效基数 column refuses the file at its header', (name) => {
    const r = readRecords(csvText(`${HEADER},${name}`, row), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message, d.cell])).toEqual([
      [
        'error',
        'data_unknown_column',
        `column \`${name.trim()}\` looks like \`绩效基数\` with a unit or spaces added, and would not be read as \`绩效基数\`: the file has no \`绩效基数\` column`,
        { row: 1, column: name.trim() },
      ],
    ]);
  });

  it('another field written so (`考核期(天)`, a count of days, with --period for the month) is a column no metric reads: a warning', () => {
    const header = HEADER.replace(',月份', '');
    const r = readRecords(
      csvText(`${header},考核期(天)`, 'E1,张三,编导,一组,初创期,30,40%,80,0,,31'),
      'csv',
      contract,
      {
        file: 'm.csv',
        period: '2026-10',
      },
    );
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.cell?.column])).toEqual([
      ['warning', 'data_unknown_column', '考核期(天)'],
    ]);
    expect(r.records.map((x) => x.period)).toEqual(['2026-10']);
  });

  it('beside a 绩效基数 column it is one more column no metric reads (a warning), and 绩效基数 is the pay base', () => {
    const r = readRecords(csvText(`${HEADER},绩效基数,绩效基数(元)`, `${row},9000`), 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.cell?.column])).toEqual([
      ['warning', 'data_unknown_column', '绩效基数(元)'],
    ]);
    expect(r.records.map((x) => x.pay_base)).toEqual([9000]);
  });
});
