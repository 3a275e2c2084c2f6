// node/cli/stream.ts WriteBehind and node/files.ts writeAsync: a streaming run's output is written
// off the evaluating thread, in the order it was handed over, and a failed write stops the run.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile } from '../../node/files.js';
import { ExitError } from '../../node/cli/errors.js';
import { WriteBehind } from '../../node/cli/stream.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writing behind the evaluation', () => {
  it('writes every piece in the order given, each written piece reported, and the file commits whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-behind-'));
    const file = new AtomicFile(join(dir, 'out.json'));
    const behind = new WriteBehind(file, join(dir, 'out.json'));
    const written: string[] = [];
    const told = (b: Uint8Array) => written.push(new TextDecoder().decode(b));
    behind.write(bytes('[\n'), told);
    behind.write(bytes('  "许桐芳",\n'), told);
    behind.write(bytes('  "SV0002"\n]\n'));
    await behind.finish();
    file.commit();
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('[\n  "许桐芳",\n  "SV0002"\n]\n');
    expect(written).toEqual(['[\n', '  "许桐芳",\n']);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a write that fails (a full disk) is reported at the next piece, and nothing after it is written', async () => {
    const attempts: string[] = [];
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const fake = {
      writeAsync: async (b: Uint8Array) => {
        attempts.push(new TextDecoder().decode(b));
        if (attempts.length === 2) throw full;
      },
    } as unknown as AtomicFile;
    const behind = new WriteBehind(fake, 'results.json');
    behind.write(bytes('a'));
    behind.write(bytes('b'));
    behind.write(bytes('c'));
    await behind.settled();
    expect(attempts).toEqual(['a', 'b']);
    let thrown: unknown;
    try {
      behind.write(bytes('d'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExitError);
    expect((thrown as ExitError).diagnostics[0]!.code).toBe('io_write_failed');
    expect((thrown as ExitError).message).toBe('cannot write `results.json`: the disk is full');
    await expect(behind.finish()).rejects.toBeInstanceOf(ExitError);
    expect(attempts).toEqual(['a', 'b']);
  });

  it('waits for room only while more than the bound is queued', async () => {
    let release = () => {};
    const fake = {
      writeAsync: () => new Promise<void>((r) => (release = r)),
    } as unknown as AtomicFile;
    const behind = new WriteBehind(fake, 'results.ndjson');
    behind.write(new Uint8Array(10));
    await Promise.resolve();
    let roomy = false;
    const room = behind.room(9).then(() => (roomy = true));
    await behind.room(10);
    await new Promise((r) => setTimeout(r, 10));
    expect(roomy).toBe(false);
    release();
    await room;
    expect(roomy).toBe(true);
  });

  it('waits until the queue is back within the bound, not until every queued write is done', async () => {
    const releases: (() => void)[] = [];
    const fake = {
      writeAsync: () => new Promise<void>((r) => releases.push(r)),
    } as unknown as AtomicFile;
    const behind = new WriteBehind(fake, 'results.json');
    behind.write(new Uint8Array(10));
    behind.write(new Uint8Array(10));
    behind.write(new Uint8Array(10));
    await Promise.resolve();
    let roomy = false;
    // 30 bytes queued, room for 15: two of the three writes must end, the third may still be under way
    const room = behind.room(15).then(() => (roomy = true));
    releases[0]!();
    await new Promise((r) => setTimeout(r, 10));
    expect(roomy).toBe(false);
    releases[1]!();
    await room;
    expect(roomy).toBe(true);
    expect(releases.length).toBe(3);
    releases[2]!();
    await behind.finish();
  });

  it('counts a written piece off the queue when the report hands its buffer to another thread (leaving it empty here)', async () => {
    const fake = { writeAsync: async () => {} } as unknown as AtomicFile;
    const behind = new WriteBehind(fake, 'results.json');
    const handedOver: number[] = [];
    const handOver = (b: Uint8Array) => {
      // what postMessage with a transfer list does to the buffer on this side
      structuredClone(b.buffer, { transfer: [b.buffer] });
      handedOver.push(b.length);
    };
    behind.write(new Uint8Array(10), handOver);
    behind.write(new Uint8Array(10), handOver);
    // 20 bytes queued: once both are written none is left, though each piece now reads as empty
    await behind.room(0);
    expect(handedOver).toEqual([0, 0]);
    await behind.finish();
  });

  it('a write failing while room is waited for is reported by the wait', async () => {
    const rejects: ((e: Error) => void)[] = [];
    const fake = {
      writeAsync: () => new Promise<void>((_, reject) => rejects.push(reject)),
    } as unknown as AtomicFile;
    const behind = new WriteBehind(fake, 'results.json');
    behind.write(new Uint8Array(10));
    behind.write(new Uint8Array(10));
    await Promise.resolve();
    const room = behind.room(5);
    rejects[0]!(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    await expect(room).rejects.toThrow('cannot write `results.json`: the disk is full');
  });
});
