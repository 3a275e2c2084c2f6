// Without --workers, a run from a CSV file of 4 MiB or more to JSON or NDJSON, written to a file
// (--out) or to stdout, is evaluated in two threads (where the machine has two cores), every other
// run in one (CSV, a smaller file); the output is the same bytes either way, and a default that
// cannot be used is not reported as if the user had asked for it.

import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_WORKERS_BYTES, defaultWorkers, type RunCommandOptions } from '../../node/cli/commands/run.js';
import { yardstick } from '../yardstick.js';

const SAMPLE = 'examples/sample-2026-10.csv';
const dir = mkdtempSync(join(tmpdir(), 'yardstick-workers-default-'));

/** A file of `bytes` bytes (sparse: nothing is read of it here). */
function fileOf(name: string, bytes: number): string {
  const file = join(dir, name);
  writeFileSync(file, '');
  truncateSync(file, bytes);
  return file;
}

/** A run of `data` as `format` written to a file (`--out`), unless `more` says otherwise. */
const run = (data: string, format: RunCommandOptions['format'], more: Partial<RunCommandOptions> = {}) =>
  ({
    data,
    format,
    out: join(dir, `out.${format}`),
    lang: 'zh',
    ledger: join(dir, 'ledger'),
    ...more,
  }) as RunCommandOptions;
/** The same run printed to stdout (no `--out`). */
const toStdout = (data: string, format: RunCommandOptions['format']) => run(data, format, { out: undefined });

const TWO = Math.min(2, availableParallelism());

describe('the threads a run uses when --workers is not given', () => {
  const big = fileOf('big.csv', AUTO_WORKERS_BYTES);
  const small = fileOf('small.csv', AUTO_WORKERS_BYTES - 1);

  it('is 4 MiB where two threads start', () => {
    expect(AUTO_WORKERS_BYTES).toBe(4 * 1024 * 1024);
  });

  it('two for JSON and NDJSON written to a file from a CSV file of 4 MiB or more (one on a single-core machine)', () => {
    expect(defaultWorkers(run(big, 'json'), true)).toBe(TWO);
    expect(defaultWorkers(run(big, 'ndjson'), true)).toBe(TWO);
    expect(defaultWorkers(run(big.replace(/csv$/, 'CSV'), 'json'), true)).toBe(1); // no such file: one
  });

  it('one for a file a byte smaller', () => {
    expect(defaultWorkers(run(small, 'json'), true)).toBe(1);
    expect(defaultWorkers(run(small, 'ndjson'), true)).toBe(1);
  });

  it('the same for JSON and NDJSON to stdout: two from 4 MiB, one below', () => {
    expect(defaultWorkers(toStdout(big, 'json'), true)).toBe(TWO);
    expect(defaultWorkers(toStdout(big, 'ndjson'), true)).toBe(TWO);
    expect(defaultWorkers(toStdout(small, 'json'), true)).toBe(1);
    expect(defaultWorkers(toStdout(small, 'ndjson'), true)).toBe(1);
  });

  it('one for CSV, to a file or to stdout, whatever the size: it gains little from a second thread', () => {
    expect(defaultWorkers(run(big, 'csv'), true)).toBe(1);
    expect(defaultWorkers(toStdout(big, 'csv'), true)).toBe(1);
  });

  it('one for a run that does not stream: a table, a recording run, a workbook, the reference executor', () => {
    expect(defaultWorkers(run(big, 'table'), false)).toBe(1);
    expect(defaultWorkers(run(big, 'json', { record: true }), false)).toBe(1);
    expect(defaultWorkers(run(fileOf('big.xlsx', AUTO_WORKERS_BYTES), 'json'), true)).toBe(1);
    expect(defaultWorkers(run(big, 'json', { sheet: 'Sheet1' }), true)).toBe(1);
    expect(defaultWorkers(run(big, 'json', { executor: 'reference' }), true)).toBe(1);
  });
});

describe('run on a 4 MiB CSV without --workers', () => {
  let data: string;
  beforeAll(() => {
    // the sample's 200 rows copied with fresh ids (SV0001 → C000-SV0001) until the file is 4 MiB
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const lines = [header];
    let bytes = Buffer.byteLength(`${header}\n`);
    for (let t = 0; bytes < AUTO_WORKERS_BYTES; t++)
      for (const r of rows) {
        const line = r.replace(/^SV/, `C${String(t).padStart(3, '0')}-SV`);
        lines.push(line);
        bytes += Buffer.byteLength(`${line}\n`);
      }
    data = join(dir, 'month.csv');
    writeFileSync(data, lines.join('\n') + '\n');
    process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS = '1';
  });
  afterAll(() => {
    delete process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS;
  });

  it('writes as JSON the same bytes as one thread does, and says nothing of threads', async () => {
    const args = [
      'run',
      'policies/short-video-team.yaml',
      '--data',
      data,
      '--format',
      'json',
      '--quiet',
      '--exclude-invalid',
    ];
    const byDefault = await yardstick(...args, '--out', join(dir, 'default.json'));
    const one = await yardstick(...args, '--out', join(dir, 'one.json'), '--workers', '1');
    expect(byDefault.code).toBe(0);
    expect(one.code).toBe(0);
    expect(byDefault.stderr.replace('default.json', 'one.json')).toBe(one.stderr);
    expect(byDefault.stderr).not.toContain('--workers');
    expect(byDefault.stderr).not.toContain('工作线程');
    expect(readFileSync(join(dir, 'default.json')).equals(readFileSync(join(dir, 'one.json')))).toBe(true);
    // 4 MiB of the sample's rows: every one scored or left out (the sample has rows with data problems)
    const result = JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8'));
    expect(result.scorecards.length + result.excluded.length).toBe(lines(data) - 1);
  }, 120_000);
});

describe('a run that defaults to two threads but cannot use them', () => {
  it('says nothing of --workers (the note is for a user who asked): a policy with bonus pools', async () => {
    // the six people of the pool fixture, then 4 MiB of empty lines (skipped): a file large enough
    const data = join(dir, 'pools.csv');
    writeFileSync(
      data,
      Buffer.concat([readFileSync('test/money/fixtures/month.csv'), Buffer.alloc(AUTO_WORKERS_BYTES, 0x0a)]),
    );
    const r = await yardstick(
      'run',
      'test/money/fixtures/pool-policy.yaml',
      '--data',
      data,
      '--format',
      'json',
      '--out',
      join(dir, 'pools.json'),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`已写入 ${join(dir, 'pools.json')}（6 人）`);
  }, 60_000);
});

const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').length;
