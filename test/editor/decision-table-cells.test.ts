// What a decision table's cell takes from the keyboard (editor/app/lib/decision-tables.ts,
// readCell): a plain decimal number for a number column, text for a text column, an empty cell
// only where the key may go. Anything else is refused with the reason, never dropped in silence
// (the cell would show a value the policy does not have).

import { describe, expect, it } from 'vitest';
import { readCell, type Column } from '../../editor/app/lib/decision-tables.js';

const MIN: Column = { key: 'min', kind: 'number' };
const MULTIPLIER: Column = { key: 'multiplier', kind: 'number', optional: true };
const GRADE: Column = { key: 'grade', kind: 'text' };
const TITLE: Column = { key: 'title', kind: 'text', optional: true };

describe('a number column', () => {
  it('takes a decimal number as typed, spaces around it ignored', () => {
    expect(readCell('10', MIN)).toEqual({ ok: true, value: 10 });
    expect(readCell(' 0.5 ', MIN)).toEqual({ ok: true, value: 0.5 });
    expect(readCell('-3', MIN)).toEqual({ ok: true, value: -3 });
    expect(readCell('.25', MIN)).toEqual({ ok: true, value: 0.25 });
    expect(readCell('1e3', MIN)).toEqual({ ok: true, value: 1000 });
  });

  it('refuses what is not one plain number: full-width digits, a percent, a thousands comma, hex, too large', () => {
    for (const typed of ['１０', '10%', '1,000', '0x10', '0b11', '1e400', 'Infinity', '10元', 'abc', '1.2.3'])
      expect(readCell(typed, MIN), typed).toEqual({ ok: false, problem: 'not_a_number' });
  });

  it('an empty cell removes an optional key and is refused where the row needs the key', () => {
    expect(readCell('', MULTIPLIER)).toEqual({ ok: true, value: undefined });
    expect(readCell('  ', MIN)).toEqual({ ok: false, problem: 'required' });
  });
});

describe('a text column', () => {
  it('takes the text trimmed; empty only where optional', () => {
    expect(readCell(' A+ ', GRADE)).toEqual({ ok: true, value: 'A+' });
    expect(readCell('<b>优秀</b>', TITLE)).toEqual({ ok: true, value: '<b>优秀</b>' });
    expect(readCell('', TITLE)).toEqual({ ok: true, value: undefined });
    expect(readCell('', GRADE)).toEqual({ ok: false, problem: 'required' });
  });
});
