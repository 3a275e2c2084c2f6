// What a data file holds reaches the terminal as text, never as terminal commands: a name or a cell
// with ESC, a bidi override or a line break (Alt+Enter in Excel) is shown escaped or as a space, and
// the table stays one row per employee.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../engine/index.js';
import { alignTable, cellText } from '../../node/cli/format/text-table.js';
import { main } from '../../node/cli/main.js';
import { yardstick } from '../yardstick.js';
import { ONE_RATING_POLICY } from '../builders.js';

describe('visibleText', () => {
  it('writes ESC, DEL, a C1 control and U+202E as \\u escapes and keeps ordinary text', () => {
    expect(visibleText('a\u001b[2Jb\u007fc\u0085d\u202ee 许')).toBe('a\\u001b[2Jb\\u007fc\\u0085d\\u202ee 许');
  });
  it('escapes a line break unless told to keep it', () => {
    expect(visibleText('王\n五')).toBe('王\\u000a五');
    expect(visibleText('王\n五', true)).toBe('王\n五');
  });
});

describe('cellText and alignTable', () => {
  it('turns a line break or tab into a space and escapes other controls', () => {
    expect(cellText('王\r\n五\t六')).toBe('王 五 六');
    expect(cellText('许\u001b[31m红')).toBe('许\\u001b[31m红');
  });
  it('keeps a table of a name with a line break one line per row, aligned', () => {
    expect(
      alignTable(
        ['id', 'name'],
        [
          ['E1', '王\n五'],
          ['E2', '李'],
        ],
      ),
    ).toBe(['id  name', '──  ─────', 'E1  王 五', 'E2  李'].join('\n'));
  });
});

describe('yardstick run --format table on a name with ESC and one with a line break', () => {
  let dir: string;
  const POLICY = ONE_RATING_POLICY;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yardstick-names-'));
    writeFileSync(join(dir, 'p.yaml'), POLICY);
    writeFileSync(
      join(dir, 'm.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,"王\n五",员工,一组,常规,2026-10,80\nE2,许\u001b[2J红,员工,一组,常规,2026-10,90\n',
    );
  });
  it('prints each employee on one line, the ESC escaped', async () => {
    let stdout = '';
    const code = await main(['run', join(dir, 'p.yaml'), '--data', join(dir, 'm.csv'), '--lang', 'en'], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      errorLang: 'en',
    });
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b');
    const lines = stdout.split('\n');
    expect(lines.find((l) => l.startsWith('E1'))).toMatch(/^E1 {2}王 五 {2,}一组/);
    expect(lines.find((l) => l.startsWith('E2'))).toMatch(/^E2 {2}许\\u001b\[2J红 {2}一组/);
  });

  it('a diagnostic about a cell holding ESC shows the raw value escaped, in the message and at the cell', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,4\u001b[2J0\n',
    );
    const stderr: string[] = [];
    const code = await main(['run', join(dir, 'p.yaml'), '--data', join(dir, 'bad.csv')], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
      errorLang: 'en',
    });
    expect(code).toBe(1);
    const text = stderr.join('\n');
    expect(text).not.toContain('\u001b');
    expect(text).toContain(
      `${join(dir, 'bad.csv')}:2: error[data_not_a_number]: \`4\\u001b[2J0\` is not a number\n  at row 2, column \`评分\`, value \`4\\u001b[2J0\``,
    );
  });
});

describe('a cell of thousands of characters', () => {
  // a broken export joined a column's digits into one cell: 5,000 nines. The error names the cell by
  // its first 200 characters and its length, instead of printing every character on the terminal.
  const nines = '9'.repeat(5000);
  const shown = `\`${'9'.repeat(200)}…\` (5000 characters)`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ys-huge-cell-'));
    writeFileSync(join(dir, 'p.yaml'), ONE_RATING_POLICY);
    writeFileSync(join(dir, 'd.csv'), `工号,姓名,岗位,团队,阶段,月份,评分\nE1,张三,员工,一组,常规,2026-10,${nines}\n`);
  });

  it('run and data inspect show its start and its length', async () => {
    const run = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`  at row 2, column \`评分\`, value ${shown}\n`);
    expect(run.stderr.length).toBeLessThan(2000);
    const inspect = await yardstick('data', 'inspect', join(dir, 'd.csv'), '--policy', join(dir, 'p.yaml'));
    expect(inspect.stdout).toContain(`row 2, column 评分, value ${shown}: `);
    expect(inspect.stdout.length).toBeLessThan(2000);
  });

  it('in Chinese the length is said in Chinese', async () => {
    const run = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--lang', 'zh');
    expect(run.stderr).toContain(`  位置：第 2 行，列 \`评分\`，值 \`${'9'.repeat(200)}…\`（共 5000 个字符）\n`);
  });
});
