// Errors are Diagnostics in the user's language: Chinese by default, English with --lang en, and
// JSON on stderr with --error-format json (the exit code stays).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const DATA = 'examples/sample-2026-10.csv';

describe('errors in Chinese by default', () => {
  it('a missing policy file', async () => {
    const r = await yardstickAsIs('validate', 'policies/nope.yaml');
    expect([r.code, r.stderr]).toEqual([1, 'error: 找不到政策文件 `policies/nope.yaml`']);
  });

  it('a git revision that does not exist', async () => {
    const r = await yardstickAsIs('diff', `nope~3:${POLICY}`, POLICY);
    expect([r.code, r.stderr]).toEqual([
      1,
      'error: git 版本 `nope~3` 不存在\n  提示：请使用分支、标签或提交，如 `main` 或 `HEAD~1`',
    ]);
  });

  it('an output that is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-lang-'));
    const r = await yardstickAsIs('run', POLICY, '--data', DATA, '--out', dir);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: 无法写入 \`${dir}\`：这是一个文件夹\n  提示：请给 --out 一个文件名，如 results.csv`,
    ]);
  });

  it('a results ledger that does not exist', async () => {
    const ledger = join(mkdtempSync(join(tmpdir(), 'yardstick-lang-')), 'none.db');
    const r = await yardstickAsIs('history', '--employee', 'SV0001', '--ledger', ledger);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: \`${ledger}\` 处没有结果账本\n  提示：请先用 \`yardstick run … --record\` 记录一个月份，或指定 --ledger`,
    ]);
  });

  it('an unknown employee', async () => {
    const r = await yardstickAsIs('explain', POLICY, '--data', DATA, '--employee', 'XX9999');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: `examples/sample-2026-10.csv` 中没有工号 `XX9999`\n  提示：文件中有 200 名员工，如 `SV0001`、`SV0002`、`SV0003`',
    );
  });

  it('in English with --lang en, as before', async () => {
    const r = await yardstickAsIs('validate', 'policies/nope.yaml', '--lang', 'en');
    expect([r.code, r.stderr]).toEqual([1, 'error: cannot read policy `policies/nope.yaml`: no such file']);
  });
});

describe('--error-format json', () => {
  it('prints the diagnostics as JSON on stderr and keeps the exit code', async () => {
    const ledger = join(mkdtempSync(join(tmpdir(), 'yardstick-lang-')), 'none.db');
    const r = await yardstickAsIs('history', '--employee', 'SV0001', '--ledger', ledger, '--error-format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({
      diagnostics: [
        {
          code: 'io_ledger_missing',
          severity: 'error',
          message: `\`${ledger}\` 处没有结果账本`,
          help: '请先用 `yardstick run … --record` 记录一个月份，或指定 --ledger',
          file: ledger,
        },
      ],
    });
  });

  it('reports a usage error as cli_usage with exit 2', async () => {
    const r = await yardstickAsIs('run', POLICY, '--error-format', 'json', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      diagnostics: [{ code: 'cli_usage', severity: 'error', message: "required option '--data <file>' not specified" }],
    });
  });

  it('validate --format json lists a missing file among the diagnostics', async () => {
    const r = await yardstickAsIs('validate', 'policies/nope.yaml', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'io_not_found',
          severity: 'error',
          message: 'cannot read policy `policies/nope.yaml`: no such file',
          file: 'policies/nope.yaml',
        },
      ],
    });
  });
});

describe('what a run prints on the way follows --lang too', () => {
  it('the records left out, with their cells, in Chinese by default and in English with --lang en', async () => {
    const zh = await yardstickAsIs('run', POLICY, '--data', DATA, '--exclude-invalid', '--format', 'csv');
    expect(zh.code).toBe(0);
    expect(zh.stderr.split('\n').slice(0, 4)).toEqual([
      '注意：2 条记录有数据问题，未计入结果和合计：',
      'examples/sample-2026-10.csv:14: error[data_missing_metric]: 岗位 `编导` 缺少 `完播率`（completion_rate）',
      '  位置：第 14 行，列 `完播率`，值 ``',
      '  提示：请填写完播率，或在政策中给该指标设 `default`',
    ]);
    const en = await yardstickAsIs(
      'run',
      POLICY,
      '--data',
      DATA,
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(en.stderr.split('\n')[0]).toBe(
      'warning: 2 record(s) have data problems and are left out of the results and totals:',
    );
    expect(en.stderr).toContain('examples/sample-2026-10.csv:56: error[data_not_a_number]: `12..5` is not a number');
  });

  it('the same when the run streams to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yardstick-lang-')), 'r.csv');
    const r = await yardstickAsIs('run', POLICY, '--data', DATA, '--exclude-invalid', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'examples/sample-2026-10.csv:56: error[data_not_a_number]: 无法读取的值：`12..5` 不是数字\n  位置：第 56 行，列 `发布视频数`，值 `12..5`',
    );
  });
});

describe('the records left out, at the foot of the table and the Markdown, in the output language', () => {
  it('Chinese by default, English with --lang en', async () => {
    const zh = await yardstickAsIs('run', POLICY, '--data', DATA, '--exclude-invalid');
    expect(zh.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      '排除的记录：',
      '  SV0013 苏红 (examples/sample-2026-10.csv:14): 岗位 `编导` 缺少 `完播率`（completion_rate）',
      '  SV0055 邓梓佳 (examples/sample-2026-10.csv:56): 无法读取的值：`12..5` 不是数字',
    ]);
    const en = await yardstickAsIs('run', POLICY, '--data', DATA, '--exclude-invalid', '--lang', 'en');
    expect(en.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '  SV0013 苏红 (examples/sample-2026-10.csv:14): missing `完播率` (completion_rate) for role `编导`',
      '  SV0055 邓梓佳 (examples/sample-2026-10.csv:56): `12..5` is not a number',
    ]);
    const md = await yardstickAsIs('run', POLICY, '--data', DATA, '--exclude-invalid', '--format', 'md');
    expect(md.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '- SV0013 苏红 (第 14 行): 岗位 `编导` 缺少 `完播率`（completion_rate）',
      '- SV0055 邓梓佳 (第 56 行): 无法读取的值：`12..5` 不是数字',
    ]);
  });
});

// a policy whose YAML breaks at line 4, column 1: `title: [` is never closed
describe("--error-format json for the commands that report a policy's problems on their way", () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-lang-json-'));
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'policy: x\nversion: 1.0.0\ntitle: [\n');
  const where = { file: broken, span: { line: 4, column: 1, endLine: 4, endColumn: 2 } };

  /** The problem as the human format prints it (file:line:col: error[code]: message, then its help). */
  async function asText(...argv: string[]) {
    const r = await yardstickAsIs(...argv);
    const [first, help] = r.stderr.split('\n');
    expect(first).toMatch(new RegExp(`^${broken}:4:1: error\\[yaml_bad_indent\\]: `));
    return { message: first!.replace(/^.*?error\[yaml_bad_indent\]: /, ''), help: help!.replace(/^ {2}提示：/, '') };
  }

  it('validate: the problem in the one JSON document on stderr, the summary on stdout, exit 1', async () => {
    const text = await asText('validate', broken);
    const r = await yardstickAsIs('validate', broken, '--error-format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(`err ${broken}：1 个问题`);
    expect(JSON.parse(r.stderr)).toEqual({
      diagnostics: [{ code: 'yaml_bad_indent', severity: 'error', ...text, ...where }],
    });
  });

  it('validate --format json: the messages in the language asked for (Chinese by default), as on stderr', async () => {
    const text = await asText('validate', broken);
    const r = await yardstickAsIs('validate', broken, '--format', 'json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics[0];
    expect([d.code, d.message, d.help]).toEqual(['yaml_bad_indent', text.message, text.help]);
    expect(text.message.startsWith('YAML 语法有误')).toBe(true);
  });

  it('fmt: the YAML problem in the JSON document, not as text', async () => {
    const text = await asText('fmt', broken);
    const r = await yardstickAsIs('fmt', broken, '--error-format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({
      diagnostics: [{ code: 'yaml_bad_indent', severity: 'error', ...text, ...where }],
    });
  });

  it('test: a policy whose tests cannot run, its problems in the JSON document, not as text', async () => {
    const withTests = join(dir, 'tested.yaml');
    writeFileSync(withTests, 'policy: x\nversion: 1.0.0\ntitle: [\n');
    writeFileSync(
      join(dir, 'tested.test.yaml'),
      'cases:\n  - name: a\n    record: { role: r, stage: s, metrics: {} }\n    expect: { grade: A }\n',
    );
    const r = await yardstickAsIs('test', withTests, '--error-format', 'json');
    expect(r.code).toBe(1);
    // the report in Chinese, as every command speaks by default (it was in English whatever --lang said)
    expect(r.stdout.trim()).toBe('0 个通过，0 个失败，1 个政策的测试无法运行');
    const codes = JSON.parse(r.stderr).diagnostics.map((d: { code: string; span?: unknown }) => [d.code, d.span]);
    expect(codes).toEqual([
      ['cli_policy_invalid', undefined],
      ['yaml_bad_indent', { line: 4, column: 1, endLine: 4, endColumn: 2 }],
    ]);
  });

  it("diff: the broken side's problem and the refusal, both in the JSON document", async () => {
    const r = await yardstickAsIs('diff', POLICY, broken, '--error-format', 'json');
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stderr).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(['cli_diff_side_invalid', 'yaml_bad_indent']);
  });
});
