// The terminal table: columns aligned as a terminal draws Chinese (two columns a character), and
// the counted fast path agreeing with string-width on every character it counts.

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { alignTable, COUNTED_RANGES, textWidth } from '../../node/cli/format/text-table.js';

describe('textWidth', () => {
  it('counts every character of the counted ranges as string-width does, alone and in a run', () => {
    for (const [from, to, width] of COUNTED_RANGES) {
      let run = '';
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        if (stringWidth(ch) !== width)
          throw new Error(`U+${code.toString(16)} is ${stringWidth(ch)} wide, not ${width}`);
        run += ch;
      }
      expect(textWidth(run)).toBe((to - from + 1) * width);
      expect(stringWidth(run)).toBe((to - from + 1) * width);
    }
  });

  it('measures names, teams and amounts', () => {
    expect(textWidth('SV0042')).toBe(6);
    expect(textWidth('张伟')).toBe(4);
    expect(textWidth('¥12,345.67')).toBe(10); // ¥ (U+00A5) is not counted: string-width says 1
    expect(textWidth('暂扣：数据缺失')).toBe(14);
    expect(textWidth('')).toBe(0);
  });

  it('leaves emoji, combining marks and other scripts to string-width', () => {
    expect(textWidth('李👍')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('Ａ１')).toBe(4);
    expect(textWidth('ｱｲ')).toBe(2); // half-width katakana
  });
});

describe('alignTable', () => {
  it('pads each column to its widest cell, counting a Chinese character as two columns', () => {
    const text = alignTable(
      ['工号', '姓名', '应发'],
      [
        ['SV1', '张三丰', '¥1.00'],
        ['SV0002', '李', '¥12,000.00'],
      ],
      new Set([2]),
    );
    expect(text.split('\n')).toEqual([
      '工号    姓名          应发',
      '──────  ──────  ──────────',
      'SV1     张三丰       ¥1.00',
      'SV0002  李      ¥12,000.00',
    ]);
  });

  it('keeps a header wider than every cell, and trims trailing spaces', () => {
    expect(alignTable(['employee', 'x'], [['a', '']]).split('\n')).toEqual(['employee  x', '────────  ─', 'a']);
  });
});
