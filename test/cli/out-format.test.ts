// `yardstick run --out FILE`: without --format the file's extension says what is written (an
// `--out results.xlsx` held a text table Excel cannot open, and a `--format xlsx` workbook could be
// named `.csv`); a --format the extension contradicts is refused before any work, nothing written.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOfOut } from '../../node/cli/out-format.js';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const DATA = 'examples/sample-2026-10.csv';
const run = (...args: string[]) => yardstick('run', POLICY, '--data', DATA, '--exclude-invalid', '--quiet', ...args);
const scratch = () => mkdtempSync(join(tmpdir(), 'out-format-'));

describe('the format a --out file names', () => {
  it('is read from the extension, any letter case; other extensions name none', () => {
    expect(
      ['r.csv', 'r.CSV', 'r.json', 'r.ndjson', 'r.jsonl', 'r.md', 'r.xlsx', 'r.txt', 'r', 'out.d/r', undefined].map(
        formatOfOut,
      ),
    ).toEqual(['csv', 'csv', 'json', 'ndjson', 'ndjson', 'md', 'xlsx', undefined, undefined, undefined, undefined]);
  });
});

describe('run --out without --format', () => {
  it('writes a workbook to `.xlsx` (a zip: PK), CSV with its BOM to `.csv`, JSON to `.json`', async () => {
    const dir = scratch();
    for (const name of ['r.xlsx', 'r.csv', 'r.json']) {
      const r = await run('--out', join(dir, name), '--lang', 'en');
      expect(r.code).toBe(0);
    }
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split(/\r?\n/)[0]).toBe(
      '\uFEFFemployee_id,name,team,role,stage,base_score,score,grade,tier,payout,status,holds,triggers',
    );
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { scorecards: unknown[] };
    // the sample month: 200 rows, two of them (rows 14 and 56) left out
    expect(json.scorecards).toHaveLength(198);
  });

  it('writes the table to any other extension, as before', async () => {
    const dir = scratch();
    const r = await run('--out', join(dir, 'r.txt'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toContain('employee');
  });
});

describe('run --out with a --format its extension contradicts', () => {
  it('is refused with exit 2, naming both and the file to name instead; nothing is written', async () => {
    const dir = scratch();
    const out = join(dir, 'results.csv');
    const r = await run('--out', out, '--format', 'xlsx', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: --out \`${out}\` names a .csv file, but --format is xlsx\n` +
        `  help: leave out --format to write what the extension says, or name the file \`${join(dir, 'results.xlsx')}\``,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('in Chinese too, and the table to `.md` is refused the same way', async () => {
    const out = join(scratch(), 'r.md');
    const r = await run('--out', out, '--format', 'table', '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: --out \`${out}\` 是 .md 文件，但 --format 指定的是 table`);
  });

  it('a --format the extension agrees with, or an extension that names none, is written', async () => {
    const dir = scratch();
    expect((await run('--out', join(dir, 'r.jsonl'), '--format', 'ndjson')).code).toBe(0);
    expect((await run('--out', join(dir, 'r.txt'), '--format', 'csv', '--lang', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8').startsWith('\uFEFFemployee_id,')).toBe(true);
  });
});
