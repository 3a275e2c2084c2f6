// The payout: its formulas and its tiers.

import { variablesOf } from '../expression.js';
import type { Path } from '../parse.js';
import { EPSILON, isPlainRatio, parseAt, round, suggest, type CheckContext } from './context.js';
import { checkAttainmentValue, isAttainmentInPercent } from './rules.js';

/** Variables a payout formula may use besides metrics and derived metrics. */
export const PAYOUT_VARIABLES = ['pay_base', 'score', 'base_score', 'attainment'] as const;

/** Payout formulas read known names; tiers have distinct ids, strictly decreasing `min`, and can be reached. */
export function checkPayout(ctx: CheckContext, maxScore: number) {
  const { policy: p, report, known } = ctx;
  const payoutVars = new Set<string>([...known, ...PAYOUT_VARIABLES]);
  const checkExpr = (path: Path, text: unknown) => {
    if (typeof text !== 'string') return;
    const parsed = parseAt(ctx, path, text);
    if (parsed)
      for (const v of variablesOf(parsed))
        if (!payoutVars.has(v)) {
          const { near, known } = suggest(v, [...payoutVars]);
          if (near === undefined) report('policy_unknown_variable', { name: v, text, known }, path);
          else report('policy_unknown_variable.near', { name: v, text, near, known }, path);
        }
  };
  checkExpr(['payout', 'performance_pay'], p.payout.performance_pay);
  checkExpr(['payout', 'awards_cap'], p.payout.awards_cap);
  checkExpr(['payout', 'cap'], p.payout.cap);
  const tiers = p.payout.tiers;
  if (tiers) {
    if (tiers.basis !== 'attainment' && !known.has(tiers.basis)) {
      const { near, known: list } = suggest(tiers.basis, [...known]);
      const at = ['payout', 'tiers', 'basis'];
      if (near === undefined) report('policy_unknown_metric.tier_basis', { metric: tiers.basis, known: list }, at);
      else report('policy_unknown_metric.tier_basis_near', { metric: tiers.basis, near, known: list }, at);
    }
    const ids: string[] = [];
    tiers.bands.forEach((b, i) => {
      if (ids.includes(b.tier))
        report('policy_duplicate_id.tier', { tier: b.tier }, ['payout', 'tiers', 'bands', i, 'tier']);
      ids.push(b.tier);
      const previous = tiers.bands[i - 1];
      if (previous && b.min >= previous.min) {
        report(
          'policy_tiers_order',
          { tier: b.tier, min: b.min, previous: previous.tier, previous_min: previous.min },
          ['payout', 'tiers', 'bands', i, 'min'],
        );
      }
      if (isPlainRatio(ctx, tiers.basis) && b.min > 1)
        // 90 on a ratio basis is 90 % written as percent points, or a band nobody reaches
        report(
          'policy_value_type.ratio',
          { fact: tiers.basis, value: String(b.min), fraction: String(Number((b.min / 100).toFixed(6))) },
          ['payout', 'tiers', 'bands', i, 'min'],
        );
      const percentPoints = tiers.basis === 'attainment' && isAttainmentInPercent(b.min, maxScore / 100);
      if (percentPoints) checkAttainmentValue(ctx, b.min, ['payout', 'tiers', 'bands', i, 'min']);
      else if (tiers.basis === 'attainment' && b.min > maxScore / 100 + EPSILON) {
        report(
          'policy_tier_unreachable',
          { tier: b.tier, min: b.min, max: round(maxScore), max_attainment: round(maxScore / 100) },
          ['payout', 'tiers', 'bands', i, 'min'],
          { severity: 'warning' },
        );
      }
    });
  }
}
