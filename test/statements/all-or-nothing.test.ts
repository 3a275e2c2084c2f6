// `yardstick statements --out DIR` writes the folder whole or not at all: every page is written to a
// temporary file first and renamed into place only when all are written. A statement that could not
// be written used to leave the ones before it new beside last month's index.html.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROLLUP_MONTHLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

// three people of the roll-up tests' monthly policy (pay = ¥1,000 × rating / 100)
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-statements-'));
  writeFileSync(join(dir, 'p.yaml'), ROLLUP_MONTHLY);
  writeFileSync(
    join(dir, 'd.csv'),
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-08,90\nE2,乙,staff,一组,only,2026-08,85\nE3,丙,staff,一组,only,2026-08,70\n',
  );
  const out = join(dir, 'out');
  mkdirSync(out);
  // last month's index is there
  writeFileSync(join(out, 'index.html'), 'last month');
  const run = () =>
    yardstick(
      'statements',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'd.csv'),
      '--out',
      out,
      '--ledger',
      join(dir, 'l.db'),
    );
  return { out, run };
}

it('a statement whose file name is taken by a folder writes nothing, and says so of the statements', async () => {
  const { out, run } = folder();
  mkdirSync(join(out, 'E2.html'));
  const r = await run();
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: cannot write statements to \`${out}\`: \`E2.html\` in it is not a file, so that statement cannot be written; nothing was written`,
  );
  // no E1.html, no temporary file, last month's index untouched
  expect(readdirSync(out).sort()).toEqual(['E2.html', 'index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last month');
});

it('nor does one whose name is a link to a device', async () => {
  const { out, run } = folder();
  symlinkSync('/dev/null', join(out, 'E3.html'));
  const r = await run();
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: cannot write statements to \`${out}\`: \`E3.html\` in it is not a file, so that statement cannot be written; nothing was written`,
  );
  expect(readdirSync(out).sort()).toEqual(['E3.html', 'index.html']);
});

it('writes every statement and the index when it can', async () => {
  const { out, run } = folder();
  const r = await run();
  expect(r.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['E1.html', 'E2.html', 'E3.html', 'index.html']);
  // E2: 1000 × 85 / 100 = ¥850.00
  expect(readFileSync(join(out, 'E2.html'), 'utf8')).toContain(
    '<tr class="group"><td>合计</td><td class="num">¥850.00</td></tr>',
  );
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<h1>月度考核 · 绩效结果汇总</h1>');
});
