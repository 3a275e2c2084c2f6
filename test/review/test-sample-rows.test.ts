// A policy test's `sample: { file, employee }` is one row of a data file. Two ways it read another
// row than the one meant, or none:
// - a file of two months holds the employee twice: the case silently took the first row (October),
//   so a case written for November failed against October's numbers, or passed on them;
// - the schema allows a number as the id (`employee: 1002`), which never matched the id `1002`.
//
// The policy (test/money/month.ts): score = the manager's rating.
//   E1 10月 rating 85; E1 11月 rating 60; 1002 10月 rating 70.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy, monthsCsv } from '../money/month.js';
import { yardstick } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-sample-rows-'));
  writeFileSync(join(dir, 'policy.yaml'), moneyPolicy(''));
  writeFileSync(
    join(dir, 'two-months.csv'),
    monthsCsv([
      ['E1', '2026-10', 85],
      ['1002', '2026-10', 70],
      ['E1', '2026-11', 60],
    ]),
  );
});

/** `yardstick test` on the policy with these cases; its report lines. */
async function cases(yaml: string): Promise<{ code: number; lines: string[] }> {
  writeFileSync(join(dir, 'policy.test.yaml'), `cases:\n${yaml}`);
  const { code, stdout } = await yardstick('test', join(dir, 'policy.yaml'), '--lang', 'en');
  return { code, lines: stdout.split('\n') };
}

describe('a sample from a file of two months', () => {
  it('is refused without `period:`, naming the months, rather than read from the first row', async () => {
    const { code, lines } = await cases(
      '  - name: E1 十一月\n    sample: { file: two-months.csv, employee: E1 }\n    expect: { score: 60 }\n',
    );
    expect(code).toBe(1);
    expect(lines).toContain(
      `      cannot read the case: ${join(dir, 'policy.test.yaml')}: case \`E1 十一月\`: employee \`E1\` is in 2 months of \`two-months.csv\` (2026-10, 2026-11): say which with \`period:\``,
    );
  });

  it('reads the month `period:` names: November, rating 60', async () => {
    const { code, lines } = await cases(
      '  - name: E1 十一月\n    sample: { file: two-months.csv, employee: E1, period: 2026-11 }\n    expect: { score: 60 }\n',
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe(`${join(dir, 'policy.yaml')}: 1 passed, 0 failed`);
  });

  it('refuses a period that is not written as a month, at its value', async () => {
    const { lines } = await cases(
      '  - name: E1 十一月\n    sample: { file: two-months.csv, employee: E1, period: 202611 }\n    expect: { score: 60 }\n',
    );
    // line 3, column 59: the value 202611 (4 spaces, `sample: { file: two-months.csv, employee: E1, period: ` is 54 more)
    expect(lines).toContain(
      `      cannot read the case: ${join(dir, 'policy.test.yaml')}:3:59: case \`E1 十一月\`: \`period\` is \`202611\`, not a month: write it as \`2026-10\``,
    );
  });
});

describe('a sample whose id is a number', () => {
  it('finds the row of the id written as digits: 1002, rating 70', async () => {
    const { code, lines } = await cases(
      '  - name: 1002\n    sample: { file: two-months.csv, employee: 1002 }\n    expect: { score: 70 }\n',
    );
    expect(lines[0]).toBe(`${join(dir, 'policy.yaml')}: 1 passed, 0 failed`);
    expect(code).toBe(0);
  });

  it('refuses a number YAML reads as another (1002.0, 1e3), at its value', async () => {
    const { lines } = await cases(
      '  - name: 1002\n    sample: { file: two-months.csv, employee: 1002.0 }\n    expect: { score: 70 }\n',
    );
    // line 3, column 47: the value 1002.0 (4 spaces, `sample: { file: two-months.csv, employee: ` is 42 more)
    expect(lines).toContain(
      `      cannot read the case: ${join(dir, 'policy.test.yaml')}:3:47: case \`1002\`: \`employee\` is \`1002.0\`, not an employee id: write the id as the data does, in quotes (\`'1000'\`)`,
    );
  });
});
