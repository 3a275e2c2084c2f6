// The run's JSON cut around its scorecards: head + cards + tail is the text JSON.stringify gives
// for the whole document, with cards and without.

import { describe, expect, it } from 'vitest';
import { JSON_CARD_WRAP, jsonCard, jsonHead, jsonTail, wrappedJsonCard } from '../../node/cli/format/json-stream.js';
import { Utf8Bytes } from '../../node/cli/stream-batch.js';
import type { Scorecard } from '../../engine/index.js';

const policy = { id: 'p', version: '1.0.0', title: '短视频团队' };
const summary: never = {
  employees: 0,
  excluded: 0,
  by_grade: {},
  by_calibrated_grade: undefined,
  triggers: {},
  by_team: {},
  payout_total_fen: 0,
  payable_total_fen: 0,
  held_total_fen: 0,
  holds: 0,
} as never;

/** Just what the JSON form renames: the payout's fen amounts. */
const cardOf = (id: string, fen: number) =>
  ({
    employee_id: id,
    name: '张三',
    payout: { lines: [{ id: 'base', amountFen: fen }], totalFen: fen },
  }) as unknown as Scorecard;

describe('the JSON document written a card at a time', () => {
  it('with no cards is the whole document with an empty list', () => {
    const rest = { excluded: [], summary, warnings: [], provenance: { data: [] } };
    const text = jsonHead({ policy, period: '2026-10' }) + jsonTail(0, rest);
    expect(text).toBe(
      '{\n  "policy": {\n    "id": "p",\n    "version": "1.0.0",\n    "title": "短视频团队"\n  },\n  "period": "2026-10",\n  "scorecards": [],\n  "excluded": [],\n  "summary": {\n    "employees": 0,\n    "excluded": 0,\n    "by_grade": {},\n    "triggers": {},\n    "by_team": {},\n    "payout_total": 0,\n    "payable_total": 0,\n    "held_total": 0,\n    "holds": 0\n  },\n  "warnings": [],\n  "provenance": {\n    "data": []\n  }\n}\n',
    );
  });

  it('with cards is, to the byte, what JSON.stringify indents for the whole document', () => {
    const rest = { excluded: [{ row: 3, reasons: [] }], summary, warnings: [], provenance: { data: [] } };
    const text =
      jsonHead({ policy, period: '2026-10' }) +
      jsonCard(cardOf('A1', 150)) +
      ',' +
      jsonCard(cardOf('A2', 1)) +
      jsonTail(2, rest);
    const whole = {
      policy,
      period: '2026-10',
      scorecards: [
        { employee_id: 'A1', name: '张三', payout: { lines: [{ id: 'base', amount: 1.5 }], total: 1.5 } },
        { employee_id: 'A2', name: '张三', payout: { lines: [{ id: 'base', amount: 0.01 }], total: 0.01 } },
      ],
      excluded: rest.excluded,
      summary: {
        employees: 0,
        excluded: 0,
        by_grade: {},
        triggers: {},
        by_team: {},
        payout_total: 0,
        payable_total: 0,
        held_total: 0,
        holds: 0,
      },
      warnings: [],
      provenance: { data: [] },
    };
    expect(text).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });
});

describe('a card written into the chunk bytes without cutting its string', () => {
  it('is its text inside the wrapping: the wrapping is ten characters before and six after', () => {
    const text = wrappedJsonCard(cardOf('A1', 150));
    expect(JSON_CARD_WRAP).toEqual({ head: 10, tail: 6 });
    expect(text.slice(0, 10)).toBe('{\n  "c": [');
    expect(text.slice(-6)).toBe('\n  ]\n}');
    expect(text.slice(10, -6)).toBe(jsonCard(cardOf('A1', 150)));
  });

  it('keeps the bytes between the dropped head and tail, multi-byte characters whole', () => {
    const bytes = new Utf8Bytes(0);
    bytes.add('x');
    bytes.byte(0x2c);
    // 张 is E5 BC A0 in UTF-8: '{[' and ']}' are dropped, the byte before stays
    bytes.addWithin('{[张]}', 2, 2);
    bytes.byte(0x0a);
    expect([...bytes.take()]).toEqual([0x78, 0x2c, 0xe5, 0xbc, 0xa0, 0x0a]);
  });

  it('grows past its first buffer without losing what came before', () => {
    const bytes = new Utf8Bytes(0);
    // 4,096 bytes to start: 2,000 three-byte characters need a bigger buffer on the second
    for (let i = 0; i < 3; i++) bytes.addWithin(`[${'张'.repeat(2000)}]`, 1, 1);
    const out = bytes.take();
    expect(out.length).toBe(18_000);
    expect(new TextDecoder().decode(out)).toBe('张'.repeat(6000));
  });

  it('writes into a spare buffer large enough, taking it off the list, and leaves smaller ones there', () => {
    const small = new ArrayBuffer(5_000);
    const large = new ArrayBuffer(10_000);
    new Uint8Array(large).fill(0x41); // what the chunk before left in it
    const spare = [small, large];
    const bytes = new Utf8Bytes(8_000, spare);
    expect(spare).toEqual([small]);
    bytes.add('张三,');
    const out = bytes.take();
    // a view of the spare buffer would keep all of it; a copy is made when the bytes fill under three quarters
    expect(new TextDecoder().decode(out)).toBe('张三,');
    expect(out.buffer.byteLength).toBe(7);
    const none = new Utf8Bytes(20_000, spare);
    none.byte(0x7b);
    expect(spare).toEqual([small]);
    expect([...none.take()]).toEqual([0x7b]);
  });

  it('makes a buffer of a mebibyte or more in whole steps of 256 KiB, so that the next chunk, a few kilobytes larger, fits it', () => {
    // two chunks of a 100,000-card JSON run asked for 3,890,465 and then 3,891,474 bytes: the first
    // buffer, made to the byte, was too small for the second, which took fresh memory
    const first = new Utf8Bytes(3_890_465);
    // 3,890,465 / 262,144 = 14.84… → 15 × 262,144 = 3,932,160 bytes
    expect(first.buffer.byteLength).toBe(3_932_160);
    const spare = [first.buffer.buffer as ArrayBuffer];
    const next = new Utf8Bytes(3_891_474, spare);
    expect(next.buffer.buffer).toBe(first.buffer.buffer);
    expect(spare).toEqual([]);
    // under a mebibyte, to the byte: 1,048,575 stays 1,048,575; 1,048,577 → 5 × 262,144 = 1,310,720
    expect(new Utf8Bytes(1_048_575).buffer.byteLength).toBe(1_048_575);
    expect(new Utf8Bytes(1_048_577).buffer.byteLength).toBe(1_310_720);
  });

  it("hands over an NDJSON chunk's bytes in the buffer they were written into, not a copy", () => {
    // an NDJSON chunk asked for 2,543,279 bytes and wrote 2,356,785. In whole mebibytes (3 MiB =
    // 3,145,728) that is 74.9 %, under the three quarters below which `take` copies; in steps of
    // 256 KiB, 2,543,279 / 262,144 = 9.70… → 10 × 262,144 = 2,621,440, and 2,356,785 is 89.9 % of it
    const bytes = new Utf8Bytes(2_543_279);
    expect(bytes.buffer.byteLength).toBe(2_621_440);
    bytes.used = 2_356_785;
    const out = bytes.take();
    expect(out.buffer).toBe(bytes.buffer.buffer);
    expect(out.length).toBe(2_356_785);
  });

  it('takes the smallest spare buffer large enough, and grows in whole steps of 256 KiB', () => {
    const eight = new ArrayBuffer(8 << 20);
    const four = new ArrayBuffer(4 << 20);
    const spare = [eight, four];
    const bytes = new Utf8Bytes(3_900_000, spare);
    expect(bytes.buffer.buffer).toBe(four);
    expect(spare).toEqual([eight]);
    // 4 MiB full, then 1 byte more: twice 4 MiB = 8,388,608, a whole number of mebibytes
    bytes.used = 4 << 20;
    bytes.byte(0x7b);
    expect(bytes.buffer.byteLength).toBe(8_388_608);
    expect(bytes.used).toBe(4_194_305);
  });
});

describe('a streaming thread keeps the output buffers written, for its next chunks', () => {
  it('keeps up to six (four JSON chunks wait behind the writer at once), and no CSV ones', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadPolicy } = await import('../../engine/index.js');
    const { BatchEvaluator } = await import('../../node/cli/stream-batch.js');
    const file = 'policies/short-video-team.yaml';
    const loaded = loadPolicy(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error('the flagship policy should load');
    const setup = (output: 'json' | 'csv') => ({
      policyFile: file,
      policyText: '',
      header: ['employee_id'],
      file: 'month.csv',
      lang: 'zh' as const,
      beforePeriod: '2026-10',
      delimiter: ',',
      newline: '\n' as const,
      encoding: 'utf-8' as const,
      output,
    });
    const json = new BatchEvaluator(loaded.policy, setup('json'), undefined);
    const buffers = Array.from({ length: 8 }, () => new ArrayBuffer(4 << 20));
    for (const b of buffers) json.recycle(new Uint8Array(b));
    // the next six chunks of about 3.9 MB each write into the first six buffers; the seventh and
    // eighth were let go
    const taken = Array.from(
      { length: 7 },
      () => new Utf8Bytes(3_900_000, (json as never as { spare: ArrayBuffer[] }).spare),
    );
    expect(
      taken
        .slice(0, 6)
        .map((t) => buffers.indexOf(t.buffer.buffer as ArrayBuffer))
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5]);
    expect(buffers.indexOf(taken[6]!.buffer.buffer as ArrayBuffer)).toBe(-1);
    const csv = new BatchEvaluator(loaded.policy, setup('csv'), undefined);
    csv.recycle(new Uint8Array(new ArrayBuffer(4 << 20)));
    expect((csv as never as { spare: ArrayBuffer[] }).spare).toEqual([]);
  });
});
