// A fact with no value — here a metric only a trigger reads, left empty — makes the number
// comparisons, `equal` and `in` false, and `notEqual` and `notIn` true (docs/policy-language.md,
// "History facts", last paragraph; `in`/`notIn` were not named there before).

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { runPolicy } from '../../engine/index.js';
import { compiledPolicy, policy } from '../builders.js';

describe('an absent fact in a trigger', () => {
  it('fires notEqual, notIn and absent; not equal, in, lessThan, greaterThan or present', async () => {
    const built = policy().metric('bonus_count', { label: '奖励次数', unit: 'count' });
    const cases: [string, string, unknown][] = [
      ['t_equal', 'equal', 5],
      ['t_not_equal', 'notEqual', 5],
      ['t_in', 'in', [5]],
      ['t_not_in', 'notIn', [5]],
      ['t_less', 'lessThan', 5],
      ['t_greater', 'greaterThan', 5],
      ['t_absent', 'absent', undefined],
      ['t_present', 'present', undefined],
    ];
    for (const [id, operator, value] of cases)
      built.trigger(id, {
        title: id,
        when: {
          all: [value === undefined ? { fact: 'bonus_count', operator } : { fact: 'bonus_count', operator, value }],
        },
        action: { type: 'notify' },
      });
    const compiled = compiledPolicy(built.yaml(), 'absent.yaml');
    const read = readRecords(
      '工号,姓名,岗位,团队,阶段,月份,评分,奖励次数\nE1,甲,员工,一组,常规,2026-10,80,\n',
      'csv',
      compiled.contract,
      {
        file: 'data.csv',
      },
    );
    const result = await runPolicy(compiled, { records: read.records });
    expect(result.excluded).toEqual([]);
    expect(result.scorecards[0].triggers.map((t) => t.id)).toEqual(['t_not_equal', 't_not_in', 't_absent']);
  });
});
