// The flagship's 爆款率, 引流转化率 and 点赞率 are parts of a whole. Before version 1.2.0 they had no
// `range`, so an export with 41 viral videos of 40 published scored a 102.5 % viral rate at the top
// of its scale and was paid for it; now the record is excluded, naming the value and the range.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const [header, first] = readFileSync('examples/sample-2026-10.csv', 'utf8').split('\n') as [string, string];

/** The sample's first 运营经理 (SV0001: 40 videos, 3 viral, 3.4w visits, 569 leads) with some cells replaced. */
function month(edit: (row: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yardstick-flagship-')), 'm.csv');
  writeFileSync(file, `${header}\n${edit(first)}\n`);
  return file;
}

describe('the flagship policy and ratios that are parts of a whole', () => {
  it('41 viral videos of 40 published are refused as a 爆款率 of 1.025, not paid at the top of the scale', async () => {
    const data = month((row) => row.replace(',9.3%,3,', ',9.3%,41,'));
    const r = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'error[eval_derived_out_of_range]: `爆款率` (viral_videos / videos_published) is 1.025 for `SV0001`, outside its range [0, 1]',
    );
  });

  it('more leads than profile visits are refused as a 引流转化率 above 1', async () => {
    const data = month((row) => row.replace(',3.4w,569,', ',3.4w,34001,'));
    const r = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[eval_derived_out_of_range]: `引流转化率` (leads / profile_visits) is');
  });

  it('40 viral videos of 40 (a rate of exactly 1) are scored', async () => {
    const data = month((row) => row.replace(',9.3%,3,', ',9.3%,40,'));
    const r = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^SV0001,许桐芳,/);
  });
});
