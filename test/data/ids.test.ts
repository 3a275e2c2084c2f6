// Ids that look the same are the same person: `E1`, `Ｅ１`, ` E1 ` and `E1` with a zero-width space
// are one employee (a second row is a duplicate, never a second payout). Case is kept: `e1` and
// `E1` are two employees, with a warning. An id Excel turned into `2.02311E+11` is refused.

import { describe, expect, it } from 'vitest';
import { normaliseId } from '../../engine/data/ids.js';
import { readRecords } from '../../engine/data/index.js';
import { csvText, dataContract } from '../builders.js';

const contract = dataContract({
  metrics: { videos: { label: '发布视频数', unit: 'count' } },
  roles: { director: '编导' },
  stages: { startup: '初创期' },
});
const csv = (...rows: string[]) => csvText('工号,姓名,岗位,团队,阶段,月份,发布视频数', ...rows);
const row = (id: string, videos = 30) => `${id},张三,编导,一组,初创期,2026-10,${videos}`;

describe('normaliseId', () => {
  it.each([
    ['E1', 'E1'],
    ['Ｅ１', 'E1'], // full-width letter and digit
    [' E1 ', 'E1'],
    ['E1\u200B', 'E1'], // zero-width space
    ['\uFEFFE1', 'E1'], // a BOM
    ['E\u00A01', 'E1'], // a no-break space inside
    ['E 1', 'E1'],
    ['＠zhang', '@zhang'],
    ['@ zhang', '@zhang'],
    ['ｚｈａｎｇ\u3000', 'zhang'], // full-width letters and an ideographic space
    ['e1', 'e1'], // case is kept
    ['张三01', '张三01'],
    ['SV\u2010001', 'SV-001'], // a hyphen U+2010, as a word processor writes it
    ['SV\u2011001', 'SV-001'], // the non-breaking hyphen
    ['SV\u2012001', 'SV-001'], // the figure dash
    ['SV\u2013001', 'SV-001'], // the en dash
    ['SV\u2212001', 'SV-001'], // the minus sign
    ['SV\uFF0D001', 'SV-001'], // the full-width hyphen-minus
    ['SV\u2014001', 'SV\u2014001'], // the em dash looks longer: kept
  ])('`%s` → `%s`', (raw, id) => {
    expect(normaliseId(raw)).toBe(id);
  });
});

describe('employee ids in a data file', () => {
  it('`SV-001` and `SV‐001` (U+2010) in one file are one employee: both rows left out as duplicates, never paid twice', () => {
    const r = readRecords(csv(row('SV-001'), row('SV\u2010001', 31)), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => d.code)])).toEqual([
      ['SV-001', 2, ['data_duplicate_employee']],
      ['SV-001', 3, ['data_duplicate_employee']],
    ]);
  });

  it('`E1` and `Ｅ１` in one file are one employee: the second row is a duplicate naming both spellings', () => {
    const r = readRecords(csv(row('E1'), row('Ｅ１', 31)), 'csv', contract, { file: 'm.csv' });
    // neither row is scored: which (30 or 31 videos) is right cannot be told
    expect(r.records).toEqual([]);
    expect(r.excluded).toEqual([
      {
        employee_id: 'E1',
        name: '张三',
        file: 'm.csv',
        row: 2,
        reasons: [
          {
            code: 'data_duplicate_employee',
            severity: 'error',
            message: 'employee `E1` appears again in row 3: which row is right cannot be told, so neither is scored',
            help: 'each employee has one row per period: remove or merge the duplicate',
            file: 'm.csv',
            cell: { row: 2, column: '工号', value: 'E1' },
          },
        ],
      },
      {
        employee_id: 'E1',
        name: '张三',
        file: 'm.csv',
        row: 3,
        reasons: [
          {
            code: 'data_duplicate_employee',
            severity: 'error',
            message: 'employee `E1` already appears in row 2 (written `E1` there, `Ｅ１` here)',
            help: 'each employee has one row per period: remove or merge the duplicate (ids are compared ignoring full-width forms, spaces and invisible characters)',
            file: 'm.csv',
            cell: { row: 3, column: '工号', value: 'Ｅ１' },
          },
        ],
      },
    ]);
  });

  it('an id with a zero-width space is the same id, and the message shows the invisible character', () => {
    const r = readRecords(csv(row('E1\u200B'), row('E1', 31)), 'csv', contract);
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => x.row)).toEqual([2, 3]);
    expect(r.excluded[1].reasons[0].message).toBe(
      'employee `E1` already appears in row 2 (written `E1<U+200B>` there, `E1` here)',
    );
  });

  it('a record carries the id normalised: `Ｅ１ ` is scored as E1', () => {
    const r = readRecords(csv(row('Ｅ１ ')), 'csv', contract);
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
  });

  it('an id cell holding only invisible characters is empty', () => {
    const r = readRecords(csv(row('\u200B')), 'csv', contract);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message])).toEqual([
      ['data_missing_field', 'empty `工号` (employee_id)'],
    ]);
  });

  it('an id Excel wrote in scientific notation is refused with the fix, and two of them are not called duplicates', () => {
    const r = readRecords(csv(row('2.02311E+11'), row('2.02311E+11', 31)), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => x.reasons)).toEqual(
      [2, 3].map((n) => [
        {
          code: 'data_bad_id',
          severity: 'error',
          message: '`2.02311E+11` is not an employee id but a number in scientific notation',
          help: 'Excel turned the id into a number: format the column as text before export',
          file: 'm.csv',
          cell: { row: n, column: '工号', value: '2.02311E+11' },
        },
      ]),
    );
  });

  it('an id turned into a decimal number (`1001.0`) is refused, in CSV and as a JSON number; `1001` and `1001.5` are ids as written', () => {
    const refused = (id: string, row: number) => ({
      code: 'data_bad_id',
      severity: 'error',
      message: `\`${id}\` is not an employee id but a number with a decimal point`,
      help: 'the id column was turned into decimal numbers on export: write the ids as text, as the roster writes them (`1001`, not `1001.0`); in Excel format the column as text, in pandas read it with dtype=str',
      file: 'm.csv',
      cell: { row, column: '工号', value: id },
    });
    const r = readRecords(csv(row('1001.0'), row('1001.00', 31), row('1001'), row('1001.5')), 'csv', contract, {
      file: 'm.csv',
    });
    expect(r.records.map((x) => x.employee_id)).toEqual(['1001', '1001.5']);
    // refused, and the two are not called duplicates of each other
    expect(r.excluded.map((x) => x.reasons)).toEqual([[refused('1001.0', 2)], [refused('1001.00', 3)]]);

    const json = JSON.stringify([
      { 工号: 1002, 姓名: '张三', 岗位: '编导', 团队: '一组', 阶段: '初创期', 月份: '2026-10', 发布视频数: 30 },
    ]).replace('1002', '1002.0');
    const j = readRecords(json, 'json', contract, { file: 'm.csv' });
    expect(j.records).toEqual([]);
    expect(j.excluded.map((x) => x.reasons)).toEqual([[refused('1002.0', 2)]]);
  });

  it('`e1` and `E1` are two employees, with a warning naming both rows', () => {
    const r = readRecords(csv(row('E1'), row('e1', 31), row('E2'), row('e2', 33)), 'csv', contract, { file: 'm.csv' });
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1', 'e1', 'E2', 'e2']);
    expect(r.diagnostics).toEqual([
      {
        code: 'data_id_case',
        severity: 'warning',
        message:
          'ids `E1` (row 2) and `e1` (row 3) differ only in upper and lower case: they are read as two employees',
        help: 'if they are one person, write the id the same way in every row and file',
        file: 'm.csv',
        cell: { row: 3, column: '工号', value: 'e1' },
      },
      {
        code: 'data_id_case',
        severity: 'warning',
        message:
          'ids `E2` (row 4) and `e2` (row 5) differ only in upper and lower case: they are read as two employees',
        help: 'if they are one person, write the id the same way in every row and file',
        file: 'm.csv',
        cell: { row: 5, column: '工号', value: 'e2' },
      },
    ]);
  });

  it('the lower-case spelling first warns too, once per pair', () => {
    const r = readRecords(csv(row('sv1'), row('Sv1'), row('SV1')), 'csv', contract);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'ids `sv1` (row 2) and `Sv1` (row 3) differ only in upper and lower case: they are read as two employees',
      'ids `sv1` (row 2) and `SV1` (row 4) differ only in upper and lower case: they are read as two employees',
    ]);
  });
});

describe("Excel's text mark", () => {
  it("`'0123` is the id 0123: the apostrophe only told Excel to keep the leading zero", () => {
    expect(normaliseId("'0123")).toBe('0123');
    expect(normaliseId('＇０１２３')).toBe('0123'); // full-width apostrophe and digits
    expect(normaliseId("'")).toBe("'");
    expect(normaliseId("O'Neil")).toBe("O'Neil");
  });
});

describe("an id written with Excel's text mark in a data file", () => {
  it("`'0123` and `0123` are one employee: the second row is a duplicate", () => {
    const r = readRecords(csv(row("'0123"), row('0123', 31)), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => d.code)])).toEqual([
      ['0123', 2, ['data_duplicate_employee']],
      ['0123', 3, ['data_duplicate_employee']],
    ]);
  });
});

describe('an id written as a text formula, `="0123"`, as back-office CSV exports keep long ids as text', () => {
  it('is the id Excel shows, 0123 (it was the id `="0123"`, a new employee with no history)', () => {
    expect(normaliseId('="0123"')).toBe('0123');
    expect(normaliseId('="SV0001"')).toBe('SV0001');
    expect(normaliseId('＝"SV0001"')).toBe('SV0001'); // a full-width equals sign
    expect(normaliseId('="A""B"')).toBe('A"B');
    // a formula that is more than a text, or a quote left open, is an id as written
    expect(normaliseId('=A1&"1"')).toBe('=A1&"1"');
    expect(normaliseId('="0123')).toBe('="0123');
  });

  it('`="0123"` and `0123` in one file are one employee: the second row is a duplicate', () => {
    // papaparse reads the unquoted cell `="0123"` as written
    const r = readRecords(csv(row('="0123"'), row('0123', 31)), 'csv', contract, { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => d.code)])).toEqual([
      ['0123', 2, ['data_duplicate_employee']],
      ['0123', 3, ['data_duplicate_employee']],
    ]);
  });
});
