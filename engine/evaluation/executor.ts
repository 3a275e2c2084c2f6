// The two executors of a policy's rule lists (CompiledPolicy.rules), each built lazily, once per
// compiled policy, from the same lists and the same history-fact table:
// - compiled (the default): the conditions turned into plain closures (no eval, no new Function),
//   reading the record's facts from their slots (the policy's slot table, CompiledPolicy.slots).
//   It reproduces json-rules-engine's semantics for our conditions — all / any / not over leaves
//   of equal priority (every leaf is evaluated), undefined facts allowed, its operators and their
//   fact-value validators — and reports the same condition values for the rules that fired;
// - reference: json-rules-engine itself, one reused Engine per phase.
// The differential test holds the two equal.

import { known } from '../model/known.js';
import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { CompiledPolicy, PolicyRule, RuleKind, RulePhase } from '../language/compile.js';
import type { SlotValues } from '../language/expression.js';
import {
  factRef,
  foldCondition,
  forEachLeaf,
  leavesOf,
  type ConditionLeaf,
  type ConditionTree,
} from '../language/conditions.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import type { ConditionDef } from '../model/policy.js';
import type { ConditionResult } from '../model/scorecard.js';
import { HISTORY_FACTS, type FactTable, type HistoryFact } from './history.js';
import { INDICATOR_FACTS } from './indicator-facts.js';

/** Facts computed from other facts when a condition asks: the history facts and the indicator facts. */
const COMPUTED_FACTS: ReadonlyMap<string, HistoryFact> = new Map([...HISTORY_FACTS, ...INDICATOR_FACTS]);

/** `absent`: the fact has no value (an empty metric, no tier, no grade cap, no plan); `present`: it has one. */
const isAbsent = (a: unknown) => a === undefined || a === null;

export type { FactTable } from './history.js';

// json-rules-engine's numeric fact validator, parseFloat(v).toString() !== 'NaN'; for a number that is
// simply "not NaN", so numbers skip the string round trip
const number = (v: unknown) =>
  typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN';
const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => number(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => number(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => number(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => number(a) && (a as number) >= (b as number),
  absent: (a) => isAbsent(a),
  present: (a) => !isAbsent(a),
};

/**
 * A condition's check: whether it holds for these facts. With `out`, each of its comparisons also
 * writes its condition value at `out[filled++]`, in order: `out` is made of the exact length (one
 * entry per comparison, every comparison being evaluated) and `filled` set to 0 before the call.
 */
type Check = (facts: SlotValues, out: ConditionResult[] | null) => boolean;

/** Where the next condition value goes in the `out` of the check in progress (checks are synchronous). */
let filled = 0;

/** Where a fact sits in the fact array the checks read; undefined for a fact it does not hold. */
type SlotOf = (name: string) => number | undefined;

function compileCondition(c: ConditionDef, slotOf: SlotOf): Check {
  // `all` or `any` of one part is that part (the flagship writes every comparison inside `all`)
  return foldCondition<ConditionLeaf, Check>(c, {
    all: (parts) =>
      parts.length === 1
        ? parts[0]!
        : (facts, out) => {
            let ok = true;
            // every leaf is evaluated, as json-rules-engine does
            for (let i = 0; i < parts.length; i++) ok = parts[i]!(facts, out) && ok;
            return ok;
          },
    any: (parts) =>
      parts.length === 1
        ? parts[0]!
        : (facts, out) => {
            let ok = false;
            for (let i = 0; i < parts.length; i++) ok = parts[i]!(facts, out) || ok;
            return ok;
          },
    not: (inner) => (facts, out) => !inner(facts, out),
    leaf: (leaf) => compileComparison(leaf, slotOf),
  });
}

const absent = (): undefined => undefined;

/**
 * A fact as the compiled executor reads it: from its slot, or a history or indicator fact computed
 * from the facts it reads (a table per comparison, filled from their slots for the call and emptied
 * after it: the computation is synchronous and keeps nothing).
 */
function reader(
  name: string,
  params: Record<string, unknown> | undefined,
  slotOf: SlotOf,
): (facts: SlotValues) => unknown {
  const computed = COMPUTED_FACTS.get(name);
  if (!computed) {
    const slot = slotOf(name);
    return slot === undefined ? absent : (facts) => facts[slot];
  }
  // the table's entries read the facts of the call in progress from their slots: nothing is
  // copied per call, and nothing is kept after it
  let current: SlotValues | undefined;
  const table: FactTable = {};
  for (const name of computed.reads(params)) {
    const slot = slotOf(name);
    Object.defineProperty(table, name, {
      enumerable: true,
      get: () => (slot === undefined || current === undefined ? undefined : current[slot]),
    });
  }
  const full = (facts: SlotValues) => {
    current = facts;
    const v = computed.value(params, table);
    current = undefined;
    return v;
  };
  const shortcut = computed.shortcut?.(params);
  if (!shortcut) return full;
  // most records are decided by one fact (consecutive_grade of C for a record graded B: 0)
  const { equals, result } = shortcut;
  const at = slotOf(shortcut.fact);
  return (facts) => ((at === undefined ? undefined : facts[at]) !== equals ? result : full(facts));
}

/**
 * A comparison of a fact in its slot with a constant, by one of the common operators, as one
 * closure (no reader or operator called through): the same expressions as OPERATORS', the same
 * condition value reported. Undefined for any other comparison.
 */
function directComparison(c: ConditionLeaf, slotOf: SlotOf): Check | undefined {
  const { fact, operator, value, params, path } = c;
  if (params || path || factRef(value) !== undefined || COMPUTED_FACTS.has(fact)) return undefined;
  const slot = slotOf(fact);
  if (slot === undefined) return undefined;
  const b = value as number;
  const report = (out: ConditionResult[], actual: unknown, result: boolean) => {
    out[filled++] = { fact, operator, value, actual, result } as ConditionResult;
  };
  switch (operator) {
    case 'equal':
      return (facts, out) => {
        const a = facts[slot];
        const result = a === value;
        if (out) report(out, a, result);
        return result;
      };
    case 'notEqual':
      return (facts, out) => {
        const a = facts[slot];
        const result = a !== value;
        if (out) report(out, a, result);
        return result;
      };
    case 'lessThan':
      return (facts, out) => {
        const a = facts[slot];
        const result = number(a) && (a as number) < b;
        if (out) report(out, a, result);
        return result;
      };
    case 'lessThanInclusive':
      return (facts, out) => {
        const a = facts[slot];
        const result = number(a) && (a as number) <= b;
        if (out) report(out, a, result);
        return result;
      };
    case 'greaterThan':
      return (facts, out) => {
        const a = facts[slot];
        const result = number(a) && (a as number) > b;
        if (out) report(out, a, result);
        return result;
      };
    case 'greaterThanInclusive':
      return (facts, out) => {
        const a = facts[slot];
        const result = number(a) && (a as number) >= b;
        if (out) report(out, a, result);
        return result;
      };
  }
  return undefined;
}

/**
 * A comparison of a computed fact that has a shortcut (`consecutive_grade` of C while the grade is
 * not C is 0) with a constant: while the shortcut holds, its outcome is the same for every record
 * (0 ≥ 2 is false), so it is decided once, here; otherwise the comparison runs in full.
 */
function shortcutComparison(c: ConditionLeaf, slotOf: SlotOf, full: Check): Check | undefined {
  const { fact, operator, value, params, path } = c;
  const shortcut = COMPUTED_FACTS.get(fact)?.shortcut?.(params);
  if (!shortcut || path || factRef(value) !== undefined) return undefined;
  const at = slotOf(shortcut.fact);
  const { equals, result: actual } = shortcut;
  const result = known(OPERATORS[operator], `operator ${operator}`)(actual, value);
  // the condition value the full comparison reports for this actual value
  const reported = params
    ? { fact, operator, value, params, actual, result }
    : { fact, operator, value, actual, result };
  return (facts, out) => {
    if ((at === undefined ? undefined : facts[at]) === equals) return full(facts, out);
    if (out) out[filled++] = { ...reported } as ConditionResult;
    return result;
  };
}

function compileComparison(c: ConditionLeaf, slotOf: SlotOf): Check {
  const direct = directComparison(c, slotOf);
  if (direct) return direct;
  const general = generalComparison(c, slotOf);
  return shortcutComparison(c, slotOf, general) ?? general;
}

function generalComparison(c: ConditionLeaf, slotOf: SlotOf): Check {
  const op = known(OPERATORS[c.operator], `operator ${c.operator}`);
  const { fact, operator, value, params, path } = c;
  const actualOf = reader(fact, params, slotOf);
  const ref = factRef(value);
  const againstOf = ref !== undefined ? reader(ref, undefined, slotOf) : undefined;
  return (facts, out) => {
    const actual = actualOf(facts);
    const against = againstOf ? againstOf(facts) : value;
    const result = op(actual, against);
    if (out)
      out[filled++] =
        params || path
          ? { fact, operator, value, ...(params ? { params } : {}), ...(path ? { path } : {}), actual, result }
          : { fact, operator, value, actual, result };
    return result;
  };
}

interface CompiledRule {
  kind: RuleKind;
  id: string;
  /** the grade's or tier's index, for rules of phase `grades` */
  at: number;
  check: Check;
  /** how many comparisons the condition has: the length of its condition values */
  leaves: number;
  /** what `runCompiled` reports when the rule fires, reused: its `conditions` are set each time */
  fired: FiredRule;
}

/** A rule that fired, with the values its comparisons saw. */
export interface FiredRule {
  kind: RuleKind;
  id: string;
  conditions: ConditionResult[];
}

/**
 * A policy's rule lists as closures, one per phase, and the triggers without the plan closes (what
 * a record without a plan recorded last period runs: a dry run's every record).
 */
type CompiledLists = Record<RulePhase, CompiledRule[]> & { triggersWithoutCloses: CompiledRule[] };

const compiledRules = new WeakMap<CompiledPolicy, CompiledLists>();
/** The last policy asked for and its rules: a run asks for the same one on every record. */
let last: { policy: CompiledPolicy; rules: CompiledLists } | undefined;

/** The policy's rule lists as closures, built on first use. */
function compiledOf(policy: CompiledPolicy): CompiledLists {
  if (last?.policy === policy) return last.rules;
  let rules = compiledRules.get(policy);
  if (!rules) {
    if (!policy.compilable) throw new Error('internal: this policy has no compiled executor; call evaluateRecord');
    const compile = (list: PolicyRule[], slotOf: SlotOf) =>
      list.map(
        (r): CompiledRule => ({
          kind: r.kind,
          id: r.id,
          at: Number(r.id),
          check: compileCondition(r.when, slotOf),
          leaves: leavesOf(r.when as ConditionTree<ConditionLeaf>).length,
          fired: { kind: r.kind, id: r.id, conditions: NONE },
        }),
      );
    const index = policy.slots.index;
    const recordSlot = (name: string) => index.get(name);
    const triggers = compile(policy.rules.triggers, recordSlot);
    rules = {
      rules: compile(policy.rules.rules, recordSlot),
      // phase `grades` sees two facts, in their own two slots (GRADE_SLOTS)
      grades: compile(policy.rules.grades, (name) => GRADE_SLOTS.get(name)),
      triggers,
      triggersWithoutCloses: triggers.filter((r) => r.kind !== 'plan_close'),
    };
    compiledRules.set(policy, rules);
  }
  last = { policy, rules };
  return rules;
}

/** No condition values (a summary card's): shared, never added to. */
const NONE: ConditionResult[] = [];

/** What `runCompiled` returns, per phase: one list each, emptied and refilled by every call. */
const FIRED_RULES: FiredRule[] = [];
const FIRED_TRIGGERS: FiredRule[] = [];

/**
 * The rules that hold, in declaration order, each with its condition values (`collect`), or
 * without them when the caller only needs which rules fired. The entries and the list are reused
 * by the next call of the same phase (no objects per record but the condition values): read them
 * at once and keep only their `conditions`.
 *
 * A plan's close condition (`plan_close`) matters only for the plan recorded last period: only the
 * rule of `planTrigger` (the trigger that opened it) is checked, and it reports no condition values
 * (what it closes is all the evaluation reads of it).
 */
export function runCompiled(
  policy: CompiledPolicy,
  phase: 'rules' | 'triggers',
  facts: SlotValues,
  collect = true,
  planTrigger?: string,
): readonly FiredRule[] {
  const fired = phase === 'rules' ? FIRED_RULES : FIRED_TRIGGERS;
  // emptied by pops (a list of none to a few: cheaper than setting its length)
  while (fired.length > 0) fired.pop();
  const lists = compiledOf(policy);
  // without a plan recorded last period no close is checked: the list without them
  const rules =
    phase === 'rules' ? lists.rules : planTrigger === undefined ? lists.triggersWithoutCloses : lists.triggers;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.kind === 'plan_close') {
      if (r.id !== planTrigger || !r.check(facts, null)) continue;
      r.fired.conditions = NONE;
      fired.push(r.fired);
      continue;
    }
    if (!r.check(facts, null)) continue;
    // only a rule that fired pays for collecting its condition values
    let conditions = NONE;
    if (collect) {
      // of its exact length (an array grown by push from empty reserves room for seventeen)
      conditions = new Array<ConditionResult>(r.leaves);
      filled = 0;
      r.check(facts, conditions);
      if (filled !== r.leaves)
        throw new Error(`internal: rule ${r.kind} ${r.id} reported ${filled} of ${r.leaves} condition values`);
    }
    r.fired.conditions = conditions;
    fired.push(r.fired);
  }
  return fired;
}

/** Where the grade phase's decision goes: the best (lowest) grade and tier index whose rule holds. */
export interface GradeDecision {
  gradeIndex: number;
  tierIndex: number;
}

/**
 * Phase `grades` on the compiled executor, without an array of fired rules or an object of facts
 * per record: lowers `into.gradeIndex` and `into.tierIndex` to the best grade and tier whose rule
 * holds for this score and tier basis (what the reference executor's fired rules give).
 */
export function decideGradesCompiled(
  policy: CompiledPolicy,
  score: number,
  tierBasis: number | undefined,
  into: GradeDecision,
): void {
  const ladders = laddersOf(policy);
  if (ladders) {
    // the same decision as the rules' (`score ≥ min`, `tier_basis ≥ min`, a basis that is not a
    // number holding none): the first grade and tier whose minimum is reached
    const { grades, tiers } = ladders;
    for (let i = 0; i < grades.length && i < into.gradeIndex; i++)
      if (score >= grades[i]!) {
        into.gradeIndex = i;
        break;
      }
    if (number(tierBasis))
      for (let i = 0; i < tiers.length && i < into.tierIndex; i++)
        if ((tierBasis as number) >= tiers[i]!) {
          into.tierIndex = i;
          break;
        }
    return;
  }
  const facts = gradeFacts;
  facts[0] = score;
  facts[1] = tierBasis;
  const rules = compiledOf(policy).grades;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (!r.check(facts, null)) continue;
    if (r.kind === 'grade') {
      if (r.at < into.gradeIndex) into.gradeIndex = r.at;
    } else if (r.kind === 'tier' && r.at < into.tierIndex) into.tierIndex = r.at;
  }
  // nothing of this record stays in the reused array
  facts[0] = undefined;
  facts[1] = undefined;
}

/** The grades' and tiers' minimums, in their order, when every rule of phase `grades` is one. */
interface Ladders {
  grades: number[];
  tiers: number[];
}
const ladders = new WeakMap<CompiledPolicy, Ladders | null>();

/**
 * Phase `grades` as two lists of minimums, when each of its rules is a lone `score` (grade) or
 * `tier_basis` (tier) `greaterThanInclusive` a number, its id its index in its list (as
 * compile.ts writes them); null otherwise, and the rules are run as closures.
 */
function laddersOf(policy: CompiledPolicy): Ladders | null {
  // a run asks for the same policy's on every record: the last one answers without the WeakMap
  if (lastLadders?.policy === policy) return lastLadders.ladders;
  let found = ladders.get(policy);
  if (found === undefined) {
    const out: Ladders = { grades: [], tiers: [] };
    for (const r of policy.rules.grades) {
      const w = r.when as Partial<ConditionLeaf>;
      const list = r.kind === 'grade' ? out.grades : r.kind === 'tier' ? out.tiers : undefined;
      const fact = r.kind === 'grade' ? 'score' : 'tier_basis';
      if (
        !list ||
        w.fact !== fact ||
        w.operator !== 'greaterThanInclusive' ||
        typeof w.value !== 'number' ||
        w.params !== undefined ||
        w.path !== undefined ||
        Number(r.id) !== list.length
      ) {
        found = null;
        break;
      }
      list.push(w.value);
    }
    if (found === undefined) found = out;
    ladders.set(policy, found);
  }
  lastLadders = { policy, ladders: found };
  return found;
}
let lastLadders: { policy: CompiledPolicy; ladders: Ladders | null } | undefined;

/** The slots of the facts of phase `grades`. */
const GRADE_SLOTS: ReadonlyMap<string, number> = new Map([
  ['score', 0],
  ['tier_basis', 1],
]);

/** The facts of phase `grades`, reused: the checks are synchronous and keep nothing they read. */
const gradeFacts: (number | undefined)[] = [undefined, undefined];

const referenceEngines = new WeakMap<CompiledPolicy, Record<RulePhase, Engine>>();

/** The policy's rule lists as json-rules-engine Engines, built on first use (only `--executor reference` asks). */
function enginesOf(policy: CompiledPolicy): Record<RulePhase, Engine> {
  let engines = referenceEngines.get(policy);
  if (!engines) {
    // the record's phase knows the history facts of phase `rules`; triggers know them all
    engines = {
      rules: engine(policy.rules.rules, 'rules'),
      grades: engine(policy.rules.grades, undefined),
      triggers: engine(policy.rules.triggers, 'triggers'),
    };
    referenceEngines.set(policy, engines);
  }
  return engines;
}

function engine(rules: PolicyRule[], factsOfPhase: 'rules' | 'triggers' | undefined): Engine {
  const built = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
  built.addOperator('absent', (a: unknown) => isAbsent(a));
  built.addOperator('present', (a: unknown) => !isAbsent(a));
  for (const [name, fact] of COMPUTED_FACTS) {
    if (!factsOfPhase || (factsOfPhase === 'rules' && BUILTIN_FACTS[name]?.phase !== 'rules')) continue;
    built.addFact(name, async (params: Record<string, unknown>, almanac) => {
      const facts: FactTable = {};
      for (const read of fact.reads(params)) facts[read] = await almanac.factValue(read);
      return fact.value(params, facts);
    });
  }
  rules.forEach((r, at) => {
    // json-rules-engine wants all/any/not at the top; a single comparison is wrapped in `all`
    const conditions = (
      'all' in r.when || 'any' in r.when || 'not' in r.when ? r.when : { all: [r.when] }
    ) as TopLevelCondition;
    built.addRule({
      name: `${r.kind}:${r.id}`,
      conditions,
      event: { type: r.kind, params: { id: r.id, at } },
      priority: 1,
    });
  });
  return built;
}

/** Runs one phase in json-rules-engine and returns the rules that fired, in the policy's order, with their condition values. */
export async function runReference(policy: CompiledPolicy, phase: RulePhase, facts: FactTable): Promise<FiredRule[]> {
  const { results } = await enginesOf(policy)[phase].run(facts);
  // json-rules-engine lists rules of equal priority as they finish (a rule waiting on an async
  // fact finishes later); report them in the order the policy declares them
  return results
    .map((r: RuleResult) => ({
      at: Number(r.event?.params?.at),
      fired: {
        kind: r.event?.type as RuleKind,
        id: String(r.event?.params?.id),
        conditions: conditionValues(r.conditions as unknown as ConditionTree<ResultLeaf>),
      },
    }))
    .sort((a, b) => a.at - b.at)
    .map((r) => r.fired);
}

/** A comparison in json-rules-engine's results: the condition with the value it read and its outcome. */
interface ResultLeaf {
  fact?: string;
  operator?: string;
  value?: unknown;
  params?: Record<string, unknown>;
  path?: string;
  factResult?: unknown;
  result?: boolean;
}

function conditionValues(c: ConditionTree<ResultLeaf>): ConditionResult[] {
  const out: ConditionResult[] = [];
  forEachLeaf(c, (leaf) => {
    if (leaf.fact === undefined) return;
    out.push({
      fact: leaf.fact,
      operator: leaf.operator!,
      value: leaf.value,
      ...(leaf.params ? { params: leaf.params } : {}),
      ...(leaf.path ? { path: leaf.path } : {}),
      actual: leaf.factResult,
      result: Boolean(leaf.result),
    });
  });
  return out;
}
