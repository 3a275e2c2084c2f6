// Grade names are the policy's own text and print on every statement and distribution. Two that
// differ only in width (`A`, `Ａ`), spaces or letter case read as one grade and are refused.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';

const WORKED = readFileSync('docs/worked-example.yaml', 'utf8');
// line 43 is `  - { grade: A, min: 81 }`; the added grade is line 44, its name at column 14
const withGrade = (name: string) =>
  WORKED.replace('  - { grade: A, min: 81 }', `  - { grade: A, min: 81 }\n  - { grade: ${name}, min: 70 }`);

function errors(text: string) {
  return loadPolicy(text, 'w.yaml')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.message]);
}

describe('grade names that read alike', () => {
  it.each([
    ['full width', 'Ａ', 'Ａ'],
    ['lower case', 'a', 'a'],
    ['a trailing space', '"A "', 'A '],
  ])('%s is refused at the second', (_what, written, name) => {
    expect(errors(withGrade(written))).toEqual([
      [
        '44:14',
        'policy_duplicate_id',
        `grade \`${name}\` differs from grade \`A\` only in width, spaces or letter case`,
      ],
    ]);
  });

  it('the same name twice stays "listed twice"', () => {
    expect(errors(withGrade('A'))).toEqual([['44:14', 'policy_duplicate_id', 'grade `A` is listed twice']]);
  });

  it('names that differ in more than that are fine (`A` and `A-`)', () => {
    expect(errors(withGrade('A-'))).toEqual([]);
  });
});
