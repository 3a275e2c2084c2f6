// `--workers auto`, the default: a CSV file of 2 MiB or more (16 chunks of 128 KiB) is evaluated by
// the machine's cores, at most 4 threads; a smaller file, another kind of file or a file that is
// not there by one thread (starting a thread costs about a second of CPU). The output is the same
// byte for byte whatever the threads (test/cli/stream.test.ts).

import { availableParallelism } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTO_MAX_WORKERS, AUTO_MIN_CHUNKS, autoWorkers } from '../../node/cli/stream.js';
import { CHUNK_BYTES } from '../../node/cli/record-splitter.js';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-auto-workers-'));
const file = (name: string, bytes: number) => {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 0x61));
  return path;
};

describe('--workers auto', () => {
  it('is 2 MiB of 128 KiB chunks', () => {
    expect([AUTO_MIN_CHUNKS * CHUNK_BYTES, AUTO_MAX_WORKERS]).toEqual([2 * 1024 * 1024, 4]);
  });

  it('uses one thread for a CSV file just under 2 MiB', () => {
    expect(autoWorkers(file('small.csv', 2 * 1024 * 1024 - CHUNK_BYTES))).toBe(1);
  });

  it('uses the cores, at most 4, for a CSV file of 2 MiB', () => {
    expect(autoWorkers(file('large.csv', 2 * 1024 * 1024))).toBe(Math.min(availableParallelism(), 4));
  });

  it('uses one thread for a workbook, a JSON file or a file that is not there', () => {
    expect(autoWorkers(file('large.xlsx', 2 * 1024 * 1024))).toBe(1);
    expect(autoWorkers(file('large.json', 2 * 1024 * 1024))).toBe(1);
    expect(autoWorkers(join(dir, 'missing.csv'))).toBe(1);
  });
});
