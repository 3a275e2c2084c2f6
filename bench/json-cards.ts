// What a JSON run spends per scorecard beyond the evaluation, in one process: evaluating the
// flagship's records as the CSV run does (summary cards) and as JSON needs them (whole cards,
// without explanations), explaining them, and writing each as the JSON document's indented
// element and as an NDJSON line; then each as the streaming run writes it, encoded to UTF-8 (the
// JSON element whole, its wrapping dropped as bytes; the NDJSON line and its line break as a byte).
// CPU milliseconds (process.cpuUsage), several passes. Then the hand-written serialiser of
// bench/hand-json.ts against V8's JSON.stringify, alternating, as text and as UTF-8 bytes (after
// checking that it writes every card byte for byte as JSON.stringify does), the byte writer of
// bench/json-bytes.ts (each card's JSON written straight into the chunk's bytes) beside them, and
// the CLI's card writer (node/cli/format/json-card-bytes.ts: pieces made once, what a streamed JSON
// document's cards are written with since the eleventh session, and an NDJSON run's lines since the
// twelfth).
//
//   node --import tsx bench/json-cards.ts [FILE.csv] [passes]

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import {
  evaluateRecordSync,
  explainScorecard,
  loadPolicy,
  readRecords,
  scorecardToJson,
  type Scorecard,
} from '../engine/index.js';
import {
  JSON_CARD_WRAP,
  compactJsonCard,
  jsonCard,
  ndjsonCard,
  wrappedJsonCard,
} from '../node/cli/format/json-stream.js';
import { writeCompactCard, writeIndentedCard } from './json-bytes.js';
import { writeCompactJsonCard, writeJsonCard } from '../node/cli/format/json-card-bytes.js';
import { Utf8Bytes } from '../node/cli/stream-batch.js';
import { compactCardJson, indentedCardJson } from './hand-json.js';

const file = process.argv[2] ?? 'examples/bench-20000.csv';
const passes = Number(process.argv[3] ?? 3);
if (!existsSync(file))
  execFileSync('npx', ['tsx', 'examples/generate.ts', '--count', '20000', '--out', file], { stdio: 'ignore' });
const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
if (!loaded.ok) throw new Error('flagship does not load');
const policy = loaded.policy;
const records = readRecords(readFileSync(file, 'utf8'), 'csv', policy.contract, { file }).records;

function cpu<T>(f: () => T): [T, number] {
  const start = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1000];
}

let cards: Scorecard[] = [];
for (let pass = 1; pass <= passes; pass++) {
  // what the CSV run evaluates: a summary card (totals and a few columns, no indicator results)
  const [, summary] = cpu(() => {
    let n = 0;
    for (const r of records) if (evaluateRecordSync(policy, r, { lang: 'zh', explain: false, summary: true }).ok) n++;
    return n;
  });
  const [evaluated, evaluate] = cpu(() => {
    const out: Scorecard[] = [];
    for (const r of records) {
      const e = evaluateRecordSync(policy, r, { lang: 'zh', explain: false });
      if (e.ok) out.push(e.scorecard);
    }
    return out;
  });
  cards = evaluated;
  const [, explain] = cpu(() => {
    for (const c of cards) c.explanation = explainScorecard(policy, c, 'zh');
  });
  const [jsonBytes, json] = cpu(() => {
    let n = 0;
    for (const c of cards) n += jsonCard(c).length;
    return n;
  });
  const [, ndjson] = cpu(() => {
    let n = 0;
    for (const c of cards) n += ndjsonCard(c).length;
    return n;
  });
  const [, bytes] = cpu(() => {
    // a chunk's worth of cards a buffer, as evaluateChunk writes them
    let out = new Utf8Bytes(1 << 21);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1300 === 0) out = new Utf8Bytes(1 << 21);
      out.byte(0x2c);
      out.addWithin(wrappedJsonCard(cards[i]!), JSON_CARD_WRAP.head, JSON_CARD_WRAP.tail);
    }
    return out.take().length;
  });
  const [, ndbytes] = cpu(() => {
    // an NDJSON chunk as evaluateChunk writes it
    let out = new Utf8Bytes(1 << 21);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1300 === 0) out = new Utf8Bytes(1 << 21);
      out.add(compactJsonCard(cards[i]!));
      out.byte(0x0a);
    }
    return out.take().length;
  });
  const us = (ms: number) => ((ms * 1000) / cards.length).toFixed(1);
  console.log(
    `pass ${pass}, ${cards.length} cards: summary cards ${summary.toFixed(0)} ms (${us(summary)} µs/card), ` +
      `whole cards ${evaluate.toFixed(0)} ms (${us(evaluate)}), ` +
      `explain ${explain.toFixed(0)} ms (${us(explain)}), json ${json.toFixed(0)} ms (${us(json)}, ${(jsonBytes / cards.length).toFixed(0)} chars), ` +
      `ndjson ${ndjson.toFixed(0)} ms (${us(ndjson)}), json as UTF-8 bytes ${bytes.toFixed(0)} ms (${us(bytes)}), ` +
      `ndjson as UTF-8 bytes ${ndbytes.toFixed(0)} ms (${us(ndbytes)})`,
  );
}

// the hand-written serialiser: exact first (a card it cannot write counts as a difference)
let differ = 0;
for (const c of cards) {
  const j = scorecardToJson(c);
  if (compactCardJson(j) !== compactJsonCard(c)) differ++;
  if (`\n    ${indentedCardJson(j, 2)}` !== jsonCard(c)) differ++;
}
console.log(`hand-written serialiser: ${differ} of ${cards.length * 2} texts differ from JSON.stringify's`);
if (differ > 0) process.exit(1);
// the byte writer: its bytes against JSON.stringify's text encoded (a card it gives back counts as a difference)
const utf8 = new TextEncoder();
const same = (out: Utf8Bytes, text: string) => Buffer.from(out.take()).equals(utf8.encode(text));
for (const c of cards) {
  const compact = new Utf8Bytes(1 << 12);
  if (!writeCompactCard(c, compact) || !same(compact, compactJsonCard(c))) differ++;
  const indented = new Utf8Bytes(1 << 12);
  if (!writeIndentedCard(c, indented) || !same(indented, jsonCard(c).slice('\n    '.length))) differ++;
}
console.log(`byte writer: ${differ} of ${cards.length * 2} cards' bytes differ from JSON.stringify's`);
if (differ > 0) process.exit(1);
// the CLI's card writer: its bytes against jsonCard's text encoded (a card it gives back counts as a difference)
for (const c of cards) {
  const out = new Utf8Bytes(1 << 12);
  if (!writeJsonCard(c, out) || !same(out, jsonCard(c))) differ++;
  const line = new Utf8Bytes(1 << 12);
  if (!writeCompactJsonCard(c, line) || !same(line, compactJsonCard(c))) differ++;
}
console.log(`pieces made once: ${differ} of ${cards.length * 2} cards' bytes differ from JSON.stringify's`);
if (differ > 0) process.exit(1);
/** NDJSON lines written by `write` into chunk buffers, a card it gives back by JSON.stringify. */
const compactLines = (write: (c: Scorecard, out: Utf8Bytes) => boolean) => () => {
  let out = new Utf8Bytes(1 << 21);
  for (let i = 0; i < cards.length; i++) {
    if (i % 1000 === 0) out = new Utf8Bytes(1 << 21);
    if (!write(cards[i]!, out)) out.add(compactJsonCard(cards[i]!));
    out.byte(0x0a);
  }
  return out.take().length;
};
const ways: Record<string, () => number> = {
  'V8 compact': () => {
    let n = 0;
    for (const c of cards) n += compactJsonCard(c).length;
    return n;
  },
  'hand compact': () => {
    let n = 0;
    for (const c of cards) n += compactCardJson(scorecardToJson(c))!.length;
    return n;
  },
  'V8 indented': () => {
    let n = 0;
    for (const c of cards) n += wrappedJsonCard(c).length;
    return n;
  },
  'hand indented': () => {
    let n = 0;
    for (const c of cards) n += indentedCardJson(scorecardToJson(c), 2)!.length;
    return n;
  },
  'V8 compact as bytes': () => {
    let out = new Utf8Bytes(1 << 21);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 21);
      out.add(compactJsonCard(cards[i]!));
      out.byte(0x0a);
    }
    return out.take().length;
  },
  'hand compact as bytes': () => {
    let out = new Utf8Bytes(1 << 21);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 21);
      out.add(compactCardJson(scorecardToJson(cards[i]!))!);
      out.byte(0x0a);
    }
    return out.take().length;
  },
  'bytes writer compact': compactLines(writeCompactCard),
  'V8 indented as bytes': () => {
    let out = new Utf8Bytes(1 << 22);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 22);
      out.byte(0x2c);
      out.addWithin(wrappedJsonCard(cards[i]!), JSON_CARD_WRAP.head, JSON_CARD_WRAP.tail);
    }
    return out.take().length;
  },
  'hand indented as bytes': () => {
    let out = new Utf8Bytes(1 << 22);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 22);
      out.byte(0x2c);
      out.add('\n    ');
      out.add(indentedCardJson(scorecardToJson(cards[i]!), 2)!);
    }
    return out.take().length;
  },
  'bytes writer indented': () => {
    let out = new Utf8Bytes(1 << 22);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 22);
      out.byte(0x2c);
      out.add('\n    ');
      if (!writeIndentedCard(cards[i]!, out)) out.add(jsonCard(cards[i]!).slice(5));
    }
    return out.take().length;
  },
  // what the streaming run writes for NDJSON since the twelfth session (node/cli/format/json-card-bytes.ts)
  'pieces made once, compact': compactLines(writeCompactJsonCard),
  // what the streaming run writes since the eleventh session (node/cli/format/json-card-bytes.ts)
  'pieces made once, indented': () => {
    let out = new Utf8Bytes(1 << 22);
    for (let i = 0; i < cards.length; i++) {
      if (i % 1000 === 0) out = new Utf8Bytes(1 << 22);
      out.byte(0x2c);
      if (!writeJsonCard(cards[i]!, out))
        out.addWithin(wrappedJsonCard(cards[i]!), JSON_CARD_WRAP.head, JSON_CARD_WRAP.tail);
    }
    return out.take().length;
  },
};
const best: Record<string, number> = {};
for (let pass = 1; pass <= passes; pass++) {
  const line: string[] = [];
  for (const [name, way] of Object.entries(ways)) {
    const [, ms] = cpu(way);
    const us = (ms * 1000) / cards.length;
    best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, us);
    line.push(`${name} ${us.toFixed(1)}`);
  }
  console.log(`pass ${pass}, µs/card: ${line.join(', ')}`);
}
console.log(
  `best of ${passes}, µs/card: ${Object.entries(best)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')}`,
);
