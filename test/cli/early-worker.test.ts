// node/cli/bin.mjs starts the worker thread of a run that will use one before it loads the
// command's code (node/cli/early-worker.ts). It guesses from the arguments as written; the run's
// pool takes that thread when it uses one, and a thread left untaken does not keep the process
// alive. Either way the output is the bytes one thread writes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_WORKERS_BYTES } from '../../node/cli/commands/run.js';
import { EARLY_WORKER_BYTES, startWorkerEarly, wantsWorkerEarly } from '../../node/cli/early-worker.js';
import { streamWorkerUrl } from '../../node/cli/stream-worker-url.js';
import { WorkerPool } from '../../node/cli/worker-pool.js';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const dir = mkdtempSync(join(tmpdir(), 'yardstick-early-worker-'));
const EARLY = Symbol.for('yardstick.earlyWorker');
/**
 * The sample month twelve times over (ids led by `R1-` … `R12-`): three chunks of the streamed read,
 * so that a run given `--workers 2` uses its worker (a file of one chunk is read on one thread).
 */
const MONTH = join(dir, 'month.csv');
{
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\n');
  const body = rows.filter((r) => r.trim() !== '');
  const copies = Array.from({ length: 12 }, (_, k) => body.map((r) => `R${k + 1}-${r}`).join('\n'));
  writeFileSync(MONTH, `${header}\n${copies.join('\n')}\n`);
}
const held = () => (globalThis as { [EARLY]?: unknown })[EARLY];

describe('which runs bin.mjs starts a worker thread for', () => {
  const MIB = 1024 * 1024;
  /** The guess on a two-core machine, the data file being `size` bytes. */
  const wants = (size: number | undefined, ...args: string[]) => wantsWorkerEarly(args, () => size, 2);

  it('the size where it starts one is run.ts AUTO_WORKERS_BYTES, 4 MiB', () => {
    expect(EARLY_WORKER_BYTES).toBe(AUTO_WORKERS_BYTES);
    expect(EARLY_WORKER_BYTES).toBe(4 * MIB);
  });

  it('JSON or NDJSON from a CSV, TSV or TXT file of 4 MiB or more, written either way of an option', () => {
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'json')).toBe(true);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data=m.TSV', '--format=ndjson', '--out', 'r.ndjson')).toBe(true);
    expect(wants(4 * MIB, 'run', '--format', 'json', '--data', 'month.txt', 'p.yaml')).toBe(true);
  });

  it('JSON or NDJSON named by --out’s extension alone, as the run reads it without --format', () => {
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--out', 'results.json')).toBe(true);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--out=results.jsonl')).toBe(true);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--out', 'results.csv')).toBe(false);
  });

  it('not for a smaller or missing file, another format, or on one core', () => {
    expect(wants(4 * MIB - 1, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'json')).toBe(false);
    expect(wants(undefined, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'json')).toBe(false);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'csv')).toBe(false);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv')).toBe(false); // table, the default
    expect(wantsWorkerEarly(['run', 'p.yaml', '--data', 'm.csv', '--format', 'json'], () => 4 * MIB, 1)).toBe(false);
  });

  it('--workers N: N of 2 or more whatever the format and size; 1, 0 or not a whole number, none', () => {
    expect(wants(10, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'csv', '--workers', '2')).toBe(true);
    expect(wants(10, 'run', 'p.yaml', '--data', 'm.csv', '--workers=3')).toBe(true);
    expect(wants(4 * MIB, 'run', 'p.yaml', '--data', 'm.csv', '--format', 'json', '--workers', '1')).toBe(false);
    expect(wants(10, 'run', 'p.yaml', '--data', 'm.csv', '--workers', '2.0')).toBe(false);
    expect(wants(10, 'run', 'p.yaml', '--data', 'm.csv', '--workers', '0')).toBe(false);
  });

  it('not for a run that does not stream: a workbook, a mapping, --record, --amend, --sheet, the reference executor, another command', () => {
    const big = 8 * MIB;
    const json = ['--format', 'json', '--workers', '2'];
    expect(wants(big, 'run', 'p.yaml', '--data', 'm.xlsx', ...json)).toBe(false);
    expect(wants(big, 'run', 'p.yaml', '--data', 'sources.yaml', ...json)).toBe(false);
    expect(wants(big, 'run', 'p.yaml', '--data', 'm.csv', ...json, '--record')).toBe(false);
    expect(wants(big, 'run', 'p.yaml', '--data', 'm.csv', ...json, '--amend')).toBe(false);
    expect(wants(big, 'run', 'p.yaml', '--data', 'm.csv', ...json, '--sheet', 'Sheet1')).toBe(false);
    expect(wants(big, 'run', 'p.yaml', '--data', 'm.csv', ...json, '--executor', 'reference')).toBe(false);
    expect(wants(big, 'statements', 'p.yaml', '--data', 'm.csv', ...json)).toBe(false);
    expect(wants(big, 'run', 'p.yaml', ...json)).toBe(false); // no --data
  });
});

describe('the worker started early', () => {
  let one: string;
  beforeAll(async () => {
    // every run waits for its worker: were the worker's first message lost, the run would never end
    process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS = '1';
    const out = join(dir, 'one.json');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      MONTH,
      '--exclude-invalid',
      '--format',
      'json',
      '--out',
      out,
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    one = readFileSync(out, 'utf8');
  });
  afterAll(() => {
    delete process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS;
  });

  const twoThreads = (out: string) =>
    [
      'run',
      FLAGSHIP,
      '--data',
      MONTH,
      '--exclude-invalid',
      '--format',
      'json',
      '--out',
      out,
      '--workers',
      '2',
    ] as const;

  it('is taken by the run, after it said it loaded, and writes what one thread writes', async () => {
    const out = join(dir, 'early.json');
    const args = twoThreads(out);
    startWorkerEarly(args, await streamWorkerUrl());
    const early = held() as { loaded: boolean };
    expect(early).toBeDefined();
    await expect.poll(() => early.loaded, { timeout: 20_000 }).toBe(true);
    const made = WorkerPool.made;
    const r = await yardstick(...args);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(one);
    expect(WorkerPool.made).toBe(made + 1);
    expect(held()).toBeUndefined();
    await expect.poll(() => WorkerPool.running).toBe(0);
  });

  it('is taken before it said it loaded, too', async () => {
    const out = join(dir, 'loading.json');
    const args = twoThreads(out);
    startWorkerEarly(args, await streamWorkerUrl());
    const r = await yardstick(...args);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(one);
    expect(held()).toBeUndefined();
  });

  it('one that failed is stopped, and the run starts its own', async () => {
    const out = join(dir, 'failed.json');
    const url = await streamWorkerUrl();
    const worker = new Worker('throw new Error("no engine")', { eval: true });
    const early = { url: url.href, worker, loaded: false, failed: false };
    worker.once('error', () => {
      early.failed = true;
    });
    (globalThis as { [EARLY]?: unknown })[EARLY] = early;
    await expect.poll(() => early.failed).toBe(true);
    const r = await yardstick(...twoThreads(out));
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(one);
    expect(held()).toBeUndefined();
  });
});

describe('yardstick run, as a user starts it', () => {
  it('ends when it started a worker early that the run does not use (a table is not streamed)', () => {
    const r = spawnSync(
      process.execPath,
      ['node/cli/bin.mjs', 'run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--workers', '2', '--lang', 'en'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: --workers 2 is not used');
  });

  it('with a worker started early, writes what one thread writes', () => {
    const out = join(dir, 'user.json');
    const r = spawnSync(
      process.execPath,
      [
        'node/cli/bin.mjs',
        'run',
        FLAGSHIP,
        '--data',
        MONTH,
        '--exclude-invalid',
        '--format',
        'json',
        '--out',
        out,
        '--workers',
        '2',
      ],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, YARDSTICK_STREAM_WAIT_FOR_WORKERS: '1' } },
    );
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'one.json'), 'utf8'));
  });
});
