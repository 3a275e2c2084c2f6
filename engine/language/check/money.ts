// Bonus pools and the budget: the names they use are known, the bounds are in order, the weight
// formula reads known variables.

import { formatFen } from '../../model/money.js';
import { isPerUnit } from '../../model/policy.js';
import { variablesOf } from '../expression.js';
import { teamKey, teamName } from '../teams.js';
import { parseAt, type CheckContext } from './context.js';

/** Variables a pool's weight may use besides the metrics. */
export const POOL_VARIABLES = ['score', 'base_score', 'pay_base', 'attainment'] as const;

/** An amount in yuan is a whole number of fen: ¥1,000.005 could be read as either neighbour. */
export function isWholeFen(value: number): boolean {
  if (!Number.isFinite(value)) return true;
  const x = value * 100;
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

export function checkMoney(ctx: CheckContext) {
  const { policy: p, report } = ctx;
  const metrics = Object.keys(p.metrics);
  const roles = Object.keys(p.roles);
  const fen = (value: number | undefined, at: (string | number)[]) => {
    if (value !== undefined && !isWholeFen(value))
      report('policy_money_fraction_of_fen', { where: at.join('.'), value: String(value) }, at);
  };
  for (const [id, pool] of Object.entries(p.pools ?? {})) {
    const at = ['pools', id];
    if ('fixed' in pool.fund) fen(pool.fund.fixed, [...at, 'fund', 'fixed']);
    fen(pool.min_share, [...at, 'min_share']);
    fen(pool.max_share, [...at, 'max_share']);
    if (pool.min_grade !== undefined && !ctx.grades.includes(pool.min_grade))
      report('policy_pool_unknown_grade', { pool: id, grade: pool.min_grade, known: ctx.grades.join(', ') }, [
        ...at,
        'min_grade',
      ]);
    if ('share_of' in pool.fund && !metrics.includes(pool.fund.share_of.metric))
      report('policy_pool_unknown_metric', { pool: id, metric: pool.fund.share_of.metric, known: metrics.join(', ') }, [
        ...at,
        'fund',
        'share_of',
        'metric',
      ]);
    (pool.roles ?? []).forEach((role, i) => {
      if (!roles.includes(role))
        report('policy_pool_unknown_role', { pool: id, role, known: roles.join(', ') }, [...at, 'roles', i]);
    });
    if (pool.min_share !== undefined && pool.max_share !== undefined) {
      // shares are paid in the policy's unit: a minimum raised to it, a maximum lowered to it, so
      // 5.01 and 5.99 at whole yuan are ¥6 and ¥5, and no share can honour both
      const unitFen = Math.round(p.payout.rounding.to * 100);
      const minUnit = Math.ceil(Math.round(pool.min_share * 100) / unitFen) * unitFen;
      const maxUnit = Math.floor(Math.round(pool.max_share * 100) / unitFen) * unitFen;
      if (pool.min_share > pool.max_share)
        report('policy_pool_bounds', { pool: id, min: pool.min_share, max: pool.max_share }, [...at, 'min_share']);
      else if (minUnit > maxUnit)
        report(
          'policy_pool_bounds.unit',
          {
            pool: id,
            min: pool.min_share,
            max: pool.max_share,
            minUnit: formatFen(minUnit),
            maxUnit: formatFen(maxUnit),
            unit: formatFen(unitFen),
          },
          [...at, 'min_share'],
        );
    }
    const expr = parseAt(ctx, [...at, 'weight'], pool.weight);
    if (expr) {
      const allowed = new Set<string>([...metrics, ...POOL_VARIABLES]);
      for (const name of variablesOf(expr))
        if (!allowed.has(name))
          report('policy_pool_unknown_variable', { pool: id, text: pool.weight, name, known: metrics.join(', ') }, [
            ...at,
            'weight',
          ]);
    }
  }
  fen(p.budget?.total, ['budget', 'total']);
  // a role's pay base, as the data's 绩效基数 cell is (`8000.005`: ¥8,000.00 or ¥8,000.01? the
  // statement showed a base of ¥8,000.01 paying ¥8,000.00 at 100 points under half_even)
  for (const [id, role] of Object.entries(p.roles)) fen(role.pay_base, ['roles', id, 'pay_base']);
  for (const [team, yuan] of Object.entries(p.budget?.teams ?? {})) fen(yuan, ['budget', 'teams', team]);
  // a fixed award and a tier's award are paid as written (`award: 100.004`: ¥100.00 or ¥100.01?),
  // as a roll-up's award is; a per-unit award's `amount` is a rate (¥0.333 a unit), counted to the
  // fen once multiplied, and stays free; its `max` is an amount (`max: 0.004` paid nothing, and
  // `max: 100.005` could be either fen, without a word)
  for (const [id, a] of Object.entries(p.adjustments ?? {}))
    if (typeof a.award === 'number') fen(a.award, ['adjustments', id, 'award']);
    else if (isPerUnit(a.award)) fen(a.award.max, ['adjustments', id, 'award', 'max']);
  p.payout.tiers?.bands.forEach((b, i) => fen(b.award, ['payout', 'tiers', 'bands', i, 'award']));
  const teams = p.budget?.teams;
  if (teams) {
    // one budget per team: a declared team by its id, title or alias, any other by its name as
    // team names are matched; a second key for the same team would budget the same people twice
    const declaredTeams = Object.entries(p.teams ?? {});
    const seen = new Map<string, string>();
    // without `teams:` a team is its name as the run counts it (teamName), as budget.ts matches it
    const name = p.teams ? teamKey : teamName;
    for (const team of Object.keys(teams)) {
      const key = name(team);
      const hit = declaredTeams.find(([tid, t]) =>
        [tid, t.title, ...(t.aliases ?? [])].some((n) => teamKey(n) === key),
      );
      const same = hit ? `team:${hit[0]}` : `name:${key}`;
      const earlier = seen.get(same);
      if (earlier === undefined) seen.set(same, team);
      else report('policy_budget_team_twice', { team, same_as: earlier }, ['budget', 'teams', team], { key: true });
    }
  }
  if (teams && p.teams) {
    const declared = Object.entries(p.teams).flatMap(([tid, t]) => [tid, t.title, ...(t.aliases ?? [])]);
    const keys = new Set(declared.map(teamKey));
    for (const team of Object.keys(teams))
      if (!keys.has(teamKey(team)))
        report(
          'policy_budget_unknown_team',
          {
            team,
            known: Object.values(p.teams)
              .map((t) => t.title)
              .join(', '),
          },
          ['budget', 'teams', team],
          { key: true },
        );
  }
}
