// What a month's exports mean, reproduced with the bundled policies and sample data: a ratio
// written without %, a default that would hide a missing column or a missing source row, and a
// totals row at the bottom of an export. Each is refused (exit 1) or read in one documented way.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const LIVESTREAM = 'policies/livestream-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const tempDir = () => mkdtempSync(join(tmpdir(), 'yardstick-reading-'));

/** A copy of `from` with one exact piece of text replaced (it must be there). */
function edited(dir: string, from: string, name: string, find: string, replace: string): string {
  const text = readFileSync(from, 'utf8');
  expect(text).toContain(find);
  const file = join(dir, name);
  writeFileSync(file, text.replace(find, replace));
  return file;
}

describe('the header printed again after a page break', () => {
  it('is skipped with a warning in whole-file and streamed runs, which score the same people', async () => {
    const dir = tempDir();
    const header = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0]!;
    // row 4 (SV0003's) is now the header again; SV0003 follows on row 5
    const file = edited(dir, SAMPLE, 'sv.csv', '\nSV0003,', `\n${header}\nSV0003,`);
    const warning =
      `${file}:4: warning[data_header_repeated]: row 4 repeats the header, as an export does after a page break, and is skipped\n` +
      '  at row 4, column `工号`, value `工号`\n';
    // the sample month has two records to leave out (rows 14 and 56 of it)
    const run = (data: string, format: string) =>
      yardstick('run', FLAGSHIP, '--data', data, '--format', format, '--exclude-invalid');
    const whole = await run(file, 'table');
    const streamed = await run(file, 'csv');
    const plain = await run(SAMPLE, 'csv');
    for (const r of [whole, streamed]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(warning);
    }
    expect(streamed.stdout).toBe(plain.stdout);
  });

  it('the header again with two columns swapped (a second export pasted below) refuses the file, with --exclude-invalid too', async () => {
    // the rows under it would be read under the first header: SV0003's 33.1% 完播率 as its 点赞量
    const dir = tempDir();
    const header = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .replace('点赞量,完播率', '完播率,点赞量');
    const file = edited(dir, SAMPLE, 'sv.csv', '\nSV0003,', `\n${header}\nSV0003,`);
    const error =
      `${file}:4: error[data_header_repeated]: row 4 is a header again, with its columns in another order (column \`点赞量\` holds \`完播率\` there): a second export pasted below the first, whose rows would be read under the first header’s columns\n` +
      '  at row 4, column `点赞量`, value `完播率`\n' +
      '  help: put each export in a file of its own (a data mapping can join them), or move the second export’s columns into the first one’s order and delete its header row\n';
    for (const format of ['table', 'csv', 'json']) {
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        file,
        '--format',
        format,
        '--exclude-invalid',
        '--lang',
        'en',
      );
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toContain(error);
    }
  });
});

describe('the header again, spelled with an alias', () => {
  // 播放数 is an alias of 播放量: the second header was taken for an employee's row, refused cell by
  // cell, and with --exclude-invalid the rows below it were paid on the swapped columns (breaker 129)
  const header = () =>
    readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .replace('播放量', '播放数');

  it('in another column order refuses the file, with --exclude-invalid too', async () => {
    const dir = tempDir();
    const file = edited(
      dir,
      SAMPLE,
      'sv.csv',
      '\nSV0003,',
      `\n${header().replace('点赞量,完播率', '完播率,点赞量')}\nSV0003,`,
    );
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid', '--lang', 'en');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain(
      `${file}:4: error[data_header_repeated]: row 4 is a header again, with its columns in another order (column \`点赞量\` holds \`完播率\` there)`,
    );
  });

  it('in its own order is skipped as the header printed again', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, 'sv.csv', '\nSV0003,', `\n${header()}\nSV0003,`);
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:4: warning[data_header_repeated]: row 4 repeats the header`);
    expect(r.stdout).toBe(
      (await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--exclude-invalid', '--lang', 'en'))
        .stdout,
    );
  });
});

describe('a ratio written without %', () => {
  it('33.1 in 完播率 beside fractions such as 0.412 is refused (it used to score as 3310 %)', async () => {
    const dir = tempDir();
    // SV0003 (row 4) had 33.1%; SV0005 (row 6) is the column's first plain fraction
    const file = edited(
      dir,
      SAMPLE,
      'sv.csv',
      'SV0003,董宇,编导,短视频一组,初创期,2026-10,18,"1,904,320",3.3w,33.1%,',
      'SV0003,董宇,编导,短视频一组,初创期,2026-10,18,"1,904,320",3.3w,33.1,',
    );
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${file}:6: error[data_mixed_ratio_notation]: column \`完播率\` (completion_rate) writes ratios two ways: \`0.412\` (row 6) is a fraction, \`33.1\` (row 4) is percent points\n` +
        '  at row 6, column `完播率`, value `0.412`\n' +
        '  help: write every cell one way: as a fraction (0.453) or with a % sign (45.3%); if the export writes percent points, set `ratio_format: percent_points` and fix the fraction cells',
    );
  });

  it('data inspect names the mixed column, with its two example rows', async () => {
    const dir = tempDir();
    const file = edited(
      dir,
      SAMPLE,
      'sv.csv',
      'SV0003,董宇,编导,短视频一组,初创期,2026-10,18,"1,904,320",3.3w,33.1%,',
      'SV0003,董宇,编导,短视频一组,初创期,2026-10,18,"1,904,320",3.3w,33.1,',
    );
    const r = await yardstick('data', 'inspect', file, '--policy', FLAGSHIP);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `  the file cannot be used:\n    ${file}:6: error[data_mixed_ratio_notation]: column \`完播率\` (completion_rate) writes ratios two ways: \`0.412\` (row 6) is a fraction, \`33.1\` (row 4) is percent points\n`,
    );
  });

  it('退货率 14.0 in the livestream sample is refused the same way (it used to make LS0002 a C with an improvement plan)', async () => {
    const dir = tempDir();
    const file = edited(
      dir,
      'examples/livestream-2026-10.csv',
      'ls.csv',
      'LS0002,孙晨,主播,直播一组,初创期,2026-10,"¥680,000",80万,7162,3.2%,00:02:03,14.0%,',
      'LS0002,孙晨,主播,直播一组,初创期,2026-10,"¥680,000",80万,7162,3.2%,00:02:03,14.0,',
    );
    const r = await yardstick('run', LIVESTREAM, '--data', file, '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:17: error[data_mixed_ratio_notation]: column \`退货率\` (return_rate) writes ratios two ways: \`0.110\` (row 17) is a fraction, \`14.0\` (row 3) is percent points`,
    );
  });

  it('a column written in percent points throughout is an error at each cell, whose help says what to write', async () => {
    const dir = tempDir();
    const file = join(dir, 'points.csv');
    writeFileSync(
      file,
      '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数\nE1,张三,剪辑师,二组,成熟期,2026-10,95,90,60%,1000,50,500,0\n',
    );
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2: error[data_out_of_range]: \`24小时交付率\` must be between 0 and 1, got \`95\`\n` +
        '  at row 2, column `24小时交付率`, value `95`\n' +
        '  help: write `95%` if it means 95 %, or set `ratio_format: percent_points` on the metric (or on the column in a data mapping) if the export writes percent points',
    );
  });
});

describe("a metric's default does not hide a missing column or row", () => {
  it('renaming 违规次数 to 违规数 refuses the file instead of dropping the violations veto', async () => {
    const dir = tempDir();
    const file = edited(dir, SAMPLE, 'renamed.csv', ',粉丝互动率,违规次数\n', ',粉丝互动率,违规数\n');
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:1: error[data_missing_column]: the file has no column for \`违规次数\` (violations), which 运营经理, 编导, 剪辑师, 演员/主播 need; its \`default\` fills empty cells, not a missing column\n` +
        '  help: add a column named `违规次数`, or set `default_when_missing_column: true` on the metric if a file without it means 0 for everyone',
    );
  });

  /** A month from three CSV files: SV0001 (运营经理) and SV0004 (编导); the review sheet has SV0004 only. */
  function mapping(dir: string, extra = ''): string {
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const cols = header.split(',');
    const pick = rows.filter((r) => r.startsWith('SV0001,') || r.startsWith('SV0004,'));
    const cells = pick.map((r) => r.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')));
    const take = (names: string[], who: string[][]) =>
      [names.join(','), ...who.map((c) => names.map((n) => c[cols.indexOf(n)]).join(','))].join('\n') + '\n';
    writeFileSync(join(dir, 'roster.csv'), take(['工号', '姓名', '岗位', '团队', '阶段'], cells));
    writeFileSync(
      join(dir, 'export.csv'),
      take(
        cols.filter((c) => !['姓名', '岗位', '团队', '阶段', '月份', '违规次数'].includes(c)),
        cells,
      ),
    );
    writeFileSync(
      join(dir, 'review.csv'),
      take(
        ['工号', '违规次数'],
        cells.filter((c) => c[0] === 'SV0004'),
      ),
    );
    const file = join(dir, 'month.data.yaml');
    writeFileSync(
      file,
      `period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: export.csv\n  - file: review.csv\n${extra}`,
    );
    return file;
  }

  it('an employee with no row in the review sheet is not given the default', async () => {
    const dir = tempDir();
    const r = await yardstick('run', FLAGSHIP, '--data', mapping(dir));
    expect(r.code).toBe(1);
    // at SV0001's roster row (review.csv's row 2 is SV0004's)
    expect(r.stderr).toContain('roster.csv:2: warning[data_no_data]: `SV0001` has no row in `review.csv`');
    expect(r.stderr).toContain(
      'roster.csv:2: error[data_no_row]: `SV0001` has no row in `review.csv`, which gives `违规次数`',
    );
    expect(r.stderr).toContain('error: 1 record(s) cannot be scored');
  });

  it('a review sheet writing `SV1` for the roster’s `SV0001` says so at both: the unmatched row and the person left out', async () => {
    const dir = tempDir();
    const file = mapping(dir);
    writeFileSync(join(dir, 'review.csv'), `${readFileSync(join(dir, 'review.csv'), 'utf8')}SV1,0\n`);
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'review.csv:3: warning[data_unmatched_row]: row matches nobody in the roster: `SV1`\n' +
        '  at row 3, column `工号`, value `SV1`\n' +
        '  help: the roster has `SV0001` (row 2): the same letters and number with or without leading zeros; keys are not joined across spellings, so if they are one person write the key as the roster has it',
    );
    expect(r.stderr).toContain(
      'roster.csv:2: error[data_no_row]: `SV0001` has no row in `review.csv`, which gives `违规次数`\n' +
        '  at row 2, column `工号`, value `SV0001`\n' +
        '  help: `review.csv` row 3 has `SV1`, which matches nobody and differs from this key only by leading zeros: keys are not joined across spellings, so if it is this person write the key as the roster has it (a number-like key column formatted as text before export keeps its zeros)',
    );
  });

  it('the mapping can say that no row means the default: missing_rows: default, and data inspect lists it', async () => {
    const dir = tempDir();
    const file = mapping(dir, '    missing_rows: default\n');
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(0);
    const inspect = await yardstick('data', 'inspect', file, '--policy', FLAGSHIP);
    expect(inspect.code).toBe(0);
    const lines = inspect.stdout.split('\n');
    expect(lines.slice(lines.indexOf('  defaults applied (1):'), lines.indexOf('  defaults applied (1):') + 4)).toEqual(
      [
        '  defaults applied (1):',
        '    违规次数 (violations) = 0: 1 record(s)',
        '      roster.csv row 2 · SV0001 · no row in review.csv',
        '  records: 2 can be scored, 0 cannot',
      ],
    );
  });

  it('a wrong missing_rows value is refused', async () => {
    const dir = tempDir();
    const r = await yardstick('run', FLAGSHIP, '--data', mapping(dir, '    missing_rows: zero\n'));
    expect(r.code).toBe(1);
    // line 6 is `    missing_rows: zero`: the value starts at column 19
    expect(r.stderr).toContain(
      `${join(dir, 'month.data.yaml')}:6:19: error[data_mapping_shape]: \`sources[1].missing_rows\` must be \`error\` (an employee without a row in it is an error, the default) or \`default\` (their metrics from it take the metric's default), not \`zero\``,
    );
  });

  it('data inspect lists each default it applied, by metric, with file, row and employee', async () => {
    const dir = tempDir();
    const file = join(dir, 'two.csv');
    writeFileSync(
      file,
      '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数\nE1,张三,剪辑师,二组,成熟期,2026-10,95%,90,60%,1000,50,500,\nE2,李四,剪辑师,二组,成熟期,2026-10,95%,90,60%,1000,50,500,1\nE3,王五,剪辑师,二组,成熟期,2026-10,95%,90,60%,1000,50,500,\n',
    );
    const r = await yardstick('data', 'inspect', file, '--policy', FLAGSHIP);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `  defaults applied (2):\n    违规次数 (violations) = 0: 2 record(s)\n      ${file} row 2 · E1 · empty cell\n      ${file} row 4 · E3 · empty cell\n  records: 3 can be scored, 0 cannot\n`,
    );
  });
});

describe('a totals row at the bottom of an export', () => {
  it('in a joined export, is skipped with one note instead of an unmatched row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), '工号,姓名,岗位,团队,阶段\nE1,张三,剪辑师,二组,成熟期\n');
    writeFileSync(
      join(dir, 'export.csv'),
      '工号,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数\nE1,95%,90,60%,1000,50,500,0\n合计,,,,1000,50,500,0\n',
    );
    const file = join(dir, 'month.data.yaml');
    writeFileSync(file, 'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: export.csv\n');
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'export.csv:3: warning[data_totals_row]: row 3 is a totals row (`合计`), not an employee, and is skipped\n  at row 3, column `工号`, value `合计`',
    );
    expect(r.stderr).not.toContain('data_unmatched_row');
  });

  it('is skipped with one note, and the month comes out as without it', async () => {
    const dir = tempDir();
    const file = join(dir, 'with-total.csv');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8') + '合计,,,,,,5234,"123,456,789",,,,,,,,,,,,,,,12\n');
    const without = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--exclude-invalid');
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(without.stdout);
    expect(r.stderr).toContain(
      `${file}:202: warning[data_totals_row]: row 202 is a totals row (\`合计\`), not an employee, and is skipped\n  at row 202, column \`工号\`, value \`合计\``,
    );
    // the sample's own two bad rows, and not the totals row
    expect(r.stderr).toContain('注意：2 条记录有数据问题，未计入结果和合计：');
  });
});

describe('rows, months and pay bases that could mean two things', () => {
  it('an unquoted 2,266,926 makes a row of 25 cells against 23: refused at that row, the same whole and streamed', async () => {
    const dir = tempDir();
    const file = edited(
      dir,
      SAMPLE,
      'sv.csv',
      'SV0002,吴艳桐,运营经理,短视频一组,初创期,2026-10,31,"2,266,926",',
      'SV0002,吴艳桐,运营经理,短视频一组,初创期,2026-10,31,2,266,926,',
    );
    const message = `${file}:3: error[data_row_length]: row 3 has 25 cells but the header has 23: the 2 cells past the header are empty, but a cell earlier in the row may have been split`;
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(whole.code).toBe(0);
    expect(whole.stderr).toContain(message);
    expect(whole.stderr).toContain(
      'help: a number with thousands separators must be quoted ("1,500,000"), or the export is broken: every row has as many cells as the header',
    );
    expect(whole.stdout).not.toContain('SV0002');
    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const streamed = await yardstick(
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
      expect(streamed.code).toBe(0);
      expect(streamed.stderr).toContain(message);
      expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    }
    const refused = await yardstick('run', FLAGSHIP, '--data', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(message);
  });

  it('--period 2026-11 on a file whose 月份 says 2026-10 is refused, naming both, whole and streamed', async () => {
    const dir = tempDir();
    const whole = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--period', '2026-11');
    expect(whole.code).toBe(1);
    expect(whole.stdout).toBe('');
    expect(whole.stderr).toContain(
      `${SAMPLE}:2: error[data_period_mismatch]: 月份 \`2026-10\` is 2026-10, but the period given for the file is 2026-11`,
    );
    const out = join(dir, 'out.csv');
    const streamed = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--period',
      '2026/11',
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(streamed.code).toBe(1);
    expect(streamed.stderr).toContain(
      `${SAMPLE}:2: error[data_period_mismatch]: 月份 \`2026-10\` is 2026-10, but the period given for the file is 2026-11`,
    );
    // with --record nothing is recorded, even with --exclude-invalid: every row is for another month
    const ledger = join(dir, 'ledger.jsonl');
    const recorded = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--period',
      '2026-11',
      '--exclude-invalid',
      '--record',
      '--ledger',
      ledger,
    );
    expect(recorded.code).toBe(1);
    expect(recorded.stderr).toContain('error[data_period_mismatch]');
    expect(existsSync(ledger)).toBe(false);
    // the same month spelled another way is the same month
    const same = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--period',
      '2026/10',
      '--format',
      'csv',
      '--exclude-invalid',
    );
    expect(same.code).toBe(0);
  });
});
