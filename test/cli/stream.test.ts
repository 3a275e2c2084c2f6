// `yardstick run --format csv --out FILE` streams: the same bytes as the whole-file run, in the
// input's order whatever the number of workers, with the same refusals, and nothing left behind
// when it refuses. Record boundaries are found the way papaparse reads the file.

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { RecordSplitter } from '../../node/cli/record-splitter.js';
import { WorkerPool } from '../../node/cli/worker-pool.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const tempDir = () => mkdtempSync(join(tmpdir(), 'yardstick-stream-'));

/** The sample's rows copied `times` times with fresh ids (SV0001 → C03-SV0001): a file of several chunks. */
function bigSample(dir: string, times: number, edit: (lines: string[]) => void = () => {}): string {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n');
  const lines = [header];
  for (let t = 0; t < times; t++)
    for (const r of rows) lines.push(r.replace(/^SV/, `C${String(t).padStart(2, '0')}-SV`));
  edit(lines);
  const file = join(dir, 'big.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('yardstick run streams a CSV into a CSV', () => {
  // the reading thread evaluates the first chunks while workers load: a small file would never reach
  // them, so here every run waits for its workers first (the test below runs without waiting)
  beforeAll(() => {
    process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS = '1';
  });
  afterAll(() => {
    delete process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS;
  });

  it('writes exactly what the whole-file run prints, with one worker and with two', async () => {
    const dir = tempDir();
    const whole = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--exclude-invalid');
    expect(whole.code).toBe(0);
    for (const workers of ['1', '2']) {
      const out = join(dir, `r${workers}.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        SAMPLE,
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        workers,
      );
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
      expect(r.stderr).toContain(`已写入 ${out}（198 人）`);
      expect(r.stderr).toContain('注意：2 条记录有数据问题，未计入结果和合计：');
      expect(r.stderr).toContain('examples/sample-2026-10.csv:56: error[data_not_a_number]: `12..5` is not a number');
    }
  });

  it('keeps the input order across many chunks and two workers, and totals match the whole-file run', async () => {
    const dir = tempDir();
    const file = bigSample(dir, 80); // 16,000 rows, 1.8 MB: several chunks of about 1 MB
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    // 80 copies of the sample's 198 scorable rows
    expect(r.stderr).toContain(`已写入 ${out}（15840 人）`);
  });

  it('writes the same bytes when the reading thread evaluates the first chunks while the workers load', async () => {
    const dir = tempDir();
    const file = bigSample(dir, 80);
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    delete process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS;
    try {
      for (const workers of ['2', '3']) {
        const out = join(dir, `out${workers}.csv`);
        const r = await yardstick(
          'run',
          FLAGSHIP,
          '--data',
          file,
          '--format',
          'csv',
          '--out',
          out,
          '--exclude-invalid',
          '--workers',
          workers,
        );
        expect(r.code).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
        expect(r.stderr).toContain(`已写入 ${out}（15840 人）`);
      }
    } finally {
      process.env.YARDSTICK_STREAM_WAIT_FOR_WORKERS = '1';
    }
  });

  it('stops the worker threads it started beside the policy when the policy is refused', async () => {
    const dir = tempDir();
    const file = bigSample(dir, 10); // 1,980 rows, 2 chunks: a run with two threads
    const policyFile = join(dir, 'broken.yaml');
    // a version must be text (schema): one problem
    writeFileSync(policyFile, readFileSync(FLAGSHIP, 'utf8').replace(/^version: .*$/m, 'version: [1, 0]'));
    const out = join(dir, 'out.csv');
    const made = WorkerPool.made;
    const r = await yardstick('run', policyFile, '--data', file, '--format', 'csv', '--out', out, '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${policyFile}: the policy has 1 problem(s)`);
    expect(existsSync(out)).toBe(false);
    // the pool was made before the policy was read (one worker beside this thread), and none of its threads is left
    expect(WorkerPool.made).toBe(made + 1);
    await WorkerPool.lastSpawned;
    await expect.poll(() => WorkerPool.running).toBe(0);
  });

  it('prints a refusal found in several chunks once, with two workers as with one', async () => {
    const dir = tempDir();
    // 粉丝增长率 is a fraction on row 3 (0.103); every 50th row writes 45 (percent points) from row 11 on
    const file = bigSample(dir, 80, (lines) => {
      for (let i = 10; i < lines.length; i += 50) {
        const cells = Papa.parse<string[]>(lines[i]).data[0];
        cells[10] = '45';
        lines[i] = Papa.unparse([cells]);
      }
    });
    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--out', out, '--workers', workers);
      expect(r.code).toBe(1);
      expect(r.stderr.match(/data_mixed_ratio_notation/g)).toEqual(['data_mixed_ratio_notation']);
      expect(r.stderr).toContain('`0.103` (row 3) is a fraction, `45` (row 11) is percent points');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('finds a duplicate employee whose rows sit in different chunks, reported on the later row', async () => {
    const dir = tempDir();
    // row 7,902 (the last copy's SV0001) repeats row 2's employee
    const file = bigSample(dir, 40, (lines) => (lines[7901] = lines[1]));
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${file}:7902: error[data_duplicate_employee]: employee \`C00-SV0001\` already appears in row 2`,
    );
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });

  it('refuses data with bad cells without --exclude-invalid, and leaves no output or temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'csv', '--out', out, '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: 2 record(s) cannot be scored; fix the data, or run again with --exclude-invalid to leave them out of the results and totals',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at the first row of a role whose metric column is missing, writing nothing', async () => {
    const dir = tempDir();
    const text = readFileSync(SAMPLE, 'utf8').replace('完播率,', '完播率x,');
    const file = join(dir, 'no-completion.csv');
    writeFileSync(file, text);
    const out = join(dir, 'out.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--out', out, '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:1: error[data_missing_column]: the file has no column for \`完播率\` (completion_rate), which 编导 need`,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['no-completion.csv']);
  });

  it('reads a GBK export as the whole-file run does', async () => {
    const dir = tempDir();
    const data = 'examples/exports-2026-10/sample-gbk.csv';
    const whole = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--exclude-invalid');
    const out = join(dir, 'gbk.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'csv', '--out', out, '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });

  it('a GBK file whose first chunks are plain ASCII is read as GBK once a Chinese row shows up', async () => {
    const dir = tempDir();
    const [, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const header =
      'employee_id,name,role,team,stage,period,videos_published,plays,likes,completion_rate,follower_growth_rate,viral_videos,max_video_plays,profile_visits,leads,creative_adoption_rate,on_time_rate,edit_quality,hot_topic_match,performance_rating,cooperation_rating,fan_interaction_rate,violations';
    const ascii = (r: string, k: number) =>
      r
        .replace(/^SV(\d+),[^,]*,/, `A${k}-SV$1,employee ${k}-$1,`)
        .replace('运营经理', 'ops_manager')
        .replace('编导', 'director')
        .replace('剪辑师', 'editor')
        .replace('演员/主播', 'talent')
        .replace(/短视频(.)组/, 'team')
        .replace('初创期', 'startup')
        .replace('成熟期', 'mature')
        .replaceAll('万', 'w');
    const plain = Array.from({ length: 30 }, (_, k) => rows.map((r) => ascii(r, k))).flat();
    expect(plain.every((r) => /^[\x20-\x7e]*$/.test(r))).toBe(true); // about 500 KB before the first Chinese character
    const file = join(dir, 'late-chinese-gbk.csv');
    writeFileSync(file, iconv.encode([header, ...plain, ...rows].join('\r\n') + '\r\n', 'gbk'));
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    expect(readFileSync(out, 'utf8')).toContain('SV0001,许桐芳,短视频一组,运营经理,初创期');
  }, 120_000); // two runs of 6,000 rows each: well under a minute, but a loaded machine doubles it

  it('a file with two months falls back to the month-by-month run, with the same result', async () => {
    const dir = tempDir();
    const text = readFileSync(SAMPLE, 'utf8');
    const file = join(dir, 'two-months.csv');
    writeFileSync(
      file,
      text.trimEnd() +
        '\n' +
        text
          .replace(/^\uFEFF/, '')
          .split('\n')
          .slice(1)
          .join('\n')
          .replaceAll('2026-10', '2026-11'),
    );
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    expect(r.stderr).toContain(`已写入 ${out}（396 人）`);
  });

  it('takes earlier months from the results ledger, in the workers too: a second C in a row is an exit review', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.db');
    const text = readFileSync(SAMPLE, 'utf8');
    // October is recorded (the policy is in force from 2026-10), November streams
    const november = join(dir, '2026-11.csv');
    writeFileSync(november, text.replaceAll('2026-10', '2026-11'));
    expect(
      (await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--record', '--exclude-invalid', '--ledger', ledger)).code,
    ).toBe(0);
    const whole = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      november,
      '--format',
      'csv',
      '--exclude-invalid',
      '--ledger',
      ledger,
    );
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      november,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--ledger',
      ledger,
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    // the same month twice: everyone graded C in October and November is up for exit review
    const lines = readFileSync(out, 'utf8')
      .split('\r\n')
      .filter((l) => /,C,/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.endsWith('improvement_plan; exit_review'))).toBe(true);
  });

  it('with --executor reference the file is read whole, duplicates included, with the same result', async () => {
    const dir = tempDir();
    const file = bigSample(dir, 2, (lines) => (lines[301] = lines[1])); // row 302 repeats row 2's employee
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const out = join(dir, 'out.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      file,
      '--format',
      'csv',
      '--out',
      out,
      '--exclude-invalid',
      '--executor',
      'reference',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${file}:302: error[data_duplicate_employee]: employee \`C00-SV0001\` already appears in row 2`,
    );
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });

  it("prints the policy's warnings once, whether the data streams or falls back to the whole-file run", async () => {
    const dir = tempDir();
    const policy = join(dir, 'diamond.yaml');
    writeFileSync(
      policy,
      readFileSync(FLAGSHIP, 'utf8').replace(
        '      - { tier: gold,',
        '      - { tier: diamond, title: 钻石, min: 2.0, multiplier: 1.5 }\n      - { tier: gold,',
      ),
    );
    const text = readFileSync(SAMPLE, 'utf8');
    const twoMonths = join(dir, 'two-months.csv');
    writeFileSync(
      twoMonths,
      text.trimEnd() +
        '\n' +
        text
          .replace(/^\uFEFF/, '')
          .split('\n')
          .slice(1)
          .join('\n')
          .replaceAll('2026-10', '2026-11'),
    );
    for (const data of [SAMPLE, twoMonths]) {
      const r = await yardstick(
        'run',
        policy,
        '--data',
        data,
        '--format',
        'csv',
        '--out',
        join(dir, 'out.csv'),
        '--exclude-invalid',
      );
      expect(r.code).toBe(0);
      // score is capped at 130: attainment never passes 1.3
      expect(r.stderr.split('warning[policy_tier_unreachable]').length - 1).toBe(1);
    }
  });

  it('skips a totals row with the same note as the whole-file run, and writes the same rows', async () => {
    const dir = tempDir();
    const file = join(dir, 'with-total.csv');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8') + '合计,,,,,,5234,"123,456,789",,,,,,,,,,,,,,,12\n');
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    const note = `${file}:202: warning[data_totals_row]: row 202 is a totals row (\`合计\`), not an employee, and is skipped`;
    expect(whole.stderr).toContain(note);
    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        file,
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        workers,
      );
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
      expect(r.stderr).toContain(note);
      expect(r.stderr).toContain(`已写入 ${out}（198 人）`);
    }
  });

  it('refuses a ratio column that turns to percent points in a later chunk, as the whole-file run does, writing nothing', async () => {
    const dir = tempDir();
    // the last copy's SV0004 (row 7,805) has 40.2 instead of 40.2%; row 6 (SV0005) has the fraction 0.412
    const file = bigSample(dir, 40, (lines) => {
      expect(lines[7804].startsWith('C39-SV0004,')).toBe(true);
      lines[7804] = lines[7804].replace(',40.2%,', ',40.2,');
    });
    const message = `${file}:7805: error[data_mixed_ratio_notation]: column \`完播率\` (completion_rate) writes ratios two ways: \`0.412\` (row 6) is a fraction, \`40.2\` (row 7805) is percent points`;
    const whole = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--exclude-invalid');
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain(message);
    for (const workers of ['1', '2']) {
      const out = join(dir, `out${workers}.csv`);
      const r = await yardstick(
        'run',
        FLAGSHIP,
        '--data',
        file,
        '--format',
        'csv',
        '--out',
        out,
        '--exclude-invalid',
        '--workers',
        workers,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(readdirSync(dir)).toEqual(['big.csv']);
    }
  });

  it('refuses a file without 违规次数 although the metric has a default, as the whole-file run does', async () => {
    const dir = tempDir();
    const file = join(dir, 'renamed.csv');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace(',粉丝互动率,违规次数\n', ',粉丝互动率,违规数\n'));
    const out = join(dir, 'out.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', file, '--format', 'csv', '--out', out, '--exclude-invalid');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:1: error[data_missing_column]: the file has no column for \`违规次数\` (violations), which 运营经理 need; its \`default\` fills empty cells, not a missing column`,
    );
    expect(readdirSync(dir)).toEqual(['renamed.csv']);
  });

  it('rejects a worker count that is not a whole number from 1 to 64', async () => {
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--format',
      'csv',
      '--out',
      '/tmp/never.csv',
      '--workers',
      '0',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers takes a whole number from 1 to 64, got `0`');
  });
});

describe('yardstick run streams a CSV into JSON and NDJSON', () => {
  it('writes exactly the JSON the whole-file run prints, explanations and excluded records included, with one worker and two', async () => {
    const dir = tempDir();
    const big = bigSample(dir, 3);
    for (const data of [SAMPLE, big]) {
      const whole = await yardstick('run', FLAGSHIP, '--data', data, '--format', 'json', '--exclude-invalid');
      expect(whole.code).toBe(0);
      const cards = JSON.parse(whole.stdout).scorecards;
      expect(cards.length).toBe(data === SAMPLE ? 198 : 3 * 198);
      expect(cards[0].explanation.length).toBeGreaterThan(0);
      for (const workers of ['1', '2']) {
        const out = join(dir, `r${workers}.json`);
        const r = await yardstick(
          'run',
          FLAGSHIP,
          '--data',
          data,
          '--format',
          'json',
          '--out',
          out,
          '--exclude-invalid',
          '--workers',
          workers,
        );
        expect(r.code).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
      }
    }
  });

  it('writes one scorecard a line as NDJSON, the same cards as the JSON, streamed or not', async () => {
    const dir = tempDir();
    const json = JSON.parse(
      (await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'json', '--exclude-invalid')).stdout,
    );
    const whole = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'ndjson', '--exclude-invalid');
    expect(whole.code).toBe(0);
    const out = join(dir, 'r.ndjson');
    const streamed = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--format',
      'ndjson',
      '--out',
      out,
      '--exclude-invalid',
    );
    expect(streamed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
    const lines = whole.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(198);
    expect(lines.map((l) => JSON.parse(l))).toEqual(json.scorecards);
    expect(lines[0]!.startsWith('{"employee_id":"SV0001",')).toBe(true);
  });

  it('refuses bad cells without --exclude-invalid as the CSV stream does, leaving no JSON or temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--format', 'json', '--out', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('RecordSplitter cuts text where papaparse ends a record', () => {
  // cells with everything that decides where a record ends: quotes at the start of a cell, quotes
  // inside plain cells, doubled quotes, commas and line breaks inside quotes, CRLF
  const cell = fc.oneof(
    fc.constantFrom('', 'a', '12', '1,234', 'x"y', '5"', '甲乙'),
    fc.constantFrom('"q"', '"a,b"', '"line\nbreak"', '"say ""hi"""', '"crlf\r\nin"', '""'),
  );
  const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
  const file = fc
    .tuple(fc.array(record, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([records, nl, trailing]) => ({ text: records.join(nl) + (trailing ? nl : ''), nl }));

  it('numbers every chunk from the rows before it, and each chunk holds whole records', () => {
    fc.assert(
      fc.property(
        file,
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }),
        ({ text, nl }, sizes) => {
          const bytes = new TextEncoder().encode(text);
          const splitter = new RecordSplitter(',', 8);
          const chunks = [];
          let at = 0;
          // pieces of any size, cutting through multi-byte characters
          for (let k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length];
            const chunk = splitter.push(bytes.slice(at, at + size));
            if (chunk) chunks.push(chunk);
            at += size;
          }
          const last = splitter.end();
          if (last) chunks.push(last);
          const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
          expect(chunks.map((c) => decode(c.bytes)).join('')).toBe(text);
          const all = Papa.parse<string[]>(text, { delimiter: ',', newline: nl }).data;
          const records = text.endsWith('\n') ? all.length - 1 : all.length; // a final line break adds an empty row
          let row = 1;
          for (const c of chunks) {
            expect(c.firstRow).toBe(row);
            const parsed = Papa.parse<string[]>(decode(c.bytes), { delimiter: ',', newline: nl }).data;
            expect(parsed.slice(0, c.records)).toEqual(all.slice(row - 1, row - 1 + c.records));
            row += c.records;
          }
          expect(row - 1).toBe(records);
        },
      ),
      { numRuns: 500, seed: 42 },
    );
  });

  it('copies a record that spans many pieces a bounded number of times, not once per piece', () => {
    // one 64 MiB line arriving in 1,024 pieces of 64 KiB: joining the carried bytes to every new
    // piece would copy 64 KiB × (1 + 2 + … + 1,024) ≈ 32 GiB; doubling the buffer copies each byte
    // at most once on arrival plus once per doubling: under 3 × 64 MiB in all
    const piece = new Uint8Array(64 * 1024).fill(0x61);
    const splitter = new RecordSplitter(',');
    for (let k = 0; k < 1024; k++) expect(splitter.push(piece)).toBeUndefined();
    const last = splitter.end()!;
    expect(last.bytes.length).toBe(64 * 1024 * 1024);
    expect(last.records).toBe(1);
    expect(splitter.copied).toBeLessThan(3 * 64 * 1024 * 1024);
  });
});
