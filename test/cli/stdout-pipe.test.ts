// `run --format json` without --out prints the streamed month once it is known good, from a
// temporary file. Through a pipe it waits for the reader: a mebibyte is read from the file only
// once stdout has drained the one before, so a slow reader never has the whole document queued in
// memory. Into a file or a device it writes straight to the descriptor. Either way the bytes are
// those `--out` writes; a reader that closes the pipe ends the run with exit 1 and says why.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDrained } from '../../node/cli/io.js';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const MIB = 1024 * 1024;

// the runs' temporary files go to a folder of this file's own, to see that none is left behind
const base = tmpdir();
const scratch = mkdtempSync(join(base, 'yardstick-stdout-pipe-'));
const dir = mkdtempSync(join(base, 'yardstick-stdout-pipe-out-'));
const env = { ...process.env, TMPDIR: scratch };

/**
 * The sample month twelve times over (each copy's ids led by `R1-` … `R12-`): 2,400 rows, of which
 * 24 have data problems (the sample's rows 14 and 56 in each copy), so its JSON is several mebibytes.
 */
const month = join(dir, 'month.csv');
let expected: Buffer;
beforeAll(() => {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\n');
  const body = rows.filter((r) => r.trim() !== '');
  const copies = Array.from({ length: 12 }, (_, k) => body.map((r) => `R${k + 1}-${r}`).join('\n'));
  writeFileSync(month, `${header}\n${copies.join('\n')}\n`);
  const out = join(dir, 'result.json');
  const written = spawnSync(process.execPath, [...args(), '--out', out], { env });
  expect(written.status).toBe(0);
  expected = readFileSync(out);
});
afterAll(() => {
  expect(readdirSync(scratch)).toEqual([]);
});

const args = () => ['node/cli/bin.mjs', 'run', POLICY, '--data', month, '--format', 'json', '--exclude-invalid'];

/** The run in bash, its stdout into `into` (a shell redirection or pipeline), and its exit code on stderr. */
function shell(into: string) {
  const command = `${[process.execPath, ...args()].map((a) => `'${a}'`).join(' ')} ${into}; echo "exit \${PIPESTATUS[0]}" >&2`;
  return spawnSync('bash', ['-c', command], { env, encoding: 'utf8', timeout: 120_000 });
}

describe('JSON printed to stdout', () => {
  it('is several mebibytes for this month (so that it is printed over several writes)', () => {
    expect(expected.length).toBeGreaterThan(4 * MIB);
    expect(expected.subarray(0, 2).toString()).toBe('{\n');
  });

  it('through a pipe to a reader that waits two seconds before reading: the same bytes, exit 0', () => {
    const file = join(dir, 'slow.json');
    const r = shell(`| (sleep 2; cat > '${file}')`);
    expect(r.stderr).toContain('exit 0');
    expect(r.stderr).toContain('注意：24 条记录有数据问题，未计入结果和合计：');
    expect(Buffer.compare(readFileSync(file), expected)).toBe(0);
  });

  it('into a file it is appended to (>>): what the file held, then the same bytes', () => {
    const file = join(dir, 'appended.json');
    writeFileSync(file, 'before\n');
    const r = shell(`>> '${file}'`);
    expect(r.stderr).toContain('exit 0');
    expect(Buffer.compare(readFileSync(file), Buffer.concat([Buffer.from('before\n'), expected]))).toBe(0);
  });

  it('into /dev/null: exit 0, nothing said of stdout', () => {
    const r = shell('> /dev/null');
    expect(r.stderr).toContain('exit 0');
    expect(r.stderr).not.toContain('cannot write');
    expect(r.stderr).not.toContain('无法写入');
  });

  it('to a reader that closes the pipe after 100 bytes: those bytes, then exit 1 with the reason', () => {
    const file = join(dir, 'head.json');
    const r = shell(`| head -c 100 > '${file}'`);
    expect(readFileSync(file)).toEqual(expected.subarray(0, 100));
    expect(r.stderr).toContain('error: cannot write to stdout: EPIPE');
    expect(r.stderr).toContain('exit 1');
    expect(r.stderr).not.toContain('internal error');
  });

  it.runIf(existsSync('/dev/full'))(
    'into a full device (/dev/full): exit 1, saying that stdout cannot be written',
    () => {
      const r = shell('> /dev/full');
      expect(r.stderr).toContain('error: 无法写入标准输出（ENOSPC）');
      expect(r.stderr).toContain('exit 1');
    },
  );
});

/** A stream that finishes each write only when told to (a reader that takes its time). */
class SlowReader extends Writable {
  received: Buffer[] = [];
  /** The bytes in the stream, this write's and any queued behind it, as each write begins. */
  held: number[] = [];
  private finishOne: (() => void)[] = [];

  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.held.push(this.writableLength);
    this.received.push(Buffer.from(chunk));
    this.finishOne.push(() => done());
  }

  /** Finishes the writes under way and those that follow, a turn of the event loop apart. */
  async readAll(): Promise<void> {
    while (this.finishOne.length || this.writableLength) {
      this.finishOne.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
  }
}

describe('printing a file into a stream that drains slowly', () => {
  it('hands over a mebibyte only once the stream has taken the one before: nothing ever waits behind another', async () => {
    const file = join(dir, 'five-and-a-half.bin');
    const bytes = Buffer.alloc(5.5 * MIB);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 251;
    writeFileSync(file, bytes);
    const stream = new SlowReader();
    const fd = openSync(file, 'r');
    try {
      const printing = printDrained(fd, stream);
      // the reader takes its time: the printing waits for it
      await stream.readAll();
      await printing;
    } finally {
      closeSync(fd);
    }
    // six writes (5.5 MiB in mebibytes), each begun with nothing queued behind it
    expect(stream.received.map((b) => b.length)).toEqual([MIB, MIB, MIB, MIB, MIB, MIB / 2]);
    expect(stream.held).toEqual([MIB, MIB, MIB, MIB, MIB, MIB / 2]);
    expect(Buffer.compare(Buffer.concat(stream.received), bytes)).toBe(0);
  });

  it('stops reading once the stream is destroyed (a closed pipe)', async () => {
    const file = join(dir, 'three.bin');
    writeFileSync(file, Buffer.alloc(3 * MIB, 1));
    const stream = new SlowReader();
    stream.on('error', () => {});
    const fd = openSync(file, 'r');
    try {
      const printing = printDrained(fd, stream);
      await new Promise((r) => setImmediate(r));
      stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      await printing;
    } finally {
      closeSync(fd);
    }
    expect(stream.received.map((b) => b.length)).toEqual([MIB]);
  });
});
