// verify's employees are ones a data file can hold (docs/verify.md: "never outside what a data file
// can hold"): a count is whole, since a data file refuses 101.25 videos (data_fractional_count). A
// searched counterexample used to be `metrics: { x: 101.25 }`, which no export can give and which
// the data reader would refuse if HR typed it into a file.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

describe('verify builds whole counts', () => {
  it('an always-property broken above 30 videos is shown by a whole number of videos', async () => {
    // videos (a count), linear, target 30: 100 × videos / 30 points, pay 1000 × score / 100;
    // pay ≤ ¥1,000 fails for any videos > 30 (31 videos: 103.33 points, ¥1,033.30)
    const text = policy()
      .metric('videos', { label: '视频数', unit: 'count' })
      .role('staff', {
        indicators: { videos: { metric: 'videos', target: 30, weight: 100 } },
      })
      .set('properties', {
        pay_at_most_base: {
          title: '应发不超过基数',
          always: { all: [{ fact: 'payout', operator: 'lessThanInclusive', value: 1000 }] },
        },
      })
      .yaml();
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-verify-counts-'));
    writeFileSync(join(dir, 'p.yaml'), text);
    const r = await yardstick('verify', join(dir, 'p.yaml'), '--format', 'json');
    expect(r.code).toBe(1);
    const verdicts = JSON.parse(r.stdout).policies[0].verdicts as {
      property: string;
      holds: boolean;
      counterexample?: string;
    }[];
    const failed = verdicts.find((v) => v.property === 'properties.pay_at_most_base')!;
    expect(failed.holds).toBe(false);
    const videos = [...failed.counterexample!.matchAll(/videos: ([-\d.e+]+)/g)].map((m) => Number(m[1]));
    expect(videos.length).toBeGreaterThan(0);
    for (const v of videos) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThan(30);
    }
  });
});
