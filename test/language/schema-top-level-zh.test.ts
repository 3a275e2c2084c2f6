// A problem at the top of the policy — a misspelt top-level key, a missing section — names the
// policy in the message's language: it said 「`the policy` 中有未知的键 `budgte`」 in Chinese, the
// default, for the commonest slip of all.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, localise } from '../../engine/index.js';

const BASE = readFileSync('docs/worked-example.yaml', 'utf8');

const problems = (text: string) =>
  loadPolicy(text, 'p.yaml').diagnostics.map((d) => [
    d.code,
    d.span?.line,
    d.span?.column,
    localise(d, 'zh').message,
    localise(d, 'en').message,
  ]);

describe('a problem at the top of the policy', () => {
  it('a misspelt top-level key, at its line and column', () => {
    // appended after the example's 57 lines: line 58, column 1
    expect(problems(`${BASE}budgte: { total: 700000 }\n`)).toEqual([
      ['schema_unknown_key', 58, 1, '`政策` 中有未知的键 `budgte`', 'unknown key `budgte` in `the policy`'],
    ]);
  });

  it('a missing section', () => {
    // the example without its `grades:` (the heading and its four grades)
    const text = BASE.replace(/^grades:\n(?: {2}- .*\n)+/m, '');
    expect(text).not.toBe(BASE);
    expect(problems(text).map(([code, , , zh, en]) => [code, zh, en])).toEqual([
      ['schema_missing_key', '`政策` 缺少必填键 `grades`', '`the policy` is missing required key `grades`'],
    ]);
  });
});
