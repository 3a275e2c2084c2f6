// The one walk over a condition tree — `all` / `any` / `not` down to fact comparisons — for every
// stage that reads conditions: the checks, compiling, both executors, explanations, the editor.

import type { ConditionDef } from '../model/policy.js';

/** A condition tree whose comparisons are `L`: a policy's `ConditionDef`, or json-rules-engine's results. */
export type ConditionTree<L> =
  | { all: ConditionTree<L>[] }
  | { any: ConditionTree<L>[] }
  | { not: ConditionTree<L> }
  | L;

/** One comparison of a policy condition: `fact operator value`. */
export type ConditionLeaf = Extract<ConditionDef, { fact: string }>;

/** Where a node sits under the condition it was reached from, as YAML keys and indexes. */
export type ConditionPath = (string | number)[];

export interface ConditionFold<L, T> {
  leaf(leaf: L, path: ConditionPath): T;
  all(parts: T[]): T;
  any(parts: T[]): T;
  not(inner: T): T;
}

/** Folds a condition tree bottom-up: each group gets the results of its children. */
export function foldCondition<L, T>(c: ConditionTree<L>, fold: ConditionFold<L, T>, path: ConditionPath = []): T {
  if (isAll(c)) return fold.all(c.all.map((x, i) => foldCondition(x, fold, [...path, 'all', i])));
  if (isAny(c)) return fold.any(c.any.map((x, i) => foldCondition(x, fold, [...path, 'any', i])));
  if (isNot(c)) return fold.not(foldCondition(c.not, fold, [...path, 'not']));
  return fold.leaf(c as L, path);
}

/** Calls `visit` on every comparison, left to right, with its path below `path`. */
export function forEachLeaf<L>(
  c: ConditionTree<L>,
  visit: (leaf: L, path: ConditionPath) => void,
  path: ConditionPath = [],
): void {
  if (isAll(c)) c.all.forEach((x, i) => forEachLeaf(x, visit, [...path, 'all', i]));
  else if (isAny(c)) c.any.forEach((x, i) => forEachLeaf(x, visit, [...path, 'any', i]));
  else if (isNot(c)) forEachLeaf(c.not, visit, [...path, 'not']);
  else visit(c as L, path);
}

/** The comparisons of a condition, in order. */
export function leavesOf<L>(c: ConditionTree<L>): L[] {
  const out: L[] = [];
  forEachLeaf(c, (leaf) => out.push(leaf));
  return out;
}

/** Whether a comparison's value names another fact (`value: { fact: base_score }`) instead of a constant. */
export function isFactRef(value: unknown): value is { fact: unknown } {
  return typeof value === 'object' && value !== null && 'fact' in value;
}

/** The fact a comparison's value names, if it names one. */
export function factRef(value: unknown): string | undefined {
  return isFactRef(value) ? String(value.fact) : undefined;
}

/** Every fact a condition reads: each comparison's fact, and the fact its value names. */
export function factsOf(c: ConditionDef): string[] {
  return leavesOf<ConditionLeaf>(c).flatMap((leaf) => {
    const ref = factRef(leaf.value);
    return ref === undefined ? [leaf.fact] : [leaf.fact, ref];
  });
}

function isAll<L>(c: ConditionTree<L>): c is { all: ConditionTree<L>[] } {
  return typeof c === 'object' && c !== null && 'all' in c;
}

function isAny<L>(c: ConditionTree<L>): c is { any: ConditionTree<L>[] } {
  return typeof c === 'object' && c !== null && 'any' in c;
}

function isNot<L>(c: ConditionTree<L>): c is { not: ConditionTree<L> } {
  return typeof c === 'object' && c !== null && 'not' in c;
}
