// A `.tsv` (or `.txt`) export streams as a `.csv` does: the whole-file reader reads the three alike
// (the separator is the header line's), and a run now reads a tab-separated month in chunks too,
// with worker threads, writing the same bytes. It was read whole, its memory growing with the file,
// and `--workers` was "not used: only a CSV file is evaluated in worker threads".

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

describe('yardstick run streams a tab-separated month', () => {
  beforeAll(() => {
    process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS = '1';
  });
  afterAll(() => {
    delete process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS;
  });

  it('a .tsv (and a .txt) of the sample, 20 times over, gives the bytes the .csv gives, in two threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-stream-tsv-'));
    const [header, ...rows] = Papa.parse<string[]>(
      readFileSync(SAMPLE, 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd(),
    ).data;
    const many = [header!];
    for (let t = 0; t < 20; t++)
      for (const r of rows) many.push([r[0]!.replace(/^SV/, `C${String(t).padStart(2, '0')}-SV`), ...r.slice(1)]);
    writeFileSync(join(dir, 'big.csv'), `${Papa.unparse(many, { newline: '\n' })}\n`);
    writeFileSync(join(dir, 'big.tsv'), `${Papa.unparse(many, { delimiter: '\t', newline: '\n' })}\n`);
    writeFileSync(join(dir, 'big.txt'), readFileSync(join(dir, 'big.tsv')));
    const csv = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      join(dir, 'big.csv'),
      '--format',
      'csv',
      '--exclude-invalid',
    );
    expect(csv.code).toBe(0);
    for (const name of ['big.tsv', 'big.txt']) {
      const out = join(dir, `${name}.out.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        join(dir, name),
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        '2',
      );
      expect(r.code).toBe(0);
      // before: `note: --workers 2 is not used: only a CSV file is evaluated in worker threads`
      expect(r.stderr).not.toContain('is not used');
      expect(readFileSync(out, 'utf8')).toBe(csv.stdout);
    }
  });
});
