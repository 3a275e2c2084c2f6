// `yardstick verify` on a policy that breaks "more GMV never pays less" by one fen, worked out by
// hand: a host paid ¥1,000 × score %, a bronze award of ¥500 from attainment 0.8 and a silver award
// from 0.9 that is a few fen less. Whether the promise holds turns on the one score step (0.01
// points = ¥0.10 of pay) that crosses the band: ¥499.99 keeps pay rising by ¥0.09, ¥499.89 makes it
// fall by ¥0.01 (docs/verify.md, "The built-in properties", "Declared properties").

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const policy = (silverAward: string) => `policy: spec-verify-fen
title: 差一分钱
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  host:
    title: 主播
    pay_base: 1000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, challenge: 300000, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
  cap: 3000
  tiers:
    basis: attainment
    bands:
      - { tier: silver, min: 0.9, award: ${silverAward} }
      - { tier: bronze, min: 0.8, award: 500 }
properties:
  more_gmv:
    title: GMV越高应发不减
    monotone: { metric: gmv }
  bronze_cliff:
    title: 铜牌分界处应发跳变不超过 ¥500.10
    cliff: { tier: bronze, max: 500.10 }
  bronze_cliff_tight:
    title: 铜牌分界处应发跳变不超过 ¥500.09
    cliff: { tier: bronze, max: 500.09 }
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-verify-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

// Score = 60 + 40 × (GMV − 100,000) / 100,000 between threshold and target, to 2 decimals half up.
// Just below silver: GMV 174,987 → 60 + 29.9948 = 89.99 → bronze: 899.90 + 500.00 = ¥1,399.90
// At silver:         GMV 174,988 → 60 + 29.9952 = 90.00 → silver: 900.00 + award
//   award 499.99 → ¥1,399.99 (+¥0.09: holds); award 499.89 → ¥1,399.89 (−¥0.01: fails)
// Bronze, from no tier: 79.99 → ¥799.90; 80.00 → 800.00 + 500.00 = ¥1,300.00, a jump of ¥500.10 —
// the ¥500 award and the ¥0.10 of the one score step: at most ¥500.10 holds, ¥500.09 fails.
describe('a silver award one fen short of keeping pay rising', () => {
  it('fails "more GMV never pays less", built in and declared, at GMV ¥174,987 → ¥174,988', async () => {
    const r = await yardstick('verify', file('fails.yaml', policy('499.89')), '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      `    ${dir}/fails.yaml:13:7: error[verify_not_monotone]: the pay of 主播 (常规) falls from ¥1,399.90 to ¥1,399.89 when \`GMV\` improves from ¥174,987.00 to ¥174,988.00`,
    );
    expect(lines).toContain(
      `    ${dir}/fails.yaml:30:5: error[verify_property_fails]: property \`more_gmv\` (GMV越高应发不减) does not hold: the pay falls from ¥1,399.90 to ¥1,399.89 when \`gmv\` goes from ¥174,987.00 to ¥174,988.00`,
    );
  });

  it('holds with ¥499.99, where the step across the band still adds ¥0.09', async () => {
    const r = await yardstick('verify', file('holds.yaml', policy('499.99')), '--lang', 'en', '--format', 'json');
    const verdicts = JSON.parse(r.stdout).policies[0].verdicts as { property: string; holds: boolean }[];
    const of = (p: string) => verdicts.filter((v) => v.property === p).map((v) => v.holds);
    expect(of('properties.more_gmv')).toEqual([true]);
    expect(of('monotone')).toEqual([true]);
  });

  it('measures the bronze cliff as ¥500.10: at most ¥500.10 holds, ¥500.09 fails by the fen', async () => {
    const r = await yardstick('verify', file('cliff.yaml', policy('499.99')), '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      `    ${dir}/cliff.yaml:36:5: error[verify_property_fails]: property \`bronze_cliff_tight\` (铜牌分界处应发跳变不超过 ¥500.09) does not hold: pay jumps by ¥500.10 (from ¥799.90 to ¥1,300.00) at the lower bound of tier bronze, more than ¥500.09`,
    );
    expect(lines.filter((l) => l.includes('error['))).toHaveLength(1);
  });
});

describe('a deduction of 0.01 points above the challenge, on a pay base of ¥100', () => {
  // Above the challenge (¥300,000) the points stay at the cap, 120; the 超额服务费 rule takes 0.01
  // points off above ¥300,000: 119.99 points × ¥100 / 100 = ¥119.99 against ¥120.00 at ¥300,000.
  const FEE = policy('500')
    .replace('pay_base: 1000', 'pay_base: 100')
    .replace(/ {2}tiers:\n(?: {4}.*\n)+/, '')
    .replace(/properties:\n(?:.*\n)+$/, '')
    .concat(`properties:
  more_gmv:
    title: GMV越高应发不减
    monotone: { metric: gmv }
adjustments:
  fee:
    title: 超额服务费
    when: { fact: gmv, operator: greaterThan, value: 300000 }
    points: -0.01
`);

  it('fails by one fen of pay and 0.01 points of score', async () => {
    const r = await yardstick('verify', file('fee.yaml', FEE), '--lang', 'en');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.includes('error['));
    expect(errors).toEqual([
      `    ${dir}/fee.yaml:13:7: error[verify_not_monotone]: the score of 主播 (常规) falls from 120 to 119.99 when \`GMV\` improves from ¥300,000.00 to ¥300,001.00`,
      `    ${dir}/fee.yaml:25:5: error[verify_property_fails]: property \`more_gmv\` (GMV越高应发不减) does not hold: the pay falls from ¥120.00 to ¥119.99 when \`gmv\` goes from ¥300,000.00 to ¥300,001.00`,
    ]);
  });
});
