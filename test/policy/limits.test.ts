// The limits on policy text the engine applies itself (docs/limits.md): each comes back as a
// result, never a throw, and a policy inside them reads as before.

import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../engine/language/expression.js';
import { loadPolicy } from '../../engine/language/load.js';
import { formatPolicyText } from '../../engine/review/format.js';
import { LIMITS } from '../../engine/language/limits.js';

/** The limits every `policy_expression_too_large` help names. */
const LIMIT_ARGS = { max_length: 1000, max_nodes: 250, max_arguments: 50 };

describe('expression limits', () => {
  it('an expression of 1,000 characters within the other limits parses', () => {
    const text = '('.repeat(400) + 'a' + ')'.repeat(400) + ' + ' + 'b'.repeat(1000 - 804);
    expect(text.length).toBe(LIMITS.expressionLength);
    expect(parseExpression(text).ok).toBe(true);
  });

  it('more than 250 numbers, names and operators is too large, whatever the length', () => {
    const text = Array(126).fill('a').join('+');
    expect(text.length).toBeLessThan(LIMITS.expressionLength);
    expect(parseExpression(text)).toEqual({
      ok: false,
      tooLarge: true,
      message: 'the expression has more than 250 numbers, names and operators',
      problem: { id: 'policy_expression_too_large.nodes', args: LIMIT_ARGS },
    });
    expect(parseExpression(Array(125).fill('a').join('+')).ok).toBe(true);
  });

  it('one character over the length limit is too large', () => {
    expect(parseExpression('a'.repeat(1001))).toEqual({
      ok: false,
      tooLarge: true,
      message: 'the expression has 1001 characters, more than the 1000 an expression may have',
      problem: { id: 'policy_expression_too_large', args: { length: 1001, ...LIMIT_ARGS } },
    });
  });

  it('a function with 50 arguments is fine, with 51 too large', () => {
    expect(parseExpression(`max(${Array(50).fill('1').join(',')})`).ok).toBe(true);
    expect(parseExpression(`max(${Array(51).fill('1').join(',')})`)).toEqual({
      ok: false,
      tooLarge: true,
      message: '`max` has 51 arguments, more than the 50 a function may take',
      problem: { id: 'policy_expression_too_large.arguments', args: { name: 'max', count: 51, ...LIMIT_ARGS } },
    });
  });
});

describe('YAML limits in the engine', () => {
  it('loadPolicy reports an alias bomb instead of throwing', () => {
    const lines = ['policy: x', 'a0: &a0 [x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const r = loadPolicy(lines.join('\n'), 'p.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([
      ['yaml_too_many_aliases', 3, 10],
    ]);
  });

  it('formatPolicyText does not format a file over a limit', () => {
    expect(formatPolicyText('policy: x\nv: &v 1\nlist:\n' + '  - *v\n'.repeat(101))).toBeNull();
    expect(formatPolicyText('policy: x\nd: ' + '['.repeat(65) + ']'.repeat(65) + '\n')).toBeNull();
    expect(formatPolicyText('policy: x\nd: ' + '['.repeat(63) + ']'.repeat(63) + '\n')).not.toBeNull();
  });
});
