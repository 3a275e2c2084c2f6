// A data file of two months holds each person twice, once a month. `run` scores both months and
// adds them up; a statement and an explanation are one person's month, so `statements` and
// `explain` say which months the file holds instead of writing one of them unasked (`explain` gave
// October's statement with no word of November; `statements` refused with "employee ids `E1` and
// `E1` differ only in upper and lower case").
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100.
//   E1 10月 rating 85 → ¥8,500.00; E1 11月 rating 60 → ¥6,000.00; E2 in 10月 only, rating 70.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AFTER_C, moneyPolicy, monthsCsv, TWO_C } from '../money/month.js';
import { yardstick } from '../yardstick.js';

let dir: string;
let policy: string;
let data: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-months-'));
  policy = join(dir, 'policy.yaml');
  data = join(dir, 'two-months.csv');
  writeFileSync(policy, moneyPolicy(''));
  writeFileSync(
    data,
    monthsCsv([
      ['E1', '2026-10', 85],
      ['E2', '2026-10', 70],
      ['E1', '2026-11', 60],
    ]),
  );
});

/** `statements` of November alone, the other month's rows left out (`--period 2026-11 --exclude-invalid`). */
const novemberStatements = (policyFile: string, file: string, out: string) =>
  yardstick('statements', policyFile, '--data', file, '--out', out, '--period', '2026-11', '--exclude-invalid');

describe('statements from a file of two months', () => {
  it('refuses, naming the months and their rows, and writes nothing', async () => {
    const out = join(dir, 'statements');
    const { code, stderr } = await yardstick('statements', policy, '--data', data, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `error: \`${data}\` holds 2 months (2026-10 (2), 2026-11 (1)): statements are written for one month, one per employee\n` +
        "  help: write each month's statements from that month's file, or name the month with --period YYYY-MM and add --exclude-invalid: it is written as `run` scores the whole file, the earlier months its history, and the other months' rows are listed as left out",
    );
    expect(stderr).not.toContain('differ only in upper and lower case');
    expect(existsSync(out)).toBe(false);
  });

  it('writes the month named by --period, the other month’s rows left out', async () => {
    const out = join(dir, 'november');
    const { code } = await novemberStatements(policy, data, out);
    expect(code).toBe(0);
    expect(['E1.html', 'E2.html', 'index.html'].map((f) => existsSync(join(out, f)))).toEqual([true, false, true]);
  });
});

describe('explain from a file of two months', () => {
  it('asks which month when the person is in both', async () => {
    const { code, stdout, stderr } = await yardstick('explain', policy, '--data', data, '--employee', 'E1');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `error: \`E1\` is in 2 months of \`${data}\` (2026-10, 2026-11): explain says one month\n` +
        '  help: name the month with --period YYYY-MM: it is explained as `run` scores the whole file',
    );
  });

  it('explains the month named by --period: November, rating 60 → ¥6,000.00', async () => {
    const { code, stdout } = await yardstick(
      'explain',
      policy,
      '--data',
      data,
      '--employee',
      'E1',
      '--period',
      '2026-11',
      '--lang',
      'zh',
    );
    expect(code).toBe(0);
    // 10,000 × 60 / 100 = 6,000.00
    expect(stdout.split('\n').at(-2)).toBe('合计 ¥6,000.00');
  });

  it('explains a person who is in one month only, as before: E2 in October, rating 70 → ¥7,000.00', async () => {
    const { code, stdout } = await yardstick('explain', policy, '--data', data, '--employee', 'E2', '--lang', 'zh');
    expect(code).toBe(0);
    // 10,000 × 70 / 100 = 7,000.00
    expect(stdout.split('\n').at(-2)).toBe('合计 ¥7,000.00');
  });
});

describe('explain --period of one month of a file of two months', () => {
  // a trigger on the month before: E1 was A in October (85), so November (60, B) fires it when the
  // file is scored whole, as `run` scores it; explained from November's rows alone it did not
  it('explains the month as the whole file scores it, its history taking in the earlier month', async () => {
    const withTrigger = join(dir, 'trigger.yaml');
    writeFileSync(
      withTrigger,
      moneyPolicy(
        [
          'triggers:',
          '  after_a:',
          '    title: 上月为A',
          '    when: { all: [ { fact: previous_grade, operator: equal, value: A } ] }',
          '    action: { type: notify }',
        ].join('\n'),
      ),
    );
    const args = ['--data', data, '--employee', 'E1', '--ledger', join(dir, 'no-ledger.db'), '--format', 'json'];
    const run = JSON.parse(
      (await yardstick('run', withTrigger, ...args.filter((a) => a !== 'E1' && a !== '--employee'))).stdout,
    );
    const november = run.scorecards.find(
      (c: { employee_id: string; period: string }) => c.employee_id === 'E1' && c.period === '2026-11',
    );
    expect(november.triggers.map((t: { id: string }) => t.id)).toEqual(['after_a']);
    const { code, stdout } = await yardstick('explain', withTrigger, ...args, '--period', '2026-11');
    expect(code).toBe(0);
    const card = JSON.parse(stdout);
    // 10,000 × 60 / 100 = 6,000.00, and the trigger, as `run` gives November
    expect([card.period, card.payout.total, card.triggers.map((t: { id: string }) => t.id)]).toEqual([
      '2026-11',
      6000,
      ['after_a'],
    ]);
  });
});

describe('run over a file of two months, as CSV', () => {
  // the CSV had no 月份 column, so E1's two rows (¥8,500.00 in October, ¥6,000.00 in November)
  // could not be told apart in the payroll file (the JSON has `period`)
  it('says each row’s month, after the name', async () => {
    const { code, stdout } = await yardstick('run', policy, '--data', data, '--format', 'csv');
    expect(code).toBe(0);
    const rows = stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      '工号,姓名,月份,团队,岗位,阶段,基础得分,得分,等级,档位,应发,状态,暂扣原因,触发',
    );
    // one row per person and month: 10,000 × 85 / 100 = 8,500.00 and 10,000 × 70 / 100 = 7,000.00 in
    // October; 10,000 × 60 / 100 = 6,000.00 in November
    expect(rows).toEqual([
      'E1,员工E1,2026-10,一组,主播,常规,85,85,A,,8500.00,可发,,',
      'E2,员工E2,2026-10,一组,主播,常规,70,70,B,,7000.00,可发,,',
      'E1,员工E1,2026-11,一组,主播,常规,60,60,B,,6000.00,可发,,',
    ]);
  });
});

describe('run over a file of two months, as the table', () => {
  it('says each row’s month, after the name', async () => {
    const { code, stdout } = await yardstick('run', policy, '--data', data, '--lang', 'zh');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toBe('工号  姓名    月份     团队  岗位  阶段   得分  等级  档位       应发  状态  触发');
    expect(lines.slice(4, 7)).toEqual([
      'E1    员工E1  2026-10  一组  主播  常规  85.00  A           ¥8,500.00',
      'E2    员工E2  2026-10  一组  主播  常规  70.00  B           ¥7,000.00',
      'E1    员工E1  2026-11  一组  主播  常规  60.00  B           ¥6,000.00',
    ]);
  });
});

describe('run over a file of two months, as Markdown', () => {
  it('says each row’s month, after the name, score and payout still right-aligned', async () => {
    const { code, stdout } = await yardstick('run', policy, '--data', data, '--lang', 'zh', '--format', 'md');
    expect(code).toBe(0);
    const table = stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(table).toEqual([
      '| 工号 | 姓名 | 月份 | 团队 | 岗位 | 阶段 | 得分 | 等级 | 档位 | 应发 | 状态 | 触发 |',
      '| --- | --- | --- | --- | --- | --- | ---: | --- | --- | ---: | --- | --- |',
      '| E1 | 员工E1 | 2026-10 | 一组 | 主播 | 常规 | 85.00 | A |  | ¥8,500.00 |  |  |',
      '| E2 | 员工E2 | 2026-10 | 一组 | 主播 | 常规 | 70.00 | B |  | ¥7,000.00 |  |  |',
      '| E1 | 员工E1 | 2026-11 | 一组 | 主播 | 常规 | 60.00 | B |  | ¥6,000.00 |  |  |',
    ]);
  });
});

describe('statements --period of one month of a file of two months', () => {
  // the file's October is November's history, as in `run`: a statement of November written from
  // November's rows alone saw no October (no −5 points after a C, no "two C in a row")
  //   E1: October 50 → C; November 55, the month before C → 55 − 5 = 50 points, C again (two in a row)
  //       10,000 × 50 / 100 = ¥5,000.00
  //   E2: October 90 → A; November 70 → B, 10,000 × 70 / 100 = ¥7,000.00
  //   November's total: 5,000.00 + 7,000.00 = ¥12,000.00
  it('says what `run` says of that month: the points after a C, the trigger, the pay and the total', async () => {
    const withHistory = join(dir, 'history.yaml');
    writeFileSync(withHistory, moneyPolicy(`${AFTER_C(-5)}\n${TWO_C}`));
    const file = join(dir, 'two-months-c.csv');
    writeFileSync(
      file,
      monthsCsv([
        ['E1', '2026-10', 50],
        ['E2', '2026-10', 90],
        ['E1', '2026-11', 55],
        ['E2', '2026-11', 70],
      ]),
    );
    const run = await yardstick('run', withHistory, '--data', file, '--ledger', join(dir, 'no-ledger.db'));
    expect(run.stdout.split('\n').slice(6, 8)).toEqual([
      'E1    员工E1  2026-11  一组  主播  常规  50.00  C           ¥5,000.00        连续两月C',
      'E2    员工E2  2026-11  一组  主播  常规  70.00  B           ¥7,000.00',
    ]);
    const out = join(dir, 'november-history');
    const { code } = await novemberStatements(withHistory, file, out);
    expect(code).toBe(0);
    const text = (name: string) =>
      readFileSync(join(out, name), 'utf8')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ');
    const e1 = text('E1.html');
    expect(e1).toContain(' 总分 50 基础得分 55 ');
    expect(e1).toContain(' 本月绩效应发 ¥5,000.00 ');
    expect(e1).toContain(' 上月为C ');
    expect(e1).toContain(' 连续两月C ：');
    expect(text('E2.html')).toContain(' 本月绩效应发 ¥7,000.00 ');
    expect(text('index.html')).toContain(' 合计 ¥12,000.00 ');
  });
});
