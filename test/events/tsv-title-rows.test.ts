// Excel's "Unicode text" (.txt, tab-separated) with title rows above the header: the header is found
// below them (docs/events.md, "Title rows above the header"). It never was in a file of more than a
// few lines: the reader's guessed tab-split cells were rejoined with commas and split on tabs again,
// one cell per row, so every column the source reads was "missing".

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

// E1: 100 sessions of 10 viewers each → 100 sessions, 1000 viewers; E2: 50 sessions of 2 → 50, 100
const lines = [
  '10月直播场次明细',
  '导出时间：2026-11-01',
  '工号\t开播时间\t观看人数',
  ...Array.from({ length: 100 }, (_, i) => `E1\t2026-10-${String((i % 28) + 1).padStart(2, '0')} 10:00\t10`),
  ...Array.from({ length: 50 }, (_, i) => `E2\t2026-10-${String((i % 28) + 1).padStart(2, '0')} 20:00\t2`),
];
const SUM = (file: string) =>
  `events:\n  - file: ${file}\n    time: 开播时间\n    metrics:\n      n: { agg: count }\n      viewers: { agg: sum, column: 观看人数 }\n`;
const utf16 = (text: string) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

describe('a tab-separated export with two title rows', () => {
  it.each([
    ['UTF-8 .tsv', 'f.tsv', lines.join('\n')],
    ['UTF-16 .txt (Excel Unicode text, CRLF)', 'f.txt', utf16(lines.join('\r\n'))],
  ])('%s: the header is found on row 3 and every row counted', async (_what, file, content) => {
    const r = await aggregate(folder({ [file]: content }), SUM(file));
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.reports[0]!.headerRow).toBe(3);
    expect(byKey(r).E1).toEqual({ n: '100', viewers: '1000' });
    expect(byKey(r).E2).toEqual({ n: '50', viewers: '100' });
  });
});
