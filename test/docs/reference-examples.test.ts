// The reference's worked figures, read from docs/policy-language.md itself and run: the rounding
// table, the linear examples, the cap taken down to the unit and the binary noise removed. A change
// to the text or to the program that makes them disagree fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { each, runMonth, staffCsv } from '../spec/run.js';
import { yardstickAsIs } from '../yardstick.js';

const DOC = readFileSync('docs/policy-language.md', 'utf8');

/** A one-role policy paying `formula`, rounded as given, on a score that is the rating (0–100). */
const policy = (
  formula: string,
  rounding: string,
  payBase = 1000,
  indicator = 'scoring: rating',
) => `policy: doc-figures
title: 文档中的数字
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
  amt: { label: 金额, unit: money }
  rate: { label: 完成率, unit: ratio }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: ${payBase}
    indicators:
      r: { metric: ${indicator.startsWith('scoring') ? 'rating' : 'rate'}, ${indicator}, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: ${formula}
  rounding: ${rounding}
`;

const rows = (column: string, ...values: string[]) =>
  staffCsv(
    column,
    values.map((v, i) => [`E${i + 1}`, v]),
  );

describe('the rounding table', () => {
  const table = [...DOC.matchAll(/^\| `(\w+)` \([^)]*\) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/gm)];

  it('has a row for each of the four modes', () => {
    expect(table.map((m) => m[1])).toEqual(['half_up', 'half_even', 'down', 'up']);
  });

  it.each(table.map((m) => [m[1]!, m[2]!, m[3]!, m[4]!]))(
    '%s: the program rounds as the row says',
    async (mode, a, b, c) => {
      const fen = async (to: string, ...amounts: string[]) => {
        // a policy that pays the amount itself needs a metric `amt` and a rating for its score
        const text = policy('amt', `{ to: ${to}, mode: ${mode} }`);
        const csv = staffCsv(
          '评分,金额',
          amounts.map((v, i) => [`E${i + 1}`, 80, v]),
        );
        return Object.values(each(await runMonth(text, csv), (s) => s.payout.totalFen));
      };
      expect(await fen('0.01', '1234.565', '1234.575')).toEqual([
        Math.round(Number(a) * 100),
        Math.round(Number(b) * 100),
      ]);
      expect(await fen('1', '724.5')).toEqual([Math.round(Number(c) * 100)]);
    },
  );
});

describe('the linear examples', () => {
  const parse = (line: RegExp) => {
    const m = line.exec(DOC);
    if (!m) throw new Error(`not in the docs: ${line}`);
    return m.slice(1).map(Number);
  };

  it('completion threshold 0.30, target 0.40, challenge 0.50', async () => {
    const [thr, tgt, chl, x1, p1, x2, p2] = parse(
      /^Example: completion threshold ([\d.]+), target ([\d.]+), challenge ([\d.]+) → ([\d.]+) scores (\d+), ([\d.]+) scores (\d+)\.$/m,
    );
    const text = policy(
      'pay_base * score / 100',
      '{ to: 0.01, mode: half_up }',
      1000,
      `threshold: ${thr}, target: ${tgt}, challenge: ${chl}`,
    );
    const r = await runMonth(text, rows('完成率', String(x1), String(x2)));
    expect(Object.values(each(r, (s) => s.score))).toEqual([p1, p2]);
  });

  it('return rate (lower) threshold 0.15, target 0.10, challenge 0.05', async () => {
    const [thr, tgt, chl, x1, p1, x2, p2] = parse(
      /^Return rate \(lower\) threshold ([\d.]+), target ([\d.]+), challenge ([\d.]+) → ([\d.]+) scores (\d+), ([\d.]+) scores (\d+)\.$/m,
    );
    const text = policy(
      'pay_base * score / 100',
      '{ to: 0.01, mode: half_up }',
      1000,
      `better: lower, threshold: ${thr}, target: ${tgt}, challenge: ${chl}`,
    );
    const r = await runMonth(text, rows('完成率', String(x1), String(x2)));
    expect(Object.values(each(r, (s) => s.score))).toEqual([p1, p2]);
  });
});

describe('caps and noise', () => {
  it('`cap: pay_base * 1.5` with pay base 3333 pays at most ¥4,999 at `to: 1`, even under half_up and up', async () => {
    expect(DOC).toContain(
      '`cap: pay_base * 1.5` with pay base 3333 is 4999.5, so at `to: 1` the employee is paid at most\n¥4,999',
    );
    for (const mode of ['half_up', 'up']) {
      const text = policy('pay_base * 2', `{ to: 1, mode: ${mode} }`, 3333).replace(
        '  rounding:',
        '  cap: pay_base * 1.5\n  rounding:',
      );
      const r = await runMonth(text, rows('评分', '80'));
      expect(r.scorecards[0]!.payout.totalFen).toBe(499900);
    }
  });

  it('binary noise is removed: 1.1 × 3 rounded up to 0.1 is 3.30, not 3.40; 1.005 half up is 1.01', async () => {
    expect(DOC).toContain(
      '`1.1 × 3` is 3.3000000000000003 in binary\narithmetic, and rounded `up` to `0.1` it is ¥3.30, not ¥3.40; ¥1.005, whose nearest double is\n1.00499…, is ¥1.01 under `half_up`.',
    );
    const money = (formula: string, rounding: string, amt: string) =>
      runMonth(policy(formula, rounding), staffCsv('评分,金额', [['E1', 80, amt]]));
    expect((await money('amt * 3', '{ to: 0.1, mode: up }', '1.1')).scorecards[0]!.payout.totalFen).toBe(330);
    expect((await money('amt', '{ to: 0.01, mode: half_up }', '1.005')).scorecards[0]!.payout.totalFen).toBe(101);
  });
});

describe('docs/review.md: the sweep of the sample month', () => {
  it('prints every line the page shows (spaces between columns aside), from the command it shows', async () => {
    const page = readFileSync('docs/review.md', 'utf8');
    const block = page.split('On the sample month:\n\n```\n')[1]!.split('```')[0]!;
    const [command, ...shown] = block.replace(' \\\n', ' ').split('\n');
    expect(command).toMatch(/^\$ yardstick sweep /);
    const argv = command!.replace(/^\$ yardstick /, '').split(/\s+/);
    const r = await yardstickAsIs(...argv);
    expect(r.code).toBe(0);
    const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
    const printed = new Set(r.stdout.split('\n').map(squeeze));
    const missing = shown.map(squeeze).filter((l) => l !== '' && l !== '…' && !printed.has(l));
    expect(missing).toEqual([]);
  });
});
