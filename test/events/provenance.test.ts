// Provenance of aggregated metrics: `data inspect` shows each aggregate per employee with the rows
// it counted; a statement names the event files with their SHA-256 and the aggregate behind each
// metric. E1 (acc_a) has 3 videos in October 2026: 120000 plays (40 %), 15000 (30 %) and a
// deleted one of 2000 (20 %).

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yardstick } from '../yardstick.js';
import { folder } from './build.js';

const FIXTURES = 'test/events/fixtures';
const videosSha = createHash('sha256')
  .update(readFileSync(join(FIXTURES, 'videos.csv')))
  .digest('hex');

describe('provenance of event metrics', () => {
  it('data inspect: each aggregate of each employee with the rows behind it', async () => {
    const r = await yardstick('data', 'inspect', `${FIXTURES}/month.yaml`, '--policy', `${FIXTURES}/policy.yaml`);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('      E1 (acc_a): 3 row(s) of the month');
    expect(lines).toContain(`    videos.csv (sha256 ${videosSha}; read as utf-8)`);
    expect(lines.slice(at, at + 5)).toEqual([
      '      E1 (acc_a): 3 row(s) of the month',
      '        发布视频数 = 2 (count of 2 rows of the month in videos.csv)',
      '        播放量 = 137000 (sum of 3 rows of the month in videos.csv)',
      '        爆款率 = 1 / 3 rows = 0.3333 (videos.csv)',
      '        平均完播率 = 0.3 (average of 3 rows of the month in videos.csv)',
    ]);
    expect(lines).toContain('      ghost (not in the roster): 2 row(s) of the month');
  });

  it('data inspect gives no aggregate from a file whose cells of that employee cannot be read', async () => {
    // E1's October video of `1.5万` plays now reads `暂缺x`: a sum over its other two rows (122000)
    // would look like a real number; the run leaves E1 out, and so does the report. E2 (acc_b) is
    // untouched: its videos of 12 October and of 31 October 23:59:59 in Shanghai, 2 rows
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-provenance-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const videos = join(dir, 'videos.csv');
    writeFileSync(videos, readFileSync(videos, 'utf8').replace(',1.5万,', ',暂缺x,'));
    for (const [lang, expected] of [
      [
        'en',
        [
          '      E1 (acc_a): 3 row(s) of the month',
          '        not aggregated: 1 cell(s) in videos.csv cannot be used (unreadable, or a repeated row id; listed under "cells and rows that cannot be used"), so this employee is left out',
        ],
      ],
      [
        'zh',
        [
          '      E1 (acc_a)：本月 3 行',
          '        无法汇总：videos.csv 中有 1 个单元格无法使用（无法读取，或是重复的行标识；见下方「无法使用的单元格和行」），此人不参与计算',
        ],
      ],
    ] as const) {
      const r = await yardstick(
        'data',
        'inspect',
        join(dir, 'month.yaml'),
        '--policy',
        join(dir, 'policy.yaml'),
        '--lang',
        lang,
      );
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      const at = lines.indexOf(expected[0]);
      expect(lines.slice(at, at + 3)).toEqual([
        ...expected,
        lang === 'en' ? '      E2 (acc_b): 2 row(s) of the month' : '      E2 (acc_b)：本月 2 行',
      ]);
    }
  });

  it('a statement names the event file, its SHA-256 and the aggregate behind each metric', async () => {
    const out = folder({});
    const r = await yardstick(
      'statements',
      `${FIXTURES}/policy.yaml`,
      '--data',
      `${FIXTURES}/month.yaml`,
      '--exclude-invalid',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'E1.html'), 'utf-8');
    expect(html).toContain(
      '<h2>指标的数据来源（明细汇总）</h2>\n<ul><li>发布视频数 = 2（计数，videos.csv 中本月 2 行）</li><li>播放量 = 137000（合计，videos.csv 中本月 3 行）</li><li>爆款率 = 1 / 3 行 = 0.3333（videos.csv）</li><li>平均完播率 = 0.3（平均，videos.csv 中本月 3 行）</li></ul>',
    );
    expect(html).toContain(`videos.csv (sha256 ${videosSha})`);
    // the event file is among the inputs of the provenance line too, with the short hash
    expect(html).toContain(`videos.csv (sha256 ${videosSha.slice(0, 16)})`);
  });
});
