// A sweep value the month cannot take is no answer. On the pool month of test/money/fixtures (six
// hosts, 上级评分 90, 60, 50, 70, 70, 70; a ¥1,000 pool per team shared by score × pay base among
// grades B and up): a value that leaves someone out — their data outside a metric's swept range, or
// their pay above the per-person limit — used to be summed without them, and could be named as
// fitting the budget. A budget is one month's: a file of two months is refused against it. And a
// month with data problems is refused as `run` refuses it, each problem at its cell.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'test/money/fixtures/pool-policy.yaml';
const DATA = 'test/money/fixtures/month.csv';
const dir = mkdtempSync(join(tmpdir(), 'yardstick-sweep-refusals-'));

describe('yardstick sweep refuses a value that leaves someone out', () => {
  it("a metric's range swept below a value the data holds: E1's 90 is outside 0..80, at the first value", async () => {
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      DATA,
      '--set',
      'metrics.rating.range.1=80..100/10',
      '--budget',
      '¥50,000',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'error: with `metrics.rating.range.1` = 80, 1 record(s) cannot be computed that the policy as written computes; the first: E1 (row 2): `上级评分` must be between 0 and 80, got `90`',
      '  help: a value the month cannot take is no answer: sweep a narrower range (`run` with the policy set to that value lists every record)',
    ]);
  });

  it("a metric's range that still holds every value is swept, each value as `run` runs the policy set to it", async () => {
    // 上级评分 up to 90: a range ending at 90 or 100 reads every row (a rating's points are its share
    // of the range's top, so the total moves); each row is what `run` gives with the range so written
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      DATA,
      '--set',
      'metrics.rating.range.1=90..100/10',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { value: number; payout_total: number }[] }).rows;
    const totals: number[] = [];
    for (const top of [90, 100]) {
      const policy = join(dir, `range-${top}.yaml`);
      writeFileSync(policy, readFileSync(POLICY, 'utf8').replace('range: [0, 100]', `range: [0, ${top}]`));
      const run = await yardstick('run', policy, '--data', DATA, '--format', 'json');
      expect(run.code).toBe(0);
      totals.push((JSON.parse(run.stdout) as { summary: { payout_total: number } }).summary.payout_total);
    }
    expect(rows.map((x) => x.value)).toEqual([90, 100]);
    expect(rows.map((x) => x.payout_total)).toEqual(totals);
    // the policy as written: ¥44,000 (test/money/sweep.test.ts)
    expect(totals[1]).toBe(44_000);
  });

  it('a pool so large that a share passes the per-person limit of ¥100,000,000', async () => {
    // 一组's pool is shared by E1 (90 × 10,000) and E2 (60 × 10,000); E3 (50) is a C, below min_grade B.
    // At ¥200,000,000 E1's share is 200,000,000 × 900,000 / 1,500,000 = 120,000,000, plus pay 9,000 and
    // the star award 1,000: ¥120,010,000.00, above the limit. Left out, the pool goes to E2 alone, whose
    // 200,006,000 is above it too: two records. At ¥100,000,000 E1 has 60,010,000: within the limit.
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      DATA,
      '--set',
      'pools.team.fund.fixed=100000000..200000000/100000000',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'error: with `pools.team.fund.fixed` = 200000000, 2 record(s) cannot be computed that the policy as written computes; the first: E1 (row 2): the total with pool shares is ¥120,010,000.00 for `E1`: above the limit of ¥100,000,000.00 per person',
    );
  });
});

describe('yardstick sweep --exclude-invalid', () => {
  it('lists the records left out, and refuses a value that computes one of them: the people counted would change', async () => {
    // E1's 上级评分 of 120 is outside 0..100: left out by the policy as written; a range up to 120 reads it
    const file = join(dir, 'e1-120.csv');
    writeFileSync(
      file,
      readFileSync(DATA, 'utf8').replace('E1,员工E1,主播,一组,常规,2026-10,90', 'E1,员工E1,主播,一组,常规,2026-10,120'),
    );
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      file,
      '--set',
      'metrics.rating.range.1=100..130/10',
      '--exclude-invalid',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'warning: 1 record(s) have data problems and are left out of the results and totals:',
      `${file}:2: error[data_out_of_range]: \`上级评分\` must be between 0 and 100, got \`120\``,
      '  at row 2, column `上级评分`, value `120`',
      '  help: check the value; the policy declares this range',
      'error: with `metrics.rating.range.1` = 120, 1 record(s) are computed that the policy as written leaves out; the first: E1 (row 2): `上级评分` must be between 0 and 100, got `120`',
      "  help: the people counted would not be the same as the policy as written's: fix their data first, or sweep a range where the same people are computed",
    ]);
  });
});

describe('yardstick sweep --budget', () => {
  it('refuses a file of two months: a budget is one month’s', async () => {
    const [header, ...rows] = readFileSync(DATA, 'utf8').trimEnd().split('\n');
    const file = join(dir, 'two-months.csv');
    writeFileSync(file, [header, ...rows, ...rows.map((l) => l.replace('2026-10', '2026-09'))].join('\n') + '\n');
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      file,
      '--set',
      'pools.team.fund.fixed=0..2000/500',
      '--budget',
      '7000',
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `error: ${file} holds 2 months (2026-09, 2026-10), and a budget is one month's`,
      '  help: sweep one month against the budget: a file of that month alone',
    ]);
  });
});

describe('yardstick sweep on a month with a data problem', () => {
  it('names the cell, as run does, rather than only saying the data does not fit', async () => {
    const file = join(dir, 'abc.csv');
    writeFileSync(
      file,
      readFileSync(DATA, 'utf8').replace('E4,员工E4,主播,二组,常规,2026-10,70', 'E4,员工E4,主播,二组,常规,2026-10,abc'),
    );
    const r = await yardstick(
      'sweep',
      POLICY,
      '--data',
      file,
      '--set',
      'pools.team.fund.fixed=0..2000/500',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:5: error[data_not_a_number]: \`abc\` is not a number\n  at row 5, column \`上级评分\`, value \`abc\``,
    );
  });
});
