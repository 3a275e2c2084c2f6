import { readFileSync } from 'node:fs';
import { evaluateRecordSync, explainScorecard, loadPolicy, readRecords, type Scorecard } from '../engine/index.js';
const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
if (!loaded.ok) throw new Error('x');
const policy = loaded.policy;
const file = 'examples/bench-100000.csv';
const records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
const cards: Scorecard[] = [];
for (const r of records) { const e = evaluateRecordSync(policy, r, { lang: 'zh', explain: false }); if (e.ok) cards.push(e.scorecard); }
for (let pass = 0; pass < 8; pass++) {
  const t = process.cpuUsage();
  let k = 0; for (const c of cards) k += explainScorecard(policy, c, "zh").length; if (k < 0) console.log(k);
  const u = process.cpuUsage(t);
  console.log(pass, ((u.user + u.system) / cards.length).toFixed(2), 'µs');
}
