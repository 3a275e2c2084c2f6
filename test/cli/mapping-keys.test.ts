// A data mapping (`*.data.yaml`) refuses a key it does not know, at the key's line and column, with
// the nearest known key — a misspelt `missing_row: default` would otherwise read as the default
// `error`, and `soruces:` as a mapping without sources.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { readMappingFile } from '../../node/cli/mapping.js';
import { yardstick } from '../yardstick.js';

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yardstick-mapping-keys-')), 'month.data.yaml');
  writeFileSync(file, text);
  return file;
}

function problems(text: string): [string, number | undefined, number | undefined, string, string | undefined][] {
  const r = readMappingFile(write(text));
  if (r.ok) return [];
  return r.diagnostics
    .map((d) => {
      const en = localise(d, 'en');
      return [d.code, d.span?.line, d.span?.column, en.message, en.help] as [
        string,
        number | undefined,
        number | undefined,
        string,
        string | undefined,
      ];
    })
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0));
}

const SOURCE_KEYS = '`file`, `sheet`, `encoding`, `key`, `columns`, `missing_rows`';

describe('unknown keys in a data mapping', () => {
  it('refuses a misspelt top-level key at its line and column, with the nearest key', () => {
    expect(problems('period: 2026-10\nroster: { file: roster.csv }\nsoruces:\n  - file: export.csv\n')).toEqual([
      ['data_mapping_shape', 1, 1, 'the mapping has no `sources:`', expect.any(String)],
      [
        'data_mapping_unknown_key',
        3,
        1,
        'unknown key `soruces` in `month.data.yaml`',
        'did you mean `sources`? allowed keys: `period`, `roster`, `sources`, `teams`, `events`, `time_zone`',
      ],
    ]);
  });

  it('refuses unknown keys in the roster, a source, its key, a column and a team, each at its key', () => {
    const text = [
      'period: 2026-10',
      'roster: { file: roster.csv, sheat: 花名册 }', // sheat at column 29
      'sources:',
      '  - file: export.csv',
      '    missing_row: default', // column 5
      '    key: { colum: 账号名称, roster: 抖音账号 }', // column 12
      '    columns:',
      '      成交金额(分): { metric: gmv, money: fen }', // `money` at column 31: 6 spaces, 7 characters, `: { metric: gmv, `
      'teams:',
      '  sv1: { title: 短视频一组, alias: [ 短视频1组 ] }', // column 24
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      [
        'data_mapping_unknown_key',
        2,
        29,
        'unknown key `sheat` in `roster`',
        'did you mean `sheet`? allowed keys: `file`, `sheet`, `encoding`',
      ],
      [
        'data_mapping_unknown_key',
        5,
        5,
        'unknown key `missing_row` in `sources[0]`',
        `did you mean \`missing_rows\`? allowed keys: ${SOURCE_KEYS}`,
      ],
      [
        'data_mapping_unknown_key',
        6,
        12,
        'unknown key `colum` in `sources[0].key`',
        'did you mean `column`? allowed keys: `column`, `roster`',
      ],
      [
        // `money` is 3 edits from `money_in`: too far to guess
        'data_mapping_unknown_key',
        8,
        31,
        'unknown key `money` in `sources[0].columns.成交金额(分)`',
        'a data mapping uses only the keys it knows, so a misspelt one is not silently ignored; allowed keys: `metric`, `money_in`, `ranges`, `ratio_format`',
      ],
      [
        'data_mapping_unknown_key',
        10,
        24,
        'unknown key `alias` in `teams.sv1`',
        'did you mean `aliases`? allowed keys: `title`, `aliases`',
      ],
    ]);
  });

  it('says it in Chinese too', () => {
    const r = readMappingFile(
      write('period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - { file: a.csv, missing_row: default }\n'),
    );
    expect(r.ok).toBe(false);
    const zh = localise(r.ok ? (undefined as never) : r.diagnostics[0]!, 'zh');
    expect([zh.message, zh.help]).toEqual([
      '`sources[0]` 中有未知的键 `missing_row`',
      `是不是想写 \`missing_rows\`？允许的键：${SOURCE_KEYS}`,
    ]);
  });

  it('names the nearest field of an event source and of an event metric', () => {
    const text = [
      'period: 2026-10',
      'roster: { file: roster.csv }',
      'events:',
      '  - file: videos.csv',
      '    tme: 发布时间',
      '    metrics:',
      "      爆款数: { agg: count, wher: { column: 播放量, op: '>=', value: 100000 } }",
      '',
    ].join('\n');
    const messages = problems(text).map((p) => p[3]);
    expect(messages).toContain(
      '`events[0]` has an unknown field `tme`; did you mean `time`? (known: `file`, `sheet`, `encoding`, `key`, `time`, `metrics`, `header_row`, `fill_down`, `row_id`)',
    );
    expect(messages).toContain(
      '`events[0].metrics.爆款数` has an unknown field `wher`; did you mean `where`? (known: `agg`, `column`, `where`, `when`, `per`, `across`, `weeks`, `growth`, `negatives`)',
    );
  });

  it('stops a run with the file, line and column', async () => {
    const file = write(
      'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: export.csv\n    missing_row: default\n',
    );
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:5:5: error[data_mapping_unknown_key]: unknown key \`missing_row\` in \`sources[0]\`\n  help: did you mean \`missing_rows\`? allowed keys: ${SOURCE_KEYS}`,
    );
  });
});
