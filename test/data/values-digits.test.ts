// A figure written with more significant digits than a double keeps is refused, naming the number
// it would have been read as: `0.89999999999999999` is the double 0.9 and `999999.99999999999`
// the double 1000000, so a tier at 0.9 and an award at ¥1,000,000 were paid for figures below
// them. Fifteen digits or fewer always read as written; so do longer ones a double holds exactly.

import { describe, expect, it } from 'vitest';
import { readValue } from '../../engine/data/values.js';
import { readRecords } from '../../engine/data/index.js';
import { studioContract } from '../builders.js';

const en = (raw: string, unit: 'ratio' | 'money' | 'count' = 'ratio') => {
  const v = readValue(raw, unit);
  return v.ok ? v.value : v.why.detail.en;
};

describe('a figure with more digits than a double keeps', () => {
  it('is refused in every way a cell writes it, naming what it would be read as', () => {
    expect(en('0.89999999999999999')).toBe(
      '`0.89999999999999999` has more digits than a number keeps: it would be read as 0.9',
    );
    expect(en('89.999999999999999%')).toBe(
      '`89.999999999999999%` has more digits than a number keeps: it would be read as 0.9',
    );
    expect(en('999999.99999999999', 'money')).toBe(
      '`999999.99999999999` has more digits than a number keeps: it would be read as 1000000',
    );
    expect(en('999,999.999999999999', 'money')).toBe(
      '`999,999.999999999999` has more digits than a number keeps: it would be read as 1000000',
    );
    expect(en('99.9999999999999999万', 'money')).toBe(
      '`99.9999999999999999万` has more digits than a number keeps: it would be read as 1000000',
    );
    expect(en('¥999999.99999999999', 'money')).toBe(
      '`¥999999.99999999999` has more digits than a number keeps: it would be read as 1000000',
    );
  });

  it('in a cell marked as text, named as written with the number it would be read as', () => {
    expect(en("'0.89999999999999999")).toBe(
      "`'0.89999999999999999` has more digits than a number keeps: it would be read as 0.9",
    );
    expect(en('="999999.99999999999"', 'money')).toBe(
      '`="999999.99999999999"` has more digits than a number keeps: it would be read as 1000000',
    );
  });

  it('says what to do in Chinese too', () => {
    const v = readValue('0.89999999999999999', 'ratio');
    expect(v.ok ? undefined : [v.why.reason, v.why.detail.zh, v.why.advice.zh]).toEqual([
      'value_inexact',
      '`0.89999999999999999` 的位数超过数字能精确保存的位数：会被读作 0.9',
      '请按实际数值写成不超过 15 位有效数字（否则与门槛比较时可能落到另一边）',
    ]);
  });

  it('reads sixteen digits a double holds, trailing zeros and leading zeros as written', () => {
    expect(en('0.8999999999999999')).toBe(0.8999999999999999);
    expect(en('0.90000000000000000000')).toBe(0.9);
    expect(en('0000000000000000.45')).toBe(0.45);
    expect(en('1234567890123456', 'count')).toBe(1234567890123456);
    expect(en('12.5000000000000000%')).toBe(0.125);
  });

  it('refuses a double printed with 17 digits too (0.90000000000000002 is above 0.9, read as 0.9), as a policy does', () => {
    expect(en('0.90000000000000002')).toBe(
      '`0.90000000000000002` has more digits than a number keeps: it would be read as 0.9',
    );
    expect(en('1000000.0000000000', 'money')).toBe(1000000);
  });

  it('beyond 2^53 − 1 is still refused as too large, not as inexact', () => {
    expect(en('9007199254740993', 'count')).toBe(
      '`9007199254740993` is too large to be a figure (at most 9007199254740991)',
    );
  });

  // 0.39999999999999999 lies 2.3e-17 above the double 0.39999999999999996669 and 3.2e-17 below 0.40000000000000002220
  it('in a JSON file, read from the number as written', () => {
    const contract = studioContract();
    const json = `[{"工号":"E1","姓名":"张三","岗位":"编导","团队":"一组","阶段":"初创期","月份":"2026-10","上级评分":80,"违规次数":0,"视频数":30,"完播率":0.39999999999999999}]`;
    const r = readRecords(json, 'json', contract, { file: 'm.json' });
    expect(r.records).toEqual([]);
    expect(r.excluded[0]?.reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_not_a_number',
        '`0.39999999999999999` has more digits than a number keeps: it would be read as 0.39999999999999997',
        { row: 2, column: '完播率', value: '0.39999999999999999' },
      ],
    ]);
  });
});
