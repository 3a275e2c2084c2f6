// The weights panel's "sums to 100" mark is the engine's own check (policy_weights_sum: the weights
// as written, added in decimal): 50 + 30 + 20.0000000001 is not 100, though it is within 1e-9 of it,
// and 33.3 + 33.3 + 33.4 is 100 and reads as 100, not 99.99999999999999.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policyView } from '../../editor/app/lib/model.js';

const view = (weights: number[]) =>
  policyView(
    parse(`
metrics:
${weights.map((_, i) => `  m${i}: { label: 指标${i}, unit: count }`).join('\n')}
stages: { only: { title: 常规 } }
roles:
  staff:
    title: 员工
    indicators:
${weights.map((w, i) => `      i${i}: { metric: m${i}, weight: ${w}, threshold: 0, target: 10, challenge: 20 }`).join('\n')}
`),
  )!.roles[0]!.levels[0]!;

describe('the weights panel adds up as the engine does', () => {
  it('33.3 + 33.3 + 33.4 is exactly 100 (the binary sum is 99.99999999999999)', () => {
    expect(view([33.3, 33.3, 33.4])).toMatchObject({ sums: { only: 100 }, exact: { only: true } });
  });

  it('50 + 30 + 20.0000000001 is not 100, as `yardstick validate` says (policy_weights_sum)', () => {
    expect(view([50, 30, 20.0000000001]).exact).toEqual({ only: false });
  });

  it('40 + 40 + 19 is 99, marked', () => {
    expect(view([40, 40, 19])).toMatchObject({ sums: { only: 99 }, exact: { only: false } });
  });
});
