// Pools in a monotone promise. Verify evaluates one employee at a time, but a pool share is not
// one employee's: it is the pool × the employee's weight / everyone's weights. A weight that falls
// as a metric improves (`max(0, 200000 - gmv)`) makes more GMV pay less once a colleague shares
// the pool, which no single evaluation shows. So a monotone sweep compares the two employees of
// each step beside the same colleague — the first of the two, under another id, in the same team
// — with the month's pools applied exactly as a run applies them (engine/evaluation/pool.ts).

import type { CompiledPolicy } from '../../language/compile.js';
import { applyPools } from '../../evaluation/pool.js';
import type { Scorecard } from '../../model/scorecard.js';
import type { Sample } from './search.js';

/** The policy has a pool the employee's role can take a share of. */
export function hasPool(policy: CompiledPolicy, role: string): boolean {
  return Object.values(policy.doc.pools ?? {}).some(
    (p) => (!p.roles || p.roles.includes(role)) && (!('fixed' in p.fund) || p.fund.fixed > 0),
  );
}

/** `s`'s scorecard once the pools are shared with `colleague` (under the id V0, in `s`'s team, stage and role). */
export function pooled(policy: CompiledPolicy, s: Sample, colleague: Sample): Scorecard {
  const card = structuredClone(s.card);
  const other = {
    ...structuredClone(colleague.card),
    employee_id: 'V0',
    team: card.team,
    stage: card.stage,
    role: card.role,
  };
  const otherRecord = {
    ...colleague.record,
    employee_id: 'V0',
    team: s.record.team,
    stage: s.record.stage,
    role: s.record.role,
  };
  applyPools(
    policy,
    [card, other],
    new Map([
      [s.record.employee_id, s.record],
      ['V0', otherRecord],
    ]),
  );
  return card;
}

/**
 * When `b` improves on `a` and is paid no less alone, but less than `a` once each shares the pools
 * with a colleague like `a`: both pooled scorecards; undefined otherwise.
 */
export function fallsInPool(
  policy: CompiledPolicy,
  a: Sample,
  b: Sample,
): { before: Scorecard; after: Scorecard } | undefined {
  if (!hasPool(policy, a.record.role)) return undefined;
  const before = pooled(policy, a, a);
  const after = pooled(policy, b, a);
  return after.payout.totalFen < before.payout.totalFen ? { before, after } : undefined;
}

/** The pool share lines of a pooled scorecard, added up, in fen. */
export function poolShareFen(card: Scorecard): number {
  return card.payout.lines.filter((l) => l.kind === 'pool_share').reduce((s, l) => s + l.amountFen, 0);
}
