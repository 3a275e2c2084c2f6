// `diff`'s terminal report prints names, teams and policy text from files anyone can edit: a
// control character in them must not reach the terminal. An escape sequence (`ESC[2J` clears the
// screen, `ESC[31m` colours it) or a carriage return (which moves back over the line, so the text
// after it overprints the pay a reviewer reads) is shown as the text it is: a control character as
// `\u001b`, a line break or carriage return as a space (text-table.ts `cellText`, as `run` does).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy } from '../money/month.js';
import { yardstick } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-term-'));
  // a ¥1,000 award at rating 90 and above, raised to ¥1,200
  writeFileSync(join(dir, 'old.yaml'), moneyPolicy('', { award: true }));
  writeFileSync(
    join(dir, 'new.yaml'),
    moneyPolicy('', { award: true }).replace('version: 1.0.0', 'version: 1.1.0').replace('award: 1000', 'award: 1200'),
  );
  writeFileSync(
    join(dir, 'd.csv'),
    '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV\n' +
      'E1,"A\u001b[31mRED\u001b[0m\rX",主播,"一\u001b[2J组",常规,2026-10,90.33,0\n' +
      'E2,"乙\n假行",主播,一组,常规,2026-10,95,0\n',
  );
});

describe('diff in the terminal', () => {
  it('shows control characters in names and teams as text, never sends them', async () => {
    const at = (name: string) => join(dir, name);
    const r = await yardstick('diff', at('old.yaml'), at('new.yaml'), '--data', at('d.csv'), '--lang', 'zh');
    expect(r.code).toBe(0);
    // E1: 10,000 × 90.33 / 100 = ¥9,033.00 + the award ¥1,000 → ¥10,033.00; with ¥1,200 → ¥10,233.00
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    团队 一\\u001b[2J组: ¥10,033.00 → ¥10,233.00');
    expect(lines).toContain(
      '    E1 A\\u001b[31mRED\\u001b[0m X 一\\u001b[2J组: A → A, ¥10,033.00 → ¥10,233.00 (+¥200.00)',
    );
    // E2: ¥9,500.00 + ¥1,000 → ¥10,500.00, then ¥10,700.00: the line break in the name starts no line
    expect(lines).toContain('    E2 乙 假行 一组: A → A, ¥10,500.00 → ¥10,700.00 (+¥200.00)');
    expect(lines.filter((l) => l.startsWith('假行'))).toEqual([]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(r.stdout).not.toMatch(/[\u001b\r]/);
  });
});
