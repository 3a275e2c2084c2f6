// Input that could mean two things is read one documented way or refused at its cell: ragged CSV
// rows, spaces inside numbers, duplicate JSON keys, a 月份 that disagrees with --period, missing
// markers and huge amounts in 绩效基数.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { parseValue } from '../../engine/data/values.js';
import { csvText, studioContract } from '../builders.js';

const contract = studioContract();

const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';
const csv = (...rows: string[]) => csvText(HEADER, ...rows);
const ROW_HELP =
  'a number with thousands separators must be quoted ("1,500,000"), or the export is broken: every row has as many cells as the header';

describe('ragged CSV rows', () => {
  it('a row with more cells than the header is refused at that row, and the next row is read', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,1,500,000,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,'),
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
            code: 'data_row_length',
            severity: 'error',
            message: 'row 2 has 13 cells but the header has 11: the cells past the header are `0`, ``',
            help: ROW_HELP,
            file: 'm.csv',
            cell: { row: 2, value: 'E1,张三,编导,一组,初创期,2026-10,1,500,000,40%,80,0,' },
          },
        ],
      },
    ]);
  });

  it('a row with more cells than the header is refused even when the cells past it are empty: they are its own trailing cells, moved right', () => {
    // 违规次数 and 平均响应时长 were empty; `12,345` unquoted puts 345 under 完播率 and 80 under 违规次数
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,12,345,0.4,80,,'), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.excluded[0].reasons).toEqual([
      {
        code: 'data_row_length',
        severity: 'error',
        message:
          'row 2 has 12 cells but the header has 11: the cell past the header is empty, but a cell earlier in the row may have been split',
        help: ROW_HELP,
        file: 'm.csv',
        cell: { row: 2, value: 'E1,张三,编导,一组,初创期,2026-10,12,345,0.4,80,,' },
      },
    ]);
  });

  it('a row with fewer cells than the header reads the missing trailing cells as empty', () => {
    // Excel and some exports drop trailing empty cells: 违规次数 and 平均响应时长 are empty here
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,30,40%,80'), 'csv', contract);
    expect(r.excluded).toEqual([]);
    expect(r.records[0].metrics).toEqual({ videos: 30, completion: 0.4, rating: 80 });
  });

  it('a ragged row shifted into a ratio column does not make the file mixed', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,1,500,000,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,30,0.4,80,0,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.excluded.map((x) => x.reasons.map((d) => d.code))).toEqual([['data_row_length']]);
  });
});

describe('a file whose lines end two ways', () => {
  it('two rows joined at a bare LF in a CRLF file are refused as joined lines, not as a number to quote', () => {
    const e1 = 'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,';
    const e2 = 'E2,李四,编导,一组,初创期,2026-10,20,50%,90,1,';
    const e3 = 'E3,王五,编导,一组,初创期,2026-10,10,60%,70,0,';
    // the header's CRLF sets the line break; E1 ends with LF alone, as a line pasted from another file
    const r = readRecords(`${HEADER}\r\n${e1}\n${e2}\r\n${e3}\r\n`, 'csv', contract, { file: 'm.csv' });
    expect(r.records.map((x) => x.employee_id)).toEqual(['E3']);
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => formatDiagnostic(d)))).toEqual([
      'm.csv:2: error[data_row_length]: row 2 has 21 cells but the header has 11: it is 2 lines joined at the line break inside `\\nE2`, as a file whose lines end in two ways (CRLF and LF) is read\n' +
        `  at row 2, value \`${e1}\\u000a${e2}\`\n` +
        '  help: save the file again from Excel, or convert its line breaks to one kind (CRLF or LF) in a text editor; a cell that holds a line break must be in quotes',
    ]);
  });

  it('a quoted cell with a line break in a row one cell too long is a row to quote, as before', () => {
    const r = readRecords(csv('E1,"张\n三",编导,一组,初创期,2026-10,1,500,40%,80,0,'), 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.help]))).toEqual([['data_row_length', ROW_HELP]]);
  });
});

describe('spaces inside numbers', () => {
  it('accepts a space only between groups of three digits', () => {
    expect(parseValue('1 000', 'count')).toEqual({ ok: true, value: 1000 });
    expect(parseValue('12 345 678', 'count')).toEqual({ ok: true, value: 12345678 });
    expect(parseValue('¥ 1 234.50', 'money')).toEqual({ ok: true, value: 1234.5 });
    expect(parseValue(' 30 ', 'count')).toEqual({ ok: true, value: 30 });
    expect(parseValue('45.3 %', 'ratio')).toEqual({ ok: true, value: 0.453 });
    expect(parseValue('1.2 万', 'count')).toEqual({ ok: true, value: 12000 });
  });

  it('refuses digits split by spaces any other way', () => {
    for (const raw of ['30 30', '12 3456', '0.4 53', '1 00', '1  000', '1 000.123 456']) {
      expect(parseValue(raw, raw.startsWith('0.') ? 'ratio' : 'count')).toMatchObject({
        ok: false,
        message: `\`${raw}\` is not a number`,
      });
    }
    expect(parseValue('1 21', 'seconds')).toMatchObject({ ok: false, message: '`1 21` is not a duration' });
  });

  it('a cell `30 30` excludes the record at that cell', () => {
    const r = readRecords(csv('E1,张三,编导,一组,初创期,2026-10,30 30,40%,80,0,'), 'csv', contract, { file: 'm.csv' });
    expect(r.excluded[0].reasons).toMatchObject([
      {
        code: 'data_not_a_number',
        message: '`30 30` is not a number',
        cell: { row: 2, column: '视频数', value: '30 30' },
      },
    ]);
  });
});

describe('duplicate keys in JSON', () => {
  it('refuses a record that gives a key twice, naming the record and key', () => {
    const text =
      '[{"工号":"E2","姓名":"李四","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","视频数":30,"完播率":0.4,"上级评分":80,"违规次数":0},\n {"工号":"E1","姓名":"张三","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","视频数":30,"完播率":0.4,"上级评分":80,"违规次数":2,"违规次数":0}]';
    const r = readRecords(text, 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_json_duplicate_key',
        severity: 'error',
        message: 'record 2 gives `违规次数` twice',
        help: 'each key may appear once in a record: keep the right value and remove the other',
        file: 'm.json',
        cell: { row: 3, column: '违规次数' },
      },
    ]);
  });

  it('finds duplicates under { records: [...] } and with escaped keys, not across records', () => {
    const ok = readRecords(
      '{"records":[{"工号":"E1","姓名":"张三","岗位":"客服","团队":"一组","阶段":"初创期","月份":"2026-10","平均响应时长":5,"违规次数":0},{"工号":"E2","姓名":"李四","岗位":"客服","团队":"一组","阶段":"初创期","月份":"2026-10","平均响应时长":5,"违规次数":0}]}',
      'json',
      contract,
    );
    expect(ok.diagnostics).toEqual([]);
    expect(ok.records).toHaveLength(2);
    const dup = readRecords(
      '{"records":[{"工号":"E1","姓名":"张三","岗位":"客服","团队":"一组","阶段":"初创期","月份":"2026-10","平均响应时长":5,"违规次数":0,"\\u5de5\\u53f7":"E9"}]}',
      'json',
      contract,
      { file: 'm.json' },
    );
    expect(dup.diagnostics).toMatchObject([
      { code: 'data_json_duplicate_key', message: 'record 1 gives `工号` twice', cell: { row: 2, column: '工号' } },
    ]);
  });
});

describe('lists and objects in JSON cells', () => {
  it('a list or an object is no value: `[0.4]` and `[1,234]` are refused at their cells as the JSON written, never read as 0.4 and 1234', () => {
    const record = (cells: string) =>
      `{"工号":"E1","姓名":"张三","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","上级评分":80,"违规次数":0,${cells}}`;
    const r = readRecords(`[${record('"视频数":[1,234],"完播率":[0.4]')}]`, 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.excluded[0]?.reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      ['data_not_a_number', '`[1,234]` is not a number', { row: 2, column: '视频数', value: '[1,234]' }],
      ['data_not_a_number', '`[0.4]` is not a number', { row: 2, column: '完播率', value: '[0.4]' }],
    ]);
    const o = readRecords(`[${record('"视频数":{"v":30},"完播率":0.4')}]`, 'json', contract, { file: 'm.json' });
    expect(o.excluded[0]?.reasons.map((d) => d.cell?.value)).toEqual(['{"v":30}']);
  });
});

describe('an empty JSON list', () => {
  it('`[]` and `{"records": []}` hold nobody: one error saying so, not a missing 工号, 姓名, … column each', () => {
    for (const text of ['[]', '{"records": []}']) {
      const r = readRecords(text, 'json', contract, { file: 'm.json' });
      expect(r.records).toEqual([]);
      expect(r.diagnostics.map((d) => [d.code, d.message, d.cell])).toEqual([
        ['data_empty', 'the file holds no records: an empty list', { row: 1 }],
      ]);
    }
  });
});

describe('月份 against the period given for the file', () => {
  it('a 月份 cell of another month than --period excludes the record, naming both', () => {
    const r = readRecords(
      csv(
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,',
        'E2,李四,编导,一组,初创期,2026/11,30,40%,80,0,',
        'E3,王五,编导,一组,初创期,,30,40%,80,0,',
      ),
      'csv',
      contract,
      { file: 'm.csv', period: '2026-11' },
    );
    expect(r.records.map((x) => [x.employee_id, x.period])).toEqual([
      ['E2', '2026-11'],
      ['E3', '2026-11'],
    ]);
    expect(r.excluded).toMatchObject([
      {
        employee_id: 'E1',
        row: 2,
        reasons: [
          {
            code: 'data_period_mismatch',
            message: '月份 `2026-10` is 2026-10, but the period given for the file is 2026-11',
            help: 'give the month the data is for: fix the 月份 column or the period given (--period, or `period:` in a data mapping)',
            file: 'm.csv',
            cell: { row: 2, column: '月份', value: '2026-10' },
          },
        ],
      },
    ]);
  });
});

describe('绩效基数 (pay base)', () => {
  it("reads missing markers as missing: the role's pay base applies", () => {
    const h = `${HEADER},绩效基数`;
    const r = readRecords(
      [
        h,
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,-',
        'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,,N/A',
        'E3,王五,编导,一组,初创期,2026-10,30,40%,80,0,,"4,500"',
      ].join('\n'),
      'csv',
      contract,
    );
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => x.pay_base)).toEqual([undefined, undefined, 4500]);
    expect('pay_base' in r.records[0]).toBe(false);
  });

  it('says a pay base beyond 2^53 is too large, and one below 0 is below 0 (one above ¥100,000,000 is refused at evaluation)', () => {
    const h = `${HEADER},绩效基数`;
    const r = readRecords(
      [
        h,
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,100000000000000000',
        'E3,王五,编导,一组,初创期,2026-10,30,40%,80,0,,-5',
        'E4,赵六,编导,一组,初创期,2026-10,30,40%,80,0,,abc',
      ].join('\n'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.excluded.map((x) => [x.row, x.reasons[0].code, x.reasons[0].message])).toEqual([
      [2, 'data_bad_pay_base', 'pay base `100000000000000000` is too large: at most 100,000,000 yuan per person'],
      [3, 'data_bad_pay_base', 'pay base `-5` is below 0'],
      [4, 'data_bad_pay_base', 'pay base `abc` is not an amount'],
    ]);
    expect(r.excluded[0].reasons[0].cell).toEqual({ row: 2, column: '绩效基数', value: '100000000000000000' });
  });

  it('a negative pay base with its currency or in accounting parentheses is below 0 (it was a range, or no amount)', () => {
    const h = `${HEADER},绩效基数`;
    const r = readRecords(
      [
        h,
        'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,¥-4000',
        'E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,,"(4,000.00)"',
      ].join('\n'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.excluded.map((x) => [x.row, x.reasons[0].code, x.reasons[0].message, x.reasons[0].cell])).toEqual([
      [2, 'data_bad_pay_base', 'pay base `¥-4000` is below 0', { row: 2, column: '绩效基数', value: '¥-4000' }],
      [3, 'data_bad_pay_base', 'pay base `(4,000.00)` is below 0', { row: 3, column: '绩效基数', value: '(4,000.00)' }],
    ]);
  });
});

describe('Excel errors as cell text', () => {
  it('refuses #N/A in a metric cell and in 团队, naming the error', () => {
    const r = readRecords(csv('E1,张三,编导,#N/A,初创期,2026-10,30,#DIV/0!,80,#N/A,'), 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      ['data_excel_error', '`#N/A` in `团队` (team) is an Excel error', { row: 2, column: '团队', value: '#N/A' }],
      [
        'data_not_a_number',
        '`#DIV/0!` is an Excel error, not a number',
        { row: 2, column: '完播率', value: '#DIV/0!' },
      ],
      ['data_not_a_number', '`#N/A` is an Excel error, not a number', { row: 2, column: '违规次数', value: '#N/A' }],
    ]);
  });
});

describe('counts are whole numbers', () => {
  it('1.5 videos is refused at its cell; 1.2万 views and 3 violations are read', () => {
    const r = readRecords(
      csv('E1,张三,编导,一组,初创期,2026-10,1.5,40%,80,0,', 'E2,李四,编导,一组,初创期,2026-10,1.2万,40%,80,3,'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => [x.employee_id, x.metrics.videos, x.metrics.violations])).toEqual([['E2', 12000, 3]]);
    expect(r.excluded.map((x) => x.reasons)).toEqual([
      [
        {
          code: 'data_fractional_count',
          severity: 'error',
          message: '`发布视频数` is a count, got `1.5` (1.5)',
          help: 'a count is a whole number: check the export, or give the metric another unit if it is an average',
          file: 'm.csv',
          cell: { row: 2, column: '视频数', value: '1.5' },
        },
      ],
    ]);
  });
});

describe('a pay base with a fraction of a fen', () => {
  /** Three 编导 whose 绩效基数 cells are these, read from m.csv. */
  const withPayBases = (a: string, b: string, c: string) =>
    readRecords(
      [
        `${HEADER},绩效基数`,
        `E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,${a}`,
        `E2,李四,编导,一组,初创期,2026-10,30,40%,80,0,,${b}`,
        `E3,王五,编导,一组,初创期,2026-10,30,40%,80,0,,${c}`,
      ].join('\n'),
      'csv',
      contract,
      { file: 'm.csv' },
    );

  it('is refused at its cell: 7999.995 could be 7999.99 or 8000.00, and 4000.001 is no amount paid', () => {
    const r = withPayBases('7999.995', '"¥4,000.001"', '0.5');
    expect(r.excluded.map((x) => [x.row, x.reasons.map((d) => [d.code, d.message, d.help, d.cell])])).toEqual([
      [
        2,
        [
          [
            'data_bad_pay_base',
            'pay base `7999.995` has a fraction of a fen',
            'write the pay base to the fen, as it is paid (e.g. 4000 or 4000.50): which fen `7999.995` means is not for the program to guess',
            { row: 2, column: '绩效基数', value: '7999.995' },
          ],
        ],
      ],
      [
        3,
        [
          [
            'data_bad_pay_base',
            'pay base `¥4,000.001` has a fraction of a fen',
            'write the pay base to the fen, as it is paid (e.g. 4000 or 4000.50): which fen `¥4,000.001` means is not for the program to guess',
            { row: 3, column: '绩效基数', value: '¥4,000.001' },
          ],
        ],
      ],
    ]);
    expect(r.records.map((x) => [x.employee_id, x.pay_base])).toEqual([['E3', 0.5]]);
  });

  it('a workbook formula’s binary noise past 15 significant digits is no fraction: 8000.000000000001 is ¥8,000.00', () => {
    const r = withPayBases('8000.000000000001', '6600.499999999999', '4000.10');
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => x.pay_base)).toEqual([8000, 6600.5, 4000.1]);
  });

  it('in Chinese, the message and the help are Chinese', () => {
    const r = readRecords(
      csvText(`${HEADER},绩效基数`, 'E1,张三,编导,一组,初创期,2026-10,30,40%,80,0,,7999.995'),
      'csv',
      contract,
      {
        file: 'm.csv',
      },
    );
    const d = r.excluded[0]!.reasons[0]!;
    expect(formatDiagnostic(d, 'zh')).toBe(
      'm.csv:2: error[data_bad_pay_base]: 绩效基数 `7999.995` 有不足一分的零头\n' +
        '  位置：第 2 行，列 `绩效基数`，值 `7999.995`\n' +
        '  提示：请把绩效基数写到分，与实际发放一致（如 4000 或 4000.50）：`7999.995` 应该是哪一分，不能由程序猜',
    );
  });
});
