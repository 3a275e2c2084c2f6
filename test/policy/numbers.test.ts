// Numbers a policy can use: finite, exact (at most 2^53 − 1) and, for money, at most ¥100,000,000
// per person (docs/policy-language.md, "Numbers"). Every numeric position is checked on the YAML
// nodes, so `.nan` or `.inf` anywhere is an error at its own line and column — before this check
// they validated "ok" and changed pay (E1 of the worked example: ¥5,654.08 → ¥4,198.40 with
// `range: [ 0, .nan ]`).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { main } from '../../node/cli/main.js';

const WORKED = readFileSync('docs/worked-example.yaml', 'utf8');

function problems(from: string, to: string) {
  expect(WORKED).toContain(from);
  const r = loadPolicy(WORKED.replace(from, to), 'w.yaml');
  expect(r.ok).toBe(false);
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.message]);
}

const NOT_A_NUMBER = (w: string) => `\`${w}\` is not a number: a policy can only use finite numbers`;
const INFINITE = (w: string) => `\`${w}\` is infinite: a policy can only use finite numbers`;

describe('non-finite numbers are errors where they are written', () => {
  // positions counted by hand in docs/worked-example.yaml (columns count characters)
  it.each([
    ['a range', 'range: [ 0, 100 ]', 'range: [ 0, .nan ]', '7:59', NOT_A_NUMBER('.nan')],
    ['a default', 'unit: count }\nstages', 'unit: count, default: .nan }\nstages', '8:59', NOT_A_NUMBER('.nan')],
    ['a threshold', 'threshold: 0.30', 'threshold: .NaN', '27:20', NOT_A_NUMBER('.NaN')],
    ['a challenge', 'challenge: 0.50', 'challenge: .inf', '29:20', INFINITE('.inf')],
    ['a pay base', 'pay_base: 4000', 'pay_base: .Inf', '15:15', INFINITE('.Inf')],
    ['a condition value', 'value: 1000000', 'value: -.inf', '38:84', INFINITE('-.inf')],
    ['a number beyond a double', 'points: 5', 'points: 1e400', '39:13', INFINITE('1e400')],
  ])('in %s', (_where, from, to, at, message) => {
    expect(problems(from, to)).toEqual([[at, 'policy_number_not_finite', message]]);
  });

  it('a number too large to be exact', () => {
    expect(problems('pay_base: 4000', 'pay_base: 12345678901234567890')).toEqual([
      [
        '15:15',
        'policy_number_too_large',
        '`12345678901234567890` is too large to be exact: numbers in a policy are at most 9007199254740991 (2^53 − 1)',
      ],
    ]);
    expect(problems('pay_base: 4000', 'pay_base: 1e17')).toEqual([
      [
        '15:15',
        'policy_number_too_large',
        '`1e17` is too large to be exact: numbers in a policy are at most 9007199254740991 (2^53 − 1)',
      ],
    ]);
  });

  it('a number in a formula, at the number', () => {
    // `  performance_pay: pay_base * ` is 30 characters: `1e400` at 47:31
    expect(problems('performance_pay: pay_base * min(score, 120) / 100', 'performance_pay: pay_base * 1e400')).toEqual([
      ['47:31', 'policy_number_not_finite', INFINITE('1e400')],
    ]);
  });

  it('yardstick validate prints file:line:col and a help, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-numbers-'));
    const file = join(dir, 'w.yaml');
    writeFileSync(file, WORKED.replace('range: [ 0, 100 ]', 'range: [ 0, .nan ]'));
    const stderr: string[] = [];
    const code = await main(['validate', file, '--lang', 'en'], { stdout: () => {}, stderr: (s) => stderr.push(s) });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      `${file}:7:59: error[policy_number_not_finite]: \`.nan\` is not a number: a policy can only use finite numbers\n  help: write an ordinary number such as \`0.05\` or \`6000\` (YAML reads \`.nan\`, \`.inf\`, \`-.inf\` and numbers beyond about 1e308 as not-a-number or infinity)`,
    );
  });
});

describe('money in a policy is at most ¥100,000,000 per person', () => {
  it.each([
    [
      'a pay base',
      'pay_base: 4000',
      'pay_base: 100000001',
      '15:15',
      '`roles.director.pay_base` must be <= 100000000, got `100000001`',
    ],
    [
      'an award',
      'award: 1000',
      'award: 100000001',
      '40:12',
      '`adjustments.viral_hit.award` must be <= 100000000, got `100000001`',
    ],
  ])('%s above it is refused', (_what, from, to, at, message) => {
    expect(problems(from, to)).toEqual([[at, 'schema_range', message]]);
  });

  it('exactly ¥100,000,000 is allowed', () => {
    expect(loadPolicy(WORKED.replace('pay_base: 4000', 'pay_base: 100000000'), 'w.yaml').ok).toBe(true);
  });
});

describe('weights that miss 100 by a hair say by how much', () => {
  // docs/worked-example.yaml: output 40/30, completion 40, attitude 20/30 (startup/mature)
  const WEIGHTS = (sum: string) =>
    ['startup', 'mature'].map((stage) => [
      '16:5',
      'policy_weights_sum',
      `weights of \`roles.director.indicators\` sum to ${sum} for stage \`${stage}\`, not 100`,
    ]);

  it('40.0000001 makes 100.0000001, shown as such, not as "100, not 100"', () => {
    expect(problems('weight: 40\n', 'weight: 40.0000001\n')).toEqual(WEIGHTS('100.0000001'));
  });

  it('39.999 makes 99.999', () => {
    expect(problems('weight: 40\n', 'weight: 39.999\n')).toEqual(WEIGHTS('99.999'));
  });

  it('40.0000000001 makes 100.0000000001: refused, though it is within 1e-9 of 100', () => {
    // before, a tolerance of 1e-9 for binary noise let a sum off by 1e-10 pass as 100
    expect(problems('weight: 40\n', 'weight: 40.0000000001\n')).toEqual(WEIGHTS('100.0000000001'));
  });

  it('weights whose doubles do not add up to 100 are still 100 as written: 33.3 + 33.3 + 33.4, 0.1 + 0.2 + 99.7', () => {
    // in binary 0.1 + 0.2 is 0.30000000000000004; the weights as written add up to exactly 100
    const thirds = WORKED.replace('weight: { startup: 40, mature: 30 }', 'weight: { startup: 33.3, mature: 0.1 }')
      .replace('weight: 40\n', 'weight: { startup: 33.3, mature: 0.2 }\n')
      .replace('weight: { startup: 20, mature: 30 }', 'weight: { startup: 33.4, mature: 99.7 }');
    expect([0.1, 0.2, 99.7].every((w) => thirds.includes(`mature: ${w} }`))).toBe(true);
    expect(loadPolicy(thirds, 'w.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('integers YAML readers disagree on are refused where they are written', () => {
  const AMBIGUOUS = (w: string) =>
    `\`${w}\` is not a plain decimal number: YAML readers disagree on what it is (\`0x\` is hexadecimal, \`0o\` octal, and a leading 0 octal to YAML 1.1 readers)`;
  // positions counted by hand in docs/worked-example.yaml: `pay_base: ` ends at column 14 of line 15
  it.each([
    // 0x10 is 16 in YAML 1.2 and text in YAML 1.1; before, it paid on a pay base of ¥16
    ['hexadecimal', 'pay_base: 0x10', '15:15', '0x10', '16'],
    ['octal', 'pay_base: 0o17', '15:15', '0o17', '15'],
    // 04000 is 4000 here but 2048 (octal) to PyYAML
    ['a leading zero', 'pay_base: 04000', '15:15', '04000', '4000'],
  ])('%s', (_what, to, at, written, decimal) => {
    expect(problems('pay_base: 4000', to)).toEqual([[at, 'policy_number_ambiguous', AMBIGUOUS(written)]]);
    const r = loadPolicy(WORKED.replace('pay_base: 4000', to), 'w.yaml');
    expect(r.diagnostics[0]?.help).toBe(
      `write it in decimal without leading zeros: \`${decimal}\` if that is the number meant`,
    );
  });

  it('a leading zero in a step', () => {
    // `min: 032` in the first step of `output`: line 21, `          - { min: ` is 19 characters
    const r = loadPolicy(WORKED.replace('min: 32,', 'min: 032,'), 'w.yaml');
    expect(r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.help])).toEqual([
      [
        '21:20',
        'policy_number_ambiguous',
        'write it in decimal without leading zeros: `32` if that is the number meant',
      ],
    ]);
  });

  it('decimal numbers in every spelling YAML 1.2 and 1.1 agree on are read as written', () => {
    for (const written of ['4000', '+4000', '4000.0', '4000.', '4e3']) {
      const r = loadPolicy(WORKED.replace('pay_base: 4000', `pay_base: ${written}`), 'w.yaml');
      expect(r.ok ? r.policy.roles.director?.payBase : r.diagnostics).toBe(4000);
    }
    // `0.30` and `.5` have a leading zero or none before the point: fractions, not octal
    expect(loadPolicy(WORKED.replace('challenge: 0.50', 'challenge: .5'), 'w.yaml').ok).toBe(true);
  });
});

describe('a number with more digits than a double holds', () => {
  it('is refused where it is written, with the number it would be read as', () => {
    // 80.999999999999999 (15 nines after the point) is the double 81: a threshold silently 81
    expect(problems('threshold: 0.30', 'threshold: 80.999999999999999')).toEqual([
      [
        '27:20',
        'policy_number_inexact',
        '`80.999999999999999` has more digits than a number can hold exactly: it would be read as 81',
      ],
    ]);
  });

  it.each([['0.30'], ['0.3'], ['3e-1'], ['.3'], ['+0.3'], ['0.300000']])(
    'a decimal a double holds as written is accepted: %s',
    (written) => {
      const r = loadPolicy(WORKED.replace('threshold: 0.30', `threshold: ${written}`), 'w.yaml');
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );
});
