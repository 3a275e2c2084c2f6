// An event column has no unit of its own: the metric it is read into has one, in the policy. A `%`
// cell in a column summed (or averaged, or its least or most taken) into a count, an amount, a score
// or seconds is refused at its cell (`data_event_cell`), as a data file refuses `%` in a count
// column; a column read into a ratio keeps `45%` as 0.45 (docs/events.md). Before, `100%` in 播放量
// was read as 1 and added without a word.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { aggregate, byKey, folder } from './build.js';

const OPS = {
  roster: 'SV0001,许桐芳,运营经理,短视频一组,初创期,dy_sv0001',
  monthly: '工号,点赞量,粉丝增长率,主页访问量,引流线索数,违规次数\nSV0001,49174,9.3%,3.4w,569,0',
};
const DIRECTOR = {
  roster: 'SV0002,何静,编导,短视频一组,初创期,dy_sv0001',
  monthly: '工号,创意采纳率,点赞量,违规次数\nSV0002,50%,120,0',
};

function month(who: { roster: string; monthly: string }, videos: string, metrics: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-percent-'));
  writeFileSync(join(dir, '花名册.csv'), `工号,姓名,岗位,团队,阶段,抖音账号\n${who.roster}\n`);
  writeFileSync(join(dir, '月度指标.csv'), `${who.monthly}\n`);
  writeFileSync(join(dir, '作品.csv'), videos);
  writeFileSync(
    join(dir, 'm.data.yaml'),
    [
      'period: 2026-10',
      'roster: { file: 花名册.csv }',
      'sources:',
      '  - file: 月度指标.csv',
      'events:',
      '  - file: 作品.csv',
      '    key: { column: 账号名称, roster: 抖音账号 }',
      '    time: 发布时间',
      '    metrics:',
      ...metrics.map((m) => `      ${m}`),
      '',
    ].join('\n'),
  );
  return join(dir, 'm.data.yaml');
}

const plays = [
  '发布视频数: { agg: count }',
  '播放量: { agg: sum, column: 播放量 }',
  '单条最高播放: { agg: max, column: 播放量 }',
  "爆款数: { agg: count, where: { column: 播放量, op: '>=', value: 100000 } }",
];

describe('a percentage in an event column', () => {
  it('`100%` in 播放量, summed into a count, is refused at its cell, not counted as 1 play', async () => {
    const mapping = month(
      OPS,
      '账号名称,作品ID,发布时间,播放量\ndy_sv0001,V1,2026-10-06 13:49:03,100%\ndy_sv0001,V2,2026-10-07 10:00:00,100\n',
      plays,
    );
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', mapping);
    // before: exit 0, 播放量 = 100 + 1 = 101 (`100%` read as 1)
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '作品.csv:2: error[data_event_cell]: `100%` in `播放量` is a percentage, but the column is read into a metric that is not a ratio (`播放量`, `单条最高播放`)',
    );
    expect(r.stderr).toContain('column `播放量`, value `100%`');
  });

  it('`45%` in 完播率, averaged into a ratio, is 0.45', async () => {
    const mapping = month(
      DIRECTOR,
      '账号名称,作品ID,发布时间,播放量,完播率\ndy_sv0001,V1,2026-10-06 13:49:03,100,45%\ndy_sv0001,V2,2026-10-07 10:00:00,300,0.25\n',
      [...plays, '完播率: { agg: avg, column: 完播率 }'],
    );
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', mapping, '--format', 'json');
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout).scorecards[0];
    // (0.45 + 0.25) / 2
    expect(card.indicators.find((i: { id: string }) => i.id === 'completion').actual).toBe(0.35);
  });

  it('`45%` in 完播率, averaged into a ratio the policy reads in percent points, is 45 points: 0.45', async () => {
    const mapping = month(
      DIRECTOR,
      '账号名称,作品ID,发布时间,播放量,完播率\ndy_sv0001,V1,2026-10-06 13:49:03,100,45%\ndy_sv0001,V2,2026-10-07 10:00:00,300,25\n',
      [...plays, '完播率: { agg: avg, column: 完播率 }'],
    );
    const policy = join(dirname(mapping), 'points.yaml');
    writeFileSync(
      policy,
      readFileSync('policies/short-video-team.yaml', 'utf8').replace(
        'completion_rate: { label: 完播率, unit: ratio }',
        'completion_rate: { label: 完播率, unit: ratio, ratio_format: percent_points }',
      ),
    );
    const r = await yardstick('run', policy, '--data', mapping, '--format', 'json');
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout).scorecards[0];
    // (45 + 25) / 2 = 35 points, 0.35; before: (0.45 + 25) / 2 = 12.725 points, 0.12725
    expect(card.indicators.find((i: { id: string }) => i.id === 'completion').actual).toBe(0.35);
  });

  // the units a mapping's metrics have in the policy: 播放 a count, 完播 a ratio
  const unitOf = (m: string) => ({ plays: { unit: 'count' }, best: { unit: 'count' }, rate: { unit: 'ratio' } })[m];
  const M =
    'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n' +
    '      plays: { agg: sum, column: 播放 }\n      best: { agg: max, column: 播放 }\n      rate: { agg: avg, column: 完播 }\n';

  it('a `%` below the rows the fast read samples, and one marked as text (`="100%"`), are refused too', async () => {
    // 2,500 plain rows of E2, rows 2–2501 (the fast read types 播放 from the first 2,000), then E1's
    // two `%` cells, rows 2502 and 2503
    const plain = Array.from({ length: 2500 }, () => 'E2,2026-10-02 10:00,3,0.5\n').join('');
    const body = `工号,发布时间,播放,完播\n${plain}E1,2026-10-03 10:00,100%,50%\nE1,2026-10-03 11:00,="100%",0.5\n`;
    const r = await aggregate(folder({ 'v.csv': body }), M, { unitOf });
    expect(
      [...r.exclusions].map(([who, ds]) => [
        who,
        ds.map((d) => [d.code, d.message, d.cell?.row, d.cell?.column, d.cell?.value]),
      ]),
    ).toEqual([
      [
        'E1',
        [
          [
            'data_event_cell',
            '`100%` in `播放` is a percentage, but the column is read into a metric that is not a ratio (`plays`, `best`)',
            2502,
            '播放',
            '100%',
          ],
          [
            'data_event_cell',
            '`="100%"` in `播放` is a percentage, but the column is read into a metric that is not a ratio (`plays`, `best`)',
            2503,
            '播放',
            '="100%"',
          ],
        ],
      ],
    ]);
    // E2: 2,500 × 3 = 7500 plays, the ratio column's 0.5 read as it is; 50% in 完播 would be 0.5 too
    expect(byKey(r).E2).toEqual({ plays: '7500', best: '3', rate: '0.5' });
  });

  it('without the policy’s units (`data sql`), a `%` is a percentage in every column', async () => {
    const r = await aggregate(folder({ 'v.csv': '工号,发布时间,播放,完播\nE1,2026-10-03 10:00,100%,50%\n' }), M);
    expect(r.exclusions.size).toBe(0);
    expect(byKey(r).E1).toEqual({ plays: '1', best: '1', rate: '0.5' });
  });

  // one column read into two ratios, one the policy reads as a fraction and one in percent points
  // (`ratio_format: percent_points`), has one number per cell: `45%` was read as 0.45 for both, and
  // the points metric got 0.45 points (0.0045). Which reading the `%` means cannot be told: refused.
  it('`45%` in a column read into a fraction ratio and a percent-points ratio is refused, naming both', async () => {
    const both = (m: string) =>
      ({ asFraction: { unit: 'ratio' }, asPoints: { unit: 'ratio', percentPoints: true } })[m];
    const r = await aggregate(
      folder({ 'v.csv': '工号,发布时间,完播\nE1,2026-10-03 10:00,45%\n' }),
      'events:\n  - file: v.csv\n    time: 发布时间\n    metrics:\n' +
        '      asFraction: { agg: avg, column: 完播 }\n      asPoints: { agg: avg, column: 完播 }\n',
      { unitOf: both },
    );
    expect(r.exclusions.get('E1')?.map((d) => [d.code, d.cell?.row, d.cell?.value])).toEqual([
      ['data_event_cell', 2, '45%'],
    ]);
    expect(r.exclusions.get('E1')![0]!.message).toBe(
      '`45%` in `完播` is a percentage, but the column is read both into a ratio written as a fraction (`asFraction`) and into one written in percent points (`asPoints`): which of the two the `%` means cannot be told',
    );
  });
});
