// What `run --record` writes, and where: through a symlinked ledger to its target, no output when
// the period cannot be recorded, and a history that shows every line an employee has in the ledger.

import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick, yardstickAsIs } from '../yardstick.js';
import { month, monthWithoutE1 } from './month-data.js';

let dir: string;
let policy: string;

const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

// the table's rows (a period first), not the provenance lines under it
const rows = (stdout: string) =>
  stdout
    .split('\n')
    .slice(2)
    .filter((l) => /^\d{4}-\d\d /.test(l))
    .map((l) => l.replace(/\s+/g, ' ').trim());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-record-'));
  policy = join(dir, 'short-video-team.yaml');
  // in force from 2025-01, so that the months these tests record can be recorded with it
  writeFileSync(
    policy,
    readFileSync('policies/short-video-team.yaml', 'utf8').replace(
      'effective_from: 2026-10',
      'effective_from: 2025-01',
    ),
  );
});

describe('a symlinked ledger', () => {
  it('is written through to its target, which keeps every record; the link stays a link', async () => {
    mkdirSync(join(dir, 'team'));
    mkdirSync(join(dir, 'local'));
    const teamLedger = join(dir, 'team', 'l.db');
    const local = join(dir, 'local', 'l.db');
    expect(
      (await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', teamLedger))
        .code,
    ).toBe(0);
    symlinkSync('../team/l.db', local);
    const r = await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', local);
    expect([r.code, r.stderr]).toEqual([0, `已记录 2026-10（short-video-team，第 2 次记录）到 ${local}`]);
    expect(lstatSync(local).isSymbolicLink()).toBe(true);
    expect(
      rows((await yardstick('history', '--employee', 'E1', '--ledger', teamLedger)).stdout).map((l) =>
        l.split(' ').slice(0, 4).join(' '),
      ),
    ).toEqual(['2026-09 short-video-team 1.2.0 #1', '2026-10 short-video-team 1.2.0 #2']);
    // the backup sits beside the target, not beside the link
    expect(existsSync(`${teamLedger}.bak`)).toBe(true);
    expect(existsSync(`${local}.bak`)).toBe(false);
  });

  it('whose target does not exist yet is created at the target', async () => {
    mkdirSync(join(dir, 'team'));
    mkdirSync(join(dir, 'local'));
    symlinkSync('../team/l.db', join(dir, 'local', 'l.db'));
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('09.csv', month('2026-09')),
      '--record',
      '--ledger',
      join(dir, 'local', 'l.db'),
    );
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'local', 'l.db')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'team', 'l.db')).isFile()).toBe(true);
  });
});

describe('a period that cannot be recorded', () => {
  it('writes no --out file and prints no result', async () => {
    const ledger = join(dir, 'ledger.db');
    const sep = data('09.csv', month('2026-09'));
    expect((await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger)).code).toBe(0);
    const out = join(dir, 'result.csv');
    writeFileSync(out, "last month's approved file\n");
    const again = await yardstick(
      'run',
      policy,
      '--data',
      sep,
      '--record',
      '--ledger',
      ledger,
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(again.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe("last month's approved file\n");
    const toStdout = await yardstick('run', policy, '--data', sep, '--record', '--ledger', ledger);
    expect([toStdout.code, toStdout.stdout]).toEqual([1, '']);
    const amendNew = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--amend',
      '--ledger',
      ledger,
      '--out',
      out,
    );
    expect([amendNew.code, amendNew.stderr]).toEqual([
      1,
      'error: period 2026-10 of `short-video-team` has not been recorded yet: record it without --amend',
    ]);
    expect(readFileSync(out, 'utf8')).toBe("last month's approved file\n");
  });
});

describe('history', () => {
  it('shows the clawback of an employee an amendment removed', async () => {
    const ledger = join(dir, 'ledger.db');
    expect(
      (await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    const amend = await yardstick(
      'run',
      policy,
      '--data',
      data('09b.csv', monthWithoutE1('2026-09')),
      '--amend',
      '--ledger',
      ledger,
    );
    expect(amend.stderr).toContain('  扣回 E1 剪辑甲: ¥600.00 → ¥0.00 (-¥600.00)');
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.code).toBe(0);
    // E1 was paid 600.00 in run #1; the correction #2 no longer lists E1: pay 0, a clawback of 600.00
    expect(rows(history.stdout)).toEqual([
      '2026-09 short-video-team 1.2.0 #1 正式 20 C ¥600.00',
      '2026-09 short-video-team 1.2.0 #2 更正 — — ¥0.00 -¥600.00',
    ]);
  });
});

describe('a --ledger path whose folder does not exist', () => {
  it('is refused (exit 1) instead of starting an empty ledger that no history is read from', async () => {
    const ledger = join(dir, 'typo', 'ledger.db');
    const r = await yardstickAsIs(
      'run',
      policy,
      '--data',
      data('09.csv', month('2026-09')),
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: 结果账本 \`${ledger}\` 所在的文件夹不存在\n  提示：请检查路径；若要新建账本，请先创建该文件夹`,
    );
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});
