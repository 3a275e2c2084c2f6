// A month policy's test case gives its employee by the policy's ids, as a run would read them
// (docs/policy-language.md, "Tests"): a role or stage the policy does not have, a record without a
// stage, a month that is no month or a pay base below 0 is refused at its value; a team is read as
// a data file's team cell is, so an alias is its declared team and a team rule sees it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

// ROLLUP_MONTHLY (metric rating 0–100, role staff 员工 ¥1,000 × score / 100, stage only 常规,
// grades A+ ≥ 90, A ≥ 60, C) with two declared teams and ¥200 more for 直播一组.
const POLICY = `${ROLLUP_MONTHLY.replace(
  'stages:',
  'teams:\n  live_1: { title: 直播一组, aliases: [ 直播1组 ] }\n  live_2: { title: 直播二组 }\nstages:',
)}adjustments:
  team_bonus:
    title: 一组奖励
    when: { all: [ { fact: team, operator: equal, value: 直播一组 } ] }
    award: 200
`;

const RECORD = '    record: { role: staff, stage: only, team: 直播1组, metrics: { rating: 80 } }';

async function tests(record: string, expect_ = '    expect: { grade: A, payout: 1000 }') {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-ptest-records-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'p.test.yaml'), `cases:\n  - name: 甲\n${record}\n${expect_}\n`);
  const r = await yardstick('test', join(dir, 'p.yaml'), '--lang', 'en');
  return { code: r.code, lines: r.stdout.replaceAll(`${dir}/`, '').split('\n') };
}

/** Why case 甲 cannot be read, after `p.test.yaml:`. */
async function refusal(record: string) {
  const r = await tests(record);
  expect(r.lines.slice(0, 2)).toEqual(['p.yaml: 0 passed, 1 failed', '  ✗ 甲']);
  return r.lines[2]!.replace('      cannot read the case: p.test.yaml:', '');
}

describe('a month policy test record', () => {
  it('reads a team alias as its declared team: 直播1组 is 直播一组 and gets its ¥200', async () => {
    // 1,000 × 80 / 100 = 800, + 200 for 直播一组 = 1,000; 80 is A
    const r = await tests(RECORD);
    expect([r.code, r.lines[0]]).toEqual([0, 'p.yaml: 1 passed, 0 failed']);
    // 直播二组: 800 without the award
    const other = await tests(RECORD.replace('直播1组', '直播二组'), '    expect: { payout: 800 }');
    expect([other.code, other.lines[0]]).toEqual([0, 'p.yaml: 1 passed, 0 failed']);
  });

  it('refuses a team the policy does not declare', async () => {
    // `    record: { role: staff, stage: only, team: ` is 46 characters
    expect(await refusal(RECORD.replace('直播1组', '直播三组'))).toBe(
      '3:47: case `甲`: `team` is `直播三组`, which is not a team of the policy (its teams: 直播一组, 直播二组)',
    );
  });

  it('refuses a role or stage by a misspelt id or by its title, and a record without a stage', async () => {
    // `    record: { role: ` is 20 characters
    expect(await refusal(RECORD.replace('role: staff', 'role: stafff'))).toBe(
      '3:21: case `甲`: `role` is `stafff`, which is not a role id of the policy (its roles: staff)',
    );
    expect(await refusal(RECORD.replace('role: staff', 'role: 员工'))).toBe(
      '3:21: case `甲`: `role` is `员工`, which is not a role id of the policy (its roles: staff): `员工` is the title of `staff`; a record gives the id',
    );
    // `    record: { role: staff, stage: ` is 34 characters
    expect(await refusal(RECORD.replace('stage: only', 'stage: onyl'))).toBe(
      '3:35: case `甲`: `stage` is `onyl`, which is not a stage id of the policy (its stages: only)',
    );
    // the record's mapping starts at column 13
    expect(await refusal(RECORD.replace(' stage: only,', ''))).toBe(
      '3:13: case `甲`: the record has no `stage:` (its stages: only)',
    );
  });

  it('refuses a pay base of more digits than a number keeps, and a month before 2000 a data file would refuse', async () => {
    // the same column as the pay base below: 63
    expect(await refusal(RECORD.replace('team: 直播1组,', 'team: 直播1组, pay_base: 4000.0000000000001,'))).toBe(
      '3:63: case `甲`: `pay_base` is written `4000.0000000000001`, more digits than a number keeps: it would be read as 4000',
    );
    expect(await refusal(RECORD.replace('team: 直播1组,', 'team: 直播1组, period: 1999-10,'))).toBe(
      '3:61: case `甲`: `period` is `1999-10`, not a month: write it as `2026-10`',
    );
  });

  it('refuses a month that is no month and a pay base below 0', async () => {
    // `    record: { role: staff, stage: only, team: 直播1组, period: ` is 60 characters
    expect(await refusal(RECORD.replace('team: 直播1组,', 'team: 直播1组, period: 2026-13,'))).toBe(
      '3:61: case `甲`: `period` is `2026-13`, not a month: write it as `2026-10`',
    );
    // `    record: { role: staff, stage: only, team: 直播1组, pay_base: ` is 62 characters
    expect(await refusal(RECORD.replace('team: 直播1组,', 'team: 直播1组, pay_base: -100,'))).toBe(
      "3:63: case `甲`: `pay_base` is `-100`, below 0: a data file's pay base of it would be refused",
    );
  });
});
