// A roll-up recorded under the id of a monthly policy that has months in the ledger: its period
// (2026-Q3) was recorded among that policy's months, and the next month, 2026-10, was then refused
// as "earlier than the recorded 2026-Q3" (periods compare as text). Now the roll-up is refused.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROLLUP_MONTHLY, ROLLUP_QUARTERLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

it('is refused, nothing recorded, and the next month records as usual', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-id-'));
  const ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), ROLLUP_MONTHLY);
  const month = (period: string) => {
    const file = join(dir, `${period}.csv`);
    writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,${period},95\n`);
    return yardstick('run', join(dir, 'monthly.yaml'), '--data', file, '--record', '--ledger', ledger);
  };
  for (const p of ['2026-07', '2026-08', '2026-09']) expect((await month(p)).code).toBe(0);
  // the roll-up of `monthly` under a third id that another monthly policy has in this ledger:
  // `monthly` itself is refused by validate (policy_rollup_of_itself), so a second monthly policy
  // `other` records a month first and the roll-up is named `other`
  writeFileSync(join(dir, 'other.yaml'), ROLLUP_MONTHLY.replace('policy: monthly', 'policy: other'));
  const otherMonth = join(dir, 'other-07.csv');
  writeFileSync(otherMonth, '工号,姓名,岗位,团队,阶段,月份,评分\nE9,丁,staff,一组,only,2026-07,80\n');
  expect(
    (await yardstick('run', join(dir, 'other.yaml'), '--data', otherMonth, '--record', '--ledger', ledger)).code,
  ).toBe(0);
  writeFileSync(join(dir, 'q.yaml'), ROLLUP_QUARTERLY.replace('policy: quarterly', 'policy: other'));
  const r = await yardstick('rollup', join(dir, 'q.yaml'), '--period', '2026-Q3', '--record', '--ledger', ledger);
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')).toEqual([
    'error: `other` is the id of a monthly policy recorded in this ledger (2026-07): a roll-up recorded under it would be read as one of its periods, and its next month refused as earlier than 2026-Q3',
    '  help: nothing was recorded; give the roll-up policy its own `policy:` id',
  ]);
  const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger, '--lang', 'en');
  expect(history.stdout).not.toContain('2026-Q3');
  // in Chinese, the default
  const zh = await yardstick(
    'rollup',
    join(dir, 'q.yaml'),
    '--period',
    '2026-Q3',
    '--record',
    '--ledger',
    ledger,
    '--lang',
    'zh',
  );
  expect(zh.stderr.split('\n')[0]).toBe(
    'error: `other` 是本账本中已记录的月度政策的编号（2026-07）：以它记录汇总，汇总期会被当作它的一个考核期，其下一个月会被当作早于 2026-Q3 而拒绝记录',
  );
  // the roll-up under its own id records, and October of `monthly` after it
  writeFileSync(join(dir, 'q2.yaml'), ROLLUP_QUARTERLY);
  expect(
    (await yardstick('rollup', join(dir, 'q2.yaml'), '--period', '2026-Q3', '--record', '--ledger', ledger)).code,
  ).toBe(0);
  expect((await month('2026-10')).code).toBe(0);
});

it('the other way round: a month recorded under the id of a recorded roll-up is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-id-'));
  const ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), ROLLUP_MONTHLY);
  const month = (policy: string, period: string) => {
    const file = join(dir, `${policy}-${period}.csv`);
    writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,${period},95\n`);
    return yardstick('run', join(dir, `${policy}.yaml`), '--data', file, '--record', '--ledger', ledger);
  };
  for (const p of ['2026-07', '2026-08']) expect((await month('monthly', p)).code).toBe(0);
  writeFileSync(join(dir, 'q.yaml'), ROLLUP_QUARTERLY);
  expect(
    (await yardstick('rollup', join(dir, 'q.yaml'), '--period', '2026-Q3', '--record', '--ledger', ledger)).code,
  ).toBe(0);
  // a monthly policy that took the roll-up's id `quarterly`: September under it
  writeFileSync(join(dir, 'quarterly.yaml'), ROLLUP_MONTHLY.replace('policy: monthly', 'policy: quarterly'));
  const r = await month('quarterly', '2026-09');
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')).toEqual([
    "error: `quarterly` is the id of a roll-up recorded in this ledger (2026-Q3): a month recorded under it would be read beside the roll-up's periods, and its history with them",
    '  help: nothing was recorded; give the monthly policy its own `policy:` id',
  ]);
  // September of `monthly` itself records as usual
  expect((await month('monthly', '2026-09')).code).toBe(0);
});
