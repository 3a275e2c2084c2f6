// `npm run bench`: the flagship policy on generated data, evaluated by (a) json-rules-engine, (b) the
// compiled executor and (c) a hand-written TypeScript function, after checking on a sample that all
// three give the same outcomes. Prints records per second, peak memory and the ratios. A
// benchmark, not a test: nothing in `npm test` depends on speed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadPolicy, readRecords, runPolicy, type EmployeeRecord } from '../engine/index.js';
import { flagshipByHand } from './flagship-by-hand.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const policy = (() => {
  const r = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
  if (!r.ok) throw new Error('flagship does not load');
  return r.policy;
})();

function records(n: number): EmployeeRecord[] {
  const file = `examples/bench-${n}.csv`;
  if (!existsSync(file)) execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', String(n), '--out', file], { stdio: 'ignore' });
  return readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
}

async function timed(label: string, fn: () => Promise<unknown> | unknown, n: number) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { label, n, ms, perSecond: (n / ms) * 1000, peakMb: (peak - before) / 2 ** 20 };
}

async function check(sample: EmployeeRecord[]) {
  const ref = await runPolicy(policy, { records: sample }, { executor: 'reference', explain: false });
  const cmp = await runPolicy(policy, { records: sample }, { executor: 'compiled', explain: false });
  if (JSON.stringify(ref.scorecards) !== JSON.stringify(cmp.scorecards)) throw new Error('the compiled executor differs from json-rules-engine');
  for (const c of cmp.scorecards) {
    const h = flagshipByHand(sample.find((r) => r.employee_id === c.employee_id)!);
    const engine = { score: c.score, grade: c.grade, total: c.payout.total, held: c.payout.status === 'held', triggers: c.triggers.map((t) => t.id) };
    if (JSON.stringify(h) !== JSON.stringify(engine)) throw new Error(`the hand-written function differs for ${c.employee_id}: ${JSON.stringify(h)} vs ${JSON.stringify(engine)}`);
  }
  return cmp.scorecards.length;
}

const rows: Awaited<ReturnType<typeof timed>>[] = [];
const checked = await check(records(SIZES[0]).slice(0, 2000));
console.log(`checked: json-rules-engine, compiled and hand-written agree on ${checked} records`);
for (const n of SIZES) {
  const data = records(n);
  rows.push(await timed('(a) json-rules-engine', () => runPolicy(policy, { records: data }, { executor: 'reference', explain: false }), n));
  rows.push(await timed('(b) compiled executor', () => runPolicy(policy, { records: data }, { executor: 'compiled', explain: false }), n));
  rows.push(await timed('(c) hand-written TypeScript', () => data.map(flagshipByHand), n));
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('| executor | records | seconds | records/s | heap growth MB |\n|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.n.toLocaleString('en-US')} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${r.peakMb.toFixed(0)} |`);
for (const n of SIZES) {
  const [a, b, c] = rows.filter((r) => r.n === n);
  console.log(`${n.toLocaleString('en-US')} records: compiled ÷ json-rules-engine = ${(b.perSecond / a.perSecond).toFixed(1)}×; hand-written ÷ compiled = ${(c.perSecond / b.perSecond).toFixed(1)}×`);
}
