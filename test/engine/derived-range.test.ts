// A derived metric may declare `range` (and `unit`): a 360° composite — self 20 %, peers 30 %,
// manager 50 % — is a derived metric that a `rating` indicator scores out of its range's maximum.
// A computed value outside the declared range is never scored.

import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, loadPolicy, type EmployeeRecord } from '../../engine/index.js';

const POLICY = `policy: review-360
title: 360 度评价
version: 1.0.0
metrics:
  self_rating: { label: 自评, unit: score, range: [ 0, 100 ] }
  peer_rating: { label: 同事评分, unit: score, range: [ 0, 100 ] }
  manager_rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
derived:
  review_360:
    expr: self_rating * 0.2 + peer_rating * 0.3 + manager_rating * 0.5
    label: 360度评分
    unit: score
    range: [ 0, 100 ]
stages:
  only: { title: 常规 }
roles:
  host:
    title: 主播
    pay_base: 3000
    indicators:
      review: { metric: review_360, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const record = (self_rating: number, peer_rating: number, manager_rating: number): EmployeeRecord => ({
  employee_id: 'H1',
  name: '周一',
  role: 'host',
  team: '直播一组',
  stage: 'only',
  period: '2026-10',
  metrics: { self_rating, peer_rating, manager_rating },
});

describe('a range written the wrong way round', () => {
  it('is refused at the range, for a derived metric and for a metric (every record fell outside it)', () => {
    // `range: [ 100, 0 ]` has its minimum above its maximum: no value is in it, so every record was
    // excluded at run time with eval_derived_out_of_range. Line 5 is self_rating (its `[` at column 49),
    // line 13 the derived metric's `    range: [ 100, 0 ]` (its `[` at column 12).
    const text = POLICY.replace('range: [ 0, 100 ] }', 'range: [ 100, 0 ] }').replace(
      '    range: [ 0, 100 ]\n',
      '    range: [ 100, 0 ]\n',
    );
    const loaded = loadPolicy(text, 'review.yaml');
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column])).toEqual([
      ['policy_range_order', '`self_rating`: `range: [100, 0]` has its minimum above its maximum', 5, 49],
      ['policy_range_order', '`review_360`: `range: [100, 0]` has its minimum above its maximum', 13, 12],
    ]);
  });
});

describe('a ratio whose range is written in percent points', () => {
  it('is refused at the range: [0, 100] on a ratio is 0 % to 10,000 %, and 30 in it could mean 30 % or 3000 %', () => {
    // line 5 is self_rating, now a ratio (`unit: ratio` is as long as `unit: score`): its `[` at column 49
    const loaded = loadPolicy(
      POLICY.replace('self_rating: { label: 自评, unit: score', 'self_rating: { label: 自评, unit: ratio'),
      'review.yaml',
    );
    expect(loaded.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_ratio_range_percent',
        '`self_rating` is a ratio, which a policy writes as a fraction (0.3 is 30 %): `range: [0, 100]` reads as percent points, so a threshold such as 30 could mean 30 % or 3000 %',
        'write the range and every threshold as fractions: `range: [0, 1]`',
        5,
        49,
      ],
    ]);
  });

  it('is read as written when it is in fractions, growth past 100 % included', () => {
    const text = POLICY.replace(
      'self_rating: { label: 自评, unit: score, range: [ 0, 100 ]',
      'self_rating: { label: 自评, unit: ratio, range: [ -1, 2.5 ]',
    );
    expect(loadPolicy(text, 'review.yaml').diagnostics).toEqual([]);
  });
});

describe('a rating indicator on a range with no full mark', () => {
  it('is refused at the indicator’s metric when the range maximum is not above 0', () => {
    // a rating is scored out of its range's maximum: `range: [ 0, 0 ]` (or [-100, 0]) has no full
    // mark, and every record scored 0 points. Line 21 is `      review: { metric: review_360, … }`,
    // `review_360` at column 25.
    const loaded = loadPolicy(POLICY.replace('    range: [ 0, 100 ]\n', '    range: [ 0, 0 ]\n'), 'review.yaml');
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_rating_needs_range',
        'rating indicator `review` scores `review_360` out of its range maximum 0, which is not above 0',
        21,
        25,
      ],
    ]);
  });
});

describe('a rating indicator on a derived metric with a range', () => {
  it('scores the composite out of the range maximum', () => {
    const loaded = loadPolicy(POLICY, 'review.yaml');
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    // 90 × 0.2 + 80 × 0.3 + 70 × 0.5 = 18 + 24 + 35 = 77 of 100 → 77 points; pay 3000 × 0.77 = 2310
    const r = evaluateRecordSync(loaded.policy, record(90, 80, 70));
    if (!r.ok) throw new Error('unscorable');
    expect(r.scorecard.indicators[0]?.points).toBe(77);
    expect(r.scorecard.payout.totalFen).toBe(231000);
    expect(r.scorecard.explanation[1]).toBe('  360度评分 77，满分 100 → 77 分 × 权重 100% = 77 分');
  });

  it('reads a range of [0, 5] as a full mark of 5', () => {
    const five = loadPolicy(
      POLICY.replace('range: [ 0, 100 ]\nstages', 'range: [ 0, 5 ]\nstages').replace(/ \* 0\.(\d)/g, ' * 0.0$1'),
      'review.yaml',
    );
    if (!five.ok) throw new Error(five.diagnostics.map((d) => d.message).join('\n'));
    // 90 × 0.02 + 80 × 0.03 + 70 × 0.05 = 1.8 + 2.4 + 3.5 = 7.7 > 5: outside the range
    const r = evaluateRecordSync(five.policy, record(90, 80, 70), { lang: 'en' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons.map((d) => [d.code, d.message])).toEqual([
      [
        'eval_derived_out_of_range',
        '`360度评分` (self_rating * 0.02 + peer_rating * 0.03 + manager_rating * 0.05) is 7.7 for `H1`, outside its range [0, 5]',
      ],
    ]);
    // 40 × 0.02 + 50 × 0.03 + 40 × 0.05 = 0.8 + 1.5 + 2 = 4.3 of 5 → 86 points
    const ok = evaluateRecordSync(five.policy, record(40, 50, 40));
    expect(ok.ok && ok.scorecard.indicators[0]?.points).toBe(86);
  });

  it('weights adding up to 1.1 are caught only where they pass the range (docs: "at the first record above the range")', () => {
    const off = loadPolicy(POLICY.replace('self_rating * 0.2', 'self_rating * 0.3'), 'review.yaml');
    if (!off.ok) throw new Error(off.diagnostics.map((d) => d.message).join('\n'));
    // 90 × 0.3 + 80 × 0.3 + 70 × 0.5 = 27 + 24 + 35 = 86 ≤ 100: scored as written, 86 points
    const inside = evaluateRecordSync(off.policy, record(90, 80, 70));
    expect(inside.ok && inside.scorecard.score).toBe(86);
    // 100 × 1.1 = 110 > 100: excluded
    const above = evaluateRecordSync(off.policy, record(100, 100, 100), { lang: 'en' });
    expect(above.ok ? [] : above.reasons.map((d) => d.code)).toEqual(['eval_derived_out_of_range']);
  });

  it('asks for a range on the derived metric when it has none, naming it', () => {
    const r = loadPolicy(POLICY.replace('    range: [ 0, 100 ]\nstages', 'stages'), 'review.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help, d.span?.line, d.span?.column])).toEqual([
      [
        'policy_rating_needs_range',
        'rating indicator `review` scores `review_360`, which has no `range`',
        'give `review_360` (a metric or a derived metric) a range such as `range: [0, 100]` or `range: [0, 5]`: its maximum is the full mark',
        20,
        25,
      ],
    ]);
  });

  it('refuses a range that is not two numbers', () => {
    const r = loadPolicy(POLICY.replace('range: [ 0, 100 ]\nstages', 'range: [ 100 ]\nstages'), 'review.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['schema_range', 13]]);
  });
});
