// `yardstick merge-driver BASE OURS THEIRS`: git's merge driver for policies (`merge=yardstick` in
// .gitattributes, `merge.yardstick.driver` in the config). The three versions are put in the
// canonical layout first, then merged line by line by `git merge-file`, so a change of layout on
// one branch (a hand edit, an older editor) does not conflict with a change of values on the other.
// A version that is not valid YAML is merged as written. The result is left in OURS, as git expects;
// exit 0 when clean, 1 with conflict markers in OURS. The three are merged with LF line ends and
// without a byte-order mark; the result is written as OURS had it (a policy saved on Windows keeps
// its CRLF and its mark, the first line's end saying which, as the editor keeps them), so a merge
// changes only the lines the other branch changed. A version that cannot be read, or is not UTF-8
// text (a policy saved as GBK), is not merged at all: decoded, its bytes would come back as U+FFFD
// and be written over OURS. OURS is then left exactly as it was, and the exit code says conflict, so
// git stops the merge for a person to finish.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPolicyText } from '../../engine/index.js';
import { gitStatus } from '../git.js';
import { EXIT } from './errors.js';
import { writeAtomic } from './io.js';

/** A version's text without its byte-order mark, with LF line ends, in the canonical layout when it is valid YAML. */
const canonical = (text: string) => {
  const plain = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return formatPolicyText(plain) ?? plain;
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A version's text, or why it cannot be merged (said on stderr: git shows it beside the conflict). */
function version(file: string, say: (line: string) => void): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    say(
      `yardstick merge-driver: 无法读取 \`${file}\`（${code}），未合并 / cannot read \`${file}\` (${code}), not merged`,
    );
    return undefined;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    say(
      `yardstick merge-driver: \`${file}\` 不是 UTF-8 文本，未合并，请手工合并 / \`${file}\` is not UTF-8 text, not merged: merge it by hand`,
    );
    return undefined;
  }
}

export function mergeDriver(
  base: string,
  ours: string,
  theirs: string,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): number {
  const texts = [version(base, say), version(ours, say), version(theirs, say)];
  if (texts.some((t) => t === undefined)) return EXIT.input;
  const [baseText, mine, theirText] = texts as [string, string, string];
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-merge-'));
  try {
    const bom = mine.startsWith('\uFEFF') ? '\uFEFF' : '';
    const crlf = /^\uFEFF?[^\n]*\r\n/.test(mine);
    const files = { base: join(dir, 'base'), ours: join(dir, 'ours'), theirs: join(dir, 'theirs') };
    writeFileSync(files.base, canonical(baseText));
    writeFileSync(files.ours, canonical(mine));
    writeFileSync(files.theirs, canonical(theirText));
    const r = gitStatus([
      'merge-file',
      '-p',
      '-L',
      'ours',
      '-L',
      'base',
      '-L',
      'theirs',
      files.ours,
      files.base,
      files.theirs,
    ]);
    // a negative status (above 127 as an exit code) is git failing, not a count of conflicts: OURS is left as it was
    if (r.status < 0 || r.status > 127) return EXIT.input;
    writeAtomic(ours, bom + (crlf ? r.stdout.replace(/\n/g, '\r\n') : r.stdout));
    return r.status === 0 ? EXIT.ok : EXIT.input;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
