// The explanation alone, per card, in one process: the flagship's records evaluated once without
// explanations, then explained pass after pass, CPU time (process.cpuUsage) per card. `keep` keeps
// each card's lines in the card until the next pass (as bench/json-cards.ts and a whole JSON result
// do: the garbage collector moves them), `drop` lets them go at once (as a streamed run does).
//
//   node --import tsx bench/explain-cards.ts [FILE.csv] [passes] [keep|drop] [zh|en]

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { evaluateRecordSync, explainScorecard, loadPolicy, readRecords, type Scorecard } from '../engine/index.js';

const file = process.argv[2] ?? 'examples/bench-20000.csv';
const passes = Number(process.argv[3] ?? 8);
const keep = (process.argv[4] ?? 'keep') === 'keep';
const lang = process.argv[5] === 'en' ? 'en' : 'zh';
if (!existsSync(file))
  execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', '20000', '--out', file], { stdio: 'ignore' });
const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
if (!loaded.ok) throw new Error('flagship does not load');
const policy = loaded.policy;
const records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;
const cards: Scorecard[] = [];
for (const r of records) {
  const e = evaluateRecordSync(policy, r, { lang, explain: false });
  if (e.ok) cards.push(e.scorecard);
}
const times: string[] = [];
let lines = 0;
for (let pass = 0; pass < passes; pass++) {
  const start = process.cpuUsage();
  for (const c of cards) {
    const explanation = explainScorecard(policy, c, lang);
    if (keep) c.explanation = explanation;
    else lines += explanation.length;
  }
  const used = process.cpuUsage(start);
  times.push(((used.user + used.system) / cards.length).toFixed(1));
}
console.log(
  `${cards.length} cards, ${lang}, lines ${keep ? 'kept' : 'dropped'}: explain µs/card, pass by pass: ${times.join(' ')}` +
    (keep ? '' : ` (${lines} lines)`),
);
