// A panel edit that puts a value back to what the file says keeps the file's own spelling of it
// (`0.40` stays `0.40`, a single weight `40` stays `40`): changing a value and changing it back
// gives back the exact text, and the file is no longer marked unsaved.

import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { YamlPath } from './model.js';

type Json = unknown;

/**
 * Two values mean the same: equal as data, or (for a weight) a per-stage map whose stages all
 * carry the number a single weight carries.
 */
function sameMeaning(a: Json, b: Json, weight: boolean): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (!weight) return false;
  const spread = (m: Json, n: Json) =>
    typeof n === 'number' &&
    !!m &&
    typeof m === 'object' &&
    !Array.isArray(m) &&
    Object.values(m).every((v) => v === n);
  return spread(a, b) || spread(b, a);
}

/**
 * `edited` is `original` with one value at `path` set. Where that value, or the mapping holding it
 * (the weight a per-stage edit turned into a map), now means what it means in `original`, the
 * original's text for it is put back.
 */
export function keepOriginalSpelling(original: string, edited: string, path: YamlPath): string {
  let before: ReturnType<typeof parseDocument>;
  let after: ReturnType<typeof parseDocument>;
  try {
    before = parseDocument(original);
    after = parseDocument(edited);
  } catch {
    return edited;
  }
  if (before.errors.length || after.errors.length) return edited;
  // the longest prefix first: the value itself, then the mapping that holds it
  for (let n = path.length; n >= 1; n--) {
    const at = path.slice(0, n);
    const was = before.getIn(at, true) as Node | undefined;
    const now = after.getIn(at, true) as Node | undefined;
    if (!was?.range || !now?.range) continue;
    if (!(isScalar(was) || isMap(was)) || !(isScalar(now) || isMap(now))) continue;
    const weight = at[at.length - 1] === 'weight';
    if (!sameMeaning(valueAt(before, at), valueAt(after, at), weight)) continue;
    // a value's own text when it is a scalar or flow map; from the key on when a block map
    // (whose text starts on the next line) is involved
    const whole = (isMap(was) && !was.flow) || (isMap(now) && !now.flow);
    const wasFrom = whole ? keyStart(before, at) : was.range[0];
    const nowFrom = whole ? keyStart(after, at) : now.range[0];
    if (wasFrom === undefined || nowFrom === undefined) continue;
    const wasText = original.slice(wasFrom, was.range[1]).replace(/\n$/, '');
    const nowEnd = edited.slice(0, now.range[1]).replace(/\n$/, '').length;
    const spliced = edited.slice(0, nowFrom) + wasText + edited.slice(nowEnd);
    // only when the put-back text reads as the original value there
    const check = parseDocument(spliced);
    if (check.errors.length || JSON.stringify(valueAt(check, at)) !== JSON.stringify(valueAt(before, at))) continue;
    return spliced;
  }
  return edited;
}

/** The plain value at `path` (getIn alone hands back collections as nodes). */
function valueAt(doc: ReturnType<typeof parseDocument>, path: YamlPath): Json {
  const node = doc.getIn(path, true) as Node | undefined;
  return node && typeof node.toJSON === 'function' ? node.toJSON() : node;
}

/** Where the key of the value at `path` starts in the text. */
function keyStart(doc: ReturnType<typeof parseDocument>, path: YamlPath): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}
