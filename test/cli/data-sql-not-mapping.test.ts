// `data sql` given a data file instead of a mapping: the CSV reads as YAML as one long text, which
// the message showed whole (22 KB for the sample month). It shows the first 60 characters.

import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

describe('data sql on a CSV file', () => {
  it('names the file at 1:1 and shows the start of the text, not all of it', async () => {
    const r = await yardstick('data', 'sql', 'examples/sample-2026-10.csv');
    expect(r.code).toBe(1);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toBe(
      'examples/sample-2026-10.csv:1:1: error[data_mapping_shape]: a data mapping must be a mapping with `roster:` and `sources:`, not `工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,完播率,粉丝增长率,爆款数,单条最高播放,主页访问量,引…`',
    );
    expect(r.stderr.length).toBeLessThan(1000);
  });
});
