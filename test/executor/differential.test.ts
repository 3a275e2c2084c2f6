// The compiled executor gives exactly the scorecards json-rules-engine gives: the same points,
// grades, money to the fen, holds, triggers, plans and explanations, on random records built from
// every construct of the bundled policies. `npm run differential -- 1000000` runs a million.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRecord, loadPolicy } from '../../engine/index.js';
import { recordArbitrary } from './differential.js';

const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);

describe.each([
  'policies/short-video-team.yaml',
  'policies/livestream-team.yaml',
  'policies/content-three-dimension.yaml',
  'test/executor/constructs.yaml',
])('%s', (name) => {
  const loaded = loadPolicy(readFileSync(name, 'utf8'), name);
  if (!loaded.ok) throw new Error(name);
  const policy = loaded.policy;

  it('has a compiled executor', () => {
    expect(policy.compilable).toBe(true);
  });

  it(
    `compiled and json-rules-engine executors agree on ${RUNS} random records`,
    async () => {
      await fc.assert(
        fc.asyncProperty(recordArbitrary(policy), async ({ record, history }) => {
          const reference = await evaluateRecord(policy, record, { history, executor: 'reference' });
          const compiled = await evaluateRecord(policy, record, { history, executor: 'compiled' });
          expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
        }),
        { numRuns: RUNS, seed: 20261125 },
      );
    },
    Math.max(120_000, RUNS * 3),
  );
});

describe('test/executor/constructs.yaml', () => {
  const name = 'test/executor/constructs.yaml';
  const loaded = loadPolicy(readFileSync(name, 'utf8'), name);
  if (!loaded.ok) throw new Error(name);
  const policy = loaded.policy;

  it('exercises every rule and per-unit cap: each fires on some random records and not on others', async () => {
    const fired = new Map<string, number>();
    const seen = (key: string) => fired.set(key, (fired.get(key) ?? 0) + 1);
    let scored = 0;
    const samples = fc.sample(recordArbitrary(policy), { numRuns: 1500, seed: 20261201 });
    for (const { record, history } of samples) {
      const r = await evaluateRecord(policy, record, { history });
      if (!r.ok) continue;
      scored++;
      for (const a of r.scorecard.adjustments) {
        seen(`adjustment ${a.id}`);
        if (a.per_unit?.award?.capped) seen('per-unit award capped');
        if (a.per_unit?.points?.capped) seen('per-unit points capped');
      }
      for (const t of r.scorecard.triggers) seen(`trigger ${t.id}`);
      for (const h of r.scorecard.holds) seen(`hold ${h.id}`);
      if (r.scorecard.payout.lines.some((l) => l.kind === 'awards_cap')) seen('awards_cap');
    }
    const rules = [
      ...Object.keys(policy.adjustments).map((id) => `adjustment ${id}`),
      ...Object.keys(policy.triggers).map((id) => `trigger ${id}`),
      ...Object.keys(policy.holds).map((id) => `hold ${id}`),
      'per-unit award capped',
      'per-unit points capped',
      'awards_cap',
    ];
    for (const rule of rules) {
      expect({ rule, fires: (fired.get(rule) ?? 0) > 0 }).toEqual({ rule, fires: true });
      expect({ rule, always: fired.get(rule) === scored }).toEqual({ rule, always: false });
    }
  });
});
