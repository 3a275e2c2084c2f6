// A scorecard's JSON written straight into UTF-8 bytes, for bench/json-cards.ts to time against
// V8's JSON.stringify and TextEncoder (2026-12-01, sixth session: not faster end to end, so the CLI
// does not use it; docs/benchmarks.md, "Output formats, seventh round"). It writes the very bytes
// that encoding `JSON.stringify(scorecardToJson(card))` (an NDJSON line) or the card's element of
// the indented document (`jsonCard`) gives, without making the card's text as a string first;
// test/cli/json-bytes.test.ts holds it to that.
//
// Keys and punctuation are encoded once (with the line break and indent for each depth); strings
// are escaped as JSON.stringify escapes them (quote, backslash, U+0000–U+001F, lone surrogates) and
// encoded to UTF-8 in the same pass (TextEncoder for long strings with nothing to escape); numbers
// as `${n}` writes them (integers and two- or four-decimal numbers digit by digit, `null` when not
// finite; both by node/cli/format/json-utf8.ts, which the CLI's card writer shares); the string and
// number values met under a key card after card (titles, kinds, targets from the policy) are
// remembered as bytes per key. Objects are walked in their own key order, as
// JSON.stringify walks them, so a key the engine adds or moves is written where JSON.stringify
// would write it. Anything that is not plain data (another prototype, a toJSON method, a bigint, an
// enumerable key on Object.prototype, nesting past 60, a cycle) makes the writer give the card back
// with nothing written: the caller then writes it with JSON.stringify.

import { type Scorecard, scorecardToJson } from '../engine/index.js';
import {
  type ByteSink,
  bytesAt,
  jsonNumberAt,
  jsonStringAt,
  NUMBER_ROOM,
  stringRoom,
} from '../node/cli/format/json-utf8.js';

export type { ByteSink };

/** Thrown (and caught in this module) when the card holds something this writer does not write. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain('not plain data');

const MAX_DEPTH = 60;
/** The deepest a value may start at in an indented document. */
const MAX_START = 8;
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A line break and 2·d spaces, as bytes, for every depth the writer reaches. */
const NL: Uint8Array[] = [];
for (let d = 0; d <= MAX_DEPTH + MAX_START + 1; d++) NL.push(ascii(`\n${' '.repeat(2 * d)}`));

/** A key's bytes: `"key":` compact, and `\n` + indent + `"key": ` at each depth (made when first needed). */
interface Key {
  readonly key: string;
  readonly compact: Uint8Array;
  readonly indented: Uint8Array[];
  /** The key that followed this one last time (an object's keys come in the same order card after card). */
  next: Key | undefined;
  /**
   * String values written under this key and their bytes: titles, ids, kinds and labels from the
   * policy come back card after card (and hash cheaply: V8 keeps a string's hash). A key whose
   * values keep changing (names and ids from the data) stops being remembered (`fresh`).
   */
  strings: Map<string, Uint8Array>;
  misses: number;
  fresh: boolean;
  /** The same for numbers that are not 32-bit integers (thresholds, targets, weights from the policy). */
  numbers: Map<number, Uint8Array>;
  numberMisses: number;
  freshNumbers: boolean;
}
/** Values remembered per key at most; a key with more is taken as fresh. */
const CACHED_VALUES = 256;
/** A key whose first this many values are all new is taken as fresh. */
const FRESH_AFTER = 64;

export const keys = new Map<string, Key>();
const KEYS_MAX = 4096;

function keyOf(k: string): Key {
  let e = keys.get(k);
  if (e === undefined) {
    // an own toJSON is called by JSON.stringify: not plain data
    if (k === 'toJSON') throw NOT_PLAIN;
    if (keys.size >= KEYS_MAX) keys.clear();
    const quoted = new TextEncoder().encode(JSON.stringify(k));
    const compact = new Uint8Array(quoted.length + 1);
    compact.set(quoted);
    compact[quoted.length] = 0x3a;
    e = {
      key: k,
      compact,
      indented: [],
      next: undefined,
      strings: new Map(),
      misses: 0,
      fresh: false,
      numbers: new Map(),
      numberMisses: 0,
      freshNumbers: false,
    };
    keys.set(k, e);
  }
  return e;
}

function indentedKey(e: Key, d: number): Uint8Array {
  let piece = e.indented[d];
  if (piece === undefined) {
    const nl = NL[d]!;
    piece = new Uint8Array(nl.length + e.compact.length + 1);
    piece.set(nl);
    piece.set(e.compact, nl.length);
    piece[piece.length - 1] = 0x20;
    e.indented[d] = piece;
  }
  return piece;
}

// the writer's state while it writes one card
let sink: ByteSink;
let b: Uint8Array;
let p = 0;
/** How many objects and arrays deep the writer is (a cycle, or data nested past MAX_DEPTH, is given back). */
let level = 0;

function room(n: number): void {
  sink.used = p;
  sink.grow(n);
  b = sink.buffer;
}

function piece(x: Uint8Array): void {
  if (p + x.length > b.length) room(x.length);
  p = bytesAt(b, p, x);
}

function byte(c: number): void {
  if (p >= b.length) room(1);
  b[p++] = c;
}

const utf8 = new TextEncoder();
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON.stringify escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** From this length on, a string without anything to escape is encoded by TextEncoder (one call, native speed). */
const LONG = 24;

/** `s` quoted and escaped as JSON.stringify writes it, as UTF-8. */
function string(s: string): void {
  const n = s.length;
  if (n >= LONG && !NEEDS_ESCAPE.test(s)) {
    if (p + 3 * n + 2 > b.length) room(3 * n + 2);
    b[p++] = 0x22;
    p += utf8.encodeInto(s, b.subarray(p)).written;
    b[p++] = 0x22;
    return;
  }
  const most = stringRoom(n);
  if (p + most > b.length) room(most);
  p = jsonStringAt(b, p, s);
}

/** A number as JSON.stringify writes it: `${n}` (so -0 as 0), `null` when not finite. */
function number(v: number): void {
  if (p + NUMBER_ROOM > b.length) room(NUMBER_ROOM);
  p = jsonNumberAt(b, p, v);
}

const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');

/** Whether JSON.stringify leaves `v` out of an object (and writes `null` for it in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** `v` at depth `d` of the indented text (-1: compact); `v` is not one of the skipped kinds. */
function value(v: unknown, d: number): void {
  switch (typeof v) {
    case 'string':
      string(v);
      return;
    case 'number':
      number(v);
      return;
    case 'boolean':
      piece(v ? TRUE : FALSE);
      return;
    case 'object':
      if (v === null) piece(NULL);
      else if (Array.isArray(v)) array(v, d);
      else object(v, d);
      return;
    default:
      // a bigint (JSON.stringify throws), or anything else unexpected
      throw NOT_PLAIN;
  }
}

function array(v: unknown[], d: number): void {
  if (Object.getPrototypeOf(v) !== Array.prototype || ++level > MAX_DEPTH) throw NOT_PLAIN;
  const n = v.length;
  if (n === 0) {
    if (p + 2 > b.length) room(2);
    b[p++] = 0x5b;
    b[p++] = 0x5d;
    level--;
    return;
  }
  byte(0x5b);
  if (d < 0) {
    for (let i = 0; i < n; i++) {
      if (i > 0) byte(0x2c);
      const x = v[i];
      if (skipped(x)) piece(NULL);
      else value(x, -1);
    }
    byte(0x5d);
    level--;
    return;
  }
  const inner = NL[d + 1]!;
  for (let i = 0; i < n; i++) {
    if (i > 0) byte(0x2c);
    piece(inner);
    const x = v[i];
    if (skipped(x)) piece(NULL);
    else value(x, d + 1);
  }
  piece(NL[d]!);
  byte(0x5d);
  level--;
}

function object(o: object, d: number): void {
  const proto = Object.getPrototypeOf(o);
  if ((proto !== Object.prototype && proto !== null) || ++level > MAX_DEPTH) throw NOT_PLAIN;
  byte(0x7b);
  let prev: Key | undefined;
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (skipped(v)) {
      // an own toJSON method: JSON.stringify writes what it returns
      if (k === 'toJSON') throw NOT_PLAIN;
      continue;
    }
    // the key that followed the previous one last time is most often this one: a pointer compare
    let e = prev === undefined ? undefined : prev.next;
    if (e === undefined || e.key !== k) {
      e = keyOf(k);
      if (prev !== undefined) prev.next = e;
    }
    if (prev !== undefined) byte(0x2c);
    piece(d < 0 ? e.compact : indentedKey(e, d + 1));
    if (typeof v === 'string') {
      if (e.fresh) string(v);
      else cachedString(e, v);
    } else if (typeof v === 'number') {
      if (e.freshNumbers || (v | 0) === v) number(v);
      else cachedNumber(e, v);
    } else value(v, d < 0 ? -1 : d + 1);
    prev = e;
  }
  if (prev !== undefined && d >= 0) piece(NL[d]!);
  byte(0x7d);
  level--;
}

/** A string value of key `e`, from the key's remembered values when it is one of them. */
function cachedString(e: Key, v: string): void {
  const known = e.strings.get(v);
  if (known !== undefined) {
    piece(known);
    return;
  }
  const at = p;
  string(v);
  const misses = ++e.misses;
  if (e.strings.size >= CACHED_VALUES || (misses >= FRESH_AFTER && e.strings.size + 1 >= misses)) {
    e.fresh = true;
    e.strings.clear();
  } else e.strings.set(v, b.slice(at, p));
}

/** A number value of key `e` (not a 32-bit integer), from the key's remembered values when it is one of them. */
function cachedNumber(e: Key, v: number): void {
  const known = e.numbers.get(v);
  if (known !== undefined) {
    piece(known);
    return;
  }
  const at = p;
  number(v);
  const misses = ++e.numberMisses;
  if (e.numbers.size >= CACHED_VALUES || (misses >= FRESH_AFTER && e.numbers.size + 1 >= misses)) {
    e.freshNumbers = true;
    e.numbers.clear();
  } else e.numbers.set(v, b.slice(at, p));
}

/** Whether anything could make JSON.stringify write a card otherwise than this writer does. */
function prototypesTouched(): boolean {
  for (const _ in Object.prototype) return true;
  for (const _ in Array.prototype) return true;
  return (
    (Object.prototype as { toJSON?: unknown }).toJSON !== undefined ||
    (Array.prototype as { toJSON?: unknown }).toJSON !== undefined
  );
}

/**
 * Writes `value` (plain data) as JSON.stringify writes it — compact when `depth` is -1, else as
 * `JSON.stringify(…, null, 2)` writes it at depth `depth` of a document (its first line not
 * indented, the rest by 2·depth more) — into `out`. False, with nothing written, when `value`
 * holds something this writer does not write.
 */
export function writeJson(value_: object, out: ByteSink, depth: number): boolean {
  if (prototypesTouched() || depth > MAX_START) return false;
  const start = out.used;
  sink = out;
  b = out.buffer;
  p = start;
  level = 0;
  try {
    value(value_, depth);
  } catch (e) {
    out.used = start;
    if (e === NOT_PLAIN) return false;
    throw e;
  }
  out.used = p;
  return true;
}

/** A card as an NDJSON line (without its line break), or false (nothing written): see writeJson. */
export function writeCompactCard(card: Scorecard, out: ByteSink): boolean {
  return writeJson(scorecardToJson(card), out, -1);
}

/** A card as an element of the document's scorecards (depth 2), without the line break and indent before it. */
export function writeIndentedCard(card: Scorecard, out: ByteSink): boolean {
  return writeJson(scorecardToJson(card), out, 2);
}
