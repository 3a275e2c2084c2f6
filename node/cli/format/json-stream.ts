// The run's JSON written a scorecard at a time: the same text `JSON.stringify(result, null, 2)`
// gives for the whole run (keys in order: policy, period, scorecards, excluded, summary, warnings,
// provenance), without holding the month in memory. NDJSON is one compact scorecard a line.

import {
  scorecardToJson,
  summaryToJson,
  type Diagnostic,
  type ExcludedRecord,
  type RunResult,
  type RunSummary,
  type Scorecard,
} from '../../../engine/index.js';

/** Stands for the scorecards in the whole document, which is then cut around it. */
const CARDS = '\u0000scorecards\u0000';
const CARDS_JSON = JSON.stringify(CARDS);

/** Where the cards go: the document before them (up to `[`) and after them (from `]`). */
function around(doc: Record<string, unknown>): { head: string; tail: string } {
  const text = JSON.stringify(doc, null, 2);
  const at = text.indexOf(CARDS_JSON);
  // `[\n    "…"\n  ]`: the head keeps `[`, the tail starts at the line break before `]`
  return { head: text.slice(0, at - '\n    '.length), tail: text.slice(at + CARDS_JSON.length) };
}

export interface JsonDocument {
  policy: RunResult['policy'];
  period: string;
}

/** The document up to and including the scorecards' `[`. */
export function jsonHead(d: JsonDocument): string {
  return around({ policy: d.policy, period: d.period, scorecards: [CARDS] }).head;
}

/**
 * `{"c":[card]}` indented, around the card: stringified at the depth it has in the document. The
 * wrapping is ASCII: as many bytes as characters before and after the card.
 */
export const JSON_CARD_WRAP = { head: '{\n  "c": ['.length, tail: '\n  ]\n}'.length } as const;

/**
 * One card inside `{"c":[card]}`, indented: its text as an element of the scorecards array (the
 * line break and indent before it included) is all but the first JSON_CARD_WRAP.head and the last
 * JSON_CARD_WRAP.tail characters. The streaming run encodes this whole and drops those bytes:
 * cutting the string first would copy it (V8 flattens the text before slicing it) only to copy it
 * again to encode it.
 */
export function wrappedJsonCard(card: Scorecard): string {
  return JSON.stringify({ c: [scorecardToJson(card)] }, null, 2);
}

/** One card as an element of the scorecards array, with the line break and indent before it. */
export function jsonCard(card: Scorecard): string {
  const text = wrappedJsonCard(card);
  return text.slice(JSON_CARD_WRAP.head, text.length - JSON_CARD_WRAP.tail);
}

/** One card as compact JSON: an NDJSON line without its line break. */
export function compactJsonCard(card: Scorecard): string {
  return JSON.stringify(scorecardToJson(card));
}

/** One card as an NDJSON line. */
export function ndjsonCard(card: Scorecard): string {
  return `${compactJsonCard(card)}\n`;
}

/**
 * The document after the last card: `]` (on its own line when cards were written, `[]` when none
 * were), then the excluded records, the summary, the warnings and what else follows.
 */
export function jsonTail(
  cards: number,
  rest: { excluded: ExcludedRecord[]; summary: RunSummary; warnings: Diagnostic[]; [key: string]: unknown },
): string {
  const { tail } = around({
    policy: null,
    period: null,
    scorecards: [CARDS],
    ...rest,
    summary: summaryToJson(rest.summary),
  });
  return `${cards ? tail : tail.slice('\n  '.length)}\n`;
}
