// A CSV cell with text after its closing quote (`"林小雨"x`, an export that quoted half a cell) is
// said in our own words, in Chinese in a Chinese message. Before, papaparse's English sat inside the
// Chinese one: `CSV 格式有误（trailing quote on quoted field is malformed）`.

import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { studioContract } from '../builders.js';

describe('text after a closing quote in a CSV cell', () => {
  it('is refused at its row, in words of its own in English and in Chinese', () => {
    const csv = '工号,姓名,岗位,团队,阶段,月份\nE1,"林小雨"x,编导,一组,初创期,2026-10\n';
    const r = readRecords(csv, 'csv', studioContract(), { file: 'q.csv' });
    const trailing = r.diagnostics.find((d) => d.code === 'data_csv_malformed' && d.cell?.row === 2);
    expect(trailing && [localise(trailing, 'en'), localise(trailing, 'zh')]).toEqual([
      {
        message: 'a quoted cell has text after its closing quote',
        help: 'write the whole cell inside the quotes, and a quote within it twice: `"他说""好"""`',
      },
      {
        message: '有一个带引号的单元格在结束引号之后还有文字',
        help: '请把整个单元格写在引号内，单元格里的引号写两次：`"他说""好"""`',
      },
    ]);
  });
});
