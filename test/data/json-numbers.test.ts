// A JSON number is read from its text as the file writes it, not from the double JSON.parse makes
// of it: a refusal echoes the number as written, an exponent is the same number in decimals, and a
// number too large or too small for a double is refused, never read as Infinity, …992 or 0.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { plainDecimal } from '../../engine/data/table.js';
import { studioContract } from '../builders.js';

const contract = studioContract();
const record = (cells: string) =>
  `[{"工号":"E1","姓名":"张三","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","上级评分":80,"违规次数":0,${cells}}]`;

describe('JSON numbers as written', () => {
  it('1e400 and 9007199254740993 are refused as too large, each echoed as written (not Infinity, not …992)', () => {
    const r = readRecords(record('"视频数":1e400,"完播率":0.4,"平均响应时长":9007199254740993'), 'json', contract, {
      file: 'm.json',
    });
    expect(r.records).toEqual([]);
    expect(r.excluded[0]?.reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_not_a_number',
        '`1e400` is too large to be a figure (at most 9007199254740991)',
        { row: 2, column: '视频数', value: '1e400' },
      ],
      [
        'data_not_a_number',
        '`9007199254740993` is too large to be a figure (at most 9007199254740991)',
        { row: 2, column: '平均响应时长', value: '9007199254740993' },
      ],
    ]);
  });

  it('1e-400, which JSON.parse makes 0, is refused as written instead of read as 0 videos', () => {
    const r = readRecords(record('"视频数":1e-400,"完播率":0.4'), 'json', contract, { file: 'm.json' });
    expect(r.excluded[0]?.reasons.map((d) => [d.message, d.cell])).toEqual([
      ['`1e-400` is not a number', { row: 2, column: '视频数', value: '1e-400' }],
    ]);
  });

  it('a small ratio JSON writes with an exponent, 1.5e-7, is 0.00000015 (not refused as the range `1.5e` to `7`); 3E1 videos are 30', () => {
    const r = readRecords(record('"视频数":3E1,"完播率":1.5e-7'), 'json', contract, { file: 'm.json' });
    expect(r.excluded).toEqual([]);
    expect(r.records[0]?.metrics).toEqual({ videos: 30, completion: 0.00000015, rating: 80, violations: 0 });
  });

  it('a number in `{ "records": [...] }` is read from its text the same way', () => {
    const r = readRecords(`{"records":${record('"视频数":12345678901234567890,"完播率":0.4')}}`, 'json', contract, {
      file: 'm.json',
    });
    expect(r.excluded[0]?.reasons.map((d) => d.cell?.value)).toEqual(['12345678901234567890']);
  });

  it('plainDecimal moves the decimal point in the digits: exact, and only for an exponent within ±30', () => {
    expect(plainDecimal('1.5e-7')).toBe('0.00000015');
    expect(plainDecimal('-2.50E+3')).toBe('-2500');
    expect(plainDecimal('12.34e1')).toBe('123.4');
    expect(plainDecimal('0e5')).toBe('0');
    expect(plainDecimal('1e30')).toBe('1000000000000000000000000000000');
    expect(plainDecimal('1e31')).toBeUndefined();
    expect(plainDecimal('1e-400')).toBeUndefined();
    expect(plainDecimal('45.3')).toBeUndefined();
  });
});

describe('`{ "records": [...] }` with another key at the top level', () => {
  it('`records2` beside `records` is refused, naming it, instead of its employees being left unread', () => {
    const two = `{"records":${record('"视频数":30,"完播率":0.4')},"records2":${record('"视频数":31,"完播率":0.5')}}`;
    const r = readRecords(two, 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.file, d.cell])).toEqual([
      [
        'data_json_malformed',
        'the file has `records2` beside `records` at the top level, and only `records` is read',
        "put every employee's row in `records`, and remove `records2`: what it holds would be left unread",
        'm.json',
        { row: 1 },
      ],
    ]);
  });

  it('a `period` beside `records` is refused too: no one would read it as the month', () => {
    const r = readRecords(`{"period":"2026-11","records":${record('"视频数":30,"完播率":0.4')}}`, 'json', contract, {
      file: 'm.json',
    });
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'the file has `period` beside `records` at the top level, and only `records` is read',
    ]);
  });
});

describe('an id JSON wrote as a number with an exponent', () => {
  const row = (id: string) =>
    `[{"工号":${id},"姓名":"张三","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","上级评分":80,"违规次数":0,"视频数":3E1,"完播率":0.4}]`;

  it('`2.02311E+11` is refused as an id lost to scientific notation, echoed as written (not paid as 202311000000)', () => {
    const r = readRecords(row('2.02311E+11'), 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.excluded[0]?.reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_bad_id',
        '`2.02311E+11` is not an employee id but a number in scientific notation',
        { row: 2, column: '工号', value: '2.02311E+11' },
      ],
    ]);
  });

  it('`1.0e3` is refused too: an exponent in an id is never read as the id 1000', () => {
    const r = readRecords(row('1.0e3'), 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.excluded[0]?.reasons.map((d) => [d.code, d.cell?.value])).toEqual([['data_bad_id', '1.0e3']]);
  });

  it('a whole number, 1001, is the id 1001; its 3E1 videos are still 30', () => {
    const r = readRecords(row('1001'), 'json', contract, { file: 'm.json' });
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.videos])).toEqual([['1001', 30]]);
  });
});

describe('a cell written with an exponent', () => {
  it('`1e-7` in a CSV cell is a number refused as not a number, never called a range', () => {
    const text = `工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,2026-10,30,1e-7,80,0\n`;
    const r = readRecords(text, 'csv', contract, { file: 'm.csv' });
    expect(r.excluded[0]?.reasons.map((d) => [d.message, d.help, d.cell])).toEqual([
      ['`1e-7` is not a number', 'write a ratio such as 45.3% or 0.453', { row: 2, column: '完播率', value: '1e-7' }],
    ]);
  });
});
