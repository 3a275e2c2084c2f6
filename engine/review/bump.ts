// Which part of a policy's version a change calls for (docs/review.md, "Version numbers"):
// major when the data contract or the grade scale changes (a metric, role, stage or grade added or
// removed, the period or the currency changed), patch when only names, descriptions and reasons
// change, minor for every other rule change. Pure: the editor's publish form and anyone else can ask.

import type { PolicyChange } from './diff.js';

export type Bump = 'major' | 'minor' | 'patch';

/** Keys whose values are words for people (titles, labels, a hold's reason), not rules: changing only these is a patch. */
const WORDING = new Set(['title', 'description', 'label', 'help', 'note', 'reason']);
/** Sections whose entries are the data contract or the grade scale: adding or removing one is a major change. */
const STRUCTURE = new Set(['metrics', 'derived', 'roles', 'stages', 'grades']);
/** What a new version sets itself: never a reason for a bump. */
const BOOKKEEPING = new Set(['version', 'effective_from', 'retroactive']);

export interface BumpSuggestion {
  bump: Bump;
  /** The changes that decided it (for major: the structural ones; otherwise every rule change). */
  because: PolicyChange[];
}

function isMajor(c: PolicyChange): boolean {
  const [top] = c.path;
  if (top === 'period' || top === 'currency') return true;
  return c.path.length === 2 && STRUCTURE.has(String(top)) && (c.kind === 'added' || c.kind === 'removed');
}

function isWording(c: PolicyChange): boolean {
  const last = c.path[c.path.length - 1];
  return c.kind === 'changed' && c.path.length > 0 && WORDING.has(String(last));
}

/** The bump `changes` (from diffPolicies) call for, or undefined when nothing but the bookkeeping changed. */
export function suggestBump(changes: readonly PolicyChange[]): BumpSuggestion | undefined {
  const real = changes.filter((c) => !(c.path.length > 0 && BOOKKEEPING.has(String(c.path[0]))));
  if (!real.length) return undefined;
  const major = real.filter(isMajor);
  if (major.length) return { bump: 'major', because: major };
  if (real.every(isWording)) return { bump: 'patch', because: real };
  return { bump: 'minor', because: real.filter((c) => !isWording(c)) };
}

/** `1.4.2` bumped: major → 2.0.0, minor → 1.5.0, patch → 1.4.3; undefined for a version that is not major.minor.patch. */
export function bumpVersion(version: string, bump: Bump): string | undefined {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * Whether version `a` is later than `b`, compared as major.minor.patch numbers (`1.10.0` is later
 * than `1.9.0`); false when they are the same, or when either is not such a version.
 */
export function isNewerVersion(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}
