// Bytes of a data file → text. Excel on Chinese Windows saves CSV in GBK; exports may be UTF-8
// with or without BOM. TextDecoder (a web standard, in browsers and Node alike) does the work.

export type Encoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

import { diagnostic } from '../model/diagnostic.js';

/** On failure, `encoding` names the encoding tried as a person knows it (`GBK/GB18030`). */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; encoding: string; message: string; help: string; nul?: true };

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * How bytes beginning with `head` are decoded: the encoding, the byte-order mark to skip, and for
 * `auto` without a mark the encoding to try when they are not UTF-8 after all (a Chinese export
 * is then GBK, which GB18030 contains). A reader that streams a file decides from its first bytes.
 */
export function decodingOf(
  head: Uint8Array,
  encoding: Encoding = 'auto',
): { encoding: TextEncodingName; skip: number; otherwise?: 'gb18030' } {
  const b = head;
  const utf8Bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (encoding === 'auto') {
    if (utf8Bom) return { encoding: 'utf-8', skip: 3 };
    if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
    if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
    return { encoding: 'utf-8', skip: 0, otherwise: 'gb18030' };
  }
  if (encoding === 'utf-8') return { encoding: 'utf-8', skip: utf8Bom ? 3 : 0 };
  return { encoding: encoding === 'gbk' ? 'gb18030' : encoding, skip: 0 };
}

export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  const how = decodingOf(bytes, encoding);
  if (hasNulBytes(bytes, how.encoding)) return { ok: false, ...nulBytes(), nul: true };
  const first = decode(bytes.subarray(how.skip), how.encoding);
  return first.ok || !how.otherwise ? first : decode(bytes, how.otherwise);
}

/** Why bytes are not text in `encoding`, and what to do (the `data_encoding` diagnostic's text). */
export function notText(encoding: TextEncodingName): { encoding: string; message: string; help: string } {
  const shown = encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase();
  const d = diagnostic('data_encoding', { encoding: shown });
  return { encoding: shown, message: d.message, help: d.help ?? '' };
}

/**
 * A NUL byte in the first 4 KiB of text read as UTF-8 or GBK. No export's text holds one (UTF-8
 * would even accept it), but UTF-16 without its byte-order mark is full of them: one after every
 * ASCII character. Refused rather than read as columns named `工\0号`.
 */
export function hasNulBytes(head: Uint8Array, encoding: TextEncodingName): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const end = Math.min(head.length, 4096);
  for (let i = 0; i < end; i++) if (head[i] === 0) return true;
  return false;
}

/** Why text with NUL bytes is refused, and what to do (data_encoding.nul's text). */
export function nulBytes(): { encoding: string; message: string; help: string } {
  const d = diagnostic('data_encoding.nul', {});
  return { encoding: 'UTF-16', message: d.message, help: d.help ?? '' };
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, ...notText(encoding) };
  }
}
