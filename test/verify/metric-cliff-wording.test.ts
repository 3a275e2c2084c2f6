// A declared `cliff` on a metric is measured over a 1 % step of it. Its sentence read "pay jumps by
// ¥1,000.00 … at when `gmv` moves by 1 % to ¥100,000.00" (「在`gmv` 变动 1% 到 ¥100,000.00 时处」), and
// a failure only the month's pools show, which has no case to paste, told the reader the
// counterexample was printed as a test case.

import { describe, expect, it } from 'vitest';
import { formatDiagnostic, verifyPolicyText } from '../../engine/index.js';

const policy = (pool: string) => `policy: c2
title: 跳变
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      g: { metric: gmv, scoring: steps, steps: [ { min: 100000, points: 100 }, { min: 0, points: 0 } ], weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
${pool}
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
properties:
  gc:
    title: GMV 跳变不超过 ¥100
    cliff: { metric: gmv, max: 100 }
`;

function verdict(yaml: string) {
  const r = verifyPolicyText(yaml, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.report.verdicts.find((v) => v.property === 'properties.gc')!;
}

describe('a cliff on a metric', () => {
  it('names the 1 % step it was measured on, in English and Chinese', () => {
    // ¥99,000 (1 % below ¥100,000): 0 points, ¥0.00; ¥100,000: 100 points, ¥1,000 × 100 / 100 = ¥1,000.00
    const v = verdict(policy(''));
    expect(v.diagnostic!.message).toBe(
      'property `gc` (GMV 跳变不超过 ¥100) does not hold: pay jumps by ¥1,000.00 (from ¥0.00 to ¥1,000.00) at the 1 % step of `gmv` up to ¥100,000.00, more than ¥100.00',
    );
    expect(formatDiagnostic(v.diagnostic!, 'zh').split('\n')[0]).toContain(
      '在`gmv` 升到 ¥100,000.00 的 1% 一步处应发跳变 ¥1,000.00（由 ¥0.00 到 ¥1,000.00），超过 ¥100.00',
    );
    expect(v.counterexample?.map((c) => c.name)).toEqual([
      'verify: just below the 1 % step of `gmv` up to ¥100,000.00',
      'verify: at the 1 % step of `gmv` up to ¥100,000.00 pay moves by at most ¥100.00',
    ]);
  });

  it('says there is no case to paste when only the pools show the jump', () => {
    // a ¥1,000 pool for grade A (80 points and up, so from ¥100,000 of GMV), and a limit of ¥1,000:
    // alone, the step from ¥99,000 to ¥100,000 adds ¥1,000.00 of pay, not more than the limit; beside
    // a colleague like the one below (¥99,000, grade B, out of the pool) it also brings the whole
    // pool: ¥0.00 → ¥1,000.00 + ¥1,000.00 = ¥2,000.00
    const v = verdict(
      policy(
        'pools:\n  p:\n    title: 优秀奖金池\n    per: team\n    fund: { fixed: 1000 }\n    weight: pay_base\n    min_grade: A',
      )
        .replace('max: 100 }', 'max: 1000 }')
        .replace('不超过 ¥100', '不超过 ¥1,000'),
    );
    expect(v.diagnostic!.message).toBe(
      'property `gc` (GMV 跳变不超过 ¥1,000) does not hold: beside a colleague in the pool `优秀奖金池`, pay jumps by ¥2,000.00 (from ¥0.00 to ¥2,000.00) at the 1 % step of `gmv` up to ¥100,000.00, more than ¥1,000.00 (the pool share from ¥0.00 to ¥1,000.00)',
    );
    expect(v.counterexample).toBeUndefined();
    expect(formatDiagnostic(v.diagnostic!, 'en').split('\n')[1]).toBe(
      "  help: no case to paste: a policy test evaluates one record, without the month's pools; correct the pool or the property, and check a real month with `yardstick run`",
    );
  });
});
