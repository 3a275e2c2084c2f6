// A data mapping of the wrong shape is explained in the user's language: Chinese by default, like
// every other message, at the value's line and column.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { readMappingFile } from '../../node/cli/mapping.js';
import { yardstickAsIs } from '../yardstick.js';

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yardstick-mapping-shape-')), 'month.data.yaml');
  writeFileSync(file, text);
  return file;
}

/** [line, column, Chinese message, English message] of each problem, in the file's order. */
function problems(text: string): [number | undefined, number | undefined, string, string][] {
  const r = readMappingFile(write(text));
  if (r.ok) return [];
  return r.diagnostics.map((d) => {
    expect(d.code).toBe('data_mapping_shape');
    return [d.span?.line, d.span?.column, localise(d, 'zh').message, localise(d, 'en').message];
  });
}

describe('a data mapping of the wrong shape', () => {
  it('names each value in Chinese and in English', () => {
    expect(
      problems(
        [
          'period: [2026, 10]',
          'roster: { file: 花名册.xlsx, encoding: big5 }',
          'sources:',
          '  - file: 导出.csv',
          '    missing_rows: zero',
          '    key: { column: "" }',
          '    columns:',
          '      成交金额: { metric: gmv, money_in: 元 }',
          '      完播率: { metric: 完播率, ratio_format: percent }',
          '      点赞: [1, 2]',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      [
        1,
        9,
        '数据映射写法有误：`period` 应为月份，例如 `2026-10`，而不是列表',
        '`period` must be a month such as `2026-10`, not a list',
      ],
      [
        2,
        37,
        '数据映射写法有误：`roster.encoding` 应为 `auto`、`utf-8`、`gbk`、`gb18030` 之一，而不是`big5`',
        '`roster.encoding` must be one of `auto`, `utf-8`, `gbk`, `gb18030`, not `big5`',
      ],
      [
        5,
        19,
        '数据映射写法有误：`sources[0].missing_rows` 应为 `error`（员工在此文件中没有行即报错，默认）或 `default`（其来自此文件的指标取指标的默认值），而不是`zero`',
        "`sources[0].missing_rows` must be `error` (an employee without a row in it is an error, the default) or `default` (their metrics from it take the metric's default), not `zero`",
      ],
      [
        6,
        20,
        '数据映射写法有误：`sources[0].key.column` 应为列名，而不是``',
        '`sources[0].key.column` must be a column name, not ``',
      ],
      [
        8,
        38,
        '数据映射写法有误：`sources[0].columns.成交金额.money_in` 应为 `yuan`（元）或 `fen`（分），而不是`元`',
        '`sources[0].columns.成交金额.money_in` must be `yuan` or `fen`, not `元`',
      ],
      [
        9,
        41,
        '数据映射写法有误：`sources[0].columns.完播率.ratio_format` 应为 `fraction`（0.453）或 `percent_points`（45.3），而不是`percent`',
        '`sources[0].columns.完播率.ratio_format` must be `fraction` (0.453) or `percent_points` (45.3), not `percent`',
      ],
      [
        10,
        11,
        '数据映射写法有误：`sources[0].columns.点赞` 应为指标名称或 id，或 `{ metric, money_in, ranges }`，而不是列表',
        '`sources[0].columns.点赞` must be a metric label or id, or `{ metric, money_in, ranges }`, not a list',
      ],
    ]);
  });

  it('says what is missing', () => {
    expect(problems('period: 2026-10\n')).toEqual([
      [1, 1, '数据映射写法有误：映射中没有 `roster: { file: … }`', 'the mapping has no `roster: { file: … }`'],
      [1, 1, '数据映射写法有误：映射中没有 `sources:`', 'the mapping has no `sources:`'],
    ]);
  });

  it('stops a run in Chinese by default, with the file, line, column and help', async () => {
    const file = write('roster: { file: 花名册.xlsx }\nsources: 导出.csv\n');
    const r = await yardstickAsIs('run', 'policies/short-video-team.yaml', '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2:10: error[data_mapping_shape]: 数据映射写法有误：\`sources\` 应为文件列表，而不是\`导出.csv\``,
    );
    expect(r.stderr).toContain(
      '  提示：数据映射需要 `roster: { file: … }` 和 `sources:`，每个来源写 `file:`，可选 `key: { column, roster }`、`columns:`、`sheet:`、`encoding:`、`missing_rows: error | default`',
    );
  });
});
