// "More GMV never pays less · proved" must be true. Verify's proof combined performance pay, tiers,
// awards and pools, and called the pay monotone for policies where more GMV paid less (breaker 126):
// - a `cap` or `awards_cap` that falls as GMV rises (the caps were not part of the proof);
// - an adjustment on a fact about the indicator results (`indicator_points`, `indicators_missed`),
//   which the proof took for a constant;
// - a `grade_cap` that switches on as GMV rises, with a pool that only grade B and up share;
// - a money metric below 0 (the data layer reads a loss of −¥15,000): `score * profit` falls as the
//   score rises, where the proof took every money metric for at least 0;
// and its search stepped across a tier band on the score (attainment) that pays less than the band
// below it without stopping there: 1.10 × 100 is 110.00000000000001 in binary, so the band's start
// was looked for one score step too late, and only from a typical rating, with which GMV alone never
// reaches 110 points.
//
// Every policy below: one role (pay base ¥10,000), GMV scored linearly (threshold ¥100,000 → 60
// points, target ¥200,000 → 100, challenge ¥300,000 → 120, at most 120) weighted 70, a rating 0–100
// weighted 30; score to 2 decimals; performance pay `pay_base * score / 100`.

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, verifyPolicyText } from '../../engine/index.js';
import { compiledPolicy } from '../builders.js';

const policy = (extra: { metrics?: string; payout: string; rest?: string }) => `policy: vt
title: 验证
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
${extra.metrics ?? ''}stages:
  s: { title: 成熟期 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
roles:
  host:
    title: 主播
    pay_base: 10000
    indicators:
      g: { metric: gmv, threshold: 100000, target: 200000, challenge: 300000, weight: 70 }
      r: { metric: rating, scoring: rating, weight: 30 }
${extra.rest ?? ''}payout:
${extra.payout}
  rounding: { to: 0.01, mode: half_up }
`;

function gmvVerdict(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.find(
    (v) => v.property === 'monotone' && v.subject.join('.') === 'roles.host.indicators.g.s',
  )!;
}

/** The counterexample's two employees: GMV, rating and the pay the engine gives each, in yuan. */
function paid(yaml: string, cases: { record: Parameters<typeof evaluateRecordSync>[1] }[]) {
  const compiled = compiledPolicy(yaml, 'p.yaml');
  return cases.map((c) => {
    const e = evaluateRecordSync(compiled, c.record);
    if (!e.ok) throw new Error('the counterexample does not evaluate');
    return [c.record.metrics.gmv, c.record.metrics.rating, e.scorecard.payout.totalFen / 100];
  });
}

describe('verify proves "more GMV never pays less" only where it is true', () => {
  it('a cap that falls as GMV rises: ¥9,400.00 at GMV ¥200,001, ¥9,000.01 at ¥299,999', () => {
    // rating 80. GMV 200,001: 100.0002 points × 0.7 + 24 = 94.00 → ¥9,400.00, under the cap
    // 12,000 − 2,000.01 = ¥9,999.99. GMV 299,999: 119.9998 × 0.7 + 24 = 108.00 → ¥10,800.00, capped
    // at 12,000 − 2,999.99 = ¥9,000.01
    const yaml = policy({ payout: '  performance_pay: pay_base * score / 100\n  cap: pay_base * 1.2 - gmv / 100' });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    expect(paid(yaml, v.counterexample!)).toEqual([
      [200001, 80, 9400],
      [299999, 80, 9000.01],
    ]);
  });

  it('an awards_cap that falls as GMV rises is not proved, and the fall is found', () => {
    const yaml = policy({
      rest: `adjustments:
  star:
    title: 明星奖
    when: { all: [ { fact: rating, operator: greaterThanInclusive, value: 50 } ] }
    points: 0
    award: 5000
`,
      payout: '  performance_pay: pay_base * score / 100\n  awards_cap: 5000 - gmv / 100\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    const [[, , before], [, , after]] = paid(yaml, v.counterexample!) as number[][];
    expect(after!).toBeLessThan(before!);
  });

  it('a penalty on the GMV indicator’s own points: score 94 at GMV ¥200,001, 88 at ¥299,999', () => {
    // rating 80. GMV 200,001: 100.0002 points, no penalty: 94.00. GMV 299,999: 119.9998 points,
    // above 110: 83.99986 + 24 − 20 = 88.00
    const yaml = policy({
      rest: `adjustments:
  over:
    title: 超额扣分
    when: { all: [ { fact: indicator_points, params: { indicator: g }, operator: greaterThan, value: 110 } ] }
    points: -20
`,
      payout: '  performance_pay: pay_base * score / 100\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    expect(v.diagnostic!.message).toBe(
      'the score of 主播 (成熟期) falls from 94 to 88 when `GMV` improves from ¥200,001.00 to ¥299,999.00',
    );
  });

  it('an award for missing a target: ¥13,000.00 at GMV ¥199,999, ¥10,000.00 at ¥200,000', () => {
    // rating 100. GMV 199,999: 99.9996 points × 0.7 + 30 = 99.99972 → 100.00, and the target is
    // missed: ¥10,000.00 + ¥3,000.00. GMV 200,000: 100 points, the target reached: ¥10,000.00
    const yaml = policy({
      rest: `adjustments:
  comfort:
    title: 安慰奖
    when: { all: [ { fact: indicators_missed, params: { level: target }, operator: greaterThan, value: 0 } ] }
    points: 0
    award: 3000
`,
      payout: '  performance_pay: pay_base * score / 100\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    expect(paid(yaml, v.counterexample!)).toEqual([
      [199999, 100, 13000],
      [200000, 100, 10000],
    ]);
  });

  it('a grade cap above ¥250,000 GMV with a pool for grade B and up is not proved; beside a colleague the share is lost', () => {
    const yaml = policy({
      rest: `adjustments:
  too_good:
    title: 超高GMV复核
    when: { all: [ { fact: gmv, operator: greaterThan, value: 250000 } ] }
    grade_cap: C
pools:
  tb:
    title: 团队奖金池
    per: team
    fund: { fixed: 10000 }
    weight: score
    min_grade: B
`,
      payout: '  performance_pay: pay_base * score / 100\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    expect(v.diagnostic!.code).toBe('verify_not_monotone');
    expect(v.diagnostic!.message).toContain('from ¥250,000.00 to ¥250,001.00');
  });

  it('a money metric that can be below 0 in the data (profit) is not taken for at least 0: not proved', () => {
    // profit −15,000: 5,000 + 100 × score − 150 × score falls as the score rises
    const yaml = policy({
      metrics: '  profit: { label: 利润, unit: money }\n',
      payout: '  performance_pay: "max(0, 5000 + pay_base * score / 100 + score * profit / 100)"\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect(v.basis).not.toBe('proved');
    // the same formula with profit declared at least 0 is proved
    const sure = yaml.replace(
      'profit: { label: 利润, unit: money }',
      'profit: { label: 利润, unit: money, range: [ 0, 100000000 ] }',
    );
    expect([gmvVerdict(sure).holds, gmvVerdict(sure).basis]).toEqual([true, 'proved']);
  });

  it.each([
    ['an award', 'award: 1000', 'award: 500', [11999, 11500]],
    ['a multiplier', 'multiplier: 1.2', 'multiplier: 1.1', [13198.8, 12100]],
  ])(
    'a gold band on attainment paying less %s than silver: the fall at 110 points is found by GMV',
    (_what, silver, gold, [before, after]) => {
      // rating 100: GMV 271,374 scores 0.7 × 114.2748 + 30 = 109.99 (silver), GMV 271,375 scores 110.00
      // (gold). Silver: 10,999 + 1,000 = ¥11,999.00, or 10,999 × 1.2 = ¥13,198.80; gold: 11,000 + 500
      // = ¥11,500.00, or 11,000 × 1.1 = ¥12,100.00
      const yaml = policy({
        payout: `  performance_pay: pay_base * score / 100
  tiers:
    basis: attainment
    bands:
      - { tier: gold, title: 金牌, min: 1.10, ${gold} }
      - { tier: silver, title: 银牌, min: 0.90, ${silver} }
  cap: 50000`,
      });
      const v = gmvVerdict(yaml);
      expect([v.holds, v.basis]).toEqual([false, 'searched']);
      expect(paid(yaml, v.counterexample!)).toEqual([
        [271374, 100, before],
        [271375, 100, after],
      ]);
    },
  );
});

describe('a metric only the payout formula reads is searched', () => {
  it('refunds beside GMV: max(0, refunds − gmv / 10) in the pay falls as GMV rises', () => {
    const yaml = policy({
      metrics: '  refunds: { label: 退款, unit: money }\n',
      rest: 'derived:\n  net_loss: { expr: refunds - gmv / 10, label: 净损失, unit: money }\n',
      payout: '  performance_pay: "pay_base * score / 100 + max(0, net_loss)"\n  cap: 50000',
    });
    const v = gmvVerdict(yaml);
    expect([v.holds, v.basis]).toEqual([false, 'searched']);
    const [[, , before], [, , after]] = paid(yaml, v.counterexample!) as number[][];
    expect(after!).toBeLessThan(before!);
  });
});
