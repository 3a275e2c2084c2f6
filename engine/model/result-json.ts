// The JSON form of scorecards and runs (schemas/result.schema.json): the same objects with every
// fen amount shown as yuan under its published name (`amountFen` → `amount`, `totalFen` → `total`,
// `payout_total_fen` → `payout_total`), keys in the same order. Also reads that form back (cards
// stored in a results ledger), so old ledgers read unchanged.

import { fenToYuan, yuanToFen } from './money.js';
import type { Payout, PayoutLine, RunResult, RunSummary, Scorecard } from './scorecard.js';

export type PayoutLineJson = Omit<PayoutLine, 'amountFen'> & { amount: number };
export type PayoutJson = Omit<Payout, 'lines' | 'totalFen'> & { lines: PayoutLineJson[]; total: number };
export type ScorecardJson = Omit<Scorecard, 'payout'> & { payout: PayoutJson };
export type RunSummaryJson = Omit<
  RunSummary,
  'payout_total_fen' | 'payable_total_fen' | 'held_total_fen' | 'by_team'
> & {
  payout_total: number;
  payable_total: number;
  held_total: number;
  by_team: Record<string, { employees: number; payout_total: number }>;
};
export type RunResultJson = Omit<RunResult, 'scorecards' | 'summary'> & {
  scorecards: ScorecardJson[];
  summary: RunSummaryJson;
};

type Renames = Record<string, [to: string, convert: (value: never) => unknown]>;

/** A copy of `o` with the named keys renamed and converted in place, every other key as it was, in order. */
function renamed<T>(o: object, renames: Renames): T {
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(o) === null ? null : Object.prototype);
  for (const [key, value] of Object.entries(o)) {
    const rename = Object.hasOwn(renames, key) ? renames[key] : undefined;
    if (rename) out[rename[0]] = rename[1](value as never);
    else out[key] = value;
  }
  return out as T;
}

const asYuan = (fen: number) => fenToYuan(fen);
const asFen = (yuan: number) => yuanToFen(yuan);

export function payoutToJson(payout: Payout): PayoutJson {
  return renamed(payout, {
    lines: ['lines', (lines: PayoutLine[]) => lines.map((l) => renamed(l, { amountFen: ['amount', asYuan] }))],
    totalFen: ['total', asYuan],
  });
}

export function scorecardToJson(card: Scorecard): ScorecardJson {
  return renamed(card, { payout: ['payout', payoutToJson] });
}

/** A card in its JSON form (e.g. stored in a ledger) back in fen. */
export function scorecardFromJson(card: ScorecardJson): Scorecard {
  return renamed(card, {
    payout: [
      'payout',
      (payout: PayoutJson) =>
        renamed(payout, {
          lines: ['lines', (lines: PayoutLineJson[]) => lines.map((l) => renamed(l, { amount: ['amountFen', asFen] }))],
          total: ['totalFen', asFen],
        }),
    ],
  });
}

export function summaryToJson(summary: RunSummary): RunSummaryJson {
  return renamed(summary, {
    payout_total_fen: ['payout_total', asYuan],
    payable_total_fen: ['payable_total', asYuan],
    held_total_fen: ['held_total', asYuan],
    by_team: [
      'by_team',
      (teams: RunSummary['by_team']) => {
        const out = Object.create(null) as RunSummaryJson['by_team'];
        for (const [team, summary] of Object.entries(teams))
          out[team] = renamed(summary, { payout_total_fen: ['payout_total', asYuan] });
        return out;
      },
    ],
  });
}

export function runResultToJson(result: RunResult): RunResultJson {
  return renamed(result, {
    scorecards: ['scorecards', (cards: Scorecard[]) => cards.map(scorecardToJson)],
    summary: ['summary', summaryToJson],
  });
}
