// A formula dividing by a metric that is 0 for one person: ROI = GMV / 投放 with E2's 投放 at 0.
// The record is excluded (never scored as 0), and the run names the person (the excluded record's
// id and row) and the formula. The message does not say which value made it fail: "a value is
// missing or a divisor is 0" leaves HR to find that 投放 is 0 among the record's cells.
// (engine/evaluation/evaluate.ts, exec11's file: the `it.fails` are the report.)

import { describe, expect, it } from 'vitest';
import { runMonth } from './one-role.js';

const policy = (extra: { derived?: string; pay: string }) =>
  [
    'policy: roi',
    'title: 投放回报',
    'version: 1.0.0',
    'metrics:',
    '  rating: { label: 评分, unit: score, range: [0, 100] }',
    '  gmv: { label: GMV, unit: money }',
    '  spend: { label: 投放, unit: money }',
    ...(extra.derived ? ['derived:', `  roi: ${extra.derived}`] : []),
    'stages:',
    '  only: { title: 常规 }',
    'roles:',
    '  staff:',
    '    title: 员工',
    '    pay_base: 8000',
    '    indicators:',
    '      rating: { metric: rating, scoring: rating, weight: 100 }',
    'grades:',
    '  - { grade: A, min: 80 }',
    '  - { grade: B, min: 0 }',
    'payout:',
    `  performance_pay: ${extra.pay}`,
    '  rounding: { to: 0.01, mode: half_up }',
    '',
  ].join('\n');

// E1: 8000 × 80 / 100 = 6400.00, + ROI 1000 / 100 = 10 → 6410.00; E2: 投放 0, excluded
const csv =
  '工号,姓名,岗位,团队,阶段,月份,评分,GMV,投放\nE1,甲,员工,一组,常规,2026-10,80,1000,100\nE2,乙,员工,一组,常规,2026-10,80,1000,0\n';

describe('a derived metric divided by a metric that is 0 for one person', () => {
  const text = policy({ derived: 'gmv / spend', pay: 'pay_base * score / 100 + roi' });

  it('excludes that person, named with the row, and names the formula; the others are paid', async () => {
    const r = await runMonth(text, csv, 'en');
    expect(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen / 100])).toEqual([['E1', 6410]]);
    expect(r.excluded.map((x) => [x.employee_id, x.row, x.reasons.map((d) => d.code)])).toEqual([
      ['E2', 3, ['eval_undefined']],
    ]);
    expect(r.excluded[0]!.reasons[0]!.message).toContain('(gmv / spend)');
  });

  it.fails('says the divisor `spend` is 0', async () => {
    const r = await runMonth(text, csv, 'en');
    expect(r.excluded[0]!.reasons[0]!.message).toMatch(/`spend`[^,]* is 0/);
  });
});

describe('a payout formula divided by a metric that is 0 for one person', () => {
  const text = policy({ pay: 'pay_base * score / 100 * gmv / spend / 10' });

  it('excludes that person and names the formula', async () => {
    // E1: 8000 × 80 / 100 × 1000 / 100 / 10 = 6400.00
    const r = await runMonth(text, csv, 'en');
    expect(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen / 100])).toEqual([['E1', 6400]]);
    expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.code)])).toEqual([['E2', ['eval_payout']]]);
    expect(r.excluded[0]!.reasons[0]!.message).toBe(
      'performance pay `pay_base * score / 100 * gmv / spend / 10` cannot be computed for this record',
    );
  });

  it.fails('says the divisor `spend` is 0', async () => {
    const r = await runMonth(text, csv, 'en');
    expect(r.excluded[0]!.reasons[0]!.message).toMatch(/`spend`[^,]* is 0/);
  });
});
