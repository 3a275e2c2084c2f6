// Event aggregation speed: the same generated orders CSV aggregated per employee (orders not
// refunded, their amount, the refunded share) by yardstick's DuckDB path and by a straightforward
// streaming TypeScript loop. Each run is its own process, so peak memory is its own.
//
// The DuckDB path is timed twice, as the commands use it: `duckdb` as `yardstick run --format
// csv|table|xlsx` without `--record` aggregates (the file's SHA-256 is not computed: nothing shows
// it), `duckdb+sha` with the SHA-256 computed after the aggregation, as the statements, `data
// inspect`, a JSON result's provenance and the ledger (`--record`) compute it when they read it.
// (`--child duckdb+sha-while DIR`: hashed beside DuckDB while it reads, as `data sql --explain`.)
//
//   npm run bench:events                    → 1,000,000 orders
//   npm run bench:events -- --rows 10000000
//   npm run bench:events -- --file orders.csv   → an orders file generated before (examples/generate-events.ts --orders N --out F)
//   npm run bench:events -- --file orders.csv --runs 3   → the three sides three times over, one after another, and each run's ratio
//   npm run bench:events -- --file orders.csv --timeline  → and where the DuckDB side's time went, step by step
//   npm run bench:events -- --file orders.csv --shapes    → the DuckDB side alone on grains, growth, an average, distinct counts
//
// Besides the wall-clock time it prints the CPU time (user + system, every thread of the process):
// on a shared machine the wall clock measures the other processes too.

import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readTable } from '../engine/index.js';
import { aggregateEvents } from '../node/cli/events/aggregate.js';
import { checkEvents, type EventSource } from '../node/cli/events/spec.js';
import { LineCounter, parseDocument } from 'yaml';
import { DuckDBInstance } from '@duckdb/node-api';

const EVENTS = (file: string) => `events:
  - file: ${file}
    time: 下单时间
    metrics:
      成交订单数: { agg: count, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      成交金额: { agg: sum, column: 实付金额, where: { column: 订单状态, op: not_in, value: [ 已退款 ] } }
      退款占比: { agg: share, when: { column: 订单状态, op: '=', value: 已退款 } }
`;

const HOSTS = 2000;
const roster = () =>
  '工号,姓名,岗位,团队,阶段\n' +
  Array.from({ length: HOSTS }, (_, i) => `LS${String(i + 1).padStart(4, '0')},主播${i + 1},主播,直播一组,初创期`).join(
    '\n',
  ) +
  '\n';

type Totals = Record<string, { orders: number; amount: number; share: number }>;

/**
 * `--shapes`: the DuckDB side alone on other sources of the same orders, one process each: grains
 * and growth, an average of the month, a distinct count of a column with few distinct cells and one
 * of order numbers (docs/events.md, "Grouped as written"). No loop to compare with: the time, the
 * CPU, the peak memory and a digest of the per-employee table, equal between two trees.
 */
const NOT_REFUNDED = `where: { column: 订单状态, op: not_in, value: [ 已退款 ] }`;
const SHAPES: Record<string, string> = {
  grains: `      周最少订单: { agg: count, per: week, across: min, ${NOT_REFUNDED} }
      日最高成交额: { agg: sum, column: 实付金额, per: day, across: max, ${NOT_REFUNDED} }
      成交额周环比: { agg: sum, column: 实付金额, growth: week, ${NOT_REFUNDED} }`,
  average: `      客单价: { agg: avg, column: 实付金额, ${NOT_REFUNDED} }
      成交订单数: { agg: count, ${NOT_REFUNDED} }`,
  'few-distinct': `      状态种类: { agg: count_distinct, column: 订单状态 }
      成交订单数: { agg: count, ${NOT_REFUNDED} }`,
  'order-numbers': `      订单数: { agg: count_distinct, column: 订单号, ${NOT_REFUNDED} }
      成交订单数: { agg: count, ${NOT_REFUNDED} }`,
};

async function shapeChild(shape: string, dir: string): Promise<void> {
  const yaml = `events:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n${SHAPES[shape]}\n`;
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  const events = doc.toJS().events as EventSource[];
  if (checkEvents(events, doc, lines, 'bench').length) throw new Error('bad bench mapping');
  const t = await readTable(new TextEncoder().encode(roster()), 'roster.csv');
  if (!t.ok) throw new Error('bad roster');
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await aggregateEvents({
    here: dir,
    mappingFile: 'bench',
    events,
    period: '2026-10',
    roster: { file: 'roster.csv', table: t.table },
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const { createHash } = await import('node:crypto');
  console.log(
    `${shape.padEnd(14)} ${(ms / 1000).toFixed(2)} s aggregating, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; load average ${loadavg()[0]!.toFixed(2)}; table ${createHash(
      'sha256',
    )
      .update(JSON.stringify(r.sources[0]?.table.rows ?? r.diagnostics))
      .digest('hex')
      .slice(0, 12)}`,
  );
}

/** How the DuckDB side read the file (fast.ts): printed beside its time. */
let readPath: string | undefined;

/** The DuckDB side's steps as they end: wall and CPU milliseconds since the child's clock started. */
const timeline: { step: string; ms: number; cpuMs: number }[] = [];
let clock: { started: number; cpu: NodeJS.CpuUsage } | undefined;
const step = (name: string) => {
  if (!clock) return;
  const cpu = process.cpuUsage(clock.cpu);
  timeline.push({ step: name, ms: performance.now() - clock.started, cpuMs: (cpu.user + cpu.system) / 1000 });
};

/** The file's SHA-256: not computed, computed when read after the aggregation, or beside DuckDB while it reads. */
type Hash = 'none' | 'after' | 'while';

async function viaDuckDB(dir: string, file = 'orders.csv', hash: Hash = 'none'): Promise<Totals> {
  const lines = new LineCounter();
  const doc = parseDocument(EVENTS(file), { lineCounter: lines });
  const events = doc.toJS().events as EventSource[];
  if (checkEvents(events, doc, lines, 'bench').length) throw new Error('bad bench mapping');
  const t = await readTable(new TextEncoder().encode(roster()), 'roster.csv');
  if (!t.ok) throw new Error('bad roster');
  const r = await aggregateEvents({
    here: dir,
    mappingFile: 'bench',
    events,
    period: '2026-10',
    roster: { file: 'roster.csv', table: t.table },
    step,
    hashWhileReading: hash === 'while',
  });
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
  if (hash !== 'none') {
    // what the provenance reads (file-hash.ts): the hash, computed now unless it was while DuckDB read
    if (!/^[0-9a-f]{64}$/.test(r.reports[0].sha256)) throw new Error('no SHA-256');
    step('SHA-256 read');
  }
  const typed = r.reports[0].typedRead;
  readPath = file.endsWith('.parquet')
    ? 'Parquet, typed columns'
    : typed?.used
      ? `typed read of ${typed.columns.join(', ')}`
      : `text path${typed?.fallback ? ` (after the typed read: ${typed.fallback})` : ''}`;
  return Object.fromEntries(
    r.reports[0].aggregates.map((a) => [
      a.key,
      {
        orders: Number(a.values['成交订单数'].value),
        amount: Number(a.values['成交金额'].value),
        share: Number(a.values['退款占比'].value),
      },
    ]),
  );
}

/** The loop anyone would write: read lines, split on commas, keep the month's rows, add up. */
async function viaTypeScript(dir: string): Promise<Totals> {
  const acc = new Map<string, { orders: number; fen: number; rows: number; refunded: number }>();
  let rest = '';
  let header = true;
  const offset = 8 * 60;
  const inMonth = (t: string) => {
    if (t.length <= 19) return t.startsWith('2026-10');
    // `…+08:00`: to Shanghai time first
    const utc = Date.parse(t);
    return new Date(utc + offset * 60_000).toISOString().startsWith('2026-10');
  };
  const line = (l: string) => {
    if (header) return void (header = false);
    if (!l) return;
    const [who, , time, amount, status] = l.split(',');
    if (!inMonth(time)) return;
    let a = acc.get(who);
    if (!a) acc.set(who, (a = { orders: 0, fen: 0, rows: 0, refunded: 0 }));
    a.rows++;
    if (status === '已退款') a.refunded++;
    else {
      a.orders++;
      a.fen += Math.round(Number(amount) * 100);
    }
  };
  for await (const chunk of createReadStream(join(dir, 'orders.csv'), { encoding: 'utf-8', highWaterMark: 1 << 20 })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const p of parts) line(p);
  }
  line(rest);
  return Object.fromEntries(
    [...acc].map(([k, a]) => [k, { orders: a.orders, amount: a.fen / 100, share: a.refunded / a.rows }]),
  );
}

async function writeParquet(dir: string): Promise<void> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(
    `COPY (SELECT 工号, 订单号, CAST(SUBSTRING(下单时间, 1, 19) AS TIMESTAMP) AS 下单时间, CAST(实付金额 AS DECIMAL(18, 2)) AS 实付金额, 订单状态 FROM read_csv('${join(dir, 'orders.csv').replace(/'/g, "''")}', header = true, all_varchar = true)) TO '${join(dir, 'orders.parquet').replace(/'/g, "''")}' (FORMAT PARQUET)`,
  );
  db.closeSync();
}

async function child(mode: string, dir: string): Promise<void> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  clock = { started, cpu: cpu0 };
  const totals =
    mode === 'duckdb' || mode.startsWith('duckdb+sha')
      ? await viaDuckDB(dir, 'orders.csv', mode === 'duckdb' ? 'none' : mode === 'duckdb+sha-while' ? 'while' : 'after')
      : mode === 'parquet'
        ? await viaDuckDB(dir, 'orders.parquet')
        : await viaTypeScript(dir);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  writeFileSync(join(dir, `${mode}.${process.pid}.json`), JSON.stringify(totals));
  console.log(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      pid: process.pid,
      readPath,
      timeline,
    }),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  if (args[0] === '--shape-child') return shapeChild(args[1], args[2]);
  if (args[0] === '--write-parquet') return writeParquet(args[1]);
  const rows = Number(args.includes('--rows') ? args[args.indexOf('--rows') + 1] : 1_000_000);
  const given = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-bench-events-'));
  try {
    const file = join(dir, 'orders.csv');
    let t = performance.now();
    if (given) symlinkSync(resolve(given), file);
    else {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'examples/generate-events.ts', '--orders', String(rows), '--out', file],
        { stdio: 'inherit' },
      );
      console.log(
        `generated ${rows.toLocaleString('en-US')} orders (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${cpus().length} cores)`,
    );
    if (args.includes('--shapes')) {
      for (const shape of Object.keys(SHAPES)) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/events.ts', '--shape-child', shape, dir], {
          encoding: 'utf-8',
        });
        if (run.status !== 0) throw new Error(`${shape} failed: ${run.stderr}`);
        console.log(run.stdout.trim());
      }
      return;
    }
    const results: Record<
      string,
      {
        ms: number;
        cpuMs: number;
        maxRssMiB: number;
        pid: number;
        readPath?: string;
        timeline?: { step: string; ms: number; cpuMs: number }[];
      }
    > = {};
    // the same rows as Parquet, typed as a warehouse keeps them (the amount a DECIMAL, the time a
    // TIMESTAMP in the company's time: the generator's offsets are all +08:00), written before the clock starts
    // in a process of its own: a child's peak RSS counts its parent's memory at the spawn (Linux keeps
    // the larger across exec), and DuckDB keeps what it used for the copy
    t = performance.now();
    const write = spawnSync(process.execPath, ['--import', 'tsx', 'bench/events.ts', '--write-parquet', dir], {
      encoding: 'utf-8',
    });
    if (write.status !== 0) throw new Error(`writing orders.parquet failed: ${write.stderr}`);
    console.log(`wrote orders.parquet in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 1);
    const ratios: string[] = [];
    const hashedRatios: string[] = [];
    if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
    for (let round = 1; round <= runs; round++) {
      if (runs > 1) console.log(`run ${round} of ${runs}`);
      for (const mode of ['duckdb', 'duckdb+sha', 'parquet', 'typescript']) {
        t = performance.now();
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/events.ts', '--child', mode, dir], {
          encoding: 'utf-8',
        });
        if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
        results[mode] = JSON.parse(run.stdout.trim().split('\n').pop()!);
        console.log(
          `${mode.padEnd(11)} ${(results[mode].ms / 1000).toFixed(2)} s aggregating (${((performance.now() - t) / 1000).toFixed(2)} s with process start), ${(results[mode].cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${results[mode].maxRssMiB.toFixed(0)} MiB; load average ${loadavg()[0]!.toFixed(2)}${results[mode].readPath ? `; ${results[mode].readPath}` : ''}`,
        );
        // where the time went: each step's end, wall and CPU seconds since the clock started
        if (mode.startsWith('duckdb') && args.includes('--timeline'))
          for (const s of results[mode].timeline ?? [])
            console.log(
              `  ${(s.ms / 1000).toFixed(2).padStart(6)} s  ${(s.cpuMs / 1000).toFixed(2).padStart(6)} s CPU  ${s.step}`,
            );
      }
      const { readFileSync } = await import('node:fs');
      const a = JSON.parse(readFileSync(join(dir, `duckdb.${results.duckdb!.pid}.json`), 'utf-8')) as Totals;
      const b = JSON.parse(readFileSync(join(dir, `typescript.${results.typescript!.pid}.json`), 'utf-8')) as Totals;
      const same =
        Object.keys(a).length === Object.keys(b).length &&
        Object.entries(a).every(
          ([k, v]) =>
            b[k] &&
            v.orders === b[k].orders &&
            Math.abs(v.amount - b[k].amount) < 0.005 &&
            Math.abs(v.share - b[k].share) < 1e-12,
        );
      console.log(
        `same per-employee results: ${same ? 'yes' : 'NO'} (${Object.keys(a).length} employees); DuckDB ${(results.typescript!.ms / results.duckdb!.ms).toFixed(1)}× the TypeScript loop in wall-clock time, ${(results.typescript!.cpuMs / results.duckdb!.cpuMs).toFixed(1)}× in CPU time`,
      );
      const hashed = results['duckdb+sha']!;
      console.log(
        `with the SHA-256 (statements, ledger): DuckDB ${(results.typescript!.ms / hashed.ms).toFixed(1)}× the TypeScript loop in wall-clock time, ${(results.typescript!.cpuMs / hashed.cpuMs).toFixed(1)}× in CPU time`,
      );
      const p = JSON.parse(readFileSync(join(dir, `parquet.${results.parquet!.pid}.json`), 'utf-8')) as Totals;
      const sameParquet = JSON.stringify(p) === JSON.stringify(a);
      const h = JSON.parse(readFileSync(join(dir, `duckdb+sha.${hashed.pid}.json`), 'utf-8')) as Totals;
      const sameHashed = JSON.stringify(h) === JSON.stringify(a);
      console.log(
        `Parquet gives the same results as the CSV: ${sameParquet ? 'yes' : 'NO'}; with the SHA-256: ${sameHashed ? 'yes' : 'NO'}`,
      );
      if (!same || !sameParquet || !sameHashed) process.exitCode = 1;
      const ratio = (d: { ms: number }) =>
        `${(results.typescript!.ms / d.ms).toFixed(1)}× (${(d.ms / 1000).toFixed(2)} s against ${(results.typescript!.ms / 1000).toFixed(2)} s)`;
      ratios.push(ratio(results.duckdb!));
      hashedRatios.push(ratio(hashed));
    }
    if (runs > 1) {
      console.log(`DuckDB against the TypeScript loop in wall-clock time, run by run: ${ratios.join(', ')}`);
      console.log(`the same with the SHA-256 (statements, ledger): ${hashedRatios.join(', ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
