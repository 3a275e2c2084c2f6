// A ledger is checked before it is used: SQLite's own integrity check, and a checksum of the whole
// file written when it was saved, so one flipped bit anywhere is refused (exit 1, naming the file
// and the last good copy) instead of being read as pay or crashing. Each save keeps the file it
// replaces as `ledger.db.bak`.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyLedgerBytes } from '../../node/cli/ledger-file.js';
import { yardstick, yardstickAsIs } from '../yardstick.js';
import { month } from './month-data.js';

let dir: string;
let ledger: string;
let policy: string;

const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const flip = (bytes: Uint8Array, at: number, bit = 0) => {
  const copy = Uint8Array.from(bytes);
  copy[at] ^= 1 << bit;
  return copy;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-integrity-'));
  ledger = join(dir, 'ledger.db');
  policy = join(dir, 'short-video-team.yaml');
  // in force from 2025-01, so that the months these tests record can be recorded with it
  writeFileSync(
    policy,
    readFileSync('policies/short-video-team.yaml', 'utf8').replace(
      'effective_from: 2026-10',
      'effective_from: 2025-01',
    ),
  );
  expect(
    (await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', ledger)).code,
  ).toBe(0);
  expect(
    (await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger)).code,
  ).toBe(0);
});

describe('the backup', () => {
  it('is the ledger as it was before the last save', async () => {
    const beforeNovember = readFileSync(ledger);
    expect(
      (await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    expect(readFileSync(`${ledger}.bak`)).toEqual(beforeNovember);
    expect(verifyLedgerBytes(readFileSync(`${ledger}.bak`), await initSqlJs())).toEqual({ ok: true });
  });
});

describe('a damaged ledger', () => {
  it('is refused by every command, naming the file and the last good copy', async () => {
    const good = readFileSync(ledger);
    // one bit of E1's recorded payout row: SQLite's own check cannot see it, the checksum can
    const at = good.lastIndexOf(Buffer.from('剪辑甲')) + 1;
    const damaged = flip(good, at);
    const SQL = await initSqlJs();
    expect(new SQL.Database(damaged).exec('pragma integrity_check')[0].values).toEqual([['ok']]);
    writeFileSync(ledger, damaged);

    const message =
      `error: the results ledger \`${ledger}\` is damaged: its content does not match the checksum written when it was saved (it was changed outside yardstick, or damaged on disk)\n` +
      `  help: nothing was read from it or written to it; the last good copy is \`${ledger}.bak\` (latest record: run #1, period 2026-09): check it, then copy it over \`${ledger}\``;
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect([history.code, history.stderr]).toEqual([1, message]);
    const record = await yardstick(
      'run',
      policy,
      '--data',
      data('11.csv', month('2026-11')),
      '--record',
      '--ledger',
      ledger,
    );
    expect([record.code, record.stderr]).toEqual([1, message]);
    expect(readFileSync(ledger)).toEqual(Buffer.from(damaged));
    const dryRun = await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--ledger', ledger);
    expect([dryRun.code, dryRun.stderr]).toEqual([1, message]);
    const explain = await yardstick('explain', '--period', '2026-09', '--employee', 'E1', '--ledger', ledger);
    expect([explain.code, explain.stderr]).toEqual([1, message]);
  });

  it('is found whichever bit flips: every 37th byte of the file, each of its 8 bits', async () => {
    const SQL = await initSqlJs();
    const good = readFileSync(ledger);
    expect(good.length).toBeGreaterThan(8192);
    let checked = 0;
    for (let at = 0; at < good.length; at += 37) {
      for (let bit = 0; bit < 8; bit++) {
        expect(verifyLedgerBytes(flip(good, at, bit), SQL).ok, `byte ${at}, bit ${bit}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(Math.ceil(good.length / 37) * 8);
  });

  it('says so when there is no good copy beside it', async () => {
    const damaged = flip(readFileSync(ledger), 5000);
    writeFileSync(ledger, damaged);
    writeFileSync(`${ledger}.bak`, damaged);
    const r = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[1]).toBe(
      `  help: nothing was read from it or written to it; its backup \`${ledger}.bak\` is damaged too: restore the ledger from your own backups`,
    );
  });

  it('without a checksum (written before them) is still refused when its schema is damaged, which SQLite does not see', async () => {
    const SQL = await initSqlJs();
    const old = new SQL.Database(readFileSync(ledger));
    old.exec('pragma user_version = 0; pragma application_id = 0');
    const legacy = Buffer.from(old.export());
    // `run_id` of the corrections table becomes `bun_id` (r = 0x72, one bit off b = 0x62)
    const damaged = flip(legacy, legacy.indexOf('corrections (\n  run_id') + 'corrections (\n  '.length, 4);
    expect(new SQL.Database(damaged).exec('pragma integrity_check')[0].values).toEqual([['ok']]);
    writeFileSync(ledger, damaged);
    const r = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([
      1,
      `error: the results ledger \`${ledger}\` is damaged: its table \`corrections\` lacks the column \`run_id\` (its schema is damaged)`,
    ]);
  });

  it('that is empty, or another SQLite database, is refused: it is not a ledger to record into', async () => {
    writeFileSync(ledger, '');
    const empty = await yardstick(
      'run',
      policy,
      '--data',
      data('11.csv', month('2026-11')),
      '--record',
      '--ledger',
      ledger,
    );
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([
      1,
      `error: the results ledger \`${ledger}\` is damaged: it is empty`,
    ]);
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec('create table notes (text text)');
    writeFileSync(ledger, other.export());
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('11.csv', month('2026-11')),
      '--record',
      '--ledger',
      ledger,
    );
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([
      1,
      `error: the results ledger \`${ledger}\` is damaged: it has no table \`runs\` (it is not a yardstick results ledger, or its schema is damaged)`,
    ]);
  });

  it('that is not an SQLite file at all is refused with exit 1', async () => {
    writeFileSync(ledger, 'not a database, just text\n'.repeat(200));
    const r = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `error: the results ledger \`${ledger}\` is damaged: it is not an SQLite database`,
    );
  });

  it('a ledger written before checksums (none in its header) is still read, and gets one when next saved', async () => {
    const SQL = await initSqlJs();
    const old = new SQL.Database(readFileSync(ledger));
    old.exec('pragma user_version = 0; pragma application_id = 0');
    writeFileSync(ledger, old.export());
    expect(verifyLedgerBytes(readFileSync(ledger), SQL)).toEqual({ ok: true, unchecked: true });
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.code).toBe(0);
    expect(
      (await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    expect(verifyLedgerBytes(readFileSync(ledger), SQL)).toEqual({ ok: true });
  });
});

// A user runs yardstick in Chinese by default: the reason a ledger is refused and what to do about
// its backup are in Chinese too, never English phrases inside a Chinese sentence.
describe('a ledger refused in Chinese (the default)', () => {
  it('that is damaged names the reason and the last good copy in Chinese', async () => {
    const good = readFileSync(ledger);
    writeFileSync(ledger, flip(good, good.lastIndexOf(Buffer.from('剪辑甲')) + 1));
    const r = await yardstickAsIs('history', '--employee', 'E1', '--ledger', ledger);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: 结果账本 \`${ledger}\` 已损坏（内容与保存时写入的校验和不符：它在 yardstick 之外被改动过，或在磁盘上损坏）\n` +
        `  提示：没有读取或写入它；最后一份完好的副本是 \`${ledger}.bak\`（最新记录：第 1 次运行，月份 2026-09）：请先检查它，再把它复制覆盖 \`${ledger}\``,
    ]);
  });

  it('that is not an SQLite file, with no backup beside it, says both in Chinese', async () => {
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, '工号,姓名\nE1,剪辑甲\n'.repeat(20));
    const r = await yardstickAsIs('history', '--employee', 'E1', '--ledger', notes);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: 结果账本 \`${notes}\` 已损坏（它不是 SQLite 数据库）\n` +
        `  提示：没有读取或写入它；旁边没有备份 \`${notes}.bak\`：请从你自己的备份恢复账本`,
    ]);
  });

  it('that is empty, or whose backup is damaged too, says so in Chinese', async () => {
    writeFileSync(ledger, '');
    writeFileSync(`${ledger}.bak`, 'x'.repeat(200));
    const r = await yardstickAsIs('history', '--employee', 'E1', '--ledger', ledger);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: 结果账本 \`${ledger}\` 已损坏（文件是空的）\n` +
        `  提示：没有读取或写入它；它的备份 \`${ledger}.bak\` 也已损坏：请从你自己的备份恢复账本`,
    ]);
  });

  it('that lacks a table of the ledger names it in Chinese', async () => {
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec('create table notes (text text)');
    writeFileSync(ledger, other.export());
    const r = await yardstickAsIs('history', '--employee', 'E1', '--ledger', ledger);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([
      1,
      `error: 结果账本 \`${ledger}\` 已损坏（没有表 \`runs\`：它不是 yardstick 结果账本，或其结构已损坏）`,
    ]);
  });

  it('that is a folder says so in Chinese', async () => {
    const r = await yardstickAsIs('history', '--employee', 'E1', '--ledger', dir);
    expect([r.code, r.stderr]).toEqual([1, `error: 无法读取结果账本 \`${dir}\`（这是一个文件夹）`]);
  });
});
