// The class "hostile input crashes Yardstick or pays a wrong fen" made impossible: random policies
// mutated from the bundled ones and random data mutated from the sample month go through the real
// command. Every run ends in exit 0 or 1 (never 70, our crash), leaves Object.prototype alone, and
// when it pays, the money adds up to the fen. Seeded, so a failure reproduces; `npm run fuzz` runs
// many more (FUZZ_RUNS).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { dataMutation, mutateData, mutatePolicy, policyMutation } from './mutate.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** A hang guard, not a speed claim: one small run taking this long means a loop without end. */
const CASE_LIMIT_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-fuzz-'));
const POLICIES = [
  'policies/short-video-team.yaml',
  'policies/livestream-team.yaml',
  'policies/content-three-dimension.yaml',
];
const SAMPLES: Record<string, string> = {
  'policies/short-video-team.yaml': 'examples/sample-2026-10.csv',
  'policies/livestream-team.yaml': 'examples/livestream-2026-10.csv',
  'policies/content-three-dimension.yaml': 'examples/content-2026-10.csv',
};
/** The first rows of each sample month (header included): enough roles to exercise every rule, small enough to run often. */
const sampleRows = (file: string) =>
  Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(0, 31);

interface PaidResult {
  scorecards: {
    employee_id: string;
    team: string;
    grade: string;
    payout: { lines: { amount: number }[]; total: number; status: string };
  }[];
  summary: {
    employees: number;
    payout_total: number;
    payable_total: number;
    held_total: number;
    by_grade: Record<string, number>;
    by_team: Record<string, { employees: number; payout_total: number }>;
  };
}

const fen = (yuan: number) => Math.round(yuan * 100);

/** Totals equal the sum of their lines, to the fen, and every amount is a finite number. */
function expectMoneyAddsUp(json: string) {
  const result = JSON.parse(json) as PaidResult;
  let total = 0;
  let held = 0;
  const teams = new Map<string, { employees: number; fen: number }>();
  for (const card of result.scorecards) {
    for (const line of card.payout.lines) expect(Number.isFinite(line.amount)).toBe(true);
    expect(fen(card.payout.total)).toBe(card.payout.lines.reduce((sum, line) => sum + fen(line.amount), 0));
    total += fen(card.payout.total);
    if (card.payout.status === 'held') held += fen(card.payout.total);
    const team = teams.get(card.team) ?? { employees: 0, fen: 0 };
    teams.set(card.team, { employees: team.employees + 1, fen: team.fen + fen(card.payout.total) });
  }
  expect(result.summary.employees).toBe(result.scorecards.length);
  expect(fen(result.summary.payout_total)).toBe(total);
  expect(fen(result.summary.held_total)).toBe(held);
  expect(fen(result.summary.payable_total) + fen(result.summary.held_total)).toBe(total);
  expect(Object.values(result.summary.by_grade).reduce((a, b) => a + b, 0)).toBe(result.scorecards.length);
  expect(Object.keys(result.summary.by_team).length).toBe(teams.size);
  for (const [team, sum] of teams) {
    expect(result.summary.by_team[team]).toEqual({ employees: sum.employees, payout_total: sum.fen / 100 });
  }
}

async function expectNoCrash(argv: string[]) {
  const started = Date.now();
  const r = await yardstick(...argv);
  const ms = Date.now() - started;
  if (r.code !== 0 && r.code !== 1)
    throw new Error(`exit ${r.code} for yardstick ${argv.join(' ')}\n${r.stderr.slice(0, 4000)}`);
  expect(ms).toBeLessThan(CASE_LIMIT_MS);
  // nothing user-chosen reached Object.prototype
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  return r;
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('fuzz: mutated policies never crash the command, and what they pay adds up', () => {
  let n = 0;
  it.each(POLICIES)(
    `%s with ${RUNS} mutations`,
    async (policy) => {
      const text = readFileSync(policy, 'utf8');
      const data = join(dir, `sample-${POLICIES.indexOf(policy)}.csv`);
      writeFileSync(data, mutateData(sampleRows(SAMPLES[policy]), []));
      await fc.assert(
        fc.asyncProperty(fc.array(policyMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const file = join(dir, `p${n++}.yaml`);
          writeFileSync(file, mutatePolicy(text, mutations));
          await expectNoCrash(['validate', file]);
          const run = await expectNoCrash(['run', file, '--data', data, '--format', 'json', '--exclude-invalid']);
          if (run.code === 0) expectMoneyAddsUp(run.stdout);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    Math.max(600_000, RUNS * 200),
  );
});

describe('fuzz: mutated exports never crash the command, and what they pay adds up', () => {
  let n = 0;
  it.each(POLICIES)(
    `%s on ${RUNS} mutated months`,
    async (policy) => {
      const rows = sampleRows(SAMPLES[policy]);
      await fc.assert(
        fc.asyncProperty(
          fc.array(dataMutation, { minLength: 1, maxLength: 6 }),
          fc.constantFrom('utf-8', 'utf-8-bom', 'gbk'),
          async (mutations, encoding) => {
            const file = join(dir, `d${n++}.csv`);
            // as Excel saves it: UTF-8, UTF-8 with a BOM, or GBK on Chinese Windows
            const text = mutateData(rows, mutations);
            writeFileSync(
              file,
              encoding === 'gbk' ? iconv.encode(text, 'gbk') : (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text,
            );
            const run = await expectNoCrash(['run', policy, '--data', file, '--format', 'json', '--exclude-invalid']);
            if (run.code === 0) expectMoneyAddsUp(run.stdout);
            await expectNoCrash(['data', 'inspect', file, '--policy', policy]);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
    Math.max(600_000, RUNS * 200),
  );
});
