// A streamed card's element of the JSON document written from pieces made once
// (node/cli/format/json-card-bytes.ts) is, byte for byte, JSON.stringify's text of the card at its
// depth, encoded, and its NDJSON line JSON.stringify's compact text: every card of the bundled
// policies' months in both languages (group indicators included), cards with odd strings and
// numbers, left-out and reordered keys; and a card of a shape it does not know is given back with
// nothing written, for the caller to write with JSON.stringify.

import { describe, expect, it } from 'vitest';
import type { Lang, Scorecard } from '../../engine/index.js';
import { writeCompactJsonCard, writeJsonCard } from '../../node/cli/format/json-card-bytes.js';
import { compactJsonCard, jsonCard } from '../../node/cli/format/json-stream.js';
import { Utf8Bytes } from '../../node/cli/stream-batch.js';
import { cardsOf } from './month-cards.js';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

const flagshipCards = (lang: Lang = 'zh') =>
  cardsOf('policies/short-video-team.yaml', 'examples/sample-2026-10.csv', lang);

/** What `write` writes for `card` after a byte already in the buffer (kept), or undefined when it gives the card back. */
function writtenBy(write: typeof writeJsonCard, card: unknown): string | undefined {
  const out = new Utf8Bytes(16);
  out.byte(0x2a);
  if (!write(card as Scorecard, out)) {
    expect(out.used).toBe(1); // nothing written after that byte
    return undefined;
  }
  const bytes = out.take();
  expect(bytes[0]).toBe(0x2a);
  return text(bytes.slice(1));
}

/**
 * What the writer writes for `card` as an element of the document, or undefined when it gives the
 * card back; the compact writer (NDJSON) gives back the same cards.
 */
function written(card: unknown): string | undefined {
  const t = writtenBy(writeJsonCard, card);
  expect(writtenBy(writeCompactJsonCard, card) === undefined).toBe(t === undefined);
  return t;
}

/**
 * The card written, and the same bytes as encoding jsonCard's text (JSON.stringify's, indented);
 * the compact writer's the same bytes as compactJsonCard's (JSON.stringify's, compact).
 */
function expectAsJsonStringify(card: unknown): string {
  const out = new Utf8Bytes(16);
  expect(writeJsonCard(card as Scorecard, out)).toBe(true);
  const expected = jsonCard(card as Scorecard);
  expect(text(out.take())).toBe(expected);
  expect(Buffer.from(out.take()).equals(utf8.encode(expected))).toBe(true);
  const line = new Utf8Bytes(16);
  expect(writeCompactJsonCard(card as Scorecard, line)).toBe(true);
  expect(Buffer.from(line.take()).equals(utf8.encode(compactJsonCard(card as Scorecard)))).toBe(true);
  return expected;
}

describe('the bundled policies’ months, card by card', () => {
  const months: [string, string][] = [
    ['policies/short-video-team.yaml', 'examples/sample-2026-10.csv'],
    ['policies/livestream-team.yaml', 'examples/livestream-2026-10.csv'],
    ['policies/content-three-dimension.yaml', 'examples/content-2026-10.csv'],
    ['policies/livestream-team.yaml', 'examples/history/livestream-2026-09.csv'],
  ];
  for (const [policyFile, dataFile] of months)
    for (const lang of ['zh', 'en'] as const)
      it(`${policyFile} on ${dataFile} in ${lang}: each card written as JSON.stringify writes it, or given back`, () => {
        const cards = cardsOf(policyFile, dataFile, lang);
        expect(cards.length).toBeGreaterThan(20);
        // all of a month's cards into one buffer, as a chunk is written: the pieces remembered
        // from one card are right for the next
        const out = new Utf8Bytes(16);
        let expected = '';
        for (const card of cards) {
          out.byte(0x2c);
          if (!writeJsonCard(card, out)) out.add(jsonCard(card));
          expected += `,${jsonCard(card)}`;
        }
        expect(text(out.take())).toBe(expected);
        expect(Buffer.from(out.take()).equals(utf8.encode(expected))).toBe(true);
        // and as NDJSON lines, one after another
        const lines = new Utf8Bytes(16);
        let expectedLines = '';
        for (const card of cards) {
          if (!writeCompactJsonCard(card, lines)) lines.add(compactJsonCard(card));
          lines.byte(0x0a);
          expectedLines += `${compactJsonCard(card)}\n`;
        }
        expect(Buffer.from(lines.take()).equals(utf8.encode(expectedLines))).toBe(true);
      });

  it('writes every card of these months itself, in both layouts and languages (none given back)', () => {
    for (const [policyFile, dataFile] of months)
      for (const lang of ['zh', 'en'] as const)
        for (const card of cardsOf(policyFile, dataFile, lang)) expect(written(card)).toBeDefined();
  });
});

describe('what a flagship card looks like, written from its pieces', () => {
  it('SV0004 (编导, startup): header, next grade, three indicators, a tiered payout and the explanation', () => {
    const card = flagshipCards().find((c) => c.employee_id === 'SV0004')!;
    const t = written(card)!;
    expect(
      t.startsWith('\n    {\n      "employee_id": "SV0004",\n      "name": "魏轩琪",\n      "role": "director",'),
    ).toBe(true);
    expect(t).toContain('\n      "next_grade": {\n        "grade": "A+",\n        "points_needed": 9.63\n      },');
    expect(t).toContain(
      '\n        {\n          "id": "completion",\n          "path": "completion",\n          "title": "完播率",' +
        '\n          "metric": "completion_rate",\n          "scoring": "linear",\n          "better": "higher",' +
        '\n          "actual": 0.402,\n          "threshold": 0.3,\n          "target": 0.4,\n          "challenge": 0.5,' +
        '\n          "points": 100.4,\n          "weight": 40,\n          "weighted_points": 40.16,' +
        '\n          "reason": "达到目标 40.0%，未达挑战 50.0%"\n        },',
    );
    // 3,614.80 + 722.96 + 1,000.00 yuan = 5,337.76
    expect(t).toContain(
      '\n          {\n            "kind": "tier_award",\n            "source": "silver",\n            "label": "档位奖金 银牌",' +
        '\n            "amount": 1000\n          }\n        ],\n        "total": 5337.76,\n        "status": "payable"\n      },' +
        '\n      "holds": [],\n      "triggers": [],',
    );
    expect(t.endsWith('\n        "合计 ¥5,337.76"\n      ]\n    }')).toBe(true);
    expectAsJsonStringify(card);
  });
});

describe('group indicators (the content policy): each group with its children at their depth', () => {
  const contentCards = (lang: Lang = 'zh') =>
    cardsOf('policies/content-three-dimension.yaml', 'examples/content-2026-10.csv', lang);

  it('CT0001 (内容运营, startup): 内容质量 is 0 + 15.75 + 21 = 36.75 points, × 40 % = 14.7', () => {
    const card = contentCards().find((c) => c.employee_id === 'CT0001')!;
    const t = written(card)!;
    // originality: 27 against a pass/fail target of 30, 0 points; completion: 0.515 between the
    // threshold 0.5 (60 points) and the target 0.7 (100): 60 + 40 × 0.015 / 0.2 = 63, × 25 % = 15.75;
    // resonance: 3 of 5, 60 points, × 35 % = 21
    expect(t).toContain(
      '\n      "indicators": [\n        {\n          "id": "content_quality",\n          "path": "content_quality",' +
        '\n          "title": "内容质量",\n          "points": 36.75,\n          "weight": 40,\n          "weighted_points": 14.7,' +
        '\n          "reason": "内容质量：36.75 分 × 权重 40% = 14.7 分",\n          "children": [' +
        '\n            {\n              "id": "originality",\n              "path": "content_quality.originality",',
    );
    expect(t).toContain(
      '\n              "actual": 0.515,\n              "threshold": 0.5,\n              "target": 0.7,\n              "challenge": 0.85,' +
        '\n              "points": 63,\n              "weight": 25,\n              "weighted_points": 15.75,',
    );
    expect(t).toContain(
      '\n              "actual": 3,\n              "points": 60,\n              "weight": 35,\n              "weighted_points": 21,' +
        '\n              "reason": "满分 5"\n            }\n          ]\n        },\n        {\n          "id": "user_growth",',
    );
    expectAsJsonStringify(card);
    const line = writtenBy(writeCompactJsonCard, card)!;
    expect(line).toContain(
      '"indicators":[{"id":"content_quality","path":"content_quality","title":"内容质量","points":36.75,"weight":40,' +
        '"weighted_points":14.7,"reason":"内容质量：36.75 分 × 权重 40% = 14.7 分","children":[{"id":"originality",',
    );
  });

  it('a group without children, groups nested in groups, and a group among leaves', () => {
    const [card] = contentCards();
    const [quality, growth] = card!.indicators;
    const c = structuredClone(card!);
    c.indicators[1] = { ...growth!, children: [] };
    expect(expectAsJsonStringify(c)).toContain(
      '"reason": "用户增长：63.6 分 × 权重 40% = 25.44 分",\n          "children": []\n        },',
    );
    // two levels deeper: the quality group as the growth group's first child
    c.indicators[1] = { ...growth!, children: [structuredClone(quality!), ...growth!.children!] };
    expect(expectAsJsonStringify(c)).toContain(
      '"children": [\n            {\n              "id": "content_quality",\n              "path": "content_quality",' +
        '\n              "title": "内容质量",\n              "points": 36.75,',
    );
    // a flagship leaf beside the groups
    c.indicators.push(structuredClone(flagshipCards()[0]!.indicators[0]!));
    expectAsJsonStringify(c);
    expectAsJsonStringify(card);
  });

  it('a group of another shape, or a child it does not know, gives the card back', () => {
    const [card] = contentCards();
    const c = structuredClone(card!);
    const { reason, ...group } = c.indicators[0]!;
    c.indicators[0] = { ...group, children: group.children, reason } as never; // children before reason
    expect(written(c)).toBeUndefined();
    const d = structuredClone(card!);
    d.indicators[0]!.children![1] = { ...d.indicators[0]!.children![1]!, extra: 1 } as never;
    expect(written(d)).toBeUndefined();
    const e = structuredClone(card!);
    (e.indicators[0] as { children: unknown }).children = {};
    expect(written(e)).toBeUndefined();
    expect(written(card)).toBeDefined();
  });
});

describe('odd values, written as JSON.stringify writes them', () => {
  const [card] = flagshipCards();

  it('quotes, backslashes, control characters, U+2028, emoji and lone surrogates in every kind of string', () => {
    const odd = 'a"b\\c\nd\te\u0000f\u001f\u2028😀\ud800x\udc00';
    const c = structuredClone(card!);
    c.employee_id = odd;
    c.name = `许${odd}`;
    c.team = `一组${odd}`;
    c.role_title = odd;
    c.indicators[0]!.reason = odd;
    c.indicators[1]!.title = odd;
    c.payout.lines[0]!.label = odd;
    c.explanation[2] = odd;
    c.explanation[3] = '"';
    const t = expectAsJsonStringify(c);
    expect(t).toContain('"employee_id": "a\\"b\\\\c\\nd\\te\\u0000f\\u001f\u2028😀\\ud800x\\udc00",');
    // and the next card, with the usual values again, from the pieces remembered before
    expectAsJsonStringify(card);
  });

  it('an explanation line with a character to escape among plain ones, and one with none', () => {
    const c = structuredClone(card!);
    c.explanation = ['甲', 'b\\', '乙'];
    expect(expectAsJsonStringify(c)).toContain(
      '\n      "explanation": [\n        "甲",\n        "b\\\\",\n        "乙"\n      ]',
    );
    c.explanation = ['只有一行'];
    expectAsJsonStringify(c);
    c.explanation = [];
    expect(expectAsJsonStringify(c).endsWith('\n      "explanation": []\n    }')).toBe(true);
  });

  it('numbers: −0, 1e21, 5e-7, long fractions, negative amounts; NaN and Infinity as null', () => {
    const c = structuredClone(card!);
    c.base_score = -0;
    c.score = 1e21;
    c.indicators[0]!.actual = 5e-7;
    c.indicators[0]!.points = Number.NaN;
    c.indicators[0]!.weighted_points = 0.1 + 0.2;
    c.indicators[1]!.weight = Number.POSITIVE_INFINITY;
    c.payout.pay_base = -1234.5;
    c.payout.lines[0]!.amountFen = -123457;
    c.payout.totalFen = 2 ** 40;
    const t = expectAsJsonStringify(c);
    expect(t).toContain('"base_score": 0,\n      "score": 1e+21,');
    expect(t).toContain('"actual": 5e-7,');
    expect(t).toContain('"points": null,');
    expect(t).toContain('"weighted_points": 0.30000000000000004,');
    expect(t).toContain('"weight": null,');
    expect(t).toContain('"pay_base": -1234.5,');
    expect(t).toContain('"amount": -1234.57');
    expect(t).toContain('"total": 10995116277.76,');
  });

  it('a definition that changes (another title, threshold or weight for the same id) is written as it now is', () => {
    const c = structuredClone(card!);
    const linear = c.indicators.find((i) => i.threshold !== undefined)!;
    linear.title = '另一个标题';
    linear.threshold = 0.25;
    linear.weight = 33;
    expect(expectAsJsonStringify(c)).toContain('"title": "另一个标题",');
    expectAsJsonStringify(card);
  });

  it('left-out optional keys: no next grade, no tier, no payout lines, no indicators', () => {
    const c = structuredClone(card!);
    delete c.next_grade;
    delete c.payout.tier;
    c.payout.lines = [];
    c.indicators = [];
    const t = expectAsJsonStringify(c);
    expect(t).toContain('"grade": "B",\n      "indicators": [],\n      "adjustments": [],');
    expect(t).toContain('"pay_base": 6000,\n        "lines": [],\n        "total": ');
  });

  it('holds, adjustments and triggers, and a plan, at their depth', () => {
    const c = structuredClone(card!);
    c.holds = [
      { id: 'h', title: '暂缓', conditions: [{ fact: 'x', operator: 'equal', value: 1, actual: 1, result: true }] },
    ];
    c.adjustments = [{ id: 'a', title: '加分', points: 2, conditions: [] }];
    c.triggers = [{ id: 't', title: '预警', action: { type: 'warning' as never }, conditions: [] }];
    c.plan = {
      trigger: 't',
      status: 'open' as never,
      opened: '2026-10',
      window_ends: '2026-11',
      extensions_used: 0,
      reason: '开始改进计划，期限至 2026-11',
    };
    // the plan stands before the explanation, as the executor adds it
    const { explanation, ...rest } = c;
    const t = expectAsJsonStringify({ ...rest, explanation });
    expect(t).toContain('\n      "holds": [\n        {\n          "id": "h",');
    expect(t).toContain(
      '\n      "plan": {\n        "trigger": "t",\n        "status": "open",\n        "opened": "2026-10",' +
        '\n        "window_ends": "2026-11",\n        "extensions_used": 0,\n        "reason": "开始改进计划，期限至 2026-11"\n      },',
    );
  });
});

describe('triggers, written from the bytes of their action', () => {
  const pip = () => flagshipCards().find((c) => c.triggers.length > 0)!;

  it('the flagship’s improvement plan trigger: its action and condition at their depth', () => {
    const t = expectAsJsonStringify(pip());
    expect(t).toContain(
      '\n      "triggers": [\n        {\n          "id": "improvement_plan",\n          "title": "绩效改进计划(PIP)",' +
        '\n          "action": {\n            "type": "improvement_plan",\n            "days": 30,',
    );
    expect(t).toContain(
      '\n          "conditions": [\n            {\n              "fact": "grade",\n              "operator": "equal",' +
        '\n              "value": "C",\n              "actual": "C",\n              "result": true\n            }\n          ]\n        }\n      ],',
    );
  });

  it('an action changed since its bytes were made (the same object) is written as it now is', () => {
    const card = pip();
    expectAsJsonStringify(card);
    const action = card.triggers[0]!.action as Record<string, unknown>;
    action.days = 60;
    expect(expectAsJsonStringify(card)).toContain('"days": 60,');
    (action.close_when as { all: { value: string }[] }).all[0]!.value = 'B';
    expectAsJsonStringify(card);
    delete action.note;
    expectAsJsonStringify(card);
    action.extra = [1, null, { a: '"' }];
    expectAsJsonStringify(card);
  });

  it('conditions of another shape, and values of every kind', () => {
    const card = pip();
    const [trigger] = card.triggers;
    trigger!.conditions = [
      { fact: 'score', operator: 'lessThan', value: 60, actual: 59.5, result: true },
      { fact: 'x', operator: 'in', value: ['a', 'b'], actual: null, result: false },
      { fact: 'y', operator: 'equal', value: { k: 1 }, actual: true, result: true },
    ];
    expect(expectAsJsonStringify(card)).toContain(
      '\n              "value": [\n                "a",\n                "b"\n              ],\n              "actual": null,',
    );
    trigger!.conditions = [{ fact: 'grade', operator: 'equal', value: 'C', path: '$.a', actual: 'C', result: true }];
    expectAsJsonStringify(card);
    trigger!.conditions = [];
    expect(expectAsJsonStringify(card)).toContain('\n          "conditions": []\n        }\n      ],');
    card.triggers = [trigger!, { ...trigger!, id: 'second' }];
    expectAsJsonStringify(card);
  });

  it('a hole in the conditions (null in JSON) is written by JSON.stringify, not read as a condition', () => {
    const card = pip();
    const [condition] = card.triggers[0]!.conditions;
    const sparse = [condition!, condition!];
    delete sparse[0];
    card.triggers[0]!.conditions = sparse;
    expect(expectAsJsonStringify(card)).toContain('\n          "conditions": [\n            null,\n            {');
  });

  it('a condition value that JSON leaves out (undefined) gives the card back', () => {
    const card = pip();
    card.triggers[0]!.conditions[0]!.actual = undefined;
    expect(written(card)).toBeUndefined();
  });
});

describe('a card it does not know is given back, with nothing written', () => {
  const [card] = flagshipCards();

  it('keys in another order, a key more or a required key missing', () => {
    const { name, ...rest } = card!;
    expect(written({ name, ...rest })).toBeUndefined();
    expect(written({ ...card!, extra: 1 })).toBeUndefined();
    expect(written(rest)).toBeUndefined();
    const c = structuredClone(card!);
    const [first, ...others] = Object.entries(c.indicators[0]!);
    c.indicators[0] = Object.fromEntries([...others, first!]) as never;
    expect(written(c)).toBeUndefined();
  });

  it('an undefined, null or other unexpected value where a string or number stands', () => {
    expect(written({ ...card!, team: undefined })).toBeUndefined();
    expect(written({ ...card!, score: null })).toBeUndefined();
    expect(written({ ...card!, score: '90' })).toBeUndefined();
    expect(written({ ...card!, explanation: ['a', 1] })).toBeUndefined();
    expect(written({ ...card!, holds: {} })).toBeUndefined();
  });

  it('an object of another prototype, a toJSON method, a sparse or subclassed array', () => {
    expect(written(Object.assign(Object.create({ inherited: 1 }), card))).toBeUndefined();
    expect(written({ ...card!, payout: { ...card!.payout, toJSON: () => 1 } })).toBeUndefined();
    const sparse = [...card!.explanation];
    delete sparse[1];
    expect(written({ ...card!, explanation: sparse })).toBeUndefined();
    class Lines extends Array<string> {}
    expect(written({ ...card!, explanation: Lines.from(card!.explanation) })).toBeUndefined();
  });

  it('while Object.prototype or Array.prototype has a toJSON method', () => {
    for (const proto of [Object.prototype, Array.prototype]) {
      Object.defineProperty(proto, 'toJSON', { value: () => 'x', configurable: true, writable: true });
      try {
        expect(written(card)).toBeUndefined();
      } finally {
        delete (proto as { toJSON?: unknown }).toJSON;
      }
    }
    expect(written(card)).toBeDefined();
  });
});
