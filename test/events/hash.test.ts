// The SHA-256 statements name for an event file (node/cli/events/hash.ts): hashed on a worker
// thread for a large file, on the calling thread otherwise, the same digest either way.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventFileHash, fileHash, WORKER_HASH_BYTES, workerFileHash } from '../../node/cli/events/hash.js';
import { aggregate, folder } from './build.js';

// FIPS 180-2, appendix B.1: SHA-256("abc")
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
// SHA-256 of no bytes at all
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe("an event file's SHA-256", () => {
  it('is the standard digest of its bytes, on either thread', async () => {
    const dir = folder({ 'abc.csv': 'abc', 'empty.csv': '' });
    expect(await fileHash(join(dir, 'abc.csv'))).toBe(ABC);
    expect(await workerFileHash(join(dir, 'abc.csv'))).toBe(ABC);
    expect(await workerFileHash(join(dir, 'empty.csv'))).toBe(EMPTY);
    expect(await eventFileHash(join(dir, 'abc.csv'))).toBe(ABC);
  });

  it('covers every byte of a file longer than one read (4 MiB), the last read a partial one', async () => {
    // 9 MiB + 3 bytes: two whole reads and a partial one; one byte changed near the end changes the digest
    const bytes = Buffer.alloc(9 * 2 ** 20 + 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const changed = Buffer.from(bytes);
    changed[changed.length - 2] ^= 1;
    const dir = folder({ 'a.bin': bytes, 'b.bin': changed });
    const a = createHash('sha256').update(bytes).digest('hex');
    const b = createHash('sha256').update(changed).digest('hex');
    expect(a).not.toBe(b);
    expect(await workerFileHash(join(dir, 'a.bin'))).toBe(a);
    expect(await workerFileHash(join(dir, 'b.bin'))).toBe(b);
    expect(await fileHash(join(dir, 'b.bin'))).toBe(b);
  });

  it('goes to a worker thread only for a large file', () => {
    expect(WORKER_HASH_BYTES).toBe(32 * 2 ** 20);
  });

  it('of a large event file is the one the report names', async () => {
    // 32 MiB of orders (the worker's threshold): 32,768 rows of E1 in October, each 1 KiB long
    const row = `E1,2026-10-05 10:00,10,${'x'.repeat(1024 - 23)}\n`;
    const text = `工号,下单时间,实付金额,订单状态\n${row.repeat(32 * 1024)}`;
    const dir = folder({ 'orders.csv': text });
    const r = await aggregate(
      dir,
      `events:
  - file: orders.csv
    time: 下单时间
    metrics:
      orders: { agg: count }
`,
    );
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(WORKER_HASH_BYTES);
    expect(r.reports[0]!.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(r.sources[0]!.table.rows.find((x) => x[0] === 'E1')).toEqual(['E1', '32768']);
  });

  it('of a file that cannot be read is an error, not a digest', async () => {
    const dir = folder({});
    await expect(workerFileHash(join(dir, 'missing.csv'))).rejects.toThrow();
    await expect(eventFileHash(join(dir, 'missing.csv'))).rejects.toThrow();
  });
});
