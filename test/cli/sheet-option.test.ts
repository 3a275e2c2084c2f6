// `--sheet` names a sheet of an .xlsx workbook. Given with a CSV or JSON file it is a mistake (the
// wrong file, or a leftover option), so the data is refused at the file, never read as if the
// option were not there — the whole-file run, the streaming run and `data inspect` alike.

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const DATA = 'examples/sample-2026-10.csv';
const REFUSAL =
  'examples/sample-2026-10.csv:1: error[data_sheet_not_workbook]: `examples/sample-2026-10.csv` is not an Excel workbook, so it has no sheet `10月`';

describe('--sheet with a file that is not a workbook', () => {
  it('refuses a whole-file run, as an input error', async () => {
    const r = await yardstick('run', POLICY, '--data', DATA, '--sheet', '10月');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(REFUSAL);
    expect(r.stderr).toContain(
      'a sheet names one of an .xlsx file’s sheets: leave out --sheet (or `sheet:` in a data mapping) for a CSV or JSON file',
    );
    expect(r.stdout).toBe('');
  });

  it('refuses a run that would stream CSV to a file, and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yardstick-sheet-')), 'results.csv');
    const r = await yardstick('run', POLICY, '--data', DATA, '--sheet', '10月', '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(REFUSAL);
    expect(existsSync(out)).toBe(false);
  });

  it('data inspect says the file cannot be used', async () => {
    const r = await yardstick('data', 'inspect', DATA, '--policy', POLICY, '--sheet', '10月');
    expect(r.code).toBe(1);
    // nothing was read: no "records: 0 can be scored, 0 cannot", which read as a month of nobody
    expect(r.stdout).toContain('  not read: required columns, cells and records were not checked');
    expect(r.stdout).not.toContain('records:');
    expect(`${r.stdout}${r.stderr}`).toContain('error[data_sheet_not_workbook]');
  });
});

// A data mapping names each workbook's sheet itself (`sheet:`): --sheet with one was ignored, and the
// run went ahead on the mapping's sheets, not the one asked for.
describe('--sheet with a data mapping', () => {
  const MAPPING = 'examples/exports-2026-10/month.data.yaml';

  it('refuses the run at the mapping (exit 1), saying the mapping names its own sheets', async () => {
    const r = await yardstick('run', POLICY, '--data', MAPPING, '--sheet', '10月', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `${MAPPING}:1: error[data_sheet_not_workbook]: \`${MAPPING}\` is a data mapping, so \`--sheet 10月\` names no sheet of it`,
      '  help: a data mapping names each workbook’s sheet itself (`sheet:` under its roster or a source): leave out --sheet',
    ]);
  });

  it('data inspect says the mapping was not read', async () => {
    const r = await yardstick('data', 'inspect', MAPPING, '--policy', POLICY, '--sheet', '10月', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`error[data_sheet_not_workbook]: \`${MAPPING}\` is a data mapping`);
    expect(r.stdout).toContain('  not read: required columns, cells and records were not checked');
    expect(r.stdout).not.toContain('records:');
  });
});
