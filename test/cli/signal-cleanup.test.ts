// A run that prints to stdout keeps the month in a temporary folder until it is printed: Ctrl-C
// (SIGINT), SIGTERM or SIGHUP removes that folder (names and pay are not left in /tmp) and the
// process still ends by the signal, as it would without the handler.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A process that makes `dir`, asks for it to be removed on a signal (unless `settled`), says `ready` and waits. */
function child(dir: string, settled: boolean): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const script = `
    import { mkdirSync, rmSync } from 'node:fs';
    import { cleanUpOnSignal } from './node/files.ts';
    mkdirSync(${JSON.stringify(dir)});
    const done = cleanUpOnSignal(() => rmSync(${JSON.stringify(dir)}, { recursive: true, force: true }));
    ${settled ? 'done();' : ''}
    process.stdout.write('ready');
    setInterval(() => {}, 1000);
  `;
  const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    p.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) p.kill('SIGINT');
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('cleanUpOnSignal', () => {
  it('removes the folder on Ctrl-C and the process ends by SIGINT', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'yardstick-signal-')), 'scratch');
    expect(await child(dir, false)).toEqual({ code: null, signal: 'SIGINT' });
    expect(existsSync(dir)).toBe(false);
  }, 30_000);

  it('does nothing once the work is done: the folder stays and SIGINT still ends the process', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'yardstick-signal-')), 'scratch');
    expect(await child(dir, true)).toEqual({ code: null, signal: 'SIGINT' });
    expect(existsSync(dir)).toBe(true);
  }, 30_000);
});
