// `yardstick diff --data` on a file that holds two months. `run` scores each month on its own and
// adds them up (data_mixed_periods); the diff must compare each person's October with their October
// and November with November, so that its money is the difference of the two runs, to the fen.
// (It compared people by employee id alone: the November card replaced the October one, October's
// changes vanished from the totals, the list and the per-change cost, and the breakdown paired
// October's pay before with November's after.)
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100; grades A ≥ 80, B ≥ 60. The new
// version adds the award 明星奖 ¥1,000 at rating ≥ 90.
//
//            rating  old pay     new pay
//   E1 10月    95    ¥9,500.00   ¥10,500.00  (award)   A
//   E2 10月    70    ¥7,000.00    ¥7,000.00            B
//   E1 11月    80    ¥8,000.00    ¥8,000.00            A
//   E2 11月    92    ¥9,200.00   ¥10,200.00  (award)   A
//   total          ¥33,700.00   ¥35,700.00   +¥2,000.00 = 2 × ¥1,000

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy, monthsCsv } from '../money/month.js';
import { yardstick } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-diff-months-'));
  writeFileSync(join(dir, 'old.yaml'), moneyPolicy(''));
  writeFileSync(join(dir, 'new.yaml'), moneyPolicy('', { award: true }));
  writeFileSync(
    join(dir, 'two-months.csv'),
    monthsCsv([
      ['E1', '2026-10', 95],
      ['E2', '2026-10', 70],
      ['E1', '2026-11', 80],
      ['E2', '2026-11', 92],
    ]),
  );
});

const diff = (...extra: string[]) =>
  yardstick('diff', join(dir, 'old.yaml'), join(dir, 'new.yaml'), '--data', join(dir, 'two-months.csv'), ...extra);

describe('diff --data on a file of two months', () => {
  it('totals both months: ¥33,700.00 → ¥35,700.00, the difference of the two runs', async () => {
    const runs = await Promise.all(
      ['old.yaml', 'new.yaml'].map((p) =>
        yardstick('run', join(dir, p), '--data', join(dir, 'two-months.csv'), '--format', 'json'),
      ),
    );
    const totals = runs.map((r) => JSON.parse(r.stdout).summary.payout_total);
    // 9,500 + 7,000 + 8,000 + 9,200 = 33,700; 10,500 + 7,000 + 8,000 + 10,200 = 35,700
    expect(totals).toEqual([33700, 35700]);

    const { code, stdout } = await diff('--format', 'json');
    expect(code).toBe(0);
    const impact = JSON.parse(stdout)[0].impact;
    expect(impact.total_before).toBe(33700);
    expect(impact.total_after).toBe(35700);
    expect(impact.delta).toBe(2000);
    // four person-months, each scored by both versions
    expect(impact.employees).toBe(4);
    // 10月: A (E1 95) and B (E2 70); 11月: A (E1 80) and A (E2 92)
    expect(impact.by_grade_before).toEqual({ A: 3, B: 1, C: 0 });
    expect(impact.by_team).toEqual([{ team: '一组', before: 33700, after: 35700 }]);
  });

  it('lists each month a person’s pay changes in, with its month', async () => {
    const impact = JSON.parse((await diff('--format', 'json')).stdout)[0].impact;
    expect(
      impact.changes.map(
        (c: {
          employee_id: string;
          period: string;
          before: { total: number };
          after: { total: number };
          delta: number;
        }) => [c.employee_id, c.period, c.before.total, c.after.total, c.delta],
      ),
    ).toEqual([
      // E1 in October: 9,500 + 1,000 = 10,500; E2 in November: 9,200 + 1,000 = 10,200
      ['E1', '2026-10', 9500, 10500, 1000],
      ['E2', '2026-11', 9200, 10200, 1000],
    ]);
  });

  it('costs the new award +¥2,000.00 for 2 person-months, and breaks it down by grade month by month', async () => {
    const impact = JSON.parse((await diff('--format', 'json')).stdout)[0].impact;
    expect(impact.per_change).toEqual([
      {
        changes: ['新增 调整 「明星奖」：当 上级评分 ≥ 90 时，奖励 ¥1,000.00'],
        delta: 2000,
        people: 2,
        grade_moves: [],
        tier_moves: [],
      },
    ]);
    expect(impact.breakdown.by_grade).toEqual([
      // A: 9,500 + 8,000 + 9,200 = 26,700 → 10,500 + 8,000 + 10,200 = 28,700 (+7.5 %: 2,000 / 26,700 = 7.49 %)
      { key: 'A', people: 3, before: 26700, after: 28700, delta: 2000, percent: 7.5 },
      { key: 'B', people: 1, before: 7000, after: 7000, delta: 0, percent: 0 },
    ]);
  });

  it('says the same total in the terminal', async () => {
    const { stdout } = await diff('--lang', 'zh');
    expect(stdout).toContain('two-months.csv (两个版本都能评分的 4 人):\n');
    expect(stdout).toContain('    应发合计 ¥33,700.00 → ¥35,700.00 (+¥2,000.00)\n');
  });

  // a person's line did not say which month it is, so E1's October and November would read as
  // one person listed twice (the JSON has `period`)
  it('names the month on a person’s line in the terminal when the data holds several', async () => {
    const { stdout } = await diff('--lang', 'zh');
    const lines = stdout.split('\n').filter((l) => l.includes('员工E'));
    expect(lines).toEqual([
      '  ⚑ 单人变化 ≥ ¥1,000.00 的员工 2 人: E1 员工E1 2026-10 +¥1,000.00, E2 员工E2 2026-11 +¥1,000.00',
      '    E1 员工E1 一组 2026-10: A → A, ¥9,500.00 → ¥10,500.00 (+¥1,000.00) ⚑',
      '    E2 员工E2 一组 2026-11: A → A, ¥9,200.00 → ¥10,200.00 (+¥1,000.00) ⚑',
    ]);
  });

  it('and in the Markdown a reviewer reads', async () => {
    const { stdout } = await diff('--lang', 'zh', '--format', 'md');
    const lines = stdout.split('\n').filter((l) => l.includes('员工E'));
    expect(lines).toEqual([
      '**⚑ 单人变化 ≥ ¥1,000.00 的员工 2 人**: E1 员工E1 2026-10 +¥1,000.00, E2 员工E2 2026-11 +¥1,000.00',
      '| E1 | 员工E1 | 一组 2026-10 | A → A | ¥9,500.00 → ¥10,500.00 | +¥1,000.00 ⚑ |',
      '| E2 | 员工E2 | 一组 2026-11 | A → A | ¥9,200.00 → ¥10,200.00 | +¥1,000.00 ⚑ |',
    ]);
  });
});

// A new version that cannot score a person in either month (a formula below 0: eval_negative_pay,
// each row excluded with its own amount). Each month's line gave the reasons of both months' rows.
//   new pay = ¥10,000 × (rating − 65) / 100
//   E1 10月 rating 60: 10,000 × −5 / 100 = −¥500.00 (row 2)    E1 11月 rating 50: −¥1,500.00 (row 4)
//   E2 10月 rating 90: ¥2,500.00                               E2 11月 rating 80: ¥1,500.00
describe('diff --data on a file of two months, a person the new version scores in neither', () => {
  it('gives each month the reason of that month’s row alone', async () => {
    writeFileSync(
      join(dir, 'minus.yaml'),
      moneyPolicy('').replace('pay_base * score / 100', 'pay_base * (score - 65) / 100'),
    );
    writeFileSync(
      join(dir, 'e1-low.csv'),
      monthsCsv([
        ['E1', '2026-10', 60],
        ['E2', '2026-10', 90],
        ['E1', '2026-11', 50],
        ['E2', '2026-11', 80],
      ]),
    );
    const { stdout } = await yardstick(
      'diff',
      join(dir, 'old.yaml'),
      join(dir, 'minus.yaml'),
      '--data',
      join(dir, 'e1-low.csv'),
      '--format',
      'json',
    );
    const unscorable = JSON.parse(stdout)[0].impact.unscorable;
    expect(
      unscorable.map(
        (u: { employee_id: string; period: string; reasons: { message: string; cell: { row: number } }[] }) => [
          u.employee_id,
          u.period,
          u.reasons.map((r) => [r.cell.row, /is (-¥[\d,.]+) for/.exec(r.message)?.[1]]),
        ],
      ),
    ).toEqual([
      ['E1', '2026-10', [[2, '-¥500.00']]],
      ['E1', '2026-11', [[4, '-¥1,500.00']]],
    ]);
  });
});
