// What one thread of a streaming run spends per row, without start-up or other threads: a CSV
// file cut into chunks as `yardstick run --out` cuts it, each read, evaluated and written as CSV
// lines by the worker's code (BatchEvaluator), several rounds in one process, CPU seconds each.
// For an A/B, copy this file into the other checkout's bench/ and run it there in the same minute.
//
//   node --import tsx bench/stream-rows.ts FILE [ROUNDS]

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadPolicy } from '../engine/index.js';
import { RecordSplitter } from '../node/cli/record-splitter.js';
import { BatchEvaluator, type WorkerSetup } from '../node/cli/stream-batch.js';

const [file, rounds = '3'] = process.argv.slice(2);
if (!file) throw new Error('usage: node --import tsx bench/stream-rows.ts FILE [ROUNDS]');
const root = fileURLToPath(new URL('..', import.meta.url));

const policyFile = `${root}policies/short-video-team.yaml`;
const policyText = readFileSync(policyFile, 'utf8');
const loaded = loadPolicy(policyText, policyFile);
if (!loaded.ok) throw new Error('the flagship does not load');
const all = readFileSync(file);
const bytes = all[0] === 0xef ? all.subarray(3) : all;
const headerEnd = bytes.indexOf(10);
const header = new TextDecoder().decode(bytes.subarray(0, headerEnd)).replace(/\r$/, '').split(',');
const splitter = new RecordSplitter(',');
const chunks = [];
const body = bytes.subarray(headerEnd + 1);
for (let at = 0; at < body.length; at += 1 << 17) {
  const chunk = splitter.push(body.subarray(at, at + (1 << 17)));
  if (chunk) chunks.push(chunk);
}
const last = splitter.end();
if (last) chunks.push(last);
const setup: WorkerSetup = {
  policyFile,
  policyText,
  header,
  file,
  lang: 'zh',
  beforePeriod: '',
  delimiter: ',',
  newline: '\n',
  encoding: 'utf-8',
  output: 'csv',
};
const evaluator = new BatchEvaluator(loaded.policy, setup, undefined);
console.log(
  `${root}: ${chunks.length} chunks, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (let r = 0; r < Number(rounds); r++) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  let out = 0;
  for (const chunk of chunks) out += evaluator.evaluateChunk(chunk).out.length;
  const used = process.cpuUsage(cpu);
  console.log(
    `round ${r + 1}: ${((used.user + used.system) / 1e6).toFixed(2)} CPU s, ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${out} bytes written`,
  );
}
