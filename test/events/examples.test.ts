// The sample month as raw exports (examples/events-2026-10, `npm run gen:events`) scores as the
// per-employee sample files do.

import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const lines = (csv: string) => csv.split(/\r?\n/).filter(Boolean);

describe('examples/events-2026-10', () => {
  it('short-video team: 作品.csv gives what sample-2026-10.csv holds, but for the four rows no videos can give', async () => {
    const sample = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    const events = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      'examples/events-2026-10/month.data.yaml',
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(events.code).toBe(0);
    // 3 爆款 with a best video of 34,673 plays (SV0051), and the like: no videos; they miss 单条最高播放
    const impossible = ['SV0051', 'SV0101', 'SV0102', 'SV0185'];
    expect(lines(events.stdout)).toEqual(lines(sample.stdout).filter((l) => !impossible.includes(l.split(',')[0])));
    expect(events.stderr).toContain(
      '作品.csv: warning[data_event_unmatched]: 1 row(s) of the month match no employee in the roster (`dy_unknown` ×1)',
    );
    // the sample's bad cell is a bad cell in the export too, with its row, column and value
    expect(events.stderr).toMatch(/作品\.csv:\d+: error\[data_event_cell\]: `12\.\.5` in `播放量` is not a number/);
  });

  it('livestream team: 直播间GMV summed from 直播场次.csv scores exactly as livestream-2026-10.csv', async () => {
    const sample = await yardstick(
      'run',
      'policies/livestream-team.yaml',
      '--data',
      'examples/livestream-2026-10.csv',
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    const events = await yardstick(
      'run',
      'policies/livestream-team.yaml',
      '--data',
      'examples/events-2026-10/livestream.data.yaml',
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(events.code).toBe(0);
    expect(events.stdout).toBe(sample.stdout);
  });
});
