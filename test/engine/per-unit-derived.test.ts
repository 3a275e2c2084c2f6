// A per-unit count is needed only when its rule fires (docs/policy-language.md, "Per-unit points and
// awards": "when it cannot be computed for a record the rule fires on (a divisor of 0), the record
// is excluded"). The count may be a formula written in `per` or a derived metric; both now behave
// the same. Before, a derived metric named in `per` excluded every record it could not be computed
// for — an employee with no videos was left unpaid by a bonus they did not qualify for.

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { runPolicy } from '../../engine/index.js';
import { compiledPolicy, policy, when } from '../builders.js';

/**
 * Scored on `rating` (score = rating, pay 1000 × score / 100); when the rating is at least 90, +2
 * points per unit of viral / published × 10 (the viral rate in tenths), at most +10.
 */
async function run(per: 'derived' | 'formula', rows: string[]) {
  const built = policy()
    .metric('viral', { label: '爆款数', unit: 'count' })
    .metric('published', { label: '发布数', unit: 'count' })
    .set('derived', { viral_rate: 'viral / published' })
    .adjustment('viral_points', {
      title: '爆款率加分',
      when: when('rating', 'greaterThanInclusive', 90),
      points: { per: per === 'derived' ? 'viral_rate * 10' : 'viral / published * 10', amount: 2, max: 10 },
    });
  const compiled = compiledPolicy(built.yaml(), 'per.yaml');
  const read = readRecords(
    `工号,姓名,岗位,团队,阶段,月份,评分,爆款数,发布数\n${rows.join('\n')}\n`,
    'csv',
    compiled.contract,
    {
      file: 'data.csv',
    },
  );
  const result = await runPolicy(compiled, { records: read.records });
  return {
    scored: result.scorecards.map((c) => [c.employee_id, c.score, c.payout.totalFen]),
    excluded: result.excluded.map((e) => [e.employee_id, e.reasons.map((r) => r.code)]),
  };
}

const ROWS = [
  'E1,甲,员工,一组,常规,2026-10,80,0,0', //  rule does not fire (80 < 90): 0 / 0 is never needed → 80, ¥800
  'E2,乙,员工,一组,常规,2026-10,90,2,10', // fires: 2 / 10 × 10 = 2 units × 2 = +4 → 94, ¥940
  'E3,丙,员工,一组,常规,2026-10,95,0,0', //  fires, and 0 / 0 cannot be computed: excluded, never paid 0
];

describe('a per-unit count that cannot be computed matters only when its rule fires', () => {
  for (const per of ['formula', 'derived'] as const) {
    it(`per as a ${per}: E1 (rule not firing, 0 / 0) is scored, E2 gets +4, E3 (firing, 0 / 0) is excluded`, async () => {
      expect(await run(per, ROWS)).toEqual({
        scored: [
          ['E1', 80, 80000],
          ['E2', 94, 94000],
        ],
        excluded: [['E3', ['eval_undefined']]],
      });
    });
  }
});
