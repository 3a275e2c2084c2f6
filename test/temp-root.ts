// vitest's global set-up: one temporary folder for the whole run. Every test's
// `mkdtempSync(join(tmpdir(), …))`, every CLI and Chromium a test starts, land under it (Node reads
// TMPDIR at each `tmpdir()` call and child processes inherit it), and the folder is removed when
// the run ends, so running the suite does not leave thousands of folders in the system's /tmp.
// YARDSTICK_KEEP_TEST_FILES=1 keeps it (its path is printed) to look at what a test wrote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'yardstick-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.YARDSTICK_KEEP_TEST_FILES === '1') console.log(`test files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
