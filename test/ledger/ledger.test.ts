// The results ledger: official periods, history facts from earlier periods, corrections kept
// beside the original, statements reproduced to the byte, and a killed run that loses nothing.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyLedgerBytes } from '../../node/cli/ledger-file.js';
import { yardstick } from '../yardstick.js';

const HEAD =
  '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,粉丝增长率,爆款数,发布视频数,引流线索数,主页访问量,播放量,点赞量,单条最高播放,违规次数';
// E1 editor: on-time 70% is below the 80% threshold (0), quality 50 → 20, hot topic 50% fails → C, 3000 × 20% = 600
// E2 ops manager: 110 × 40% + 110 × 35% + 100 × 25% = 107.5 → A+, silver: 6450 + 1290 + 1000 = 8740
const month = (period: string, quality = 50) => `${HEAD}
E1,剪辑甲,剪辑师,一组,成熟期,${period},70%,${quality},50%,,,,,,80000,2000,20000,
E2,运营乙,运营经理,一组,初创期,${period},,,,20%,3,20,60,2000,500000,10000,300000,
`;

let dir: string;
let ledger: string;
let policy: string;

const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

// the months are 2026-10 and 2026-11: the bundled policy is effective from 2026-10, and a period
// before that cannot be recorded with it
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-ledger-'));
  ledger = join(dir, '.yardstick', 'ledger.db');
  policy = join(dir, 'short-video-team.yaml');
  cpSync('policies/short-video-team.yaml', policy);
});

describe('history from the ledger', () => {
  it('C then C opens an exit review; A+ then A+ a promotion review', async () => {
    const sep = data('09.csv', month('2026-10'));
    expect((await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger)).code).toBe(0);
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-11')),
      '--format',
      'json',
      '--ledger',
      ledger,
    );
    const cards = JSON.parse(r.stdout).scorecards;
    expect(
      cards.map((c: { employee_id: string; grade: string; triggers: { id: string }[] }) => [
        c.employee_id,
        c.grade,
        c.triggers.map((t) => t.id),
      ]),
    ).toEqual([
      ['E1', 'C', ['improvement_plan', 'exit_review']],
      ['E2', 'A+', ['promotion_candidate']],
    ]);
  });

  it('without an earlier period there is no history: one C is an improvement plan only', async () => {
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-11')),
      '--format',
      'json',
      '--ledger',
      ledger,
    );
    expect(JSON.parse(r.stdout).scorecards[0].triggers.map((t: { id: string }) => t.id)).toEqual(['improvement_plan']);
  });
});

describe('recording a period', () => {
  it('refuses to record a period twice, and keeps an amendment as a correction with top-up lines', async () => {
    const sep = data('09.csv', month('2026-10'));
    await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger);
    const again = await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /error: period 2026-10 of `short-video-team` is already recorded \(run #1, v1\.2\.0, .+\)\n {2}help: to correct it, run again with --amend/,
    );
    // quality 60 instead of 50: 60 × 40% = 24 → 3000 × 24% = 720, a top-up of 120.00
    const fixed = data('09b.csv', month('2026-10', 60));
    const amend = await yardstick('run', policy, '--data', fixed, '--amend', '--ledger', ledger);
    expect(amend.code).toBe(0);
    expect(amend.stderr).toContain(
      `已记录 2026-10（short-video-team，第 2 次记录，更正）到 ${ledger}\n  补发 E1 剪辑甲: ¥600.00 → ¥720.00 (+¥120.00)`,
    );
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(
      history.stdout
        .split('\n')
        .slice(2, 4)
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '2026-10 short-video-team 1.2.0 #1 正式 20 C ¥600.00',
      '2026-10 short-video-team 1.2.0 #2 更正 24 C ¥720.00 +¥120.00',
    ]);
  });

  it("says so when a correction moves no one's pay, and still keeps it", async () => {
    const sep = data('09.csv', month('2026-10'));
    await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger);
    // the same month again: E1 ¥600.00 and E2 ¥8,740.00 both times
    const amend = await yardstick('run', policy, '--data', sep, '--amend', '--ledger', ledger, '--lang', 'en');
    expect(amend.code).toBe(0);
    expect(amend.stderr).toContain(
      `recorded 2026-10 (short-video-team, run #2, a correction) in ${ledger}\n  no one's pay changed from run #1: no top-up or clawback`,
    );
    const zh = await yardstick('run', policy, '--data', sep, '--amend', '--ledger', ledger);
    expect(zh.stderr).toContain(
      `已记录 2026-10（short-video-team，第 3 次记录，更正）到 ${ledger}\n  与第 2 次记录相比，无人应发变化：没有补发或扣回`,
    );
  });

  it('reprints a recorded statement byte for byte after the policy file changed', async () => {
    await yardstick('run', policy, '--data', data('09.csv', month('2026-10')), '--record', '--ledger', ledger);
    const oct = data('10.csv', month('2026-11'));
    const before = await yardstick('explain', policy, '--data', oct, '--employee', 'E2', '--ledger', ledger);
    await yardstick('run', policy, '--data', oct, '--record', '--ledger', ledger);
    writeFileSync(
      policy,
      readFileSync(policy, 'utf8')
        .replace('pay_base: 6000', 'pay_base: 7000')
        .replace('version: 1.2.0', 'version: 1.3.0'),
    );
    const now = await yardstick('explain', policy, '--data', oct, '--employee', 'E2', '--ledger', ledger);
    expect(now.stdout).not.toBe(before.stdout); // the policy really changed the result
    const recorded = await yardstick('explain', policy, '--period', '2026-11', '--employee', 'E2', '--ledger', ledger);
    expect(recorded.code).toBe(0);
    expect(Buffer.from(recorded.stdout)).toEqual(Buffer.from(before.stdout));
  });

  it('a run killed once the new ledger is written beside the old one, before the rename, leaves the ledger exactly as it was', async () => {
    await yardstick('run', policy, '--data', data('09.csv', month('2026-10')), '--record', '--ledger', ledger);
    const was = readFileSync(ledger);
    const nov = data('10.csv', month('2026-11'));
    const killed = spawnSync(
      'node',
      ['--import', 'tsx', 'test/ledger/killed-recorder.ts', policy, nov, ledger, 'kill'],
      { encoding: 'utf8' },
    );
    expect(killed.stderr).toBe('');
    expect(killed.signal).toBe('SIGKILL');
    // it got as far as the new file: complete and sealed, beside the ledger, 2026-11 in it
    const SQL = await initSqlJs();
    const written = readFileSync(join(dir, '.yardstick', `.ledger.db.${killed.pid}.tmp`));
    expect(verifyLedgerBytes(written, SQL)).toEqual({ ok: true });
    expect(new SQL.Database(written).exec('select period from runs order by id')[0].values).toEqual([
      ['2026-10'],
      ['2026-11'],
    ]);
    // the ledger is the file it was, still valid, without 2026-11
    expect(readFileSync(ledger).equals(was)).toBe(true);
    expect(verifyLedgerBytes(readFileSync(ledger), SQL)).toEqual({ ok: true });
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('2026-10');
    expect(history.stdout).not.toContain('2026-11');
    // the next run takes the dead run's lock over and records the month
    const again = await yardstick('run', policy, '--data', nov, '--record', '--ledger', ledger);
    expect(again.stderr).toContain(`已记录 2026-11（short-video-team，第 2 次记录）到 ${ledger}`);
    expect(again.code).toBe(0);
  });
});
