// Where an output cannot go, the reason is the true one: a folder that exists but takes no new
// files (/proc) is not "a folder that does not exist", a file in the way is named as a file, and a
// folder that must be made there (statements --out, init DIR) is refused at once, never a hang
// (Node's recursive mkdir loops for ever under /proc) nor an internal error.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../node/files.js';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const DATA = 'examples/sample-2026-10.csv';
const PROC = '  help: write to a folder of your own, e.g. results/';
const onProc = process.platform === 'linux';

describe.runIf(onProc)('an output under /proc', () => {
  it.each([
    ['the table', 'table', '/proc/x.txt'],
    ['a streamed CSV', 'csv', '/proc/x.csv'],
  ])('%s to %s: /proc exists but takes no new files, exit 1', async (_what, format, out) => {
    const r = await yardstick('run', POLICY, '--data', DATA, '--exclude-invalid', '--format', format, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot write \`${out}\`: the folder \`/proc\` exists but takes no new files (a system folder such as /proc)\n` +
        PROC,
    );
  });

  it('statements --out /proc/st is refused at once with the same reason (it hung for ever)', async () => {
    const r = await yardstick('statements', POLICY, '--data', DATA, '--exclude-invalid', '--out', '/proc/st/a');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: cannot write `/proc/st`: the folder `/proc` exists but takes no new files (a system folder such as /proc)',
    );
  });

  it('init /proc/newrepo is exit 1 with the reason, not a hang or an internal error (exit 70)', async () => {
    const r = await yardstick('init', '/proc/newrepo');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: cannot write `/proc/newrepo`: the folder `/proc` exists but takes no new files');
  });

  it('makeFolders throws the error of the first folder it cannot make, with its path', () => {
    expect(() => makeFolders('/proc/st/a/b')).toThrow(expect.objectContaining({ code: 'ENOENT', path: '/proc/st' }));
  });
});

describe('a file where a folder should be', () => {
  it('run --out FILE/x.csv and FILE/a/x.csv name the file in the way, not a missing folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-out-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    for (const out of [join(file, 'x.csv'), join(file, 'a', 'x.csv')]) {
      const r = await yardstick('run', POLICY, '--data', DATA, '--exclude-invalid', '--format', 'csv', '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `error: cannot write \`${out}\`: \`${file}\` is a file, not a folder\n  help: write to a path inside a folder, e.g. results/`,
      );
    }
  });

  it('statements --out FILE/st names the file in the way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-out-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    const r = await yardstick('statements', POLICY, '--data', DATA, '--exclude-invalid', '--out', join(file, 'st'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot write \`${join(file, 'st')}\`: \`${file}\` is a file, not a folder`);
  });
});
