// The split of a pool among its claimants, computed by hand. Every test checks that the shares
// (plus what is left unallocated) add up to the pool exactly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, largestRemainder, type Allocation, type Claimant } from '../../engine/evaluation/pool.js';

function shares(a: Allocation): Record<string, number> {
  return Object.fromEntries(a.shares);
}

function addsUp(a: Allocation, poolFen: number) {
  let sum = a.unallocatedFen;
  for (const fen of a.shares.values()) sum += fen;
  expect(sum).toBe(poolFen);
}

describe('a pool split in proportion to weights', () => {
  it('gives exact shares when the weights divide the pool', () => {
    // ¥1,000.00 = 100,000 fen; weights 1 : 3 → 25,000 and 75,000
    const a = allocate(100_000, [
      { id: 'E1', weight: 1 },
      { id: 'E2', weight: 3 },
    ]);
    expect(shares(a)).toEqual({ E1: 25_000, E2: 75_000 });
    addsUp(a, 100_000);
  });

  it('hands the fen left over to the largest remainders', () => {
    // 100 fen, weights 1 : 1 : 1 → 33.33… each; the 1 fen left goes to a tie → smaller id E1
    const a = allocate(100, [
      { id: 'E3', weight: 1 },
      { id: 'E1', weight: 1 },
      { id: 'E2', weight: 1 },
    ]);
    expect(shares(a)).toEqual({ E1: 34, E2: 33, E3: 33 });
    addsUp(a, 100);
  });

  it('prefers the larger remainder over the smaller id', () => {
    // 10 fen, weights 1 : 2 : 4 (sum 7): 1.428…, 2.857…, 5.714…; floors 1 + 2 + 5 = 8, 2 fen left;
    // remainders .428, .857, .714 → E2 (.857) and E3 (.714) get one more: 1, 3, 6
    const a = allocate(10, [
      { id: 'E1', weight: 1 },
      { id: 'E2', weight: 2 },
      { id: 'E3', weight: 4 },
    ]);
    expect(shares(a)).toEqual({ E1: 1, E2: 3, E3: 6 });
    addsUp(a, 10);
  });

  it('weights score × pay base: 80 × 6,000 and 100 × 4,000 share ¥10,000', () => {
    // 480,000 : 400,000 of 880,000; 1,000,000 fen × 480/880 = 545,454.54…, × 400/880 = 454,545.45…
    // floors 545,454 + 454,545 = 999,999; the 1 fen goes to the larger remainder (.54 → E1)
    const a = allocate(1_000_000, [
      { id: 'E1', weight: 80 * 6000 },
      { id: 'E2', weight: 100 * 4000 },
    ]);
    expect(shares(a)).toEqual({ E1: 545_455, E2: 454_545 });
    expect(a.freeFen).toBe(1_000_000);
    expect(a.freeWeight).toBe(880_000);
    addsUp(a, 1_000_000);
  });

  it('leaves the whole pool unallocated when nobody claims it', () => {
    const a = allocate(5_000, []);
    expect(shares(a)).toEqual({});
    expect(a.unallocatedFen).toBe(5_000);
    addsUp(a, 5_000);
  });
});

describe('minimum and maximum shares', () => {
  it('raises a small share to the minimum and splits the rest among the others', () => {
    // pool 10,000 fen, min 2,000; weights 1, 4, 5 (sum 10) → 1,000 (below min), 4,000, 5,000.
    // E1 gets 2,000; the other 8,000 split 4 : 5 → 3,555.55… and 4,444.44… → 3,556 (larger rem.) and 4,444
    const a = allocate(
      10_000,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 4 },
        { id: 'E3', weight: 5 },
      ],
      { minFen: 2_000 },
    );
    expect(shares(a)).toEqual({ E1: 2_000, E2: 3_556, E3: 4_444 });
    expect(a.bound.get('E1')).toBe('min');
    expect(a.freeFen).toBe(8_000);
    expect(a.freeWeight).toBe(9);
    addsUp(a, 10_000);
  });

  it('lowers a large share to the maximum and gives the excess to the others', () => {
    // pool 10,000, max 5,000; weights 8, 1, 1 → 8,000 (above max), 1,000, 1,000.
    // E1 gets 5,000; the other 5,000 split 1 : 1 → 2,500 each
    const a = allocate(
      10_000,
      [
        { id: 'E1', weight: 8 },
        { id: 'E2', weight: 1 },
        { id: 'E3', weight: 1 },
      ],
      { maxFen: 5_000 },
    );
    expect(shares(a)).toEqual({ E1: 5_000, E2: 2_500, E3: 2_500 });
    expect(a.bound.get('E1')).toBe('max');
    addsUp(a, 10_000);
  });

  it('iterates: capping one share can lift another over the maximum too', () => {
    // pool 1,000, max 400; weights 5, 4, 1 (sum 10) → 500, 400, 100: E1 over the max.
    // E1 at 400 leaves 600 for 4 : 1 → 480 and 120: now E2 is over the max too.
    // E1 and E2 at 400 leave 200 for E3
    const a = allocate(
      1_000,
      [
        { id: 'E1', weight: 5 },
        { id: 'E2', weight: 4 },
        { id: 'E3', weight: 1 },
      ],
      { maxFen: 400 },
    );
    expect(shares(a)).toEqual({ E1: 400, E2: 400, E3: 200 });
    addsUp(a, 1_000);
  });

  it('applies both bounds at once', () => {
    // pool 1,000, min 150, max 400; weights 10, 6, 3, 1 (sum 20) → 500, 300, 150, 50.
    // E1 → 400 (max), E4 → 150 (min); 450 left for 6 : 3 → 300 and 150: within the bounds
    const a = allocate(
      1_000,
      [
        { id: 'E1', weight: 10 },
        { id: 'E2', weight: 6 },
        { id: 'E3', weight: 3 },
        { id: 'E4', weight: 1 },
      ],
      { minFen: 150, maxFen: 400 },
    );
    expect(shares(a)).toEqual({ E1: 400, E2: 300, E3: 150, E4: 150 });
    addsUp(a, 1_000);
  });

  it('drops the minimum when the pool cannot give it to everyone', () => {
    // 3 people × min 500 = 1,500 > pool 1,000: split 1 : 1 : 2 without a minimum → 250, 250, 500
    const a = allocate(
      1_000,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 1 },
        { id: 'E3', weight: 2 },
      ],
      { minFen: 500 },
    );
    expect(a.minDropped).toBe(true);
    expect(shares(a)).toEqual({ E1: 250, E2: 250, E3: 500 });
    addsUp(a, 1_000);
  });

  it('leaves the rest unallocated when everyone is at the maximum', () => {
    // 2 people × max 300 = 600 < pool 1,000: 300 each, 400 unallocated
    const a = allocate(
      1_000,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 9 },
      ],
      { maxFen: 300 },
    );
    expect(shares(a)).toEqual({ E1: 300, E2: 300 });
    expect(a.unallocatedFen).toBe(400);
    addsUp(a, 1_000);
  });

  it('gives everyone the minimum when the minimum uses the whole pool', () => {
    const a = allocate(
      900,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 2 },
        { id: 'E3', weight: 6 },
      ],
      { minFen: 300 },
    );
    expect(shares(a)).toEqual({ E1: 300, E2: 300, E3: 300 });
    addsUp(a, 900);
  });
});

describe('largest remainder', () => {
  it('breaks equal remainders by employee id in code-point order', () => {
    // 2 fen over 0.5 each for ids B, a, A: code points A < B < a → A and B get the fen
    expect(largestRemainder(2, ['B', 'a', 'A'], [0.5, 0.5, 0.5]).join()).toBe('1,0,1');
  });
});

describe('property: shares always add up to the pool and respect the bounds', () => {
  const claimants = fc
    .uniqueArray(fc.stringMatching(/^E[0-9]{1,4}$/), { minLength: 1, maxLength: 40 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: ids.length, maxLength: ids.length }),
      ),
    )
    .map(([ids, weights]): Claimant[] => ids.map((id, i) => ({ id, weight: weights[i]! })));

  it('for any pool, weights and bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        claimants,
        fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 50_000_000 }), { nil: undefined }),
        (pool, people, min, max) => {
          if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
          const a = allocate(pool, people, {
            ...(min === undefined ? {} : { minFen: min }),
            ...(max === undefined ? {} : { maxFen: max }),
          });
          let sum = a.unallocatedFen;
          for (const fen of a.shares.values()) {
            expect(Number.isInteger(fen)).toBe(true);
            if (!a.minDropped && min !== undefined) expect(fen).toBeGreaterThanOrEqual(min);
            if (max !== undefined) expect(fen).toBeLessThanOrEqual(max);
            expect(fen).toBeGreaterThanOrEqual(0);
            sum += fen;
          }
          expect(sum).toBe(pool);
          // something is left over only when everyone is at the maximum
          if (a.unallocatedFen > 0) expect(max! * people.length).toBeLessThan(pool);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives more to a larger weight, to within a fen, when no bound binds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), claimants, (pool, people) => {
        const a = allocate(pool, people);
        const sorted = [...people].sort((x, y) => x.weight - y.weight);
        for (let i = 1; i < sorted.length; i++)
          expect(a.shares.get(sorted[i]!.id)! + 1).toBeGreaterThanOrEqual(a.shares.get(sorted[i - 1]!.id)!);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a pool in the policy's rounding unit (whole yuan)", () => {
  it('gives whole yuan, raises the minimum to a whole yuan, and keeps the part below a yuan unallocated', () => {
    // ¥1,000.50 = 100,050 fen at unit 100 fen; min ¥150.50 → ¥151 (a minimum is honoured, so up).
    // Proportional, weights 1 : 4 : 5 of 10: E1 ¥100.05 is below the minimum → ¥151.
    // Left: 100,050 − 15,100 = 84,950 fen, 84,900 of it whole yuan (849 yuan); 50 fen stay unallocated.
    // 849 × 4/9 = 377.33…, 849 × 5/9 = 471.66…; floors 377 + 471 = 848, 1 yuan to the larger remainder (E3).
    const a = allocate(
      100_050,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 4 },
        { id: 'E3', weight: 5 },
      ],
      { minFen: 15_050, unitFen: 100 },
    );
    expect(shares(a)).toEqual({ E1: 15_100, E2: 37_700, E3: 47_200 });
    expect(a.bound.get('E1')).toBe('min');
    expect(a.unallocatedFen).toBe(50);
    expect(a.freeFen).toBe(84_900);
    addsUp(a, 100_050);
  });

  it('lowers a maximum to a whole yuan, so a share never exceeds it', () => {
    // ¥100 between two equal weights with max ¥40.50 → ¥40 each, ¥20 unallocated
    const a = allocate(
      10_000,
      [
        { id: 'E1', weight: 1 },
        { id: 'E2', weight: 1 },
      ],
      { maxFen: 4_050, unitFen: 100 },
    );
    expect(shares(a)).toEqual({ E1: 4_000, E2: 4_000 });
    expect(a.unallocatedFen).toBe(2_000);
    addsUp(a, 10_000);
  });
});
