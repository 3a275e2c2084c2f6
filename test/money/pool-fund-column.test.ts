// A pool funded by a share of a metric (2 % of the team's GMV) needs that metric of everyone in the
// group: a file without the column must be refused, as it is for a metric a payout formula or a
// rule reads (docs/policy-language.md, "Data files": "A file without a required column … is refused
// as a whole"). The pool's metric is among the required ones.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { moneyPolicy } from './month.js';

// moneyPolicy's GMV has `default: 0`, which fills an empty cell but never a missing column
const GMV_POOL = `pools:
  gmv_pool:
    title: GMV 奖金池
    per: team
    fund: { share_of: { metric: gmv, rate: 0.02 } }
    weight: score`;

describe('a share_of pool on a file without the metric’s column', () => {
  // the roles' `required` (engine/language/compile.ts) lists a pool's `fund.share_of.metric` and the
  // metrics of its `weight`; before, every GMV counted 0 (pool.ts: `?? 0`) and each pool was funded ¥0
  it('is refused at the header with data_missing_column, naming GMV', () => {
    const loaded = loadPolicy(moneyPolicy(GMV_POOL), 'policy.yaml');
    if (!loaded.ok) throw new Error('the policy must load');
    const csv = ['工号,姓名,岗位,团队,阶段,月份,上级评分', 'E1,甲,主播,一组,常规,2026-10,90', ''].join('\n');
    const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
    expect(read.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file])).toEqual([
      ['data_missing_column', 'd.csv'],
    ]);
  });
});
