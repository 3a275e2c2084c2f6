// The diagnostics of a formula that has no value for one record. When the cause is a divisor of 0
// (ROI = GMV / 投放 with 投放 at 0), the message names it; otherwise (a value missing, a number too
// large) the general phrasing stays. Built only for a record about to be excluded: the formula's
// text is parsed again here rather than kept compiled for a path that is rarely taken.

import type { CompiledPolicy } from '../language/compile.js';
import { parseExpression, type SlotValues } from '../language/expression.js';
import { undefinedCause } from '../language/undefined-cause.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';

/** The divisor of `text` that is 0 for this record's facts, as text; undefined for another cause. */
function zeroDivisor(policy: CompiledPolicy, facts: SlotValues, text: string): string | undefined {
  const parsed = parseExpression(text);
  if (!parsed.ok) return undefined;
  const names = policy.slots.names;
  const scope: Record<string, unknown> = Object.create(null);
  for (let i = 0; i < names.length; i++) scope[names[i]!] = facts[i];
  const cause = undefinedCause(parsed.expr, scope);
  return cause?.kind === 'divisor' ? cause.divisor : undefined;
}

/** A derived metric without a value (`eval_undefined`). */
export function derivedUndefined(
  policy: CompiledPolicy,
  facts: SlotValues,
  d: { label: string; text: string; id: string },
): Diagnostic {
  const divisor = zeroDivisor(policy, facts, d.text);
  return divisor === undefined
    ? diagnostic('eval_undefined', { label: d.label, text: d.text, id: d.id })
    : diagnostic('eval_undefined.divisor', { label: d.label, text: d.text, divisor });
}

/** An adjustment's per-unit count without a value (`eval_undefined`). */
export function perUnitUndefined(policy: CompiledPolicy, facts: SlotValues, title: string, text: string): Diagnostic {
  const divisor = zeroDivisor(policy, facts, text);
  return divisor === undefined
    ? diagnostic('eval_undefined.per_unit', { title, text })
    : diagnostic('eval_undefined.per_unit_divisor', { title, text, divisor });
}

/** Performance pay or the payout cap without a value (`eval_payout`). */
export function payoutUndefined(
  policy: CompiledPolicy,
  facts: SlotValues,
  which: 'performance_pay' | 'cap',
  formula: string,
): Diagnostic {
  const divisor = zeroDivisor(policy, facts, formula);
  if (which === 'cap')
    return divisor === undefined
      ? diagnostic('eval_payout.cap', { formula })
      : diagnostic('eval_payout.cap_divisor', { formula, divisor });
  return divisor === undefined
    ? diagnostic('eval_payout', { formula })
    : diagnostic('eval_payout.divisor', { formula, divisor });
}
