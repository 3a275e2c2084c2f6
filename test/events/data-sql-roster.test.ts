// `data sql --explain` reads the mapping's roster as the run does: a roster workbook whose 团队 is
// merged over its members (E2 and E3 read with no team, the rows below the first empty) is refused at
// the range, exit 1, instead of explained as if it were fine. And a session exported at 24:00:00.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedRanges, workbookWith, xlsxText as text } from '../builders.js';
import { yardstick } from '../yardstick.js';
import { folder } from './build.js';

/** The events tests' roster (E1–E3 of 一组) as a workbook, 团队 merged down D2:D4 as HR sheets group it. */
async function mergedRoster(): Promise<Uint8Array> {
  const rows = [
    ['工号', '姓名', '岗位', '团队', '阶段', '抖音账号'],
    ['E1', '甲', '编导', '一组', 'startup', 'acc_a'],
    ['E2', '乙', '编导', '', 'startup', 'acc_b'],
    ['E3', '丙', '编导', '', 'startup', 'acc_c'],
  ].map((r) => r.map(text));
  return workbookWith(rows, { sheet: mergedRanges('D2:D4') });
}

/** A month of sessions.csv (开播时间, 观看人数) summed per person, joined to `roster`. */
const sessionsMapping = (roster: string) =>
  `period: 2026-10\nroster: { file: ${roster} }\nevents:\n  - file: sessions.csv\n    time: 开播时间\n    metrics:\n      场观: { agg: sum, column: 观看人数 }\n`;

describe('data sql --explain and the roster', () => {
  it('refuses a roster with cells merged down several rows, as the run does', async () => {
    const dir = folder({
      'roster.xlsx': await mergedRoster(),
      'sessions.csv': '工号,开播时间,观看人数\nE1,2026-10-05 20:00,100\nE2,2026-10-06 20:00,200\n',
      'm.yaml': sessionsMapping('roster.xlsx'),
    });
    const r = await yardstick('data', 'sql', join(dir, 'm.yaml'), '--explain', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'roster.xlsx:2: error[data_xlsx_unreadable]: the cells D2:D4 are merged: Excel shows `一组` on rows 2 to 4, but only row 2 holds it\n' +
        '  at sheet `Sheet1`, row 2, column `团队`, value `一组`\n',
    );
  });
});

describe('a session at 24:00:00', () => {
  // DuckDB reads `2026-10-31 24:00:00` as 2026-11-01 00:00, so the session the export dates 31
  // October left October without a word; 24:00 is the end of one day and the start of the next, so
  // which month it counts in cannot be told: it is refused at its cell. A minute 24 (`20:24:00`) is
  // an ordinary time: 200 + 300 + 5 = 505 viewers.
  const files = (sessions: string) =>
    folder({
      'roster.csv': '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\n',
      'sessions.csv': sessions,
      'm.yaml': [
        'period: 2026-10',
        'roster: { file: roster.csv }',
        'events:',
        '  - file: sessions.csv',
        '    time: 开播时间',
        '    metrics:',
        '      场观: { agg: sum, column: 观看人数 }',
        '',
      ].join('\n'),
    });

  it('is refused at its cell, not counted in November without a word', async () => {
    const dir = files('工号,开播时间,观看人数\nE1,2026-10-31 24:00:00,100\nE1,2026-10-06 20:00,200\n');
    const r = await yardstick('data', 'sql', join(dir, 'm.yaml'), '--explain', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'sessions.csv:2: error[data_event_cell]: `2026-10-31 24:00:00` in `开播时间` is at 24:00, the end of one day and the start of the next: which day, and so which month, it counts in cannot be told\n' +
        '  at row 2, column `开播时间`, value `2026-10-31 24:00:00`\n' +
        "  help: write it as the day's 23:59:59 or as 00:00 of the next day, whichever is meant; the employee cannot be scored on this source until then",
    );
  });

  it('reads a minute 24 as any other time, with or without an offset', async () => {
    const dir = files(
      '工号,开播时间,观看人数\nE1,2026-10-06 20:24:00,200\nE1,2026-10-07T20:24:00+08:00,300\nE1,2026-10-31 23:24:00,5\n',
    );
    const r = await yardstick('data', 'sql', join(dir, 'm.yaml'), '--explain', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  E1 (E1): 3 row(s) in the month\n    场观 = 505 over 3 row(s)');
  });
});

describe('data sql --explain for an employee whose cells cannot be read', () => {
  // E1's two sessions write 观看人数 `1 234` and `12,34` (no number either way: refused at their
  // cells); `--explain` printed `场观 = 0 over 2 row(s)` for E1, a figure the run never uses
  it('says it is not aggregated, with how many problems, instead of a sum of the readable rows', async () => {
    const dir = folder({
      'roster.csv': '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\nE2,乙,编导,一组,startup\n',
      'sessions.csv':
        '工号,开播时间,观看人数\nE1,2026-10-05 20:00,1 234\nE1,2026-10-06 20:00,"12,34"\nE2,2026-10-06 20:00,200\n',
      'm.yaml': sessionsMapping('roster.csv'),
    });
    const r = await yardstick('data', 'sql', join(dir, 'm.yaml'), '--explain', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '  E1 (E1): 2 row(s) in the month, not aggregated: 2 problem(s) in its rows (listed on stderr), so the run leaves this employee out\n  E2 (E2): 1 row(s) in the month\n    场观 = 200 over 1 row(s)',
    );
    expect(r.stderr).toContain('sessions.csv:3: error[data_event_cell]');
  });
});
