// A pool and a budget over a data file of two months: each month funds its own pool and is held
// to its own budget (a budget is "per period"), and the lines `run` prints say which month is which.
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100; one pool for everyone, a fixed
// ¥1,000 a month split by score; a budget of ¥15,000 a month, reported.
//
// 10月: E1 85, E2 70. Pool: 100,000 fen × 85 / 155 = 54,838.71 → 54,838 + the fen left (its remainder
//   .71 beats E2's .29) = ¥548.39; E2 100,000 × 70 / 155 = 45,161.29 → ¥451.61 (548.39 + 451.61 = 1,000).
//   E1 8,500 + 548.39 = 9,048.39; E2 7,000 + 451.61 = 7,451.61; month 16,500.00, ¥1,500.00 over 15,000.
// 11月: E1 60, E2 100. Pool: 1,000 × 60 / 160 = ¥375.00; 1,000 × 100 / 160 = ¥625.00.
//   E1 6,000 + 375 = 6,375.00; E2 10,000 + 625 = 10,625.00; month 17,000.00, ¥2,000.00 over.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { moneyPolicy, monthsCsv } from './month.js';

let policy: string;
let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-money-months-'));
  policy = join(dir, 'policy.yaml');
  data = join(dir, 'two-months.csv');
  writeFileSync(
    policy,
    moneyPolicy(
      [
        'pools:',
        '  all:',
        '    title: 全员奖金池',
        '    per: all',
        '    fund: { fixed: 1000 }',
        '    weight: score',
        'budget: { total: 15000 }',
      ].join('\n'),
    ),
  );
  writeFileSync(
    data,
    monthsCsv([
      ['E1', '2026-10', 85],
      ['E2', '2026-10', 70],
      ['E1', '2026-11', 60],
      ['E2', '2026-11', 100],
    ]),
  );
});

describe('a pool and a budget over two months in one file', () => {
  it('funds a pool and holds the budget month by month', async () => {
    const { code, stdout } = await yardstick('run', policy, '--data', data, '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(
      result.scorecards.map((c: { employee_id: string; period: string; payout: { total: number } }) => [
        c.employee_id,
        c.period,
        c.payout.total,
      ]),
    ).toEqual([
      ['E1', '2026-10', 9048.39],
      ['E2', '2026-10', 7451.61],
      ['E1', '2026-11', 6375],
      ['E2', '2026-11', 10625],
    ]);
    // 16,500 + 17,000
    expect(result.summary.payout_total).toBe(33500);
    expect(result.pools.map((p: { period: string; allocated: number }) => [p.period, p.allocated])).toEqual([
      ['2026-10', 1000],
      ['2026-11', 1000],
    ]);
    expect(
      result.budget.lines.map((l: { period: string; result: number; over: number }) => [l.period, l.result, l.over]),
    ).toEqual([
      ['2026-10', 16500, 1500],
      ['2026-11', 17000, 2000],
    ]);
  });

  // the table printed 「奖金池 全员奖金池：¥1,000.00，分给 2 人 ¥1,000.00」
  // and 「预算 ¥15,000.00：应发 ¥16,500.00，超出 ¥1,500.00」 once per month with no month, so the reader
  // could not tell October's ¥1,500.00 over from November's ¥2,000.00
  it('names the month on each pool and budget line under the table', async () => {
    const { stdout } = await yardstick('run', policy, '--data', data, '--lang', 'zh');
    const lines = stdout.split('\n').filter((l) => l.startsWith('奖金池 ') || l.startsWith('预算 '));
    expect(lines).toEqual([
      '奖金池 全员奖金池（2026-10）：¥1,000.00，分给 2 人 ¥1,000.00',
      '奖金池 全员奖金池（2026-11）：¥1,000.00，分给 2 人 ¥1,000.00',
      '预算 ¥15,000.00（2026-10）：应发 ¥16,500.00，超出 ¥1,500.00',
      '预算 ¥15,000.00（2026-11）：应发 ¥17,000.00，超出 ¥2,000.00',
    ]);
  });

  it('says no month on them when the file holds one', async () => {
    const october = join(dirname(data), 'october.csv');
    writeFileSync(
      october,
      monthsCsv([
        ['E1', '2026-10', 85],
        ['E2', '2026-10', 70],
      ]),
    );
    const { stdout } = await yardstick('run', policy, '--data', october, '--lang', 'en');
    const lines = stdout.split('\n').filter((l) => l.startsWith('pool ') || l.startsWith('budget '));
    expect(lines).toEqual([
      'pool 全员奖金池: ¥1,000.00, ¥1,000.00 to 2 people',
      'budget ¥15,000.00: payout ¥16,500.00, ¥1,500.00 over',
    ]);
  });
});
