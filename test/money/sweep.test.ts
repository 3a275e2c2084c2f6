// What-if sweeps, computed by hand on the pool month of test/money/fixtures (see cli.test.ts):
// ¥44,000 with a ¥1,000 pool per team; each extra yuan in the pool adds one yuan per team.

import { describe, expect, it } from 'vitest';
import { fitBudget, monotony, parseBudget, type SweepRow } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

const POLICY = 'test/money/fixtures/pool-policy.yaml';
const DATA = 'test/money/fixtures/month.csv';

const row = (value: number, yuan: number): SweepRow => ({
  value,
  payoutFen: yuan * 100,
  by_grade: {},
  moved: 0,
  paid_differently: 0,
});

describe('yardstick sweep', () => {
  it('prints the payout total, grade mix and people moving per value', async () => {
    // pool 1,000 → 44,000; 2,000 → 46,000; 3,000 → 48,000. Nobody changes grade; the five people
    // with a share (not E3, grade C) are paid differently at 2,000 and 3,000
    const { code, stdout } = await yardstick(
      'sweep',
      POLICY,
      '--data',
      DATA,
      '--set',
      'pools.team.fund.fixed=1000..3000/1000',
      '--lang',
      'en',
    );
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'pools.team.fund.fixed (now 1000, payout total ¥44,000.00; * marks the current value)',
      '',
      'value   payout total  vs current  A  B  C  grade moves  pay changes',
      '──────  ────────────  ──────────  ─  ─  ─  ───────────  ───────────',
      '1000 *    ¥44,000.00       ¥0.00  1  4  1            0            0',
      '2000      ¥46,000.00  +¥2,000.00  1  4  1            0            5',
      '3000      ¥48,000.00  +¥4,000.00  1  4  1            0            5',
      '',
    ]);
  });

  it('finds the pool that fits a budget by bisection', async () => {
    // total = 42,000 + 2 × pool: fits ¥47,000 up to a pool of 2,500. Grid: 2,000 fits, 3,000 does not.
    // Bisection to a tenth of... 1/100 of the step (10): 2,500 fits (¥47,000 exactly), then 2,750,
    // 2,625, 2,562.5, 2,531.25, 2,515.63, 2,507.81 do not; 2,507.81 − 2,500 < 10 → 7 bisections
    const { stdout } = await yardstick(
      'sweep',
      POLICY,
      '--data',
      DATA,
      '--set',
      'pools.team.fund.fixed=1000..3000/1000',
      '--budget',
      '¥47,000',
      '--format',
      'json',
    );
    const out = JSON.parse(stdout);
    expect(out.fit).toEqual({ kind: 'fits', value: 2500, payout_total: 47000, grid_value: 2000, bisections: 7 });
    expect(out.rows.map((r: { payout_total: number }) => r.payout_total)).toEqual([44000, 46000, 48000]);
  });

  it('refuses a ratio written as percent points, and percentages mixed with numbers', async () => {
    const ratio = await yardstick(
      'sweep',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--set',
      'roles.director.indicators.completion.target=35..45/1',
    );
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toContain(
      'error: `roles.director.indicators.completion.target` is a ratio (now 0.4): 35 would be 3500%, which is ambiguous',
    );
    const mixed = await yardstick('sweep', POLICY, '--data', DATA, '--set', 'pools.team.fund.fixed=1000..3000%/10');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(
      'error: `--set pools.team.fund.fixed=1000..3000%/10` mixes percentages and plain numbers',
    );
  });

  it('refuses a path that is not a number of the policy', async () => {
    const r = await yardstick('sweep', POLICY, '--data', DATA, '--set', 'pools.team.weight=1..2/1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: `pools.team.weight` is not a number the policy has');
  });
});

describe('fitting a budget', () => {
  it('says when the total does not move one way, and lists the values that fit', async () => {
    const rows = [row(1, 100), row(2, 300), row(3, 200), row(4, 400)];
    expect(monotony(rows)).toBe('not_monotone');
    expect(await fitBudget(rows, 25_000, async () => 0, 0.01, 2)).toEqual({ kind: 'not_monotone', fitting: [1, 3] });
  });

  it('bisects a decreasing total toward the smallest value that fits', async () => {
    // total(v) = 1,000 − 100 v yuan; budget ¥640 → v ≥ 3.6. Grid: 3 (¥700, over), 4 (¥600, fits).
    // Midpoints to 2 decimals: 3.5 over, 3.75 fits, 3.625 → 3.63 fits, 3.565 → 3.56 over,
    // 3.595 → 3.59 (binary 3.59499…) over, 3.61 fits, 3.6 fits (¥640, at the budget); 3.6 − 3.59 ≤ 0.01: stop
    const total = async (v: number) => Math.round((1000 - 100 * v) * 100);
    const rows = [1, 2, 3, 4, 5].map((v) => row(v, 1000 - 100 * v));
    const fit = await fitBudget(rows, 64_000, total, 0.01, 2);
    expect(fit).toMatchObject({ kind: 'fits', value: 3.6, payoutFen: 64_000 });
  });

  it('says when no value or every value fits', async () => {
    const rows = [row(1, 100), row(2, 200)];
    expect(await fitBudget(rows, 5_000, async () => 0, 0.01, 2)).toMatchObject({
      kind: 'none_fits',
      best: { value: 1 },
    });
    expect(await fitBudget(rows, 50_000, async () => 0, 0.01, 2)).toMatchObject({
      kind: 'all_fit',
      best: { value: 2 },
    });
  });
});

describe('reading a budget', () => {
  it.each([
    ['¥700,000', 70_000_000],
    ['700000', 70_000_000],
    ['70万', 70_000_000],
    ['¥70.5万', 70_500_000],
    ['1234.56', 123_456],
    ['1.234567万', 1_234_567],
    ['¥100,000,000,000', 10_000_000_000_000],
  ])('%s is %i fen', (text, fen) => {
    expect(parseBudget(text)).toBe(fen);
  });

  // half a fen (¥40,000.005 was read as ¥40,000.00), and more than a budget may be (¥100,000,000,000,
  // the schema's limit for `budget.total`; 1e20 yuan is not exact in fen)
  it.each(['7,00,000', '¥', 'seven', '-5', '¥40,000.005', '1.2345678万', '100000000000.01', '99999999999999999999'])(
    'refuses %s',
    (text) => {
      expect(parseBudget(text)).toBeUndefined();
    },
  );
});
