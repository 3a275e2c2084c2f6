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
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8 (a policy saved as GBK, which validate refuses): read as GB18030, which GBK is part
    // of, under its own marker. As UTF-8 every such character became U+FFFD, so that a changed
    // title (啊 → 阿) showed no change at all
    const shown = new TextDecoder('gb18030').decode(bytes);
    write(`${NOT_UTF8_MARKER}\n${shown}${shown.endsWith('\n') || shown === '' ? '' : '\n'}`);
    return 0;
  }
  write(textconvText(text));
  return 0;
}
