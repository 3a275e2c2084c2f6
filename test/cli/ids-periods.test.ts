// Issue 11, items 3 and 4, through the command: one month however it is written, one employee
// however the id is written, the same in the whole-file run and the streaming run, and join keys
// written as exports write them.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const tempDir = () => mkdtempSync(join(tmpdir(), 'yardstick-ids-'));

/** The sample's lines (line i is spreadsheet row i + 1), edited, written to `dir`. */
function edited(dir: string, sample: string, edit: (lines: string[]) => void): string {
  const lines = readFileSync(sample, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n');
  edit(lines);
  const file = join(dir, 'edited.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const setId = (lines: string[], i: number, id: string) => (lines[i] = id + lines[i].slice(lines[i].indexOf(',')));
/** Every row's 2026-10 in one of four spellings. */
const mixMonths = (lines: string[]) => {
  const spellings = ['2026-10', '2026/10', '202610', '２０２６-１０'];
  for (let i = 1; i < lines.length; i++) lines[i] = lines[i].replace(',2026-10,', `,${spellings[i % 4]},`);
};
/** stderr of a streaming run without the line naming the file it wrote. */
// what only a streaming run says: the file it wrote, and how many worker threads it used
const withoutWrote = (stderr: string) =>
  stderr.replace(/^已写入 .*\n/m, '').replace(/^note: using \d+ worker threads? instead of \d+: .*\n/m, '');

describe('a month written several ways is one month', () => {
  it('the sample with 2026-10, 2026/10, 202610 and ２０２６-１０ mixed gives exactly the result of the sample, whole and streamed', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, mixMonths);
    const sample = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--exclude-invalid');
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(whole.code).toBe(0);
    expect(whole.stdout).toBe(sample.stdout);
    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        file,
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        workers,
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`已写入 ${out}（198 人）`);
      expect(readFileSync(out, 'utf8')).toBe(sample.stdout);
    }
  });

  it('a forced distribution ranks one cohort, not one per spelling', async () => {
    const dir = tempDir();
    const policy = 'policies/livestream-team.yaml';
    const file = edited(dir, 'examples/livestream-2026-10.csv', mixMonths);
    const sample = await yardstick(
      'run',
      policy,
      '--data',
      'examples/livestream-2026-10.csv',
      '--format',
      'json',
      '--exclude-invalid',
    );
    const mixed = await yardstick('run', policy, '--data', file, '--format', 'json', '--exclude-invalid');
    expect(mixed.code).toBe(0);
    const grades = (stdout: string) =>
      JSON.parse(stdout).scorecards.map((c: { employee_id: string; grade: string; payout: { total: number } }) => [
        c.employee_id,
        c.grade,
        c.payout.total,
      ]);
    expect(JSON.parse(mixed.stdout).period).toBe('2026-10');
    expect(grades(mixed.stdout)).toEqual(grades(sample.stdout));
  });

  it('a 月份 that is a day inside the month is refused at its cell (exit 1)', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, (lines) => (lines[1] = lines[1].replace(',2026-10,', ',2026-10-15,')));
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2: error[data_bad_period]: \`2026-10-15\` is a day, not a month\n  at row 2, column \`月份\`, value \`2026-10-15\`\n  help: write the month the data measures as YYYY-MM, e.g. 2026-10: a date other than the 1st (an export or payment date) is not read as its month`,
    );
  });

  it('--period is read as a month too, and refused when it is not one (exit 2)', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, (lines) => {
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/^((?:[^,]*,){5})[^,]*,/, '$1');
    });
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--period',
      '2026年10月',
      '--format',
      'json',
      '--exclude-invalid',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe('2026-10');
    const bad = await yardstick('run', FLAGSHIP, '--data', file, '--period', '46296');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: --period: `46296` is an Excel date number (2026-10-01), not a month\n  help: Excel turned the date into a number: format the 月份 column as text (or as a date) before export, or write the month as YYYY-MM, e.g. 2026-10',
    );
  });
});

describe('ids that look the same are one employee', () => {
  // row 4 (SV0003) written ＳＶ０００１: a second row of SV0001
  // rows 6 and 7: SV0005 with a zero-width space, then SV0005: one employee twice
  // row 9 (SV0008) written sv0007: another employee than row 8's SV0007, with a warning
  // row 11 (SV0010) has the 月份 2026-10-15; row 12 (SV0011) an id Excel wrote as 2.02311E+11
  const edit = (lines: string[]) => {
    setId(lines, 3, 'ＳＶ０００１');
    setId(lines, 5, 'SV0005\u200B');
    setId(lines, 6, 'SV0005');
    setId(lines, 8, 'sv0007');
    lines[10] = lines[10].replace(',2026-10,', ',2026-10-15,');
    setId(lines, 11, '2.02311E+11');
  };

  it('refuses the data naming each row (exit 1), and with --exclude-invalid the streaming run says and writes what the whole-file run does', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, edit);
    const refused = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: 8 record(s) cannot be scored');

    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(whole.code).toBe(0);
    expect(whole.stderr.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      `${file}:9: warning[data_id_case]: ids \`SV0007\` (row 8) and \`sv0007\` (row 9) differ only in upper and lower case: they are read as two employees`,
      '注意：8 条记录有数据问题，未计入结果和合计：',
      `${file}:2: error[data_duplicate_employee]: employee \`SV0001\` appears again in row 4: which row is right cannot be told, so neither is scored`,
      `${file}:4: error[data_duplicate_employee]: employee \`SV0001\` already appears in row 2 (written \`SV0001\` there, \`ＳＶ０００１\` here)`,
      `${file}:6: error[data_duplicate_employee]: employee \`SV0005\` appears again in row 7: which row is right cannot be told, so neither is scored`,
      `${file}:7: error[data_duplicate_employee]: employee \`SV0005\` already appears in row 6 (written \`SV0005<U+200B>\` there, \`SV0005\` here)`,
      `${file}:11: error[data_bad_period]: \`2026-10-15\` is a day, not a month`,
      `${file}:12: error[data_bad_id]: \`2.02311E+11\` is not an employee id but a number in scientific notation`,
      `${file}:14: error[data_missing_metric]: missing \`完播率\` (completion_rate) for role \`编导\``,
      `${file}:56: error[data_not_a_number]: \`12..5\` is not a number`,
    ]);
    expect(whole.stderr).toContain(
      '  help: Excel turned the id into a number: format the column as text before export',
    );
    // the sample's 198 scorable rows less rows 2 and 4 (SV0001 twice), 6 and 7 (SV0005 twice), 11 and
    // 12; sv0007 is scored as its own employee
    expect(whole.stdout.split('\r\n').filter((l) => l.startsWith('SV') || l.startsWith('sv'))).toHaveLength(192);
    expect(whole.stdout).toContain('\r\nsv0007,');

    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        file,
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        workers,
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`已写入 ${out}（192 人）`);
      expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
      // a person on two rows leaves out both rows, so the file is read whole (the first row may be
      // written by then); with two threads asked for, the run says why it uses one
      const note =
        workers === '2'
          ? 'note: --workers 2 is not used: an employee is on two rows; this run reads the data whole\n'
          : '';
      expect(withoutWrote(r.stderr)).toBe(note + whole.stderr);
    }
  });

  it('streams a duplicate whose first spelling sits in another chunk, naming both spellings', async () => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const lines = [header];
    for (let t = 0; t < 40; t++)
      for (const r of rows) lines.push(r.replace(/^SV/, `C${String(t).padStart(2, '0')}-SV`));
    // row 2 written with a zero-width space; row 7,902 (in a later chunk) repeats it plainly
    lines[7901] = lines[1];
    setId(lines, 1, 'C00-SV0001\u200B');
    const file = join(dir, 'big.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const message = `${file}:7902: error[data_duplicate_employee]: employee \`C00-SV0001\` already appears in row 2 (written \`C00-SV0001<U+200B>\` there, \`C00-SV0001\` here)`;
    expect(whole.stderr).toContain(message);
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(message);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });
});

describe('a data mapping joins keys as exports write them', () => {
  const CREATOR = `账号名称,24小时交付率,剪辑质量评分,热点匹配度,粉丝增长率,爆款数,发布视频数,引流线索数,主页访问量,播放量,点赞量,单条最高播放,违规次数
＠ｊｉａ,70%,50,50%,,,,,,80000,2000,20000,0
@ yi,,,,20%,3,20,60,2000,500000,10000,300000,0
`;
  const MAPPING = `period: 2026/10
roster: { file: roster.csv }
sources:
  - file: creator.csv
    key: { column: 账号名称, roster: 抖音账号 }
`;
  const setUp = (roster: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), roster);
    writeFileSync(join(dir, 'creator.csv'), CREATOR);
    writeFileSync(join(dir, 'month.data.yaml'), MAPPING);
    return join(dir, 'month.data.yaml');
  };

  it("＠ｊｉａ and `@ yi` match the roster's @jia and @yi, each said once; the mapping's period 2026/10 is 2026-10", async () => {
    const mapping = setUp(
      '工号,姓名,岗位,团队,阶段,抖音账号\nE1,剪辑甲,剪辑师,一组,成熟期,@jia\nE2,运营乙,运营经理,一组,初创期,@yi\n',
    );
    const r = await yardstick('run', FLAGSHIP, '--data', mapping, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.period).toBe('2026-10');
    // E1: quality 50 → 20, hot topic 50% fails → C, 3000 × 20% = 600; E2: 107.5 → A+, 6450 + 1290 + 1000 = 8740
    expect(
      out.scorecards.map((c: { employee_id: string; grade: string; payout: { total: number } }) => [
        c.employee_id,
        c.grade,
        c.payout.total,
      ]),
    ).toEqual([
      ['E1', 'C', 600],
      ['E2', 'A+', 8740],
    ]);
    expect(r.stderr.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      "creator.csv:2: warning[data_key_normalised]: `＠ｊｉａ` (row 2) is matched to the roster's `@jia` (`roster.csv` row 2)",
      "creator.csv:3: warning[data_key_normalised]: `@ yi` (row 3) is matched to the roster's `@yi` (`roster.csv` row 3)",
    ]);
  });

  it('two roster rows sharing one account are refused naming both rows (exit 1)', async () => {
    const mapping = setUp(
      '工号,姓名,岗位,团队,阶段,抖音账号\nE1,剪辑甲,剪辑师,一组,成熟期,@jia\nE2,运营乙,运营经理,一组,初创期,@JIA\n',
    );
    const r = await yardstick('run', FLAGSHIP, '--data', mapping, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'roster.csv:3: error[data_duplicate_key]: roster rows 2 and 3 both claim the key `@jia` / `@JIA` in `抖音账号`\n  at row 3, column `抖音账号`, value `@JIA`\n  help: each key names one employee: fix the roster so that no two rows share it (keys are compared ignoring case, full-width forms, spaces and invisible characters)',
    );
  });
});
