// A `.txt` (or `.tsv`) event file is read with its header line's separator, as the data reader reads
// a `.txt` data file (engine/data/table.ts, csvDelimiter): many exports save comma-separated text
// as `.txt`. Every `.txt` was read as tab-separated, so a comma-separated one was one column named
// `工号,开播时间,观看人数`, and the source was refused for a missing `开播时间`. `yardstick data sql`
// prints the separator the run uses. Computed by hand:
//   E1: 2 October sessions, 100 + 250 = 350 viewers; E2: 1 October session, 40 (September's 999 left out)

import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, folder } from './build.js';

const ROWS = [
  'E1,2026-10-02 10:00,100',
  'E1,2026-10-03 10:00,250',
  'E2,2026-10-04 10:00,40',
  'E2,2026-09-30 10:00,999',
];
const COMMAS = ['工号,开播时间,观看人数', ...ROWS, ''].join('\n');
const SUM = (file: string, extra = '') =>
  `events:\n  - file: ${file}\n    time: 开播时间\n${extra}    metrics:\n      n: { agg: count }\n      viewers: { agg: sum, column: 观看人数 }\n`;

describe('a comma-separated .txt event file', () => {
  it('is read with commas, its header line’s separator', async () => {
    const r = await aggregate(folder({ 's.txt': COMMAS }), SUM('s.txt'), { period: '2026-10' });
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(byKey(r)).toEqual({
      E1: { n: '2', viewers: '350' },
      E2: { n: '1', viewers: '40' },
      E3: { n: '0', viewers: '0' },
    });
  });

  it('in GBK, below two title rows (the first line with a comma is the header)', async () => {
    const text = ['10月直播场次明细', '导出人：HR', COMMAS].join('\n');
    const r = await aggregate(
      folder({ 's.txt': new Uint8Array(iconv.encode(text, 'gbk')) }),
      SUM('s.txt', '    encoding: gbk\n'),
      { period: '2026-10' },
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.reports[0]!.headerRow).toBe(3);
    expect(byKey(r).E1).toEqual({ n: '2', viewers: '350' });
  });

  it('a tab-separated .txt whose cells hold thousands separators stays tab-separated', async () => {
    // the header line has two tabs and no comma; `1,200` is one cell
    const text = '工号\t开播时间\t观看人数\nE1\t2026-10-02 10:00\t1,200\n';
    const r = await aggregate(folder({ 's.txt': text }), SUM('s.txt'), { period: '2026-10' });
    expect(byKey(r).E1).toEqual({ n: '1', viewers: '1200' });
  });

  it('data sql prints the comma as the separator, as the run reads it', async () => {
    const ROSTER = '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\nE2,乙,编导,一组,startup\n';
    const MAPPING = `period: 2026-10\nroster: { file: roster.csv }\n${SUM('s.txt')}`;
    const dir = folder({ 'roster.csv': ROSTER, 's.txt': COMMAS, 'm.yaml': MAPPING });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain("delim = ','");
    expect(printed.stdout).not.toContain("delim = '\t'");
  });
});
