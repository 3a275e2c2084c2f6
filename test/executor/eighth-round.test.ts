// What the compiled executor's eighth round changed, held to what it did before: an indicator scored
// by one closure made for its leaf (`scorerOf`, the same number as `pointsFor` for every value), a
// record's metric keys matched against the last record of its role before any lookup, a fact read
// inside the closure of `fact op (…)` and of `min(fact, c)`, and a derived value's decimal exponent
// found without a logarithm (`withoutNoise`, the same value as before).

import { describe, expect, it } from 'vitest';
import { evaluateRecord, type EmployeeRecord, type Scorecard } from '../../engine/index.js';
import type { CompiledLeaf } from '../../engine/language/compile.js';
import { withoutNoise } from '../../engine/language/compile.js';
import { compileExpression, compileSlotExpression, parseExpression } from '../../engine/language/expression.js';
import { pointsFor, scorerOf } from '../../engine/evaluation/score.js';
import { compiledPolicy, policy as draft } from '../builders.js';

/** A linear leaf, higher is better, capped at 120 (pass 100, fail 0), with `over` on top. */
const LINEAR = { metric: 'm', slot: 0, scoring: 'linear', better: 'higher', cap: 120, passPoints: 100, failPoints: 0 };
const leaf = (over: Partial<CompiledLeaf>): CompiledLeaf => ({ ...(LINEAR as CompiledLeaf), ...over });

/** Values around every level of the leaves below, and far from them. */
// biome-ignore format: a table of values
const ACTUALS = [
  -1, -0, 0, 0.0001, 0.01, 0.0199999, 0.02, 0.05, 0.1, 0.15, 0.199999, 0.2, 0.25, 0.29, 0.3, 0.30000000000000004, 0.35,
  0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.95, 1, 1.2, 4.5, 5, 15, 16, 23.999, 24, 31, 32, 60, 80, 99.5, 100, 150,
  Number.NaN,
];

describe('an indicator scored by the closure made for its leaf', () => {
  const leaves: [string, CompiledLeaf][] = [
    ['linear, threshold, target and challenge', leaf({ threshold: 0.3, target: 0.4, challenge: 0.5 })],
    ['linear, threshold and target', leaf({ threshold: 0.3, target: 0.4 })],
    ['linear, a lower cap', leaf({ threshold: 0.02, target: 0.05, challenge: 0.08, cap: 100 })],
    ['linear, a cap of 0', leaf({ threshold: 0.02, target: 0.05, challenge: 0.08, cap: 0 })],
    ['linear, target only (pro rata)', leaf({ target: 0.1 })],
    ['linear, lower is better', leaf({ better: 'lower', threshold: 0.15, target: 0.1, challenge: 0.05 })],
    [
      'steps, higher is better',
      leaf({
        scoring: 'steps',
        steps: [
          { min: 32, points: 100 },
          { min: 24, points: 80 },
          { min: 16, points: 60 },
          { min: 0, points: 0 },
        ],
      }),
    ],
    [
      'steps above the cap',
      leaf({
        scoring: 'steps',
        cap: 90,
        steps: [
          { min: 20, points: 130 },
          { min: 10, points: 70 },
        ],
      }),
    ],
    [
      'steps, lower is better',
      leaf({
        scoring: 'steps',
        better: 'lower',
        steps: [
          { max: 0.05, points: 100 },
          { max: 0.2, points: 50 },
        ],
      }),
    ],
    ['pass/fail, higher is better', leaf({ scoring: 'pass_fail', target: 0.6 })],
    ['pass/fail, lower is better', leaf({ scoring: 'pass_fail', better: 'lower', target: 0.2, passPoints: 80 })],
    ['rating of 5', leaf({ scoring: 'rating', ratingMax: 5 })],
    ['rating of 100', leaf({ scoring: 'rating', ratingMax: 100 })],
  ];

  it.each(leaves)('%s: the same points as pointsFor for every value', (_, l) => {
    const score = scorerOf(l);
    for (const a of ACTUALS) expect(Object.is(score(a), pointsFor(l, a)), `actual ${a}`).toBe(true);
  });

  it('scores the flagship-like values as worked out by hand', () => {
    const completion = scorerOf(leaf({ threshold: 0.3, target: 0.4, challenge: 0.5 }));
    expect(completion(0.29)).toBe(0); // below the threshold
    expect(completion(0.3)).toBe(60); // on the threshold
    expect(completion(0.5)).toBe(120); // on the challenge
    expect(completion(0.9)).toBe(120); // capped
    const output = scorerOf(
      leaf({
        scoring: 'steps',
        steps: [
          { min: 32, points: 100 },
          { min: 24, points: 80 },
        ],
      }),
    );
    expect(output(24)).toBe(80);
    expect(output(23)).toBe(0); // below every step
    expect(scorerOf(leaf({ scoring: 'rating', ratingMax: 5 }))(4.5)).toBe(90);
    expect(scorerOf(leaf({ scoring: 'pass_fail', target: 0.6 }))(0.59)).toBe(0);
  });
});

describe('a record’s metric keys matched against the last record of its role', () => {
  // the minimal policy (points = the rating, ¥1000 × score / 100) with hours (20 when absent), which
  // only a hold reads
  const policy = compiledPolicy(
    draft()
      .metric('hours', { label: '工时', unit: 'count', default: 20 })
      .set('holds', {
        few_hours: {
          title: '工时不足',
          reason: '工时少于10',
          when: { all: [{ fact: 'hours', operator: 'lessThan', value: 10 }] },
        },
      })
      .yaml(),
    'eighth.yaml',
  );
  /** A staff member of 一组 in November with these metrics. */
  const STAFF = { name: '甲', role: 'staff', team: '一组', stage: 'only', period: '2026-11' };
  const record = (id: string, metrics: Record<string, number>): EmployeeRecord => ({
    employee_id: id,
    ...STAFF,
    metrics,
  });

  /** Both executors' cards, held equal; the compiled one returned. */
  async function card(r: EmployeeRecord): Promise<Scorecard> {
    const out: Scorecard[] = [];
    for (const executor of ['compiled', 'reference'] as const) {
      const e = await evaluateRecord(policy, r, { executor, explain: false });
      if (!e.ok) throw new Error(`${r.employee_id} evaluates`);
      out.push(e.scorecard);
    }
    expect(out[0]).toEqual(out[1]);
    return out[0]!;
  }

  it('reads each value at its own slot whatever order and keys the records before it had', async () => {
    // [record, score, held]: the rating is the score; fewer than 10 hours holds the pay
    const cases: [EmployeeRecord, number, boolean][] = [
      [record('e1', { rating: 70, hours: 5 }), 70, true],
      [record('e2', { hours: 5, rating: 90 }), 90, true], // the same keys, the other order
      [record('e3', { rating: 85, hours: 40 }), 85, false],
      [record('e4', { bonus: 99, rating: 60, hours: 40 }), 60, false], // an undeclared key first
      [record('e5', { rating: 75, bonus: 99, hours: 3 }), 75, true], // the undeclared key at another place
      [record('e6', { rating: 88 }), 88, false], // fewer keys: hours 20 by default, no hold
      [record('e7', { hours: 2, rating: 50 }), 50, true],
    ];
    for (const [r, score, held] of cases) {
      const c = await card(r);
      expect([r.employee_id, c.score, c.payout.status === 'held']).toEqual([r.employee_id, score, held]);
    }
  });
});

describe('a fact read in the closure of `fact op (…)` and of `min(fact, c)`', () => {
  const expr = (text: string) => {
    const parsed = parseExpression(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.expr;
  };
  // slots: pay_base 0, score 1, a 2 (never set in some cases: missing); `z` is in no slot
  const slotOf = (name: string) => ({ pay_base: 0, score: 1, a: 2 })[name];
  const run = (text: string, values: unknown[]) => compileSlotExpression(expr(text), slotOf)(values);
  const named = (text: string, values: unknown[]) =>
    compileExpression(expr(text))({ pay_base: values[0], score: values[1], a: values[2] });

  it('gives what the same formula gives on named facts, and the values worked out by hand', () => {
    // [formula, pay_base, score, a, the value worked out by hand]
    const cases: [string, number | undefined, number | undefined, number | undefined, number | undefined][] = [
      ['pay_base * min(score, 120) / 100', 6000, 87.5, undefined, 5250],
      ['pay_base * min(score, 120) / 100', 6000, 130, undefined, 7200], // capped at 120
      ['pay_base * min(score, 120) / 100', 6000, undefined, undefined, undefined], // no score: no value
      ['pay_base * min(score, 120) / 100', undefined, 90, undefined, undefined],
      ['max(score, 60)', 0, 45, undefined, 60],
      ['max(score, 60)', 0, 75, undefined, 75],
      ['min(score, 120)', 0, undefined, undefined, undefined],
      ['pay_base - (score + a)', 100, 20, 5, 75],
      ['pay_base + score * a', 1, 2, 3, 7],
      ['pay_base / (score - a)', 10, 4, 4, undefined], // by zero: no value
      ['pay_base / (score - a)', 10, 4, 2, 5],
      ['pay_base * (score + a)', 2, 3, undefined, undefined], // a missing
      ['z * min(score, 1)', 2, 3, 4, undefined], // a name in no slot reads as missing
    ];
    for (const [text, payBase, score, a, value] of cases) {
      const values = [payBase, score, a];
      expect([text, values, run(text, values)]).toEqual([text, values, value]);
      expect([text, values, run(text, values)]).toEqual([text, values, named(text, values)]);
    }
  });
});

describe('a derived value without binary noise, its decimal exponent found without a logarithm', () => {
  /** The function before this round, with the logarithm. */
  const TEN = Array.from({ length: 26 }, (_, i) => Number(`1e${i - 4}`));
  function before(v: number | undefined): number | undefined {
    if (v === undefined || Number.isInteger(v)) return v;
    const a = Math.abs(v);
    if (a >= 1e-9 && a < 1e15) {
      const scaled = a * TEN[11 - Math.floor(Math.log10(a)) + 4]!;
      if (Math.abs(scaled - Math.round(scaled)) > 0.01) return v;
    }
    const clean = Number(v.toPrecision(15));
    return clean !== v && Number(clean.toPrecision(12)) === clean ? clean : v;
  }

  it('cleans noise and keeps every other value, as worked out by hand', () => {
    expect(withoutNoise(0.1 + 0.2)).toBe(0.3); // 0.30000000000000004
    expect(withoutNoise(0.3 + 0.6)).toBe(0.9); // 0.8999999999999999
    expect(withoutNoise(0.09999999999999999)).toBe(0.1); // just below a power of ten
    expect(withoutNoise(1 / 3)).toBe(1 / 3); // far from any 12-digit number: kept
    expect(withoutNoise(500 / 150_000)).toBe(500 / 150_000);
    expect(withoutNoise(569 / 34_000)).toBe(569 / 34_000); // 0.016735294117647…
    expect(withoutNoise(42)).toBe(42);
    expect(withoutNoise(undefined)).toBe(undefined);
  });

  it('gives the value it gave before for ratios, noisy sums and values next to every power of ten', () => {
    const values: number[] = [];
    for (let n = 1; n <= 400; n++) for (const d of [3, 7, 10, 100, 150, 1000, 4096, 30_000]) values.push(n / d, -n / d);
    for (let i = 1; i <= 99; i++) values.push(i / 10 + 0.2, (i / 100) * 3, 0.1 * i, 1.1 * i, i * 0.07);
    for (let k = -9; k <= 15; k++) {
      const p = Number(`1e${k}`);
      // the power itself and its neighbours a few units in the last place away, and a millionth away
      let down = p;
      let up = p;
      for (let step = 0; step < 4; step++) {
        values.push(down, up);
        down = nextDown(down);
        up = nextUp(up);
      }
      values.push(p * 1.000001, p * 0.999999, p * 1.0000011, p * 0.9999989, p * 1.5, p * 9.99);
    }
    let seed = 8;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      values.push((seed / 2_147_483_648) * 10 ** ((i % 24) - 9));
    }
    for (const v of values) expect(Object.is(withoutNoise(v), before(v)), `value ${v}`).toBe(true);
  });
});

/** The next double below / above a positive finite x. */
function nextDown(x: number): number {
  const b = new Float64Array([x]);
  const bits = new BigInt64Array(b.buffer);
  bits[0] = bits[0]! - 1n;
  return b[0]!;
}
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const bits = new BigInt64Array(b.buffer);
  bits[0] = bits[0]! + 1n;
  return b[0]!;
}
