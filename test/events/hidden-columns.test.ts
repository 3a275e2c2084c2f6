// An event workbook (one row per livestream session) with a hidden column: a hidden 主播手机号 that
// no metric reads refused the whole source; a hidden 观看人数 that a metric sums is refused as before,
// since it would be aggregated unseen.

import { describe, expect, it } from 'vitest';
import { workbookWith, xlsxText as text } from '../builders.js';
import { aggregate, folder } from './build.js';

const num = (value: number) => ({ value, type: Number });

/** Two sessions of E1 (100 and 200 viewers) with a 主播手机号 in column D; `col` (1-based) hidden. */
const sessions = (col: number) =>
  workbookWith(
    [
      ['工号', '开播时间', '观看人数', '主播手机号'].map(text),
      [text('E1'), text('2026-10-02 10:00'), num(100), text('13800000001')],
      [text('E1'), text('2026-10-03 10:00'), num(200), text('13800000001')],
    ],
    {
      sheet: (xml) => xml.replace('<sheetData>', `<cols><col min="${col}" max="${col}" hidden="1"/></cols><sheetData>`),
    },
  );

const SOURCE =
  'events:\n  - file: s.xlsx\n    time: 开播时间\n    metrics:\n      viewers: { agg: sum, column: 观看人数 }\n';

describe('a hidden column in an event workbook', () => {
  it('a hidden 主播手机号 that no metric reads is left unread: E1 has 100 + 200 = 300 viewers', async () => {
    const r = await aggregate(folder({ 's.xlsx': await sessions(4) }), SOURCE);
    expect(r.diagnostics).toEqual([]);
    expect(r.sources[0]!.table.rows.find((row) => row[0] === 'E1')?.[1]).toBe('300');
  });

  it('a hidden 观看人数, which the metric sums, refuses the source', async () => {
    const r = await aggregate(folder({ 's.xlsx': await sessions(3) }), SOURCE);
    // the reader's own refusal, at the column's first cell holding data and with its help (it was
    // `data_event_read` at row 1, with "save it as CSV, XLSX, …" for a file that is an XLSX)
    expect(r.diagnostics.map((d) => [d.code, d.message, d.file, d.cell, d.help])).toEqual([
      [
        'data_xlsx_unreadable',
        '1 hidden column(s) hold data: C `观看人数`; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
        's.xlsx',
        { sheet: 'Sheet1', row: 2, column: '观看人数', value: '100' },
        'show every column (Unhide columns), delete the columns that are not to be read, and save: a column nobody sees would feed the results',
      ],
    ]);
  });
});
