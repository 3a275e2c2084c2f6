// A ratio that formatValue would round to the text of the bound it was compared with is written with
// the fewest decimals (past formatValue's 0.01 %) that leave it on its own side of the bound; in a
// line of arithmetic (a statement's interpolation) with every digit, so the line adds up as written.

import { describe, expect, it } from 'vitest';
import { formatValueBeside } from '../../engine/explanation/explain.js';

describe('a ratio beside a bound it would read as', () => {
  it('213 / 21,268 = 1.00150460786…% beside a threshold of 1.0%: 1.002% (three decimals already differ)', () => {
    expect(formatValueBeside(213 / 21268, [0.01, 0.03, 0.05], 'ratio')).toBe('1.002%');
  });

  it('29.9996% below 30%: 30.000% would read as the bound, so four decimals', () => {
    expect(formatValueBeside(0.299996, [0.3], 'ratio')).toBe('29.9996%');
  });

  it('29.99951% below 30%: 30.000% at three decimals, 29.9995% at four (rounded up, still below)', () => {
    expect(formatValueBeside(0.2999951, [0.3], 'ratio')).toBe('29.9995%');
  });

  it('29.99949% below 30%: 29.999% at three decimals (the fourth, 4, rounds down)', () => {
    expect(formatValueBeside(0.2999949, [0.3], 'ratio')).toBe('29.999%');
  });

  it('30.001% above 30%: three decimals', () => {
    expect(formatValueBeside(0.30001, [0.3], 'ratio')).toBe('30.001%');
  });

  it('a value formatValue already tells apart keeps its text (4.2% beside 1.0%, 3.0%, 5.0%)', () => {
    expect(formatValueBeside(0.042, [0.01, 0.03, 0.05], 'ratio')).toBe('4.2%');
  });

  it('in a line of arithmetic, every digit: 1.00150460786%', () => {
    expect(formatValueBeside(213 / 21268, [0.01, 0.03, 0.05], 'ratio', 'zh', true)).toBe('1.00150460786%');
  });
});
