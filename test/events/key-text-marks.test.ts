// A key cell marked as text for Excel, `="E1"` or `'E1` (the form back-office CSV exports write to
// keep an id's leading zeros), is the id inside, as a data file reads an id (engine/data/ids.ts,
// normaliseId; docs/policy-language.md, employee ids and join keys). It was grouped as written:
// `="E1"` rows and `E1` rows were two spellings of E1, and E1 was excluded
// (`data_event_key_spellings`); `="E1"` rows alone matched with a `data_key_normalised` warning at a
// row of the aggregated table, not of the file.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, folder } from './build.js';

const M =
  'events:\n  - file: o.csv\n    time: 下单时间\n    metrics:\n' +
  '      gmv: { agg: sum, column: 实付金额 }\n      orders: { agg: count }\n      avg: { agg: avg, column: 实付金额 }\n';
const H = '工号,下单时间,实付金额\n';

describe('an event key marked as text for Excel', () => {
  it('`="E1"`, `\'E1` and `E1` are one key, E1, aggregated together', async () => {
    const body =
      H +
      '="E1",2026-10-02 10:00,10\n' +
      'E1,2026-10-03 10:00,20\n' +
      "'E1,2026-10-04 10:00,60\n" +
      '="E2",2026-10-04 10:00,5\n';
    const r = await aggregate(folder({ 'o.csv': body }), M);
    expect(r.exclusions.size).toBe(0);
    expect(r.diagnostics).toEqual([]);
    // E1: 10 + 20 + 60 = 90 over 3 rows, average 30; E2: 5 over 1 row
    expect(byKey(r)).toEqual({
      E1: { gmv: '90', orders: '3', avg: '30' },
      E2: { gmv: '5', orders: '1', avg: '5' },
      E3: { gmv: '0', orders: '0', avg: '' },
    });
  });

  it('in a run: the events of `="SV0002"` rows and the per-employee row `="SV0002"` are 何静’s, without a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-key-marks-'));
    writeFileSync(join(dir, '花名册.csv'), '工号,姓名,岗位,团队,阶段\nSV0002,何静,编导,短视频一组,初创期\n');
    writeFileSync(join(dir, '月度指标.csv'), '工号,创意采纳率,点赞量,违规次数\n="SV0002",50%,120,0\n');
    writeFileSync(
      join(dir, '作品.csv'),
      '工号,发布时间,播放量,完播率\n' +
        '="SV0002",2026-10-06 13:49:03,100,0.45\n' +
        'SV0002,2026-10-07 10:00:00,300,0.25\n' +
        '="SV0002",2026-10-08 10:00:00,200,0.35\n',
    );
    writeFileSync(
      join(dir, 'm.data.yaml'),
      [
        'period: 2026-10',
        'roster: { file: 花名册.csv }',
        'sources:',
        '  - file: 月度指标.csv',
        'events:',
        '  - file: 作品.csv',
        '    time: 发布时间',
        '    metrics:',
        '      发布视频数: { agg: count }',
        '      播放量: { agg: sum, column: 播放量 }',
        '      单条最高播放: { agg: max, column: 播放量 }',
        '      完播率: { agg: avg, column: 完播率 }',
        "      爆款数: { agg: count, where: { column: 播放量, op: '>=', value: 100000 } }",
        '',
      ].join('\n'),
    );
    const r = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      join(dir, 'm.data.yaml'),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const card = JSON.parse(r.stdout).scorecards[0];
    expect(card.employee_id).toBe('SV0002');
    // 3 videos; 完播率 (0.45 + 0.25 + 0.35) / 3 = 0.35; 创意采纳率 50% from the per-employee row
    expect(card.indicators.map((i: { id: string; actual: number }) => [i.id, i.actual])).toEqual([
      ['output', 3],
      ['completion', 0.35],
      ['adoption', 0.5],
    ]);
  });
});
