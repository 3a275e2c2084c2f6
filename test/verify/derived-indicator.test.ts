// An indicator on a derived metric verify cannot move (`min(gmv, 500000) - max(0, gmv - 500000)`:
// not `a / b`, `a + b` or `a - b` of a metric) lost its `monotone` verdict without a word: `--all`
// listed none, neither proved nor searched nor undecided. And grades A and B read "not reached in
// 241 searched cases" as if the search had looked, though a record with GMV ¥300,000 scores 104
// (grade A): the search never moved that indicator. Both verdicts now say why they are undecided.
//
// The policy (the tester's p-derivind.yaml): 主播, `sales` on derived `room` (余量) at line 14,
// grades A (line 17) and B (line 18).

import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-policy.js';
import { evaluateRecordSync, verifyPolicyText } from '../../engine/index.js';
import { localise } from '../../engine/model/diagnostic.js';
import { compiledPolicy } from '../builders.js';

const TEXT = hostPolicy({
  id: 'p-derivind',
  salesMetric: 'room',
  after: 'derived:\n  room: { expr: "min(gmv, 500000) - max(0, gmv - 500000)", label: 余量, unit: money }\n',
});

function verdicts() {
  const r = verifyPolicyText(TEXT, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts;
}

describe('an indicator on a derived metric verify cannot move', () => {
  it('has a monotone verdict, undecided, that names the formula', () => {
    const v = verdicts().find((x) => x.property === 'monotone' && x.subject.includes('sales'))!;
    expect(v).toBeDefined();
    expect([v.subject.join('.'), v.holds, v.basis, v.cases]).toEqual([
      'roles.host.indicators.sales.only',
      undefined,
      'searched',
      0,
    ]);
    const d = v.diagnostic!;
    expect([d.code, d.severity, `${d.span?.line}:${d.span?.column}`]).toEqual([
      'verify_monotone_unsearched',
      'warning',
      '14:7',
    ]);
    expect(d.message).toBe(
      'whether the score and pay of 主播 (唯一) never fall as `余量` improves is not decided: `余量` is derived as `min(gmv, 500000) - max(0, gmv - 500000)`, which verify cannot move through one of its inputs, so it was neither proved nor searched',
    );
    expect(localise(d, 'zh').message).toBe(
      '主播（唯一）的得分和应发是否随 `余量` 改善而不减无法判定：`余量` 由 `min(gmv, 500000) - max(0, gmv - 500000)` 算出，verify 无法通过它的某一个输入来改变它，因此既没有证明也没有搜索',
    );
  });

  it('says a grade the search did not reach says little, since the search could not move that indicator', () => {
    // GMV ¥300,000 → room 300,000 → sales 120 points × 60 % = 72, rating 80 → 32: 104, grade A
    const e = evaluateRecordSync(
      compiledPolicy(TEXT, 'p.yaml'),
      {
        employee_id: 'E1',
        name: '主播甲',
        team: '直播一组',
        period: '2026-10',
        role: 'host',
        stage: 'only',
        metrics: { gmv: 300000, rating: 80 },
      },
      { history: { grades: () => [] } },
    );
    expect(e.ok && [e.scorecard.score, e.scorecard.grade]).toEqual([104, 'A']);
    const notReached = verdicts()
      .filter((v) => v.property === 'reachable' && v.holds === undefined)
      .map((v) => [
        v.subject.join('.'),
        v.basis,
        `${v.diagnostic!.span?.line}:${v.diagnostic!.span?.column}`,
        v.diagnostic!.message,
      ]);
    const why =
      'was not reached in 241 searched cases, but that says little: the search cannot move `余量`, derived as `min(gmv, 500000) - max(0, gmv - 500000)`, which an indicator scores; no proof says it cannot be reached';
    expect(notReached).toEqual([
      ['grades.0', 'searched', '17:5', `grade \`A\` ${why}`],
      ['grades.1', 'searched', '18:5', `grade \`B\` ${why}`],
    ]);
  });
});
