// An empty event export (0 bytes, or a BOM only) is reported as empty, not as a file whose only
// column is DuckDB's made-up `column0` missing every column the mapping names.

import { describe, expect, it } from 'vitest';
import { aggregate, folder, ROSTER } from '../events/build.js';

const EVENTS = 'events:\n  - file: 作品.csv\n    time: 发布时间\n    metrics:\n      发布视频数: { agg: count }\n';

describe('an empty event file', () => {
  it.each([
    ['0 bytes', ''],
    ['a BOM only', '\uFEFF'],
    ['blank lines only', '\r\n\r\n'],
  ])('%s: one data_event_read saying the file is empty', async (_what, body) => {
    const dir = folder({ 'roster.csv': ROSTER, '作品.csv': body });
    const r = await aggregate(dir, EVENTS);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['data_event_read', 'the event file cannot be read: the file is empty: it has no header row'],
    ]);
  });
});
