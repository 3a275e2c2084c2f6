// A value outside the schema's bounds is said in Chinese in a Chinese message: the bound and the
// value written, never ajv's English (`超出允许范围（must be >= 0, got \`-1\`）` before); and the
// help for a missing key says 请添加 in Chinese (it said `提示：add \`rounding:\` — …` before).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, localise } from '../../engine/index.js';

const BASE = readFileSync('docs/worked-example.yaml', 'utf8');

function problems(from: string, to: string) {
  const text = BASE.replace(from, to);
  expect(text).not.toBe(BASE);
  return loadPolicy(text, 'p.yaml').diagnostics.map((d) => [
    d.code,
    d.span?.line,
    d.span?.column,
    localise(d, 'zh').message,
    localise(d, 'en').message,
  ]);
}

describe('a schema bound in a Chinese message', () => {
  it('a minimum: 须 ≥ 0, with the value written', () => {
    expect(problems('pay_base: 4000', 'pay_base: -1')).toEqual([
      // `    pay_base: ` is 14 characters
      [
        'schema_range',
        15,
        15,
        '`roles.director.pay_base` 超出允许范围（须 ≥ 0，实为 `-1`）',
        '`roles.director.pay_base` must be >= 0, got `-1`',
      ],
    ]);
  });

  it('a maximum: 须 ≤ 4', () => {
    expect(problems('payout:\n', 'score: { decimals: 7 }\npayout:\n')).toEqual([
      // inserted where payout: was, line 46; `score: { decimals: ` is 19 characters
      [
        'schema_range',
        46,
        20,
        '`score.decimals` 超出允许范围（须 ≤ 4，实为 `7`）',
        '`score.decimals` must be <= 4, got `7`',
      ],
    ]);
  });

  it('too few items: 至少需要 1 项', () => {
    expect(problems('      - { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2 }', '      []')).toEqual([
      [
        'schema_range',
        51,
        7,
        '`payout.tiers.bands` 超出允许范围（至少需要 1 项）',
        '`payout.tiers.bands` must NOT have fewer than 1 items',
      ],
    ]);
  });

  it('a duplicate item: 第 2 项与第 1 项相同', () => {
    expect(
      problems(
        'completion_rate: { label: 完播率, unit: ratio }',
        'completion_rate: { label: 完播率, unit: ratio, aliases: [完播, 完播] }',
      ),
    ).toEqual([
      [
        'schema_uniqueitems',
        6,
        56,
        '`metrics.completion_rate.aliases` 中有重复项（第 2 项与第 1 项相同）',
        '`metrics.completion_rate.aliases` must NOT have duplicate items (items ## 1 and 0 are identical)',
      ],
    ]);
  });

  it('a missing key: 请添加, then the description of the key as the schema writes it', () => {
    const text = BASE.replace('  rounding: { to: 0.01, mode: half_up }\n', '');
    const [d] = loadPolicy(text, 'p.yaml').diagnostics;
    const description =
      '每一行金额的舍入规则；合计等于各行之和。 / Rounding applied to every payout line; the total is the sum of lines.';
    expect([d!.code, d!.span?.line, d!.span?.column]).toEqual(['schema_missing_key', 46, 1]);
    expect(localise(d!, 'zh')).toEqual({
      message: '`payout` 缺少必填键 `rounding`',
      help: `请添加 \`rounding:\` — ${description}`,
    });
    expect(localise(d!, 'en')).toEqual({
      message: '`payout` is missing required key `rounding`',
      help: `add \`rounding:\` — ${description}`,
    });
  });
});

// A problem at the top of the policy — a misspelt top-level key, a missing section — names the
// policy in the message's language: it said 「`the policy` 中有未知的键 `budgte`」 in Chinese, the
// default, for the commonest slip of all.
describe('a problem at the top of the policy', () => {
  it('a misspelt top-level key, at its line and column', () => {
    // written above `grades:`, line 41 of the example: the new line is 41, column 1
    expect(problems('grades:\n', 'budgte: { total: 700000 }\ngrades:\n')).toEqual([
      ['schema_unknown_key', 41, 1, '`政策` 中有未知的键 `budgte`', 'unknown key `budgte` in `the policy`'],
    ]);
  });

  it('a missing section: the grades, heading and four grades gone', () => {
    const [grades] = BASE.match(/^grades:\n(?: {2}- .*\n)+/m)!;
    expect(problems(grades, '').map(([code, , , zh, en]) => [code, zh, en])).toEqual([
      ['schema_missing_key', '`政策` 缺少必填键 `grades`', '`the policy` is missing required key `grades`'],
    ]);
  });
});
