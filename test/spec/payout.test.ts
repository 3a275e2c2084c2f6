// docs/policy-language.md, "payout", as a specification: the rounding table under every mode, caps
// taken down to the rounding unit, tier uplift and tier award, per-unit awards and the awards cap.

import { describe, expect, it } from 'vitest';
import { byId, each, lines, runMonth, staffCsv } from './run.js';

/** Performance pay is the money cell `amt` itself, so each row is one figure to round. */
const ROUNDING = (to: string, mode: string) => `policy: spec-rounding
title: 舍入
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  amt: { label: 金额, unit: money }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: amt
  rounding: { to: ${to}, mode: ${mode} }
`;

const amounts = (...amts: string[]) =>
  staffCsv(
    '评分,金额',
    amts.map((a, i) => [`E${i + 1}`, 80, a]),
  );

describe('rounding: the reference table, every mode', () => {
  // | mode | 1234.565 to 0.01 | 1234.575 to 0.01 | 724.5 to 1 |
  it.each([
    ['half_up', 123457, 123458, 72500],
    ['half_even', 123456, 123458, 72400],
    ['down', 123456, 123457, 72400],
    ['up', 123457, 123458, 72500],
  ])('%s', async (mode, a, b, c) => {
    const cents = each(
      await runMonth(ROUNDING('0.01', mode), amounts('1234.565', '1234.575')),
      (s) => s.payout.totalFen,
    );
    const yuan = each(await runMonth(ROUNDING('1', mode), amounts('724.5')), (s) => s.payout.totalFen);
    expect([cents.E1, cents.E2, yuan.E1]).toEqual([a, b, c]);
  });

  it('a half fen: ¥0.005 is ¥0.01 half up and up, ¥0.00 half even and down', async () => {
    const at = async (mode: string) =>
      each(await runMonth(ROUNDING('0.01', mode), amounts('0.005', '0.015')), (s) => s.payout.totalFen);
    // 0.015 half even: the even fen is 0.02
    expect(await at('half_up')).toEqual({ E1: 1, E2: 2 });
    expect(await at('half_even')).toEqual({ E1: 0, E2: 2 });
    expect(await at('down')).toEqual({ E1: 0, E2: 1 });
    expect(await at('up')).toEqual({ E1: 1, E2: 2 });
  });

  it('rounds to the jiao: 12.35 → 12.4 half up, 12.3 half even (3 is odd, 4 even: 12.4)', async () => {
    const at = async (mode: string) =>
      each(await runMonth(ROUNDING('0.1', mode), amounts('12.35', '12.25')), (s) => s.payout.totalFen);
    expect(await at('half_up')).toEqual({ E1: 1240, E2: 1230 });
    // half even: 12.35 → 12.4 (the even jiao), 12.25 → 12.2
    expect(await at('half_even')).toEqual({ E1: 1240, E2: 1220 });
  });
});

// pay base 3333; 爆款奖励 ¥333.333 per hit at most ¥1,000; 固定奖 ¥500 from 3 hits; awards cap ¥1,200;
// total cap pay_base × 1.5 = 4999.5; rounding to the yuan, mode up. Gold from attainment 1.0 (× 1.2
// and ¥300), silver from 0.9 (× 1.1). The rating is out of 200: 180 is 90 points.
const CAPS = `policy: spec-caps
title: 封顶
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 200] }
  hits: { label: 爆款数, unit: count }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 3333
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  hit:
    title: 爆款奖励
    when: { fact: hits, operator: greaterThan, value: 0 }
    award: { per: hits, amount: 333.333, max: 1000 }
  flat:
    title: 固定奖
    when: { fact: hits, operator: greaterThanInclusive, value: 3 }
    award: 500
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: attainment
    bands:
      - { tier: gold, min: 1.0, multiplier: 1.2, award: 300 }
      - { tier: silver, min: 0.9, multiplier: 1.1 }
  awards_cap: 1200
  cap: pay_base * 1.5
  rounding: { to: 1, mode: up }
`;

describe('caps, tiers and awards, to the yuan, mode up', () => {
  it('works each line out as the reference lists them', async () => {
    const r = byId(
      await runMonth(
        CAPS,
        staffCsv('评分,爆款数', [
          ['A1', 180, 0],
          ['A2', 200, 4],
          ['A3', 179.98, 0],
          ['A4', 90, 1],
          ['A5', 100, 3],
        ]),
      ),
    );
    // A1: 90 points, attainment exactly 0.9 → silver. 3333 × 90 / 100 = 2999.7 → up → 3000;
    // uplift 3000 × (1.1 − 1) = 300
    expect(lines(r.A1!)).toEqual([
      ['performance_pay', 300000],
      ['tier_multiplier', 30000],
    ]);
    // A2: 100 points → gold. 3333; uplift 3333 × 0.2 = 666.6 → 667; tier award 300; 爆款 4 × 333.333 =
    // 1333.332 → 1334, at most 1000; 固定奖 500; awards 1500 → cap 1200 (−300); lines 1–5 sum to 5500,
    // the cap 4999.5 taken DOWN to the yuan is 4999 (never 5000, even in mode up): −501
    expect(lines(r.A2!)).toEqual([
      ['performance_pay', 333300],
      ['tier_multiplier', 66700],
      ['tier_award', 30000],
      ['award', 100000],
      ['award', 50000],
      ['awards_cap', -30000],
      ['total_cap', -50100],
    ]);
    expect(r.A2!.payout.totalFen).toBe(499900);
    // A3: 179.98 / 200 = 89.99 points, attainment 0.8999: no tier. 3333 × 0.8999 = 2999.3667 → 3000
    expect([r.A3!.payout.tier, lines(r.A3!)]).toEqual([undefined, [['performance_pay', 300000]]]);
    // A4: 45 points; 1 × 333.333 → up to the yuan: 334
    expect(lines(r.A4!)).toEqual([
      ['performance_pay', 150000],
      ['award', 33400],
    ]);
    // A5: 50 points: 1666.5 → 1667; 3 × 333.333 = 999.999 → 1000 (= max); 500; awards cap −300
    expect(lines(r.A5!)).toEqual([
      ['performance_pay', 166700],
      ['award', 100000],
      ['award', 50000],
      ['awards_cap', -30000],
    ]);
  });
});

// A tier on a ratio metric written in the data with a `%` sign: 100% reaches a band from 1.0, 45.3%
// a band from 0.453 (not the double below it), 7% a band from 0.07; 6.99% and 99.99% stay under.
const RATIO_TIERS = `policy: spec-ratio-tiers
title: 比率档位
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  done: { label: 完成率, unit: ratio, range: [0, 2] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: done
    bands:
      - { tier: full, min: 1.0, award: 100 }
      - { tier: mid, min: 0.453, award: 50 }
      - { tier: low, min: 0.07, award: 10 }
  rounding: { to: 0.01, mode: half_up }
`;

describe('tier bands on a ratio, exactly at their bounds', () => {
  it('100% reaches 1.0, 45.3% and 0.453 reach 0.453, 7% reaches 0.07; 99.99% and 6.99% do not', async () => {
    const cells = ['100%', '45.3%', '99.99%', '7%', '6.99%', '0.453'];
    const csv = staffCsv(
      '评分,完成率',
      cells.map((c, i) => [`E${i + 1}`, 80, c]),
    );
    const r = await runMonth(RATIO_TIERS, csv);
    expect(each(r, (c) => c.payout.tier?.id ?? null)).toEqual({
      E1: 'full',
      E2: 'mid',
      E3: 'mid',
      E4: 'low',
      E5: null,
      E6: 'mid',
    });
    // 1000 × 80 / 100 = ¥800 plus the band's award: ¥900, ¥850, ¥850, ¥810, ¥800, ¥850
    expect(Object.values(each(r, (c) => c.payout.totalFen))).toEqual([90000, 85000, 85000, 81000, 80000, 85000]);
  });
});
