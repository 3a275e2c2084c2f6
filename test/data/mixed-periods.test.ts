// A data file holding rows of more than one month is scored month by month (each month calibrated
// on its own, in order) and says so with `data_mixed_periods`: a stray row of another month in one
// month's export is a common slip, and `--period` turns it into a refused row.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';
import { ONE_RATING_POLICY } from '../builders.js';

const POLICY = ONE_RATING_POLICY;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-months-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(
    join(dir, 'two.csv'),
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\nE2,乙,员工,一组,常规,2026-10,90\nE1,甲,员工,一组,常规,2026-09,50\n',
  );
  // October's export with a stray November row: the month the file is meant to be is the one most rows have
  writeFileSync(
    join(dir, 'stray-later.csv'),
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\nE2,乙,员工,一组,常规,2026-10,90\nE3,丙,员工,一组,常规,2026-11,70\n',
  );
  writeFileSync(join(dir, 'one.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\n');
});

async function yardstick(...args: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s), errorLang: 'en' });
  return { code, stdout, stderr: stderr.join('\n') };
}

describe('a file with rows of two months', () => {
  it('scores both (800 + 900 in October, 500 in September) and warns with the months and their row counts', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'two.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.payout_total).toBe(2200);
    expect(r.stderr).toContain(
      'warning[data_mixed_periods]: the data holds 2 months: 2026-09 (1), 2026-10 (2); each month is scored on its own, in order, and the totals add them up\n' +
        '  help: if the file is meant to be one month, pass `--period 2026-10` (or `period:` in a data mapping): rows of other months are then refused',
    );
  });

  it('suggests the month most rows have, not the latest, when the stray row is of a later month', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'stray-later.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    // 800 + 900 in October, 700 in November
    expect(JSON.parse(r.stdout).summary.payout_total).toBe(2400);
    expect(r.stderr).toContain(
      'warning[data_mixed_periods]: the data holds 2 months: 2026-10 (2), 2026-11 (1); each month is scored on its own, in order, and the totals add them up\n' +
        '  help: if the file is meant to be one month, pass `--period 2026-10` (or `period:` in a data mapping): rows of other months are then refused',
    );
  });

  it('in Chinese when the messages are Chinese', async () => {
    const stderr: string[] = [];
    const args = ['run', join(dir, 'p.yaml'), '--data', join(dir, 'two.csv'), '--format', 'csv'];
    await main(args, { stdout: () => {}, stderr: (s) => stderr.push(s), errorLang: 'zh' });
    expect(stderr.join('\n')).toContain(
      '数据包含 2 个月份：2026-09 (1), 2026-10 (2)；每个月分别评分（按先后顺序），合计为各月之和',
    );
  });

  it('one month gives no such warning', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'one.csv'), '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('data_mixed_periods');
  });
});
