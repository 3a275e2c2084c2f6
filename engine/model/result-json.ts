// The JSON form of scorecards and runs (schemas/result.schema.json): the same objects with every
// fen amount shown as yuan under its published name (`amountFen` → `amount`, `totalFen` → `total`,
// `payout_total_fen` → `payout_total`), keys in the same order. Also reads that form back (cards
// stored in a results ledger), so old ledgers read unchanged.

import { fenToYuan, yuanToFen } from './money.js';
import type { Payout, PayoutLine, RunResult, RunSummary, Scorecard } from './scorecard.js';

export type PayoutLineJson = Omit<PayoutLine, 'amountFen'> & { amount: number };
export type PayoutJson = Omit<Payout, 'lines' | 'totalFen'> & { lines: PayoutLineJson[]; total: number };
export type ScorecardJson = Omit<Scorecard, 'payout' | 'pools' | 'budget_scale'> & {
  payout: PayoutJson;
  /** Pool shares with yuan amounts (schemas/result.schema.json). */
  pools?: Record<string, unknown>[];
  budget_scale?: Record<string, unknown>;
};
export type RunSummaryJson = Omit<
  RunSummary,
  'payout_total_fen' | 'payable_total_fen' | 'held_total_fen' | 'by_team'
> & {
  payout_total: number;
  payable_total: number;
  held_total: number;
  by_team: Record<string, { employees: number; payout_total: number }>;
};
export type RunResultJson = Omit<RunResult, 'scorecards' | 'summary' | 'pools' | 'budget'> & {
  scorecards: ScorecardJson[];
  summary: RunSummaryJson;
  pools?: Record<string, unknown>[];
  budget?: { fit: string; lines: Record<string, unknown>[] };
};

type Renames = Record<string, [to: string, convert: (value: never) => unknown]>;

/** A copy of `o` with the named keys renamed and converted in place, every other key as it was, in order. */
function renamed<T>(o: object, renames: Renames): T {
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(o) === null ? null : Object.prototype);
  for (const key of Object.keys(o)) {
    const value = (o as Record<string, unknown>)[key];
    const rename = Object.hasOwn(renames, key) ? renames[key] : undefined;
    if (rename) out[rename[0]] = rename[1](value as never);
    else out[key] = value;
  }
  return out as T;
}

const asYuan = (fen: number) => fenToYuan(fen);
const asFen = (yuan: number) => yuanToFen(yuan);

const PAYOUT: Renames = {
  lines: ['lines', (lines: PayoutLine[]) => lines.map(payoutLineToJson)],
  totalFen: ['total', asYuan],
};
const PAYOUT_LINE: Renames = { amountFen: ['amount', asYuan] };

/** Whether `o` is a plain object whose own keys are `keys`, in that order. */
function shaped(o: object, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  const own = Object.keys(o);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < own.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}

// the shapes the compiled executor makes (engine/evaluation/evaluate.ts), written as literals:
// what `renamed` gives them, without a keyed store per key (a JSON run converts every card's payout)
const PAYOUT_KEYS = ['pay_base', 'lines', 'totalFen', 'status'];
const TIERED_PAYOUT_KEYS = ['pay_base', 'tier', 'lines', 'totalFen', 'status'];
const LINE_KEYS = ['kind', 'label', 'amountFen'];
const SOURCED_LINE_KEYS = ['kind', 'source', 'label', 'amountFen'];

function payoutLineToJson(l: PayoutLine): PayoutLineJson {
  if (shaped(l, LINE_KEYS)) return { kind: l.kind, label: l.label, amount: fenToYuan(l.amountFen) };
  if (shaped(l, SOURCED_LINE_KEYS))
    return { kind: l.kind, source: l.source, label: l.label, amount: fenToYuan(l.amountFen) };
  return renamed(l, PAYOUT_LINE);
}

export function payoutToJson(p: Payout): PayoutJson {
  if (shaped(p, PAYOUT_KEYS))
    return {
      pay_base: p.pay_base,
      lines: p.lines.map(payoutLineToJson),
      total: fenToYuan(p.totalFen),
      status: p.status,
    };
  if (shaped(p, TIERED_PAYOUT_KEYS))
    return {
      pay_base: p.pay_base,
      tier: p.tier,
      lines: p.lines.map(payoutLineToJson),
      total: fenToYuan(p.totalFen),
      status: p.status,
    };
  return renamed(p, PAYOUT);
}

// pools and budgets (engine/evaluation/pool.ts, budget.ts): fen fields as yuan under plain names
const POOL_SHARE: Renames = {
  poolFen: ['pool_amount', asYuan],
  shareFen: ['share', asYuan],
  exact_fen: ['exact_share', (fen: number) => fen / 100],
  free_fen: ['free_amount', asYuan],
};
const POOL_SHARE_BACK: Renames = {
  pool_amount: ['poolFen', asFen],
  share: ['shareFen', asFen],
  exact_share: ['exact_fen', (yuan: number) => yuan * 100],
  free_amount: ['free_fen', asFen],
};
const BUDGET_SCALE: Renames = { variableFen: ['variable', asYuan], scaledFen: ['scaled', asYuan] };
const BUDGET_SCALE_BACK: Renames = { variable: ['variableFen', asFen], scaled: ['scaledFen', asFen] };

export function scorecardToJson(card: Scorecard): ScorecardJson {
  // a shallow copy (every key in its place, as JSON writes them) with the three converted fields
  // replaced where they stand: the same JSON as renaming key by key, and cheaper
  const out = { ...card, payout: payoutToJson(card.payout) } as ScorecardJson;
  if (card.pools !== undefined) out.pools = card.pools.map((x) => renamed(x, POOL_SHARE));
  if (card.budget_scale !== undefined) out.budget_scale = renamed(card.budget_scale, BUDGET_SCALE);
  return out;
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
    pools: ['pools', (shares: object[]) => shares.map((x) => renamed(x, POOL_SHARE_BACK))],
    budget_scale: ['budget_scale', (x: object) => renamed(x, BUDGET_SCALE_BACK)],
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
    pools: [
      'pools',
      (pools: object[]) =>
        pools.map((p) =>
          renamed(p, {
            poolFen: ['amount', asYuan],
            allocatedFen: ['allocated', asYuan],
            unallocatedFen: ['unallocated', asYuan],
          }),
        ),
    ],
    budget: [
      'budget',
      (b: { fit: string; lines: object[] }) => ({
        fit: b.fit,
        lines: b.lines.map((l) =>
          renamed(l, {
            budgetFen: ['budget', asYuan],
            beforeFen: ['before', asYuan],
            resultFen: ['result', asYuan],
            overFen: ['over', asYuan],
            scaled: ['scaled', (x: object) => renamed(x, { variableFen: ['variable', asYuan], toFen: ['to', asYuan] })],
          }),
        ),
      }),
    ],
  });
}
