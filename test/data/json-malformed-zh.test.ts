// A JSON data file that does not parse is refused at the line where the reader stopped, with the
// reason in Chinese in a Chinese message. Before, it was refused at row 1 whatever the line, and
// V8's English (`Expected ',' or '}' after property value in JSON at position 57`) sat inside the
// Chinese message.

import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { studioContract } from '../builders.js';

const problem = (json: string) => {
  const [d] = readRecords(json, 'json', studioContract(), { file: 'm.json' }).diagnostics;
  return [d?.code, d?.cell?.row, localise(d!, 'zh').message];
};

describe('a JSON data file that does not parse', () => {
  it('a comma missing between two keys on line 3: at line 3, column 15', () => {
    // line 3 is `  {"工号": "E2" "姓名": "乙"}`: `  {"工号": "E2" ` is 14 characters
    const json = '[\n  {"工号": "E1", "姓名": "甲"},\n  {"工号": "E2" "姓名": "乙"}\n]\n';
    expect(problem(json)).toEqual([
      'data_json_malformed',
      3,
      '不是有效的 JSON：第 3 行第 15 列：值后面缺少 `,` 或 `}`',
    ]);
  });

  it('a comma after the last item (Excel-made JSON, hand-edited): at the `}` after it', () => {
    // line 2 is `  {"工号": "E1",}`: `  {"工号": "E1",` is 14 characters
    expect(problem('[\n  {"工号": "E1",}\n]')).toEqual([
      'data_json_malformed',
      2,
      '不是有效的 JSON：第 2 行第 15 列：这里应是带双引号的键名（最后一项后面不能有逗号）',
    ]);
  });

  it('a file cut short after an item: at its end, the `]` missing', () => {
    // `[\n  {"工号": "E1"}` ends on line 2 after `  {"工号": "E1"}` (14 characters)
    expect(problem('[\n  {"工号": "E1"}')).toEqual([
      'data_json_malformed',
      2,
      '不是有效的 JSON：第 2 行第 15 列：数组的元素后面缺少 `,` 或 `]`',
    ]);
  });

  it('a file cut short inside a key: at its end, on its last line', () => {
    // `[\n  {"工` ends on line 2 after 5 characters (two spaces, `{`, `"`, `工`)
    expect(problem('[\n  {"工')).toEqual([
      'data_json_malformed',
      2,
      '不是有效的 JSON：第 2 行第 6 列：字符串缺少结尾的双引号',
    ]);
  });

  it('the English message keeps V8 words', () => {
    const [d] = readRecords('[1 2]', 'json', studioContract(), { file: 'm.json' }).diagnostics;
    expect(localise(d!, 'en').message).toBe(
      "not valid JSON: Expected ',' or ']' after array element in JSON at position 3",
    );
  });
});
