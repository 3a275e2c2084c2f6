// The paths users take, end to end: `yardstick run` on the flagship with each output format, and
// `yardstick statements`, each a whole fresh process (start-up, reading, evaluation, writing),
// timed with its peak memory. Sizes: BENCH_OUTPUT_SIZES (default 20000,100000), the sample month
// generated at that size (examples/bench-N.csv, git-ignored, shared with bench/bench.ts).
//
//   npm run bench:outputs
//   BENCH_OUTPUT_SIZES=20000 BENCH_OUTPUT_REPEAT=3 npm run bench:outputs

import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const SIZES = (process.env.BENCH_OUTPUT_SIZES ?? '20000,100000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_OUTPUT_REPEAT ?? 1);
const POLICY = 'policies/short-video-team.yaml';

function dataFile(n: number): string {
  const file = `examples/bench-${n}.csv`;
  if (!existsSync(file))
    execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', String(n), '--out', file], { stdio: 'ignore' });
  return file;
}

interface Measure {
  seconds: number;
  /** CPU seconds of the process, all its threads (what other work on a shared machine does not stretch) */
  cpu: number;
  rssMb: number;
}

/**
 * One run of the CLI in a fresh process: wall-clock seconds and peak RSS. Stdout is discarded. The
 * output of the run before (a repeat writes the same `--out`) is removed first, outside the clock:
 * renaming the new file over it frees the old one's blocks inside `rename`, 0.2–0.3 s for a 317 MB
 * JSON file and next to nothing for CSV's 9.5 MB (2026-12-02), which only the repeats would pay.
 * Every output is also removed as soon as its run ends, and `sync` runs before the clock starts: no
 * command pays for writing back to the disk what the commands before it wrote.
 */
function measure(args: string[], dir: string, stdoutTo?: string): Measure {
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const out = args.indexOf('--out');
  if (out >= 0) rmSync(args[out + 1]!, { recursive: true, force: true });
  // stdout into a regular file, as `yardstick run … > result.json` (opened, and emptied, before the clock)
  const stdout = stdoutTo === undefined ? 'ignore' : openSync(join(dir, stdoutTo), 'w');
  // what earlier commands wrote is on the disk before the clock starts, so that its write-back does
  // not fall on this command (the outputs are removed after each run, below, so little is left)
  execFileSync('sync');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', './bench/max-rss.mjs', 'node/cli/bin.mjs', ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', stdout, 'pipe'],
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof stdout === 'number') closeSync(stdout);
  if (r.status !== 0) throw new Error(`yardstick ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  // the output removed at once: 317 MB of JSON left in the page cache would be written back to the
  // disk while the next commands run, and slow whichever came next (`> file`, after two such
  // outputs, was the slowest JSON row in every run until 2026-12-04)
  if (out >= 0) rmSync(args[out + 1]!, { recursive: true, force: true });
  if (stdoutTo !== undefined) rmSync(join(dir, stdoutTo), { force: true });
  // one `rss cpu` line per thread that exited; the process's own comes last, with the most CPU
  const lines = readFileSync(rssFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' ').map(Number));
  const rssKb = Math.max(...lines.map((l) => l[0]!));
  const cpuUs = Math.max(...lines.map((l) => l[1] ?? 0));
  return { seconds, cpu: cpuUs / 1e6, rssMb: rssKb / 1024 };
}

const dir = mkdtempSync(join(tmpdir(), 'yardstick-bench-outputs-'));
const rows: string[] = [];
for (const n of SIZES) {
  const data = dataFile(n);
  const run = (format: string, out?: string) => [
    'run',
    POLICY,
    '--data',
    data,
    '--exclude-invalid',
    '--format',
    format,
    ...(out ? ['--out', join(dir, out)] : []),
  ];
  // each row's ÷ csv is against CSV run as a user runs it (default: one thread) for the rows run with
  // the default threads (JSON and NDJSON from a file of 4 MiB or more: two), else against the CSV
  // run with the same threads, one or two (like for like)
  // stdout is /dev/null (discarded) unless a row names a file for it: `json to stdout > file` is what a
  // user's redirect does, written into that file as it comes (taken back if the month is refused)
  const cases: [label: string, args: string[], base: string, stdoutTo?: string][] = [
    ['csv --out (streams)', run('csv', 'r.csv'), 'default'],
    ['json --out (streams)', run('json', 'r.json'), 'default'],
    ['ndjson --out (streams)', run('ndjson', 'r.ndjson'), 'default'],
    ['json to stdout (streams)', run('json'), 'default'],
    ['json to stdout > file', run('json'), 'default', 'stdout.json'],
    ['csv to stdout > file', run('csv'), 'default', 'stdout.csv'],
    ['table to stdout (whole)', run('table'), 'default'],
    ['csv --executor reference', [...run('csv', 'ref.csv'), '--executor', 'reference'], 'default'],
    [
      'statements --out DIR',
      ['statements', POLICY, '--data', data, '--exclude-invalid', '--out', join(dir, 'st')],
      'default',
    ],
    ['csv --out --workers 1', [...run('csv', 'r1.csv'), '--workers', '1'], 'one'],
    ['json --out --workers 1', [...run('json', 'r1.json'), '--workers', '1'], 'one'],
    ['ndjson --out --workers 1', [...run('ndjson', 'r1.ndjson'), '--workers', '1'], 'one'],
    ['json to stdout --workers 1', [...run('json'), '--workers', '1'], 'one'],
    ['csv --out --workers 2', [...run('csv', 'r2.csv'), '--workers', '2'], 'two'],
    ['json --out --workers 2', [...run('json', 'r2.json'), '--workers', '2'], 'two'],
    ['ndjson --out --workers 2', [...run('ndjson', 'r2.ndjson'), '--workers', '2'], 'two'],
    ['json to stdout --workers 2', [...run('json'), '--workers', '2'], 'two'],
  ];
  // with BENCH_OUTPUT_REPEAT, every command runs once a round, in turns (csv, json, …, csv, json, …),
  // so a burst of load falls on one round of each rather than on every run of one command; the
  // best of each command's runs is reported
  const runs: Measure[][] = cases.map(() => []);
  for (let i = 0; i < REPEAT; i++)
    cases.forEach(([, args, , stdoutTo], c) => {
      runs[c]!.push(measure(args, dir, stdoutTo));
      if (stdoutTo) rmSync(join(dir, stdoutTo), { force: true });
      rmSync(join(dir, 'st'), { recursive: true, force: true });
    });
  const csvBest = new Map<string, { seconds: number; cpu: number }>();
  cases.forEach(([label, , base], c) => {
    const best = runs[c]!.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    if (label.startsWith('csv --out')) csvBest.set(base, best);
    const csv = csvBest.get(base)!;
    const load = loadavg()[0]!.toFixed(1);
    rows.push(
      `| ${label} | ${n.toLocaleString('en-US')} | ${best.seconds.toFixed(2)} | ${(best.seconds / csv.seconds).toFixed(2)}× | ${best.cpu.toFixed(2)} | ${(best.cpu / csv.cpu).toFixed(2)}× | ${best.rssMb.toFixed(0)} | ${load} |`,
    );
    console.error(rows.at(-1));
  });
}
rmSync(dir, { recursive: true, force: true });
console.log(
  '| command | records | seconds (best of ' +
    REPEAT +
    ') | ÷ csv (default threads, or the same threads) | CPU seconds | CPU ÷ csv | peak RSS MB | load (1 min) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
