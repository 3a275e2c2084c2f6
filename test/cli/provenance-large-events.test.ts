// The provenance of a run on a data mapping hashes every file the mapping names, event files
// included. It read each whole to hash it, under the limit for a data file read whole (256 MiB):
// an order export of millions of rows, which DuckDB aggregates without reading it whole, stopped
// `run --format json`, `--record` and `statements` with "the file is larger than 256 MiB". It is
// now hashed a mebibyte at a time, with no limit. The limit is lowered here to 1 KiB, for a small file.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../engine/index.js';
import { dataInputs } from '../../node/cli/provenance.js';

const limits = LIMITS as { dataBytes: number };
const before = limits.dataBytes;
afterEach(() => {
  limits.dataBytes = before;
});

describe('the provenance of a mapping with an event file larger than a data file read whole may be', () => {
  it('hashes the event file a piece at a time: the SHA-256 of its bytes, not "the file is too large"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-large-events-'));
    const orders = `工号,订单号,下单时间,实付金额,订单状态\n${Array.from({ length: 200 }, (_, i) => `LS0001,D${i},2026-10-01 10:00:00,99.00,已完成`).join('\n')}\n`;
    writeFileSync(join(dir, 'orders.csv'), orders);
    writeFileSync(join(dir, 'roster.csv'), '工号,姓名\nLS0001,主播一\n');
    const mapping = join(dir, 'm.data.yaml');
    writeFileSync(
      mapping,
      'period: 2026-10\nroster: { file: roster.csv }\nevents:\n  - file: orders.csv\n    time: 下单时间\n    metrics:\n      成交金额: { agg: sum, column: 实付金额 }\n',
    );
    expect(Buffer.byteLength(orders)).toBeGreaterThan(1024);
    limits.dataBytes = 1024;
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
    expect(dataInputs(mapping)).toEqual([
      { file: mapping, hash: sha(mapping), role: 'mapping' },
      { file: join(dir, 'roster.csv'), hash: sha(join(dir, 'roster.csv')), role: 'roster' },
      { file: join(dir, 'orders.csv'), hash: sha(join(dir, 'orders.csv')), role: 'source' },
    ]);
  });
});
