// A trigger on many grades in a row — thirteen A (a year and a month) → promotion review. Verify
// tried each employee with one and two earlier periods of their grade only (three in a row at most),
// so it warned "not reached in N searched cases" (verify_not_reached) for a rule any employee with
// the grade reaches once the ledger holds enough months. It now also tries the history the rule
// asks for: 12 periods of A before this one make 13 in a row.

import { describe, expect, it } from 'vitest';
import { verifyPolicyText } from '../../engine/index.js';
import { policy } from '../builders.js';

const streak = (grade: string, value: number) => ({
  title: `连续${value}次${grade}`,
  when: { all: [{ fact: 'consecutive_grade', params: { grade }, operator: 'greaterThanInclusive', value }] },
  action: { type: grade === 'A' ? 'promotion_review' : 'exit_review' },
});

// the minimal policy (test/builders.ts): the rating is the score, A from 80, B below
const text = policy()
  .trigger('year_of_a', streak('A', 13))
  .trigger('three_b', streak('B', 3))
  .trigger('two_b', streak('B', 2))
  .yaml();

function liveRule(id: string) {
  const r = verifyPolicyText(text, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.find((v) => v.property === 'live_rule' && v.subject.join('.') === `triggers.${id}.when`)!;
}

describe('a trigger on more than two grades in a row', () => {
  it('13 A in a row is reached by an example (12 earlier periods of A), with no warning', () => {
    const v = liveRule('year_of_a');
    expect(v).toMatchObject({ holds: true, basis: 'example' });
    expect(v.diagnostic).toBeUndefined();
  });

  it('3 B in a row is reached by an example too', () => {
    expect(liveRule('three_b')).toMatchObject({ holds: true, basis: 'example' });
  });

  it('2 B in a row, as before', () => {
    expect(liveRule('two_b')).toMatchObject({ holds: true, basis: 'example' });
  });
});
