// An export with a header and no rows (the back-office's filter matched nothing), or with rows of
// other months only (exported for September when the mapping says October), gave every employee a
// count and a sum of 0 without a word: the run paid everyone as if nobody had published a video or
// sold anything. Now such a source is refused (`data_event_read`), saying what the file holds.
// Rows of the month that match nobody, or rows whose time cannot be read, are no such file: they
// are reported as before.

import { describe, expect, it } from 'vitest';
import { aggregate, byKey, folder } from './build.js';

const SUM =
  'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      plays: { agg: sum, column: 播放量 }\n      videos: { agg: count }\n';

const read = async (body: string, period = '2026-10') => {
  const r = await aggregate(folder({ 'v.csv': body }), SUM, { period });
  return {
    sources: r.sources.length,
    diagnostics: r.diagnostics.map((d) => [d.code, d.severity, d.file, d.message]),
  };
};

describe('an event export with no row of the month', () => {
  it('a header and no rows: refused', async () => {
    expect(await read('工号,发布时间,播放量\n')).toEqual({
      sources: 0,
      diagnostics: [
        [
          'data_event_read',
          'error',
          'v.csv',
          'the event file cannot be read: it has a header and no rows: every employee would count 0',
        ],
      ],
    });
  });

  it('a header and blank lines, or no line break after the header: refused the same way', async () => {
    expect((await read('工号,发布时间,播放量\n\n\n')).sources).toBe(0);
    expect((await read('工号,发布时间,播放量')).sources).toBe(0);
  });

  it('rows of September only, for October: refused, with the number of rows and the month', async () => {
    expect(
      await read('工号,发布时间,播放量\nE1,2026-09-02 10:00,10\nE2,2026-09-30 23:59,20\nE1,2026-11-01 00:00,5\n'),
    ).toEqual({
      sources: 0,
      diagnostics: [
        [
          'data_event_read',
          'error',
          'v.csv',
          'the event file cannot be read: none of its 3 rows is in 2026-10 (Asia/Shanghai): it may have been exported for another month, which every employee would count as 0',
        ],
      ],
    });
  });

  it('one row of the month is enough, for anybody: the others count 0', async () => {
    const r = await aggregate(
      folder({ 'v.csv': '工号,发布时间,播放量\nE1,2026-09-02 10:00,10\nE2,2026-10-02 10:00,20\n' }),
      SUM,
    );
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r)).toEqual({
      E2: { plays: '20', videos: '1' },
      E1: { plays: '0', videos: '0' },
      E3: { plays: '0', videos: '0' },
    });
  });

  it('rows of the month that match nobody, or whose time cannot be read, are reported as before', async () => {
    expect(await read('工号,发布时间,播放量\nX9,2026-10-02 10:00,10\n')).toEqual({
      sources: 1,
      diagnostics: [
        ['data_event_unmatched', 'warning', 'v.csv', '1 row(s) of the month match no employee in the roster (`X9` ×1)'],
      ],
    });
    expect((await read('工号,发布时间,播放量\nE1,昨天,10\n')).sources).toBe(1);
  });
});
