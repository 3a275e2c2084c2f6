// Excel saves CSV with semicolons where a comma is the decimal mark and a dot groups thousands: a
// pay base of ¥4,000 is written `4.000` there. Read as a dot-decimal number it was ¥4, paid without a
// word. In a file separated by semicolons a number with one dot and three digits after it is
// refused at its cell, saying both readings; any other number is read as before.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, readRecords } from '../../engine/index.js';
import { studioContract, ONE_RATING_POLICY } from '../builders.js';
import { yardstick } from '../yardstick.js';

const HEADER = '工号;姓名;岗位;团队;阶段;月份;发布视频数;完播率;上级评分;违规次数;绩效基数';
const read = (...rows: string[]) =>
  readRecords([HEADER, ...rows].join('\n'), 'csv', studioContract(), { file: 'm.csv' });

describe('a file separated by semicolons', () => {
  it('refuses `4.000` as a pay base and `85.000` as a score, each at its cell, with both readings', () => {
    const r = read(
      'E1;张三;编导;一组;初创期;2026-10;30;0.45;80;0;4.000',
      'E2;李四;编导;一组;初创期;2026-10;30;0.45;85.000;0;',
    );
    expect(r.records).toEqual([]);
    expect(r.excluded.flatMap((x) => x.reasons).map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'm.csv:2: error[data_not_a_number]: `4.000` may be 4000 or 4: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark\n' +
        '  at row 2, column `绩效基数`, value `4.000`\n' +
        '  help: write the number without the dot (4000), or save the file as CSV UTF-8 (comma-separated), where a dot is the decimal mark',
      'm.csv:3: error[data_not_a_number]: `85.000` may be 85000 or 85: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark\n' +
        '  at row 3, column `上级评分`, value `85.000`\n' +
        '  help: write the number without the dot (85000), or save the file as CSV UTF-8 (comma-separated), where a dot is the decimal mark',
    ]);
  });

  it('says it in Chinese too, and gives the decimal reading without its trailing zeros (`¥12.500` is ¥12500 or ¥12.5)', () => {
    const r = read('E1;张三;编导;一组;初创期;2026-10;30;0.45;80;0;¥12.500');
    expect(formatDiagnostic(r.excluded[0]!.reasons[0]!, 'zh').split('\n')[0]).toBe(
      'm.csv:2: error[data_not_a_number]: 无法读取的值：`¥12.500` 可能是 ¥12500，也可能是 ¥12.5：该文件以分号分隔，Excel 在以点号分隔千位、以逗号作小数点的地区这样保存',
    );
  });

  it('finds it however the cell writes it: full width, an invisible character, a currency word, a text mark, a sign and a %', () => {
    const cells = ['４.０００', '\u200b4.000', 'RMB4.000', "'4.000", '="4.000"', '4.000 元'];
    const r = read(...cells.map((c, i) => `E${i + 1};张三;编导;一组;初创期;2026-10;30;0.45;80;0;${c}`));
    expect(r.records).toEqual([]);
    expect(r.excluded.map((x) => x.reasons[0]!.message)).toEqual([
      '`４.０００` may be 4000 or 4: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
      '`\u200b4.000` may be 4000 or 4: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
      '`RMB4.000` may be RMB4000 or RMB4: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
      "`'4.000` may be '4000 or '4: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark",
      '`="4.000"` may be ="4000" or ="4": the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
      '`4.000 元` may be 4000 元 or 4 元: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
    ]);
    const ratio = read('E1;张三;编导;一组;初创期;2026-10;30;-4.500%;80;0;');
    expect(ratio.excluded[0]!.reasons[0]!.message.split(':')[0]).toBe('`-4.500%` may be -4500% or -4.5%');
  });

  it('reads every other number as before: 0.453, 45.3%, 12.5, 4000, 85', () => {
    const r = read(
      'E1;张三;编导;一组;初创期;2026-10;30;0.453;85;0;4000',
      'E2;李四;编导;一组;初创期;2026-10;31;45.3%;12.5;0;',
    );
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => [x.metrics.completion, x.metrics.rating, x.pay_base])).toEqual([
      [0.453, 85, 4000],
      [0.453, 12.5, undefined],
    ]);
  });

  it('in a comma-separated file `4.000` is ¥4, the decimal point a dot is there', () => {
    const comma = readRecords(
      [HEADER.replaceAll(';', ','), 'E1,张三,编导,一组,初创期,2026-10,30,0.45,80,0,4.000'].join('\n'),
      'csv',
      studioContract(),
      { file: 'm.csv' },
    );
    expect(comma.records.map((x) => x.pay_base)).toEqual([4]);
  });

  it('is refused the same way by `run` when it streams a CSV to a CSV file (the pay base would be ¥4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'semicolon-'));
    writeFileSync(join(dir, 'p.yaml'), ONE_RATING_POLICY);
    writeFileSync(
      join(dir, 'm.csv'),
      '工号;姓名;岗位;团队;阶段;月份;评分;绩效基数\nE1;张三;员工;一组;常规;2026-10;80;4.000\n',
    );
    const r = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'm.csv'),
      '--format',
      'csv',
      '--out',
      join(dir, 'r.csv'),
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${join(dir, 'm.csv')}:2: error[data_not_a_number]: \`4.000\` may be 4000 or 4: the file is separated by semicolons`,
    );
  });
});
