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

// A sample in a workbook (the month as HR keeps it, `10月.xlsx`) was read as text: the case failed
// with "the file holds NUL bytes, as UTF-16 text without its byte-order mark does", which sends the
// analyst to the wrong fix. A `.yaml` mapping was read as a CSV of one column. Both are refused at
// the case, saying what a sample is read from; a `.txt` sample (Excel's Unicode text) is read.
describe('a sample that is not a text table', () => {
  it('a workbook or a data mapping is refused at the case, saying to save the sheet as CSV', async () => {
    writeFileSync(join(dir, '10月.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'month.data.yaml'), 'roster: { file: 花名册.xlsx }\n');
    for (const sample of ['10月.xlsx', 'month.data.yaml']) {
      const { code, lines } = await cases(
        `  - name: E1 十月\n    sample: { file: ${sample}, employee: E1 }\n    expect: { score: 85 }\n`,
      );
      expect(code).toBe(1);
      expect(lines.slice(1, 4)).toEqual([
        '  ✗ E1 十月',
        `      cannot read the case: ${join(dir, 'policy.test.yaml')}: case \`E1 十月\`: the sample \`${sample}\` is not a .csv, .tsv, .txt or .json file: a case reads its row from a text table`,
        '  help: save the sheet as CSV UTF-8 (Excel: Save As → CSV UTF-8) beside the test file and name that file in `sample.file`',
      ]);
    }
  });

  it('a .txt saved as Excel’s Unicode text (UTF-16, tabs) is read: E1 in October, rating 85', async () => {
    const text = monthsCsv([['E1', '2026-10', 85]])
      .replace(/^\uFEFF/, '')
      .replaceAll(',', '\t');
    writeFileSync(join(dir, '10月.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { code, lines } = await cases(
      '  - name: E1 十月\n    sample: { file: 10月.txt, employee: E1 }\n    expect: { score: 85 }\n',
    );
    expect(lines[0]).toBe(`${join(dir, 'policy.yaml')}: 1 passed, 0 failed`);
    expect(code).toBe(0);
  });
});
