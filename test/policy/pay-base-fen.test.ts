// A role's pay base with a fraction of a fen. The data's 绩效基数 cell `7999.995` is refused (7,999.99
// or 8,000.00?), but `pay_base: 8000.005` in the policy was accepted: at 100 points under half_even
// the employee was paid 8,000.005 → ¥8,000.00 while the statement gave the base as ¥8,000.01 — a
// statement of 100 % of ¥8,000.01 paying ¥8,000.00. It is refused like a budget's fraction of a fen.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { isFenPath } from '../../engine/review/sweep.js';
import { policy, positionOf } from '../builders.js';

const withBase = (payBase: number) => policy().role('staff', { pay_base: payBase }).yaml();

describe("a role's pay base is to the fen", () => {
  it('refuses 8000.005 at its value', () => {
    const text = withBase(8000.005);
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok).toBe(false);
    const found = r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column]);
    const at = positionOf(text, ['roles', 'staff', 'pay_base']);
    expect(found).toEqual([
      [
        'policy_money_fraction_of_fen',
        '`roles.staff.pay_base`: 8000.005 yuan is not a whole number of fen',
        at.line,
        at.column + 'pay_base: '.length,
      ],
    ]);
  });

  it('accepts 8000.01 and 7999.5', () => {
    expect(loadPolicy(withBase(8000.01), 'p.yaml').ok).toBe(true);
    expect(loadPolicy(withBase(7999.5), 'p.yaml').ok).toBe(true);
  });

  it('a sweep of it with a budget bisects to the fen, as for the other amounts held to the fen', () => {
    expect(isFenPath(['roles', 'staff', 'pay_base'])).toBe(true);
  });
});
