// Loaded with `node --import` into a benchmarked command: on exit it appends the process's peak
// resident memory (KiB, from process.resourceUsage) and its CPU time so far (user + system, µs, all
// threads) to the file BENCH_RSS_FILE names, one `rss cpu` line per exiting thread.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
  });
