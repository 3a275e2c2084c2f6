// More GMV never pays less — with a pool that is a share of GMV. Verify called the promise proved:
// the pool grows with GMV and the weight does not fall, so each employee's exact share rises. But a
// share is not the exact share, and two things a month shows that no employee alone (nor beside a
// colleague like them, of equal weight) does:
// - a `min_share` applies only once the pool can give it to everyone, so GMV that carries the pool
//   across people × min_share moves money from the people weighted above the others to the rest;
// - shares are rounded by the largest remainders, and a pool one fen larger can hand the fen left
//   over to others (the Alabama paradox of apportionment, three people or more).
// Both were shown with `yardstick run` on real months (below) while verify said "proved"; the
// verdict is now undecided, a warning that says which and shows the pool split that breaks it.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { byId, runMonth } from '../spec/run.js';

function verdicts(yaml: string, property: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.filter((v) => v.property === property);
}

/**
 * Pay ¥1,000 × rating / 100; a pool per team of 1 % of the team's GMV split by pay base, with
 * `extra` pool keys; "more GMV never pays less" declared. With `indicator`, GMV is also scored.
 */
const policy = (extra: string, indicator = false) => `policy: pool-falls
title: 奖金池随 GMV
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  gmv: { label: GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
${indicator ? '      g: { metric: gmv, scoring: linear, threshold: 0, target: 100000, weight: 100 }' : '      r: { metric: rating, scoring: rating, weight: 100 }'}
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
pools:
  pot:
    title: 团队奖金池
    per: team
    fund: { share_of: { metric: gmv, rate: 0.01 } }
    weight: pay_base${extra}
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
properties:
  gmv_monotone:
    title: GMV 越高应发不减
    monotone: { metric: gmv }
`;

const month = (rows: [string, number, number][]) =>
  `工号,姓名,岗位,团队,阶段,月份,评分,GMV,绩效基数\n${rows
    .map(([id, gmv, base]) => `${id},某,staff,一组,s,2026-10,100,${gmv},${base}`)
    .join('\n')}\n`;

describe('a pool of 1 % of GMV with min_share ¥500', () => {
  const yaml = policy('\n    min_share: 500');

  it('pays C1 ¥489.01 less for ¥100 more GMV in a real month', async () => {
    // A1 (pay base ¥100) and C1 (¥9,900), both rated 100: pay ¥100 and ¥9,900.
    // C1's GMV ¥99,900: pool 0.01 × 99,900 = ¥999.00 < 2 × ¥500, so no minimum: split 1 : 99,
    //   99,900 fen × 99 / 100 = 98,901 fen → C1 ¥9,900 + ¥989.01 = ¥10,889.01, A1 ¥100 + ¥9.99
    // C1's GMV ¥100,000: pool ¥1,000.00 = 2 × ¥500, the minimum holds: ¥500 each → C1 ¥10,400.00
    const at = async (gmv: number) =>
      byId(
        await runMonth(
          yaml,
          month([
            ['A1', 0, 100],
            ['C1', gmv, 9900],
          ]),
        ),
      ).C1!.payout.totalFen;
    expect(await at(99_900)).toBe(1_088_901);
    expect(await at(100_000)).toBe(1_040_000);
  });

  it('is undecided, not proved, and the warning shows the switch on the pool alone', () => {
    // two people weighted 3 : 1; a pool of ¥999.99 (one fen under 2 × ¥500): no minimum,
    //   99,999 × 3 / 4 = 74,999.25 and × 1 / 4 = 24,999.75 → 74,999 + 24,999 = 99,998, the fen
    //   left to the larger remainder (0.75) → ¥749.99 and ¥250.00; a pool of ¥1,000.00: ¥500 each
    const [v] = verdicts(yaml, 'properties.gmv_monotone');
    expect(v).toMatchObject({ holds: undefined, basis: 'searched' });
    expect(v!.diagnostic).toMatchObject({ code: 'verify_property_pool_share_falls', severity: 'warning' });
    expect(v!.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) is not decided: the pool `团队奖金池` is a share of `GMV` with a `min_share` of ¥500.00, applied only once the pool can give it to everyone, so a pool carried across people × ¥500.00 moves money between the people weighted above the others and the rest (two people weighted 3 : 1: a pool of ¥999.99 is split ¥749.99 and ¥250.00, one of ¥1,000.00 gives each ¥500.00), which no single employee shows',
    );
  });

  it('says so of the built-in monotone of a GMV indicator too', () => {
    const [v] = verdicts(policy('\n    min_share: 500', true), 'monotone');
    expect(v).toMatchObject({ holds: undefined, subject: ['roles', 'staff', 'indicators', 'g', 's'] });
    expect(v!.diagnostic!.code).toBe('verify_pool_share_falls');
    expect(v!.diagnostic!.message).toMatch(
      /^the pay of 员工 \(常规\) can fall as `GMV` improves, and no single employee shows it: the pool `团队奖金池`/,
    );
  });

  it('stays proved with a weight everyone shares (weight: 1): the same share with or without the minimum', () => {
    const yaml1 = policy('\n    min_share: 500').replace('weight: pay_base', "weight: '1'");
    expect(verdicts(yaml1, 'properties.gmv_monotone')).toMatchObject([{ holds: true, basis: 'proved' }]);
  });
});

describe('a pool of 1 % of GMV, shares to the fen by the largest remainders', () => {
  it('pays C1 a fen less for ¥1 more GMV in a real month of three', async () => {
    // pay bases 6,000, 6,000 and 2,000 (weights 3 : 3 : 1), all rated 100.
    // C1's GMV ¥700,003: pool ¥7,000.03 = 700,003 fen; quotas 300,001.29 twice and 100,000.43:
    //   floors 300,001 + 300,001 + 100,000 = 700,002, the fen left to C1 (0.43 > 0.29) → ¥1,000.01
    // C1's GMV ¥700,004: pool 700,004 fen; quotas 300,001.71 twice and 100,000.57: floors again
    //   700,002, the two fen left to A1 and B1 (0.71 > 0.57) → C1 ¥1,000.00
    const at = async (gmv: number) =>
      byId(
        await runMonth(
          policy(''),
          month([
            ['A1', 0, 6000],
            ['B1', 0, 6000],
            ['C1', gmv, 2000],
          ]),
        ),
      ).C1!.payout.totalFen;
    expect(await at(700_003)).toBe(300_001); // ¥2,000 + ¥1,000.01
    expect(await at(700_004)).toBe(300_000);
  });

  it('is proved only to within a fen, and the warning says so', () => {
    const [v] = verdicts(policy(''), 'properties.gmv_monotone');
    expect(v).toMatchObject({ holds: undefined, basis: 'proved' });
    expect(v!.diagnostic!.message).toBe(
      'property `gmv_monotone` (GMV 越高应发不减) is not decided to the fen: the pool `团队奖金池` is a share of `GMV`, and its shares are rounded by the largest remainders, so a pool one unit larger can give the unit left over to others and a share fall by ¥0.01 (three people weighted 3 : 3 : 1: a pool of ¥7,000.03 gives the third ¥1,000.01, one of ¥7,000.04 gives ¥1,000.00), which no single employee shows',
    );
  });

  it('in whole yuan, by a yuan', () => {
    // rounding to ¥1: pools of 700,003 and 700,004 yuan, the third's share ¥100,001 then ¥100,000
    const [v] = verdicts(
      policy('').replace('rounding: { to: 0.01, mode: half_up }', 'rounding: { to: 1, mode: half_up }'),
      'properties.gmv_monotone',
    );
    expect(v!.diagnostic!.message).toContain(
      'a share fall by ¥1.00 (three people weighted 3 : 3 : 1: a pool of ¥700,003.00 gives the third ¥100,001.00, one of ¥700,004.00 gives ¥100,000.00)',
    );
  });

  it('shows the fen on a pool the max_share leaves free (¥600: 3k + 2 units within it)', () => {
    // k = (60,000 − 2) / 3 → 19,999: pools of 139,996 and 139,997 fen.
    //   139,996 × 3/7 = 59,998.29 (under ¥600) twice, × 1/7 = 19,999.43: floors 139,995, the fen to
    //   the third (0.43 > 0.29) → ¥200.00; 139,997: 59,998.71 twice and 19,999.57: two fen left, to
    //   the other two → ¥199.99
    const [v] = verdicts(policy('\n    max_share: 600'), 'properties.gmv_monotone');
    expect(v!.diagnostic!.message).toContain(
      'three people weighted 3 : 3 : 1: a pool of ¥1,399.96 gives the third ¥200.00, one of ¥1,399.97 gives ¥199.99',
    );
  });

  it('shows in a real month under max_share ¥600 too: X ¥1,034.94 at ¥6,000 of GMV, ¥1,034.93 at ¥6,001', async () => {
    // pay = the pay base. O1 and O2 (pay base 9,900, GMV ¥33,333.33 each), X (1,000).
    // X ¥6,000: pool 0.01 × 72,666.66 = ¥726.6666 → ¥726.66; weights 9,900 : 9,900 : 1,000 (20,800):
    //   72,666 × 9,900 / 20,800 = 34,586.22 twice, × 1,000 / 20,800 = 3,493.56 (all under ¥600):
    //   floors 72,665, the fen to X (0.56 > 0.22) → ¥34.94 → ¥1,034.94
    // X ¥6,001: pool ¥726.6766 → ¥726.67 = 72,667 fen: 34,586.70 twice and 3,493.61: two fen left,
    //   to O1 and O2 (0.70 > 0.61) → X ¥34.93 → ¥1,034.93
    const yaml = policy('\n    max_share: 600').replace(
      'performance_pay: pay_base * score / 100',
      'performance_pay: pay_base',
    );
    const at = async (gmv: number) =>
      byId(
        await runMonth(
          yaml,
          month([
            ['O1', 33_333.33, 9900],
            ['O2', 33_333.33, 9900],
            ['X', gmv, 1000],
          ]),
        ),
      ).X!.payout.totalFen;
    expect(await at(6000)).toBe(103_494);
    expect(await at(6001)).toBe(103_493);
  });

  it('is proved for a fixed pool: a larger weight in a pool of the same size never loses the fen', () => {
    const fixed = policy('').replace('fund: { share_of: { metric: gmv, rate: 0.01 } }', 'fund: { fixed: 7000.03 }');
    expect(verdicts(fixed, 'properties.gmv_monotone')).toMatchObject([{ holds: true, basis: 'proved' }]);
  });
});
