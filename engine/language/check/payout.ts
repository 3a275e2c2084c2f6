// The payout: its formulas and its tiers.

import { variablesOf } from '../expression.js';
import type { Path } from '../parse.js';
import { EPSILON, hint, parseAt, round, type CheckContext } from './context.js';

/** Variables a payout formula may use besides metrics and derived metrics. */
export const PAYOUT_VARIABLES = ['pay_base', 'score', 'base_score', 'attainment'] as const;

/** Payout formulas read known names; tiers have distinct ids, strictly decreasing `min`, and can be reached. */
export function checkPayout(ctx: CheckContext, maxScore: number) {
  const { policy: p, report, known } = ctx;
  const payoutVars = new Set<string>([...known, ...PAYOUT_VARIABLES]);
  const checkExpr = (path: Path, text: unknown) => {
    if (typeof text !== 'string') return;
    const parsed = parseAt(ctx, path, text);
    if (parsed) for (const v of variablesOf(parsed)) if (!payoutVars.has(v)) {
      report('policy_unknown_variable', path, `unknown name \`${v}\` in \`${text}\``, hint(v, [...payoutVars], 'names'));
    }
  };
  checkExpr(['payout', 'performance_pay'], p.payout.performance_pay);
  checkExpr(['payout', 'awards_cap'], p.payout.awards_cap);
  checkExpr(['payout', 'cap'], p.payout.cap);
  const tiers = p.payout.tiers;
  if (tiers) {
    if (tiers.basis !== 'attainment' && !known.has(tiers.basis)) {
      report('policy_unknown_metric', ['payout', 'tiers', 'basis'], `unknown tier basis \`${tiers.basis}\``,
        `use \`attainment\` (score / 100) or a metric: ${hint(tiers.basis, [...known], 'metrics')}`);
    }
    const ids: string[] = [];
    tiers.bands.forEach((b, i) => {
      if (ids.includes(b.tier)) report('policy_duplicate_id', ['payout', 'tiers', 'bands', i, 'tier'], `tier \`${b.tier}\` is listed twice`, 'give every tier its own id');
      ids.push(b.tier);
      if (i > 0 && b.min >= tiers.bands[i - 1].min) {
        report('policy_tiers_order', ['payout', 'tiers', 'bands', i, 'min'], `tier \`${b.tier}\` (min ${b.min}) must have a lower min than \`${tiers.bands[i - 1].tier}\` (min ${tiers.bands[i - 1].min})`,
          'list tiers from the best down with strictly decreasing `min`: the first match applies');
      }
      if (tiers.basis === 'attainment' && b.min > maxScore / 100 + EPSILON) {
        report('policy_tier_unreachable', ['payout', 'tiers', 'bands', i, 'min'], `tier \`${b.tier}\` needs attainment ${b.min} but no employee can score more than ${round(maxScore)} (attainment ${round(maxScore / 100)})`,
          'lower the min, or raise indicator caps, `score.max` or adjustment points', { severity: 'warning' });
      }
    });
  }
}
