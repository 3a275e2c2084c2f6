import { describe, expect, it } from 'vitest';
import { read, shown } from '../../editor/app/lib/field.js';

describe('panel fields', () => {
  it('show a ratio in percent and read percent back into the fraction the policy keeps', () => {
    expect(shown(0.4, { unit: 'ratio' })).toBe('40');
    expect(shown(0.57, { unit: 'ratio' })).toBe('57');
    expect(shown(0.035, { unit: 'ratio' })).toBe('3.5');
    expect(read('70', { unit: 'ratio' })).toEqual({ ok: true, value: 0.7 });
    expect(read('57 %', { unit: 'ratio' })).toEqual({ ok: true, value: 0.57 });
    expect(read('3.5', { unit: 'ratio' })).toEqual({ ok: true, value: 0.035 });
  });

  it('refuse what a metric can never be', () => {
    expect(read('7000', { unit: 'ratio' })).toEqual({ ok: false, problem: 'out_of_range', low: '0', high: '100' });
    expect(read('-5', { unit: 'ratio', range: [-1, 1] })).toEqual({ ok: true, value: -0.05 });
    expect(read('-120', { unit: 'ratio', range: [-1, 1] })).toEqual({
      ok: false,
      problem: 'out_of_range',
      low: '-100',
      high: '100',
    });
    expect(read('-1', { unit: 'count' })).toEqual({ ok: false, problem: 'out_of_range', low: '0', high: '' });
    expect(read('abc', { unit: 'count' })).toEqual({ ok: false, problem: 'not_a_number', low: '0', high: '' });
    expect(read('101', { unit: 'weight' })).toEqual({ ok: false, problem: 'out_of_range', low: '0', high: '100' });
    expect(read('6', { unit: 'score', range: [0, 5] })).toEqual({
      ok: false,
      problem: 'out_of_range',
      low: '0',
      high: '5',
    });
  });

  it('read only a plain decimal number: hex, binary and octal are not what an HR user means by 0x10 or 0b11', () => {
    // Number('0x10') is 16: the field would write 16 for what looks like a typo
    for (const typed of ['0x10', '0b11', '0o7', '１０', '1,000'])
      expect(read(typed, { unit: 'count' }), typed).toEqual({ ok: false, problem: 'not_a_number', low: '0', high: '' });
    expect(read('1e3', { unit: 'count' })).toEqual({ ok: true, value: 1000 });
    expect(read('.5', { unit: 'score' })).toEqual({ ok: true, value: 0.5 });
  });
});
