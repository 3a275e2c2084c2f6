// The problems a run meets in the data follow --error-format and --lang like the error itself:
// with --error-format json a refused month's cells are JSON diagnostics (file, row, column, raw
// value) after the error, not text lines before a JSON that said only "2 records cannot be scored";
// a month run with --exclude-invalid gives the left-out records' problems as the JSON document.
// `data sql` and `rollup` printed their problems in English whatever --lang said.

import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

type Json = {
  diagnostics: {
    code: string;
    message: string;
    file?: string;
    cell?: { row: number; column: string; value: string };
  }[];
};

describe('--error-format json', () => {
  it('gives a refused month its records’ problems with file, row, column and raw value, and nothing else on stderr', async () => {
    const r = await yardstickAsIs('run', POLICY, '--data', SAMPLE, '--error-format', 'json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const json = JSON.parse(r.stderr) as Json;
    expect(json.diagnostics.map((d) => [d.code, d.file, d.cell?.row, d.cell?.column, d.cell?.value])).toEqual([
      ['cli_records_refused', undefined, undefined, undefined, undefined],
      ['data_missing_metric', SAMPLE, 14, '完播率', ''],
      ['data_not_a_number', SAMPLE, 56, '发布视频数', '12..5'],
    ]);
    expect(json.diagnostics[2]!.message).toBe('`12..5` is not a number');
  });

  it('gives the left-out records’ problems as the JSON document of a run that succeeds (--exclude-invalid)', async () => {
    const r = await yardstickAsIs(
      'run',
      POLICY,
      '--data',
      SAMPLE,
      '--exclude-invalid',
      '--format',
      'csv',
      '--error-format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBe(1 + 198 + 1); // header, 198 employees, the final line break
    const json = JSON.parse(r.stderr) as Json;
    expect(json.diagnostics.map((d) => [d.code, d.cell?.row, d.message])).toEqual([
      ['data_missing_metric', 14, '岗位 `编导` 缺少 `完播率`（completion_rate）'],
      ['data_not_a_number', 56, '无法读取的值：`12..5` 不是数字'],
    ]);
  });

  it('gives a data mapping of the wrong shape as JSON with its line and column', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-problems-')), 'month.data.yaml');
    writeFileSync(file, 'roster: { file: 花名册.xlsx }\nsources: 导出.csv\n');
    const r = await yardstickAsIs('run', POLICY, '--data', file, '--error-format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stderr) as {
      diagnostics: { code: string; message: string; span?: { line: number; column: number } }[];
    };
    expect(json.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message])).toEqual([
      ['cli_data_unfit', undefined, undefined, `${file}：无法读取数据，或数据与政策不符`],
      ['data_mapping_shape', 2, 10, '数据映射写法有误：`sources` 应为文件列表，而不是`导出.csv`'],
    ]);
  });
});

describe('the language of problems', () => {
  it('data sql gives a mapping’s problems in Chinese by default', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-problems-')), 'month.data.yaml');
    writeFileSync(file, 'roster: { file: 花名册.xlsx }\nsources: 导出.csv\n');
    const r = await yardstickAsIs('data', 'sql', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2:10: error[data_mapping_shape]: 数据映射写法有误：\`sources\` 应为文件列表，而不是\`导出.csv\``,
    );
  });

  it('rollup gives a roll-up policy’s problems after the error, in English with --lang en, and as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-problems-'));
    const file = join(dir, 'annual-review.yaml');
    copyFileSync('policies/livestream-team.yaml', join(dir, 'livestream-team.yaml'));
    // `min_month` for `min_months`, on line 15 of the bundled roll-up policy
    writeFileSync(
      file,
      readFileSync('policies/annual-review.yaml', 'utf8').replace('  min_months: 6', '  min_month: 6'),
    );
    const r = await yardstickAsIs('rollup', file, '--period', '2026', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  help:'))).toEqual([
      `error: ${file}: the policy has 2 problem(s)`,
      `${file}:11:1: error[schema_missing_key]: \`rollup\` is missing required key \`min_months\``,
      `${file}:15:3: error[schema_unknown_key]: unknown key \`min_month\` in \`rollup\``,
    ]);
    const json = JSON.parse(
      (await yardstickAsIs('rollup', file, '--period', '2026', '--error-format', 'json')).stderr,
    ) as {
      diagnostics: { code: string; span?: { line: number; column: number } }[];
    };
    expect(json.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([
      ['cli_policy_invalid', undefined, undefined],
      ['schema_missing_key', 11, 1],
      ['schema_unknown_key', 15, 3],
    ]);
  });
});
