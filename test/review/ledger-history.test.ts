// `diff --data` measures a change as the difference of two `run`s, and `sweep` re-runs the month
// with one number changed; `run` takes the earlier months from the results ledger
// (.yardstick/ledger.db). A rule on last month's grade fired in both runs and in neither side of the
// diff, which said "no change" where the runs differ by ¥500.00, nor in sweep's runs (¥5,500.00 for
// the policy as written, which `run` pays ¥5,000.00).
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100; grades A ≥ 80, B ≥ 60, C below.
// Version 1.0.0 deducts 5 points after a C, 1.1.0 deducts 10. October recorded: E1 rating 50 → C.
// November, E1 rating 55:
//   1.0.0: 55 − 5 = 50 points → 10,000 × 50 / 100 = ¥5,000.00
//   1.1.0: 55 − 10 = 45 points → 10,000 × 45 / 100 = ¥4,500.00; the change: −¥500.00

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_C, moneyPolicy, monthsCsv } from '../money/month.js';
import { yardstick } from '../yardstick.js';

const started = process.cwd();
beforeAll(async () => {
  process.chdir(mkdtempSync(join(tmpdir(), 'yardstick-diff-ledger-')));
  writeFileSync('old.yaml', moneyPolicy(AFTER_C(-5)));
  writeFileSync('new.yaml', moneyPolicy(AFTER_C(-10)).replace('version: 1.0.0', 'version: 1.1.0'));
  writeFileSync('october.csv', monthsCsv([['E1', '2026-10', 50]]));
  writeFileSync('november.csv', monthsCsv([['E1', '2026-11', 55]]));
  expect((await yardstick('run', 'old.yaml', '--data', 'october.csv', '--record')).code).toBe(0);
});
afterAll(() => process.chdir(started));

const diff = (...extra: string[]) =>
  yardstick('diff', 'old.yaml', 'new.yaml', '--data', 'november.csv', ...extra, '--format', 'json');

describe('diff --data with a results ledger', () => {
  it('measures each side as run does, the ledger’s October as history: ¥5,000.00 → ¥4,500.00', async () => {
    const pay = async (version: string) =>
      JSON.parse((await yardstick('run', version, '--data', 'november.csv', '--format', 'json')).stdout).summary
        .payout_total;
    expect([await pay('old.yaml'), await pay('new.yaml')]).toEqual([5000, 4500]);
    const { code, stdout } = await diff();
    expect(code).toBe(0);
    const impact = JSON.parse(stdout)[0].impact;
    // 4,500.00 − 5,000.00 = −500.00, for E1 and in total
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([5000, 4500, -500]);
    expect(impact.changes.map((c: { employee_id: string; delta: number }) => [c.employee_id, c.delta])).toEqual([
      ['E1', -500],
    ]);
  });
});

/** November swept over a pay base of 10,000, 11,000 and 12,000: the base total, then each value's. */
async function sweepTotals(...extra: string[]): Promise<number[]> {
  const set = ['--set', 'roles.host.pay_base=10000..12000/1000'];
  const { code, stdout } = await yardstick(
    'sweep',
    'old.yaml',
    '--data',
    'november.csv',
    ...set,
    ...extra,
    '--format',
    'json',
  );
  expect(code).toBe(0);
  const sweep = JSON.parse(stdout);
  return [sweep.base_total, ...sweep.rows.map((r: { payout_total: number }) => r.payout_total)];
}

describe('sweep with a results ledger', () => {
  it('runs each value as run does: 55 − 5 = 50 points of a pay base of 10,000, 11,000 and 12,000', async () => {
    // 10,000 × 50 / 100 = 5,000.00 (what `run` pays); 11,000 × 0.5 = 5,500.00; 12,000 × 0.5 = 6,000.00
    expect(await sweepTotals()).toEqual([5000, 5000, 5500, 6000]);
  });
});

// a ledger kept elsewhere (`run --record --ledger hr.db`) is named as `run` names it; in hr.db E1's
// October is a B (rating 70), so November has no deduction there (the default ledger's October is a C)
describe('diff and sweep with --ledger FILE', () => {
  beforeAll(async () => {
    writeFileSync('october-b.csv', monthsCsv([['E1', '2026-10', 70]]));
    expect((await yardstick('run', 'old.yaml', '--data', 'october-b.csv', '--record', '--ledger', 'hr.db')).code).toBe(
      0,
    );
  });

  it('diff takes the history from the ledger it names: no deduction either side, no change', async () => {
    // 1.0.0 and 1.1.0 both: 55 points → 10,000 × 55 / 100 = ¥5,500.00; the change 0
    const { code, stdout } = await diff('--ledger', 'hr.db');
    expect(code).toBe(0);
    const impact = JSON.parse(stdout)[0].impact;
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([5500, 5500, 0]);
  });

  it('sweep takes the history from the ledger it names: 55 points of 10,000, 11,000 and 12,000', async () => {
    // 10,000 × 0.55 = 5,500.00; 11,000 × 0.55 = 6,050.00; 12,000 × 0.55 = 6,600.00
    expect(await sweepTotals('--ledger', 'hr.db')).toEqual([5500, 5500, 6050, 6600]);
  });
});
