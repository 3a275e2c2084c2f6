// A team budget and then the total budget, both `fit: scale_variable` (docs/policy-language.md,
// "budget"): a person of the team is scaled twice. The statement used to give one ratio, the
// product, and say 「全体浮动薪酬按同一比例缩减」, which was true of nobody: the team had one ratio,
// the others another. It now names each budget with its ratio, team first, and says "the same ratio
// for everyone" only when it is so.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const policy = (budget: string) => `policy: budget-steps
title: 预算测试
version: 1.0.0
metrics:
  rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
stages:
  s: { title: 初创期 }
roles:
  r:
    title: 编导
    pay_base: 1000
    indicators:
      att: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  star:
    title: 明星奖
    when: { fact: rating, operator: greaterThanInclusive, value: 90 }
    award: 100
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
budget:
${budget}
  fit: scale_variable
`;
const DATA = `工号,姓名,岗位,团队,阶段,月份,上级评分
E1,甲,编导,甲组,初创期,2026-10,95
E2,乙,编导,甲组,初创期,2026-10,85
E3,丙,编导,乙组,初创期,2026-10,77.7
E4,丁,编导,乙组,初创期,2026-10,91
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-budget-steps-'));
  writeFileSync(join(dir, 'both.yaml'), policy('  total: 3000\n  teams: { 甲组: 1800 }'));
  writeFileSync(join(dir, 'team.yaml'), policy('  teams: { 甲组: 1800 }'));
  writeFileSync(join(dir, 'd.csv'), DATA);
});

/** The statement's budget line of each employee. */
async function statementLines(name: string): Promise<Record<string, string>> {
  const out = join(dir, `st-${name}`);
  const r = await yardstick('statements', join(dir, `${name}.yaml`), '--data', join(dir, 'd.csv'), '--out', out);
  expect(r.code).toBe(0);
  const lines: Record<string, string> = {};
  for (const id of ['E1', 'E2', 'E3', 'E4']) {
    const m = /<li>(预算缩减：[^<]*)<\/li>/.exec(readFileSync(join(out, `${id}.html`), 'utf8'));
    if (m) lines[id] = m[1]!;
  }
  return lines;
}

async function explainLine(name: string, employee: string, ...extra: string[]): Promise<string | undefined> {
  const r = await yardstick(
    'explain',
    join(dir, `${name}.yaml`),
    '--data',
    join(dir, 'd.csv'),
    '--employee',
    employee,
    ...extra,
  );
  expect(r.code).toBe(0);
  return r.stdout.split('\n').find((l) => l.startsWith('    预算缩减：') || l.startsWith('    budget scaling:'));
}

// By hand. Performance pay = 1,000 × score / 100: E1 950 (+ ¥100 award, rating ≥ 90), E2 850,
// E3 777, E4 910 (+ ¥100 award).
// 甲组 (E1, E2): 1,050 + 850 = ¥1,900 against ¥1,800; variable 1,800, fixed 100, room 1,700, ratio
//   17/18 = 0.944444: E1 950 × 17/18 = 897.222… → 897.22, E2 802.777… → 802.78 (the fen left over
//   to the larger remainder).
// total: 1,800 + 777 + 1,010 = ¥3,587 against ¥3,000; variable 897.22 + 802.78 + 777 + 910 = 3,387,
//   fixed 200, room 2,800, ratio 2,800 / 3,387 = 0.82669 (0.826690 to 6 decimals): E1 741.723… → 741.72,
//   E2 663.650… → 663.65, E3 642.338… → 642.34, E4 752.288… → 752.29 (floors 279,998 fen; the two
//   fen left go to the largest remainders, E3 .835 and E4 .816).
// Printed to 6 decimals: 950 × 0.944444 × 0.82669 = 741.7243 → ¥741.72; 910 × 0.82669 = 752.29.
describe('a team budget, then the total', () => {
  it('statement of E1: each budget with its own ratio, the team first, and the amount paid', async () => {
    const lines = await statementLines('both');
    expect(lines.E1).toBe(
      '预算缩减：浮动薪酬 ¥950.00 × 0.944444（团队 甲组 预算）× 0.82669（总预算）= ¥741.72（先按团队预算、再按总预算缩减，每项预算内的浮动薪酬按同一比例缩减）',
    );
    expect(lines.E2).toBe(
      '预算缩减：浮动薪酬 ¥850.00 × 0.944444（团队 甲组 预算）× 0.82669（总预算）= ¥663.65（先按团队预算、再按总预算缩减，每项预算内的浮动薪酬按同一比例缩减）',
    );
  });

  it('statement of E4: only the total scaled it, and the ratio is not said to be everyone’s', async () => {
    const lines = await statementLines('both');
    expect(lines.E4).toBe(
      '预算缩减：浮动薪酬 ¥910.00 × 0.82669 = ¥752.29（按总预算缩减；部分团队的浮动薪酬已先按团队预算缩减，各人的比例不尽相同）',
    );
    expect(Object.values(lines).some((l) => l.includes('全体浮动薪酬按同一比例'))).toBe(false);
  });

  it('explain says the same under the 预算缩减 line, in Chinese and English', async () => {
    expect(await explainLine('both', 'E1')).toBe(
      '    预算缩减：浮动薪酬 ¥950.00 × 0.944444（团队 甲组 预算）× 0.82669（总预算）= ¥741.72（先按团队预算、再按总预算缩减，每项预算内的浮动薪酬按同一比例缩减）',
    );
    expect(await explainLine('both', 'E1', '--lang', 'en')).toBe(
      '    budget scaling: variable pay ¥950.00 × 0.944444 (team 甲组 budget) × 0.82669 (total budget) = ¥741.72 (scaled to the team budget first, then to the total budget, by one ratio within each budget)',
    );
    expect(await explainLine('both', 'E4', '--lang', 'en')).toBe(
      "    budget scaling: variable pay ¥910.00 × 0.82669 = ¥752.29 (scaled to fit the total budget; some teams' variable pay was scaled to their own budgets first, so not everyone's ratio is the same)",
    );
  });
});

// By hand: the team budget alone, 17/18 = 0.944444 for E1 and E2; E3 and E4 are not scaled.
describe('a team budget alone', () => {
  it('names the team, and the same ratio for the team only', async () => {
    const lines = await statementLines('team');
    expect(lines).toEqual({
      E1: '预算缩减：浮动薪酬 ¥950.00 × 0.944444 = ¥897.22（按团队 甲组 预算缩减，该团队的浮动薪酬按同一比例缩减）',
      E2: '预算缩减：浮动薪酬 ¥850.00 × 0.944444 = ¥802.78（按团队 甲组 预算缩减，该团队的浮动薪酬按同一比例缩减）',
    });
  });
});
