// Several `run --record` processes on one ledger at once: each takes the ledger's lock for its whole
// read-modify-write, so every period that reports success is in the ledger, the same period is
// recorded once, a lock left by a dead run is taken over, and a live one is waited for, not broken.

import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as pause } from 'node:timers/promises';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyLedgerBytes } from '../../node/cli/ledger-file.js';
import { yardstick } from '../yardstick.js';
import { month } from './month-data.js';

let dir: string;
let ledger: string;
let policy: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-lock-'));
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
});

const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** The real CLI in its own process; killed if it has not finished in 330 s (a bound, not an assertion). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('node', ['node/cli/bin.mjs', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const bound = setTimeout(() => child.kill('SIGKILL'), 330_000);
    child.on('close', (code) => {
      clearTimeout(bound);
      done({ code, stderr });
    });
  });
}

async function recordedRuns(): Promise<{ period: string; kind: string }[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(ledger));
  const rows = db.exec('select period, kind from runs order by period, id')[0]?.values ?? [];
  return rows.map(([period, kind]) => ({ period: String(period), kind: String(kind) }));
}

const PERIODS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const REPEAT = Number(process.env.LEDGER_CONCURRENCY_RUNS ?? 1);

describe('recording into one ledger from several processes at once', () => {
  it(
    `six periods and the same period twice, all at once (${REPEAT}×): every success is recorded, the same period once`,
    async () => {
      for (let round = 0; round < REPEAT; round++) {
        ledger = join(dir, `ledger-${round}.db`);
        // eight runs queue for one lock, on two cores shared with other work: let each wait up to
        // 300 s instead of 30, so that a slow machine does not fail the test
        // --out-of-order: they reach the lock in any order, and this test is about the lock (without
        // it, a month whose later month got there first is refused: order-and-gaps.test.ts)
        const runs = [...PERIODS, '2025-07', '2025-07'].map((p, i) =>
          cli(
            [
              'run',
              policy,
              '--data',
              data(`${p}-${i}.csv`, month(p)),
              '--record',
              '--out-of-order',
              '--ledger',
              ledger,
            ],
            { YARDSTICK_LEDGER_WAIT_SECONDS: '300' },
          ),
        );
        const results = await Promise.all(runs);
        // the six different periods all succeed and say so
        results.slice(0, 6).forEach((r, i) => {
          expect(r.stderr).toMatch(
            new RegExp(`已记录 ${PERIODS[i]}（short-video-team，第 \\d 次记录）到 ${ledger.replace(/[.]/g, '\\.')}`),
          );
          expect(r.code).toBe(0);
        });
        // the same period twice: exactly one wins, the other is refused with the usual message
        const twins = results.slice(6);
        expect(twins.map((r) => r.code).sort()).toEqual([0, 1]);
        const loser = twins.find((r) => r.code === 1)!;
        expect(loser.stderr).toMatch(
          /^error: `short-video-team` 的月份 2025-07 已记录过（第 \d 次运行，v1\.2\.0，\d{4}-\d\d-\d\dT[\d:.]+Z）\n {2}提示：如需更正，请加 --amend 重新运行/m,
        );
        expect(await recordedRuns()).toEqual([...PERIODS, '2025-07'].map((period) => ({ period, kind: 'official' })));
        expect(verifyLedgerBytes(readFileSync(ledger), await initSqlJs())).toEqual({ ok: true });
        // no lock and no temporary file stays behind
        expect(
          readdirSync(dir)
            .filter((f) => f.startsWith(`ledger-${round}.db`) || f.startsWith(`.ledger-${round}.db`))
            .sort(),
        ).toEqual([`ledger-${round}.db`, `ledger-${round}.db.bak`]);
      }
    },
    360_000 * REPEAT,
  );
});

describe('recording months at once, in any order, without --out-of-order', () => {
  it('ends with each run recorded or refused as out of order, never a month recorded after a later one', async () => {
    const periods = ['2025-01', '2025-02', '2025-03', '2025-04'];
    const results = await Promise.all(
      periods.map((p) =>
        cli(['run', policy, '--data', data(`${p}.csv`, month(p)), '--record', '--ledger', ledger], {
          YARDSTICK_LEDGER_WAIT_SECONDS: '300',
        }),
      ),
    );
    for (const r of results) {
      if (r.code !== 0) expect(r.stderr).toMatch(/^error: `short-video-team` 的月份 2025-0\d 早于已记录的 2025-0\d/m);
      expect([0, 1]).toContain(r.code);
    }
    const SQL = await initSqlJs();
    const byId = (
      new SQL.Database(readFileSync(ledger)).exec('select period from runs order by id')[0]?.values ?? []
    ).map(([p]) => String(p));
    expect(byId.length).toBe(results.filter((r) => r.code === 0).length);
    expect(byId).toEqual([...byId].sort());
  }, 360_000);
});

describe('the ledger lock', () => {
  const lockOf = (file: string) => `${file}.lock`;

  it('is taken over when the run that left it is gone, with a message naming it', async () => {
    // a process that has finished: its pid no longer exists on this host
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    writeFileSync(
      lockOf(ledger),
      JSON.stringify({ pid, host: hostname(), started: '2026-11-30T08:00:00.000Z', token: 'left-behind' }),
    );
    const r = await cli(['run', policy, '--data', data('01.csv', month('2025-01')), '--record', '--ledger', ledger]);
    expect(r.stderr).toContain(`接管过期的账本锁 ${lockOf(ledger)}：持有它的进程 ${pid}（本机）已不在运行`);
    expect(r.code).toBe(0);
    expect(await recordedRuns()).toEqual([{ period: '2025-01', kind: 'official' }]);
    expect(existsSync(lockOf(ledger))).toBe(false);
  }, 60_000);

  it('left by a dead run and found by three runs at once is taken over by exactly one of them; all three record', async () => {
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    writeFileSync(
      lockOf(ledger),
      JSON.stringify({ pid, host: hostname(), started: '2026-11-30T08:00:00.000Z', token: 'left-behind' }),
    );
    const periods = ['2025-01', '2025-02', '2025-03'];
    const results = await Promise.all(
      periods.map((p) =>
        cli(['run', policy, '--data', data(`${p}.csv`, month(p)), '--record', '--out-of-order', '--ledger', ledger], {
          YARDSTICK_LEDGER_WAIT_SECONDS: '300',
        }),
      ),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(
      results.filter((r) =>
        r.stderr.includes(`接管过期的账本锁 ${lockOf(ledger)}：持有它的进程 ${pid}（本机）已不在运行`),
      ).length,
    ).toBe(1);
    expect(await recordedRuns()).toEqual(periods.map((period) => ({ period, kind: 'official' })));
    expect(existsSync(lockOf(ledger))).toBe(false);
    expect(existsSync(`${lockOf(ledger)}.takeover`)).toBe(false);
  }, 360_000);

  it('is held by one process at a time when six ask for it at the same moment, a stale lock in the way', async () => {
    // each contender waits 1 s between finding the lock stale and removing it (lock-contender.ts):
    // all six find it stale, and only one may remove it (the others would remove the lock the first one took)
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(
      lockOf(ledger),
      JSON.stringify({
        pid: Number(gone.stdout),
        host: hostname(),
        started: '2026-11-30T08:00:00.000Z',
        token: 'left-behind',
      }),
    );
    const log = join(dir, 'lock.log');
    const go = join(dir, 'go');
    writeFileSync(log, '');
    const contenders = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((done) => {
          const child = spawn('node', ['--import', 'tsx', 'test/ledger/lock-contender.ts', ledger, go, log], {
            stdio: 'ignore',
            env: { ...process.env, YARDSTICK_LEDGER_WAIT_SECONDS: '300' },
          });
          const bound = setTimeout(() => child.kill('SIGKILL'), 330_000);
          child.on('close', (code) => (clearTimeout(bound), done(code)));
        }),
    );
    // all six started (bounded: 300 s), then go at once
    for (let i = 0; i < 3000 && readFileSync(log, 'utf8').split('ready').length <= 6; i++) await pause(100);
    writeFileSync(go, '');
    expect(await Promise.all(contenders)).toEqual([0, 0, 0, 0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    // exactly one of them took the stale lock over
    expect(lines.filter((l) => l.startsWith('said took over a stale lock')).length).toBe(1);
    // every `in` is followed by the `out` of the same process before anyone else comes in
    const turns = lines.filter((l) => /^(in|out) /.test(l));
    expect(turns.length).toBe(12);
    for (let i = 0; i < turns.length; i += 2)
      expect([turns[i], turns[i + 1]]).toEqual([turns[i], turns[i].replace('in', 'out')]);
    expect(existsSync(lockOf(ledger))).toBe(false);
  }, 360_000);

  it('is taken over when it is older than 10 minutes, on another host too', async () => {
    writeFileSync(
      lockOf(ledger),
      JSON.stringify({ pid: 1, host: 'another-host', started: '2026-01-01T00:00:00.000Z', token: 'old' }),
    );
    const r = await cli([
      'run',
      policy,
      '--data',
      data('01.csv', month('2025-01')),
      '--record',
      '--ledger',
      ledger,
      '--lang',
      'en',
    ]);
    expect(r.stderr).toContain(
      `took over a stale lock \`${lockOf(ledger)}\`: pid 1 on host another-host took it at 2026-01-01T00:00:00.000Z, longer ago than the 10 minutes a run may hold it`,
    );
    expect(r.code).toBe(0);
    expect(await recordedRuns()).toEqual([{ period: '2025-01', kind: 'official' }]);
  }, 60_000);

  it('held by a live run is waited for, then the run fails naming the owner and records nothing', async () => {
    // this test's own process holds it: alive, on this host, taken just now
    const started = new Date().toISOString();
    writeFileSync(lockOf(ledger), JSON.stringify({ pid: process.pid, host: hostname(), started, token: 'live' }));
    const r = await cli(['run', policy, '--data', data('01.csv', month('2025-01')), '--record', '--ledger', ledger], {
      YARDSTICK_LEDGER_WAIT_SECONDS: '1',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `账本 ${ledger} 正被另一次运行使用（进程 ${process.pid}，主机 ${hostname()}，自 ${started}），最多等待 1 秒`,
    );
    expect(r.stderr).toContain(
      `error: 结果账本 \`${ledger}\` 在 1 秒后仍被锁定（pid ${process.pid} on host ${hostname()} took it at ${started}）\n  提示：请等那次运行结束后再试；如果它已不在运行，请删除 \`${lockOf(ledger)}\``,
    );
    expect(existsSync(ledger)).toBe(false);
    // the lock is still the owner's
    expect(JSON.parse(readFileSync(lockOf(ledger), 'utf8')).token).toBe('live');
  }, 60_000);

  it('is released when the run is refused, and when it is killed before saving', async () => {
    const jan = data('01.csv', month('2025-01'));
    expect((await yardstick('run', policy, '--data', jan, '--record', '--ledger', ledger)).code).toBe(0);
    const again = await yardstick('run', policy, '--data', jan, '--record', '--ledger', ledger);
    expect(again.code).toBe(1);
    expect(existsSync(lockOf(ledger))).toBe(false);
    // a run that exits (code 137) with the new ledger written beside the old one, before the rename
    const killed = spawnSync(
      'node',
      ['--import', 'tsx', 'test/ledger/killed-recorder.ts', policy, data('02.csv', month('2025-02')), ledger, 'exit'],
      { encoding: 'utf8' },
    );
    expect(killed.stderr).toBe('');
    expect(killed.status).toBe(137);
    expect(existsSync(lockOf(ledger))).toBe(false);
    expect(await recordedRuns()).toEqual([{ period: '2025-01', kind: 'official' }]);
  }, 60_000);

  it('is released when the run is stopped with SIGTERM while it holds it, and nothing is recorded', async () => {
    const jan = data('01.csv', month('2025-01'));
    expect((await yardstick('run', policy, '--data', jan, '--record', '--ledger', ledger)).code).toBe(0);
    const was = readFileSync(ledger);
    // a recording run that has scored 2025-02 and added it to the ledger in memory, lock held, not saved
    const child = spawn(
      'node',
      ['--import', 'tsx', 'test/ledger/killed-recorder.ts', policy, data('02.csv', month('2025-02')), ledger, 'wait'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('close', (code, signal) => done([code, signal])),
    );
    await new Promise<void>((ready) =>
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready()),
    );
    expect(JSON.parse(readFileSync(lockOf(ledger), 'utf8')).pid).toBe(child.pid);
    child.kill('SIGTERM');
    // it dies of the signal, as it would without the handler that released the lock
    expect(await ended).toEqual([null, 'SIGTERM']);
    expect(existsSync(lockOf(ledger))).toBe(false);
    expect(readFileSync(ledger).equals(was)).toBe(true);
    expect(await recordedRuns()).toEqual([{ period: '2025-01', kind: 'official' }]);
  }, 120_000);
});
