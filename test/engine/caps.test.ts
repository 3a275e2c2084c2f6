// A cap is a maximum: the rounded total never exceeds it, at any rounding unit and in every
// rounding mode. The cap itself is taken down to the rounding unit (never rounded up), and the
// capped line is what brings the total to it (docs/policy-language.md, "Caps and rounding").

import { describe, expect, it } from 'vitest';
import { runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { capToFen } from '../../engine/model/money.js';
import { compiledPolicy, policy, when } from '../builders.js';

describe('capToFen takes a cap down to the rounding unit', () => {
  it.each([
    // cap (yuan), unit (yuan), fen — the largest multiple of the unit not above the cap
    [4999.5, 1, 499900], //        4999.5 → 4999 yuan
    [4999.5, 0.1, 499950], //      already a multiple of 0.1
    [4999.995, 0.01, 499999], //   4999.995 → 4999.99
    [6666.666666, 0.01, 666666], // 20000 / 3 → 6666.66
    [6666.666666, 0.1, 666660], //  → 6666.6
    [6666.666666, 1, 666600], //    → 6666
    [6666.666666, 10, 666000], //   → 6660
    [6666.666666, 100, 660000], //  → 6600
    [5000, 100, 500000], //         a whole multiple stays as it is
    [5000, 1, 500000],
    [(3333 * 1.5 * 100) / 100, 1, 499900], // binary noise does not lift a cap to the next unit
    [0.1 + 0.2, 0.01, 30], //       0.30000000000000004 is 0.30, not 0.30 + a unit
    [-12.345, 0.01, -1235], //      a cap below 0 goes toward −∞ too (the payout rejects it, see payout tests)
  ] as const)('cap %d at unit %d → %d fen', (cap, unit, fen) => {
    expect(capToFen(cap, unit)).toBe(fen);
  });
});

/** One employee paid `performance_pay`, under the policy's caps, at a rounding unit and mode. */
async function payout(o: {
  to: number;
  mode: string;
  payBase: number;
  performancePay: string;
  cap?: string;
  awardsCap?: string;
  awards?: number[];
}) {
  const built = policy()
    .role('staff', { pay_base: o.payBase })
    .grades([{ grade: 'A', min: 0 }])
    .payout({
      performance_pay: o.performancePay,
      awards_cap: o.awardsCap,
      cap: o.cap,
      rounding: { to: o.to, mode: o.mode },
    });
  for (const [i, award] of (o.awards ?? []).entries()) {
    built.adjustment(`award_${i}`, { title: `奖励${i}`, when: when('rating', 'greaterThanInclusive', 0), award });
  }
  const compiled = compiledPolicy(built.yaml(), 'caps.yaml');
  const read = readRecords(
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,100\n',
    'csv',
    compiled.contract,
    { file: 'data.csv' },
  );
  const result = await runPolicy(compiled, { records: read.records });
  expect(result.excluded).toEqual([]);
  return result.scorecards[0].payout;
}

describe('the total cap is never exceeded after rounding', () => {
  it('the issue: cap pay_base × 1.5 = 4999.5 at whole yuan half_up pays 4999, not 5000', async () => {
    // performance pay 3333 × 2 = 6666; cap 3333 × 1.5 = 4999.5 → 4999; cap line 4999 − 6666 = −1667 (yuan; fen below)
    const p = await payout({
      to: 1,
      mode: 'half_up',
      payBase: 3333,
      performancePay: 'pay_base * 2',
      cap: 'pay_base * 1.5',
    });
    expect(p.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 666600],
      ['total_cap', -166700],
    ]);
    expect(p.totalFen).toBe(499900);
  });

  // pay base 20000, performance pay = pay base, cap = pay_base / 3 = 6666.666…
  // the total is the cap taken down to the unit, in every mode:
  //   0.01 → 6666.66   0.1 → 6666.6   1 → 6666 (in fen: 666666, 666660, 666600)
  // (before: half_up, half_even and up paid 6666.67 / 6666.7 / 6667)
  const expected = { 0.01: 666666, 0.1: 666660, 1: 666600 } as const;
  for (const to of [0.01, 0.1, 1] as const) {
    for (const mode of ['half_up', 'half_even', 'down', 'up']) {
      it(`unit ${to}, ${mode}: total ${expected[to]} fen`, async () => {
        const p = await payout({ to, mode, payBase: 20000, performancePay: 'pay_base', cap: 'pay_base / 3' });
        expect(p.totalFen).toBe(expected[to]);
        expect(p.totalFen).toBeLessThanOrEqual(2_000_000 / 3);
        // the cap line is what takes the rounded performance pay (20000) down to the total
        expect(p.lines.find((l) => l.kind === 'total_cap')?.amountFen).toBe(expected[to] - 2_000_000);
      });
    }
  }

  it('a total already at or under the cap gets no cap line', async () => {
    // performance pay 3000; cap 3000 exactly
    const p = await payout({ to: 1, mode: 'up', payBase: 3000, performancePay: 'pay_base', cap: 'pay_base' });
    expect(p.lines.map((l) => l.kind)).toEqual(['performance_pay']);
    expect(p.totalFen).toBe(300000);
  });
});

describe('the awards cap is never exceeded after rounding', () => {
  // awards 800 + 700 = 1500; awards cap pay_base × 0.10001 with pay base 3335 = 333.53335
  //   unit 1 → 333 (cap line 333 − 1500 = −1167)  [yuan here; the table below is in fen]          before: half_up and up paid 334
  //   unit 0.1 → 333.5 (−1166.5)                            before: up paid 333.6
  //   unit 0.01 → 333.53 (−1166.47)                         before: up paid 333.54
  // performance pay pay_base × 0 = 0, so the total is the capped awards
  for (const [to, total, line] of [
    [1, 33300, -116700],
    [0.1, 33350, -116650],
    [0.01, 33353, -116647],
  ] as const) {
    for (const mode of ['half_up', 'half_even', 'down', 'up']) {
      it(`unit ${to}, ${mode}: awards capped to ${total} fen`, async () => {
        const p = await payout({
          to,
          mode,
          payBase: 3335,
          performancePay: 'pay_base * 0',
          awardsCap: 'pay_base * 0.10001',
          awards: [800, 700],
        });
        expect(p.lines.map((l) => [l.kind, l.amountFen])).toEqual([
          ['performance_pay', 0],
          ['award', 80000],
          ['award', 70000],
          ['awards_cap', line],
        ]);
        expect(p.totalFen).toBe(total);
      });
    }
  }
});
