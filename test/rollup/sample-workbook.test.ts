// A roll-up policy's test case scores its `sample:` months with the monthly policy. Each data file
// is read as `yardstick run` reads it: a workbook (.xlsx) as a workbook and a tab-separated `.tsv`
// by its header's tab, not as comma-separated text (a workbook read as text was refused for its
// bytes, or gave no rows, and the case failed on an employee "not rolled up").
//
// Monthly: score = the rating (scoring: rating, range 0–100), A+ ≥ 90, A ≥ 60.
// Quarterly: avg_score = the average of the months' scores; 优秀 ≥ 90; the award ¥3,000 needs two A+ months.
//   E1: July 95 (A+), August 91 (A+) → (95 + 91) / 2 = 93 → 优秀, two A+ months → ¥3,000
//   E2: July 70 (A),  August 92 (A+) → (70 + 92) / 2 = 81 → 合格, one A+ month  → ¥0

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY as MONTHLY, ROLLUP_QUARTERLY as QUARTERLY, workbookWith, xlsxText } from '../builders.js';
import { yardstick } from '../yardstick.js';

const HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '评分'];
const row = (id: string, period: string, rating: number) => [id, `员工${id}`, '员工', '一组', '常规', period, rating];

const TESTS = (files: string[]) => `cases:
  - name: 两个样本月
    period: 2026-Q3
    sample:
      policy: monthly.yaml
      data: [ ${files.join(', ')} ]
    expect:
      E1: { score: 93, grade: 优秀, payout: 3000, facts: { a_plus_months: 2 } }
      E2: { score: 81, grade: 合格, payout: 0, facts: { a_plus_months: 1 } }
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-sample-'));
  writeFileSync(join(dir, 'monthly.yaml'), MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), QUARTERLY);
  const sheet = (rows: (string | number)[][]) =>
    workbookWith(rows.map((r) => r.map((v) => (typeof v === 'number' ? { value: v, type: Number } : xlsxText(v)))));
  writeFileSync(join(dir, '2026-07.xlsx'), await sheet([HEADER, row('E1', '2026-07', 95), row('E2', '2026-07', 70)]));
  writeFileSync(join(dir, '2026-08.xlsx'), await sheet([HEADER, row('E1', '2026-08', 91), row('E2', '2026-08', 92)]));
  writeFileSync(
    join(dir, '2026-08.tsv'),
    [HEADER, row('E1', '2026-08', 91), row('E2', '2026-08', 92)].map((r) => r.join('\t')).join('\n'),
  );
});

describe('a roll-up test case whose sample months are workbooks', () => {
  it('reads each workbook as run does, and the case passes', async () => {
    writeFileSync(join(dir, 'quarterly.test.yaml'), TESTS(['2026-07.xlsx', '2026-08.xlsx']));
    const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('reads a tab-separated .tsv month by its header’s tab beside a workbook', async () => {
    writeFileSync(join(dir, 'quarterly.test.yaml'), TESTS(['2026-07.xlsx', '2026-08.tsv']));
    const r = await yardstick('test', join(dir, 'quarterly.yaml'), '--lang', 'en');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});
