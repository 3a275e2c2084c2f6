// Ctrl-C in the middle of writing an output (a streamed run of a large month writes for seconds):
// nothing under the final name, and no half-written `.name.pid.tmp` left in the user's folder.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function interrupted(signal: NodeJS.Signals) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-interrupted-'));
  const target = join(dir, 'results.csv');
  const child = spawn('node', ['--import', 'tsx', 'test/cli/interrupted-writer.ts', target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig])),
  );
  const temp = await new Promise<string>((ready) =>
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /^ready (.+)$/m.exec(chunk.toString());
      if (m) ready(m[1]!);
    }),
  );
  // the piece written so far is in the temporary file beside the target
  expect(temp).toBe(join(dir, `.results.csv.${child.pid}.tmp`));
  expect(readdirSync(dir)).toEqual([`.results.csv.${child.pid}.tmp`]);
  child.kill(signal);
  return { ended: await ended, dir, target };
}

describe('an output interrupted while it is written', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: the temporary file is removed, the target never made, and the run dies of ${signal}`, async () => {
      const { ended, dir, target } = await interrupted(signal);
      expect(ended).toEqual([null, signal]);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  }
});
