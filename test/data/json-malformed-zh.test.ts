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
  // [what, the file, line, the Chinese message]; columns counted by hand in `what`
  it.each([
    [
      'a comma missing between two keys: line 3 `  {"工号": "E2" "姓名": "乙"}`, after `  {"工号": "E2" ` (14 characters)',
      '[\n  {"工号": "E1", "姓名": "甲"},\n  {"工号": "E2" "姓名": "乙"}\n]\n',
      3,
      '不是有效的 JSON：第 3 行第 15 列：值后面缺少 `,` 或 `}`',
    ],
    [
      'a comma after the last item: at the `}` after `  {"工号": "E1",` (14 characters)',
      '[\n  {"工号": "E1",}\n]',
      2,
      '不是有效的 JSON：第 2 行第 15 列：这里应是带双引号的键名（最后一项后面不能有逗号）',
    ],
    [
      'a file cut short after an item: at its end, after `  {"工号": "E1"}` (14 characters)',
      '[\n  {"工号": "E1"}',
      2,
      '不是有效的 JSON：第 2 行第 15 列：数组的元素后面缺少 `,` 或 `]`',
    ],
    [
      'a file cut short inside a key: at its end, after `  {"工` (5 characters)',
      '[\n  {"工',
      2,
      '不是有效的 JSON：第 2 行第 6 列：字符串缺少结尾的双引号',
    ],
  ])('%s', (_what, json, line, zh) => {
    expect(problem(json)).toEqual(['data_json_malformed', line, zh]);
  });

  it('the English message keeps V8 words', () => {
    const [d] = readRecords('[1 2]', 'json', studioContract(), { file: 'm.json' }).diagnostics;
    expect(localise(d!, 'en').message).toBe(
      "not valid JSON: Expected ',' or ']' after array element in JSON at position 3",
    );
  });
});
