// `yardstick merge-driver BASE OURS THEIRS`: git's merge driver for policies (`merge=yardstick` in
// .gitattributes, `merge.yardstick.driver` in the config). The three versions are put in the
// canonical layout first, then merged line by line by `git merge-file`, so a change of layout on
// one branch (a hand edit, an older editor) does not conflict with a change of values on the other.
// A version that is not valid YAML is merged as written. The result is left in OURS, as git expects;
// exit 0 when clean, 1 with conflict markers in OURS.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPolicyText } from '../../engine/index.js';
import { gitStatus } from '../git.js';
import { EXIT } from './errors.js';
import { writeAtomic } from './io.js';

const canonical = (file: string) => {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return formatPolicyText(text) ?? text;
};

export function mergeDriver(base: string, ours: string, theirs: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-merge-'));
  try {
    writeFileSync(join(dir, 'base'), canonical(base));
    writeFileSync(join(dir, 'theirs'), canonical(theirs));
    writeAtomic(ours, canonical(ours));
    const r = gitStatus([
      'merge-file',
      '-L',
      'ours',
      '-L',
      'base',
      '-L',
      'theirs',
      ours,
      join(dir, 'base'),
      join(dir, 'theirs'),
    ]);
    return r.status === 0 ? EXIT.ok : EXIT.input;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
