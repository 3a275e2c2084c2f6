// A roll-up's forced distribution and a month still held. A month's forced distribution leaves a
// held person out (刷量 holds: their score is not final) until the month is amended with the hold
// cleared; the quarter's did not: it ranked a person whose August was held on that August's
// score, gave them the team's one 优秀 and its award, and moved a colleague down. Now a person with
// a month still held in the period is left out of the period's ranking and quotas (not ranked,
// not in the cohort's size, no quota place, no calibrated grade, so no award on it), and the
// output says so; once the month is amended with the hold cleared, the roll-up ranks them.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { HELD_MONTHLY as MONTHLY, HELD_QUARTERLY as QUARTERLY } from './held-policies.js';

let dir: string;
let ledger: string;
/** A month's export: [rating, 刷量标记] per employee, all in 一组. */
const month = (period: string, rows: Record<string, readonly [number, number]>, name = period) => {
  const file = join(dir, `${name}.csv`);
  const lines = Object.entries(rows).map(([id, [r, f]]) => `${id},员工${id},员工,一组,常规,${period},${r},${f}`);
  writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分,刷量标记\n${lines.join('\n')}\n`);
  return file;
};
const rollup = (...args: string[]) =>
  yardstick('rollup', join(dir, 'quarterly.yaml'), '--ledger', ledger, '--lang', 'en', '--period', '2026-Q3', ...args);
const row = (stdout: string, id: string) =>
  stdout
    .split('\n')
    .find((l) => l.startsWith(id))
    ?.split(/\s+/);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-held-'));
  ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), QUARTERLY);
  // E4's August (100 points) is flagged: scored, pay held
  for (const [period, rows] of [
    ['2026-07', { E1: [95, 0], E2: [91, 0], E3: [80, 0], E4: [98, 0] }],
    ['2026-08', { E1: [92, 0], E2: [90, 0], E3: [85, 0], E4: [100, 1] }],
    ['2026-09', { E1: [93, 0], E2: [92, 0], E3: [70, 0], E4: [97, 0] }],
  ] as const) {
    const r = await yardstick(
      'run',
      join(dir, 'monthly.yaml'),
      '--data',
      month(period, rows),
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
  }
});

describe('a roll-up with a month still held', () => {
  // averages: E1 (95 + 92 + 93) / 3 = 93.33, E2 (91 + 90 + 92) / 3 = 91, E3 (80 + 85 + 70) / 3 = 78.33,
  // E4 (98 + 100 + 97) / 3 = 98.33 — 优秀 for E1, E2 and E4, 合格 for E3
  it('leaves the person out of the ranking and the quotas, and says so', async () => {
    const r = await rollup();
    expect(r.code).toBe(0);
    // ranked: E1, E2, E3 — a team of 3: 优秀 at most ⌈0.25 × 3⌉ = 1: E1 keeps it (¥2,000), E2 moves down
    expect(row(r.stdout, 'E1')).toEqual(['E1', '员工E1', '一组', '3', '93.33', '优秀', '优秀', '¥2,000.00']);
    expect(row(r.stdout, 'E2')).toEqual(['E2', '员工E2', '一组', '3', '91.00', '优秀', '合格', '¥0.00']);
    expect(row(r.stdout, 'E3')).toEqual(['E3', '员工E3', '一组', '3', '78.33', '合格', '合格', '¥0.00']);
    // E4: graded on the score, not ranked, no calibrated grade, so no award on it
    expect(row(r.stdout, 'E4')).toEqual(['E4', '员工E4', '一组', '3', '98.33', '优秀', '—', '¥0.00']);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('grades: 优秀 3 · 合格 1');
    expect(lines).toContain('calibrated: 优秀 1 · 合格 2');
    expect(lines).toContain('left out of forced distribution (a month still held): E4 员工E4 (2026-08)');
    expect(lines).toContain('pay total: ¥2,000.00');

    const json = JSON.parse((await rollup('--format', 'json')).stdout);
    const e4 = json.cards.find((c: { employee_id: string }) => c.employee_id === 'E4');
    expect(e4.held_months).toEqual(['2026-08']);
    expect(e4.calibration).toBeUndefined();
    expect(e4.months.map((m: { period: string; held?: true }) => [m.period, m.held ?? false])).toEqual([
      ['2026-07', false],
      ['2026-08', true],
      ['2026-09', false],
    ]);
    expect(e4.explanation).toContain(
      'forced distribution: left out (2026-08 still held, the result not final; once that month is amended with the hold cleared, roll up again and they are ranked)',
    );
    expect(json.cards.find((c: { employee_id: string }) => c.employee_id === 'E1').calibration).toEqual({
      cohort: '一组',
      rank: 1,
      size: 3,
      initial: '优秀',
      calibrated: '优秀',
    });
    expect(json.summary.by_calibrated_grade).toEqual({ 优秀: 1, 合格: 2 });
  });

  it('ranks the person once the month is amended with the hold cleared', async () => {
    const amended = await yardstick(
      'run',
      join(dir, 'monthly.yaml'),
      '--data',
      month('2026-08', { E1: [92, 0], E2: [90, 0], E3: [85, 0], E4: [100, 0] }, '2026-08-cleared'),
      '--amend',
      '--out-of-order',
      '--ledger',
      ledger,
    );
    expect(amended.code).toBe(0);
    const r = await rollup();
    // a team of 4: 优秀 at most ⌈0.25 × 4⌉ = 1: E4 (98.33) ranks first and keeps it; E1 and E2 move down
    expect(row(r.stdout, 'E4')).toEqual(['E4', '员工E4', '一组', '3', '98.33', '优秀', '优秀', '¥2,000.00']);
    expect(row(r.stdout, 'E1')).toEqual(['E1', '员工E1', '一组', '3', '93.33', '优秀', '合格', '¥0.00']);
    expect(row(r.stdout, 'E2')).toEqual(['E2', '员工E2', '一组', '3', '91.00', '优秀', '合格', '¥0.00']);
    expect(r.stdout.split('\n')).toContain('calibrated: 合格 3 · 优秀 1');
    expect(r.stdout).not.toContain('left out of forced distribution');
  });
});
