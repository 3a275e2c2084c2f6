// A monotone sweep compares each employee with the one before it; an employee the engine refuses
// (performance pay below 0: `pay_base * score / 100 - score * 200` is −¥100 a point) is skipped. When
// every employee of every sweep but one or none was refused, nothing was compared, and the built-in
// monotone said "holds · searched 220 cases". It is undecided now, a warning
// (verify_monotone_unsearched), as a declared property on no employee is.
//
// The policy: 主播, pay base ¥10,000, GMV linear (threshold ¥100,000, weight 60) and a rating
// (weight 40); pay is −¥100 a point, so only a score of 0 (no GMV above the threshold, a rating of 0)
// is paid (¥0); every other record is excluded. The indicators are on lines 14 and 15. Before, both
// monotone verdicts said "holds · searched"; the rating's had compared no one.

import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-policy.js';
import { verifyPolicyText } from '../../engine/index.js';

const POLICY = hostPolicy({
  id: 'all-excluded',
  title: '全部排除',
  performancePay: '"pay_base * score / 100 - (score - 0) * 200"',
});

describe('a monotone sweep in which the engine evaluated no two employees to compare', () => {
  it('is undecided, not "holds"', () => {
    const r = verifyPolicyText(POLICY, 'p.yaml');
    if (!r.ok) throw new Error('the policy does not validate');
    const monotone = r.report.verdicts
      .filter((v) => v.property === 'monotone')
      .map((v) => {
        const d = v.diagnostic;
        return [
          v.subject.join('.'),
          v.holds,
          d && [d.code, d.severity, d.message, `${d.span?.line}:${d.span?.column}`],
        ];
      });
    expect(monotone).toEqual([
      // GMV: swept at a rating of 0, the employees below the threshold score 0 and are paid ¥0, so
      // there are pairs to compare (and none pays less)
      ['roles.host.indicators.sales.only', true, undefined],
      // the rating: every rating above 0 scores, and is refused; the one at 0 has no one to compare with
      [
        'roles.host.indicators.att.only',
        undefined,
        [
          'verify_monotone_unsearched',
          'warning',
          'whether the score and pay of 主播 (唯一) never fall as `评分` improves is not decided: of 80 searched cases the engine evaluated no two that differ only in `评分` (it excluded the others, e.g. for a performance pay below 0), so nothing was compared',
          '15:7',
        ],
      ],
    ]);
  });
});

// The same for a declared monotone property on the rating: before, "holds · searched".
describe('a declared monotone property whose sweeps compared no two employees', () => {
  it('is undecided, not "holds"', () => {
    const declared = `${POLICY}properties:\n  rating_up:\n    title: 评分越高应发不减\n    monotone: { metric: rating }\n`;
    const r = verifyPolicyText(declared, 'p.yaml');
    if (!r.ok) throw new Error('the policy does not validate');
    const v = r.report.verdicts.find((x) => x.property === 'properties.rating_up')!;
    const d = v.diagnostic;
    expect([v.holds, d?.code, d?.severity, d?.message, `${d?.span?.line}:${d?.span?.column}`]).toEqual([
      undefined,
      'verify_property_unsearched',
      'warning',
      'property `rating_up` (评分越高应发不减) is not decided: the engine evaluated no two employees it applies to that differ only in `rating` (it excluded the others, e.g. for a performance pay below 0), so nothing was compared',
      '27:5',
    ]);
  });
});
