// `yardstick textconv FILE`: what git shows for a policy in `git diff`, `git log -p` and `git show`
// (the `yardstick` diff driver of .gitattributes; docs/review.md). The canonical layout when the
// file parses; when it does not (a file saved mid-edit, a merge conflict), the text as written under
// one marker line, so git still shows the change instead of "fatal: unable to read files to diff".
// git runs it once per version of a file, so it starts on its own small bundle (bin.mjs), without
// the rest of the command.

import { readFileSync } from 'node:fs';
import { formatPolicyText } from '../../engine/index.js';

/** The first line of the raw text when it cannot be formatted. */
export const TEXTCONV_MARKER = '# ⚠ yardstick: not valid YAML, shown as written (yardstick validate names the problem)';

/** The first line of a file that is not UTF-8 text, shown as GB18030 (GBK) text. */
export const NOT_UTF8_MARKER =
  '# ⚠ yardstick: not UTF-8 text, shown as GBK (GB18030); save the policy as UTF-8 (yardstick validate refuses it)';

/** The first line of a file that is UTF-16 (with its byte order mark), or of no text encoding at all. */
export const NOT_UTF8_MARKERS = {
  utf16: '# ⚠ yardstick: UTF-16 text, shown as text; save the policy as UTF-8 (yardstick validate refuses it)',
  bytes:
    '# ⚠ yardstick: not UTF-8 or GBK text, shown byte by byte (\\xNN); save the policy as UTF-8 (yardstick validate refuses it)',
};

/** The text git compares for a policy file's content. */
export function textconvText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '');
  const formatted = formatPolicyText(text);
  if (formatted !== null) return formatted;
  return `${TEXTCONV_MARKER}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`;
}

/**
 * git hands textconv a temporary file holding one version. Anything unreadable as UTF-8 text is
 * shown as it is, after the marker: git must always get something to compare.
 */
export function textconv(file: string, write: (s: string) => void): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(
      `yardstick textconv: 无法读取 / cannot read ${file} (${(error as NodeJS.ErrnoException).code})\n`,
    );
    return 1;
  }
  const text = decoded(bytes, 'utf-8');
  if (text !== undefined) {
    write(textconvText(text));
    return 0;
  }
  // not UTF-8 (a policy saved as GBK or UTF-16, which validate refuses): shown so that two versions
  // whose bytes differ never show the same. As UTF-8 every such character became U+FFFD, and a
  // changed title (啊 → 阿) showed no change at all; a decoder that replaces what it cannot read
  // would hide a change the same way, so each reading is taken only when it reads every byte
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  const utf16 = bom16 && decoded(bytes, bom16);
  const gbk = utf16 === undefined ? decoded(bytes, 'gb18030') : undefined;
  const [marker, shown] =
    utf16 !== undefined
      ? [NOT_UTF8_MARKERS.utf16, utf16.replace(/^\uFEFF/, '')]
      : gbk !== undefined
        ? [NOT_UTF8_MARKER, gbk]
        : // every byte as itself: a byte of 0x80 or more as `\xNN`
          [NOT_UTF8_MARKERS.bytes, escapedBytes(bytes)];
  write(`${marker}\n${shown}${shown.endsWith('\n') || shown === '' ? '' : '\n'}`);
  return 0;
}

/** The bytes as text in `encoding`, or undefined when a byte is not of it. */
function decoded(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** ASCII as it is, every other byte as `\xNN` (and a backslash as `\\`): one text per file. */
function escapedBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out +=
      b === 0x5c ? '\\\\' : b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
