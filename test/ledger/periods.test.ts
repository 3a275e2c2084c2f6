// The ledger keeps one official result per month however the month is written: `2026/10`, `202610`
// and `２０２６-１０` are 2026-10, already recorded; `2026-9` comes before `2026-10` in history; the
// period and employee arguments of `explain` and `history` are read the same way.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const HEAD =
  '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,粉丝增长率,爆款数,发布视频数,引流线索数,主页访问量,播放量,点赞量,单条最高播放,违规次数';
// E1 editor: on-time 70% is below the 80% threshold (0), quality 50 → 20, hot topic 50% fails → C
// E2 ops manager: 110 × 40% + 110 × 35% + 100 × 25% = 107.5 → A+
const month = (period: string, id = 'E1') => `${HEAD}
${id},剪辑甲,剪辑师,一组,成熟期,${period},70%,50,50%,,,,,,80000,2000,20000,0
E2,运营乙,运营经理,一组,初创期,${period},,,,20%,3,20,60,2000,500000,10000,300000,0
`;

let dir: string;
let ledger: string;
let policy: string;
const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const triggers = (stdout: string) =>
  JSON.parse(stdout).scorecards.map((c: { employee_id: string; grade: string; triggers: { id: string }[] }) => [
    c.employee_id,
    c.grade,
    c.triggers.map((t) => t.id),
  ]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-periods-'));
  ledger = join(dir, '.yardstick', 'ledger.db');
  policy = join(dir, 'short-video-team.yaml');
  // in force from January, so that September can be recorded with it
  writeFileSync(
    policy,
    readFileSync('policies/short-video-team.yaml', 'utf8').replace(
      'effective_from: 2026-10',
      'effective_from: 2026-01',
    ),
  );
});

describe('one month, however it is written, is recorded once', () => {
  it('2026-10 recorded, then 2026/10, 202610 and ２０２６-１０ are refused as already recorded', async () => {
    const first = await yardstick(
      'run',
      policy,
      '--data',
      data('a.csv', month('2026-10')),
      '--record',
      '--ledger',
      ledger,
    );
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`已记录 2026-10（short-video-team，第 1 次记录）到 ${ledger}`);
    for (const [i, spelling] of ['2026/10', '202610', '２０２６-１０', '2026年10月', '2026-10-01'].entries()) {
      const again = await yardstick(
        'run',
        policy,
        '--data',
        data(`b${i}.csv`, month(spelling)),
        '--record',
        '--ledger',
        ledger,
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /^error: period 2026-10 of `short-video-team` is already recorded \(run #1, v1\.2\.0, .+\)\n {2}help: to correct it, run again with --amend/,
      );
    }
  });

  it('--period 2026/10 for data without a 月份 column is the same month', async () => {
    await yardstick('run', policy, '--data', data('a.csv', month('2026-10')), '--record', '--ledger', ledger);
    const noPeriod = month('')
      .replace(',月份', '')
      .replace(/成熟期,,/, '成熟期,')
      .replace(/初创期,,/, '初创期,');
    const again = await yardstick(
      'run',
      policy,
      '--data',
      data('b.csv', noPeriod),
      '--period',
      '2026/10',
      '--record',
      '--ledger',
      ledger,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: period 2026-10 of `short-video-team` is already recorded');
  });

  it('a ledger written before periods were normalised still refuses the month under its new spelling', async () => {
    await yardstick('run', policy, '--data', data('a.csv', month('2026-10')), '--record', '--ledger', ledger);
    // what an older yardstick stored for a 月份 of 2026/10
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(ledger));
    db.run("update runs set period = '2026/10'");
    // as an earlier version wrote it: no checksum in the header
    db.run('pragma user_version = 0; pragma application_id = 0');
    writeFileSync(ledger, db.export());
    const again = await yardstick(
      'run',
      policy,
      '--data',
      data('b.csv', month('2026-10')),
      '--record',
      '--ledger',
      ledger,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      "error: period 2026-10 of `short-video-team` is already recorded, written `2026/10`\n  help: this ledger was written before periods were read as YYYY-MM; correct that run's period in the ledger to 2026-10 before recording or amending it",
    );
  });
});

describe('history in month order', () => {
  it('September written 2026-9 comes before 2026-10: a second C in a row is an exit review', async () => {
    expect(
      (await yardstick('run', policy, '--data', data('09.csv', month('2026-9')), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--format',
      'json',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
    expect(triggers(r.stdout)).toEqual([
      ['E1', 'C', ['improvement_plan', 'exit_review']],
      ['E2', 'A+', ['promotion_candidate']],
    ]);
  });

  it('the sample history with September written 2026-9 gives October exactly the triggers it gets with 2026-09', async () => {
    const october = async (september: string) => {
      const own = join(dir, `${september}.db`);
      for (const m of ['05', '06', '07', '08', '09']) {
        let text = readFileSync(`examples/history/livestream-2026-${m}.csv`, 'utf8');
        if (m === '09') text = text.replaceAll(',2026-09,', `,${september},`);
        const r = await yardstick(
          'run',
          'policies/livestream-team.yaml',
          '--data',
          data(`${september}-${m}.csv`, text),
          '--record',
          '--ledger',
          own,
        );
        expect(r.code).toBe(0);
      }
      const r = await yardstick(
        'run',
        'policies/livestream-team.yaml',
        '--data',
        'examples/history/livestream-2026-10.csv',
        '--format',
        'json',
        '--ledger',
        own,
      );
      return triggers(r.stdout) as [string, string, string[]][];
    };
    const written = await october('2026-9');
    expect(written).toEqual(await october('2026-09'));
    // C in September and C again in October: exit reviews there are, and they are not lost
    expect(written.filter(([, , t]) => t.includes('exit_review')).length).toBeGreaterThan(0);
  });

  it('a ledger that holds `2026-9` from before (not normalised) is still read as September', async () => {
    await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', ledger);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(ledger));
    db.run("update runs set period = '2026-9'");
    // as an earlier version wrote it: no checksum in the header
    db.run('pragma user_version = 0; pragma application_id = 0');
    writeFileSync(ledger, db.export());
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--format',
      'json',
      '--ledger',
      ledger,
    );
    expect(triggers(r.stdout)[0]).toEqual(['E1', 'C', ['improvement_plan', 'exit_review']]);
  });

  it('a file holding 2026-9 and 2026-10 scores September first', async () => {
    const both = month('2026-10') + month('2026-9').split('\n').slice(1).join('\n');
    const r = await yardstick('run', policy, '--data', data('both.csv', both), '--format', 'json', '--ledger', ledger);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe('2026-09,2026-10');
    expect(triggers(r.stdout)).toEqual([
      ['E1', 'C', ['improvement_plan']],
      ['E2', 'A+', []],
      ['E1', 'C', ['improvement_plan', 'exit_review']],
      ['E2', 'A+', ['promotion_candidate']],
    ]);
  });
});

describe('explain and history arguments', () => {
  it('explain --period 2026/10 --employee Ｅ１ reprints what was recorded for 2026-10 and E1', async () => {
    const oct = data('10.csv', month('2026-10'));
    const live = await yardstick('explain', policy, '--data', oct, '--employee', 'E1', '--ledger', ledger);
    await yardstick('run', policy, '--data', oct, '--record', '--ledger', ledger);
    const recorded = await yardstick(
      'explain',
      policy,
      '--period',
      '2026/10',
      '--employee',
      'Ｅ１',
      '--ledger',
      ledger,
    );
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toBe(live.stdout);
    const history = await yardstick('history', '--employee', 'E1\u200B', '--ledger', ledger);
    expect(history.code).toBe(0);
    expect(history.stdout.split('\n')[2].replace(/\s+/g, ' ').trim()).toBe(
      '2026-10 short-video-team 1.2.0 #1 正式 20 C ¥600.00',
    );
  });

  it('an id written Ｅ１ in the data is recorded as E1', async () => {
    await yardstick('run', policy, '--data', data('10.csv', month('2026-10', 'Ｅ１')), '--record', '--ledger', ledger);
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.code).toBe(0);
  });

  it('in a ledger that holds September as `2026-9` (written by an earlier version), history lists it first and explain --period 2026-09 finds it', async () => {
    await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', ledger);
    await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(ledger));
    db.run("update runs set period = '2026-9' where period = '2026-09'");
    // as an earlier version wrote it: no checksum in the header
    db.run('pragma user_version = 0; pragma application_id = 0');
    writeFileSync(ledger, db.export());
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    // E1 is C both months (20 points, ¥600.00); October's C after September's also opens an exit review
    expect(
      history.stdout
        .split('\n')
        .slice(2, 4)
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '2026-09 short-video-team 1.2.0 #1 正式 20 C ¥600.00',
      '2026-10 short-video-team 1.2.0 #2 正式 20 C ¥600.00',
    ]);
    const explained = await yardstick('explain', policy, '--period', '2026-09', '--employee', 'E1', '--ledger', ledger);
    expect(explained.code).toBe(0);
    expect(
      JSON.parse(
        (
          await yardstick(
            'explain',
            policy,
            '--period',
            '2026-09',
            '--employee',
            'E1',
            '--ledger',
            ledger,
            '--format',
            'json',
          )
        ).stdout,
      ).period,
    ).toBe('2026-09');
  });

  it('a --period that is not a month is a usage error naming it', async () => {
    const r = await yardstick('explain', policy, '--period', '2026-10-15', '--employee', 'E1', '--ledger', ledger);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --period: `2026-10-15` is a day, not a month\n  help: write the month the data measures as YYYY-MM, e.g. 2026-10: a date other than the 1st (an export or payment date) is not read as its month',
    );
  });
});
