// Every card of a policy's month as the streaming run evaluates it (with its explanation), for the
// tests that hold a JSON writer to JSON.stringify's bytes.

import { readFileSync } from 'node:fs';
import { evaluateRecordSync, type Lang, loadPolicy, readRecords, type Scorecard } from '../../engine/index.js';

/** Every card of `dataFile` (a CSV month) under `policyFile`, with its explanation, in `lang`. */
export function cardsOf(policyFile: string, dataFile: string, lang: Lang): Scorecard[] {
  const loaded = loadPolicy(readFileSync(policyFile, 'utf8'), policyFile);
  if (!loaded.ok) throw new Error(`${policyFile} does not load`);
  const { records } = readRecords(readFileSync(dataFile, 'utf8'), 'csv', loaded.policy.contract, { file: dataFile });
  const cards: Scorecard[] = [];
  for (const record of records) {
    const e = evaluateRecordSync(loaded.policy, record, { lang, explain: true });
    if (e.ok) cards.push(e.scorecard);
  }
  return cards;
}
