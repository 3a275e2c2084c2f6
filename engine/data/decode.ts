// Bytes of a data file → text. Excel on Chinese Windows saves CSV in GBK; exports may be UTF-8
// with or without BOM. TextDecoder (a web standard, in browsers and Node alike) does the work.

export type Encoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

import { diagnostic } from '../model/diagnostic.js';

/** On failure, `encoding` names the encoding tried as a person knows it (`GBK/GB18030`). */
export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } | { ok: false; encoding: string; message: string; help: string };

export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  const b = bytes;
  if (encoding === 'auto') {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decode(b.subarray(3), 'utf-8');
    if (b[0] === 0xff && b[1] === 0xfe) return decode(b.subarray(2), 'utf-16le');
    if (b[0] === 0xfe && b[1] === 0xff) return decode(b.subarray(2), 'utf-16be');
    const utf8 = decode(b, 'utf-8');
    // not valid UTF-8: a Chinese export is then GBK, which GB18030 contains
    return utf8.ok ? utf8 : decode(b, 'gb18030');
  }
  const start = encoding === 'utf-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return decode(b.subarray(start), encoding === 'gbk' ? 'gb18030' : encoding);
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    const shown = encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase();
    const d = diagnostic('data_encoding', { encoding: shown });
    return { ok: false, encoding: shown, message: d.message, help: d.help ?? '' };
  }
}
