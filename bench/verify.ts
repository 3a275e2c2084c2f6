// `yardstick verify` on each bundled policy (policies/*.yaml, roll-ups aside), in-process: each
// policy in a fresh process of its own, so its first verify pays the engine's warm-up as the CLI's
// does, then again warm. Prints one line per policy: loading, the first verify, and the least and
// the median of the warm ones, in milliseconds of wall-clock time, with the machine's load average
// beside them; and the CPU time of the first verify and of the warm median (this thread's user +
// system time, which waiting for a busy core does not inflate: on a shared machine it is the
// closer estimate of what a quiet core takes).
//
//   npm run bench:verify
//   BENCH_VERIFY_REPEAT=50 npm run bench:verify

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, readYaml, verifyPolicy } from '../engine/index.js';

const REPEAT = Number(process.env.BENCH_VERIFY_REPEAT ?? 20);

interface Timing {
  file: string;
  verdicts: number;
  cases: number;
  loadMs: number;
  firstMs: number;
  minMs: number;
  medianMs: number;
  firstCpuMs: number;
  medianCpuMs: number;
}

/** User + system CPU milliseconds of this process since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** Times one policy in this process: load, first verify, then `REPEAT` more. */
function timeOne(file: string): Timing {
  const text = readFileSync(file, 'utf8');
  let t = performance.now();
  const loaded = loadPolicy(text, file);
  const loadMs = performance.now() - t;
  if (!loaded.ok) throw new Error(`${file} does not load`);
  t = performance.now();
  let cpu = process.cpuUsage();
  const report = verifyPolicy(loaded.policy);
  const firstMs = performance.now() - t;
  const firstCpuMs = cpuSince(cpu);
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    t = performance.now();
    cpu = process.cpuUsage();
    verifyPolicy(loaded.policy);
    warm.push(performance.now() - t);
    warmCpu.push(cpuSince(cpu));
  }
  warm.sort((a, b) => a - b);
  warmCpu.sort((a, b) => a - b);
  return {
    file,
    verdicts: report.verdicts.length,
    cases: report.cases,
    loadMs,
    firstMs,
    minMs: warm[0] ?? firstMs,
    medianMs: warm[Math.floor(warm.length / 2)] ?? firstMs,
    firstCpuMs,
    medianCpuMs: warmCpu[Math.floor(warmCpu.length / 2)] ?? firstCpuMs,
  };
}

/** The policies of policies/ that `yardstick verify` checks: not their tests, not roll-ups (a top-level `rollup:`). */
function bundled(): string[] {
  return readdirSync('policies')
    .filter((f) => /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f))
    .sort()
    .map((f) => join('policies', f))
    .filter((f) => {
      const yaml = readYaml(readFileSync(f, 'utf8'), f);
      return !(yaml.ok && yaml.value && typeof yaml.value === 'object' && 'rollup' in yaml.value);
    });
}

const child = process.argv.indexOf('--one');
if (child >= 0) {
  process.stdout.write(JSON.stringify(timeOne(process.argv[child + 1]!)));
} else {
  const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
  console.log(
    `verify, in-process; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${REPEAT} warm runs`,
  );
  for (const file of bundled()) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/verify.ts', '--one', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
    const t = JSON.parse(r.stdout) as Timing;
    console.log(
      `${t.file.padEnd(40)} ${String(t.verdicts).padStart(3)} verdicts ${String(t.cases).padStart(5)} cases · load ${ms(t.loadMs)} · first verify ${ms(t.firstMs)} · warm min ${ms(t.minMs)}, median ${ms(t.medianMs)} · CPU: first ${ms(t.firstCpuMs)}, warm median ${ms(t.medianCpuMs)}`,
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
