// `node --expose-gc --import tsx bench/ab.ts BEFORE_DIR [records] [rounds]`: the compiled executor
// of another checkout (BEFORE_DIR, e.g. a worktree of main) and of this one on the flagship, in one
// process, alternating pass by pass, with the hand-written function beside them. Each pass
// evaluates every record and adds it to the month's totals (as `bench/bench.ts --one compiled`
// does), whole cards and summary cards; it prints the CPU milliseconds (`process.cpuUsage`) of each
// pass, their minimum and median. On a shared machine, compare within one run, not across runs.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagshipByHand } from './flagship-by-hand.js';

const [beforeDir, n = '100000', rounds = '5'] = process.argv.slice(2);
if (!beforeDir) throw new Error('usage: bench/ab.ts BEFORE_DIR [records] [rounds]');
const here = fileURLToPath(new URL('..', import.meta.url));
const file = resolve(here, `examples/bench-${n}.csv`);
if (!existsSync(file))
  execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', n, '--out', file], { cwd: here, stdio: 'ignore' });
const text = readFileSync(resolve(here, 'policies/short-video-team.yaml'), 'utf8');
const csv = readFileSync(file, 'utf8');

type Engine = typeof import('../engine/index.js');
async function side(dir: string) {
  const E = (await import(resolve(dir, 'engine/index.ts'))) as Engine;
  const loaded = E.loadPolicy(text, 'short-video-team.yaml');
  if (!loaded.ok) throw new Error(`the flagship does not load in ${dir}`);
  const records = E.readRecords(csv, 'csv', loaded.policy.contract, { file }).records;
  return (summary: boolean) => {
    const totals = new E.RunTotals(loaded.policy);
    const options = { explain: false, summary };
    for (const r of records) {
      const e = E.evaluateRecordSync(loaded.policy, r, options);
      if (e.ok) totals.add(e.scorecard);
    }
    return { fen: totals.totalFen, records };
  };
}

const runs = { before: await side(beforeDir), after: await side(here) };
const { records, fen: total } = runs.after(false);
const cpu = (fn: () => unknown) => {
  globalThis.gc?.();
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const ms: Record<string, number[]> = {};
const note = (k: string, v: number) => (ms[k] ??= []).push(v);
for (let i = 0; i < Number(rounds); i++) {
  for (const k of ['before', 'after'] as const) {
    let [whole, summary] = [0, 0];
    note(
      `${k}: compiled`,
      cpu(() => (whole = runs[k](false).fen)),
    );
    note(
      `${k}: summary cards`,
      cpu(() => (summary = runs[k](true).fen)),
    );
    if (whole !== summary) throw new Error(`${k}: the payout totals of whole and summary cards differ`);
    if (whole !== total) throw new Error(`${k}: the payout total differs from the other checkout's`);
  }
  note(
    'hand-written',
    cpu(() => records.reduce((s, r) => s + Math.round(flagshipByHand(r).total * 100), 0)),
  );
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(`${n} records, ${rounds} rounds, CPU ms per pass`);
for (const [k, v] of Object.entries(ms))
  console.log(
    `${k.padEnd(24)} ${v.map((x) => x.toFixed(0)).join(' ')}  min ${Math.min(...v).toFixed(0)} median ${median(v).toFixed(0)}`,
  );
const m = (k: string) => median(ms[k]!);
console.log(
  `medians: before ÷ after ${(m('before: compiled') / m('after: compiled')).toFixed(2)}×; hand-written ÷ compiled: before ${(m('before: compiled') / m('hand-written')).toFixed(2)}×, after ${(m('after: compiled') / m('hand-written')).toFixed(2)}×`,
);
