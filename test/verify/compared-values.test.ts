// The monotone search tried each threshold, target and condition value a rule compares with `<`,
// `>` or `equal`, one step below and above it, but not the values of an `in` / `notIn` list, nor a
// number a payout formula compares a metric with (`(gmv == 250000) * 5000`): a pay drop at exactly
// those values was missed ("holds · searched 220 cases"). They are candidates now, with their
// neighbours.
//
// The policy: 主播, pay base ¥10,000, GMV linear (threshold ¥100,000, target ¥200,000, challenge
// ¥300,000, weight 60) and a rating (weight 40). At a rating of 80 and GMV ¥250,000 the score is
// 110 × 0.6 + 80 × 0.4 = 98, pay ¥9,800.00; one yuan more or less, 98.00012 or 97.99988 → 98 points,
// ¥9,800.00 (scores to 2 decimals). A ¥5,000 award at exactly ¥250,000 (¥14,800.00) pays ¥250,001 less,
// and one everywhere but ¥250,000 pays ¥249,999 more than ¥250,000.

import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-policy.js';
import { verifyPolicyText } from '../../engine/index.js';

const POLICY = (payout: string, rules = '') =>
  hostPolicy({ id: 'compared', title: '比较', performancePay: `"${payout}"`, after: rules });

const PAY = 'pay_base * min(score, 120) / 100';
const award = (when: string) => `adjustments:\n  r:\n    title: 规则\n    when: ${when}\n    award: 5000\n`;

function gmvVerdict(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const v = r.report.verdicts.find(
    (x) => x.property === 'monotone' && x.subject.join('.') === 'roles.host.indicators.sales.only',
  )!;
  return { holds: v.holds, code: v.diagnostic?.code, message: v.diagnostic?.message, confirmed: v.confirmed };
}

describe('the monotone search tries the values a rule lists and a formula compares', () => {
  it('finds the drop after an award `in` a list of GMV values', () => {
    expect(gmvVerdict(POLICY(PAY, award('{ fact: gmv, operator: in, value: [ 250000, 260000 ] }')))).toEqual({
      holds: false,
      code: 'verify_not_monotone',
      message:
        'the pay of 主播 (唯一) falls from ¥14,800.00 to ¥9,800.00 when `GMV` improves from ¥250,000.00 to ¥250,001.00',
      confirmed: true,
    });
  });

  it('finds the drop at a GMV `notIn` the list of an award', () => {
    expect(gmvVerdict(POLICY(PAY, award('{ fact: gmv, operator: notIn, value: [ 250000 ] }')))).toEqual({
      holds: false,
      code: 'verify_not_monotone',
      message:
        'the pay of 主播 (唯一) falls from ¥14,800.00 to ¥9,800.00 when `GMV` improves from ¥249,999.00 to ¥250,000.00',
      confirmed: true,
    });
  });

  it('finds the drop after `(gmv == 250000) * 5000` in the payout formula', () => {
    expect(gmvVerdict(POLICY(`${PAY} + (gmv == 250000) * 5000`))).toEqual({
      holds: false,
      code: 'verify_not_monotone',
      message:
        'the pay of 主播 (唯一) falls from ¥14,800.00 to ¥9,800.00 when `GMV` improves from ¥250,000.00 to ¥250,001.00',
      confirmed: true,
    });
  });
});
