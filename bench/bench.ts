// `npm run bench`: the flagship policy on generated data, evaluated in one run by
//   (a) json-rules-engine (the reference executor),
//   (b) the compiled executor (the default),
//   (c) a hand-written TypeScript function (the practical ceiling),
//   (d) @gorules/zen-engine running an equivalent JSON Decision Model,
// after checking on a sample that all four give the same outcomes. Each executor runs in a fresh
// process (so none inherits another's warmed-up or polluted state), evaluates every record and adds
// it to the month's totals, the way a streaming run does (no scorecard is kept); (b) is also timed
// through runPolicy, which keeps every scorecard, and with summary cards (`summary: true`, what a
// streaming CSV run builds: no indicator results, condition values or explanation). Every executor
// is timed twice, each time in a fresh process: its first pass over the month (V8 compiling its
// functions on the way, as a one-off CLI run does) and the same pass after evaluating BENCH_WARM
// (10,000) other employees untimed (the steady state, what a long run or the editor's worker
// sees). Then the editor preview's evaluation of 1,000 employees, as its worker runs it. Prints records per second, peak memory and the ratios. A
// benchmark, not a test: nothing in `npm test` depends on speed.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import {
  evaluateRecord,
  fenToYuan,
  evaluateRecordSync,
  loadPolicy,
  readRecords,
  runPolicy,
  RunTotals,
  type EmployeeRecord,
  type Scorecard,
} from '../engine/index.js';
import { PreviewSession } from '../editor/app/lib/preview-session.js';
import { flagshipByHand, type HandResult } from './flagship-by-hand.js';
import { zenFlagship } from './flagship-zen.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
/** json-rules-engine and zen-engine are slow: beyond this many records they are not run. */
const SLOW_MAX = Number(process.env.BENCH_SLOW_MAX ?? 100_000);
/** zen-engine's evaluate is asynchronous native work: this many calls are kept in flight. */
const ZEN_IN_FLIGHT = 256;

const POLICY_FILE = 'policies/short-video-team.yaml';
const policyText = readFileSync(POLICY_FILE, 'utf8');
const policy = (() => {
  const r = loadPolicy(policyText, 'short-video-team.yaml');
  if (!r.ok) throw new Error('flagship does not load');
  return r.policy;
})();

function dataFile(n: number): string {
  const file = `examples/bench-${n}.csv`;
  if (!existsSync(file))
    execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', String(n), '--out', file], { stdio: 'ignore' });
  return file;
}

function records(n: number): EmployeeRecord[] {
  const file = dataFile(n);
  return readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
}

/** Untimed records a warmed-up child evaluates before the clock starts (see `--warm`). */
const WARM = Number(process.env.BENCH_WARM ?? 10_000);
/** A fresh process's first pass over the month, or the same after `WARM` other employees. */
type Pass = 'first' | 'warmed';

interface Row {
  label: string;
  pass: Pass;
  n: number;
  ms: number;
  perSecond: number;
  /** CPU time of the process while it ran (user + system): what a shared, loaded machine does not stretch. */
  cpuMs: number;
  /** Heap growth while it ran, and the process's peak resident memory. */
  heapMb: number;
  rssMb: number;
}

async function timed(
  fn: () => Promise<unknown> | unknown,
): Promise<{ ms: number; cpuMs: number; heapMb: number; rssMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const t = performance.now();
  const cpu = process.cpuUsage();
  await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    heapMb: (peak - before) / 2 ** 20,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const zen = zenFlagship();

/** What the four agree on: the table's columns (score, grade, payout total, hold, triggers). */
const outcome = (c: Scorecard): HandResult => ({
  score: c.score,
  grade: c.grade,
  total: fenToYuan(c.payout.totalFen),
  held: c.payout.status === 'held',
  triggers: c.triggers.map((t) => t.id),
});

async function check(sample: EmployeeRecord[]): Promise<number> {
  const ref = await runPolicy(policy, { records: sample }, { executor: 'reference', explain: false });
  const cmp = await runPolicy(policy, { records: sample }, { executor: 'compiled', explain: false });
  if (JSON.stringify(ref.scorecards) !== JSON.stringify(cmp.scorecards))
    throw new Error('the compiled executor differs from json-rules-engine');
  const byId = new Map(sample.map((r) => [r.employee_id, r]));
  for (const c of cmp.scorecards) {
    const r = byId.get(c.employee_id)!;
    const engine = JSON.stringify(outcome(c));
    const hand = JSON.stringify(flagshipByHand(r));
    if (hand !== engine)
      throw new Error(`the hand-written function differs for ${c.employee_id}: ${hand} vs ${engine}`);
    const z = JSON.stringify(await zen.evaluate(r));
    if (z !== engine) throw new Error(`zen-engine differs for ${c.employee_id}: ${z} vs ${engine}`);
  }
  return cmp.scorecards.length;
}

// each executor folds its results into the month's totals, in fen, and keeps nothing else
async function viaReference(data: EmployeeRecord[]) {
  const totals = new RunTotals(policy);
  for (const r of data) {
    const e = await evaluateRecord(policy, r, { executor: 'reference', explain: false });
    if (e.ok) totals.add(e.scorecard);
  }
  return totals.totalFen;
}
function viaCompiled(data: EmployeeRecord[]) {
  const totals = new RunTotals(policy);
  const options = { explain: false };
  for (const r of data) {
    const e = evaluateRecordSync(policy, r, options);
    if (e.ok) totals.add(e.scorecard);
  }
  return totals.totalFen;
}
// the same with summary cards, as a streaming CSV run builds them (no indicator results, condition values, explanation)
function viaSummary(data: EmployeeRecord[]) {
  const totals = new RunTotals(policy);
  const options = { explain: false, summary: true };
  for (const r of data) {
    const e = evaluateRecordSync(policy, r, options);
    if (e.ok) totals.add(e.scorecard);
  }
  return totals.totalFen;
}
function viaHand(data: EmployeeRecord[]) {
  let fen = 0;
  for (const r of data) fen += Math.round(flagshipByHand(r).total * 100);
  return fen;
}
async function viaZen(data: EmployeeRecord[]) {
  let fen = 0;
  for (let i = 0; i < data.length; i += ZEN_IN_FLIGHT) {
    for (const z of await Promise.all(data.slice(i, i + ZEN_IN_FLIGHT).map((r) => zen.evaluate(r))))
      fen += Math.round(z.total * 100);
  }
  return fen;
}

const EXECUTORS: Record<
  string,
  { label: string; slow?: boolean; run: (data: EmployeeRecord[]) => Promise<number> | number }
> = {
  reference: { label: '(a) json-rules-engine', slow: true, run: viaReference },
  compiled: { label: '(b) compiled executor', run: viaCompiled },
  summary: { label: '(b) compiled, summary cards (a CSV stream)', run: viaSummary },
  hand: { label: '(c) hand-written TypeScript', run: viaHand },
  zen: { label: `(d) zen-engine, ${ZEN_IN_FLIGHT} in flight`, slow: true, run: viaZen },
  keep: {
    label: '(b) compiled, runPolicy keeping every scorecard',
    run: async (data) => (await runPolicy(policy, { records: data }, { explain: false })).summary.payout_total_fen,
  },
};

// a child: one executor on one size, reported as JSON on stdout
const one = process.argv.indexOf('--one');
if (one > 0) {
  const [name, n] = [process.argv[one + 1], Number(process.argv[one + 2])];
  const data = records(n);
  // --warm K: first evaluate K other employees (the 1,000-record sample month, repeated), untimed,
  // so that V8 has compiled the executor's hot functions before the clock starts
  const warm = process.argv.indexOf('--warm');
  if (warm > 0) {
    const sample = records(1000);
    const k = Number(process.argv[warm + 1]);
    await EXECUTORS[name].run(Array.from({ length: k }, (_, i) => sample[i % sample.length]!));
  }
  let fen = 0;
  const t = await timed(async () => (fen = await EXECUTORS[name].run(data)));
  zen.dispose();
  console.log(JSON.stringify({ ...t, fen }));
  process.exit(0);
}

const checked = await check(records(SIZES[0]).slice(0, 2000));
console.log(`checked: json-rules-engine, compiled, hand-written and zen-engine agree on ${checked} records`);
const rows: Row[] = [];
for (const n of SIZES) {
  dataFile(n);
  const sums: Record<string, number> = {};
  for (const [name, e] of Object.entries(EXECUTORS))
    for (const pass of ['first', 'warmed'] as const) {
      if (e.slow && n > SLOW_MAX) continue;
      const out = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=8192',
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--one',
          name,
          String(n),
          ...(pass === 'warmed' ? ['--warm', String(WARM)] : []),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(out.trim().split('\n').pop()!) as {
        ms: number;
        cpuMs: number;
        heapMb: number;
        rssMb: number;
        fen: number;
      };
      rows.push({
        label: e.label,
        pass,
        n,
        ms: r.ms,
        perSecond: (n / r.ms) * 1000,
        cpuMs: r.cpuMs,
        heapMb: r.heapMb,
        rssMb: r.rssMb,
      });
      sums[`${e.label}, ${pass}`] = Math.round(r.fen);
      console.error(`${e.label}, ${pass} pass, ${n} records: ${(r.ms / 1000).toFixed(2)} s`);
    }
  if (new Set(Object.values(sums)).size !== 1)
    throw new Error(`payout totals differ at ${n} records: ${JSON.stringify(sums)}`);
}

// the editor preview: the worker's own code, 1,000 employees, the saved policy evaluated once and
// then eight edits (the silver award changed), each evaluated and compared with the saved version
const preview = new PreviewSession();
await preview.setData(new Uint8Array(readFileSync(dataFile(1000))), 'examples/bench-1000.csv');
const previewMs: number[] = [];
for (let i = 0; i <= 8; i++) {
  const edited = policyText.replace(
    '- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1000 }',
    `- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: ${1000 + i * 100} }`,
  );
  const r = await preview.evaluate(i, edited, policyText, 'zh', () => performance.now());
  if (!r.ok) throw new Error('the edited policy should load');
  previewMs.push(r.ms);
}
zen.dispose();

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  '| executor | pass | records | seconds | records/s | CPU seconds | heap growth MB | peak RSS MB (records loaded too) |\n|---|---|---:|---:|---:|---:|---:|---:|',
);
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.pass === 'first' ? 'first' : `after ${WARM.toLocaleString('en-US')}`} | ${r.n.toLocaleString('en-US')} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${(r.cpuMs / 1000).toFixed(2)} | ${r.heapMb.toFixed(0)} | ${r.rssMb.toFixed(0)} |`,
  );
for (const n of SIZES)
  for (const pass of ['first', 'warmed'] as const) {
    const at = (prefix: string) => rows.find((r) => r.n === n && r.pass === pass && r.label.startsWith(prefix));
    const head = `${n.toLocaleString('en-US')} records, ${pass === 'first' ? 'first pass' : `after ${WARM.toLocaleString('en-US')} warm-up records`}`;
    const [a, b, c, d] = [at('(a)'), at('(b) compiled executor'), at('(c)'), at('(d)')];
    const s = at('(b) compiled, summary');
    const ratios = [
      a && b ? `compiled ÷ json-rules-engine = ${(b.perSecond / a.perSecond).toFixed(1)}×` : undefined,
      b && c ? `hand-written ÷ compiled = ${(c.perSecond / b.perSecond).toFixed(1)}×` : undefined,
      a && s ? `summary cards ÷ json-rules-engine = ${(s.perSecond / a.perSecond).toFixed(1)}×` : undefined,
      s && c ? `hand-written ÷ summary cards = ${(c.perSecond / s.perSecond).toFixed(1)}×` : undefined,
      b && d ? `compiled ÷ zen-engine = ${(b.perSecond / d.perSecond).toFixed(1)}×` : undefined,
    ].filter(Boolean);
    console.log(`${head}: ${ratios.join('; ')}`);
    // the same ratios in CPU time, which the other processes on a shared machine do not stretch
    const cpu = (x: Row | undefined, y: Row | undefined) => (x && y ? (x.cpuMs / y.cpuMs).toFixed(1) : undefined);
    console.log(
      `${head}, CPU time: compiled ÷ json-rules-engine = ${cpu(a, b)}×; hand-written ÷ compiled = ${cpu(b, c)}×; summary cards ÷ json-rules-engine = ${cpu(a, s)}×; hand-written ÷ summary cards = ${cpu(s, c)}×`,
    );
  }
const edits = previewMs.slice(1);
console.log(
  `editor preview, 1,000 employees (the worker's code in Node): first evaluation with the saved version ${previewMs[0].toFixed(1)} ms; each edit ${Math.min(...edits).toFixed(1)}–${Math.max(...edits).toFixed(1)} ms (median ${[...edits].sort((x, y) => x - y)[4].toFixed(1)} ms)`,
);
