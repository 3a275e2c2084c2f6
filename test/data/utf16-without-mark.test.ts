// "Unicode text" from Excel is UTF-16 led by its byte-order mark, and is read. The same text
// without the mark is full of NUL bytes (one after every ASCII character) that UTF-8 would even
// accept: it is refused at the file with what to do, never read as columns named `工\0号`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const TEXT = '工号,姓名,岗位\r\nSV0001,王芳,编导\r\n';

describe('UTF-16 without its byte-order mark', () => {
  it('is refused by the decoder, whichever encoding is named', () => {
    for (const encoding of ['auto', 'utf-8', 'gbk'] as const) {
      const d = decodeBytes(utf16le(TEXT), encoding);
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.nul).toBe(true);
        expect(d.message).toBe(
          'the file holds NUL bytes, as UTF-16 text without its byte-order mark does (or it is not a text file)',
        );
      }
    }
  });

  it('is read when the mark leads it, as Excel writes it', () => {
    const d = decodeBytes(new Uint8Array([0xff, 0xfe, ...utf16le(TEXT)]));
    expect(d).toEqual({ ok: true, text: TEXT, encoding: 'utf-16le' });
  });

  it('a NUL byte only after the first 4 KiB is left to the cell readers', () => {
    const text = `${'a'.repeat(4096)}\u0000`;
    expect(decodeBytes(new TextEncoder().encode(text)).ok).toBe(true);
  });

  it('the whole-file run and the streaming run refuse it alike, at the file, and write nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-utf16-'));
    const data = join(dir, 'month.csv');
    writeFileSync(data, utf16le(TEXT));
    const first = `${data}:1: error[data_encoding]: the file holds NUL bytes, as UTF-16 text without its byte-order mark does (or it is not a text file)`;
    const help =
      '  help: save it from Excel as "CSV UTF-8", or as "Unicode text" (UTF-16 that starts with its byte-order mark)';
    const whole = await yardstick('run', 'policies/short-video-team.yaml', '--data', data, '--period', '2026-10');
    const streamed = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      data,
      '--period',
      '2026-10',
      '--format',
      'csv',
      '--out',
      join(dir, 'out.csv'),
    );
    for (const r of [whole, streamed]) {
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([first, help]);
    }
  });
});
