// Loaded with `node --import` into a benchmarked command: on exit it appends the process's peak
// resident memory (KiB, from process.resourceUsage) to the file BENCH_RSS_FILE names.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
