// A scorecard's JSON written by hand, for bench/json-cards.ts to time against V8's JSON.stringify
// (2026-12-01, fifth session: it was slower, so the CLI does not use it; see docs/benchmarks.md,
// "Output formats, sixth round"). The very text `JSON.stringify(scorecardToJson(card))` gives
// (compact, NDJSON) and the card's element of the indented document (`jsonCard`): plain string
// concatenation, keys quoted once per shape and indent, no code generation.
//
// It walks each object's own keys in their order (`for … in`, the order JSON.stringify writes them
// for plain objects), so a key added or moved in the engine is written where JSON.stringify would
// write it. Anything that is not plain data — an object with another prototype, a toJSON method, an
// inherited enumerable key, a bigint, a symbol or function — makes the writer give up (`undefined`)
// and the caller uses JSON.stringify for the whole card: right or not used.

/** Characters JSON.stringify escapes, and surrogates (a lone one is escaped; a pair is left to V8). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON.stringify escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Quoted keys and short strings met on every card (ids, titles, kinds, labels), bounded. */
const quotedCache = new Map<string, string>();
const QUOTED_MAX = 4096;
/** Strings longer than this are quoted each time (explanation lines, reasons): hashing them costs as much. */
const CACHE_LENGTH = 24;

function quoteFresh(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** `s` as a JSON string, exactly as JSON.stringify writes it. */
export function quote(s: string): string {
  if (s.length > CACHE_LENGTH) return quoteFresh(s);
  let q = quotedCache.get(s);
  if (q === undefined) {
    q = quoteFresh(s);
    if (quotedCache.size >= QUOTED_MAX) quotedCache.clear();
    quotedCache.set(s, q);
  }
  return q;
}

/** A number as JSON.stringify writes it: `null` when not finite (and -0 as 0, as String gives it). */
export function numberJson(n: number): string {
  return Number.isFinite(n) ? `${n}` : 'null';
}

/** Thrown (and caught in this module) when the card holds something this writer does not write. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

const hasOwn = Object.prototype.hasOwnProperty;

function plainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null) && typeof (o as { toJSON?: unknown }).toJSON !== 'function';
}

/** Indents as constants: NL[d] is a line break and 2·d spaces. */
const NL: string[] = [];
for (let d = 0; d < 64; d++) NL.push(`\n${' '.repeat(2 * d)}`);

/** A value, compact. `undefined` for what JSON.stringify leaves out of an object. */
function compact(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return Number.isFinite(v) ? `${v}` : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) throw NOT_PLAIN;
        const n = v.length;
        if (n === 0) return '[]';
        let s = '[';
        for (let i = 0; i < n; i++) {
          if (i > 0) s += ',';
          s += compact(v[i]) ?? 'null';
        }
        return `${s}]`;
      }
      if (!plainObject(v)) throw NOT_PLAIN;
      {
        let s = '{';
        for (const k in v) {
          if (!hasOwn.call(v, k)) throw NOT_PLAIN;
          const text = compact((v as Record<string, unknown>)[k]);
          if (text === undefined) continue;
          s += s.length === 1 ? `${quote(k)}:${text}` : `,${quote(k)}:${text}`;
        }
        return `${s}}`;
      }
    default:
      throw NOT_PLAIN;
  }
}

/** A value indented as JSON.stringify(…, null, 2) writes it at depth `d`. */
function indented(v: unknown, d: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return Number.isFinite(v) ? `${v}` : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (v === null) return 'null';
      if (d + 1 >= NL.length) throw NOT_PLAIN;
      const inner = NL[d + 1]!;
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) throw NOT_PLAIN;
        const n = v.length;
        if (n === 0) return '[]';
        let s = '[';
        for (let i = 0; i < n; i++) s += (i > 0 ? ',' : '') + inner + (indented(v[i], d + 1) ?? 'null');
        return `${s}${NL[d]!}]`;
      }
      if (!plainObject(v)) throw NOT_PLAIN;
      let s = '{';
      let any = false;
      for (const k in v) {
        if (!hasOwn.call(v, k)) throw NOT_PLAIN;
        const text = indented((v as Record<string, unknown>)[k], d + 1);
        if (text === undefined) continue;
        s += `${any ? ',' : ''}${inner}${quote(k)}: ${text}`;
        any = true;
      }
      return any ? `${s}${NL[d]!}}` : '{}';
    }
    default:
      throw NOT_PLAIN;
  }
}

/** `JSON.stringify(value)`, or undefined when `value` holds something other than plain data. */
export function compactJson(value: object): string | undefined {
  try {
    return compact(value);
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

/**
 * What `JSON.stringify(value, null, 2)` writes for `value` at depth `depth` of a document (each line
 * after the first indented by 2·depth more spaces), or undefined when it holds other than plain data.
 */
export function indentedJson(value: object, depth: number): string | undefined {
  try {
    return indented(value, depth);
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

// ---- the scorecard's shapes: keys in the order the engine makes them, each with its kind of value ----

/** S: a string; N: a number; G: anything (the generic writer); the rest: a nested shape. */
type Kind = 'S' | 'N' | 'G' | 'IND' | 'EXP' | 'PAY' | 'LINES';

interface Shape {
  keys: readonly string[];
  kinds: readonly Kind[];
  /** Per style (0 compact, 1 + d indented at depth d): what leads key j when it is first, and when it is not. */
  first: string[][];
  next: string[][];
}

function shape(fields: [string, Kind][]): Shape {
  return { keys: fields.map((f) => f[0]), kinds: fields.map((f) => f[1]), first: [], next: [] };
}

const CARD = shape([
  ['employee_id', 'S'],
  ['name', 'S'],
  ['role', 'S'],
  ['role_title', 'S'],
  ['team', 'S'],
  ['stage', 'S'],
  ['stage_title', 'S'],
  ['period', 'S'],
  ['base_score', 'N'],
  ['score', 'N'],
  ['raw_grade', 'S'],
  ['grade', 'S'],
  ['next_grade', 'G'],
  ['indicators', 'IND'],
  ['adjustments', 'G'],
  ['payout', 'PAY'],
  ['holds', 'G'],
  ['triggers', 'G'],
  ['explanation', 'EXP'],
  ['plan', 'G'],
  ['calibration', 'G'],
  ['pools', 'G'],
  ['budget_scale', 'G'],
]);
// a leaf indicator's keys, and a group's (id, path, title, points, weight, weighted_points, reason, children) in this order
const INDICATOR = shape([
  ['id', 'S'],
  ['path', 'S'],
  ['title', 'S'],
  ['metric', 'S'],
  ['scoring', 'S'],
  ['better', 'S'],
  ['actual', 'N'],
  ['threshold', 'N'],
  ['target', 'N'],
  ['challenge', 'N'],
  ['points', 'N'],
  ['weight', 'N'],
  ['weighted_points', 'N'],
  ['reason', 'S'],
  ['children', 'IND'],
]);
const PAYOUT = shape([
  ['pay_base', 'N'],
  ['tier', 'G'],
  ['lines', 'LINES'],
  ['total', 'N'],
  ['status', 'S'],
]);
const LINE = shape([
  ['kind', 'S'],
  ['source', 'S'],
  ['label', 'S'],
  ['amount', 'N'],
]);

/** The key prefixes of `s` in style `style` (0 compact, 1 + d indented at depth d), made once. */
function prefixes(s: Shape, style: number): [first: string[], next: string[]] {
  let first = s.first[style];
  let next = s.next[style];
  if (first === undefined || next === undefined) {
    const nl = style === 0 ? '' : NL[style]!; // the key's line is one deeper than the object's: NL[d + 1]
    const colon = style === 0 ? ':' : ': ';
    first = s.keys.map((k) => `{${nl}${JSON.stringify(k)}${colon}`);
    next = s.keys.map((k) => `,${nl}${JSON.stringify(k)}${colon}`);
    s.first[style] = first;
    s.next[style] = next;
  }
  return [first, next];
}

/** A string as JSON.stringify writes it, without the cache (most strings of a card are met once). */
function str(v: unknown, d: number): string | undefined {
  if (typeof v === 'string') return NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
  return d < 0 ? compact(v) : indented(v, d);
}

function num(v: unknown, d: number): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? `${v}` : 'null';
  return d < 0 ? compact(v) : indented(v, d);
}

/** `v` of kind `kind` at depth `d` (-1: compact). */
function valueText(kind: Kind, v: unknown, d: number): string | undefined {
  switch (kind) {
    case 'S':
      return str(v, d);
    case 'N':
      return num(v, d);
    case 'IND':
      return arrayOf(v, INDICATOR, d);
    case 'LINES':
      return arrayOf(v, LINE, d);
    case 'PAY':
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? shaped(v, PAYOUT, d) : generic(v, d);
    case 'EXP':
      return strings(v, d);
    default:
      return generic(v, d);
  }
}

function generic(v: unknown, d: number): string | undefined {
  return d < 0 ? compact(v) : indented(v, d);
}

/**
 * An object of shape `s`: its own keys in their order (as JSON.stringify writes them), each found
 * among the shape's keys (the one after the last first: the usual order), a key the shape does not
 * know written as the generic writer writes it.
 */
function shaped(o: object, s: Shape, d: number): string {
  if (!plainObject(o)) throw NOT_PLAIN;
  const [first, next] = prefixes(s, d + 1);
  const { keys, kinds } = s;
  const e = d < 0 ? -1 : d + 1;
  let out = '';
  let j = 0;
  for (const k in o) {
    if (keys[j] !== k) j = keys.indexOf(k);
    const v = (o as Record<string, unknown>)[k];
    if (j < 0) {
      if (!hasOwn.call(o, k)) throw NOT_PLAIN;
      const text = generic(v, e);
      if (text !== undefined)
        out += `${out === '' ? '{' : ','}${d < 0 ? '' : NL[d + 1]!}${quote(k)}${d < 0 ? ':' : ': '}${text}`;
      j = 0;
      continue;
    }
    const text = valueText(kinds[j]!, v, e);
    if (text !== undefined) out += (out === '' ? first[j]! : next[j]!) + text;
    j++;
  }
  if (out === '') return '{}';
  return d < 0 ? `${out}}` : `${out}${NL[d]!}}`;
}

function arrayOf(v: unknown, s: Shape, d: number): string | undefined {
  if (!Array.isArray(v)) return generic(v, d);
  if (Object.getPrototypeOf(v) !== Array.prototype) throw NOT_PLAIN;
  const n = v.length;
  if (n === 0) return '[]';
  const inner = d < 0 ? '' : NL[d + 1]!;
  const e = d < 0 ? -1 : d + 1;
  let out = '[';
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const text = typeof x === 'object' && x !== null && !Array.isArray(x) ? shaped(x, s, e) : (generic(x, e) ?? 'null');
    out += (i === 0 ? inner : `,${inner}`) + text;
  }
  return d < 0 ? `${out}]` : `${out}${NL[d]!}]`;
}

function strings(v: unknown, d: number): string | undefined {
  if (!Array.isArray(v)) return generic(v, d);
  if (Object.getPrototypeOf(v) !== Array.prototype) throw NOT_PLAIN;
  const n = v.length;
  if (n === 0) return '[]';
  const inner = d < 0 ? '' : NL[d + 1]!;
  const e = d < 0 ? -1 : d + 1;
  let out = '[';
  for (let i = 0; i < n; i++) out += (i === 0 ? inner : `,${inner}`) + (str(v[i], e) ?? 'null');
  return d < 0 ? `${out}]` : `${out}${NL[d]!}]`;
}

/** Whether anything enumerable was added to Object.prototype (for … in would list it; JSON.stringify would not). */
function prototypeTouched(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/**
 * A card in its JSON form (scorecardToJson) as `JSON.stringify(card)` writes it, or undefined when
 * it holds something the writer does not write (the caller then uses JSON.stringify).
 */
export function compactCardJson(card: object): string | undefined {
  if (prototypeTouched()) return undefined;
  try {
    return shaped(card, CARD, -1);
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

/**
 * A card in its JSON form as `JSON.stringify(…, null, 2)` writes it at depth `depth` of a document
 * (its first line not indented, the rest by 2·depth more), or undefined as compactCardJson.
 */
export function indentedCardJson(card: object, depth: number): string | undefined {
  if (prototypeTouched() || depth < 0 || depth > 32) return undefined;
  try {
    return shaped(card, CARD, depth);
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}
