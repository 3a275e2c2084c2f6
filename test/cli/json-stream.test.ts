// The run's JSON cut around its scorecards: head + cards + tail is the text JSON.stringify gives
// for the whole document, with cards and without.

import { describe, expect, it } from 'vitest';
import { jsonCard, jsonHead, jsonTail } from '../../node/cli/format/json-stream.js';
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
