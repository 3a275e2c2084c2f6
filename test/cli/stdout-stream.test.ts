// `run --format csv|json|ndjson` without --out prints what --out would write, streamed through a
// temporary file (memory stays flat however long the month): printed only once the month is read
// and checked, so a refused month prints nothing, and the temporary file is gone afterwards.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

// the runs' temporary files go to a folder of this file's own, to see that none is left behind
let scratch: string;
const before = process.env.TMPDIR;
const base = tmpdir();
beforeAll(() => {
  scratch = mkdtempSync(join(base, 'yardstick-stdout-test-'));
  process.env.TMPDIR = scratch;
});
afterAll(() => {
  if (before === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
});

describe('run to stdout', () => {
  it.each(['json', 'ndjson', 'csv'])(
    'prints, as %s, byte for byte what --out writes, and says nothing of a file',
    async (format) => {
      const out = join(mkdtempSync(join(base, 'yardstick-stdout-out-')), `result.${format}`);
      // the sample month has two records with data problems (rows 14 and 56): left out, as a user would
      const printed = await yardstick('run', POLICY, '--data', SAMPLE, '--format', format, '--exclude-invalid');
      const written = await yardstick(
        'run',
        POLICY,
        '--data',
        SAMPLE,
        '--format',
        format,
        '--exclude-invalid',
        '--out',
        out,
      );
      expect([printed.code, written.code]).toEqual([0, 0]);
      expect(printed.stderr).toContain('注意：2 条记录有数据问题，未计入结果和合计：');
      expect(printed.stdout).toBe(readFileSync(out, 'utf8'));
      expect(printed.stderr).not.toContain('已写入');
      expect(written.stderr).toContain(`已写入 ${out}（198 人）`);
      expect(readdirSync(scratch)).toEqual([]);
    },
  );

  it.each(['json', 'csv'])(
    "as a process, prints the %s file's bytes as they are (the CSV's byte order mark first) into a pipe",
    (format) => {
      const out = join(mkdtempSync(join(base, 'yardstick-stdout-bytes-')), `result.${format}`);
      const args = ['node/cli/bin.mjs', 'run', POLICY, '--data', SAMPLE, '--format', format, '--exclude-invalid'];
      const env = { ...process.env, TMPDIR: scratch };
      const printed = spawnSync(process.execPath, args, { env });
      const written = spawnSync(process.execPath, [...args, '--out', out], { env });
      expect([printed.status, written.status]).toEqual([0, 0]);
      expect(Buffer.compare(printed.stdout, readFileSync(out))).toBe(0);
      if (format === 'csv') expect([...printed.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(readdirSync(scratch)).toEqual([]);
    },
  );

  it('evaluates in worker threads too (--workers 2), with the same text', async () => {
    const one = await yardstick('run', POLICY, '--data', SAMPLE, '--format', 'ndjson', '--exclude-invalid');
    const two = await yardstick(
      'run',
      POLICY,
      '--data',
      SAMPLE,
      '--format',
      'ndjson',
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(two.code).toBe(0);
    expect(two.stderr).not.toContain('is not used');
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints the JSON document whole: SV0001 scores 77.25 and is paid 6,000 × 77.25 / 100 = ¥4,635.00', async () => {
    const r = await yardstick('run', POLICY, '--data', SAMPLE, '--format', 'json', '--exclude-invalid');
    const doc = JSON.parse(r.stdout);
    expect([doc.scorecards.length, doc.excluded.length]).toEqual([198, 2]);
    const card = doc.scorecards.find((c: { employee_id: string }) => c.employee_id === 'SV0001');
    expect([card.score, card.grade, card.payout.total]).toEqual([77.25, 'B', 4635]);
    expect(doc.summary.payout_total).toBe(
      doc.scorecards.reduce(
        (sum: number, c: { payout: { total: number } }) => sum + Math.round(c.payout.total * 100),
        0,
      ) / 100,
    );
  });

  it('prints nothing for a month with a record it cannot read, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(base, 'yardstick-stdout-bad-'));
    const file = join(dir, 'month.csv');
    // SV0002's 发布视频数 is no number
    writeFileSync(
      file,
      readFileSync(SAMPLE, 'utf8').replace('短视频一组,初创期,2026-10,31,', '短视频一组,初创期,2026-10,三十一,'),
    );
    for (const format of ['json', 'ndjson', 'csv']) {
      const r = await yardstick('run', POLICY, '--data', file, '--format', format);
      expect([format, r.code, r.stdout]).toEqual([format, 1, '']);
      expect(r.stderr).toContain(`${file}:3:`);
    }
    expect(readdirSync(scratch)).toEqual([]);
  });
});
