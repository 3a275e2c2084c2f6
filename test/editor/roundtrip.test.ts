import { describe, expect, it } from 'vitest';
import { setStructure, setValue } from '../../engine/index.js';
import { keepOriginalSpelling } from '../../editor/app/lib/roundtrip.js';

const ORIGINAL = 'completion:\n  target: 0.40 # 完播率 ≥ 40%\n  weight: 40\nadoption:\n  target: 0.50\n';
const set = (text: string, path: (string | number)[], value: number) => {
  const r = setValue(text, path, value);
  if (!r.ok) throw new Error(r.message);
  return keepOriginalSpelling(ORIGINAL, r.text, path);
};

describe('changing a value and changing it back', () => {
  it('gives back the exact text of the file', () => {
    const changed = set(ORIGINAL, ['completion', 'target'], 0.45);
    expect(changed).toBe(ORIGINAL.replace('0.40', '0.45'));
    expect(set(changed, ['completion', 'target'], 0.4)).toBe(ORIGINAL);
  });

  it('keeps other edits while one value goes back', () => {
    const both = set(set(ORIGINAL, ['completion', 'target'], 0.45), ['adoption', 'target'], 0.55);
    expect(set(both, ['completion', 'target'], 0.4)).toBe(ORIGINAL.replace('0.50', '0.55'));
  });

  it('a single weight split per stage and set back is the single weight again', () => {
    const split = setStructure(ORIGINAL, ['completion', 'weight'], { startup: 50, mature: 40 });
    if (!split.ok) throw new Error(split.message);
    expect(split.text).not.toBe(ORIGINAL);
    expect(set(split.text, ['completion', 'weight', 'startup'], 40)).toBe(ORIGINAL);
  });
});
