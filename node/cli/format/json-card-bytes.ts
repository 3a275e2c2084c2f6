// A streamed scorecard's element of the indented JSON document written straight into UTF-8 bytes,
// the very bytes `jsonCard` (JSON.stringify of the card, indented by 2 at its depth) encodes to,
// from pieces made once: most of a flagship card is the same card after card (the keys with their
// indentation, each indicator's id, path, title, metric, scoring, better, threshold, target and
// challenge, the payout lines' kinds, sources and labels, role, team and stage titles), so those
// are written as pre-encoded runs of bytes and only the values that change are written one by one
// (strings escaped as JSON.stringify escapes them, numbers as it writes them). An NDJSON line
// (`compactJsonCard`: JSON.stringify of the card without indentation) is written the same way by a
// second writer of the same code, whose pieces have no line breaks and no spaces after the colons.
//
// The writer knows the shapes the compiled executor makes (engine/evaluation/): a card, indicator
// (a leaf, or a group with its children, at any depth), payout, tier or line is written by it only
// when its own keys are exactly one of the known key lists, in that order, with values of the
// expected types; adjustments, holds, triggers and an improvement plan are written by
// JSON.stringify at their depth. Anything else (another key order, a missing or extra key, an
// undefined or unexpected value, another prototype, a toJSON method) makes it give the card back
// with nothing written, and the caller writes it with JSON.stringify.
// test/format/json-card-bytes.test.ts holds both layouts to JSON.stringify's bytes.

import {
  fenToYuan,
  type IndicatorResult,
  type Payout,
  type PayoutLine,
  type Scorecard,
} from '../../../engine/index.js';
import { type ByteSink, bytesAt, jsonNumberAt, jsonStringAt, NUMBER_ROOM, stringRoom } from './json-utf8.js';

/** Thrown (and caught in this module) when the card holds something this writer does not write. */
class Unknown extends Error {}
const UNKNOWN = new Unknown('not a known card shape');

const utf8 = new TextEncoder();
const bytesOf = (s: string): Uint8Array => utf8.encode(s);

/**
 * A key and the strings written under it card after card (role, team and stage titles, grades,
 * reasons, a tier's id and title), each remembered as the bytes of the key and its value:
 * `,\n      "team": "短视频一组"`. `prefix` is the text before the value (the key, and what opens
 * around it).
 */
class Field {
  readonly prefix: Uint8Array;
  readonly suffix: Uint8Array;
  readonly values = new Map<string, Uint8Array>();
  /** `suffix`: constant text that always follows the value (the next key, a closing brace), kept with it. */
  constructor(prefix: string, suffix = '') {
    this.prefix = bytesOf(prefix);
    this.suffix = bytesOf(suffix);
  }
}
/** Values remembered per field at most (a policy has a few dozen; names and ids are not written as fields). */
const FIELD_VALUES = 512;

/**
 * Which of `shapes` (lists of keys) is the own keys of `o`, a plain object, in that order; -1 when
 * none is (or `o` is not a plain object).
 */
function shapeOf(o: unknown, shapes: readonly (readonly string[])[]): number {
  if (typeof o !== 'object' || o === null || Object.getPrototypeOf(o) !== Object.prototype) return -1;
  const own = Object.keys(o);
  next: for (let s = 0; s < shapes.length; s++) {
    const keys = shapes[s]!;
    if (own.length !== keys.length) continue;
    for (let i = 0; i < own.length; i++) if (own[i] !== keys[i]) continue next;
    return s;
  }
  return -1;
}

/** A plain array (JSON.stringify reads any array by its length and indices; this writer reads only plain ones). */
function plainArray(a: unknown): a is unknown[] {
  return Array.isArray(a) && Object.getPrototypeOf(a) === Array.prototype;
}

/** What copyData gives for what is not plain data. */
const NOT_DATA = Symbol('not plain data');

/**
 * A deep copy of plain data (strings, numbers, booleans, null, plain arrays without holes, plain
 * objects without a toJSON key), NOT_DATA for anything else: what an object held when its bytes were made.
 */
function copyData(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'object' || depth > 16) return NOT_DATA;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return NOT_DATA;
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const x = i in v ? copyData(v[i], depth + 1) : NOT_DATA;
      if (x === NOT_DATA) return NOT_DATA;
      out.push(x);
    }
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return NOT_DATA;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(v)) {
    const x = k === 'toJSON' ? NOT_DATA : copyData((v as Record<string, unknown>)[k], depth + 1);
    if (x === NOT_DATA) return NOT_DATA;
    out[k] = x;
  }
  return out;
}

/** Whether `v` is still what copyData copied into `c`: the same keys in the same order, the same values. */
function sameData(v: unknown, c: unknown): boolean {
  if (typeof c !== 'object' || c === null) return Object.is(v, c);
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(c)) {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length !== c.length) return false;
    for (let i = 0; i < c.length; i++) if (!(i in v) || !sameData(v[i], c[i])) return false;
    return true;
  }
  if (Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const kv = Object.keys(v);
  const kc = Object.keys(c);
  if (kv.length !== kc.length) return false;
  for (let i = 0; i < kc.length; i++) {
    const k = kc[i]!;
    if (kv[i] !== k || !sameData((v as Record<string, unknown>)[k], (c as Record<string, unknown>)[k])) return false;
  }
  return true;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON.stringify escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The card writer for one layout: indented as an element of the JSON document's scorecards array
 * (`compact` false), or compact as an NDJSON line without its line break (`compact` true). Each
 * layout has its own pieces and its own remembered bytes.
 */
function cardWriter(compact: boolean): (c: Scorecard, out: ByteSink) => boolean {
  // the writer's state while it writes one card
  let sink: ByteSink;
  let b: Uint8Array;
  let p = 0;

  function room(n: number): void {
    sink.used = p;
    sink.grow(n);
    b = sink.buffer;
  }

  function piece(x: Uint8Array): void {
    if (p + x.length > b.length) room(x.length);
    p = bytesAt(b, p, x);
  }

  /** `s` quoted and escaped as JSON.stringify writes it, as UTF-8. */
  function string(s: unknown): void {
    if (typeof s !== 'string') throw UNKNOWN;
    const most = stringRoom(s.length);
    if (p + most > b.length) room(most);
    p = jsonStringAt(b, p, s);
  }

  /** A number as JSON.stringify writes it. */
  function number(v: unknown): void {
    if (typeof v !== 'number') throw UNKNOWN;
    if (p + NUMBER_ROOM > b.length) room(NUMBER_ROOM);
    p = jsonNumberAt(b, p, v);
  }

  /** The field's key and the string `v` (from the bytes written for it before). */
  function field(f: Field, v: unknown): void {
    if (typeof v !== 'string') throw UNKNOWN;
    const x = f.values.get(v);
    if (x !== undefined) {
      piece(x);
      return;
    }
    const at = p;
    piece(f.prefix);
    string(v);
    piece(f.suffix);
    if (f.values.size >= FIELD_VALUES) f.values.clear();
    f.values.set(v, b.slice(at, p));
  }

  /** `\n` and 2·d spaces (nothing in the compact layout). */
  const nl = (d: number) => (compact ? '' : `\n${' '.repeat(2 * d)}`);
  /** The key on its line at depth d, led by a comma unless it is the first: `,\n      "key": `. */
  const key = (k: string, d: number, first = false) =>
    `${first ? '' : ','}${nl(d)}${JSON.stringify(k)}:${compact ? '' : ' '}`;

  /**
   * A value JSON.stringify writes at depth `d` (its inner lines indented by 2·(d+1)): stringified as
   * the innermost element of d nested arrays, whose wrapping (ASCII) is dropped from the bytes; in
   * the compact layout, stringified alone.
   */
  function stringified(v: unknown, d: number): void {
    // undefined, functions and symbols are left out of an object but written as null in an array, and
    // a toJSON method is called with its key: leave both to JSON.stringify of the whole card
    if (typeof v !== 'object' || v === null) throw UNKNOWN;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw UNKNOWN;
    let w: unknown = v;
    if (!compact) for (let i = 0; i < d; i++) w = [w];
    // compact: the value alone, no wrapping (no depth shows in compact JSON)
    const text = compact ? JSON.stringify(w) : JSON.stringify(w, null, 2);
    const head = compact ? 0 : d * (d + 3);
    const tail = compact ? 0 : d * (d + 1);
    const n = text.length;
    if (p + 3 * n > b.length) room(3 * n);
    const at = p;
    p += utf8.encodeInto(text, b.subarray(p)).written;
    b.copyWithin(at, at + head, p - tail);
    p -= head + tail;
  }

  // depths in the document: the card's `{` at 2 (an element of the scorecards array), its keys at 3
  const CARD = 3;

  const CARD_KEYS = [
    'employee_id',
    'name',
    'role',
    'role_title',
    'team',
    'stage',
    'stage_title',
    'period',
    'base_score',
    'score',
    'raw_grade',
    'grade',
    'next_grade',
    'indicators',
    'adjustments',
    'payout',
    'holds',
    'triggers',
    'explanation',
  ];
  const WITHOUT_NEXT = CARD_KEYS.filter((k) => k !== 'next_grade');
  const withPlan = (keys: string[]) => [...keys.slice(0, -1), 'plan', 'explanation'];
  /** The card's key lists the writer knows: with and without next_grade, each with or without a plan. */
  const CARD_SHAPES: readonly (readonly string[])[] = [
    CARD_KEYS,
    withPlan(CARD_KEYS),
    WITHOUT_NEXT,
    withPlan(WITHOUT_NEXT),
  ];
  const NEXT_GRADE_KEYS = [['grade', 'points_needed']];
  const PLAN_KEYS = [['trigger', 'status', 'opened', 'window_ends', 'extensions_used', 'reason']];

  const K = {
    head: bytesOf(`${nl(2)}{${key('employee_id', CARD, true)}`),
    name: bytesOf(key('name', CARD)),
    score: bytesOf(key('score', CARD)),
    pointsNeeded: bytesOf(key('points_needed', CARD + 1)),
    nextGradeEnd: bytesOf(`${nl(CARD)}}`),
    nextGradeEndIndicators: bytesOf(`${nl(CARD)}}${key('indicators', CARD)}[`),
    indicators: bytesOf(`${key('indicators', CARD)}[`),
    noIndicators: bytesOf(`${key('indicators', CARD)}[]`),
    indicatorsEnd: bytesOf(`${nl(CARD + 1)}}${nl(CARD)}]`),
    indicatorsEndPayout: bytesOf(
      `${nl(CARD + 1)}}${nl(CARD)}]${key('adjustments', CARD)}[]${key('payout', CARD)}{${key('pay_base', CARD + 1, true)}`,
    ),
    noAdjustmentsPayout: bytesOf(
      `${key('adjustments', CARD)}[]${key('payout', CARD)}{${key('pay_base', CARD + 1, true)}`,
    ),
    payout: bytesOf(`${key('payout', CARD)}{${key('pay_base', CARD + 1, true)}`),
    noHoldsTriggers: bytesOf(`${key('holds', CARD)}[]${key('triggers', CARD)}[]`),
    adjustments: bytesOf(key('adjustments', CARD)),
    noAdjustments: bytesOf(`${key('adjustments', CARD)}[]`),
    holds: bytesOf(key('holds', CARD)),
    noHolds: bytesOf(`${key('holds', CARD)}[]`),
    triggers: bytesOf(key('triggers', CARD)),
    noTriggers: bytesOf(`${key('triggers', CARD)}[]`),
    extensionsUsed: bytesOf(key('extensions_used', CARD + 1)),
    planEnd: bytesOf(`${nl(CARD)}}`),
    comma: bytesOf(','),
    line: bytesOf(nl(CARD + 1)),
    explanation: bytesOf(`${key('explanation', CARD)}[`),
    explanationEnd: bytesOf(`${nl(CARD)}]${nl(2)}}`),
    linesOpen: bytesOf(`${key('explanation', CARD)}[${nl(CARD + 1)}"`),
    linesClose: bytesOf(`"${nl(CARD)}]${nl(2)}}`),
    noExplanation: bytesOf(`${key('explanation', CARD)}[]${nl(2)}}`),
  };
  const F = {
    rawGrade: new Field(key('raw_grade', CARD)),
    grade: new Field(key('grade', CARD)),
    nextGrade: new Field(`${key('next_grade', CARD)}{${key('grade', CARD + 1, true)}`),
    planTrigger: new Field(`${key('plan', CARD)}{${key('trigger', CARD + 1, true)}`),
    planStatus: new Field(key('status', CARD + 1)),
    planOpened: new Field(key('opened', CARD + 1)),
    planWindowEnds: new Field(key('window_ends', CARD + 1)),
    planReason: new Field(key('reason', CARD + 1)),
  };

  /** A card's role, team, stage and period as bytes: `,"role": …` through the key `base_score`. */
  interface Header {
    role: string;
    role_title: string;
    stage: string;
    stage_title: string;
    period: string;
    bytes: Uint8Array;
  }
  /** Headers by team (a team's people are of a few roles, mostly of one stage). */
  const headers = new Map<string, Header[]>();

  /** The keys of a card's header, in order, and the key after it (`base_score`). */
  const HEADER_KEYS = ['role', 'role_title', 'team', 'stage', 'stage_title', 'period', 'base_score'].map((k) =>
    bytesOf(key(k, CARD)),
  );
  function header(c: Scorecard): void {
    const { role, role_title, team, stage, stage_title, period } = c;
    if (
      typeof role !== 'string' ||
      typeof role_title !== 'string' ||
      typeof team !== 'string' ||
      typeof stage !== 'string' ||
      typeof stage_title !== 'string' ||
      typeof period !== 'string'
    )
      throw UNKNOWN;
    let list = headers.get(team);
    if (list !== undefined)
      for (let i = 0; i < list.length; i++) {
        const h = list[i]!;
        if (
          h.role === role &&
          h.stage === stage &&
          h.role_title === role_title &&
          h.stage_title === stage_title &&
          h.period === period
        ) {
          piece(h.bytes);
          return;
        }
      }
    // a month of many teams makes a header for each team's every role and stage (32,000 of 100,000
    // cards for 4,000 teams): from the keys' bytes made once, not encoded again each time
    const bytes = written(() => {
      const values = [role, role_title, team, stage, stage_title, period];
      for (let i = 0; i < values.length; i++) {
        piece(HEADER_KEYS[i]!);
        string(values[i]);
      }
      piece(HEADER_KEYS[values.length]!);
    });
    if (list === undefined) {
      if (headers.size >= 4096) headers.clear();
      list = [];
      headers.set(team, list);
    }
    if (list.length >= 16) list.length = 0;
    list.push({ role, role_title, stage, stage_title, period, bytes });
    piece(bytes);
  }

  // an indicator: an element of `indicators` (its `{` at CARD + 1, its keys at CARD + 2); a group's
  // children are elements of its `children` (their keys two deeper than the group's)
  const IND = CARD + 2;
  const IND_HEAD = ['id', 'path', 'title', 'metric', 'scoring', 'better', 'actual'];
  const IND_TAIL = ['points', 'weight', 'weighted_points', 'reason'];
  /** A linear indicator's reference points, all or some, stand between actual and points. */
  const REFERENCES = [
    [],
    ['threshold', 'target', 'challenge'],
    ['target'],
    ['threshold', 'target'],
    ['target', 'challenge'],
  ];
  /** A group (engine/evaluation/evaluate.ts, scoreIndicator): no metric, its children's points summed. */
  const GROUP_KEYS = ['id', 'path', 'title', 'points', 'weight', 'weighted_points', 'reason', 'children'];
  const IND_SHAPES = [...REFERENCES.map((r) => [...IND_HEAD, ...r, ...IND_TAIL]), GROUP_KEYS];
  const GROUP = REFERENCES.length;
  /** Groups nested deeper than this give the card back (a policy nests two or three levels). */
  const MAX_DEPTH = IND + 2 * 16;

  /** What an indicator at a depth ends with: its reason (a field), and a group's children's brackets. */
  interface Level {
    reason: Field;
    children: Uint8Array;
    noChildren: Uint8Array;
    /** The last child's `}` and the children's `]`. */
    childrenEnd: Uint8Array;
  }
  /** Levels by the depth of an indicator's keys. */
  const levels: Level[] = [];
  function level(d: number): Level {
    let l = levels[d];
    if (l === undefined) {
      l = {
        reason: new Field(key('reason', d)),
        children: bytesOf(`${key('children', d)}[`),
        noChildren: bytesOf(`${key('children', d)}[]`),
        childrenEnd: bytesOf(`${nl(d + 1)}}${nl(d)}]`),
      };
      levels[d] = l;
    }
    return l;
  }

  /**
   * An indicator's definition as bytes: its `{` through the key `actual` (id, path, title, metric,
   * scoring, better), and its reference points after the actual value through the key `points`;
   * made the first time and reused while each of these values is the same.
   */
  interface Definition {
    shape: number;
    /** The depth of the indicator's keys. */
    depth: number;
    id: string;
    path: string;
    title: string;
    metric: string;
    scoring: string;
    better: string;
    threshold: number | undefined;
    target: number | undefined;
    challenge: number | undefined;
    /** The first indicator's head, and a later one's (led by the end of the one before and a comma). */
    first: Uint8Array;
    later: Uint8Array;
    references: Uint8Array;
    /** `,"weight": w,"weighted_points": ` by weight (one a stage). */
    weights: Map<number, Uint8Array>;
  }

  /** The string keys of a leaf's head and of a group's, after its id. */
  const LEAF_HEAD = ['path', 'title', 'metric', 'scoring', 'better'] as const;
  const GROUP_HEAD = ['path', 'title'] as const;

  /** Definitions by indicator id (a few a policy; an id that several roles or stages share has one each). */
  const definitions = new Map<string, Definition[]>();

  /** The bytes `write` writes, taken back out of the buffer. */
  function written(write: () => void): Uint8Array {
    const at = p;
    write();
    const bytes = b.slice(at, p);
    p = at;
    return bytes;
  }

  function definition(o: IndicatorResult, shape: number, depth: number): Definition {
    const list = definitions.get(o.id);
    if (list !== undefined)
      for (const d of list)
        if (
          d.shape === shape &&
          d.depth === depth &&
          d.path === o.path &&
          d.title === o.title &&
          d.metric === o.metric &&
          d.scoring === o.scoring &&
          d.better === o.better &&
          Object.is(d.threshold, o.threshold) &&
          Object.is(d.target, o.target) &&
          Object.is(d.challenge, o.challenge)
        )
          return d;
    // a leaf's head runs through the key `actual`, a group's (no metric, no actual) through `points`
    const group = shape === GROUP;
    const head = () => {
      string(o.id);
      for (const k of group ? GROUP_HEAD : LEAF_HEAD) {
        piece(bytesOf(key(k, depth)));
        string(o[k]);
      }
      piece(bytesOf(key(group ? 'points' : 'actual', depth)));
    };
    const d: Definition = {
      shape,
      depth,
      id: o.id,
      path: o.path,
      title: o.title,
      metric: o.metric as string,
      scoring: o.scoring as string,
      better: o.better as string,
      threshold: o.threshold,
      target: o.target,
      challenge: o.challenge,
      first: written(() => {
        piece(bytesOf(`${nl(depth - 1)}{${key('id', depth, true)}`));
        head();
      }),
      later: written(() => {
        piece(bytesOf(`${nl(depth - 1)}},${nl(depth - 1)}{${key('id', depth, true)}`));
        head();
      }),
      weights: new Map(),
      references: group
        ? new Uint8Array(0)
        : written(() => {
            for (const k of REFERENCES[shape]! as ('threshold' | 'target' | 'challenge')[]) {
              piece(bytesOf(key(k, depth)));
              number(o[k]);
            }
            piece(bytesOf(key('points', depth)));
          }),
    };
    if (list === undefined) definitions.set(o.id, [d]);
    else {
      if (list.length >= 16) list.length = 0;
      list.push(d);
    }
    return d;
  }

  /** An indicator whose keys stand at depth `depth`: a leaf, or a group and its children. */
  function indicator(o: unknown, first: boolean, depth: number): void {
    const shape = shapeOf(o, IND_SHAPES);
    if (shape < 0) throw UNKNOWN;
    const x = o as IndicatorResult;
    const group = shape === GROUP;
    if (
      typeof x.id !== 'string' ||
      typeof x.path !== 'string' ||
      typeof x.title !== 'string' ||
      (!group &&
        (typeof x.metric !== 'string' ||
          typeof x.scoring !== 'string' ||
          typeof x.better !== 'string' ||
          (shape !== 0 && typeof x.target !== 'number') ||
          ((shape === 1 || shape === 3) && typeof x.threshold !== 'number') ||
          ((shape === 1 || shape === 4) && typeof x.challenge !== 'number')))
    )
      throw UNKNOWN;
    const d = definition(x, shape, depth);
    piece(first ? d.first : d.later);
    if (!group) {
      number(x.actual);
      piece(d.references);
    }
    number(x.points);
    const w = x.weight;
    if (typeof w !== 'number') throw UNKNOWN;
    let weight = d.weights.get(w);
    if (weight === undefined) {
      weight = written(() => {
        piece(bytesOf(key('weight', depth)));
        number(w);
        piece(bytesOf(key('weighted_points', depth)));
      });
      if (d.weights.size >= 16) d.weights.clear();
      d.weights.set(w, weight);
    }
    piece(weight);
    number(x.weighted_points);
    const l = level(depth);
    field(l.reason, x.reason);
    if (group) {
      const children = x.children;
      if (!plainArray(children) || depth >= MAX_DEPTH) throw UNKNOWN;
      if (children.length === 0) piece(l.noChildren);
      else {
        piece(l.children);
        for (let i = 0; i < children.length; i++) indicator(children[i], i === 0, depth + 2);
        piece(l.childrenEnd);
      }
    }
  }

  // the payout: its keys at CARD + 1, the tier's and each line's at CARD + 2
  const PAY = CARD + 1;
  const PAYOUT_SHAPES = [
    ['pay_base', 'lines', 'totalFen', 'status'],
    ['pay_base', 'tier', 'lines', 'totalFen', 'status'],
  ];
  const TIER_SHAPES = [
    ['id', 'title', 'basis'],
    ['id', 'title', 'basis', 'benefit'],
  ];
  const LINE_SHAPES = [
    ['kind', 'label', 'amountFen'],
    ['kind', 'source', 'label', 'amountFen'],
  ];
  const P = {
    tierId: new Field(`${key('tier', PAY)}{${key('id', PAY + 1, true)}`),
    tierTitle: new Field(key('title', PAY + 1), key('basis', PAY + 1)),
    benefit: new Field(key('benefit', PAY + 1)),
    tierEnd: bytesOf(`${nl(PAY)}}`),
    lines: bytesOf(`${key('lines', PAY)}[`),
    noLines: bytesOf(`${key('lines', PAY)}[]`),
    linesEndTotal: bytesOf(`${nl(PAY + 1)}}${nl(PAY)}]${key('total', PAY)}`),
    total: bytesOf(key('total', PAY)),
    status: new Field(key('status', PAY), nl(CARD) + '}'),
  };

  /** A payout line's `{` through the key `amount` (kind, source, label: the same for every card of a tier or rule), as bytes. */
  interface LineHead {
    kind: string;
    source: string | undefined;
    first: Uint8Array;
    later: Uint8Array;
  }
  /** Line heads by label. */
  const lineHeads = new Map<string, LineHead[]>();

  function lineHead(l: PayoutLine, sourced: boolean, first: boolean): Uint8Array {
    const source = sourced ? l.source : undefined;
    const list = lineHeads.get(l.label);
    if (list !== undefined)
      for (const h of list) if (h.kind === l.kind && h.source === source) return first ? h.first : h.later;
    const head = () => {
      string(l.kind);
      if (sourced) {
        piece(bytesOf(key('source', PAY + 2)));
        string(source);
      }
      piece(bytesOf(key('label', PAY + 2)));
      string(l.label);
      piece(bytesOf(key('amount', PAY + 2)));
    };
    const open = `${nl(PAY + 1)}{${key('kind', PAY + 2, true)}`;
    const h: LineHead = {
      kind: l.kind,
      source,
      first: written(() => {
        piece(bytesOf(open));
        head();
      }),
      later: written(() => {
        piece(bytesOf(`${nl(PAY + 1)}},${open}`));
        head();
      }),
    };
    if (list === undefined) lineHeads.set(l.label, [h]);
    else {
      if (list.length >= 16) list.length = 0;
      list.push(h);
    }
    return first ? h.first : h.later;
  }

  function payout(o: unknown): void {
    const shape = shapeOf(o, PAYOUT_SHAPES);
    if (shape < 0) throw UNKNOWN;
    const x = o as Payout;
    number(x.pay_base);
    if (shape === 1) {
      const t = x.tier;
      const tier = shapeOf(t, TIER_SHAPES);
      if (tier < 0) throw UNKNOWN;
      field(P.tierId, t!.id);
      field(P.tierTitle, t!.title);
      number(t!.basis);
      if (tier === 1) field(P.benefit, t!.benefit);
      piece(P.tierEnd);
    }
    const lines = x.lines;
    if (!plainArray(lines)) throw UNKNOWN;
    if (lines.length === 0) piece(P.noLines);
    else {
      piece(P.lines);
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        const sourced = shapeOf(l, LINE_SHAPES);
        if (sourced < 0) throw UNKNOWN;
        const line = l as PayoutLine;
        if (
          typeof line.kind !== 'string' ||
          typeof line.label !== 'string' ||
          (sourced && typeof line.source !== 'string')
        )
          throw UNKNOWN;
        piece(lineHead(line, sourced === 1, i === 0));
        if (typeof line.amountFen !== 'number') throw UNKNOWN;
        number(fenToYuan(line.amountFen));
      }
      piece(P.linesEndTotal);
    }
    if (lines.length === 0) piece(P.total);
    if (typeof x.totalFen !== 'number') throw UNKNOWN;
    number(fenToYuan(x.totalFen));
    field(P.status, x.status);
  }

  /** An array at the card's depth: `[]` from bytes, anything in it by JSON.stringify. */
  function list(v: unknown, key: Uint8Array, empty: Uint8Array): void {
    if (!plainArray(v)) throw UNKNOWN;
    if (v.length === 0) piece(empty);
    else {
      piece(key);
      stringified(v, CARD);
    }
  }

  function plan(o: unknown): void {
    if (shapeOf(o, PLAN_KEYS) < 0) throw UNKNOWN;
    const x = o as NonNullable<Scorecard['plan']>;
    field(F.planTrigger, x.trigger);
    field(F.planStatus, x.status);
    field(F.planOpened, x.opened);
    field(F.planWindowEnds, x.window_ends);
    piece(K.extensionsUsed);
    number(x.extensions_used);
    field(F.planReason, x.reason);
    piece(K.planEnd);
  }

  // a trigger: an element of `triggers` (its `{` at CARD + 1, its keys at CARD + 2); a condition of
  // it an element of `conditions` (its `{` at CARD + 3, its keys at CARD + 4)
  const TRIG = CARD + 2;
  const COND = TRIG + 2;
  const TRIGGER_SHAPES = [['id', 'title', 'action', 'conditions']];
  const CONDITION_SHAPES = [['fact', 'operator', 'value', 'actual', 'result']];
  const T = {
    open: bytesOf(`${key('triggers', CARD)}[`),
    first: bytesOf(`${nl(TRIG - 1)}{${key('id', TRIG, true)}`),
    later: bytesOf(`,${nl(TRIG - 1)}{${key('id', TRIG, true)}`),
    id: new Field(''),
    title: new Field(key('title', TRIG), key('action', TRIG)),
    conditionsKey: bytesOf(key('conditions', TRIG)),
    conditions: bytesOf(`${key('conditions', TRIG)}[`),
    noConditions: bytesOf(`${key('conditions', TRIG)}[]`),
    conditionsEnd: bytesOf(`${nl(TRIG)}]`),
    end: bytesOf(`${nl(TRIG - 1)}}`),
    close: bytesOf(`${nl(CARD)}]`),
  };
  const C = {
    first: bytesOf(`${nl(COND - 1)}{${key('fact', COND, true)}`),
    later: bytesOf(`${nl(COND - 1)}},${nl(COND - 1)}{${key('fact', COND, true)}`),
    fact: new Field(''),
    operator: new Field(key('operator', COND), key('value', COND)),
    actual: bytesOf(key('actual', COND)),
    result: bytesOf(key('result', COND)),
    end: bytesOf(`${nl(COND - 1)}}`),
  };
  const TRUE = bytesOf('true');
  const FALSE = bytesOf('false');
  const NULL = bytesOf('null');

  /** A value of any kind at depth `d`: strings, numbers, booleans and null here, objects and arrays by JSON.stringify. */
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
        else stringified(v, d);
        return;
      default:
        // undefined, a function or a symbol (left out of an object), a bigint (JSON.stringify throws)
        throw UNKNOWN;
    }
  }

  /** A trigger's action (the policy's object, the same card after card) as bytes, with what it held then. */
  const actions = new WeakMap<object, { copy: unknown; bytes: Uint8Array }>();

  function action(a: unknown): void {
    if (typeof a !== 'object' || a === null) throw UNKNOWN;
    const kept = actions.get(a);
    if (kept !== undefined && sameData(a, kept.copy)) {
      piece(kept.bytes);
      return;
    }
    const copy = copyData(a);
    if (copy === NOT_DATA) {
      stringified(a, TRIG);
      return;
    }
    const bytes = written(() => stringified(a, TRIG));
    actions.set(a, { copy, bytes });
    piece(bytes);
  }

  /** Whether every element of `conditions` is a condition of the known shape (a hole is not: JSON writes it as null). */
  function allConditions(conditions: unknown[]): boolean {
    for (let i = 0; i < conditions.length; i++) if (shapeOf(conditions[i], CONDITION_SHAPES) !== 0) return false;
    return true;
  }

  function triggerList(triggers: unknown[]): void {
    piece(T.open);
    for (let i = 0; i < triggers.length; i++) {
      const t = triggers[i];
      if (shapeOf(t, TRIGGER_SHAPES) < 0) throw UNKNOWN;
      const x = t as Scorecard['triggers'][number];
      piece(i === 0 ? T.first : T.later);
      field(T.id, x.id);
      field(T.title, x.title);
      action(x.action);
      const conditions = x.conditions;
      if (!plainArray(conditions)) throw UNKNOWN;
      if (conditions.length === 0) piece(T.noConditions);
      else if (!allConditions(conditions)) {
        // conditions of another shape (params, a path): written by JSON.stringify
        piece(T.conditionsKey);
        stringified(conditions, TRIG);
      } else {
        piece(T.conditions);
        for (let j = 0; j < conditions.length; j++) {
          const c = conditions[j] as Scorecard['triggers'][number]['conditions'][number];
          piece(j === 0 ? C.first : C.later);
          field(C.fact, c.fact);
          field(C.operator, c.operator);
          value(c.value, COND);
          piece(C.actual);
          value(c.actual, COND);
          piece(C.result);
          value(c.result, COND);
        }
        piece(C.end);
        piece(T.conditionsEnd);
      }
      piece(T.end);
    }
    piece(T.close);
  }

  /** What stands between two explanation lines: the end of one string, the next line's indent, the start of the next. */
  const LINE_SEP = `",${nl(CARD + 1)}"`;

  /**
   * The explanation's lines, and the card's end. When no line holds anything to escape (the usual
   * case), the lines joined by what stands between them in the document are one flat string, encoded
   * in one call; otherwise each line is escaped as it is written.
   */
  function explanation(lines: unknown): void {
    if (!plainArray(lines)) throw UNKNOWN;
    const n = lines.length;
    if (n === 0) {
      piece(K.noExplanation);
      return;
    }
    let plain = true;
    for (let i = 0; i < n; i++) {
      const line = lines[i];
      if (typeof line !== 'string') throw UNKNOWN;
      if (plain && NEEDS_ESCAPE.test(line)) plain = false;
    }
    if (plain) {
      piece(K.linesOpen);
      const body = (lines as string[]).join(LINE_SEP);
      const m = body.length;
      if (p + 3 * m > b.length) room(3 * m);
      p += utf8.encodeInto(body, b.subarray(p)).written;
      piece(K.linesClose);
      return;
    }
    piece(K.explanation);
    for (let i = 0; i < n; i++) {
      if (i > 0) piece(K.comma);
      piece(K.line);
      string(lines[i]);
    }
    piece(K.explanationEnd);
  }

  function card(c: Scorecard): void {
    const shape = shapeOf(c, CARD_SHAPES);
    if (shape < 0) throw UNKNOWN;
    piece(K.head);
    string(c.employee_id);
    piece(K.name);
    string(c.name);
    header(c);
    number(c.base_score);
    piece(K.score);
    number(c.score);
    field(F.rawGrade, c.raw_grade);
    field(F.grade, c.grade);
    if (shape < 2) {
      const n = c.next_grade;
      if (shapeOf(n, NEXT_GRADE_KEYS) < 0) throw UNKNOWN;
      field(F.nextGrade, n!.grade);
      piece(K.pointsNeeded);
      number(n!.points_needed);
    }
    const indicators = c.indicators;
    if (!plainArray(indicators)) throw UNKNOWN;
    if (indicators.length === 0) {
      if (shape < 2) piece(K.nextGradeEnd);
      piece(K.noIndicators);
    } else {
      piece(shape < 2 ? K.nextGradeEndIndicators : K.indicators);
      for (let i = 0; i < indicators.length; i++) indicator(indicators[i], i === 0, IND);
    }
    const adjustments = c.adjustments;
    if (plainArray(adjustments) && adjustments.length === 0) {
      // the indicators' end, no adjustments and the payout's start: one run of bytes
      piece(indicators.length ? K.indicatorsEndPayout : K.noAdjustmentsPayout);
    } else {
      if (indicators.length) piece(K.indicatorsEnd);
      list(adjustments, K.adjustments, K.noAdjustments);
      piece(K.payout);
    }
    payout(c.payout);
    const holds = c.holds;
    const triggers = c.triggers;
    if (plainArray(holds) && holds.length === 0 && plainArray(triggers) && triggers.length === 0)
      piece(K.noHoldsTriggers);
    else {
      list(holds, K.holds, K.noHolds);
      if (plainArray(triggers) && triggers.length > 0) triggerList(triggers);
      else list(triggers, K.triggers, K.noTriggers);
    }
    if (shape === 1 || shape === 3) plan(c.plan);
    explanation(c.explanation);
  }

  return function write(c: Scorecard, out: ByteSink): boolean {
    // a toJSON every object or array would inherit is called by JSON.stringify
    if (
      typeof (Object.prototype as { toJSON?: unknown }).toJSON === 'function' ||
      typeof (Array.prototype as { toJSON?: unknown }).toJSON === 'function'
    )
      return false;
    sink = out;
    b = out.buffer;
    const start = out.used;
    p = start;
    try {
      card(c);
    } catch (error) {
      if (error !== UNKNOWN) throw error;
      out.used = start;
      return false;
    }
    out.used = p;
    return true;
  };
}

/**
 * Writes `card` as `jsonCard` gives it (its element of the scorecards array: the line break and
 * indent before it included) into `out`, as UTF-8. False when the card is not of a shape this
 * writer knows: then nothing is written (`out.used` is as it was).
 */
export const writeJsonCard = cardWriter(false);

/**
 * Writes `card` as `compactJsonCard` gives it (an NDJSON line without its line break) into `out`,
 * as UTF-8; false, with nothing written, as writeJsonCard.
 */
export const writeCompactJsonCard = cardWriter(true);
