// The yardstick command: exit codes, messages, formats and never a half-written output file.

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { yardstick, yardstickAsIs } from '../yardstick.js';
import resultSchema from '../../schemas/result.schema.json' with { type: 'json' };

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yardstick-cli-'));
}

describe('yardstick --version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it.each(['--version', '-V'])('%s prints the version in package.json and exits 0', async (flag) => {
    const r = await yardstick(flag);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('yardstick validate', () => {
  it('exits 0 on every bundled policy', async () => {
    const r = await yardstick(
      'validate',
      'policies/short-video-team.yaml',
      'policies/livestream-team.yaml',
      'policies/content-three-dimension.yaml',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok  policies/short-video-team.yaml: short-video-team v1.2.0, 4 roles, 2 stages');
  });

  it("says each file's result in the user's language, Chinese by default", async () => {
    const r = await yardstickAsIs('validate', 'policies/short-video-team.yaml', 'policies/short-video-team.test.yaml');
    expect([r.code, r.stdout]).toEqual([
      0,
      'ok  policies/short-video-team.yaml：short-video-team v1.2.0，4 个角色，2 个阶段\n' +
        'ok  policies/short-video-team.test.yaml：policies/short-video-team.yaml 的 10 个测试用例\n',
    ]);
  });

  it('a copy of the flagship with weights summing to 90 and a mistyped metric exits 1 naming both, with lines', async () => {
    const dir = tempDir();
    const text = readFileSync(FLAGSHIP, 'utf8')
      .replace('weight: { startup: 25, mature: 50 }', 'weight: { startup: 15, mature: 50 }')
      .replace('metric: completion_rate\n', 'metric: completon_rate\n');
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, text);
    const lines = text.split('\n');
    const indicatorsLine = lines.indexOf('    indicators:') + 1; // ops_manager's indicators
    const metricLine = lines.findIndex((l) => l.includes('completon_rate')) + 1;
    const r = await yardstick('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:${indicatorsLine}:5: error[policy_weights_sum]: weights of \`roles.ops_manager.indicators\` sum to 90 for stage \`startup\`, not 100`,
    );
    expect(r.stderr).toContain(
      `${file}:${metricLine}:17: error[policy_unknown_metric]: unknown metric \`completon_rate\` in indicator \`completion\``,
    );
    expect(r.stderr).toContain('help: did you mean `completion_rate`?');
    expect(r.stdout).toBe(`err ${file}: 2 problem(s)\n`);
  });

  it('a missing file is an input error', async () => {
    const r = await yardstick('validate', 'policies/nope.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot read policy `policies/nope.yaml`: no such file');
  });

  it('json format lists the diagnostics for tools', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'policy: x\n');
    const r = await yardstick('validate', '--format', 'json', file);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics[0]).toMatchObject({
      code: 'schema_missing_key',
      severity: 'error',
      file,
      span: { line: 1, column: 1 },
    });
  });
});

describe('command-line mistakes', () => {
  it('an unknown command exits 2', async () => {
    expect((await yardstick('frobnicate')).code).toBe(2);
  });

  it('run without --data exits 2 and says what is missing', async () => {
    const r = await yardstick('run', FLAGSHIP);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--data <file>' not specified");
  });

  it('an unknown format exits 2', async () => {
    expect((await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'pdf')).code).toBe(2);
  });
});

describe('yardstick run', () => {
  it('json output validates against schemas/result.schema.json and its total is the sum of the scorecards', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'json', '--exclude-invalid');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const ajv = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
    const valid = ajv.validate(resultSchema, result);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const fen = result.scorecards.reduce(
      (s: number, c: { payout: { total: number } }) => s + Math.round(c.payout.total * 100),
      0,
    );
    expect(Math.round(result.summary.payout_total * 100)).toBe(fen);
    expect(result.summary.payable_total + result.summary.held_total).toBeCloseTo(result.summary.payout_total, 9);
    for (const c of result.scorecards) {
      const lines = c.payout.lines.reduce((s: number, l: { amount: number }) => s + Math.round(l.amount * 100), 0);
      expect(Math.round(c.payout.total * 100)).toBe(lines);
    }
    expect(result.summary.employees + result.summary.excluded).toBe(result.scorecards.length + result.excluded.length);
  });

  it('the table has Chinese headers, ¥ amounts and a summary', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('短视频团队月度绩效考核 v1.2.0 · 2026-10');
    expect(r.stdout).toMatch(/^工号\s+姓名\s+团队\s+岗位\s+阶段\s+得分\s+等级\s+档位\s+应发\s+状态\s+触发$/m);
    expect(r.stdout).toMatch(/^应发合计：¥[\d,]+\.\d\d（可发 ¥[\d,]+\.\d\d，暂扣 ¥[\d,]+\.\d\d，\d+ 人）$/m);
  });

  it('--out writes the file atomically and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'result.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--out', out, '--exclude-invalid');
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF工号,姓名,团队,岗位,阶段,基础得分,得分,等级,档位,应发,状态,暂扣原因,触发\r\n')).toBe(
      true,
    );
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });

  it('an invalid policy writes no output file', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, readFileSync(FLAGSHIP, 'utf8').replace('weight: 40\n', 'weight: 45\n'));
    const out = join(dir, 'out.json');
    const r = await yardstick('run', policy, '--data', SAMPLE, '--format', 'json', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[policy_weights_sum]');
    expect(existsSync(out)).toBe(false);
  });

  it('an output folder that does not exist is a clear input error', async () => {
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--out',
      '/nonexistent-dir/x.txt',
      '--exclude-invalid',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: cannot write `/nonexistent-dir/x.txt`: the folder `/nonexistent-dir` does not exist\n' +
        '  help: create the folder first, or write to an existing folder',
    );
  });

  it('a data file in GBK, as Excel on Chinese Windows saves it, gives the same result as UTF-8', async () => {
    const dir = tempDir();
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode(readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), 'gbk'));
    const gbk = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'json', '--exclude-invalid');
    const utf8 = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'json', '--exclude-invalid');
    expect(gbk.code).toBe(0);
    // the same result; only the provenance differs, as the two files' bytes (and so hashes) do
    const strip = (text: string) => ({
      ...JSON.parse(text.replaceAll(file, 'F').replaceAll(SAMPLE, 'F')),
      provenance: undefined,
    });
    expect(strip(gbk.stdout)).toEqual(strip(utf8.stdout));
  });

  it('--encoding utf-8 on a GBK file is an input error with advice', async () => {
    const dir = tempDir();
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode('工号,姓名\n', 'gbk'));
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--encoding', 'utf-8');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${file}:1: error[data_encoding]: the file is not valid UTF-8 text\n  help: save it from Excel as "CSV UTF-8", or name the encoding with --encoding utf-8|gbk|gb18030\nerror: ${file}: the data cannot be read, or does not fit the policy`,
    );
  });

  it("a policy saved as GBK (Notepad's ANSI on Chinese Windows) is refused with how to save it as UTF-8, not with --encoding, which policies do not take", async () => {
    const dir = tempDir();
    const file = join(dir, 'p.yaml');
    writeFileSync(file, iconv.encode(readFileSync(FLAGSHIP, 'utf8'), 'gbk'));
    const r = await yardstick('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: policy \`${file}\`: the file is not valid UTF-8 text\n  help: a YAML file is read as UTF-8: save it as UTF-8 (in Notepad, Save as → Encoding: UTF-8), not as ANSI/GBK or Unicode (UTF-16)`,
    );
    // and in Chinese throughout, the encoding's name the only word that stays
    const zh = await yardstickAsIs('validate', file);
    expect(zh.stderr).toBe(
      `error: 政策 \`${file}\` 不是有效的 UTF-8 文本\n  提示：YAML 文件按 UTF-8 读取：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8），不要存为 ANSI/GBK 或 Unicode（UTF-16）`,
    );
  });

  it('English output with --lang en', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--lang', 'en', '--exclude-invalid');
    expect(r.stdout).toMatch(/^id\s+name\s+team\s+role\s+stage\s+score\s+grade\s+tier\s+payout\s+status\s+triggers$/m);
    expect(r.stdout).toMatch(/^payout total: ¥/m);
  });

  it('refuses data with records that cannot be scored, listing them, and writes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'json', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'examples/sample-2026-10.csv:56: error[data_not_a_number]: `12..5` is not a number\n  at row 56, column `发布视频数`, value `12..5`',
    );
    expect(r.stderr.split('\n').at(-1)).toBe(
      'error: 2 record(s) cannot be scored; fix the data, or run again with --exclude-invalid to leave them out of the results and totals',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--exclude-invalid leaves those records out and says so', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('注意：2 条记录有数据问题，未计入结果和合计：');
  });
});

describe('exports for Excel', () => {
  const CRAFTED = `工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数
E1,=HYPERLINK("http://x"),剪辑师,@组,成熟期,2026-10,95%,90,60%,1000,50,500,
`;

  it('neutralises cells that could run as formulas, in CSV and in XLSX', async () => {
    const dir = tempDir();
    const data = join(dir, 'crafted.csv');
    writeFileSync(data, CRAFTED);
    expect(
      (await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--out', join(dir, 'r.csv'))).code,
    ).toBe(0);
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    expect(
      csv.split('\r\n')[1].startsWith(`E1,"'=HYPERLINK(""http://x"")",'@组,剪辑师,成熟期,96,96,A,银牌,4456.00,可发,,`),
    ).toBe(true);
    expect(
      (await yardstick('run', FLAGSHIP, '--data', data, '--format', 'xlsx', '--out', join(dir, 'r.xlsx'))).code,
    ).toBe(0);
    const bytes = readFileSync(join(dir, 'r.xlsx'));
    const sheets = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(sheets.map((x) => x.sheet)).toEqual(['结果', '汇总']);
    // 100 × 40% + 90 × 40% + 100 × 20% = 96 → A, silver: 3000 × 96% = 2880 + 576 + 1000 = 4456
    expect(sheets[0].data[1]).toEqual([
      'E1',
      `'=HYPERLINK("http://x")`,
      "'@组",
      '剪辑师',
      '成熟期',
      96,
      96,
      'A',
      '银牌',
      4456,
      '可发',
      null,
      null,
    ]);
  });

  it('--format xlsx needs --out', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'xlsx', '--exclude-invalid');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --format xlsx writes a workbook: give it a file with --out results.xlsx');
  });
});

describe('yardstick explain', () => {
  it('an unknown employee id exits 1 naming the file', async () => {
    const r = await yardstick('explain', FLAGSHIP, '--data', SAMPLE, '--employee', 'XX9999');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: unknown employee id `XX9999` in `examples\/sample-2026-10.csv`\n {2}help: the file has \d+ employees, e\.g\. `SV0001`/,
    );
  });

  it('an id in the wrong case is suggested in the language of the message', async () => {
    const zh = await yardstickAsIs('explain', FLAGSHIP, '--data', SAMPLE, '--employee', 'sv0001');
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe(
      'error: `examples/sample-2026-10.csv` 中没有工号 `sv0001`\n  提示：是不是 `SV0001`？文件中有 200 名员工，如 `SV0001`、`SV0002`、`SV0003`',
    );
    const en = await yardstickAsIs('explain', FLAGSHIP, '--data', SAMPLE, '--employee', 'sv0001', '--lang', 'en');
    expect(en.stderr).toBe(
      'error: unknown employee id `sv0001` in `examples/sample-2026-10.csv`\n  help: did you mean `SV0001`? the file has 200 employees, e.g. `SV0001`, `SV0002`, `SV0003`',
    );
  });
});

describe('`policies/*.yaml` names the test files too', () => {
  const files = [
    'policies/content-three-dimension.test.yaml',
    'policies/content-three-dimension.yaml',
    'policies/livestream-team.test.yaml',
    'policies/livestream-team.yaml',
    'policies/short-video-team.test.yaml',
    'policies/short-video-team.yaml',
  ];

  it('validate checks a test file as the tests of the policy beside it', async () => {
    const r = await yardstick('validate', ...files);
    expect(r.code).toBe(0);
    // 5, 8 and 10 cases: the `- name:` entries of each file
    expect(r.stdout.split('\n').filter((l) => l.includes('.test.yaml'))).toEqual([
      'ok  policies/content-three-dimension.test.yaml: 5 test case(s) for policies/content-three-dimension.yaml',
      'ok  policies/livestream-team.test.yaml: 8 test case(s) for policies/livestream-team.yaml',
      'ok  policies/short-video-team.test.yaml: 10 test case(s) for policies/short-video-team.yaml',
    ]);
  });

  it('validate refuses a test file whose case cannot be built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-tests-'));
    writeFileSync(join(dir, 'p.yaml'), readFileSync('policies/short-video-team.yaml', 'utf8'));
    writeFileSync(
      join(dir, 'p.test.yaml'),
      'cases:\n  - name: no expectation\n    record: { role: editor, stage: mature }\n',
    );
    const r = await yardstick('validate', join(dir, 'p.test.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`err ${join(dir, 'p.test.yaml')}: case \`no expectation\` has no \`expect:\`\n`);
  });

  it('fmt --check leaves test files to their authors', async () => {
    const r = await yardstick('fmt', '--check', ...files);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });
});
