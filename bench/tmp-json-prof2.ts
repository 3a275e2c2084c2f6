import { readFileSync } from 'node:fs';
import { evaluateRecordSync, explainScorecard, loadPolicy, readRecords, type Scorecard } from '../engine/index.js';
import { wrappedJsonCard } from '../node/cli/format/json-stream.js';
const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
if (!loaded.ok) throw new Error('x');
const policy = loaded.policy;
const file = 'examples/bench-100000.csv';
const records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records.slice(0, 50000);
const cards: Scorecard[] = [];
for (const r of records) { const e = evaluateRecordSync(policy, r, { lang: 'zh', explain: false }); if (e.ok) cards.push(e.scorecard); }
const time = (label: string, f: () => void) => { const t = process.cpuUsage(); f(); const u = process.cpuUsage(t); return [label, (((u.user + u.system) / cards.length)).toFixed(2)]; };
let sink = 0;
for (let pass = 0; pass < 4; pass++) {
  const out: (string|undefined)[][] = [];
  out.push(time('explain', () => { for (const c of cards) c.explanation = explainScorecard(policy, c, 'zh'); }));
  out.push(time('stringify explanation only', () => { for (const c of cards) sink += JSON.stringify(c.explanation).length; }));
  out.push(time('stringify explanation again (flat now)', () => { for (const c of cards) sink += JSON.stringify(c.explanation).length; }));
  out.push(time('card json with expl', () => { for (const c of cards) sink += wrappedJsonCard(c).length; }));
  out.push(time('explain again', () => { for (const c of cards) c.explanation = explainScorecard(policy, c, 'zh'); }));
  out.push(time('card json with fresh expl', () => { for (const c of cards) sink += wrappedJsonCard(c).length; }));
  const saved = cards.map((c) => c.explanation);
  out.push(time('card json, no expl', () => { for (const c of cards) { c.explanation = undefined as never; sink += wrappedJsonCard(c).length; } }));
  cards.forEach((c, i) => (c.explanation = saved[i]!));
  console.log(out.map((x) => x.join(' ')).join(' | '));
}
