// `yardstick merge-driver BASE OURS THEIRS`: git's merge driver for policies (`merge=yardstick` in
// .gitattributes, `merge.yardstick.driver` in the config). The three versions are put in the
// canonical layout first, then merged line by line by `git merge-file`, so a change of layout on
// one branch (a hand edit, an older editor) does not conflict with a change of values on the other.
// A version that is not valid YAML is merged as written. The result is left in OURS, as git expects;
// exit 0 when clean, 1 with conflict markers in OURS. The three are merged with LF line ends and
// without a byte-order mark; the result is written as OURS had it (a policy saved on Windows keeps
// its CRLF and its mark, the first line's end saying which, as the editor keeps them), so a merge
// changes only the lines the other branch changed.

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

export function mergeDriver(base: string, ours: string, theirs: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-merge-'));
  try {
    const mine = readFileSync(ours, 'utf8');
    const bom = mine.startsWith('\uFEFF') ? '\uFEFF' : '';
    const crlf = /^\uFEFF?[^\n]*\r\n/.test(mine);
    const files = { base: join(dir, 'base'), ours: join(dir, 'ours'), theirs: join(dir, 'theirs') };
    writeFileSync(files.base, canonical(readFileSync(base, 'utf8')));
    writeFileSync(files.ours, canonical(mine));
    writeFileSync(files.theirs, canonical(readFileSync(theirs, 'utf8')));
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
