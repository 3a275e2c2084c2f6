// `yardstick run … > result.json`: stdout redirected into a regular file. The month is written
// straight into that file as it is evaluated (no temporary copy to read back), and taken back
// whole when the month is refused: the file is cut back to what it held and the shell's offset put
// back, so whatever the shell writes next follows what was there before, with no hole of NUL bytes.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

let dir: string;
/** The sample month five times over (SV0001…SV0200, then SV1001…SV1200, …): 1,000 records, a JSON document of about 3 MB. */
let big: string;
/** `big` with its last 200 records in September: a file of two months. */
let twoMonths: string;
/** The sample month 25 times over: 5,000 records, a JSON document of about 15 MB, long enough to stop halfway. */
let huge: string;
/** `big` with a record whose 发布视频数 is 三十一 at its very end (row 1,001). */
let refused: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-stdout-file-'));
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
  const copy = (k: number, month = '2026-10') =>
    rows.map((r) => r.replace(/^SV0(\d\d\d)/, `SV${k}$1`).replace(',2026-10,', `,${month},`));
  const blocks = [0, 1, 2, 3, 4].map((k) => copy(k));
  huge = join(dir, 'huge.csv');
  writeFileSync(huge, [header, ...Array.from({ length: 25 }, (_, k) => copy(k)).flat()].join('\n') + '\n');
  big = join(dir, 'big.csv');
  writeFileSync(big, [header, ...blocks.flat()].join('\n') + '\n');
  twoMonths = join(dir, 'two-months.csv');
  writeFileSync(twoMonths, [header, ...blocks.slice(0, 4).flat(), ...copy(4, '2026-09')].join('\n') + '\n');
  refused = join(dir, 'refused.csv');
  const last = rows[1]!.replace(/^SV0002/, 'SV9002').replace(/,2026-10,31,/, ',2026-10,三十一,');
  writeFileSync(refused, [header, ...blocks.flat(), last].join('\n') + '\n');
});

/**
 * `{ echo before; yardstick ARGS; echo "rc=$?"; echo after; } > FILE` in bash: what the file holds
 * (as bytes) and what the run said on stderr. `tmp` is the run's TMPDIR.
 */
function inGroup(args: string[], tmp = tmpdir()): { file: Buffer; stderr: string } {
  const file = join(mkdtempSync(join(dir, 'group-')), 'out');
  const r = spawnSync(
    'bash',
    [
      '-c',
      '{ echo before; "$0" node/cli/bin.mjs "$@" 2>"$OUT.err"; echo "rc=$?"; echo after; } > "$OUT"',
      process.execPath,
      ...args,
    ],
    { env: { ...process.env, OUT: file, TMPDIR: tmp } },
  );
  expect(r.status).toBe(0);
  return { file: readFileSync(file), stderr: readFileSync(`${file}.err`, 'utf8') };
}

/** What the run writes with --out FILE. */
function writtenWithOut(args: string[]): Buffer {
  const out = join(mkdtempSync(join(dir, 'out-')), 'result');
  const r = spawnSync(process.execPath, ['node/cli/bin.mjs', ...args, '--out', out]);
  expect(r.status).toBe(0);
  return readFileSync(out);
}

const run = (data: string, format: string, ...more: string[]) => [
  'run',
  POLICY,
  '--data',
  data,
  '--format',
  format,
  ...more,
];

describe('run into a file stdout was redirected to', () => {
  it.each(['json', 'ndjson', 'csv'])(
    'writes, as %s, byte for byte what --out writes, after what the file held, without a temporary file',
    (format) => {
      const args = run(big, format, '--exclude-invalid');
      // TMPDIR names no folder: a run that needed a temporary file would be refused
      const { file, stderr } = inGroup(args, join(dir, 'no-such-folder'));
      const expected = Buffer.concat([Buffer.from('before\n'), writtenWithOut(args), Buffer.from('rc=0\nafter\n')]);
      expect(stderr).toContain('注意：10 条记录有数据问题，未计入结果和合计：');
      expect(file.length).toBe(expected.length);
      expect(Buffer.compare(file, expected)).toBe(0);
    },
  );

  it.each(['json', 'ndjson', 'csv'])(
    'takes a refused %s month back whole: the shell then writes on right after `before`, no NUL bytes between',
    (format) => {
      const { file, stderr } = inGroup(run(refused, format));
      expect(file.toString('utf8')).toBe('before\nrc=1\nafter\n');
      expect(stderr).toContain('error: 11 条记录有数据问题，本次不输出任何结果：');
      expect(stderr).toContain(`${refused}:1002:`);
    },
  );

  it('writes both months of a file holding two (read whole, not streamed), after what the file held', () => {
    const args = run(twoMonths, 'json', '--exclude-invalid');
    const { file } = inGroup(args);
    const expected = Buffer.concat([Buffer.from('before\n'), writtenWithOut(args), Buffer.from('rc=0\nafter\n')]);
    expect(Buffer.compare(file, expected)).toBe(0);
    const doc = JSON.parse(file.subarray(7, file.length - 'rc=0\nafter\n'.length).toString('utf8'));
    // 1,000 records less the 10 with data problems (two in each copy of the sample)
    expect([doc.period, doc.scorecards.length]).toEqual(['2026-09,2026-10', 990]);
  });

  it('appends after what a `>>` file held (through a temporary file: cutting back could cut another writer)', () => {
    const file = join(mkdtempSync(join(dir, 'append-')), 'out');
    writeFileSync(file, 'earlier run\n');
    const args = run(big, 'csv', '--exclude-invalid');
    const r = spawnSync('bash', ['-c', '"$0" node/cli/bin.mjs "$@" >> "$OUT"', process.execPath, ...args], {
      env: { ...process.env, OUT: file },
    });
    expect(r.status).toBe(0);
    const expected = Buffer.concat([Buffer.from('earlier run\n'), writtenWithOut(args)]);
    expect(Buffer.compare(readFileSync(file), expected)).toBe(0);
  });

  it('takes the month back when the run is stopped with Ctrl-C (SIGINT) halfway', async () => {
    const file = join(mkdtempSync(join(dir, 'interrupted-')), 'out');
    writeFileSync(file, '');
    const fd = openSync(file, 'w');
    const child = spawn(
      process.execPath,
      ['node/cli/bin.mjs', ...run(huge, 'json', '--exclude-invalid', '--workers', '1')],
      {
        stdio: ['ignore', fd, 'ignore'],
      },
    );
    closeSync(fd);
    // stopped once part of the month is in the file
    let seen = 0;
    while (seen === 0 && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 5));
      seen = statSync(file).size;
    }
    child.kill('SIGINT');
    const signal = await new Promise((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(seen).toBeGreaterThan(0);
    expect(signal).toBe('SIGINT');
    expect(statSync(file).size).toBe(0);
  });

  // the writes go on Node's thread pool: a signal may come while one is under way, which lands after
  // the cut at the offset it started from; the run cuts the file back again once it has landed
  it.each([
    ['SIGINT', 1, '1'],
    ['SIGTERM', 1, '2'],
    ['SIGINT', 4 << 20, '2'],
    ['SIGHUP', 4 << 20, '1'],
    ['SIGTERM', 9 << 20, '2'],
  ] as const)(
    'takes the month back when stopped with %s once the file holds %i bytes more (--workers %s), after what it held',
    async (signal, past, workers) => {
      const file = join(mkdtempSync(join(dir, 'stopped-')), 'out');
      const fd = openSync(file, 'w');
      // `{ echo before; exec yardstick …; } > file`: the run writes after `before`, at the shell's offset
      const child = spawn(
        'bash',
        [
          '-c',
          'echo before; exec "$0" node/cli/bin.mjs "$@"',
          process.execPath,
          ...run(huge, 'json', '--exclude-invalid', '--workers', workers),
        ],
        { stdio: ['ignore', fd, 'ignore'] },
      );
      closeSync(fd);
      let seen = 0;
      while (seen < 7 + past && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 2));
        seen = statSync(file).size;
      }
      child.kill(signal);
      const stopped = await new Promise((resolve) => child.on('exit', (_code, s) => resolve(s)));
      expect(seen).toBeGreaterThanOrEqual(7 + past);
      expect(stopped).toBe(signal);
      expect(readFileSync(file, 'utf8')).toBe('before\n');
    },
  );

  it('cuts the file back again when the write under way lands after the month was taken back', () => {
    const file = join(mkdtempSync(join(dir, 'landed-')), 'out');
    const fd = openSync(file, 'w');
    const r = spawnSync(
      'bash',
      ['-c', 'echo before; exec "$0" --import tsx test/cli/stdout-interrupted-writer.ts', process.execPath],
      { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' },
    );
    closeSync(fd);
    expect(r.stderr).toBe('taken back while a write was under way\n');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('before\n');
  });
});
