// Structural edits the rules panel and the decision tables ask for: add, delete, duplicate and move
// a rule (adjustments, holds, triggers) or a table row (steps, grades, tier bands), and set or
// remove one key. Each goes through the yaml Document API and the engine's canonical layout
// (formatDocument), so in a policy written in that layout — every bundled one — only the lines of
// the rule or row change and every comment stays where it was.

import { isMap, isScalar, isSeq, parseDocument, Pair, Scalar, YAMLMap, type Document, type Node } from 'yaml';
import { formatDocument, type EditResult } from '../../../engine/index.js';
import type { YamlPath } from './model.js';

export type RuleSection = 'adjustments' | 'holds' | 'triggers';
export const RULE_SECTIONS: readonly RuleSection[] = ['adjustments', 'holds', 'triggers'];

/** The id pattern of the schema's rule keys. */
const RULE_ID = /^[a-z][a-z0-9_]*$/;
/** Names every JavaScript object has: the schema refuses them as ids (schema_reserved_name). */
const RESERVED = new Set(['constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty']);

const BROKEN = 'the YAML has errors: fix them before using the panels';

function edit(text: string, change: (doc: Document) => string | undefined): EditResult {
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, message: BROKEN };
  const problem = change(doc);
  if (problem) return { ok: false, message: problem };
  return { ok: true, text: formatDocument(doc) };
}

function sectionMap(doc: Document, section: RuleSection): YAMLMap | undefined {
  const node = doc.get(section, true);
  return isMap(node) ? node : undefined;
}

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));

/** Every rule id of the policy, in the three sections (an id names one rule in results and diffs). */
export function ruleIds(doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return [];
  const d = doc as Record<string, unknown>;
  return RULE_SECTIONS.flatMap((s) => {
    const m = d[s];
    return m && typeof m === 'object' && !Array.isArray(m) ? Object.keys(m) : [];
  });
}

export type RuleIdProblem = 'empty' | 'pattern' | 'taken' | 'reserved';

/** Why `id` cannot name a new rule, or undefined when it can. */
export function ruleIdProblem(id: string, taken: readonly string[]): RuleIdProblem | undefined {
  if (id === '') return 'empty';
  if (!RULE_ID.test(id)) return 'pattern';
  if (RESERVED.has(id.toLowerCase())) return 'reserved';
  if (taken.includes(id)) return 'taken';
  return undefined;
}

/** `base` when it is free, else `base_2`, `base_3`, …: the id the panel offers. */
export function suggestRuleId(base: string, taken: readonly string[]): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .replace(/_+$/, '') || 'rule';
  if (!ruleIdProblem(clean, taken)) return clean;
  for (let n = 2; ; n++) {
    const next = `${clean}_${n}`;
    if (!ruleIdProblem(next, taken)) return next;
  }
}

/**
 * A new rule that validates as it stands: a title, a condition on `fact` (> 0) and the least effect
 * its section needs — 0 points for an adjustment, a reason for a hold, a notification for a trigger.
 */
export function newRule(section: RuleSection, title: string, fact: string, reason: string): Record<string, unknown> {
  const when = { all: [{ fact, operator: 'greaterThan', value: 0 }] };
  if (section === 'adjustments') return { title, when, points: 0 };
  if (section === 'holds') return { title, when, reason };
  return { title, when, action: { type: 'notify' } };
}

/** Flow style for conditions and small maps of scalars, as the bundled policies write them. */
function styled(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  const flowAll = (n: unknown, flow: boolean) => {
    if (isMap(n) || isSeq(n)) {
      n.flow = flow;
      for (const item of n.items) flowAll(isMap(n) ? (item as Pair).value : item, true);
    }
  };
  if (isMap(node)) {
    for (const p of node.items) {
      const v = (p as Pair).value;
      if (isMap(v) || isSeq(v)) flowAll(v, true);
    }
  }
  return node;
}

/** Adds a rule at the end of its section (the section is added at the end of the file when missing). */
export function addRule(text: string, section: RuleSection, id: string, rule: Record<string, unknown>): EditResult {
  return edit(text, (doc) => {
    const problem = ruleIdProblem(id, ruleIds(doc.toJS()));
    if (problem) return `\`${id}\` cannot name a new rule (${problem})`;
    const pair = new Pair(new Scalar(id), styled(doc, rule));
    const map = sectionMap(doc, section);
    if (map) map.items.push(pair);
    else {
      const created = new YAMLMap();
      created.items.push(pair);
      const key = new Scalar(section);
      key.spaceBefore = true; // a blank line before a new section, as between the others
      (doc.contents as YAMLMap).items.push(new Pair(key, created));
    }
    return undefined;
  });
}

/**
 * A comment right above the first rule of a section is read as the section's; it is that rule's,
 * and goes with it when it moves or is deleted.
 */
function commentsToFirstRule(map: YAMLMap) {
  const first = map.items[0] as Pair | undefined;
  if (!map.commentBefore || !first || !isScalar(first.key)) return;
  first.key.commentBefore = first.key.commentBefore
    ? `${map.commentBefore}\n${first.key.commentBefore}`
    : map.commentBefore;
  map.commentBefore = undefined;
}

function indexIn(map: YAMLMap, id: string): number {
  return map.items.findIndex((p) => keyOf(p as Pair) === id);
}

/** Deletes a rule; a section left empty goes too. */
export function deleteRule(text: string, section: RuleSection, id: string): EditResult {
  return edit(text, (doc) => {
    const map = sectionMap(doc, section);
    const i = map ? indexIn(map, id) : -1;
    if (!map || i < 0) return `no rule \`${id}\` in \`${section}\``;
    commentsToFirstRule(map);
    map.items.splice(i, 1);
    if (!map.items.length) doc.delete(section);
    return undefined;
  });
}

/** A copy of a rule, under a new id and title, right after it. Its comments are not copied. */
export function duplicateRule(
  text: string,
  section: RuleSection,
  id: string,
  newId: string,
  title: string,
): EditResult {
  return edit(text, (doc) => {
    const map = sectionMap(doc, section);
    const i = map ? indexIn(map, id) : -1;
    if (!map || i < 0) return `no rule \`${id}\` in \`${section}\``;
    const problem = ruleIdProblem(newId, ruleIds(doc.toJS()));
    if (problem) return `\`${newId}\` cannot name a new rule (${problem})`;
    const value = (map.items[i] as Pair).value;
    const copy = doc.createNode(isMap(value) || isSeq(value) ? value.toJSON() : value) as Node;
    // keep the original's layout: flow where it was flow
    copyFlow(value, copy);
    if (isMap(copy)) copy.set('title', title);
    map.items.splice(i + 1, 0, new Pair(new Scalar(newId), copy));
    return undefined;
  });
}

function copyFlow(from: unknown, to: unknown) {
  if ((isMap(from) && isMap(to)) || (isSeq(from) && isSeq(to))) {
    to.flow = from.flow;
    from.items.forEach((item, i) => {
      const other = to.items[i];
      if (isMap(from)) copyFlow((item as Pair).value, (other as Pair | undefined)?.value);
      else copyFlow(item, other);
    });
  }
}

/** Moves a rule one place up (-1) or down (+1) within its section; it takes its comments along. */
export function moveRule(text: string, section: RuleSection, id: string, delta: -1 | 1): EditResult {
  return edit(text, (doc) => {
    const map = sectionMap(doc, section);
    const i = map ? indexIn(map, id) : -1;
    if (!map || i < 0) return `no rule \`${id}\` in \`${section}\``;
    commentsToFirstRule(map);
    return swap(map.items, i, delta);
  });
}

function swap(items: unknown[], i: number, delta: -1 | 1): string | undefined {
  const j = i + delta;
  if (j < 0 || j >= items.length) return 'nothing to move past';
  [items[i], items[j]] = [items[j], items[i]];
  return undefined;
}

/** Sets one value (a number, a word, a formula, a small map) or, with `undefined`, removes the key. */
export function setField(text: string, path: YamlPath, value: unknown): EditResult {
  return edit(text, (doc) => {
    if (value === undefined) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      return undefined;
    }
    const old = doc.getIn(path, true);
    if (isScalar(old) && (typeof value !== 'object' || value === null)) old.value = value;
    else if (value !== null && typeof value === 'object') {
      const node = styled(doc, value);
      // a map of plain values (a per-unit amount, an action) on one line, as the policies write them
      if (isMap(node) && node.items.every((p) => isScalar((p as Pair).value))) node.flow = true;
      // the old value's comment stays on the line
      if (isScalar(old) && old.comment) node.comment = old.comment;
      doc.setIn(path, node);
    } else doc.setIn(path, value);
    return undefined;
  });
}

function seqAt(doc: Document, path: YamlPath) {
  const node = doc.getIn(path, true);
  return isSeq(node) ? node : undefined;
}

/** Inserts a row (a step, a grade, a band) at `index`, written like the rows around it. */
export function addRow(text: string, path: YamlPath, index: number, row: Record<string, unknown>): EditResult {
  return edit(text, (doc) => {
    const seq = seqAt(doc, path);
    if (!seq) return `no table at \`${path.join('.')}\``;
    const node = doc.createNode(row) as Node;
    const like = seq.items[Math.min(index, seq.items.length - 1)];
    if (isMap(node)) node.flow = isMap(like) ? like.flow : true;
    seq.items.splice(Math.max(0, Math.min(index, seq.items.length)), 0, node);
    return undefined;
  });
}

export function deleteRow(text: string, path: YamlPath, index: number): EditResult {
  return edit(text, (doc) => {
    const seq = seqAt(doc, path);
    if (!seq || index < 0 || index >= seq.items.length) return `no row ${index + 1} at \`${path.join('.')}\``;
    if (seq.items.length === 1) return 'a table keeps at least one row';
    seq.items.splice(index, 1);
    return undefined;
  });
}

export function moveRow(text: string, path: YamlPath, index: number, delta: -1 | 1): EditResult {
  return edit(text, (doc) => {
    const seq = seqAt(doc, path);
    if (!seq) return `no table at \`${path.join('.')}\``;
    return swap(seq.items, index, delta);
  });
}
