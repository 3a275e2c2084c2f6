// Header rows as exports write them: a title above the table, a column name with a unit or
// invisible characters, full-width letters. Each is read one documented way or named in the error.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = readFileSync('examples/sample-2026-10.csv', 'utf8').replace(/^\uFEFF/, '');
const write = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'yardstick-headers-')), 'month.csv');
  writeFileSync(file, text);
  return file;
};

describe('a title row above the header', () => {
  it('is named, with the row the header is on, whole-file and streaming', async () => {
    const file = write(`2026年10月短视频团队绩效数据,,,\n${SAMPLE}`);
    const first = `${file}:1: error[data_header_not_first]: the column names are on row 2, not on row 1: the row above is not a header\n  help: delete row 1 (a title or notes above the table), so that 工号, 姓名, 岗位, … are the first row`;
    const whole = await yardstick('run', FLAGSHIP, '--data', file);
    expect(whole.code).toBe(1);
    expect(whole.stderr.startsWith(first)).toBe(true);
    const streamed = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      join(file, '..', 'out.csv'),
    );
    expect(streamed.code).toBe(1);
    expect(streamed.stderr.startsWith(first)).toBe(true);
    // nothing more: the first row's missing columns (「没有「工号」列」) are not the file's, whose
    // 工号 is one row down
    expect(whole.stderr).not.toContain('data_missing_column');
    expect(streamed.stderr).not.toContain('data_missing_column');
  });

  it('two title rows: rows 1–2 are named', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', write(`短视频团队绩效\n导出时间 2026-11-03\n${SAMPLE}`));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'the column names are on row 3, not on row 1: the rows above are not a header\n  help: delete rows 1–2 (a title or notes above the table)',
    );
  });
});

describe('column names', () => {
  it('full-width letters, invisible characters and spaces around a name do not count', async () => {
    const header = SAMPLE.split('\n')[0]!;
    const edited = header
      .replace('工号', 'ＥＭＰＬＯＹＥＥ_ＩＤ')
      .replace('完播率', '完播率\u200B')
      .replace('播放量', ' 播放量 ');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      write(SAMPLE.replace(header, edited)),
      '--exclude-invalid',
      '--format',
      'csv',
    );
    const plain = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('a name with a unit in it is not taken for the metric, but named in the error', async () => {
    const header = SAMPLE.split('\n')[0]!;
    const file = write(SAMPLE.replace(header, header.replace('完播率', '完播率(%)')));
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:1: error[data_missing_column]: the file has no column for \`完播率\` (completion_rate), which 编导 need\n  help: add a column named \`完播率\`; the file has a column \`完播率(%)\`: if it is this metric, add it to the metric's \`aliases\` (and check how it writes the values, e.g. \`ratio_format\`)`,
    );
  });
});
