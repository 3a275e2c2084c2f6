// A formula that divides by a value that is 0 for one person excludes that person (never scored
// as 0), and the message says which divisor is 0, so HR looks at one cell, not the whole row.
// Other causes (a value missing, a number too large) keep the general phrasing.

import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../../engine/language/expression.js';
import { exprText, undefinedCause } from '../../engine/language/undefined-cause.js';
import { localise } from '../../engine/model/diagnostic.js';
import { runMonth } from './one-role.js';

const policy = (o: { derived?: string; pay: string; adjustments?: string[]; cap?: string }) =>
  [
    'policy: roi',
    'title: 投放回报',
    'version: 1.0.0',
    'metrics:',
    '  rating: { label: 评分, unit: score, range: [0, 100] }',
    '  gmv: { label: GMV, unit: money }',
    '  spend: { label: 投放, unit: money }',
    '  refund: { label: 退款, unit: money }',
    ...(o.derived ? ['derived:', `  roi: { label: 投产比, expr: '${o.derived}' }`] : []),
    'stages:',
    '  only: { title: 常规 }',
    'roles:',
    '  staff:',
    '    title: 员工',
    '    pay_base: 8000',
    '    indicators:',
    '      rating: { metric: rating, scoring: rating, weight: 100 }',
    ...(o.adjustments ? ['adjustments:', ...o.adjustments] : []),
    'grades:',
    '  - { grade: A, min: 80 }',
    '  - { grade: B, min: 0 }',
    'payout:',
    `  performance_pay: ${o.pay}`,
    ...(o.cap ? [`  cap: ${o.cap}`] : []),
    '  rounding: { to: 0.01, mode: half_up }',
    '',
  ].join('\n');

// E1 spends 100 and refunds 20; E2 spends 0; E3 spends 50 and refunds all 50
const csv = [
  '工号,姓名,岗位,团队,阶段,月份,评分,GMV,投放,退款',
  'E1,甲,员工,一组,常规,2026-10,80,1000,100,20',
  'E2,乙,员工,一组,常规,2026-10,80,1000,0,0',
  'E3,丙,员工,一组,常规,2026-10,80,1000,50,50',
  '',
].join('\n');

const paid = (r: Awaited<ReturnType<typeof runMonth>>) =>
  r.scorecards.map((c) => [c.employee_id, c.payout.totalFen / 100]);
const excluded = (r: Awaited<ReturnType<typeof runMonth>>, lang: 'en' | 'zh' = 'en') =>
  r.excluded.map((x) => [x.employee_id, x.row, ...x.reasons.map((d) => `${d.code}: ${localise(d, lang).message}`)]);

describe('a derived metric divided by a value that is 0 for one person', () => {
  it('names the divisor `spend` in English and in Chinese; the others are paid', async () => {
    const text = policy({ derived: 'gmv / spend', pay: 'pay_base * score / 100 + roi' });
    const r = await runMonth(text, csv, 'en');
    // E1: 8000 × 80 / 100 + 1000 / 100 = 6400 + 10 = 6410.00; E3: 6400 + 1000 / 50 = 6420.00
    expect(paid(r)).toEqual([
      ['E1', 6410],
      ['E3', 6420],
    ]);
    expect(excluded(r)).toEqual([
      ['E2', 3, 'eval_undefined: `投产比` (gmv / spend) cannot be computed: the divisor `spend` is 0'],
    ]);
    expect(excluded(r, 'zh')).toEqual([
      ['E2', 3, 'eval_undefined: 无法计算 `投产比`（gmv / spend）：除数 `spend` 为 0'],
    ]);
    expect(localise(r.excluded[0]!.reasons[0]!, 'en').help).toBe(
      "check `spend` in the record's data; if 0 is a real value there, write the formula so that it has a value then (for example `max(spend, 1)`, or a condition `… > 0 ? … : 0`)",
    );
  });

  it('names a compound divisor as an expression: E3 spends 50 and refunds 50', async () => {
    const text = policy({ derived: 'gmv / (spend - refund)', pay: 'pay_base * score / 100 + roi' });
    const r = await runMonth(text, csv, 'en');
    // E1: 6400 + 1000 / (100 − 20) = 6400 + 12.5 = 6412.50
    expect(paid(r)).toEqual([['E1', 6412.5]]);
    expect(excluded(r)).toEqual([
      [
        'E2',
        3,
        'eval_undefined: `投产比` (gmv / (spend - refund)) cannot be computed: the divisor `(spend - refund)` is 0',
      ],
      [
        'E3',
        4,
        'eval_undefined: `投产比` (gmv / (spend - refund)) cannot be computed: the divisor `(spend - refund)` is 0',
      ],
    ]);
  });

  it('a guarded division pays everyone: the branch that divides is not taken for E2', async () => {
    const text = policy({ derived: 'spend > 0 ? gmv / spend : 0', pay: 'pay_base * score / 100 + roi' });
    const r = await runMonth(text, csv, 'en');
    // E1 6410.00, E2 6400 + 0 = 6400.00, E3 6420.00
    expect(paid(r)).toEqual([
      ['E1', 6410],
      ['E2', 6400],
      ['E3', 6420],
    ]);
    expect(r.excluded).toEqual([]);
  });
});

describe('a payout formula divided by a value that is 0 for one person', () => {
  it('performance pay names the divisor', async () => {
    const r = await runMonth(policy({ pay: 'pay_base * score / 100 * gmv / spend / 10' }), csv, 'en');
    // E1: 8000 × 80 / 100 × 1000 / 100 / 10 = 6400.00; E3: 6400 × 1000 / 50 / 10 = 12800.00
    expect(paid(r)).toEqual([
      ['E1', 6400],
      ['E3', 12800],
    ]);
    expect(excluded(r)).toEqual([
      [
        'E2',
        3,
        'eval_payout: performance pay `pay_base * score / 100 * gmv / spend / 10` cannot be computed for this record: the divisor `spend` is 0',
      ],
    ]);
    expect(excluded(r, 'zh')).toEqual([
      ['E2', 3, 'eval_payout: 这条记录无法计算绩效奖金 `pay_base * score / 100 * gmv / spend / 10`：除数 `spend` 为 0'],
    ]);
  });

  it('the payout cap names the divisor', async () => {
    const r = await runMonth(policy({ pay: 'pay_base * score / 100', cap: "'gmv / spend * 1000'" }), csv, 'en');
    // E1: 6400 capped at 1000 / 100 × 1000 = 10000 → 6400.00; E3: cap 1000 / 50 × 1000 = 20000 → 6400.00
    expect(paid(r)).toEqual([
      ['E1', 6400],
      ['E3', 6400],
    ]);
    expect(excluded(r)).toEqual([
      [
        'E2',
        3,
        'eval_payout: the payout cap `gmv / spend * 1000` cannot be computed for this record: the divisor `spend` is 0',
      ],
    ]);
  });

  it("an adjustment's per-unit count names the divisor", async () => {
    const adjustments = [
      '  roi_bonus:',
      '    title: 投产奖',
      '    when: { all: [ { fact: gmv, operator: greaterThan, value: 0 } ] }',
      '    award: { per: gmv / spend, amount: 10 }',
    ];
    const r = await runMonth(policy({ pay: 'pay_base * score / 100', adjustments }), csv, 'en');
    // E1: 6400 + (1000 / 100) × 10 = 6500.00; E3: 6400 + (1000 / 50) × 10 = 6600.00
    expect(paid(r)).toEqual([
      ['E1', 6500],
      ['E3', 6600],
    ]);
    expect(excluded(r)).toEqual([
      [
        'E2',
        3,
        'eval_undefined: the number of units of `投产奖` (gmv / spend) cannot be computed: the divisor `spend` is 0',
      ],
    ]);
  });
});

describe('undefinedCause: the first cause in evaluation order', () => {
  const expr = (text: string): Expr => {
    const p = parseExpression(text);
    if (!p.ok) throw new Error(p.message);
    return p.expr;
  };
  it.each([
    ['a / b', { a: 1, b: 0 }, { kind: 'divisor', divisor: 'b' }],
    ['a % (b - c)', { a: 1, b: 2, c: 2 }, { kind: 'divisor', divisor: '(b - c)' }],
    ['min(a, b / c)', { a: 1, b: 2, c: 0 }, { kind: 'divisor', divisor: 'c' }],
    ['x / a + b / c', { a: 1, b: 2, c: 0 }, { kind: 'missing', name: 'x' }],
    ['a / b + x', { a: 1, b: 0 }, { kind: 'divisor', divisor: 'b' }],
    ['a > 0 ? b / a : -c / a', { a: 0, b: 1, c: 1 }, { kind: 'divisor', divisor: 'a' }],
    ['a / b', { a: 1, b: 2 }, undefined],
    ['a * b', { a: 1e200, b: 1e200 }, undefined],
  ] as const)('%s with %o', (text, scope, cause) => {
    expect(undefinedCause(expr(text), scope)).toEqual(cause);
  });
  it('prints a part with every compound in parentheses', () => {
    expect(exprText(expr('round(a / (b - -c), 2) + (x > 1 ? 1 : 0)'))).toBe(
      '(round((a / (b - -c)), 2) + ((x > 1) ? 1 : 0))',
    );
  });
});
