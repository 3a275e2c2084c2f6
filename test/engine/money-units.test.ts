// Money is integer fen inside the engine and yuan only at the edges: a yuan/fen mix-up anywhere
// shows here as an amount 100 times too big or too small.

import { describe, expect, it } from 'vitest';
import { runResultToJson, scorecardFromJson, scorecardToJson, type ScorecardJson } from '../../engine/index.js';
import { oneRolePolicy, runMonth } from './one-role.js';
import { fenToYuan, formatFen, formatMoney, yuanToFen } from '../../engine/model/money.js';
import { formatCsv, formatTable } from '../../node/cli/format/results.js';

describe('the conversions in engine/model/money.ts', () => {
  it('a line of ¥1,234.56 is 123456 fen and prints ¥1,234.56', () => {
    expect(yuanToFen(1234.56)).toBe(123456); // 1234.56 × 100 is 123455.99999999999 in binary
    expect(fenToYuan(123456)).toBe(1234.56);
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatMoney(1234.56)).toBe('¥1,234.56');
  });

  it('prints single fen, negative amounts and thousands', () => {
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-1200)).toBe('-¥12.00');
    expect(formatFen(100_000_000_00)).toBe('¥100,000,000.00');
  });

  it('groups every length of whole yuan by threes from the right', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-0)).toBe('¥0.00');
    expect(formatFen(99)).toBe('¥0.99');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(99_999)).toBe('¥999.99');
    expect(formatFen(100_000)).toBe('¥1,000.00');
    expect(formatFen(1_234_567)).toBe('¥12,345.67');
    expect(formatFen(12_345_601)).toBe('¥123,456.01');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-123_456_789)).toBe('-¥1,234,567.89');
    // the largest whole fen a double holds exactly: 2^53 − 1
    expect(formatFen(9_007_199_254_740_991)).toBe('¥90,071,992,547,409.91');
  });
});

// pay base 1234.56 paid in full, plus awards of ¥0.10 and ¥0.20: in yuan 1234.56 + 0.1 + 0.2 is
// 1234.8600000000001; in fen 123456 + 10 + 20 = 123486 exactly
const always = 'when: { all: [ { fact: rating, operator: greaterThanInclusive, value: 0 } ] }';
const POLICY = oneRolePolicy({
  metrics: '  rating: { label: 评分, unit: score, range: [0, 100] }',
  payBase: 1234.56,
  indicators: '      rating: { metric: rating, scoring: rating, weight: 100 }',
  adjustments: `  dime: { title: 一角, ${always}, award: 0.1 }\n  two_dimes: { title: 两角, ${always}, award: 0.2 }`,
  grades: [['A', 0]],
  performancePay: 'pay_base',
});

const month = () =>
  runMonth(
    POLICY,
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,90\nE2,乙,员工,二组,常规,2026-10,70\n',
  );

describe('a scorecard carries fen', () => {
  it('payout lines and the total are integer fen, the total the sum of its lines', async () => {
    const card = (await month()).scorecards[0];
    expect(card.payout.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['performance_pay', 123456],
      ['award', 10],
      ['award', 20],
    ]);
    expect(card.payout.totalFen).toBe(123486);
    expect(card.explanation.at(-1)).toBe('合计 ¥1,234.86');
  });

  it('the run totals add fen: two employees of ¥1,234.86 are 246972 fen, each team 123486', async () => {
    const { summary } = await month();
    expect([summary.payout_total_fen, summary.payable_total_fen, summary.held_total_fen]).toEqual([246972, 246972, 0]);
    expect({ ...summary.by_team }).toEqual({
      一组: { employees: 1, payout_total_fen: 123486 },
      二组: { employees: 1, payout_total_fen: 123486 },
    });
  });
});

describe('yuan at the edges', () => {
  it('the JSON result shows yuan under the published names, keys in the published order', async () => {
    const json = runResultToJson(await month());
    expect(json.scorecards[0].payout).toEqual({
      pay_base: 1234.56,
      lines: [
        { kind: 'performance_pay', label: '绩效工资', amount: 1234.56 },
        { kind: 'award', source: 'dime', label: '一角', amount: 0.1 },
        { kind: 'award', source: 'two_dimes', label: '两角', amount: 0.2 },
      ],
      total: 1234.86,
      status: 'payable',
    });
    expect(Object.keys(json.scorecards[0].payout)).toEqual(['pay_base', 'lines', 'total', 'status']);
    expect([json.summary.payout_total, json.summary.payable_total, json.summary.held_total]).toEqual([
      2469.72, 2469.72, 0,
    ]);
    expect({ ...json.summary.by_team }).toEqual({
      一组: { employees: 1, payout_total: 1234.86 },
      二组: { employees: 1, payout_total: 1234.86 },
    });
  });

  it('the table and the CSV print yuan', async () => {
    const result = await month();
    expect(formatCsv(result, 'en').split('\r\n')[1]).toBe('E1,甲,一组,员工,常规,90,90,A,,1234.86,payable,,');
    expect(formatTable(result, 'zh')).toContain('应发合计：¥2,469.72（可发 ¥2,469.72，暂扣 ¥0.00，0 人）');
  });

  it('a card stored in yuan (a ledger written before fen) reads back as fen, and writes back byte for byte', () => {
    const stored =
      '{"payout":{"pay_base":4000,"lines":[{"kind":"performance_pay","label":"绩效工资","amount":5654.08}],"total":5654.08,"status":"held"}}';
    const card = scorecardFromJson(JSON.parse(stored) as ScorecardJson);
    expect(card.payout.lines[0].amountFen).toBe(565408);
    expect(card.payout.totalFen).toBe(565408);
    expect(JSON.stringify(scorecardToJson(card))).toBe(stored);
  });

  it('a payout and its lines keep their keys in the order they come, whatever that order', () => {
    const tiered = {
      payout: {
        pay_base: 5000,
        tier: { id: 'gold', basis: 1.2 },
        lines: [{ kind: 'tier_bonus', source: 'gold', label: '金牌奖励', amountFen: 80000 }],
        totalFen: 80000,
        status: 'payable',
      },
    } as unknown as Parameters<typeof scorecardToJson>[0];
    expect(JSON.stringify(scorecardToJson(tiered))).toBe(
      '{"payout":{"pay_base":5000,"tier":{"id":"gold","basis":1.2},"lines":[{"kind":"tier_bonus","source":"gold","label":"金牌奖励","amount":800}],"total":800,"status":"payable"}}',
    );
    // written by hand or by another program: the same names converted, each where it stands
    const reordered = {
      payout: {
        status: 'held',
        totalFen: 1205,
        pay_base: 100,
        lines: [{ label: '绩效工资', amountFen: 1205, kind: 'performance_pay' }],
        note: 'x',
      },
    } as unknown as Parameters<typeof scorecardToJson>[0];
    expect(JSON.stringify(scorecardToJson(reordered))).toBe(
      '{"payout":{"status":"held","total":12.05,"pay_base":100,"lines":[{"label":"绩效工资","amount":12.05,"kind":"performance_pay"}],"note":"x"}}',
    );
  });
});
