// `header_row: '3'` is text, not the number 3: it is refused saying so, where it used to read
// "… (1 to 100), not `3`", as if 3 were out of range.

import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { localise } from '../../engine/index.js';
import { checkEvents } from '../../node/cli/events/spec.js';

const problems = (row: string) => {
  const yaml = `events:\n  - file: v.csv\n    time: t\n    header_row: ${row}\n    metrics:\n      n: { agg: count }\n`;
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  return checkEvents(doc.toJS().events, doc, lines, 'm.yaml');
};

describe('header_row', () => {
  it("'3' is named as text, in English and Chinese, at line 4 column 17", () => {
    const p = problems("'3'");
    expect(p.map((d) => [localise(d, 'en').message, localise(d, 'zh').message, d.span])).toEqual([
      [
        "`events[0].header_row` must be the header's row number as the spreadsheet shows it (1 to 100), not the text `'3'` (write the number without quotes)",
        "事件数据源写法有误：`events[0].header_row` 应为表头所在的行号（与表格中显示的一致，1 到 100），而不是文本 `'3'`（请去掉引号）",
        { line: 4, column: 17 },
      ],
    ]);
  });

  it('0 is still shown as the number it is; 3 is accepted', () => {
    expect(problems('0').map((d) => localise(d, 'en').message)).toEqual([
      "`events[0].header_row` must be the header's row number as the spreadsheet shows it (1 to 100), not `0`",
    ]);
    expect(problems('3')).toEqual([]);
  });
});
