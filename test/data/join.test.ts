// Joining exports to the roster: on 工号 or on a declared key, with rows that match nobody,
// employees a source has no row for, and duplicates reported.

import { describe, expect, it } from 'vitest';
import { joinSources, readJsonRecords, type Table } from '../../engine/data/index.js';
import { dataContract } from '../builders.js';

const table = (header: string[], ...rows: string[][]): Table => ({
  header,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

const roster = {
  file: '花名册.csv',
  table: table(['工号', '姓名', '抖音账号'], ['E1', '张三', '@zhang'], ['E2', '李四', '@li'], ['E3', '王五', '@wang']),
};

describe('joinSources', () => {
  it('joins on a declared key and keeps where each cell came from', () => {
    const creator = {
      file: '创作者.csv',
      table: table(['账号名称', '作品播放量'], ['@li', '3.5w'], ['@zhang', '1.2万']),
      keyColumn: '账号名称',
      rosterColumn: '抖音账号',
      columns: { 作品播放量: '播放量' },
    };
    const r = joinSources(roster, [creator]);
    expect(r.table.header).toEqual(['工号', '姓名', '抖音账号', '播放量']);
    expect(r.table.rows).toEqual([
      ['E1', '张三', '@zhang', '1.2万'],
      ['E2', '李四', '@li', '3.5w'],
      ['E3', '王五', '@wang', ''],
    ]);
    expect(r.table.origin!(0, 3)).toEqual({ file: '创作者.csv', row: 3, column: '作品播放量' });
    expect(r.table.origin!(0, 1)).toEqual({ file: '花名册.csv', row: 2, column: '姓名' });
    expect(r.keyColumns).toEqual(['抖音账号']);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_no_data', '`E3` has no row in `创作者.csv`'],
    ]);
  });

  it('places "has no row in the source" at the employee\'s roster row, not at a row of the source', () => {
    const reviews = { file: '评审.csv', table: table(['工号', '上级评分'], ['E2', '80'], ['E1', '90']) };
    const r = joinSources(roster, [reviews]);
    // E3 is the roster's third employee: 花名册.csv row 4; 评审.csv has only rows 2 and 3
    expect(r.diagnostics.map((d) => [d.code, d.file, d.cell])).toEqual([
      ['data_no_data', '花名册.csv', { row: 4, column: '工号', value: 'E3' }],
    ]);
  });

  it('reports a row that matches nobody, and excludes an employee with two rows in one source', () => {
    const reviews = {
      file: '评审.csv',
      table: table(['工号', '上级评分'], ['E1', '90'], ['E9', '70'], ['E1', '85'], ['E2', '80'], ['E3', '75']),
    };
    const r = joinSources(roster, [reviews]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.cell])).toEqual([
      ['data_unmatched_row', '评审.csv', { row: 3, column: '工号', value: 'E9' }],
    ]);
    expect([...r.conflicts.entries()].map(([id, ds]) => [id, ds.map((d) => d.message)])).toEqual([
      ['E1', ['`E1` has two rows in `评审.csv` (rows 2 and 4)']],
    ]);
    expect(r.table.rows.map((row) => row[3])).toEqual(['90', '80', '75']);
  });

  it('a source or roster row with more cells than its header excludes that employee; fewer cells are trailing empties', () => {
    const views = {
      file: '播放.csv',
      table: table(['工号', '播放量', '点赞量'], ['E1', '1', '500', '000'], ['E2', '3.5w'], ['E3', '1.2万', '300']),
    };
    const wide = {
      file: '花名册.csv',
      table: table(
        ['工号', '姓名', '抖音账号'],
        ['E1', '张三', '@zhang'],
        ['E2', '李四', '@li', ''],
        ['E3', '王五', '@wang'],
      ),
    };
    const r = joinSources(wide, [views]);
    expect(
      [...r.conflicts.entries()].map(([id, ds]) => [id, ds.map((d) => [d.code, d.file, d.message, d.cell])]),
    ).toEqual([
      [
        'E2',
        [
          [
            'data_row_length',
            '花名册.csv',
            'row 3 has 4 cells but the header has 3: the cell past the header is empty, but a cell earlier in the row may have been split',
            { row: 3, value: 'E2,李四,@li,' },
          ],
        ],
      ],
      [
        'E1',
        [
          [
            'data_row_length',
            '播放.csv',
            'row 2 has 4 cells but the header has 3: the cells past the header are `000`',
            { row: 2, value: 'E1,1,500,000' },
          ],
        ],
      ],
    ]);
    expect(r.table.rows).toEqual([
      ['E1', '张三', '@zhang', '', ''],
      ['E2', '李四', '@li', '3.5w', ''],
      ['E3', '王五', '@wang', '1.2万', '300'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('a roster without 工号 cannot be joined', () => {
    const r = joinSources({ file: 'r.csv', table: table(['姓名'], ['张三']) }, []);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_missing_column', 'the roster has no `工号` (employee_id) column'],
    ]);
  });
});

describe('a source that writes a metric its own way', () => {
  it('reads money in fen and ranges as its mapping says, for that file only', async () => {
    const { toRecords } = await import('../../engine/data/index.js');
    const shop = {
      file: '抖店.csv',
      table: table(['工号', '成交金额(分)', '观看人数']),
      columns: {
        '成交金额(分)': { metric: 'gmv', money_in: 'fen' as const },
        观看人数: { metric: 'viewers', ranges: 'middle' as const },
      },
    };
    shop.table.rows.push(['E1', '123456', '1万~2万']);
    shop.table.rowNumbers.push(2);
    const joined = joinSources(
      {
        file: 'r.csv',
        table: table(
          ['工号', '姓名', '岗位', '团队', '阶段', '月份'],
          ['E1', '张三', '主播', '一组', '初创期', '2026-10'],
        ),
      },
      [shop],
    );
    const contract = dataContract({
      metrics: { gmv: { label: 'GMV', unit: 'money' }, viewers: { label: '观看人数', unit: 'count' } },
      roles: { host: '主播' },
      stages: { startup: '初创期' },
    });
    const r = toRecords(joined.table, contract);
    expect(r.records[0].metrics).toEqual({ gmv: 1234.56, viewers: 15000 });
  });
});

describe('a ratio column of a source', () => {
  const contract = dataContract({
    metrics: { completion: { label: '完播率', unit: 'ratio' } },
    roles: { director: '编导' },
    stages: { startup: '初创期' },
  });
  const people = () =>
    table(
      ['工号', '姓名', '岗位', '团队', '阶段', '月份'],
      ['E1', '张三', '编导', '一组', '初创期', '2026-10'],
      ['E2', '李四', '编导', '一组', '初创期', '2026-10'],
    );

  it('is read in percent points when the mapping says ratio_format: percent_points for that column', async () => {
    const { toRecords } = await import('../../engine/data/index.js');
    const src = {
      file: '第三方.csv',
      table: table(['工号', '完播率(%)'], ['E1', '45.3'], ['E2', '8%']),
      columns: { '完播率(%)': { metric: '完播率', ratio_format: 'percent_points' as const } },
    };
    const r = toRecords(joinSources({ file: '花名册.csv', table: people() }, [src]).table, contract, {
      file: '花名册.csv',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => x.metrics.completion)).toEqual([0.453, 0.08]);
  });

  it('mixing notations is reported in the source file, at its own rows and header', async () => {
    const { toRecords } = await import('../../engine/data/index.js');
    const src = {
      file: '第三方.csv',
      table: table(['工号', '完播'], ['E2', '0.453'], ['E1', '45.3']),
      columns: { 完播: '完播率' },
    };
    const r = toRecords(joinSources({ file: '花名册.csv', table: people() }, [src]).table, contract, {
      file: '花名册.csv',
    });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.file, d.cell])).toEqual([
      [
        'data_mixed_ratio_notation',
        'column `完播` (完播率, completion) writes ratios two ways: `0.453` (row 2) is a fraction, `45.3` (row 3) is percent points',
        '第三方.csv',
        { row: 3, column: '完播', value: '45.3' },
      ],
    ]);
  });
});

describe('an employee a source has no row for', () => {
  const contract = dataContract({
    metrics: {
      plays: { label: '播放量', unit: 'count' },
      violations: { label: '违规次数', unit: 'count', default: 0 },
      note: { label: '备注分', unit: 'score', default: 60 },
    },
    roles: { ops: '运营', host: '主播' },
    stages: { startup: '初创期' },
    requiredMetrics: (role) => (role === 'ops' ? ['plays', 'violations', 'note'] : ['plays']),
  });
  const people = () =>
    table(
      ['工号', '姓名', '岗位', '团队', '阶段', '月份'],
      ['E1', '张三', '运营', '一组', '初创期', '2026-10'],
      ['E2', '李四', '运营', '一组', '初创期', '2026-10'],
      ['E3', '王五', '主播', '一组', '初创期', '2026-10'],
    );
  const plays = () => ({
    file: '后台.csv',
    table: table(['工号', '播放量'], ['E1', '100'], ['E2', '200'], ['E3', '300']),
  });
  const review = () => ({ file: '内部评审.csv', table: table(['工号', '违规次数', '备注分'], ['E2', '', '70']) });

  it('is excluded when their role needs a metric from it, even one with a default: one error per source', async () => {
    const { toRecords } = await import('../../engine/data/index.js');
    const joined = joinSources({ file: '花名册.csv', table: people() }, [plays(), review()]);
    const r = toRecords(joined.table, contract, { file: '花名册.csv' });
    // E2 has a row with an empty 违规次数: the default fills it; E3 (主播) needs nothing from the review
    expect(r.records.map((x) => [x.employee_id, x.metrics])).toEqual([
      ['E2', { plays: 200, note: 70 }],
      ['E3', { plays: 300 }],
    ]);
    expect(r.excluded).toEqual([
      {
        employee_id: 'E1',
        name: '张三',
        file: '花名册.csv',
        row: 2,
        reasons: [
          {
            code: 'data_no_row',
            severity: 'error',
            message: '`E1` has no row in `内部评审.csv`, which gives `违规次数`, `备注分`',
            help: "add their row to `内部评审.csv`, or set `missing_rows: default` on that source in the data mapping if no row means each metric's `default`",
            file: '花名册.csv',
            cell: { row: 2, column: '工号', value: 'E1' },
          },
        ],
      },
    ]);
    expect(r.defaults).toEqual([
      { metric: 'violations', value: 0, employee_id: 'E2', file: '内部评审.csv', row: 2, why: 'empty cell' },
    ]);
  });

  it('takes the defaults when the source says missing_rows: default, and the result says so', async () => {
    const { toRecords } = await import('../../engine/data/index.js');
    const joined = joinSources({ file: '花名册.csv', table: people() }, [
      plays(),
      { ...review(), missingRows: 'default' },
    ]);
    const r = toRecords(joined.table, contract, { file: '花名册.csv' });
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics])).toEqual([
      ['E1', { plays: 100 }],
      ['E2', { plays: 200, note: 70 }],
      ['E3', { plays: 300 }],
    ]);
    expect(r.defaults).toEqual([
      {
        metric: 'violations',
        value: 0,
        employee_id: 'E1',
        file: '花名册.csv',
        row: 2,
        why: 'no row in source',
        source: '内部评审.csv',
      },
      {
        metric: 'note',
        value: 60,
        employee_id: 'E1',
        file: '花名册.csv',
        row: 2,
        why: 'no row in source',
        source: '内部评审.csv',
      },
      { metric: 'violations', value: 0, employee_id: 'E2', file: '内部评审.csv', row: 2, why: 'empty cell' },
    ]);
  });
});

describe('a totals row in a joined export', () => {
  it('is skipped with a note instead of an unmatched row, in a source and in the roster', () => {
    const rosterWithTotal = {
      file: '花名册.csv',
      table: table(['工号', '姓名', '抖音账号'], ['E1', '张三', '@zhang'], ['合计', '', '']),
    };
    const creator = {
      file: '创作者.csv',
      table: table(['账号名称', '作品播放量'], ['@zhang', '1.2万'], ['总计：', '5.5万']),
      keyColumn: '账号名称',
      rosterColumn: '抖音账号',
    };
    const r = joinSources(rosterWithTotal, [creator]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_totals_row',
        severity: 'warning',
        message: 'row 3 is a totals row (`总计：`), not an employee, and is skipped',
        help: "nothing to do if it is the export's total; a real employee's row needs their key",
        file: '创作者.csv',
        cell: { row: 3, column: '账号名称', value: '总计：' },
      },
    ]);
    expect(r.table.rows).toEqual([
      ['E1', '张三', '@zhang', '1.2万'],
      ['合计', '', '', ''],
    ]);
  });
});

describe('join keys as exports write them', () => {
  it('an account written with ＠, spaces, full-width letters or another case matches, with a warning naming both spellings and rows', () => {
    const creator = {
      file: '创作者.csv',
      table: table(['账号名称', '作品播放量'], ['＠ｚｈａｎｇ', '1.2万'], ['@ li', '3.5w'], ['@WANG', '100']),
      keyColumn: '账号名称',
      rosterColumn: '抖音账号',
      columns: { 作品播放量: '播放量' },
    };
    const r = joinSources(roster, [creator]);
    expect(r.table.rows.map((row) => row[3])).toEqual(['1.2万', '3.5w', '100']);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_key_normalised',
        severity: 'warning',
        message: "`＠ｚｈａｎｇ` (row 2) is matched to the roster's `@zhang` (`花名册.csv` row 2)",
        help: 'the two spellings differ only in upper and lower case, full-width forms, spaces or invisible characters: check it is the same person, and write the key as the roster does',
        file: '创作者.csv',
        cell: { row: 2, column: '账号名称', value: '＠ｚｈａｎｇ' },
      },
      expect.objectContaining({
        code: 'data_key_normalised',
        message: "`@ li` (row 3) is matched to the roster's `@li` (`花名册.csv` row 3)",
        cell: { row: 3, column: '账号名称', value: '@ li' },
      }),
      expect.objectContaining({
        code: 'data_key_normalised',
        message: "`@WANG` (row 4) is matched to the roster's `@wang` (`花名册.csv` row 4)",
      }),
    ]);
  });

  it('two roster rows claiming one account is an error naming both rows, reported once', () => {
    const shared = {
      file: '花名册.csv',
      table: table(
        ['工号', '姓名', '抖音账号'],
        ['E1', '张三', '@zhang'],
        ['E2', '李四', '@li'],
        ['E3', '王五', '＠zhang'],
      ),
    };
    const a = {
      file: 'a.csv',
      table: table(['账号名称', '播放量'], ['@zhang', '1']),
      keyColumn: '账号名称',
      rosterColumn: '抖音账号',
    };
    const b = {
      file: 'b.csv',
      table: table(['账号名称', '点赞量'], ['@zhang', '2']),
      keyColumn: '账号名称',
      rosterColumn: '抖音账号',
    };
    const r = joinSources(shared, [a, b]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        code: 'data_duplicate_key',
        severity: 'error',
        message: 'roster rows 2 and 4 both claim the key `@zhang` / `＠zhang` in `抖音账号`',
        help: 'each key names one employee: fix the roster so that no two rows share it (keys are compared ignoring case, full-width forms, spaces and invisible characters)',
        file: '花名册.csv',
        cell: { row: 4, column: '抖音账号', value: '＠zhang' },
      },
    ]);
  });

  it('`E1` and `Ｅ１` in one source are two rows of one employee', () => {
    const reviews = { file: '评审.csv', table: table(['工号', '上级评分'], ['E1', '90'], ['Ｅ１', '85']) };
    const r = joinSources(roster, [reviews]);
    expect([...r.conflicts.entries()].map(([id, ds]) => [id, ds.map((d) => d.message)])).toEqual([
      ['E1', ['`E1` / `Ｅ１` has two rows in `评审.csv` (rows 2 and 3)']],
    ]);
  });

  it('a key Excel wrote in scientific notation, or stripped of its leading zeros, is unmatched with the reason', () => {
    const staff = { file: '花名册.csv', table: table(['工号', '姓名'], ['202311000123', '张三'], ['00123', '李四']) };
    const reviews = { file: '评审.csv', table: table(['工号', '上级评分'], ['2.02311E+11', '90'], ['123', '85']) };
    const r = joinSources(staff, [reviews]);
    expect(r.diagnostics.filter((d) => d.code === 'data_unmatched_row')).toEqual([
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `2.02311E+11`',
        help: 'Excel turned the id into a number: format the column as text before export',
        file: '评审.csv',
        cell: { row: 2, column: '工号', value: '2.02311E+11' },
      },
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `123`',
        help: 'the roster has `00123` (row 3): Excel drops the leading zeros of a number-like key, so format the column as text before export',
        file: '评审.csv',
        cell: { row: 3, column: '工号', value: '123' },
      },
    ]);
  });

  it('a key a JSON export wrote as a number with an exponent matches nobody, not the employee its decimals name', () => {
    const staff = { file: '花名册.csv', table: table(['工号', '姓名'], ['202311000000', '张三'], ['1000', '李四']) };
    const read = readJsonRecords('[{"工号":2.02311E+11,"上级评分":90},{"工号":1.0e3,"上级评分":85}]', '评审.json');
    if (!read.ok) throw new Error('the JSON is valid');
    const r = joinSources(staff, [{ file: '评审.json', table: read.table }]);
    expect(r.table.rows).toEqual([
      ['202311000000', '张三', ''],
      ['1000', '李四', ''],
    ]);
    expect(
      r.diagnostics.filter((d) => d.code === 'data_unmatched_row').map((d) => [d.message, d.help, d.cell]),
    ).toEqual([
      [
        'row matches nobody in the roster: `2.02311E+11`',
        'Excel turned the id into a number: format the column as text before export',
        { row: 2, column: '工号', value: '2.02311E+11' },
      ],
      [
        'row matches nobody in the roster: `1.0e3`',
        'Excel turned the id into a number: format the column as text before export',
        { row: 3, column: '工号', value: '1.0e3' },
      ],
    ]);
  });

  it("a source key `007` where the roster's export dropped the zeros (`7`) is unmatched with the reason", () => {
    const staff = { file: '花名册.csv', table: table(['工号', '姓名'], ['7', '张三'], ['8', '李四']) };
    const reviews = { file: '评审.csv', table: table(['工号', '上级评分'], ['007', '90'], ['8', '85']) };
    const r = joinSources(staff, [reviews]);
    expect(r.diagnostics.filter((d) => d.code === 'data_unmatched_row')).toEqual([
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `007`',
        help: 'the roster has `7` (row 2): Excel drops the leading zeros of a number-like key, so format the column as text before export',
        file: '评审.csv',
        cell: { row: 2, column: '工号', value: '007' },
      },
    ]);
    // 7 is not joined to 007: the hint says why, the join stays exact
    expect(r.table.rows.map((row) => row[2])).toEqual(['', '85']);
  });

  it('an export writing `E1` where the roster has `E001` is unmatched with the reason, and the roster’s `E001` is told which row it is', () => {
    const staff = {
      file: '花名册.csv',
      table: table(['工号', '姓名'], ['E001', '张三'], ['E002', '李四'], ['E10', '王五']),
    };
    const reviews = {
      file: '评审.csv',
      table: table(['工号', '上级评分'], ['E002', '80'], ['e1', '90'], ['E0010', '70']),
    };
    const r = joinSources(staff, [reviews]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `e1`',
        help: 'the roster has `E001` (row 2): the same letters and number with or without leading zeros; keys are not joined across spellings, so if they are one person write the key as the roster has it',
        file: '评审.csv',
        cell: { row: 3, column: '工号', value: 'e1' },
      },
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `E0010`',
        help: 'the roster has `E10` (row 4): the same letters and number with or without leading zeros; keys are not joined across spellings, so if they are one person write the key as the roster has it',
        file: '评审.csv',
        cell: { row: 4, column: '工号', value: 'E0010' },
      },
      {
        code: 'data_no_data',
        severity: 'warning',
        message: '`E001` has no row in `评审.csv`',
        help: '`评审.csv` row 3 has `e1`, which matches nobody and differs from this key only by leading zeros: keys are not joined across spellings, so if it is this person write the key as the roster has it (a number-like key column formatted as text before export keeps its zeros)',
        file: '花名册.csv',
        cell: { row: 2, column: '工号', value: 'E001' },
      },
      {
        code: 'data_no_data',
        severity: 'warning',
        message: '`E10` has no row in `评审.csv`',
        help: '`评审.csv` row 4 has `E0010`, which matches nobody and differs from this key only by leading zeros: keys are not joined across spellings, so if it is this person write the key as the roster has it (a number-like key column formatted as text before export keeps its zeros)',
        file: '花名册.csv',
        cell: { row: 4, column: '工号', value: 'E10' },
      },
    ]);
    // never joined across spellings: the hint says why, the join stays exact
    expect(r.table.rows.map((row) => row[2])).toEqual(['', '80', '']);
  });

  it('no hint when two roster keys are the same but for leading zeros (`E1` and `E001`): either could be meant', () => {
    const staff = { file: '花名册.csv', table: table(['工号', '姓名'], ['E1', '张三'], ['E001', '李四']) };
    const reviews = {
      file: '评审.csv',
      table: table(['工号', '上级评分'], ['E01', '90'], ['E1', '80'], ['E001', '70']),
    };
    const r = joinSources(staff, [reviews]);
    expect(r.diagnostics.map((d) => [d.code, d.help])).toEqual([
      ['data_unmatched_row', 'check the key, or add the person to the roster `花名册.csv`'],
    ]);
  });
});

// A source with its header again lower down, two columns swapped (a second export pasted below):
// the rows below were read under the first header, E2's 完播率 as its 点赞量, with exit 0 (breaker 129)
describe('a file of a mapping with its header again in another column order', () => {
  it('is refused at that row, naming the file, the column and what it holds there; nothing is joined', () => {
    const metrics = {
      file: '指标.csv',
      table: table(
        ['工号', '播放量', '点赞量', '完播率'],
        ['E1', '1000', '50', '40%'],
        ['工号', '播放量', '完播率', '点赞量'],
        ['E2', '2000', '45%', '80'],
      ),
    };
    const r = joinSources(roster, [metrics]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file, d.message, d.cell])).toEqual([
      [
        'error',
        'data_header_repeated',
        '指标.csv',
        'row 3 is a header again, with its columns in another order (column `点赞量` holds `完播率` there): a second export pasted below the first, whose rows would be read under the first header’s columns',
        { row: 3, column: '点赞量', value: '完播率' },
      ],
    ]);
  });

  it('found with the names as the policy means them: an alias (点赞数) or a `columns:` rename (作品播放量)', () => {
    const metrics = {
      file: '指标.csv',
      table: table(
        ['工号', '作品播放量', '点赞量', '完播率'],
        ['E1', '1000', '50', '40%'],
        ['工号', '作品播放量', '完播率', '点赞数'],
        ['E2', '2000', '45%', '80'],
      ),
      columns: { 作品播放量: '播放量' },
    };
    const names: Record<string, string> = {
      工号: 'id',
      播放量: 'plays',
      点赞量: 'likes',
      点赞数: 'likes',
      完播率: 'done',
    };
    const r = joinSources(roster, [metrics], (name) => names[name]);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['data_header_repeated', { row: 3, column: '点赞量', value: '完播率' }],
    ]);
  });

  it('the same header again in its own order is one more row that matches nobody, as before', () => {
    const metrics = {
      file: '指标.csv',
      table: table(
        ['工号', '播放量', '点赞量'],
        ['E1', '1000', '50'],
        ['工号', '播放量', '点赞量'],
        ['E2', '2000', '80'],
      ),
    };
    const r = joinSources(roster, [metrics]);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(r.table.rows.map((x) => x[3])).toEqual(['1000', '2000', '']);
  });
});

// Most exports carry 姓名 (and 月份) beside their key: a source giving a record field the roster
// gives was refused at its header, so the analyst deleted the column from every export. It is
// compared instead, row by row, and refused only where it says otherwise, at that cell.
describe('a record field a source gives as the roster does', () => {
  it('is compared, not taken again: the same name (spaces, full width and case aside) passes; another is refused at the cell', () => {
    const reviews = {
      file: '评审.csv',
      table: table(['工号', '姓名', '上级评分'], ['E1', '张 三', '90'], ['E2', '李肆', '80'], ['E3', '', '75']),
    };
    const r = joinSources(roster, [reviews]);
    // the roster's 姓名 is the one column of that name
    expect(r.table.header).toEqual(['工号', '姓名', '抖音账号', '上级评分']);
    expect(r.diagnostics).toEqual([]);
    // E2's 李肆 is not the roster's 李四 (row 3): E2 is refused there; E1 (`张 三`) and E3 (no name given) are not
    expect([...r.conflicts].map(([id, ds]) => [id, ds.map((d) => [d.code, d.file, d.cell, d.message])])).toEqual([
      [
        'E2',
        [
          [
            'data_field_conflict',
            '评审.csv',
            { row: 3, column: '姓名', value: '李肆' },
            'this file has `李肆`, but the roster has `李四` for the same person (`花名册.csv` row 3)',
          ],
        ],
      ],
    ]);
  });

  it('compares a month as a month: `2026年10月` is the roster’s `2026-10`; `2026-11` is not', () => {
    const withMonth = {
      file: '花名册.csv',
      table: table(['工号', '姓名', '月份'], ['E1', '张三', '2026-10'], ['E2', '李四', '2026-10']),
    };
    const exported = {
      file: '导出.csv',
      table: table(['工号', '月份', '上级评分'], ['E1', '2026年10月', '90'], ['E2', '2026-11', '80']),
    };
    const r = joinSources(withMonth, [exported]);
    expect([...r.conflicts].map(([id, ds]) => [id, ds.map((d) => d.message)])).toEqual([
      ['E2', ['this file has `2026-11`, but the roster has `2026-10` for the same person (`花名册.csv` row 3)']],
    ]);
  });

  it('a month the roster leaves empty, given by the source, is said so; a role written as its id is no such field: refused at the header as before', () => {
    const withMonth = {
      file: '花名册.csv',
      table: table(['工号', '姓名', '岗位', '月份'], ['E1', '张三', '编导', ''], ['E2', '李四', '编导', '2026-10']),
    };
    const exported = {
      file: '导出.csv',
      table: table(
        ['工号', '月份', '岗位', '上级评分'],
        ['E1', '2026-10', 'director', '90'],
        ['E2', '2026-10', 'director', '80'],
      ),
    };
    const r = joinSources(withMonth, [exported]);
    expect([...r.conflicts].map(([id, ds]) => [id, ds.map((d) => d.message)])).toEqual([
      ['E1', ['this file has `2026-10`, but the roster leaves it empty for the same person (`花名册.csv` row 2)']],
    ]);
    // 岗位 is taken from the source too, and the reader refuses the column given twice
    expect(r.table.header).toEqual(['工号', '姓名', '岗位', '月份', '岗位', '上级评分']);
  });
});
