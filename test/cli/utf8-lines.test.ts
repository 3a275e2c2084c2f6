// A streamed CSV chunk's lines written as UTF-8 into one buffer (node/cli/stream-batch.ts): the
// same bytes TextEncoder gives for the lines joined, through the buffer's growth, and a buffer of
// the chunk's own that a worker can hand over.

import { describe, expect, it } from 'vitest';
import { Utf8Lines } from '../../node/cli/stream-batch.js';

const encoded = (text: string) => new TextEncoder().encode(text);

describe('CSV lines as UTF-8', () => {
  it('are the bytes of the lines joined: ASCII, Chinese (3 bytes a character) and ¥ (2 bytes)', () => {
    const lines = ['SV0001,张三,¥1,234.50\n', 'SV0002,李四,¥0.00\n'];
    const out = new Utf8Lines(10);
    for (const l of lines) out.add(l);
    // 'SV0001,张三,¥1,234.50\n': 7 + 6 + 1 + 2 + 8 + 1 = 25 bytes; the second 7 + 6 + 1 + 2 + 4 + 1 = 21
    expect(out.take()).toEqual(encoded(lines.join('')));
    expect(out.take().length).toBe(46);
  });

  it('grow past the first 4,096 bytes without losing or reordering any: 2,000 lines of 15 bytes', () => {
    const out = new Utf8Lines(4096);
    let all = '';
    for (let i = 0; i < 2000; i++) {
      const line = `${String(i).padStart(4, '0')},王小明\n`;
      all += line;
      out.add(line);
    }
    // each line: 4 digits, a comma, 9 bytes of Chinese, a line break = 15 bytes
    expect(out.take().length).toBe(2000 * 15);
    expect(out.take()).toEqual(encoded(all));
  });

  it('hand over a buffer of their own (never a slice of a shared pool), only the bytes written', () => {
    const out = new Utf8Lines(0);
    out.add('E1,甲\n');
    const bytes = out.take();
    // 'E1,甲\n' is 3 + 3 + 1 = 7 bytes, copied out of the 4,096-byte buffer (less than three quarters used)
    expect(bytes.length).toBe(7);
    expect(bytes.buffer.byteLength).toBe(7);
  });
});
