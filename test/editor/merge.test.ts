import { describe, expect, it } from 'vitest';
import { conflictCount, mergedText, mergeParts } from '../../editor/app/lib/merge.js';

const BASE = ['policy: p', 'a:', '  target: 81', 'b:', '  target: 61', 'c:', '  target: 10', ''].join('\n');
const edit = (text: string, from: string, to: string) => text.replace(from, to);

describe('three-way merge of policy text', () => {
  it('keeps changes on different lines from both sides', () => {
    const mine = edit(BASE, 'target: 81', 'target: 85');
    const theirs = edit(BASE, 'target: 61', 'target: 60');
    const parts = mergeParts(BASE, mine, theirs);
    expect(conflictCount(parts)).toBe(0);
    expect(mergedText(parts, [])).toBe(edit(mine, 'target: 61', 'target: 60'));
    expect(parts.flatMap((p) => (p.kind === 'settled' && p.by ? [[p.by, p.base, p.lines]] : []))).toEqual([
      ['mine', ['  target: 81'], ['  target: 85']],
      ['theirs', ['  target: 61'], ['  target: 60']],
    ]);
  });

  it('asks about a line both sides changed differently, and takes the same change once', () => {
    const mine = edit(edit(BASE, 'target: 81', 'target: 85'), 'target: 10', 'target: 12');
    const theirs = edit(edit(BASE, 'target: 81', 'target: 90'), 'target: 10', 'target: 12');
    const parts = mergeParts(BASE, mine, theirs);
    expect(conflictCount(parts)).toBe(1);
    const conflict = parts.find((p) => p.kind === 'conflict');
    expect(conflict).toEqual({
      kind: 'conflict',
      base: ['  target: 81'],
      mine: ['  target: 85'],
      theirs: ['  target: 90'],
      line: 3,
    });
    expect(mergedText(parts, [])).toBe(null);
    expect(mergedText(parts, ['theirs'])).toBe(edit(theirs, 'target: 12', 'target: 12'));
    expect(mergedText(parts, ['mine'])).toBe(mine);
  });

  it('keeps deletions and additions of either side (changes next to each other are asked about, as in git)', () => {
    const adjacent = mergeParts(BASE, edit(BASE, 'c:\n  target: 10\n', ''), `${BASE}d:\n`);
    expect(conflictCount(adjacent)).toBe(1);
    const mine = edit(BASE, 'c:\n  target: 10\n', '');
    const theirs = edit(BASE, 'policy: p\n', 'policy: p\nversion: 2\n');
    const parts = mergeParts(BASE, mine, theirs);
    expect(mergedText(parts, [])).toBe(edit(mine, 'policy: p\n', 'policy: p\nversion: 2\n'));
    expect(parts.find((p) => p.kind === 'settled' && p.by === 'mine')).toEqual({
      kind: 'settled',
      lines: [],
      by: 'mine',
      base: ['c:', '  target: 10'],
    });
  });

  it('without the base, the whole text is one choice', () => {
    const parts = mergeParts(null, 'a\nb', 'a\nc');
    expect(conflictCount(parts)).toBe(1);
    expect(mergedText(parts, ['theirs'])).toBe('a\nc');
  });
});
