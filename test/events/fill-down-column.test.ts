// `fill_down:` names columns of the event file; one the file does not have (a misspelling, 账号 for
// 工号) filled nothing and was accepted without a word, leaving every row below a merged cell
// without a key. It is refused as a column the source reads that the file lacks.

import { describe, expect, it } from 'vitest';
import { aggregate, folder } from './build.js';

const CSV = ['工号,开播时间,观看人数', 'E1,2026-10-02 10:00,100', ',2026-10-03 10:00,200', ''].join('\n');
const SOURCE = (fill: string) =>
  `events:\n  - file: f.csv\n    time: 开播时间\n    fill_down: [ ${fill} ]\n    metrics:\n      viewers: { agg: sum, column: 观看人数 }\n`;

describe('a fill_down column the file does not have', () => {
  it('is refused at the file, naming the column and the columns there are', async () => {
    const r = await aggregate(folder({ 'f.csv': CSV }), SOURCE('账号'));
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.cell])).toEqual([
      [
        'data_event_column',
        'the event file has no column `账号`',
        'the columns are: `工号`, `开播时间`, `观看人数`',
        { row: 1 },
      ],
    ]);
  });

  it('spelt as the file spells it, fills E1 down: 100 + 200 = 300 viewers', async () => {
    const r = await aggregate(folder({ 'f.csv': CSV }), SOURCE('工号'));
    expect(r.diagnostics).toEqual([]);
    expect(r.sources[0]!.table.rows.find((row) => row[0] === 'E1')?.[1]).toBe('300');
  });
});
