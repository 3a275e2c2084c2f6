// A roll-up whose year does not start in January (`rollup.year_starts`): ByteDance's half from
// September to February, reviewed in March. The period's months, the missing-month rule, the
// ledger record, `history`'s staleness and a version that would move a recorded period's months.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY as MONTHLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

const HALVES = `policy: halves
title: 半年评估
version: 1.0.0
rollup: { of: monthly, period: half_year, min_months: 2, year_starts: 3 }
facts:
  avg_score: { average: score, title: 月均得分 }
  a_plus_months: { count: { grade: A+ } }
score: avg_score
grades:
  - { grade: E, min: 90 }
  - { grade: M, min: 0 }
`;

let dir: string;
let ledger: string;
const month = (period: string, ratings: Record<string, number>, name = period) => {
  const file = join(dir, `${name}.csv`);
  const rows = Object.entries(ratings).map(([id, r]) => `${id},员工${id},员工,一组,常规,${period},${r}`);
  writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分\n${rows.join('\n')}\n`);
  return file;
};
const rollup = (...args: string[]) =>
  yardstick('rollup', join(dir, 'halves.yaml'), '--ledger', ledger, '--lang', 'en', ...args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-year-starts-'));
  ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), MONTHLY);
  writeFileSync(join(dir, 'halves.yaml'), HALVES);
  // August is before the half; September and January are in it; E2 has September only
  for (const [period, ratings] of [
    ['2026-08', { E1: 50, E2: 50 }],
    ['2026-09', { E1: 95, E2: 70 }],
    ['2027-01', { E1: 91 }],
  ] as const) {
    const r = await yardstick(
      'run',
      join(dir, 'monthly.yaml'),
      '--data',
      month(period, ratings),
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
  }
});

describe('a half-year from September to February', () => {
  it('is 2026-H2 under year_starts: 3, rolled up from the months recorded between 2026-09 and 2027-02', async () => {
    const r = await rollup('--period', '2026-H2');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('半年评估 v1.0.0 · 2026-H2（2026-09 – 2027-02）');
    // E1: September 95 and January 91 (August's 50 is outside the half): (95 + 91) / 2 = 93 → E
    expect(lines.find((l) => l.startsWith('E1'))?.split(/\s+/)).toEqual([
      'E1',
      '员工E1',
      '一组',
      '2',
      '93.00',
      'E',
      '¥0.00',
    ]);
    // E2: September only, 1 of 6 months, fewer than min_months: 2
    expect(r.stderr).toBe(
      'E2 员工E2: only 1 of 6 month(s) recorded (2026-09), fewer than min_months: 2, so they are not rolled up',
    );
    expect(r.stdout).toMatch(
      /from 2 of 6 month\(s\): ledger:monthly 2026-09 #2 \(sha256 [0-9a-f]{16}\), ledger:monthly 2027-01 #3 \(sha256 [0-9a-f]{16}\)/,
    );
  });

  it('names the missing months of the half in the statement', async () => {
    const r = await rollup('--period', '2026-H2', '--format', 'json');
    const card = JSON.parse(r.stdout).cards[0];
    expect(card.missing).toEqual(['2026-10', '2026-11', '2026-12', '2027-02']);
    expect(card.months_in_period).toBe(6);
  });

  it('is recorded with its months; an amended January makes it stale; a version moving its months cannot amend it', async () => {
    expect((await rollup('--period', '2026-H2', '--record')).code).toBe(0);
    const explained = await yardstick('explain', '--period', '2026-H2', '--employee', 'E1', '--ledger', ledger);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('2026-H2 (2026-09 to 2027-02)');

    // January corrected: history (which reads the recorded months, not the calendar half) says the roll-up is stale
    const amended = await yardstick(
      'run',
      join(dir, 'monthly.yaml'),
      '--data',
      month('2027-01', { E1: 85 }, '2027-01-fix'),
      '--amend',
      '--ledger',
      ledger,
    );
    expect(amended.code).toBe(0);
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.stdout).toContain(
      '#4 已过时（stale）: 2027-01 已更正（#3 → #5）；请用 yardstick rollup POLICY --period 2026-H2 --amend 重新记录',
    );

    // a version counting halves from January would make 2026-H2 July–December: refused, not re-recorded
    writeFileSync(
      join(dir, 'halves.yaml'),
      readFileSync(join(dir, 'halves.yaml'), 'utf8')
        .replace('year_starts: 3', 'year_starts: 1')
        .replace('1.0.0', '1.1.0'),
    );
    const moved = await rollup('--period', '2026-H2', '--amend');
    expect(moved.code).toBe(1);
    expect(moved.stderr.split('\n').slice(0, 2)).toEqual([
      'error: 2026-H2 of `halves` was recorded over 2026-09 – 2027-02, but this version reckons 2026-H2 as 2026-07 – 2026-12',
      '  help: a recorded period keeps its months: keep `rollup.year_starts` as it was, or give the new reckoning a new policy id',
    ]);
  });
});
