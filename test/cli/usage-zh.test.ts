// Usage errors follow the language: commander's own messages (a choice not offered, a missing
// option, an unknown command) were printed in English under the Chinese default, and the kind of
// a path that is not a file was named in English inside a Chinese sentence.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

/** The first line on stderr, and the exit code. */
async function firstLine(...argv: string[]) {
  const r = await yardstickAsIs(...argv);
  return { code: r.code, line: r.stderr.split('\n')[0] };
}

describe('usage errors in Chinese (the default)', () => {
  it('names a choice not offered, and the choices, in Chinese', async () => {
    expect(await firstLine('run', POLICY, '--data', SAMPLE, '--format', 'xml')).toEqual({
      code: 2,
      line: 'error: 选项 `--format <format>` 的值 `xml` 无效：可选 `table`、`json`、`ndjson`、`csv`、`md`、`xlsx`',
    });
    expect((await firstLine('run', POLICY, '--data', SAMPLE, '--encoding', 'latin1')).line).toBe(
      'error: 选项 `--encoding <encoding>` 的值 `latin1` 无效：可选 `auto`、`utf-8`、`gbk`、`gb18030`',
    );
  });

  it('names a missing required option, a missing value and a missing argument', async () => {
    expect(await firstLine('run', POLICY)).toEqual({ code: 2, line: 'error: 缺少必填选项 `--data <file>`' });
    expect((await firstLine('run', POLICY, '--data')).line).toBe('error: 选项 `--data <file>` 缺少值');
    expect((await firstLine('run', '--data', SAMPLE)).line).toBe('error: 缺少参数 `policy`');
  });

  it('names an unknown command or option, with commander’s suggestion', async () => {
    expect(await firstLine('runn')).toEqual({ code: 2, line: 'error: 未知命令 `runn`（是否想用 `run`？）' });
    expect((await firstLine('run', POLICY, '--data', SAMPLE, '--exclude-invalide')).line).toBe(
      'error: 未知选项 `--exclude-invalide`（是否想用 `--exclude-invalid`？）',
    );
    expect((await firstLine('bogus')).line).toBe('error: 未知命令 `bogus`');
  });

  it('names too many arguments', async () => {
    expect(await firstLine('run', POLICY, 'second.yaml', '--data', SAMPLE)).toEqual({
      code: 2,
      line: 'error: 参数过多（命令 `run`）：应为 1 个，给了 2 个',
    });
  });

  it('stays English under --lang en, as commander writes it', async () => {
    expect((await firstLine('run', POLICY, '--data', SAMPLE, '--format', 'xml', '--lang', 'en')).line).toBe(
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, ndjson, csv, md, xlsx.",
    );
  });

  it('gives the Chinese in the JSON document of --error-format json', async () => {
    const r = await yardstickAsIs('run', POLICY, '--data', SAMPLE, '--format', 'xml', '--error-format', 'json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      diagnostics: [
        {
          code: 'cli_usage',
          severity: 'error',
          message:
            '命令行有误（选项 `--format <format>` 的值 `xml` 无效：可选 `table`、`json`、`ndjson`、`csv`、`md`、`xlsx`）',
        },
      ],
    });
  });
});

describe('the kind of a path that is not a file, in Chinese', () => {
  it('a named pipe given as the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-usage-zh-'));
    const fifo = join(dir, 'month.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await yardstickAsIs('run', POLICY, '--data', fifo);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: 无法读取数据 \`${fifo}\`：它不是普通文件（命名管道（FIFO））`);
  });

  it('a file given to statements as its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-usage-zh-'));
    const file = join(dir, 'statements.csv');
    writeFileSync(file, 'x');
    const r = await yardstickAsIs('statements', POLICY, '--data', SAMPLE, '--exclude-invalid', '--out', file);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: 无法把绩效说明写入 \`${file}\`：它不是文件夹（文件）`);
  });
});
