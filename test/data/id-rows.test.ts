// The duplicate check's table of employee ids (engine/data/id-rows.ts): what a Map of id → first
// row would answer, through the table's growth.

import { describe, expect, it } from 'vitest';
import { IdRows } from '../../engine/data/id-rows.js';

describe('the id table of the duplicate check', () => {
  it('gives the row an id was set with, and nothing for an id never set', () => {
    const t = new IdRows();
    t.set('SV0001', 2);
    t.set('SV0002', 3);
    expect([t.get('SV0001'), t.get('SV0002'), t.get('SV0003'), t.get('sv0001')]).toEqual([2, 3, undefined, undefined]);
    expect(t.size).toBe(2);
  });

  it('replaces the row of an id set twice, keeping one entry', () => {
    const t = new IdRows();
    t.set('E1', 2);
    t.set('E1', 9);
    expect([t.get('E1'), t.size]).toEqual([9, 1]);
  });

  it('keeps every id through its growth: 5,000 ids, each at row = its number + 1', () => {
    const t = new IdRows();
    for (let i = 0; i < 5000; i++) t.set(`E${i}`, i + 1);
    expect(t.size).toBe(5000);
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) if (t.get(`E${i}`) !== i + 1) wrong.push(`E${i}`);
    expect(wrong).toEqual([]);
    // ids it never saw, including ones of the same letters in another order or case
    expect([t.get('E5000'), t.get('e1'), t.get('1E'), t.get('')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('tells apart ids that differ in one character anywhere, full-width and Chinese ones too', () => {
    const t = new IdRows();
    const ids = ['张三-01', '张三-02', 'Ｅ１', 'E1', 'E1 ', 'A\u0000B', 'A\u0000C'];
    ids.forEach((id, i) => t.set(id, 10 + i));
    expect(ids.map((id) => t.get(id))).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });
});
