// What each rule change costs: the changes of a policy diff applied one at a time, in the order
// the diff lists them, the month evaluated after each step. The per-step amounts telescope, so
// they add up to the total change to the fen; for interacting changes the order matters.

import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { loadPolicy } from '../language/load.js';
import type { CompiledPolicy } from '../language/compile.js';
import type { PolicyDoc } from '../model/policy.js';
import type { RunResult, Scorecard } from '../model/scorecard.js';
import { fenToYuan } from '../model/money.js';
import { cardKey, type RunComparison } from './compare.js';
import type { PolicyChange } from './diff.js';
import { formatDocument } from './format.js';

/** Bookkeeping that moves no money: applied with the last step, never a step of its own. */
const BOOKKEEPING = new Set(['version', 'effective_from', 'retroactive', 'title', 'description']);

export interface AttributionPlan {
  /** The rule changes of each step, in the order applied. */
  steps: PolicyChange[][];
  /** The policy after each step but the last (the last is the new version itself). */
  policies: CompiledPolicy[];
}

/** A grade or tier move inside one step: how many people went from `from` to `to`. */
export interface Move {
  from: string;
  to: string;
  count: number;
}

export interface ChangeImpact {
  changes: PolicyChange[];
  /** Payout change of this step over the people both versions score, integer fen. */
  deltaFen: number;
  /** People whose payout this step changes. */
  people: number;
  grade_moves: Move[];
  tier_moves: Move[];
}

/** Where a keyed list item (a grade by name, a tier band by id) sits in the document. */
function keyedIndex(doc: Document, list: (string | number)[], key: string, name: string): number {
  const seq = doc.getIn(list, true);
  if (!isSeq(seq)) return -1;
  return seq.items.findIndex((item) => isMap(item) && String(item.get(key)) === name);
}

/** Applies one leaf change of `diffPolicies` to a parsed policy document. */
function apply(doc: Document, change: PolicyChange, after: PolicyDoc): void {
  const p = change.path;
  const keyed: [(string | number)[], string, { [k: string]: unknown }[] | undefined] | undefined =
    p[0] === 'grades'
      ? [['grades'], 'grade', after.grades as never]
      : p[0] === 'payout' && p[1] === 'tiers' && p[2] === 'bands'
        ? [['payout', 'tiers', 'bands'], 'tier', after.payout.tiers?.bands as never]
        : undefined;
  if (keyed && p.length > keyed[0].length) {
    const [list, key, afterItems] = keyed;
    const name = String(p[list.length]);
    const rest = p.slice(list.length + 1);
    const i = keyedIndex(doc, list, key, name);
    if (!rest.length && change.kind === 'added') {
      const seq = doc.getIn(list, true);
      if (!isSeq(seq)) return void doc.setIn(list, doc.createNode([change.after]));
      // where the new version has it, among the items that already exist
      const at = Math.min(afterItems?.findIndex((x) => String(x[key]) === name) ?? seq.items.length, seq.items.length);
      seq.items.splice(at < 0 ? seq.items.length : at, 0, doc.createNode(change.after) as never);
      return;
    }
    if (i < 0) return;
    if (change.kind === 'removed') doc.deleteIn([...list, i, ...rest]);
    else doc.setIn([...list, i, ...rest], doc.createNode(change.after));
    return;
  }
  if (change.kind === 'removed') doc.deleteIn(p);
  else doc.setIn(p, doc.createNode(change.after));
}

/**
 * The steps and the intermediate policies. A step that does not make a valid policy on its own
 * (one half of a weight shift, whose weights must add up to 100) is merged with the next change.
 */
export function planAttribution(
  beforeText: string,
  after: PolicyDoc,
  changes: PolicyChange[],
  file: string,
): AttributionPlan {
  const doc = parseDocument(beforeText);
  const rules = changes.filter((c) => !BOOKKEEPING.has(String(c.path[0])));
  const steps: PolicyChange[][] = [];
  const policies: CompiledPolicy[] = [];
  let pending: PolicyChange[] = [];
  rules.forEach((change, i) => {
    apply(doc, change, after);
    pending.push(change);
    if (i === rules.length - 1) return;
    const loaded = loadPolicy(formatDocument(doc), file);
    if (!loaded.ok) return;
    steps.push(pending);
    policies.push(loaded.policy);
    pending = [];
  });
  if (pending.length) steps.push(pending);
  return { steps, policies };
}

function moves(pairs: [string, string][]): Move[] {
  const count = new Map<string, Move>();
  for (const [from, to] of pairs) {
    if (from === to) continue;
    const k = `${from}\u0000${to}`;
    const m = count.get(k) ?? { from, to, count: 0 };
    m.count++;
    count.set(k, m);
  }
  return [...count.values()];
}

/**
 * Each step's impact. `runs` are the run of the old version, the runs of `plan.policies` (undefined
 * when the data does not fit that intermediate policy: the step is merged with the next) and the
 * run of the new version. People are those `comparison` covers; someone an intermediate policy
 * cannot score keeps their previous step's outcome, so the steps still add up to the total.
 */
export function attributeRuns(
  plan: AttributionPlan,
  runs: (RunResult | undefined)[],
  comparison: RunComparison,
): ChangeImpact[] {
  const last = runs.length - 1;
  // a person in a month (a data file may hold several months): the cards both versions score
  const lastKeys = new Set(runs[last]!.scorecards.map(cardKey));
  const keys = new Set(runs[0]!.scorecards.map(cardKey).filter((k) => lastKeys.has(k)));
  const byKey = (r: RunResult) => new Map(r.scorecards.filter((c) => keys.has(cardKey(c))).map((c) => [cardKey(c), c]));
  let state = byKey(runs[0]!);
  const out: ChangeImpact[] = [];
  let pending: PolicyChange[] = [];
  plan.steps.forEach((changes, i) => {
    pending = [...pending, ...changes];
    const run = runs[i + 1];
    if (!run) return;
    const now = byKey(run);
    const next = new Map<string, Scorecard>();
    let deltaFen = 0;
    let people = 0;
    const grades: [string, string][] = [];
    const tiers: [string, string][] = [];
    for (const [id, b] of state) {
      const a = now.get(id) ?? b;
      next.set(id, a);
      const d = a.payout.totalFen - b.payout.totalFen;
      deltaFen += d;
      if (d !== 0) people++;
      grades.push([b.grade, a.grade]);
      tiers.push([b.payout.tier?.id ?? '—', a.payout.tier?.id ?? '—']);
    }
    out.push({ changes: pending, deltaFen, people, grade_moves: moves(grades), tier_moves: moves(tiers) });
    state = next;
    pending = [];
  });
  // a defect here would make the per-change amounts lie: they must add up to the total exactly
  const sum = out.reduce((s, x) => s + x.deltaFen, 0);
  if (sum !== comparison.delta_fen)
    throw new Error(`attribution adds up to ${sum} fen, the total change is ${comparison.delta_fen} fen`);
  return out;
}

export interface ChangeImpactJson extends Omit<ChangeImpact, 'deltaFen' | 'changes'> {
  changes: string[];
  delta: number;
}

export function changeImpactToJson(x: ChangeImpact): ChangeImpactJson {
  return {
    changes: x.changes.map((c) => c.text),
    delta: fenToYuan(x.deltaFen),
    people: x.people,
    grade_moves: x.grade_moves,
    tier_moves: x.tier_moves,
  };
}
