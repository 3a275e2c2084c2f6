// The policies of the held-month roll-up tests (test/rollup/held.test.ts, the editor's preview in
// test/editor/rollup-preview-held.test.ts): a month with a 刷量 hold, and a quarter with forced
// distribution over the team and an award on the calibrated grade.

import { ROLLUP_MONTHLY } from '../builders.js';

/** ROLLUP_MONTHLY with a 刷量 hold: a record flagged (刷量标记 > 0) is scored, its pay held. */
export const HELD_MONTHLY = ROLLUP_MONTHLY.replace(
  '  rating: { label: 评分, unit: score, range: [ 0, 100 ] }\n',
  '  rating: { label: 评分, unit: score, range: [ 0, 100 ] }\n  flagged: { label: 刷量标记, unit: count, default: 0 }\n',
).replace(
  'payout:\n',
  `holds:
  fake_traffic:
    title: 疑似刷量
    when: { all: [ { fact: flagged, operator: greaterThan, value: 0 } ] }
    reason: 请用蝉妈妈或飞瓜核实数据后再发放
payout:
`,
);

/** A quarter over the team: 优秀 (average ≥ 90) for at most a quarter of the team, rounded up; ¥2,000 for a calibrated 优秀. */
export const HELD_QUARTERLY = `policy: quarterly
title: 季度评优
version: 1.0.0
effective_from: 2026-Q3
rollup: { of: monthly, period: quarter, min_months: 2 }
facts:
  avg_score: { average: score, title: 季均得分 }
score: avg_score
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 合格, min: 0 }
calibration:
  within: team
  quotas:
    优秀: { max: 0.25 }
  small_teams: round_up
payout:
  awards:
    top:
      title: 季度优秀奖
      when: { all: [ { fact: calibrated_grade, operator: equal, value: 优秀 } ] }
      award: 2000
`;
