// A card's JSON written straight into UTF-8 bytes (bench/json-bytes.ts) is, byte for
// byte, what encoding JSON.stringify's text gives: hostile strings, numbers, left-out keys, key
// orders, the bundled policies' months; and anything that is not plain data is given back
// untouched, for the caller to write with JSON.stringify.

import { afterEach, describe, expect, it } from 'vitest';
import { scorecardToJson } from '../../engine/index.js';
import { writeCompactCard, writeIndentedCard, writeJson } from '../../bench/json-bytes.js';
import { compactJsonCard, jsonCard } from '../../node/cli/format/json-stream.js';
import { Utf8Bytes } from '../../node/cli/stream-batch.js';
import { cardsOf } from '../format/month-cards.js';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** The same bytes (compared as text first, for a readable difference). */
function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual).toBeDefined();
  expect(text(actual!)).toBe(text(expected));
  expect(Buffer.from(actual!).equals(Buffer.from(expected))).toBe(true);
}

/** What the writer writes for `value` (compact, or indented at `depth`), or undefined when it gives the value back. */
function written(value: object, depth = -1): Uint8Array | undefined {
  const out = new Utf8Bytes(16);
  out.byte(0x2a); // a byte already in the buffer, to show it is kept and the card written after it
  if (!writeJson(value, out, depth)) {
    expect(out.used).toBe(1);
    return undefined;
  }
  const bytes = out.take();
  expect(bytes[0]).toBe(0x2a);
  return bytes.slice(1);
}

/** JSON.stringify's text for `value` at `depth` of an indented document, as UTF-8. */
function stringified(value: unknown, depth = -1): Uint8Array {
  if (depth < 0) return utf8.encode(JSON.stringify(value));
  const t = JSON.stringify(value, null, 2);
  return utf8.encode(t.replaceAll('\n', `\n${'  '.repeat(depth)}`));
}

describe('strings, escaped as JSON.stringify escapes them', () => {
  it('writes quotes, backslashes and control characters escaped, and U+2028 and DEL as they are', () => {
    const value = { s: 'a"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u007fk\u2028l\u2029m' };
    expect(text(written(value)!)).toBe('{"s":"a\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\u007fk\u2028l\u2029m"}');
  });

  it('writes a pair of surrogates as one four-byte character and a lone surrogate as \\uXXXX', () => {
    const value = { a: '😀', b: '\ud800', c: '\udc00x', d: 'x\udbff', e: '\udc00\ud800' };
    const bytes = written(value)!;
    // 😀 is U+1F600: F0 9F 98 80 in UTF-8
    expect([...bytes.slice(6, 10)]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect(text(bytes)).toBe('{"a":"😀","b":"\\ud800","c":"\\udc00x","d":"x\\udbff","e":"\\udc00\\ud800"}');
  });

  it('writes every UTF-16 code unit below U+0800 and the surrogates as JSON.stringify does', () => {
    const units: string[] = [];
    for (let c = 0; c < 0x800; c++) units.push(String.fromCharCode(c));
    for (let c = 0xd7f0; c < 0xe010; c++) units.push(String.fromCharCode(c));
    // one short string each, and all of them in one long string (long strings take another path)
    const value = { each: units, all: units.join(''), ascii: `${'x'.repeat(40)}"`, long: '短视频'.repeat(30) };
    expectSameBytes(written(value), stringified(value));
    expectSameBytes(written(value, 2), stringified(value, 2));
  });

  it('writes names met card after card under one key, and a new spelling of it, each as it is', () => {
    const names = ['许桐芳', '许桐芳', `许${'桐'}芳`, 'O"Brien', '许桐芳\n', '许桐芳'];
    for (let i = 0; i < 300; i++) names.push(`员工${i}`, '运营经理');
    const cards = names.map((name) => ({ name, role_title: titleFor(name) }));
    for (const card of cards) expectSameBytes(written(card), stringified(card));
  });
});

/** A value that repeats under its key for some cards and changes for others. */
const titleFor = (name: string) => (name.length % 2 ? '运营经理' : 'Ops manager');

describe('numbers, as String(n) writes them', () => {
  it('writes integers, decimals, long fractions and exponents; NaN and the infinities as null', () => {
    const value = [
      0,
      -0,
      7,
      -12,
      2147483647,
      -2147483648,
      2147483648,
      77.25,
      0.093,
      -30.5,
      21474836.47,
      21474836.48,
      214748.3647,
      0.1 + 0.2,
      0.0001,
      5e-7,
      1e21,
      123456789012,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    expect(text(written(value)!)).toBe(
      '[0,0,7,-12,2147483647,-2147483648,2147483648,77.25,0.093,-30.5,21474836.47,21474836.48,214748.3647,' +
        '0.30000000000000004,0.0001,5e-7,1e+21,123456789012,null,null,null]',
    );
  });

  it('writes a thousand varied numbers under one key as JSON.stringify does, remembered or not', () => {
    const cards = [];
    for (let i = 0; i < 1000; i++) {
      cards.push({ threshold: [0.05, 0.15, 0.25][i % 3], actual: i / 7, points: Math.round(i * 1.37) / 100 });
    }
    for (const card of cards) expectSameBytes(written(card), stringified(card));
  });
});

describe('objects and arrays, as JSON.stringify lays them out', () => {
  it('leaves out undefined, functions and symbols in objects and writes null for them in arrays', () => {
    const value = { a: undefined, b: 1, c: () => 1, d: Symbol('x'), e: [undefined, () => 1, Symbol('y'), 2], f: null };
    expect(text(written(value)!)).toBe('{"b":1,"e":[null,null,null,2],"f":null}');
  });

  it('indents at the card depth, with empty objects and arrays written closed', () => {
    const value = { a: {}, b: [], c: { only: undefined }, d: [{ x: true, y: false }], e: 'z' };
    expect(text(written(value, 2)!)).toBe(
      '{\n      "a": {},\n      "b": [],\n      "c": {},\n      "d": [\n        {\n          "x": true,\n          "y": false\n        }\n      ],\n      "e": "z"\n    }',
    );
  });

  it("writes each object's keys in its own order, however the order changes from one object to the next", () => {
    const a = { explanation: ['x'], plan: { id: 'p' }, grade: 'B' };
    const b = { plan: { id: 'p' }, explanation: ['x'], grade: 'B' };
    const c = { grade: 'B', 2: 'two', 1: 'one', plan: null };
    expect(text(written(a)!)).toBe('{"explanation":["x"],"plan":{"id":"p"},"grade":"B"}');
    expect(text(written(b)!)).toBe('{"plan":{"id":"p"},"explanation":["x"],"grade":"B"}');
    // integer-like keys first, in ascending order, as JSON.stringify writes them
    expect(text(written(c)!)).toBe('{"1":"one","2":"two","grade":"B","plan":null}');
    expect(text(written(a)!)).toBe('{"explanation":["x"],"plan":{"id":"p"},"grade":"B"}');
  });

  it('writes keys that need escaping escaped', () => {
    const value = { 'a"b': 1, 'c\\d': 2, 'e\nf': 3, 完播率: 4 };
    expect(text(written(value)!)).toBe('{"a\\"b":1,"c\\\\d":2,"e\\nf":3,"完播率":4}');
  });

  it('objects without a prototype are plain data too', () => {
    const value = Object.assign(Object.create(null), { a: 1 });
    expect(text(written(value)!)).toBe('{"a":1}');
  });

  it('grows the buffer for a card larger than it, keeping the bytes before the card', () => {
    const value = { lines: Array.from({ length: 500 }, (_, i) => `第 ${i} 行 ${'很长的解释'.repeat(5)}`) };
    const bytes = written(value, 2)!;
    expect(bytes.length).toBeGreaterThan(4096 * 8);
    expectSameBytes(bytes, stringified(value, 2));
  });
});

describe('what the writer gives back (the caller uses JSON.stringify), with nothing written', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).toJSON;
    delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
  });

  it.each([
    ['a Date (toJSON)', { when: new Date(0) }],
    ['an own toJSON', { a: 1, toJSON: () => 'x' }],
    ['a Map', { m: new Map([[1, 2]]) }],
    ['a class instance', { c: new (class Point {})() }],
    ['a String object', { s: new String('x') }],
    ['a bigint', { n: 1n }],
    ['an array of another class', { a: new (class extends Array {})() }],
  ])('%s', (_what, value) => {
    expect(written(value)).toBeUndefined();
    expect(written(value, 2)).toBeUndefined();
  });

  it('an object nested deeper than 60', () => {
    let deep: object = {};
    for (let i = 0; i < 70; i++) deep = { d: deep };
    expect(written(deep)).toBeUndefined();
  });

  it('an object that holds itself (JSON.stringify throws, as the caller then does)', () => {
    const self: Record<string, unknown> = { a: 1 };
    self.self = self;
    expect(written(self)).toBeUndefined();
    expect(() => JSON.stringify(self)).toThrow(TypeError);
  });

  it('an enumerable key on Object.prototype, or toJSON on Object.prototype or Array.prototype', () => {
    (Object.prototype as Record<string, unknown>).polluted = 1;
    expect(written({ a: 1 })).toBeUndefined();
    delete (Object.prototype as Record<string, unknown>).polluted;
    Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'x', configurable: true, writable: true });
    expect(written({ a: 1 })).toBeUndefined();
    delete (Object.prototype as Record<string, unknown>).toJSON;
    Object.defineProperty(Array.prototype, 'toJSON', { value: () => 'x', configurable: true, writable: true });
    expect(written({ a: [] })).toBeUndefined();
    delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
    expect(text(written({ a: [] })!)).toBe('{"a":[]}');
  });
});

describe('the bundled policies’ months, card by card, as the streaming run writes them', () => {
  const months: [string, string, number][] = [
    ['policies/short-video-team.yaml', 'examples/sample-2026-10.csv', 198],
    ['policies/livestream-team.yaml', 'examples/livestream-2026-10.csv', 59],
    ['policies/content-three-dimension.yaml', 'examples/content-2026-10.csv', 30],
  ];
  for (const [policyFile, dataFile, count] of months)
    for (const lang of ['zh', 'en'] as const)
      it(`${policyFile} on ${dataFile} in ${lang}: NDJSON lines and document elements`, () => {
        const cards = cardsOf(policyFile, dataFile, lang);
        expect(cards.length).toBe(count);
        const compact = new Utf8Bytes(16);
        const indented = new Utf8Bytes(16);
        let ndjson = '';
        let elements = '';
        for (const card of cards) {
          expect(writeCompactCard(card, compact)).toBe(true);
          compact.byte(0x0a);
          expect(writeIndentedCard(card, indented)).toBe(true);
          indented.byte(0x2c);
          ndjson += `${compactJsonCard(card)}\n`;
          // jsonCard is the element with the line break and indent before it
          elements += `${jsonCard(card).slice('\n    '.length)},`;
        }
        expectSameBytes(compact.take(), utf8.encode(ndjson));
        expectSameBytes(indented.take(), utf8.encode(elements));
      });

  it('a card with a hostile name, id and team, written as JSON.stringify writes it', () => {
    const [card] = cardsOf('policies/short-video-team.yaml', 'examples/sample-2026-10.csv', 'zh');
    const hostile = {
      ...card!,
      employee_id: 'E"1\\\u0000',
      name: '许\ud83d\ude00\u2028\ud800\n',
      team: '\t一组\u001b',
    };
    const out = new Utf8Bytes(16);
    expect(writeCompactCard(hostile, out)).toBe(true);
    expectSameBytes(out.take(), utf8.encode(JSON.stringify(scorecardToJson(hostile))));
    expect(text(out.take())).toContain(
      '"employee_id":"E\\"1\\\\\\u0000","name":"许😀\u2028\\ud800\\n","role":"ops_manager"',
    );
    expect(text(out.take())).toContain('"team":"\\t一组\\u001b"');
  });
});
