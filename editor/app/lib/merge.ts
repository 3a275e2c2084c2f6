// A three-way merge of policy text by lines: the version the user started from (base), the user's
// text (mine) and the file as it is now (theirs). Changes on different lines are taken from both
// sides; a line both sides changed differently is a conflict the user decides.

import { diff3MergeRegions, diffIndices } from 'node-diff3';

/** A run of lines the merge settled: unchanged, or changed by one side (or alike by both). */
export interface SettledPart {
  kind: 'settled';
  lines: string[];
  /** Who changed these lines from the base; null when nobody did. */
  by: 'mine' | 'theirs' | 'both' | null;
  /** The base's lines these replace (empty when nobody changed them). */
  base: string[];
}

export interface ConflictPart {
  kind: 'conflict';
  base: string[];
  mine: string[];
  theirs: string[];
  /** The line in the base where the conflict starts (1-based). */
  line: number;
}

export type MergePart = SettledPart | ConflictPart;
export type Choice = 'mine' | 'theirs';

const lines = (text: string) => text.split('\n');
const same = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** The parts of the merge, in file order. `base` null (a draft from before bases were kept) makes the whole text one decision. */
export function mergeParts(base: string | null, mine: string, theirs: string): MergePart[] {
  if (mine === theirs) return [{ kind: 'settled', lines: lines(mine), by: null, base: [] }];
  if (base === null) return [{ kind: 'conflict', base: [], mine: lines(mine), theirs: lines(theirs), line: 1 }];
  const o = lines(base);
  const a = lines(mine);
  const b = lines(theirs);
  // a side that only deletes lines leaves no region of its own: its hunks say whose deletion it was
  const deletedByMine = new Set<number>();
  for (const h of diffIndices(o, a))
    for (let i = h.buffer1[0]; i < h.buffer1[0] + h.buffer1[1]; i++) deletedByMine.add(i);
  const regions = diff3MergeRegions(a, o, b);
  const oStartOf = (i: number) => {
    const r = regions[i];
    if (!r) return o.length;
    return r.stable ? (r.buffer === 'o' ? r.bufferStart : -1) : r.oStart;
  };
  const parts: MergePart[] = [];
  let at = 0; // the next base line not yet accounted for
  const deletion = (until: number) => {
    if (until > at)
      parts.push({
        kind: 'settled',
        lines: [],
        by: deletedByMine.has(at) ? 'mine' : 'theirs',
        base: o.slice(at, until),
      });
  };
  regions.forEach((r, i) => {
    if (r.stable && r.buffer === 'o') {
      deletion(r.bufferStart);
      parts.push({ kind: 'settled', lines: r.bufferContent, by: null, base: [] });
      at = r.bufferStart + r.bufferLength;
    } else if (r.stable) {
      // one side changed the base lines up to where the next region starts
      const next = oStartOf(i + 1);
      const until = next >= 0 ? next : at;
      parts.push({
        kind: 'settled',
        lines: r.bufferContent,
        by: r.buffer === 'a' ? 'mine' : 'theirs',
        base: o.slice(at, until),
      });
      at = until;
    } else {
      deletion(r.oStart);
      if (same(r.aContent, r.bContent))
        parts.push({ kind: 'settled', lines: r.aContent, by: 'both', base: r.oContent });
      else parts.push({ kind: 'conflict', base: r.oContent, mine: r.aContent, theirs: r.bContent, line: r.oStart + 1 });
      at = r.oStart + r.oLength;
    }
  });
  deletion(o.length);
  return joinSettled(parts);
}

function joinSettled(parts: MergePart[]): MergePart[] {
  const out: MergePart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (p.kind === 'settled' && p.by === null && last?.kind === 'settled' && last.by === null)
      last.lines = [...last.lines, ...p.lines];
    else out.push(p);
  }
  return out;
}

/** The merged text with a choice for every conflict (in order); null while one is still open. */
export function mergedText(parts: MergePart[], choices: (Choice | undefined)[]): string | null {
  const out: string[] = [];
  let c = 0;
  for (const p of parts) {
    if (p.kind === 'settled') out.push(...p.lines);
    else {
      const choice = choices[c++];
      if (!choice) return null;
      out.push(...p[choice]);
    }
  }
  return out.join('\n');
}

export const conflictCount = (parts: MergePart[]) => parts.filter((p) => p.kind === 'conflict').length;
