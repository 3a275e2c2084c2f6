// An event file's number cells were read by stripping every comma and handing the rest to DuckDB's
// cast: `1,23` was 123, `0,453` (a decimal comma) 453, `12,34,567` 1234567 and `1,5` 15, and the
// cast also read `1e3` as 1000, `1.2E+05` as 120000 and `1_000` as 1000, all summed without a word.
// A data file refuses each of them at its cell (docs/policy-language.md, data files). Now an event
// file reads a number as a data file does: commas only between groups of three digits after a first
// group of one to three (`1,234`, `12,345.5`, `1,234万`), no exponent, no `_`; any other cell is not a
// number, refused at its cell.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const SUM = 'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      plays: { agg: sum, column: 播放量 }\n';
const videos = (...plays: string[]) =>
  `工号,发布时间,播放量\n${plays.map((p, i) => `E1,2026-10-${String(2 + (i % 28)).padStart(2, '0')} 10:00,${p}`).join('\n')}\n`;

describe('commas and exponents in an event file’s number cells', () => {
  it('`1,234`, `12,345.5` and `"1,234万"` are read as a data file reads them: 1234 + 12345.5 + 12340000', async () => {
    const r = await aggregate(folder({ 'v.csv': videos('"1,234"', '"12,345.5"', '"1,234万"') }), SUM);
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r).E1).toEqual({ plays: '12353579.5' });
  });

  it('`1,23`, `0,453`, `12,34,567`, `1,5`, `1e3`, `1.2E+05` and `1_000` are each not a number, at their cell', async () => {
    const cells = ['"1,23"', '"0,453"', '"12,34,567"', '"1,5"', '1e3', '1.2E+05', '1_000'];
    const r = await aggregate(folder({ 'v.csv': videos('100', ...cells) }), SUM);
    expect([...r.exclusions.keys()]).toEqual(['E1']);
    expect(r.exclusions.get('E1')!.map((d) => [d.code, d.cell?.row, d.cell?.value, d.message])).toEqual([
      ['data_event_cell', 3, '1,23', '`1,23` in `播放量` is not a number'],
      ['data_event_cell', 4, '0,453', '`0,453` in `播放量` is not a number'],
      ['data_event_cell', 5, '12,34,567', '`12,34,567` in `播放量` is not a number'],
      ['data_event_cell', 6, '1,5', '`1,5` in `播放量` is not a number'],
      ['data_event_cell', 7, '1e3', '`1e3` in `播放量` is not a number'],
      ['data_event_cell', 8, '1.2E+05', '`1.2E+05` in `播放量` is not a number'],
      ['data_event_cell', 9, '1_000', '`1_000` in `播放量` is not a number'],
    ]);
  });
});

// The fast read types a column as numbers when its first 2,000 rows are plain numbers, and DuckDB's
// typed CSV reader then read `1e3` and `1_000` further down as 1000 without stopping (it stopped at
// `¥5`, and the text path took over). Now the fast read casts the cell's text itself, after a check
// for `e`, `E` and `_` that stops it there too (node/cli/events/fast.ts).
describe('an exponent below the rows the fast read samples', () => {
  it('2,100 rows of 10, then `1e3` on row 2,102: refused at its cell, as in the text path', async () => {
    const rows = [...Array.from({ length: 2100 }, () => '10'), '1e3'];
    const r = await aggregate(folder({ 'v.csv': videos(...rows) }), SUM);
    expect(r.exclusions.get('E1')!.map((d) => [d.cell?.row, d.cell?.value])).toEqual([[2102, '1e3']]);
  });
});
