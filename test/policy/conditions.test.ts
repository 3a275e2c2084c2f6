// The one condition walker: every stage that reads a condition (checks, compile, both executors,
// explanations) walks it through engine/language/conditions.ts.

import { describe, expect, it } from 'vitest';
import {
  factRef,
  factsOf,
  foldCondition,
  forEachLeaf,
  leavesOf,
  type ConditionLeaf,
} from '../../engine/language/conditions.js';
import type { ConditionDef } from '../../engine/model/policy.js';

const leaf = (fact: string, value: unknown, operator = 'equal'): ConditionDef => ({ fact, operator, value });

/** not (videos > 40 and (grade = C or base_score < rate)) */
const NESTED: ConditionDef = {
  not: {
    all: [
      leaf('videos', 40, 'greaterThan'),
      { any: [leaf('grade', 'C'), leaf('base_score', { fact: 'rate' }, 'lessThan')] },
    ],
  },
};

describe('forEachLeaf', () => {
  it('visits every comparison left to right with its YAML path below the condition', () => {
    const seen: string[] = [];
    forEachLeaf<ConditionLeaf>(NESTED, (c, path) => seen.push(`${c.fact} @ ${path.join('.')}`), [
      'triggers',
      'pip',
      'when',
    ]);
    expect(seen).toEqual([
      'videos @ triggers.pip.when.not.all.0',
      'grade @ triggers.pip.when.not.all.1.any.0',
      'base_score @ triggers.pip.when.not.all.1.any.1',
    ]);
  });

  it('treats a single comparison as the whole condition, at the path it was given', () => {
    const paths: string[] = [];
    forEachLeaf(leaf('score', 60), (_c, path) => paths.push(path.join('.')));
    expect(paths).toEqual(['']);
  });
});

describe('foldCondition', () => {
  it('combines children bottom-up: here, the condition written back as text', () => {
    const text = foldCondition<ConditionLeaf, string>(NESTED, {
      leaf: (c) => `${c.fact} ${c.operator} ${factRef(c.value) ?? String(c.value)}`,
      all: (parts) => `(${parts.join(' and ')})`,
      any: (parts) => `(${parts.join(' or ')})`,
      not: (inner) => `not ${inner}`,
    });
    expect(text).toBe('not (videos greaterThan 40 and (grade equal C or base_score lessThan rate))');
  });
});

describe('facts a condition reads', () => {
  it('lists each comparison’s fact and the fact its value names, in order', () => {
    expect(factsOf(NESTED)).toEqual(['videos', 'grade', 'base_score', 'rate']);
    expect(leavesOf<ConditionLeaf>(NESTED).map((c) => c.fact)).toEqual(['videos', 'grade', 'base_score']);
  });

  it('reads `{ fact: x }` as a reference and anything else as a constant', () => {
    expect(factRef({ fact: 'base_score' })).toBe('base_score');
    expect(factRef(['A', 'B'])).toBeUndefined();
    expect(factRef(null)).toBeUndefined();
    expect(factRef(0)).toBeUndefined();
    expect(factRef({ grade: 'C' })).toBeUndefined();
  });
});
