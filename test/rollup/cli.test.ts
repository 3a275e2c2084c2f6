// Roll-ups on the command line: `yardstick rollup` over recorded months, --record and --amend,
// `explain --period 2026-Q3` reprinting the recorded card, `history` flagging a roll-up whose
// months were amended after it, and the period forms refused.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY as MONTHLY, ROLLUP_QUARTERLY as QUARTERLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

let dir: string;
let ledger: string;
const month = (period: string, ratings: Record<string, number>, name = period) => {
  const file = join(dir, `${name}.csv`);
  const rows = Object.entries(ratings).map(([id, r]) => `${id},员工${id},员工,一组,常规,${period},${r}`);
  writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分\n${rows.join('\n')}\n`);
  return file;
};
const rollup = (...args: string[]) =>
  yardstick('rollup', join(dir, 'quarterly.yaml'), '--ledger', ledger, '--lang', 'en', ...args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-'));
  ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), QUARTERLY);
  // E3 is recorded in July only: one month, fewer than min_months 2
  for (const [period, ratings] of [
    ['2026-07', { E1: 95, E2: 70, E3: 50 }],
    ['2026-08', { E1: 92, E2: 91 }],
    ['2026-09', { E1: 80, E2: 93 }],
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

describe('yardstick rollup', () => {
  it('rolls up the recorded months, lists who is left out and which months it used', async () => {
    const r = await rollup('--period', '2026-Q3');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('季度挑战指标 v1.0.0 · 2026-Q3（2026-07 – 2026-09）');
    // E1: (95 + 92 + 80) / 3 = 89 → 合格, A+ in July and August → ¥3,000
    // E2: (70 + 91 + 93) / 3 = 84.666… → 84.67 → 合格, A+ in August and September → ¥3,000
    expect(lines.find((l) => l.startsWith('E1'))?.split(/\s+/)).toEqual([
      'E1',
      '员工E1',
      '一组',
      '3',
      '89.00',
      '合格',
      '¥3,000.00',
    ]);
    expect(lines.find((l) => l.startsWith('E2'))?.split(/\s+/)).toEqual([
      'E2',
      '员工E2',
      '一组',
      '3',
      '84.67',
      '合格',
      '¥3,000.00',
    ]);
    expect(lines).toContain('pay total: ¥6,000.00');
    expect(r.stdout).toMatch(
      /from 3 of 3 month\(s\): ledger:monthly 2026-07 #1 \(sha256 [0-9a-f]{16}\), ledger:monthly 2026-08 #2 \(sha256 [0-9a-f]{16}\), ledger:monthly 2026-09 #3 \(sha256 [0-9a-f]{16}\)/,
    );
    expect(r.stderr).toBe(
      'E3 员工E3: only 1 of 3 month(s) recorded (2026-07), fewer than min_months: 2, so they are not rolled up',
    );
  });

  it('says — for the grades and the calibrated grades when nobody has enough months', async () => {
    // a half-year needing 4 months: E1 and E2 have 3 (July–September), E3 1 → nobody rolls up; the
    // calibrated line was left empty (`calibrated: `)
    const half = QUARTERLY.replace('effective_from: 2026-Q3', 'effective_from: 2026-H2')
      .replace('period: quarter, min_months: 2', 'period: half_year, min_months: 4')
      .replace(
        'score: avg_score\n',
        'score: avg_score\ncalibration: { within: all, quotas: { 优秀: { max: 0.5 } } }\n',
      );
    writeFileSync(join(dir, 'half.yaml'), half);
    const r = await yardstick(
      'rollup',
      join(dir, 'half.yaml'),
      '--ledger',
      ledger,
      '--lang',
      'en',
      '--period',
      '2026-H2',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('employees: 0 (3 more not rolled up, below)');
    expect(lines).toContain('grades: —');
    expect(lines).toContain('calibrated: —');
  });

  it('records it once; explain --period reprints it; an amended month makes it stale; --amend records it again', async () => {
    const first = await rollup('--period', '2026-Q3', '--record');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`recorded 2026-Q3 (quarterly, run #4) in ${ledger}`);

    const again = await rollup('--period', '2026-Q3', '--record');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^error: 2026-Q3 of `quarterly` is already recorded \(run #4, [0-9T:.Z-]+\)\n {2}help: to record it again/,
    );

    const explained = await yardstick('explain', '--period', '2026-Q3', '--employee', 'E1', '--ledger', ledger);
    expect(explained.code).toBe(0);
    // reprinted as recorded, in the language of the recording run (--lang en)
    expect(explained.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        '3 of 3 month(s) recorded (at least 2 needed; averages are over the months recorded)',
        'A+ 次数 (a_plus_months): A+ in 2 of 3 month(s) (2026-07, 2026-08)',
        'roll-up score = avg_score = 89 → grade 合格 (≥ 0)',
        '季度挑战奖: a_plus_months 2 ≥ 2 → ¥3,000.00',
        'pay for 2026-Q3: ¥3,000.00 (paid once for the period)',
      ]),
    );
    expect(explained.stderr).toMatch(
      /^recorded as run #4 from policy sha256 [0-9a-f]{16} and months ledger:monthly 2026-07 #1/,
    );

    // August corrected: E1 85 instead of 92
    const amended = await yardstick(
      'run',
      join(dir, 'monthly.yaml'),
      '--data',
      month('2026-08', { E1: 85, E2: 91 }, '2026-08-fix'),
      '--amend',
      '--out-of-order',
      '--ledger',
      ledger,
    );
    expect(amended.code).toBe(0);
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.stdout).toContain(
      '#4 已过时（stale）: 2026-08 已更正（#2 → #5）；请用 yardstick rollup POLICY --period 2026-Q3 --amend 重新记录',
    );
    const refused = await rollup('--period', '2026-Q3', '--record');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('; its months changed since: 2026-08 amended (#2 → #5)');

    // E1: (95 + 85 + 80) / 3 = 86.67, A+ in July only → no award: ¥3,000 clawed back
    const corrected = await rollup('--period', '2026-Q3', '--amend');
    expect(corrected.code).toBe(0);
    expect(corrected.stderr).toContain(`recorded 2026-Q3 (quarterly, run #6, a correction) in ${ledger}`);
    expect(corrected.stderr).toContain('  clawback E1 员工E1: ¥3,000.00 → ¥0.00 (-¥3,000.00)');
    const after = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(after.stdout).not.toContain('已过时');
    expect(after.stdout).toMatch(/2026-Q3\s+quarterly\s+1\.0\.0\s+#6 更正\s+86\.67\s+合格\s+¥0\.00\s+-¥3,000\.00/);

    // corrected again with nothing changed: kept, and said to move no one's pay
    const unchanged = await rollup('--period', '2026-Q3', '--amend');
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toContain(
      `recorded 2026-Q3 (quarterly, run #7, a correction) in ${ledger}\n  no one's pay changed from run #6: no top-up or clawback`,
    );
  });

  it('refuses a period of another kind, before effective_from, or without recorded months', async () => {
    const year = await rollup('--period', '2026');
    expect([year.code, year.stderr.split('\n')[0]]).toEqual([
      2,
      'error: `2026` is not a quarter period, and `quarterly` rolls up by quarter',
    ]);
    const early = await rollup('--period', '2026-Q2');
    expect([early.code, early.stderr.split('\n')[0]]).toEqual([
      1,
      'error: 2026-Q2 is before `effective_from: 2026-Q3` of `quarterly` v1.0.0',
    ]);
    const empty = await rollup('--period', '2026-Q4');
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([
      1,
      `error: the ledger \`${ledger}\` has no month of \`monthly\` recorded in 2026-Q4 (2026-10 to 2026-12)`,
    ]);
    const monthly = await yardstick('rollup', join(dir, 'monthly.yaml'), '--period', '2026-Q3', '--ledger', ledger);
    expect([monthly.code, monthly.stderr.split('\n')[0]]).toEqual([
      1,
      `error: \`${join(dir, 'monthly.yaml')}\` is a monthly policy, not a roll-up policy`,
    ]);
  });

  it('refuses a Chinese half-year or quarter, naming the calendar form', async () => {
    const r = await yardstick('explain', '--period', '2026年第三季度', '--employee', 'E1', '--ledger', ledger);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: `2026年第三季度` is not a roll-up period: a half-year or quarter may be a calendar one or the company’s own review cycle\n  help: for the calendar period write `2026-Q3`; roll-up periods are calendar years, halves (H1 January–June, H2 July–December) and quarters',
    );
    const zh = await yardstick(
      'rollup',
      join(dir, 'quarterly.yaml'),
      '--period',
      '2026H2',
      '--ledger',
      ledger,
      '--lang',
      'zh',
    );
    expect(zh.code).toBe(2);
    expect(zh.stderr.split('\n')[0]).toBe(
      'error: `2026H2` 不是汇总期间：半年或季度可能是自然半年/季度，也可能是公司自己的考核周期',
    );
  });

  it('is refused by run, and listed by diff as a roll-up policy without data impact', async () => {
    const run = await yardstick('run', join(dir, 'quarterly.yaml'), '--data', month('2026-07', { E1: 95 }, 'run-july'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: \`${join(dir, 'quarterly.yaml')}\` is a roll-up policy: it scores the months recorded in the ledger, not a data file\n  help: roll it up with yardstick rollup ${join(dir, 'quarterly.yaml')} --period 2026`,
    );
    writeFileSync(join(dir, 'quarterly-2.yaml'), QUARTERLY.replace('version: 1.0.0', 'version: 1.1.0'));
    const diff = await yardstick('diff', join(dir, 'quarterly.yaml'), join(dir, 'quarterly-2.yaml'), '--lang', 'en');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('v1.0.0 → v1.1.0');
    expect(diff.stdout).toContain('roll-up policy changed: see its effect on a period with yardstick rollup');
  });
});
