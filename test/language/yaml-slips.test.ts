// Two YAML slips HR make when writing formulas: an unquoted formula with a comma inside `{ … }`
// (`{ expr: round(a / b, 3), … }`: YAML cuts it at the comma) and an unquoted conditional
// (`a > b ? x : y`: YAML reads `: ` as the end of a key). Both are named, with the position and the
// formula quoted as it should be written.

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { readFileSync } from 'node:fs';
import { localise } from '../../engine/index.js';

const BASE = readFileSync('docs/worked-example.yaml', 'utf8');

function problems(text: string, lang: 'en' | 'zh' = 'en') {
  const r = loadPolicy(text, 'p.yaml');
  return r.diagnostics.map((d) => {
    const l = localise(d, lang);
    return [d.code, l.message, l.help, d.span?.line, d.span?.column];
  });
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a formula cut at a comma inside { … }', () => {
  const text = BASE.replace(
    'payout:\n',
    'derived:\n  half: { expr: round(completion_rate / 2, 3), label: 半完播 }\npayout:\n',
  );
  const line = lineOf(text, 'half: {');

  it('is named at the formula, with the whole formula quoted', () => {
    expect(problems(text)).toEqual([
      [
        'yaml_unquoted_expression',
        'the formula is cut at a comma and reads `round(completion_rate / 2`: inside `{ … }` YAML takes a comma as the end of a value',
        'quote the expression: `"round(completion_rate / 2, 3)"`',
        line,
        // `  half: { expr: ` is 16 characters
        17,
      ],
    ]);
  });

  it('is named in Chinese', () => {
    expect(problems(text, 'zh')[0]?.slice(1, 3)).toEqual([
      '公式在逗号处被截断，只剩 `round(completion_rate / 2`：在 `{ … }` 里，YAML 把逗号当作值的结尾',
      '请给公式加引号：`"round(completion_rate / 2, 3)"`',
    ]);
  });

  it('covers nested calls, and a per-unit count', () => {
    const nested = BASE.replace('payout:\n', 'derived:\n  m: { expr: min(completion_rate, max(0.1, 0.2)) }\npayout:\n');
    expect(problems(nested).map((p) => p[2])).toEqual([
      'quote the expression: `"min(completion_rate, max(0.1, 0.2))"`',
    ]);
  });

  it('leaves a quoted formula, and one in block style, alone', () => {
    const quoted = BASE.replace(
      'payout:\n',
      'derived:\n  half: { expr: "round(completion_rate / 2, 3)", label: 半完播 }\npayout:\n',
    );
    expect(problems(quoted)).toEqual([]);
    const block = BASE.replace('payout:\n', 'derived:\n  half:\n    expr: round(completion_rate / 2, 3)\npayout:\n');
    expect(problems(block)).toEqual([]);
  });
});

describe('an unquoted conditional', () => {
  it('is named at the formula in block style', () => {
    const text = BASE.replace(
      /performance_pay: .*/,
      'performance_pay: score > 100 ? pay_base : pay_base * score / 100',
    );
    expect(problems(text)).toEqual([
      [
        'yaml_unquoted_expression',
        'the formula `score > 100 ? pay_base : pay_base * score / 100` is read as a key and a value: YAML takes `: ` as the end of a key',
        'quote the expression: `"score > 100 ? pay_base : pay_base * score / 100"`',
        lineOf(text, 'performance_pay:'),
        20,
      ],
    ]);
  });

  it('is named inside { … }, up to the next comma', () => {
    const text = BASE.replace(
      'payout:\n',
      'derived:\n  big: { expr: max_video_plays > 1000000 ? 1 : 0, label: 爆款 }\npayout:\n',
    );
    expect(problems(text).map((p) => [p[0], p[2], p[3], p[4]])).toEqual([
      [
        'yaml_unquoted_expression',
        'quote the expression: `"max_video_plays > 1000000 ? 1 : 0"`',
        lineOf(text, 'big: {'),
        16,
      ],
    ]);
  });

  it('leaves other nested-mapping mistakes to the YAML message', () => {
    const text = BASE.replace('title: 爆款奖励', 'title: 爆款: 奖励');
    expect(problems(text).map((p) => p[0])).toEqual(['yaml_block_as_implicit_key']);
  });
});
