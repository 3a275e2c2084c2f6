// "Thirteen A in a row → promotion review", over a file of thirteen months (2025-10 … 2026-10, a
// year boundary inside), each month scored with the file's earlier months as its history
// (docs/policy-language.md, history facts). Hand-counted: the trigger fires in the 13th month only,
// and a B in the middle starts the count again.

import { describe, expect, it } from 'vitest';
import { loadPolicy, runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { policy } from '../builders.js';

// the minimal policy (test/builders.ts): the rating is the score, A from 80
const text = policy()
  .trigger('year_of_a', {
    title: '连续13个月A',
    when: { all: [{ fact: 'consecutive_grade', params: { grade: 'A' }, operator: 'greaterThanInclusive', value: 13 }] },
    action: { type: 'promotion_review' },
  })
  .yaml();

/** The 13 months from 2025-10 to 2026-10. */
const MONTHS = Array.from({ length: 13 }, (_, k) => {
  const m = 9 + k; // months since 2025-01, 0-based
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

/** The months in which E1 is promoted, given a rating per month. */
async function promoted(ratings: number[]) {
  const loaded = loadPolicy(text, 'p.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const csv = [
    '工号,姓名,岗位,团队,阶段,月份,评分',
    ...MONTHS.map((m, k) => `E1,甲,员工,一组,常规,${m},${ratings[k]}`),
  ];
  const read = readRecords(`${csv.join('\n')}\n`, 'csv', loaded.policy.contract, { file: 'd.csv' });
  return (await runPolicy(loaded.policy, { records: read.records })).scorecards
    .filter((c) => c.triggers.some((t) => t.id === 'year_of_a'))
    .map((c) => c.period);
}

describe('thirteen A in a row across a year boundary', () => {
  it('the months run 2025-10 to 2026-10', () => {
    expect([MONTHS[0], MONTHS[2], MONTHS[3], MONTHS[12]]).toEqual(['2025-10', '2025-12', '2026-01', '2026-10']);
  });

  it('fires in the 13th month (2026-10) only', async () => {
    expect(await promoted(Array(13).fill(90))).toEqual(['2026-10']);
  });

  it('does not fire when the first month is a B: 12 in a row', async () => {
    expect(await promoted([79.99, ...Array(12).fill(90)])).toEqual([]);
  });

  it('does not fire with a B in January 2026', async () => {
    expect(await promoted(MONTHS.map((m) => (m === '2026-01' ? 70 : 90)))).toEqual([]);
  });
});
