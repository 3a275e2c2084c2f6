// A pool of ¥1,000.01 a team split by score, and a budget that scales variable pay, computed by hand;
// then `diff` of two versions on the same month: each person's change and the total are the
// difference of the two runs, to the fen.
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100. Pools: ¥1,000.01 per team, weight
// = score, grade B or better. Old version: budget ¥30,000, fit scale_variable. New version: budget
// ¥28,000 and the award 明星奖 ¥1,000 at rating ≥ 90.
//
//   E1 一组 95 (A)   E2 一组 85 (A)   E3 二组 70 (B)   E4 二组 59 (C: no share)   E5 二组 85 (A)
//   performance pay 9,500 + 8,500 + 7,000 + 5,900 + 8,500 = ¥39,400.00
//
// Pools, each share rounded down to the fen, the fen left over to the largest remainder:
//   一组: 1,000.01 × 95/180 = 527.783… → 527.78; × 85/180 = 472.227… → 472.22; 1 fen left → E2 (0.72 > 0.31): 472.23
//   二组: 1,000.01 × 70/155 = 451.617… → 451.61; × 85/155 = 548.392… → 548.39; 1 fen left → E3 (0.74 > 0.26): 451.62
//   pools in all 2,000.02
//
// New version: room for variable pay = 28,000 − 1,000 (award) − 2,000.02 (pools) = 24,999.98, ratio 24,999.98 / 39,400
//   E1 9,500 → 6,027.9139… → 6,027.91      E2 8,500 → 5,393.3967… → 5,393.39
//   E3 7,000 → 4,441.6208… → 4,441.62      E4 5,900 → 3,743.6518… → 3,743.65      E5 → 5,393.39
//   floors add up to 24,999.96: 2 fen left, to the largest remainders: E2 and E5 (0.6700 each) → 5,393.40
//   totals: E1 6,027.91 + 1,000 + 527.78 = 7,555.69   E2 5,393.40 + 472.23 = 5,865.63
//           E3 4,441.62 + 451.62 = 4,893.24            E4 3,743.65            E5 5,393.40 + 548.39 = 5,941.79
//   sum 28,000.00: the budget exactly
//
// Old version: room = 30,000 − 2,000.02 = 27,999.98, ratio 27,999.98 / 39,400
//   E1 6,751.2642… → 6,751.26   E2 6,040.6048… → 6,040.60   E3 4,974.6157… → 4,974.61
//   E4 4,192.8904… → 4,192.89   E5 6,040.60; floors 27,999.96, 2 fen left to the largest remainders:
//   E3 (0.57), then E2 and E5 tie (0.48) and the smaller id takes it: E3 4,974.62, E2 6,040.61
//   totals: E1 7,279.04   E2 6,512.84   E3 5,426.24   E4 4,192.89   E5 6,588.99; sum 30,000.00

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy, monthCsv } from './month.js';
import { yardstick } from '../yardstick.js';

const plan = (budget: number) =>
  [
    'pools:',
    '  team_bonus:',
    '    title: 团队奖金池',
    '    per: team',
    '    fund: { fixed: 1000.01 }',
    '    weight: score',
    '    min_grade: B',
    'budget:',
    `  total: ${budget}`,
    '  fit: scale_variable',
  ].join('\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-pools-budget-'));
  writeFileSync(join(dir, 'old.yaml'), moneyPolicy(plan(30000)));
  writeFileSync(join(dir, 'new.yaml'), moneyPolicy(plan(28000), { award: true }).replace('1.0.0', '1.1.0'));
  writeFileSync(
    join(dir, 'month.csv'),
    monthCsv([
      ['E1', '一组', 95, 0],
      ['E2', '一组', 85, 0],
      ['E3', '二组', 70, 0],
      ['E4', '二组', 59, 0],
      ['E5', '二组', 85, 0],
    ]),
  );
});

async function totals(version: string): Promise<[string, number][]> {
  const { stdout } = await yardstick('run', join(dir, version), '--data', join(dir, 'month.csv'), '--format', 'json');
  return JSON.parse(stdout).scorecards.map((c: { employee_id: string; payout: { total: number } }) => [
    c.employee_id,
    c.payout.total,
  ]);
}

describe('pools and a budget that scales, by hand', () => {
  it('the old version pays each person to the fen, ¥30,000.00 in all', async () => {
    expect(await totals('old.yaml')).toEqual([
      ['E1', 7279.04],
      ['E2', 6512.84],
      ['E3', 5426.24],
      ['E4', 4192.89],
      ['E5', 6588.99],
    ]);
  });

  it('the new version pays each person to the fen, ¥28,000.00 in all', async () => {
    expect(await totals('new.yaml')).toEqual([
      ['E1', 7555.69],
      ['E2', 5865.63],
      ['E3', 4893.24],
      ['E4', 3743.65],
      ['E5', 5941.79],
    ]);
  });

  it('diff gives each person’s change and the total as the difference of the two runs', async () => {
    const { stdout } = await yardstick(
      'diff',
      join(dir, 'old.yaml'),
      join(dir, 'new.yaml'),
      '--data',
      join(dir, 'month.csv'),
      '--format',
      'json',
    );
    const impact = JSON.parse(stdout)[0].impact;
    // 28,000.00 − 30,000.00 = −2,000.00
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([30000, 28000, -2000]);
    const byId = Object.fromEntries(
      impact.changes.map((c: { employee_id: string; delta: number }) => [c.employee_id, c.delta]),
    );
    // E1 7,555.69 − 7,279.04 = +276.65; E2 5,865.63 − 6,512.84 = −647.21; E3 4,893.24 − 5,426.24 = −533.00;
    // E4 3,743.65 − 4,192.89 = −449.24; E5 5,941.79 − 6,588.99 = −647.20
    expect(byId).toEqual({ E1: 276.65, E2: -647.21, E3: -533, E4: -449.24, E5: -647.2 });
  });
});
