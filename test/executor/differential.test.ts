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
