import { readFileSync } from 'node:fs';
import { evaluateRecordSync, loadPolicy, readRecords } from '../engine/index.js';
import { wrappedJsonCard } from '../node/cli/format/json-stream.js';
const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
if (!loaded.ok) throw new Error('x');
const policy = loaded.policy;
const file = 'examples/bench-100000.csv';
const records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
const enc = new TextEncoder();
const buf = new Uint8Array(1 << 24);
const mode = process.argv[2] ?? 'all';
for (let pass = 0; pass < 3; pass++) {
  const t = process.cpuUsage();
  let at = 0;
  for (const r of records) {
    const e = evaluateRecordSync(policy, r, { lang: 'zh', explain: mode !== 'noexplain', summary: false });
    if (!e.ok) continue;
    if (mode === 'eval' || mode === 'noexplain-eval') continue;
    const s = wrappedJsonCard(e.scorecard);
    if (at + s.length * 3 > buf.length) at = 0;
    at += enc.encodeInto(s, buf.subarray(at)).written;
  }
  const u = process.cpuUsage(t);
  console.log(mode, pass, ((u.user + u.system) / 1000 / records.length * 1000).toFixed(2), 'µs/card');
}
