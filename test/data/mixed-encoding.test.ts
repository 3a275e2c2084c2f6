// A CSV file in UTF-8 with one cell pasted in GBK, and an Excel workbook saved under a .csv name.
// Neither is read as something else: the first is refused at the cell (read whole as GBK, every
// other name in the file would be garbled), the second at the file, each saying what it is.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

// GB18030 bytes of 林小雨, by hand from the GBK code table: 林 C1D6, 小 D0A1, 雨 D3EA
const LIN_XIAO_YU_GBK = [0xc1, 0xd6, 0xd0, 0xa1, 0xd3, 0xea];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];

function mixed(): Uint8Array {
  return new Uint8Array([
    ...utf8('工号,姓名,岗位,团队\nE1,王芳,编导,短视频一组\nE2,'),
    ...LIN_XIAO_YU_GBK,
    ...utf8(',编导,短视频一组\n'),
  ]);
}

describe('a UTF-8 CSV with one cell in GBK', () => {
  it('is refused at that cell, with what the cell says in GBK', async () => {
    const r = await readTable(mixed(), 'month.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [d] = r.diagnostics;
    expect(d?.code).toBe('data_encoding');
    expect(d?.message).toBe('the file is UTF-8 but this cell is not: read as GBK it says `林小雨`');
    expect(d?.help).toBe('retype the cell, or save the whole file again from Excel as "CSV UTF-8"');
    // C1 is no UTF-8 lead byte; D6 D0 is no sequence either; D0 A1 is the Cyrillic С; D3 EA is none
    expect(d?.cell).toEqual({ row: 3, column: '姓名', value: '\uFFFD\uFFFDС\uFFFD\uFFFD' });
    expect(d?.file).toBe('month.csv');
  });

  it('a streamed run (CSV to a CSV file) refuses it at the same cell and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-mixed-'));
    const file = join(dir, 'month.csv');
    writeFileSync(file, mixed());
    const out = join(dir, 'out.csv');
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', file, '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:3: error[data_encoding]: the file is UTF-8 but this cell is not: read as GBK it says \`林小雨\`\n  at row 3, column \`姓名\``,
    );
    expect(readdirSync(dir)).toEqual(['month.csv']);
  });

  it('a whole GBK file is still read as GBK', async () => {
    const gbk = new Uint8Array(readFileSync('examples/exports-2026-10/sample-gbk.csv'));
    const r = await readTable(gbk, 'sample-gbk.csv');
    expect(r.ok && r.table.header[0]).toBe('工号');
  });

  it('with --encoding utf-8 named, the file-level refusal stands', async () => {
    const r = await readTable(mixed(), 'month.csv', { encoding: 'utf-8' });
    expect(r.ok ? 'read' : r.diagnostics[0]?.message).toBe('the file is not valid UTF-8 text');
  });
});

describe('an Excel workbook named .csv', () => {
  it('is refused as a workbook, not as text with NUL bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-workbook-'));
    const file = join(dir, 'month.csv');
    writeFileSync(file, readFileSync('examples/exports-2026-10/sample.xlsx'));
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `month.csv:1: error[data_is_workbook]: the file is an Excel workbook (.xlsx), not CSV text as its name \`${file}\` says\n` +
        '  help: rename it to end in .xlsx, or save it from Excel as "CSV UTF-8"',
    );
  });

  it('a streamed run (CSV to a CSV file) refuses it the same way and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-workbook-'));
    const file = join(dir, 'month.csv');
    writeFileSync(file, readFileSync('examples/exports-2026-10/sample.xlsx'));
    const out = join(dir, 'out.csv');
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', file, '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `month.csv:1: error[data_is_workbook]: the file is an Excel workbook (.xlsx), not CSV text as its name \`${file}\` says`,
    );
    expect(readdirSync(dir)).toEqual(['month.csv']);
  });

  it('an old .xls workbook (its OLE2 signature D0 CF 11 E0) named .json likewise', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = await readTable(bytes, 'month.json');
    expect(r.ok ? 'read' : [r.diagnostics[0]?.code, r.diagnostics[0]?.message]).toEqual([
      'data_is_workbook',
      'the file is an old Excel workbook (.xls), not JSON text as its name `month.json` says',
    ]);
  });
});
