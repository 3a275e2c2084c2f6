// The policies of a policies repository: the files of `policies/` in the working folder, which
// `check`, and `test` and `verify` without policy files, read. Run anywhere else (a CI step in the
// wrong folder), there is no such folder: that is said, not an internal error.

import { readdirSync, statSync } from 'node:fs';
import { diagnostic } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';

/** The names of the files in `policies/`; refused (exit 1) when the working folder has no such folder. */
export function policiesFolder(command: 'check' | 'test' | 'verify'): string[] {
  let folder = false;
  try {
    folder = statSync('policies').isDirectory();
  } catch {
    // none there (or unreadable): said below
  }
  if (!folder) throw new ExitError(EXIT.input, diagnostic('cli_no_policies_folder', { dir: process.cwd(), command }));
  return readdirSync('policies');
}
