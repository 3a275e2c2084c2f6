// node/files.ts: a file is replaced whole or not at all, through a temporary file beside it.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../../node/files.js';
import { main } from '../../node/cli/main.js';

const folder = () => mkdtempSync(join(tmpdir(), 'yardstick-files-'));

describe('writeFileAtomic', () => {
  it('replaces the file with the new content and leaves nothing beside it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.txt'), 'old');
    writeFileAtomic(join(dir, 'a.txt'), '新的 content', { durable: true });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('新的 content');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('stopped with the new file complete, before the rename, leaves the old file and removes the temporary one', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.txt'), 'old');
    let seen = '';
    const stop = () => {
      seen = readFileSync(join(dir, `.a.txt.${process.pid}.tmp`), 'utf8');
      throw new Error('stopped');
    };
    expect(() => writeFileAtomic(join(dir, 'a.txt'), 'new', { beforeRename: stop })).toThrow('stopped');
    expect(seen).toBe('new');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

describe('AtomicFile', () => {
  it('written in pieces, restarted, then committed holds only what came after the restart', () => {
    const dir = folder();
    const file = new AtomicFile(join(dir, 'out.csv'));
    file.write(Buffer.from('a,b\n'));
    file.restart();
    file.write(Buffer.from('c,'));
    file.write(Buffer.from('d\n'));
    expect(readdirSync(dir)).toEqual([`.out.csv.${process.pid}.tmp`]);
    file.commit();
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('c,d\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('discarded leaves no file', () => {
    const dir = folder();
    const file = new AtomicFile(join(dir, 'out.csv'));
    file.write(Buffer.from('a'));
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an output in a folder that does not exist', () => {
  const POLICY = 'policies/short-video-team.yaml';
  const DATA = 'examples/sample-2026-10.csv';
  it.each([
    ['the table', 'table', 'results.txt'],
    ['a streamed CSV', 'csv', 'results.csv'],
  ])('%s: names the missing folder, exit 1, nothing written', async (_what, format, name) => {
    const stderr: string[] = [];
    const out = `/nonexistent-yardstick-folder/${name}`;
    const code = await main(['run', POLICY, '--data', DATA, '--exclude-invalid', '--format', format, '--out', out], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
      errorLang: 'en',
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      `error: cannot write \`${out}\`: the folder \`/nonexistent-yardstick-folder\` does not exist\n` +
        '  help: create the folder first, or write to an existing folder',
    );
    expect(existsSync(out)).toBe(false);
  });
});
