// Policy arithmetic runs through our own whitelisted evaluator, never eval.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { evaluateExpression, parseExpression, variablesOf } from '../../engine/language/expression.js';

function calc(text: string, vars: Record<string, number> = {}): number | undefined {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateExpression(parsed.expr, vars);
}

describe('expressions', () => {
  it('computes the performance-pay formula: 89 points pays 89% of the base', () => {
    expect(calc('pay_base * min(score, 120) / 100', { pay_base: 4000, score: 89 })).toBe(3560);
    expect(calc('pay_base * min(score, 120) / 100', { pay_base: 4000, score: 130 })).toBe(4800);
  });

  it('follows precedence and parentheses', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('-a + 10', { a: 4 })).toBe(6);
  });

  it('supports comparisons and the conditional operator', () => {
    expect(calc('score >= 100 ? 500 : 0', { score: 100 })).toBe(500);
    expect(calc('score >= 100 ? 500 : 0', { score: 99.99 })).toBe(0);
  });

  it('% is the remainder with the sign of the left side, as docs/policy-language.md says: -7 % 3 is -1, not 2', () => {
    expect(calc('7 % 3')).toBe(1);
    expect(calc('a % 3', { a: -7 })).toBe(-1); // -7 = -2 × 3 - 1
    expect(calc('a % 3', { a: -2.5 })).toBe(-2.5);
    expect(calc('7 % -3')).toBe(1); // the sign of 7
  });

  it('&&, || and ! give 1 or 0, and any value but 0 counts as true', () => {
    expect(calc('2 && 3')).toBe(1); // not 3, as JavaScript would give
    expect(calc('0 || 5')).toBe(1);
    expect(calc('!2')).toBe(0);
    expect(calc('!0')).toBe(1);
    expect(calc('a ? 10 : 20', { a: -1 })).toBe(10);
    expect(calc('a ? 10 : 20', { a: 0 })).toBe(20);
  });

  it('offers min max abs round floor ceil', () => {
    expect(calc('max(1, 5, 3)')).toBe(5);
    expect(calc('abs(-2.5)')).toBe(2.5);
    expect(calc('round(2.345, 2)')).toBe(2.35);
    expect(calc('round(-2.5)')).toBe(-3);
    expect(calc('floor(2.7) + ceil(2.1)')).toBe(5);
  });

  it('division by zero and missing variables are undefined, not Infinity or NaN', () => {
    expect(calc('leads / visits', { leads: 3, visits: 0 })).toBeUndefined();
    expect(calc('leads / visits', { leads: 3 })).toBeUndefined();
    expect(calc('0 / visits', { visits: 0 })).toBeUndefined();
  });

  it('lists the variables it reads', () => {
    const p = parseExpression('viral_videos / max(videos_published, 1) + viral_videos');
    expect(p.ok && variablesOf(p.expr)).toEqual(['viral_videos', 'videos_published']);
  });

  it.each([
    ['eval("1")', 'unknown function `eval`; known: min, max, abs, round, floor, ceil'],
    ['constructor.constructor("x")()', 'only named functions can be called'],
    ['a.b', '`MemberExpression` is not allowed in an expression'],
    ['"text"', 'only numbers are allowed, not `"text"`'],
    ['[1, 2]', '`ArrayExpression` is not allowed in an expression'],
    ['min()', '`min` takes 1 to any number of argument(s), got 0'],
    ['a = 1', 'Unexpected "="'],
  ])('rejects %s', (text, message) => {
    const p = parseExpression(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain(message);
  });

  it('refuses a division by a literal zero, which no record could pay on', () => {
    for (const [text, op] of [
      ['pay_base * score / 0', '/'],
      ['score % 0', '%'],
      ['score / -0', '/'],
      ['score / (0)', '/'],
    ]) {
      const parsed = parseExpression(text);
      expect(parsed.ok ? 'parsed' : parsed.message).toBe(`\`${op} 0\` divides by zero for every record`);
    }
    // a variable may still be 0 for one record: that record is reported when it is evaluated
    expect(parseExpression('score / count').ok).toBe(true);
  });

  it('validate reports a division by a literal zero at the formula, with file:line:col', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-div0-')), 'p.yaml');
    const text = readFileSync('docs/worked-example.yaml', 'utf8').replace(
      'performance_pay: pay_base * min(score, 120) / 100',
      'performance_pay: pay_base * min(score, 120) / 0',
    );
    writeFileSync(file, text);
    // the formula is on line 47, after `  performance_pay: ` (19 characters)
    const r = await yardstick('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `${file}:47:20: error[policy_expression_syntax]: cannot read expression \`pay_base * min(score, 120) / 0\`: \`/ 0\` divides by zero for every record`,
    );
  });
});

// Formulas an HR author writes meaning something else than they read (breaker 125): each was
// accepted and paid every record wrongly.
describe('formulas that read otherwise than they are meant', () => {
  const refused = (text: string) => {
    const parsed = parseExpression(text);
    return parsed.ok ? 'parsed' : parsed.message;
  };

  it('`80% + …` is refused: it read as 80 % (+…), a remainder of 0, and paid ¥0 to everyone', () => {
    // 6000 × 80 % (+6000 × 77.25 / 500) = 480000 % 926.99… : not 4800 + 927
    expect(refused('pay_base * 80% + pay_base * score / 500')).toBe(
      '`%` is the remainder of a division, not percent: write 80% as 0.8',
    );
    expect(refused('pay_base * 110% - 100')).toBe('`%` is the remainder of a division, not percent: write 80% as 0.8');
    // a remainder as a remainder is still read: 17 % 5 = 2
    expect(calc('score % 5', { score: 17 })).toBe(2);
  });

  it('a chained comparison is refused: `60 <= score < 80` was (60 <= score) < 80, always 1', () => {
    expect(refused('pay_base * (60 <= score < 80) * 0.5')).toBe(
      'comparisons do not chain: write `60 <= score && score < 80`',
    );
    expect(refused('score > 80 > 0')).toBe('comparisons do not chain: write `60 <= score && score < 80`');
    // the range written out is read: 1 for 70, 0 for 85
    expect(calc('60 <= score && score < 80', { score: 70 })).toBe(1);
    expect(calc('60 <= score && score < 80', { score: 85 })).toBe(0);
  });

  it('`round` with digits that are not whole is refused; whole digits, negative too, are read', () => {
    expect(refused('round(pay_base * score / 100, 0.5)')).toBe('`round` takes a whole number of digits, not 0.5');
    expect(refused('round(x, -1.5)')).toBe('`round` takes a whole number of digits, not -1.5');
    expect(calc('round(4635.004, 2)', { x: 0 })).toBe(4635);
    expect(calc('round(4635, -2)')).toBe(4600);
  });
});
