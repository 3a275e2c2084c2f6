// The policy schema's validating code is generated (scripts/gen-validator.mjs) and kept in git, so
// that no process compiles the schema before checking a policy. It must be what the schema gives
// today: a schema change without `npm run gen:validator` fails here, not silently in a user's run.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, validatorSource } from '../../scripts/gen-validator.mjs';
import { loadPolicy, loadRollupPolicy } from '../../engine/index.js';

describe('the generated policy validator', () => {
  it('is what scripts/gen-validator.mjs writes from schemas/policy.schema.json today', async () => {
    const committed = readFileSync(GENERATED, 'utf8');
    // compared whole; on a difference, the message says what to run rather than dumping 400 kB
    expect(committed === (await validatorSource()), 'stale: run `npm run gen:validator` and commit the file').toBe(
      true,
    );
  });

  it('imports nothing: it runs unchanged in Node, the CLI bundle and the editor worker', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).not.toMatch(/\brequire\(|^\s*import\b/m);
  });

  it('refuses what the schema refuses, at the place it is written', () => {
    const text = readFileSync('policies/short-video-team.yaml', 'utf8').replace(/^version: .*$/m, 'version: 1');
    const loaded = loadPolicy(text, 'p.yaml');
    expect(loaded.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    expect(loaded.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([['schema_type', line, 10]]);
  });

  it('checks a roll-up policy against its own definition', () => {
    // rollupPolicy requires policy, title, version, rollup, facts, score and grades; rollup: of, period, min_months
    const loaded = loadRollupPolicy('rollup:\n  of: short-video-team\n', 'r.yaml');
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code} ${d.message}`)).toEqual([
      '1:1 schema_missing_key `the policy` is missing required key `policy`',
      '1:1 schema_missing_key `the policy` is missing required key `title`',
      '1:1 schema_missing_key `the policy` is missing required key `version`',
      '1:1 schema_missing_key `the policy` is missing required key `facts`',
      '1:1 schema_missing_key `the policy` is missing required key `score`',
      '1:1 schema_missing_key `the policy` is missing required key `grades`',
      '1:1 schema_missing_key `rollup` is missing required key `period`',
      '1:1 schema_missing_key `rollup` is missing required key `min_months`',
    ]);
  });
});
