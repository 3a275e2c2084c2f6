// The compiled executor: the same rule conditions json-rules-engine evaluates, turned once per
// policy into plain closures (no eval, no new Function). It reproduces json-rules-engine's
// semantics for our conditions — all / any / not over leaves of equal priority (every leaf is
// evaluated), undefined facts allowed, its operators and their fact-value validators — and reports
// the same condition values for the rules that fired. The differential test holds the two equal.

import { consecutiveGrade, periodsInRole, rollingAverage, NO_HISTORY, type HistorySource } from '../language/facts.js';
import type { ConditionDef } from '../model/policy.js';
import type { ConditionResult } from '../model/scorecard.js';

export type FactTable = Record<string, unknown>;

// json-rules-engine's numeric fact validator, parseFloat(v).toString() !== 'NaN'; for a number that is
// simply "not NaN", so numbers skip the string round trip
const number = (v: unknown) => (typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN');
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
};

/** Facts computed on demand, as json-rules-engine's dynamic facts are. */
function dynamicFact(name: string, params: Record<string, unknown> | undefined, facts: FactTable): unknown {
  const history = (facts.$history as HistorySource | undefined) ?? NO_HISTORY;
  const id = facts.employee_id as string;
  switch (name) {
    case 'consecutive_grade':
      return consecutiveGrade(facts.grade as string, history.grades(id), String(params?.grade));
    case 'periods_in_role':
      return periodsInRole(facts.role as string, history.periods?.(id) ?? []);
    case 'open_plan': {
      const plan = history.plan?.(id);
      return plan?.status === 'open' || plan?.status === 'extended';
    }
    case 'rolling_average': {
      const of = String(params?.of);
      return rollingAverage(facts[of] as number | undefined, history.periods?.(id) ?? [], of, Number(params?.periods));
    }
  }
  return facts[name];
}

const DYNAMIC = new Set(['consecutive_grade', 'periods_in_role', 'open_plan', 'rolling_average']);

type Check = (facts: FactTable, out: ConditionResult[] | null) => boolean;

function compileCondition(c: ConditionDef): Check {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    return (facts, out) => {
      let ok = true;
      for (const p of parts) ok = p(facts, out) && ok; // every leaf is evaluated, as json-rules-engine does
      return ok;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (facts, out) => {
      let ok = false;
      for (const p of parts) ok = p(facts, out) || ok;
      return ok;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (facts, out) => !inner(facts, out);
  }
  const op = OPERATORS[c.operator];
  const dynamic = DYNAMIC.has(c.fact);
  const ref = c.value && typeof c.value === 'object' && 'fact' in (c.value as object) ? String((c.value as { fact: unknown }).fact) : undefined;
  const { fact, operator, value, params, path } = c;
  return (facts, out) => {
    const actual = dynamic ? dynamicFact(fact, params, facts) : facts[fact];
    const against = ref !== undefined ? (DYNAMIC.has(ref) ? dynamicFact(ref, undefined, facts) : facts[ref]) : value;
    const result = op(actual, against);
    if (out) out.push(params || path ? { fact, operator, value, ...(params ? { params } : {}), ...(path ? { path } : {}), actual, result } : { fact, operator, value, actual, result });
    return result;
  };
}

export interface CompiledRule {
  kind: string;
  id: string;
  check: Check;
}

export interface FiredRule {
  kind: string;
  id: string;
  conditions: ConditionResult[];
}

export function compileRules(rules: { kind: string; id: string; when: ConditionDef }[]): CompiledRule[] {
  return rules.map((r) => ({ kind: r.kind, id: r.id, check: compileCondition(r.when) }));
}

const NONE: ConditionResult[] = [];

/**
 * The rules that hold, in declaration order, each with its condition values (`collect`), or
 * without them when the caller only needs which rules fired.
 */
export function runRules(rules: CompiledRule[], facts: FactTable, collect = true): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const r of rules) {
    if (!r.check(facts, null)) continue;
    // only a rule that fired pays for collecting its condition values
    let conditions = NONE;
    if (collect) {
      conditions = [];
      r.check(facts, conditions);
    }
    fired.push({ kind: r.kind, id: r.id, conditions });
  }
  return fired;
}

/** Conditions using `path` are evaluated by json-rules-engine itself. */
export function usesPath(c: ConditionDef): boolean {
  if ('all' in c) return c.all.some(usesPath);
  if ('any' in c) return c.any.some(usesPath);
  if ('not' in c) return usesPath(c.not);
  return c.path !== undefined;
}
