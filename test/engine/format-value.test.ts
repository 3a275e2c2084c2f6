// How explanations write a plain number: as a person writes it, without float noise.

import { describe, expect, it } from 'vitest';
import { formatValue } from '../../engine/index.js';

describe('formatValue of a number without a unit', () => {
  it('writes short numbers as they are', () => {
    expect(formatValue(84.5, undefined)).toBe('84.5');
    expect(formatValue(-12, undefined)).toBe('-12');
    expect(formatValue(0.153, undefined)).toBe('0.153');
    expect(formatValue(120, undefined)).toBe('120');
    expect(formatValue(0, undefined)).toBe('0');
  });

  it('drops float noise beyond twelve significant digits', () => {
    expect(formatValue(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatValue(1.1 * 3, undefined)).toBe('3.3');
    expect(formatValue(77.25000000000001, undefined)).toBe('77.25');
  });

  it('keeps twelve significant digits exactly, and large and tiny numbers in exponent form as JavaScript does', () => {
    expect(formatValue(123456.789012, undefined)).toBe('123456.789012');
    expect(formatValue(1e21, undefined)).toBe('1e+21');
    expect(formatValue(1.5e-7, undefined)).toBe('1.5e-7');
  });
});

describe('formatValue of a value written before', () => {
  // explanations write the same targets and thresholds card after card: each value is written
  // once per unit and language and remembered; what it gives must not depend on what came before
  it('writes a value the same the second time, in each unit and language', () => {
    for (let pass = 0; pass < 2; pass++) {
      expect(formatValue(0.093, 'ratio')).toBe('9.3%');
      expect(formatValue(0.093, undefined)).toBe('0.093');
      expect(formatValue(150000, 'count')).toBe('150,000');
      expect(formatValue(150000, undefined)).toBe('150000');
      expect(formatValue(20, 'money')).toBe('¥20.00');
      expect(formatValue(185, 'seconds', 'zh')).toBe('3分5秒');
      expect(formatValue(185, 'seconds', 'en')).toBe('3m 5s');
    }
  });

  it('keeps 0 and -0 apart where they are written differently', () => {
    expect(formatValue(-0, 'count')).toBe('-0');
    expect(formatValue(0, 'count')).toBe('0');
    expect(formatValue(-0, 'count')).toBe('-0');
  });
});
