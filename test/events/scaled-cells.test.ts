// Back-offices write large figures with a scale: 1.2万, 3.5w, and also 1.2亿, 2k and 8千. A data file
// read all of them but 8千, and an event file only 万 and w: 1.2亿 plays or 2k orders were cells with
// no number there. Now both read every scale alike.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { studioContract } from '../builders.js';
import { aggregate, byKey, folder } from './build.js';

const PLAYS = 'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n      plays: { agg: sum, column: 播放量 }\n';
const ROSTER = '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\nE2,乙,编导,一组,startup\n';

describe('a figure written with its scale', () => {
  it('in an event file: 1.2亿, 2k, 8千, 1,200千 and 3K are summed as 120,000,000 + 2,000 + 8,000 + 1,200,000 + 3,000', async () => {
    const body = [
      '工号,发布时间,播放量',
      'E1,2026-10-02 10:00,1.2亿',
      'E1,2026-10-03 10:00,2k',
      'E1,2026-10-04 10:00,8千',
      'E2,2026-10-04 10:00,"1,200千"',
      'E2,2026-10-05 10:00,3K',
    ].join('\n');
    const r = await aggregate(folder({ 'v.csv': `${body}\n` }), PLAYS, { roster: ROSTER });
    expect(r.diagnostics).toEqual([]);
    expect(byKey(r)).toEqual({ E1: { plays: '120010000' }, E2: { plays: '1203000' } });
  });

  it('in a data file: 8千 videos are 8000, as 8k are', () => {
    const contract = studioContract();
    const text = `工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数\nE1,张三,编导,一组,初创期,2026-10,8千,0.4,80,0\nE2,李四,编导,一组,初创期,2026-10,8k,0.4,80,0\n`;
    const r = readRecords(text, 'csv', contract, { file: 'm.csv' });
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => x.metrics.videos)).toEqual([8000, 8000]);
  });
});
