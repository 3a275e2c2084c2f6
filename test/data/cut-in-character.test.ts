// A file cut short inside its last character (a download, a copy or an export that did not finish).
// UTF-8 cut so was read as GBK and refused at a cell of nonsense ("read as GBK it says `�`"); GBK
// cut so was "not valid GBK/GB18030 text" at row 1, whatever row the cut is on. Both now say the
// file was cut, on the row it ends in.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { yardstick } from '../yardstick.js';

const TEXT = '工号,姓名,团队\r\nE1,张三,短视频一组\r\nE2,李四,短视频一组\r\n';
/** The text up to and including the first byte of the last `组`: three lines and a part of the fourth. */
function cut(bytes: Uint8Array, char: Uint8Array): Uint8Array {
  const at = Buffer.from(bytes).lastIndexOf(Buffer.from(char));
  return bytes.subarray(0, at + 1);
}

const HELP =
  '  help: export or copy the file again: a download, a copy or an export that did not finish leaves its last row incomplete';

describe('a data file cut inside its last character', () => {
  it('in UTF-8 is refused as cut, on row 3, not read as GBK', async () => {
    const bytes = cut(new TextEncoder().encode(TEXT), new TextEncoder().encode('组'));
    const t = await readTable(bytes, '10月.csv');
    expect(t.ok ? [] : t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      `10月.csv:3: error[data_encoding]: the file ends in the middle of a UTF-8 character, on row 3: it was cut short\n${HELP}`,
    ]);
  });

  it('in GBK (a BOM-less Excel CSV) is refused as cut, on row 3', async () => {
    const bytes = cut(new Uint8Array(iconv.encode(TEXT, 'gbk')), new Uint8Array(iconv.encode('组', 'gbk')));
    for (const encoding of ['auto', 'gbk'] as const) {
      const t = await readTable(bytes, '10月.csv', { encoding });
      expect(t.ok ? [] : t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
        `10月.csv:3: error[data_encoding]: the file ends in the middle of a GBK/GB18030 character, on row 3: it was cut short\n${HELP}`,
      ]);
    }
  });

  it('a whole file is read as before, and bytes that are not text mid-file are not called a cut', async () => {
    expect((await readTable(new Uint8Array(iconv.encode(TEXT, 'gbk')), 'a.csv')).ok).toBe(true);
    expect((await readTable(new TextEncoder().encode(TEXT), 'a.csv')).ok).toBe(true);
    // 0xFF is no byte of UTF-8 or GBK: not text, wherever it is
    const bad = new Uint8Array([
      ...new TextEncoder().encode('工号,姓名\r\nE1,'),
      0xff,
      ...new TextEncoder().encode('三\r\n'),
    ]);
    const t = await readTable(bad, 'a.csv');
    expect(t.ok ? [] : t.diagnostics.map((d) => d.code + String(d.message.includes('cut')))).toEqual([
      'data_encodingfalse',
    ]);
  });

  it('run says so with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-cut-'));
    const file = join(dir, '10月.csv');
    writeFileSync(file, cut(new TextEncoder().encode(TEXT), new TextEncoder().encode('组')));
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--period', '2026-10');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '10月.csv:3: error[data_encoding]: the file ends in the middle of a UTF-8 character, on row 3',
    );
  });
});
