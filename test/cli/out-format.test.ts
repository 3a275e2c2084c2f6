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

  it('writes the table to an extension that names no format (`.txt`), as before', async () => {
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

describe('run --out naming a format run does not write', () => {
  it('`.xls` is refused with exit 2 (a text table Excel would open as a broken workbook), nothing written', async () => {
    const out = join(scratch(), 'results.xls');
    const r = await run('--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: --out \`${out}\` names a .xls file, which \`run\` does not write\n` +
        '  help: name the file `.csv`, `.xlsx`, `.json`, `.ndjson`, `.md`, or `.txt` for the table',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('`.tsv` is refused even with --format csv (Excel splits a .tsv at tabs), in Chinese too', async () => {
    const out = join(scratch(), 'results.TSV');
    const r = await run('--out', out, '--format', 'csv', '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --out \`${out}\` 是 .TSV 文件，\`run\` 不写这种格式\n` +
        '  提示：请把文件命名为 `.csv`、`.xlsx`、`.json`、`.ndjson`、`.md`，或 `.txt`（表格）',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('`.html` is refused for run; doc writes it and refuses `.pdf`', async () => {
    const dir = scratch();
    expect((await run('--out', join(dir, 'r.html'), '--lang', 'en')).code).toBe(2);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
    const doc = await yardstick('doc', POLICY, '--out', join(dir, 'plan.htm'), '--lang', 'en');
    expect(doc.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.htm'), 'utf8').startsWith('<!doctype html>')).toBe(true);
    const pdf = await yardstick('doc', POLICY, '--out', join(dir, 'plan.pdf'), '--lang', 'en');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toBe(
      `error: --out \`${join(dir, 'plan.pdf')}\` names a .pdf file, which \`doc\` does not write\n` +
        '  help: name the file `.md` or `.html`',
    );
    expect(existsSync(join(dir, 'plan.pdf'))).toBe(false);
  });
});

describe('--out names the gaps closed after the first version', () => {
  it('doc refuses an extension that is no document (`.xlsx` held Markdown); a trailing dot or space hides no extension; ` -` is `-`', async () => {
    const dir = scratch();
    const doc = await yardstick('doc', POLICY, '--out', join(dir, 'plan.xlsx'), '--lang', 'en');
    expect(doc.code).toBe(2);
    expect(doc.stderr.split('\n')[0]).toBe(
      `error: --out \`${join(dir, 'plan.xlsx')}\` names a .xlsx file, which \`doc\` does not write`,
    );
    expect(existsSync(join(dir, 'plan.xlsx'))).toBe(false);
    for (const name of ['r.xls.', 'r.xls ', 'r.xml']) {
      const r = await run('--out', join(dir, name), '--lang', 'en');
      expect(r.code).toBe(2);
      expect(existsSync(join(dir, name))).toBe(false);
    }
    const dash = await run('--out', ' -', '--lang', 'en');
    expect(dash.code).toBe(2);
    expect(dash.stderr.split('\n')[0]).toBe('error: --out `-` would write a file named `-`');
  });
});

describe('--out -', () => {
  it('is refused with exit 2 for run, doc and statements: it would be a file (or folder) named `-`', async () => {
    const dir = scratch();
    for (const args of [
      ['run', POLICY, '--data', DATA, '--out', '-'],
      ['doc', POLICY, '--out=-'],
      ['statements', POLICY, '--data', DATA, '--out', '-'],
    ]) {
      const r = await yardstick(...args, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'error: --out `-` would write a file named `-`\n' +
          '  help: leave out --out to print to stdout (or redirect it: `> results.txt`), or name the file',
      );
    }
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(existsSync('-')).toBe(false);
  });
});
