// One row per livestream session (场次), summed into the month's 直播间GMV by a data mapping and
// scored by `yardstick run`, worked out by hand from docs/events.md: a session that starts at 23:30
// on 31 October and ends in November, a session written in UTC that is 1 October in Shanghai, a
// refund booked as a minus row under its session's id further down, a session exported twice, one
// host's id written `Ｅ３` and `E3`, a November session, and the export's 合计 row.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: spec-events
title: 直播场次汇总
version: 1.0.0
metrics:
  gmv: { label: 直播间GMV, unit: money }
stages:
  s: { title: 常规 }
roles:
  host:
    title: 主播
    pay_base: 2000
    indicators:
      sales: { metric: gmv, threshold: 20000, target: 50000, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const ROSTER =
  '工号,姓名,岗位,团队,阶段\nE1,甲,主播,直播一组,常规\nE2,乙,主播,直播一组,常规\nE3,丙,主播,直播一组,常规\n';

// spreadsheet rows 2–10
const SESSIONS = `主播工号,场次ID,开播时间,下播时间,实付金额
E1,S1,2026-10-31 23:30,2026-11-01 00:40,"30,000"
E1,S2,2026-09-30T16:10:00Z,2026-09-30T18:00:00Z,2万
E2,S3,2026-10-15 20:00,2026-10-15 22:00,50000
E2,S3,2026-10-15 20:00,2026-10-15 22:00,50000
E1,S1,2026-10-31 23:59,2026-11-01 00:10,-5000
Ｅ３,S5,2026-10-10 10:00,2026-10-10 12:00,10000
E3,S6,2026-10-11 10:00,2026-10-11 12:00,20000
E3,S7,2026-11-01 00:05,2026-11-01 01:00,90000
合计,,,,"215,000"
`;

const mapping = (rowId: string) => `period: 2026-10
roster: { file: roster.csv }
events:
  - file: sessions.csv
    key: { column: 主播工号, roster: 工号 }
    time: 开播时间
${rowId}    metrics:
      直播间GMV: { agg: sum, column: 实付金额, negatives: allow }
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-sessions-'));
writeFileSync(join(dir, 'p.yaml'), POLICY);
writeFileSync(join(dir, 'roster.csv'), ROSTER);
writeFileSync(join(dir, 'sessions.csv'), SESSIONS);
writeFileSync(join(dir, 'every-row.data.yaml'), mapping(''));
writeFileSync(join(dir, 'by-id.data.yaml'), mapping('    row_id: 场次ID\n'));

const run = (m: string, ...more: string[]) =>
  yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, m), '--lang', 'en', '--format', 'csv', ...more);

const TOTALS_ROW =
  'sessions.csv:10: warning[data_totals_row]: row 10 is a totals row (`合计`), not an employee, and is skipped';
const SPELLINGS =
  'sessions.csv:8: error[data_event_key_spellings]: the key of E3 is written 2 ways in `主播工号` (rows of the month: `Ｅ３` ×1, `E3` ×1), and each is aggregated apart';

describe('sessions summed into the month, every row counted', () => {
  // E1: S1 starts 31 Oct 23:30 → October (time: 开播时间) 30,000; S2 2026-09-30T16:10Z is
  //   1 Oct 00:10 in Shanghai → October, 2万 = 20,000; the refund row −5,000 (31 Oct 23:59) nets out:
  //   45,000 → 60 + 40 × 25,000 / 30,000 = 93.333… → 93.33 (A) → 2,000 × 93.33 % = ¥1,866.60
  // E2: S3 twice (no row_id: two sessions) 100,000 → 60 + 40 × 80,000 / 30,000 = 166.67, the cap
  //   120 (no challenge: the line continues up to the cap) → ¥2,400.00
  // E3: `Ｅ３` (row 7) and `E3` (row 8) aggregated apart → left out; S7 is November's anyway.
  // 合计 (row 10) is skipped with a note.
  it('pays E1 on 45,000 and E2 on 100,000, and leaves E3 out at row 8', async () => {
    const r = await run('every-row.data.yaml', '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout.split(/\r?\n/).slice(1, 4)).toEqual([
      'E1,甲,直播一组,主播,常规,93.33,93.33,A,,1866.60,payable,,',
      'E2,乙,直播一组,主播,常规,120,120,A,,2400.00,payable,,',
      '',
    ]);
    const err = r.stderr.split('\n');
    expect(err).toContain(TOTALS_ROW);
    expect(err).toContain(SPELLINGS);
    expect(err).toContain('  at row 8, column `主播工号`, value `E3`');
  });

  it('refuses the month without --exclude-invalid, exit 1', async () => {
    expect((await run('every-row.data.yaml')).code).toBe(1);
  });
});

describe('sessions told apart by 场次ID', () => {
  // row_id: 场次ID makes S3's second row (5) a repeat of row 4 — and E1's refund (row 6) a repeat of
  // S1 (row 2): a refund booked under its session's id cannot be told from a repeated row
  // (docs/events.md: leave row_id out then). E1, E2 and E3 are all left out: nobody fits.
  it('leaves everyone out, and still says row 10 was a totals row', async () => {
    const r = await run('by-id.data.yaml', '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const err = r.stderr.split('\n');
    expect(err.filter((l) => /^(sessions\.csv|error)/.test(l))).toEqual([
      // it was not printed when nobody fitted, while a month that fits prints it
      TOTALS_ROW,
      'error: 3 record(s) have data problems, and nothing is written:',
      'sessions.csv:6: error[data_event_cell]: `S1` in `场次ID` is the id of row 2 too: the row is repeated, and would count twice',
      'sessions.csv:5: error[data_event_cell]: `S3` in `场次ID` is the id of row 4 too: the row is repeated, and would count twice',
      SPELLINGS,
      `error: no record in \`${join(dir, 'by-id.data.yaml')}\` fits the policy \`spec-events\``,
    ]);
  });
});

describe('the month given twice', () => {
  // The mapping says `period: 2026-10`; `--period 2026-11` ran November from these October exports
  // without a word: only S7 (1 Nov 00:05) was in the month, E3 paid ¥2,400.00 on 90,000 and E1 and
  // E2 ¥0.00. Which month the files are for cannot be told: refused, exit 2.
  it('is refused when --period names another month than the mapping', async () => {
    const r = await run('every-row.data.yaml', '--exclude-invalid', '--period', '2026-11');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: ${join(dir, 'every-row.data.yaml')}: the mapping is for \`period: 2026-10\`, but \`--period\` says 2026-11\n  help: leave \`--period\` out to run the month the mapping names, or change \`period:\` in the mapping`,
    );
  });

  it("is refused by `data sql` too, which wrote November's statement from October's exports", async () => {
    const r = await yardstick('data', 'sql', join(dir, 'every-row.data.yaml'), '--lang', 'en', '--period', '2026-11');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: ${join(dir, 'every-row.data.yaml')}: the mapping is for \`period: 2026-10\`, but \`--period\` says 2026-11\n  help: leave \`--period\` out to run the month the mapping names, or change \`period:\` in the mapping`,
    );
    const same = await yardstick('data', 'sql', join(dir, 'every-row.data.yaml'), '--period', '2026年10月');
    const plain = await yardstick('data', 'sql', join(dir, 'every-row.data.yaml'));
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(plain.stdout);
  });

  it('runs as the mapping says when --period is the same month written another way (2026年10月)', async () => {
    const same = await run('every-row.data.yaml', '--exclude-invalid', '--period', '2026年10月');
    const plain = await run('every-row.data.yaml', '--exclude-invalid');
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(plain.stdout);
  });
});
