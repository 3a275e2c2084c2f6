// An event cell is read with 12 whole digits and 6 decimals (docs/events.md): a larger number is
// refused as larger than 999,999,999,999, not as "not a number" (4000000000000000 is a number).

import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { aggregate, byKey, folder } from './build.js';

const VIDEOS = [
  '工号,发布时间,播放量',
  'E1,2026-10-02 10:00,4000000000000000',
  'E1,2026-10-03 10:00,"1,000,000,000,000"',
  'E2,2026-10-04 10:00,999999999999',
  'E3,2026-10-04 10:00,12x',
].join('\n');
const SUM = 'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      plays: { agg: sum, column: 播放量 }\n';

describe('an event cell beyond 12 whole digits', () => {
  it('is refused as too large at its row, column and raw value; 999999999999 is read; 12x is still no number', async () => {
    const r = await aggregate(folder({ 'v.csv': VIDEOS }), SUM);
    expect([...r.exclusions.keys()].sort()).toEqual(['E1', 'E3']);
    const e1 = r.exclusions.get('E1')!;
    expect(e1.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_event_cell',
        '`4000000000000000` in `播放量` is larger than 999,999,999,999, the most an event cell may hold',
        { row: 2, column: '播放量', value: '4000000000000000' },
      ],
      [
        'data_event_cell',
        '`1,000,000,000,000` in `播放量` is larger than 999,999,999,999, the most an event cell may hold',
        { row: 3, column: '播放量', value: '1,000,000,000,000' },
      ],
    ]);
    expect(localise(e1[0]!, 'zh').message).toBe(
      '`播放量` 列的 `4000000000000000` 超过 999,999,999,999，即事件单元格的上限',
    );
    expect(r.exclusions.get('E3')![0]!.message).toBe('`12x` in `播放量` is not a number');
    expect(byKey(r).E2).toEqual({ plays: '999999999999' });
  });
});
